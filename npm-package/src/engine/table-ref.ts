/**
 * How the encoder sees anything that stands in FROM: tables (and their
 * aliases), subqueries and CTEs all answer `tableRef` with the name a query
 * uses for them, and `tableColumns` with their selectable fields.
 */
import type { Column } from '../column.js';
import { Table, TableInfoKey } from '../table.js';

/** A FROM target's identity. */
export interface TableRefInfo {
  readonly schema?: string | undefined;
  readonly name: string;
  readonly alias?: string | undefined;
}

/** Key under which subqueries and CTEs keep their identity and fields. */
export const SubqueryKey: unique symbol = Symbol.for('mizzle:Subquery');

/** What a subquery or CTE object carries under {@link SubqueryKey}. */
export interface SubqueryInfo extends TableRefInfo {
  readonly alias: string;
  readonly fields: Record<string, unknown>;
  /** Writes the subquery's query; a CTE's writes its statement (`cte :=` in wasm/README.md). */
  readonly encodeQuery: (e: import('./encoder.js').Encoder) => void;
  /** True for `$with` CTEs (referenced by name, defined in WITH). */
  readonly isWith: boolean;
}

/** The identity of a table, alias, subquery or CTE; undefined for anything else. */
export function tableRef(x: unknown): TableRefInfo | undefined {
  if (x instanceof Table) return x[TableInfoKey];
  if (typeof x === 'object' && x !== null && SubqueryKey in x)
    return (x as { [SubqueryKey]: SubqueryInfo })[SubqueryKey];
  return undefined;
}

/**
 * The key a joined select uses for a FROM target's fields: the alias, else the
 * table's declared name (before `sqliteTableCreator` renamed it), as in drizzle.
 */
export function resultKey(x: unknown): string | undefined {
  if (x instanceof Table) {
    const info = x[TableInfoKey];
    return info.alias ?? info.baseName;
  }
  return tableRef(x)?.alias;
}

/** The selectable fields of a FROM target by key. */
export function tableColumns(x: unknown): Record<string, unknown> {
  if (x instanceof Table) return x[TableInfoKey].columns;
  if (typeof x === 'object' && x !== null && SubqueryKey in x)
    return (x as { [SubqueryKey]: SubqueryInfo })[SubqueryKey].fields;
  return {};
}

const entriesCache = new WeakMap<object, [string, Column][]>();

/**
 * A table's `[key, column]` pairs in declaration order, listed once per table
 * (a table's columns never change; builders would otherwise list them per query).
 *
 * @example
 * for (const [key, col] of columnEntries(users)) console.log(key, col.name);
 */
export function columnEntries(table: unknown): readonly [string, Column][] {
  if (!(table instanceof Table)) return Object.entries(tableColumns(table)) as [string, Column][];
  const columns = table[TableInfoKey].columns;
  let entries = entriesCache.get(columns);
  if (entries === undefined) {
    entries = Object.entries(columns) as [string, Column][];
    entriesCache.set(columns, entries);
  }
  return entries;
}

/** The subquery record of `x`, if it is one. */
export function subqueryInfo(x: unknown): SubqueryInfo | undefined {
  return typeof x === 'object' && x !== null && SubqueryKey in x
    ? (x as { [SubqueryKey]: SubqueryInfo })[SubqueryKey]
    : undefined;
}
