/**
 * `pgTable()`: builds a table object whose own properties are its columns
 * (`users.id`) and whose identity (name, schema) sits under `TableInfoKey`;
 * and `getTableConfig(table)`, the table as DDL generation sees it.
 */
import type { ColumnBuilderBase, MakeColumnConfig } from '../column-builder.js';
import { buildTable, getTableInfo, Table, type TableConfig, type TableInfo } from '../table.js';
import { inlineForeignKeys, resolveConstraints } from '../table-constraints.js';
import type { Update } from '../type-utils.js';
import { getPgColumnBuilders, type PgColumnBuilders } from './columns/all.js';
import type { BuildColumns, PgColumn, PgColumnBuilderBase } from './columns/common.js';
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
import { type ExtraConfigColumn, extraConfigColumn, type Index, IndexBuilder } from './indexes.js';

/** Type-level configuration of a PostgreSQL table. */
export type PgTableConfig = TableConfig<PgColumn>;

/**
 * A PostgreSQL table. Users name it as a constraint (`T extends PgTable`).
 *
 * @example
 * function count<T extends PgTable>(table: T) {}
 */
export class PgTable<T extends PgTableConfig = PgTableConfig> extends Table<T> {
  static override readonly drizzleKind: string = 'PgTable';

  /** @internal drizzle-orm's key for inline `references()` (read by drizzle-kit), 'no action' by default. */
  get [Symbol.for('drizzle:PgInlineForeignKeys')](): unknown {
    return inlineForeignKeys(this, 'no action');
  }

  /** @internal What drizzle-orm hands the third argument: columns carrying index options. */
  get [Symbol.for('drizzle:ExtraConfigColumns')](): unknown {
    return extraConfigColumns(this);
  }
}

/** A PostgreSQL table with part of its type fixed. */
export type AnyPgTable<TPartial extends Partial<PgTableConfig> = {}> = PgTable<
  Required<Update<PgTableConfig, TPartial>>
>;

/** The type `pgTable` returns: the table plus one property per column. */
export type PgTableWithColumns<T extends PgTableConfig> = PgTable<T> & {
  [K in keyof T['columns']]: T['columns'][K];
};

/** One entry of the `pgTable` third argument. */
export type PgTableExtraConfigValue =
  | IndexBuilder
  | CheckBuilder
  | ForeignKeyBuilder
  | PrimaryKeyBuilder
  | UniqueConstraintBuilder;

/** The deprecated object form of the `pgTable` third argument. */
export type PgTableExtraConfig = Record<string, PgTableExtraConfigValue>;

/** The columns the `pgTable` third argument receives: with index options. */
export type BuildExtraConfigColumns<
  TTableName extends string,
  TColumnsMap extends Record<string, ColumnBuilderBase>,
> = {
  [K in keyof TColumnsMap]: ExtraConfigColumn<MakeColumnConfig<TColumnsMap[K]['_'], TTableName>>;
} & {};

/** The signature of `pgTable` (and of `pgTableCreator`'s and `schema.table`). */
export type PgTableFn<TSchema extends string | undefined = undefined> = <
  TTableName extends string,
  TColumnsMap extends Record<string, PgColumnBuilderBase>,
>(
  name: TTableName,
  columns: TColumnsMap | ((columnTypes: PgColumnBuilders) => TColumnsMap),
  extraConfig?: (
    self: BuildExtraConfigColumns<TTableName, TColumnsMap>,
  ) => PgTableExtraConfigValue[] | PgTableExtraConfig,
) => PgTableWithColumns<{
  name: TTableName;
  schema: TSchema;
  columns: BuildColumns<TTableName, TColumnsMap>;
  dialect: 'pg';
}>;

/** @internal Builds a table (shared by `pgTable`, `pgTableCreator` and `pgSchema`). */
export function buildPgTable(
  name: string,
  baseName: string,
  columns:
    | Record<string, PgColumnBuilderBase>
    | ((columnTypes: PgColumnBuilders) => Record<string, PgColumnBuilderBase>),
  extraConfig: ((self: never) => unknown) | undefined,
  schema: string | undefined,
): PgTable {
  const builders = typeof columns === 'function' ? columns(getPgColumnBuilders()) : columns;
  return buildTable(
    (info) => new PgTable(info),
    { name, schema, baseName, extraConfig: extraConfig as TableInfo['extraConfig'], dialect: 'pg' },
    builders as never,
  );
}

/**
 * Declares a PostgreSQL table. Columns are an object of builders, or a
 * callback receiving the builders; the optional third argument returns
 * indexes and constraints and is evaluated lazily (see `getTableConfig`).
 *
 * @example
 * export const users = pgTable('users', {
 *   id: serial().primaryKey(),
 *   email: varchar({ length: 320 }).notNull().unique(),
 *   createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
 * }, (t) => [index('users_created_idx').on(t.createdAt.desc())]);
 */
export const pgTable: PgTableFn = (name, columns, extraConfig) =>
  buildPgTable(name, name, columns, extraConfig, undefined) as never;

/**
 * `pgTable` in schema `schema` (what `pgSchema(...).table` calls).
 *
 * @example
 * const users = pgTableWithSchema('users', { id: serial() }, undefined, 'auth');
 */
export function pgTableWithSchema<
  TTableName extends string,
  TSchemaName extends string | undefined,
  TColumnsMap extends Record<string, PgColumnBuilderBase>,
>(
  name: TTableName,
  columns: TColumnsMap | ((columnTypes: PgColumnBuilders) => TColumnsMap),
  extraConfig:
    | ((self: BuildExtraConfigColumns<TTableName, TColumnsMap>) => PgTableExtraConfigValue[] | PgTableExtraConfig)
    | undefined,
  schema: TSchemaName,
  baseName: string = name,
): PgTableWithColumns<{
  name: TTableName;
  schema: TSchemaName;
  columns: BuildColumns<TTableName, TColumnsMap>;
  dialect: 'pg';
}> {
  return buildPgTable(name, baseName, columns, extraConfig as never, schema) as never;
}

/**
 * Makes a `pgTable` that rewrites every table name, e.g. to prefix them.
 *
 * @example
 * const table = pgTableCreator((name) => `app_${name}`);
 * const users = table('users', { id: serial() }); // SQL name 'app_users'
 */
export function pgTableCreator(customizeTableName: (name: string) => string): PgTableFn {
  return (name, columns, extraConfig) =>
    buildPgTable(customizeTableName(name), name, columns, extraConfig, undefined) as never;
}

// getTableConfig: the third argument is evaluated (its columns carrying index options) and inline
// `references()` turned into foreign keys on first call, not at declaration, because it may reference
// tables declared later in the file.

/**
 * The resolved description of a table.
 *
 * @example
 * const { columns, indexes, foreignKeys } = getTableConfig(users);
 */
export interface PgTableConfigResult {
  name: string;
  schema: string | undefined;
  columns: PgColumn[];
  indexes: Index[];
  foreignKeys: ForeignKey[];
  checks: Check[];
  primaryKeys: PrimaryKey[];
  uniqueConstraints: UniqueConstraint[];
  /** Row-level security policies: not modelled by mizzle (always empty). */
  policies: never[];
  enableRLS: boolean;
}

const cache = new WeakMap<Table, PgTableConfigResult>();

/**
 * Resolves a table's columns, indexes and constraints.
 *
 * @example
 * getTableConfig(users).indexes.map((i) => i.config.name);
 */
export function getTableConfig(table: Table): PgTableConfigResult {
  const cached = cache.get(table);
  if (cached !== undefined) return cached;

  const info = getTableInfo(table);
  const self = extraConfigColumns(table);
  const result: PgTableConfigResult = {
    name: info.name,
    schema: info.schema,
    columns: Object.values(info.columns) as PgColumn[],
    // 'no action' where none is given, as drizzle's PostgreSQL foreign keys.
    ...resolveConstraints(table, { index: IndexBuilder, unique: UniqueConstraintBuilder }, self, 'no action'),
    policies: [],
    enableRLS: false,
  };

  cache.set(table, result);
  return result;
}

// Index column options (asc(), op()...) are read off the columns handed to the third argument.
function extraConfigColumns(table: Table): Record<string, PgColumn> {
  const self: Record<string, PgColumn> = {};
  for (const [key, column] of Object.entries(getTableInfo(table).columns)) {
    self[key] = extraConfigColumn(column as PgColumn);
  }
  return self;
}
