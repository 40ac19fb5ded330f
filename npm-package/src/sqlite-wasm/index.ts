/**
 * `mizzle/sqlite-wasm`: an in-memory SQLite compiled into the same wasm as
 * the engine, for browsers and Node. Queries run synchronously, like
 * drizzle's better-sqlite3 driver, and every query is also awaitable.
 *
 * @example
 * const client = await createDatabase();
 * client.exec('create table users (id integer primary key, name text)');
 * const db = drizzle(client, { schema });
 * db.insert(users).values({ name: 'ann' }).run();
 * const rows = db.select().from(users).all();
 */
import { BaseSQLiteDatabase } from '../sqlite-core/database.js';
import { DefaultLogger, type Logger } from '../driver.js';
import { keepName, MizzleQueryError } from '../errors.js';
import { loadEmbedded } from '#wasm/embedded';
import type { Database as WasmDatabase, EmbeddedModule, WasmSource } from '../wasm/types.js';
import { EmbeddedSession, type RunResult } from './session.js';

export type { RunResult } from './session.js';

/** A fresh in-memory SQLite database. */
export class SQLiteWasmClient {
  /** @internal */
  constructor(
    readonly db: WasmDatabase,
    readonly module: EmbeddedModule,
  ) {}

  /** Runs raw SQL; several statements allowed. */
  exec(sqlText: string): void {
    try {
      this.db.exec(sqlText);
    } catch (e) {
      const err = e as { message?: string; code?: string };
      throw new MizzleQueryError(err?.message ?? String(e), err?.code, sqlText, [], { cause: e });
    }
  }

  /** Closes the database; the client cannot be used afterwards. */
  close(): void {
    this.db.close();
  }
}

/** Opens a fresh in-memory SQLite (loading the wasm on first use). */
export async function createDatabase(options: { wasm?: WasmSource } = {}): Promise<SQLiteWasmClient> {
  const module = await loadEmbedded(options.wasm as never);
  return new SQLiteWasmClient(new module.Database(), module);
}

/** drizzle's options. */
export interface DrizzleConfig<TSchema extends Record<string, unknown>> {
  schema?: TSchema;
  logger?: boolean | Logger;
}

/** The embedded database's `db` (a class, as drizzle's drivers' databases: `is(db, BaseSQLiteDatabase)`). */
export class SQLiteWasmDatabase<
  TSchema extends Record<string, unknown> = Record<string, never>,
> extends BaseSQLiteDatabase<'sync', RunResult, TSchema> {
  static {
    keepName(SQLiteWasmDatabase, 'SQLiteWasmDatabase');
  }
}

/** Wraps a client in drizzle's query API. */
export function drizzle<TSchema extends Record<string, unknown> = Record<string, never>>(
  client: SQLiteWasmClient,
  config: DrizzleConfig<TSchema> = {},
): SQLiteWasmDatabase<TSchema> {
  const logger = config.logger === true ? new DefaultLogger() : config.logger || undefined;
  return new SQLiteWasmDatabase(new EmbeddedSession(client.db, client.module, logger), config.schema);
}
