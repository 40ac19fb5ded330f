/**
 * `integer()` / `int()`: SQLite INTEGER in four modes. `number` is the plain
 * value; `boolean` stores 0/1; `timestamp` stores Unix seconds and
 * `timestamp_ms` Unix milliseconds, both read back as `Date`.
 */
import type { HasDefault, IsPrimaryKey, NotNull } from '../../column-builder.js';
import { initialRuntimeConfig } from '../../column-builder.js';
import type { ColumnRuntimeConfig } from '../../column.js';
import { Codec } from '../../column-codec.js';
import { sql } from '../../sql.js';
import { SQLiteColumnBuilder } from './common.js';
import { nameAndConfig } from './name-and-config.js';

/** SQLite's ON CONFLICT clause of a column constraint. */
export type OnConflict = 'rollback' | 'abort' | 'fail' | 'ignore' | 'replace';

/**
 * Options of an integer `primaryKey()`.
 *
 * @example
 * integer().primaryKey({ autoIncrement: true })
 */
export interface PrimaryKeyConfig {
  autoIncrement?: boolean;
  onConflict?: OnConflict;
}

/** Type state of `integer()` in `number` mode. */
export interface SQLiteIntegerConfig {
  dataType: 'number';
  columnType: 'SQLiteInteger';
  data: number;
  driverParam: number;
  enumValues: undefined;
}

/** Type state of `integer({ mode: 'boolean' })`. */
export interface SQLiteBooleanConfig {
  dataType: 'boolean';
  columnType: 'SQLiteBoolean';
  data: boolean;
  driverParam: number;
  enumValues: undefined;
}

/** Type state of `integer({ mode: 'timestamp' | 'timestamp_ms' })`. */
export interface SQLiteTimestampConfig {
  dataType: 'date';
  columnType: 'SQLiteTimestamp';
  data: Date;
  driverParam: number;
  enumValues: undefined;
}

/**
 * Builder of every integer mode. Its `primaryKey()` also marks the column as
 * having a default: an INTEGER PRIMARY KEY is SQLite's rowid, filled when
 * omitted, so it is optional on insert.
 *
 * @example
 * integer('id').primaryKey({ autoIncrement: true })
 */
export class SQLiteIntegerBuilder<
  T extends SQLiteIntegerConfig | SQLiteBooleanConfig | SQLiteTimestampConfig = SQLiteIntegerConfig,
> extends SQLiteColumnBuilder<T> {
  constructor(config: ColumnRuntimeConfig) {
    super(config);
    // As drizzle's: only integer columns have `autoIncrement`, false until `primaryKey({ autoIncrement: true })`.
    config.autoIncrement ??= false;
  }

  /**
   * PRIMARY KEY, optionally AUTOINCREMENT; optional on insert.
   *
   * @example
   * id: integer().primaryKey()
   */
  override primaryKey(config?: PrimaryKeyConfig): IsPrimaryKey<HasDefault<NotNull<this>>> {
    if (config?.autoIncrement) this.config.autoIncrement = true;
    this.config.hasDefault = true;
    super.primaryKey();
    return this as IsPrimaryKey<HasDefault<NotNull<this>>>;
  }
}

/**
 * Builder of the timestamp modes; adds drizzle's deprecated `defaultNow()`.
 *
 * @example
 * integer('at', { mode: 'timestamp_ms' }).defaultNow()
 */
export class SQLiteTimestampBuilder<
  T extends SQLiteTimestampConfig = SQLiteTimestampConfig,
> extends SQLiteIntegerBuilder<T> {
  /**
   * @deprecated Use `default(sql\`...\`)` with your own expression. Kept for
   * drizzle parity: the default is the epoch in MILLISECONDS whatever the mode.
   *
   * @example
   * integer('created_at', { mode: 'timestamp_ms' }).defaultNow()
   */
  defaultNow(): HasDefault<this> {
    return this.default(sql`(cast((julianday('now') - 2440587.5)*86400000 as integer))`);
  }
}

/** The modes of `integer()`. */
export type IntegerMode = 'number' | 'boolean' | 'timestamp' | 'timestamp_ms';

/**
 * The second argument of `integer()`.
 *
 * @example
 * integer('flag', { mode: 'boolean' })
 */
export interface IntegerConfig<TMode extends IntegerMode = IntegerMode> {
  mode: TMode;
}

/** The builder type `integer()` returns for a mode. */
export type SQLiteIntegerBuilderFor<TMode extends IntegerMode> = TMode extends 'boolean'
  ? SQLiteIntegerBuilder<SQLiteBooleanConfig>
  : TMode extends 'timestamp' | 'timestamp_ms'
    ? SQLiteTimestampBuilder<SQLiteTimestampConfig>
    : SQLiteIntegerBuilder<SQLiteIntegerConfig>;

/**
 * An INTEGER column.
 *
 * @example
 * const t = sqliteTable('t', {
 *   id: integer().primaryKey({ autoIncrement: true }),
 *   done: integer({ mode: 'boolean' }).notNull().default(false),
 *   at: integer('at', { mode: 'timestamp' }),
 * });
 */
export function integer(): SQLiteIntegerBuilder<SQLiteIntegerConfig>;
export function integer<TMode extends IntegerMode = 'number'>(
  config?: IntegerConfig<TMode>,
): SQLiteIntegerBuilderFor<TMode>;
export function integer<TMode extends IntegerMode = 'number'>(
  name: string,
  config?: IntegerConfig<TMode>,
): SQLiteIntegerBuilderFor<TMode>;
export function integer(a?: string | IntegerConfig, b?: IntegerConfig): unknown {
  const { name, config } = nameAndConfig(a, b);
  switch (config?.mode) {
    case 'boolean':
      return new SQLiteIntegerBuilder(initialRuntimeConfig(name, 'boolean', 'SQLiteBoolean', Codec.boolean, 'integer'));
    case 'timestamp':
      return new SQLiteTimestampBuilder(
        initialRuntimeConfig(name, 'date', 'SQLiteTimestamp', Codec.timestamp, 'integer'),
      );
    case 'timestamp_ms':
      return new SQLiteTimestampBuilder(
        initialRuntimeConfig(name, 'date', 'SQLiteTimestamp', Codec.timestampMs, 'integer'),
      );
    default:
      return new SQLiteIntegerBuilder(initialRuntimeConfig(name, 'number', 'SQLiteInteger', Codec.number, 'integer'));
  }
}

/**
 * Alias of {@link integer}.
 *
 * @example
 * id: int().primaryKey()
 */
export const int = integer;
