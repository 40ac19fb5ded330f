/**
 * Codec ids of the engine's decode plan (see wasm/README.md, "Codecs") and the
 * JS <-> driver conversions per column type. The conversions live here rather
 * than in per-mode column classes so one `Column` class serves every mode and
 * the decode-plan interpreter can share them.
 */

/**
 * The decode-plan codec ids, one per result column (generated from
 * core/src/codec.rs, which documents each).
 *
 * @example
 * if (plan[i] === Codec.custom) value = column.mapFromDriverValue(value);
 */
import { Codec } from './engine/wire.generated.js';
import { MizzleError } from './errors.js';

export { Codec };

/** One of the {@link Codec} ids. */
export type CodecId = Codec;

/**
 * Drizzle's `columnType` names for the SQLite columns mizzle builds; the
 * conversions below dispatch on them.
 */
export type SQLiteColumnType =
  | 'SQLiteInteger'
  | 'SQLiteBoolean'
  | 'SQLiteTimestamp'
  | 'SQLiteText'
  | 'SQLiteTextJson'
  | 'SQLiteReal'
  | 'SQLiteNumeric'
  | 'SQLiteNumericNumber'
  | 'SQLiteNumericBigInt'
  | 'SQLiteBlobBuffer'
  | 'SQLiteBlobJson'
  | 'SQLiteBigInt'
  | 'SQLiteCustomColumn';

// One shared instance each: constructing them per value costs more than the work.
const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder();

/**
 * Normalises the shapes hosts hand back for a BLOB (Uint8Array or Node Buffer
 * from embedded SQLite, ArrayBuffer or number[] from D1) into a Uint8Array.
 *
 * @example
 * toBytes([104, 105]); // Uint8Array [104, 105]
 */
export function toBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (Array.isArray(value)) return Uint8Array.from(value as number[]);
  throw new MizzleError('decode', `expected a BLOB value, got ${typeof value}`);
}

/** Text of a value that is either a string or UTF-8 bytes. */
function toText(value: unknown): string {
  return typeof value === 'string' ? value : utf8Decoder.decode(toBytes(value));
}

/**
 * JS value -> driver value for a built-in column type (SQLite's, and the
 * JSON columns of every dialect). `null` and `undefined` pass through: they
 * mean NULL / "not given", never a value. `column` names the column in errors.
 *
 * @example
 * encodeForColumn('SQLiteBoolean', Codec.boolean, true, 'active'); // 1
 */
export function encodeForColumn(columnType: string, codec: number, value: unknown, column: string): unknown {
  if (value === null || value === undefined) return value;
  switch (columnType) {
    case 'SQLiteBoolean':
      return value ? 1 : 0;
    case 'SQLiteTimestamp':
      if (!(value instanceof Date)) return value;
      // Seconds mode floors like drizzle so a Date always maps to one integer.
      return codec === Codec.timestamp ? Math.floor(value.getTime() / 1000) : value.getTime();
    case 'SQLiteTextJson':
    case 'PgJson':
    case 'PgJsonb':
    case 'MySqlJson':
      return jsonText(value, column);
    case 'SQLiteNumericNumber':
    case 'SQLiteNumericBigInt':
      // Bound as text so bigints keep every digit and numbers keep drizzle's form.
      return String(value);
    case 'SQLiteBlobJson':
      return utf8Encoder.encode(jsonText(value, column));
    case 'SQLiteBigInt':
      return utf8Encoder.encode(String(value));
    default:
      return value;
  }
}

/** A Date as ISO text for drivers that send text; an invalid Date is a typed error, not `toISOString`'s RangeError. */
export function isoText(d: Date): string {
  if (Number.isNaN(d.getTime())) throw new MizzleError('type', 'an invalid Date cannot be bound as a value');
  return d.toISOString();
}

/**
 * The JSON text of a JSON column's value (or of an object bound as a
 * parameter); a value JSON cannot hold (a bigint, a cycle) is a typed error
 * naming the column, not JSON.stringify's TypeError.
 *
 * @example
 * jsonText({ a: 1 }, 'meta'); // '{"a":1}'
 */
export function jsonText(value: unknown, column?: string): string {
  try {
    return JSON.stringify(value);
  } catch (e) {
    const what = column === undefined ? 'a parameter' : `column "${column}"`;
    throw new MizzleError('invalid', `${what}: a value JSON cannot hold (${(e as Error).message})`, { cause: e });
  }
}

/** JSON.parse for a column's stored text: text that is not JSON is a typed `decode` error. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new MizzleError('decode', `a JSON column holds text that is not JSON: ${text.slice(0, 40)}`, { cause: e });
  }
}

/** A stored 64-bit integer as a bigint: anything but integer text is a typed `decode` error. */
function parseBigInt(v: number | string): bigint {
  try {
    return BigInt(v);
  } catch (e) {
    throw new MizzleError('decode', `a bigint column holds ${String(v).slice(0, 40)}, not an integer`, { cause: e });
  }
}

/**
 * Refuses a comparison operand (`eq(col, v)`, `inArray`, `between`...) that
 * cannot be what `column`'s mode holds, as writes do: a non-Date for a date
 * mode (drizzle's encoder throws a TypeError there), a string or object for a
 * boolean mode, a non-integer for a bigint mode. Numbers stay accepted for
 * booleans (drizzle binds `v ? 1 : 0`) and integer numbers and text for
 * bigints (drizzle binds their text), so JS code written for drizzle keeps
 * working; other modes bind what they are given, as drizzle does
 * (tests/conformance/DIFFERENCES.md).
 *
 * @example
 * checkOperand(users.createdAt, 'yesterday'); // MizzleError('type')
 */
export function checkOperand(column: { readonly name: string; readonly dataType: string }, value: unknown): void {
  let want: string;
  switch (column.dataType) {
    case 'date':
      if (value instanceof Date && !Number.isNaN(value.getTime())) return;
      want = 'a valid Date';
      break;
    case 'boolean':
      if (typeof value === 'boolean' || typeof value === 'number') return;
      want = 'a boolean';
      break;
    case 'bigint':
      if (
        typeof value === 'bigint' ||
        Number.isSafeInteger(value) ||
        (typeof value === 'string' && /^-?\d+$/.test(value))
      )
        return;
      want = 'a bigint';
      break;
    default:
      return;
  }
  const got =
    value instanceof Date
      ? 'an invalid Date'
      : typeof value === 'object'
        ? (value?.constructor?.name ?? 'an object')
        : `${typeof value} ${String(value)}`;
  throw new MizzleError('type', `column "${column.name}" expects ${want}, got ${got}`);
}

/**
 * `value` through `encoder` for a placeholder filled at execution or a bound `Param`, checked first (unless
 * null) as a comparison operand ({@link checkOperand}) when the encoder is a column of a checked mode: a
 * placeholder's value is refused as the same value written in its place would be.
 *
 * @example
 * encodeChecked(users.createdAt, 'yesterday'); // MizzleError('type')
 */
export function encodeChecked(encoder: { mapToDriverValue(v: unknown): unknown }, value: unknown): unknown {
  const mode = (encoder as { dataType?: unknown }).dataType;
  if (value != null && (mode === 'date' || mode === 'boolean' || mode === 'bigint')) {
    checkOperand(encoder as never, value);
  }
  return encoder.mapToDriverValue(value);
}

/**
 * The encoder of a placeholder compared with a column of a checked mode (`eq(t.ts, sql.placeholder('x'))`):
 * the value is checked when the statement runs, as a direct operand is, and bound as given, as drizzle binds
 * it (drizzle maps a placeholder through the column only in writes). So a date mode also takes a number, the
 * stored form that drizzle code passes (tests/conformance/DIFFERENCES.md).
 *
 * @example
 * bindIfParam(sql.placeholder('x'), users.createdAt); // Param(placeholder, new PlaceholderOperand(users.createdAt))
 */
export class PlaceholderOperand {
  constructor(readonly column: { readonly name: string; readonly dataType: string }) {}

  mapToDriverValue(value: unknown): unknown {
    if (!(typeof value === 'number' && Number.isFinite(value) && this.column.dataType === 'date')) {
      checkOperand(this.column, value);
    }
    return value;
  }
}

/**
 * One driver value decoded by `codec`, null-safe. This is the one table of
 * decoding rules: the decode-plan interpreter and `Column.mapFromDriverValue`
 * both use it. Values the embedded engine already decoded (booleans, Dates)
 * pass through. A switch, not a closure per codec: the row mapper calls it once
 * per cell, and one call site with one target is what V8 inlines.
 *
 * @example
 * decodeCodec(Codec.timestamp, 1700000000); // Date
 */
export function decodeCodec(codec: number, v: unknown): unknown {
  if (v == null) return v;
  switch (codec) {
    case Codec.number:
    case Codec.count:
      return typeof v === 'number' ? v : Number(v);
    case Codec.boolean:
      return typeof v === 'boolean' ? v : Number(v) === 1;
    case Codec.timestamp:
      return v instanceof Date ? v : new Date(Number(v) * 1000);
    case Codec.timestampMs:
      return v instanceof Date ? v : new Date(Number(v));
    case Codec.json:
      return typeof v === 'string' ? parseJson(v) : v;
    case Codec.bigint:
      return typeof v === 'bigint' ? v : parseBigInt(typeof v === 'number' ? v : toText(v));
    case Codec.bytes:
      return toBytes(v);
    case Codec.jsonBlob:
      return parseJson(toText(v));
    case Codec.text:
    case Codec.stringNumber:
    case Codec.temporalText:
      return typeof v === 'string' ? v : String(v);
    case Codec.dateText:
      return v instanceof Date ? v : parseTimestampText(String(v));
    case Codec.dateOnly:
      return v instanceof Date ? v : parseDateText(String(v));
    default:
      return v;
  }
}

/**
 * {@link decodeCodec} for one codec, as a function.
 *
 * @example
 * codecDecoder(Codec.timestamp)(1700000000); // Date
 */
export function codecDecoder(codec: number): (value: unknown) => unknown {
  return (v) => decodeCodec(codec, v);
}

/**
 * A date in text form (`2024-01-02`, years past 9999 too) as a Date at UTC
 * midnight; BC dates, `infinity` and MySQL's zero dates give an invalid Date.
 *
 * @example
 * parseDateText('2024-01-02'); // 2024-01-02T00:00:00.000Z
 */
export function parseDateText(text: string): Date {
  return parseTimestampText(`${text.trim()} 00:00:00`);
}

/**
 * A PostgreSQL or MySQL timestamp in text form as a Date: `2024-01-02
 * 03:04:05.123456+05:30` (or `T` between date and time, as JSON functions
 * write it; offsets `+05`, `+0530`, `+05:30`; none means UTC). Digits past
 * milliseconds are dropped; `infinity` and BC dates give an invalid Date.
 *
 * @example
 * parseTimestampText('2024-01-02 03:04:05.5+01'); // 2024-01-02T02:04:05.500Z
 */
export function parseTimestampText(text: string): Date {
  const m =
    /^(\d{4,})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(?:\.(\d+))?(?:(Z)|([+-])(\d\d)(?::?(\d\d))?(?::?(\d\d))?)?$/.exec(
      text.trim(),
    );
  // MySQL's zero dates (`0000-00-00`, a month or day of 00) are not dates.
  if (!m || m[2] === '00' || m[3] === '00') return new Date(Number.NaN);
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  let t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), ms);
  // Date.UTC reads years 0..99 as 1900..1999.
  if (Number(m[1]) < 100) t = new Date(t).setUTCFullYear(Number(m[1]));
  if (m[9]) {
    const offset = (Number(m[10]) * 3600 + Number(m[11] ?? 0) * 60 + Number(m[12] ?? 0)) * 1000;
    t -= m[9] === '+' ? offset : -offset;
  }
  return new Date(t);
}

/** Bytes of a hexadecimal string (how blobs travel inside JSON rows). */
function hexBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(i * 2, 2), 16);
  return out;
}

/**
 * The decoder of one codec for a value read from a nested JSON row of a
 * relational query (wasm/README.md: how each codec travels in JSON). JSON
 * documents arrive already embedded, 64-bit integers and decimals as text,
 * blobs as hex; the rest as {@link codecDecoder} reads them.
 *
 * @example
 * jsonCodecDecoder(Codec.bytes)('00ff'); // Uint8Array [0, 255]
 */
export function jsonCodecDecoder(codec: number): (value: unknown) => unknown {
  switch (codec) {
    case Codec.json:
    case Codec.jsonBlob:
    case Codec.jsonValue:
      return (v) => v;
    case Codec.bytes:
      return (v) => (v == null ? v : typeof v === 'string' ? hexBytes(v) : toBytes(v));
    default:
      return codecDecoder(codec);
  }
}
