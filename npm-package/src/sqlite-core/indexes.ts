/**
 * `index(name).on(...)` and `uniqueIndex(name).on(...)`, with an optional
 * partial-index `where`. Builders are returned from the `sqliteTable` third
 * argument and built into {@link Index} values by `getTableConfig`.
 */
import type { SQL, SQLWrapper } from '../sql.js';
import { Entity } from '../kit-compat.js';
import type { Table } from '../table.js';
import type { SQLiteColumn } from './columns/common.js';

/** What an index can be on: a column or an expression. */
export type IndexColumn = SQLiteColumn | SQLWrapper;

/**
 * A built index.
 *
 * @example
 * getTableConfig(users).indexes[0]?.config.name; // 'users_email_idx'
 */
export class Index {
  constructor(
    readonly config: {
      readonly name: string;
      readonly columns: readonly IndexColumn[];
      readonly unique: boolean;
      readonly where: SQL | undefined;
      readonly table: Table;
    },
  ) {}
}

/**
 * An index with its columns; `.where()` makes it partial.
 *
 * @example
 * index('active_idx').on(t.email).where(sql`${t.deletedAt} is null`)
 */
export class IndexBuilder extends Entity {
  static override readonly drizzleKind: string = 'SQLiteIndexBuilder';
  private whereClause: SQL | undefined;

  constructor(
    private readonly name: string,
    private readonly columns: readonly IndexColumn[],
    private readonly unique: boolean,
  ) {
    super();
  }

  /**
   * Makes the index partial.
   *
   * @example
   * uniqueIndex('one_open').on(t.userId).where(sql`${t.closed} = 0`)
   */
  where(condition: SQL): this {
    this.whereClause = condition;
    return this;
  }

  /** @internal Builds the index for its table. */
  build(table: Table): Index {
    return new Index({ name: this.name, columns: this.columns, unique: this.unique, where: this.whereClause, table });
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
 * sqliteTable('users', { email: text() }, (t) => [index('users_email_idx').on(t.email)])
 */
export function index(name: string): IndexBuilderOn {
  return new IndexBuilderOn(name, false);
}

/**
 * CREATE UNIQUE INDEX.
 *
 * @example
 * sqliteTable('users', { email: text() }, (t) => [uniqueIndex('users_email_uq').on(t.email)])
 */
export function uniqueIndex(name: string): IndexBuilderOn {
  return new IndexBuilderOn(name, true);
}
