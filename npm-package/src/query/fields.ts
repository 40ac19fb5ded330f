/**
 * Selections: flattening drizzle's field objects into ordered select items
 * (what the engine compiles) and leaves (what the decoder fills).
 */
import { Column } from '../column.js';
import { Codec } from '../column-codec.js';
import type { FieldLeaf } from '../engine/decode.js';
import { checkDepth } from '../errors.js';
import { tableColumns, tableRef } from '../engine/table-ref.js';
import { SQL } from '../sql.js';
import { Table } from '../table.js';

/** One selected item in order. */
export interface SelectedItem extends FieldLeaf {
  readonly value: unknown;
  /** The table a column comes from (alias or name), for left-join nulls. */
  readonly tableKey?: string;
}

/** The decoder an SQL fragment carries (`.mapWith()`), as a function. */
export function decoderOf(s: SQL): ((v: unknown) => unknown) | undefined {
  const d = s.decoder;
  if (!d) return undefined;
  return typeof d === 'function' ? d : (v: unknown) => d.mapFromDriverValue(v);
}

/**
 * Flattens a selection object (columns, SQL, aliased SQL, tables, nested objects). The path's length is the
 * nesting depth: a cyclic selection object is `too_deep`, not a stack overflow.
 */
export function flattenFields(fields: Record<string, unknown>, prefix: readonly string[] = []): SelectedItem[] {
  checkDepth(prefix.length);
  const out: SelectedItem[] = [];
  for (const [key, value] of Object.entries(fields)) {
    const path = [...prefix, key];
    if (value instanceof Column) {
      const t = tableRef(value.table);
      out.push({
        path,
        value,
        custom: (v) => value.mapFromDriverValue(v),
        tableKey: t ? (t.alias ?? t.name) : undefined,
      });
    } else if (value instanceof SQL || value instanceof SQL.Aliased) {
      const s = value instanceof SQL ? value : value.sql;
      out.push({ path, value, custom: decoderOf(s) });
    } else if (value && typeof value === 'object' && tableRef(value) !== undefined && !(value instanceof Column)) {
      out.push(...flattenFields(tableColumns(value), path));
    } else if (value && typeof value === 'object') {
      out.push(...flattenFields(value as Record<string, unknown>, path));
    }
  }
  return out;
}

/**
 * Flattened items of every table's own column record, which never changes:
 * `select().from(t)` would otherwise re-flatten (and allocate paths and
 * decoders for) every column on every query.
 */
const tableItemsCache = new WeakMap<object, SelectedItem[]>();

/**
 * `flattenFields(tableColumns(target))`, flattened once per table. Subqueries
 * and CTEs are flattened each time: they are usually built per query, and a
 * weak map entry per short-lived key cost more in the garbage collector than
 * the flattening (BENCHMARKS.md, compile).
 */
export function tableItems(target: unknown): SelectedItem[] {
  const columns = tableColumns(target);
  if (!(target instanceof Table)) return flattenFields(columns);
  let items = tableItemsCache.get(columns);
  if (items === undefined) {
    items = flattenFields(columns);
    tableItemsCache.set(columns, items);
  }
  return items;
}

/** The codec the engine should put in the plan for `item`. */
export function codecOf(item: SelectedItem): number {
  return codecOfValue(item.value);
}

/** The codec of a selected column or SQL fragment (`.mapWith()` makes it custom). */
export function codecOfValue(v: unknown): number {
  if (v instanceof Column) return v.codec;
  const s = v instanceof SQL.Aliased ? v.sql : (v as SQL);
  if (s.decoder) return Codec.custom;
  return s.codec ?? Codec.raw;
}

/** Leaves for decoding, marking groups of left-joined tables. */
export function leavesOf(items: readonly SelectedItem[], nullable: ReadonlySet<string>): readonly FieldLeaf[] {
  if (nullable.size === 0) return items;
  const groupTable = new Map<string, string | null>();
  for (const item of items) {
    // As drizzle: a group's table is decided by its columns alone (SQL fields do not count).
    if (item.path.length < 2 || item.tableKey === undefined) continue;
    const top = item.path[0]!;
    const prev = groupTable.get(top);
    const t = item.tableKey;
    groupTable.set(top, prev === undefined ? t : prev === t ? prev : null);
  }
  return items.map((item) => {
    const t = item.path.length > 1 ? groupTable.get(item.path[0]!) : undefined;
    return t && item.tableKey === t && nullable.has(t) ? { ...item, nullableTable: t } : item;
  });
}
