/**
 * INSERT, UPDATE and DELETE (`insert :=`, `update :=`, `delete :=`,
 * `onconflict :=` in wasm/README.md), from the builders' own state: VALUES or
 * a SELECT as an insert's source, and the CTEs of `db.with(...)` before each.
 */
import type { Column } from '../../column.js';
import { MizzleError } from '../../errors.js';
import type { SelectedItem } from '../../query/fields.js';
import { columnOf, encodeValue } from '../../query/mutation.js';
import type { QueryNode } from '../encoder.js';
import { SQL } from '../../sql.js';
import { tableRef } from '../table-ref.js';
import { Conflict, ConflictAction, InsertCell, InsertSource, Stmt } from '../wire.generated.js';
import { QueryEncoder } from './query.js';

/** An INSERT's state, as `InsertQuery` keeps it. */
export interface InsertShape {
  /** The CTEs of `db.with(...).insert(...)`. */
  readonly withs: readonly unknown[];
  readonly table: unknown;
  /** The columns given (by property key), in table order. */
  readonly columns: readonly (readonly [string, Column])[];
  /** Per row, per column: the value, or undefined for the column's default. */
  readonly rows: readonly (readonly unknown[])[];
  /** INSERT ... SELECT: the query (or raw SQL) whose rows are inserted (then `rows` is unused). */
  readonly select: QueryNode | SQL | undefined;
  readonly conflict: ConflictShape | undefined;
  readonly duplicateSet: Record<string, unknown> | undefined;
  readonly ignore: boolean;
  readonly returning: readonly SelectedItem[];
}

/** `on conflict [(target)] [where] do nothing | do update set ... [where]`. */
export interface ConflictShape {
  readonly target: readonly Column[];
  readonly targetWhere: unknown;
  /** The new values; undefined for `do nothing`. */
  readonly set: Record<string, unknown> | undefined;
  readonly setWhere: unknown;
}

/** An UPDATE's or DELETE's state, as `FilteredMutation` keeps it. */
export interface MutationShape {
  /** The CTEs of `db.with(...).update(...)` / `.delete(...)`. */
  readonly withs: readonly unknown[];
  readonly table: unknown;
  readonly where: unknown;
  readonly orderBy: readonly unknown[];
  readonly limit: unknown;
  readonly returning: readonly SelectedItem[];
}

/** The data-changing layer of the encoder. */
export abstract class DmlEncoder extends QueryEncoder {
  /** `table := schema:s|-1 name:s alias:s|-1` of a statement's target. */
  protected table(table: unknown): void {
    const t = tableRef(table);
    if (!t) throw new MizzleError('invalid', 'expected a table');
    this.optStr(t.schema);
    this.str(t.name);
    this.optStr(t.alias);
  }

  /** `n_set (col:s expr)*` from a `{ key: value }` object; undefined values are skipped. */
  protected assignments(table: unknown, set: Record<string, unknown>): void {
    const keys = Object.keys(set);
    let n = 0;
    for (const key of keys) if (set[key] !== undefined) n++;
    this.op(n);
    for (const key of keys) {
      const value = set[key];
      if (value === undefined) continue;
      const col = columnOf(table, key);
      this.str(col.name);
      encodeValue(this, col, value);
    }
  }

  /** `insert := [flag with] table n_col col:s* source onconflict n_dup ... ignore n_ret item* n_default ...` */
  insert(i: InsertShape): void {
    this.op(Stmt.insert);
    this.with(i.withs);
    this.table(i.table);
    const columns = i.columns;
    this.op(columns.length);
    for (const [, col] of columns) this.str(col.name);
    if (i.select instanceof SQL) {
      this.op(InsertSource.sql);
      this.expr(i.select);
    } else if (i.select) {
      this.op(InsertSource.query);
      this.writeQuery(i.select);
    } else {
      this.op(InsertSource.values);
      this.op(i.rows.length);
      for (const row of i.rows) {
        for (let c = 0; c < row.length; c++) {
          const v = row[c];
          if (v === undefined) {
            this.op(InsertCell.default);
          } else {
            this.op(InsertCell.expr);
            encodeValue(this, columns[c]![1], v);
          }
        }
      }
    }
    this.onConflict(i.table, i.conflict);
    if (i.duplicateSet) this.assignments(i.table, i.duplicateSet);
    else this.op(0);
    this.flag(i.ignore);
    this.items(i.returning);
    // Declared defaults, for dialects without DEFAULT in VALUES (a SELECT has no DEFAULT cells).
    if (i.select) {
      this.op(0);
      return;
    }
    this.op(columns.length);
    for (const [, col] of columns) {
      if (col.default === undefined) {
        this.op(0);
      } else {
        this.op(1);
        encodeValue(this, col, col.default);
      }
    }
  }

  /** `onconflict := 0 | 1 n_target col:s* [flag expr(target where)] action` */
  protected onConflict(table: unknown, c: ConflictShape | undefined): void {
    if (c === undefined) {
      this.op(Conflict.none);
      return;
    }
    this.op(Conflict.on);
    this.columnNames(c.target);
    this.optExpr(c.targetWhere);
    if (c.set === undefined) {
      this.op(ConflictAction.doNothing);
      return;
    }
    this.op(ConflictAction.doUpdate);
    this.assignments(table, c.set);
    this.optExpr(c.setWhere);
  }

  /** `update := [flag with] table n_set ... n_from fromitem* [flag where] n_order order* [flag limit] n_ret item*` */
  update(u: MutationShape, set: Record<string, unknown>, from: readonly unknown[]): void {
    this.op(Stmt.update);
    this.with(u.withs);
    this.table(u.table);
    this.assignments(u.table, set);
    this.op(from.length);
    for (const f of from) this.fromItem(f);
    this.mutationTail(u);
  }

  /** `delete := [flag with] table [flag where] n_order order* [flag limit] n_ret item*` */
  delete(d: MutationShape): void {
    this.op(Stmt.delete);
    this.with(d.withs);
    this.table(d.table);
    this.mutationTail(d);
  }

  protected mutationTail(m: MutationShape): void {
    this.optExpr(m.where);
    this.orders(m.orderBy);
    this.optExpr(m.limit);
    this.items(m.returning);
  }
}
