/**
 * Table-level UNIQUE constraints: `unique(name?).on(...columns)`.
 */
import { getTableInfo, type Table } from '../table.js';
import type { SQLiteColumn } from './columns/common.js';

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
export class UniqueConstraintBuilder {
  constructor(
    private readonly columns: readonly SQLiteColumn[],
    private readonly name: string | undefined,
  ) {}

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
