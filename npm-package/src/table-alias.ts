/**
 * `aliasTable(table, 'a')`: a second reference to a table under another name
 * (self-joins, relational query levels). It is a plain copy, not a Proxy
 * (proxies cost on every property read): a new table object whose info has
 * `alias: 'a'`, with a copy of each column whose `table` is the alias object.
 * SQL rendering qualifies a column by `alias ?? name` of its `table`.
 */
import type { Column } from './column.js';
import { getTableInfo, TableInfoKey, type Table, type TableInfo } from './table.js';

/**
 * The same table under `alias` (untyped: the dialect packages type it).
 *
 * @example
 * const parent = aliasTable(categories, 'parent');
 */
export function aliasTable(table: Table, alias: string): Table {
  const source = getTableInfo(table);
  const columns: Record<string, Column> = {};
  const info: TableInfo = { ...source, alias, columns, original: source.original ?? table };
  // No constructor call: a table's only own state is its info and its columns, both set here.
  const copy = Object.create(Object.getPrototypeOf(table) as object) as Table;
  (copy as { [TableInfoKey]: TableInfo })[TableInfoKey] = info;
  for (const key of Object.keys(source.columns)) {
    const column = source.columns[key] as Column;
    // Same prototype and fields, only `table` differs.
    columns[key] = Object.assign(Object.create(Object.getPrototypeOf(column) as object) as Column, column, {
      table: copy,
    });
  }
  Object.assign(copy, columns);
  return copy;
}
