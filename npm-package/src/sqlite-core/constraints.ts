/**
 * The table constraints of the `sqliteTable` third argument: CHECK, FOREIGN
 * KEY (also what inline `references()` become), composite PRIMARY KEY and
 * UNIQUE. They mean the same in every dialect, so these classes are the ones
 * pg-core and mysql-core re-export (and `../table-constraints.ts` sorts by);
 * those files only give the functions their own column types, and pg-core
 * has its own UNIQUE for `nullsNotDistinct()`.
 */
import type { UpdateDeleteAction } from '../column.js';
import type { SQL } from '../sql.js';
import { Entity } from '../kit-compat.js';
import { getTableInfo, type Table } from '../table.js';
import type { SQLiteColumn } from './columns/common.js';

// CHECK: check(name, sql`...`).

/**
 * A built check constraint.
 *
 * @example
 * getTableConfig(users).checks[0]?.name; // 'age_ok'
 */
export class Check {
  constructor(
    readonly table: Table,
    readonly name: string,
    readonly value: SQL,
  ) {}
}

/**
 * A check constraint to be built for its table.
 *
 * @example
 * check('age_ok', sql`${t.age} >= 0`)
 */
export class CheckBuilder extends Entity {
  static override readonly drizzleKind: string = 'SQLiteCheckBuilder';
  constructor(
    private readonly name: string,
    private readonly value: SQL,
  ) {
    super();
  }

  /** @internal Builds the check for its table. */
  build(table: Table): Check {
    return new Check(table, this.name, this.value);
  }
}

/**
 * A CHECK table constraint.
 *
 * @example
 * sqliteTable('users', { age: integer() }, (t) => [check('age_ok', sql`${t.age} >= 0`)])
 */
export function check(name: string, value: SQL): CheckBuilder {
  return new CheckBuilder(name, value);
}

// FOREIGN KEY: `foreignKey({ columns, foreignColumns, name })`. The column lists are resolved lazily
// (`reference()`) because the target table may be declared after this one.

/** The two column lists of a foreign key, and its optional name. */
export interface ForeignKeyReference {
  readonly name?: string;
  readonly columns: readonly SQLiteColumn[];
  readonly foreignColumns: readonly SQLiteColumn[];
}

/** What a built foreign key's `reference()` returns. */
export interface ResolvedForeignKeyReference extends ForeignKeyReference {
  readonly foreignTable: Table;
}

/**
 * A built foreign key (table-level or from an inline `references()`).
 *
 * @example
 * const { columns, foreignColumns, foreignTable } = fk.reference();
 */
export class ForeignKey {
  /** The name and column lists, plus `foreignTable` (the table of the foreign columns), as drizzle's. */
  readonly reference: () => ResolvedForeignKeyReference;

  constructor(
    readonly table: Table,
    reference: () => ForeignKeyReference,
    readonly onUpdate: UpdateDeleteAction | undefined,
    readonly onDelete: UpdateDeleteAction | undefined,
  ) {
    // Resolved on each call, not here: the foreign table may be declared after this one.
    this.reference = () => {
      const r = reference();
      return { ...r, foreignTable: (r.foreignColumns[0] as { table: Table }).table };
    };
  }

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
export class ForeignKeyBuilder extends Entity {
  static override readonly drizzleKind: string = 'SQLiteForeignKeyBuilder';
  /** @internal An action not given, as drizzle-kit reads it (drizzle's PostgreSQL keys say 'no action'). */
  static readonly unsetAction: UpdateDeleteAction | undefined = undefined;
  private updateAction: UpdateDeleteAction | undefined;
  private deleteAction: UpdateDeleteAction | undefined;

  constructor(private readonly reference: () => ForeignKeyReference) {
    super();
  }

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
    const unset = (this.constructor as typeof ForeignKeyBuilder).unsetAction;
    return new ForeignKey(table, this.reference, this.updateAction ?? unset, this.deleteAction ?? unset);
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

// Composite PRIMARY KEY: `primaryKey({ columns: [t.a, t.b], name? })`.

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
export class PrimaryKeyBuilder extends Entity {
  static override readonly drizzleKind: string = 'SQLitePrimaryKeyBuilder';
  constructor(
    private readonly columns: readonly SQLiteColumn[],
    private readonly name: string | undefined,
  ) {
    super();
  }

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

// UNIQUE: `unique(name?).on(...columns)`.

/**
 * Drizzle's default unique-constraint name: `<table>_<col>_<col>_unique`.
 *
 * @example
 * uniqueKeyName(users, ['email']); // 'users_email_unique'
 */
export function uniqueKeyName(table: Table, columns: readonly string[]): string {
  return `${getTableInfo(table).name}_${columns.join('_')}_unique`;
}

/**
 * A built unique constraint.
 *
 * @example
 * getTableConfig(users).uniqueConstraints[0]?.getName();
 */
export class UniqueConstraint {
  readonly name: string;

  constructor(
    readonly table: Table,
    readonly columns: readonly SQLiteColumn[],
    name: string | undefined,
  ) {
    this.name =
      name ??
      uniqueKeyName(
        table,
        columns.map((c) => c.name),
      );
  }

  /**
   * The constraint's name.
   *
   * @example
   * uc.getName(); // 'users_email_unique'
   */
  getName(): string {
    return this.name;
  }
}

/**
 * A unique constraint to be built for its table.
 *
 * @example
 * unique().on(t.a, t.b)
 */
export class UniqueConstraintBuilder extends Entity {
  static override readonly drizzleKind: string = 'SQLiteUniqueConstraintBuilder';
  constructor(
    private readonly columns: readonly SQLiteColumn[],
    private readonly name: string | undefined,
  ) {
    super();
  }

  /** @internal Builds the constraint for its table. */
  build(table: Table): UniqueConstraint {
    return new UniqueConstraint(table, this.columns, this.name);
  }
}

/**
 * A unique constraint waiting for its columns.
 *
 * @example
 * unique('name_per_org').on(t.orgId, t.name)
 */
export class UniqueOnConstraintBuilder {
  constructor(private readonly name: string | undefined) {}

  /**
   * The columns that must be unique together.
   *
   * @example
   * unique().on(t.email)
   */
  on(...columns: [SQLiteColumn, ...SQLiteColumn[]]): UniqueConstraintBuilder {
    return new UniqueConstraintBuilder(columns, this.name);
  }
}

/**
 * A UNIQUE table constraint.
 *
 * @example
 * sqliteTable('members', { orgId: integer(), name: text() }, (t) => [unique().on(t.orgId, t.name)])
 */
export function unique(name?: string): UniqueOnConstraintBuilder {
  return new UniqueOnConstraintBuilder(name);
}
