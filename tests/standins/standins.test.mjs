// The stand-ins checked by the OFFICIAL clients (@neondatabase/serverless, @planetscale/database)
// against the real PostgreSQL / MariaDB behind them; writes are verified with pg / mysql2 directly.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import mysql from 'mysql2/promise';
import { neon, neonConfig, NeonDbError } from '@neondatabase/serverless';
import { connect, DatabaseError } from '@planetscale/database';
import { startNeon } from './neon.mjs';
import { startPlanetScale } from './planetscale.mjs';

const PG = { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' };
const MY = { host: '127.0.0.1', port: 3306, user: 'root', password: '', database: 'test' };
const CONN = 'postgresql://postgres:anything@db.localtest.me:5432/test';
const uniq = (p) => `standin_${p}_${randomBytes(4).toString('hex')}`;
const HOSTILE = [
  "it's",
  "''; DROP TABLE x; --",
  'back\\slash',
  '\\',
  "\\'",
  '"double"',
  'tab\tnew\nline\r',
  '%_*?',
  'ünïcödé ✓ 🐘',
  '$1 ? :name @v `tick`',
  '\x1a ctrl-z',
  '/*! 1 */ -- #',
];

let neonStandin, psStandin, pgDirect, myDirect;

before(async () => {
  neonStandin = await startNeon({ pg: PG });
  psStandin = await startPlanetScale({ mysql: MY });
  neonConfig.fetchEndpoint = () => neonStandin.url;
  pgDirect = new pg.Client(PG);
  await pgDirect.connect();
  myDirect = await mysql.createConnection(MY);
});

after(async () => {
  await pgDirect?.end();
  await myDirect?.end();
  await neonStandin?.close();
  await psStandin?.close();
});

// raw protocol access, to see exactly what goes over the wire
async function neonPost(body, headers = {}) {
  const res = await fetch(neonStandin.url, {
    method: 'POST',
    headers: {
      'Neon-Connection-String': CONN,
      'Neon-Raw-Text-Output': 'true',
      'Neon-Array-Mode': 'true',
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, json: await res.json() };
}

async function rejection(promise) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  assert.fail('expected a rejection');
}

describe('Neon stand-in, official @neondatabase/serverless client', () => {
  const sql = neon(CONN);

  test('scalar types decode as the client decodes real Neon results', async () => {
    const [row] = await sql`
      SELECT 1::int2 AS i2, 2147483647::int4 AS i4, ${'9007199254740993'}::int8 AS i8,
             1.5::float8 AS f8, ${'123456789012345678901234.5678'}::numeric AS num,
             true AS t, false AS f, ${'00000000-0000-4000-8000-000000000001'}::uuid AS id,
             ${'{"a":[1,"x",null]}'}::jsonb AS jb, '{"k": 1}'::json AS j,
             '\\xdeadbeef00'::bytea AS bin, ${null}::text AS nothing,
             '2024-01-02 03:04:05.123456'::timestamp AS ts, '2024-01-02 03:04:05.5+02'::timestamptz AS tstz,
             '{1,2,NULL}'::int[] AS ints, ARRAY['a,b', 'c"d', NULL] AS texts`;
    assert.equal(row.i2, 1);
    assert.equal(row.i4, 2147483647);
    assert.equal(row.i8, '9007199254740993'); // int8 stays text in the client
    assert.equal(row.f8, 1.5);
    assert.equal(row.num, '123456789012345678901234.5678');
    assert.equal(row.t, true);
    assert.equal(row.f, false);
    assert.equal(row.id, '00000000-0000-4000-8000-000000000001');
    assert.deepEqual(row.jb, { a: [1, 'x', null] });
    assert.deepEqual(row.j, { k: 1 });
    assert.deepEqual([...row.bin], [0xde, 0xad, 0xbe, 0xef, 0]);
    assert.equal(row.nothing, null);
    assert.ok(row.ts instanceof Date);
    assert.equal(row.tstz.toISOString(), '2024-01-02T01:04:05.500Z');
    assert.deepEqual(row.ints, [1, 2, null]);
    assert.deepEqual(row.texts, ['a,b', 'c"d', null]);
  });

  test('the wire carries PostgreSQL text forms and Neon field metadata', async () => {
    const { status, json } = await neonPost({
      query:
        "SELECT $1::int8 AS n, 't'::bool AS b, '\\x00ff'::bytea AS bin, '1 day 02:03:04'::interval AS iv, " +
        "'2024-02-29'::date AS d, '23:59:59.25'::time AS tm, '2024-01-02 03:04:05+00'::timestamptz AS tz, " +
        "'{{1,2},{3,4}}'::int[] AS arr, NULL::text AS z",
      params: ['42'],
    });
    assert.equal(status, 200);
    assert.equal(json.command, 'SELECT');
    assert.equal(json.rowCount, 1);
    assert.equal(json.rowAsArray, true);
    assert.deepEqual(json.rows, [
      [
        '42',
        't',
        '\\x00ff',
        '1 day 02:03:04',
        '2024-02-29',
        '23:59:59.25',
        '2024-01-02 03:04:05+00',
        '{{1,2},{3,4}}',
        null,
      ],
    ]);
    assert.deepEqual(json.fields[0], {
      name: 'n',
      dataTypeID: 20,
      tableID: 0,
      columnID: 0,
      dataTypeSize: 8,
      dataTypeModifier: -1,
      format: 'text',
    });
    assert.deepEqual(
      json.fields.map((f) => f.dataTypeID),
      [20, 16, 17, 1186, 1082, 1083, 1184, 1007, 25],
    );
  });

  test('non-raw, non-array mode (headers absent) answers as Neon: typed JSON objects', async () => {
    const { json } = await neonPost(
      {
        query:
          "SELECT 7::int4 AS i, 8::int8 AS big, true AS b, 2.5::float8 AS f, 'NaN'::float8 AS nan, " +
          "'{\"x\": 12345678901234567890}'::jsonb AS j, ARRAY[[1,NULL],[3,4]] AS a, ARRAY['q\"x', 'NULL'] AS s, " +
          'NULL::int AS z',
        params: [],
      },
      { 'Neon-Raw-Text-Output': 'false', 'Neon-Array-Mode': 'false' },
    );
    assert.equal(json.rowAsArray, false);
    assert.deepEqual(json.rows[0], {
      i: 7,
      big: '8',
      b: true,
      f: 2.5,
      nan: 'NaN',
      // biome-ignore lint/correctness/noPrecisionLoss: a JSON number past 2^53 reads as the nearest double
      j: { x: 12345678901234567890 },
      a: [
        [1, null],
        [3, 4],
      ],
      s: ['q"x', 'NULL'],
      z: null,
    });
    // a per-query arrayMode in the body overrides the header, as in Neon's QueryData
    const { json: arr } = await neonPost({ query: 'SELECT 1 AS one', params: [], arrayMode: false });
    assert.deepEqual(arr.rows, [{ one: '1' }]);
  });

  test('params: JSON numbers, bools, objects and arrays are accepted as Neon converts them', async () => {
    const { json } = await neonPost({
      query: 'SELECT $1::int AS n, $2::bool AS b, $3::jsonb AS o, $4::text[] AS a, $5::int[] AS ia, $6::text AS z',
      params: [
        5,
        true,
        { k: 'v' },
        ['x', 'y"z', null],
        [
          [1, 2],
          [3, 4],
        ],
        null,
      ],
    });
    assert.deepEqual(json.rows, [['5', 't', '{"k": "v"}', '{x,"y\\"z",NULL}', '{{1,2},{3,4}}', null]]);
  });

  test('hostile text round-trips exactly; NUL is rejected by PostgreSQL', async () => {
    for (const s of HOSTILE) {
      const [row] = await sql`SELECT ${s}::text AS v, length(${s}::text) AS n`;
      assert.equal(row.v, s);
      assert.equal(row.n, [...s].length);
    }
    const err = await rejection(sql`SELECT ${'a\0b'}::text AS v`);
    assert.ok(err instanceof NeonDbError);
    assert.equal(err.code, '22021');
    assert.match(err.message, /invalid byte sequence for encoding "UTF8": 0x00/);
    assert.equal(err.severity, 'ERROR');
  });

  test('fullResults / arrayMode variations and command tags', async () => {
    const t = uniq('neon_cmd');
    try {
      const created = await sql.query(`CREATE TABLE ${t} (id int PRIMARY KEY, name text)`, [], { fullResults: true });
      assert.equal(created.command, 'CREATE');
      assert.equal(created.rowCount, null);
      assert.deepEqual(created.rows, []);
      const ins = await sql.query(`INSERT INTO ${t} VALUES ($1, $2), ($3, $4)`, [1, 'a', 2, null], {
        fullResults: true,
      });
      assert.equal(ins.command, 'INSERT');
      assert.equal(ins.rowCount, 2);
      assert.deepEqual(ins.fields, []);
      const arr = await sql.query(`SELECT id, name FROM ${t} ORDER BY id`, [], { arrayMode: true });
      assert.deepEqual(arr, [
        [1, 'a'],
        [2, null],
      ]);
      const full = await sql.query(`SELECT id, name FROM ${t} ORDER BY id`, [], { arrayMode: true, fullResults: true });
      assert.equal(full.command, 'SELECT');
      assert.equal(full.rowCount, 2);
      assert.equal(full.rowAsArray, true);
      assert.deepEqual(
        full.fields.map((f) => [f.name, f.dataTypeID, f.columnID, f.tableID > 0]),
        [
          ['id', 23, 1, true],
          ['name', 25, 2, true],
        ],
      );
      const upd = await sql.query(`UPDATE ${t} SET name = 'z'`, [], { fullResults: true });
      assert.equal(upd.command, 'UPDATE');
      assert.equal(upd.rowCount, 2);
      // two statements in one query: Neon uses the extended protocol, which rejects them
      const multi = await rejection(sql.query('SELECT 1; SELECT 2'));
      assert.equal(multi.code, '42601');
    } finally {
      await pgDirect.query(`DROP TABLE IF EXISTS ${t}`);
    }
  });

  test('unique violation carries code, constraint, detail, table and schema', async () => {
    const t = uniq('neon_uq');
    try {
      await sql.query(`CREATE TABLE ${t} (id int CONSTRAINT ${t}_pk PRIMARY KEY)`);
      await sql.query(`INSERT INTO ${t} VALUES (1)`);
      const err = await rejection(sql.query(`INSERT INTO ${t} VALUES (1)`));
      assert.ok(err instanceof NeonDbError);
      assert.equal(err.code, '23505');
      assert.equal(err.constraint, `${t}_pk`);
      assert.equal(err.detail, 'Key (id)=(1) already exists.');
      assert.equal(err.table, t);
      assert.equal(err.schema, 'public');
      assert.equal(err.severity, 'ERROR');
      assert.match(err.message, /duplicate key value violates unique constraint/);
      // the HTTP shape: 400 and every Neon error key, absent ones null
      const { status, json } = await neonPost({ query: `INSERT INTO ${t} VALUES (1)`, params: [] });
      assert.equal(status, 400);
      assert.equal(json.hint, null);
      assert.equal(json.position, null);
      assert.equal(json.routine, '_bt_check_unique');
      const syntax = await rejection(sql.query('SELEC 1'));
      assert.equal(syntax.code, '42601');
      assert.equal(syntax.position, '1');
    } finally {
      await pgDirect.query(`DROP TABLE IF EXISTS ${t}`);
    }
  });

  test('sql.transaction: atomic; a failing third of four statements leaves nothing written', async () => {
    const t = uniq('neon_tx');
    try {
      await sql.query(`CREATE TABLE ${t} (id int PRIMARY KEY, v text)`);
      const err = await rejection(
        sql.transaction((tx) => [
          tx`INSERT INTO ${sql.unsafe(t)} VALUES (1, 'a')`,
          tx`INSERT INTO ${sql.unsafe(t)} VALUES (2, 'b')`,
          tx`INSERT INTO ${sql.unsafe(t)} VALUES (1, 'dup')`,
          tx`INSERT INTO ${sql.unsafe(t)} VALUES (4, 'd')`,
        ]),
      );
      assert.equal(err.code, '23505');
      const direct = await pgDirect.query(`SELECT count(*)::int AS n FROM ${t}`);
      assert.equal(direct.rows[0].n, 0);

      const results = await sql.transaction(
        [
          sql`INSERT INTO ${sql.unsafe(t)} VALUES (1, 'a') RETURNING id`,
          sql`INSERT INTO ${sql.unsafe(t)} VALUES (2, ${"it's"})`,
          sql`SELECT v FROM ${sql.unsafe(t)} ORDER BY id`,
        ],
        { isolationLevel: 'Serializable' },
      );
      assert.deepEqual(results[0], [{ id: 1 }]);
      assert.deepEqual(results[2], [{ v: 'a' }, { v: "it's" }]);
      const after = await pgDirect.query(`SELECT id FROM ${t} ORDER BY id`);
      assert.deepEqual(after.rows, [{ id: 1 }, { id: 2 }]);

      // the batch options reach PostgreSQL: a read-only batch cannot write
      const ro = await rejection(
        sql.transaction([sql`INSERT INTO ${sql.unsafe(t)} VALUES (9, 'x')`], { readOnly: true }),
      );
      assert.equal(ro.code, '25006');
      const iso = await sql.transaction(
        [sql`SHOW transaction_isolation`, sql`SHOW transaction_read_only`, sql`SHOW transaction_deferrable`],
        {
          isolationLevel: 'RepeatableRead',
          readOnly: true,
          deferrable: true,
        },
      );
      assert.deepEqual(
        iso.map((r) => Object.values(r[0])[0]),
        ['repeatable read', 'on', 'on'],
      );
      // Neon echoes the batch options in the response headers
      const raw = await neonPost(
        { queries: [{ query: 'SELECT 1', params: [] }] },
        { 'Neon-Batch-Isolation-Level': 'ReadCommitted', 'Neon-Batch-Read-Only': 'true' },
      );
      assert.equal(raw.headers.get('neon-batch-isolation-level'), 'ReadCommitted');
      assert.equal(raw.headers.get('neon-batch-read-only'), 'true');
      assert.equal(raw.json.results.length, 1);
      const bad = await neonPost({ queries: [] }, { 'Neon-Batch-Isolation-Level': 'Chaos' });
      assert.equal(bad.status, 400);
      assert.equal(bad.json.message, 'invalid isolation level');
    } finally {
      await pgDirect.query(`DROP TABLE IF EXISTS ${t}`);
    }
  });

  test('connection string: user and database are taken from it; Authorization is accepted', async () => {
    const other = neon('postgresql://postgres@any.host.example/postgres', { authToken: 'jwt-token' });
    const [row] = await other`SELECT current_user AS u, current_database() AS d`;
    assert.deepEqual(row, { u: 'postgres', d: 'postgres' });
    const missing = await fetch(neonStandin.url, { method: 'POST', body: '{"query":"select 1"}' });
    assert.equal(missing.status, 400);
  });
});

describe('PlanetScale stand-in, official @planetscale/database client', () => {
  const conn = () => connect({ url: psStandin.url, fetch });

  test('typed values round trip with the client cast', async () => {
    const t = uniq('ps_types');
    const c = conn();
    try {
      await c.execute(
        `CREATE TABLE ${t} (id bigint PRIMARY KEY AUTO_INCREMENT, big bigint, ubig bigint unsigned,
           i int, ui int unsigned,
           d decimal(20,4), f double, dt datetime(3), ts timestamp(6) NULL, dd date, tm time, y year, j json,
           b varbinary(16), bl blob, t text, e enum('x','y'), bi bit(4), n varchar(10))`,
      );
      const ins = await c.execute(
        `INSERT INTO ${t} (big, ubig, i, ui, d, f, dt, ts, dd, tm, y, j, b, bl, t, e, bi)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, b'1010')`,
        [
          '-9223372036854775808',
          '18446744073709551615',
          -5,
          4000000000,
          '1234567890123456.7891',
          1.25,
          '2024-01-02 03:04:05.678',
          '2024-01-02 03:04:05.123456',
          '2024-02-29',
          '-838:59:59',
          2155,
          '{"a": [1, "two", null], "b": {"c": true}}',
          new Uint8Array([0, 1, 2, 255, 0x5c, 0x27]),
          new Uint8Array([0, 0, 0]),
          'text ✓',
          'y',
        ],
      );
      assert.equal(ins.rowsAffected, 1);
      assert.equal(ins.insertId, '1');
      const r = await c.execute(`SELECT *, NULL AS nul FROM ${t}`);
      const row = r.rows[0];
      assert.equal(row.id, '1');
      assert.equal(row.big, '-9223372036854775808');
      assert.equal(row.ubig, '18446744073709551615');
      assert.equal(row.i, -5);
      assert.equal(row.ui, 4000000000);
      assert.equal(row.d, '1234567890123456.7891');
      assert.equal(row.f, 1.25);
      assert.equal(row.dt, '2024-01-02 03:04:05.678');
      assert.equal(row.ts, '2024-01-02 03:04:05.123456');
      assert.equal(row.dd, '2024-02-29');
      assert.equal(row.tm, '-838:59:59');
      assert.equal(row.y, 2155);
      assert.deepEqual(row.j, { a: [1, 'two', null], b: { c: true } });
      assert.deepEqual([...row.b], [0, 1, 2, 255, 0x5c, 0x27]);
      assert.deepEqual([...row.bl], [0, 0, 0]);
      assert.equal(row.t, 'text ✓');
      assert.equal(row.e, 'y');
      assert.deepEqual([...row.bi], [0x0a]);
      assert.equal(row.n, null);
      assert.equal(row.nul, null);
      assert.deepEqual(r.types, {
        id: 'INT64',
        big: 'INT64',
        ubig: 'UINT64',
        i: 'INT32',
        ui: 'UINT32',
        d: 'DECIMAL',
        f: 'FLOAT64',
        dt: 'DATETIME',
        ts: 'TIMESTAMP',
        dd: 'DATE',
        tm: 'TIME',
        y: 'YEAR',
        j: 'JSON',
        b: 'VARBINARY',
        bl: 'BLOB',
        t: 'TEXT',
        e: 'ENUM',
        bi: 'BIT',
        n: 'VARCHAR',
        nul: 'NULL',
      });
      const idField = r.fields.find((f) => f.name === 'id');
      assert.equal(idField.table, t);
      assert.equal(idField.orgTable, t);
      assert.equal(idField.database, 'test');
      assert.equal(idField.charset, 63);
      assert.equal(idField.columnLength, 20);
      assert.ok(idField.flags & 2, 'PRI_KEY flag');
      assert.equal(r.fields.find((f) => f.name === 'nul').type, 'NULL'); // omitted on the wire, filled by the client
      assert.equal(r.fields.find((f) => f.name === 'dt').decimals, 3);
      // as: 'array'
      const arr = await c.execute(`SELECT id, n FROM ${t}`, null, { as: 'array' });
      assert.deepEqual(arr.rows, [['1', null]]);
      assert.equal(arr.size, 1);
      assert.equal(arr.rowsAffected, 0);
    } finally {
      await myDirect.query(`DROP TABLE IF EXISTS ${t}`);
    }
  });

  test('the wire: rows as lengths + base64 values, counts as strings, zero values omitted', async () => {
    const post = (path, body) =>
      fetch(new URL(path, psStandin.url.replace('u:p@', '')), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Basic ${btoa('u:p')}` },
        body: JSON.stringify(body),
      }).then((r) => r.json());
    const { session } = await post('/psdb.v1alpha1.Database/CreateSession', {});
    assert.equal(typeof session.signature, 'string');
    const res = await post('/psdb.v1alpha1.Database/Execute', {
      query: "SELECT 'ab' AS s, NULL AS n, '' AS e",
      session,
    });
    assert.deepEqual(res.result.rows, [{ lengths: ['2', '-1', '0'], values: btoa('ab') }]);
    assert.equal(res.result.rowsAffected, undefined);
    assert.equal(res.result.fields[1].type, undefined);
    assert.equal(typeof res.timing, 'number');
    assert.equal(res.session.signature, session.signature);
    const ddl = await post('/psdb.v1alpha1.Database/Execute', { query: 'DO 1', session: res.session });
    assert.deepEqual(ddl.result, {});
  });

  test('sessions carry a connection: session state and transactions stay on it', async () => {
    const c = conn();
    await c.execute('SET @standin_v = 41');
    assert.deepEqual((await c.execute('SELECT @standin_v + 1 AS v')).rows, [{ v: '42' }]); // BIGINT -> INT64 -> string
    const other = conn();
    assert.deepEqual((await other.execute('SELECT @standin_v AS v')).rows, [{ v: null }]);
  });

  test('conn.transaction commits, and rolls back on throw (nothing written on MariaDB)', async () => {
    const t = uniq('ps_tx');
    const c = conn();
    try {
      await c.execute(`CREATE TABLE ${t} (id int PRIMARY KEY, v varchar(20)) ENGINE=InnoDB`);
      const out = await c.transaction(async (tx) => {
        await tx.execute(`INSERT INTO ${t} VALUES (?, ?)`, [1, 'a']);
        await tx.execute(`INSERT INTO ${t} VALUES (?, ?)`, [2, 'b']);
        // not visible outside the transaction before COMMIT
        const [outside] = await myDirect.query(`SELECT count(*) AS n FROM ${t}`);
        assert.equal(Number(outside[0].n), 0);
        return (await tx.execute(`SELECT count(*) AS n FROM ${t}`)).rows[0].n;
      });
      assert.equal(out, '2');
      const [committed] = await myDirect.query(`SELECT id FROM ${t} ORDER BY id`);
      assert.deepEqual(
        committed.map((r) => r.id),
        [1, 2],
      );

      const err = await rejection(
        c.transaction(async (tx) => {
          await tx.execute(`INSERT INTO ${t} VALUES (?, ?)`, [3, 'c']);
          await tx.execute(`UPDATE ${t} SET v = 'changed'`);
          throw new Error('boom');
        }),
      );
      assert.equal(err.message, 'boom');
      const [rows] = await myDirect.query(`SELECT id, v FROM ${t} ORDER BY id`);
      assert.deepEqual(
        rows.map((r) => [r.id, r.v]),
        [
          [1, 'a'],
          [2, 'b'],
        ],
      );

      // a database error inside the transaction also rolls it back
      const dup = await rejection(
        c.transaction(async (tx) => {
          await tx.execute(`INSERT INTO ${t} VALUES (?, ?)`, [5, 'e']);
          await tx.execute(`INSERT INTO ${t} VALUES (?, ?)`, [1, 'dup']);
        }),
      );
      assert.ok(dup instanceof DatabaseError);
      assert.equal(dup.body.code, 'ALREADY_EXISTS');
      assert.match(dup.message, /\(errno 1062\) \(sqlstate 23000\)/);
      const [after] = await myDirect.query(`SELECT count(*) AS n FROM ${t}`);
      assert.equal(Number(after[0].n), 2);
    } finally {
      await myDirect.query(`DROP TABLE IF EXISTS ${t}`);
    }
  });

  test('errors: a missing table surfaces errno and sqlstate in the message', async () => {
    const err = await rejection(conn().execute('SELECT * FROM standin_missing_table_x'));
    assert.ok(err instanceof DatabaseError);
    assert.equal(err.name, 'DatabaseError');
    assert.equal(err.status, 400); // the client's own status for a 200 {error}
    assert.equal(err.body.code, 'NOT_FOUND');
    assert.match(err.message, /Table 'test\.standin_missing_table_x' doesn't exist \(errno 1146\) \(sqlstate 42S02\)/);
    const syntax = await rejection(conn().execute('SELEC 1'));
    assert.equal(syntax.body.code, 'INVALID_ARGUMENT');
    assert.match(syntax.message, /\(errno 1064\) \(sqlstate 42000\)/);
  });

  test('MariaDB-only syntax is a Vitess syntax error, as on PlanetScale (MySQL 8)', async () => {
    const c = conn();
    const refused = [
      ['set statement group_concat_max_len = 1024 for select 1', 14, 'statement'],
      ['select json_arrayagg(x order by x) from (select 1 as x) t', 29, 'order'],
      ["select group_concat(x separator ',' limit 1) from (select 1 as x) t", 42, 'limit'],
    ];
    for (const [sql, position, near] of refused) {
      const err = await rejection(c.execute(sql));
      assert.ok(err instanceof DatabaseError);
      assert.equal(err.body.code, 'INVALID_ARGUMENT');
      assert.match(err.message, new RegExp(`^syntax error at position ${position} near '${near}' \\(errno 1149\\)`));
    }
    // The same words inside strings, names and nested queries are not the construct.
    const ok = await c.execute(
      "select 'set statement' as `returning`, json_arrayagg(json_array((select 1 from dual order by 1 limit 1))) as j",
    );
    assert.deepEqual(ok.rows, [{ returning: 'set statement', j: [[1]] }]);
  });

  test('auth: wrong or missing Basic credentials give 401', async () => {
    const bad = connect({ url: psStandin.url.replace('u:p@', 'u:wrong@'), fetch });
    const err = await rejection(bad.execute('SELECT 1'));
    assert.ok(err instanceof DatabaseError);
    assert.equal(err.status, 401);
    assert.equal(err.body.code, 'unauthenticated');
    const none = await fetch(new URL('/psdb.v1alpha1.Database/Execute', psStandin.url.replace('u:p@', '')), {
      method: 'POST',
      body: '{"query":"select 1"}',
    });
    assert.equal(none.status, 401);
  });

  test("the client's ? interpolation: hostile strings round trip exactly on MariaDB", async () => {
    const t = uniq('ps_inj');
    const c = conn();
    try {
      await c.execute(`CREATE TABLE ${t} (id int PRIMARY KEY, s text, b varbinary(64))`);
      const values = [...HOSTILE, 'nul\0inside', '\\0 literal', "a\\'b"];
      for (const [i, s] of values.entries()) {
        await c.execute(`INSERT INTO ${t} (id, s, b) VALUES (?, ?, ?)`, [i, s, new TextEncoder().encode(s)]);
      }
      const r = await c.execute(`SELECT id, s, b FROM ${t} ORDER BY id`);
      assert.deepEqual(
        r.rows.map((row) => row.s),
        values,
      );
      assert.deepEqual(
        r.rows.map((row) => new TextDecoder().decode(row.b)),
        values,
      );
      const [direct] = await myDirect.query(`SELECT s FROM ${t} ORDER BY id`);
      assert.deepEqual(
        direct.map((row) => row.s),
        values,
      );
      // lookups by hostile values match exactly one row each; the named form too
      for (const s of values) {
        assert.equal((await c.execute(`SELECT count(*) AS n FROM ${t} WHERE s = ?`, [s])).rows[0].n, '1');
        assert.equal((await c.execute(`SELECT count(*) AS n FROM ${t} WHERE s = :v`, { v: s })).rows[0].n, '1');
      }
      const [still] = await myDirect.query(`SELECT count(*) AS n FROM ${t}`);
      assert.equal(Number(still[0].n), values.length);
    } finally {
      await myDirect.query(`DROP TABLE IF EXISTS ${t}`);
    }
  });
});

describe('fault injection, as each official client reports it', () => {
  const sql = neon(CONN);
  const ps = () => connect({ url: psStandin.url, fetch });

  test('http500', async () => {
    neonStandin.fault('http500');
    const n = await rejection(sql`SELECT 1 AS x`);
    assert.ok(n instanceof NeonDbError);
    assert.match(n.message, /^Server error \(HTTP status 500\): \{"message":"injected fault/);
    assert.deepEqual(await sql`SELECT 1 AS x`, [{ x: 1 }]); // times = 1: the next request is served

    psStandin.fault('http500');
    const p = await rejection(ps().execute('SELECT 1'));
    assert.equal(p.name, 'UnknownError');
    assert.equal(p.status, 500);
    assert.equal(p.message, 'Expected JSON response from database API, got HTTP 500 Internal Server Error');
    assert.equal(p.context.body, 'upstream error (injected fault)');
  });

  test('http413', async () => {
    neonStandin.fault('http413', { times: 2 });
    for (let i = 0; i < 2; i++) {
      const n = await rejection(sql`SELECT 1 AS x`);
      assert.match(n.message, /^Server error \(HTTP status 413\): .*request is too large/);
    }
    assert.deepEqual(await sql`SELECT 2 AS x`, [{ x: 2 }]);

    psStandin.fault('http413');
    const p = await rejection(ps().execute('SELECT 1'));
    assert.equal(p.name, 'UnknownError');
    assert.equal(p.status, 413);
    assert.equal(p.message, 'Expected JSON response from database API, got HTTP 413 Payload Too Large');
  });

  test('cutoff: headers, part of the body, then the socket dies', async () => {
    neonStandin.fault('cutoff');
    const n = await rejection(sql`SELECT 1 AS x`);
    assert.equal(n.name, 'TypeError'); // undici's body error escapes the client unwrapped
    assert.equal(n.message, 'terminated');

    psStandin.fault('cutoff');
    const p = await rejection(ps().execute('SELECT 1'));
    assert.equal(p.name, 'TypeError');
    assert.equal(p.message, 'terminated');
  });

  test('badjson: 200 with a body that is not JSON', async () => {
    neonStandin.fault('badjson');
    const n = await rejection(sql`SELECT 1 AS x`);
    assert.ok(n instanceof SyntaxError);

    psStandin.fault('badjson');
    const p = await rejection(ps().execute('SELECT 1'));
    assert.ok(p instanceof SyntaxError);
  });

  test('slow: the answer comes after the delay; a client timeout aborts it', async () => {
    neonStandin.fault('slow', { ms: 300 });
    let t0 = Date.now();
    assert.deepEqual(await sql`SELECT 3 AS x`, [{ x: 3 }]);
    assert.ok(Date.now() - t0 >= 280);
    neonStandin.fault('slow', { ms: 2000 });
    const n = await rejection(sql.query('SELECT 1', [], { fetchOptions: { signal: AbortSignal.timeout(100) } }));
    assert.ok(n instanceof NeonDbError);
    assert.match(n.message, /^Error connecting to database: TimeoutError/);
    assert.equal(n.sourceError.name, 'TimeoutError');

    psStandin.fault('slow', { ms: 300 });
    t0 = Date.now();
    assert.deepEqual((await ps().execute('SELECT 3 AS x')).rows, [{ x: 3 }]);
    assert.ok(Date.now() - t0 >= 280);
    psStandin.fault('slow', { ms: 2000 });
    const timed = connect({
      url: psStandin.url,
      fetch: (u, init) => fetch(u, { ...init, signal: AbortSignal.timeout(100) }),
    });
    const p = await rejection(timed.execute('SELECT 1'));
    assert.equal(p.name, 'TimeoutError'); // the fetch rejection propagates unwrapped
  });

  test('faults can be set over HTTP by another process (serve.mjs users)', async () => {
    const origin = new URL(neonStandin.url).origin;
    const r = await fetch(`${origin}/_standin/fault`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'http500', times: 1 }),
    });
    assert.equal(r.status, 200);
    await rejection(sql`SELECT 1`);
    assert.deepEqual(await sql`SELECT 1 AS x`, [{ x: 1 }]);
  });
});
