/**
 * `mysqlView`: views readable like tables, as drizzle's mysql-core declares
 * them. `mysqlView(name).as(query)` takes its fields from the query;
 * `mysqlView(name, columns)` has the given columns and either raw defining
 * SQL (`.as(sql)`) or none (`.existing()`: created outside this schema, only
 * read). `algorithm`, `sqlSecurity` and `withCheckOption` are recorded for a
 * migration tool (`getViewConfig`): creating the view is a migration's job,
 * as with drizzle-kit. Fields are qualified by the view's name (and its
 * database, for `mysqlViewWithSchema`).
 *
 * @example
 * const adults = mysqlView('adults').as((qb) => qb.select().from(users).where(gt(users.age, 17)));
 * const legacy = mysqlView('legacy_users', { id: int('id') }).existing();
 */
import type { Column } from '../column.js';
import type { Session } from '../driver.js';
import type { Encoder } from '../engine/encoder.js';
import { MizzleError } from '../errors.js';
import { SubqueryKey } from '../engine/table-ref.js';
import { Database } from '../query/database.js';
import type { SelectState, SubqueryFields } from '../query/result-types.js';
import type { SelectQuery } from '../query/select.js';
import { makeSubquery } from '../query/subquery.js';
import type { SQL } from '../sql.js';
import { getTableInfo } from '../table.js';
import { asViewOf, kitView, View } from '../view.js';
import type { BuildColumns, MySqlColumnBuilderBase } from './columns/common.js';
import { mysqlTableWithSchema } from './table.js';

/** A query builder that only builds (view definitions never run). */
const queryBuilder = new Database<'async', unknown>(undefined as unknown as Session<'async', unknown>);

/** The options of `CREATE VIEW` drizzle's view builders take. */
export interface ViewBuilderConfig {
  algorithm?: 'undefined' | 'merge' | 'temptable';
  sqlSecurity?: 'definer' | 'invoker';
  withCheckOption?: 'cascaded' | 'local';
}

/** What a declared view records (read with {@link getViewConfig}). */
export interface MySqlViewDeclaration extends ViewBuilderConfig {
  name: string;
  schema: string | undefined;
  /** `.existing()`: the view is managed outside, never created. */
  isExisting: boolean;
  /** The defining select or SQL; undefined for existing views. */
  query: unknown;
}

/** Key of a view's {@link MySqlViewDeclaration} on the view (drizzle's symbol of the same name). */
export const MySqlViewConfig: unique symbol = Symbol.for('mizzle:MySqlViewConfig');

/**
 * A view declared with `mysqlView` (`is(v, MySqlView)`). A declared view's
 * type is {@link MySqlViewWithSelection}: this class and the view's fields.
 */
export class MySqlView<
  TName extends string = string,
  TExisting extends boolean = boolean,
  TSelection extends Record<string, unknown> = Record<string, unknown>,
> extends View<TName, TExisting, TSelection> {
  static override readonly drizzleKind: string = 'MySqlView';
  declare readonly [MySqlViewConfig]: MySqlViewDeclaration;
}

/** A `mysqlView` with its fields, as `.as()` and `.existing()` return it. */
export type MySqlViewWithSelection<
  TName extends string = string,
  TExisting extends boolean = boolean,
  TSelection extends Record<string, unknown> = Record<string, unknown>,
> = MySqlView<TName, TExisting, TSelection> & TSelection;

/**
 * A declared view's name, options, query and whether it already exists.
 *
 * @example
 * getViewConfig(adults)?.algorithm; // 'merge'
 */
export function getViewConfig(view: object): MySqlViewDeclaration | undefined {
  return view instanceof MySqlView ? view[MySqlViewConfig] : undefined;
}

function declare(config: MySqlViewDeclaration, fields: Record<string, unknown>, encode: (e: Encoder) => void): object {
  // Referenced by name like a CTE, but never written in a WITH clause.
  const sub = makeSubquery(config.name, fields, encode, true);
  if (config.schema !== undefined) (sub[SubqueryKey] as { schema?: string }).schema = config.schema;
  // Read-only and not enumerable, like the view's other identity (it is no field).
  const view = Object.defineProperty(asViewOf(sub, MySqlView), MySqlViewConfig, { value: config });
  const extra = {
    algorithm: config.algorithm,
    sqlSecurity: config.sqlSecurity,
    withCheckOption: config.withCheckOption,
  };
  kitView(view, config.name, config.schema, config.query, config.isExisting, extra);
  return view;
}

/** The options shared by both builders. */
export class ViewBuilderCore {
  protected readonly options: ViewBuilderConfig = {};

  constructor(
    protected readonly name: string,
    protected readonly schema: string | undefined,
  ) {}

  /** `ALGORITHM = ...` */
  algorithm(algorithm: Exclude<ViewBuilderConfig['algorithm'], undefined>): this {
    this.options.algorithm = algorithm;
    return this;
  }

  /** `SQL SECURITY ...` */
  sqlSecurity(sqlSecurity: Exclude<ViewBuilderConfig['sqlSecurity'], undefined>): this {
    this.options.sqlSecurity = sqlSecurity;
    return this;
  }

  /** `WITH [CASCADED | LOCAL] CHECK OPTION` */
  withCheckOption(withCheckOption?: Exclude<ViewBuilderConfig['withCheckOption'], undefined>): this {
    this.options.withCheckOption = withCheckOption ?? 'cascaded';
    return this;
  }

  protected declaration(isExisting: boolean, query: unknown): MySqlViewDeclaration {
    return { ...this.options, name: this.name, schema: this.schema, isExisting, query };
  }
}

/** `mysqlView(name)`: the view's query decides its fields. */
export class ViewBuilder<TName extends string = string> extends ViewBuilderCore {
  /** The view's defining query. */
  as<S extends SelectState>(
    query:
      | SelectQuery<S, 'sync' | 'async', unknown>
      | ((qb: Database<'async', unknown>) => SelectQuery<S, 'sync' | 'async', unknown>),
  ): MySqlViewWithSelection<TName, false, SubqueryFields<S['fields'], TName, S['nulls']>> {
    const q = typeof query === 'function' ? query(queryBuilder) : query;
    return declare(this.declaration(false, q), q.fieldsObject(), (e) => q.encodeQuery(e)) as never;
  }
}

/** `mysqlView(name, columns)`: fields given, the defining query is raw SQL or lives elsewhere. */
export class ManualViewBuilder<
  TName extends string = string,
  TColumns extends Record<string, MySqlColumnBuilderBase> = Record<string, MySqlColumnBuilderBase>,
> extends ViewBuilderCore {
  constructor(
    name: TName,
    private readonly columns: TColumns,
    schema: string | undefined,
  ) {
    super(name, schema);
  }

  private build(config: MySqlViewDeclaration): object {
    // The columns are built as a table's would be, then seen through the view's name.
    const holder = mysqlTableWithSchema(config.name, this.columns, undefined, config.schema);
    const fields: Record<string, Column> = getTableInfo(holder).columns;
    return declare(config, fields, () => {
      throw new MizzleError('invalid', `view "${config.name}" has no query to inline`);
    });
  }

  /** A view created outside this schema: only read. */
  existing(): MySqlViewWithSelection<TName, true, BuildColumns<TName, TColumns>> {
    return this.build(this.declaration(true, undefined)) as never;
  }

  /** The view's defining SQL. */
  as(query: SQL): MySqlViewWithSelection<TName, false, BuildColumns<TName, TColumns>> {
    return this.build(this.declaration(false, query)) as never;
  }
}

/**
 * Declares a view: from a query, or with its own columns.
 *
 * @example
 * const byCity = mysqlView('by_city', { cityId: int('city_id'), n: int('n') })
 *   .as(sql`select city_id, count(*) as n from users group by city_id`);
 */
export function mysqlView<TName extends string>(name: TName): ViewBuilder<TName>;
export function mysqlView<TName extends string, TColumns extends Record<string, MySqlColumnBuilderBase>>(
  name: TName,
  columns: TColumns,
): ManualViewBuilder<TName, TColumns>;
export function mysqlView(name: string, columns?: Record<string, MySqlColumnBuilderBase>): unknown {
  return mysqlViewWithSchema(name, columns, undefined);
}

/** `mysqlView` in a database (drizzle's `mysqlViewWithSchema`, what a schema's `view` calls). */
export function mysqlViewWithSchema(
  name: string,
  columns: Record<string, MySqlColumnBuilderBase> | undefined,
  schema: string | undefined,
): ViewBuilder | ManualViewBuilder {
  return columns ? new ManualViewBuilder(name, columns, schema) : new ViewBuilder(name, schema);
}
