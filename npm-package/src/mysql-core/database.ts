/**
 * drizzle's `MySqlDatabase`: the shared `Database` under the name code
 * written for drizzle's mysql-core checks, e.g. `is(db, MySqlDatabase)` in
 * @auth/drizzle-adapter. The MySQL drivers' databases extend it (planetscale),
 * as in drizzle; the SQLite and PostgreSQL ones do not.
 *
 * @example
 * function repo(db: MySqlDatabase<'async', PlanetScaleRunResult, typeof schema>) {}
 */
import { keepName } from '../errors.js';
import { Database } from '../query/database.js';

/** The database class of the MySQL drivers. */
export class MySqlDatabase<
  TMode extends 'sync' | 'async' = 'async',
  TRun = unknown,
  TSchema extends Record<string, unknown> = Record<string, never>,
> extends Database<TMode, TRun, TSchema> {
  static {
    keepName(MySqlDatabase, 'MySqlDatabase');
  }
}
