/**
 * What UPDATE and DELETE share: leading CTEs (`db.with(cte).update(...)`),
 * WHERE, ORDER BY + LIMIT (which rows change), RETURNING, drizzle's
 * `$dynamic()`, and the state the encoder writes.
 */
import type { MutationShape } from '../engine/encoder.js';
import type { FieldLeaf } from '../engine/decode.js';
import type { Placeholder, SQL, SQLWrapper } from '../sql.js';
import { embeddedStatement } from './embed.js';
import { returnedFields, returningItems } from './mutation.js';
import type { MutationAll, MutationGet, MutationResult } from './result-types.js';
import type { OrderTerm } from './select.js';
import type { Session } from '../driver.js';
import { Statement } from './statement.js';

const NO_ORDER: readonly unknown[] = Object.freeze([]);

/** The base of `UpdateQuery` and `DeleteQuery`. */
export abstract class FilteredMutation<TReturning, TMode extends 'sync' | 'async', TRun> extends Statement<
  MutationResult<TReturning, TRun>,
  TMode,
  TRun,
  MutationAll<TReturning>,
  MutationGet<TReturning>
> {
  private whereCond: SQLWrapper | undefined;
  private order: readonly unknown[] = NO_ORDER;
  private limitValue: unknown;
  protected returningFields: Record<string, unknown> | true | undefined;
  /** Type only: the RETURNING row, which `$with(name).as(this)` exposes as fields. */
  declare readonly _returning: TReturning;

  constructor(
    session: Session<TMode, TRun>,
    protected readonly table: unknown,
    /** The CTEs of `db.with(...)`. */
    private readonly withs: readonly unknown[] = [],
  ) {
    super(session);
  }

  /**
   * drizzle's dynamic mode, for helpers that add clauses to any update or
   * delete (`<T extends SQLiteDelete>(q: T) => q.where(...)`); mizzle's
   * builders already allow every method in any order, so this is the builder.
   */
  $dynamic(): this {
    return this;
  }

  /** drizzle's `getSQL()`: the whole statement as SQL, to embed in a `sql` template. */
  getSQL(): SQL {
    return embeddedStatement(this.session, this);
  }

  /** `where condition` */
  where(cond: SQLWrapper | undefined): this {
    this.whereCond = cond;
    return this;
  }

  /** `order by` (with `limit`, chooses which rows are affected). */
  orderBy(...columns: OrderTerm[]): this {
    this.order = columns;
    return this;
  }

  /** `limit n` */
  limit(n: number | Placeholder): this {
    // As drizzle (and select's `limit`): a negative or NaN number is no limit.
    this.limitValue = typeof n === 'number' && !(n >= 0) ? undefined : n;
    return this;
  }

  /** The fields of `db.$with(name).as(this)` (PostgreSQL's data-modifying CTE). */
  cteFields(): Record<string, unknown> {
    return returnedFields(this.table, this.returningFields);
  }

  protected leaves(): readonly FieldLeaf[] | undefined {
    return this.returningFields === undefined ? undefined : returningItems(this.table, this.returningFields);
  }

  /** The state the encoder writes (`update` / `delete`). */
  protected shape(): MutationShape {
    return {
      withs: this.withs,
      table: this.table,
      where: this.whereCond,
      orderBy: this.order,
      limit: this.limitValue,
      returning: returningItems(this.table, this.returningFields),
    };
  }
}
