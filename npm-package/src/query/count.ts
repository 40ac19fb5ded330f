/**
 * `db.$count(source, where)`, as drizzle's count builder: an SQL fragment
 * `(select count(*) from source where ...)` decoding to a number, so it can be
 * a selected field or part of a condition, and an awaitable that runs the count.
 *
 * @example
 * await db.$count(users, eq(users.active, true));
 * await db.select({ name: users.name, posts: db.$count(posts, eq(posts.authorId, users.id)) }).from(users);
 */
import { count } from '../aggregates.js';
import { SQL, type SQLWrapper } from '../sql.js';
import type { FromTarget } from './result-types.js';
import { SelectBuilder, type SelectQuery } from './select.js';
import type { Session } from '../driver.js';

/** The number of rows of a source: an embeddable `SQL<number>` and a `PromiseLike<number>`. */
export class CountQuery extends SQL<number> implements PromiseLike<number> {
  /** `select count(*) as count from source [where filter]`: one query, embedded or run. */
  private readonly query: SelectQuery<never, 'sync' | 'async', unknown>;

  constructor(session: Session, source: FromTarget, filter?: SQLWrapper) {
    const query = new SelectBuilder(session, { count: count() }, false).from(source as never).where(filter);
    // Embedded, the fragment is that query as a scalar subquery (the encoder writes a query
    // node standing alone in a fragment that way).
    super([query]);
    this.query = query as never;
    this.decoder = (v: unknown) => Number(v);
  }

  private run(): number | Promise<number> {
    const rows = this.query.all() as unknown;
    const first = (r: unknown) => (r as { count: number }[])[0]?.count ?? 0;
    return rows instanceof Promise ? rows.then(first) : first(rows);
  }

  then<A = number, B = never>(
    onfulfilled?: ((value: number) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return new Promise<number>((resolve) => resolve(this.run())).then(onfulfilled, onrejected);
  }

  catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<number | B> {
    return this.then(undefined, onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<number> {
    return this.then(
      (v) => {
        onfinally?.();
        return v;
      },
      (e) => {
        onfinally?.();
        throw e;
      },
    );
  }
}
