/**
 * MySQL's exact and approximate numbers: `decimal` (a string by default, so
 * no digit is lost; `number` or `bigint` by mode, both sent as text), and
 * `double`, `float`, `real` (JS numbers).
 */
import { initialRuntimeConfig } from '../../column-builder.js';
import { Codec } from '../../column-codec.js';
import type { Equal } from '../../type-utils.js';
import { nameAndConfig } from '../../sqlite-core/columns/name-and-config.js';
import { MySqlColumnBuilderWithAutoIncrement, mysqlExtra } from './common.js';
import { decimalText } from './conversions.js';

/** Type state of `decimal()` (string mode). */
export interface MySqlDecimalConfig {
  dataType: 'string';
  columnType: 'MySqlDecimal';
  data: string;
  driverParam: string;
  enumValues: undefined;
}

/** Type state of `decimal({ mode: 'number' })`. */
export interface MySqlDecimalNumberConfig {
  dataType: 'number';
  columnType: 'MySqlDecimalNumber';
  data: number;
  driverParam: string;
  enumValues: undefined;
}

/** Type state of `decimal({ mode: 'bigint' })`. */
export interface MySqlDecimalBigIntConfig {
  dataType: 'bigint';
  columnType: 'MySqlDecimalBigInt';
  data: bigint;
  driverParam: string;
  enumValues: undefined;
}

/** Type state of `double()`, `float()`, `real()`. */
export interface MySqlFloatingConfig<TColumnType extends string = 'MySqlDouble'> {
  dataType: 'number';
  columnType: TColumnType;
  data: number;
  driverParam: number | string;
  enumValues: undefined;
}

/**
 * Builder of `decimal`, `double`, `float` and `real`.
 *
 * @example
 * decimal('price', { precision: 10, scale: 2 }).notNull()
 */
export class MySqlNumericBuilder<
  T extends
    | MySqlDecimalConfig
    | MySqlDecimalNumberConfig
    | MySqlDecimalBigIntConfig
    | MySqlFloatingConfig<string> = MySqlDecimalConfig,
> extends MySqlColumnBuilderWithAutoIncrement<T> {}

/**
 * The options of `decimal()`.
 *
 * @example
 * decimal({ precision: 20, scale: 0, mode: 'bigint' })
 */
export interface MySqlDecimalOptions<TMode extends 'string' | 'number' | 'bigint' = 'string' | 'number' | 'bigint'> {
  precision?: number;
  scale?: number;
  unsigned?: boolean;
  mode?: TMode;
}

/** The builder type `decimal()` returns for a mode. */
export type MySqlDecimalBuilderFor<TMode> =
  Equal<TMode, 'number'> extends true
    ? MySqlNumericBuilder<MySqlDecimalNumberConfig>
    : Equal<TMode, 'bigint'> extends true
      ? MySqlNumericBuilder<MySqlDecimalBigIntConfig>
      : MySqlNumericBuilder<MySqlDecimalConfig>;

/** drizzle's `type(p,s)` text: `decimal` for the default (10,0). */
function numericType(
  base: string,
  precision: number | undefined,
  scale: number | undefined,
  unsigned: boolean | undefined,
): string {
  let type =
    precision === undefined ? base : scale === undefined ? `${base}(${precision})` : `${base}(${precision},${scale})`;
  if (base === 'decimal' && (type === 'decimal(10,0)' || type === 'decimal(10)')) type = 'decimal';
  return unsigned ? `${type} unsigned` : type;
}

/**
 * A DECIMAL column: exact decimal text by default.
 *
 * @example
 * const t = mysqlTable('t', {
 *   price: decimal({ precision: 10, scale: 2 }).notNull(),  // '12.50'
 *   ratio: decimal({ mode: 'number' }),                     // 0.5
 *   huge: decimal({ precision: 30, mode: 'bigint' }),       // 10n ** 25n
 * });
 */
export function decimal(): MySqlNumericBuilder<MySqlDecimalConfig>;
export function decimal<TMode extends 'string' | 'number' | 'bigint'>(
  config: MySqlDecimalOptions<TMode>,
): MySqlDecimalBuilderFor<TMode>;
export function decimal<TMode extends 'string' | 'number' | 'bigint'>(
  name: string,
  config?: MySqlDecimalOptions<TMode>,
): MySqlDecimalBuilderFor<TMode>;
export function decimal(a?: string | MySqlDecimalOptions, b?: MySqlDecimalOptions): unknown {
  const { name, config } = nameAndConfig(a, b);
  const sqlType = numericType('decimal', config?.precision, config?.scale, config?.unsigned);
  const extra = mysqlExtra({ precision: config?.precision, scale: config?.scale, unsigned: config?.unsigned });
  switch (config?.mode) {
    case 'number': {
      const rc = initialRuntimeConfig(name, 'number', 'MySqlDecimalNumber', Codec.number, sqlType);
      rc.toDriver = decimalText;
      return new MySqlNumericBuilder(rc, extra);
    }
    case 'bigint': {
      const rc = initialRuntimeConfig(name, 'bigint', 'MySqlDecimalBigInt', Codec.bigint, sqlType);
      rc.toDriver = decimalText;
      return new MySqlNumericBuilder(rc, extra);
    }
    default:
      return new MySqlNumericBuilder(
        initialRuntimeConfig(name, 'string', 'MySqlDecimal', Codec.stringNumber, sqlType),
        extra,
      );
  }
}

/**
 * The options of `double()` and `float()`.
 *
 * @example
 * double({ precision: 8, scale: 3, unsigned: true })
 */
export interface MySqlFloatingOptions {
  precision?: number;
  scale?: number;
  unsigned?: boolean;
}

/** The signature of `double`, `float`. */
export interface MySqlFloatingFn<TColumnType extends string, TOptions = MySqlFloatingOptions> {
  (): MySqlNumericBuilder<MySqlFloatingConfig<TColumnType>>;
  (config?: TOptions): MySqlNumericBuilder<MySqlFloatingConfig<TColumnType>>;
  (name: string, config?: TOptions): MySqlNumericBuilder<MySqlFloatingConfig<TColumnType>>;
}

function floatingType(base: string, columnType: string) {
  return (a?: string | MySqlFloatingOptions, b?: MySqlFloatingOptions) => {
    const { name, config } = nameAndConfig(a, b);
    const sqlType =
      base === 'real'
        ? // drizzle writes `real(p, s)` with a space, and no unsigned.
          config?.precision === undefined
          ? 'real'
          : config.scale === undefined
            ? `real(${config.precision})`
            : `real(${config.precision}, ${config.scale})`
        : numericType(base, config?.precision, config?.scale, config?.unsigned);
    const extra = mysqlExtra({
      precision: config?.precision,
      scale: config?.scale,
      unsigned: base === 'real' ? undefined : config?.unsigned,
    });
    return new MySqlNumericBuilder(initialRuntimeConfig(name, 'number', columnType, Codec.number, sqlType), extra);
  };
}

/**
 * A DOUBLE column.
 *
 * @example
 * lat: double().notNull()
 */
export const double: MySqlFloatingFn<'MySqlDouble'> = floatingType('double', 'MySqlDouble') as never;
/**
 * A FLOAT column.
 *
 * @example
 * score: float({ unsigned: true })
 */
export const float: MySqlFloatingFn<'MySqlFloat'> = floatingType('float', 'MySqlFloat') as never;
/**
 * A REAL column (a DOUBLE in MySQL).
 *
 * @example
 * weight: real({ precision: 8, scale: 2 })
 */
export const real: MySqlFloatingFn<'MySqlReal', { precision?: number; scale?: number }> = floatingType(
  'real',
  'MySqlReal',
) as never;
