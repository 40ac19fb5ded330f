/**
 * Subqueries (`qb.as('sq')`) and CTEs (`db.$with('sq').as(qb)`): objects
 * usable in FROM and joins whose fields refer to the subquery's alias.
 */
import { Column } from '../column.js';
import type { Encoder } from '../engine/encoder.js';
import { checkDepth } from '../errors.js';
import { SubqueryKey, type SubqueryInfo } from '../engine/table-ref.js';
import { SQL } from '../sql.js';
import { Codec } from '../column-codec.js';
import { decoderOf } from './fields.js';

/**
 * Per column: a copy of it that subquery fields inherit from. Not the column
 * itself: V8 gives an object used as a prototype a map of its own, and every
 * read of a column's fields (by all query building) would then see one map per
 * such column. Not a full copy per field either: that cost a CTE built per
 * query twice its time (BENCHMARKS.md, compile).
 */
const fieldTemplates = new WeakMap<Column, Column>();

function templateOf(column: Column): Column {
  let t = fieldTemplates.get(column);
  if (t === undefined) {
    t = Object.assign(Object.create(Object.getPrototypeOf(column) as object) as Column, column);
    fieldTemplates.set(column, t);
  }
  return t;
}

/** A field of a subquery: the column as seen through the subquery (its alias and output name), `depth` deep. */
function fieldRef(owner: object, name: string, source: unknown, depth: number): unknown {
  if (source instanceof Column) {
    const ref = Object.create(templateOf(source)) as { table: object; name: string };
    ref.table = owner;
    ref.name = name;
    return ref;
  }
  if (source instanceof SQL.Aliased || source instanceof SQL) {
    const s = source instanceof SQL ? source : source.sql;
    const decode = decoderOf(s);
    // Referenced by its output name; decoded as the fragment was.
    return Object.assign(Object.create(Column.prototype) as Column, {
      table: owner,
      name,
      codec: decode ? Codec.custom : (s.codec ?? Codec.raw),
      mapFromDriverValue: (v: unknown) => (decode ? decode(v) : v),
      mapToDriverValue: (v: unknown) => v,
    });
  }
  if (source && typeof source === 'object') {
    // A cyclic selection object is `too_deep`, not a stack overflow.
    checkDepth(depth);
    const nested: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(source)) {
      const outputName = v instanceof SQL.Aliased ? v.fieldAlias : v instanceof Column ? v.name : k;
      nested[k] = fieldRef(owner, outputName, v, depth + 1);
    }
    return nested;
  }
  return source;
}

/** Builds the subquery object: `{ [SubqueryKey]: info, ...fields }`. */
export function makeSubquery<TFields extends Record<string, unknown>>(
  alias: string,
  fields: TFields,
  encodeQuery: (e: Encoder) => void,
  isWith: boolean,
): TFields & { readonly [SubqueryKey]: SubqueryInfo } {
  const owner: Record<string | symbol, unknown> = {};
  const refs: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    const outputName = value instanceof SQL.Aliased ? value.fieldAlias : value instanceof Column ? value.name : key;
    refs[key] = fieldRef(owner, outputName, value, 1);
  }
  const info: SubqueryInfo = { name: alias, alias, fields: refs, encodeQuery, isWith };
  owner[SubqueryKey] = info;
  Object.assign(owner, refs);
  return owner as TFields & { readonly [SubqueryKey]: SubqueryInfo };
}
