/**
 * `customType()` for PostgreSQL: a user-defined column type with its own SQL
 * type text and JS <-> driver conversions; values decode through the
 * column's own `mapFromDriverValue`.
 */
import { initialRuntimeConfig } from '../../column-builder.js';
import { Codec } from '../../column-codec.js';
import type { Equal } from '../../type-utils.js';
import type { CustomTypeParams, CustomTypeValues } from '../../sqlite-core/columns/custom.js';
import { PgColumnBuilder } from './common.js';
import { nameAndConfig } from '../../sqlite-core/columns/name-and-config.js';

export type { CustomTypeParams, CustomTypeValues };

/** Type state of a custom column. */
export type PgCustomColumnConfig<T extends CustomTypeValues> = {
  dataType: 'custom';
  columnType: 'PgCustomColumn';
  data: T['data'];
  driverParam: T['driverData'];
  enumValues: undefined;
} & (T['notNull'] extends true ? { notNull: true } : {}) &
  (T['default'] extends true ? { hasDefault: true } : {});

/** Builder of custom columns. */
export class PgCustomColumnBuilder<
  T extends PgCustomColumnConfig<CustomTypeValues> = PgCustomColumnConfig<CustomTypeValues>,
> extends PgColumnBuilder<T> {}

/** The column function `customType` returns. */
export type PgCustomColumnFn<T extends CustomTypeValues> =
  Equal<T['configRequired'], true> extends true
    ? {
        (config: T['config']): PgCustomColumnBuilder<PgCustomColumnConfig<T>>;
        (name: string, config: T['config']): PgCustomColumnBuilder<PgCustomColumnConfig<T>>;
      }
    : {
        (): PgCustomColumnBuilder<PgCustomColumnConfig<T>>;
        (config?: T['config']): PgCustomColumnBuilder<PgCustomColumnConfig<T>>;
        (name: string, config?: T['config']): PgCustomColumnBuilder<PgCustomColumnConfig<T>>;
      };

/**
 * Defines a column type of your own.
 *
 * @example
 * const citext = customType<{ data: string }>({ dataType: () => 'citext' });
 * const users = pgTable('users', { email: citext().notNull() });
 */
export function customType<T extends CustomTypeValues = CustomTypeValues>(
  params: CustomTypeParams<T>,
): PgCustomColumnFn<T> {
  const fn = (a?: string | Record<string, unknown>, b?: Record<string, unknown>) => {
    const { name, config } = nameAndConfig(a, b);
    const sqlType = (params.dataType as (config: unknown) => string)(config);
    const rc = initialRuntimeConfig(name, 'custom', 'PgCustomColumn', Codec.custom, sqlType);
    rc.toDriver = params.toDriver as ((value: unknown) => unknown) | undefined;
    rc.fromDriver = params.fromDriver as ((value: unknown) => unknown) | undefined;
    return new PgCustomColumnBuilder(rc);
  };
  return fn as PgCustomColumnFn<T>;
}
