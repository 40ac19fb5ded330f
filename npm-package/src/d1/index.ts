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
import { keepName, MizzleError, MizzleQueryError } from '../errors.js';
import { BaseSQLiteDatabase } from '../sqlite-core/database.js';
import { DefaultLogger, type BoundQuery, type Logger, type Session } from '../driver.js';
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
  readonly dialect = Dialect.sqlite;
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
    const params = q.params;
    if (params.length === 0) return stmt;
    const values = new Array<unknown>(params.length);
    for (let i = 0; i < params.length; i++) values[i] = d1Value(params[i]);
    return stmt.bind(...values);
  }

  /**
   * A D1 failure as a `MizzleQueryError` (a `MizzleError` passes as is). D1 does not say which
   * statement of a batch failed: the error shows the first, and its message says so.
   */
  private error(e: unknown, q: BoundQuery | readonly BoundQuery[]): Error {
    if (e instanceof MizzleError) return e;
    const batch = Array.isArray(q) ? (q as readonly BoundQuery[]) : undefined;
    const first = batch ? batch[0] : (q as BoundQuery);
    const msg = e instanceof Error ? e.message : String(e);
    // The most precise code first, so hosts agree: "...: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_PRIMARYKEY)".
    const code =
      /extended: (SQLITE_[A-Z_]+)/.exec(msg)?.[1] ?? /SQLITE_[A-Z_]+/.exec(msg)?.[0] ?? /D1_[A-Z_]+/.exec(msg)?.[0];
    const which =
      batch && batch.length > 1
        ? ` (in a batch of ${batch.length} statements; D1 does not say which failed: the first is shown)`
        : '';
    return new MizzleQueryError(msg + which, code, first?.sql ?? '', first?.params ?? [], { cause: e });
  }

  /**
   * `run()`'s promise, its failures (thrown or rejected) as typed errors. A
   * `.then` rather than an async function: a query is then one promise, not three.
   */
  private wrap<T>(q: BoundQuery | readonly BoundQuery[], run: () => Promise<T>): Promise<T> {
    let p: Promise<T>;
    try {
      p = run();
    } catch (e) {
      return Promise.reject(this.error(e, q));
    }
    return p.then(undefined, (e: unknown) => {
      throw this.error(e, q);
    });
  }

  all(q: BoundQuery): Promise<unknown[][]> {
    return this.wrap(q, () => this.prepare(q).raw());
  }

  allObjects(q: BoundQuery): Promise<Record<string, unknown>[]> {
    return this.wrap(q, () =>
      this.prepare(q)
        .all()
        .then((r) => r.results as Record<string, unknown>[]),
    );
  }

  run(q: BoundQuery): Promise<D1RunResult> {
    return this.wrap(q, () => this.prepare(q).run());
  }

  atomic(qs: readonly BoundQuery[]): Promise<(unknown[][] | D1RunResult)[]> {
    return this.wrap(qs, () =>
      this.client.batch(qs.map((q) => this.prepare(q))).then((results) =>
        // D1's batch returns objects; selects were compiled with unique column names (batchRowsAsObjects).
        results.map((r, i) =>
          qs[i]!.objects
            ? (r.results as never)
            : qs[i]!.kind === 'all'
              ? (r.results as Record<string, unknown>[]).map((row) => Object.values(row))
              : r,
        ),
      ),
    );
  }

  transaction<T>(): T {
    throw new MizzleError(
      'transaction',
      'D1 has no interactive transactions: use db.batch([...]) to run statements atomically',
    );
  }
}

/** drizzle's options. */
export interface DrizzleConfig<TSchema extends Record<string, unknown>> {
  schema?: TSchema;
  logger?: boolean | Logger;
}

/** The D1 `db` (a class, as drizzle's: `db instanceof DrizzleD1Database`). */
export class DrizzleD1Database<
  TSchema extends Record<string, unknown> = Record<string, never>,
> extends BaseSQLiteDatabase<'async', D1RunResult, TSchema> {
  static {
    keepName(DrizzleD1Database, 'DrizzleD1Database');
  }
}

/**
 * Wraps a D1 binding in drizzle's query API: `drizzle(env.DB, { schema, logger })`, or one object,
 * `drizzle({ client: env.DB, schema, logger })` (drizzle's form for its other drivers; 0.45's D1
 * driver takes only the first).
 */
export function drizzle<TSchema extends Record<string, unknown> = Record<string, never>>(
  client: D1Database,
  config?: DrizzleConfig<TSchema>,
): DrizzleD1Database<TSchema>;
export function drizzle<TSchema extends Record<string, unknown> = Record<string, never>>(
  config: DrizzleConfig<TSchema> & { client: D1Database },
): DrizzleD1Database<TSchema>;
export function drizzle<TSchema extends Record<string, unknown> = Record<string, never>>(
  first: D1Database | (DrizzleConfig<TSchema> & { client: D1Database }),
  second: DrizzleConfig<TSchema> = {},
): DrizzleD1Database<TSchema> {
  // A binding has `prepare`; the object form has `client`. Like drizzle's, nothing else is checked
  // here: a db without a binding still builds SQL (`toSQL()`).
  const [client, config] =
    typeof first === 'object' &&
    first !== null &&
    'client' in first &&
    typeof (first as { prepare?: unknown }).prepare !== 'function'
      ? [first.client, first]
      : [first as D1Database, second];
  const logger = config.logger === true ? new DefaultLogger() : config.logger || undefined;
  return new DrizzleD1Database(new D1Session(client, logger), config.schema);
}
