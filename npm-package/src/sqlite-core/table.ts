/**
 * `sqliteTable()`: builds a table object whose own properties are its columns
 * (`users.id`) and whose identity sits under `TableInfoKey`; and
 * `getTableConfig(table)`, the table as DDL generation sees it.
 */
import { buildTable as buildTableOf, getTableInfo, Table, type TableConfig, type TableInfo } from '../table.js';
import { inlineForeignKeys, resolveConstraints } from '../table-constraints.js';
import type { Update } from '../type-utils.js';
import { getSQLiteColumnBuilders, type SQLiteColumnBuilders } from './columns/all.js';
import type { BuildColumns, SQLiteColumn, SQLiteColumnBuilderBase } from './columns/common.js';
import {
  type Check,
  type CheckBuilder,
  type ForeignKey,
  type ForeignKeyBuilder,
  type PrimaryKey,
  type PrimaryKeyBuilder,
  type UniqueConstraint,
  UniqueConstraintBuilder,
} from './constraints.js';
import { type Index, IndexBuilder } from './indexes.js';

/** Type-level configuration of a SQLite table. */
export type SQLiteTableConfig = TableConfig<SQLiteColumn>;

/**
 * A SQLite table. Users name it as a constraint (`T extends SQLiteTable`).
 *
 * @example
 * function count<T extends SQLiteTable>(table: T) {}
 */
export class SQLiteTable<T extends SQLiteTableConfig = SQLiteTableConfig> extends Table<T> {
  static override readonly drizzleKind: string = 'SQLiteTable';

  /** @internal drizzle-orm's key for inline `references()` (read by drizzle-kit). */
  get [Symbol.for('drizzle:SQLiteInlineForeignKeys')](): unknown {
    return inlineForeignKeys(this);
  }
}

/**
 * A SQLite table with part of its type fixed.
 *
 * @example
 * function f(t: AnySQLiteTable<{ name: 'users' }>) {}
 */
export type AnySQLiteTable<TPartial extends Partial<SQLiteTableConfig> = {}> = SQLiteTable<
  Required<Update<SQLiteTableConfig, TPartial>>
>;

/**
 * The type `sqliteTable` returns: the table plus one property per column.
 *
 * @example
 * type Users = SQLiteTableWithColumns<{ name: 'users'; schema: undefined; columns: {...}; dialect: 'sqlite' }>;
 */
export type SQLiteTableWithColumns<T extends SQLiteTableConfig> = SQLiteTable<T> & {
  [K in keyof T['columns']]: T['columns'][K];
};

/** One entry of the `sqliteTable` third argument. */
export type SQLiteTableExtraConfigValue =
  | IndexBuilder
  | CheckBuilder
  | ForeignKeyBuilder
  | PrimaryKeyBuilder
  | UniqueConstraintBuilder;

/** The deprecated object form of the `sqliteTable` third argument. */
export type SQLiteTableExtraConfig = Record<string, SQLiteTableExtraConfigValue>;

/**
 * The signature of `sqliteTable` (and of the functions `sqliteTableCreator`
 * makes).
 */
export type SQLiteTableFn = <TTableName extends string, TColumnsMap extends Record<string, SQLiteColumnBuilderBase>>(
  name: TTableName,
  columns: TColumnsMap | ((columnTypes: SQLiteColumnBuilders) => TColumnsMap),
  extraConfig?: (self: BuildColumns<TTableName, TColumnsMap>) => SQLiteTableExtraConfigValue[] | SQLiteTableExtraConfig,
) => SQLiteTableWithColumns<{
  name: TTableName;
  schema: undefined;
  columns: BuildColumns<TTableName, TColumnsMap>;
  dialect: 'sqlite';
}>;

function buildTable(
  name: string,
  baseName: string,
  columns:
    | Record<string, SQLiteColumnBuilderBase>
    | ((columnTypes: SQLiteColumnBuilders) => Record<string, SQLiteColumnBuilderBase>),
  extraConfig: ((self: never) => unknown) | undefined,
): SQLiteTable {
  const builders = typeof columns === 'function' ? columns(getSQLiteColumnBuilders()) : columns;
  return buildTableOf(
    (info) => new SQLiteTable(info),
    { name, schema: undefined, baseName, extraConfig: extraConfig as TableInfo['extraConfig'], dialect: 'sqlite' },
    builders as never,
  );
}

/**
 * Declares a SQLite table. Columns are an object of builders, or a callback
 * receiving the builders; the optional third argument returns indexes and
 * constraints and is evaluated lazily (see `getTableConfig`).
 *
 * @example
 * export const users = sqliteTable('users', {
 *   id: integer().primaryKey({ autoIncrement: true }),
 *   email: text().notNull().unique(),
 * }, (t) => [index('users_email_idx').on(t.email)]);
 */
export const sqliteTable: SQLiteTableFn = (name, columns, extraConfig) =>
  buildTable(name, name, columns, extraConfig) as never;

/**
 * Makes a `sqliteTable` that rewrites every table name, e.g. to prefix them.
 *
 * @example
 * const table = sqliteTableCreator((name) => `app_${name}`);
 * const users = table('users', { id: integer() }); // SQL name 'app_users'
 */
export function sqliteTableCreator(customizeTableName: (name: string) => string): SQLiteTableFn {
  return (name, columns, extraConfig) => buildTable(customizeTableName(name), name, columns, extraConfig) as never;
}

// getTableConfig: the third argument is evaluated and inline `references()` turned into foreign keys on
// first call, not at declaration, because it may reference tables declared later in the file.

/**
 * The resolved description of a table.
 *
 * @example
 * const { columns, indexes, foreignKeys } = getTableConfig(users);
 */
export interface SQLiteTableConfigResult {
  name: string;
  schema: string | undefined;
  columns: SQLiteColumn[];
  indexes: Index[];
  foreignKeys: ForeignKey[];
  checks: Check[];
  primaryKeys: PrimaryKey[];
  uniqueConstraints: UniqueConstraint[];
}

const cache = new WeakMap<Table, SQLiteTableConfigResult>();

/**
 * Resolves a table's columns, indexes and constraints.
 *
 * @example
 * getTableConfig(users).indexes.map((i) => i.config.name);
 */
export function getTableConfig(table: Table): SQLiteTableConfigResult {
  const cached = cache.get(table);
  if (cached !== undefined) return cached;

  const info = getTableInfo(table);
  const result: SQLiteTableConfigResult = {
    name: info.name,
    schema: info.schema,
    columns: Object.values(info.columns) as SQLiteColumn[],
    ...resolveConstraints(table, { index: IndexBuilder, unique: UniqueConstraintBuilder }),
  };

  cache.set(table, result);
  return result;
}
