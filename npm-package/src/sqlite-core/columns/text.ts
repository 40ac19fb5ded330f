/**
 * `text()`: SQLite TEXT, either a string (optionally narrowed to an enum's
 * union) or JSON stored as text (`mode: 'json'`, typed with `$type<T>()`).
 */
import { initialRuntimeConfig } from '../../column-builder.js';
import { Codec } from '../../column-codec.js';
import { SQLiteColumnBuilder } from './common.js';
import { nameAndConfig } from './name-and-config.js';

// Drizzle types enum members as a mutable tuple; `as const` arrays are readonly.
type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Type state of `text()`; `TEnum` narrows the data to its members. Without an
 * enum it is `[string, ...string[]]`, so the data is `string` (drizzle's form).
 */
export interface SQLiteTextConfig<TEnum extends readonly string[] = [string, ...string[]]> {
  dataType: 'string';
  columnType: 'SQLiteText';
  data: TEnum[number];
  driverParam: string;
  enumValues: Writable<TEnum>;
}

/** Type state of `text({ mode: 'json' })`. */
export interface SQLiteTextJsonConfig {
  dataType: 'json';
  columnType: 'SQLiteTextJson';
  data: unknown;
  driverParam: string;
  enumValues: undefined;
}

/**
 * Builder of `text()` in both modes.
 *
 * @example
 * text('role', { enum: ['admin', 'user'] }).notNull()
 */
export class SQLiteTextBuilder<
  T extends SQLiteTextConfig<readonly string[]> | SQLiteTextJsonConfig = SQLiteTextConfig,
> extends SQLiteColumnBuilder<T> {}

/**
 * The options of `text()`.
 *
 * @example
 * text({ length: 256 })
 */
export interface TextConfig<
  TMode extends 'text' | 'json' = 'text' | 'json',
  TEnum extends readonly string[] = readonly string[],
> {
  mode?: TMode;
  enum?: TEnum;
  length?: number;
}

/** The builder type `text()` returns for a mode and enum. */
export type SQLiteTextBuilderFor<TMode extends 'text' | 'json', TEnum extends readonly string[]> = TMode extends 'json'
  ? SQLiteTextBuilder<SQLiteTextJsonConfig>
  : SQLiteTextBuilder<SQLiteTextConfig<TEnum>>;

/**
 * A TEXT column.
 *
 * @example
 * const t = sqliteTable('t', {
 *   name: text().notNull(),
 *   role: text({ enum: ['admin', 'user'] }).default('user'),
 *   prefs: text('prefs', { mode: 'json' }).$type<{ theme: string }>(),
 * });
 */
export function text(): SQLiteTextBuilder<SQLiteTextConfig>;
export function text<
  const TEnum extends readonly string[] = [string, ...string[]],
  TMode extends 'text' | 'json' = 'text',
>(config?: TextConfig<TMode, TEnum>): SQLiteTextBuilderFor<TMode, TEnum>;
export function text<
  const TEnum extends readonly string[] = [string, ...string[]],
  TMode extends 'text' | 'json' = 'text',
>(name: string, config?: TextConfig<TMode, TEnum>): SQLiteTextBuilderFor<TMode, TEnum>;
export function text(a?: string | TextConfig, b?: TextConfig): unknown {
  const { name, config } = nameAndConfig(a, b);
  if (config?.mode === 'json') {
    const rc = initialRuntimeConfig(name, 'json', 'SQLiteTextJson', Codec.json, 'text');
    rc.length = config.length;
    return new SQLiteTextBuilder(rc);
  }
  const rc = initialRuntimeConfig(name, 'string', 'SQLiteText', Codec.text, 'text');
  rc.length = config?.length;
  rc.enumValues = config?.enum ? [...config.enum] : undefined;
  return new SQLiteTextBuilder(rc);
}
