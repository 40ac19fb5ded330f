/**
 * `db.query.<table>.findMany(config)` / `findFirst(config)`: drizzle 0.45's
 * relational queries. The config becomes a level tree (columns, extras,
 * relations with their join columns, where, order, limit, offset), written
 * as one opcode shape; the engine plans it into ONE statement per dialect
 * (mizzle_core::relational) and the rows decode with the plan.
 */
import type { Column } from '../column.js';
import { relationalMapper, type LevelShape } from '../engine/relational-decode.js';
import { MizzleError } from '../errors.js';
import * as operators from '../operators.js';
import type { RelationalSchema, TableEntry } from '../relational/schema.js';
import { SQL, sql, type SQLWrapper } from '../sql.js';
import { getTableInfo, type Table } from '../table.js';
import { aliasTable } from '../table-alias.js';
import type { FindFirstConfig, FindManyConfig, FindResult, KnownKeysOnly } from './relational-types.js';
import type { ModeResult } from './result-types.js';
import type { BoundQuery, Session } from '../driver.js';
import {
  boundQuery,
  compileWith,
  mappedRows,
  then,
  type CompiledUse,
  type PlaceholderValues,
  type Runnable,
} from './statement.js';

/** The operators a relational `where` callback gets (with `sql`). */
export const relationalOperators = { ...operators, sql };

/** The helpers an `orderBy` callback gets. */
const orderHelpers = { asc: operators.asc, desc: operators.desc };

/** A relational query's options (drizzle's `DBQueryConfig`), untyped; the typed form is in relational-types.ts. */
export interface RelationalConfig {
  columns?: Record<string, boolean | undefined>;
  with?: Record<string, true | RelationalConfig | undefined | false>;
  where?: SQLWrapper | undefined | ((fields: never, ops: typeof relationalOperators) => SQLWrapper | undefined);
  orderBy?: unknown;
  limit?: unknown;
  offset?: unknown;
  extras?: Record<string, unknown> | ((fields: never, ops: { sql: typeof sql }) => Record<string, unknown>);
}

/** One level of the tree, as the encoder and decoder need it. */
export interface RelationalLevel extends LevelShape {
  readonly entry: TableEntry;
  /** The level's alias; undefined at the top, which uses the table's own name. */
  readonly alias: string | undefined;
  readonly fields: readonly {
    readonly key: string;
    readonly value: unknown;
    readonly custom?: ((v: unknown) => unknown) | undefined;
  }[];
  readonly relations: readonly {
    readonly key: string;
    readonly many: boolean;
    readonly on: readonly (readonly [string, string])[];
    readonly level: RelationalLevel;
  }[];
  readonly where: SQLWrapper | undefined;
  readonly orderBy: readonly unknown[];
  readonly limit: unknown;
  readonly offset: unknown;
}

/** A selected column or extra of a level, while the level is built. */
type LevelField = { key: string; value: unknown; custom?: ((v: unknown) => unknown) | undefined };

/** PostgreSQL keeps 63 bytes of a name: longer aliases could collide once cut. */
const MAX_ALIAS = 60;

/** Builds the level tree of `config` on `entry`. */
function buildLevel(
  entry: TableEntry,
  config: RelationalConfig,
  alias: string | undefined,
  used: Set<string>,
  depth: number,
): RelationalLevel {
  if (depth > 50) throw new MizzleError('too_deep', 'relational query nests more than 50 levels');
  const columns = getTableInfo(entry.table).columns;
  const fields: LevelField[] = pickColumns(entry, columnFields(columns), columns, config.columns);
  // Callbacks get the level's table under its alias, as drizzle's do: their columns stay the level's row
  // inside subqueries too, where the plain table means the subquery's own rows.
  const table = levelTable(entry.table as Table, alias) as never;
  const extras = typeof config.extras === 'function' ? config.extras(table, { sql }) : config.extras;
  for (const [key, value] of Object.entries(extras ?? {})) {
    if (fields.some((f) => f.key === key))
      throw new MizzleError('invalid', `extra "${key}" has the name of a column of "${entry.key}"`);
    if (!(value instanceof SQL) && !(value instanceof SQL.Aliased)) {
      throw new MizzleError('invalid', `extra "${key}" must be an sql\`...\` expression (optionally .as(name))`);
    }
    const s = value instanceof SQL ? value : value.sql;
    const d = s.decoder;
    fields.push({
      key,
      value,
      custom: d === undefined ? undefined : typeof d === 'function' ? d : (v) => d.mapFromDriverValue(v),
    });
  }

  const relations: RelationalLevel['relations'][number][] = [];
  for (const [key, sub] of Object.entries(config.with ?? {})) {
    // As drizzle: a falsy entry (null too) is no relation.
    if (!sub) continue;
    if (fields.some((f) => f.key === key))
      throw new MizzleError('invalid', `relation "${key}" has the name of a field of "${entry.key}"`);
    const rel = entry.relation(key);
    const childAlias = uniqueAlias(`${alias ?? getTableInfo(entry.table).name}_${key}`, used);
    const level = buildLevel(rel.target, sub === true ? {} : sub, childAlias, used, depth + 1);
    relations.push({ key, many: rel.many, on: rel.on, level });
  }

  // drizzle refuses a level that selects nothing (`columns: {}` alone), at any depth.
  if (fields.length === 0 && relations.length === 0) {
    throw new MizzleError(
      'invalid',
      `No fields selected for table "${entry.key}" ("${alias ?? getTableInfo(entry.table).name}"): name a column ` +
        'in "columns", or add "with" or "extras"; to select every column, leave "columns" out',
    );
  }

  const where = typeof config.where === 'function' ? config.where(table, relationalOperators) : config.where;
  const order =
    typeof config.orderBy === 'function'
      ? (config.orderBy as (f: unknown, o: typeof orderHelpers) => unknown)(table, orderHelpers)
      : config.orderBy;
  const orderBy = order === undefined ? [] : Array.isArray(order) ? order : [order];
  return { entry, alias, fields, relations, where, orderBy, limit: config.limit, offset: config.offset };
}

/**
 * The columns a level's `columns` config selects, as drizzle 0.45 reads it:
 * entries left `undefined` count for nothing; with some `true` only the
 * `true` ones; otherwise every column but the named ones; and when no entry
 * has a value (`columns: {}`), none: the level then gives only its relations
 * and extras.
 */
function pickColumns<F extends { key: string }>(
  entry: TableEntry,
  all: readonly F[],
  columns: Record<string, Column>,
  pick: Record<string, boolean | undefined> | undefined,
): F[] {
  // Any falsy `columns` (null too) means every column, as drizzle reads it.
  if (!pick) return all.slice();
  let named = 0;
  let include = false;
  for (const key of Object.keys(pick)) {
    if (!(key in columns)) throw new MizzleError('invalid', `table "${entry.key}" has no column "${key}" (in columns)`);
    const v = pick[key];
    if (v === undefined) continue;
    named++;
    if (v === true) include = true;
  }
  if (named === 0) return [];
  return all.filter((f) => (include ? pick[f.key] === true : pick[f.key] === undefined));
}

/** Field records of every column of a table, made once per table. */
const columnFieldsCache = new WeakMap<object, { key: string; value: unknown; custom: (v: unknown) => unknown }[]>();

function columnFields(
  columns: Record<string, Column>,
): { key: string; value: unknown; custom: (v: unknown) => unknown }[] {
  let fields = columnFieldsCache.get(columns);
  if (!fields) {
    fields = Object.keys(columns).map((key) => {
      const column = columns[key]!;
      return { key, value: column, custom: (v: unknown) => column.mapFromDriverValue(v) };
    });
    columnFieldsCache.set(columns, fields);
  }
  return fields;
}

/** Per table, its aliased copies by level alias (bounded: aliases come from schema keys). */
const levelTables = new WeakMap<Table, Map<string, Table>>();
const MAX_LEVEL_TABLES = 64;

/** `table` under a relational level's alias, made once per table and alias. */
function levelTable(table: Table, alias: string | undefined): Table {
  if (alias === undefined) return table;
  let byAlias = levelTables.get(table);
  if (byAlias === undefined) {
    byAlias = new Map();
    levelTables.set(table, byAlias);
  }
  let copy = byAlias.get(alias);
  if (copy === undefined) {
    if (byAlias.size >= MAX_LEVEL_TABLES) byAlias.delete(byAlias.keys().next().value as string);
    copy = aliasTable(table, alias);
    byAlias.set(alias, copy);
  }
  return copy;
}

/** `wanted`, made unique in this query and short enough for every dialect. */
function uniqueAlias(wanted: string, used: Set<string>): string {
  // UTF-8 takes at most 3 bytes per UTF-16 unit: measure only when it could be too long.
  const long = wanted.length * 3 > MAX_ALIAS && new TextEncoder().encode(wanted).length > MAX_ALIAS;
  let alias = long ? `r${used.size}` : wanted;
  for (let n = 2; used.has(alias); n++) alias = `${wanted.slice(0, 40)}_${n}`;
  used.add(alias);
  return alias;
}

/**
 * One `findMany` / `findFirst` call: awaitable, `prepare()`-able, batchable,
 * with `toSQL()`. `TResult` is the decoded result.
 */
export class RelationalQuery<TResult, TMode extends 'sync' | 'async', TRun> implements PromiseLike<TResult>, Runnable {
  /** Type-level description; no run-time value. */
  declare readonly _: { readonly result: TResult };
  private readonly level: RelationalLevel;

  constructor(
    private readonly session: Session<TMode, TRun>,
    entry: TableEntry,
    config: RelationalConfig | undefined,
    private readonly first: boolean,
  ) {
    const c = first ? { ...config, limit: 1 } : (config ?? {});
    // The top level is aliased by its schema key, as drizzle does: a subquery of the same table in its
    // `where` then correlates (the table's own name inside, the alias outside).
    const name = getTableInfo(entry.table).name;
    this.level = buildLevel(entry, c, entry.key, new Set([entry.key, name]), 0);
  }

  private use(): CompiledUse {
    return compileWith(this.session, (e) => e.relationalStatement(this.level));
  }

  private bind(use: CompiledUse, placeholders?: PlaceholderValues): BoundQuery {
    // The driver's column plan: the top level's codecs; relation columns are JSON text.
    const plan = use.compiled.plan.slice(0, this.level.fields.length);
    return { ...boundQuery(use, 'all', placeholders), plan };
  }

  private finish(rows: unknown[][], plan: readonly number[]): TResult {
    const map = relationalMapper(this.level, plan);
    return (this.first ? (rows.length ? map(rows[0]!) : undefined) : rows.map(map)) as TResult;
  }

  /** Runs `q` and decodes the result (findMany's rows straight into objects where the host can). */
  private run(q: BoundQuery, plan: readonly number[]): TResult | Promise<TResult> {
    if (this.first) return then(this.session.all(q), (rows) => this.finish(rows, plan));
    return mappedRows(this.session, q, relationalMapper(this.level, plan)) as TResult | Promise<TResult>;
  }

  /** The SQL and parameters, as drizzle's `toSQL()`. */
  toSQL(): { sql: string; params: unknown[] } {
    const use = this.use();
    return { sql: use.compiled.sql, params: use.compiled.params.map((p) => (p >= 0 ? use.values[p] : undefined)) };
  }

  /** Runs the query: one statement, whatever the depth. */
  execute(placeholders?: PlaceholderValues): ModeResult<TMode, TResult> {
    const use = this.use();
    return this.run(this.bind(use, placeholders), use.compiled.plan) as never;
  }

  /** On a sync host (embedded, Durable Objects): the result, without a promise. */
  sync(): TResult {
    if (this.session.mode !== 'sync')
      throw new MizzleError('invalid', '.sync() needs a synchronous host; await the query instead');
    return this.execute() as TResult;
  }

  /** Compiled once; `execute(placeholders)` skips building and compiling. */
  prepare(_name?: string): PreparedRelationalQuery<TResult, TMode> {
    const use = this.use();
    return new PreparedRelationalQuery((placeholders) => this.run(this.bind(use, placeholders), use.compiled.plan));
  }

  bound(placeholders?: PlaceholderValues): { queries: BoundQuery[]; finish(results: unknown[]): unknown } {
    const use = this.use();
    return {
      queries: [this.bind(use, placeholders)],
      finish: ([rows]) => this.finish(rows as unknown[][], use.compiled.plan),
    };
  }

  then<A = TResult, B = never>(
    onfulfilled?: ((value: TResult) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return new Promise<TResult>((resolve) => resolve(this.execute() as TResult)).then(onfulfilled, onrejected);
  }
}

/** A prepared relational query. */
export class PreparedRelationalQuery<TResult, TMode extends 'sync' | 'async'> {
  constructor(private readonly run: (placeholders?: PlaceholderValues) => unknown) {}

  /** Runs with the placeholders' values. */
  execute(placeholders?: PlaceholderValues): ModeResult<TMode, TResult> {
    return this.run(placeholders) as never;
  }
}

/**
 * `db.query.<table>`: `findMany` and `findFirst`, typed for table `TTable`
 * of `TSchema` (relational-types.ts).
 */
export class RelationalQueryBuilder<
  TSchema extends Record<string, unknown>,
  TTable extends Table,
  TMode extends 'sync' | 'async',
  TRun,
> {
  constructor(
    private readonly session: Session<TMode, TRun>,
    private readonly entry: TableEntry,
  ) {}

  /** Every matching row, with its relations nested. */
  findMany<TConfig extends FindManyConfig<TSchema, TTable>>(
    config?: KnownKeysOnly<TConfig, FindManyConfig<TSchema, TTable>>,
  ): RelationalQuery<FindResult<TSchema, TTable, TConfig>[], TMode, TRun>;
  findMany(config?: RelationalConfig): RelationalQuery<unknown, TMode, TRun> {
    return new RelationalQuery(this.session, this.entry, config, false);
  }

  /** The first matching row with its relations, or undefined. */
  findFirst<TConfig extends FindFirstConfig<TSchema, TTable>>(
    config?: KnownKeysOnly<TConfig, FindFirstConfig<TSchema, TTable>>,
  ): RelationalQuery<FindResult<TSchema, TTable, TConfig> | undefined, TMode, TRun>;
  findFirst(config?: Omit<RelationalConfig, 'limit'>): RelationalQuery<unknown, TMode, TRun> {
    return new RelationalQuery(this.session, this.entry, config, true);
  }
}

/** `db.query`: one builder per table of the schema (typed by `RelationalQueries`). */
export function relationalQueries<TMode extends 'sync' | 'async', TRun>(
  session: Session<TMode, TRun>,
  schema: RelationalSchema,
): Record<string, RelationalQueryBuilder<Record<string, unknown>, Table, TMode, TRun>> {
  const out: Record<string, RelationalQueryBuilder<Record<string, unknown>, Table, TMode, TRun>> = {};
  for (const [key, entry] of schema) out[key] = new RelationalQueryBuilder(session, entry);
  return out;
}
