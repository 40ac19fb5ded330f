/**
 * The JS side of the engine: interns strings, compiles each query shape once
 * per dialect through wasm, and caches the result by shape key, so repeated
 * shapes never cross into wasm.
 */
import { fromEngineError } from '../errors.js';
import { Encoder } from './encoder.js';
import { Strings } from './strings.js';

/** The wasm exports the engine needs (both builds have them). */
export interface EngineModule {
  intern(joined: string): void;
  compile(dialect: number, ops: Int32Array): { sql: string; params: Int32Array; plan: Int32Array; free?(): void };
}

/** Dialect ids of the opcode protocol. */
export const enum Dialect {
  Sqlite = 0,
  Postgres = 1,
  MySql = 2,
}

/** A compiled shape: SQL, where each parameter comes from, the decode plan. */
export interface Compiled {
  readonly sql: string;
  /** Per parameter: a value slot (>= 0) or `-1 - id` of a named placeholder. */
  readonly params: Int32Array;
  /** Codec per result column. */
  readonly plan: Int32Array;
}

const engines = new WeakMap<EngineModule, Engine>();

/** One engine per wasm instance (the intern table lives in the instance). */
export class Engine {
  readonly strings = new Strings();
  private readonly cache = new Map<string, Compiled>();

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

  /** A fresh encoder writing into this engine's string table. */
  encoder(): Encoder {
    return new Encoder(this.strings);
  }

  /** Compiles the encoder's shape for `dialect`, from cache when seen before. */
  compile(dialect: Dialect, enc: Encoder): Compiled {
    const key = dialect + ';' + enc.key();
    let hit = this.cache.get(key);
    if (hit === undefined) {
      this.strings.flush((joined) => this.module.intern(joined));
      let out;
      try {
        out = this.module.compile(dialect, Int32Array.from(enc.ops));
      } catch (e) {
        throw fromEngineError(e);
      }
      hit = { sql: out.sql, params: out.params, plan: out.plan };
      out.free?.();
      this.cache.set(key, hit);
    }
    return hit;
  }

  /** The name of an interned placeholder id. */
  placeholderName(param: number): string {
    return this.strings.list[-1 - param] ?? '';
  }
}
