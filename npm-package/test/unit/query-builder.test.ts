/**
 * drizzle's standalone `QueryBuilder` and dialect `sqlToQuery` per dialect
 * (issue 13, src/query/standalone.ts): the exact SQL each renders, compared with
 * drizzle-orm 0.45's own QueryBuilder and dialect classes on the same calls
 * (drizzle is loaded from tests/conformance/node_modules, where `./x setup`
 * installs it), that running a query-builder query fails as drizzle's does, and
 * that a QueryBuilder select works inside a real database's statements.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { and, eq, gte, inArray, MizzleError, Placeholder, sql } from '../../src/index.js';
import * as my from '../../src/mysql-core/index.js';
import * as pg from '../../src/pg-core/index.js';
import * as lite from '../../src/sqlite-core/index.js';
import { createDatabase, drizzle } from '../../src/sqlite-wasm/index.js';

/**
 * A module or value of either library: the same calls run on drizzle's and
 * mizzle's, whose declared types differ (and drizzle's are not in this project).
 */
// biome-ignore lint/suspicious/noExplicitAny: see above
type Loose = any;

/** drizzle-orm's module `sub` (e.g. `sqlite-core/index.js`), or undefined when tests/conformance is not installed. */
async function drizzleModule(sub: string): Promise<Record<string, Loose> | undefined> {
  const url = new URL(`../../../../tests/conformance/node_modules/drizzle-orm/${sub}`, import.meta.url);
  try {
    return await import(url.href);
  } catch {
    return undefined;
  }
}

/** The same schema declared with each dialect's builders (drizzle's or mizzle's module `m`). */
function sqliteSchema(m: Loose) {
  const users = m.sqliteTable('users', { id: m.integer().primaryKey(), name: m.text().notNull(), age: m.integer() });
  const archive = m.sqliteTable('archive', { id: m.integer().primaryKey(), name: m.text().notNull() });
  return { users, archive };
}
function pgSchema(m: Loose) {
  const users = m.pgTable('users', { id: m.integer().primaryKey(), name: m.text().notNull(), age: m.integer() });
  return { users };
}
function mysqlSchema(m: Loose) {
  const users = m.mysqlTable('users', { id: m.int().primaryKey(), name: m.text().notNull(), age: m.int() });
  return { users };
}

/**
 * The calls compared with drizzle, written once against either library: `core`
 * is the dialect module, `ops` the root (eq, gte, sql...), `t` the schema.
 */
function cases(core: Loose, ops: Loose, t: Loose, pgOnly: boolean) {
  const { users } = t;
  const qb = new core.QueryBuilder();
  const out: Record<string, { sql: string; params: unknown[] }> = {
    select: qb
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(ops.gte(users.age, 18))
      .orderBy(users.name)
      .limit(10)
      .toSQL(),
    selectAll: qb.select().from(users).toSQL(),
    distinct: qb.selectDistinct({ name: users.name }).from(users).toSQL(),
    cte: (() => {
      const adults = qb.$with('adults').as(qb.select({ id: users.id }).from(users).where(ops.gte(users.age, 18)));
      return qb.with(adults).select().from(adults).toSQL();
    })(),
    cteCallback: (() => {
      const named = qb.$with('named').as((q: Loose) => q.selectDistinct({ n: users.name }).from(users));
      return qb.with(named).select().from(named).toSQL();
    })(),
    subquery: (() => {
      const sq = qb.select({ id: users.id }).from(users).where(ops.eq(users.name, 'a')).as('sq');
      return qb.select({ id: sq.id }).from(sq).toSQL();
    })(),
  };
  if (pgOnly) {
    out.distinctOn = qb.selectDistinctOn([users.name], { name: users.name, age: users.age }).from(users).toSQL();
  }
  return out;
}

/**
 * `sqlToQuery` calls compared with drizzle, as `{ sql, params }`: drizzle also
 * returns `typings` (its PostgreSQL drivers' type hints per parameter, `'none'`
 * for plain values), which mizzle does not compute (DIFFERENCES.md).
 */
function rawCases(dialect: Loose, ops: Loose, t: Loose) {
  const { users } = t;
  const render = (q: unknown) => {
    const { sql: text, params } = dialect.sqlToQuery(q);
    return { sql: text, params };
  };
  return {
    columns: render(ops.sql`select ${users.id}, ${users.name} from ${users} where ${users.age} > ${21}`),
    condition: render(ops.and(ops.eq(users.name, 'x'), ops.gte(users.age, 3))),
    identifier: render(ops.sql`select count(*) from ${ops.sql.identifier('other')} limit ${5}`),
  };
}

const mizzleOps = { and, eq, gte, inArray, sql };

/**
 * A builder's SQL without the spellings in which mizzle's engine differs from
 * drizzle-orm on every select (tests/conformance/DIFFERENCES.md, "toSQL of a
 * select"): mizzle qualifies every column by its table or subquery, writes
 * `asc` and `as` before a subquery's alias; drizzle leaves them off. What is
 * left (clauses, order, parameters) must be the same.
 */
function spelling(queries: Record<string, { sql: string; params: unknown[] }>) {
  const plain = (q: string) =>
    q
      .replace(/(["`])\w+\1\./g, '')
      .replace(/ asc\b/g, '')
      .replace(/\) as (["`])/g, ') $1');
  return Object.fromEntries(Object.entries(queries).map(([k, q]) => [k, { sql: plain(q.sql), params: q.params }]));
}

describe('SQLite: QueryBuilder and SQLiteSyncDialect / SQLiteAsyncDialect', () => {
  const t = sqliteSchema(lite);
  const mine = cases(lite, mizzleOps, t, false);

  test('exact SQL', () => {
    assert.deepEqual(mine.select, {
      sql:
        'select "users"."id", "users"."name" from "users" where "users"."age" >= ? ' +
        'order by "users"."name" asc limit ?',
      params: [18, 10],
    });
    assert.deepEqual(mine.cte, {
      sql:
        'with "adults" as (select "users"."id" from "users" where "users"."age" >= ?) ' +
        'select "adults"."id" from "adults"',
      params: [18],
    });
    assert.deepEqual(new lite.SQLiteSyncDialect().sqlToQuery(sql`select ${t.users.id} from ${t.users}`), {
      sql: 'select "users"."id" from "users"',
      params: [],
    });
  });

  test("same SQL as drizzle-orm's QueryBuilder and sqlToQuery", async (ctx) => {
    const core = await drizzleModule('sqlite-core/index.js');
    const root = await drizzleModule('index.js');
    if (!core || !root) return ctx.skip('drizzle-orm is not installed in tests/conformance');
    const theirs = sqliteSchema(core);
    assert.deepEqual(spelling(mine), spelling(cases(core, root, theirs, false)));
    const pairs = [
      [new lite.SQLiteSyncDialect(), new core.SQLiteSyncDialect()],
      [new lite.SQLiteAsyncDialect(), new core.SQLiteAsyncDialect()],
    ];
    for (const [ours, drizzles] of pairs) {
      assert.deepEqual(rawCases(ours, mizzleOps, t), rawCases(drizzles, root, theirs));
    }
  });
});

describe('PostgreSQL: QueryBuilder and PgDialect', () => {
  const t = pgSchema(pg);
  const mine = cases(pg, mizzleOps, t, true);

  test('exact SQL', () => {
    assert.deepEqual(mine.select, {
      sql:
        'select "users"."id", "users"."name" from "users" where "users"."age" >= $1 ' +
        'order by "users"."name" asc limit $2',
      params: [18, 10],
    });
    assert.deepEqual(mine.distinctOn, {
      sql: 'select distinct on ("users"."name") "users"."name", "users"."age" from "users"',
      params: [],
    });
    assert.deepEqual(new pg.PgDialect().sqlToQuery(sql`select ${1}, ${'a'}`), {
      sql: 'select $1, $2',
      params: [1, 'a'],
    });
  });

  test("same SQL as drizzle-orm's QueryBuilder and PgDialect", async (ctx) => {
    const core = await drizzleModule('pg-core/index.js');
    const root = await drizzleModule('index.js');
    if (!core || !root) return ctx.skip('drizzle-orm is not installed in tests/conformance');
    const theirs = pgSchema(core);
    assert.deepEqual(spelling(mine), spelling(cases(core, root, theirs, true)));
    assert.deepEqual(rawCases(new pg.PgDialect(), mizzleOps, t), rawCases(new core.PgDialect(), root, theirs));
  });

  test("with(cte).selectDistinct() keeps the CTE (drizzle's pg-core QueryBuilder drops it)", async () => {
    const { users } = t;
    const qb = new pg.QueryBuilder();
    const named = qb.$with('named').as(qb.select({ n: users.name }).from(users));
    assert.deepEqual(qb.with(named).selectDistinct().from(named).toSQL(), {
      sql: 'with "named" as (select "users"."name" from "users") select distinct "named"."name" from "named"',
      params: [],
    });
    assert.deepEqual(qb.with(named).selectDistinctOn([named.n]).from(named).toSQL(), {
      sql:
        'with "named" as (select "users"."name" from "users") ' +
        'select distinct on ("named"."name") "named"."name" from "named"',
      params: [],
    });
  });
});

describe('MySQL: QueryBuilder and MySqlDialect', () => {
  const t = mysqlSchema(my);
  const mine = cases(my, mizzleOps, t, false);

  test('exact SQL', () => {
    assert.deepEqual(mine.select, {
      sql:
        'select `users`.`id`, `users`.`name` from `users` where `users`.`age` >= ? ' +
        'order by `users`.`name` asc limit ?',
      params: [18, 10],
    });
    assert.equal('selectDistinctOn' in new my.QueryBuilder(), false);
    assert.deepEqual(
      new my.MySqlDialect().sqlToQuery(sql`select ${t.users.name} from ${t.users} where ${t.users.id} = ${2}`),
      {
        sql: 'select `users`.`name` from `users` where `users`.`id` = ?',
        params: [2],
      },
    );
  });

  test("same SQL as drizzle-orm's QueryBuilder and MySqlDialect", async (ctx) => {
    const core = await drizzleModule('mysql-core/index.js');
    const root = await drizzleModule('index.js');
    if (!core || !root) return ctx.skip('drizzle-orm is not installed in tests/conformance');
    const theirs = mysqlSchema(core);
    assert.deepEqual(spelling(mine), spelling(cases(core, root, theirs, false)));
    assert.deepEqual(rawCases(new my.MySqlDialect(), mizzleOps, t), rawCases(new core.MySqlDialect(), root, theirs));
  });
});

describe('sqlToQuery: placeholders', () => {
  test('a placeholder keeps its slot, as the Placeholder itself (as drizzle)', () => {
    const q = new pg.PgDialect().sqlToQuery(sql`select ${sql.placeholder('id')}, ${7}`);
    assert.equal(q.sql, 'select $1, $2');
    assert.ok(q.params[0] instanceof Placeholder);
    assert.equal((q.params[0] as Placeholder).name, 'id');
    assert.equal(q.params[1], 7);
  });
});

describe('a QueryBuilder query cannot run', () => {
  test('running throws the error drizzle gives, for every execution method', async () => {
    const { users } = sqliteSchema(lite);
    const q = new lite.QueryBuilder().select().from(users);
    const refused = (e: unknown) =>
      e instanceof MizzleError &&
      e.kind === 'unsupported' &&
      /Cannot execute a query on a query builder/.test(e.message);
    assert.throws(() => q.all(), refused);
    assert.throws(() => q.run(), refused);
    assert.throws(() => q.values(), refused);
    await assert.rejects(Promise.resolve(q), refused);
  });
});

describe('a QueryBuilder select inside a real database (sqlite-wasm)', () => {
  const { users, archive } = sqliteSchema(lite);
  const qb = new lite.QueryBuilder();
  let db: ReturnType<typeof drizzle>;
  before(async () => {
    const client = await createDatabase();
    client.exec('create table users (id integer primary key, name text not null, age integer)');
    client.exec('create table archive (id integer primary key, name text not null)');
    db = drizzle(client);
    db.insert(users)
      .values([
        { id: 1, name: 'ann', age: 30 },
        { id: 2, name: 'bob', age: 12 },
        { id: 3, name: 'cy', age: 45 },
      ])
      .run();
  });

  test('as an inArray subquery, a FROM subquery and a CTE', () => {
    const adults = qb.select({ id: users.id }).from(users).where(gte(users.age, 18));
    assert.deepEqual(
      db.select({ name: users.name }).from(users).where(inArray(users.id, adults)).orderBy(users.id).all(),
      [{ name: 'ann' }, { name: 'cy' }],
    );
    const sq = qb.select({ id: users.id, name: users.name }).from(users).where(eq(users.age, 12)).as('sq');
    assert.deepEqual(db.select().from(sq).all(), [{ id: 2, name: 'bob' }]);
    const cte = qb.$with('old').as(qb.select({ name: users.name }).from(users).where(gte(users.age, 40)));
    assert.deepEqual(db.with(cte).select().from(cte).all(), [{ name: 'cy' }]);
  });

  test('as the source of insert().select()', () => {
    db.insert(archive)
      .select(qb.select({ id: users.id, name: users.name }).from(users).where(gte(users.age, 18)))
      .run();
    assert.deepEqual(db.select().from(archive).orderBy(archive.id).all(), [
      { id: 1, name: 'ann' },
      { id: 3, name: 'cy' },
    ]);
  });
});
