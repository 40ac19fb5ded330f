/**
 * Where a builder must do what drizzle-orm 0.45's does with the same call
 * (issue 13's wrong results; the same cases run against drizzle on the real
 * servers in tests/scenarios/builder-parity.mjs): the schema defaults an
 * insert sends per dialect, unknown keys in values ignored, `columns: {}` in
 * relational queries, and the API surface that differs per dialect
 * (`autoIncrement`, MySQL's missing `selectDistinctOn` / `fullJoin`).
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { loadInline } from '#wasm/inline';
import { loadEngine as loadPgEngine } from '#wasm/engine-pg';
import type { Session } from '../../src/driver.js';
import { Dialect, Engine } from '../../src/engine/engine.js';
import { eq, MizzleError, relations, sql } from '../../src/index.js';
import * as my from '../../src/mysql-core/index.js';
import * as pg from '../../src/pg-core/index.js';
import { Database } from '../../src/query/database.js';
import { integer, numeric, real, sqliteTable, text } from '../../src/sqlite-core/index.js';
import { createDatabase, drizzle, type SQLiteWasmDatabase } from '../../src/sqlite-wasm/index.js';

const lite = sqliteTable('t', {
  id: integer().primaryKey({ autoIncrement: true }),
  name: text().notNull().default('anon'),
  n: integer().default(7),
  at: integer({ mode: 'timestamp' }).default(sql`(unixepoch())`),
  tag: text().$defaultFn(() => 'fn'),
  // SQLite: drizzle sends the `.default()` value even when there is a `$defaultFn` too.
  both: text()
    .default('value')
    .$defaultFn(() => 'fn'),
  // A falsy `.default()` counts as none for `$onUpdate` (drizzle's `!col.default`).
  zero: integer()
    .default(0)
    .$onUpdate(() => 9),
  plain: text(),
});

/** A session that only compiles (toSQL); nothing here runs a statement. */
function compileOnly(dialect: Dialect, engine: Engine): Session<'async', unknown> {
  const no = () => {
    throw new Error('not run in this test');
  };
  return {
    mode: 'async',
    dialect,
    engine,
    all: no,
    allObjects: no,
    run: no,
    atomic: no,
    transaction: no,
  } as Session<'async', unknown>;
}

describe('insert: the schema defaults drizzle sends', () => {
  let db: SQLiteWasmDatabase;
  before(async () => {
    const client = await createDatabase();
    // No DDL default at all, as a table made by hand.
    client.exec(
      'create table t (id integer primary key autoincrement, name text, n integer, at integer, tag text, ' +
        'both text, zero integer, plain text)',
    );
    db = drizzle(client);
  });

  test('SQLite: `.default()` values as parameters, SQL defaults as SQL, then $defaultFn and $onUpdate', () => {
    assert.deepEqual(db.insert(lite).values({}).toSQL(), {
      sql: 'insert into "t" ("name", "n", "at", "tag", "both", "zero") values (?, ?, (unixepoch()), ?, ?, ?)',
      params: ['anon', 7, 'fn', 'value', 0],
    });
  });

  test('SQLite: a table without DDL defaults stores the schema defaults', () => {
    db.insert(lite)
      .values([{}, { name: 'given', n: 1 }])
      .run();
    const rows = db.select().from(lite).all();
    assert.deepEqual(
      rows.map(({ at, ...r }) => [r, at instanceof Date]),
      [
        [{ id: 1, name: 'anon', n: 7, tag: 'fn', both: 'value', zero: 0, plain: null }, true],
        [{ id: 2, name: 'given', n: 1, tag: 'fn', both: 'value', zero: 0, plain: null }, true],
      ],
    );
  });

  test('PostgreSQL: `.default()` columns are left to the database (drizzle sends `default`)', () => {
    const t = pg.pgTable('t', {
      id: pg.serial().primaryKey(),
      name: pg.text().notNull().default('anon'),
      tag: pg.text().$defaultFn(() => 'fn'),
      zero: pg
        .integer()
        .default(0)
        .$onUpdate(() => 9),
      state: pg
        .text()
        .default('initial')
        .$onUpdate(() => 'updated'),
    });
    const db = new Database(compileOnly(Dialect.postgres, Engine.of(loadPgEngine())));
    assert.deepEqual(db.insert(t).values({}).toSQL(), {
      sql: 'insert into "t" ("tag", "zero") values ($1, $2)',
      params: ['fn', 9],
    });
    // A row that gives a `.default()` column beside one that does not: `default` in that row.
    assert.equal(
      db
        .insert(t)
        .values([{ name: 'a' }, {}])
        .toSQL().sql,
      'insert into "t" ("name", "tag", "zero") values ($1, $2, $3), (default, $4, $5)',
    );
  });

  test('MySQL: the same as PostgreSQL', () => {
    const t = my.mysqlTable('t', {
      id: my.serial().primaryKey(),
      name: my.varchar({ length: 20 }).notNull().default('anon'),
      tag: my.varchar({ length: 20 }).$defaultFn(() => 'fn'),
    });
    const db = new Database(compileOnly(Dialect.mysql, Engine.of(loadInline())));
    assert.deepEqual(db.insert(t).values({}).toSQL(), {
      sql: 'insert into `t` (`tag`) values (?)',
      params: ['fn'],
    });
  });
});

describe('unknown keys in values are ignored, as drizzle ignores them', () => {
  const db = () => new Database(compileOnly(Dialect.postgres, Engine.of(loadPgEngine())));
  const t = pg.pgTable('t', {
    id: pg.integer().primaryKey(),
    name: pg.text(),
    state: pg.text().$onUpdate(() => 'updated'),
  });

  test('insert, several rows', () => {
    assert.deepEqual(
      db()
        .insert(t)
        .values([{ id: 1, csrf: 'x' } as never, { id: 2, name: 'b', extra: {} } as never])
        .toSQL(),
      {
        sql: 'insert into "t" ("id", "name", "state") values ($1, default, $2), ($3, $4, $5)',
        params: [1, 'updated', 2, 'b', 'updated'],
      },
    );
  });

  test('update: table order, $onUpdate added, unknown keys dropped', () => {
    assert.deepEqual(
      db()
        .update(t)
        .set({ submit: 'Save', name: 'n' } as never)
        .where(eq(t.id, 1))
        .toSQL(),
      { sql: 'update "t" set "name" = $1, "state" = $2 where "t"."id" = $3', params: ['n', 'updated', 1] },
    );
    // Only unknown keys but a $onUpdate column: drizzle updates that column alone.
    assert.equal(
      db()
        .update(t)
        .set({ submit: 'Save' } as never)
        .toSQL().sql,
      'update "t" set "state" = $1',
    );
  });

  test('onConflictDoUpdate set (with the $onUpdate columns, as drizzle)', () => {
    assert.equal(
      db()
        .insert(t)
        .values({ id: 1 })
        .onConflictDoUpdate({ target: t.id, set: { name: 'x', junk: 1 } as never })
        .toSQL().sql,
      'insert into "t" ("id", "state") values ($1, $2) on conflict ("id") do update set "name" = $3, "state" = $4',
    );
  });

  test('an update that gives no value at all is still refused', () => {
    assert.throws(
      () => db().update(t).set({ name: undefined }),
      (e: unknown) => e instanceof MizzleError && e.kind === 'invalid',
    );
  });
});

describe('relational `columns: {}` selects no column of its level', () => {
  const users = sqliteTable('users', { id: integer().primaryKey(), name: text().notNull() });
  const posts = sqliteTable('posts', {
    id: integer().primaryKey(),
    authorId: integer('author_id').notNull(),
    title: text(),
  });
  const schema = {
    users,
    posts,
    usersRelations: relations(users, ({ many }) => ({ posts: many(posts) })),
    postsRelations: relations(posts, ({ one }) => ({
      author: one(users, { fields: [posts.authorId], references: [users.id] }),
    })),
  };
  let db: SQLiteWasmDatabase<typeof schema>;
  before(async () => {
    const client = await createDatabase();
    client.exec(
      'create table users (id integer primary key, name text not null);' +
        'create table posts (id integer primary key, author_id integer not null, title text);' +
        "insert into users values (1, 'ann'), (2, 'bob');" +
        "insert into posts values (1, 1, 'a'), (2, 1, 'b');",
    );
    db = drizzle(client, { schema });
  });

  test('top level: only relations and extras', () => {
    assert.deepEqual(
      db.query.users
        .findMany({
          columns: {},
          extras: { upper: sql<string>`upper(${users.name})`.as('upper') },
          with: { posts: { columns: { id: true } } },
          orderBy: users.id,
        })
        .sync(),
      [
        { upper: 'ANN', posts: [{ id: 1 }, { id: 2 }] },
        { upper: 'BOB', posts: [] },
      ],
    );
  });

  test('nested, and entries left undefined count for nothing', () => {
    assert.deepEqual(
      db.query.posts
        .findFirst({
          columns: { id: undefined },
          with: { author: { columns: {}, with: { posts: { columns: { title: true } } } } },
        })
        .sync(),
      {
        author: { posts: [{ title: 'a' }, { title: 'b' }] },
      },
    );
    // An `undefined` entry beside `false` ones does not exclude its column.
    assert.deepEqual(db.query.posts.findFirst({ columns: { title: false, id: undefined } }).sync(), {
      id: 1,
      authorId: 1,
    });
  });

  test('a level that selects nothing is refused, at any depth', () => {
    const refused = (e: unknown) => e instanceof MizzleError && /No fields selected for table "users"/.test(e.message);
    assert.throws(() => db.query.users.findFirst({ columns: {} }), refused);
    assert.throws(() => db.query.posts.findMany({ with: { author: { columns: {} } } }), refused);
  });
});

describe('API surface per dialect, as drizzle', () => {
  test('autoIncrement: SQLite integers and MySQL numeric columns only', () => {
    const s = sqliteTable('s', {
      id: integer().primaryKey({ autoIncrement: true }),
      n: integer(),
      b: integer({ mode: 'boolean' }),
      ts: integer({ mode: 'timestamp' }),
      t: text(),
      r: real(),
      num: numeric(),
    });
    assert.deepEqual(
      Object.values(s).map((c) => c.autoIncrement),
      [true, false, false, false, undefined, undefined, undefined],
    );
    const p = pg.pgTable('p', { id: pg.serial().primaryKey(), n: pg.integer(), t: pg.text() });
    assert.deepEqual(
      Object.values(p).map((c) => c.autoIncrement),
      [undefined, undefined, undefined],
    );
    const m = my.mysqlTable('m', {
      id: my.serial().primaryKey(),
      n: my.int().autoincrement(),
      i: my.int(),
      d: my.double(),
      dec: my.decimal(),
      t: my.varchar({ length: 9 }),
      b: my.boolean(),
      dt: my.datetime(),
    });
    assert.deepEqual(
      Object.values(m).map((c) => c.autoIncrement),
      [true, true, false, false, false, undefined, undefined, undefined],
    );
  });

  test('MySQL has no selectDistinctOn and no fullJoin; PostgreSQL and SQLite have them', () => {
    const t = my.mysqlTable('t', { id: my.int() });
    const mysqlDb = new Database({ dialect: Dialect.mysql } as Session<'async', unknown>);
    const cte = mysqlDb.$with('c').as(mysqlDb.select().from(t));
    assert.equal('selectDistinctOn' in mysqlDb, false);
    assert.equal('selectDistinctOn' in mysqlDb.with(cte), false);
    assert.equal('fullJoin' in mysqlDb.select().from(t), false);
    assert.equal('fullJoin' in mysqlDb.selectDistinct().from(t).where(eq(t.id, 1)), false);
    for (const dialect of [Dialect.postgres, Dialect.sqlite]) {
      const db = new Database({ dialect } as Session<'async', unknown>);
      assert.equal(typeof db.selectDistinctOn, 'function');
      assert.equal(typeof db.with(cte).selectDistinctOn, 'function');
      assert.equal(typeof db.select().from(t).fullJoin, 'function');
    }
  });
});
