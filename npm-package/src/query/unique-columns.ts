/**
 * `with "mizzle_rows"("c0", "c1", ...) as (<query>) select * from "mizzle_rows"`:
 * the same rows with unique positional column names, for hosts that return a
 * batch's rows as objects (where equal names would collapse). Written as
 * opcodes, so the engine renders it like any other query.
 */
import type { Encoder } from '../engine/encoder.js';

const NAME = 'mizzle_rows';

/** Writes the wrapping query around `inner` (which writes a query of `columns` columns). */
export function encodeUniqueColumns(e: Encoder, columns: number, inner: (e: Encoder) => void): void {
  e.push(1); // statement: query
  e.push(1, 0, 1); // with: not recursive, one CTE
  e.str(NAME);
  e.list(
    Array.from({ length: columns }, (_, i) => `c${i}`),
    (c) => e.str(c),
  );
  inner(e);
  e.push(1, 0, 1, 2, -1); // select, not distinct, one item: `*`
  e.push(1, -1);
  e.str(NAME);
  e.push(-1); // from "mizzle_rows"
  e.push(0, 0, 0, 0, 0, 0, 0, 0); // no joins, where, group, having, order, limit, offset, lock
}
