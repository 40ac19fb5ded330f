/**
 * `db.select(...).from(...)` and friends: joins, where, group by, having,
 * order by, limit/offset, set operations, subqueries and CTEs.
 */
import type { Encoder } from '../engine/encoder.js';
import type { FieldLeaf } from '../engine/decode.js';
import { Dialect } from '../engine/engine.js';
import { resultKey, tableColumns, tableRef } from '../engine/table-ref.js';
import * as operators from '../operators.js';
import type { Placeholder, SQL, SQLWrapper } from '../sql.js';
import { flattenFields, leavesOf, type SelectedItem, tableItems } from './fields.js';
import type {
  AnySubquery,
  FromState,
  FromTarget,
  JoinState,
  SameShape,
  SelectedFields,
  SelectRow,
  SelectState,
  Subquery,
  SubqueryFields,
} from './result-types.js';
import type { Session } from '../driver.js';
import type { IsMySqlRun } from './insert.js';
import type { IndexConfig, IndexHintFor } from '../mysql-core/index-hints.js';
import { Statement } from './statement.js';
import { makeSubquery } from './subquery.js';

/** A join's kind. */
export type JoinKind = 'inner' | 'left' | 'right' | 'full' | 'cross';
/** A set operation between two selects. */
export type SetOpName = 'union' | 'unionAll' | 'intersect' | 'intersectAll' | 'except' | 'exceptAll';
/** What a row lock does when a row is taken: wait (default), `nowait` or `skip locked`. */
export type LockWaitPolicy = 'wait' | 'noWait' | 'skipLocked';

/** Operators handed to `where((fields, ops) => ...)` callbacks. */
export type Operators = typeof operators;

/** Any select, whatever it selects, on any host. */
// biome-ignore lint/suspicious/noExplicitAny: any select's state and host; `unknown` would reject them
export type AnySelectQuery = SelectQuery<any, 'sync' | 'async', any>;

/** A join condition, or a callback given the selection so far (and the operators). */
export type JoinOn<TFields> = SQLWrapper | undefined | ((fields: TFields, ops: Operators) => SQLWrapper | undefined);

/** A WHERE / HAVING condition, or a callback given the selection (and the operators). */
export type SelectCondition<TFields> =
  | SQLWrapper
  | undefined
  | ((fields: TFields, ops: Operators) => SQLWrapper | undefined);

/** An ORDER BY / GROUP BY term: a column, SQL, aliased SQL or `asc()` / `desc()`. */
export type OrderTerm = SQLWrapper;

/** The row-lock strength of `.for(...)` (PostgreSQL; MySQL has `update` and `share`). */
export type LockStrength = 'update' | 'no key update' | 'share' | 'key share';

/** Options of `.for(...)`: the locked tables (`of`), and at most one wait policy. */
export type LockConfig = { of?: FromTarget | FromTarget[] } & (
  | { noWait: true; skipLocked?: undefined }
  | { noWait?: undefined; skipLocked: true }
  | { noWait?: undefined; skipLocked?: undefined }
);

interface JoinConfig {
  kind: JoinKind;
  table: unknown;
  on: SQLWrapper | undefined;
  lateral: boolean;
  /** MySQL index hints on the joined table. */
  indexHints?: IndexConfig | undefined;
}

interface SetOpConfig {
  op: SetOpName;
  query: AnySelectQuery;
}

/** The state of a select. */
export interface SelectConfig {
  fields: Record<string, unknown> | undefined;
  distinct: boolean;
  table: unknown;
  /** MySQL index hints on the FROM table (`from(table, { useIndex })`). */
  indexHints?: IndexConfig | undefined;
  joins: JoinConfig[];
  where?: SQLWrapper | undefined;
  groupBy: unknown[];
  having?: SQLWrapper | undefined;
  orderBy: unknown[];
  limit?: unknown;
  offset?: unknown;
  setOps: SetOpConfig[];
  withs: unknown[];
  /** `select distinct on (...)` expressions (PostgreSQL). */
  distinctOn?: unknown[] | undefined;
  /** `for update|share ... [of ...] [nowait|skip locked]`. */
  lock?: { strength: LockStrength; of: unknown[]; wait: LockWaitPolicy } | undefined;
}

/**
 * The empty list every new select starts with (frozen: lists are replaced, never
 * pushed to), so a select without joins, grouping or ordering allocates none.
 */
const NONE: never[] = Object.freeze([]) as never[];

const NO_NAMES: ReadonlySet<string> = new Set();

/** `db.select(fields)` before `.from(...)`; `TFields` is undefined for `db.select()`. */
export class SelectBuilder<TFields extends SelectedFields | undefined, TMode extends 'sync' | 'async', TRun> {
  constructor(
    private readonly session: Session<TMode, TRun>,
    private readonly fields: TFields | undefined,
    private readonly distinct: boolean,
    private readonly withs: unknown[] = NONE,
    private readonly distinctOn?: unknown[],
  ) {}

  /** The table, alias, subquery or CTE to read from; on MySQL, with index hints for a table. */
  from<TFrom extends FromTarget>(
    table: TFrom,
    indexHints?: IndexHintFor<TFrom, TRun>,
  ): SelectQuery<FromState<TFields, TFrom>, TMode, TRun> {
    // drizzle's mysql-core select has no fullJoin (MySQL has no FULL JOIN): its selects are the class without it.
    const Query = this.session?.dialect === Dialect.mysql ? SelectQueryBase : SelectQuery;
    return new Query(this.session, {
      fields: this.fields as Record<string, unknown> | undefined,
      distinct: this.distinct,
      table,
      indexHints: typeof indexHints === 'object' && indexHints !== null ? (indexHints as IndexConfig) : undefined,
      joins: NONE,
      groupBy: NONE,
      orderBy: NONE,
      setOps: NONE,
      withs: this.withs,
      distinctOn: this.distinctOn,
    }) as never;
  }
}

/**
 * A select with a FROM: chainable, awaitable, usable as a subquery. `S`
 * tracks the selection and joins; the row type is `SelectRow<S>`. MySQL's
 * selects are this class; SQLite's and PostgreSQL's are {@link SelectQuery}.
 */
export class SelectQueryBase<S extends SelectState, TMode extends 'sync' | 'async', TRun> extends Statement<
  SelectRow<S>[],
  TMode,
  TRun
> {
  /** Type-level description (drizzle's `query._`); no run-time value. */
  declare readonly _: {
    readonly result: SelectRow<S>[];
    readonly state: S;
    readonly selectedFields: S['fields'];
  };

  constructor(
    session: Session<TMode, TRun>,
    readonly config: SelectConfig,
  ) {
    super(session);
  }

  protected join(kind: JoinKind, table: unknown, on?: JoinOn<never>, lateral = false, hints?: unknown): this {
    const cond =
      typeof on === 'function' ? (on as (f: unknown, o: Operators) => SQLWrapper)(this.fieldsObject(), operators) : on;
    // drizzle's types allow only an options object here (a string is its refusal text): anything else is no hint.
    const indexHints = typeof hints === 'object' && hints !== null ? (hints as IndexConfig) : undefined;
    this.config.joins = [...this.config.joins, { kind, table, on: cond, lateral, indexHints }];
    return this;
  }

  /** `inner join table on ...` */
  innerJoin<TJoined extends FromTarget>(
    table: TJoined,
    on: JoinOn<S['fields']>,
    indexHints?: IndexHintFor<TJoined, TRun>,
  ): SelectQuery<JoinState<S, TJoined, 'inner'>, TMode, TRun> {
    return this.join('inner', table, on, false, indexHints) as never;
  }
  /** `left join table on ...`: the joined table's fields may be null. */
  leftJoin<TJoined extends FromTarget>(
    table: TJoined,
    on: JoinOn<S['fields']>,
    indexHints?: IndexHintFor<TJoined, TRun>,
  ): SelectQuery<JoinState<S, TJoined, 'left'>, TMode, TRun> {
    return this.join('left', table, on, false, indexHints) as never;
  }
  /** `right join table on ...`: the earlier tables' fields may be null. */
  rightJoin<TJoined extends FromTarget>(
    table: TJoined,
    on: JoinOn<S['fields']>,
    indexHints?: IndexHintFor<TJoined, TRun>,
  ): SelectQuery<JoinState<S, TJoined, 'right'>, TMode, TRun> {
    return this.join('right', table, on, false, indexHints) as never;
  }
  /** `cross join table` */
  crossJoin<TJoined extends FromTarget>(
    table: TJoined,
    indexHints?: IndexHintFor<TJoined, TRun>,
  ): SelectQuery<JoinState<S, TJoined, 'cross'>, TMode, TRun> {
    return this.join('cross', table, undefined, false, indexHints) as never;
  }

  /**
   * `left join lateral (subquery) on ...` (PostgreSQL, MySQL 8): the subquery
   * may refer to the earlier FROM items; its fields may be null.
   */
  leftJoinLateral<TJoined extends AnySubquery>(
    table: TJoined,
    on: JoinOn<S['fields']>,
  ): SelectQuery<JoinState<S, TJoined, 'left'>, TMode, TRun> {
    return this.join('left', table, on, true) as never;
  }
  /** `inner join lateral (subquery) on ...` */
  innerJoinLateral<TJoined extends AnySubquery>(
    table: TJoined,
    on: JoinOn<S['fields']>,
  ): SelectQuery<JoinState<S, TJoined, 'inner'>, TMode, TRun> {
    return this.join('inner', table, on, true) as never;
  }
  /** `cross join lateral (subquery)` */
  crossJoinLateral<TJoined extends AnySubquery>(
    table: TJoined,
  ): SelectQuery<JoinState<S, TJoined, 'cross'>, TMode, TRun> {
    return this.join('cross', table, undefined, true) as never;
  }

  /**
   * A row-locking clause: `for update`, `for no key update`, `for share`,
   * `for key share`, optionally `of` some FROM items and `nowait` or
   * `skip locked` (the engine reports what a dialect lacks as `unsupported`).
   *
   * @example
   * await tx.select().from(jobs).where(eq(jobs.state, 'ready')).limit(1).for('update', { skipLocked: true });
   */
  for(strength: LockStrength, config: LockConfig = {}): this {
    const of = config.of === undefined ? [] : Array.isArray(config.of) ? config.of : [config.of];
    this.config.lock = { strength, of, wait: config.noWait ? 'noWait' : config.skipLocked ? 'skipLocked' : 'wait' };
    return this;
  }

  /** `where condition`; a callback gets the selected fields and the operators. */
  where(where: SelectCondition<S['fields']>): this {
    this.config.where =
      typeof where === 'function'
        ? (where as (f: unknown, o: Operators) => SQLWrapper)(this.fieldsObject(), operators)
        : where;
    return this;
  }

  /** `having condition` */
  having(having: SelectCondition<S['fields']>): this {
    this.config.having =
      typeof having === 'function'
        ? (having as (f: unknown, o: Operators) => SQLWrapper)(this.fieldsObject(), operators)
        : having;
    return this;
  }

  /** `group by ...` (columns, SQL, or a callback given the selection). */
  groupBy(builder: (fields: S['fields']) => OrderTerm | OrderTerm[]): this;
  groupBy(...columns: OrderTerm[]): this;
  groupBy(...columns: unknown[]): this {
    this.config.groupBy =
      typeof columns[0] === 'function'
        ? [(columns[0] as (f: unknown) => unknown)(this.fieldsObject())].flat()
        : columns;
    return this;
  }

  /** `order by ...` (columns, `asc()`/`desc()`, SQL, or a callback). */
  orderBy(builder: (fields: S['fields'], ops: Operators) => OrderTerm | OrderTerm[]): this;
  orderBy(...columns: OrderTerm[]): this;
  orderBy(...columns: unknown[]): this {
    const list =
      typeof columns[0] === 'function'
        ? [(columns[0] as (f: unknown, o: Operators) => unknown)(this.fieldsObject(), operators)].flat()
        : columns;
    this.config.orderBy = list;
    return this;
  }

  /** `limit n`; as drizzle, a negative or NaN number (a page size parsed from nothing) means no limit. */
  limit(limit: number | Placeholder | SQLWrapper): this {
    this.config.limit = typeof limit === 'number' && !(limit >= 0) ? undefined : limit;
    return this;
  }

  /** `offset n`; as drizzle, 0 and NaN mean no offset. */
  offset(offset: number | Placeholder | SQLWrapper): this {
    this.config.offset = typeof offset === 'number' && !offset ? undefined : offset;
    return this;
  }

  /**
   * drizzle's dynamic mode, for helpers over any select
   * (`<T extends SQLiteSelect>(qb: T, page: number) => qb.limit(10).offset(page * 10)`):
   * mizzle's builders already allow every method in any order, so this is the builder.
   */
  $dynamic(): this {
    return this;
  }

  /**
   * This query as a subquery named `alias`, usable in FROM and joins; its
   * columns are re-homed to `alias` (aliased SQL stays aliased SQL).
   */
  as<TAlias extends string>(alias: TAlias): Subquery<TAlias, SubqueryFields<S['fields'], TAlias, S['nulls']>> {
    return makeSubquery(alias, this.fieldsObject(), (e) => this.encodeQuery(e), false) as never;
  }

  private setOp(op: SetOpName, other: AnySelectQuery): this {
    this.config.setOps = [...this.config.setOps, { op, query: other as never }];
    return this;
  }
  /** `union` (duplicates removed); `other` must select the same shape. */
  union<TOther extends AnySelectQuery>(other: TOther & SameShape<TOther['_']['result'][number], SelectRow<S>>): this {
    return this.setOp('union', other);
  }
  /** `union all` */
  unionAll<TOther extends AnySelectQuery>(
    other: TOther & SameShape<TOther['_']['result'][number], SelectRow<S>>,
  ): this {
    return this.setOp('unionAll', other);
  }
  /** `intersect` */
  intersect<TOther extends AnySelectQuery>(
    other: TOther & SameShape<TOther['_']['result'][number], SelectRow<S>>,
  ): this {
    return this.setOp('intersect', other);
  }
  /** `intersect all` (engine: not on SQLite). */
  intersectAll<TOther extends AnySelectQuery>(
    other: TOther & SameShape<TOther['_']['result'][number], SelectRow<S>>,
  ): this {
    return this.setOp('intersectAll', other);
  }
  /** `except` */
  except<TOther extends AnySelectQuery>(other: TOther & SameShape<TOther['_']['result'][number], SelectRow<S>>): this {
    return this.setOp('except', other);
  }
  /** `except all` (engine: not on SQLite). */
  exceptAll<TOther extends AnySelectQuery>(
    other: TOther & SameShape<TOther['_']['result'][number], SelectRow<S>>,
  ): this {
    return this.setOp('exceptAll', other);
  }

  /** The selection as written, or the table's columns (nested per table after joins). */
  fieldsObject(): Record<string, unknown> {
    if (this.config.fields) return this.config.fields;
    if (this.config.joins.length === 0) return tableColumns(this.config.table);
    const out: Record<string, unknown> = {};
    for (const t of [this.config.table, ...this.config.joins.map((j) => j.table)]) {
      const key = resultKey(t);
      if (key !== undefined) out[key] = tableColumns(t);
    }
    return out;
  }

  private items(): SelectedItem[] {
    const c = this.config;
    return !c.fields && c.joins.length === 0 ? tableItems(c.table) : flattenFields(this.fieldsObject());
  }

  /** Names of tables whose fields can be null because of outer joins. */
  private nullableTables(): ReadonlySet<string> {
    if (this.config.joins.length === 0) return NO_NAMES;
    const names = (t: unknown) => {
      const r = tableRef(t);
      return r ? (r.alias ?? r.name) : '';
    };
    const out = new Set<string>();
    const seen: string[] = [names(this.config.table)];
    for (const j of this.config.joins) {
      const n = names(j.table);
      if (j.kind === 'left' || j.kind === 'full') out.add(n);
      if (j.kind === 'right' || j.kind === 'full') for (const s of seen) out.add(s);
      seen.push(n);
    }
    return out;
  }

  protected leaves(): readonly FieldLeaf[] {
    return leavesOf(this.items(), this.nullableTables());
  }

  encodeStatement(e: Encoder): void {
    e.queryStatement(this);
  }

  /** Writes the query form (used directly for subqueries). */
  encodeQuery(e: Encoder): void {
    e.query(this.config, this.items());
  }

  /** drizzle's `getSQL()` so a select can stand in `sql` templates and `inArray`. */
  getSQL(): SQL {
    return this as never;
  }
}

/**
 * A select of SQLite or PostgreSQL: {@link SelectQueryBase} with `fullJoin`,
 * which MySQL's selects lack as drizzle's mysql-core ones do.
 */
export class SelectQuery<S extends SelectState, TMode extends 'sync' | 'async', TRun> extends SelectQueryBase<
  S,
  TMode,
  TRun
> {
  /** `full join table on ...`: every table's fields may be null. Not on MySQL (a type error there). */
  fullJoin<TJoined extends FromTarget>(
    this: SelectQuery<S, TMode, IsMySqlRun<TRun> extends true ? never : TRun>,
    table: TJoined,
    on: JoinOn<S['fields']>,
  ): SelectQuery<JoinState<S, TJoined, 'full'>, TMode, TRun> {
    return this.join('full', table, on) as never;
  }
}
