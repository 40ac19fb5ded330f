/**
 * The `db` object every driver returns: drizzle 0.45's query API over one
 * session (select, insert, update, delete, CTEs before each, $count, batch,
 * transaction), and drizzle's `db._` (the schema as libraries read it).
 */
import { getTableInfo, getTableUniqueName, type Table } from '../table.js';
import type { Column } from '../column.js';
import { type Many, type One, Relations, relationsOf } from '../relations.js';
import { Dialect } from '../engine/engine.js';
import { TransactionOf } from '../entity.js';
import { MizzleError, TransactionRollbackError } from '../errors.js';
import { SQL, sql, type SQLWrapper } from '../sql.js';
import { DeleteQuery } from './delete.js';
import { InsertBuilder, type IsMySqlRun } from './insert.js';
import { CountQuery } from './count.js';
import { RawQuery, type RawResult } from './raw.js';
import { SelectBuilder, type SelectQuery } from './select.js';
import type { AnySubquery, FromTarget, SelectedFields, SelectState, Subquery, SubqueryFields } from './result-types.js';
import type { Session } from '../driver.js';
import { type Runnable, Statement } from './statement.js';
import { makeSubquery } from './subquery.js';
import { subqueryInfo } from '../engine/table-ref.js';
import { UpdateBuilder } from './update.js';
import { relationalQueries } from './relational.js';
import { relationalSchema, type RelationalSchema } from '../relational/schema.js';
import type { RelationalQueries } from './relational-types.js';

/** A CTE made by `db.$with(name).as(query)`: typed like a subquery. */
export type WithSubquery<TAlias extends string = string, TFields = Record<string, unknown>> = Subquery<TAlias, TFields>;

/** The CTE `db.$with(alias).as(query)` makes from a select in state `S`. */
type WithSubqueryOf<TAlias extends string, S extends SelectState> = WithSubquery<
  TAlias,
  SubqueryFields<S['fields'], TAlias, S['nulls']>
>;

/** The fields of a CTE over a data-changing statement: its RETURNING row's values, as aliased SQL. */
type ReturningCteFields<R> = R extends Record<string, unknown> ? { [K in keyof R]: SQL.Aliased<R[K]> } : {};

/** `db.$with(alias)`: `.as(query)` names the query. */
export interface WithBuilder<TAlias extends string, TDb> {
  as<S extends SelectState>(
    query: SelectQuery<S, 'sync' | 'async', unknown> | ((qb: TDb) => SelectQuery<S, 'sync' | 'async', unknown>),
  ): WithSubqueryOf<TAlias, S>;
  as<R>(
    query: { readonly _returning: R } | ((qb: TDb) => { readonly _returning: R }),
  ): WithSubquery<TAlias, ReturningCteFields<R>>;
}

/** `db.selectDistinctOn(on, fields?)`: the builder, typed like `db.select`. */
export interface SelectDistinctOn<TMode extends 'sync' | 'async', TRun> {
  (on: SQLWrapper[]): SelectBuilder<undefined, TMode, TRun>;
  <TFields extends SelectedFields>(on: SQLWrapper[], fields: TFields): SelectBuilder<TFields, TMode, TRun>;
}

/**
 * What `db.with(...ctes)` returns: the builders of `db` whose statements
 * start with the CTEs. A MySQL database's has no `insert` (nor
 * `selectDistinctOn`), as drizzle's mysql-core.
 */
export type WithBuilders<TMode extends 'sync' | 'async', TRun, TSchema extends Record<string, unknown>> = Pick<
  Database<TMode, TRun, TSchema>,
  'select' | 'selectDistinct' | 'selectDistinctOn' | 'update' | 'delete'
> &
  (IsMySqlRun<TRun> extends true ? unknown : Pick<Database<TMode, TRun, TSchema>, 'insert'>);

/** The results of `db.batch([...])`: what awaiting each item gives, in order. */
export type BatchResults<T extends readonly unknown[]> = { -readonly [K in keyof T]: Awaited<T[K]> };

/**
 * One table of `db._.schema`, as drizzle's `TableRelationalConfig`: export
 * name, SQL name, schema, columns, relations and primary-key columns.
 */
export interface TableRelationalConfig {
  readonly tsName: string;
  readonly dbName: string;
  readonly schema: string | undefined;
  readonly columns: Record<string, Column>;
  readonly relations: Record<string, One | Many>;
  readonly primaryKey: Column[];
}

/**
 * drizzle's `db._`: the schema object given to `drizzle()` (`fullSchema`),
 * its tables by export name with their relations (`schema`, undefined
 * without a schema) and export names by `schema.table` (`tableNamesMap`).
 * Libraries written for drizzle (auth adapters) read it.
 */
export interface DatabaseInternals<TSchema> {
  readonly schema: Record<string, TableRelationalConfig> | undefined;
  readonly fullSchema: TSchema;
  readonly tableNamesMap: Record<string, string>;
}

/** drizzle's database object. */
export class Database<
  TMode extends 'sync' | 'async',
  TRun,
  TSchema extends Record<string, unknown> = Record<string, never>,
> {
  /**
   * Relational queries, one builder per table of the `schema` given to
   * `drizzle()`: `db.query.users.findMany({ with: { posts: true } })`.
   */
  readonly query: RelationalQueries<TSchema, TMode, TRun>;

  constructor(
    protected readonly session: Session<TMode, TRun>,
    readonly _schema?: TSchema,
    relational?: RelationalSchema,
  ) {
    this.relational = relational ?? (_schema ? relationalSchema(_schema) : undefined);
    this.query = (this.relational ? relationalQueries(session, this.relational) : {}) as never;
    // An own property where the dialect has it, so a MySQL database has no such key at all (as in drizzle).
    if (session?.dialect !== Dialect.mysql) {
      (this as { selectDistinctOn: unknown }).selectDistinctOn = (on: SQLWrapper[], fields?: SelectedFields) =>
        new SelectBuilder(this.session, fields, true, [], on);
    }
    // PostgreSQL only, as drizzle's PgDatabase: the other dialects' databases have no such key.
    if (session?.dialect === Dialect.postgres) {
      (this as { refreshMaterializedView: unknown }).refreshMaterializedView = (view: object) =>
        new RefreshMaterializedView(this.session, view);
    }
  }

  /** The schema's tables and relations (shared with transactions). */
  protected readonly relational: RelationalSchema | undefined;

  private internals: DatabaseInternals<TSchema> | undefined;

  /** drizzle's `db._` ({@link DatabaseInternals}), built on first read: most code never reads it. */
  get _(): DatabaseInternals<TSchema> {
    if (this.internals === undefined) {
      const schema: Record<string, TableRelationalConfig> = {};
      const tableNamesMap: Record<string, string> = {};
      const declared = Object.values(this._schema ?? {}).filter((v): v is Relations => v instanceof Relations);
      for (const [key, entry] of this.relational ?? []) {
        const info = getTableInfo(entry.table);
        tableNamesMap[getTableUniqueName(entry.table)] = key;
        const columns = info.columns as Record<string, Column>;
        const relations: Record<string, One | Many> = {};
        for (const r of declared) if (r.table === entry.table) Object.assign(relations, relationsOf(r));
        schema[key] = {
          tsName: key,
          dbName: info.name,
          schema: info.schema,
          columns,
          relations,
          primaryKey: Object.values(columns).filter((c) => c.primary),
        };
      }
      this.internals = {
        schema: this.relational ? schema : undefined,
        fullSchema: this._schema ?? ({} as TSchema),
        tableNamesMap,
      };
    }
    return this.internals;
  }

  /**
   * `select fields from ...`; without fields, every column of the FROM
   * table (rows keyed by table name once joined).
   */
  select(): SelectBuilder<undefined, TMode, TRun>;
  select<TFields extends SelectedFields>(fields: TFields): SelectBuilder<TFields, TMode, TRun>;
  select(fields?: SelectedFields): SelectBuilder<SelectedFields | undefined, TMode, TRun> {
    return new SelectBuilder<SelectedFields | undefined, TMode, TRun>(this.session, fields, false);
  }

  /** `select distinct ...` */
  selectDistinct(): SelectBuilder<undefined, TMode, TRun>;
  selectDistinct<TFields extends SelectedFields>(fields: TFields): SelectBuilder<TFields, TMode, TRun>;
  selectDistinct(fields?: SelectedFields): SelectBuilder<SelectedFields | undefined, TMode, TRun> {
    return new SelectBuilder<SelectedFields | undefined, TMode, TRun>(this.session, fields, true);
  }

  /**
   * `select distinct on (exprs) ...` (PostgreSQL): one row per distinct value
   * of `on`; the first by `orderBy`, which should start with the same terms.
   * A MySQL database has none, as drizzle's mysql-core (MySQL has no DISTINCT ON).
   *
   * @example
   * await db.selectDistinctOn([cars.brand], { brand: cars.brand, color: cars.color })
   *   .from(cars)
   *   .orderBy(cars.brand, cars.color);
   */
  declare readonly selectDistinctOn: IsMySqlRun<TRun> extends true ? undefined : SelectDistinctOn<TMode, TRun>;

  /**
   * `refresh materialized view [concurrently] view [with no data]`
   * (PostgreSQL; undefined on the other dialects' databases). Awaiting it
   * gives the driver's result, as `db.execute` does.
   *
   * @example
   * await db.refreshMaterializedView(stats).concurrently();
   */
  declare readonly refreshMaterializedView: (view: object) => RefreshMaterializedView<TRun>;

  /** `insert into table ...` */
  insert<TTable extends Table>(table: TTable): InsertBuilder<TTable, TMode, TRun> {
    return new InsertBuilder(this.session, table, [], () => this as never);
  }

  /** `update table set ...` */
  update<TTable extends Table>(table: TTable): UpdateBuilder<TTable, TMode, TRun> {
    return new UpdateBuilder(this.session, table);
  }

  /** `delete from table ...` */
  delete<TTable extends Table>(table: TTable): DeleteQuery<TTable, undefined, TMode, TRun> {
    return new DeleteQuery(this.session, table);
  }

  /**
   * Names a CTE: `db.$with('sq').as(db.select()...)`; use it with `db.with(sq).select()...`.
   * Also, as in drizzle: `.as(db.insert / update / delete ... .returning())` (PostgreSQL's
   * data-modifying CTEs; `unsupported` elsewhere), and `db.$with('sq', fields).as(sql\`...\`)`.
   */
  $with<TAlias extends string>(alias: TAlias): WithBuilder<TAlias, Database<TMode, TRun, TSchema>>;
  $with<TAlias extends string, TFields extends Record<string, unknown>>(
    alias: TAlias,
    fields: TFields,
  ): {
    as(
      query: SQL | ((qb: Database<TMode, TRun, TSchema>) => SQL),
    ): WithSubquery<TAlias, SubqueryFields<TFields, TAlias, Record<string, never>>>;
  };
  $with(alias: string, fields?: Record<string, unknown>): { as(query: unknown): unknown } {
    return {
      as: (query: unknown) => {
        const q = typeof query === 'function' ? (query as (db: this) => unknown)(this) : query;
        // A CTE's encodeQuery writes its statement (`cte :=` in wasm/README.md).
        if (fields !== undefined) {
          if (q instanceof SQL) return makeSubquery(alias, fields, (e) => e.sqlStatement(q), true);
        } else if (q instanceof Statement) {
          const own = q as Partial<Record<'fieldsObject' | 'cteFields', () => Record<string, unknown>>>;
          const exposed = own.fieldsObject?.() ?? own.cteFields?.();
          if (exposed) return makeSubquery(alias, exposed, (e) => q.encodeStatement(e), true);
        }
        throw new MizzleError(
          'invalid',
          '$with(name).as() takes a query builder, or raw SQL after $with(name, fields)',
        );
      },
    };
  }

  /**
   * Statements that start with `with ctes`: selects, and (as drizzle has them
   * per dialect) updates and deletes everywhere, inserts on SQLite and
   * PostgreSQL. Where the dialect lacks WITH before INSERT / UPDATE / DELETE
   * (the engine's `DmlWith`: MySQL), the engine reports the statement as
   * `unsupported` (an INSERT ... SELECT's CTEs move into its SELECT).
   *
   * @example
   * const active = db.$with('active').as(db.select({ id: users.id }).from(users).where(eq(users.active, true)));
   * await db.with(active).delete(posts).where(notInArray(posts.authorId, db.select().from(active)));
   */
  with(...ctes: AnySubquery[]): WithBuilders<TMode, TRun, TSchema> {
    const builders = {
      select: (fields?: SelectedFields) => new SelectBuilder(this.session, fields, false, ctes) as never,
      selectDistinct: (fields?: SelectedFields) => new SelectBuilder(this.session, fields, true, ctes) as never,
      update: (table: Table) => new UpdateBuilder(this.session, table, ctes),
      delete: (table: Table) => new DeleteQuery(this.session, table, ctes),
    };
    if (this.session?.dialect === Dialect.mysql) return builders as never;
    return {
      ...builders,
      selectDistinctOn: (on: SQLWrapper[], fields?: SelectedFields) =>
        new SelectBuilder(this.session, fields, true, ctes, on) as never,
      insert: (table: Table) => new InsertBuilder(this.session, table, ctes, () => this as never),
    } as never;
  }

  /**
   * The number of rows of `source` matching `where`, as drizzle's count
   * builder: `await` it, or embed it in a select or condition.
   */
  $count(source: FromTarget, where?: SQLWrapper): CountQuery {
    return new CountQuery(this.session, source, where);
  }

  /** Runs a raw statement for its effect (async hosts: lazy and batchable, like drizzle). */
  run(query: SQLWrapper): RawResult<TMode, TRun, TRun> {
    const q = new RawQuery<TRun, TMode, TRun>(this.session, query, 'run');
    return (this.session.mode === 'async' ? q : q.run()) as never;
  }

  /**
   * Runs a raw statement and returns the driver's full result (drizzle's
   * PostgreSQL/MySQL `db.execute`: `rows` as objects keyed by column name,
   * plus the row count and fields).
   */
  execute(query: SQLWrapper): RawResult<TMode, TRun, TRun> {
    return this.run(query);
  }

  /** Runs a raw query and returns its rows as arrays of values. */
  values<T extends unknown[] = unknown[]>(query: SQLWrapper): RawResult<TMode, T[], TRun> {
    const q = new RawQuery<T[], TMode, TRun>(this.session, query, 'all', 'values');
    return (this.session.mode === 'async' ? q : q.execute()) as never;
  }

  /** Runs a raw query; rows as objects keyed by column name. */
  all<T = Record<string, unknown>>(query: SQL | SQLWrapper): RawResult<TMode, T[], TRun> {
    const q = new RawQuery<T[], TMode, TRun>(this.session, query, 'all', 'objects');
    return (this.session.mode === 'async' ? q : q.execute()) as never;
  }

  /** The first row of a raw query, or undefined. */
  get<T = Record<string, unknown>>(query: SQL | SQLWrapper): RawResult<TMode, T | undefined, TRun> {
    const q = new RawQuery<T | undefined, TMode, TRun>(this.session, query, 'all', 'first');
    return (this.session.mode === 'async' ? q : q.execute()) as never;
  }

  /**
   * Runs the queries atomically, in order; the results in the same order,
   * each typed as awaiting that query would be. Needs at least one query.
   */
  async batch<T extends readonly [Runnable, ...Runnable[]]>(queries: T): Promise<BatchResults<T>> {
    if (queries.length === 0) throw new MizzleError('invalid', 'batch() needs at least one query');
    const parts = queries.map((q) => q.bound());
    const flat = parts.flatMap((p) => p.queries);
    const results = await this.session.atomic(flat);
    let i = 0;
    return parts.map((p) => {
      const mine = (results as unknown[]).slice(i, i + p.queries.length);
      i += p.queries.length;
      return p.finish(mine);
    }) as never;
  }

  /** Runs `fn` in a transaction; nested calls become savepoints. */
  transaction<T>(fn: (tx: Transaction<TMode, TRun, TSchema>) => T): T {
    return this.session.transaction((s) => fn(new Transaction(s, this._schema, 1, this.relational, this)), 0);
  }
}

/** The `tx` of `db.transaction((tx) => ...)`. */
export class Transaction<
  TMode extends 'sync' | 'async',
  TRun,
  TSchema extends Record<string, unknown>,
> extends Database<TMode, TRun, TSchema> {
  /** The database this transaction runs on: `is(tx, BaseSQLiteDatabase)` answers for it. */
  readonly [TransactionOf]: object;

  constructor(
    session: Session<TMode, TRun>,
    schema: TSchema | undefined,
    private readonly depth: number,
    relational: RelationalSchema | undefined,
    db: object,
  ) {
    super(session, schema, relational);
    this[TransactionOf] = db;
  }

  /** Aborts the transaction (throws `TransactionRollbackError`). */
  rollback(): never {
    throw new TransactionRollbackError();
  }

  /** A nested transaction: a savepoint. */
  override transaction<T>(fn: (tx: Transaction<TMode, TRun, TSchema>) => T): T {
    return this.session.transaction(
      (s) => fn(new Transaction(s, this._schema, this.depth + 1, this.relational, this[TransactionOf])),
      this.depth,
    );
  }
}

/**
 * drizzle's `PgRefreshMaterializedView`: `db.refreshMaterializedView(view)`.
 * The statement is a raw SQL one like `db.execute`'s, rendered by the engine
 * (the view's name quoted by it), and decided when run, so `.concurrently()` /
 * `.withNoData()` may follow. PostgreSQL refuses the two together, and so does
 * drizzle before sending; this does the same.
 */
export class RefreshMaterializedView<TRun> extends RawQuery<TRun, 'async', TRun> {
  private readonly options: { concurrently?: true; withNoData?: true };

  constructor(session: Session<'sync' | 'async', TRun>, view: object) {
    const options: { concurrently?: true; withNoData?: true } = {};
    super(session as Session<'async', TRun>, { getSQL: () => refreshSql(view, options) }, 'run');
    this.options = options;
  }

  /** `refresh materialized view concurrently ...` (not with `withNoData`). */
  concurrently(): this {
    if (this.options.withNoData) throw new MizzleError('invalid', 'Cannot use concurrently and withNoData together');
    this.options.concurrently = true;
    return this;
  }

  /** `... with no data` (not with `concurrently`). */
  withNoData(): this {
    if (this.options.concurrently) throw new MizzleError('invalid', 'Cannot use concurrently and withNoData together');
    this.options.withNoData = true;
    return this;
  }
}

function refreshSql(view: object, options: { concurrently?: true; withNoData?: true }): SQL {
  const info = subqueryInfo(view);
  if (info === undefined) throw new MizzleError('invalid', 'refreshMaterializedView() expects a pgMaterializedView');
  const name =
    info.schema === undefined
      ? sql.identifier(info.name)
      : sql`${sql.identifier(info.schema)}.${sql.identifier(info.name)}`;
  const concurrently = options.concurrently ? sql` concurrently` : sql.empty();
  const noData = options.withNoData ? sql` with no data` : sql.empty();
  return sql`refresh materialized view${concurrently} ${name}${noData}`;
}
