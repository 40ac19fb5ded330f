/**
 * `json()`: MySQL's JSON. Sent as JSON text; the driver hands the document
 * back already parsed (codec `jsonValue`). Type it with `$type<T>()`.
 */
import { initialRuntimeConfig } from '../../column-builder.js';
import { Codec } from '../../column-codec.js';
import { MySqlColumnBuilder } from './common.js';

/** Type state of `json()`. */
export interface MySqlJsonConfig {
  dataType: 'json';
  columnType: 'MySqlJson';
  data: unknown;
  driverParam: string;
  enumValues: undefined;
}

/**
 * Builder of `json()`.
 *
 * @example
 * json('prefs').$type<{ theme: string }>()
 */
export class MySqlJsonBuilder<T extends MySqlJsonConfig = MySqlJsonConfig> extends MySqlColumnBuilder<T> {}

/**
 * A JSON column.
 *
 * @example
 * const t = mysqlTable('t', { prefs: json().$type<{ theme: 'dark' | 'light' }>().notNull() });
 */
export function json(name?: string): MySqlJsonBuilder {
  // Bound as JSON text by encodeForColumn (column-codec.ts), which names the column when JSON cannot hold a value.
  return new MySqlJsonBuilder(initialRuntimeConfig(name ?? '', 'json', 'MySqlJson', Codec.jsonValue, 'json'));
}
