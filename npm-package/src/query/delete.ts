/**
 * `db.delete(table).where(...)`, with RETURNING and ORDER BY / LIMIT.
 */
import type { Encoder } from '../engine/encoder.js';
import type { Table } from '../table.js';
import { FilteredMutation } from './filtered-mutation.js';
import type { ReturningRow, SelectedFields } from './result-types.js';

/** A DELETE: chainable, awaitable. `TReturning` as on `InsertQuery`. */
export class DeleteQuery<
  TTable extends Table,
  TReturning,
  TMode extends 'sync' | 'async',
  TRun,
> extends FilteredMutation<TReturning, TMode, TRun> {
  /** `returning` every column (rows typed as the table's select model), or the given fields. */
  returning(): DeleteQuery<TTable, ReturningRow<TTable, undefined>, TMode, TRun>;
  returning<TFields extends SelectedFields>(
    fields: TFields,
  ): DeleteQuery<TTable, ReturningRow<TTable, TFields>, TMode, TRun>;
  returning(fields?: SelectedFields): DeleteQuery<TTable, unknown, TMode, TRun> {
    this.returningFields = fields ?? true;
    return this as never;
  }

  encodeStatement(e: Encoder): void {
    e.delete(this.shape());
  }
}
