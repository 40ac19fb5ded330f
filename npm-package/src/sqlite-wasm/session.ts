/**
 * The embedded database's session: synchronous, rows decoded in Rust and
 * crossing once per query, transactions as BEGIN/SAVEPOINT on the one connection.
 */
import { Dialect, Engine } from '../engine/engine.js';
import type { TransactionStep } from '../engine/encoder.js';
import { MizzleError, MizzleQueryError } from '../errors.js';
import type { BoundQuery, Logger, Session } from '../driver.js';
import type { Database as WasmDatabase, EmbeddedModule } from '../wasm/types.js';
import { decodeRows, encodeParams } from './buffers.js';

/** better-sqlite3's run result. */
export interface RunResult {
  changes: number;
  lastInsertRowid: number | bigint;
}

const NO_CODECS = new Uint8Array(0);

/** The session over one embedded database. */
export class EmbeddedSession implements Session<'sync', RunResult> {
  readonly mode = 'sync' as const;
  readonly dialect = Dialect.sqlite;
  readonly engine: Engine;

  constructor(
    private readonly db: WasmDatabase,
    module: EmbeddedModule,
    readonly logger?: Logger,
  ) {
    this.engine = Engine.of(module);
  }

  private fail(e: unknown, q: BoundQuery): never {
    if (e instanceof MizzleError) throw e;
    const err = e as { message?: string; code?: string; kind?: string };
    if (err?.kind === 'engine_input') throw new MizzleError('engine_input', err.message ?? String(e), { cause: e });
    throw new MizzleQueryError(err?.message ?? String(e), err?.code, q.sql, q.params, { cause: e });
  }

  /** The rows buffer of `q`. */
  private query(q: BoundQuery): Uint8Array {
    const params = encodeParams(q.params);
    this.logger?.logQuery(q.sql, q.params);
    try {
      return this.db.query(q.sql, params, q.plan ? Uint8Array.from(q.plan) : NO_CODECS);
    } catch (e) {
      this.fail(e, q);
    }
  }

  private rows(q: BoundQuery) {
    return decodeRows(this.query(q));
  }

  all(q: BoundQuery): unknown[][] {
    return this.rows(q).rows;
  }

  allMapped<T>(q: BoundQuery, map: (row: readonly unknown[]) => T): T[] {
    return decodeRows(this.query(q), map).rows;
  }

  allObjects(q: BoundQuery): Record<string, unknown>[] {
    const { columns, rows } = this.rows(q);
    return rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]])));
  }

  run(q: BoundQuery): RunResult {
    const params = encodeParams(q.params);
    this.logger?.logQuery(q.sql, q.params);
    try {
      const [changes, lastInsertRowid] = this.db.run(q.sql, params);
      return { changes: changes ?? 0, lastInsertRowid: lastInsertRowid ?? 0 };
    } catch (e) {
      this.fail(e, q);
    }
  }

  private exec(sql: string): void {
    try {
      this.db.exec(sql);
    } catch (e) {
      this.fail(e, { sql, params: [], kind: 'run' });
    }
  }

  atomic(qs: readonly BoundQuery[]): (unknown[][] | RunResult)[] {
    return this.transaction(
      () => qs.map((q) => (q.objects ? (this.allObjects(q) as never) : q.kind === 'all' ? this.all(q) : this.run(q))),
      this.depth,
    );
  }

  private depth = 0;

  transaction<T>(fn: (session: Session<'sync', RunResult>) => T, depth: number): T {
    const step = (kind: TransactionStep) => this.exec(this.engine.transactionSql(this.dialect, kind, depth));
    step(depth === 0 ? 'begin' : 'savepoint');
    const outer = this.depth;
    this.depth = depth + 1;
    try {
      const result = fn(this);
      if (result instanceof Promise) {
        throw new MizzleError(
          'transaction',
          'the embedded database runs transactions synchronously: the callback must not be async',
        );
      }
      step(depth === 0 ? 'commit' : 'release');
      return result;
    } catch (e) {
      if (depth === 0) {
        step('rollback');
      } else {
        // A savepoint survives ROLLBACK TO: release it too, as the transaction is over.
        step('rollbackTo');
        step('release');
      }
      throw e;
    } finally {
      this.depth = outer;
    }
  }
}
