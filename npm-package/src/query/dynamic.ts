/**
 * drizzle's builder type names per dialect (`SQLiteSelect`, `PgInsert`,
 * `MySqlDelete`, ...), for the annotations of its dynamic-query pattern:
 * helpers that take any select (or insert, update, delete) and add clauses.
 * mizzle's builders are shared by the dialects and allow every method in any
 * order (`$dynamic()` returns the builder itself), so each name is the shared
 * builder class open in its state; a helper returns the same type it takes.
 *
 * @example
 * function withPagination<T extends SQLiteSelect>(qb: T, page: number) {
 *   return qb.limit(10).offset(page * 10);
 * }
 * const rows = await withPagination(db.select().from(users).$dynamic(), 2);
 */
/* biome-ignore-all lint/suspicious/noExplicitAny: each name must accept a builder in any state, on any host */
import type { Table } from '../table.js';
import type { DeleteQuery } from './delete.js';
import type { InsertQuery } from './insert.js';
import type { SelectQuery, SelectQueryBase } from './select.js';
import type { UpdateQuery } from './update.js';

/** Any select of SQLite: what a dynamic-query helper takes. */
export type SQLiteSelect = SelectQuery<any, 'sync' | 'async', any>;
/** drizzle's name for a select builder in dynamic mode; the same as {@link SQLiteSelect} here. */
export type SQLiteSelectQueryBuilder = SQLiteSelect;
/** Any select of SQLite. */
export type AnySQLiteSelect = SQLiteSelect;
/** The type `$dynamic()` gives: the select itself. */
export type SQLiteSelectDynamic<T extends SQLiteSelect> = T;
/** Any insert into `TTable` (drizzle's parameter order: table, result kind, run result, returning). */
export type SQLiteInsert<
  TTable extends Table = any,
  TResultType extends 'sync' | 'async' = 'sync' | 'async',
  TRunResult = any,
  TReturning = any,
> = InsertQuery<TTable, TReturning, TResultType, TRunResult>;
/** Any update of `TTable`. */
export type SQLiteUpdate<
  TTable extends Table = any,
  TResultType extends 'sync' | 'async' = 'sync' | 'async',
  TRunResult = any,
  TReturning = any,
> = UpdateQuery<TTable, TReturning, TResultType, TRunResult>;
/** Any delete from `TTable`. */
export type SQLiteDelete<
  TTable extends Table = any,
  TResultType extends 'sync' | 'async' = 'sync' | 'async',
  TRunResult = any,
  TReturning = any,
> = DeleteQuery<TTable, TReturning, TResultType, TRunResult>;

/** Any select of PostgreSQL: what a dynamic-query helper takes. */
export type PgSelect = SelectQuery<any, 'sync' | 'async', any>;
/** drizzle's name for a select builder in dynamic mode; the same as {@link PgSelect} here. */
export type PgSelectQueryBuilder = PgSelect;
/** Any select of PostgreSQL. */
export type AnyPgSelect = PgSelect;
/** The type `$dynamic()` gives: the select itself. */
export type PgSelectDynamic<T extends PgSelect> = T;
/** Any insert into `TTable`. */
export type PgInsert<TTable extends Table = any> = InsertQuery<TTable, any, 'sync' | 'async', any>;
/** Any update of `TTable`. */
export type PgUpdate<TTable extends Table = any> = UpdateQuery<TTable, any, 'sync' | 'async', any>;
/** Any delete from `TTable`. */
export type PgDelete<TTable extends Table = any> = DeleteQuery<TTable, any, 'sync' | 'async', any>;

/** Any select of MySQL (no `fullJoin`, as drizzle's): what a dynamic-query helper takes. */
export type MySqlSelect = SelectQueryBase<any, 'sync' | 'async', any>;
/** drizzle's name for a select builder in dynamic mode; the same as {@link MySqlSelect} here. */
export type MySqlSelectQueryBuilder = MySqlSelect;
/** Any select of MySQL. */
export type AnyMySqlSelect = MySqlSelect;
/** The type `$dynamic()` gives: the select itself. */
export type MySqlSelectDynamic<T extends MySqlSelect> = T;
/** Any insert into `TTable`. */
export type MySqlInsert<TTable extends Table = any> = InsertQuery<TTable, any, 'sync' | 'async', any>;
/** Any update of `TTable`. */
export type MySqlUpdate<TTable extends Table = any> = UpdateQuery<TTable, any, 'sync' | 'async', any>;
/** Any delete from `TTable`. */
export type MySqlDelete<TTable extends Table = any> = DeleteQuery<TTable, any, 'sync' | 'async', any>;
