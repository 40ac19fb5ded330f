/**
 * `customType()` for MySQL: a user-defined column type with its own SQL type
 * text and JS <-> driver conversions; values decode with codec `custom`.
 */
import { initialRuntimeConfig } from '../../column-builder.js';
import { Codec } from '../../column-codec.js';
import type { CustomTypeParams, CustomTypeValues } from '../../sqlite-core/columns/custom.js';
import { nameAndConfig } from '../../sqlite-core/columns/name-and-config.js';
import type { Equal } from '../../type-utils.js';
import { MySqlColumnBuilder } from './common.js';

export type { CustomTypeParams, CustomTypeValues } from '../../sqlite-core/columns/custom.js';

/** Type state of a MySQL custom column. */
export type MySqlCustomColumnConfig<T extends CustomTypeValues> = {
  dataType: 'custom';
  columnType: 'MySqlCustomColumn';
  data: T['data'];
  driverParam: T['driverData'];
  enumValues: undefined;
} & (T['notNull'] extends true ? { notNull: true } : {}) &
  (T['default'] extends true ? { hasDefault: true } : {});

/**
 * Builder of MySQL custom columns.
 *
 * @example
 * const point = customType<{ data: [number, number]; driverData: string }>({ ... });
 * point('pos').notNull()
 */
export class MySqlCustomColumnBuilder<
  T extends MySqlCustomColumnConfig<CustomTypeValues> = MySqlCustomColumnConfig<CustomTypeValues>,
> extends MySqlColumnBuilder<T> {}

/** The column function `customType` returns. */
export type MySqlCustomColumnFn<T extends CustomTypeValues> =
  Equal<T['configRequired'], true> extends true
    ? {
        (config: T['config']): MySqlCustomColumnBuilder<MySqlCustomColumnConfig<T>>;
        (name: string, config: T['config']): MySqlCustomColumnBuilder<MySqlCustomColumnConfig<T>>;
      }
    : {
        (): MySqlCustomColumnBuilder<MySqlCustomColumnConfig<T>>;
        (config?: T['config']): MySqlCustomColumnBuilder<MySqlCustomColumnConfig<T>>;
        (name: string, config?: T['config']): MySqlCustomColumnBuilder<MySqlCustomColumnConfig<T>>;
      };

/**
 * Defines a MySQL column type of your own.
 *
 * @example
 * const csv = customType<{ data: string[]; driverData: string }>({
 *   dataType: () => 'text',
 *   toDriver: (v) => v.join(','),
 *   fromDriver: (v) => v.split(','),
 * });
 * const t = mysqlTable('t', { tags: csv('tags').notNull() });
 */
export function customType<T extends CustomTypeValues = CustomTypeValues>(
  params: CustomTypeParams<T>,
): MySqlCustomColumnFn<T> {
  const fn = (a?: string | Record<string, unknown>, b?: Record<string, unknown>) => {
    const { name, config } = nameAndConfig(a, b);
    const sqlType = (params.dataType as (config: unknown) => string)(config);
    const rc = initialRuntimeConfig(name, 'custom', 'MySqlCustomColumn', Codec.custom, sqlType);
    rc.toDriver = params.toDriver as ((value: unknown) => unknown) | undefined;
    rc.fromDriver = params.fromDriver as ((value: unknown) => unknown) | undefined;
    return new MySqlCustomColumnBuilder(rc);
  };
  return fn as MySqlCustomColumnFn<T>;
}
