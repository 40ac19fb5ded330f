/**
 * `db.insert(table).values(...)`: multi-row inserts with column defaults,
 * upserts and RETURNING. Over a host's parameter limit, rows are split into
 * several statements run atomically.
 */
import type { Column } from '../column.js';
import type { Table } from '../table.js';
import type { Encoder } from '../engine/encoder.js';
import type { FieldLeaf } from '../engine/decode.js';
import { tableColumns } from '../engine/table-ref.js';
import { MizzleError } from '../errors.js';
import type { SQLWrapper } from '../sql.js';
import { encodeReturning, encodeSet, encodeTable, encodeValue, returningItems } from './mutation.js';
import type { SelectedItem } from './fields.js';
import type {
  InsertValue,
  ModeResult,
  MutationAll,
  MutationGet,
  MutationResult,
  ReturningRow,
  SelectedFields,
  UpdateSet,
} from './result-types.js';
import type { BoundQuery, Session } from './session.js';
import { bindParams, compileWith, Statement, type PlaceholderValues } from './statement.js';
import { rowMapper } from '../engine/decode.js';

/** drizzle's `onConflictDoUpdate` config. */
export interface OnConflictDoUpdateConfig<TTable extends Table = Table> {
  target: Column | Column[];
  targetWhere?: SQLWrapper;
  /** New values: insert-model values, SQL (e.g. `sql\`excluded.name\``) or columns. */
  set: UpdateSet<TTable>;
  setWhere?: SQLWrapper;
  /** drizzle's older name for `setWhere`. */
  where?: SQLWrapper;
}

/** `db.insert(table)` before `.values(...)`. */
export class InsertBuilder<TTable extends Table, TMode extends 'sync' | 'async', TRun> {
  constructor(
    private readonly session: Session<TMode, TRun>,
    private readonly table: TTable,
  ) {}

  /** One row or several: the table's insert model, any value may be SQL or a placeholder. */
  values(value: InsertValue<TTable>): InsertQuery<TTable, undefined, TMode, TRun>;
  values(values: InsertValue<TTable>[]): InsertQuery<TTable, undefined, TMode, TRun>;
  values(values: InsertValue<TTable> | InsertValue<TTable>[]): InsertQuery<TTable, undefined, TMode, TRun> {
    const rows = (Array.isArray(values) ? values : [values]) as Record<string, unknown>[];
    if (rows.length === 0) throw new MizzleError('invalid', 'values() needs at least one row');
    return new InsertQuery(this.session, this.table, rows);
  }
}

/**
 * An INSERT: chainable, awaitable. `TReturning` is the RETURNING row type, or
 * undefined without RETURNING (then awaiting gives the driver's run result).
 */
export class InsertQuery<TTable extends Table, TReturning, TMode extends 'sync' | 'async', TRun> extends Statement<
  MutationResult<TReturning, TRun>,
  TMode,
  TRun,
  MutationAll<TReturning>,
  MutationGet<TReturning>
> {
  private conflict: ((e: Encoder) => void) | undefined;
  private ignore = false;
  private returningFields: Record<string, unknown> | true | undefined;
  private readonly columns: [string, Column][];
  /** Per row, per column: the value (or undefined for the column default). */
  private readonly cells: unknown[][];

  constructor(
    session: Session<TMode, TRun>,
    private readonly table: unknown,
    rows: Record<string, unknown>[],
  ) {
    super(session);
    const all = Object.entries(tableColumns(table)) as [string, Column][];
    for (const row of rows) {
      for (const key of Object.keys(row)) {
        if (row[key] !== undefined && !all.some(([k]) => k === key)) {
          throw new MizzleError('invalid', `unknown column "${key}" in insert values`);
        }
      }
    }
    // Columns given in some row, or computed in JS for every row.
    this.columns = all.filter(([key, col]) => !col.generated && (col.defaultFn || (col.onUpdateFn && col.default === undefined) || rows.some((r) => r[key] !== undefined)));
    this.cells = rows.map((row) =>
      this.columns.map(([key, col]) => {
        const v = row[key];
        if (v !== undefined) return v;
        if (col.defaultFn) return col.defaultFn();
        if (col.onUpdateFn && col.default === undefined) return col.onUpdateFn();
        return undefined;
      }),
    );
  }

  /** `on conflict [(target)] do nothing` */
  onConflictDoNothing(config: { target?: Column | Column[]; where?: SQLWrapper } = {}): this {
    this.conflict = (e) => {
      e.push(1);
      const target = config.target === undefined ? [] : Array.isArray(config.target) ? config.target : [config.target];
      e.list(target, (c) => e.str(c.name));
      e.maybe(config.where, (w) => e.expr(w));
      e.push(1);
    };
    return this;
  }

  /** `on conflict (target) do update set ...` */
  onConflictDoUpdate(config: OnConflictDoUpdateConfig<TTable>): this {
    this.conflict = (e) => {
      e.push(1);
      const target = Array.isArray(config.target) ? config.target : [config.target];
      e.list(target, (c) => e.str(c.name));
      e.maybe(config.targetWhere, (w) => e.expr(w));
      e.push(2);
      encodeSet(e, this.table, config.set as Record<string, unknown>);
      e.maybe(config.setWhere ?? config.where, (w) => e.expr(w));
    };
    return this;
  }

  /** `insert or ignore` (SQLite) / `insert ignore` (MySQL). */
  orIgnore(): this {
    this.ignore = true;
    return this;
  }

  /** `returning` every column (rows typed as the table's select model), or the given fields. */
  returning(): InsertQuery<TTable, ReturningRow<TTable, undefined>, TMode, TRun>;
  returning<TFields extends SelectedFields>(fields: TFields): InsertQuery<TTable, ReturningRow<TTable, TFields>, TMode, TRun>;
  returning(fields?: SelectedFields): InsertQuery<TTable, unknown, TMode, TRun> {
    this.returningFields = fields ?? true;
    return this as never;
  }

  private items(): SelectedItem[] {
    return returningItems(this.table, this.returningFields);
  }

  protected leaves(): FieldLeaf[] | undefined {
    return this.returningFields === undefined ? undefined : this.items();
  }

  encodeStatement(e: Encoder): void {
    this.encodeRows(e, this.cells);
  }

  private encodeRows(e: Encoder, cells: unknown[][]): void {
    e.push(2, 0);
    encodeTable(e, this.table);
    e.list(this.columns, ([, col]) => e.str(col.name));
    e.push(1);
    e.list(cells, (row) =>
      row.forEach((v, i) => {
        if (v === undefined) return e.push(0);
        e.push(1);
        encodeValue(e, this.columns[i]![1], v);
      }),
    );
    if (this.conflict) this.conflict(e);
    else e.push(0);
    e.push(0, this.ignore ? 1 : 0);
    encodeReturning(e, this.items());
    // Declared defaults, for dialects without DEFAULT in VALUES.
    e.list(this.columns, ([, col]) =>
      e.maybe(col.default, (d) => encodeValue(e, col, d)),
    );
  }

  /** Rows per statement so one statement stays within the host's parameter limit. */
  private chunks(): unknown[][][] {
    const max = this.session.maxParams;
    const perRow = Math.max(1, this.columns.length);
    if (!max || this.cells.length * perRow <= max || this.cells.length === 1) return [this.cells];
    const size = Math.max(1, Math.floor(max / perRow));
    const out: unknown[][][] = [];
    for (let i = 0; i < this.cells.length; i += size) out.push(this.cells.slice(i, i + size));
    return out;
  }

  override bound(placeholders?: PlaceholderValues): { queries: BoundQuery[]; finish(results: unknown[]): unknown } {
    const chunks = this.chunks();
    if (chunks.length === 1) return super.bound(placeholders);
    const kind = this.leaves() ? 'all' : 'run';
    const uses = chunks.map((rows) => compileWith(this.session as never, (e) => this.encodeRows(e, rows)));
    const queries = uses.map((use) => ({ sql: use.compiled.sql, params: bindParams(this.session.engine, use, placeholders), kind, plan: use.compiled.plan }) as BoundQuery);
    const leaves = this.leaves();
    return {
      queries,
      finish: (results) =>
        leaves ? results.flatMap((r, i) => (r as unknown[][]).map(rowMapper(leaves, uses[i]!.compiled.plan))) : results[results.length - 1],
    };
  }

  override all(placeholders?: PlaceholderValues): ModeResult<TMode, MutationAll<TReturning>> {
    if (this.chunks().length > 1) return this.runSplit(placeholders) as never;
    return super.all(placeholders) as never;
  }

  override run(placeholders?: PlaceholderValues): ModeResult<TMode, TRun> {
    if (this.chunks().length > 1) return this.runSplit(placeholders) as never;
    return super.run(placeholders) as never;
  }

  /** Several statements, atomically (one D1 batch; one storage transaction on a Durable Object). */
  private runSplit(placeholders?: PlaceholderValues): unknown {
    const { queries, finish } = this.bound(placeholders);
    const results = this.session.atomic(queries);
    return results instanceof Promise ? results.then(finish) : finish(results as unknown[]);
  }
}
