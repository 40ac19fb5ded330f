/**
 * The opcode buffer under the encoder (../encoder.ts): the int32 stream, the
 * values kept in JS, the interned strings, and the shape-cache hash. The
 * grammar methods live in the layers above it (expr.ts, query.ts, dml.ts).
 */
import type { Strings } from '../strings.js';
import { Expr, NONE } from '../wire.generated.js';

/** One encoding pass: opcodes, values, and placeholder encoders. */
export class OpBuffer {
  /**
   * The opcodes: `ops[0 .. length)`. The buffer is the engine's, reused by
   * every encoding (a repeated shape then allocates nothing for its opcodes),
   * and replaced by a bigger one when full.
   */
  ops: Int32Array;
  length = 0;
  readonly values: unknown[] = [];
  /**
   * Encoders for named placeholders, applied when a prepared query runs
   * (created on first use: most queries have none).
   */
  placeholderEncoders: Map<string, { mapToDriverValue(v: unknown): unknown }> | undefined;

  /**
   * While a relational level is written: its table's columns are qualified
   * by the level's alias (as drizzle remaps them), so plain `posts.id` in a
   * nested `where` means that level's row.
   */
  rebind: { readonly table: object; readonly alias: string } | undefined;

  constructor(
    readonly strings: Strings,
    buffer: Int32Array = new Int32Array(256),
  ) {
    this.ops = buffer;
  }

  /** Appends one opcode. */
  protected op(x: number): void {
    if (this.length === this.ops.length) this.grow();
    this.ops[this.length++] = x;
  }

  protected grow(): void {
    const bigger = new Int32Array(this.ops.length * 2);
    bigger.set(this.ops);
    this.ops = bigger;
  }

  /** The opcodes written, as a view of the buffer (valid until the next encoding). */
  written(): Int32Array {
    return this.ops.subarray(0, this.length);
  }

  protected flag(b: boolean): void {
    this.op(b ? 1 : 0);
  }

  protected str(s: string): void {
    this.op(this.strings.id(s));
  }

  protected optStr(s: string | undefined): void {
    this.op(s === undefined ? NONE : this.strings.id(s));
  }

  /** A value kept in JS, referenced by slot. */
  value(v: unknown): void {
    this.op(Expr.slot);
    this.op(this.values.length);
    this.values.push(v);
  }

  /**
   * The shape-cache key for `dialect`: a 53-bit hash of the opcodes (two
   * 32-bit lanes; the cache verifies the opcodes on a hit). Hashing the ints
   * costs far less than joining them into a string and hashing that.
   */
  hash(dialect: number): number {
    const ops = this.ops;
    const n = this.length;
    let a = 0x811c9dc5 ^ dialect;
    let b = 0x9747b28c ^ n;
    for (let i = 0; i < n; i++) {
      const x = ops[i]!;
      a = Math.imul(a ^ x, 0x01000193);
      b = Math.imul(b ^ x, 0x5bd1e995);
      b ^= b >>> 15;
    }
    return (fmix(a) >>> 0) * 0x200000 + (fmix(b) >>> 11);
  }
}

/** murmur3's finaliser: spreads every input bit over the word. */
function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
