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
import { MizzleError } from '../../errors.js';
import { isSQLWrapper, Name, Param, Placeholder, SQL, StringChunk } from '../../sql.js';
import type { QueryNode } from '../encoder.js';
import { tableRef } from '../table-ref.js';
import { Expr, Nulls, Order, RawPart } from '../wire.generated.js';
import { OpBuffer } from './buffer.js';

/** Whether `x` can write itself as a query. */
export function isQueryNode(x: unknown): x is QueryNode {
  return typeof x === 'object' && x !== null && typeof (x as QueryNode).encodeQuery === 'function';
}

/** The expression layer of the encoder. */
export abstract class ExprEncoder extends OpBuffer {
  /** Has `node` write its query into this encoder (the final class passes itself). */
  protected abstract writeQuery(node: QueryNode): void;

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
      this.expr(x.left);
      this.expr(x.right);
      return;
    }
    if (x instanceof JunctionNode) {
      this.op(x.or ? Expr.or : Expr.and);
      this.exprs(x.items);
      return;
    }
    if (x instanceof Placeholder) {
      this.op(Expr.placeholder);
      this.str(x.name);
      return;
    }
    if (x instanceof SQL.Aliased) {
      this.sql(x.sql);
      return;
    }
    if (x instanceof NotNode) {
      this.op(Expr.not);
      this.expr(x.inner);
      return;
    }
    if (x instanceof LikeNode) {
      this.op(Expr.like);
      this.flag(x.negated);
      this.flag(x.caseInsensitive);
      this.expr(x.expr);
      this.expr(x.pattern);
      return;
    }
    if (x instanceof InNode) {
      if (Array.isArray(x.list)) {
        this.op(Expr.inList);
        this.flag(x.negated);
        this.expr(x.expr);
        this.exprs(x.list);
        return;
      }
      this.op(Expr.inQuery);
      this.flag(x.negated);
      this.expr(x.expr);
      this.subquery(x.list);
      return;
    }
    if (x instanceof BetweenNode) {
      this.op(Expr.between);
      this.flag(x.negated);
      this.expr(x.expr);
      this.expr(x.low);
      this.expr(x.high);
      return;
    }
    if (x instanceof IsNullNode) {
      this.op(Expr.isNull);
      this.flag(x.negated);
      this.expr(x.expr);
      return;
    }
    if (x instanceof ExistsNode) {
      this.op(Expr.exists);
      this.flag(x.negated);
      this.subquery(x.query);
      return;
    }
    if (x instanceof AggregateNode) {
      this.op(Expr.aggregate);
      this.op(x.fn);
      this.flag(x.distinct);
      this.optExpr(x.arg);
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
      this.sql(x.getSQL());
      return;
    }
    if (isBindable(x)) {
      this.value(x);
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
    const v = p.encoder && p.value !== null && p.value !== undefined ? p.encoder.mapToDriverValue(p.value) : p.value;
    this.value(v);
  }

  /** An SQL fragment: one node is written as that node, anything else as raw parts. */
  protected sql(s: SQL): void {
    const chunks = s.queryChunks;
    if (chunks.length === 1) {
      const only = chunks[0];
      if (!(only instanceof StringChunk) && !(only instanceof Name) && !Array.isArray(only)) {
        this.expr(only);
        return;
      }
    }
    this.op(Expr.raw);
    const countAt = this.length;
    this.op(0);
    let parts = 0;
    const text = (t: string) => {
      this.op(RawPart.sql);
      this.str(t);
      parts++;
    };
    const walk = (chunk: unknown): void => {
      if (chunk instanceof StringChunk) {
        if (chunk.value) text(chunk.value);
      } else if (chunk instanceof Name) {
        this.op(RawPart.ident);
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
        this.op(RawPart.ident);
        this.str(t.alias ?? t.name);
        parts++;
      } else {
        this.op(RawPart.expr);
        this.expr(chunk);
        parts++;
      }
    };
    chunks.forEach(walk);
    this.ops[countAt] = parts;
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
  if (Array.isArray(x) || x instanceof Date || x instanceof Uint8Array || x instanceof ArrayBuffer) return true;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

function describe(x: unknown): string {
  if (typeof x === 'function') return 'a function';
  if (typeof x === 'symbol') return 'a symbol';
  const name = (x as { constructor?: { name?: string } } | null)?.constructor?.name;
  return name ? `an object of class ${name}` : `a ${typeof x}`;
}
