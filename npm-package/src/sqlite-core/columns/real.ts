/**
 * `real()`: SQLite REAL, an IEEE double read as a JS number.
 */
import { initialRuntimeConfig } from '../../column-builder.js';
import { Codec } from '../../column-codec.js';
import { SQLiteColumnBuilder } from './common.js';

/** Type state of `real()`. */
export interface SQLiteRealConfig {
  dataType: 'number';
  columnType: 'SQLiteReal';
  data: number;
  driverParam: number;
  enumValues: undefined;
}

/**
 * Builder of `real()`.
 *
 * @example
 * real('price').notNull()
 */
export class SQLiteRealBuilder<T extends SQLiteRealConfig = SQLiteRealConfig> extends SQLiteColumnBuilder<T> {}

/**
 * A REAL column.
 *
 * @example
 * const t = sqliteTable('t', { price: real().notNull() });
 */
export function real(name?: string): SQLiteRealBuilder {
  return new SQLiteRealBuilder(initialRuntimeConfig(name ?? '', 'number', 'SQLiteReal', Codec.number, 'real'));
}
