/**
 * `pgView` / `pgMaterializedView`: views readable like tables. A view
 * declared with `.as(query)` has that query's fields; one declared with its
 * own columns (`pgView('v', { id: integer() }).existing()` or `.as(sql)`)
 * has those. Fields are qualified by the view's name. Creating the view in
 * the database is a migration's job (as with drizzle-kit); the options are
 * kept for it (`getViewConfig`).
 */
import type { Column } from '../column.js';
import { SubqueryKey, type SubqueryInfo } from '../engine/table-ref.js';
import { MizzleError } from '../errors.js';
import type { SelectState, SubqueryFields } from '../query/result-types.js';
import type { SelectQuery } from '../query/select.js';
import type { Session } from '../driver.js';
import { makeSubquery } from '../query/subquery.js';
import type { SQL } from '../sql.js';
import { asViewOf, kitView, View } from '../view.js';
import type { BuildColumns, PgColumnBuilderBase } from './columns/common.js';
import { PgDatabase } from './database.js';
import { buildPgTable } from './table.js';
import { getTableInfo } from '../table.js';

/** A query builder that only builds (view definitions never run). */
const queryBuilder = new PgDatabase<'async', unknown>(undefined as unknown as Session<'async', unknown>);

/** `WITH (...)` options of a view. */
export interface ViewWithConfig {
  checkOption?: 'local' | 'cascaded';
  securityBarrier?: boolean;
  securityInvoker?: boolean;
}

/** `WITH (...)` storage parameters of a materialized view. */
export interface PgMaterializedViewWithConfig {
  fillfactor?: number;
  toastTupleTarget?: number;
  parallelWorkers?: number;
  autovacuumEnabled?: boolean;
  vacuumIndexCleanup?: 'auto' | 'off' | 'on';
  vacuumTruncate?: boolean;
  autovacuumVacuumThreshold?: number;
  autovacuumVacuumScaleFactor?: number;
  autovacuumVacuumCostDelay?: number;
  autovacuumVacuumCostLimit?: number;
  autovacuumFreezeMinAge?: number;
  autovacuumFreezeMaxAge?: number;
  autovacuumFreezeTableAge?: number;
  autovacuumMultixactFreezeMinAge?: number;
  autovacuumMultixactFreezeMaxAge?: number;
  autovacuumMultixactFreezeTableAge?: number;
  logAutovacuumMinDuration?: number;
  userCatalogTable?: boolean;
}

/**
 * What a declared view records (read with {@link getViewConfig}, or as
 * `view[PgViewConfig]` / `view[PgMaterializedViewConfig]` like drizzle's).
 */
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

/** Key of a `pgView`'s {@link PgViewConfig} on the view (drizzle's symbol of the same name). */
export const PgViewConfig: unique symbol = Symbol.for('mizzle:PgViewConfig');
/** Key of a `pgMaterializedView`'s {@link PgViewConfig} on the view (drizzle's symbol of the same name). */
export const PgMaterializedViewConfig: unique symbol = Symbol.for('mizzle:PgMaterializedViewConfig');

/**
 * A view declared with `pgView` (`is(v, PgView)`). A declared view's type is
 * {@link PgViewWithSelection}: this class and the view's fields.
 */
export class PgView<
  TName extends string = string,
  TExisting extends boolean = boolean,
  TSelection extends Record<string, unknown> = Record<string, unknown>,
> extends View<TName, TExisting, TSelection> {
  static override readonly drizzleKind: string = 'PgView';
  declare readonly [PgViewConfig]: PgViewConfig;
}

/** A view declared with `pgMaterializedView` (`is(v, PgMaterializedView)`); not a {@link PgView}, as in drizzle. */
export class PgMaterializedView<
  TName extends string = string,
  TExisting extends boolean = boolean,
  TSelection extends Record<string, unknown> = Record<string, unknown>,
> extends View<TName, TExisting, TSelection> {
  static override readonly drizzleKind: string = 'PgMaterializedView';
  declare readonly [PgMaterializedViewConfig]: PgViewConfig;
}

/** A `pgView` with its fields, as `.as()` and `.existing()` return it. */
export type PgViewWithSelection<
  TName extends string = string,
  TExisting extends boolean = boolean,
  TSelection extends Record<string, unknown> = Record<string, unknown>,
> = PgView<TName, TExisting, TSelection> & TSelection;

/** A `pgMaterializedView` with its fields. */
export type PgMaterializedViewWithSelection<
  TName extends string = string,
  TExisting extends boolean = boolean,
  TSelection extends Record<string, unknown> = Record<string, unknown>,
> = PgMaterializedView<TName, TExisting, TSelection> & TSelection;

/**
 * A declared view's options and query.
 *
 * @example
 * getViewConfig(activeUsers)?.with; // { securityBarrier: true }
 */
export function getViewConfig(view: object): PgViewConfig | undefined {
  if (view instanceof PgView) return view[PgViewConfig];
  if (view instanceof PgMaterializedView) return view[PgMaterializedViewConfig];
  return undefined;
}

/** Alias of {@link getViewConfig} for materialized views. */
export const getMaterializedViewConfig = getViewConfig;

/** Whether `x` is a view declared with `pgView`. */
export function isPgView(x: unknown): x is PgView {
  return x instanceof PgView;
}

/** Whether `x` is a view declared with `pgMaterializedView`. */
export function isPgMaterializedView(x: unknown): x is PgMaterializedView {
  return x instanceof PgMaterializedView;
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
  const sub = makeSubquery(config.name, fields, encode, true);
  if (config.schema !== undefined) (sub[SubqueryKey] as { schema?: string }).schema = config.schema;
  const view = config.materialized ? asViewOf(sub, PgMaterializedView) : asViewOf(sub, PgView);
  // Read-only and not enumerable, like the view's other identity (it is no field).
  Object.defineProperty(view, config.materialized ? PgMaterializedViewConfig : PgViewConfig, { value: config });
  const c = config;
  const extra = c.materialized
    ? { with: c.with, using: c.using, tablespace: c.tablespace, withNoData: c.withNoData || undefined }
    : { with: c.with };
  kitView(view, c.name, c.schema, c.query, c.isExisting, extra);
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
    throw new MizzleError('invalid', `view "${config.name}" has no query to inline`);
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

/** What `pgView`'s two builders share: the options being recorded and `with`. */
export class DefaultViewBuilderCore {
  constructor(protected readonly config: PgViewConfig) {}

  /** `WITH (check_option = ..., security_barrier, security_invoker)`. */
  with(options: ViewWithConfig): this {
    this.config.with = options as Record<string, unknown>;
    return this;
  }
}

/** `pgView(name)`: the view's query decides its fields. */
export class ViewBuilder<TName extends string = string> extends DefaultViewBuilderCore {
  /**
   * The view's defining query.
   *
   * @example
   * pgView('active_users').as((qb) => qb.select().from(users).where(eq(users.active, true)))
   */
  as<S extends SelectState>(
    query: QueryArg<S>,
  ): PgViewWithSelection<TName, false, SubqueryFields<S['fields'], TName, S['nulls']>> {
    return fromQuery(this.config, query) as never;
  }
}

/** `pgView(name, columns)`: fields given, the query is raw SQL or lives elsewhere. */
export class ManualViewBuilder<
  TName extends string = string,
  TColumns extends Record<string, PgColumnBuilderBase> = Record<string, PgColumnBuilderBase>,
> extends DefaultViewBuilderCore {
  constructor(
    config: PgViewConfig,
    private readonly columns: TColumns,
  ) {
    super(config);
  }

  /** A view created outside this schema: only read. */
  existing(): PgViewWithSelection<TName, true, BuildColumns<TName, TColumns>> {
    return fromColumns({ ...this.config, isExisting: true }, this.columns) as never;
  }

  /** The view's defining SQL. */
  as(query: SQL): PgViewWithSelection<TName, false, BuildColumns<TName, TColumns>> {
    return fromColumns({ ...this.config, query }, this.columns) as never;
  }
}

/** What `pgMaterializedView`'s two builders share: the options being recorded. */
export class MaterializedViewBuilderCore {
  constructor(protected readonly config: PgViewConfig) {}

  /** `USING method`. */
  using(method: string): this {
    this.config.using = method;
    return this;
  }
  /** `WITH (storage_parameter = ...)`. */
  with(options: PgMaterializedViewWithConfig): this {
    this.config.with = options as Record<string, unknown>;
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

/** `pgMaterializedView(name)`. */
export class MaterializedViewBuilder<TName extends string = string> extends MaterializedViewBuilderCore {
  /** The view's defining query. */
  as<S extends SelectState>(
    query: QueryArg<S>,
  ): PgMaterializedViewWithSelection<TName, false, SubqueryFields<S['fields'], TName, S['nulls']>> {
    return fromQuery(this.config, query) as never;
  }
}

/** `pgMaterializedView(name, columns)`. */
export class ManualMaterializedViewBuilder<
  TName extends string = string,
  TColumns extends Record<string, PgColumnBuilderBase> = Record<string, PgColumnBuilderBase>,
> extends MaterializedViewBuilderCore {
  constructor(
    config: PgViewConfig,
    private readonly columns: TColumns,
  ) {
    super(config);
  }

  /** A materialized view created outside this schema: only read (and refreshed). */
  existing(): PgMaterializedViewWithSelection<TName, true, BuildColumns<TName, TColumns>> {
    return fromColumns({ ...this.config, isExisting: true }, this.columns) as never;
  }

  /** The view's defining SQL. */
  as(query: SQL): PgMaterializedViewWithSelection<TName, false, BuildColumns<TName, TColumns>> {
    return fromColumns({ ...this.config, query }, this.columns) as never;
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
