/**
 * `alias(table, 'a')`: a second reference to a table under another name, for
 * self-joins. It is a plain copy, not a Proxy (proxies cost on every property
 * read): a new table object whose info has `alias: 'a'`, with a copy of each
 * column whose `table` is the alias object. SQL rendering qualifies a column
 * by `alias ?? name` of its `table`, so `parent.id` renders as `"a"."id"`.
 */
import type { Column, ColumnBaseConfig } from '../column.js';
import { getTableInfo, TableInfoKey, type TableInfo } from '../table.js';
import type { SQLiteColumn } from './columns/common.js';
import type { SQLiteTable, SQLiteTableWithColumns } from './table.js';

/** A column type moved to table name `TAlias`. */
export type AliasedColumn<TColumn, TAlias extends string> =
  TColumn extends SQLiteColumn<infer T extends ColumnBaseConfig>
    ? SQLiteColumn<{ [K in keyof T]: K extends 'tableName' ? TAlias : T[K] } & {}>
    : TColumn;

/**
 * The type `alias(table, name)` returns.
 *
 * @example
 * type Parent = BuildAliasTable<typeof users, 'parent'>;
 */
export type BuildAliasTable<TTable extends SQLiteTable, TAlias extends string> = SQLiteTableWithColumns<{
  name: TAlias;
  schema: TTable['_']['schema'];
  dialect: 'sqlite';
  columns: { [K in keyof TTable['_']['columns']]: AliasedColumn<TTable['_']['columns'][K], TAlias> };
}>;

/**
 * Refers to `table` under another name, e.g. to join a table to itself.
 *
 * @example
 * const parent = alias(categories, 'parent');
 * db.select().from(categories).leftJoin(parent, eq(categories.parentId, parent.id));
 */
export function alias<TTable extends SQLiteTable, TAlias extends string>(
  table: TTable,
  alias: TAlias,
): BuildAliasTable<TTable, TAlias> {
  const source = getTableInfo(table);
  const columns: Record<string, Column> = {};
  const info: TableInfo = { ...source, alias, columns, original: source.original ?? table };
  // No constructor call: a table's only own state is its info and its columns, both set here.
  const copy = Object.create(Object.getPrototypeOf(table) as object) as SQLiteTable;
  (copy as { [TableInfoKey]: TableInfo })[TableInfoKey] = info;
  for (const key of Object.keys(source.columns)) {
    const column = source.columns[key] as Column;
    // Same prototype and fields, only `table` differs.
    columns[key] = Object.assign(Object.create(Object.getPrototypeOf(column) as object) as Column, column, {
      table: copy,
    });
  }
  Object.assign(copy, columns);
  return copy as unknown as BuildAliasTable<TTable, TAlias>;
}
