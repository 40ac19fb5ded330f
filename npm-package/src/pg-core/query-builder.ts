/**
 * drizzle's pg-core `QueryBuilder` and `PgDialect`: selects and `sqlToQuery`
 * rendered for PostgreSQL without a database, compiled by the `engine-pg`
 * wasm build (`#wasm/engine-pg`, loaded on first compile; in a browser await
 * `initEngine()` from `mizzle/wasm/engine-pg` first). See ../query/standalone.ts.
 */
import { loadEngine } from '#wasm/engine-pg';
import { Dialect, Engine } from '../engine/engine.js';
import type { SQLWrapper } from '../sql.js';
import type { SelectedFields } from '../query/result-types.js';
import type { SelectBuilder } from '../query/select.js';
import { DialectBase, QueryBuilderBase } from '../query/standalone.js';

const engine = (): Engine => Engine.of(loadEngine());

/**
 * Builds PostgreSQL selects and CTEs without a database: `toSQL()` works, and
 * the result can be a subquery, CTE or `insert().select()` source of a real one.
 */
export class QueryBuilder extends QueryBuilderBase {
  /** drizzle's argument (a dialect or `{ casing }`) is accepted and ignored: mizzle has no `casing` option. */
  constructor(_dialect?: unknown) {
    super(Dialect.postgres, engine);
  }

  /** `select distinct on (exprs) ...`, as `db.selectDistinctOn`. */
  selectDistinctOn(on: SQLWrapper[]): SelectBuilder<undefined, 'sync', void>;
  selectDistinctOn<TFields extends SelectedFields>(
    on: SQLWrapper[],
    fields: TFields,
  ): SelectBuilder<TFields, 'sync', void>;
  selectDistinctOn(on: SQLWrapper[], fields?: SelectedFields): SelectBuilder<SelectedFields | undefined, 'sync', void> {
    return this.db.selectDistinctOn(on, fields as SelectedFields) as never;
  }

  /** Selects that start with `with ctes`, `selectDistinctOn` included. */
  override with(...ctes: Parameters<QueryBuilderBase['with']>): ReturnType<QueryBuilderBase['with']> & {
    selectDistinctOn: QueryBuilder['selectDistinctOn'];
  } {
    const w = this.db.with(...ctes);
    return {
      select: w.select.bind(w),
      selectDistinct: w.selectDistinct.bind(w),
      selectDistinctOn: w.selectDistinctOn.bind(w),
    } as never;
  }
}

/** drizzle's PostgreSQL dialect: `sqlToQuery(sql)` renders a SQL object as `db.execute(sql)` sends it. */
export class PgDialect extends DialectBase {
  constructor(_config?: unknown) {
    super(Dialect.postgres, engine);
  }
}
