/**
 * `binary()` / `varbinary()`: MySQL's binary strings. Drizzle 0.45 types
 * them as JS strings; values are sent as given and bytes from the driver are
 * read back as UTF-8 text (what drizzle does with mysql2's Buffers), so a
 * string written comes back equal.
 */
import { initialRuntimeConfig } from '../../column-builder.js';
import { Codec } from '../../column-codec.js';
import { nameAndConfig } from '../../sqlite-core/columns/name-and-config.js';
import { MySqlColumnBuilder } from './common.js';
import { binaryText } from './conversions.js';

/** Type state of `binary()` / `varbinary()`. */
export interface MySqlBinaryConfig<TColumnType extends string = 'MySqlBinary'> {
  dataType: 'string';
  columnType: TColumnType;
  data: string;
  driverParam: string;
  enumValues: undefined;
}

/**
 * Builder of `binary()` and `varbinary()`.
 *
 * @example
 * binary('hash', { length: 32 })
 */
export class MySqlBinaryBuilder<
  T extends MySqlBinaryConfig<string> = MySqlBinaryConfig,
> extends MySqlColumnBuilder<T> {}

function binaryBuilder(name: string, columnType: string, base: string, length: number | undefined) {
  const rc = initialRuntimeConfig(
    name,
    'string',
    columnType,
    Codec.custom,
    length === undefined ? base : `${base}(${length})`,
  );
  rc.length = length;
  rc.fromDriver = binaryText;
  return new MySqlBinaryBuilder(rc);
}

/**
 * A BINARY(n) column.
 *
 * @example
 * const t = mysqlTable('t', { code: binary({ length: 4 }) });
 */
export function binary(): MySqlBinaryBuilder;
export function binary(config?: { length?: number }): MySqlBinaryBuilder;
export function binary(name: string, config?: { length?: number }): MySqlBinaryBuilder;
export function binary(a?: string | { length?: number }, b?: { length?: number }): MySqlBinaryBuilder {
  const { name, config } = nameAndConfig(a, b);
  return binaryBuilder(name, 'MySqlBinary', 'binary', config?.length);
}

/**
 * A VARBINARY(n) column: the length is required, as in MySQL.
 *
 * @example
 * const t = mysqlTable('t', { token: varbinary({ length: 64 }) });
 */
export function varbinary(config: { length: number }): MySqlBinaryBuilder<MySqlBinaryConfig<'MySqlVarBinary'>>;
export function varbinary(
  name: string,
  config: { length: number },
): MySqlBinaryBuilder<MySqlBinaryConfig<'MySqlVarBinary'>>;
export function varbinary(
  a: string | { length: number },
  b?: { length: number },
): MySqlBinaryBuilder<MySqlBinaryConfig<'MySqlVarBinary'>> {
  const { name, config } = nameAndConfig(a, b);
  return binaryBuilder(name, 'MySqlVarBinary', 'varbinary', config?.length) as never;
}
