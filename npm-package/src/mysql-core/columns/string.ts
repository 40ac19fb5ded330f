/**
 * MySQL's character types: `varchar`, `char`, the `text` family and
 * `mysqlEnum`; all read as JS strings, optionally narrowed to an enum's
 * members (the enum is a type-level narrowing, as in drizzle).
 */
import { initialRuntimeConfig } from '../../column-builder.js';
import { Codec } from '../../column-codec.js';
import { MizzleError } from '../../errors.js';
import { nameAndConfig } from '../../sqlite-core/columns/name-and-config.js';
import { MySqlColumnBuilder } from './common.js';

// Drizzle types enum members as a mutable tuple; `as const` arrays are readonly.
type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Type state of the character types; `TEnum` narrows the data to its
 * members. Without an enum it is `[string, ...string[]]`, so the data is
 * `string` (drizzle's form).
 */
export interface MySqlStringConfig<
  TColumnType extends string = 'MySqlVarChar',
  TEnum extends readonly string[] = [string, ...string[]],
> {
  dataType: 'string';
  columnType: TColumnType;
  data: TEnum[number];
  driverParam: string | number;
  enumValues: Writable<TEnum>;
}

/**
 * Builder of `varchar`, `char`, the `text` family and `mysqlEnum`.
 *
 * @example
 * varchar('role', { length: 16, enum: ['admin', 'user'] }).notNull()
 */
export class MySqlStringBuilder<
  T extends MySqlStringConfig<string, readonly string[]> = MySqlStringConfig,
> extends MySqlColumnBuilder<T> {}

/**
 * The options of `varchar()`: the length is required, as in MySQL.
 *
 * @example
 * varchar({ length: 255 })
 */
export interface MySqlVarCharOptions<TEnum extends readonly string[] = readonly string[]> {
  length: number;
  enum?: TEnum;
}

/**
 * The options of `char()`.
 *
 * @example
 * char({ length: 2 })
 */
export interface MySqlCharOptions<TEnum extends readonly string[] = readonly string[]> {
  length?: number;
  enum?: TEnum;
}

/**
 * The options of the `text` family.
 *
 * @example
 * text({ enum: ['draft', 'published'] })
 */
export interface MySqlTextOptions<TEnum extends readonly string[] = readonly string[]> {
  enum?: TEnum;
}

function stringBuilder(
  name: string,
  columnType: string,
  sqlType: string,
  length: number | undefined,
  values: readonly string[] | undefined,
): MySqlStringBuilder<MySqlStringConfig<string, readonly string[]>> {
  const rc = initialRuntimeConfig(name, 'string', columnType, Codec.text, sqlType);
  rc.length = length;
  rc.enumValues = values ? [...values] : undefined;
  return new MySqlStringBuilder(rc);
}

/**
 * A VARCHAR(n) column.
 *
 * @example
 * const t = mysqlTable('t', {
 *   email: varchar({ length: 255 }).notNull(),
 *   role: varchar('role', { length: 8, enum: ['a', 'b'] }),
 * });
 */
export function varchar<const TEnum extends readonly string[] = [string, ...string[]]>(
  config: MySqlVarCharOptions<TEnum>,
): MySqlStringBuilder<MySqlStringConfig<'MySqlVarChar', TEnum>>;
export function varchar<const TEnum extends readonly string[] = [string, ...string[]]>(
  name: string,
  config: MySqlVarCharOptions<TEnum>,
): MySqlStringBuilder<MySqlStringConfig<'MySqlVarChar', TEnum>>;
export function varchar(a: string | MySqlVarCharOptions, b?: MySqlVarCharOptions): unknown {
  const { name, config } = nameAndConfig(a, b);
  const length = config?.length;
  return stringBuilder(
    name,
    'MySqlVarChar',
    length === undefined ? 'varchar' : `varchar(${length})`,
    length,
    config?.enum,
  );
}

/**
 * A CHAR(n) column.
 *
 * @example
 * country: char({ length: 2 }).notNull()
 */
export function char(): MySqlStringBuilder<MySqlStringConfig<'MySqlChar'>>;
export function char<const TEnum extends readonly string[] = [string, ...string[]]>(
  config?: MySqlCharOptions<TEnum>,
): MySqlStringBuilder<MySqlStringConfig<'MySqlChar', TEnum>>;
export function char<const TEnum extends readonly string[] = [string, ...string[]]>(
  name: string,
  config?: MySqlCharOptions<TEnum>,
): MySqlStringBuilder<MySqlStringConfig<'MySqlChar', TEnum>>;
export function char(a?: string | MySqlCharOptions, b?: MySqlCharOptions): unknown {
  const { name, config } = nameAndConfig(a, b);
  const length = config?.length;
  return stringBuilder(name, 'MySqlChar', length === undefined ? 'char' : `char(${length})`, length, config?.enum);
}

/** The signature of `text`, `tinytext`, `mediumtext`, `longtext`. */
export interface MySqlTextFn {
  (): MySqlStringBuilder<MySqlStringConfig<'MySqlText'>>;
  <const TEnum extends readonly string[] = [string, ...string[]]>(
    config?: MySqlTextOptions<TEnum>,
  ): MySqlStringBuilder<MySqlStringConfig<'MySqlText', TEnum>>;
  <const TEnum extends readonly string[] = [string, ...string[]]>(
    name: string,
    config?: MySqlTextOptions<TEnum>,
  ): MySqlStringBuilder<MySqlStringConfig<'MySqlText', TEnum>>;
}

function textType(sqlType: 'text' | 'tinytext' | 'mediumtext' | 'longtext'): MySqlTextFn {
  return ((a?: string | MySqlTextOptions, b?: MySqlTextOptions) => {
    const { name, config } = nameAndConfig(a, b);
    return stringBuilder(name, 'MySqlText', sqlType, undefined, config?.enum);
  }) as MySqlTextFn;
}

/**
 * A TEXT column (up to 64 KiB).
 *
 * @example
 * body: text().notNull()
 */
export const text: MySqlTextFn = textType('text');
/**
 * A TINYTEXT column (up to 255 bytes).
 *
 * @example
 * note: tinytext()
 */
export const tinytext: MySqlTextFn = textType('tinytext');
/**
 * A MEDIUMTEXT column (up to 16 MiB).
 *
 * @example
 * article: mediumtext()
 */
export const mediumtext: MySqlTextFn = textType('mediumtext');
/**
 * A LONGTEXT column (up to 4 GiB).
 *
 * @example
 * dump: longtext()
 */
export const longtext: MySqlTextFn = textType('longtext');

/**
 * Builder type of `mysqlEnum(values)`.
 *
 * @example
 * type B = MySqlEnumBuilder<['a', 'b']>;
 */
export type MySqlEnumBuilder<TEnum extends readonly string[]> = MySqlStringBuilder<
  MySqlStringConfig<'MySqlEnumColumn', TEnum>
>;

/** Type state of `mysqlEnum(enumObject)` (a TypeScript enum or a record of strings). */
export interface MySqlEnumObjectConfig<E extends Record<string, string>> {
  dataType: 'string';
  columnType: 'MySqlEnumObjectColumn';
  data: E[keyof E];
  driverParam: string;
  enumValues: string[];
}

/** Builder type of `mysqlEnum(enumObject)`. */
export type MySqlEnumObjectBuilder<E extends Record<string, string>> = MySqlStringBuilder<MySqlEnumObjectConfig<E>>;

type NonArray<T> = T extends readonly unknown[] ? never : T;

/**
 * An ENUM column: one of `values` (or of a TypeScript string enum's values).
 *
 * @example
 * const t = mysqlTable('t', { mood: mysqlEnum('mood', ['sad', 'ok', 'happy']).default('ok') });
 */
export function mysqlEnum<const TEnum extends readonly [string, ...string[]]>(values: TEnum): MySqlEnumBuilder<TEnum>;
export function mysqlEnum<const TEnum extends readonly [string, ...string[]]>(
  name: string,
  values: TEnum,
): MySqlEnumBuilder<TEnum>;
export function mysqlEnum<E extends Record<string, string>>(enumObj: NonArray<E>): MySqlEnumObjectBuilder<E>;
export function mysqlEnum<E extends Record<string, string>>(
  name: string,
  enumObj: NonArray<E>,
): MySqlEnumObjectBuilder<E>;
export function mysqlEnum(a: unknown, b?: unknown): unknown {
  const name = typeof a === 'string' ? a : '';
  const source = typeof a === 'string' ? b : a;
  const values = Array.isArray(source)
    ? (source as string[])
    : source && typeof source === 'object'
      ? (Object.values(source) as string[])
      : [];
  if (values.length === 0) throw new MizzleError('invalid', `You have an empty array for "${name}" enum values`);
  const sqlType = `enum(${values.map((v) => `'${v}'`).join(',')})`;
  const columnType = Array.isArray(source) ? 'MySqlEnumColumn' : 'MySqlEnumObjectColumn';
  return stringBuilder(name, columnType, sqlType, undefined, values);
}
