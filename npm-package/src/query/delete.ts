/**
 * `db.delete(table).where(...)`, with RETURNING and ORDER BY / LIMIT.
 */
import type { Encoder } from '../engine/encoder.js';
import type { FieldLeaf } from '../engine/decode.js';
import type { Placeholder, SQLWrapper } from '../sql.js';
import type { Table } from '../table.js';
import { encodeReturning, encodeTable, returningItems } from './mutation.js';
import type { MutationAll, MutationGet, MutationResult, ReturningRow, SelectedFields } from './result-types.js';
import type { OrderTerm } from './select.js';
import type { Session } from './session.js';
import { Statement } from './statement.js';

/** A DELETE: chainable, awaitable. `TReturning` as on `InsertQuery`. */
export class DeleteQuery<TTable extends Table, TReturning, TMode extends 'sync' | 'async', TRun> extends Statement<
  MutationResult<TReturning, TRun>,
  TMode,
  TRun,
  MutationAll<TReturning>,
  MutationGet<TReturning>
> {
  private whereCond: SQLWrapper | undefined;
  private order: unknown[] = [];
  private limitValue: unknown;
  private returningFields: Record<string, unknown> | true | undefined;

  constructor(
    session: Session<TMode, TRun>,
    private readonly table: unknown,
  ) {
    super(session);
  }

  /** `where condition` */
  where(cond: SQLWrapper | undefined): this {
    this.whereCond = cond;
    return this;
  }

  /** `order by` (with `limit`, chooses which rows go). */
  orderBy(...columns: OrderTerm[]): this {
    this.order = columns;
    return this;
  }

  /** `limit n` */
  limit(n: number | Placeholder): this {
    this.limitValue = n;
    return this;
  }

  /** `returning` every column (rows typed as the table's select model), or the given fields. */
  returning(): DeleteQuery<TTable, ReturningRow<TTable, undefined>, TMode, TRun>;
  returning<TFields extends SelectedFields>(fields: TFields): DeleteQuery<TTable, ReturningRow<TTable, TFields>, TMode, TRun>;
  returning(fields?: SelectedFields): DeleteQuery<TTable, unknown, TMode, TRun> {
    this.returningFields = fields ?? true;
    return this as never;
  }

  protected leaves(): FieldLeaf[] | undefined {
    return this.returningFields === undefined ? undefined : returningItems(this.table, this.returningFields);
  }

  encodeStatement(e: Encoder): void {
    e.push(4, 0);
    encodeTable(e, this.table);
    e.maybe(this.whereCond, (w) => e.expr(w));
    e.list(this.order, (o) => e.order(o));
    e.maybe(this.limitValue, (l) => e.expr(l));
    encodeReturning(e, returningItems(this.table, this.returningFields));
  }
}
