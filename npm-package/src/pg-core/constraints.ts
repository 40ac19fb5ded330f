/**
 * The table constraints of the `pgTable` third argument. CHECK, FOREIGN KEY
 * and composite PRIMARY KEY mean the same in PostgreSQL as in SQLite, so the
 * built classes are sqlite-core's (`../table-constraints.ts` sorts by them);
 * only the column types of the functions are PostgreSQL's. UNIQUE is
 * PostgreSQL's own, for `nullsNotDistinct()` (PostgreSQL 15+).
 */
import type { UpdateDeleteAction } from '../column.js';
import { Entity } from '../kit-compat.js';
import type { SQL } from '../sql.js';
import { CheckBuilder, ForeignKeyBuilder, PrimaryKeyBuilder, uniqueKeyName } from '../sqlite-core/constraints.js';
import type { SQLiteColumn } from '../sqlite-core/columns/common.js';
import type { Table } from '../table.js';
import type { PgColumn } from './columns/common.js';

export {
  Check,
  CheckBuilder,
  ForeignKey,
  ForeignKeyBuilder,
  PrimaryKey,
  PrimaryKeyBuilder,
  uniqueKeyName,
} from '../sqlite-core/constraints.js';

// The shared constraint builders under drizzle's PostgreSQL kinds: drizzle-orm's getTableConfig, which
// drizzle-kit calls, sorts the third argument by kind.
class PgCheckBuilder extends CheckBuilder {
  static override readonly drizzleKind: string = 'PgCheckBuilder';
}
class PgForeignKeyBuilder extends ForeignKeyBuilder {
  static override readonly drizzleKind: string = 'PgForeignKeyBuilder';
  static override readonly unsetAction: UpdateDeleteAction = 'no action';
}
class PgPrimaryKeyBuilder extends PrimaryKeyBuilder {
  static override readonly drizzleKind: string = 'PgPrimaryKeyBuilder';
}

/**
 * A CHECK table constraint.
 *
 * @example
 * pgTable('users', { age: integer() }, (t) => [check('age_ok', sql`${t.age} >= 0`)])
 */
export function check(name: string, value: SQL): CheckBuilder {
  return new PgCheckBuilder(name, value);
}

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
  return new PgForeignKeyBuilder(
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
  return new PgPrimaryKeyBuilder(config.columns, config.name);
}

// UNIQUE: `unique(name?).on(...columns)`, optionally `.nullsNotDistinct()`.

/** A built unique constraint. */
export class UniqueConstraint {
  readonly name: string;

  constructor(
    readonly table: Table,
    readonly columns: readonly PgColumn[],
    readonly nullsNotDistinct: boolean,
    name: string | undefined,
  ) {
    this.name =
      name ??
      uniqueKeyName(
        table,
        columns.map((c) => c.name),
      );
  }

  /** The constraint's name. */
  getName(): string {
    return this.name;
  }
}

/** A unique constraint to be built for its table. */
export class UniqueConstraintBuilder extends Entity {
  static override readonly drizzleKind: string = 'PgUniqueConstraintBuilder';
  private notDistinct = false;

  constructor(
    private readonly columns: readonly PgColumn[],
    private readonly name: string | undefined,
  ) {
    super();
  }

  /**
   * NULLS NOT DISTINCT: two NULLs count as equal.
   *
   * @example
   * unique().on(t.a, t.b).nullsNotDistinct()
   */
  nullsNotDistinct(): this {
    this.notDistinct = true;
    return this;
  }

  /** @internal Builds the constraint for its table. */
  build(table: Table): UniqueConstraint {
    return new UniqueConstraint(table, this.columns, this.notDistinct, this.name);
  }
}

/** A unique constraint waiting for its columns. */
export class UniqueOnConstraintBuilder {
  constructor(private readonly name: string | undefined) {}

  /** The columns that must be unique together. */
  on(...columns: [PgColumn, ...PgColumn[]]): UniqueConstraintBuilder {
    return new UniqueConstraintBuilder(columns, this.name);
  }
}

/**
 * A UNIQUE table constraint.
 *
 * @example
 * pgTable('members', { orgId: integer(), name: text() }, (t) => [unique().on(t.orgId, t.name)])
 */
export function unique(name?: string): UniqueOnConstraintBuilder {
  return new UniqueOnConstraintBuilder(name);
}
