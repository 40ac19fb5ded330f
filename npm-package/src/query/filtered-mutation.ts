/**
 * What UPDATE and DELETE share: WHERE, ORDER BY + LIMIT (which rows change),
 * RETURNING, and the opcodes of that tail.
 */
import type { Encoder } from '../engine/encoder.js';
import type { FieldLeaf } from '../engine/decode.js';
import type { Placeholder, SQLWrapper } from '../sql.js';
import { encodeReturning, returningItems } from './mutation.js';
import type { MutationAll, MutationGet, MutationResult } from './result-types.js';
import type { OrderTerm } from './select.js';
import type { Session } from './session.js';
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

  constructor(
    session: Session<TMode, TRun>,
    protected readonly table: unknown,
  ) {
    super(session);
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
    this.limitValue = n;
    return this;
  }

  protected leaves(): readonly FieldLeaf[] | undefined {
    return this.returningFields === undefined ? undefined : returningItems(this.table, this.returningFields);
  }

  /** `[flag where] n_order order* [flag limit] n_ret item*` */
  protected encodeTail(e: Encoder): void {
    e.optExpr(this.whereCond);
    e.orders(this.order);
    e.optExpr(this.limitValue);
    encodeReturning(e, returningItems(this.table, this.returningFields));
  }
}
