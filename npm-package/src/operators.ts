/**
 * Drizzle's condition and ordering helpers. Each returns an `SQL` fragment
 * holding one structured node; values are bound with the column's encoder.
 *
 * @example
 * db.select().from(users).where(and(eq(users.id, 1), like(users.name, 'a%')));
 */
import { Column, type GetColumnData } from './column.js';
import { BinaryOp } from './engine/wire.generated.js';
import {
  BetweenNode,
  BinaryNode,
  ExistsNode,
  InNode,
  IsNullNode,
  JunctionNode,
  LikeNode,
  NotNode,
  OrderNode,
} from './expressions.js';
import { MizzleError } from './errors.js';
import { PlaceholderOperand } from './column-codec.js';
import { Param, Placeholder, SQL, isSQLWrapper, type SQLWrapper } from './sql.js';

/** A column or any SQL expression. */
export type SQLOperand = SQLWrapper | Column;

/**
 * drizzle's comparison signature: against a column, the other side is the
 * column's JS type (not null: use `isNull`), SQL, another column or a
 * placeholder; against aliased SQL, its declared type; anything else is
 * unchecked.
 *
 * @example
 * eq(users.id, 1);      // ok
 * eq(users.id, '1');    // type error
 * eq(users.id, posts.authorId); // ok
 */
export interface BinaryOperator {
  <TColumn extends Column>(left: TColumn, right: GetColumnData<TColumn, 'raw'> | SQLWrapper | Placeholder): SQL;
  <T>(left: SQL.Aliased<T>, right: T | SQLWrapper | Placeholder): SQL;
  <T extends SQLWrapper>(left: Exclude<T, SQL.Aliased | Column>, right: unknown): SQL;
}

/** `inArray` / `notInArray`: a list of the column's JS type (or placeholders), or a subquery. */
export interface InArrayOperator {
  <TColumn extends Column>(
    column: TColumn,
    values: ReadonlyArray<GetColumnData<TColumn, 'raw'> | Placeholder> | SQLWrapper | Placeholder,
  ): SQL;
  <T>(column: SQL.Aliased<T>, values: ReadonlyArray<T | Placeholder> | SQLWrapper | Placeholder): SQL;
  <T extends SQLWrapper>(
    column: Exclude<T, SQL.Aliased | Column>,
    values: ReadonlyArray<unknown> | SQLWrapper | Placeholder,
  ): SQL;
}

/** `like` and friends: any column or SQL against a string pattern (drizzle does not check the column type). */
export type LikeOperator = (column: Column | SQL.Aliased | SQL, pattern: string | SQLWrapper | Placeholder) => SQL;

/**
 * Binds `value` as a parameter unless it already is SQL, encoding it like `column`. A placeholder against a
 * column of a checked mode carries the column to check its value against when the statement runs.
 */
export function bindIfParam(value: unknown, column: unknown): unknown {
  if (value instanceof Placeholder) {
    if (!(column instanceof Column)) return value;
    const mode = column.dataType;
    return mode === 'date' || mode === 'boolean' || mode === 'bigint'
      ? new Param(value, new PlaceholderOperand(column))
      : value;
  }
  if (value instanceof Param || value instanceof Column || isSQLWrapper(value)) return value;
  return new Param(value, column instanceof Column ? column : undefined);
}

function node(n: unknown): SQL {
  return new SQL([n]);
}

function binary(op: BinaryOp): BinaryOperator {
  return (left: SQLOperand, right: unknown): SQL => node(new BinaryNode(op, left, bindIfParam(right, left)));
}

/** `left = right` */
export const eq = binary(BinaryOp.eq);
/** `left <> right` */
export const ne = binary(BinaryOp.ne);
/** `left > right` */
export const gt = binary(BinaryOp.gt);
/** `left >= right` */
export const gte = binary(BinaryOp.ge);
/** `left < right` */
export const lt = binary(BinaryOp.lt);
/** `left <= right` */
export const lte = binary(BinaryOp.le);

/** Conditions joined by AND; `undefined` ones are skipped, none at all is `undefined`. */
export function and(...conditions: (SQLWrapper | undefined)[]): SQL | undefined {
  const items = conditions.filter((c): c is SQLWrapper => c !== undefined);
  if (items.length === 0) return undefined;
  if (items.length === 1) return items[0]!.getSQL();
  return node(new JunctionNode(false, items));
}

/** Conditions joined by OR; `undefined` ones are skipped, none at all is `undefined`. */
export function or(...conditions: (SQLWrapper | undefined)[]): SQL | undefined {
  const items = conditions.filter((c): c is SQLWrapper => c !== undefined);
  if (items.length === 0) return undefined;
  if (items.length === 1) return items[0]!.getSQL();
  return node(new JunctionNode(true, items));
}

/** `not condition` */
export function not(condition: SQLWrapper): SQL {
  return node(new NotNode(condition));
}

function likeOp(negated: boolean, ci: boolean): LikeOperator {
  return (column: SQLOperand, pattern: string | SQLOperand | Placeholder): SQL =>
    node(new LikeNode(negated, ci, column, bindIfParam(pattern, column)));
}

/** `column like pattern` */
export const like = likeOp(false, false);
/** `column not like pattern` */
export const notLike = likeOp(true, false);
/** Case-insensitive like on every dialect. */
export const ilike = likeOp(false, true);
/** Case-insensitive not like on every dialect. */
export const notIlike = likeOp(true, true);

function inOp(negated: boolean): InArrayOperator {
  return (column: SQLOperand, values: readonly unknown[] | SQLWrapper | Placeholder): SQL => {
    if (Array.isArray(values)) {
      return node(
        new InNode(
          negated,
          column,
          values.map((v) => bindIfParam(v, column)),
        ),
      );
    }
    return node(new InNode(negated, column, values as unknown as { getQuery(): unknown }));
  };
}

/** `column in (values)`; an empty list matches nothing. */
export const inArray = inOp(false);
/** `column not in (values)`; an empty list matches everything. */
export const notInArray = inOp(true);

/** drizzle's array-operator signature: an array of the column's elements, a placeholder or SQL. */
export interface ArrayOperator {
  <TColumn extends Column>(column: TColumn, values: GetColumnData<TColumn, 'raw'> | Placeholder | SQLWrapper): SQL;
  (column: SQL.Aliased | SQL, values: unknown): SQL;
}

/**
 * A PostgreSQL array operator: `values` is bound through the column (an array of
 * its element type, a placeholder) or is SQL; an empty array is refused as drizzle does.
 */
function arrayOp(op: BinaryOp, name: string): ArrayOperator {
  return (column: Column | SQL.Aliased | SQL, values: unknown): SQL => {
    if (Array.isArray(values) && values.length === 0) {
      throw new MizzleError('invalid', `${name} requires at least one array element`);
    }
    return node(new BinaryNode(op, column, bindIfParam(values, column)));
  };
}

/** `column @> values` (PostgreSQL): the array column holds every element of `values`. */
export const arrayContains = arrayOp(BinaryOp.arrayContains, 'arrayContains');
/** `column <@ values` (PostgreSQL): every element of the array column is in `values`. */
export const arrayContained = arrayOp(BinaryOp.arrayContained, 'arrayContained');
/** `column && values` (PostgreSQL): the array column and `values` share an element. */
export const arrayOverlaps = arrayOp(BinaryOp.arrayOverlaps, 'arrayOverlaps');

/** `column is null` */
export function isNull(value: SQLOperand): SQL {
  return node(new IsNullNode(false, value));
}

/** `column is not null` */
export function isNotNull(value: SQLOperand): SQL {
  return node(new IsNullNode(true, value));
}

/** `column between min and max`; bounds typed like `eq`'s right side. */
export function between<TColumn extends Column>(
  column: TColumn,
  min: GetColumnData<TColumn, 'raw'> | SQLWrapper | Placeholder,
  max: GetColumnData<TColumn, 'raw'> | SQLWrapper | Placeholder,
): SQL;
export function between<T>(
  column: SQL.Aliased<T>,
  min: T | SQLWrapper | Placeholder,
  max: T | SQLWrapper | Placeholder,
): SQL;
export function between<T extends SQLWrapper>(
  column: Exclude<T, SQL.Aliased | Column>,
  min: unknown,
  max: unknown,
): SQL;
export function between(column: SQLOperand, min: unknown, max: unknown): SQL {
  return node(new BetweenNode(false, column, bindIfParam(min, column), bindIfParam(max, column)));
}

/** `column not between min and max` */
export function notBetween<TColumn extends Column>(
  column: TColumn,
  min: GetColumnData<TColumn, 'raw'> | SQLWrapper | Placeholder,
  max: GetColumnData<TColumn, 'raw'> | SQLWrapper | Placeholder,
): SQL;
export function notBetween<T>(
  column: SQL.Aliased<T>,
  min: T | SQLWrapper | Placeholder,
  max: T | SQLWrapper | Placeholder,
): SQL;
export function notBetween<T extends SQLWrapper>(
  column: Exclude<T, SQL.Aliased | Column>,
  min: unknown,
  max: unknown,
): SQL;
export function notBetween(column: SQLOperand, min: unknown, max: unknown): SQL {
  return node(new BetweenNode(true, column, bindIfParam(min, column), bindIfParam(max, column)));
}

/** `exists (subquery)` */
export function exists(subquery: SQLWrapper): SQL {
  return node(new ExistsNode(false, subquery));
}

/** `not exists (subquery)` */
export function notExists(subquery: SQLWrapper): SQL {
  return node(new ExistsNode(true, subquery));
}

/** Ascending order. */
export function asc(column: SQLOperand): SQL {
  return node(new OrderNode(false, column));
}

/** Descending order. */
export function desc(column: SQLOperand): SQL {
  return node(new OrderNode(true, column));
}
