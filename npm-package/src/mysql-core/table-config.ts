/**
 * `getTableConfig(table)` for MySQL: columns, indexes and constraints, with
 * the `mysqlTable` third argument evaluated and inline `references()` turned
 * into foreign keys. Evaluated on first call, not at declaration, because it
 * may reference tables declared later in the file.
 */
import { getTableInfo, type Table } from '../table.js';
import type { MySqlColumn } from './columns/common.js';
import { resolveConstraints } from '../table-constraints.js';
import {
  UniqueConstraintBuilder,
  type Check,
  type ForeignKey,
  type PrimaryKey,
  type UniqueConstraint,
} from './constraints.js';
import { type Index, IndexBuilder } from './indexes.js';

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
