/**
 * The index-hint options of a MySQL select, under drizzle's mysql-core names:
 * `db.select().from(table, { useIndex, forceIndex, ignoreIndex })` and the same
 * object as the last argument of `innerJoin` / `leftJoin` / `rightJoin` /
 * `crossJoin`. The engine writes them after the table and its alias
 * (`from t use index (i)`); SQLite and PostgreSQL have no index hints and
 * refuse them. Only tables and their aliases take hints, as in drizzle.
 */
import type { IsMySqlRun } from '../query/insert.js';
import type { Table } from '../table.js';
import type { Index, IndexBuilder } from './indexes.js';

/** An index named by its name or by its `index(...)` / `uniqueIndex(...)` builder. */
export type IndexForHint = IndexBuilder | Index | string;

/** Which indexes MySQL may, must or must not use for one table; each takes one index or a list. */
export interface IndexConfig {
  useIndex?: IndexForHint | IndexForHint[] | undefined;
  forceIndex?: IndexForHint | IndexForHint[] | undefined;
  ignoreIndex?: IndexForHint | IndexForHint[] | undefined;
}

/**
 * The hint argument of `from()` and the joins of a select whose run result is
 * `TRun`: on MySQL the options for a table and drizzle's refusal text for
 * anything else; `never` on the other dialects, whose drizzle builders have no
 * such argument (the builders are shared, so MySQL is told by `IsMySqlRun`).
 */
export type IndexHintFor<T, TRun> =
  IsMySqlRun<TRun> extends true
    ? T extends Table
      ? IndexConfig
      : 'Index hint configuration is allowed only for MySqlTable and not for subqueries or views'
    : never;
