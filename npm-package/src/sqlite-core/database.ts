/**
 * drizzle's `BaseSQLiteDatabase`: the shared `Database` under the name code
 * written for drizzle's sqlite-core checks, e.g. `is(db, BaseSQLiteDatabase)`
 * in @auth/drizzle-adapter. Every SQLite driver's database extends it (d1,
 * durable-sqlite, sqlite-wasm), as in drizzle; the PostgreSQL and MySQL ones
 * do not.
 *
 * @example
 * // `any`: any SQLite driver's db (the mode and run result differ per driver)
 * function repo(db: BaseSQLiteDatabase<any, any, typeof schema>) {}
 */
import { keepName } from '../errors.js';
import { Database } from '../query/database.js';

/** The database class of the SQLite drivers. */
export class BaseSQLiteDatabase<
  TMode extends 'sync' | 'async' = 'sync' | 'async',
  TRun = unknown,
  TSchema extends Record<string, unknown> = Record<string, never>,
> extends Database<TMode, TRun, TSchema> {
  static {
    keepName(BaseSQLiteDatabase, 'BaseSQLiteDatabase');
  }
}
