/**
 * CHECK, FOREIGN KEY and composite PRIMARY KEY table constraints. They mean
 * the same in PostgreSQL as in SQLite, so the built classes are shared with
 * `sqlite-core`; only the column types of the functions are PostgreSQL's.
 */
import { PrimaryKeyBuilder } from '../sqlite-core/primary-keys.js';
import { ForeignKeyBuilder } from '../sqlite-core/foreign-keys.js';
import type { SQLiteColumn } from '../sqlite-core/columns/common.js';
import type { PgColumn } from './columns/common.js';

export { Check, CheckBuilder, check } from '../sqlite-core/checks.js';
export { ForeignKey, ForeignKeyBuilder } from '../sqlite-core/foreign-keys.js';
export { PrimaryKey, PrimaryKeyBuilder } from '../sqlite-core/primary-keys.js';

/**
 * A FOREIGN KEY table constraint, possibly over several columns.
 *
 * @example
 * pgTable('posts', { authorId: integer() }, (t) => [
 *   foreignKey({ columns: [t.authorId], foreignColumns: [users.id], name: 'posts_author_fk' }).onDelete('cascade'),
 * ]);
 */
export function foreignKey(config: {
  name?: string;
  columns: [PgColumn, ...PgColumn[]];
  foreignColumns: [PgColumn, ...PgColumn[]];
}): ForeignKeyBuilder {
  return new ForeignKeyBuilder(
    () => config as { columns: SQLiteColumn[]; foreignColumns: SQLiteColumn[]; name?: string },
  );
}

/**
 * A composite PRIMARY KEY table constraint.
 *
 * @example
 * pgTable('members', { groupId: integer(), userId: integer() },
 *   (t) => [primaryKey({ columns: [t.groupId, t.userId] })]);
 */
export function primaryKey(config: { name?: string; columns: [PgColumn, ...PgColumn[]] }): PrimaryKeyBuilder {
  return new PrimaryKeyBuilder(config.columns, config.name);
}
