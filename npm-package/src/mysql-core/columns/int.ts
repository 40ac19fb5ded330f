/**
 * The MySQL integer types: `int`, `tinyint`, `smallint`, `mediumint` (JS
 * numbers, optionally `unsigned`), `bigint` (`number` or `bigint` mode) and
 * `serial` (`bigint unsigned not null auto_increment unique`).
 */
import { initialRuntimeConfig, type HasDefault, type IsPrimaryKey, type NotNull } from '../../column-builder.js';
import { Codec } from '../../column-codec.js';
import { nameAndConfig } from '../../sqlite-core/columns/name-and-config.js';
import { MySqlColumnBuilderWithAutoIncrement, mysqlExtra, type IsAutoincrement } from './common.js';

/** Type state of a MySQL integer column read as a number. */
export interface MySqlIntegerConfig<TColumnType extends string = 'MySqlInt'> {
  dataType: 'number';
  columnType: TColumnType;
  data: number;
  driverParam: number | string;
  enumValues: undefined;
}

/** Type state of `bigint({ mode: 'bigint' })`. */
export interface MySqlBigInt64Config {
  dataType: 'bigint';
  columnType: 'MySqlBigInt64';
  data: bigint;
  driverParam: string;
  enumValues: undefined;
}

/**
 * Builder of every integer type.
 *
 * @example
 * int('id').primaryKey().autoincrement()
 */
export class MySqlIntegerBuilder<
  T extends MySqlIntegerConfig<string> | MySqlBigInt64Config = MySqlIntegerConfig,
> extends MySqlColumnBuilderWithAutoIncrement<T> {}

/**
 * Options of `int`, `tinyint`, `smallint`, `mediumint`.
 *
 * @example
 * int({ unsigned: true })
 */
export interface MySqlIntConfig {
  unsigned?: boolean;
}

function integerType(sqlName: string, columnType: string) {
  return (a?: string | MySqlIntConfig, b?: MySqlIntConfig): MySqlIntegerBuilder<MySqlIntegerConfig<string>> => {
    const { name, config } = nameAndConfig(a, b);
    const unsigned = config?.unsigned ?? false;
    const rc = initialRuntimeConfig(
      name,
      'number',
      columnType,
      Codec.number,
      `${sqlName}${unsigned ? ' unsigned' : ''}`,
    );
    return new MySqlIntegerBuilder(rc, mysqlExtra({ unsigned }));
  };
}

/** The signature of `int`, `tinyint`, `smallint`, `mediumint`. */
export interface MySqlIntegerFn<TColumnType extends string> {
  (): MySqlIntegerBuilder<MySqlIntegerConfig<TColumnType>>;
  (config?: MySqlIntConfig): MySqlIntegerBuilder<MySqlIntegerConfig<TColumnType>>;
  (name: string, config?: MySqlIntConfig): MySqlIntegerBuilder<MySqlIntegerConfig<TColumnType>>;
}

/**
 * An INT column (a JS number).
 *
 * @example
 * const t = mysqlTable('t', { id: int().primaryKey().autoincrement(), n: int({ unsigned: true }) });
 */
export const int: MySqlIntegerFn<'MySqlInt'> = integerType('int', 'MySqlInt') as never;
/**
 * A TINYINT column (a JS number; use `boolean()` for flags).
 *
 * @example
 * level: tinyint({ unsigned: true })
 */
export const tinyint: MySqlIntegerFn<'MySqlTinyInt'> = integerType('tinyint', 'MySqlTinyInt') as never;
/**
 * A SMALLINT column.
 *
 * @example
 * year: smallint()
 */
export const smallint: MySqlIntegerFn<'MySqlSmallInt'> = integerType('smallint', 'MySqlSmallInt') as never;
/**
 * A MEDIUMINT column.
 *
 * @example
 * views: mediumint({ unsigned: true })
 */
export const mediumint: MySqlIntegerFn<'MySqlMediumInt'> = integerType('mediumint', 'MySqlMediumInt') as never;

/**
 * The options of `bigint()`: the mode is required, as in drizzle.
 *
 * @example
 * bigint({ mode: 'bigint', unsigned: true })
 */
export interface MySqlBigIntConfig<TMode extends 'number' | 'bigint' = 'number' | 'bigint'> {
  mode: TMode;
  unsigned?: boolean;
}

/** The builder type `bigint()` returns for a mode. */
export type MySqlBigIntBuilderFor<TMode extends 'number' | 'bigint'> = TMode extends 'number'
  ? MySqlIntegerBuilder<MySqlIntegerConfig<'MySqlBigInt53'>>
  : MySqlIntegerBuilder<MySqlBigInt64Config>;

/**
 * A BIGINT column: a JS number (`mode: 'number'`, exact up to 2^53) or a
 * bigint (`mode: 'bigint'`, sent and read as decimal text).
 *
 * @example
 * const t = mysqlTable('t', {
 *   id: bigint({ mode: 'number' }).primaryKey().autoincrement(),
 *   big: bigint('big', { mode: 'bigint' }),
 * });
 */
export function bigint<TMode extends 'number' | 'bigint'>(
  config: MySqlBigIntConfig<TMode>,
): MySqlBigIntBuilderFor<TMode>;
export function bigint<TMode extends 'number' | 'bigint'>(
  name: string,
  config: MySqlBigIntConfig<TMode>,
): MySqlBigIntBuilderFor<TMode>;
export function bigint(a: string | MySqlBigIntConfig, b?: MySqlBigIntConfig): unknown {
  const { name, config } = nameAndConfig(a, b);
  const unsigned = config?.unsigned ?? false;
  const sqlType = `bigint${unsigned ? ' unsigned' : ''}`;
  if (config?.mode === 'number') {
    return new MySqlIntegerBuilder(
      initialRuntimeConfig(name, 'number', 'MySqlBigInt53', Codec.number, sqlType),
      mysqlExtra({ unsigned }),
    );
  }
  // Bound as the bigint itself, not drizzle's decimal text: PlanetScale's values are spliced as literals,
  // and a quoted '-1' beside a quoted upper bound is read as unsigned by BETWEEN over a BIGINT UNSIGNED
  // column (wrapping to 2^64 - 1), where the number -1 is not (tests/conformance/fuzz/known-mysql.mjs).
  const rc = initialRuntimeConfig(name, 'bigint', 'MySqlBigInt64', Codec.bigint, sqlType);
  return new MySqlIntegerBuilder(rc, mysqlExtra({ unsigned }));
}

/** The builder type `serial()` returns: auto-increment, not null, a key (as drizzle types it). */
export type MySqlSerialBuilder = IsAutoincrement<
  IsPrimaryKey<NotNull<HasDefault<MySqlIntegerBuilder<MySqlIntegerConfig<'MySqlSerial'>>>>>
>;

/**
 * A SERIAL column (`bigint unsigned not null auto_increment unique`), read as
 * a JS number; optional on insert.
 *
 * @example
 * const t = mysqlTable('t', { id: serial().primaryKey() });
 */
export function serial(name?: string): MySqlSerialBuilder {
  const rc = initialRuntimeConfig(name ?? '', 'number', 'MySqlSerial', Codec.number, 'serial');
  rc.hasDefault = true;
  rc.autoIncrement = true;
  rc.notNull = true;
  return new MySqlIntegerBuilder(rc, mysqlExtra({ unsigned: true })) as MySqlSerialBuilder;
}
