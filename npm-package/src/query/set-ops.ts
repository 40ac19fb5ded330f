/**
 * drizzle's standalone set-operation functions: `union(a, b, ...)`.
 *
 * @example
 * await union(db.select({ n: users.name }).from(users), db.select({ n: admins.name }).from(admins));
 */
import type { SameShape } from './result-types.js';
import type { AnySelectQuery } from './select.js';

type RowOf<Q extends AnySelectQuery> = Q['_']['result'][number];

/**
 * A standalone set operation: the first query's type; every other query must
 * select the same shape (checked per argument, as drizzle does).
 */
export type SetOperatorFn = <Q extends AnySelectQuery, TRest extends AnySelectQuery[]>(
  first: Q,
  ...rest: { [K in keyof TRest]: TRest[K] & SameShape<RowOf<TRest[K]>, RowOf<Q>> }
) => Q;

function chain(op: 'union' | 'unionAll' | 'intersect' | 'intersectAll' | 'except' | 'exceptAll'): SetOperatorFn {
  return <Q extends AnySelectQuery>(first: Q, ...rest: AnySelectQuery[]): Q => {
    for (const q of rest) first[op](q as never);
    return first;
  };
}

/** `a union b union ...` */
export const union = chain('union');
/** `a union all b ...` */
export const unionAll = chain('unionAll');
/** `a intersect b ...` */
export const intersect = chain('intersect');
/** `a intersect all b ...` (not on SQLite: a typed error from the engine). */
export const intersectAll = chain('intersectAll');
/** `a except b ...` */
export const except = chain('except');
/** `a except all b ...` (not on SQLite: a typed error from the engine). */
export const exceptAll = chain('exceptAll');
