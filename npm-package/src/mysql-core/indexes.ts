/**
 * `index(name).on(...)` and `uniqueIndex(name).on(...)` for MySQL, with
 * MySQL's `using`, `algorithm` and `lock` options. Builders are returned
 * from the `mysqlTable` third argument and built by `getTableConfig`.
 */
import type { SQLWrapper } from '../sql.js';
import { Entity } from '../kit-compat.js';
import type { Table } from '../table.js';
import type { MySqlColumn } from './columns/common.js';

/** What an index can be on: a column or an expression. */
export type IndexColumn = MySqlColumn | SQLWrapper;

/**
 * The options of a MySQL index. (drizzle's `IndexConfig` in mysql-core is the
 * select's index-hint options, `index-hints.ts`; this one is unexported there.)
 */
export interface MySqlIndexConfig {
  name: string;
  columns: IndexColumn[];
  unique?: boolean;
  /** `using btree | hash`. */
  using?: 'btree' | 'hash';
  /** `algorithm = default | inplace | copy`. */
  algorithm?: 'default' | 'inplace' | 'copy';
  /** `lock = default | none | shared | exclusive`. */
  lock?: 'default' | 'none' | 'shared' | 'exclusive';
}

/**
 * A built index.
 *
 * @example
 * getTableConfig(users).indexes[0]?.config.name; // 'users_email_idx'
 */
export class Index {
  readonly config: MySqlIndexConfig & { table: Table };

  constructor(config: MySqlIndexConfig, table: Table) {
    this.config = { ...config, table };
  }
}

/**
 * An index with its columns.
 *
 * @example
 * index('by_email').on(t.email).using('btree')
 */
export class IndexBuilder extends Entity {
  static override readonly drizzleKind: string = 'MySqlIndexBuilder';
  /** @internal */
  readonly config: MySqlIndexConfig;

  constructor(name: string, columns: IndexColumn[], unique: boolean) {
    super();
    this.config = { name, columns, unique };
  }

  /**
   * The index method.
   *
   * @example
   * index('i').on(t.a).using('hash')
   */
  using(using: MySqlIndexConfig['using']): this {
    this.config.using = using;
    return this;
  }

  /**
   * The ALTER algorithm of the CREATE INDEX.
   *
   * @example
   * index('i').on(t.a).algorithm('inplace')
   */
  algorithm(algorithm: MySqlIndexConfig['algorithm']): this {
    this.config.algorithm = algorithm;
    return this;
  }

  /**
   * The lock taken while the index is built.
   *
   * @example
   * index('i').on(t.a).lock('none')
   */
  lock(lock: MySqlIndexConfig['lock']): this {
    this.config.lock = lock;
    return this;
  }

  /** @internal Builds the index for its table. */
  build(table: Table): Index {
    return new Index(this.config, table);
  }
}

/**
 * An index waiting for its columns.
 *
 * @example
 * index('users_name_idx').on(t.lastName, t.firstName)
 */
export class IndexBuilderOn {
  constructor(
    private readonly name: string,
    private readonly unique: boolean,
  ) {}

  /**
   * The indexed columns or expressions, in order.
   *
   * @example
   * index('by_email').on(t.email)
   */
  on(...columns: [IndexColumn, ...IndexColumn[]]): IndexBuilder {
    return new IndexBuilder(this.name, columns, this.unique);
  }
}

/**
 * CREATE INDEX.
 *
 * @example
 * mysqlTable('users', { email: varchar({ length: 255 }) }, (t) => [index('users_email_idx').on(t.email)])
 */
export function index(name: string): IndexBuilderOn {
  return new IndexBuilderOn(name, false);
}

/**
 * CREATE UNIQUE INDEX.
 *
 * @example
 * mysqlTable('users', { email: varchar({ length: 255 }) }, (t) => [uniqueIndex('users_email_uq').on(t.email)])
 */
export function uniqueIndex(name: string): IndexBuilderOn {
  return new IndexBuilderOn(name, true);
}
