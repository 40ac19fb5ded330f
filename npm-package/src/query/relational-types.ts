/**
 * Type-level model of relational queries (`db.query.<table>.findMany(config)`):
 * which config a table accepts (its columns, its declared relations, nested to
 * any depth) and the row type a config decodes to. Nothing here exists at run
 * time.
 *
 * The rules follow drizzle-orm 0.45 (`DBQueryConfig`, `BuildQueryResult`,
 * `ExtractTablesWithRelations`) so code moved from drizzle gets the same row
 * types; where mizzle differs the comment says so. Relations are found by the
 * table they were declared on, in the same `schema` object, the way
 * `src/relational/schema.ts` finds them at run time.
 *
 * Every type here recurses only along the config a query actually writes
 * (the accepted-config types recurse lazily, through object properties), so a
 * self relation or a cycle of relations costs nothing until used.
 */
import type { Column, GetColumnData } from '../column.js';
import type { asc, desc } from '../operators.js';
import type { Many, One, Relations } from '../relations.js';
import type { Placeholder, SQL, sql, SQLWrapper } from '../sql.js';
import type { Table } from '../table.js';
import type { Simplify } from '../type-utils.js';
import type { RelationalQueryBuilder, relationalOperators } from './relational.js';

// ---------------------------------------------------------------------- schema

/** The keys of `TSchema` holding tables (what `db.query` has a builder for). */
export type SchemaTableKeys<TSchema> = {
  [K in keyof TSchema]: [TSchema[K]] extends [never] ? never : TSchema[K] extends Table ? K : never;
}[keyof TSchema];

/** A union's members, intersected. */
type Intersect<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/**
 * The relations declared for `TTable` in `TSchema`: the config of every
 * `relations(table, ...)` of a table with its name, merged (several
 * `relations()` calls for one table add up, as at run time).
 *
 * @example
 * type R = TableRelations<typeof schema, typeof users>; // { posts: Many<typeof posts>; ... }
 */
export type TableRelations<TSchema, TTable extends Table> = RelationsOf<
  {
    [K in keyof TSchema]: TSchema[K] extends Relations<infer T, infer TConfig>
      ? T['_']['name'] extends TTable['_']['name']
        ? TConfig
        : never
      : never;
  }[keyof TSchema]
>;

type RelationsOf<TConfigs> = [TConfigs] extends [never] ? {} : Intersect<TConfigs>;

/** The table a relation points to. */
type RelationTarget<R> = R extends { readonly referencedTable: infer T extends Table } ? T : never;

// ---------------------------------------------------------------------- config

/** What `where` / `orderBy` / `extras` callbacks get first: the table's columns. */
export type RelationalFields<TTable extends Table> = TTable['_']['columns'];

/** The operators a `where` callback gets (drizzle's `Operators`, with `sql`). */
export type RelationalOperators = typeof relationalOperators;

/** The helpers an `orderBy` callback gets. */
export interface RelationalOrderOperators {
  asc: typeof asc;
  desc: typeof desc;
}

/** One `orderBy` term: a column, SQL, or `asc(...)` / `desc(...)`. */
export type RelationalOrderTerm = SQLWrapper;

/** `columns`: include mode when any value is `true`, else the `false` ones are left out. */
export type RelationalColumnsConfig<TTable extends Table> = {
  [K in keyof RelationalFields<TTable>]?: boolean | undefined;
};

/** The computed fields of `extras`. */
export type RelationalExtras = Record<string, SQL | SQL.Aliased>;

/**
 * `with`: per declared relation of the table, `true` (all columns) or a nested
 * config. A many relation takes `where`, `orderBy`, `limit` and `offset`
 * (drizzle takes `offset` at the top only; mizzle plans it at every level); a
 * one relation only `columns`, `with` and `extras`.
 */
export type RelationalWithConfig<TSchema, TTable extends Table> = {
  [K in keyof TableRelations<TSchema, TTable>]?:
    | true
    | (TableRelations<TSchema, TTable>[K] extends One
        ? RelationalOneConfig<TSchema, RelationTarget<TableRelations<TSchema, TTable>[K]>>
        : RelationalManyConfig<TSchema, RelationTarget<TableRelations<TSchema, TTable>[K]>>)
    | undefined;
};

/** The config of a nested one relation. */
export interface RelationalOneConfig<TSchema, TTable extends Table> {
  columns?: RelationalColumnsConfig<TTable> | undefined;
  with?: RelationalWithConfig<TSchema, TTable> | undefined;
  /**
   * Computed fields. drizzle's types take only `sql\`...\`.as(name)`; mizzle
   * also takes plain `sql\`...\`` (the key names it).
   */
  extras?:
    | RelationalExtras
    | ((fields: RelationalFields<TTable>, operators: { sql: typeof sql }) => RelationalExtras)
    | undefined;
}

/** The config of a nested many relation. */
export interface RelationalManyConfig<TSchema, TTable extends Table> extends RelationalOneConfig<TSchema, TTable> {
  where?:
    | SQLWrapper
    | undefined
    | ((fields: RelationalFields<TTable>, operators: RelationalOperators) => SQLWrapper | undefined);
  orderBy?:
    | RelationalOrderTerm
    | RelationalOrderTerm[]
    | ((
        fields: RelationalFields<TTable>,
        operators: RelationalOrderOperators,
      ) => RelationalOrderTerm | RelationalOrderTerm[])
    | undefined;
  limit?: number | Placeholder | undefined;
  offset?: number | Placeholder | undefined;
}

/** `findMany(config)`. */
export type FindManyConfig<TSchema, TTable extends Table> = RelationalManyConfig<TSchema, TTable>;

/** `findFirst(config)`: `findMany`'s without `limit` (it is 1). */
export type FindFirstConfig<TSchema, TTable extends Table> = Omit<FindManyConfig<TSchema, TTable>, 'limit'>;

/**
 * `T` with every key `U` does not have typed `never`, so an object literal
 * with an unknown top-level key (`limit` in `findFirst`) fails to check.
 * Nested keys are checked by the config types themselves.
 */
export type KnownKeysOnly<T, U> = { [K in keyof T]: K extends keyof U ? T[K] : never };

// ---------------------------------------------------------------------- result

/** `T[K]`, or undefined when `T` has no key `K`. */
type Prop<T, K extends PropertyKey> = K extends keyof T ? T[K] : undefined;

/**
 * The column keys a `columns` config keeps, as drizzle's `BuildQueryResult`:
 * entries typed `undefined` count for nothing; when every other value is
 * `false` they are left out; otherwise only the `true` keys are kept, so
 * `columns: {}` keeps none (the row has only its relations and extras).
 */
type PickedColumnKeys<TColumns, TPick> = [TPick] extends [Record<string, unknown>]
  ? [Exclude<TPick[keyof TPick & keyof TColumns], undefined>] extends [never]
    ? never
    : [Exclude<TPick[keyof TPick & keyof TColumns], undefined>] extends [false]
      ? Exclude<keyof TColumns, { [K in keyof TPick]: [TPick[K]] extends [undefined] ? never : K }[keyof TPick]>
      : { [K in keyof TPick]: TPick[K] extends true ? K : never }[keyof TPick]
  : keyof TColumns;

type ColumnsResult<TColumns, TPick> = {
  [K in keyof TColumns as K extends PickedColumnKeys<TColumns, TPick> ? K : never]: TColumns[K] extends Column
    ? GetColumnData<TColumns[K]>
    : never;
};

/** The decoded `extras`: each SQL's (or aliased SQL's) type. */
type ExtrasResult<TExtras> = [TExtras] extends [(...args: never[]) => infer R]
  ? ExtrasValues<R>
  : [TExtras] extends [Record<string, unknown>]
    ? ExtrasValues<TExtras>
    : {};

type ExtrasValues<R> = {
  [K in keyof R as R[K] extends undefined ? never : K]: R[K] extends { readonly _type: infer T } ? T : never;
};

/** One nested relation: many -> rows; one -> the row, `| null` unless its fields are all NOT NULL. */
type RelationResult<TSchema, R, TSub> =
  R extends One<infer T, infer N>
    ? FindResult<TSchema, T, TSub> | ([N] extends [false] ? never : null)
    : R extends Many<infer T>
      ? FindResult<TSchema, T, TSub>[]
      : never;

type WithResult<TSchema, TTable extends Table, TWith> = [TWith] extends [Record<string, unknown>]
  ? {
      [K in keyof TWith & keyof TableRelations<TSchema, TTable> as TWith[K] extends undefined | false
        ? never
        : K]: RelationResult<TSchema, TableRelations<TSchema, TTable>[K], TWith[K]>;
    }
  : {};

/**
 * The row a relational query decodes for `TTable` with `TConfig` (drizzle's
 * `BuildQueryResult`): the columns `columns` keeps, then `extras`, then the
 * relations of `with` (many -> array of rows; one -> row or null).
 *
 * @example
 * type R = FindResult<typeof schema, typeof users, { columns: { id: true }; with: { posts: true } }>;
 * // { id: number; posts: { id: number; authorId: number; ... }[] }
 */
export type FindResult<TSchema, TTable extends Table, TConfig> = [TConfig] extends [true]
  ? TTable['$inferSelect']
  : Simplify<
      ColumnsResult<TTable['_']['columns'], Prop<TConfig, 'columns'>> &
        ExtrasResult<Prop<TConfig, 'extras'>> &
        WithResult<TSchema, TTable, Prop<TConfig, 'with'>>
    >;

// -------------------------------------------------------------------- db.query

/**
 * `db.query`: a builder per table of the schema, by export key.
 *
 * @example
 * const db = drizzle(client, { schema: { users, posts, usersRelations } });
 * db.query.users.findMany({ with: { posts: true } });
 */
export type RelationalQueries<TSchema extends Record<string, unknown>, TMode extends 'sync' | 'async', TRun> = {
  readonly [K in SchemaTableKeys<TSchema>]: RelationalQueryBuilder<TSchema, Extract<TSchema[K], Table>, TMode, TRun>;
};
