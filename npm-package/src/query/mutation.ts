/**
 * Shared parts of INSERT / UPDATE / DELETE: the RETURNING selection and how
 * a value for a column is checked and bound (the encoder writes the rest).
 */
import { Column } from '../column.js';
import type { Encoder } from '../engine/encoder.js';
import type { FieldLeaf } from '../engine/decode.js';
import { columnEntries, tableColumns, tableRef } from '../engine/table-ref.js';
import { MizzleError } from '../errors.js';
import { Param, Placeholder } from '../sql.js';
import { flattenFields, type SelectedItem, tableItems } from './fields.js';

const NO_ITEMS: readonly SelectedItem[] = Object.freeze([]);

/** The RETURNING selection: every column, or the given fields. */
export function returningItems(
  table: unknown,
  fields: Record<string, unknown> | true | undefined,
): readonly SelectedItem[] {
  if (fields === undefined) return NO_ITEMS;
  return fields === true ? tableItems(table) : flattenFields(fields);
}

/** The fields a CTE over a data-changing statement exposes: its RETURNING columns, none without RETURNING. */
export function returnedFields(table: unknown, fields: Record<string, unknown> | true | undefined) {
  return fields === true ? tableColumns(table) : (fields ?? {});
}

/** Leaves of a RETURNING list, or undefined without one. */
export function returningLeaves(items: readonly SelectedItem[], fields: unknown): readonly FieldLeaf[] | undefined {
  return fields === undefined ? undefined : items;
}

/** The column of `table` under property `key`. */
export function columnOf(table: unknown, key: string): Column {
  const col = tableColumns(table)[key];
  if (!(col instanceof Column)) {
    throw new MizzleError('invalid', `unknown column "${key}" for table "${tableRef(table)?.name ?? '?'}"`);
  }
  return col;
}

/**
 * The assignments of an update or upsert from a values object, in table order
 * as drizzle writes them: keys that name no column are ignored (request bodies
 * carry extra fields, and drizzle ignores them), `undefined` leaves a column
 * alone, and with `onUpdate` a column with `$onUpdate` that the object leaves
 * out gets its JS value.
 *
 * @example
 * updateSet(users, { name: 'ann', csrf: 'x' }, true); // { name: 'ann', updatedAt: <$onUpdate()> }
 */
export function updateSet(table: unknown, given: Record<string, unknown>, onUpdate: boolean): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  for (const [key, col] of columnEntries(table)) {
    const v = Object.hasOwn(given, key) ? given[key] : undefined;
    if (v !== undefined) set[key] = v;
    else if (onUpdate && col.onUpdateFn) set[key] = col.onUpdateFn();
  }
  return set;
}

/** A value for `col`: SQL stays SQL, anything else is bound through the column's encoder. */
export function encodeValue(e: Pick<Encoder, 'param' | 'expr' | 'value'>, col: Column, value: unknown): void {
  // `sql.placeholder('x')`: filled at execution, through the column's encoder.
  if (value instanceof Placeholder) {
    e.param(new Param(value, new PlaceholderWrite(col)));
  } else if (
    value !== null &&
    typeof value === 'object' &&
    !(value instanceof Date) &&
    !(value instanceof Uint8Array) &&
    'getSQL' in value
  ) {
    e.expr(value);
  } else if (value === null) {
    e.value(null);
  } else {
    checkValue(col, value);
    e.value(col.mapToDriverValue(value as never));
  }
}

/**
 * The encoder of a placeholder written to a column (`values({ at: sql.placeholder('at') })`): its value is
 * checked when the statement runs as a value written directly is, then mapped through the column as drizzle does.
 */
class PlaceholderWrite {
  constructor(private readonly column: Column) {}

  mapToDriverValue(value: unknown): unknown {
    checkValue(this.column, value);
    return this.column.mapToDriverValue(value as never);
  }
}

/** Refuses values that cannot be what the column's mode stores. */
function checkValue(col: Column, value: unknown): void {
  const bad = (want: string) => {
    throw new MizzleError('type', `column "${col.name}" expects ${want}, got ${describe(value)}`);
  };
  switch (col.dataType) {
    case 'date':
      if (!(value instanceof Date) || Number.isNaN(value.getTime())) bad('a valid Date');
      break;
    case 'boolean':
      if (typeof value !== 'boolean') bad('a boolean');
      break;
    case 'bigint':
      if (typeof value !== 'bigint') bad('a bigint');
      break;
    case 'number':
      if (typeof value !== 'number') bad('a number');
      break;
    case 'string':
      if (typeof value !== 'string') bad('a string');
      break;
    case 'buffer':
      if (!(value instanceof Uint8Array)) bad('a Uint8Array');
      break;
    default:
      break;
  }
}

function describe(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (v instanceof Date) return 'an invalid Date';
  return typeof v === 'object' ? (v?.constructor?.name ?? 'an object') : `${typeof v} ${String(v)}`;
}
