/**
 * Views, foreign-key references and read replicas (issue 13): what
 * `db.refreshMaterializedView(v)` sends on PostgreSQL (and that the other
 * dialects' databases have no such method), `sqliteView(name, columns)` with
 * `.existing()` / `.as(sql)` read on the embedded SQLite, a foreign key's
 * `reference()` with its `foreignTable`, and `withReplicas` routing each
 * call to the database drizzle would pick.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { loadEngine as loadPgEngine } from '#wasm/engine-pg';
import { loadInline } from '#wasm/inline';
import type { BoundQuery, Session } from '../../src/driver.js';
import { Dialect, Engine } from '../../src/engine/engine.js';
import { eq, getViewSelectedFields, isView, MizzleError, sql } from '../../src/index.js';
import * as my from '../../src/mysql-core/index.js';
import * as pg from '../../src/pg-core/index.js';
import { Database } from '../../src/query/database.js';
import {
  foreignKey,
  getTableConfig,
  getViewConfig,
  integer,
  sqliteTable,
  sqliteView,
  text,
  withReplicas,
} from '../../src/sqlite-core/index.js';
import { createDatabase, drizzle, type SQLiteWasmDatabase } from '../../src/sqlite-wasm/index.js';

/** A PostgreSQL (or MySQL) session that records what it is sent. */
function pgSession(dialect = Dialect.postgres): Session<'async', { rowCount: number }> & { sent: BoundQuery[] } {
  const sent: BoundQuery[] = [];
  const s = {
    mode: 'async' as const,
    dialect,
    engine: Engine.of(dialect === Dialect.mysql ? loadInline() : loadPgEngine()),
    sent,
    all: async (q: BoundQuery) => {
      sent.push(q);
      return [];
    },
    allObjects: async (q: BoundQuery) => {
      sent.push(q);
      return [];
    },
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

const pgUsers = pg.pgTable('users', { id: pg.integer('id').primaryKey(), name: pg.text('name') });
const stats = pg.pgMaterializedView('user_stats').as((qb) => qb.select({ id: pgUsers.id }).from(pgUsers));
const inSchema = pg
  .pgSchema('app')
  .materializedView('counts', { n: pg.integer('n') })
  .existing();

describe('refreshMaterializedView (PostgreSQL)', () => {
  test('renders each form through the engine; the view name quoted, with its schema', async () => {
    const s = pgSession();
    const db = new pg.PgDatabase(s);
    assert.deepEqual(db.refreshMaterializedView(stats).toSQL(), {
      sql: 'refresh materialized view "user_stats"',
      params: [],
    });
    assert.equal(
      db.refreshMaterializedView(stats).concurrently().toSQL().sql,
      'refresh materialized view concurrently "user_stats"',
    );
    assert.equal(
      db.refreshMaterializedView(inSchema).withNoData().toSQL().sql,
      'refresh materialized view "app"."counts" with no data',
    );
    await db.refreshMaterializedView(stats).concurrently();
    assert.equal(s.sent.length, 1);
    assert.equal(s.sent[0]!.sql, 'refresh materialized view concurrently "user_stats"');
  });

  test('concurrently and withNoData together throw, in either order, as in drizzle', () => {
    const db = new pg.PgDatabase(pgSession());
    assert.throws(() => db.refreshMaterializedView(stats).concurrently().withNoData(), MizzleError);
    assert.throws(() => db.refreshMaterializedView(stats).withNoData().concurrently(), /together/);
    assert.throws(() => db.refreshMaterializedView(pgUsers).toSQL(), /pgMaterializedView/);
  });

  test('is a PostgreSQL database key only', async () => {
    const client = await createDatabase();
    assert.equal('refreshMaterializedView' in drizzle(client), false);
    assert.equal(typeof new pg.PgDatabase(pgSession()).refreshMaterializedView, 'function');
  });
});

const cities = sqliteTable('cities', { id: integer('id').primaryKey(), name: text('name').notNull() });
const people = sqliteTable(
  'people',
  {
    id: integer('id').primaryKey(),
    cityId: integer('city_id').references(() => cities.id),
    homeId: integer('home_id'),
  },
  (t) => [foreignKey({ columns: [t.homeId], foreignColumns: [cities.id], name: 'home_fk' })],
);

describe('sqliteView on the embedded SQLite', () => {
  let db: SQLiteWasmDatabase;
  before(async () => {
    const client = await createDatabase();
    client.exec(
      'create table cities (id integer primary key, name text not null);' +
        "insert into cities values (1, 'a'), (2, 'b');" +
        'create view big_cities as select id, upper(name) as shout from cities where id > 1;',
    );
    db = drizzle(client);
  });

  test('.existing(): declared columns, selectable, recorded as existing', () => {
    const big = sqliteView('big_cities', { id: integer('id'), shout: text('shout') }).existing();
    assert.deepEqual(db.select().from(big).all(), [{ id: 2, shout: 'B' }]);
    assert.deepEqual(db.select({ s: big.shout }).from(big).where(eq(big.id, 2)).all(), [{ s: 'B' }]);
    assert.deepEqual(getViewConfig(big), { name: 'big_cities', isExisting: true, query: undefined });
  });

  test('.as(sql) with columns, and .as(query): neither existing; both read by name', () => {
    const manual = sqliteView('big_cities', { id: integer('id') }).as(sql`select id from cities where id > 1`);
    assert.equal(getViewConfig(manual)?.isExisting, false);
    assert.deepEqual(db.select().from(manual).all(), [{ id: 2 }]);
    const fromQuery = sqliteView('big_cities').as((qb) => qb.select({ id: cities.id }).from(cities));
    assert.equal(getViewConfig(fromQuery)?.isExisting, false);
    assert.equal(db.select().from(fromQuery).toSQL().sql, 'select "big_cities"."id" from "big_cities"');
  });
});

describe('mysqlView', () => {
  const people = my.mysqlTable('people', { id: my.int('id').primaryKey(), age: my.int('age') });
  const db = new Database(pgSession(Dialect.mysql));

  test('from a query: its fields, read by name; options recorded for migrations', () => {
    const adults = my
      .mysqlView('adults')
      .algorithm('merge')
      .withCheckOption()
      .as((qb) => qb.select({ id: people.id }).from(people).where(eq(people.age, 18)));
    assert.equal(
      db.select().from(adults).where(eq(adults.id, 1)).toSQL().sql,
      'select `adults`.`id` from `adults` where `adults`.`id` = ?',
    );
    const config = my.getViewConfig(adults)!;
    assert.deepEqual([config.algorithm, config.withCheckOption, config.isExisting], ['merge', 'cascaded', false]);
  });

  test('with columns: existing(), and a schema qualifying the name', () => {
    const legacy = my.mysqlViewWithSchema('legacy', { id: my.int('id') }, 'old') as my.ManualViewBuilder<
      'legacy',
      { id: ReturnType<typeof my.int> }
    >;
    const v = legacy.sqlSecurity('invoker').existing();
    assert.equal(db.select({ id: v.id }).from(v).toSQL().sql, 'select `legacy`.`id` from `old`.`legacy`');
    assert.deepEqual(my.getViewConfig(v), {
      name: 'legacy',
      schema: 'old',
      sqlSecurity: 'invoker',
      isExisting: true,
      query: undefined,
    });
  });
});

describe('mysqlSchema(...).view', () => {
  test('a view declared in a database is qualified with its name', () => {
    const app = my.mysqlSchema('app');
    const v = app.view('names', { id: my.int('id') }).existing();
    assert.equal(isView(v), true);
    assert.equal(my.getViewConfig(v)?.schema, 'app');
    assert.equal(
      new Database(pgSession(Dialect.mysql)).select({ id: v.id }).from(v).toSQL().sql,
      'select `names`.`id` from `app`.`names`',
    );
  });
});

describe('foreign key reference()', () => {
  test('inline and table-level keys give columns, foreignColumns and foreignTable', () => {
    const [inline, declared] = getTableConfig(people).foreignKeys;
    const a = inline!.reference();
    assert.deepEqual([a.columns, a.foreignColumns, a.foreignTable], [[people.cityId], [cities.id], cities]);
    const b = declared!.reference();
    assert.equal(b.name, 'home_fk');
    assert.deepEqual([b.columns, b.foreignColumns], [[people.homeId], [cities.id]]);
    assert.equal(b.foreignTable, cities);
  });
});

describe('withReplicas', () => {
  /** A database over `client` whose every method call is logged under `tag`. */
  const spy = (db: SQLiteWasmDatabase, tag: string, log: string[]): SQLiteWasmDatabase =>
    new Proxy(db, {
      get(target, key, receiver) {
        const v = Reflect.get(target, key, receiver);
        if (typeof v !== 'function') return v;
        return (...args: unknown[]) => {
          log.push(`${tag}.${String(key)}`);
          return v.apply(receiver, args);
        };
      },
    });

  test('reads go to the picked replica; writes, raw statements and transactions to the primary', async () => {
    const client = await createDatabase();
    client.exec("create table cities (id integer primary key, name text not null); insert into cities values (1, 'a')");
    const log: string[] = [];
    const primary = spy(drizzle(client), 'p', log);
    const r1 = spy(drizzle(client), 'r1', log);
    const r2 = spy(drizzle(client), 'r2', log);
    const db = withReplicas(primary, [r1, r2], (rs) => rs[1]!);
    assert.equal(db.$primary, primary);
    assert.deepEqual(db.$replicas, [r1, r2]);
    assert.equal(db._, primary._, "the primary's db._, as libraries read it");
    assert.deepEqual(db.select().from(cities).all(), [{ id: 1, name: 'a' }]);
    db.selectDistinct({ id: cities.id }).from(cities).all();
    assert.equal(await db.$count(cities), 1);
    db.insert(cities).values({ id: 2, name: 'b' }).run();
    db.update(cities).set({ name: 'c' }).where(eq(cities.id, 2)).run();
    db.delete(cities).where(eq(cities.id, 2)).run();
    db.run(sql`select 1`);
    db.all(sql`select 1`);
    db.transaction((tx) => tx.select().from(cities).all());
    assert.deepEqual(log, [
      'r2.select',
      'r2.selectDistinct',
      'r2.$count',
      'p.insert',
      'p.update',
      'p.delete',
      'p.run',
      'p.all',
      'p.transaction',
    ]);
  });

  test('PostgreSQL: selects on the replica; execute and refreshMaterializedView on the primary', async () => {
    const p = pgSession();
    const r = pgSession();
    const db = withReplicas(new pg.PgDatabase(p), [new pg.PgDatabase(r)]);
    await db.select().from(pgUsers);
    await db.selectDistinctOn([pgUsers.id]).from(pgUsers);
    await db.execute(sql`select 1`);
    await db.refreshMaterializedView(stats).concurrently();
    assert.deepEqual(
      [r.sent.map((q) => q.sql.slice(0, 15)), p.sent.map((q) => q.sql.slice(0, 20))],
      [
        ['select "users".', 'select distinct'],
        ['select 1', 'refresh materialized'],
      ],
    );
  });
});

describe('isView and getViewSelectedFields (drizzle-orm root helpers)', () => {
  test('views of every dialect are views; tables and subqueries are not', () => {
    const t = sqliteTable('t_iv', { id: integer('id').primaryKey(), name: text('name') });
    const sv = sqliteView('v_iv').as((qb) => qb.select({ id: t.id }).from(t));
    const pt = pg.pgTable('p_iv', { id: pg.integer('id') });
    const pv = pg.pgView('pv_iv').as((qb) => qb.select({ id: pt.id }).from(pt));
    const mt = my.mysqlTable('m_iv', { id: my.int('id') });
    const mv = my.mysqlView('mv_iv').as((qb) => qb.select({ id: mt.id }).from(mt));
    for (const v of [sv, pv, mv]) assert.equal(isView(v), true);
    assert.equal(isView(t), false);
    assert.equal(isView(null), false);
    assert.deepEqual(Object.keys(getViewSelectedFields(sv)), ['id']);
  });
});
