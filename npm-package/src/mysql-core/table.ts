/**
 * `mysqlTable()`: builds a table object whose own properties are its columns
 * (`users.id`) and whose identity sits under `TableInfoKey`; plus
 * `mysqlTableCreator`, `mysqlTableWithSchema` (what `mysqlSchema(...).table`
 * calls) and `getTableConfig(table)`, the table as DDL generation sees it.
 */
import { buildTable, getTableInfo, Table, type TableConfig, type TableInfo } from '../table.js';
import { inlineForeignKeys, resolveConstraints } from '../table-constraints.js';
import type { Update } from '../type-utils.js';
import { getMySqlColumnBuilders, type MySqlColumnBuilders } from './columns/all.js';
import type { BuildColumns, MySqlColumn, MySqlColumnBuilderBase } from './columns/common.js';
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

/** Type-level configuration of a MySQL table. */
export type MySqlTableConfig = TableConfig<MySqlColumn>;

/**
 * A MySQL table. Users name it as a constraint (`T extends MySqlTable`).
 *
 * @example
 * function count<T extends MySqlTable>(table: T) {}
 */
export class MySqlTable<T extends MySqlTableConfig = MySqlTableConfig> extends Table<T> {
  static override readonly drizzleKind: string = 'MySqlTable';

  /** @internal drizzle-orm's key for inline `references()` (read by drizzle-kit). */
  get [Symbol.for('drizzle:MySqlInlineForeignKeys')](): unknown {
    return inlineForeignKeys(this);
  }
}

/**
 * A MySQL table with part of its type fixed.
 *
 * @example
 * function f(t: AnyMySqlTable<{ name: 'users' }>) {}
 */
export type AnyMySqlTable<TPartial extends Partial<MySqlTableConfig> = {}> = MySqlTable<
  Required<Update<MySqlTableConfig, TPartial>>
>;

/**
 * The type `mysqlTable` returns: the table plus one property per column.
 *
 * @example
 * type Users = MySqlTableWithColumns<{ name: 'users'; schema: undefined; columns: {...}; dialect: 'mysql' }>;
 */
export type MySqlTableWithColumns<T extends MySqlTableConfig> = MySqlTable<T> & {
  [K in keyof T['columns']]: T['columns'][K];
};

/** One entry of the `mysqlTable` third argument. */
export type MySqlTableExtraConfigValue =
  | IndexBuilder
  | CheckBuilder
  | ForeignKeyBuilder
  | PrimaryKeyBuilder
  | UniqueConstraintBuilder;

/** The deprecated object form of the `mysqlTable` third argument. */
export type MySqlTableExtraConfig = Record<string, MySqlTableExtraConfigValue>;

/**
 * The signature of `mysqlTable` (and of the functions `mysqlTableCreator`
 * and `mysqlSchema(...).table` make).
 */
export type MySqlTableFn<TSchema extends string | undefined = undefined> = <
  TTableName extends string,
  TColumnsMap extends Record<string, MySqlColumnBuilderBase>,
>(
  name: TTableName,
  columns: TColumnsMap | ((columnTypes: MySqlColumnBuilders) => TColumnsMap),
  extraConfig?: (self: BuildColumns<TTableName, TColumnsMap>) => MySqlTableExtraConfigValue[] | MySqlTableExtraConfig,
) => MySqlTableWithColumns<{
  name: TTableName;
  schema: TSchema;
  columns: BuildColumns<TTableName, TColumnsMap>;
  dialect: 'mysql';
}>;

/**
 * Builds a table (drizzle's `mysqlTableWithSchema`): `name` is the SQL name,
 * `baseName` the declared one.
 *
 * @example
 * mysqlTableWithSchema('users', { id: int() }, undefined, 'app');
 */
export function mysqlTableWithSchema(
  name: string,
  columns:
    | Record<string, MySqlColumnBuilderBase>
    | ((columnTypes: MySqlColumnBuilders) => Record<string, MySqlColumnBuilderBase>),
  extraConfig: ((self: never) => unknown) | undefined,
  schema: string | undefined,
  baseName: string = name,
): MySqlTable {
  const builders = typeof columns === 'function' ? columns(getMySqlColumnBuilders()) : columns;
  return buildTable(
    (info) => new MySqlTable(info),
    { name, schema, baseName, extraConfig: extraConfig as TableInfo['extraConfig'], dialect: 'mysql' },
    builders as never,
  );
}

/**
 * Declares a MySQL table. Columns are an object of builders, or a callback
 * receiving the builders; the optional third argument returns indexes and
 * constraints and is evaluated lazily (see `getTableConfig`).
 *
 * @example
 * export const users = mysqlTable('users', {
 *   id: serial().primaryKey(),
 *   email: varchar({ length: 255 }).notNull().unique(),
 * }, (t) => [index('users_email_idx').on(t.email)]);
 */
export const mysqlTable: MySqlTableFn = (name, columns, extraConfig) =>
  mysqlTableWithSchema(name, columns, extraConfig, undefined, name) as never;

/**
 * Makes a `mysqlTable` that rewrites every table name, e.g. to prefix them.
 *
 * @example
 * const table = mysqlTableCreator((name) => `app_${name}`);
 * const users = table('users', { id: int() }); // SQL name 'app_users'
 */
export function mysqlTableCreator(customizeTableName: (name: string) => string): MySqlTableFn {
  return (name, columns, extraConfig) =>
    mysqlTableWithSchema(customizeTableName(name), columns, extraConfig, undefined, name) as never;
}

// getTableConfig: the third argument is evaluated and inline `references()` turned into foreign keys on
// first call, not at declaration, because it may reference tables declared later in the file.

/**
 * The resolved description of a table.
 *
 * @example
 * const { columns, indexes, foreignKeys } = getTableConfig(users);
 */
export interface MySqlTableConfigResult {
  name: string;
  schema: string | undefined;
  baseName: string;
  columns: MySqlColumn[];
  indexes: Index[];
  foreignKeys: ForeignKey[];
  checks: Check[];
  primaryKeys: PrimaryKey[];
  uniqueConstraints: UniqueConstraint[];
}

const cache = new WeakMap<Table, MySqlTableConfigResult>();

/**
 * Resolves a table's columns, indexes and constraints.
 *
 * @example
 * getTableConfig(users).indexes.map((i) => i.config.name);
 */
export function getTableConfig(table: Table): MySqlTableConfigResult {
  const cached = cache.get(table);
  if (cached !== undefined) return cached;

  const info = getTableInfo(table);
  const result: MySqlTableConfigResult = {
    name: info.name,
    schema: info.schema,
    baseName: info.baseName,
    columns: Object.values(info.columns) as MySqlColumn[],
    ...resolveConstraints(table, { index: IndexBuilder, unique: UniqueConstraintBuilder }),
  };

  cache.set(table, result);
  return result;
}
