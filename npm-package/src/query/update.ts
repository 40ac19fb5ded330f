/**
 * `db.update(table).set(...)`: SET from an insert-model object, UPDATE ... FROM,
 * and what FilteredMutation adds (CTEs, WHERE, ORDER BY + LIMIT, RETURNING).
 */
import type { Table } from '../table.js';
import type { Encoder } from '../engine/encoder.js';
import { Dialect } from '../engine/wire.generated.js';
import { resultKey, tableColumns } from '../engine/table-ref.js';
import { MizzleError } from '../errors.js';
import { FilteredMutation } from './filtered-mutation.js';
import { updateSet } from './mutation.js';
import type { FromTarget, ReturningRow, SelectedFields, UpdateSet } from './result-types.js';
import type { Session } from '../driver.js';

/** `db.update(table)` before `.set(...)`. */
export class UpdateBuilder<TTable extends Table, TMode extends 'sync' | 'async', TRun> {
  constructor(
    private readonly session: Session<TMode, TRun>,
    private readonly table: TTable,
    /** The CTEs of `db.with(...).update(table)`. */
    private readonly withs: readonly unknown[] = [],
  ) {}

  /**
   * The new values (insert-model values, SQL or columns); `undefined` leaves a
   * column alone and keys that name no column are ignored, as in drizzle.
   */
  set(values: UpdateSet<TTable>): UpdateQuery<TTable, undefined, TMode, TRun> {
    const given = values as Record<string, unknown>;
    // drizzle's check: the object must give some value (a known column or not).
    if (!Object.keys(given).some((k) => given[k] !== undefined)) throw new MizzleError('invalid', 'No values to set');
    const set = updateSet(this.table, given, true);
    // Only unknown keys: drizzle renders an empty SET, which every database refuses.
    if (Object.keys(set).length === 0) throw new MizzleError('invalid', 'No values to set: no key names a column');
    return new UpdateQuery(this.session, this.table, set, this.withs);
  }
}

/** An UPDATE: chainable, awaitable. `TReturning` as on `InsertQuery`. */
export class UpdateQuery<
  TTable extends Table,
  TReturning,
  TMode extends 'sync' | 'async',
  TRun,
> extends FilteredMutation<TReturning, TMode, TRun> {
  private readonly froms: unknown[] = [];

  constructor(
    session: Session<TMode, TRun>,
    table: unknown,
    private readonly setValues: Record<string, unknown>,
    withs: readonly unknown[] = [],
  ) {
    super(session, table, withs);
  }

  /** `update ... from table` (SQLite, PostgreSQL). */
  from(table: FromTarget): this {
    this.froms.push(table);
    return this;
  }

  /** `returning` every column (rows typed as the table's select model), or the given fields. */
  returning(): UpdateQuery<TTable, ReturningRow<TTable, undefined>, TMode, TRun>;
  returning<TFields extends SelectedFields>(
    fields: TFields,
  ): UpdateQuery<TTable, ReturningRow<TTable, TFields>, TMode, TRun>;
  returning(fields?: SelectedFields): UpdateQuery<TTable, unknown, TMode, TRun> {
    if (fields === undefined && this.froms.length > 0 && this.session.dialect === Dialect.postgres) {
      // drizzle-orm on PostgreSQL: every column of an UPDATE ... FROM also returns each FROM target's fields,
      // nested under its name (SQLite's returning() stays the table's columns, as drizzle's does).
      const all: Record<string, unknown> = { ...tableColumns(this.table) };
      for (const from of this.froms) {
        const key = resultKey(from);
        if (key !== undefined) all[key] = tableColumns(from);
      }
      this.returningFields = all;
    } else this.returningFields = fields ?? true;
    return this as never;
  }

  encodeStatement(e: Encoder): void {
    e.update(this.shape(), this.setValues, this.froms);
  }
}
