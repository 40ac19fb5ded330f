/**
 * The decode-plan interpreter for relational queries: the top level's
 * columns decode as a select's do; each relation column holds JSON (row
 * arrays, positional) whose fields decode with the JSON rules of their codec.
 */
import { Codec, codecDecoder, jsonCodecDecoder } from '../column-codec.js';
import { MizzleError } from '../errors.js';

/** What the decoder knows about one level, in the engine's field order. */
export interface LevelShape {
  readonly fields: readonly { readonly key: string; readonly custom?: ((v: unknown) => unknown) | undefined }[];
  readonly relations: readonly { readonly key: string; readonly many: boolean; readonly level: LevelShape }[];
}

type Decode = (v: unknown) => unknown;

/**
 * The row mapper of a relational query whose levels are `root` and whose
 * plan (field codecs in pre-order: a level's fields, then its relations'
 * levels) is `plan`.
 */
export function relationalMapper(
  root: LevelShape,
  plan: readonly number[],
): (row: readonly unknown[]) => Record<string, unknown> {
  let next = 0;
  const decoders = (level: LevelShape, forJson: boolean): Decode[] =>
    level.fields.map((f) => {
      const codec = plan[next++] ?? Codec.raw;
      if (codec === Codec.custom && f.custom) {
        const custom = f.custom;
        return (v) => (v == null ? v : custom(v));
      }
      return forJson ? jsonCodecDecoder(codec) : codecDecoder(codec);
    });

  const nested = (level: LevelShape): ((a: readonly unknown[]) => Record<string, unknown>) => {
    const dec = decoders(level, true);
    const rels = level.relations.map((r) => ({ key: r.key, many: r.many, map: nested(r.level) }));
    const keys = level.fields.map((f) => f.key);
    const n = keys.length;
    return (a) => {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < n; i++) out[keys[i]!] = dec[i]!(a[i] ?? null);
      for (let j = 0; j < rels.length; j++) out[rels[j]!.key] = related(rels[j]!, a[n + j]);
      return out;
    };
  };

  const topDecoders = decoders(root, false);
  const topKeys = root.fields.map((f) => f.key);
  const topRels = root.relations.map((r) => ({ key: r.key, many: r.many, map: nested(r.level) }));
  const n = topKeys.length;
  return (row) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) out[topKeys[i]!] = topDecoders[i]!(row[i] ?? null);
    for (let j = 0; j < topRels.length; j++) {
      const v = row[n + j];
      // SQLite and MySQL hand the JSON over as text; a PostgreSQL driver may have parsed it.
      out[topRels[j]!.key] = related(topRels[j]!, typeof v === 'string' ? parseJson(v, topRels[j]!.key) : v);
    }
    return out;
  };
}

function parseJson(text: string, key: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new MizzleError(
      'decode',
      `relation "${key}": the database returned invalid JSON (cut off by a server size limit?)`,
      { cause },
    );
  }
}

function related(
  rel: { key: string; many: boolean; map: (a: readonly unknown[]) => Record<string, unknown> },
  v: unknown,
): unknown {
  // Anything but arrays (and null) means the server cut or mangled the JSON: never guess.
  if (v != null && !Array.isArray(v)) {
    throw new MizzleError('decode', `relation "${rel.key}": expected JSON rows, got ${typeof v}`);
  }
  if (rel.many) return v == null ? [] : (v as readonly unknown[][]).map(rel.map);
  return v == null ? null : rel.map(v as readonly unknown[]);
}
