/**
 * Table-level UNIQUE constraints: `unique(name?).on(...columns)`, optionally
 * `.nullsNotDistinct()` (PostgreSQL 15+).
 */
import { getTableInfo, type Table } from '../table.js';
import type { PgColumn } from './columns/common.js';

/**
 * drizzle's default unique-constraint name: `<table>_<col>_<col>_unique`.
 *
 * @example
 * uniqueKeyName(users, ['email']); // 'users_email_unique'
 */
export function uniqueKeyName(table: Table, columns: readonly string[]): string {
  return `${getTableInfo(table).name}_${columns.join('_')}_unique`;
}

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
export class UniqueConstraintBuilder {
  private notDistinct = false;

  constructor(
    private readonly columns: readonly PgColumn[],
    private readonly name: string | undefined,
  ) {}

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
