/**
 * Expressions (`expr :=` in wasm/README.md): columns, values, placeholders,
 * SQL fragments, operator nodes and subqueries, and ORDER BY terms. A value
 * the encoder does not know is a `MizzleError`, never a bound parameter.
 */
import { Column } from '../../column.js';
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
} from '../../expressions.js';
import { checkOperand } from '../../column-codec.js';
import { checkDepth, MizzleError } from '../../errors.js';
import { isSQLWrapper, Name, Param, Placeholder, SQL, StringChunk } from '../../sql.js';
import type { QueryNode } from '../encoder.js';
import { tableRef } from '../table-ref.js';
import { Expr, MAX_DEPTH, Nulls, Order, RawPart } from '../wire.generated.js';
import { OpBuffer } from './buffer.js';

/** Whether `x` can write itself as a query. */
export function isQueryNode(x: unknown): x is QueryNode {
  return typeof x === 'object' && x !== null && typeof (x as QueryNode).encodeQuery === 'function';
}

/** The expression layer of the encoder. */
export abstract class ExprEncoder extends OpBuffer {
  /** Has `node` write its query into this encoder (the final class passes itself). */
  protected abstract writeQuery(node: QueryNode): void;

  /**
   * Expressions open around the one being written. Only nodes with operands count, and a throw needs no
   * unwinding: an encoder serves one encoding.
   */
  protected depth = 0;

  /**
   * Opens one more level of operands (or a nested query: Encoder.writeQuery). The engine's reader counts every
   * level too, against the same generated MAX_DEPTH (checkDepth), so a shape refused here would be refused
   * there; checked here as well because encoding 10,000 nested `and()`s overflowed the JS stack before the
   * engine saw them.
   */
  protected deeper(): void {
    checkDepth(++this.depth);
  }

  // The common forms of `[flag X]` and `n X*` without a callback: a closure per
  // call was most of what building a repeated query allocated (BENCHMARKS.md, compile).

  /** `[flag expr]` */
  protected optExpr(x: unknown): void {
    if (x === undefined) {
      this.op(0);
      return;
    }
    this.op(1);
    this.expr(x);
  }

  /** `n expr*` */
  protected exprs(items: readonly unknown[]): void {
    this.op(items.length);
    for (const x of items) this.expr(x);
  }

  /** `n order*` */
  protected orders(items: readonly unknown[]): void {
    this.op(items.length);
    for (const x of items) this.order(x);
  }

  /** `n name*` of columns */
  protected columnNames(columns: readonly { readonly name: string }[]): void {
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
    if (x instanceof Column) {
      this.column(x);
      return;
    }
    if (x instanceof Param) {
      this.param(x);
      return;
    }
    if (x instanceof SQL) {
      this.sql(x);
      return;
    }
    if (x instanceof BinaryNode) {
      this.op(Expr.binary);
      this.op(x.op);
      this.deeper();
      this.expr(x.left);
      this.expr(x.right);
      this.depth--;
      return;
    }
    if (x instanceof JunctionNode) {
      this.op(x.or ? Expr.or : Expr.and);
      this.deeper();
      this.exprs(x.items);
      this.depth--;
      return;
    }
    if (x instanceof Placeholder) {
      this.op(Expr.placeholder);
      this.str(x.name);
      return;
    }
    if (x instanceof SQL.Aliased) {
      // Counted, as the getSQL() chains below: no engine level, but `.as()` of a fragment holding the
      // next `.as()` recurses here once per level.
      this.deeper();
      this.sql(x.sql);
      this.depth--;
      return;
    }
    if (x instanceof NotNode) {
      this.op(Expr.not);
      this.deeper();
      this.expr(x.inner);
      this.depth--;
      return;
    }
    if (x instanceof LikeNode) {
      this.op(Expr.like);
      this.flag(x.negated);
      this.flag(x.caseInsensitive);
      this.deeper();
      this.expr(x.expr);
      this.expr(x.pattern);
      this.depth--;
      return;
    }
    if (x instanceof InNode) {
      this.deeper();
      if (Array.isArray(x.list)) {
        this.op(Expr.inList);
        this.flag(x.negated);
        this.expr(x.expr);
        this.exprs(x.list);
      } else {
        this.op(Expr.inQuery);
        this.flag(x.negated);
        this.expr(x.expr);
        this.subquery(x.list);
      }
      this.depth--;
      return;
    }
    if (x instanceof BetweenNode) {
      this.op(Expr.between);
      this.flag(x.negated);
      this.deeper();
      this.expr(x.expr);
      this.expr(x.low);
      this.expr(x.high);
      this.depth--;
      return;
    }
    if (x instanceof IsNullNode) {
      this.op(Expr.isNull);
      this.flag(x.negated);
      this.deeper();
      this.expr(x.expr);
      this.depth--;
      return;
    }
    if (x instanceof ExistsNode) {
      this.op(Expr.exists);
      this.flag(x.negated);
      this.deeper();
      this.subquery(x.query);
      this.depth--;
      return;
    }
    if (x instanceof AggregateNode) {
      this.op(Expr.aggregate);
      this.op(x.fn);
      this.flag(x.distinct);
      this.deeper();
      this.optExpr(x.arg);
      this.depth--;
      return;
    }
    if (x instanceof OrderNode) {
      throw new MizzleError('invalid', 'asc()/desc() can only be used in orderBy');
    }
    if (isQueryNode(x)) {
      this.op(Expr.subquery);
      this.writeQuery(x);
      return;
    }
    if (isSQLWrapper(x)) {
      this.deeper();
      this.sql(x.getSQL());
      this.depth--;
      return;
    }
    if (isBindable(x)) {
      // Bytes in any form bind as a Uint8Array, which every driver takes as a blob.
      this.value(x instanceof ArrayBuffer ? new Uint8Array(x) : isOtherView(x) ? bytesOf(x) : x);
      return;
    }
    throw new MizzleError(
      'invalid',
      `cannot use ${describe(x)} as an SQL expression: expected a column, sql\`...\`, an operator or a plain value`,
    );
  }

  /** A subquery: a builder that writes a query. */
  protected subquery(x: unknown): void {
    if (!isQueryNode(x)) throw new MizzleError('invalid', 'expected a subquery (a select builder)');
    this.writeQuery(x);
  }

  protected column(c: Column): void {
    const rebound = this.rebind !== undefined && this.rebind.table === c.table ? this.rebind.alias : undefined;
    const t = rebound === undefined ? tableRef(c.table) : undefined;
    this.op(Expr.column);
    this.optStr(rebound ?? (t ? (t.alias ?? t.name) : undefined));
    this.str(c.name);
  }

  /** A bound value (through its column's encoder), or a named placeholder. */
  param(p: Param): void {
    if (p.value instanceof Placeholder) {
      if (p.encoder) {
        this.placeholderEncoders ??= new Map();
        this.placeholderEncoders.set(p.value.name, p.encoder);
      }
      this.op(Expr.placeholder);
      this.str(p.value.name);
      return;
    }
    const enc = p.encoder;
    let v = p.value;
    if (enc !== undefined && v !== null && v !== undefined) {
      // A column's operand is checked as a written value is (mostly: see checkOperand). The modes are
      // tested here so the common ones cost no call.
      const mode = (enc as Partial<Column>).dataType;
      if (mode === 'date' || mode === 'boolean' || mode === 'bigint') checkOperand(enc as Column, v);
      v = enc.mapToDriverValue(v);
    }
    this.value(v);
  }

  /** An SQL fragment: one node is written as that node, anything else as raw parts. */
  protected sql(s: SQL): void {
    let chunks = s.queryChunks;
    let wrapped = 0;
    let seen: Set<readonly unknown[]> | undefined;
    // A loop, not recursion, through fragments wrapping one fragment each.
    while (chunks.length === 1) {
      const only = chunks[0];
      if (only instanceof SQL) {
        chunks = only.queryChunks;
        if (++wrapped > MAX_DEPTH) seen = enterOnce(seen, chunks);
        continue;
      }
      if (!(only instanceof StringChunk) && !(only instanceof Name) && !Array.isArray(only)) {
        this.expr(only);
        return;
      }
      break;
    }
    this.op(Expr.raw);
    const countAt = this.length;
    this.op(0);
    this.deeper();
    const parts = this.rawParts(chunks);
    this.depth--;
    this.ops[countAt] = parts;
  }

  /**
   * The raw parts of `chunks`, nested fragments and arrays flattened into them. An explicit stack rather than
   * recursion: a fragment built by appending in a loop (sql`${where} and ${c}`) nests thousands deep, which
   * the engine takes flat but the JS stack did not. No closure either: this runs for every fragment.
   */
  private rawParts(chunks: readonly unknown[]): number {
    let parts = 0;
    let list = chunks;
    let i = 0;
    let inArray = false;
    // Saved (list, index, inArray) of the enclosing lists; allocated for the first nested one only.
    let stack: unknown[] | undefined;
    let seen: Set<readonly unknown[]> | undefined;
    for (;;) {
      if (i === list.length) {
        if (inArray) {
          this.rawText(')');
          parts++;
        }
        if (stack === undefined || stack.length === 0) return parts;
        seen?.delete(list);
        inArray = stack.pop() as boolean;
        i = stack.pop() as number;
        list = stack.pop() as unknown[];
        continue;
      }
      const chunk = list[i++];
      if (inArray && i > 1) {
        this.rawText(', ');
        parts++;
      }
      if (chunk instanceof StringChunk) {
        if (chunk.value) {
          this.rawText(chunk.value);
          parts++;
        }
      } else if (chunk instanceof Name) {
        this.op(RawPart.ident);
        this.str(chunk.value);
        parts++;
      } else if (chunk instanceof SQL && !isSingleNode(chunk)) {
        if (stack === undefined) stack = [];
        stack.push(list, i, inArray);
        list = chunk.queryChunks;
        if (stack.length > 3 * MAX_DEPTH) seen = enterOnce(seen, list);
        i = 0;
        inArray = false;
      } else if (Array.isArray(chunk)) {
        this.rawText('(');
        parts++;
        if (stack === undefined) stack = [];
        stack.push(list, i, inArray);
        list = chunk;
        if (stack.length > 3 * MAX_DEPTH) seen = enterOnce(seen, list);
        i = 0;
        inArray = true;
      } else if (isTable(chunk)) {
        const t = tableRef(chunk)!;
        this.op(RawPart.ident);
        this.str(t.alias ?? t.name);
        parts++;
      } else {
        this.op(RawPart.expr);
        this.expr(chunk);
        parts++;
      }
    }
  }

  private rawText(t: string): void {
    this.op(RawPart.sql);
    this.str(t);
  }

  /** An ORDER BY term: `asc()`/`desc()` nodes, or any expression (raw SQL keeps its own direction). */
  protected order(x: unknown): void {
    const inner = x instanceof SQL && x.queryChunks.length === 1 ? x.queryChunks[0] : x;
    if (inner instanceof OrderNode) {
      this.expr(inner.expr);
      this.op(inner.desc ? Order.desc : Order.asc);
      this.op(Nulls.default);
      return;
    }
    this.expr(x);
    this.op(x instanceof Column ? Order.asc : Order.asWritten);
    this.op(Nulls.default);
  }
}

/**
 * `seen` with `list` added, for the loops above that take fragments at any depth (the engine gets them flat):
 * past MAX_DEPTH levels each list entered is remembered until left, so a fragment that contains itself is
 * `too_deep` instead of a loop that never ends. A deep fragment without a cycle pays one Set entry a level.
 */
function enterOnce(seen: Set<readonly unknown[]> | undefined, list: readonly unknown[]): Set<readonly unknown[]> {
  const set = seen ?? new Set();
  // A cycle nests without end.
  if (set.has(list)) checkDepth(Number.POSITIVE_INFINITY);
  set.add(list);
  return set;
}

function isSingleNode(s: SQL): boolean {
  if (s.queryChunks.length !== 1) return false;
  const only = s.queryChunks[0];
  return !(only instanceof StringChunk) && !(only instanceof Name) && !Array.isArray(only) && !(only instanceof SQL);
}

function isTable(x: unknown): boolean {
  return tableRef(x) !== undefined && !(x instanceof Column);
}

/**
 * What a driver can bind: primitives, dates, bytes, and plain JSON-ish data
 * (arrays and plain objects, for JSON columns and pg arrays). Class instances
 * the encoder does not know are refused rather than bound.
 */
function isBindable(x: unknown): boolean {
  if (x === null || x === undefined) return true;
  const t = typeof x;
  if (t === 'string' || t === 'number' || t === 'bigint' || t === 'boolean') return true;
  if (t !== 'object') return false;
  if (Array.isArray(x) || x instanceof Date || x instanceof ArrayBuffer || ArrayBuffer.isView(x)) return true;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/** A typed array or DataView other than a Uint8Array. */
function isOtherView(x: unknown): x is ArrayBufferView {
  return ArrayBuffer.isView(x) && !(x instanceof Uint8Array);
}

function bytesOf(x: ArrayBufferView): Uint8Array {
  return new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
}

function describe(x: unknown): string {
  if (typeof x === 'function') return 'a function';
  if (typeof x === 'symbol') return 'a symbol';
  const name = (x as { constructor?: { name?: string } } | null)?.constructor?.name;
  return name ? `an object of class ${name}` : `a ${typeof x}`;
}
