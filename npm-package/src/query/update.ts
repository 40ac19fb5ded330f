/**
 * `db.update(table).set({...}).where(...)`, with RETURNING and ORDER BY /
 * LIMIT. Columns with `$onUpdate` get their JS value when not set explicitly.
 */
import type { Column } from '../column.js';
import type { Table } from '../table.js';
import type { Encoder } from '../engine/encoder.js';
import type { FieldLeaf } from '../engine/decode.js';
import { tableColumns } from '../engine/table-ref.js';
import { MizzleError } from '../errors.js';
import type { Placeholder, SQLWrapper } from '../sql.js';
import { encodeReturning, encodeSet, encodeTable, returningItems } from './mutation.js';
import type {
  FromTarget,
  MutationAll,
  MutationGet,
  MutationResult,
  ReturningRow,
  SelectedFields,
  UpdateSet,
} from './result-types.js';
import type { Session } from './session.js';
import { Statement } from './statement.js';
import { encodeFromItem, type OrderTerm } from './select.js';

/** `db.update(table)` before `.set(...)`. */
export class UpdateBuilder<TTable extends Table, TMode extends 'sync' | 'async', TRun> {
  constructor(
    private readonly session: Session<TMode, TRun>,
    private readonly table: TTable,
  ) {}

  /** The new values (insert-model values, SQL or columns); `undefined` leaves a column alone. */
  set(values: UpdateSet<TTable>): UpdateQuery<TTable, undefined, TMode, TRun> {
    const set: Record<string, unknown> = { ...values };
    for (const [key, col] of Object.entries(tableColumns(this.table)) as [string, Column][]) {
      if (col.onUpdateFn && set[key] === undefined) set[key] = col.onUpdateFn();
    }
    if (Object.values(set).every((v) => v === undefined)) {
      throw new MizzleError('invalid', 'No values to set');
    }
    return new UpdateQuery(this.session, this.table, set);
  }
}

/** An UPDATE: chainable, awaitable. `TReturning` as on `InsertQuery`. */
export class UpdateQuery<TTable extends Table, TReturning, TMode extends 'sync' | 'async', TRun> extends Statement<
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
  private readonly froms: unknown[] = [];

  constructor(
    session: Session<TMode, TRun>,
    private readonly table: unknown,
    private readonly setValues: Record<string, unknown>,
  ) {
    super(session);
  }

  /** `where condition` */
  where(cond: SQLWrapper | undefined): this {
    this.whereCond = cond;
    return this;
  }

  /** `update ... from table` (SQLite, PostgreSQL). */
  from(table: FromTarget): this {
    this.froms.push(table);
    return this;
  }

  /** `order by` (with `limit`, chooses which rows change). */
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
  returning(): UpdateQuery<TTable, ReturningRow<TTable, undefined>, TMode, TRun>;
  returning<TFields extends SelectedFields>(fields: TFields): UpdateQuery<TTable, ReturningRow<TTable, TFields>, TMode, TRun>;
  returning(fields?: SelectedFields): UpdateQuery<TTable, unknown, TMode, TRun> {
    this.returningFields = fields ?? true;
    return this as never;
  }

  protected leaves(): FieldLeaf[] | undefined {
    return this.returningFields === undefined ? undefined : returningItems(this.table, this.returningFields);
  }

  encodeStatement(e: Encoder): void {
    e.push(3, 0);
    encodeTable(e, this.table);
    encodeSet(e, this.table, this.setValues);
    e.list(this.froms, (f) => encodeFromItem(e, f));
    e.maybe(this.whereCond, (w) => e.expr(w));
    e.list(this.order, (o) => e.order(o));
    e.maybe(this.limitValue, (l) => e.expr(l));
    encodeReturning(e, returningItems(this.table, this.returningFields));
  }
}

