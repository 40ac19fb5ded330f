/**
 * `mizzle/d1`: Cloudflare D1 through the Worker binding. Reads use positional
 * rows (`raw()`), so duplicate column names never shift values; writes over
 * D1's 100-parameter limit are split into one atomic `batch`. D1 has no
 * interactive transactions: `db.transaction()` is a typed error pointing to
 * `db.batch()`.
 *
 * @example
 * export default { async fetch(req, env) {
 *   const db = drizzle(env.DB, { schema });
 *   return Response.json(await db.select().from(users));
 * } };
 */
import { Dialect, Engine } from '../engine/engine.js';
import { MizzleError, MizzleQueryError } from '../errors.js';
import { Database } from '../query/database.js';
import { DefaultLogger, type BoundQuery, type Logger, type Session } from '../query/session.js';
import { loadEngine } from '#wasm/engine';

/** The parts of the D1 binding mizzle uses. */
export interface D1Database {
  prepare(query: string): D1PreparedStatement;
  batch<T = unknown>(statements: D1PreparedStatement[]): Promise<D1Result<T>[]>;
}

/** A D1 prepared statement. */
export interface D1PreparedStatement {
  bind(...values: unknown[]): D1PreparedStatement;
  all<T = Record<string, unknown>>(): Promise<D1Result<T>>;
  run<T = Record<string, unknown>>(): Promise<D1Result<T>>;
  raw<T = unknown[]>(options?: { columnNames?: boolean }): Promise<T[]>;
}

/** D1's result object. */
export interface D1Result<T = unknown> {
  results: T[];
  success: boolean;
  meta: Record<string, unknown>;
}

/** D1's `.run()` result. */
export type D1RunResult = D1Result;

const D1_MAX_PARAMS = 100;

function d1Value(v: unknown): unknown {
  if (v === undefined) return null;
  if (typeof v === 'bigint') {
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new MizzleError('type', `D1 cannot bind bigint ${v}: it is beyond 2^53`);
    }
    return Number(v);
  }
  return v;
}

class D1Session implements Session<'async', D1RunResult> {
  readonly mode = 'async' as const;
  readonly dialect = Dialect.Sqlite;
  readonly maxParams = D1_MAX_PARAMS;
  readonly batchRowsAsObjects = true;
  readonly engine = Engine.of(loadEngine());

  constructor(
    private readonly client: D1Database,
    readonly logger?: Logger,
  ) {}

  private prepare(q: BoundQuery): D1PreparedStatement {
    this.logger?.logQuery(q.sql, q.params);
    const stmt = this.client.prepare(q.sql);
    return q.params.length ? stmt.bind(...q.params.map(d1Value)) : stmt;
  }

  private async wrap<T>(q: BoundQuery | readonly BoundQuery[], run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      if (e instanceof MizzleError) throw e;
      const first = Array.isArray(q) ? q[0] : q;
      const msg = e instanceof Error ? e.message : String(e);
      // The most precise code first, so hosts agree: "...: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_PRIMARYKEY)".
      const code = /extended: (SQLITE_[A-Z_]+)/.exec(msg)?.[1] ?? /SQLITE_[A-Z_]+/.exec(msg)?.[0] ?? /D1_[A-Z_]+/.exec(msg)?.[0];
      throw new MizzleQueryError(msg, code, first?.sql ?? '', first?.params ?? [], { cause: e });
    }
  }

  all(q: BoundQuery): Promise<unknown[][]> {
    return this.wrap(q, () => this.prepare(q).raw());
  }

  allObjects(q: BoundQuery): Promise<Record<string, unknown>[]> {
    return this.wrap(q, async () => (await this.prepare(q).all()).results as Record<string, unknown>[]);
  }

  run(q: BoundQuery): Promise<D1RunResult> {
    return this.wrap(q, () => this.prepare(q).run());
  }

  atomic(qs: readonly BoundQuery[]): Promise<(unknown[][] | D1RunResult)[]> {
    return this.wrap(qs, async () => {
      const results = await this.client.batch(qs.map((q) => this.prepare(q)));
      // D1's batch returns objects; selects were compiled with unique column names (batchRowsAsObjects).
      return results.map((r, i) =>
        qs[i]!.objects ? (r.results as never) : qs[i]!.kind === 'all' ? (r.results as Record<string, unknown>[]).map((row) => Object.values(row)) : r,
      );
    });
  }

  transaction<T>(): T {
    throw new MizzleError('transaction', 'D1 has no interactive transactions: use db.batch([...]) to run statements atomically');
  }
}

/** drizzle's options. */
export interface DrizzleConfig<TSchema extends Record<string, unknown>> {
  schema?: TSchema;
  logger?: boolean | Logger;
}

/** The D1 `db`. */
export type DrizzleD1Database<TSchema extends Record<string, unknown> = Record<string, never>> = Database<'async', D1RunResult, TSchema>;

/** Wraps a D1 binding in drizzle's query API. */
export function drizzle<TSchema extends Record<string, unknown> = Record<string, never>>(
  client: D1Database,
  config: DrizzleConfig<TSchema> = {},
): DrizzleD1Database<TSchema> {
  const logger = config.logger === true ? new DefaultLogger() : config.logger || undefined;
  return new Database(new D1Session(client, logger), config.schema);
}
