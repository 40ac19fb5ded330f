/**
 * The two buffers of the embedded database's crossing (wasm/README.md):
 * parameters JS -> wasm, rows wasm -> JS, one copy each way.
 */
import { MizzleError } from '../errors.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Encodes bound values; a value no SQLite type holds is a typed error before anything runs. */
export function encodeParams(values: readonly unknown[]): Uint8Array {
  let size = 4;
  for (const v of values) size += typeof v === 'string' ? 5 + v.length * 3 : v instanceof Uint8Array ? 5 + v.length : 9;
  const buf = new Uint8Array(size);
  const view = new DataView(buf.buffer);
  let at = 0;
  for (const v of values) {
    if (v === null || v === undefined) {
      buf[at++] = 0;
    } else if (typeof v === 'number') {
      if (Number.isSafeInteger(v)) {
        buf[at++] = 1;
        view.setBigInt64(at, BigInt(v), true);
      } else {
        buf[at++] = 2;
        view.setFloat64(at, v, true);
      }
      at += 8;
    } else if (typeof v === 'bigint') {
      if (v > 0x7fffffffffffffffn || v < -0x8000000000000000n) {
        throw new MizzleError('type', `bigint ${v} does not fit SQLite's 64-bit integers`);
      }
      buf[at++] = 1;
      view.setBigInt64(at, v, true);
      at += 8;
    } else if (typeof v === 'boolean') {
      buf[at++] = 1;
      view.setBigInt64(at, v ? 1n : 0n, true);
      at += 8;
    } else if (typeof v === 'string') {
      buf[at++] = 3;
      const { written } = encoder.encodeInto(v, buf.subarray(at + 4));
      view.setUint32(at, written, true);
      at += 4 + written;
    } else if (v instanceof Uint8Array || v instanceof ArrayBuffer) {
      const bytes = v instanceof Uint8Array ? v : new Uint8Array(v);
      buf[at++] = 4;
      view.setUint32(at, bytes.length, true);
      buf.set(bytes, at + 4);
      at += 4 + bytes.length;
    } else {
      throw new MizzleError('type', `cannot bind a ${v instanceof Date ? 'Date' : typeof v} to SQLite: map it through a column or convert it first`);
    }
  }
  return buf.subarray(0, at);
}

/** Decoded rows: column names and positional values. */
export interface Rows {
  readonly columns: string[];
  readonly rows: unknown[][];
}

/** Decodes the rows buffer. */
export function decodeRows(buf: Uint8Array): Rows {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let at = 0;
  const u32 = () => {
    const n = view.getUint32(at, true);
    at += 4;
    return n;
  };
  const text = () => {
    const n = u32();
    const s = decoder.decode(buf.subarray(at, at + n));
    at += n;
    return s;
  };
  const nCols = u32();
  const columns: string[] = [];
  for (let i = 0; i < nCols; i++) columns.push(text());
  const nRows = u32();
  const rows: unknown[][] = new Array(nRows);
  for (let r = 0; r < nRows; r++) {
    const row = new Array<unknown>(nCols);
    for (let c = 0; c < nCols; c++) {
      const tag = buf[at++];
      switch (tag) {
        case 0:
          row[c] = null;
          break;
        case 1:
        case 2:
          row[c] = view.getFloat64(at, true);
          at += 8;
          break;
        case 3:
          row[c] = text();
          break;
        case 4: {
          const n = u32();
          row[c] = buf.slice(at, at + n);
          at += n;
          break;
        }
        case 5:
          row[c] = view.getBigInt64(at, true);
          at += 8;
          break;
        case 6:
          row[c] = buf[at++] !== 0;
          break;
        case 7:
          row[c] = new Date(view.getFloat64(at, true));
          at += 8;
          break;
        default:
          throw new MizzleError('protocol', `unknown value tag ${tag} in the rows buffer`);
      }
    }
    rows[r] = row;
  }
  return { columns, rows };
}
