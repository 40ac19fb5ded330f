/**
 * MySQL's temporal types. `datetime` and `timestamp` are Dates (sent as UTC
 * `YYYY-MM-DD HH:MM:SS.mmm`, read from MySQL's text as UTC, milliseconds
 * kept) or the MySQL text itself (`mode: 'string'`); `date` is a Date at UTC
 * midnight or `YYYY-MM-DD`; `time` is text and `year` a number.
 */
import { initialRuntimeConfig, type HasDefault } from '../../column-builder.js';
import { Codec } from '../../column-codec.js';
import { sql } from '../../sql.js';
import type { Equal } from '../../type-utils.js';
import { nameAndConfig } from '../../sqlite-core/columns/name-and-config.js';
import { MySqlColumnBuilder, mysqlExtra } from './common.js';
import { dateOnlyText, dateTimeText } from './conversions.js';

/** Fractional-seconds precision. */
export type DatetimeFsp = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Type state of a temporal column read as a Date. */
export interface MySqlDateConfig<TColumnType extends string = 'MySqlDateTime'> {
  dataType: 'date';
  columnType: TColumnType;
  data: Date;
  driverParam: string | number;
  enumValues: undefined;
}

/** Type state of a temporal column read as MySQL's text. */
export interface MySqlDateStringConfig<TColumnType extends string = 'MySqlDateTimeString'> {
  dataType: 'string';
  columnType: TColumnType;
  data: string;
  driverParam: string | number;
  enumValues: undefined;
}

/** Type state of `year()`. */
export interface MySqlYearConfig {
  dataType: 'number';
  columnType: 'MySqlYear';
  data: number;
  driverParam: number;
  enumValues: undefined;
}

/**
 * Builder of `datetime`, `date`, `time`, `year`.
 *
 * @example
 * datetime('at', { mode: 'string', fsp: 3 })
 */
export class MySqlTemporalBuilder<
  T extends MySqlDateConfig<string> | MySqlDateStringConfig<string> | MySqlYearConfig = MySqlDateConfig,
> extends MySqlColumnBuilder<T> {}

/**
 * Builder of `timestamp`, with `defaultNow()` and `onUpdateNow()`.
 *
 * @example
 * timestamp('updated_at').defaultNow().onUpdateNow()
 */
export class MySqlTimestampBuilder<
  T extends MySqlDateConfig<string> | MySqlDateStringConfig<string> = MySqlDateConfig<'MySqlTimestamp'>,
> extends MySqlColumnBuilder<T> {
  /**
   * `default (now())`: optional on insert.
   *
   * @example
   * createdAt: timestamp().notNull().defaultNow()
   */
  defaultNow(): HasDefault<this> {
    return this.default(sql`(now())`);
  }

  /**
   * `on update current_timestamp` in DDL (and an implicit default, as MySQL
   * gives one): optional on insert.
   *
   * @example
   * updatedAt: timestamp().onUpdateNow()
   */
  onUpdateNow(): HasDefault<this> {
    this.extra.hasOnUpdateNow = true;
    this.config.hasDefault = true;
    return this as HasDefault<this>;
  }
}

/**
 * The options of `datetime()` and `timestamp()`.
 *
 * @example
 * { mode: 'string', fsp: 6 }
 */
export interface MySqlDatetimeOptions<TMode extends 'date' | 'string' = 'date' | 'string'> {
  mode?: TMode;
  fsp?: DatetimeFsp;
}

/** The builder type `datetime()` returns for a mode. */
export type MySqlDatetimeBuilderFor<TMode> =
  Equal<TMode, 'string'> extends true
    ? MySqlTemporalBuilder<MySqlDateStringConfig<'MySqlDateTimeString'>>
    : MySqlTemporalBuilder<MySqlDateConfig<'MySqlDateTime'>>;

/** The builder type `timestamp()` returns for a mode. */
export type MySqlTimestampBuilderFor<TMode> =
  Equal<TMode, 'string'> extends true
    ? MySqlTimestampBuilder<MySqlDateStringConfig<'MySqlTimestampString'>>
    : MySqlTimestampBuilder<MySqlDateConfig<'MySqlTimestamp'>>;

function withFsp(base: string, fsp: number | undefined): string {
  return fsp === undefined ? base : `${base}(${fsp})`;
}

function dateTimeConfig(name: string, base: 'datetime' | 'timestamp', config: MySqlDatetimeOptions | undefined) {
  const sqlType = withFsp(base, config?.fsp);
  const kind = base === 'datetime' ? 'MySqlDateTime' : 'MySqlTimestamp';
  if (config?.mode === 'string')
    return initialRuntimeConfig(name, 'string', `${kind}String`, Codec.temporalText, sqlType);
  const rc = initialRuntimeConfig(name, 'date', kind, Codec.dateText, sqlType);
  rc.toDriver = dateTimeText;
  return rc;
}

/**
 * A DATETIME column.
 *
 * @example
 * const t = mysqlTable('t', { at: datetime({ fsp: 3 }).notNull(), raw: datetime('raw', { mode: 'string' }) });
 */
export function datetime(): MySqlTemporalBuilder<MySqlDateConfig<'MySqlDateTime'>>;
export function datetime<TMode extends 'date' | 'string'>(
  config?: MySqlDatetimeOptions<TMode>,
): MySqlDatetimeBuilderFor<TMode>;
export function datetime<TMode extends 'date' | 'string'>(
  name: string,
  config?: MySqlDatetimeOptions<TMode>,
): MySqlDatetimeBuilderFor<TMode>;
export function datetime(a?: string | MySqlDatetimeOptions, b?: MySqlDatetimeOptions): unknown {
  const { name, config } = nameAndConfig(a, b);
  return new MySqlTemporalBuilder(dateTimeConfig(name, 'datetime', config), mysqlExtra({ fsp: config?.fsp }));
}

/**
 * A TIMESTAMP column.
 *
 * @example
 * const t = mysqlTable('t', {
 *   createdAt: timestamp().notNull().defaultNow(),
 *   updatedAt: timestamp({ fsp: 3 }).onUpdateNow(),
 * });
 */
export function timestamp(): MySqlTimestampBuilder<MySqlDateConfig<'MySqlTimestamp'>>;
export function timestamp<TMode extends 'date' | 'string'>(
  config?: MySqlDatetimeOptions<TMode>,
): MySqlTimestampBuilderFor<TMode>;
export function timestamp<TMode extends 'date' | 'string'>(
  name: string,
  config?: MySqlDatetimeOptions<TMode>,
): MySqlTimestampBuilderFor<TMode>;
export function timestamp(a?: string | MySqlDatetimeOptions, b?: MySqlDatetimeOptions): unknown {
  const { name, config } = nameAndConfig(a, b);
  return new MySqlTimestampBuilder(dateTimeConfig(name, 'timestamp', config), mysqlExtra({ fsp: config?.fsp }));
}

/**
 * The options of `date()`.
 *
 * @example
 * date({ mode: 'string' })
 */
export interface MySqlDateOptions<TMode extends 'date' | 'string' = 'date' | 'string'> {
  mode?: TMode;
}

/** The builder type `date()` returns for a mode. */
export type MySqlDateBuilderFor<TMode> =
  Equal<TMode, 'string'> extends true
    ? MySqlTemporalBuilder<MySqlDateStringConfig<'MySqlDateString'>>
    : MySqlTemporalBuilder<MySqlDateConfig<'MySqlDate'>>;

/**
 * A DATE column: a Date at UTC midnight (sent as its UTC day), or
 * `YYYY-MM-DD` text.
 *
 * @example
 * const t = mysqlTable('t', { born: date().notNull(), day: date('day', { mode: 'string' }) });
 */
export function date(): MySqlTemporalBuilder<MySqlDateConfig<'MySqlDate'>>;
export function date<TMode extends 'date' | 'string'>(config?: MySqlDateOptions<TMode>): MySqlDateBuilderFor<TMode>;
export function date<TMode extends 'date' | 'string'>(
  name: string,
  config?: MySqlDateOptions<TMode>,
): MySqlDateBuilderFor<TMode>;
export function date(a?: string | MySqlDateOptions, b?: MySqlDateOptions): unknown {
  const { name, config } = nameAndConfig(a, b);
  if (config?.mode === 'string') {
    return new MySqlTemporalBuilder(
      initialRuntimeConfig(name, 'string', 'MySqlDateString', Codec.temporalText, 'date'),
    );
  }
  const rc = initialRuntimeConfig(name, 'date', 'MySqlDate', Codec.dateOnly, 'date');
  rc.toDriver = dateOnlyText;
  return new MySqlTemporalBuilder(rc);
}

/**
 * A TIME column, as MySQL's text (`'12:34:56'`, possibly negative or past 24h).
 *
 * @example
 * const t = mysqlTable('t', { opens: time({ fsp: 0 }) });
 */
export function time(): MySqlTemporalBuilder<MySqlDateStringConfig<'MySqlTime'>>;
export function time(config?: { fsp?: DatetimeFsp }): MySqlTemporalBuilder<MySqlDateStringConfig<'MySqlTime'>>;
export function time(
  name: string,
  config?: { fsp?: DatetimeFsp },
): MySqlTemporalBuilder<MySqlDateStringConfig<'MySqlTime'>>;
export function time(
  a?: string | { fsp?: DatetimeFsp },
  b?: { fsp?: DatetimeFsp },
): MySqlTemporalBuilder<MySqlDateStringConfig<'MySqlTime'>> {
  const { name, config } = nameAndConfig(a, b);
  return new MySqlTemporalBuilder(
    initialRuntimeConfig(name, 'string', 'MySqlTime', Codec.temporalText, withFsp('time', config?.fsp)),
    mysqlExtra({ fsp: config?.fsp }),
  );
}

/**
 * A YEAR column (a JS number).
 *
 * @example
 * const t = mysqlTable('t', { since: year() });
 */
export function year(name?: string): MySqlTemporalBuilder<MySqlYearConfig> {
  return new MySqlTemporalBuilder(initialRuntimeConfig(name ?? '', 'number', 'MySqlYear', Codec.number, 'year'));
}
