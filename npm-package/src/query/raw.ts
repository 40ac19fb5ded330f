/**
 * `db.run(sql\`...\`)`, `db.all(...)`, `db.get(...)`, `db.values(...)`: a raw
 * SQL statement, still rendered by the engine (identifiers quoted, values bound).
 * On async hosts these are lazy like drizzle's (`await` runs them) and can be
 * items of `db.batch([...])`.
 */
import type { Encoder } from '../engine/encoder.js';
import type { FieldLeaf } from '../engine/decode.js';
import type { SQLWrapper } from '../sql.js';
import type { BoundQuery, Session } from '../driver.js';
import { Statement, then, type PlaceholderValues } from './statement.js';

/** What a raw query gives back: rows as arrays (`values`), as objects (`objects`), or the first object (`first`). */
export type RawShape = 'values' | 'objects' | 'first';

/** A raw statement. */
export class RawQuery<TResult, TMode extends 'sync' | 'async', TRun> extends Statement<TResult, TMode, TRun> {
  constructor(
    session: Session<TMode, TRun>,
    private readonly query: SQLWrapper,
    private readonly kind: 'all' | 'run',
    private readonly shape?: RawShape,
  ) {
    super(session);
  }

  protected leaves(): readonly FieldLeaf[] | undefined {
    return undefined;
  }

  protected override defaultKind(): 'all' | 'run' {
    return this.kind;
  }

  encodeStatement(e: Encoder): void {
    e.sqlStatement(this.query.getSQL());
  }

  private objectQuery(placeholders?: PlaceholderValues): BoundQuery {
    return { ...super.bound(placeholders).queries[0]!, objects: true };
  }

  /** Runs with this raw query's shape. */
  override execute(placeholders?: PlaceholderValues): TMode extends 'sync' ? TResult : Promise<TResult> {
    switch (this.shape) {
      case 'values':
        return this.values(placeholders) as never;
      case 'objects':
        return this.session.allObjects(this.objectQuery(placeholders)) as never;
      case 'first':
        return then(this.session.allObjects(this.objectQuery(placeholders)), (rows) => rows[0]) as never;
      default:
        return super.execute(placeholders);
    }
  }

  override bound(placeholders?: PlaceholderValues): { queries: BoundQuery[]; finish(results: unknown[]): unknown } {
    if (this.shape !== 'objects' && this.shape !== 'first') return super.bound(placeholders);
    const first = this.shape === 'first';
    return { queries: [this.objectQuery(placeholders)], finish: ([rows]) => (first ? (rows as unknown[])[0] : rows) };
  }
}

/** What `db.run/all/get/values` return: the result on sync hosts, a lazy awaitable (batchable) query on async ones. */
export type RawResult<TMode extends 'sync' | 'async', T, TRun> = TMode extends 'sync' ? T : RawQuery<T, TMode, TRun>;
