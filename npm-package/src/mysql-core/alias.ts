/**
 * `alias(table, 'a')`: a second reference to a table under another name, for
 * self-joins; `parent.id` renders as `` `a`.`id` `` (see `../table-alias.ts`).
 */
import type { ColumnBaseConfig } from '../column.js';
import { aliasTable } from '../table-alias.js';
import type { MySqlColumn } from './columns/common.js';
import type { MySqlTable, MySqlTableWithColumns } from './table.js';

/** A column type moved to table name `TAlias`. */
export type AliasedColumn<TColumn, TAlias extends string> =
  TColumn extends MySqlColumn<infer T extends ColumnBaseConfig>
    ? MySqlColumn<{ [K in keyof T]: K extends 'tableName' ? TAlias : T[K] } & {}>
    : TColumn;

/**
 * The type `alias(table, name)` returns.
 *
 * @example
 * type Parent = BuildAliasTable<typeof users, 'parent'>;
 */
export type BuildAliasTable<TTable extends MySqlTable, TAlias extends string> = MySqlTableWithColumns<{
  name: TAlias;
  schema: TTable['_']['schema'];
  dialect: 'mysql';
  columns: { [K in keyof TTable['_']['columns']]: AliasedColumn<TTable['_']['columns'][K], TAlias> };
}>;

/**
 * Refers to `table` under another name, e.g. to join a table to itself.
 *
 * @example
 * const parent = alias(categories, 'parent');
 * db.select().from(categories).leftJoin(parent, eq(categories.parentId, parent.id));
 */
export function alias<TTable extends MySqlTable, TAlias extends string>(
  table: TTable,
  alias: TAlias,
): BuildAliasTable<TTable, TAlias> {
  return aliasTable(table, alias) as unknown as BuildAliasTable<TTable, TAlias>;
}
