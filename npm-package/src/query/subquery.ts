/**
 * Subqueries (`qb.as('sq')`) and CTEs (`db.$with('sq').as(qb)`): objects
 * usable in FROM and joins whose fields refer to the subquery's alias.
 */
import { Column } from '../column.js';
import type { Encoder } from '../engine/encoder.js';
import { SubqueryKey, type SubqueryInfo } from '../engine/table-ref.js';
import { SQL } from '../sql.js';

/** A field of a subquery: a column copy qualified by the subquery's alias. */
function fieldRef(owner: object, name: string, source: unknown): unknown {
  if (source instanceof Column) {
    return Object.create(source, { table: { value: owner }, name: { value: name } });
  }
  if (source instanceof SQL.Aliased || source instanceof SQL) {
    const s = source instanceof SQL ? source : source.sql;
    // Referenced by its output name; decoded as the fragment was.
    return Object.create(Column.prototype, {
      table: { value: owner },
      name: { value: name },
      codec: { value: s.decoder ? 10 : (s.codec ?? 0) },
      mapFromDriverValue: { value: (v: unknown) => (s.decoder ? (typeof s.decoder === 'function' ? s.decoder(v) : s.decoder.mapFromDriverValue(v)) : v) },
      mapToDriverValue: { value: (v: unknown) => v },
    }) as Column;
  }
  if (source && typeof source === 'object') {
    const nested: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(source)) nested[k] = fieldRef(owner, v instanceof SQL.Aliased ? v.fieldAlias : v instanceof Column ? v.name : k, v);
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
    refs[key] = fieldRef(owner, outputName, value);
  }
  const info: SubqueryInfo = { name: alias, alias, fields: refs, encodeQuery, isWith };
  owner[SubqueryKey] = info;
  Object.assign(owner, refs);
  return owner as TFields & { readonly [SubqueryKey]: SubqueryInfo };
}
