/**
 * The constraints of a table declaration, resolved: what every dialect's
 * `getTableConfig` returns besides the table's names and columns. Inline
 * `references()` become foreign keys; the table's third argument (array
 * form, nested one level as drizzle allows, or the deprecated object form)
 * is evaluated and sorted by kind. CHECK, FOREIGN KEY and PRIMARY KEY mean
 * the same in every dialect (their classes live in sqlite-core); indexes and
 * UNIQUE constraints are the dialect's own.
 */
import type { Column, UpdateDeleteAction } from './column.js';
import type { SQLiteColumn } from './sqlite-core/columns/common.js';
import {
  type Check,
  CheckBuilder,
  ForeignKey,
  ForeignKeyBuilder,
  type PrimaryKey,
  PrimaryKeyBuilder,
} from './sqlite-core/constraints.js';
import { getTableInfo, type Table } from './table.js';

/** The resolved constraints of a table. */
export interface TableConstraints<TIndex, TUnique> {
  indexes: TIndex[];
  foreignKeys: ForeignKey[];
  checks: Check[];
  primaryKeys: PrimaryKey[];
  uniqueConstraints: TUnique[];
}

/** A builder class of the table's third argument. */
type BuilderClass<T> = abstract new (...args: never[]) => { build(table: Table): T };

/**
 * Resolves `table`'s constraints; `index` and `unique` are the dialect's
 * builder classes, `extraColumns` what its third argument is called with
 * (default: the table's columns), `action` what an inline foreign key's action not given reads as.
 *
 * @example
 * const { indexes, foreignKeys } = resolveConstraints(users, { index: IndexBuilder, unique: UniqueConstraintBuilder });
 */
export function resolveConstraints<TIndex, TUnique>(
  table: Table,
  kinds: { index: BuilderClass<TIndex>; unique: BuilderClass<TUnique> },
  extraColumns?: Record<string, unknown>,
  action?: UpdateDeleteAction,
): TableConstraints<TIndex, TUnique> {
  const info = getTableInfo(table);
  const out: TableConstraints<TIndex, TUnique> = {
    indexes: [],
    foreignKeys: [],
    checks: [],
    primaryKeys: [],
    uniqueConstraints: [],
  };
  out.foreignKeys = inlineForeignKeys(table, action);
  if (info.extraConfig !== undefined) {
    const extra = info.extraConfig((extraColumns ?? info.columns) as Record<string, Column>);
    const values: unknown[] = Array.isArray(extra) ? extra.flat(1) : Object.values(extra as object);
    for (const value of values) {
      if (value instanceof kinds.index) out.indexes.push(value.build(table));
      else if (value instanceof CheckBuilder) out.checks.push(value.build(table));
      else if (value instanceof ForeignKeyBuilder) out.foreignKeys.push(value.build(table));
      else if (value instanceof PrimaryKeyBuilder) out.primaryKeys.push(value.build(table));
      else if (value instanceof kinds.unique) out.uniqueConstraints.push(value.build(table));
    }
  }
  return out;
}

/**
 * The foreign keys of `table`'s inline `references()`, in column order; `action` stands for an action
 * not given (drizzle's PostgreSQL keys say 'no action').
 *
 * @example
 * inlineForeignKeys(posts)[0]?.getName(); // 'posts_author_id_users_id_fk'
 */
export function inlineForeignKeys(table: Table, action?: UpdateDeleteAction): ForeignKey[] {
  const out: ForeignKey[] = [];
  for (const column of Object.values(getTableInfo(table).columns) as SQLiteColumn[]) {
    for (const ref of column.references) {
      const reference = () => ({ columns: [column], foreignColumns: [ref.ref() as SQLiteColumn] });
      out.push(new ForeignKey(table, reference, ref.onUpdate ?? action, ref.onDelete ?? action));
    }
  }
  return out;
}
