/**
 * A SQL fragment written as drizzle-orm 0.45's `SQL.toQuery(config)` writes it, chunk by chunk: the text
 * drizzle-kit puts in a snapshot (defaults, generated columns, checks, index keys and `where`, view
 * bodies). Two callers: kit-render.ts installs it as `SQL.prototype.toQuery` for drizzle-kit itself, and
 * the migrations' schema reader (migrator/declared.ts) writes the same text into mizzle's own snapshots,
 * so that a history drizzle-kit began continues without spurious changes. Pure: importing it installs
 * nothing.
 */
import { BetweenNode, BinaryNode, InNode, IsNullNode, JunctionNode, LikeNode, NotNode } from './expressions.js';
import { Entity, TableIsAlias, TableName, TableSchema } from './kit-compat.js';
import { Name, Param, Placeholder, SQL, StringChunk } from './sql.js';

/** The callbacks drizzle's dialects pass to `toQuery` (the part mizzle's renderer reads). */
export interface KitQueryConfig {
  escapeName(name: string): string;
  escapeParam(index: number, value: unknown): string;
  escapeString(value: string): string;
  casing: { getColumnCasing(column: unknown): string };
  invokeSource?: string;
  paramStartIndex?: { value: number };
}

export interface Out {
  sql: string;
  params: unknown[];
}

// drizzle's spelling of the operators mizzle keeps as nodes (drizzle's `eq`... are sql templates).
const binaryOps = ['', '=', '<>', '<', '<=', '>', '>='];

/**
 * `s` rendered as drizzle-orm 0.45's `SQL.toQuery(config)` renders the same fragment, chunk by chunk,
 * so that drizzle-kit writes the same text for a mizzle schema as for a drizzle one. Values are bound
 * (`escapeParam`), never inlined: drizzle-kit asks for no inlining, and mizzle's `inlineParams()` has
 * already turned a fragment's values into text.
 */
export function drizzleQuery(s: SQL, config: KitQueryConfig): Out {
  const cfg = { ...config, paramStartIndex: config.paramStartIndex ?? { value: 0 } };
  const out: Out = { sql: '', params: [] };
  render(s, cfg, out, 0);
  return out;
}

function render(chunk: unknown, c: KitQueryConfig & { paramStartIndex: { value: number } }, out: Out, d: number): void {
  if (d > 200) throw new Error('mizzle: SQL fragment too deep for drizzle-kit');
  const add = (x: unknown) => render(x, c, out, d + 1);
  const text = (s: string) => {
    out.sql += s;
  };
  const bind = (v: unknown) => {
    out.sql += c.escapeParam(c.paramStartIndex.value++, v);
    out.params.push(v);
  };
  const seq = (...xs: unknown[]) => {
    for (const x of xs) typeof x === 'string' ? text(x) : add(x);
  };
  if (chunk instanceof StringChunk) text(chunk.value);
  else if (chunk instanceof Name) text(c.escapeName(chunk.value));
  else if (chunk === undefined) return;
  else if (Array.isArray(chunk)) {
    text('(');
    chunk.forEach((x, i) => {
      if (i > 0) text(', ');
      add(x);
    });
    text(')');
  } else if (chunk instanceof SQL) {
    for (const x of chunk.queryChunks) add(x);
  } else if (chunk instanceof Placeholder) bind(chunk);
  else if (chunk instanceof Param && chunk.value instanceof Placeholder) bind(chunk);
  else if (chunk instanceof Param) {
    const v = chunk.value === null || !chunk.encoder ? chunk.value : chunk.encoder.mapToDriverValue(chunk.value);
    if (v instanceof SQL) add(v);
    else bind(v);
  } else if (chunk instanceof SQL.Aliased) text(c.escapeName(chunk.fieldAlias));
  else if (chunk instanceof BinaryNode && binaryOps[chunk.op]) seq(chunk.left, ` ${binaryOps[chunk.op]} `, chunk.right);
  else if (chunk instanceof JunctionNode) {
    text('(');
    chunk.items.forEach((x, i) => {
      if (i > 0) text(chunk.or ? ' or ' : ' and ');
      add(x);
    });
    text(')');
  } else if (chunk instanceof NotNode) seq('not ', chunk.inner);
  else if (chunk instanceof IsNullNode) seq(chunk.expr, chunk.negated ? ' is not null' : ' is null');
  else if (chunk instanceof LikeNode) {
    seq(chunk.expr, ` ${chunk.negated ? 'not ' : ''}${chunk.caseInsensitive ? 'ilike' : 'like'} `, chunk.pattern);
  } else if (chunk instanceof BetweenNode) {
    seq(chunk.expr, chunk.negated ? ' not between ' : ' between ', chunk.low, ' and ', chunk.high);
  } else if (chunk instanceof InNode && Array.isArray(chunk.list)) {
    if (chunk.list.length === 0) text(chunk.negated ? 'true' : 'false');
    else seq(chunk.expr, chunk.negated ? ' not in ' : ' in ', chunk.list);
  } else if (typeof chunk === 'function' && 'enumName' in chunk) {
    const e = chunk as unknown as { enumName: string; schema?: string };
    text(`${e.schema ? `${c.escapeName(e.schema)}.` : ''}${c.escapeName(e.enumName)}`);
  } else if (chunk instanceof Entity) {
    renderEntity(chunk, c, text, add);
  } else if (isObject(chunk) && typeof (chunk as { getSQL?: unknown }).getSQL === 'function') {
    seq('(', (chunk as { getSQL(): unknown }).getSQL(), ')');
  } else if (isObject(chunk) && !isValueObject(chunk)) {
    // An engine node drizzle spells with its own builders (a subquery, exists, an aggregate, an ordering):
    // refuse rather than guess its text.
    throw new Error("mizzle: drizzle-kit cannot read a subquery, exists, aggregate or ordering in a schema's SQL");
  } else bind(chunk);
}

// A value drizzle binds as a parameter: a plain object (JSON; a subquery is one with a symbol key), a Date, bytes.
function isValueObject(x: object): boolean {
  const proto = Object.getPrototypeOf(x);
  if (proto === Object.prototype || proto === null) return Object.getOwnPropertySymbols(x).length === 0;
  return x instanceof Date || ArrayBuffer.isView(x);
}

export function isObject(x: unknown): x is object {
  return typeof x === 'object' && x !== null;
}

// Tables and columns (mizzle's carry drizzle's keys; see table.ts), as drizzle writes them.
function renderEntity(chunk: object, c: KitQueryConfig, text: (s: string) => void, add: (x: unknown) => void): void {
  const t = chunk as Record<symbol, string | boolean | undefined> & { table?: Record<symbol, unknown> };
  if (t[TableName] !== undefined) {
    const schema = t[TableSchema] as string | undefined;
    if (schema !== undefined && !t[TableIsAlias]) text(`${c.escapeName(schema)}.`);
    text(c.escapeName(t[TableName] as string));
  } else if (t.table !== undefined) {
    const name = c.escapeName(c.casing.getColumnCasing(chunk));
    if (c.invokeSource !== 'indexes') {
      add(t.table);
      text('.');
    }
    text(name);
  } else add((chunk as { getSQL(): unknown }).getSQL());
}
