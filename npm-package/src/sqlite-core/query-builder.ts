/**
 * drizzle's sqlite-core `QueryBuilder` and dialect classes: selects and
 * `sqlToQuery` rendered for SQLite without a database, compiled by the
 * `engine` wasm build (`#wasm/engine`, loaded on first compile; in a browser
 * await `initEngine()` from `mizzle/wasm/engine` first). See ../query/standalone.ts.
 */
import { loadEngine } from '#wasm/engine';
import { Dialect, Engine } from '../engine/engine.js';
import { DialectBase, QueryBuilderBase } from '../query/standalone.js';

const engine = (): Engine => Engine.of(loadEngine());

/**
 * Builds SQLite selects and CTEs without a database: `toSQL()` works, and the
 * result can be a subquery, CTE or `insert().select()` source of a real one.
 *
 * @example
 * const qb = new QueryBuilder();
 * const adults = qb.select({ id: users.id }).from(users).where(gte(users.age, 18));
 * adults.toSQL(); // { sql: 'select "id" from "users" where "users"."age" >= ?', params: [18] }
 */
export class QueryBuilder extends QueryBuilderBase {
  /** drizzle's argument (a dialect or `{ casing }`) is accepted and ignored: mizzle has no `casing` option. */
  constructor(_dialect?: unknown) {
    super(Dialect.sqlite, engine);
  }
}

/** drizzle's SQLite dialect: `sqlToQuery(sql)` renders a SQL object as `db.run(sql)` sends it. */
export abstract class SQLiteDialect extends DialectBase {
  constructor(_config?: unknown) {
    super(Dialect.sqlite, engine);
  }
}

/** The dialect of synchronous SQLite drivers (same rendering as {@link SQLiteAsyncDialect}). */
export class SQLiteSyncDialect extends SQLiteDialect {}

/** The dialect of asynchronous SQLite drivers (D1, ...). */
export class SQLiteAsyncDialect extends SQLiteDialect {}
