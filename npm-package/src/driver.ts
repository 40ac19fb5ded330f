/**
 * What a driver provides to the query builders: positional rows, run
 * results, batches and transactions, plus its host truths (sync or async,
 * parameter limit). Drivers never build SQL.
 */
import type { Dialect, Engine } from './engine/engine.js';

/** `logger: true` or an object with `logQuery`. */
export interface Logger {
  logQuery(query: string, params: unknown[]): void;
}

/** drizzle's default logger output. */
export class DefaultLogger implements Logger {
  logQuery(query: string, params: unknown[]): void {
    const shown = params.map((p) => {
      try {
        return JSON.stringify(p);
      } catch {
        return String(p);
      }
    });
    console.log(`Query: ${query}${shown.length ? ` -- params: [${shown.join(', ')}]` : ''}`);
  }
}

/** One statement ready for a driver. */
export interface BoundQuery {
  readonly sql: string;
  readonly params: unknown[];
  /** `all` reads rows; `run` only executes. */
  readonly kind: 'all' | 'run';
  /** The engine's decode plan (hosts that decode in the engine use it). */
  readonly plan?: readonly number[];
  /** Byte offset of each parameter's placeholder in `sql` (hosts that splice values in: PlanetScale). */
  readonly offsets?: readonly number[];
  /** In `atomic`: return this `all` query's rows as objects keyed by column name (raw `db.all`/`db.get`). */
  readonly objects?: boolean;
}

/** The sync/async shape of results: `T` or `Promise<T>`. */
export type Result<TMode extends 'sync' | 'async', T> = TMode extends 'sync' ? T : Promise<T>;

/** A driver session. `TRun` is what `.run()` returns on this host. */
export interface Session<TMode extends 'sync' | 'async' = 'sync' | 'async', TRun = unknown> {
  readonly mode: TMode;
  readonly dialect: Dialect;
  readonly engine: Engine;
  readonly logger?: Logger;
  /**
   * True when `atomic` returns rows as objects (D1's batch has no `raw()`):
   * selects in a batch are then compiled with unique positional column names.
   */
  readonly batchRowsAsObjects?: boolean;
  /** Most bound parameters one statement may carry (D1 and Durable Objects: 100). */
  readonly maxParams?: number;
  /** Runs one statement and returns its rows as arrays. */
  all(q: BoundQuery): Result<TMode, unknown[][]>;
  /**
   * `all` then `map` over the rows, for hosts that can skip the positional rows
   * (the embedded database decodes its rows buffer straight into `map`). `map`
   * gets one reused array per row and must not keep it.
   */
  allMapped?<T>(q: BoundQuery, map: (row: readonly unknown[]) => T): Result<TMode, T[]>;
  /** Runs one statement and returns its rows as objects keyed by column name. */
  allObjects(q: BoundQuery): Result<TMode, Record<string, unknown>[]>;
  /** Runs one statement for its effect. */
  run(q: BoundQuery): Result<TMode, TRun>;
  /** Runs statements atomically (all or nothing); results in order. */
  atomic(qs: readonly BoundQuery[]): Result<TMode, (unknown[][] | TRun)[]>;
  /** Runs `fn` in a transaction (a savepoint when nested). */
  transaction<T>(fn: (session: Session<TMode, TRun>) => T, depth: number): T;
}
