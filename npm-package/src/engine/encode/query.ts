/**
 * Statements and queries (`statement :=`, `query :=`, `select :=`, FROM
 * items, joins, row locks in wasm/README.md).
 */
import { MizzleError } from '../../errors.js';
import { codecOf, type SelectedItem } from '../../query/fields.js';
import { compoundOrderTerm } from '../../query/order.js';
import type { JoinKind, LockStrength, LockWaitPolicy, SelectConfig, SetOpName } from '../../query/select.js';
import type { IndexConfig } from '../../mysql-core/index-hints.js';
import { SQL } from '../../sql.js';
import { Table } from '../../table.js';
import type { QueryNode } from '../encoder.js';
import { type SubqueryInfo, subqueryInfo, tableRef } from '../table-ref.js';
import { Distinct, From, Item, Join, Lock, LockWait, NONE, SetExpr, SetOp, Stmt, Txn } from '../wire.generated.js';
import { ExprEncoder } from './expr.js';

/** A transaction-control step (the engine names savepoints by depth). */
export type TransactionStep = 'begin' | 'commit' | 'rollback' | 'savepoint' | 'release' | 'rollbackTo';

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

/**
 * The use, force and ignore lists of drizzle's index-hint options, each name a
 * string or an index (builder) read as drizzle does (`config.name`); undefined
 * when all three are empty, which drizzle writes as no hint at all.
 */
function indexHintLists(hints: IndexConfig): [string[], string[], string[]] | undefined {
  const names = (v: IndexConfig['useIndex']): string[] =>
    (v == null ? [] : Array.isArray(v) ? v : [v]).map((i) => {
      const name = typeof i === 'string' ? i : (i as { config?: { name?: unknown } } | null)?.config?.name;
      if (typeof name !== 'string') throw new MizzleError('invalid', 'an index hint takes index names or indexes');
      return name;
    });
  const lists: [string[], string[], string[]] = [
    names(hints.useIndex),
    names(hints.forceIndex),
    names(hints.ignoreIndex),
  ];
  return lists.some((l) => l.length > 0) ? lists : undefined;
}

/** The CTE that renames a query's columns positionally (`positionalColumns`). */
const POSITIONAL = 'mizzle_rows';

/** One encoding pass: opcodes, values, and placeholder encoders. */

/** The query layer of the encoder. */
export abstract class QueryEncoder extends ExprEncoder {
  /** `statement := query` */
  queryStatement(q: QueryNode): void {
    this.op(Stmt.query);
    this.writeQuery(q);
  }

  /** `statement := expr`: a raw SQL statement. */
  sqlStatement(s: unknown): void {
    this.op(Stmt.sql);
    this.expr(s);
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
    this.op(Stmt.query);
    this.writeQuery(inner);
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
        this.writeQuery(s.query);
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
      this.writeQuery(info); // `cte`: a CTE's encodeQuery writes its statement
    }
  }

  /** `select := distinct n_item item* from n_join join* [flag where] n_group expr* [flag having]` */
  protected select(c: SelectConfig, items: readonly SelectedItem[]): void {
    this.op(SetExpr.select);
    if (c.distinctOn !== undefined) {
      this.op(Distinct.on);
      this.exprs(c.distinctOn);
    } else {
      this.op(c.distinct ? Distinct.rows : Distinct.all);
    }
    this.items(items);
    this.fromItem(c.table, c.indexHints);
    this.op(c.joins.length);
    for (const j of c.joins) {
      this.op(JOIN[j.kind]);
      this.flag(j.lateral);
      this.fromItem(j.table, j.indexHints);
      this.optExpr(j.kind === 'cross' ? undefined : (j.on ?? undefined));
    }
    this.optExpr(c.where);
    this.exprs(c.groupBy);
    this.optExpr(c.having);
  }

  /** `n item*`: a select list or RETURNING list. */
  protected items(items: readonly SelectedItem[]): void {
    this.op(items.length);
    for (const item of items) {
      this.op(Item.expr);
      this.expr(item.value);
      this.optStr(item.value instanceof SQL.Aliased ? item.value.fieldAlias : undefined);
      this.op(codecOf(item));
    }
  }

  /** `fromitem`: a table, an alias, a subquery or a CTE; a table with MySQL index hints when `hints` names any. */
  fromItem(target: unknown, hints?: IndexConfig): void {
    const sub = subqueryInfo(target);
    const lists = hints && indexHintLists(hints);
    if (lists && !(target instanceof Table))
      throw new MizzleError('invalid', 'index hints apply to tables (and their aliases) only, not subqueries or CTEs');
    if (sub && !sub.isWith) {
      this.op(From.subquery);
      this.writeQuery(sub);
      this.str(sub.alias);
      return;
    }
    const t = tableRef(target);
    if (!t) throw new MizzleError('invalid', 'expected a table, an alias, a subquery or a CTE');
    this.op(lists ? From.indexHinted : From.table);
    this.optStr(t.schema);
    this.str(sub ? sub.alias : t.name);
    this.optStr(sub ? undefined : t.alias);
    if (!lists) return;
    for (const names of lists) {
      this.op(names.length);
      for (const name of names) this.str(name);
    }
  }

  /** `lock := 0 | strength n_of table:s* wait` */
  protected lock(lock: SelectConfig['lock']): void {
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
}
