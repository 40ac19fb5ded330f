// The HTTP drivers under hostile input: mizzle/neon-http and mizzle/planetscale through the
// stand-ins in front of the real PostgreSQL / MariaDB (db `test`, tables with unique names).
// Hostile identifiers and values round-trip exactly; Neon's batch and PlanetScale's
// transactions are all-or-nothing (checked with pg / mysql2 directly); server and network
// faults give typed errors; server errors carry their fields; the logger sees every query.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import mysql from 'mysql2/promise';
import { startNeon } from './neon.mjs';
import { startPlanetScale } from './planetscale.mjs';
import { loadMizzle, MY, PG } from './lib/lanes.mjs';

const uniq = () => randomBytes(3).toString('hex');
const qPg = (id) => `"${id.replaceAll('"', '""')}"`;
const qMy = (id) => `\`${id.replaceAll('`', '``')}\``;

// Values that break naive quoting or escaping. NUL is separate: PostgreSQL refuses it in text.
const HOSTILE = [
  "it's",
  "''",
  "'; drop table x; --",
  'back\\slash',
  '\\',
  "\\'",
  "\\\\''",
  '"double" `tick`',
  'tab\tnew\nline\rcr',
  '\u001a ctrl-z \b bs',
  '%_ like %% wildcards _',
  'ünïcödé ✓ 🐘 𝄞',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a placeholder look-alike, sent as data
  '$1 ? :name @v ${x}',
  '/*! 1 */ -- # ;',
  '',
  ' lead and trail ',
];

let mz, neonStandin, psStandin, pgDirect, myDirect, neonDb, psDb;
const CONN = 'postgresql://postgres:pw@db.localtest.me/test';
const logged = { neon: [], ps: [] };
const logger = (to) => ({ logQuery: (sql, params) => to.push({ sql, params }) });

before(async () => {
  mz = await loadMizzle();
  neonStandin = await startNeon({ pg: PG });
  psStandin = await startPlanetScale({ mysql: MY, sessionIdleMs: 5000 });
  pgDirect = new pg.Client(PG);
  await pgDirect.connect();
  myDirect = await mysql.createConnection({ ...MY, multipleStatements: true });
  neonDb = (opts = {}, cfg = {}) =>
    mz.neonHttp.drizzle({ connectionString: CONN, endpoint: neonStandin.url, ...opts }, cfg);
  psDb = (opts = {}, cfg = {}) => mz.planetscale.drizzle({ url: psStandin.url, ...opts }, cfg);
});

after(async () => {
  await pgDirect?.end();
  await myDirect?.end();
  await neonStandin?.close();
  await psStandin?.close();
});

async function rejection(promise) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  assert.fail('expected a rejection');
}

// ------------------------------------------------------------------ hostile identifiers and values
describe('hostile identifiers and values round-trip exactly', () => {
  // Quotes, backticks, spaces, `;`, `--`, unicode (BMP only: MySQL identifiers are utf8mb3).
  const tableName = () => `t "q" \`b\` ; -- ü✓ ${uniq()}`;
  const cols = { id: 'i"d `x`', val: "va'l ue; -- ✓", other: 'o`th"er' };

  test('PostgreSQL through mizzle/neon-http', async () => {
    const { pgCore: c, root: o } = mz;
    const name = tableName();
    await pgDirect.query(
      `create table ${qPg(name)} (${qPg(cols.id)} integer primary key, ${qPg(cols.val)} text, ${qPg(cols.other)} text)`,
    );
    try {
      const t = c.pgTable(name, {
        id: c.integer(cols.id).primaryKey(),
        val: c.text(cols.val),
        other: c.text(cols.other),
      });
      const db = neonDb();
      await db.insert(t).values(HOSTILE.map((v, i) => ({ id: i, val: v, other: `${v}|${i}` })));
      const back = await db.select().from(t).orderBy(t.id);
      assert.deepEqual(
        back,
        HOSTILE.map((v, i) => ({ id: i, val: v, other: `${v}|${i}` })),
      );
      // Each value also finds its own row in a where (bound, not spliced) and in a raw sql fragment.
      for (const [i, v] of HOSTILE.entries()) {
        assert.deepEqual(await db.select({ id: t.id }).from(t).where(o.eq(t.val, v)), [{ id: i }], JSON.stringify(v));
        assert.deepEqual(
          (await db.execute(o.sql`select ${t.id} as n from ${t} where ${t.other} = ${`${v}|${i}`}`)).rows,
          [{ n: i }],
        );
      }
      // What PostgreSQL stored, read without mizzle.
      const direct = await pgDirect.query(`select ${qPg(cols.val)} as v from ${qPg(name)} order by ${qPg(cols.id)}`);
      assert.deepEqual(
        direct.rows.map((r) => r.v),
        HOSTILE,
      );
      // Updates and deletes through the hostile names.
      await db.update(t).set({ val: "x'y\\z" }).where(o.eq(t.id, 2));
      await db.delete(t).where(o.eq(t.val, HOSTILE[3]));
      const after = await pgDirect.query(
        `select ${qPg(cols.id)} as id, ${qPg(cols.val)} as v from ${qPg(name)} where ${qPg(cols.id)} in (2, 3) ` +
          `order by 1`,
      );
      assert.deepEqual(after.rows, [{ id: 2, v: "x'y\\z" }]);
      // NUL: PostgreSQL refuses it in text; the typed error says so and nothing is written.
      const e = await rejection(db.insert(t).values({ id: 999, val: 'a\u0000b' }));
      assert.ok(e instanceof o.MizzleQueryError, `${e}`);
      assert.equal(e.kind, 'database');
      assert.equal(e.code, '22021');
      assert.equal(e.sqlstate, '22021');
      assert.equal(e.status, 400);
      assert.match(e.message, /invalid byte sequence for encoding "UTF8": 0x00/);
      assert.equal(
        (await pgDirect.query(`select count(*)::int as n from ${qPg(name)} where ${qPg(cols.id)} = 999`)).rows[0].n,
        0,
      );
      // Relational read through the hostile names too.
      const rel = neonDb({}, { schema: { t } });
      assert.deepEqual(await rel.query.t.findFirst({ where: (x, { eq }) => eq(x.id, 0) }), {
        id: 0,
        val: HOSTILE[0],
        other: `${HOSTILE[0]}|0`,
      });
    } finally {
      await pgDirect.query(`drop table if exists ${qPg(name)}`);
    }
  });

  test('MySQL through mizzle/planetscale (values spliced by the engine)', async () => {
    const { mysqlCore: c, root: o } = mz;
    const name = tableName();
    await myDirect.query(
      `create table ${qMy(name)} (${qMy(cols.id)} int primary key, ${qMy(cols.val)} text, ${qMy(cols.other)} ` +
        `varchar(255)) default charset utf8mb4`,
    );
    try {
      const values = [...HOSTILE, 'nul \u0000 inside', '\u0000'];
      const t = c.mysqlTable(name, {
        id: c.int(cols.id).primaryKey(),
        val: c.text(cols.val),
        other: c.varchar(cols.other, { length: 255 }),
      });
      const db = psDb();
      await db.insert(t).values(values.map((v, i) => ({ id: i, val: v, other: `${v}|${i}` })));
      const back = await db.select().from(t).orderBy(t.id);
      assert.deepEqual(
        back,
        values.map((v, i) => ({ id: i, val: v, other: `${v}|${i}` })),
      );
      for (const [i, v] of values.entries()) {
        // (a varchar compare ignores trailing spaces under MySQL's PAD SPACE collations, so the id is checked too)
        assert.deepEqual(
          await db
            .select({ id: t.id })
            .from(t)
            .where(o.and(o.eq(t.val, v), o.eq(t.id, i))),
          [{ id: i }],
          JSON.stringify(v),
        );
        assert.deepEqual(
          (await db.execute(o.sql`select ${t.id} as n from ${t} where ${t.other} = ${`${v}|${i}`} and ${t.id} = ${i}`))
            .rows,
          [{ n: i }],
        );
      }
      const [direct] = await myDirect.query(`select ${qMy(cols.val)} as v from ${qMy(name)} order by ${qMy(cols.id)}`);
      assert.deepEqual(
        direct.map((r) => r.v),
        values,
      );
      // A LIKE pattern with escaped wildcards matches only the literal text.
      const like = await db.select({ id: t.id }).from(t).where(o.like(t.val, '%\\%\\%%'));
      assert.deepEqual(like, [{ id: values.indexOf('%_ like %% wildcards _') }]);
      await db.update(t).set({ val: "x'y\\z" }).where(o.eq(t.id, 2));
      await db.delete(t).where(o.eq(t.id, 3));
      const [after] = await myDirect.query(
        `select ${qMy(cols.id)} as id, ${qMy(cols.val)} as v from ${qMy(name)} where ${qMy(cols.id)} in (2, 3) ` +
          `order by 1`,
      );
      assert.deepEqual(
        after.map((r) => ({ ...r })),
        [{ id: 2, v: "x'y\\z" }],
      );
      // The injection attempt stayed a value: the table is still there with all its rows but one.
      const [[{ n }]] = await myDirect.query(`select count(*) as n from ${qMy(name)}`);
      assert.equal(Number(n), values.length - 1);
      const rel = psDb({}, { schema: { t } });
      assert.deepEqual(await rel.query.t.findFirst({ where: (x, { eq }) => eq(x.id, 0) }), {
        id: 0,
        val: HOSTILE[0],
        other: `${HOSTILE[0]}|0`,
      });
    } finally {
      await myDirect.query(`drop table if exists ${qMy(name)}`);
    }
  });
});

// ------------------------------------------------------------------ atomicity
describe('Neon batch: one request, one transaction', () => {
  test('a batch whose third of four statements fails leaves nothing written', async () => {
    const { pgCore: c, root: o } = mz;
    const name = `hostile_batch_${uniq()}`;
    await pgDirect.query(`create table ${name} (id integer primary key, v text not null)`);
    try {
      const t = c.pgTable(name, { id: c.integer('id').primaryKey(), v: c.text('v').notNull() });
      const db = neonDb();
      const e = await rejection(
        db.batch([
          db.insert(t).values({ id: 1, v: 'one' }),
          db.update(t).set({ v: 'changed' }).where(o.eq(t.id, 1)),
          db.insert(t).values({ id: 1, v: 'duplicate' }),
          db.insert(t).values({ id: 4, v: 'four' }),
        ]),
      );
      assert.ok(e instanceof o.MizzleQueryError, `${e}`);
      assert.equal(e.code, '23505');
      assert.equal((await pgDirect.query(`select count(*)::int as n from ${name}`)).rows[0].n, 0);
      // The same batch without the failing statement commits everything.
      const [, upd, sel] = await db.batch([
        db.insert(t).values({ id: 1, v: 'one' }),
        db.update(t).set({ v: 'changed' }).where(o.eq(t.id, 1)).returning({ v: t.v }),
        db.select().from(t),
      ]);
      assert.deepEqual([upd, sel], [[{ v: 'changed' }], [{ id: 1, v: 'changed' }]]);
      assert.deepEqual((await pgDirect.query(`select id, v from ${name}`)).rows, [{ id: 1, v: 'changed' }]);
      // Batch options reach the transaction: a read-only batch cannot write.
      const ro = await rejection(
        db.batch([db.insert(t).values({ id: 2, v: 'ro' })], { readOnly: true, isolationLevel: 'Serializable' }),
      );
      assert.equal(ro.code, '25006');
      const ok = await db.batch([db.select({ id: t.id }).from(t)], {
        readOnly: true,
        isolationLevel: 'RepeatableRead',
        deferrable: true,
      });
      assert.deepEqual(ok, [[{ id: 1 }]]);
      assert.equal((await pgDirect.query(`select count(*)::int as n from ${name}`)).rows[0].n, 1);
    } finally {
      await pgDirect.query(`drop table if exists ${name}`);
    }
  });

  test('db.transaction() is a typed error pointing to batch', async () => {
    const e = await rejection((async () => neonDb().transaction(async () => {}))());
    assert.ok(e instanceof mz.root.MizzleError);
    assert.equal(e.kind, 'transaction');
    assert.match(e.message, /batch/);
  });
});

describe('PlanetScale transactions on one session', () => {
  test('a transaction that throws leaves nothing written; a committed one stays', async () => {
    const { mysqlCore: c, root: o } = mz;
    const name = `hostile_tx_${uniq()}`;
    await myDirect.query(`create table ${name} (id int primary key, v varchar(32) not null)`);
    const count = async () => Number((await myDirect.query(`select count(*) as n from ${name}`))[0][0].n);
    try {
      const t = c.mysqlTable(name, { id: c.int('id').primaryKey(), v: c.varchar('v', { length: 32 }).notNull() });
      const db = psDb();
      const boom = new Error('boom');
      const e = await rejection(
        db.transaction(async (tx) => {
          await tx.insert(t).values({ id: 1, v: 'one' });
          await tx.insert(t).values({ id: 2, v: 'two' });
          // Inside the transaction the rows are visible to it, not to anyone else.
          assert.equal((await tx.select().from(t)).length, 2);
          assert.equal(await count(), 0);
          throw boom;
        }),
      );
      assert.equal(e, boom);
      assert.equal(await count(), 0);
      // A server error inside rolls back too, and is the typed error.
      const dup = await rejection(
        db.transaction(async (tx) => {
          await tx.insert(t).values({ id: 5, v: 'five' });
          await tx.insert(t).values({ id: 5, v: 'again' });
        }),
      );
      assert.ok(dup instanceof o.MizzleQueryError);
      assert.equal(dup.errno, 1062);
      assert.equal(await count(), 0);
      // Committed.
      const r = await db.transaction(async (tx) => {
        await tx.insert(t).values([
          { id: 1, v: 'one' },
          { id: 2, v: 'two' },
        ]);
        await tx.update(t).set({ v: 'TWO' }).where(o.eq(t.id, 2));
        return tx.select({ v: t.v }).from(t).orderBy(t.id);
      });
      assert.deepEqual(r, [{ v: 'one' }, { v: 'TWO' }]);
      const [rows] = await myDirect.query(`select id, v from ${name} order by id`);
      assert.deepEqual(
        rows.map((x) => ({ ...x })),
        [
          { id: 1, v: 'one' },
          { id: 2, v: 'TWO' },
        ],
      );
      // db.batch is a transaction as well.
      await rejection(db.batch([db.insert(t).values({ id: 3, v: 'three' }), db.insert(t).values({ id: 1, v: 'dup' })]));
      assert.equal(await count(), 2);
    } finally {
      await myDirect.query(`drop table if exists ${name}`);
    }
  });
});

// ------------------------------------------------------------------ faults
describe('server and network faults give typed errors', () => {
  // An HTTP error status is a MizzleQueryError with `status` and code `HTTP_<status>`, whatever
  // the body (the PlanetScale stand-in sends text/plain, as PlanetScale's edge does).
  const httpStatus = (status) => (e, o) => {
    assert.ok(e instanceof o.MizzleQueryError, `${e}`);
    assert.equal(e.status, status);
    assert.equal(e.code, `HTTP_${status}`);
  };
  const cases = [
    ['http500', httpStatus(500)],
    ['http413', httpStatus(413)],
    [
      'cutoff',
      (e, o) => {
        assert.ok(e instanceof o.MizzleError && !(e instanceof o.MizzleQueryError), `${e}`);
        assert.equal(e.kind, 'protocol');
      },
    ],
    [
      'badjson',
      (e, o) => {
        assert.ok(e instanceof o.MizzleError, `${e}`);
        assert.equal(e.kind, 'protocol');
        assert.match(e.message, /not JSON/);
      },
    ],
    [
      'slow',
      (e, o) => {
        assert.ok(e instanceof o.MizzleError, `${e}`);
        assert.equal(e.kind, 'timeout');
      },
    ],
  ];
  for (const [kind, expect] of cases) {
    test(`${kind}: Neon and PlanetScale`, async () => {
      const o = mz.root;
      const sql = o.sql`select 1 as one`;
      neonStandin.fault(kind, { ms: 800 });
      expect(await rejection(neonDb({ timeoutMs: 300 }).execute(sql)), o, 'neon');
      psStandin.fault(kind, { ms: 800 });
      expect(await rejection(psDb({ timeoutMs: 300 }).execute(sql)), o, 'planetscale');
      // The next request is served normally.
      assert.deepEqual((await neonDb({ timeoutMs: 2000 }).execute(sql)).rows, [{ one: 1 }]);
      assert.deepEqual((await psDb({ timeoutMs: 2000 }).execute(sql)).rows, [{ one: 1 }]);
    });
  }

  test('PlanetScale: HTTP 500 and 413 with a text body are MizzleQueryErrors with status', async () => {
    const o = mz.root;
    for (const [kind, status] of [
      ['http500', 500],
      ['http413', 413],
    ]) {
      psStandin.fault(kind);
      const e = await rejection(psDb().execute(o.sql`select 1`));
      assert.ok(e instanceof o.MizzleQueryError, `${e}`);
      assert.equal(e.status, status);
    }
  });

  test('unreachable servers are protocol errors; a slow answer within timeoutMs is fine', async () => {
    const o = mz.root;
    const dead = `http://127.0.0.1:1`;
    const e1 = await rejection(
      mz.neonHttp.drizzle({ connectionString: CONN, endpoint: `${dead}/sql` }).execute(o.sql`select 1`),
    );
    assert.equal(e1.kind, 'protocol');
    const e2 = await rejection(mz.planetscale.drizzle({ url: 'http://u:p@127.0.0.1:1' }).execute(o.sql`select 1`));
    assert.equal(e2.kind, 'protocol');
    neonStandin.fault('slow', { ms: 100 });
    assert.deepEqual((await neonDb({ timeoutMs: 2000 }).execute(o.sql`select 2 as two`)).rows, [{ two: 2 }]);
  });

  test('a fault inside a PlanetScale transaction rolls it back', async () => {
    const { mysqlCore: c, root: o } = mz;
    const name = `hostile_fault_${uniq()}`;
    await myDirect.query(`create table ${name} (id int primary key)`);
    try {
      const t = c.mysqlTable(name, { id: c.int('id').primaryKey() });
      const db = psDb({ timeoutMs: 2000 });
      const e = await rejection(
        db.transaction(async (tx) => {
          await tx.insert(t).values({ id: 1 });
          psStandin.fault('http500');
          await tx.insert(t).values({ id: 2 });
        }),
      );
      assert.ok(e instanceof o.MizzleError && /HTTP 500/.test(e.message), `${e}`);
      // The rollback went out on the same session (or the session died with the connection).
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(Number((await myDirect.query(`select count(*) as n from ${name}`))[0][0].n), 0);
    } finally {
      await myDirect.query(`drop table if exists ${name}`);
    }
  });
});

// ------------------------------------------------------------------ error fields
describe('server errors carry their fields', () => {
  test('Neon: SQLSTATE, constraint, detail, table, schema, severity', async () => {
    const { pgCore: c, root: o } = mz;
    const name = `hostile_err_${uniq()}`;
    await pgDirect.query(
      `create table ${name} (id integer primary key, email text constraint ${name}_email_key unique, n integer ` +
        `check (n > 0))`,
    );
    try {
      const t = c.pgTable(name, { id: c.integer('id').primaryKey(), email: c.text('email'), n: c.integer('n') });
      const db = neonDb();
      await db.insert(t).values({ id: 1, email: "a'b@x.io", n: 1 });
      const e = await rejection(db.insert(t).values({ id: 2, email: "a'b@x.io", n: 1 }));
      assert.ok(e instanceof o.MizzleQueryError);
      assert.equal(e.code, '23505');
      assert.equal(e.sqlstate, '23505');
      assert.equal(e.constraint, `${name}_email_key`);
      assert.equal(e.detail, "Key (email)=(a'b@x.io) already exists.");
      assert.equal(e.table, name);
      assert.equal(e.schema, 'public');
      assert.equal(e.severity, 'ERROR');
      assert.equal(e.status, 400);
      assert.match(e.sql, /^insert into/);
      assert.deepEqual(e.params, [2, "a'b@x.io", 1]);
      const chk = await rejection(db.insert(t).values({ id: 3, n: -1 }));
      assert.equal(chk.code, '23514');
      assert.equal(chk.constraint, `${name}_n_check`);
      const missing = await rejection(db.execute(o.sql`select nope from ${t}`));
      assert.equal(missing.code, '42703');
      assert.match(missing.message, /column "nope" does not exist/);
      assert.equal(typeof missing.position, 'string');
    } finally {
      await pgDirect.query(`drop table if exists ${name}`);
    }
  });

  test('PlanetScale: errno and sqlstate from the Vitess message', async () => {
    const { mysqlCore: c, root: o } = mz;
    const name = `hostile_err_${uniq()}`;
    await myDirect.query(`create table ${name} (id int primary key, email varchar(64) unique)`);
    try {
      const t = c.mysqlTable(name, { id: c.int('id').primaryKey(), email: c.varchar('email', { length: 64 }) });
      const db = psDb();
      await db.insert(t).values({ id: 1, email: 'a@x.io' });
      const e = await rejection(db.insert(t).values({ id: 2, email: 'a@x.io' }));
      assert.ok(e instanceof o.MizzleQueryError);
      assert.equal(e.errno, 1062);
      assert.equal(e.sqlstate, '23000');
      assert.equal(e.code, '23000');
      assert.equal(e.status, 200);
      assert.match(e.message, /Duplicate entry 'a@x.io'/);
      const missing = await rejection(db.execute(o.sql`select * from ${o.sql.identifier(`${name}_nope`)}`));
      assert.equal(missing.errno, 1146);
      assert.equal(missing.sqlstate, '42S02');
      const syntax = await rejection(db.execute(o.sql`select from where`));
      assert.equal(syntax.errno, 1064);
      assert.equal(syntax.sqlstate, '42000');
    } finally {
      await myDirect.query(`drop table if exists ${name}`);
    }
  });
});

// ------------------------------------------------------------------ logger
describe('the logger sees each query', () => {
  test('Neon: selects, inserts, raw and every statement of a batch, with params', async () => {
    const { pgCore: c, root: o } = mz;
    const t = c.pgTable('pg_namespace', { nspname: c.text('nspname') });
    const db = neonDb({}, { logger: logger(logged.neon) });
    await db.select().from(t).where(o.eq(t.nspname, 'public'));
    await db.execute(o.sql`select ${1} as a`);
    await db.batch([db.select().from(t).where(o.eq(t.nspname, 'x')), db.execute(o.sql`select ${'b'}::text as b`)]);
    assert.deepEqual(
      logged.neon.map((l) => l.params),
      [['public'], [1], ['x'], ['b']],
    );
    assert.match(
      logged.neon[0].sql,
      /^select "pg_namespace"\."nspname" from "pg_namespace" where "pg_namespace"\."nspname" = \$1$/,
    );
    assert.equal(logged.neon[1].sql, 'select $1 as a');
  });

  test('PlanetScale: queries with their params (before splicing), and the transaction statements', async () => {
    const { root: o } = mz;
    const db = psDb({}, { logger: logger(logged.ps) });
    await db.execute(o.sql`select ${"it's"} as a`);
    await db.transaction(async (tx) => {
      await tx.execute(o.sql`select ${2} as b`);
    });
    assert.deepEqual(
      logged.ps.map((l) => [l.sql, l.params]),
      [
        ['select ? as a', ["it's"]],
        ['begin', []],
        ['select ? as b', [2]],
        ['commit', []],
      ],
    );
  });
});
