/**
 * `sqliteView`: views readable like tables, as drizzle's sqlite-core declares
 * them. `sqliteView(name).as(query)` takes its fields from the query;
 * `sqliteView(name, columns)` has the given columns and either raw defining
 * SQL (`.as(sql)`) or none (`.existing()`: a view created outside this
 * schema, only read). Fields are qualified by the view's name. Creating the
 * view in the database is a migration's job (as with drizzle-kit), so
 * `.existing()` only records that no migration should create it.
 *
 * @example
 * const activeUsers = sqliteView('active_users').as((qb) => qb.select().from(users).where(eq(users.active, true)));
 * const legacy = sqliteView('legacy_users', { id: integer('id'), name: text('name') }).existing();
 * await db.select().from(activeUsers);
 */
import type { Column } from '../column.js';
import type { Encoder } from '../engine/encoder.js';
import { MizzleError } from '../errors.js';
import { Database } from '../query/database.js';
import type { SelectQuery } from '../query/select.js';
import type { Session } from '../driver.js';
import { makeSubquery } from '../query/subquery.js';
import type { SelectState, SubqueryFields } from '../query/result-types.js';
import type { SQL } from '../sql.js';
import { getTableInfo } from '../table.js';
import { asViewOf, kitView, View } from '../view.js';
import type { BuildColumns, SQLiteColumnBuilderBase } from './columns/common.js';
import { sqliteTable } from './table.js';

/** A query builder that only builds (view definitions never run). */
const queryBuilder = new Database<'sync', unknown>(undefined as unknown as Session<'sync', unknown>);

/**
 * A view declared with `sqliteView` (`is(v, SQLiteView)`). A declared view's
 * type is {@link SQLiteViewWithSelection}: this class and the view's fields.
 */
export class SQLiteView<
  TName extends string = string,
  TExisting extends boolean = boolean,
  TSelection extends Record<string, unknown> = Record<string, unknown>,
> extends View<TName, TExisting, TSelection> {
  static override readonly drizzleKind: string = 'SQLiteView';
}

/** A `sqliteView` with its fields, as `.as()` and `.existing()` return it. */
export type SQLiteViewWithSelection<
  TName extends string = string,
  TExisting extends boolean = boolean,
  TSelection extends Record<string, unknown> = Record<string, unknown>,
> = SQLiteView<TName, TExisting, TSelection> & TSelection;

/** What a declared view records (read with {@link getViewConfig}). */
export interface SQLiteViewConfig {
  name: string;
  /** `.existing()`: the view is managed outside, never created. */
  isExisting: boolean;
  /** The defining select or SQL; undefined for existing views. */
  query: unknown;
}

const configs = new WeakMap<object, SQLiteViewConfig>();

/**
 * A declared view's name, query and whether it already exists.
 *
 * @example
 * getViewConfig(legacy)?.isExisting; // true
 */
export function getViewConfig(view: object): SQLiteViewConfig | undefined {
  return configs.get(view);
}

function declare(config: SQLiteViewConfig, fields: Record<string, unknown>, encode: (e: Encoder) => void): object {
  // A view is referenced by name like a CTE, but never written in a WITH clause.
  const view = asViewOf(makeSubquery(config.name, fields, encode, true), SQLiteView);
  configs.set(view, config);
  kitView(view, config.name, undefined, config.query, config.isExisting);
  return view;
}

/** What both view builders share: the view's name. */
export class ViewBuilderCore<TName extends string = string> {
  constructor(protected readonly name: TName) {}
}

/** `sqliteView(name)`: the view's query decides its fields. */
export class ViewBuilder<TName extends string = string> extends ViewBuilderCore<TName> {
  /** The view's defining query. */
  as<S extends SelectState>(
    query:
      | SelectQuery<S, 'sync' | 'async', unknown>
      | ((qb: Database<'sync', unknown>) => SelectQuery<S, 'sync' | 'async', unknown>),
  ): SQLiteViewWithSelection<TName, false, SubqueryFields<S['fields'], TName, S['nulls']>> {
    const q = typeof query === 'function' ? query(queryBuilder) : query;
    const config = { name: this.name, isExisting: false, query: q };
    return declare(config, q.fieldsObject(), (e) => q.encodeQuery(e)) as never;
  }
}

/** `sqliteView(name, columns)`: fields given, the defining query is raw SQL or lives elsewhere. */
export class ManualViewBuilder<
  TName extends string = string,
  TColumns extends Record<string, SQLiteColumnBuilderBase> = Record<string, SQLiteColumnBuilderBase>,
> extends ViewBuilderCore<TName> {
  constructor(
    name: TName,
    private readonly columns: TColumns,
  ) {
    super(name);
  }

  private build(config: SQLiteViewConfig): object {
    // The columns are built as a table's would be, then seen through the view's name.
    const fields: Record<string, Column> = getTableInfo(sqliteTable(config.name, this.columns)).columns;
    return declare(config, fields, () => {
      throw new MizzleError('invalid', `view "${config.name}" has no query to inline`);
    });
  }

  /** A view created outside this schema: only read. */
  existing(): SQLiteViewWithSelection<TName, true, BuildColumns<TName, TColumns>> {
    return this.build({ name: this.name, isExisting: true, query: undefined }) as never;
  }

  /** The view's defining SQL. */
  as(query: SQL): SQLiteViewWithSelection<TName, false, BuildColumns<TName, TColumns>> {
    return this.build({ name: this.name, isExisting: false, query }) as never;
  }
}

/**
 * Declares a view: from a query, or with its own columns.
 *
 * @example
 * const byCity = sqliteView('by_city', { cityId: integer('city_id'), n: integer('n') })
 *   .as(sql`select city_id, count(*) as n from users group by city_id`);
 */
export function sqliteView<TName extends string>(name: TName): ViewBuilder<TName>;
export function sqliteView<TName extends string, TColumns extends Record<string, SQLiteColumnBuilderBase>>(
  name: TName,
  columns: TColumns,
): ManualViewBuilder<TName, TColumns>;
export function sqliteView(name: string, columns?: Record<string, SQLiteColumnBuilderBase>): unknown {
  return columns ? new ManualViewBuilder(name, columns) : new ViewBuilder(name);
}
