/**
 * PostgreSQL indexes: `index(name?)` / `uniqueIndex(name?)`, then `.on(...)`,
 * `.onOnly(...)` or `.using(method, ...)`, with `.concurrently()`,
 * `.with({...})` and a partial-index `.where(sql)`. In the `pgTable` third
 * argument each column also has `asc() desc() nullsFirst() nullsLast() op()`
 * (drizzle's `ExtraConfigColumn`); here each of those returns a new column
 * object, so using a column in two indexes never mixes their settings.
 */
import type { ColumnBaseConfig } from '../column.js';
import type { SQL, SQLWrapper } from '../sql.js';
import type { Table } from '../table.js';
import { Entity } from '../kit-compat.js';
import { PgColumn } from './columns/common.js';

/** Per-column index options. */
export interface IndexColumnConfig {
  order: 'asc' | 'desc';
  nulls: 'first' | 'last';
  opClass: string | undefined;
}

/**
 * A column as the `pgTable` third argument sees it: a column with index options.
 *
 * @example
 * index('by_created').on(t.createdAt.desc().nullsLast())
 */
export class ExtraConfigColumn<T extends ColumnBaseConfig = ColumnBaseConfig> extends PgColumn<T> {
  static override readonly drizzleKind: string = 'ExtraConfigColumn';
  declare readonly indexConfig: IndexColumnConfig;

  private with(change: Partial<IndexColumnConfig>): this {
    const copy = Object.assign(Object.create(Object.getPrototypeOf(this) as object) as this, this);
    (copy as { indexConfig: IndexColumnConfig }).indexConfig = { ...this.indexConfig, ...change };
    return copy;
  }

  /** Ascending (the default). */
  asc(): this {
    return this.with({ order: 'asc' });
  }
  /** Descending. */
  desc(): this {
    return this.with({ order: 'desc' });
  }
  /** NULLS FIRST. */
  nullsFirst(): this {
    return this.with({ nulls: 'first' });
  }
  /** NULLS LAST (the default). */
  nullsLast(): this {
    return this.with({ nulls: 'last' });
  }
  /**
   * An operator class, e.g. `text_pattern_ops` or pgvector's `vector_cosine_ops`.
   *
   * @example
   * index('by_name').using('btree', t.name.op('text_pattern_ops'))
   */
  op(opClass: string): this {
    return this.with({ opClass });
  }
}

/** The `ExtraConfigColumn` view of a built column. */
export function extraConfigColumn(column: PgColumn): ExtraConfigColumn {
  const x = Object.assign(Object.create(ExtraConfigColumn.prototype) as ExtraConfigColumn, column);
  (x as { indexConfig: IndexColumnConfig }).indexConfig = { order: 'asc', nulls: 'last', opClass: undefined };
  return x;
}

/** What an index can be on: a column (with options) or an expression. */
export type PgIndexColumn = PgColumn | ExtraConfigColumn | SQLWrapper;

/** drizzle's index methods; any other name is passed through. */
export type PgIndexMethod = 'btree' | 'hash' | 'gist' | 'spgist' | 'gin' | 'brin' | 'hnsw' | 'ivfflat' | (string & {});

/** A built index's configuration. */
export interface PgIndexConfig {
  readonly name: string | undefined;
  readonly columns: readonly PgIndexColumn[];
  readonly unique: boolean;
  readonly only: boolean;
  readonly concurrently: boolean;
  readonly method: PgIndexMethod;
  readonly with: Record<string, unknown> | undefined;
  readonly where: SQL | undefined;
  readonly table: Table;
}

/**
 * A built index.
 *
 * @example
 * getTableConfig(users).indexes[0]?.config.method; // 'btree'
 */
export class Index {
  constructor(readonly config: PgIndexConfig) {}
}

/** An index with its columns; further options chain. */
export class IndexBuilder extends Entity {
  static override readonly drizzleKind: string = 'PgIndexBuilder';
  private options: { concurrently: boolean; with: Record<string, unknown> | undefined; where: SQL | undefined } = {
    concurrently: false,
    with: undefined,
    where: undefined,
  };

  constructor(
    private readonly name: string | undefined,
    private readonly columns: readonly PgIndexColumn[],
    private readonly unique: boolean,
    private readonly only: boolean,
    private readonly method: PgIndexMethod,
  ) {
    super();
  }

  /** CREATE INDEX CONCURRENTLY. */
  concurrently(): this {
    this.options.concurrently = true;
    return this;
  }

  /**
   * Storage parameters: `WITH (fillfactor = 70)`.
   *
   * @example
   * index('i').on(t.a).with({ fillfactor: 70 })
   */
  with(parameters: Record<string, unknown>): this {
    this.options.with = parameters;
    return this;
  }

  /**
   * Makes the index partial.
   *
   * @example
   * uniqueIndex('one_open').on(t.userId).where(sql`${t.closedAt} is null`)
   */
  where(condition: SQL): this {
    this.options.where = condition;
    return this;
  }

  /** @internal Builds the index for its table. */
  build(table: Table): Index {
    return new Index({
      name: this.name,
      columns: this.columns,
      unique: this.unique,
      only: this.only,
      method: this.method,
      ...this.options,
      table,
    });
  }
}

/** An index waiting for its columns. */
export class IndexBuilderOn {
  constructor(
    private readonly name: string | undefined,
    private readonly unique: boolean,
  ) {}

  /**
   * The indexed columns or expressions (btree).
   *
   * @example
   * index('by_email').on(t.email)
   */
  on(...columns: [PgIndexColumn, ...PgIndexColumn[]]): IndexBuilder {
    return new IndexBuilder(this.name, columns, this.unique, false, 'btree');
  }

  /** `ON ONLY table`: not recursing into partitions. */
  onOnly(...columns: [PgIndexColumn, ...PgIndexColumn[]]): IndexBuilder {
    return new IndexBuilder(this.name, columns, this.unique, true, 'btree');
  }

  /**
   * An index method other than btree.
   *
   * @example
   * index('by_doc').using('gin', t.doc)
   */
  using(method: PgIndexMethod, ...columns: [PgIndexColumn, ...PgIndexColumn[]]): IndexBuilder {
    return new IndexBuilder(this.name, columns, this.unique, false, method);
  }
}

/**
 * CREATE INDEX.
 *
 * @example
 * pgTable('users', { email: text() }, (t) => [index('users_email_idx').on(t.email)])
 */
export function index(name?: string): IndexBuilderOn {
  return new IndexBuilderOn(name, false);
}

/**
 * CREATE UNIQUE INDEX.
 *
 * @example
 * pgTable('users', { email: text() }, (t) => [uniqueIndex().on(t.email)])
 */
export function uniqueIndex(name?: string): IndexBuilderOn {
  return new IndexBuilderOn(name, true);
}
