/**
 * PostgreSQL array literals (pg-core only: no other dialect has array
 * columns): `makePgArray` writes the text form a driver binds for an array
 * parameter, `parsePgArray` reads the text form a driver may hand back
 * (drivers that do not parse arrays of some types themselves).
 *
 * Unlike drizzle 0.45's helpers, an unquoted `NULL` element reads as `null`
 * (drizzle returns the string `'NULL'`), an escaped backslash reads as one
 * backslash (drizzle drops every backslash), and `undefined` elements write
 * as NULL (drizzle writes the word `undefined`).
 */

import { checkDepth } from '../errors.js';

/** One element of an array literal: a scalar, NULL, or a nested array. */
export type PgArrayElement = string | number | bigint | boolean | null | undefined | PgArrayElement[];

/**
 * The PostgreSQL text form of a (possibly nested) JS array. Strings are
 * always double-quoted with `\` and `"` escaped, so empty strings, `NULL`,
 * commas, braces and spaces survive; numbers, bigints and booleans are
 * written bare; `null` / `undefined` are `NULL`.
 *
 * @example
 * makePgArray(['a"b', null, 'c\\d']); // '{"a\\"b",NULL,"c\\\\d"}'
 */
export function makePgArray(array: readonly unknown[], depth = 0): string {
  // PostgreSQL takes 6 dimensions; a cyclic array is `too_deep` rather than a stack overflow.
  checkDepth(depth);
  let out = '{';
  for (let i = 0; i < array.length; i++) {
    if (i > 0) out += ',';
    const item = array[i];
    if (item === null || item === undefined) out += 'NULL';
    else if (Array.isArray(item)) out += makePgArray(item, depth + 1);
    else if (typeof item === 'string') out += `"${item.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    else if (typeof item === 'number' || typeof item === 'bigint' || typeof item === 'boolean') out += String(item);
    else out += `"${String(item).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  }
  return `${out}}`;
}

/**
 * Reads a PostgreSQL array literal (`{1,2}`, `{{a,b},{c,NULL}}`,
 * `{"x y","q\"uote"}`, `[0:1]={a,b}`) into nested JS arrays of element
 * TEXT (or null): elements are not converted, the column does that.
 *
 * @example
 * parsePgArray('{a,"b c",NULL}'); // ['a', 'b c', null]
 */
export function parsePgArray(text: string): PgArrayNested {
  let i = 0;
  // Explicit bounds (`[1:3]={...}`) precede the braces when lower bounds are not 1.
  if (text[0] === '[') {
    const eq = text.indexOf('=');
    if (eq >= 0) i = eq + 1;
  }
  while (i < text.length && text[i] !== '{') i++;
  const [result] = parseLevel(text, i + 1);
  return result;
}

/** Nested arrays of element text, as {@link parsePgArray} returns them. */
export type PgArrayNested = (string | null | PgArrayNested)[];

/** Parses from just after a `{` to just after its `}`. */
function parseLevel(text: string, start: number): [PgArrayNested, number] {
  const out: PgArrayNested = [];
  let i = start;
  if (text[i] === '}') return [out, i + 1];
  while (i < text.length) {
    const c = text[i];
    if (c === '{') {
      const [nested, next] = parseLevel(text, i + 1);
      out.push(nested);
      i = next;
    } else if (c === '"') {
      let value = '';
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\') i++;
        value += text[i] ?? '';
        i++;
      }
      out.push(value);
      i++; // closing quote
    } else {
      let j = i;
      let value = '';
      while (j < text.length && text[j] !== ',' && text[j] !== '}') {
        if (text[j] === '\\') j++;
        value += text[j] ?? '';
        j++;
      }
      const raw = text.slice(i, j).trim();
      out.push(raw.toUpperCase() === 'NULL' ? null : value.trim());
      i = j;
    }
    // Now at a delimiter or the closing brace.
    if (text[i] === ',') i++;
    else if (text[i] === '}') return [out, i + 1];
  }
  return [out, i];
}
