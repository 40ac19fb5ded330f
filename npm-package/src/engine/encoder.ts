/**
 * Turns builder state into the engine's opcode form (wasm/README.md): an
 * int32 stream whose hash is the shape-cache key, plus the values, which
 * stay in JS and are referenced by slot.
 */
import { Column } from '../column.js';
import {
  AggregateNode,
  BetweenNode,
  BinaryNode,
  ExistsNode,
  InNode,
  IsNullNode,
  JunctionNode,
  LikeNode,
  NotNode,
  OrderNode,
} from '../expressions.js';
import { MizzleError } from '../errors.js';
import { Name, Param, Placeholder, SQL, StringChunk, isSQLWrapper } from '../sql.js';
import type { Strings } from './strings.js';
import { tableRef } from './table-ref.js';

/** Something that writes a whole query (a select builder, a CTE...). */
export interface QueryNode {
  encodeQuery(e: Encoder): void;
}

/** Whether `x` can write itself as a query. */
export function isQueryNode(x: unknown): x is QueryNode {
  return typeof x === 'object' && x !== null && typeof (x as QueryNode).encodeQuery === 'function';
}

/** One encoding pass: opcodes, values, and placeholder encoders. */
export class Encoder {
  /**
   * The opcodes: `ops[0 .. length)`. The buffer is the engine's, reused by
   * every encoding (a repeated shape then allocates nothing for its opcodes),
   * and replaced by a bigger one when full.
   */
  ops: Int32Array;
  length = 0;
  readonly values: unknown[] = [];
  /** Encoders for named placeholders, applied when a prepared query runs (created on first use: most queries have none). */
  placeholderEncoders: Map<string, { mapToDriverValue(v: unknown): unknown }> | undefined;

  /**
   * While a relational level is written: its table's columns are qualified
   * by the level's alias (as drizzle remaps them), so plain `posts.id` in a
   * nested `where` means that level's row.
   */
  rebind: { readonly table: object; readonly alias: string } | undefined;

  constructor(
    readonly strings: Strings,
    buffer: Int32Array = new Int32Array(256),
  ) {
    this.ops = buffer;
  }

  /** Appends one opcode. */
  op(x: number): void {
    if (this.length === this.ops.length) this.grow();
    this.ops[this.length++] = x;
  }

  /** Appends opcodes. */
  push(...ops: number[]): void {
    for (const x of ops) this.op(x);
  }

  private grow(): void {
    const bigger = new Int32Array(this.ops.length * 2);
    bigger.set(this.ops);
    this.ops = bigger;
  }

  /** The opcodes written, as a view of the buffer (valid until the next encoding). */
  written(): Int32Array {
    return this.ops.subarray(0, this.length);
  }

  flag(b: boolean): void {
    this.op(b ? 1 : 0);
  }

  str(s: string): void {
    this.op(this.strings.id(s));
  }

  optStr(s: string | undefined): void {
    this.op(s === undefined ? -1 : this.strings.id(s));
  }

  /** A value kept in JS, referenced by slot. */
  value(v: unknown): void {
    this.op(2);
    this.op(this.values.length);
    this.values.push(v);
  }

  /** `[flag X]` */
  maybe<T>(x: T | undefined, each: (x: T) => void): void {
    if (x === undefined) {
      this.op(0);
    } else {
      this.op(1);
      each(x);
    }
  }

  /** `n item*` */
  list<T>(items: readonly T[], each: (x: T) => void): void {
    this.op(items.length);
    for (const x of items) each(x);
  }

  // The common forms of `maybe` and `list` without a callback: a closure per
  // call was most of what building a repeated query allocated (BENCHMARKS.md, compile).

  /** `[flag expr]` */
  optExpr(x: unknown): void {
    if (x === undefined) return this.op(0);
    this.op(1);
    this.expr(x);
  }

  /** `n expr*` */
  exprs(items: readonly unknown[]): void {
    this.op(items.length);
    for (const x of items) this.expr(x);
  }

  /** `n order*` */
  orders(items: readonly unknown[]): void {
    this.op(items.length);
    for (const x of items) this.order(x);
  }

  /** `n name*` of columns */
  columnNames(columns: readonly { readonly name: string }[]): void {
    this.op(columns.length);
    for (const c of columns) this.str(c.name);
  }

  /**
   * Any expression: a column, SQL fragment, node, param, placeholder or plain
   * value. The commonest kinds are tested first (every test walks a prototype
   * chain); the duck-typed ones (query builders, SQL wrappers) come last, since
   * classes tested before them may also have `getSQL`.
   */
  expr(x: unknown): void {
    if (x instanceof Column) return this.column(x);
    if (x instanceof Param) return this.param(x);
    if (x instanceof SQL) return this.sql(x);
    if (x instanceof BinaryNode) return (this.op(5), this.op(x.op), this.expr(x.left), this.expr(x.right));
    if (x instanceof JunctionNode) return (this.op(x.or ? 7 : 6), this.exprs(x.items));
    if (x instanceof Placeholder) return (this.push(3), this.str(x.name));
    if (x instanceof SQL.Aliased) return this.sql(x.sql);
    if (x instanceof NotNode) return (this.push(8), this.expr(x.inner));
    if (x instanceof LikeNode) {
      this.push(10, x.negated ? 1 : 0, x.caseInsensitive ? 1 : 0);
      return (this.expr(x.expr), this.expr(x.pattern));
    }
    if (x instanceof InNode) {
      if (Array.isArray(x.list)) {
        this.push(11, x.negated ? 1 : 0);
        this.expr(x.expr);
        return this.exprs(x.list);
      }
      this.push(12, x.negated ? 1 : 0);
      this.expr(x.expr);
      return this.query(x.list);
    }
    if (x instanceof BetweenNode) {
      this.push(13, x.negated ? 1 : 0);
      return (this.expr(x.expr), this.expr(x.low), this.expr(x.high));
    }
    if (x instanceof IsNullNode) return (this.push(14, x.negated ? 1 : 0), this.expr(x.expr));
    if (x instanceof ExistsNode) return (this.push(15, x.negated ? 1 : 0), this.query(x.query));
    if (x instanceof AggregateNode) {
      this.push(19, x.fn, x.distinct ? 1 : 0);
      return this.optExpr(x.arg);
    }
    if (x instanceof OrderNode) {
      throw new MizzleError('invalid', 'asc()/desc() can only be used in orderBy');
    }
    if (isQueryNode(x)) return (this.push(16), x.encodeQuery(this));
    if (isSQLWrapper(x)) return this.sql(x.getSQL());
    // A plain value where an expression is expected: bind it.
    this.value(x);
  }

  /** A subquery: a builder that writes a query. */
  query(x: unknown): void {
    if (isQueryNode(x)) return x.encodeQuery(this);
    throw new MizzleError('invalid', 'expected a subquery (a select builder)');
  }

  column(c: Column): void {
    const rebound = this.rebind !== undefined && this.rebind.table === c.table ? this.rebind.alias : undefined;
    const t = rebound === undefined ? tableRef(c.table) : undefined;
    this.push(1);
    this.optStr(rebound ?? (t ? (t.alias ?? t.name) : undefined));
    this.str(c.name);
  }

  param(p: Param): void {
    if (p.value instanceof Placeholder) {
      if (p.encoder) (this.placeholderEncoders ??= new Map()).set(p.value.name, p.encoder);
      this.push(3);
      return this.str(p.value.name);
    }
    const v = p.encoder && p.value !== null && p.value !== undefined ? p.encoder.mapToDriverValue(p.value) : p.value;
    this.value(v);
  }

  /** An SQL fragment: one node is written as that node, anything else as raw parts. */
  sql(s: SQL): void {
    const chunks = s.queryChunks;
    if (chunks.length === 1) {
      const only = chunks[0];
      if (!(only instanceof StringChunk) && !(only instanceof Name) && !Array.isArray(only)) {
        return this.expr(only);
      }
    }
    this.op(4);
    const countAt = this.length;
    this.op(0);
    let parts = 0;
    const text = (t: string) => {
      this.push(1);
      this.str(t);
      parts++;
    };
    const walk = (chunk: unknown): void => {
      if (chunk instanceof StringChunk) {
        if (chunk.value) text(chunk.value);
      } else if (chunk instanceof Name) {
        this.push(4);
        this.str(chunk.value);
        parts++;
      } else if (chunk instanceof SQL && !isSingleNode(chunk)) {
        chunk.queryChunks.forEach(walk);
      } else if (Array.isArray(chunk)) {
        text('(');
        chunk.forEach((c, i) => {
          if (i > 0) text(', ');
          walk(c);
        });
        text(')');
      } else if (isTable(chunk)) {
        const t = tableRef(chunk)!;
        this.push(4);
        this.str(t.alias ?? t.name);
        parts++;
      } else {
        this.push(3);
        this.expr(chunk);
        parts++;
      }
    };
    chunks.forEach(walk);
    this.ops[countAt] = parts;
  }

  /** An ORDER BY term: `asc()`/`desc()` nodes, or any expression (raw SQL keeps its own direction). */
  order(x: unknown): void {
    const inner = x instanceof SQL && x.queryChunks.length === 1 ? x.queryChunks[0] : x;
    if (inner instanceof OrderNode) {
      this.expr(inner.expr);
      return this.push(inner.desc ? 1 : 0, 0);
    }
    this.expr(x);
    this.push(x instanceof Column ? 0 : 2, 0);
  }

  /**
   * The shape-cache key for `dialect`: a 53-bit hash of the opcodes (two
   * 32-bit lanes; the cache verifies the opcodes on a hit). Hashing the ints
   * costs far less than joining them into a string and hashing that.
   */
  hash(dialect: number): number {
    const ops = this.ops;
    const n = this.length;
    let a = 0x811c9dc5 ^ dialect;
    let b = 0x9747b28c ^ n;
    for (let i = 0; i < n; i++) {
      const x = ops[i]!;
      a = Math.imul(a ^ x, 0x01000193);
      b = Math.imul(b ^ x, 0x5bd1e995);
      b ^= b >>> 15;
    }
    return (fmix(a) >>> 0) * 0x200000 + (fmix(b) >>> 11);
  }
}

/** murmur3's finaliser: spreads every input bit over the word. */
function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function isSingleNode(s: SQL): boolean {
  if (s.queryChunks.length !== 1) return false;
  const only = s.queryChunks[0];
  return !(only instanceof StringChunk) && !(only instanceof Name) && !Array.isArray(only) && !(only instanceof SQL);
}

function isTable(x: unknown): boolean {
  return tableRef(x) !== undefined && !(x instanceof Column);
}
