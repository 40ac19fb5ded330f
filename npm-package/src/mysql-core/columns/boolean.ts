/**
 * `boolean()`: MySQL's BOOLEAN (`tinyint(1)`). Values are sent as JS
 * booleans (as drizzle does) and read back from 0/1.
 */
import { initialRuntimeConfig } from '../../column-builder.js';
import { Codec } from '../../column-codec.js';
import { MySqlColumnBuilder } from './common.js';

/** Type state of `boolean()`. */
export interface MySqlBooleanConfig {
  dataType: 'boolean';
  columnType: 'MySqlBoolean';
  data: boolean;
  driverParam: number | boolean;
  enumValues: undefined;
}

/**
 * Builder of `boolean()`.
 *
 * @example
 * boolean('active').notNull().default(true)
 */
export class MySqlBooleanBuilder<T extends MySqlBooleanConfig = MySqlBooleanConfig> extends MySqlColumnBuilder<T> {}

/**
 * A BOOLEAN column.
 *
 * @example
 * const t = mysqlTable('t', { active: boolean().notNull().default(true) });
 */
export function boolean(name?: string): MySqlBooleanBuilder {
  return new MySqlBooleanBuilder(initialRuntimeConfig(name ?? '', 'boolean', 'MySqlBoolean', Codec.boolean, 'boolean'));
}
