// drizzle-orm 0.45's constructor forms on mizzle's HTTP drivers, each built against the running
// stand-ins (real PostgreSQL / MariaDB behind them, db `test`, tables with unique names) and checked
// by the rows a query returns: Neon's `drizzle(neon(url))`, `drizzle({ client })`, `drizzle(url)`,
// `drizzle({ connection })`; PlanetScale's `drizzle(new Client(...))`, `drizzle({ client })`,
// `drizzle({ connection })`, `drizzle(url)`. With an official client object mizzle keeps its own
// encoding and decoding, so every form must give the rows mizzle's own config form gives, the
// client's configuration (credentials, fetch, batch options) must be the one used, and server
// errors keep the client's error shape as `cause` (NeonDbError; PlanetScale's DatabaseError with
// `status` and `body`).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import mysql from 'mysql2/promise';
import { neon, neonConfig, NeonDbError } from '@neondatabase/serverless';
import { Client } from '@planetscale/database';
import { startNeon } from './neon.mjs';
import { startPlanetScale } from './planetscale.mjs';
import { loadMizzle, MY, PG } from './lib/lanes.mjs';

// A host whose default endpoint mizzle derives (https://api.localtest.me/sql); requests to it are
// redirected to the stand-in where a form gives no endpoint.
const CONN = 'postgresql://postgres:pw@db.localtest.me/test';
const DEFAULT_ENDPOINT = 'https://api.localtest.me/sql';
const name = (p) => `ctor_${p}_${randomBytes(3).toString('hex')}`;

let mz, neonStandin, psStandin, pgDirect, myDirect, pgT, myT, pgName, myName;

before(async () => {
  mz = await loadMizzle();
  neonStandin = await startNeon({ pg: PG });
  psStandin = await startPlanetScale({ mysql: MY });
  // The official client's endpoint (its own global option).
  neonConfig.fetchEndpoint = () => neonStandin.url;
  pgDirect = new pg.Client(PG);
  await pgDirect.connect();
  myDirect = await mysql.createConnection(MY);

  pgName = name('pg');
  await pgDirect.query(
    `create table "${pgName}" (id integer primary key, name text not null, at timestamptz, big bigint, ` +
      'amount numeric, doc jsonb, flag boolean)',
  );
  await pgDirect.query(
    `insert into "${pgName}" values (1, 'ann', '2024-05-06T07:08:09.123Z', 9007199254740993, 12.50, ` +
      `'{"a":[1,"two"]}', true), (2, 'bob', null, null, null, null, false)`,
  );
  const p = mz.pgCore;
  pgT = p.pgTable(pgName, {
    id: p.integer('id').primaryKey(),
    name: p.text('name').notNull(),
    at: p.timestamp('at', { withTimezone: true }),
    big: p.bigint('big', { mode: 'bigint' }),
    amount: p.numeric('amount'),
    doc: p.jsonb('doc'),
    flag: p.boolean('flag'),
  });

  myName = name('my');
  await myDirect.query(
    `create table \`${myName}\` (id int primary key, name varchar(50) not null, at datetime(3), big bigint, ` +
      'doc json, flag boolean)',
  );
  await myDirect.query(
    `insert into \`${myName}\` values (1, 'ann', '2024-05-06 07:08:09.123', 9007199254740993, '{"a":[1,"two"]}', ` +
      `true), (2, 'bob', null, null, null, false)`,
  );
  const m = mz.mysqlCore;
  myT = m.mysqlTable(myName, {
    id: m.int('id').primaryKey(),
    name: m.varchar('name', { length: 50 }).notNull(),
    at: m.datetime('at', { fsp: 3 }),
    big: m.bigint('big', { mode: 'bigint' }),
    doc: m.json('doc'),
    flag: m.boolean('flag'),
  });
});

after(async () => {
  await pgDirect?.query(`drop table if exists "${pgName}"`);
  await myDirect?.query(`drop table if exists \`${myName}\``);
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

/** Runs `fn` with the global fetch sending every request to `to`; gives fn's result and the URLs asked for. */
async function redirectingFetch(to, fn) {
  const real = globalThis.fetch;
  const asked = [];
  globalThis.fetch = (url, init) => {
    asked.push(String(url));
    return real(to, init);
  };
  try {
    return { result: await fn(), asked };
  } finally {
    globalThis.fetch = real;
  }
}

const PG_ROWS = [
  {
    id: 1,
    name: 'ann',
    at: new Date('2024-05-06T07:08:09.123Z'),
    big: 9007199254740993n,
    amount: '12.50',
    doc: { a: [1, 'two'] },
    flag: true,
  },
  { id: 2, name: 'bob', at: null, big: null, amount: null, doc: null, flag: false },
];

describe('Neon HTTP: drizzle-orm 0.45 constructor forms', () => {
  const rows = (db) => db.select().from(pgT).orderBy(pgT.id);

  test("mizzle's own config form (the reference the others must equal)", async () => {
    const db = mz.neonHttp.drizzle({ connectionString: CONN, endpoint: neonStandin.url });
    assert.deepEqual(await rows(db), PG_ROWS);
  });

  test('drizzle(neon(url)) and drizzle(neon(url), { schema }): the request goes through the client', async () => {
    // Only the client knows its endpoint (neonConfig.fetchEndpoint): the rows prove it was used.
    assert.deepEqual(await rows(mz.neonHttp.drizzle(neon(CONN))), PG_ROWS);
    const db = mz.neonHttp.drizzle(neon(CONN), { schema: { t: pgT } });
    assert.deepEqual(await db.query.t.findFirst({ where: (t, { eq }) => eq(t.id, 1) }), PG_ROWS[0]);
  });

  test('drizzle({ client, schema, logger })', async () => {
    const logged = [];
    const db = mz.neonHttp.drizzle({
      client: neon(CONN),
      schema: { t: pgT },
      logger: { logQuery: (sql) => logged.push(sql) },
    });
    assert.deepEqual(await db.query.t.findMany({ orderBy: (t, { asc }) => asc(t.id) }), PG_ROWS);
    assert.equal(logged.length, 1);
  });

  test("drizzle(url) and drizzle({ connection: url }) use Neon's default endpoint for the host", async () => {
    for (const make of [() => mz.neonHttp.drizzle(CONN), () => mz.neonHttp.drizzle({ connection: CONN })]) {
      const { result, asked } = await redirectingFetch(neonStandin.url, () => rows(make()));
      assert.deepEqual(result, PG_ROWS);
      assert.deepEqual(asked, [DEFAULT_ENDPOINT]);
    }
  });

  test('drizzle({ connection: { connectionString, ...options } }): endpoint, token, batch defaults', async () => {
    const seen = [];
    const db = mz.neonHttp.drizzle({
      connection: {
        connectionString: CONN,
        endpoint: neonStandin.url,
        authToken: 'jwt-1',
        readOnly: true,
        fetch: (url, init) => {
          seen.push(init.headers);
          return fetch(url, init);
        },
      },
      schema: { t: pgT },
    });
    assert.deepEqual(await rows(db), PG_ROWS);
    assert.equal(seen[0].Authorization, 'Bearer jwt-1');
    // readOnly is the batches' default: a write in a batch fails as in a read-only transaction.
    const e = await rejection(db.batch([db.update(pgT).set({ name: 'x' }).where(mz.root.eq(pgT.id, 2))]));
    assert.equal(e.code, '25006', e.message);
    assert.equal(seen.at(-1)['Neon-Batch-Read-Only'], 'true');
  });

  test("a batch through neon(): one transaction, the client's batch options", async () => {
    const db = mz.neonHttp.drizzle(neon(CONN));
    const [updated, read] = await db.batch([
      db.update(pgT).set({ name: 'bob' }).where(mz.root.eq(pgT.id, 2)).returning({ id: pgT.id }),
      db.select({ name: pgT.name }).from(pgT).where(mz.root.eq(pgT.id, 2)),
    ]);
    assert.deepEqual(updated, [{ id: 2 }]);
    assert.deepEqual(read, [{ name: 'bob' }]);
    const e = await rejection(db.batch([db.update(pgT).set({ name: 'x' })], { readOnly: true }));
    assert.equal(e.code, '25006', e.message);
    assert.deepEqual((await pgDirect.query(`select name from "${pgName}" order by id`)).rows, [
      { name: 'ann' },
      { name: 'bob' },
    ]);
  });

  test("a server error through neon() is a MizzleQueryError whose cause is the client's NeonDbError", async () => {
    const viaClient = await rejection(mz.neonHttp.drizzle(neon(CONN)).insert(pgT).values({ id: 1, name: 'dup' }));
    const viaHttp = await rejection(
      mz.neonHttp
        .drizzle({ connectionString: CONN, endpoint: neonStandin.url })
        .insert(pgT)
        .values({ id: 1, name: 'dup' }),
    );
    assert.ok(viaClient instanceof mz.root.MizzleQueryError);
    assert.ok(viaClient instanceof mz.root.DrizzleQueryError);
    assert.ok(viaClient.cause instanceof NeonDbError);
    assert.equal(viaClient.cause.code, '23505');
    // The same fields as mizzle's own request gives.
    for (const k of ['message', 'code', 'constraint', 'detail', 'status', 'severity', 'table'])
      assert.equal(viaClient[k], viaHttp[k], k);
    assert.equal(viaClient.constraint, `${pgName}_pkey`);
  });
});

const MY_ROWS = [
  {
    id: 1,
    name: 'ann',
    at: new Date('2024-05-06T07:08:09.123Z'),
    big: 9007199254740993n,
    doc: { a: [1, 'two'] },
    flag: true,
  },
  { id: 2, name: 'bob', at: null, big: null, doc: null, flag: false },
];

describe('PlanetScale: drizzle-orm 0.45 constructor forms', () => {
  const rows = (db) => db.select().from(myT).orderBy(myT.id);
  const ps = () => mz.planetscale;

  test("every form gives the rows of mizzle's own { url } form", async () => {
    const url = psStandin.url;
    const forms = {
      'drizzle({ url })': () => ps().drizzle({ url }),
      'drizzle(new Client({ url }))': () => ps().drizzle(new Client({ url })),
      'drizzle(new Client({ url }), { schema })': () => ps().drizzle(new Client({ url }), { schema: { t: myT } }),
      'drizzle({ client })': () => ps().drizzle({ client: new Client({ url }), schema: { t: myT } }),
      'drizzle({ connection: { url } })': () => ps().drizzle({ connection: { url } }),
      'drizzle({ connection: url })': () => ps().drizzle({ connection: url }),
      'drizzle(url)': () => ps().drizzle(url),
    };
    for (const [form, make] of Object.entries(forms)) assert.deepEqual(await rows(make()), MY_ROWS, form);
    const db = ps().drizzle({ client: new Client({ url }), schema: { t: myT } });
    assert.deepEqual(await db.query.t.findFirst({ where: (t, { eq }) => eq(t.id, 2) }), MY_ROWS[1]);
  });

  test("a Client's host, credentials and fetch are the ones used (also after the client ran a query)", async () => {
    const { host } = new URL(psStandin.url);
    let calls = 0;
    const client = new Client({
      host,
      username: 'u',
      password: 'p',
      // The client says https for a host; the stand-in is plain HTTP on loopback.
      fetch: (url, init) => {
        calls++;
        return fetch(String(url).replace(/^https:/, 'http:'), init);
      },
    });
    await client.execute('select 1');
    const before = calls;
    assert.deepEqual(await rows(ps().drizzle(client)), MY_ROWS);
    assert.equal(calls, before + 1, "mizzle's request went through the client's fetch");

    const wrong = new Client({ url: psStandin.url.replace('u:p@', 'u:nope@') });
    const official = await rejection(wrong.execute('select 1'));
    const e = await rejection(rows(ps().drizzle(wrong)));
    assert.ok(e instanceof mz.root.MizzleQueryError);
    assert.equal(e.status, 401);
    assert.equal(e.cause.name, official.name);
    assert.equal(e.cause.status, official.status);
    assert.deepEqual(e.cause.body, official.body);
    assert.equal(e.cause.body.code, 'unauthenticated');
  });

  test("a server error's cause has @planetscale/database's DatabaseError shape", async () => {
    const stmt = `insert into \`${myName}\` (id, name) values (1, 'dup')`;
    const official = await rejection(new Client({ url: psStandin.url }).execute(stmt));
    const db = ps().drizzle(new Client({ url: psStandin.url }));
    const e = await rejection(db.execute(mz.root.sql.raw(stmt)));
    assert.ok(e instanceof mz.root.DrizzleQueryError);
    assert.equal(e.cause.name, 'DatabaseError');
    assert.equal(e.cause.name, official.name);
    assert.equal(e.cause.message, official.message);
    assert.equal(e.cause.status, official.status);
    assert.deepEqual(e.cause.body, official.body);
    // mizzle's parsed fields stay, on the cause too.
    assert.equal(e.cause.errno, 1062);
    assert.equal(e.cause.sqlstate, '23000');
    assert.equal(e.cause.code, '23000');
    assert.equal(e.errno, 1062);

    // The builder path: the same shape.
    const viaBuilder = await rejection(db.insert(myT).values({ id: 1, name: 'dup' }));
    assert.equal(viaBuilder.cause.name, 'DatabaseError');
    assert.equal(viaBuilder.cause.status, 400);
    assert.equal(viaBuilder.cause.body.code, official.body.code);
    assert.match(viaBuilder.cause.body.message, /Duplicate entry/);
  });
});
