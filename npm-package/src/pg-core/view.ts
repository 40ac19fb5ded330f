/**
 * `pgView` / `pgMaterializedView`: views readable like tables. A view
 * declared with `.as(query)` has that query's fields; one declared with its
 * own columns (`pgView('v', { id: integer() }).existing()` or `.as(sql)`)
 * has those. Fields are qualified by the view's name. Creating the view in
 * the database is a migration's job (as with drizzle-kit); the options are
 * kept for it (`getViewConfig`).
 */
import { markView } from '../entity.js';
import type { Column } from '../column.js';
import { SubqueryKey, type SubqueryInfo } from '../engine/table-ref.js';
import type { WithSubquery } from '../query/database.js';
import type { SelectState, SubqueryFields } from '../query/result-types.js';
import type { SelectQuery } from '../query/select.js';
import type { Session } from '../driver.js';
import { makeSubquery } from '../query/subquery.js';
import type { SQL } from '../sql.js';
import type { BuildColumns, PgColumnBuilderBase } from './columns/common.js';
import { PgDatabase } from './database.js';
import { buildPgTable } from './table.js';
import { getTableInfo } from '../table.js';

/** A query builder that only builds (view definitions never run). */
const queryBuilder = new PgDatabase<'async', unknown>(undefined as unknown as Session<'async', unknown>);

/** A view named `TName` with fields `TFields`. */
export type PgView<TName extends string = string, TFields = Record<string, unknown>> = WithSubquery<TName, TFields>;
/** A materialized view named `TName` with fields `TFields`. */
export type PgMaterializedView<TName extends string = string, TFields = Record<string, unknown>> = WithSubquery<
  TName,
  TFields
>;

/** `WITH (...)` options of a view. */
export interface ViewWithConfig {
  checkOption?: 'local' | 'cascaded';
  securityBarrier?: boolean;
  securityInvoker?: boolean;
}

/** What a declared view records (read with {@link getViewConfig}). */
export interface PgViewConfig {
  name: string;
  schema: string | undefined;
  materialized: boolean;
  /** `.existing()`: the view is managed outside, never created. */
  isExisting: boolean;
  /** The defining select or SQL; undefined for existing views. */
  query: unknown;
  with: Record<string, unknown> | undefined;
  using: string | undefined;
  tablespace: string | undefined;
  withNoData: boolean;
}

const configs = new WeakMap<object, PgViewConfig>();

/**
 * A declared view's options and query.
 *
 * @example
 * getViewConfig(activeUsers)?.with; // { securityBarrier: true }
 */
export function getViewConfig(view: object): PgViewConfig | undefined {
  return configs.get(view);
}

/** Alias of {@link getViewConfig} for materialized views. */
export const getMaterializedViewConfig = getViewConfig;

/** Whether `x` is a view declared with `pgView`. */
export function isPgView(x: unknown): boolean {
  return typeof x === 'object' && x !== null && configs.get(x)?.materialized === false;
}

/** Whether `x` is a view declared with `pgMaterializedView`. */
export function isPgMaterializedView(x: unknown): boolean {
  return typeof x === 'object' && x !== null && configs.get(x)?.materialized === true;
}

type QueryArg<S extends SelectState> =
  | SelectQuery<S, 'sync' | 'async', unknown>
  | ((qb: PgDatabase<'async', unknown>) => SelectQuery<S, 'sync' | 'async', unknown>);

function declare(
  config: PgViewConfig,
  fields: Record<string, unknown>,
  encode: (e: import('../engine/encoder.js').Encoder) => void,
): object {
  // Referenced by name like a CTE, but never written in a WITH clause.
  const view = makeSubquery(config.name, fields, encode, true);
  if (config.schema !== undefined) (view[SubqueryKey] as { schema?: string }).schema = config.schema;
  configs.set(view, config);
  markView(view);
  return view;
}

function fromQuery<S extends SelectState>(config: PgViewConfig, query: QueryArg<S>): object {
  const q = typeof query === 'function' ? query(queryBuilder) : query;
  return declare({ ...config, query: q }, q.fieldsObject(), (e) => q.encodeQuery(e));
}

function fromColumns(config: PgViewConfig, columns: Record<string, PgColumnBuilderBase>): object {
  const holder = buildPgTable(config.name, config.name, columns, undefined, config.schema);
  const fields: Record<string, Column> = getTableInfo(holder).columns;
  return declare(config, fields, () => {
    throw new Error(`mizzle: view "${config.name}" has no query to inline`);
  });
}

function initial(name: string, schema: string | undefined, materialized: boolean): PgViewConfig {
  return {
    name,
    schema,
    materialized,
    isExisting: false,
    query: undefined,
    with: undefined,
    using: undefined,
    tablespace: undefined,
    withNoData: false,
  };
}

/** `pgView(name)`: the view's query decides its fields. */
export class ViewBuilder<TName extends string> {
  constructor(protected readonly config: PgViewConfig) {}

  /** `WITH (check_option = ..., security_barrier, security_invoker)`. */
  with(options: ViewWithConfig): this {
    this.config.with = options as Record<string, unknown>;
    return this;
  }

  /**
   * The view's defining query.
   *
   * @example
   * pgView('active_users').as((qb) => qb.select().from(users).where(eq(users.active, true)))
   */
  as<S extends SelectState>(query: QueryArg<S>): PgView<TName, SubqueryFields<S['fields'], TName, S['nulls']>> {
    return fromQuery(this.config, query) as never;
  }
}

/** `pgView(name, columns)`: fields given, the query is raw SQL or lives elsewhere. */
export class ManualViewBuilder<TName extends string, TColumns extends Record<string, PgColumnBuilderBase>> {
  constructor(
    protected readonly config: PgViewConfig,
    private readonly columns: TColumns,
  ) {}

  /** `WITH (...)` options. */
  with(options: ViewWithConfig | Record<string, unknown>): this {
    this.config.with = options as Record<string, unknown>;
    return this;
  }

  /** A view created outside this schema: only read. */
  existing(): PgView<TName, BuildColumns<TName, TColumns>> {
    return fromColumns({ ...this.config, isExisting: true }, this.columns) as never;
  }

  /** The view's defining SQL. */
  as(query: SQL): PgView<TName, BuildColumns<TName, TColumns>> {
    return fromColumns({ ...this.config, query }, this.columns) as never;
  }
}

/** `pgMaterializedView(name)`. */
export class MaterializedViewBuilder<TName extends string> extends ViewBuilder<TName> {
  /** `USING method`. */
  using(method: string): this {
    this.config.using = method;
    return this;
  }
  /** `TABLESPACE name`. */
  tablespace(name: string): this {
    this.config.tablespace = name;
    return this;
  }
  /** `WITH NO DATA`. */
  withNoData(): this {
    this.config.withNoData = true;
    return this;
  }
}

/** `pgMaterializedView(name, columns)`. */
export class ManualMaterializedViewBuilder<
  TName extends string,
  TColumns extends Record<string, PgColumnBuilderBase>,
> extends ManualViewBuilder<TName, TColumns> {
  /** `USING method`. */
  using(method: string): this {
    this.config.using = method;
    return this;
  }
  /** `TABLESPACE name`. */
  tablespace(name: string): this {
    this.config.tablespace = name;
    return this;
  }
  /** `WITH NO DATA`. */
  withNoData(): this {
    this.config.withNoData = true;
    return this;
  }
}

/**
 * Declares a view.
 *
 * @example
 * const activeUsers = pgView('active_users').as((qb) => qb.select().from(users).where(eq(users.active, true)));
 * const legacy = pgView('legacy', { id: integer() }).existing();
 */
export function pgView<TName extends string>(name: TName): ViewBuilder<TName>;
export function pgView<TName extends string, TColumns extends Record<string, PgColumnBuilderBase>>(
  name: TName,
  columns: TColumns,
): ManualViewBuilder<TName, TColumns>;
export function pgView(name: string, columns?: Record<string, PgColumnBuilderBase>): unknown {
  return pgViewWithSchema(name, columns as never, undefined);
}

/** `pgView` in a schema (what `pgSchema(...).view` calls). */
export function pgViewWithSchema(
  name: string,
  columns: Record<string, PgColumnBuilderBase> | undefined,
  schema: string | undefined,
): unknown {
  const config = initial(name, schema, false);
  return columns ? new ManualViewBuilder(config, columns) : new ViewBuilder(config);
}

/**
 * Declares a materialized view.
 *
 * @example
 * const stats = pgMaterializedView('stats').withNoData().as((qb) => qb.select({ n: count() }).from(users));
 */
export function pgMaterializedView<TName extends string>(name: TName): MaterializedViewBuilder<TName>;
export function pgMaterializedView<TName extends string, TColumns extends Record<string, PgColumnBuilderBase>>(
  name: TName,
  columns: TColumns,
): ManualMaterializedViewBuilder<TName, TColumns>;
export function pgMaterializedView(name: string, columns?: Record<string, PgColumnBuilderBase>): unknown {
  return pgMaterializedViewWithSchema(name, columns as never, undefined);
}

/** `pgMaterializedView` in a schema. */
export function pgMaterializedViewWithSchema(
  name: string,
  columns: Record<string, PgColumnBuilderBase> | undefined,
  schema: string | undefined,
): unknown {
  const config = initial(name, schema, true);
  return columns ? new ManualMaterializedViewBuilder(config, columns) : new MaterializedViewBuilder(config);
}

export type { SubqueryInfo };

/** drizzle's name for what `db.refreshMaterializedView(view)` returns. */
export { RefreshMaterializedView as PgRefreshMaterializedView } from '../query/database.js';
