/**
 * `sqliteView(name).as(query)`: a view readable like a table. Its fields are
 * the query's selection, qualified by the view's name. Creating the view in
 * the database is a migration's job (as with drizzle-kit).
 *
 * @example
 * const activeUsers = sqliteView('active_users').as((qb) => qb.select().from(users).where(eq(users.active, true)));
 * await db.select().from(activeUsers);
 */
import { Database, type WithSubquery } from '../query/database.js';
import type { SelectQuery } from '../query/select.js';
import type { Session } from '../driver.js';
import { makeSubquery } from '../query/subquery.js';
import type { SelectState, SubqueryFields } from '../query/result-types.js';

/** A query builder that only builds (view definitions never run). */
const queryBuilder = new Database<'sync', unknown>(undefined as unknown as Session<'sync', unknown>);

/** A view named `TName` with the fields of its query. */
export type SQLiteView<TName extends string = string, TFields = Record<string, unknown>> = WithSubquery<TName, TFields>;

/** Declares a view. */
export function sqliteView<TName extends string>(name: TName) {
  return {
    /** The view's defining query. */
    as<S extends SelectState>(
      query:
        | SelectQuery<S, 'sync' | 'async', unknown>
        | ((qb: Database<'sync', unknown>) => SelectQuery<S, 'sync' | 'async', unknown>),
    ): SQLiteView<TName, SubqueryFields<S['fields'], TName, S['nulls']>> {
      const q = typeof query === 'function' ? query(queryBuilder) : query;
      // A view is referenced by name like a CTE, but never written in a WITH clause.
      return makeSubquery(name, q.fieldsObject(), (e) => q.encodeQuery(e), true) as never;
    },
  };
}
