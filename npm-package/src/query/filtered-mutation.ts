/**
 * What UPDATE and DELETE share: WHERE, ORDER BY + LIMIT (which rows change),
 * RETURNING, and the opcodes of that tail.
 */
import type { MutationShape } from '../engine/encoder.js';
import type { FieldLeaf } from '../engine/decode.js';
import type { Placeholder, SQLWrapper } from '../sql.js';
import { returningItems } from './mutation.js';
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

  /** The state the encoder writes (`update` / `delete`). */
  protected shape(): MutationShape {
    return {
      table: this.table,
      where: this.whereCond,
      orderBy: this.order,
      limit: this.limitValue,
      returning: returningItems(this.table, this.returningFields),
    };
  }
}
