/**
 * `customType()`: a user-defined column type with its own SQL type text and
 * JS <-> driver conversions. Its values decode with codec `custom`, i.e. the
 * column's own `mapFromDriverValue`, in JS.
 */
import { initialRuntimeConfig } from '../../column-builder.js';
import { Codec } from '../../column-codec.js';
import type { SQL } from '../../sql.js';
import type { Equal } from '../../type-utils.js';
import { SQLiteColumnBuilder } from './common.js';
import { nameAndConfig } from './name-and-config.js';

/**
 * The type parameter of `customType`: `data` is the JS type, `driverData` the
 * driver's; `config` the options the column function takes (`configRequired`
 * makes them mandatory); `notNull` / `default` pre-set those flags.
 *
 * @example
 * customType<{ data: string[]; driverData: string }>({ ... })
 */
export interface CustomTypeValues {
  data: unknown;
  driverData?: unknown;
  config?: Record<string, unknown>;
  configRequired?: boolean;
  notNull?: boolean;
  default?: boolean;
}

/**
 * How a custom type maps to SQL and back.
 *
 * @example
 * { dataType: () => 'text', toDriver: (v) => v.join(','), fromDriver: (v) => v.split(',') }
 */
export interface CustomTypeParams<T extends CustomTypeValues> {
  /** The SQL type text, given the column's options. */
  dataType: (config: T['config'] | (Equal<T['configRequired'], true> extends true ? never : undefined)) => string;
  /** JS value -> driver value. Defaults to the value as is. */
  toDriver?: (value: T['data']) => T['driverData'] | SQL;
  /** Driver value -> JS value. Defaults to the value as is. */
  fromDriver?: (value: T['driverData']) => T['data'];
}

/** Type state of a custom column. */
export type SQLiteCustomColumnConfig<T extends CustomTypeValues> = {
  dataType: 'custom';
  columnType: 'SQLiteCustomColumn';
  data: T['data'];
  driverParam: T['driverData'];
  enumValues: undefined;
} & (T['notNull'] extends true ? { notNull: true } : {}) &
  (T['default'] extends true ? { hasDefault: true } : {});

/**
 * Builder of custom columns.
 *
 * @example
 * const point = customType<{ data: [number, number]; driverData: string }>({ ... });
 * point('pos').notNull()
 */
export class SQLiteCustomColumnBuilder<
  T extends SQLiteCustomColumnConfig<CustomTypeValues> = SQLiteCustomColumnConfig<CustomTypeValues>,
> extends SQLiteColumnBuilder<T> {}

/** The column function `customType` returns. */
export type CustomColumnFn<T extends CustomTypeValues> =
  Equal<T['configRequired'], true> extends true
    ? {
        (config: T['config']): SQLiteCustomColumnBuilder<SQLiteCustomColumnConfig<T>>;
        (name: string, config: T['config']): SQLiteCustomColumnBuilder<SQLiteCustomColumnConfig<T>>;
      }
    : {
        (): SQLiteCustomColumnBuilder<SQLiteCustomColumnConfig<T>>;
        (config?: T['config']): SQLiteCustomColumnBuilder<SQLiteCustomColumnConfig<T>>;
        (name: string, config?: T['config']): SQLiteCustomColumnBuilder<SQLiteCustomColumnConfig<T>>;
      };

/**
 * Defines a column type of your own.
 *
 * @example
 * const csv = customType<{ data: string[]; driverData: string }>({
 *   dataType: () => 'text',
 *   toDriver: (v) => v.join(','),
 *   fromDriver: (v) => v.split(','),
 * });
 * const t = sqliteTable('t', { tags: csv('tags').notNull() });
 */
export function customType<T extends CustomTypeValues = CustomTypeValues>(
  params: CustomTypeParams<T>,
): CustomColumnFn<T> {
  const fn = (a?: string | Record<string, unknown>, b?: Record<string, unknown>) => {
    const { name, config } = nameAndConfig(a, b);
    const sqlType = (params.dataType as (config: unknown) => string)(config);
    const rc = initialRuntimeConfig(name, 'custom', 'SQLiteCustomColumn', Codec.custom, sqlType);
    rc.toDriver = params.toDriver as ((value: unknown) => unknown) | undefined;
    rc.fromDriver = params.fromDriver as ((value: unknown) => unknown) | undefined;
    return new SQLiteCustomColumnBuilder(rc);
  };
  return fn as CustomColumnFn<T>;
}
