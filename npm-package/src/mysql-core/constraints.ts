/**
 * MySQL's table constraints. Checks, foreign keys, composite primary keys and
 * unique constraints behave the same in every dialect, so they are SQLite's
 * classes (which take any column); only their column types are MySQL's here.
 */
import {
  foreignKey as anyForeignKey,
  primaryKey as anyPrimaryKey,
  Check,
  CheckBuilder,
  check,
  ForeignKey,
  ForeignKeyBuilder,
  PrimaryKey,
  PrimaryKeyBuilder,
  UniqueConstraint,
  UniqueConstraintBuilder,
  UniqueOnConstraintBuilder,
  unique,
  uniqueKeyName,
} from '../sqlite-core/constraints.js';
import type { MySqlColumn } from './columns/common.js';

export { check, Check, CheckBuilder, ForeignKey, ForeignKeyBuilder, PrimaryKey, PrimaryKeyBuilder };
export { UniqueConstraint, UniqueConstraintBuilder, UniqueOnConstraintBuilder, unique, uniqueKeyName };

/**
 * A FOREIGN KEY table constraint, possibly over several columns.
 *
 * @example
 * mysqlTable('posts', { authorId: int() }, (t) => [
 *   foreignKey({ columns: [t.authorId], foreignColumns: [users.id], name: 'posts_author_fk' }).onDelete('cascade'),
 * ]);
 */
export function foreignKey(config: {
  name?: string;
  columns: [MySqlColumn, ...MySqlColumn[]];
  foreignColumns: [MySqlColumn, ...MySqlColumn[]];
}): ForeignKeyBuilder {
  return anyForeignKey(config);
}

/**
 * A composite PRIMARY KEY table constraint.
 *
 * @example
 * mysqlTable('members', { groupId: int(), userId: int() },
 *   (t) => [primaryKey({ columns: [t.groupId, t.userId] })]);
 */
export function primaryKey(config: { name?: string; columns: [MySqlColumn, ...MySqlColumn[]] }): PrimaryKeyBuilder;
/**
 * @deprecated Pass `{ columns: [...] }` instead.
 *
 * @example
 * primaryKey(t.groupId, t.userId)
 */
export function primaryKey(...columns: [MySqlColumn, ...MySqlColumn[]]): PrimaryKeyBuilder;
export function primaryKey(...args: unknown[]): PrimaryKeyBuilder {
  return (anyPrimaryKey as (...a: unknown[]) => PrimaryKeyBuilder)(...args);
}
