/**
 * Turns builder state into the engine's opcode form (wasm/README.md): an
 * int32 stream whose hash is the shape-cache key, plus the values, which
 * stay in JS and are referenced by slot. This is the only writer of opcodes:
 * the builders call one method per grammar rule of the Rust reader
 * (wasm/src/read/: `query`, `select`, `fromItem`, `insert`, `onConflict`...)
 * with their own state, and every number comes from `wire.generated.ts`.
 * The layers follow the reader's files: ./encode/buffer.ts (the stream),
 * expr.ts, query.ts, dml.ts, and the relational level here.
 */
import { codecOfValue } from '../query/fields.js';
import type { RelationalLevel } from '../query/relational.js';
import { DmlEncoder } from './encode/dml.js';
import { tableRef } from './table-ref.js';
import { Relation, Stmt } from './wire.generated.js';

export type { ConflictShape, InsertShape, MutationShape } from './encode/dml.js';
export { isQueryNode } from './encode/expr.js';
export type { TransactionStep } from './encode/query.js';

/** Something that writes a whole query (a select builder, a CTE...). */
export interface QueryNode {
  encodeQuery(e: Encoder): void;
}

/** The encoder: every grammar layer, plus relational levels. */
export class Encoder extends DmlEncoder {
  /** A nested query: a relational level's alias does not reach into it (drizzle remaps only its own SQL). */
  protected writeQuery(node: QueryNode): void {
    const rebind = this.rebind;
    this.rebind = undefined;
    this.deeper();
    node.encodeQuery(this);
    this.depth--;
    this.rebind = rebind;
  }

  /** `statement := relational` */
  relationalStatement(level: RelationalLevel): void {
    this.op(Stmt.relational);
    this.relational(level);
  }

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
}
