/**
 * The base of every builder: compile through the engine (cached by shape),
 * bind values and placeholders, run on the session, decode with the plan.
 * Awaitable, with drizzle's `.all() .get() .values() .run()`, `toSQL()` and
 * `prepare()`.
 */
import type { Compiled } from '../engine/engine.js';
import { isQueryNode, type Encoder } from '../engine/encoder.js';
import { shapeRowMapper, type FieldLeaf } from '../engine/decode.js';
import { encodeChecked } from '../column-codec.js';
import { MizzleError } from '../errors.js';
import type { ModeResult } from './result-types.js';
import type { BoundQuery, Session } from '../driver.js';

const NO_LEAVES: readonly FieldLeaf[] = [];

/** Placeholder values for a prepared query. */
export type PlaceholderValues = Record<string, unknown>;

/** One compiled use of a builder: the shape plus this call's values. */
export interface CompiledUse {
  readonly compiled: Compiled;
  readonly values: readonly unknown[];
  readonly placeholderEncoders: ReadonlyMap<string, { mapToDriverValue(v: unknown): unknown }> | undefined;
}

/** Compiles what `write` writes (a function, or a statement's `encodeStatement`) for `session`'s dialect. */
export function compileWith(
  session: Session,
  write: ((e: Encoder) => void) | { encodeStatement(e: Encoder): void },
): CompiledUse {
  const engine = session.engine;
  const enc = engine.encoder();
  if (typeof write === 'function') write(enc);
  else write.encodeStatement(enc);
  const compiled = engine.compile(session.dialect, enc);
  // Not in a `finally`: after a throw the next encoder gets a fresh buffer, which then becomes the shared one.
  engine.release(enc);
  return { compiled, values: enc.values, placeholderEncoders: enc.placeholderEncoders };
}

/** The parameter list for one execution. */
export function bindParams(use: CompiledUse, placeholders?: PlaceholderValues): unknown[] {
  const { params } = use.compiled;
  const out = new Array<unknown>(params.length);
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
    if (p >= 0) {
      out[i] = use.values[p];
      continue;
    }
    const name = use.compiled.names?.[i] ?? '';
    if (!placeholders || !(name in placeholders)) {
      throw new MizzleError('missing_placeholder', `no value for placeholder "${name}"`);
    }
    const v = placeholders[name];
    const enc = use.placeholderEncoders?.get(name);
    out[i] = enc && v !== null && v !== undefined ? encodeChecked(enc, v) : v;
  }
  return out;
}

/** One execution of a compiled shape, ready for a session. */
export function boundQuery(use: CompiledUse, kind: 'all' | 'run', placeholders?: PlaceholderValues): BoundQuery {
  const { sql, plan, offsets } = use.compiled;
  return { sql, params: bindParams(use, placeholders), kind, plan, offsets };
}

/** Anything that can run as one statement (used by `db.batch`). */
export interface Runnable {
  /** The statements this builder runs and how to turn their results into its result. */
  bound(placeholders?: PlaceholderValues): { queries: BoundQuery[]; finish(results: unknown[]): unknown };
}

/**
 * A builder with drizzle's execution methods. `TResult` is what awaiting (and
 * `.execute()`) gives; `TAll` / `TGet` what `.all()` / `.get()` give, which
 * differ only for mutations without RETURNING (drizzle types those as errors).
 */
export abstract class Statement<
  TResult,
  TMode extends 'sync' | 'async',
  TRun,
  TAll = TResult,
  TGet = ElementOf<TAll> | undefined,
> implements PromiseLike<TResult>, Runnable
{
  /** Type-level description (drizzle's `query._.result`); no run-time value. */
  declare readonly _: { readonly result: TResult };

  constructor(protected readonly session: Session<TMode, TRun>) {}

  /** Writes the whole statement (with its tag). */
  abstract encodeStatement(e: Encoder): void;

  /** The selected/returned fields, or undefined when the statement returns none. */
  protected abstract leaves(): readonly FieldLeaf[] | undefined;

  /** What `await` does: read rows or run. */
  protected defaultKind(): 'all' | 'run' {
    return this.leaves() ? 'all' : 'run';
  }

  /** Compiles this statement (a cache hit after the first time). */
  protected use(): CompiledUse {
    return compileWith(this.session, this);
  }

  /** The SQL and parameters, as drizzle's `toSQL()`. */
  toSQL(): { sql: string; params: unknown[] } {
    const use = this.use();
    const slots = use.compiled.params;
    const params = new Array<unknown>(slots.length);
    for (let i = 0; i < slots.length; i++) {
      const p = slots[i]!;
      params[i] = p >= 0 ? use.values[p] : undefined;
    }
    return { sql: use.compiled.sql, params };
  }

  bound(placeholders?: PlaceholderValues): { queries: BoundQuery[]; finish(results: unknown[]): unknown } {
    const use = this.use();
    const kind = this.defaultKind();
    const leaves = this.leaves();
    let q = boundQuery(use, kind, placeholders);
    if (this.session.batchRowsAsObjects && kind === 'all' && leaves && leaves.length > 1 && isQueryNode(this)) {
      const wrapped = compileWith(this.session, (e) => e.positionalColumns(leaves.length, this));
      q = { ...boundQuery(wrapped, kind, placeholders), plan: use.compiled.plan };
    }
    return {
      queries: [q],
      finish: ([r]) => (kind === 'all' && leaves ? (r as unknown[][]).map(shapeRowMapper(use.compiled, leaves)) : r),
    };
  }

  /** All rows, decoded. */
  all(placeholders?: PlaceholderValues): ModeResult<TMode, TAll> {
    const use = this.use();
    const leaves = this.leaves() ?? NO_LEAVES;
    const q = boundQuery(use, 'all', placeholders);
    return mappedRows(this.session, q, shapeRowMapper(use.compiled, leaves)) as never;
  }

  /** The first row, decoded, or undefined. */
  get(placeholders?: PlaceholderValues): ModeResult<TMode, TGet> {
    return then(this.all(placeholders) as unknown, (rows) => (rows as unknown[])[0]) as never;
  }

  /** Rows as the driver returned them, positional and undecoded. */
  values(placeholders?: PlaceholderValues): ModeResult<TMode, unknown[][]> {
    const use = this.use();
    const q: BoundQuery = { ...boundQuery(use, 'all', placeholders), plan: undefined };
    return this.session.all(q) as never;
  }

  /** Executes for effect; the host's run result. */
  run(placeholders?: PlaceholderValues): ModeResult<TMode, TRun> {
    const use = this.use();
    const q = boundQuery(use, 'run', placeholders);
    return this.session.run(q) as never;
  }

  /** Executes with the statement's default: rows for selects and RETURNING, the run result otherwise. */
  execute(placeholders?: PlaceholderValues): ModeResult<TMode, TResult> {
    return (this.defaultKind() === 'all' ? this.all(placeholders) : this.run(placeholders)) as never;
  }

  /** A prepared statement: compiled once, executed with placeholder values. */
  prepare(_name?: string): Prepared<TResult, TMode, TRun, TAll, TGet> {
    return new Prepared(this.session, this.use(), this.leaves(), this.defaultKind());
  }

  then<A = TResult, B = never>(
    onfulfilled?: ((value: TResult) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return new Promise<TResult>((resolve) => resolve(this.execute() as TResult)).then(onfulfilled, onrejected);
  }
}

/** Element type of an array result. */
export type ElementOf<T> = T extends readonly (infer E)[] ? E : T;

/** A compiled statement: executions skip even the shape check. Result types as on {@link Statement}. */
export class Prepared<
  TResult,
  TMode extends 'sync' | 'async',
  TRun,
  TAll = TResult,
  TGet = ElementOf<TAll> | undefined,
> {
  private readonly mapper;

  constructor(
    private readonly session: Session<TMode, TRun>,
    private readonly use: CompiledUse,
    leaves: readonly FieldLeaf[] | undefined,
    private readonly kind: 'all' | 'run',
  ) {
    this.mapper = shapeRowMapper(use.compiled, leaves ?? NO_LEAVES);
  }

  private bound(kind: 'all' | 'run', placeholders?: PlaceholderValues): BoundQuery {
    return boundQuery(this.use, kind, placeholders);
  }

  all(placeholders?: PlaceholderValues): ModeResult<TMode, TAll> {
    return mappedRows(this.session, this.bound('all', placeholders), this.mapper) as never;
  }

  get(placeholders?: PlaceholderValues): ModeResult<TMode, TGet> {
    return then(this.all(placeholders) as unknown, (rows) => (rows as unknown[])[0]) as never;
  }

  values(placeholders?: PlaceholderValues): ModeResult<TMode, unknown[][]> {
    return this.session.all(this.bound('all', placeholders)) as never;
  }

  run(placeholders?: PlaceholderValues): ModeResult<TMode, TRun> {
    return this.session.run(this.bound('run', placeholders)) as never;
  }

  execute(placeholders?: PlaceholderValues): ModeResult<TMode, TResult> {
    return (this.kind === 'all' ? this.all(placeholders) : this.run(placeholders)) as never;
  }

  /** The compiled SQL and its parameter sources. */
  getQuery(): { sql: string } {
    return { sql: this.use.compiled.sql };
  }
}

/** The rows of `q`, each through `map` (without positional rows in between where the host can). */
export function mappedRows<T>(
  session: Session,
  q: BoundQuery,
  map: (row: readonly unknown[]) => T,
): T[] | Promise<T[]> {
  if (session.allMapped) return session.allMapped(q, map);
  return then(session.all(q), (rows) => rows.map(map));
}

/** Applies `f` now for sync values, after resolution for promises. */
export function then<T, U>(v: T | Promise<T>, f: (x: T) => U): U | Promise<U> {
  return v instanceof Promise ? v.then(f) : f(v as T);
}
