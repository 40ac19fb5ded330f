/**
 * `mysqlSchema(name)` (alias `mysqlDatabase`): tables qualified with a MySQL
 * database's name (`` `app`.`users` ``). A file of its own as in pg-core,
 * since both dialects have schemas (SQLite has none); a thin holder of
 * `mysqlTableWithSchema` and `mysqlViewWithSchema`.
 */
import { Entity } from '../kit-compat.js';
import type { MySqlColumnBuilderBase } from './columns/common.js';
import { type MySqlTableFn, mysqlTableWithSchema } from './table.js';
import { type ManualViewBuilder, mysqlViewWithSchema, type ViewBuilder } from './view.js';

/**
 * A MySQL database ("schema"): its tables are qualified with its name
 * (`` `app`.`users` ``).
 *
 * @example
 * const app = mysqlSchema('app');
 * const users = app.table('users', { id: serial().primaryKey() });
 */
export class MySqlSchema<TName extends string = string> extends Entity {
  static override readonly drizzleKind: string = 'MySqlSchema';
  constructor(readonly schemaName: TName) {
    super();
  }

  /** Declares a table in this database. */
  readonly table: MySqlTableFn<TName> = (name, columns, extraConfig) =>
    mysqlTableWithSchema(name, columns, extraConfig, this.schemaName) as never;

  /** Declares a view in this database (`mysqlView`, qualified with its name). */
  view<TView extends string>(name: TView): ViewBuilder<TView>;
  view<TView extends string, TColumns extends Record<string, MySqlColumnBuilderBase>>(
    name: TView,
    columns: TColumns,
  ): ManualViewBuilder<TView, TColumns>;
  view(name: string, columns?: Record<string, MySqlColumnBuilderBase>): unknown {
    return mysqlViewWithSchema(name, columns, this.schemaName);
  }
}

/**
 * Whether `value` is a {@link MySqlSchema}.
 *
 * @example
 * isMySqlSchema(mysqlSchema('app')); // true
 */
export function isMySqlSchema(value: unknown): value is MySqlSchema {
  return value instanceof MySqlSchema;
}

/**
 * A database whose tables are qualified with its name.
 *
 * @example
 * const users = mysqlSchema('app').table('users', { id: int() });
 */
export function mysqlSchema<TName extends string>(name: TName): MySqlSchema<TName> {
  return new MySqlSchema(name);
}

/** Alias of {@link mysqlSchema} (MySQL calls schemas databases). */
export const mysqlDatabase = mysqlSchema;
