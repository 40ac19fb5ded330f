/**
 * The JS side of the engine: interns strings, compiles each query shape once
 * per dialect through wasm, and caches the result by shape hash, so repeated
 * shapes never cross into wasm.
 */
import { fromEngineError, MizzleError } from '../errors.js';
import type { EngineModule as BaseEngineModule, InlineModule } from '../wasm/types.js';
import { Encoder, type TransactionStep } from './encoder.js';
import { Strings } from './strings.js';
import { Dialect } from './wire.generated.js';

/**
 * The wasm exports the engine needs: the generated glue's `intern`,
 * `compile` and `slots`, and `interpolate` where the build has it.
 */
export type EngineModule = BaseEngineModule & Partial<Pick<InlineModule, 'interpolate'>>;

/** Dialect ids of the opcode protocol (generated from wasm/src/wire/). */
export { Dialect };

/** A compiled shape: SQL, where each parameter comes from, the decode plan. */
export interface Compiled {
  readonly sql: string;
  /** Per parameter: a value slot (>= 0) or `-1 - id` of a named placeholder. */
  readonly params: readonly number[];
  /** Per parameter: the placeholder's name, where `params` names one (ids do not outlive the string table). */
  readonly names: readonly (string | undefined)[] | undefined;
  /** Per parameter: the UTF-8 byte offset of its placeholder in `sql` (for `interpolate`). */
  readonly offsets: readonly number[];
  /** Codec per result column. */
  readonly plan: readonly number[];
}

const engines = new WeakMap<EngineModule, Engine>();

/**
 * A cached shape: what it compiled to, plus its dialect and opcodes to verify
 * a hash hit. One object per shape and plain arrays, not typed arrays (each
 * carries a buffer object, often off the JS heap): the cache stays cheap for
 * the GC.
 */
interface Entry extends Compiled {
  readonly dialect: Dialect;
  readonly ops: number[];
  /** Another shape with the same hash (practically never). */
  readonly next: Entry | undefined;
}

/**
 * Most shapes an engine keeps: apps that build shapes from data (a column
 * subset per request, an `inArray` list per length) would otherwise grow the
 * cache without end, and a big heap makes every garbage collection slower
 * (BENCHMARKS.md, compile). Measured (heap after GC, test/soak/): about 1.4 KB
 * a shape for a three-column select with a where, 2 KB for a two-level
 * relational query; long SQL costs more, hence also {@link SHAPE_CACHE_BYTES}.
 */
export const SHAPE_CACHE_LIMIT = 4096;

/** The cache's estimated size at which it is emptied (SQL text and opcode arrays: see `entryBytes`). */
export const SHAPE_CACHE_BYTES = 8 << 20;

/**
 * Interned characters an engine keeps before it starts its string table over
 * (emptying the shape cache, whose opcodes hold string ids): names and raw SQL
 * text built per request would otherwise grow the heap and wasm memory forever.
 */
export const STRING_TABLE_LIMIT = 1 << 18;

/** One engine per wasm instance (the intern table lives in the instance). */
export class Engine {
  strings = new Strings();
  /**
   * Shapes by `Encoder.hash(dialect)`. Emptied when full: the shapes in use
   * compile again once, the rest are gone (cheaper in code than an LRU, and a
   * full cache means the app makes shapes from data anyway).
   */
  private readonly cache = new Map<number, Entry>();
  /** Estimated bytes the cached shapes hold. */
  private cacheBytes = 0;
  /** Shapes compiled through wasm so far (cache misses), for tests and benchmarks. */
  compiles = 0;

  private constructor(private readonly module: EngineModule) {}

  /** The engine of `module`, created on first use. */
  static of(module: EngineModule): Engine {
    let e = engines.get(module);
    if (!e) {
      e = new Engine(module);
      engines.set(module, e);
    }
    return e;
  }

  /** The opcode buffer encoders share; undefined while one is writing into it. */
  private scratch: Int32Array | undefined = new Int32Array(256);

  /**
   * An encoder writing into this engine's string table and its opcode buffer;
   * give it back with {@link release}. While one is out, another (a query
   * built while encoding one) gets a buffer of its own.
   */
  encoder(): Encoder {
    const buffer = this.scratch;
    // Only between statements (no encoder out): an encoder holds ids of the current table.
    if (buffer !== undefined && this.strings.chars > STRING_TABLE_LIMIT) this.forgetStrings();
    this.scratch = undefined;
    return new Encoder(this.strings, buffer);
  }

  /** Starts the string table over, here and in wasm; cached shapes go with it. */
  private forgetStrings(): void {
    this.module.forget_strings();
    this.strings = new Strings();
    this.clearCache();
  }

  private clearCache(): void {
    this.cache.clear();
    this.cacheBytes = 0;
  }

  /** Takes back an encoder's buffer (grown, perhaps) for the next encoding. */
  release(enc: Encoder): void {
    if (this.scratch === undefined || enc.ops.length > this.scratch.length) this.scratch = enc.ops;
  }

  /** Compiles the encoder's shape for `dialect`, from cache when seen before. */
  compile(dialect: Dialect, enc: Encoder): Compiled {
    const hash = enc.hash(dialect);
    const first = this.cache.get(hash);
    for (let e = first; e !== undefined; e = e.next) {
      if (e.dialect === dialect && sameOps(e.ops, enc.ops, enc.length)) return e;
    }
    if (first === undefined && (this.cache.size >= SHAPE_CACHE_LIMIT || this.cacheBytes > SHAPE_CACHE_BYTES)) {
      this.clearCache();
    }
    this.strings.flush((joined) => this.module.intern(joined));
    const written = enc.written();
    // A plain array to keep (typed arrays each carry a buffer object: costlier for the GC).
    const ops = copy(written, 0, written.length);
    let sql: string;
    try {
      sql = this.module.compile(dialect, written);
    } catch (e) {
      throw fromEngineError(e);
    }
    this.compiles++;
    const slots = this.module.slots();
    const n = slots[0]!;
    const params = copy(slots, 1, 1 + n);
    const entry: Entry = {
      sql,
      params,
      names: params.some((p) => p < 0) ? params.map((p) => (p < 0 ? this.strings.list[-1 - p] : undefined)) : undefined,
      offsets: copy(slots, 1 + n, 1 + 2 * n),
      plan: copy(slots, 1 + 2 * n, slots.length),
      dialect,
      ops,
      next: first,
    };
    this.cache.set(hash, entry);
    this.cacheBytes += entryBytes(entry);
    return entry;
  }

  /**
   * The SQL of a transaction step for `dialect` (cached like any shape):
   * drivers never spell BEGIN, savepoints or rollbacks themselves.
   */
  transactionSql(dialect: Dialect, step: TransactionStep, depth: number): string {
    const enc = this.encoder();
    enc.transactionStatement(step, depth);
    const { sql } = this.compile(dialect, enc);
    this.release(enc);
    return sql;
  }

  /** The cache's estimated bytes (at most about {@link SHAPE_CACHE_BYTES} plus one shape), for tests. */
  get cacheBytesEstimate(): number {
    return this.cacheBytes;
  }

  /** Shapes held now (at most {@link SHAPE_CACHE_LIMIT}, give or take hash collisions). */
  get cachedShapes(): number {
    return this.cache.size;
  }

  /**
   * `sql` with its placeholders (at byte `offsets`, from the compiled shape)
   * replaced by literals (wasm/README.md, "interpolate").
   */
  interpolate(dialect: Dialect, sql: string, offsets: readonly number[], values: Uint8Array): string {
    if (!this.module.interpolate)
      throw new MizzleError('invalid', 'this engine build has no interpolate: use the `inline` build (#wasm/inline)');
    try {
      return this.module.interpolate(dialect, sql, Uint32Array.from(offsets), values);
    } catch (e) {
      throw fromEngineError(e);
    }
  }
}

/**
 * A cache entry's heap cost, roughly: two bytes a character of SQL (V8 keeps
 * non-Latin-1 strings as UTF-16), eight an array element, plus the objects:
 * within 25% of the heap measured for the two shapes of SHAPE_CACHE_LIMIT's note.
 */
function entryBytes(e: Entry): number {
  return 2 * e.sql.length + 8 * (e.ops.length + 3 * e.params.length + e.plan.length) + 400;
}

/** Whether `a` is `b[0 .. n)`. */
function sameOps(a: readonly number[], b: Int32Array, n: number): boolean {
  if (a.length !== n) return false;
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `from .. to` of `a` as an exact-size plain array (pushes would leave spare capacity in the cache). */
function copy(a: Int32Array, from: number, to: number): number[] {
  const out = new Array<number>(to - from);
  for (let i = from; i < to; i++) out[i - from] = a[i]!;
  return out;
}
