/**
 * `getTableConfig(table)`: everything DDL generation needs about a table,
 * with the `pgTable` third argument evaluated (its columns carrying index
 * options) and inline `references()` turned into foreign keys. Evaluated on
 * first call, because it may reference tables declared later in the file.
 */
import { getTableInfo, type Table } from '../table.js';
import type { PgColumn } from './columns/common.js';
import { Check, CheckBuilder, ForeignKey, ForeignKeyBuilder, PrimaryKey, PrimaryKeyBuilder } from './constraints.js';
import { extraConfigColumn, Index, IndexBuilder } from './indexes.js';
import { UniqueConstraint, UniqueConstraintBuilder } from './unique-constraint.js';
import type { SQLiteColumn } from '../sqlite-core/columns/common.js';

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
  const columns = Object.values(info.columns) as PgColumn[];
  const result: PgTableConfigResult = {
    name: info.name,
    schema: info.schema,
    columns,
    indexes: [],
    foreignKeys: [],
    checks: [],
    primaryKeys: [],
    uniqueConstraints: [],
    policies: [],
    enableRLS: false,
  };

  for (const column of columns) {
    for (const ref of column.references) {
      const reference = () => ({ columns: [column as SQLiteColumn], foreignColumns: [ref.ref() as SQLiteColumn] });
      result.foreignKeys.push(new ForeignKey(table, reference, ref.onUpdate, ref.onDelete));
    }
  }

  if (info.extraConfig !== undefined) {
    const self: Record<string, PgColumn> = {};
    for (const [key, column] of Object.entries(info.columns)) self[key] = extraConfigColumn(column as PgColumn);
    const extra = info.extraConfig(self);
    // Array form (possibly nested one level, as drizzle allows) or the deprecated object form.
    const values: unknown[] = Array.isArray(extra) ? extra.flat(1) : Object.values(extra as object);
    for (const value of values) {
      if (value instanceof IndexBuilder) result.indexes.push(value.build(table));
      else if (value instanceof CheckBuilder) result.checks.push(value.build(table));
      else if (value instanceof ForeignKeyBuilder) result.foreignKeys.push(value.build(table));
      else if (value instanceof PrimaryKeyBuilder) result.primaryKeys.push(value.build(table));
      else if (value instanceof UniqueConstraintBuilder) result.uniqueConstraints.push(value.build(table));
    }
  }

  cache.set(table, result);
  return result;
}
