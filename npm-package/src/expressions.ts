/**
 * Structured expression nodes. Operators return `SQL` fragments holding one
 * node, so the engine (not string concatenation) decides how each dialect
 * spells them: ILIKE, an empty IN list, NULLS FIRST, concatenation.
 */

import type { Aggregate, BinaryOp } from './engine/wire.generated.js';

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
    readonly fn: Aggregate,
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
