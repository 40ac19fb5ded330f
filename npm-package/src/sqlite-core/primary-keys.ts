/**
 * Composite primary keys: `primaryKey({ columns: [t.a, t.b], name? })`.
 */
import { getTableInfo, type Table } from '../table.js';
import type { SQLiteColumn } from './columns/common.js';

/**
 * A built composite primary key.
 *
 * @example
 * getTableConfig(members).primaryKeys[0]?.getName(); // 'members_group_id_user_id_pk'
 */
export class PrimaryKey {
  constructor(
    readonly table: Table,
    readonly columns: readonly SQLiteColumn[],
    readonly name: string | undefined,
  ) {}

  /**
   * The given name, or drizzle's `<table>_<col>_<col>_pk`.
   *
   * @example
   * pk.getName();
   */
  getName(): string {
    return this.name ?? `${getTableInfo(this.table).name}_${this.columns.map((c) => c.name).join('_')}_pk`;
  }
}

/**
 * A composite primary key to be built for its table.
 *
 * @example
 * primaryKey({ columns: [t.groupId, t.userId] })
 */
export class PrimaryKeyBuilder {
  constructor(
    private readonly columns: readonly SQLiteColumn[],
    private readonly name: string | undefined,
  ) {}

  /** @internal Builds the key for its table. */
  build(table: Table): PrimaryKey {
    return new PrimaryKey(table, this.columns, this.name);
  }
}

/**
 * A composite PRIMARY KEY table constraint.
 *
 * @example
 * sqliteTable('members', { groupId: integer(), userId: integer() },
 *   (t) => [primaryKey({ columns: [t.groupId, t.userId] })]);
 */
export function primaryKey(config: { name?: string; columns: [SQLiteColumn, ...SQLiteColumn[]] }): PrimaryKeyBuilder;
/**
 * @deprecated Pass `{ columns: [...] }` instead.
 *
 * @example
 * primaryKey(t.groupId, t.userId)
 */
export function primaryKey(...columns: [SQLiteColumn, ...SQLiteColumn[]]): PrimaryKeyBuilder;
export function primaryKey(...args: unknown[]): PrimaryKeyBuilder {
  const first = args[0] as { columns?: SQLiteColumn[]; name?: string };
  if (first !== undefined && Array.isArray(first.columns)) {
    return new PrimaryKeyBuilder(first.columns, first.name);
  }
  return new PrimaryKeyBuilder(args as SQLiteColumn[], undefined);
}
