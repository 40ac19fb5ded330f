/**
 * The two buffers of the embedded database's crossing (wasm/README.md):
 * parameters JS -> wasm, rows wasm -> JS, one copy each way.
 */
import { ValueTag } from '../engine/wire.generated.js';
import { MizzleError } from '../errors.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Bytes bound as a blob: a Uint8Array (Node's Buffer too), an ArrayBuffer or any other typed array or DataView. */
function isBytes(v: unknown): v is ArrayBuffer | ArrayBufferView {
  return v instanceof ArrayBuffer || ArrayBuffer.isView(v);
}

/**
 * Encodes bound values (`ValueTag`s: null, number, float, bigint, bool, text,
 * blob); a value no SQLite type holds is a typed error before anything runs.
 */
export function encodeParams(values: readonly unknown[]): Uint8Array {
  let size = 4;
  // The same test as the writing loop's: a blob budgeted as 9 bytes overran the buffer (a RangeError).
  for (const v of values) size += typeof v === 'string' ? 5 + v.length * 3 : isBytes(v) ? 5 + v.byteLength : 9;
  const buf = new Uint8Array(size);
  const view = new DataView(buf.buffer);
  let at = 0;
  for (const v of values) {
    if (v === null || v === undefined) {
      buf[at++] = ValueTag.null;
    } else if (typeof v === 'number') {
      buf[at++] = Number.isSafeInteger(v) ? ValueTag.number : ValueTag.float;
      view.setFloat64(at, v, true);
      at += 8;
    } else if (typeof v === 'bigint') {
      if (v > 0x7fffffffffffffffn || v < -0x8000000000000000n) {
        throw new MizzleError('type', `bigint ${v} does not fit SQLite's 64-bit integers`);
      }
      buf[at++] = ValueTag.bigInt;
      view.setBigInt64(at, v, true);
      at += 8;
    } else if (typeof v === 'boolean') {
      buf[at++] = ValueTag.bool;
      buf[at++] = v ? 1 : 0;
    } else if (typeof v === 'string') {
      buf[at++] = ValueTag.text;
      const { written } = encoder.encodeInto(v, buf.subarray(at + 4));
      view.setUint32(at, written, true);
      at += 4 + written;
    } else if (isBytes(v)) {
      const bytes =
        v instanceof Uint8Array
          ? v
          : v instanceof ArrayBuffer
            ? new Uint8Array(v)
            : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
      buf[at++] = ValueTag.blob;
      view.setUint32(at, bytes.length, true);
      buf.set(bytes, at + 4);
      at += 4 + bytes.length;
    } else {
      throw new MizzleError(
        'type',
        `cannot bind a ${v instanceof Date ? 'Date' : typeof v} to SQLite: map it through a column or convert it first`,
      );
    }
  }
  return buf.subarray(0, at);
}

/**
 * Where decoded blobs live. A small blob (under half a slab) is a view into a
 * shared 8 KiB slab, as Node's `Buffer.from` pools small buffers; a larger one
 * gets its own buffer. One ArrayBuffer per blob made 10,000 32-byte blobs cost
 * a tenth of the decode time, mostly in the garbage collector (BENCHMARKS.md,
 * decode). As with Node's pool, `.buffer` is the slab: `.slice()` a blob for a
 * buffer of its own (to transfer it, say).
 */
class BlobSlabs {
  private slab: ArrayBuffer | undefined;
  private used = SLAB;

  /** A copy of `n` bytes at `at` of `buf`. */
  copy(buf: Uint8Array, at: number, n: number): Uint8Array {
    if (n > SLAB >> 1) return buf.slice(at, at + n);
    if (this.used + n > SLAB) {
      this.slab = new ArrayBuffer(SLAB);
      this.used = 0;
    }
    const out = new Uint8Array(this.slab!, this.used, n);
    out.set(buf.subarray(at, at + n));
    // Keep views 8-byte aligned, as Node's pool does.
    this.used += (n + 7) & ~7;
    return out;
  }
}

const SLAB = 8192;

/** Decoded rows: column names and positional values. */
export interface Rows {
  readonly columns: string[];
  readonly rows: unknown[][];
}

/** Decodes the rows buffer. */
export function decodeRows(buf: Uint8Array): Rows;
/**
 * Decodes the rows buffer through `map`, which gets one reused array per row
 * (and must not keep it): no positional row is allocated, which at 10,000 rows
 * is a tenth of the decode time, mostly in the garbage collector (BENCHMARKS.md, decode).
 */
export function decodeRows<T>(
  buf: Uint8Array,
  map: (row: readonly unknown[]) => T,
): { readonly columns: string[]; readonly rows: T[] };
export function decodeRows<T>(
  buf: Uint8Array,
  map?: (row: readonly unknown[]) => T,
): { readonly columns: string[]; readonly rows: unknown[] } {
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
  const blobs = new BlobSlabs();
  const nRows = u32();
  const rows: unknown[] = new Array(nRows);
  const scratch = map ? new Array<unknown>(nCols) : undefined;
  for (let r = 0; r < nRows; r++) {
    const row = scratch ?? new Array<unknown>(nCols);
    for (let c = 0; c < nCols; c++) {
      const tag = buf[at++];
      switch (tag) {
        case ValueTag.null:
          row[c] = null;
          break;
        case ValueTag.number:
        case ValueTag.float:
          row[c] = view.getFloat64(at, true);
          at += 8;
          break;
        case ValueTag.text:
          row[c] = text();
          break;
        case ValueTag.blob: {
          const n = u32();
          row[c] = blobs.copy(buf, at, n);
          at += n;
          break;
        }
        case ValueTag.bigInt:
          row[c] = view.getBigInt64(at, true);
          at += 8;
          break;
        case ValueTag.bool:
          row[c] = buf[at++] !== 0;
          break;
        case ValueTag.date:
          row[c] = new Date(view.getFloat64(at, true));
          at += 8;
          break;
        default:
          throw new MizzleError('engine_input', `unknown value tag ${tag} in the rows buffer`);
      }
    }
    rows[r] = map ? map(row) : row;
  }
  return { columns, rows };
}
