/**
 * Type-level model of the query builders: what a selection, a join chain, a
 * subquery or a RETURNING list turns into. Nothing here exists at run time.
 *
 * The rules mirror drizzle-orm 0.45's SQLite types (query-builders/
 * select.types.ts) so code moved from drizzle keeps the same row types; where
 * drizzle's rule is surprising the comment says so rather than "fixing" it.
 */
import type { Column, ColumnBaseConfig, GetColumnData } from '../column.js';
import type { SubqueryInfo, SubqueryKey } from '../engine/table-ref.js';
import type { Placeholder, SQL } from '../sql.js';
import type { Table } from '../table.js';
import type { Simplify } from '../type-utils.js';

/**
 * A type that no value has, carrying a message: drizzle's `DrizzleTypeError`.
 * It shows up in hovers and error messages where an API cannot be used.
 *
 * @example
 * db.insert(users).values(row).all(); // QueryTypeError<'.all() cannot be used without .returning()'>
 */
export interface QueryTypeError<TMessage extends string> {
  readonly $mizzleTypeError: TMessage;
}

/** `T` on a sync host, `Promise<T>` on an async one (D1). */
/** drizzle's message for a set operation between selects of different shapes (kept to the letter). */
type SetOpShapeError = `${SetOpErrorHead}selected fields are not the same or are in a different order`;
type SetOpErrorHead = 'Set operator error (union / intersect / except): ';

export type ModeResult<TMode extends 'sync' | 'async', T> = TMode extends 'sync' ? T : Promise<T>;

// ------------------------------------------------------------------ subqueries

/**
 * A subquery (`qb.as('sq')`) or CTE (`db.$with('sq').as(qb)`): its fields as
 * own properties, its identity under {@link SubqueryKey} (which is where the
 * run-time object keeps it too, so the alias and fields types are truthful).
 *
 * @example
 * const sq = db.select({ id: users.id }).from(users).as('sq');
 * sq.id; // a column of table 'sq'
 */
export type Subquery<TAlias extends string = string, TFields = Record<string, unknown>> = TFields & {
  readonly [SubqueryKey]: Omit<SubqueryInfo, 'alias' | 'fields'> & { readonly alias: TAlias; readonly fields: TFields };
};

/** Any subquery or CTE. */
export interface AnySubquery {
  readonly [SubqueryKey]: SubqueryInfo;
}

/** What can stand in FROM or a join: a table (or alias), a subquery, a CTE. */
export type FromTarget = Table | AnySubquery;

/**
 * The key a FROM target's row goes under after joins: the table's name as
 * declared (the alias for `alias()` copies), or the subquery's alias.
 */
export type TableLikeName<T> = T extends Table
  ? T['_']['name']
  : T extends { readonly [SubqueryKey]: { readonly alias: infer A extends string } }
    ? A
    : never;

/** The selectable fields of a FROM target. */
export type TableLikeFields<T> = T extends Table
  ? T['_']['columns']
  : T extends { readonly [SubqueryKey]: { readonly fields: infer F } }
    ? F
    : never;

// ------------------------------------------------------------------ selections

/**
 * One entry of a selection object. Plain `SQL` (= `SQL<unknown>`), never
 * `SQL<any>`: as a contextual type that would make an untyped `sql\`...\``
 * inside a selection `SQL<any>`, where drizzle's result is `unknown`.
 */
export type SelectedField = Column | SQL | SQL.Aliased | Table | AnySubquery | SelectedFields;

/**
 * What `db.select(fields)` and `.returning(fields)` accept: columns, SQL
 * (aliased or not), whole tables and nested objects of those.
 */
export interface SelectedFields {
  readonly [key: string]: SelectedField;
}

/** The JS value one selected field decodes to. */
export type SelectResultField<T> =
  T extends QueryTypeError<string>
    ? never // drizzle: an unaliased SQL field of a subquery selects as `never`
    : T extends Table
      ? SelectResultFields<T['_']['columns']>
      : T extends Column
        ? GetColumnData<T>
        : T extends SQL | SQL.Aliased
          ? T['_type']
          : T extends AnySubquery
            ? SelectResultFields<TableLikeFields<T>> // flattened like a table at run time
            : T extends object
              ? SelectResultFields<T>
              : never;

/** The row a selection object decodes to, ignoring joins. */
export type SelectResultFields<TFields> = Simplify<{
  [K in keyof TFields]: SelectResultField<TFields[K]>;
}>;

// ----------------------------------------------------------------------- joins

export type JoinType = 'inner' | 'left' | 'right' | 'full' | 'cross';

/** Whether the rows of a FROM target may be missing (outer joins). */
export type JoinNullability = 'nullable' | 'not-null';

/** Table name (as in {@link TableLikeName}) -> whether its row may be missing. */
export type NullabilityMap = Record<string, JoinNullability>;

type ApplyNullability<T, N> = [N] extends ['nullable'] ? T | null : T;

type SetAll<M, N extends JoinNullability> = { [K in keyof M]: N };

/**
 * The nullability map after a join: a left join makes the joined target
 * nullable; a right join makes every earlier one nullable; a full join both.
 */
export type AppendToNullabilityMap<M extends NullabilityMap, TName extends string, TJoin extends JoinType> = Simplify<
  TJoin extends 'left'
    ? M & Record<TName, 'nullable'>
    : TJoin extends 'right'
      ? SetAll<M, 'nullable'> & Record<TName, 'not-null'>
      : TJoin extends 'full'
        ? SetAll<M, 'nullable'> & Record<TName, 'nullable'>
        : M & Record<TName, 'not-null'>
>;

/**
 * drizzle's select modes: `partial` when fields were given; `single` for
 * `select()` from one target (a flat row); `multiple` once `select()` has a
 * join (rows keyed by table name).
 */
export type SelectMode = 'partial' | 'single' | 'multiple';

/**
 * Everything the type of a select tracks (drizzle's TTableName, TSelection,
 * TSelectMode and TNullabilityMap type parameters, bundled).
 */
export interface SelectState {
  /** Name of the FROM target. */
  readonly table: string;
  /** The selection: the given fields, the FROM target's fields, or `{ [name]: fields }` after joins. */
  readonly fields: unknown;
  readonly mode: SelectMode;
  readonly nulls: NullabilityMap;
}

/** The state right after `.from(target)`; `TFields` is undefined for `select()`. */
export type FromState<TFields, TFrom> = {
  table: TableLikeName<TFrom>;
  fields: TFields extends undefined ? TableLikeFields<TFrom> : TFields;
  mode: TFields extends undefined ? 'single' : 'partial';
  nulls: Record<TableLikeName<TFrom>, 'not-null'>;
};

/**
 * The state after a join. With explicit fields the selection is unchanged
 * (only nullability moves); without, it becomes `{ [name]: fields }` per target.
 */
export type JoinState<S extends SelectState, TJoined, TJoin extends JoinType> = {
  table: S['table'];
  fields: S['mode'] extends 'partial'
    ? S['fields']
    : Simplify<
        (S['mode'] extends 'single' ? Record<S['table'], S['fields']> : S['fields']) &
          Record<TableLikeName<TJoined>, TableLikeFields<TJoined>>
      >;
  mode: S['mode'] extends 'partial' ? 'partial' : 'multiple';
  nulls: AppendToNullabilityMap<S['nulls'], TableLikeName<TJoined>, TJoin>;
};

/** Table names of the columns among the values of `T`. */
type ColumnTables<T> = { [K in keyof T]: T[K] extends Column ? T[K]['_']['tableName'] : never }[keyof T];

type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never;

/**
 * One field of a partial selection under joins (drizzle's rules):
 * - a column or table gets `| null` when its table is nullable, and is
 *   `never` when its table is not in the query at all (drizzle's way of
 *   flagging a column of a table that was never joined);
 * - SQL keeps its declared type (an outer join never makes it nullable);
 * - a nested object whose columns all come from one table becomes
 *   `{ ... } | null` as a whole; with columns from several tables each
 *   field is judged on its own.
 */
type PartialField<F, M extends NullabilityMap> = F extends Table
  ? F['_']['name'] extends keyof M
    ? ApplyNullability<SelectResultFields<F['_']['columns']>, M[F['_']['name']]>
    : never
  : F extends Column
    ? F['_']['tableName'] extends keyof M
      ? ApplyNullability<GetColumnData<F>, M[F['_']['tableName']]>
      : never
    : F extends SQL | SQL.Aliased | QueryTypeError<string> | AnySubquery
      ? SelectResultField<F>
      : F extends object
        ? F[keyof F] extends Column | SQL | SQL.Aliased
          ? [ColumnTables<F>] extends [never]
            ? SelectResultFields<F>
            : IsUnion<ColumnTables<F>> extends true
              ? SelectPartialResult<F, M>
              : ApplyNullability<
                  SelectResultFields<F>,
                  ColumnTables<F> extends keyof M ? M[ColumnTables<F>] : 'not-null'
                >
          : SelectPartialResult<F, M> // deeper nesting (drizzle's types refuse it; mizzle decodes it): field by field
        : never;

/** The row of a select with explicit fields. */
export type SelectPartialResult<TFields, M extends NullabilityMap> = Simplify<{
  [K in keyof TFields]: PartialField<TFields[K], M>;
}>;

/** The row type of a select in state `S` (drizzle's `SelectResult`). */
export type SelectRow<S extends SelectState> = S['mode'] extends 'partial'
  ? SelectPartialResult<S['fields'], S['nulls']>
  : S['mode'] extends 'single'
    ? SelectResultFields<S['fields']>
    : Simplify<{
        [K in keyof S['fields'] & keyof S['nulls']]: ApplyNullability<SelectResultField<S['fields'][K]>, S['nulls'][K]>;
      }>;

// --------------------------------------------------------- subquery selections

/** A column moved to table `TAlias` (how a subquery's outer query sees it), nullable if `N` says so. */
export type SubqueryColumn<C, TAlias extends string, N> =
  C extends Column<infer T extends ColumnBaseConfig>
    ? Column<
        {
          [K in keyof T]: K extends 'tableName'
            ? TAlias
            : K extends 'notNull'
              ? N extends 'nullable'
                ? false
                : T[K]
              : T[K];
        } & {}
      >
    : never;

type SubqueryField<F, TAlias extends string, M> = F extends SQL
  ? QueryTypeError<'You cannot reference this field without assigning it an alias first - use `.as(<alias>)`'>
  : F extends SQL.Aliased
    ? F // drizzle keeps it aliased SQL (so outer joins never make it nullable)
    : F extends Table
      ? SubqueryFields<F['_']['columns'], TAlias, M>
      : F extends Column
        ? SubqueryColumn<F, TAlias, F['_']['tableName'] extends keyof M ? M[F['_']['tableName']] : 'not-null'>
        : F extends object
          ? SubqueryFields<F, TAlias, M>
          : never;

/**
 * The fields a select exposes as subquery `TAlias` (drizzle's
 * `BuildSubquerySelection` + `AddAliasToSelection`): columns re-homed to the
 * alias and made nullable by the inner query's outer joins; aliased SQL as is;
 * unaliased SQL cannot be referenced from outside.
 */
export type SubqueryFields<TFields, TAlias extends string, M> = Simplify<{
  [K in keyof TFields]: SubqueryField<TFields[K], TAlias, M>;
}>;

// ------------------------------------------------------------------- mutations

/**
 * One row for `insert().values()`: the insert model, where any value may
 * also be SQL or a placeholder.
 */
export type InsertValue<TTable extends Table> = Simplify<{
  [K in keyof TTable['$inferInsert']]: TTable['$inferInsert'][K] | SQL | Placeholder;
}>;

/**
 * `update().set()` and `onConflictDoUpdate({ set })`: any insertable column,
 * with its value, SQL or another column; `undefined` leaves it alone.
 */
export type UpdateSet<TTable extends Table> = {
  [K in keyof TTable['$inferInsert']]?:
    | (K extends keyof TTable['_']['columns'] ? GetColumnData<TTable['_']['columns'][K]> : never)
    | SQL
    | Column
    | undefined;
} & {};

/** The row type of `.returning()` / `.returning(fields)`. */
export type ReturningRow<TTable extends Table, TFields> = TFields extends undefined
  ? TTable['$inferSelect']
  : SelectResultFields<TFields>;

/** What awaiting a mutation gives: the returned rows, or the driver's run result without RETURNING. */
export type MutationResult<TReturning, TRun> = [TReturning] extends [undefined] ? TRun : TReturning[];

/** `.all()` of a mutation: rows, or an error type without RETURNING (as drizzle). */
export type MutationAll<TReturning> = [TReturning] extends [undefined]
  ? QueryTypeError<'.all() cannot be used without .returning()'>
  : TReturning[];

/** `.get()` of a mutation: the first row, or an error type without RETURNING (as drizzle). */
export type MutationGet<TReturning> = [TReturning] extends [undefined]
  ? QueryTypeError<'.get() cannot be used without .returning()'>
  : TReturning | undefined;

/**
 * `T` when its rows have exactly the shape `TRow`, an error type otherwise
 * (drizzle's `ValidateShape` for set operations: same keys, compatible types).
 */
export type SameShape<TOtherRow, TRow> = [TOtherRow] extends [TRow]
  ? [Exclude<keyof TOtherRow, keyof TRow>] extends [never]
    ? unknown
    : QueryTypeError<SetOpShapeError>
  : QueryTypeError<SetOpShapeError>;
