/**
 * The decode-plan interpreter: the engine gives one codec per result column;
 * this turns positional driver rows into the objects drizzle users expect.
 * One switch decodes each cell (`decodeCodec`); Workers forbid generated code,
 * so a mapper is a loop over its fields, not a compiled function.
 */
import { Codec, decodeCodec } from '../column-codec.js';

/** One selected leaf: where it goes in the result object and how to decode it. */
export interface FieldLeaf {
  /** Key path in the result object (`['users', 'id']` for joined selects). */
  readonly path: readonly string[];
  /** Decoder for codec 10 (the column's or the SQL fragment's own). */
  readonly custom?: (v: unknown) => unknown;
  /** Table whose columns become `null` as a whole when a left join misses. */
  readonly nullableTable?: string;
}

/** A compiled shape that remembers the row mapper it last built (see {@link shapeRowMapper}). */
interface MapperSlot {
  readonly plan: readonly number[];
  lastMapper?: {
    readonly fields: readonly FieldLeaf[];
    readonly map: (row: readonly unknown[]) => Record<string, unknown>;
  };
}

/**
 * {@link rowMapper} for a compiled shape, reused while the same `fields`
 * come with it (a select of a whole table: its fields are flattened once):
 * a repeated query then builds no decoders. One slot per shape, no map.
 */
export function shapeRowMapper(
  compiled: MapperSlot,
  fields: readonly FieldLeaf[],
): (row: readonly unknown[]) => Record<string, unknown> {
  const last = compiled.lastMapper;
  if (last !== undefined && last.fields === fields) return last.map;
  const map = rowMapper(fields, compiled.plan);
  compiled.lastMapper = { fields, map };
  return map;
}

/** Builds the row mapper for `fields` under the engine's `plan`. */
export function rowMapper(
  fields: readonly FieldLeaf[],
  plan: readonly number[],
): (row: readonly unknown[]) => Record<string, unknown> {
  const n = fields.length;
  const codecs = fields.map((_, i) => plan[i] ?? Codec.raw);
  // Codec `custom`: the column's or the fragment's own decoder (none: the value as is).
  const customs = fields.map((f) => f.custom);
  const decode = (i: number, v: unknown): unknown => {
    const c = codecs[i]!;
    if (c !== Codec.custom) return decodeCodec(c, v);
    const custom = customs[i];
    return custom === undefined || v == null ? v : custom(v);
  };
  if (fields.every((f) => f.path.length === 1)) {
    const keys = fields.map((f) => f.path[0]!);
    // Rows start as copies of one object with every key (one shape, no property
    // additions), and a key such as `__proto__` is an own property like any other.
    const template = Object.fromEntries(keys.map((k) => [k, null]));
    return (row) => {
      const out: Record<string, unknown> = { ...template };
      for (let i = 0; i < n; i++) out[keys[i]!] = decode(i, row[i] ?? null);
      return out;
    };
  }
  // Nested: groups under a top-level key that belong to a left-joined table
  // become null when every one of their columns is null.
  const nullGroups = new Map<string, number[]>();
  fields.forEach((f, i) => {
    if (f.path.length > 1 && f.nullableTable !== undefined) {
      const top = f.path[0]!;
      const list = nullGroups.get(top) ?? [];
      list.push(i);
      nullGroups.set(top, list);
    }
  });
  return (row) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) {
      const path = fields[i]!.path;
      let obj = out;
      for (let d = 0; d < path.length - 1; d++) {
        const k = path[d]!;
        let next = obj[k] as Record<string, unknown> | undefined;
        if (next === undefined) {
          next = {};
          obj[k] = next;
        }
        obj = next;
      }
      obj[path[path.length - 1]!] = decode(i, row[i] ?? null);
    }
    for (const [top, idx] of nullGroups) {
      if (idx.every((i) => row[i] == null)) out[top] = null;
    }
    return out;
  };
}
