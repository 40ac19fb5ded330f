/**
 * ORDER BY of a set operation (`a.union(b).orderBy(col)`): as drizzle does,
 * a column is written by its bare name, since only the compound's result
 * columns are in scope (a qualified `"users"."name"` does not resolve there).
 */
import { Column } from '../column.js';
import { checkDepth } from '../errors.js';
import { OrderNode } from '../expressions.js';
import { Name, SQL } from '../sql.js';

/** `term` with every column replaced by its bare, quoted name; `depth` counts the fragments around it. */
export function compoundOrderTerm(term: unknown, depth = 0): unknown {
  if (term instanceof Column) return new SQL([new Name(term.name)]);
  checkDepth(depth);
  if (term instanceof OrderNode) return new OrderNode(term.desc, compoundOrderTerm(term.expr, depth + 1));
  if (term instanceof SQL) {
    const out = new SQL(term.queryChunks.map((c) => compoundOrderTerm(c, depth + 1)));
    out.decoder = term.decoder;
    out.codec = term.codec;
    return out;
  }
  return term;
}
