/**
 * Table-level foreign keys, `foreignKey({ columns, foreignColumns, name })`,
 * and the form inline `references()` take once built. The column lists are
 * resolved lazily (`reference()`) because the target table may be declared
 * after this one.
 */
import type { UpdateDeleteAction } from '../column.js';
import { getTableInfo, type Table } from '../table.js';
import type { SQLiteColumn } from './columns/common.js';

/** The two column lists of a foreign key, and its optional name. */
export interface ForeignKeyReference {
  readonly name?: string;
  readonly columns: readonly SQLiteColumn[];
  readonly foreignColumns: readonly SQLiteColumn[];
}

/**
 * A built foreign key (table-level or from an inline `references()`).
 *
 * @example
 * const { columns, foreignColumns } = fk.reference();
 */
export class ForeignKey {
  constructor(
    readonly table: Table,
    readonly reference: () => ForeignKeyReference,
    readonly onUpdate: UpdateDeleteAction | undefined,
    readonly onDelete: UpdateDeleteAction | undefined,
  ) {}

  /**
   * The given name, or drizzle's `<table>_<cols>_<foreign table>_<foreign cols>_fk`.
   *
   * @example
   * fk.getName(); // 'posts_author_id_users_id_fk'
   */
  getName(): string {
    const { name, columns, foreignColumns } = this.reference();
    if (name !== undefined) return name;
    const foreignTable = foreignColumns[0] ? getTableInfo(foreignColumns[0].table).name : '';
    return [
      getTableInfo(this.table).name,
      ...columns.map((c) => c.name),
      foreignTable,
      ...foreignColumns.map((c) => c.name),
      'fk',
    ].join('_');
  }
}

/**
 * A foreign key to be built for its table; set actions with `onUpdate` /
 * `onDelete`.
 *
 * @example
 * foreignKey({ columns: [t.authorId], foreignColumns: [users.id] }).onDelete('cascade')
 */
export class ForeignKeyBuilder {
  private updateAction: UpdateDeleteAction | undefined;
  private deleteAction: UpdateDeleteAction | undefined;

  constructor(private readonly reference: () => ForeignKeyReference) {}

  /**
   * ON UPDATE action.
   *
   * @example
   * fk.onUpdate('cascade')
   */
  onUpdate(action: UpdateDeleteAction): this {
    this.updateAction = action;
    return this;
  }

  /**
   * ON DELETE action.
   *
   * @example
   * fk.onDelete('set null')
   */
  onDelete(action: UpdateDeleteAction): this {
    this.deleteAction = action;
    return this;
  }

  /** @internal Builds the key for its table. */
  build(table: Table): ForeignKey {
    return new ForeignKey(table, this.reference, this.updateAction, this.deleteAction);
  }
}

/**
 * A FOREIGN KEY table constraint, possibly over several columns.
 *
 * @example
 * sqliteTable('posts', { authorId: integer() }, (t) => [
 *   foreignKey({ columns: [t.authorId], foreignColumns: [users.id], name: 'posts_author_fk' }).onDelete('cascade'),
 * ]);
 */
export function foreignKey(config: {
  name?: string;
  columns: [SQLiteColumn, ...SQLiteColumn[]];
  foreignColumns: [SQLiteColumn, ...SQLiteColumn[]];
}): ForeignKeyBuilder {
  return new ForeignKeyBuilder(() => config);
}
