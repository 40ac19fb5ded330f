/**
 * Number columns besides the integers: `numeric` / `decimal` (exact decimal
 * text by default, or a number or bigint by mode; the latter two are bound
 * as text so no digit is lost), `real` (float4), `doublePrecision` (float8).
 */
import { initialRuntimeConfig } from '../../column-builder.js';
import { Codec } from '../../column-codec.js';
import type { Equal } from '../../type-utils.js';
import { PgColumnBuilder } from './common.js';
import { nameAndConfig } from '../../sqlite-core/columns/name-and-config.js';

/** Type state of `numeric()` (string mode). */
export interface PgNumericConfig {
  dataType: 'string';
  columnType: 'PgNumeric';
  data: string;
  driverParam: string;
  enumValues: undefined;
}

/** Type state of `numeric({ mode: 'number' })`. */
export interface PgNumericNumberConfig {
  dataType: 'number';
  columnType: 'PgNumericNumber';
  data: number;
  driverParam: string;
  enumValues: undefined;
}

/** Type state of `numeric({ mode: 'bigint' })`. */
export interface PgNumericBigIntConfig {
  dataType: 'bigint';
  columnType: 'PgNumericBigInt';
  data: bigint;
  driverParam: string;
  enumValues: undefined;
}

/** Builder of `numeric()` in every mode. */
export class PgNumericBuilder<
  T extends PgNumericConfig | PgNumericNumberConfig | PgNumericBigIntConfig = PgNumericConfig,
> extends PgColumnBuilder<T> {}

/** Options of `numeric()`. */
export interface PgNumericOptions<TMode extends 'string' | 'number' | 'bigint' = 'string' | 'number' | 'bigint'> {
  precision?: number;
  scale?: number;
  mode?: TMode;
}

/** The builder `numeric()` returns for a mode. */
export type PgNumericBuilderFor<TMode> =
  Equal<TMode, 'number'> extends true
    ? PgNumericBuilder<PgNumericNumberConfig>
    : Equal<TMode, 'bigint'> extends true
      ? PgNumericBuilder<PgNumericBigIntConfig>
      : PgNumericBuilder<PgNumericConfig>;

/**
 * `numeric` / `numeric(p)` / `numeric(p, s)`.
 *
 * @example
 * price: numeric({ precision: 10, scale: 2 }).notNull()
 */
export function numeric(): PgNumericBuilder<PgNumericConfig>;
export function numeric<TMode extends 'string' | 'number' | 'bigint'>(
  config?: PgNumericOptions<TMode>,
): PgNumericBuilderFor<TMode>;
export function numeric<TMode extends 'string' | 'number' | 'bigint'>(
  name: string,
  config?: PgNumericOptions<TMode>,
): PgNumericBuilderFor<TMode>;
export function numeric(a?: string | PgNumericOptions, b?: PgNumericOptions): unknown {
  const { name, config } = nameAndConfig(a, b);
  const p = config?.precision;
  const s = config?.scale;
  const sqlType =
    p !== undefined && s !== undefined ? `numeric(${p}, ${s})` : p === undefined ? 'numeric' : `numeric(${p})`;
  let builder: PgNumericBuilder<PgNumericConfig | PgNumericNumberConfig | PgNumericBigIntConfig>;
  if (config?.mode === 'number') {
    builder = new PgNumericBuilder(initialRuntimeConfig(name, 'number', 'PgNumericNumber', Codec.number, sqlType));
    builder.config.toDriver = String;
  } else if (config?.mode === 'bigint') {
    builder = new PgNumericBuilder(initialRuntimeConfig(name, 'bigint', 'PgNumericBigInt', Codec.bigint, sqlType));
    builder.config.toDriver = String;
  } else {
    builder = new PgNumericBuilder(initialRuntimeConfig(name, 'string', 'PgNumeric', Codec.stringNumber, sqlType));
  }
  builder.extra.precision = p;
  builder.extra.scale = s;
  if (config?.mode !== undefined) builder.extra.mode = config.mode;
  return builder;
}

/** Alias of {@link numeric}. */
export const decimal = numeric;

/** Type state of a float column. */
export interface PgFloatConfig<TColumnType extends string> {
  dataType: 'number';
  columnType: TColumnType;
  data: number;
  driverParam: string | number;
  enumValues: undefined;
}

/** Builder of `real()` / `doublePrecision()`. */
export class PgFloatBuilder<T extends PgFloatConfig<string> = PgFloatConfig<string>> extends PgColumnBuilder<T> {}

/**
 * `real` (float4).
 *
 * @example
 * ratio: real()
 */
export function real(name?: string): PgFloatBuilder<PgFloatConfig<'PgReal'>> {
  return new PgFloatBuilder(initialRuntimeConfig(name ?? '', 'number', 'PgReal', Codec.number, 'real'));
}

/**
 * `double precision` (float8).
 *
 * @example
 * lat: doublePrecision().notNull()
 */
export function doublePrecision(name?: string): PgFloatBuilder<PgFloatConfig<'PgDoublePrecision'>> {
  return new PgFloatBuilder(
    initialRuntimeConfig(name ?? '', 'number', 'PgDoublePrecision', Codec.number, 'double precision'),
  );
}
