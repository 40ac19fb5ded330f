/**
 * `getSQL()` of INSERT / UPDATE / DELETE builders, so they are `SQLWrapper`s as
 * drizzle's are and can stand in a `sql` template, in parentheses as drizzle
 * puts every embedded builder (PostgreSQL: `sql\`with gone as ${db.delete(t)
 * .returning()} select ...\``). The opcode grammar has no statement inside an
 * expression, so the builder is compiled on its own and its SQL comes back as
 * raw text with each placeholder turned back into the bound value (or named
 * placeholder) it stood for: the enclosing statement then numbers them in its
 * own order (`$n` on PostgreSQL).
 */
import type { Encoder } from '../engine/encoder.js';
import type { Session } from '../driver.js';
import { Param, Placeholder, SQL, sql } from '../sql.js';
import { compileWith } from './statement.js';

const DOLLAR = 0x24;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

/** The statement `write` encodes, as a `SQL` fragment for `session`'s dialect. */
export function embeddedStatement(session: Session, write: { encodeStatement(e: Encoder): void }): SQL {
  const use = compileWith(session, write);
  const { sql: text, params, offsets } = use.compiled;
  // Offsets are UTF-8 byte offsets (the engine's), so the text is cut as bytes.
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  const chunks: unknown[] = [sql.raw('(')];
  let at = 0;
  for (let i = 0; i < params.length; i++) {
    const start = offsets[i]!;
    chunks.push(sql.raw(decoder.decode(bytes.subarray(at, start))));
    // `?` (SQLite, MySQL) or `$n` (PostgreSQL).
    let end = start + 1;
    if (bytes[start] === DOLLAR) while (end < bytes.length && bytes[end]! >= DIGIT_0 && bytes[end]! <= DIGIT_9) end++;
    const p = params[i]!;
    if (p >= 0) {
      chunks.push(new Param(use.values[p]));
    } else {
      const name = use.compiled.names?.[i] ?? '';
      chunks.push(new Param(new Placeholder(name), use.placeholderEncoders?.get(name)));
    }
    at = end;
  }
  chunks.push(sql.raw(`${decoder.decode(bytes.subarray(at))})`));
  return new SQL(chunks.flatMap((c) => (c instanceof SQL ? c.queryChunks : [c])));
}
