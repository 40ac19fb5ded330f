/**
 * String columns: `text`, `varchar`, `char` (each optionally narrowed to an
 * enum's union, without a database enum) and `uuid`.
 */
import { initialRuntimeConfig, type HasDefault } from '../../column-builder.js';
import { Codec } from '../../column-codec.js';
import { sql } from '../../sql.js';
import { PgColumnBuilder } from './common.js';
import { nameAndConfig } from '../../sqlite-core/columns/name-and-config.js';

// Drizzle types enum members as a mutable tuple; `as const` arrays are readonly.
type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** Type state of a string column named `TColumnType` narrowed to `TEnum`. */
export interface PgStringConfig<TColumnType extends string, TEnum extends readonly string[] = [string, ...string[]]> {
  dataType: 'string';
  columnType: TColumnType;
  data: TEnum[number];
  driverParam: string;
  enumValues: Writable<TEnum>;
}

/** Builder of the string columns. */
export class PgStringBuilder<
  T extends PgStringConfig<string, readonly string[]> = PgStringConfig<string>,
> extends PgColumnBuilder<T> {}

/** Options of `text()`. */
export interface PgTextConfig<TEnum extends readonly string[] = readonly string[]> {
  enum?: TEnum;
}

/** Options of `varchar()` / `char()`. */
export interface PgVarcharConfig<TEnum extends readonly string[] = readonly string[]> {
  enum?: TEnum;
  length?: number;
}

function stringBuilder(name: string, columnType: string, sqlType: string, config: PgVarcharConfig | undefined) {
  const rc = initialRuntimeConfig(name, 'string', columnType, Codec.text, sqlType);
  rc.length = config?.length;
  rc.enumValues = config?.enum ? [...config.enum] : undefined;
  return new PgStringBuilder(rc);
}

/**
 * `text`.
 *
 * @example
 * role: text({ enum: ['admin', 'user'] }).notNull()
 */
export function text(): PgStringBuilder<PgStringConfig<'PgText'>>;
export function text<const TEnum extends readonly string[] = [string, ...string[]]>(
  config?: PgTextConfig<TEnum>,
): PgStringBuilder<PgStringConfig<'PgText', TEnum>>;
export function text<const TEnum extends readonly string[] = [string, ...string[]]>(
  name: string,
  config?: PgTextConfig<TEnum>,
): PgStringBuilder<PgStringConfig<'PgText', TEnum>>;
export function text(a?: string | PgTextConfig, b?: PgTextConfig): unknown {
  const { name, config } = nameAndConfig(a, b);
  return stringBuilder(name, 'PgText', 'text', config);
}

/**
 * `varchar` / `varchar(n)`.
 *
 * @example
 * email: varchar({ length: 320 }).notNull()
 */
export function varchar(): PgStringBuilder<PgStringConfig<'PgVarchar'>>;
export function varchar<const TEnum extends readonly string[] = [string, ...string[]]>(
  config?: PgVarcharConfig<TEnum>,
): PgStringBuilder<PgStringConfig<'PgVarchar', TEnum>>;
export function varchar<const TEnum extends readonly string[] = [string, ...string[]]>(
  name: string,
  config?: PgVarcharConfig<TEnum>,
): PgStringBuilder<PgStringConfig<'PgVarchar', TEnum>>;
export function varchar(a?: string | PgVarcharConfig, b?: PgVarcharConfig): unknown {
  const { name, config } = nameAndConfig(a, b);
  return stringBuilder(
    name,
    'PgVarchar',
    config?.length === undefined ? 'varchar' : `varchar(${config.length})`,
    config,
  );
}

/**
 * `char` / `char(n)` (PostgreSQL pads to the length).
 *
 * @example
 * code: char({ length: 2 })
 */
export function char(): PgStringBuilder<PgStringConfig<'PgChar'>>;
export function char<const TEnum extends readonly string[] = [string, ...string[]]>(
  config?: PgVarcharConfig<TEnum>,
): PgStringBuilder<PgStringConfig<'PgChar', TEnum>>;
export function char<const TEnum extends readonly string[] = [string, ...string[]]>(
  name: string,
  config?: PgVarcharConfig<TEnum>,
): PgStringBuilder<PgStringConfig<'PgChar', TEnum>>;
export function char(a?: string | PgVarcharConfig, b?: PgVarcharConfig): unknown {
  const { name, config } = nameAndConfig(a, b);
  return stringBuilder(name, 'PgChar', config?.length === undefined ? 'char' : `char(${config.length})`, config);
}

/** Type state of `uuid()`. */
export interface PgUUIDConfig {
  dataType: 'string';
  columnType: 'PgUUID';
  data: string;
  driverParam: string;
  enumValues: undefined;
}

/**
 * Builder of `uuid()`; adds `defaultRandom()`.
 *
 * @example
 * id: uuid().primaryKey().defaultRandom()
 */
export class PgUUIDBuilder<T extends PgUUIDConfig = PgUUIDConfig> extends PgColumnBuilder<T> {
  /**
   * `DEFAULT gen_random_uuid()`.
   *
   * @example
   * id: uuid().defaultRandom()
   */
  defaultRandom(): HasDefault<this> {
    return this.default(sql`gen_random_uuid()`);
  }
}

/**
 * `uuid`, read and written as its text form.
 *
 * @example
 * id: uuid().primaryKey().defaultRandom()
 */
export function uuid(name?: string): PgUUIDBuilder {
  return new PgUUIDBuilder(initialRuntimeConfig(name ?? '', 'string', 'PgUUID', Codec.text, 'uuid'));
}
