// The package as Node loads it (the `node` export condition: bundle/node/, a few modules
// instead of the shared-chunk layout; npm-package/scripts/bundle.mjs): every entry must see
// the same classes and each wasm build once, from a packed copy of the package.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { packedApp } from './pack.mjs';
import { EXPECTED, SELECT_BY_ID } from './shape.mjs';

const ENTRIES = {
  root: 'mizzle',
  sqliteCore: 'mizzle/sqlite-core',
  pgCore: 'mizzle/pg-core',
  d1: 'mizzle/d1',
  sqliteWasm: 'mizzle/sqlite-wasm',
  neon: 'mizzle/neon-http',
  engine: 'mizzle/wasm/engine',
};

let app;
let m;
before(async () => {
  app = packedApp('node-layout');
  writeFileSync(
    join(app.app, 'app.mjs'),
    Object.entries(ENTRIES)
      .map(([name, spec]) => `export * as ${name} from '${spec}';\n`)
      .join('') +
      `export const resolved = ${JSON.stringify(ENTRIES)};\n` +
      'for (const k in resolved) resolved[k] = import.meta.resolve(resolved[k]);\n',
  );
  m = await import(pathToFileURL(join(app.app, 'app.mjs')).href);
});
after(() => app?.cleanup());

test('node layout: the entries resolve to bundle/node/', () => {
  const file = {
    root: 'index',
    sqliteCore: 'sqlite-core',
    pgCore: 'pg-core',
    d1: 'd1',
    sqliteWasm: 'sqlite-wasm',
    neon: 'neon-http',
    engine: 'wasm-engine',
  };
  for (const [name, url] of Object.entries(m.resolved))
    assert.ok(url.endsWith(`/node_modules/mizzle/bundle/node/${file[name]}.js`), `${name}: ${url}`);
});

test('node layout: one copy of the classes across entries', () => {
  const { root, sqliteCore, pgCore, neon } = m;
  const users = sqliteCore.sqliteTable('users', { id: sqliteCore.integer('id').primaryKey() });
  const pgUsers = pgCore.pgTable('users', { id: pgCore.integer('id').primaryKey() });
  assert.ok(users.id instanceof root.Column, 'a sqlite-core column is the root Column');
  assert.ok(pgUsers.id instanceof root.Column, 'a pg-core column is the root Column');
  assert.throws(() => neon.drizzle('not a url'), root.MizzleError, "neon-http's errors are the root MizzleError");
});

test('node layout: the D1 driver and mizzle/wasm/engine share one engine instance', () => {
  const { root, sqliteCore, d1, engine } = m;
  const users = sqliteCore.sqliteTable('users', {
    id: sqliteCore.integer('id').primaryKey(),
    name: sqliteCore.text('name'),
  });
  const q = d1.drizzle({}).select().from(users).where(root.eq(users.id, 7)).toSQL();
  assert.equal(q.sql, 'select "users"."id", "users"."name" from "users" where "users"."id" = ?');
  assert.deepEqual(q.params, [7]);
  // The driver interned "users", "id", "name" (ids 0, 1, 2, in that order) into the instance it
  // compiled on. The public loader's instance knows those ids without being told: it is the same
  // one. A second instance would refuse the shape (unknown string ids).
  const wasm = engine.loadEngine();
  assert.equal(wasm.compile(0, SELECT_BY_ID), EXPECTED.sqlite);
});

test('node layout: the embedded database runs root SQL over sqlite-core tables', async () => {
  const { root, sqliteCore, sqliteWasm } = m;
  const users = sqliteCore.sqliteTable('users', {
    id: sqliteCore.integer('id').primaryKey(),
    name: sqliteCore.text('name'),
  });
  const db = sqliteWasm.drizzle(await sqliteWasm.createDatabase());
  db.run(root.sql`create table users (id integer primary key, name text)`);
  db.insert(users).values({ id: 1, name: 'ann' }).run();
  assert.deepEqual(db.select().from(users).where(root.eq(users.name, 'ann')).all(), [{ id: 1, name: 'ann' }]);
});
