/**
 * What libraries written for drizzle check on a db (the adapters of
 * tests/conformance/adapters.test.mjs): a transaction is its database's kind
 * (`is(tx, BaseSQLiteDatabase)`, as drizzle's `SQLiteTransaction` is), and the
 * embedded SQLite enforces foreign keys, as D1 and better-sqlite3 do.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { is, sql } from '../../src/index.js';
import { MySqlDatabase } from '../../src/mysql-core/index.js';
import { PgDatabase } from '../../src/pg-core/index.js';
import { BaseSQLiteDatabase } from '../../src/sqlite-core/index.js';
import { createDatabase, drizzle } from '../../src/sqlite-wasm/index.js';

test('a transaction and its savepoints are their database kind', async () => {
  const db = drizzle(await createDatabase());
  const kinds = db.transaction((tx) => {
    const nested = tx.transaction((inner) => [is(inner, BaseSQLiteDatabase), is(inner, PgDatabase)]);
    return [is(tx, BaseSQLiteDatabase), is(tx, PgDatabase), is(tx, MySqlDatabase), ...nested];
  });
  assert.deepEqual(kinds, [true, false, false, true, false]);
});

test('the embedded database enforces foreign keys (on delete cascade runs)', async () => {
  const client = await createDatabase();
  const db = drizzle(client);
  assert.deepEqual(db.all(sql`pragma foreign_keys`), [{ foreign_keys: 1 }]);
  client.exec(
    'create table a (id integer primary key);' +
      'create table b (id integer primary key, a integer references a(id) on delete cascade);' +
      'insert into a values (1); insert into b values (10, 1);',
  );
  assert.throws(() => db.run(sql`insert into b values (11, 2)`), /FOREIGN KEY constraint failed/);
  db.run(sql`delete from a where id = 1`);
  assert.deepEqual(db.all(sql`select count(*) as n from b`), [{ n: 0 }]);
});
