/**
 * `alias(table, 'a')`: a second reference to a table under another name, for
 * self-joins; `parent.id` renders as `"a"."id"` (see `../table-alias.ts`).
 */
import type { ColumnBaseConfig } from '../column.js';
import { aliasTable } from '../table-alias.js';
import type { PgColumn } from './columns/common.js';
import type { PgTable, PgTableWithColumns } from './table.js';

/** A column type moved to table name `TAlias`. */
export type AliasedColumn<TColumn, TAlias extends string> =
  TColumn extends PgColumn<infer T extends ColumnBaseConfig>
    ? PgColumn<{ [K in keyof T]: K extends 'tableName' ? TAlias : T[K] } & {}>
    : TColumn;

/** The type `alias(table, name)` returns. */
export type BuildAliasTable<TTable extends PgTable, TAlias extends string> = PgTableWithColumns<{
  name: TAlias;
  schema: TTable['_']['schema'];
  dialect: 'pg';
  columns: { [K in keyof TTable['_']['columns']]: AliasedColumn<TTable['_']['columns'][K], TAlias> };
}>;

/**
 * Refers to `table` under another name, e.g. to join a table to itself.
 *
 * @example
 * const parent = alias(categories, 'parent');
 * db.select().from(categories).leftJoin(parent, eq(categories.parentId, parent.id));
 */
export function alias<TTable extends PgTable, TAlias extends string>(
  table: TTable,
  alias: TAlias,
): BuildAliasTable<TTable, TAlias> {
  return aliasTable(table, alias) as unknown as BuildAliasTable<TTable, TAlias>;
}
