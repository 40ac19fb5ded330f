/**
 * The database object of PostgreSQL drivers. Every builder method, including
 * the PostgreSQL-only ones (`selectDistinctOn`, lateral joins, `.for()`,
 * `intersectAll` / `exceptAll`), lives on the shared `Database`: the engine
 * renders them per dialect and reports them as `unsupported` where the
 * dialect has no such construct. `PgDatabase` is that class under drizzle's
 * name, for drivers (`new PgDatabase(session, schema)`) and user annotations,
 * and for `is(db, PgDatabase)` (@auth/drizzle-adapter): the PostgreSQL
 * drivers' databases extend it (neon-http), as in drizzle; the SQLite and
 * MySQL ones extend sqlite-core's `BaseSQLiteDatabase` and mysql-core's
 * `MySqlDatabase` instead. `pgView(...).as((qb) => ...)` hands one too.
 *
 * @example
 * function repo(db: PgDatabase<'async', unknown, typeof schema>) {}
 */
import { keepName } from '../errors.js';
import { Database, type Transaction } from '../query/database.js';

/** drizzle's `PgDatabase`: the shared database class over a PostgreSQL session. */
export class PgDatabase<
  TMode extends 'sync' | 'async' = 'async',
  TRun = unknown,
  TSchema extends Record<string, unknown> = Record<string, never>,
> extends Database<TMode, TRun, TSchema> {
  static {
    keepName(PgDatabase, 'PgDatabase');
  }
}

/** drizzle's `PgTransaction`: the `tx` of `db.transaction(async (tx) => ...)`. */
export type PgTransaction<
  TMode extends 'sync' | 'async' = 'async',
  TRun = unknown,
  TSchema extends Record<string, unknown> = Record<string, never>,
> = Transaction<TMode, TRun, TSchema>;
