/**
 * Structured expression nodes. Operators return `SQL` fragments holding one
 * node, so the engine (not string concatenation) decides how each dialect
 * spells them: ILIKE, an empty IN list, NULLS FIRST, concatenation.
 */

/** Binary operator codes (wasm/README.md, expr tag 5). */
export enum BinaryOp {
  Eq = 1,
  Ne = 2,
  Lt = 3,
  Le = 4,
  Gt = 5,
  Ge = 6,
  Add = 7,
  Sub = 8,
  Mul = 9,
  Div = 10,
  Mod = 11,
  Concat = 12,
}

/** Aggregate function codes (expr tag 19). */
export enum AggregateFn {
  Count = 1,
  Sum = 2,
  Avg = 3,
  Min = 4,
  Max = 5,
}

/** `left op right`. */
export class BinaryNode {
  constructor(
    readonly op: BinaryOp,
    readonly left: unknown,
    readonly right: unknown,
  ) {}
}

/** `a and b and c` / `a or b`. */
export class JunctionNode {
  constructor(
    readonly or: boolean,
    readonly items: unknown[],
  ) {}
}

/** `not x`. */
export class NotNode {
  constructor(readonly inner: unknown) {}
}

/** `x [not] [i]like pattern`. */
export class LikeNode {
  constructor(
    readonly negated: boolean,
    readonly caseInsensitive: boolean,
    readonly expr: unknown,
    readonly pattern: unknown,
  ) {}
}

/** `x [not] in (list)` or `x [not] in (subquery)`. */
export class InNode {
  constructor(
    readonly negated: boolean,
    readonly expr: unknown,
    readonly list: unknown[] | { getQuery(): unknown },
  ) {}
}

/** `x [not] between low and high`. */
export class BetweenNode {
  constructor(
    readonly negated: boolean,
    readonly expr: unknown,
    readonly low: unknown,
    readonly high: unknown,
  ) {}
}

/** `x is [not] null`. */
export class IsNullNode {
  constructor(
    readonly negated: boolean,
    readonly expr: unknown,
  ) {}
}

/** `[not] exists (subquery)`. */
export class ExistsNode {
  constructor(
    readonly negated: boolean,
    readonly query: unknown,
  ) {}
}

/** `count(*)`, `sum(distinct x)`... */
export class AggregateNode {
  constructor(
    readonly fn: AggregateFn,
    readonly distinct: boolean,
    readonly arg: unknown | undefined,
  ) {}
}

/** An ORDER BY term built by `asc()` / `desc()`. */
export class OrderNode {
  constructor(
    readonly desc: boolean,
    readonly expr: unknown,
  ) {}
}
