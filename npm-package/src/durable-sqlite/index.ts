/**
 * `mizzle/durable-sqlite`: a Durable Object's SQLite storage
 * (`ctx.storage.sql`). Queries run synchronously; transactions go through
 * `ctx.storage.transactionSync` and need a synchronous callback (an async
 * one is a typed error, never a silent non-transaction). Writes over the
 * 100-parameter limit are split inside one `transactionSync`.
 *
 * @example
 * export class Counter extends DurableObject {
 *   db = drizzle(this.ctx.storage, { schema });
 *   list() { return this.db.select().from(items).all(); }
 * }
 */
import { Dialect, Engine } from '../engine/engine.js';
import { keepName, MizzleError, MizzleQueryError } from '../errors.js';
import { BaseSQLiteDatabase } from '../sqlite-core/database.js';
import { DefaultLogger, type BoundQuery, type Logger, type Session } from '../driver.js';
import { loadEngine } from '#wasm/engine';

/** The parts of `ctx.storage` mizzle uses. */
export interface DurableObjectStorage {
  sql: {
    exec(query: string, ...bindings: unknown[]): SqlStorageCursor;
  };
  transactionSync<T>(closure: () => T): T;
}

/** A Durable Object SQL cursor. */
export interface SqlStorageCursor {
  toArray(): Record<string, unknown>[];
  raw(): IterableIterator<unknown[]>;
  readonly columnNames: string[];
  readonly rowsRead: number;
  readonly rowsWritten: number;
}

/** What `.run()` returns on a Durable Object. */
export interface DurableRunResult {
  rowsRead: number;
  rowsWritten: number;
}

function doValue(v: unknown): unknown {
  if (v === undefined) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') {
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new MizzleError('type', `Durable Object storage cannot bind bigint ${v}: it is beyond 2^53`);
    }
    return Number(v);
  }
  if (v instanceof Uint8Array) return v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength);
  return v;
}

class DurableSession implements Session<'sync', DurableRunResult> {
  readonly mode = 'sync' as const;
  readonly dialect = Dialect.sqlite;
  readonly maxParams = 100;
  readonly engine = Engine.of(loadEngine());

  constructor(
    private readonly storage: DurableObjectStorage,
    readonly logger?: Logger,
  ) {}

  private exec(q: BoundQuery): SqlStorageCursor {
    this.logger?.logQuery(q.sql, q.params);
    try {
      return this.storage.sql.exec(q.sql, ...q.params.map(doValue));
    } catch (e) {
      if (e instanceof MizzleError) throw e;
      const msg = e instanceof Error ? e.message : String(e);
      const code = /extended: (SQLITE_[A-Z_]+)/.exec(msg)?.[1] ?? /SQLITE_[A-Z_]+/.exec(msg)?.[0];
      throw new MizzleQueryError(msg, code, q.sql, q.params, { cause: e });
    }
  }

  all(q: BoundQuery): unknown[][] {
    return Array.from(this.exec(q).raw());
  }

  allObjects(q: BoundQuery): Record<string, unknown>[] {
    return this.exec(q).toArray();
  }

  run(q: BoundQuery): DurableRunResult {
    const cursor = this.exec(q);
    cursor.toArray();
    return { rowsRead: cursor.rowsRead, rowsWritten: cursor.rowsWritten };
  }

  atomic(qs: readonly BoundQuery[]): (unknown[][] | DurableRunResult)[] {
    return this.storage.transactionSync(() =>
      qs.map((q) => (q.objects ? (this.allObjects(q) as never) : q.kind === 'all' ? this.all(q) : this.run(q))),
    );
  }

  transaction<T>(fn: (session: Session<'sync', DurableRunResult>) => T): T {
    if (fn.constructor?.name === 'AsyncFunction') {
      throw new MizzleError(
        'transaction',
        'Durable Object transactions run through transactionSync: the callback must be synchronous',
      );
    }
    return this.storage.transactionSync(() => {
      const result = fn(this);
      if (result instanceof Promise) {
        // Throwing inside transactionSync rolls back whatever the callback wrote so far.
        result.catch(() => {});
        throw new MizzleError(
          'transaction',
          'Durable Object transactions run through transactionSync: the callback must be synchronous',
        );
      }
      return result;
    });
  }
}

/** drizzle's options. */
export interface DrizzleConfig<TSchema extends Record<string, unknown>> {
  schema?: TSchema;
  logger?: boolean | Logger;
}

/** The Durable Object `db` (a class, as drizzle's). */
export class DrizzleSqliteDODatabase<
  TSchema extends Record<string, unknown> = Record<string, never>,
> extends BaseSQLiteDatabase<'sync', DurableRunResult, TSchema> {
  static {
    keepName(DrizzleSqliteDODatabase, 'DrizzleSqliteDODatabase');
  }
}

/** Wraps `ctx.storage` in drizzle's query API. */
export function drizzle<TSchema extends Record<string, unknown> = Record<string, never>>(
  storage: DurableObjectStorage,
  config: DrizzleConfig<TSchema> = {},
): DrizzleSqliteDODatabase<TSchema> {
  const logger = config.logger === true ? new DefaultLogger() : config.logger || undefined;
  return new DrizzleSqliteDODatabase(new DurableSession(storage, logger), config.schema);
}
