// Class names survive the package's minified bundles: `db.constructor.name` is drizzle's class
// name for each driver (DrizzleD1Database, DrizzleSqliteDODatabase, NeonHttpDatabase,
// PlanetScaleDatabase), the dialects' database classes keep theirs, and errors print their own
// class names, in the Node layout (bundle/node/, what `import 'mizzle/d1'` gives in Node) and in
// the shared-chunk layout (bundle/, what bundlers, workerd and browsers get), both from a packed
// copy of the package.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { inspect } from 'node:util';
import { packedApp } from './pack.mjs';

let app;
before(() => {
  app = packedApp('names');
});
after(() => app?.cleanup());

/** The entries of one layout, from its files in the packed package (bundle/node/ or bundle/). */
async function load(layout) {
  const dir = join(app.app, 'node_modules', 'mizzle');
  const file = (entry) =>
    layout === 'node'
      ? import(pathToFileURL(join(dir, 'bundle', 'node', `${entry}.js`)).href)
      : import(pathToFileURL(join(dir, 'bundle', entry === 'index' ? 'index.js' : `${entry}/index.js`)).href);
  const [root, d1, durable, neon, ps, wasm, sqliteCore, pgCore, mysqlCore] = await Promise.all(
    [
      'index',
      'd1',
      'durable-sqlite',
      'neon-http',
      'planetscale',
      'sqlite-wasm',
      'sqlite-core',
      'pg-core',
      'mysql-core',
    ].map(file),
  );
  return { root, d1, durable, neon, ps, wasm, sqliteCore, pgCore, mysqlCore };
}

// A binding and a storage object are enough to construct a db: nothing is queried.
const fakeD1 = { prepare() {}, batch() {} };
const fakeStorage = { sql: { exec() {} }, transactionSync: (f) => f() };

for (const layout of ['node', 'shared']) {
  test(`${layout} layout: db.constructor.name is drizzle's class name per driver`, async () => {
    const m = await load(layout);
    assert.equal(m.d1.drizzle(fakeD1).constructor.name, 'DrizzleD1Database');
    assert.equal(m.d1.drizzle({ client: fakeD1 }).constructor.name, 'DrizzleD1Database');
    assert.equal(m.durable.drizzle(fakeStorage).constructor.name, 'DrizzleSqliteDODatabase');
    assert.equal(m.neon.drizzle('postgresql://u:p@db.example.com/db').constructor.name, 'NeonHttpDatabase');
    assert.equal(m.ps.drizzle('mysql://u:p@db.example.com').constructor.name, 'PlanetScaleDatabase');
    assert.ok(m.ps.drizzle('mysql://u:p@db.example.com') instanceof m.ps.PlanetScaleDatabase);
    // The dialects' database classes, which libraries test with is(db, BaseSQLiteDatabase) and the like.
    assert.ok(m.root.is(m.d1.drizzle(fakeD1), m.sqliteCore.BaseSQLiteDatabase));
    assert.ok(m.root.is(m.neon.drizzle('postgresql://u:p@db.example.com/db'), m.pgCore.PgDatabase));
    assert.ok(m.root.is(m.ps.drizzle('mysql://u:p@db.example.com'), m.mysqlCore.MySqlDatabase));
    assert.ok(!m.root.is(m.ps.drizzle('mysql://u:p@db.example.com'), m.sqliteCore.BaseSQLiteDatabase));
    for (const [c, from] of [
      ['BaseSQLiteDatabase', m.sqliteCore],
      ['PgDatabase', m.pgCore],
      ['MySqlDatabase', m.mysqlCore],
      ['SQLiteWasmDatabase', m.wasm],
    ])
      assert.equal(from[c].name, c);
    for (const c of [
      'DrizzleError',
      'DrizzleQueryError',
      'MizzleError',
      'MizzleQueryError',
      'TransactionRollbackError',
    ])
      assert.equal(m.root[c].name, c);
  });

  test(`${layout} layout: thrown errors print their class names`, async () => {
    const m = await load(layout);
    let invalid;
    try {
      m.neon.drizzle('not a url');
    } catch (e) {
      invalid = e;
    }
    assert.equal(invalid?.constructor.name, 'MizzleError');
    assert.match(inspect(invalid), /^MizzleError: neon-http: /);

    const client = await m.wasm.createDatabase();
    const db = m.wasm.drizzle(client);
    let failed;
    try {
      db.run(m.root.sql`select * from nope`);
    } catch (e) {
      failed = e;
    }
    client.close();
    assert.equal(failed?.constructor.name, 'MizzleQueryError');
    assert.match(inspect(failed), /^MizzleQueryError: no such table: nope/);
    const rollback = new m.root.TransactionRollbackError();
    assert.match(inspect(rollback), /^TransactionRollbackError: Rollback/);
  });
}
