/**
 * The query APIs of issue 13 at the level of the SQL they compile to and what
 * they refuse (the same calls run against drizzle-orm on the real servers in
 * tests/scenarios/query-apis.mjs): INSERT ... SELECT per dialect with the
 * upserts after it, CTEs before INSERT / UPDATE / DELETE, `$dynamic()`, DML
 * builders embedded in `sql` templates (`getSQL()`), and `db._`.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { loadInline } from '#wasm/inline';
import { loadEngine as loadPgEngine } from '#wasm/engine-pg';
import type { Session } from '../../src/driver.js';
import { Dialect, Engine } from '../../src/engine/engine.js';
import { eq, gt, MizzleError, relations, sql } from '../../src/index.js';
import * as my from '../../src/mysql-core/index.js';
import * as pg from '../../src/pg-core/index.js';
import { Database } from '../../src/query/database.js';
import { integer, sqliteTable, text } from '../../src/sqlite-core/index.js';
import { createDatabase, drizzle, type SQLiteWasmDatabase } from '../../src/sqlite-wasm/index.js';

/** A session that only compiles (toSQL); nothing here runs a statement through it. */
function compileOnly(dialect: Dialect, engine: Engine): Session<'async', unknown> {
  const no = () => {
    throw new Error('not run in this test');
  };
  return { mode: 'async', dialect, engine, all: no, allObjects: no, run: no, atomic: no, transaction: no } as never;
}

const a = sqliteTable('a', { id: integer().primaryKey(), name: text().notNull() });
const b = sqliteTable('b', { id: integer().primaryKey(), name: text().notNull() });
const bRelations = relations(b, ({ many }) => ({ copies: many(a) }));

describe('SQLite', () => {
  let db: SQLiteWasmDatabase<{ a: typeof a; b: typeof b; bRelations: typeof bRelations }>;
  let client: Awaited<ReturnType<typeof createDatabase>>;
  before(async () => {
    client = await createDatabase();
    client.exec(
      "create table a (id integer primary key, name text not null); insert into a values (1, 'one');" +
        "create table b (id integer primary key, name text not null); insert into b values (1, 'x'), (2, 'y');",
    );
    db = drizzle(client, { schema: { a, b, bRelations } });
  });

  test('insert select: every column, the select as given; an upsert wraps a select that has no WHERE', () => {
    assert.deepEqual(
      db
        .insert(a)
        .select((qb) => qb.select().from(b).where(gt(b.id, 1)))
        .toSQL(),
      {
        sql: 'insert into "a" ("id", "name") select "b"."id", "b"."name" from "b" where "b"."id" > ?',
        params: [1],
      },
    );
    // SQLite would read `on` after a bare FROM as a join constraint.
    assert.equal(
      db.insert(a).select(db.select().from(b)).onConflictDoNothing().toSQL().sql,
      'insert into "a" ("id", "name") select * from (select "b"."id", "b"."name" from "b") where true ' +
        'on conflict do nothing',
    );
  });

  test('insert select runs, with an upsert and RETURNING after it', () => {
    const rows = db
      .insert(a)
      .select(db.select().from(b))
      .onConflictDoUpdate({ target: a.id, set: { name: sql`excluded.name` } })
      .returning()
      .all();
    assert.deepEqual(rows, [
      { id: 1, name: 'x' },
      { id: 2, name: 'y' },
    ]);
  });

  test("insert select refuses fields that are not the table's columns in order", () => {
    assert.throws(
      () => db.insert(a).select(db.select({ name: b.name, id: b.id }).from(b) as never),
      /selected fields are not the same or are in a different order/,
    );
    assert.throws(
      () => db.insert(a).select({ not: 'a query' } as never),
      (e: unknown) => e instanceof MizzleError && e.kind === 'invalid',
    );
  });

  test('insert select from raw SQL names every column; before an upsert it is wrapped for SQLite', () => {
    assert.equal(
      db.insert(a).select(sql`select ${7}, 'z'`).toSQL().sql,
      'insert into "a" ("id", "name") select ?, \'z\'',
    );
    const upsert = db
      .insert(a)
      .select(() => sql`select id + 10, name from b`)
      .onConflictDoNothing();
    assert.equal(
      upsert.toSQL().sql,
      'insert into "a" ("id", "name") select * from (select id + 10, name from b) where true on conflict do nothing',
    );
    upsert.run();
    assert.deepEqual(db.select({ id: a.id }).from(a).where(sql`${a.id} > 10`).all(), [{ id: 11 }, { id: 12 }]);
  });

  test('CTEs before update and delete', () => {
    const c = db.$with('c').as(db.select({ id: b.id }).from(b));
    assert.deepEqual(
      db.with(c).update(a).set({ name: 'z' }).where(sql`${a.id} in (select ${c.id} from ${c})`).toSQL(),
      {
        sql:
          'with "c" as (select "b"."id" from "b") update "a" set "name" = ? ' +
          'where "a"."id" in (select "c"."id" from "c")',
        params: ['z'],
      },
    );
    assert.equal(
      db.with(c).delete(a).where(eq(a.id, 2)).toSQL().sql,
      'with "c" as (select "b"."id" from "b") delete from "a" where "a"."id" = ?',
    );
  });

  test('$dynamic() is the builder itself', () => {
    const q = db.select().from(a);
    assert.equal(q.$dynamic(), q);
    const u = db.update(a).set({ name: 'n' });
    assert.equal(u.$dynamic(), u);
    const d = db.delete(a);
    assert.equal(d.$dynamic(), d);
    const i = db.insert(a).values({ id: 9, name: 'n' });
    assert.equal(i.$dynamic(), i);
  });

  test('insert / update / delete as SQL in a template: in parentheses (as drizzle), values re-bound in place', () => {
    const upd = db
      .update(a)
      .set({ name: 'é€' })
      .where(eq(a.id, sql.placeholder('id')));
    const q = db
      .select({ n: sql<number>`${7}` })
      .from(b)
      .where(sql`exists ${upd}`);
    assert.equal(q.toSQL().sql, 'select ? from "b" where exists (update "a" set "name" = ? where "a"."id" = ?)');
    assert.deepEqual(q.toSQL().params, [7, 'é€', undefined]);
  });

  test('db._: the schema as given, its tables with relations, names by schema.table', () => {
    const { fullSchema, schema, tableNamesMap } = db._;
    assert.deepEqual(Object.keys(fullSchema), ['a', 'b', 'bRelations']);
    assert.deepEqual(tableNamesMap, { 'public.a': 'a', 'public.b': 'b' });
    assert.equal(schema?.b?.dbName, 'b');
    assert.deepEqual(Object.keys(schema?.b?.relations ?? {}), ['copies']);
    assert.deepEqual(
      schema?.a?.primaryKey.map((c) => c.name),
      ['id'],
    );
    assert.equal(db._, db._, 'built once');
    const bare = drizzle(client);
    assert.deepEqual(bare._, { schema: undefined, fullSchema: {}, tableNamesMap: {} });
  });
});

describe('PostgreSQL', () => {
  test('an embedded statement is renumbered in the enclosing one', () => {
    const t = pg.pgTable('t', { id: pg.integer().primaryKey(), name: pg.text() });
    const db = new Database(compileOnly(Dialect.postgres, Engine.of(loadPgEngine())));
    const del = db.delete(t).where(eq(t.id, 9)).returning({ id: t.id });
    assert.deepEqual(
      db
        .select({ x: sql`${1}` })
        .from(t)
        .where(sql`exists ${del} and ${t.name} = ${'n'}`)
        .toSQL(),
      {
        sql:
          'select $1 from "t" where exists (delete from "t" where "t"."id" = $2 returning "t"."id") ' +
          'and "t"."name" = $3',
        params: [1, 9, 'n'],
      },
    );
  });

  const pa = pg.pgTable('a', { id: pg.integer().primaryKey(), name: pg.text().notNull() });
  const pb = pg.pgTable('b', { id: pg.integer().primaryKey(), name: pg.text().notNull() });

  test('a CTE before insert select and an upsert; before delete with RETURNING', () => {
    const db = new Database(compileOnly(Dialect.postgres, Engine.of(loadPgEngine())));
    const c = db.$with('c').as(db.select({ id: pb.id }).from(pb).where(gt(pb.id, 3)));
    assert.deepEqual(
      db
        .with(c)
        .insert(pa)
        .select(db.select().from(pb))
        .onConflictDoUpdate({ target: pa.id, set: { name: sql`excluded.name` } })
        .toSQL(),
      {
        sql:
          'with "c" as (select "b"."id" from "b" where "b"."id" > $1) insert into "a" ("id", "name") select ' +
          '"b"."id", "b"."name" from "b" on conflict ("id") do update set "name" = excluded.name',
        params: [3],
      },
    );
    assert.deepEqual(db.with(c).delete(pa).where(eq(pa.id, 1)).returning({ id: pa.id }).toSQL(), {
      sql:
        'with "c" as (select "b"."id" from "b" where "b"."id" > $1) delete from "a" where "a"."id" = $2 ' +
        'returning "a"."id"',
      params: [3, 1],
    });
  });
});

describe('MySQL', () => {
  const ma = my.mysqlTable('a', { id: my.int().primaryKey(), name: my.text().notNull() });
  const mb = my.mysqlTable('b', { id: my.int().primaryKey(), name: my.text().notNull() });

  test('insert ignore select with on duplicate key update', () => {
    const db = new Database(compileOnly(Dialect.mysql, Engine.of(loadInline())));
    assert.equal(
      db
        .insert(ma)
        .ignore()
        .select(db.select().from(mb))
        .onDuplicateKeyUpdate({ set: { name: sql`values(${ma.name})` } })
        .toSQL().sql,
      'insert ignore into `a` (`id`, `name`) select `b`.`id`, `b`.`name` from `b` on duplicate key update ' +
        '`name` = values(`a`.`name`)',
    );
  });

  test('with(): no insert (as drizzle); WITH before UPDATE for MySQL 8, unsupported on MariaDB', () => {
    const db = new Database(compileOnly(Dialect.mysql, Engine.of(loadInline())));
    const c = db.$with('c').as(db.select({ id: mb.id }).from(mb));
    assert.equal('insert' in db.with(c), false);
    assert.equal(
      db.with(c).update(ma).set({ name: 'x' }).toSQL().sql,
      'with `c` as (select `b`.`id` from `b`) update `a` set `name` = ?',
    );
    const maria = new Database(compileOnly(Dialect.mariadb, Engine.of(loadInline())));
    assert.throws(
      () => maria.with(c).update(ma).set({ name: 'x' }).toSQL(),
      (e: unknown) => e instanceof MizzleError && e.kind === 'unsupported',
    );
  });
});
