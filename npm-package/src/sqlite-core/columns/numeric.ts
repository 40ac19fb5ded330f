/**
 * `numeric()`: SQLite NUMERIC affinity. Drizzle 0.45 reads it as a string by
 * default (exact decimal text), or as a number or bigint by mode; the two
 * latter bind their values as text so no digit is lost on the way in.
 */
import { initialRuntimeConfig } from '../../column-builder.js';
import { Codec } from '../../column-codec.js';
import { SQLiteColumnBuilder } from './common.js';
import { nameAndConfig } from './name-and-config.js';

/** Type state of `numeric()` (string mode). */
export interface SQLiteNumericConfig {
  dataType: 'string';
  columnType: 'SQLiteNumeric';
  data: string;
  driverParam: string;
  enumValues: undefined;
}

/** Type state of `numeric({ mode: 'number' })`. */
export interface SQLiteNumericNumberConfig {
  dataType: 'number';
  columnType: 'SQLiteNumericNumber';
  data: number;
  driverParam: string;
  enumValues: undefined;
}

/** Type state of `numeric({ mode: 'bigint' })`. */
export interface SQLiteNumericBigIntConfig {
  dataType: 'bigint';
  columnType: 'SQLiteNumericBigInt';
  data: bigint;
  driverParam: string;
  enumValues: undefined;
}

/**
 * Builder of `numeric()` in every mode.
 *
 * @example
 * numeric('amount', { mode: 'bigint' })
 */
export class SQLiteNumericBuilder<
  T extends SQLiteNumericConfig | SQLiteNumericNumberConfig | SQLiteNumericBigIntConfig = SQLiteNumericConfig,
> extends SQLiteColumnBuilder<T> {}

/** The modes of `numeric()`. */
export type NumericMode = 'string' | 'number' | 'bigint';

/**
 * The second argument of `numeric()`.
 *
 * @example
 * numeric({ mode: 'number' })
 */
export interface NumericConfig<TMode extends NumericMode = NumericMode> {
  mode: TMode;
}

/** The builder type `numeric()` returns for a mode. */
export type SQLiteNumericBuilderFor<TMode extends NumericMode> = TMode extends 'number'
  ? SQLiteNumericBuilder<SQLiteNumericNumberConfig>
  : TMode extends 'bigint'
    ? SQLiteNumericBuilder<SQLiteNumericBigIntConfig>
    : SQLiteNumericBuilder<SQLiteNumericConfig>;

/**
 * A NUMERIC column.
 *
 * @example
 * const t = sqliteTable('t', { total: numeric().notNull(), big: numeric({ mode: 'bigint' }) });
 */
export function numeric(): SQLiteNumericBuilder<SQLiteNumericConfig>;
export function numeric<TMode extends NumericMode = 'string'>(
  config?: NumericConfig<TMode>,
): SQLiteNumericBuilderFor<TMode>;
export function numeric<TMode extends NumericMode = 'string'>(
  name: string,
  config?: NumericConfig<TMode>,
): SQLiteNumericBuilderFor<TMode>;
export function numeric(a?: string | NumericConfig, b?: NumericConfig): unknown {
  const { name, config } = nameAndConfig(a, b);
  switch (config?.mode) {
    case 'number':
      return new SQLiteNumericBuilder(
        initialRuntimeConfig(name, 'number', 'SQLiteNumericNumber', Codec.number, 'numeric'),
      );
    case 'bigint':
      return new SQLiteNumericBuilder(
        initialRuntimeConfig(name, 'bigint', 'SQLiteNumericBigInt', Codec.bigint, 'numeric'),
      );
    default:
      return new SQLiteNumericBuilder(
        initialRuntimeConfig(name, 'string', 'SQLiteNumeric', Codec.stringNumber, 'numeric'),
      );
  }
}
