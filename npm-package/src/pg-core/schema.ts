/**
 * `pgSchema(name)`: tables, enums and views inside a PostgreSQL schema
 * (rendered `"name"."table"`). PostgreSQL's schemas hold enum types and views
 * as well as tables, hence a file of their own; MySQL's (databases) hold
 * only tables (mysql-core/schema.ts), SQLite has none.
 */
import { MizzleError } from '../errors.js';
import { Entity } from '../kit-compat.js';
import type { PgColumnBuilderBase } from './columns/common.js';
import { pgEnumWithSchema, type PgEnum, type PgEnumObject } from './columns/enum.js';
import { buildPgTable, type PgTableFn } from './table.js';
import {
  pgMaterializedViewWithSchema,
  pgViewWithSchema,
  type ManualMaterializedViewBuilder,
  type ManualViewBuilder,
  type MaterializedViewBuilder,
  type ViewBuilder,
} from './view.js';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A schema: `schema.table(...)`, `schema.enum(...)`, `schema.view(...)`.
 *
 * @example
 * const auth = pgSchema('auth');
 * export const users = auth.table('users', { id: uuid().primaryKey() });
 */
export class PgSchema<TName extends string = string> extends Entity {
  static override readonly drizzleKind: string = 'PgSchema';
  constructor(readonly schemaName: TName) {
    super();
  }

  /** A table in this schema. */
  table: PgTableFn<TName> = (name, columns, extraConfig) =>
    buildPgTable(name, name, columns, extraConfig, this.schemaName) as never;

  /** An enum type in this schema. */
  enum<U extends string, T extends Readonly<[U, ...U[]]>>(
    enumName: string,
    values: T | Writable<T>,
  ): PgEnum<Writable<T>>;
  enum<const E extends Record<string, string>>(enumName: string, enumObj: E): PgEnumObject<E>;
  enum(enumName: string, values: readonly string[] | Record<string, string>): unknown {
    return pgEnumWithSchema(enumName, values as never, this.schemaName);
  }

  /** A view in this schema. */
  view<TViewName extends string>(name: TViewName): ViewBuilder<TViewName>;
  view<TViewName extends string, TColumns extends Record<string, PgColumnBuilderBase>>(
    name: TViewName,
    columns: TColumns,
  ): ManualViewBuilder<TViewName, TColumns>;
  view(name: string, columns?: Record<string, PgColumnBuilderBase>): unknown {
    return pgViewWithSchema(name, columns, this.schemaName);
  }

  /** A materialized view in this schema. */
  materializedView<TViewName extends string>(name: TViewName): MaterializedViewBuilder<TViewName>;
  materializedView<TViewName extends string, TColumns extends Record<string, PgColumnBuilderBase>>(
    name: TViewName,
    columns: TColumns,
  ): ManualMaterializedViewBuilder<TViewName, TColumns>;
  materializedView(name: string, columns?: Record<string, PgColumnBuilderBase>): unknown {
    return pgMaterializedViewWithSchema(name, columns, this.schemaName);
  }
}

/**
 * Declares a schema. `public` is refused, as in drizzle: use `pgTable`.
 *
 * @example
 * const billing = pgSchema('billing');
 */
export function pgSchema<TName extends string>(name: TName): PgSchema<TName> {
  if (name === 'public') {
    throw new MizzleError(
      'invalid',
      "You can't specify 'public' as schema name. Postgres is using public schema by default. " +
        "If you want to use 'public' schema, just use pgTable() instead of creating a schema",
    );
  }
  return new PgSchema(name);
}

/** Whether `x` is a `pgSchema`. */
export function isPgSchema(x: unknown): x is PgSchema {
  return x instanceof PgSchema;
}
