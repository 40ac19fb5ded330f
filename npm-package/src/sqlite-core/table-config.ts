/**
 * `getTableConfig(table)`: everything DDL generation needs about a table,
 * with the `sqliteTable` third argument evaluated and inline `references()`
 * turned into foreign keys. Evaluated on first call, not at declaration,
 * because it may reference tables declared later in the file.
 */
import { getTableInfo, type Table } from '../table.js';
import { resolveConstraints } from '../table-constraints.js';
import type { Check } from './checks.js';
import type { SQLiteColumn } from './columns/common.js';
import type { ForeignKey } from './foreign-keys.js';
import { type Index, IndexBuilder } from './indexes.js';
import type { PrimaryKey } from './primary-keys.js';
import { type UniqueConstraint, UniqueConstraintBuilder } from './unique-constraint.js';

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
