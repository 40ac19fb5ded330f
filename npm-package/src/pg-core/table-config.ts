/**
 * `getTableConfig(table)`: everything DDL generation needs about a table,
 * with the `pgTable` third argument evaluated (its columns carrying index
 * options) and inline `references()` turned into foreign keys. Evaluated on
 * first call, because it may reference tables declared later in the file.
 */
import { getTableInfo, type Table } from '../table.js';
import type { PgColumn } from './columns/common.js';
import type { Check, ForeignKey, PrimaryKey } from './constraints.js';
import { resolveConstraints } from '../table-constraints.js';
import { extraConfigColumn, type Index, IndexBuilder } from './indexes.js';
import { type UniqueConstraint, UniqueConstraintBuilder } from './unique-constraint.js';

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
  // Index column options (asc(), op()...) are read off the columns handed to the third argument.
  const self: Record<string, PgColumn> = {};
  for (const [key, column] of Object.entries(info.columns)) self[key] = extraConfigColumn(column as PgColumn);
  const result: PgTableConfigResult = {
    name: info.name,
    schema: info.schema,
    columns: Object.values(info.columns) as PgColumn[],
    ...resolveConstraints(table, { index: IndexBuilder, unique: UniqueConstraintBuilder }, self),
    policies: [],
    enableRLS: false,
  };

  cache.set(table, result);
  return result;
}
