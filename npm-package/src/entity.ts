/**
 * drizzle's entity helpers over mizzle's own classes: `is(value, Class)`,
 * `getViewName(view)` and `aliasedTable(table, alias)`. drizzle's `is` compares a static `entityKind` up the
 * class chain so that two copies of drizzle-orm agree; mizzle's classes
 * exist once per package (one bundle build with shared chunks), so
 * `instanceof` answers the same question.
 *
 * @example
 * if (is(x, SQLiteTable)) getTableName(x);
 * if (is(x, Column)) x.name;
 */
import { SubqueryKey, tableColumns } from './engine/table-ref.js';
import type { Subquery } from './query/result-types.js';
import type { Table } from './table.js';
import { aliasTable } from './table-alias.js';
import { View } from './view.js';

// biome-ignore lint/suspicious/noExplicitAny: a class of any constructor signature, as drizzle's `is`
type AnyClass = abstract new (...args: any[]) => unknown;

/**
 * Whether `value` is an instance of `type` (a table, column, SQL fragment,
 * relation, error... class). False for anything that is not an object.
 */
export function is<T extends AnyClass>(value: unknown, type: T): value is InstanceType<T> {
  if (typeof value !== 'object' || value === null) return false;
  // A transaction is its database's kind, as drizzle's `SQLiteTransaction extends BaseSQLiteDatabase`
  // (libraries check `is(tx, BaseSQLiteDatabase)`); mizzle's `tx` shares one class across dialects.
  const kind = (value as { [TransactionOf]?: object })[TransactionOf];
  return value instanceof type || (kind !== undefined && kind instanceof type);
}

/** On a transaction: the database it was opened from (what `is()` classifies it as). */
export const TransactionOf = Symbol.for('mizzle:transactionOf');

/**
 * The name a view is declared with (`sqliteView('name')`, `pgView`...).
 *
 * @example
 * getViewName(activeUsers); // 'active_users'
 */
export function getViewName<TName extends string>(view: Subquery<TName, unknown>): TName {
  return view[SubqueryKey].alias;
}

/**
 * Whether `x` is a view declared with `sqliteView`, `pgView`,
 * `pgMaterializedView` or `mysqlView` (drizzle's `isView`).
 */
export function isView(x: unknown): x is View {
  return x instanceof View;
}

/**
 * The fields a view selects, by key (drizzle's `getViewSelectedFields`; its
 * columns are re-homed to the view's name, as for any subquery).
 */
export function getViewSelectedFields(view: object): Record<string, unknown> {
  return tableColumns(view);
}

/**
 * `table` under another name, typed as `table` (drizzle's root `aliasedTable`;
 * the dialects' `alias()` is the same with the alias name in the type).
 *
 * @example
 * const parent = aliasedTable(categories, 'parent');
 */
export function aliasedTable<T extends Table>(table: T, alias: string): T {
  return aliasTable(table, alias) as T;
}
