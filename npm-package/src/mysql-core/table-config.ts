/**
 * `getTableConfig(table)` for MySQL: columns, indexes and constraints, with
 * the `mysqlTable` third argument evaluated and inline `references()` turned
 * into foreign keys. Evaluated on first call, not at declaration, because it
 * may reference tables declared later in the file.
 */
import { getTableInfo, type Table } from '../table.js';
import type { MySqlColumn } from './columns/common.js';
import {
  Check,
  CheckBuilder,
  ForeignKey,
  ForeignKeyBuilder,
  PrimaryKey,
  PrimaryKeyBuilder,
  UniqueConstraint,
  UniqueConstraintBuilder,
} from './constraints.js';
import { Index, IndexBuilder } from './indexes.js';

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
  const columns = Object.values(info.columns) as MySqlColumn[];
  const result: MySqlTableConfigResult = {
    name: info.name,
    schema: info.schema,
    baseName: info.baseName,
    columns,
    indexes: [],
    foreignKeys: [],
    checks: [],
    primaryKeys: [],
    uniqueConstraints: [],
  };

  for (const column of columns) {
    for (const ref of column.references) {
      const reference = () => ({ columns: [column], foreignColumns: [ref.ref() as MySqlColumn] });
      result.foreignKeys.push(new ForeignKey(table, reference, ref.onUpdate, ref.onDelete));
    }
  }

  if (info.extraConfig !== undefined) {
    const extra = info.extraConfig(info.columns);
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
