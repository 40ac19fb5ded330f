/**
 * Aggregate helpers. Counts decode to numbers, as in drizzle; sum and avg
 * decode to strings (SQLite may return either; drizzle maps them with String).
 *
 * @example
 * db.select({ n: count() }).from(users);
 */
import { Column } from './column.js';
import { Aggregate } from './engine/wire.generated.js';
import { AggregateNode } from './expressions.js';
import { SQL, type SQLWrapper } from './sql.js';

type Operand = SQLWrapper | Column;

function aggregate<T>(fn: Aggregate, distinct: boolean, arg: Operand | undefined, decode: (v: unknown) => T): SQL<T> {
  const out = new SQL<T>([new AggregateNode(fn, distinct, arg)]);
  out.decoder = (v: unknown) => (v === null || v === undefined ? (null as T) : decode(v));
  return out;
}

const toNumber = (v: unknown) => Number(v);
const toText = (v: unknown) => String(v);

/** `count(*)` or `count(expr)`. */
export function count(expression?: Operand): SQL<number> {
  return aggregate(Aggregate.count, false, expression, toNumber);
}
/** `count(distinct expr)`. */
export function countDistinct(expression: Operand): SQL<number> {
  return aggregate(Aggregate.count, true, expression, toNumber);
}
/** `sum(expr)` as a string (null for no rows). */
export function sum(expression: Operand): SQL<string | null> {
  return aggregate(Aggregate.sum, false, expression, toText);
}
/** `sum(distinct expr)`. */
export function sumDistinct(expression: Operand): SQL<string | null> {
  return aggregate(Aggregate.sum, true, expression, toText);
}
/** `avg(expr)` as a string. */
export function avg(expression: Operand): SQL<string | null> {
  return aggregate(Aggregate.avg, false, expression, toText);
}
/** `avg(distinct expr)`. */
export function avgDistinct(expression: Operand): SQL<string | null> {
  return aggregate(Aggregate.avg, true, expression, toText);
}
/** `max(expr)`, decoded like the column when given a column. */
export function max<T extends Operand>(expression: T): SQL<(T extends Column ? T['_']['data'] : unknown) | null> {
  return minMax(Aggregate.max, expression);
}
/** `min(expr)`, decoded like the column when given a column. */
export function min<T extends Operand>(expression: T): SQL<(T extends Column ? T['_']['data'] : unknown) | null> {
  return minMax(Aggregate.min, expression);
}

function minMax<T>(fn: Aggregate, expression: Operand): SQL<T> {
  const out = new SQL<T>([new AggregateNode(fn, false, expression)]);
  if (expression instanceof Column) {
    const col = expression;
    out.decoder = (v: unknown) => (v === null || v === undefined ? (null as T) : (col.mapFromDriverValue(v) as T));
  }
  return out;
}
