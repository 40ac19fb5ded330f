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
import { SQL, StringChunk, type SQLWrapper } from '../sql.js';
import type { FromTarget } from './result-types.js';
import { SelectBuilder } from './select.js';
import type { Session } from './session.js';

/** The number of rows of a source: an embeddable `SQL<number>` and a `PromiseLike<number>`. */
export class CountQuery extends SQL<number> implements PromiseLike<number> {
  constructor(
    private readonly session: Session,
    private readonly source: FromTarget,
    private readonly filter?: SQLWrapper,
  ) {
    super([
      new StringChunk('(select count(*) from '),
      source,
      ...(filter ? [new StringChunk(' where '), filter] : []),
      new StringChunk(')'),
    ]);
    this.decoder = (v: unknown) => Number(v);
  }

  private run(): number | Promise<number> {
    const rows = new SelectBuilder(this.session, { count: count() }, false)
      .from(this.source as never)
      .where(this.filter)
      .all() as unknown;
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
      (v) => (onfinally?.(), v),
      (e) => {
        onfinally?.();
        throw e;
      },
    );
  }
}
