/**
 * PostgreSQL text forms <-> JS values for Neon's SQL over HTTP, which sends
 * every parameter and every result value as PostgreSQL text. Results are
 * decoded by type OID to the values the pg-core columns expect: int8 and
 * numeric stay text (the column's mode decides number, bigint or string),
 * timestamps stay text (the column's mode decides Date or string), json is
 * parsed, bytea becomes bytes, arrays become arrays.
 */
import { isoText, jsonText } from '../column-codec.js';
import { checkDepth, MizzleError } from '../errors.js';
import { makePgArray, parsePgArray, type PgArrayNested } from '../pg-core/array.js';

/** One decoder per OID family. */
type Decode = (text: string) => unknown;

const text: Decode = (t) => t;
const int: Decode = (t) => Number(t);
const float: Decode = (t) =>
  t === 'NaN' ? Number.NaN : t === 'Infinity' ? Infinity : t === '-Infinity' ? -Infinity : Number(t);
const bool: Decode = (t) => t === 't' || t === 'true';
const json: Decode = (t) => JSON.parse(t);

/** bytea's hex output form `\x0aff`. */
function bytea(t: string): Uint8Array {
  if (!t.startsWith('\\x')) throw new MizzleError('decode', `bytea value not in hex form: ${t.slice(0, 20)}`);
  const out = new Uint8Array((t.length - 2) >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(t.substr(2 + i * 2, 2), 16);
  return out;
}

const SCALARS: Record<number, Decode> = {
  16: bool,
  17: bytea,
  20: text, // int8: the column's mode decides
  21: int,
  23: int,
  26: int,
  114: json,
  700: float,
  701: float,
  1700: text, // numeric
  3802: json,
};

/** Array OID -> element OID. */
const ARRAYS: Record<number, number> = {
  1000: 16,
  1001: 17,
  1005: 21,
  1007: 23,
  1016: 20,
  1028: 26,
  199: 114,
  1021: 700,
  1022: 701,
  1231: 1700,
  3807: 3802,
  1009: 25,
  1014: 1042,
  1015: 1043,
  1002: 18,
  1003: 19,
  2951: 2950,
  1115: 1114,
  1185: 1184,
  1182: 1082,
  1183: 1083,
  1270: 1266,
  1187: 1186,
};

/**
 * The decoder of a result column with type `oid` (unknown OIDs, enums and
 * every text-like type give the text itself).
 *
 * @example
 * decoderForOid(16)('t'); // true
 */
export function decoderForOid(oid: number): Decode {
  const scalar = SCALARS[oid];
  if (scalar) return scalar;
  const element = ARRAYS[oid];
  if (element !== undefined) {
    const inner = SCALARS[element] ?? text;
    return (t) => mapElements(parsePgArray(t), inner);
  }
  return text;
}

/** `decode` applied to every element of nested arrays of element text (NULLs stay null). */
function mapElements(items: PgArrayNested, decode: Decode): unknown[] {
  return items.map((x) => (x === null ? null : Array.isArray(x) ? mapElements(x, decode) : decode(x)));
}

/**
 * A Date as PostgreSQL reads it: ISO for years 1-9999; beyond, the year written out without the sign
 * `toISOString` puts on six-digit years (which PostgreSQL refuses), and years up to 0 as BC (JS's year 0 is
 * 1 BC), as PostgreSQL prints them.
 */
function pgDateText(d: Date): string {
  const iso = isoText(d);
  const year = d.getUTCFullYear();
  if (year >= 1 && year <= 9999) return iso;
  // iso is `±YYYYYY-MM-DDTHH:mm:ss.sssZ` (or `0000-...` for year 0): keep from the month on.
  const rest = iso.slice(iso.indexOf('-', 1)).replace('Z', '+00:00');
  return year >= 1 ? `${year}${rest}` : `${String(1 - year).padStart(4, '0')}${rest} BC`;
}

/** A JS value as a PostgreSQL text parameter (or null). */
export function encodeParam(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
      return Number.isNaN(v) ? 'NaN' : v === Infinity ? 'Infinity' : v === -Infinity ? '-Infinity' : String(v);
    case 'bigint':
      return String(v);
    case 'boolean':
      return v ? 'true' : 'false';
  }
  if (v instanceof Date) return pgDateText(v);
  if (v instanceof Uint8Array) {
    let hex = '\\x';
    for (const b of v) hex += (b < 16 ? '0' : '') + b.toString(16);
    return hex;
  }
  if (Array.isArray(v)) return makePgArray(v.map((x) => elementText(x, 1)));
  return jsonText(v);
}

/**
 * Array elements in the text form `makePgArray` writes (dates, bytes and objects as parameters are); the
 * depth is counted so that a cyclic or 10,000-deep array is `too_deep`, not a stack overflow.
 */
function elementText(x: unknown, depth: number): unknown {
  checkDepth(depth);
  return Array.isArray(x)
    ? x.map((y) => elementText(y, depth + 1))
    : x === null || x === undefined
      ? null
      : encodeParam(x);
}
