/**
 * MySQL's table constraints. Checks, foreign keys, composite primary keys and
 * unique constraints behave the same in every dialect, so they are SQLite's
 * classes (which take any column); only their column types are MySQL's here.
 */
import {
  Check,
  CheckBuilder,
  ForeignKey,
  ForeignKeyBuilder,
  PrimaryKey,
  PrimaryKeyBuilder,
  UniqueConstraint,
  UniqueConstraintBuilder,
  UniqueOnConstraintBuilder,
  uniqueKeyName,
} from '../sqlite-core/constraints.js';
import type { SQL } from '../sql.js';
import type { MySqlColumn } from './columns/common.js';

export { Check, CheckBuilder, ForeignKey, ForeignKeyBuilder, PrimaryKey, PrimaryKeyBuilder };
export { UniqueConstraint, UniqueConstraintBuilder, UniqueOnConstraintBuilder, uniqueKeyName };

// The shared constraint builders under drizzle's MySQL kinds: drizzle-orm's getTableConfig, which
// drizzle-kit calls, sorts the third argument by kind.
class MySqlCheckBuilder extends CheckBuilder {
  static override readonly drizzleKind: string = 'MySqlCheckBuilder';
}
class MySqlForeignKeyBuilder extends ForeignKeyBuilder {
  static override readonly drizzleKind: string = 'MySqlForeignKeyBuilder';
}
class MySqlPrimaryKeyBuilder extends PrimaryKeyBuilder {
  static override readonly drizzleKind: string = 'MySqlPrimaryKeyBuilder';
}
class MySqlUniqueConstraintBuilder extends UniqueConstraintBuilder {
  static override readonly drizzleKind: string = 'MySqlUniqueConstraintBuilder';
}
class MySqlUniqueOnConstraintBuilder extends UniqueOnConstraintBuilder {
  constructor(private readonly uniqueName: string | undefined) {
    super(uniqueName);
  }
  override on(...columns: [MySqlColumn, ...MySqlColumn[]]): UniqueConstraintBuilder {
    return new MySqlUniqueConstraintBuilder(columns, this.uniqueName);
  }
}

/**
 * A CHECK table constraint.
 *
 * @example
 * mysqlTable('users', { age: int() }, (t) => [check('age_ok', sql`${t.age} >= 0`)])
 */
export function check(name: string, value: SQL): CheckBuilder {
  return new MySqlCheckBuilder(name, value);
}

/**
 * A UNIQUE table constraint.
 *
 * @example
 * mysqlTable('members', { orgId: int(), name: text() }, (t) => [unique().on(t.orgId, t.name)])
 */
export function unique(name?: string): UniqueOnConstraintBuilder {
  return new MySqlUniqueOnConstraintBuilder(name);
}

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
  return new MySqlForeignKeyBuilder(() => config as never);
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
  const first = args[0] as { columns?: MySqlColumn[]; name?: string };
  if (first !== undefined && Array.isArray(first.columns)) return new MySqlPrimaryKeyBuilder(first.columns, first.name);
  return new MySqlPrimaryKeyBuilder(args as MySqlColumn[], undefined);
}
