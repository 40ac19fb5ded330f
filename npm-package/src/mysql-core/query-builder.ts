/**
 * drizzle's mysql-core `QueryBuilder` and `MySqlDialect`: selects and
 * `sqlToQuery` rendered for MySQL without a database, compiled by the
 * `inline` wasm build (`#wasm/inline`, loaded on first compile; in a browser
 * await `initEngine()` from `mizzle/wasm/inline` first). See ../query/standalone.ts.
 */
import { loadInline } from '#wasm/inline';
import { Dialect, Engine } from '../engine/engine.js';
import { DialectBase, QueryBuilderBase } from '../query/standalone.js';

const engine = (): Engine => Engine.of(loadInline());

/**
 * Builds MySQL selects and CTEs without a database: `toSQL()` works, and the
 * result can be a subquery, CTE or `insert().select()` source of a real one.
 */
export class QueryBuilder extends QueryBuilderBase {
  /** drizzle's argument (a dialect or `{ casing }`) is accepted and ignored: mizzle has no `casing` option. */
  constructor(_dialect?: unknown) {
    super(Dialect.mysql, engine);
  }
}

/** drizzle's MySQL dialect: `sqlToQuery(sql)` renders a SQL object as `db.execute(sql)` sends it. */
export class MySqlDialect extends DialectBase {
  constructor(_config?: unknown) {
    super(Dialect.mysql, engine);
  }
}
