/**
 * ORDER BY of a set operation (`a.union(b).orderBy(col)`): as drizzle does,
 * a column is written by its bare name, since only the compound's result
 * columns are in scope (a qualified `"users"."name"` does not resolve there).
 */
import { Column } from '../column.js';
import { OrderNode } from '../expressions.js';
import { Name, SQL } from '../sql.js';

/** `term` with every column replaced by its bare, quoted name. */
export function compoundOrderTerm(term: unknown): unknown {
  if (term instanceof Column) return new SQL([new Name(term.name)]);
  if (term instanceof OrderNode) return new OrderNode(term.desc, compoundOrderTerm(term.expr));
  if (term instanceof SQL) {
    const out = new SQL(term.queryChunks.map(compoundOrderTerm));
    out.decoder = term.decoder;
    out.codec = term.codec;
    return out;
  }
  return term;
}
