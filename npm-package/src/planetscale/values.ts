/**
 * PlanetScale's HTTP API values: results arrive per row as one base64 string
 * of the columns' raw MySQL text (or bytes) plus their lengths, decoded here
 * by field type to the values the mysql-core columns expect; parameters are
 * encoded for the engine's `interpolate` (wasm/README.md), which writes them
 * into the SQL with the core's one escaping routine.
 */

/** A PlanetScale result field. */
export interface PlanetScaleField {
  name: string;
  /** Vitess type name (`INT64`, `VARCHAR`...); missing for the NULL type. */
  type?: string;
  charset?: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
/** MySQL's `binary` character set: the one charset whose values are bytes. */
const BINARY_CHARSET = 63;
import { isoText, jsonText } from '../column-codec.js';
import { ValueTag } from '../engine/wire.generated.js';

const enc = new TextEncoder();

/** base64 -> bytes (atob exists in every runtime mizzle targets). */
function fromBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

type Decode = (bytes: Uint8Array) => unknown;
const asText: Decode = (b) => utf8.decode(b);
const asNumber: Decode = (b) => Number(utf8.decode(b));
const asBytes: Decode = (b) => b.slice();
const asJson: Decode = (b) => JSON.parse(utf8.decode(b));

/**
 * The decoder of a field: numbers up to 32 bits as numbers, 64-bit and
 * decimals as text, JSON parsed, binary as bytes.
 */
export function decoderForField(f: PlanetScaleField): Decode | undefined {
  switch (f.type) {
    case undefined:
    case 'NULL_TYPE':
      return undefined;
    case 'INT8':
    case 'INT16':
    case 'INT24':
    case 'INT32':
    case 'UINT8':
    case 'UINT16':
    case 'UINT24':
    case 'UINT32':
    case 'YEAR':
    case 'FLOAT32':
    case 'FLOAT64':
      return asNumber;
    case 'JSON':
      return asJson;
    case 'BINARY':
    case 'VARBINARY':
    case 'BLOB':
    case 'BIT':
    case 'GEOMETRY':
      // Vitess names text with a binary collation (utf8mb4_bin columns, json_unquote on MySQL 8) VARBINARY or
      // BLOB from MySQL's BINARY flag but keeps its text charset: as in @planetscale/database, the charset
      // decides. A field without a charset makes no text claim, so a binary type name keeps it bytes.
      return f.charset === undefined || f.charset === 0 || f.charset === BINARY_CHARSET ? asBytes : asText;
    case 'INT64':
    case 'UINT64':
    case 'DECIMAL':
    case 'DATE':
    case 'TIME':
    case 'DATETIME':
    case 'TIMESTAMP':
      // 64-bit integers, decimals, dates and times: the text (the column decides), whatever the charset (63).
      return asText;
    default:
      // Text, enums, sets, expressions: the text, unless the charset is binary.
      return f.charset === BINARY_CHARSET ? asBytes : asText;
  }
}

/** The rows of a result: `lengths` (-1 = NULL) cut each row's decoded `values`. */
export function decodeRows(
  fields: readonly PlanetScaleField[],
  rows: readonly { lengths?: string[]; values?: string }[],
): unknown[][] {
  const decoders = fields.map(decoderForField);
  return rows.map((row) => {
    const lengths = row.lengths ?? [];
    const bytes = row.values ? fromBase64(row.values) : new Uint8Array(0);
    const out = new Array<unknown>(fields.length);
    let at = 0;
    for (let i = 0; i < fields.length; i++) {
      const n = Number(lengths[i] ?? -1);
      if (n < 0) {
        out[i] = null;
        continue;
      }
      if (at + n > bytes.length) throw new RangeError(`row values shorter than their lengths (${bytes.length} bytes)`);
      const d = decoders[i];
      const cell = bytes.subarray(at, at + n);
      out[i] = d ? d(cell) : null;
      at += n;
    }
    if (at !== bytes.length)
      throw new RangeError(`row values longer than their lengths (${bytes.length} bytes, ${at} used)`);
    return out;
  });
}

/** MySQL's DATETIME text of a Date, in UTC with milliseconds. */
function mysqlDateTime(d: Date): string {
  return isoText(d).replace('T', ' ').replace('Z', '');
}

/**
 * The values buffer of `interpolate` (`ValueTag`s): null, a safe integer as
 * number, a bigint as i64, text, bytes, a float or a big bigint as decimal
 * text (JS formats floats: the engine's Workers build has no float
 * formatting), boolean.
 */
export function encodeValues(values: readonly unknown[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  const push = (p: Uint8Array) => {
    parts.push(p);
    size += p.length;
  };
  const withLength = (tag: number, body: Uint8Array) => {
    const head = new Uint8Array(5);
    head[0] = tag;
    new DataView(head.buffer).setUint32(1, body.length, true);
    push(head);
    push(body);
  };
  const eight = (tag: number, write: (view: DataView) => void) => {
    const b = new Uint8Array(9);
    b[0] = tag;
    write(new DataView(b.buffer, 1));
    push(b);
  };
  for (const v of values) {
    if (v === null || v === undefined) push(Uint8Array.of(ValueTag.null));
    else if (typeof v === 'boolean') push(Uint8Array.of(ValueTag.bool, v ? 1 : 0));
    else if (typeof v === 'number') {
      if (Number.isSafeInteger(v)) eight(ValueTag.number, (d) => d.setFloat64(0, v, true));
      else withLength(ValueTag.decimal, enc.encode(String(v)));
    } else if (typeof v === 'bigint') {
      if (v >= -(2n ** 63n) && v < 2n ** 63n) eight(ValueTag.bigInt, (d) => d.setBigInt64(0, v, true));
      else withLength(ValueTag.decimal, enc.encode(String(v)));
    } else if (typeof v === 'string') withLength(ValueTag.text, enc.encode(v));
    else if (v instanceof Uint8Array) withLength(ValueTag.blob, v);
    else if (v instanceof Date) withLength(ValueTag.text, enc.encode(mysqlDateTime(v)));
    else withLength(ValueTag.text, enc.encode(jsonText(v)));
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
