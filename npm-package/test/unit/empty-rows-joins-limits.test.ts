/**
 * Issue 14, items 4 and 5, where mizzle refused or broke what drizzle-orm 0.45
 * runs: inserts whose rows are all defaults (`values({})` with an upsert,
 * `values([{}, {}])`), joins whose `on` is undefined (`and()` of nothing), and
 * `limit(NaN)` / negative limits and 0 / NaN offsets, which drizzle leaves out.
 * The same calls run against drizzle in tests/scenarios/ (write.mjs, select.mjs, query.mjs).
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { loadInline } from '#wasm/inline';
import { loadEngine as loadPgEngine } from '#wasm/engine-pg';
import type { Session } from '../../src/driver.js';
import { Dialect, Engine } from '../../src/engine/engine.js';
import { and, eq, sql } from '../../src/index.js';
import * as my from '../../src/mysql-core/index.js';
import * as pg from '../../src/pg-core/index.js';
import { Database } from '../../src/query/database.js';
import { integer, sqliteTable, text } from '../../src/sqlite-core/index.js';
import { createDatabase, drizzle, type SQLiteWasmDatabase } from '../../src/sqlite-wasm/index.js';

/** A session that only compiles (toSQL); nothing here runs a statement on it. */
function compileOnly(dialect: Dialect, engine: Engine): Session<'async', unknown> {
  const no = () => {
    throw new Error('not run in this test');
  };
  return { mode: 'async', dialect, engine, all: no, allObjects: no, run: no, atomic: no, transaction: no } as Session<
    'async',
    unknown
  >;
}

// No column has a schema default, so an empty row names no column.
const items = sqliteTable('items', { id: integer().primaryKey(), note: text(), n: integer() });
// Its DDL key has a constant default, so a second all-default row collides with the first.
const singles = sqliteTable('singles', { k: text(), n: integer() });
const users = sqliteTable('users', { id: integer().primaryKey(), name: text().notNull() });
const posts = sqliteTable('posts', { id: integer().primaryKey(), authorId: integer('author_id').notNull() });

describe('SQLite on the embedded database', () => {
  let db: SQLiteWasmDatabase;
  before(async () => {
    const client = await createDatabase();
    client.exec(
      [
        'create table items (id integer primary key, note text, n integer default 7)',
        "create table singles (k text primary key default 'only', n integer default 7)",
        'create table users (id integer primary key, name text not null)',
        'create table posts (id integer primary key, author_id integer not null)',
        "insert into users values (1, 'ann'), (2, 'bob'), (3, 'cid')",
        'insert into posts values (1, 1), (2, 1)',
      ].join(';'),
    );
    db = drizzle(client);
  });

  test('values({}) with an upsert: not DEFAULT VALUES, which takes no ON CONFLICT', async () => {
    const q = db.insert(singles).values({}).onConflictDoNothing();
    assert.deepEqual(q.toSQL(), {
      sql: 'insert into "singles" ("rowid") values (null) on conflict do nothing',
      params: [],
    });
    assert.equal((await q.run()).changes, 1);
    assert.equal((await db.insert(singles).values({}).onConflictDoNothing().run()).changes, 0);
    assert.deepEqual(await db.select().from(singles), [{ k: 'only', n: 7 }]);
    // A single all-default row without an upsert stays DEFAULT VALUES.
    assert.equal(db.insert(items).values({}).toSQL().sql, 'insert into "items" default values');
  });

  test('values([{}, {}]): several all-default rows, each with the DDL defaults', async () => {
    const q = db.insert(items).values([{}, {}, {}]).returning({ id: items.id, n: items.n });
    assert.equal(
      q.toSQL().sql,
      'insert into "items" ("rowid") values (null), (null), (null) returning "items"."id", "items"."n"',
    );
    assert.deepEqual(await q, [
      { id: 1, n: 7 },
      { id: 2, n: 7 },
      { id: 3, n: 7 },
    ]);
    assert.equal((await db.insert(singles).values([{}, {}]).onConflictDoNothing().run()).changes, 0);
  });

  test('a join whose on is undefined pairs every row, as drizzle writes it (no ON)', async () => {
    const inner = db.select({ u: users.id, p: posts.id }).from(users).innerJoin(posts, and());
    assert.equal(inner.toSQL().sql, 'select "users"."id", "posts"."id" from "users" inner join "posts"');
    assert.equal((await inner).length, 6);
    const left = db
      .select({ u: users.id, p: posts.id })
      .from(users)
      .leftJoin(posts, () => and(undefined, undefined))
      .orderBy(users.id, posts.id);
    assert.equal((await left).length, 6);
  });

  test('limit(NaN) and negative limits are no limit; offset 0 and NaN no offset', async () => {
    const q = () => db.select({ id: users.id }).from(users).orderBy(users.id);
    const base = 'select "users"."id" from "users" order by "users"."id" asc';
    assert.deepEqual(q().limit(Number.NaN).toSQL(), { sql: base, params: [] });
    assert.deepEqual(q().limit(-1).offset(Number.NaN).toSQL(), { sql: base, params: [] });
    assert.deepEqual(q().limit(2).offset(0).toSQL(), { sql: `${base} limit ?`, params: [2] });
    assert.deepEqual(await q().limit(Number.NaN), [{ id: 1 }, { id: 2 }, { id: 3 }]);
    assert.deepEqual(await q().limit(-5).offset(Number.NaN), [{ id: 1 }, { id: 2 }, { id: 3 }]);
    // A later limit(NaN) drops an earlier limit, as drizzle's last call wins.
    assert.deepEqual(await q().limit(1).limit(Number.NaN).offset(1), [{ id: 2 }, { id: 3 }]);
    // limit(0) stays: no rows.
    assert.deepEqual(await q().limit(0), []);
  });

  test('update and delete: limit(NaN) and negative limits are no limit either', () => {
    const base = 'update "items" set "n" = ?';
    assert.equal(db.update(items).set({ n: 1 }).limit(Number.NaN).toSQL().sql, base);
    assert.equal(db.delete(items).limit(-1).toSQL().sql, 'delete from "items"');
  });
});

describe('PostgreSQL and MySQL SQL', () => {
  const pgDb = () => new Database(compileOnly(Dialect.postgres, Engine.of(loadPgEngine())));
  const myDb = () => new Database(compileOnly(Dialect.mysql, Engine.of(loadInline())));
  const pgT = pg.pgTable('t', { id: pg.serial().primaryKey(), note: pg.text() });
  const myT = my.mysqlTable('t', { id: my.serial().primaryKey(), note: my.text() });
  const pgU = pg.pgTable('u', { id: pg.integer().primaryKey() });
  const myU = my.mysqlTable('u', { id: my.int().primaryKey() });

  test('all-default rows', () => {
    assert.equal(
      pgDb().insert(pgT).values({}).onConflictDoNothing().toSQL().sql,
      'insert into "t" default values on conflict do nothing',
    );
    assert.equal(pgDb().insert(pgT).values([{}, {}]).toSQL().sql, 'insert into "t" values (default), (default)');
    assert.equal(myDb().insert(myT).values([{}, {}]).toSQL().sql, 'insert into `t` () values (), ()');
  });

  test('a join without on: ON TRUE where the dialect needs an ON', () => {
    assert.equal(
      pgDb().select({ id: pgT.id }).from(pgT).leftJoin(pgU, and()).toSQL().sql,
      'select "t"."id" from "t" left join "u" on true',
    );
    assert.equal(
      pgDb().select({ id: pgT.id }).from(pgT).innerJoin(pgU, undefined).toSQL().sql,
      'select "t"."id" from "t" inner join "u" on true',
    );
    // MySQL reads an inner join without ON as drizzle writes it; a left join needs one.
    assert.equal(
      myDb().select({ id: myT.id }).from(myT).innerJoin(myU, and()).toSQL().sql,
      'select `t`.`id` from `t` inner join `u`',
    );
    assert.equal(
      myDb().select({ id: myT.id }).from(myT).leftJoin(myU, and()).where(eq(myU.id, sql`2`)).toSQL().sql,
      'select `t`.`id` from `t` left join `u` on true where `u`.`id` = (2)',
    );
  });

  test('limit(NaN) and offset(NaN) leave the clauses out', () => {
    assert.equal(
      pgDb().select({ id: pgT.id }).from(pgT).limit(Number.NaN).offset(Number.NaN).toSQL().sql,
      'select "t"."id" from "t"',
    );
    assert.equal(myDb().select({ id: myT.id }).from(myT).limit(-1).toSQL().sql, 'select `t`.`id` from `t`');
  });
});
