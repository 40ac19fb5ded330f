/**
 * drizzle's view classes (issue 13, "Views"): every declared view is an
 * instance of the root `View` and of its dialect's class (`SQLiteView`,
 * `PgView` / `PgMaterializedView`, `MySqlView`), so `is(v, ...)`,
 * `instanceof` and `isView` answer as in drizzle 0.45, while the view stays
 * a subquery: its fields are columns qualified by the view's name, and
 * selecting from it (alone or joined) renders and runs as before. The pg and
 * mysql options are keyed under drizzle's config symbols.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { loadEngine as loadPgEngine } from '#wasm/engine-pg';
import { loadInline } from '#wasm/inline';
import type { BoundQuery, Session } from '../../src/driver.js';
import { Dialect, Engine } from '../../src/engine/engine.js';
import { Column, eq, getViewName, getViewSelectedFields, is, isView, sql, Table, View } from '../../src/index.js';
import * as my from '../../src/mysql-core/index.js';
import * as pg from '../../src/pg-core/index.js';
import { Database } from '../../src/query/database.js';
import { integer, SQLiteView, sqliteTable, sqliteView, text } from '../../src/sqlite-core/index.js';
import { createDatabase, drizzle, type SQLiteWasmDatabase } from '../../src/sqlite-wasm/index.js';
import * as sqlPath from '../../src/subpaths/sql.js';

/** A PostgreSQL or MySQL session that records what it is sent and answers no rows. */
function recording(dialect: Dialect): Session<'async', { rowCount: number }> & { sent: BoundQuery[] } {
  const sent: BoundQuery[] = [];
  const rows = async (q: BoundQuery) => {
    sent.push(q);
    return [];
  };
  const s = {
    mode: 'async' as const,
    dialect,
    engine: Engine.of(dialect === Dialect.mysql ? loadInline() : loadPgEngine()),
    sent,
    all: rows,
    allObjects: rows,
    run: async (q: BoundQuery) => {
      sent.push(q);
      return { rowCount: 0 };
    },
    atomic: async (qs: BoundQuery[]) => {
      sent.push(...qs);
      return qs.map(() => ({ rowCount: 0 }));
    },
    transaction: <T>(fn: (s: never) => T) => fn(s as never),
  };
  return s;
}

/** Every class `x` is checked against, with whether it should be one. */
function assertClasses(x: object, expected: Record<string, boolean>): void {
  const classes: Record<string, abstract new (...args: never[]) => unknown> = {
    View,
    SQLiteView,
    PgView: pg.PgView,
    PgMaterializedView: pg.PgMaterializedView,
    MySqlView: my.MySqlView,
    Table,
  };
  for (const [name, cls] of Object.entries(classes)) {
    const want = expected[name] ?? false;
    assert.equal(is(x, cls), want, `is(x, ${name})`);
    assert.equal(x instanceof cls, want, `x instanceof ${name}`);
  }
  assert.equal(isView(x), expected.View ?? false, 'isView(x)');
}

const cities = sqliteTable('cities', { id: integer('id').primaryKey(), name: text('name').notNull() });

describe('SQLiteView', () => {
  let db: SQLiteWasmDatabase;
  before(async () => {
    const client = await createDatabase();
    client.exec(
      'create table cities (id integer primary key, name text not null);' +
        "insert into cities values (1, 'a'), (2, 'b'), (3, 'c');" +
        'create view big_cities as select id, upper(name) as shout from cities where id > 1;',
    );
    db = drizzle(client);
  });

  const fromQuery = sqliteView('big_cities').as((qb) =>
    qb.select({ id: cities.id, shout: sql<string>`upper(${cities.name})`.as('shout') }).from(cities),
  );
  const existing = sqliteView('big_cities', { id: integer('id'), shout: text('shout') }).existing();
  const manual = sqliteView('big_cities', { id: integer('id') }).as(sql`select id from cities where id > 1`);

  test('each form is a View and a SQLiteView, not a table nor another dialect view', () => {
    for (const v of [fromQuery, existing, manual]) assertClasses(v, { View: true, SQLiteView: true });
  });

  test('still a subquery: name, fields as columns qualified by the view, selectable and joinable', () => {
    assert.equal(getViewName(existing), 'big_cities');
    assert.deepEqual(Object.keys(getViewSelectedFields(existing)), ['id', 'shout']);
    assert.deepEqual(Object.keys(existing), ['id', 'shout']);
    assert.ok(is(existing.id, Column));
    assert.equal(existing.id.table, existing);
    assert.deepEqual(db.select().from(existing).all(), [
      { id: 2, shout: 'B' },
      { id: 3, shout: 'C' },
    ]);
    assert.deepEqual(db.select({ s: fromQuery.shout }).from(fromQuery).where(eq(fromQuery.id, 3)).all(), [{ s: 'C' }]);
    assert.equal(db.select().from(manual).toSQL().sql, 'select "big_cities"."id" from "big_cities"');
    const joined = db
      .select({ name: cities.name, shout: existing.shout })
      .from(cities)
      .innerJoin(existing, eq(existing.id, cities.id))
      .orderBy(cities.id)
      .all();
    assert.deepEqual(joined, [
      { name: 'b', shout: 'B' },
      { name: 'c', shout: 'C' },
    ]);
  });

  test('subqueries, CTEs and tables are not views', () => {
    const sq = db.select().from(cities).as('sq');
    const cte = db.$with('cte').as(db.select().from(cities));
    for (const x of [sq, cte]) assertClasses(x, {});
    assertClasses(cities, { Table: true });
  });
});

describe('PgView and PgMaterializedView', () => {
  const users = pg.pgTable('users', { id: pg.integer('id').primaryKey(), name: pg.text('name') });
  const named = pg
    .pgView('named')
    .with({ securityBarrier: true })
    .as((qb) => qb.select({ id: users.id, name: users.name }).from(users));
  const legacy = pg.pgView('legacy', { id: pg.integer('id') }).existing();
  const stats = pg
    .pgMaterializedView('stats')
    .withNoData()
    .as((qb) => qb.select({ id: users.id }).from(users));
  const app = pg.pgSchema('app');
  const inSchema = app.view('in_app', { id: pg.integer('id') }).as(sql`select 1 as id`);
  const matInSchema = app.materializedView('counts', { n: pg.integer('n') }).existing();

  test('pgView (and a schema.view) is a PgView; pgMaterializedView a PgMaterializedView, not a PgView', () => {
    for (const v of [named, legacy, inSchema]) {
      assertClasses(v, { View: true, PgView: true });
      assert.equal(pg.isPgView(v), true);
      assert.equal(pg.isPgMaterializedView(v), false);
    }
    for (const v of [stats, matInSchema]) {
      assertClasses(v, { View: true, PgMaterializedView: true });
      assert.equal(pg.isPgView(v), false);
      assert.equal(pg.isPgMaterializedView(v), true);
    }
    assert.equal(pg.isPgView(users), false);
  });

  test("the options are keyed under drizzle's config symbols, read-only and no field", () => {
    assert.equal(named[pg.PgViewConfig], pg.getViewConfig(named));
    assert.deepEqual(named[pg.PgViewConfig].with, { securityBarrier: true });
    assert.equal(stats[pg.PgMaterializedViewConfig], pg.getMaterializedViewConfig(stats));
    assert.equal(stats[pg.PgMaterializedViewConfig].withNoData, true);
    assert.equal(matInSchema[pg.PgMaterializedViewConfig].schema, 'app');
    assert.equal(pg.PgViewConfig in stats, false);
    assert.equal(pg.getViewConfig(users), undefined);
    assert.deepEqual(Object.keys(named), ['id', 'name']);
    assert.throws(() => {
      (named as { [pg.PgViewConfig]: unknown })[pg.PgViewConfig] = {};
    }, TypeError);
  });

  test("the builders are drizzle's builder classes", () => {
    assert.ok(pg.pgView('a') instanceof pg.DefaultViewBuilderCore);
    assert.ok(pg.pgView('a', { id: pg.integer('id') }) instanceof pg.DefaultViewBuilderCore);
    assert.ok(is(pg.pgView('a'), pg.ViewBuilder));
    assert.ok(is(pg.pgView('a', { id: pg.integer('id') }), pg.ManualViewBuilder));
    const mat = pg.pgMaterializedView('m');
    const manualMat = app.materializedView('m', { id: pg.integer('id') });
    assert.ok(mat instanceof pg.MaterializedViewBuilderCore && mat instanceof pg.MaterializedViewBuilder);
    assert.ok(
      manualMat instanceof pg.MaterializedViewBuilderCore && manualMat instanceof pg.ManualMaterializedViewBuilder,
    );
    assert.equal(is(mat, pg.DefaultViewBuilderCore), false);
    assert.equal(is(pg.pgView('a'), pg.MaterializedViewBuilderCore), false);
  });

  test('selecting from views and joining them renders as before; refreshMaterializedView still takes one', async () => {
    const s = recording(Dialect.postgres);
    const db = new pg.PgDatabase(s);
    assert.equal(
      db.select().from(named).where(eq(named.id, 1)).toSQL().sql,
      'select "named"."id", "named"."name" from "named" where "named"."id" = $1',
    );
    assert.equal(
      db
        .select({ id: users.id, n: matInSchema.n })
        .from(users)
        .leftJoin(matInSchema, eq(matInSchema.n, users.id))
        .toSQL().sql,
      'select "users"."id", "counts"."n" from "users" left join "app"."counts" on "counts"."n" = "users"."id"',
    );
    assert.equal(db.select().from(inSchema).toSQL().sql, 'select "in_app"."id" from "app"."in_app"');
    assert.deepEqual(await db.select().from(stats), []);
    assert.equal(s.sent[0]!.sql, 'select "stats"."id" from "stats"');
    assert.equal(db.refreshMaterializedView(matInSchema).toSQL().sql, 'refresh materialized view "app"."counts"');
  });
});

describe('MySqlView', () => {
  const people = my.mysqlTable('people', { id: my.int('id').primaryKey(), age: my.int('age') });
  const adults = my
    .mysqlView('adults')
    .algorithm('merge')
    .as((qb) => qb.select({ id: people.id }).from(people));
  const legacy = my
    .mysqlSchema('old')
    .view('legacy', { id: my.int('id') })
    .existing();

  test('mysqlView and mysqlSchema(...).view are MySqlViews, options under MySqlViewConfig', () => {
    for (const v of [adults, legacy]) assertClasses(v, { View: true, MySqlView: true });
    assert.equal(adults[my.MySqlViewConfig], my.getViewConfig(adults));
    assert.equal(adults[my.MySqlViewConfig].algorithm, 'merge');
    assert.equal(legacy[my.MySqlViewConfig].schema, 'old');
    assert.deepEqual(Object.keys(adults), ['id']);
  });

  test('selecting from them renders as before', () => {
    const db = new Database(recording(Dialect.mysql));
    assert.equal(
      db.select().from(adults).where(eq(adults.id, 1)).toSQL().sql,
      'select `adults`.`id` from `adults` where `adults`.`id` = ?',
    );
    assert.equal(db.select({ id: legacy.id }).from(legacy).toSQL().sql, 'select `legacy`.`id` from `old`.`legacy`');
  });
});

test("mizzle/sql's View is the root's", () => {
  assert.equal(sqlPath.View, View);
});
