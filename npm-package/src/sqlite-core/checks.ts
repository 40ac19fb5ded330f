/**
 * CHECK table constraints: `check(name, sql\`...\`)`.
 */
import type { SQL } from '../sql.js';
import type { Table } from '../table.js';

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
export class CheckBuilder {
  constructor(
    private readonly name: string,
    private readonly value: SQL,
  ) {}

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
