/**
 * Query building without a database: the shared part of drizzle's standalone
 * `QueryBuilder` (`new QueryBuilder()` of sqlite-core / pg-core / mysql-core)
 * and of its dialect classes' `sqlToQuery(sql)` (`SQLiteSyncDialect`,
 * `PgDialect`, `MySqlDialect`...). The per-dialect files only say which wasm
 * build compiles for them.
 *
 * Both compile through the engine like any query, on a session that has an
 * engine but no driver: `toSQL()` works, running throws (as drizzle's
 * query-builder selects, which have no session). The engine is loaded on first
 * compile, not on construction, with the dialect's synchronous loader: Node and
 * workerd instantiate it then; in a browser `initEngine()` of `mizzle/wasm/...`
 * must have resolved first (src/wasm/types.ts), or compiling throws.
 *
 * A select built here can be embedded in a real database's query (subquery,
 * CTE, `insert().select()`): embedding re-encodes it into the outer query's
 * encoder, so which engine instance built it does not matter.
 */
import type { Session } from '../driver.js';
import type { Dialect, Engine } from '../engine/engine.js';
import { MizzleError } from '../errors.js';
import { placeholder, type SQL, type SQLWrapper } from '../sql.js';
import { Database, type WithSubquery } from './database.js';
import type { AnySubquery, SelectedFields, SelectState, SubqueryFields } from './result-types.js';
import type { SelectBuilder, SelectQuery } from './select.js';
import { compileWith } from './statement.js';

/** drizzle's message for running a query-builder query. */
const CANNOT_RUN = 'Cannot execute a query on a query builder. Please use a database instance instead.';

/** A session that compiles with `engine()` (called on first use) and refuses to run anything. */
export function detachedSession(dialect: Dialect, engine: () => Engine): Session<'sync', void> {
  const refuse = (): never => {
    throw new MizzleError('unsupported', CANNOT_RUN);
  };
  let loaded: Engine | undefined;
  return {
    mode: 'sync',
    dialect,
    get engine() {
      loaded ??= engine();
      return loaded;
    },
    all: refuse,
    allObjects: refuse,
    run: refuse,
    atomic: refuse,
    transaction: refuse,
  };
}

/** drizzle's `QueryWithTypings` (mizzle sends no PostgreSQL type hints: `typings` is never set). */
export interface Query {
  sql: string;
  params: unknown[];
  typings?: unknown[];
}

/**
 * `sql` rendered for `session`'s dialect as a raw statement (what `db.run(sql)`
 * sends): the SQL text and its parameters, a placeholder's slot holding the
 * `Placeholder` itself, as drizzle's `sqlToQuery`.
 */
export function renderSQL(session: Session, sql: SQLWrapper): Query {
  const use = compileWith(session, (e) => e.sqlStatement(sql.getSQL()));
  const slots = use.compiled.params;
  const params = slots.map((p, i) => (p >= 0 ? use.values[p] : placeholder(use.compiled.names?.[i] ?? '')));
  return { sql: use.compiled.sql, params };
}

/**
 * The base of drizzle's dialect classes as far as application code uses them:
 * `sqlToQuery(sql)`. drizzle's constructor takes `{ casing }`; mizzle's
 * databases have no `casing` option either, so it is accepted and ignored.
 */
export class DialectBase {
  /** The driverless session this dialect compiles on. */
  private readonly session: Session;

  protected constructor(dialect: Dialect, engine: () => Engine) {
    this.session = detachedSession(dialect, engine);
  }

  /** `{ sql, params }` of a SQL object, as `db.run(sql)` would send it on this dialect. */
  sqlToQuery(sql: SQL, _invokeSource?: 'indexes'): Query {
    return renderSQL(this.session, sql);
  }
}

/** What `qb.with(...ctes)` offers: selects that start with the CTEs. */
export interface QueryBuilderWith {
  select(): SelectBuilder<undefined, 'sync', void>;
  select<TFields extends SelectedFields>(fields: TFields): SelectBuilder<TFields, 'sync', void>;
  selectDistinct(): SelectBuilder<undefined, 'sync', void>;
  selectDistinct<TFields extends SelectedFields>(fields: TFields): SelectBuilder<TFields, 'sync', void>;
}

/** What `qb.$with(alias)` returns: `.as(query)` makes the CTE, typed like a subquery. */
export interface WithAs<TAlias extends string, TQB> {
  as<S extends SelectState>(
    query: SelectQuery<S, 'sync' | 'async', unknown> | ((qb: TQB) => SelectQuery<S, 'sync' | 'async', unknown>),
  ): WithSubquery<TAlias, SubqueryFields<S['fields'], TAlias, S['nulls']>>;
}

/**
 * drizzle's standalone `QueryBuilder`, minus what only PostgreSQL has
 * (`selectDistinctOn`, added by pg-core's subclass): selects and CTEs built
 * on a driverless database of one dialect.
 */
export class QueryBuilderBase {
  /** A database over the driverless session; only its select and CTE builders are offered. */
  protected readonly db: Database<'sync', void>;

  protected constructor(dialect: Dialect, engine: () => Engine) {
    this.db = new Database(detachedSession(dialect, engine));
  }

  /** Names a CTE: `qb.$with('sq').as(qb.select()...)` or `.as((qb) => qb.select()...)`. */
  $with<TAlias extends string>(alias: TAlias): WithAs<TAlias, this> {
    return {
      as: (query) => this.db.$with(alias).as(typeof query === 'function' ? query(this) : query) as never,
    };
  }

  /** Selects that start with `with ctes`. */
  with(...ctes: AnySubquery[]): QueryBuilderWith {
    const w = this.db.with(...ctes);
    return { select: w.select.bind(w), selectDistinct: w.selectDistinct.bind(w) } as QueryBuilderWith;
  }

  select(): SelectBuilder<undefined, 'sync', void>;
  select<TFields extends SelectedFields>(fields: TFields): SelectBuilder<TFields, 'sync', void>;
  select(fields?: SelectedFields): SelectBuilder<SelectedFields | undefined, 'sync', void> {
    return this.db.select(fields as SelectedFields) as never;
  }

  selectDistinct(): SelectBuilder<undefined, 'sync', void>;
  selectDistinct<TFields extends SelectedFields>(fields: TFields): SelectBuilder<TFields, 'sync', void>;
  selectDistinct(fields?: SelectedFields): SelectBuilder<SelectedFields | undefined, 'sync', void> {
    return this.db.selectDistinct(fields as SelectedFields) as never;
  }
}
