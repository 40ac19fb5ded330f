/**
 * `db.insert(table).values(...)` and `.select(query)`: multi-row inserts with
 * column defaults, INSERT ... SELECT, upserts, RETURNING and leading CTEs
 * (`db.with(cte).insert(...)`). Over a host's parameter limit, VALUES rows are
 * split into several statements run atomically.
 */
import type { Column } from '../column.js';
import type { InferSelectFromColumns, Table } from '../table.js';
import { isQueryNode, type ConflictShape, type Encoder, type QueryNode } from '../engine/encoder.js';
import type { FieldLeaf } from '../engine/decode.js';
import { columnEntries, tableColumns } from '../engine/table-ref.js';
import { MizzleError } from '../errors.js';
import { Placeholder, SQL, type SQLWrapper } from '../sql.js';
import { returnedFields, returningItems, updateSet } from './mutation.js';
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
import type { BoundQuery, Session } from '../driver.js';
import type { Database } from './database.js';
import { embeddedStatement } from './embed.js';
import type { AnySelectQuery } from './select.js';
import {
  boundQuery,
  compileWith,
  Prepared,
  Statement,
  then,
  type CompiledUse,
  type PlaceholderValues,
} from './statement.js';
import { rowMapper } from '../engine/decode.js';
import { Dialect } from '../engine/engine.js';

/** Whether some row gives `key` a value (a loop, not `rows.some`: no closure per column per insert). */
function someRowSets(rows: readonly Record<string, unknown>[], key: string): boolean {
  for (const r of rows) if (r[key] !== undefined) return true;
  return false;
}

/**
 * Whether a column a row omits still gets a value from the schema, as drizzle
 * sends one: on SQLite its `.default()` (a value as a parameter, SQL as SQL),
 * else `$defaultFn()`, else `$onUpdate()` when there is no `.default()` (a
 * falsy one counts as none there, as in drizzle); on PostgreSQL and MySQL
 * drizzle sends `default` for a `.default()` column, which leaving it out is,
 * so only `$defaultFn` and `$onUpdate` give values. (Leaving SQLite's
 * `.default()` columns to the database stored NULL in a table created without
 * that DDL default, by hand or by another tool, where drizzle stores the value.)
 */
function fillsOmitted(col: Column, sqlite: boolean): boolean {
  return (
    (sqlite && col.default !== undefined && col.default !== null) ||
    col.defaultFn !== undefined ||
    (!col.default && col.onUpdateFn !== undefined)
  );
}

/** The value sent for a column a row omits ({@link fillsOmitted}), or undefined to leave it to the database. */
function omittedValue(col: Column, sqlite: boolean): unknown {
  if (sqlite && col.default !== undefined && col.default !== null) return col.default;
  if (col.defaultFn) return col.defaultFn();
  if (!col.default && col.onUpdateFn) return col.onUpdateFn();
  return undefined;
}

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

/** drizzle's `onDuplicateKeyUpdate` config (MySQL). */
export interface OnDuplicateKeyUpdateConfig<TTable extends Table = Table> {
  /** New values: insert-model values, SQL (e.g. `sql\`values(${users.name})\``) or columns. */
  set: UpdateSet<TTable>;
}

/**
 * What `$returningId()` needs from the driver's run result (MySQL's OK
 * packet): the first AUTO_INCREMENT value the statement generated and the
 * number of affected rows. PlanetScale's `ExecutedQuery` has exactly these
 * (`insertId` is a decimal string there, `'0'` when none was generated).
 *
 * @example
 * const result: MySqlRunResult = { insertId: '41', rowsAffected: 2 }; // ids 41 and 42
 */
export interface MySqlRunResult {
  readonly insertId: number | string | bigint;
  readonly rowsAffected: number;
}

/**
 * `true` when `TRun` is MySQL's run result: how the types of the shared
 * database and select classes tell a MySQL database (whose dialect is not a
 * type parameter) from the others, to drop what drizzle's mysql-core lacks
 * (`selectDistinctOn`, `fullJoin`).
 *
 * @example
 * type Yes = IsMySqlRun<PlanetScaleRunResult>; // true
 */
export type IsMySqlRun<TRun> = [TRun] extends [never]
  ? false
  : unknown extends TRun
    ? false
    : [TRun] extends [MySqlRunResult]
      ? true
      : false;

type ReturningIdKeys<TColumns extends Record<string, Column>> = {
  [K in keyof TColumns]: TColumns[K]['_']['isPrimaryKey'] extends true
    ? TColumns[K]['_']['isAutoincrement'] extends true
      ? K
      : TColumns[K]['_']['hasRuntimeDefault'] extends true
        ? K
        : never
    : never;
}[keyof TColumns];

/**
 * The row type of `$returningId()`: the primary keys that are AUTO_INCREMENT
 * or have a `$defaultFn` (drizzle's `GetPrimarySerialOrDefaultKeys`).
 *
 * @example
 * type Ids = ReturningIdRow<typeof users>; // { id: number }
 */
export type ReturningIdRow<TTable extends Table> = InferSelectFromColumns<{
  [K in ReturningIdKeys<TTable['_']['columns']>]: TTable['_']['columns'][K];
}>;

/**
 * What `insert().select((qb) => ...)` hands the callback: drizzle gives a
 * standalone QueryBuilder; mizzle gives the database the insert came from,
 * whose select builders are the same.
 */
export type InsertQueryBuilder<TMode extends 'sync' | 'async', TRun> = Pick<
  Database<TMode, TRun, Record<string, never>>,
  'select' | 'selectDistinct' | 'selectDistinctOn' | '$with' | 'with'
>;

/**
 * A select that `insert(table).select(...)` takes: one field per column of
 * the table, under the column's key (drizzle's `SQLiteInsertSelectQueryBuilder`;
 * at run time every key, in table order, as drizzle checks).
 */
export type InsertSelectQuery<TTable extends Table> = AnySelectQuery & {
  readonly _: { readonly selectedFields: { [K in keyof TTable['$inferInsert']]: unknown } };
};

/** drizzle's message when a select's fields are not the table's columns in order (kept to the letter). */
const INSERT_SELECT_KEYS =
  'Insert select error: selected fields are not the same or are in a different order compared to the table definition';

/** `db.insert(table)` before `.values(...)` or `.select(...)`. */
export class InsertBuilder<TTable extends Table, TMode extends 'sync' | 'async', TRun> {
  private shouldIgnore = false;

  constructor(
    private readonly session: Session<TMode, TRun>,
    private readonly table: TTable,
    /** The CTEs of `db.with(...).insert(table)`. */
    private readonly withs: readonly unknown[],
    /** The database, handed to `select((qb) => ...)`. */
    private readonly queryBuilder: () => InsertQueryBuilder<TMode, TRun>,
  ) {}

  /**
   * `insert ignore` (MySQL; `insert or ignore` on SQLite): rows that would
   * violate a unique key are skipped.
   *
   * @example
   * await db.insert(users).ignore().values({ id: 1, name: 'ann' });
   */
  ignore(): this {
    this.shouldIgnore = true;
    return this;
  }

  /** One row or several: the table's insert model, any value may be SQL or a placeholder. */
  values(value: InsertValue<TTable>): InsertQuery<TTable, undefined, TMode, TRun>;
  values(values: InsertValue<TTable>[]): InsertQuery<TTable, undefined, TMode, TRun>;
  values(values: InsertValue<TTable> | InsertValue<TTable>[]): InsertQuery<TTable, undefined, TMode, TRun> {
    const rows = (Array.isArray(values) ? values : [values]) as Record<string, unknown>[];
    if (rows.length === 0) throw new MizzleError('invalid', 'values() needs at least one row');
    const query = new InsertQuery<TTable, undefined, TMode, TRun>(this.session, this.table, rows, this.withs);
    return this.shouldIgnore ? query.orIgnore() : query;
  }

  /**
   * `insert into table (every column) select ...`: the select (or what the
   * callback builds from `qb`) must select every column of the table, by its
   * key and in table order, as drizzle requires. Upserts and RETURNING follow
   * as after `values()`.
   *
   * @example
   * await db.insert(archive).select(db.select().from(users).where(eq(users.active, false)));
   * await db.insert(archive).select((qb) => qb.select().from(users)).onConflictDoNothing();
   * await db.insert(archive).select(sql`select * from ${users}`); // raw SQL: one value per insertable column
   */
  select(
    query: InsertSelectQuery<TTable> | SQL | ((qb: InsertQueryBuilder<TMode, TRun>) => InsertSelectQuery<TTable> | SQL),
  ): InsertQuery<TTable, undefined, TMode, TRun> {
    const q: unknown = typeof query === 'function' ? query(this.queryBuilder()) : query;
    if (!(q instanceof SQL)) {
      if (!isQueryNode(q) || !('fieldsObject' in q)) {
        throw new MizzleError('invalid', 'insert().select() takes a select builder or raw SQL');
      }
      const selected = Object.keys((q as AnySelectQuery).fieldsObject());
      const columns = Object.keys(tableColumns(this.table));
      if (selected.length !== columns.length || selected.some((k, i) => k !== columns[i])) {
        throw new MizzleError('invalid', INSERT_SELECT_KEYS);
      }
    }
    const insert = new InsertQuery<TTable, undefined, TMode, TRun>(this.session, this.table, q, this.withs);
    return this.shouldIgnore ? insert.orIgnore() : insert;
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
  private conflict: ConflictShape | undefined;
  private duplicateSet: Record<string, unknown> | undefined;
  /** `$returningId()`: the key columns whose values are reported, by property key. */
  private idColumns: [string, Column][] | undefined;
  private ignore = false;
  private returningFields: Record<string, unknown> | true | undefined;
  /** Type only: the RETURNING row, which `$with(name).as(this)` exposes as fields. */
  declare readonly _returning: TReturning;
  private readonly columns: [string, Column][];
  /** Per row, per column: the value (or undefined for the column default); none for INSERT ... SELECT. */
  private readonly cells: unknown[][];
  /** The select (or raw SQL) of INSERT ... SELECT. */
  private readonly source: QueryNode | SQL | undefined;

  constructor(
    session: Session<TMode, TRun>,
    private readonly table: unknown,
    rows: Record<string, unknown>[] | QueryNode | SQL,
    private readonly withs: readonly unknown[] = [],
  ) {
    super(session);
    if (!Array.isArray(rows)) {
      // INSERT ... SELECT names every insertable column, in table order, as drizzle does.
      this.source = rows;
      this.columns = columnEntries(table).filter(([, col]) => !col.generated);
      this.cells = [];
      return;
    }
    // Keys that name no column are ignored, as drizzle does (request bodies carry extra fields).
    const sqlite = session.dialect === Dialect.sqlite;
    const columns: [string, Column][] = [];
    for (const entry of columnEntries(table)) {
      const [key, col] = entry;
      if (!col.generated && (fillsOmitted(col, sqlite) || someRowSets(rows, key))) columns.push(entry);
    }
    this.columns = columns;
    this.cells = new Array<unknown[]>(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      const cells = new Array<unknown>(columns.length);
      for (let i = 0; i < columns.length; i++) {
        const [key, col] = columns[i]!;
        const v = row[key];
        cells[i] = v !== undefined ? v : omittedValue(col, sqlite);
      }
      this.cells[r] = cells;
    }
  }

  /** `on conflict [(target)] do nothing` */
  onConflictDoNothing(config: { target?: Column | Column[]; where?: SQLWrapper } = {}): this {
    const target = config.target === undefined ? [] : Array.isArray(config.target) ? config.target : [config.target];
    this.conflict = { target, targetWhere: config.where, set: undefined, setWhere: undefined };
    return this;
  }

  /** `on conflict (target) do update set ...` */
  onConflictDoUpdate(config: OnConflictDoUpdateConfig<TTable>): this {
    this.conflict = {
      target: Array.isArray(config.target) ? config.target : [config.target],
      targetWhere: config.targetWhere,
      // As drizzle: unknown keys ignored, `$onUpdate` columns the set leaves out updated too.
      set: updateSet(this.table, config.set as Record<string, unknown>, true),
      setWhere: config.setWhere ?? config.where,
    };
    return this;
  }

  /**
   * `on duplicate key update set ...` (MySQL): a row that hits an existing
   * primary or unique key updates it instead. Columns with `$onUpdate` that
   * the set leaves out get their JS value, as in an update.
   *
   * @example
   * await db.insert(users).values({ id: 1, name: 'ann' })
   *   .onDuplicateKeyUpdate({ set: { name: sql`values(${users.name})` } });
   */
  onDuplicateKeyUpdate(config: OnDuplicateKeyUpdateConfig<TTable>): this {
    // In table order, as drizzle writes it; keys that name no column are ignored.
    const set = updateSet(this.table, config.set as Record<string, unknown>, true);
    if (Object.keys(set).length === 0)
      throw new MizzleError('invalid', 'onDuplicateKeyUpdate() needs at least one value to set');
    this.duplicateSet = set;
    return this;
  }

  /**
   * Awaiting gives the inserted rows' keys, `[{ id }]` (MySQL, which has no
   * RETURNING): an AUTO_INCREMENT primary key (or `serial`) counts up from
   * the driver's `insertId`, one per affected row up to the number of rows
   * given; a primary key with `$defaultFn` reports the value each row was
   * sent with. Needs a driver whose run result is a {@link MySqlRunResult}.
   *
   * @example
   * const [{ id }] = await db.insert(users).values({ name: 'ann' }).$returningId();
   */
  $returningId(): InsertQuery<TTable, ReturningIdRow<TTable>, TMode, TRun> {
    this.idColumns = (Object.entries(tableColumns(this.table)) as [string, Column][]).filter(
      ([, c]) =>
        (c.primary || (c.autoIncrement && c.columnType === 'MySqlSerial')) &&
        (c.autoIncrement || c.defaultFn !== undefined),
    );
    return this as never;
  }

  /** The `$returningId()` rows of one statement's run result; `first` is the row offset of a split insert's chunk. */
  private ids(
    result: unknown,
    rows: number,
    first: number,
    placeholders: PlaceholderValues | undefined,
  ): Record<string, unknown>[] {
    if (this.idColumns!.length === 0) return [];
    const r = result as Partial<MySqlRunResult> | null | undefined;
    if (r == null || typeof r !== 'object' || r.insertId === undefined || typeof r.rowsAffected !== 'number') {
      throw new MizzleError(
        'invalid',
        '$returningId() needs a driver whose run result has insertId and rowsAffected (MySQL)',
      );
    }
    const insertId = Number(r.insertId);
    // Upserts count 2 per updated row: never report more rows than were sent.
    const n = Math.min(r.rowsAffected, rows);
    const out: Record<string, unknown>[] = [];
    for (let j = 0; j < n; j++) {
      const row: Record<string, unknown> = {};
      for (const [key, col] of this.idColumns!) {
        if (col.autoIncrement) {
          row[key] = insertId + j;
        } else {
          const v = this.cells[first + j]?.[this.columns.findIndex(([k]) => k === key)];
          row[key] = v instanceof Placeholder ? placeholders?.[v.name] : v;
        }
      }
      out.push(row);
    }
    return out;
  }

  protected override defaultKind(): 'all' | 'run' {
    return this.idColumns ? 'run' : super.defaultKind();
  }

  override execute(placeholders?: PlaceholderValues): ModeResult<TMode, MutationResult<TReturning, TRun>> {
    if (!this.idColumns) return super.execute(placeholders);
    if (this.chunks().length > 1) return this.runSplit(placeholders) as never;
    return then(super.run(placeholders) as unknown, (r) => this.ids(r, this.rowCount(), 0, placeholders)) as never;
  }

  override prepare(
    name?: string,
  ): Prepared<MutationResult<TReturning, TRun>, TMode, TRun, MutationAll<TReturning>, MutationGet<TReturning>> {
    if (!this.idColumns) return super.prepare(name);
    return new ReturningIdPrepared(this.session, this.use(), (r, p) => this.ids(r, this.rowCount(), 0, p)) as never;
  }

  /** `insert or ignore` (SQLite) / `insert ignore` (MySQL). */
  orIgnore(): this {
    this.ignore = true;
    return this;
  }

  /** `returning` every column (rows typed as the table's select model), or the given fields. */
  returning(): InsertQuery<TTable, ReturningRow<TTable, undefined>, TMode, TRun>;
  returning<TFields extends SelectedFields>(
    fields: TFields,
  ): InsertQuery<TTable, ReturningRow<TTable, TFields>, TMode, TRun>;
  returning(fields?: SelectedFields): InsertQuery<TTable, unknown, TMode, TRun> {
    this.returningFields = fields ?? true;
    return this as never;
  }

  /** The fields of `db.$with(name).as(this)` (PostgreSQL's data-modifying CTE). */
  cteFields(): Record<string, unknown> {
    return returnedFields(this.table, this.returningFields);
  }

  private items(): readonly SelectedItem[] {
    return returningItems(this.table, this.returningFields);
  }

  protected leaves(): readonly FieldLeaf[] | undefined {
    return this.returningFields === undefined ? undefined : this.items();
  }

  encodeStatement(e: Encoder): void {
    this.encodeRows(e, this.cells);
  }

  /** Rows sent: unknown for INSERT ... SELECT (the driver's count then decides). */
  private rowCount(): number {
    return this.source ? Number.POSITIVE_INFINITY : this.cells.length;
  }

  /**
   * drizzle's dynamic mode, for helpers that add clauses to any insert
   * (`<T extends SQLiteInsert>(q: T) => q.onConflictDoNothing()`); mizzle's
   * builders already allow every method in any order, so this is the builder.
   */
  $dynamic(): this {
    return this;
  }

  /** drizzle's `getSQL()`: the whole insert as SQL, to embed in a `sql` template. */
  getSQL(): SQL {
    return embeddedStatement(this.session, this);
  }

  private encodeRows(e: Encoder, rows: unknown[][]): void {
    e.insert({
      withs: this.withs,
      table: this.table,
      columns: this.columns,
      rows,
      select: this.source,
      conflict: this.conflict,
      duplicateSet: this.duplicateSet,
      ignore: this.ignore,
      returning: this.items(),
    });
  }

  /**
   * Rows per statement so one statement stays within the host's parameter limit: the rule of core's
   * `Insert::split_rows`, which mizzle-workers (Rust) uses.
   */
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
    if (chunks.length === 1 && !this.idColumns) return super.bound(placeholders);
    if (chunks.length === 1) {
      const b = super.bound(placeholders);
      return { queries: b.queries, finish: ([r]) => this.ids(r, this.rowCount(), 0, placeholders) };
    }
    const kind = this.leaves() ? 'all' : 'run';
    const uses = chunks.map((rows) => compileWith(this.session as never, (e) => this.encodeRows(e, rows)));
    const queries = uses.map((use) => boundQuery(use, kind, placeholders));
    const leaves = this.leaves();
    const starts = chunks.map((_, i) => chunks.slice(0, i).reduce((n, c) => n + c.length, 0));
    return {
      queries,
      finish: (results) =>
        this.idColumns
          ? results.flatMap((r, i) => this.ids(r, chunks[i]!.length, starts[i]!, placeholders))
          : leaves
            ? results.flatMap((r, i) => (r as unknown[][]).map(rowMapper(leaves, uses[i]!.compiled.plan)))
            : results[results.length - 1],
    };
  }

  override all(placeholders?: PlaceholderValues): ModeResult<TMode, MutationAll<TReturning>> {
    if (this.idColumns) return this.execute(placeholders) as never;
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

/** A prepared `$returningId()` insert: executing it runs the statement and reports the keys. */
class ReturningIdPrepared<TResult, TMode extends 'sync' | 'async', TRun, TAll, TGet> extends Prepared<
  TResult,
  TMode,
  TRun,
  TAll,
  TGet
> {
  constructor(
    session: Session<TMode, TRun>,
    use: CompiledUse,
    private readonly toIds: (result: unknown, placeholders: PlaceholderValues | undefined) => unknown,
  ) {
    super(session, use, undefined, 'run');
  }

  override execute(placeholders?: PlaceholderValues): ModeResult<TMode, TResult> {
    return then(this.run(placeholders) as unknown, (r) => this.toIds(r, placeholders)) as never;
  }

  override all(placeholders?: PlaceholderValues): ModeResult<TMode, TAll> {
    return this.execute(placeholders) as never;
  }
}
