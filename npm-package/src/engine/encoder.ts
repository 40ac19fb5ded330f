/**
 * Turns builder state into the engine's opcode form (wasm/README.md): an
 * int32 stream whose hash is the shape-cache key, plus the values, which
 * stay in JS and are referenced by slot. This is the only writer of opcodes:
 * the builders call one method per grammar rule of the Rust reader
 * (wasm/src/read/: `query`, `select`, `fromItem`, `insert`, `onConflict`...)
 * with their own state, and every number comes from `wire.generated.ts`. An
 * object the encoder does not know is a `MizzleError`, never a bound value.
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
import { codecOf, codecOfValue, type SelectedItem } from '../query/fields.js';
import { columnOf, encodeValue } from '../query/mutation.js';
import { compoundOrderTerm } from '../query/order.js';
import type { RelationalLevel } from '../query/relational.js';
import type { JoinKind, LockStrength, LockWaitPolicy, SelectConfig, SetOpName } from '../query/select.js';
import { isSQLWrapper, Name, Param, Placeholder, SQL, StringChunk } from '../sql.js';
import type { Strings } from './strings.js';
import { type SubqueryInfo, subqueryInfo, tableRef } from './table-ref.js';
import {
  ConflictAction,
  Conflict,
  Distinct,
  Expr,
  From,
  InsertCell,
  InsertSource,
  Item,
  Join,
  Lock,
  LockWait,
  NONE,
  Nulls,
  Order,
  RawPart,
  Relation,
  SetExpr,
  SetOp,
  Stmt,
  Txn,
} from './wire.generated.js';

/** Something that writes a whole query (a select builder, a CTE...). */
export interface QueryNode {
  encodeQuery(e: Encoder): void;
}

/** Whether `x` can write itself as a query. */
export function isQueryNode(x: unknown): x is QueryNode {
  return typeof x === 'object' && x !== null && typeof (x as QueryNode).encodeQuery === 'function';
}

/** A transaction-control step (the engine names savepoints by depth). */
export type TransactionStep = 'begin' | 'commit' | 'rollback' | 'savepoint' | 'release' | 'rollbackTo';

/** An INSERT's state, as `InsertQuery` keeps it. */
export interface InsertShape {
  readonly table: unknown;
  /** The columns given (by property key), in table order. */
  readonly columns: readonly (readonly [string, Column])[];
  /** Per row, per column: the value, or undefined for the column's default. */
  readonly rows: readonly (readonly unknown[])[];
  readonly conflict: ConflictShape | undefined;
  readonly duplicateSet: Record<string, unknown> | undefined;
  readonly ignore: boolean;
  readonly returning: readonly SelectedItem[];
}

/** `on conflict [(target)] [where] do nothing | do update set ... [where]`. */
export interface ConflictShape {
  readonly target: readonly Column[];
  readonly targetWhere: unknown;
  /** The new values; undefined for `do nothing`. */
  readonly set: Record<string, unknown> | undefined;
  readonly setWhere: unknown;
}

/** An UPDATE's or DELETE's state, as `FilteredMutation` keeps it. */
export interface MutationShape {
  readonly table: unknown;
  readonly where: unknown;
  readonly orderBy: readonly unknown[];
  readonly limit: unknown;
  readonly returning: readonly SelectedItem[];
}

const JOIN: Record<JoinKind, Join> = {
  inner: Join.inner,
  left: Join.left,
  right: Join.right,
  full: Join.full,
  cross: Join.cross,
};

const SET_OP: Record<SetOpName, readonly [SetOp, boolean]> = {
  union: [SetOp.union, false],
  unionAll: [SetOp.union, true],
  intersect: [SetOp.intersect, false],
  intersectAll: [SetOp.intersect, true],
  except: [SetOp.except, false],
  exceptAll: [SetOp.except, true],
};

const LOCK: Record<LockStrength, Lock> = {
  update: Lock.update,
  'no key update': Lock.noKeyUpdate,
  share: Lock.share,
  'key share': Lock.keyShare,
};

const LOCK_WAIT: Record<LockWaitPolicy, LockWait> = {
  wait: LockWait.wait,
  noWait: LockWait.noWait,
  skipLocked: LockWait.skipLocked,
};

const TXN: Record<TransactionStep, Txn> = {
  begin: Txn.begin,
  commit: Txn.commit,
  rollback: Txn.rollback,
  savepoint: Txn.savepoint,
  release: Txn.release,
  rollbackTo: Txn.rollbackTo,
};

/** The CTE that renames a query's columns positionally (`positionalColumns`). */
const POSITIONAL = 'mizzle_rows';

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
  /**
   * Encoders for named placeholders, applied when a prepared query runs
   * (created on first use: most queries have none).
   */
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

  // ---------------------------------------------------------------- primitives

  /** Appends one opcode. */
  private op(x: number): void {
    if (this.length === this.ops.length) this.grow();
    this.ops[this.length++] = x;
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

  private flag(b: boolean): void {
    this.op(b ? 1 : 0);
  }

  private str(s: string): void {
    this.op(this.strings.id(s));
  }

  private optStr(s: string | undefined): void {
    this.op(s === undefined ? NONE : this.strings.id(s));
  }

  /** A value kept in JS, referenced by slot. */
  value(v: unknown): void {
    this.op(Expr.slot);
    this.op(this.values.length);
    this.values.push(v);
  }

  // The common forms of `[flag X]` and `n X*` without a callback: a closure per
  // call was most of what building a repeated query allocated (BENCHMARKS.md, compile).

  /** `[flag expr]` */
  private optExpr(x: unknown): void {
    if (x === undefined) {
      this.op(0);
      return;
    }
    this.op(1);
    this.expr(x);
  }

  /** `n expr*` */
  private exprs(items: readonly unknown[]): void {
    this.op(items.length);
    for (const x of items) this.expr(x);
  }

  /** `n order*` */
  private orders(items: readonly unknown[]): void {
    this.op(items.length);
    for (const x of items) this.order(x);
  }

  /** `n name*` of columns */
  private columnNames(columns: readonly { readonly name: string }[]): void {
    this.op(columns.length);
    for (const c of columns) this.str(c.name);
  }

  // ---------------------------------------------------------------- statements

  /** `statement := query` */
  queryStatement(q: QueryNode): void {
    this.op(Stmt.query);
    q.encodeQuery(this);
  }

  /** `statement := expr`: a raw SQL statement. */
  sqlStatement(s: unknown): void {
    this.op(Stmt.sql);
    this.expr(s);
  }

  /** `statement := relational` */
  relationalStatement(level: RelationalLevel): void {
    this.op(Stmt.relational);
    this.relational(level);
  }

  /** `statement := transaction`: BEGIN / COMMIT / ROLLBACK, or a savepoint at `depth` (1 = first nested). */
  transactionStatement(kind: TransactionStep, depth: number): void {
    this.op(Stmt.transaction);
    this.op(TXN[kind]);
    this.op(depth);
  }

  /**
   * `with "mizzle_rows"("c0", "c1", ...) as (<inner>) select * from "mizzle_rows"`:
   * the same rows with unique positional column names, for hosts that return a
   * batch's rows as objects (where equal names would collapse).
   */
  positionalColumns(columns: number, inner: QueryNode): void {
    this.op(Stmt.query);
    this.op(1); // with
    this.flag(false);
    this.op(1);
    this.str(POSITIONAL);
    this.op(columns);
    for (let i = 0; i < columns; i++) this.str(`c${i}`);
    inner.encodeQuery(this);
    this.op(SetExpr.select);
    this.op(Distinct.all);
    this.op(1);
    this.op(Item.star);
    this.op(NONE);
    this.op(From.table);
    this.optStr(undefined);
    this.str(POSITIONAL);
    this.optStr(undefined);
    this.op(0); // joins
    this.op(0); // where
    this.op(0); // group by
    this.op(0); // having
    this.op(0); // order by
    this.op(0); // limit
    this.op(0); // offset
    this.op(Lock.none);
  }

  // ---------------------------------------------------------------- queries

  /** `query := [flag with] setexpr n_order order* [flag limit] [flag offset] lock` */
  query(c: SelectConfig, items: readonly SelectedItem[]): void {
    this.with(c.withs);
    if (c.setOps.length === 0) {
      this.select(c, items);
      this.orders(c.orderBy);
    } else {
      // Left-deep: ((this op a) op b); each operand keeps its own clauses.
      for (let i = c.setOps.length - 1; i >= 0; i--) {
        const [op, all] = SET_OP[c.setOps[i]!.op];
        this.op(SetExpr.setOp);
        this.op(op);
        this.flag(all);
      }
      this.select(c, items);
      for (const s of c.setOps) {
        this.op(SetExpr.query);
        s.query.encodeQuery(this);
      }
      this.op(c.orderBy.length);
      for (const o of c.orderBy) this.order(compoundOrderTerm(o));
    }
    this.optExpr(c.limit);
    this.optExpr(c.offset);
    this.lock(c.lock);
  }

  /** `[flag with]`: the CTEs of `withs` (each a `$with(...).as(...)`). */
  with(withs: readonly unknown[]): void {
    if (withs.length === 0) {
      this.op(0);
      return;
    }
    this.op(1);
    this.flag(false); // not recursive
    this.op(withs.length);
    for (const w of withs) {
      const info = subqueryInfo(w) as SubqueryInfo;
      this.str(info.alias);
      this.op(0); // no column list
      info.encodeQuery(this);
    }
  }

  /** `select := distinct n_item item* from n_join join* [flag where] n_group expr* [flag having]` */
  private select(c: SelectConfig, items: readonly SelectedItem[]): void {
    this.op(SetExpr.select);
    if (c.distinctOn !== undefined) {
      this.op(Distinct.on);
      this.exprs(c.distinctOn);
    } else {
      this.op(c.distinct ? Distinct.rows : Distinct.all);
    }
    this.items(items);
    this.fromItem(c.table);
    this.op(c.joins.length);
    for (const j of c.joins) {
      this.op(JOIN[j.kind]);
      this.flag(j.lateral);
      this.fromItem(j.table);
      this.optExpr(j.kind === 'cross' ? undefined : (j.on ?? undefined));
    }
    this.optExpr(c.where);
    this.exprs(c.groupBy);
    this.optExpr(c.having);
  }

  /** `n item*`: a select list or RETURNING list. */
  private items(items: readonly SelectedItem[]): void {
    this.op(items.length);
    for (const item of items) {
      this.op(Item.expr);
      this.expr(item.value);
      this.optStr(item.value instanceof SQL.Aliased ? item.value.fieldAlias : undefined);
      this.op(codecOf(item));
    }
  }

  /** `fromitem`: a table, an alias, a subquery or a CTE. */
  fromItem(target: unknown): void {
    const sub = subqueryInfo(target);
    if (sub && !sub.isWith) {
      this.op(From.subquery);
      sub.encodeQuery(this);
      this.str(sub.alias);
      return;
    }
    const t = tableRef(target);
    if (!t) throw new MizzleError('invalid', 'expected a table, an alias, a subquery or a CTE');
    this.op(From.table);
    this.optStr(t.schema);
    this.str(sub ? sub.alias : t.name);
    this.optStr(sub ? undefined : t.alias);
  }

  /** `lock := 0 | strength n_of table:s* wait` */
  private lock(lock: SelectConfig['lock']): void {
    if (lock === undefined) {
      this.op(Lock.none);
      return;
    }
    this.op(LOCK[lock.strength]);
    this.op(lock.of.length);
    for (const t of lock.of) {
      const ref = tableRef(t);
      if (!ref) throw new MizzleError('invalid', 'for(): `of` takes tables, aliases or subqueries of the query');
      this.str(ref.alias ?? ref.name);
    }
    this.op(LOCK_WAIT[lock.wait]);
  }

  // ---------------------------------------------------------------- insert, update, delete

  /** `table := schema:s|-1 name:s alias:s|-1` of a statement's target. */
  private table(table: unknown): void {
    const t = tableRef(table);
    if (!t) throw new MizzleError('invalid', 'expected a table');
    this.optStr(t.schema);
    this.str(t.name);
    this.optStr(t.alias);
  }

  /** `n_set (col:s expr)*` from a `{ key: value }` object; undefined values are skipped. */
  private assignments(table: unknown, set: Record<string, unknown>): void {
    const keys = Object.keys(set);
    let n = 0;
    for (const key of keys) if (set[key] !== undefined) n++;
    this.op(n);
    for (const key of keys) {
      const value = set[key];
      if (value === undefined) continue;
      const col = columnOf(table, key);
      this.str(col.name);
      encodeValue(this, col, value);
    }
  }

  /** `insert := [flag with] table n_col col:s* source onconflict n_dup ... ignore n_ret item* n_default ...` */
  insert(i: InsertShape): void {
    this.op(Stmt.insert);
    this.op(0); // no with
    this.table(i.table);
    const columns = i.columns;
    this.op(columns.length);
    for (const [, col] of columns) this.str(col.name);
    this.op(InsertSource.values);
    this.op(i.rows.length);
    for (const row of i.rows) {
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v === undefined) {
          this.op(InsertCell.default);
        } else {
          this.op(InsertCell.expr);
          encodeValue(this, columns[c]![1], v);
        }
      }
    }
    this.onConflict(i.table, i.conflict);
    if (i.duplicateSet) this.assignments(i.table, i.duplicateSet);
    else this.op(0);
    this.flag(i.ignore);
    this.items(i.returning);
    // Declared defaults, for dialects without DEFAULT in VALUES.
    this.op(columns.length);
    for (const [, col] of columns) {
      if (col.default === undefined) {
        this.op(0);
      } else {
        this.op(1);
        encodeValue(this, col, col.default);
      }
    }
  }

  /** `onconflict := 0 | 1 n_target col:s* [flag expr(target where)] action` */
  private onConflict(table: unknown, c: ConflictShape | undefined): void {
    if (c === undefined) {
      this.op(Conflict.none);
      return;
    }
    this.op(Conflict.on);
    this.columnNames(c.target);
    this.optExpr(c.targetWhere);
    if (c.set === undefined) {
      this.op(ConflictAction.doNothing);
      return;
    }
    this.op(ConflictAction.doUpdate);
    this.assignments(table, c.set);
    this.optExpr(c.setWhere);
  }

  /** `update := [flag with] table n_set ... n_from fromitem* [flag where] n_order order* [flag limit] n_ret item*` */
  update(u: MutationShape, set: Record<string, unknown>, from: readonly unknown[]): void {
    this.op(Stmt.update);
    this.op(0); // no with
    this.table(u.table);
    this.assignments(u.table, set);
    this.op(from.length);
    for (const f of from) this.fromItem(f);
    this.mutationTail(u);
  }

  /** `delete := [flag with] table [flag where] n_order order* [flag limit] n_ret item*` */
  delete(d: MutationShape): void {
    this.op(Stmt.delete);
    this.op(0); // no with
    this.table(d.table);
    this.mutationTail(d);
  }

  private mutationTail(m: MutationShape): void {
    this.optExpr(m.where);
    this.orders(m.orderBy);
    this.optExpr(m.limit);
    this.items(m.returning);
  }

  // ---------------------------------------------------------------- relational

  /**
   * `relational := table n_field (expr name:s codec)* n_rel rel* [flag where]
   * n_order order* [flag limit] [flag offset]`
   */
  private relational(level: RelationalLevel): void {
    const t = tableRef(level.entry.table)!;
    this.optStr(t.schema);
    this.str(t.name);
    this.optStr(level.alias);
    const outer = this.rebind;
    const own = level.alias === undefined ? undefined : { table: level.entry.table as object, alias: level.alias };
    this.rebind = own;
    this.op(level.fields.length);
    for (const f of level.fields) {
      this.expr(f.value);
      this.str(f.key);
      this.op(codecOfValue(f.value));
    }
    this.rebind = outer;
    this.op(level.relations.length);
    for (const r of level.relations) {
      this.str(r.key);
      this.op(r.many ? Relation.many : Relation.one);
      this.op(r.on.length);
      for (const [parent, child] of r.on) {
        this.str(parent);
        this.str(child);
      }
      this.relational(r.level);
    }
    this.rebind = own;
    this.optExpr(level.where);
    this.orders(level.orderBy);
    this.optExpr(level.limit);
    this.optExpr(level.offset);
    this.rebind = outer;
  }

  // ---------------------------------------------------------------- expressions

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
      x.encodeQuery(this);
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
  private subquery(x: unknown): void {
    if (!isQueryNode(x)) throw new MizzleError('invalid', 'expected a subquery (a select builder)');
    x.encodeQuery(this);
  }

  private column(c: Column): void {
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
  private sql(s: SQL): void {
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
  private order(x: unknown): void {
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
