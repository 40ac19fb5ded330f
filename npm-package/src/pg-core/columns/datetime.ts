/**
 * Date/time columns: `timestamp`, `date`, `time`, `interval`.
 *
 * The driver hands these as PostgreSQL's text. `timestamp({ mode: 'date' })`
 * (the default) reads that text as a Date: with time zone the text carries
 * its offset; without, it is read as UTC, as drizzle appends `+0000`.
 * Dates are bound as `toISOString()` (drizzle's form; PostgreSQL ignores the
 * `Z` for `timestamp without time zone`, so the UTC wall clock is stored).
 * `infinity`, `-infinity` and BC timestamps read as an invalid Date, as
 * drizzle's `new Date(text)` does. `mode: 'string'` keeps the text as is in
 * both directions. `date({ mode: 'date' })` reads `YYYY-MM-DD` as UTC
 * midnight; `date()` is string mode. `time` and `interval` are strings.
 */
import { initialRuntimeConfig, type HasDefault } from '../../column-builder.js';
import { Codec } from '../../column-codec.js';
import { sql } from '../../sql.js';
import type { Equal } from '../../type-utils.js';
import { PgColumnBuilder } from './common.js';
import { nameAndConfig } from '../../sqlite-core/columns/name-and-config.js';

/** Fractional-second digits PostgreSQL keeps. */
export type Precision = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Type state of a Date-valued column named `TColumnType`. */
export interface PgDateValueConfig<TColumnType extends string> {
  dataType: 'date';
  columnType: TColumnType;
  data: Date;
  driverParam: string;
  enumValues: undefined;
}

/** Type state of a string-valued date/time column named `TColumnType`. */
export interface PgDateStringValueConfig<TColumnType extends string> {
  dataType: 'string';
  columnType: TColumnType;
  data: string;
  driverParam: string;
  enumValues: undefined;
}

/**
 * Builder of the date/time columns; adds `defaultNow()`.
 *
 * @example
 * createdAt: timestamp().notNull().defaultNow()
 */
export class PgDateColumnBuilder<
  T extends PgDateValueConfig<string> | PgDateStringValueConfig<string> = PgDateValueConfig<string>,
> extends PgColumnBuilder<T> {
  /**
   * `DEFAULT now()`.
   *
   * @example
   * updatedAt: timestamp({ withTimezone: true }).defaultNow()
   */
  defaultNow(): HasDefault<this> {
    return this.default(sql`now()`);
  }
}

/** Builder of `interval()` (no `defaultNow`). */
export class PgIntervalBuilder<
  T extends PgDateStringValueConfig<'PgInterval'> = PgDateStringValueConfig<'PgInterval'>,
> extends PgColumnBuilder<T> {}

/** Options of `timestamp()`. */
export interface PgTimestampConfig<TMode extends 'date' | 'string' = 'date' | 'string'> {
  mode?: TMode;
  precision?: Precision;
  withTimezone?: boolean;
}

/** The builder `timestamp()` returns for a mode. */
export type PgTimestampBuilderFor<TMode> =
  Equal<TMode, 'string'> extends true
    ? PgDateColumnBuilder<PgDateStringValueConfig<'PgTimestampString'>>
    : PgDateColumnBuilder<PgDateValueConfig<'PgTimestamp'>>;

const toISO = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

/**
 * `timestamp [(p)] [with time zone]`.
 *
 * @example
 * at: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow()
 * raw: timestamp({ mode: 'string' })
 */
export function timestamp(): PgDateColumnBuilder<PgDateValueConfig<'PgTimestamp'>>;
export function timestamp<TMode extends 'date' | 'string'>(
  config?: PgTimestampConfig<TMode>,
): PgTimestampBuilderFor<TMode>;
export function timestamp<TMode extends 'date' | 'string'>(
  name: string,
  config?: PgTimestampConfig<TMode>,
): PgTimestampBuilderFor<TMode>;
export function timestamp(a?: string | PgTimestampConfig, b?: PgTimestampConfig): unknown {
  const { name, config } = nameAndConfig(a, b);
  const tz = config?.withTimezone ?? false;
  const p = config?.precision;
  const suffix = tz ? ' with time zone' : '';
  let builder: PgDateColumnBuilder<PgDateValueConfig<string> | PgDateStringValueConfig<string>>;
  if (config?.mode === 'string') {
    // drizzle's two classes write the precision differently: `timestamp(3)` here, `timestamp (3)` below.
    const sqlType = `timestamp${p === undefined ? '' : `(${p})`}${suffix}`;
    builder = new PgDateColumnBuilder(
      initialRuntimeConfig(name, 'string', 'PgTimestampString', Codec.temporalText, sqlType),
    );
    builder.extra.mode = 'string';
  } else {
    const sqlType = `timestamp${p === undefined ? '' : ` (${p})`}${suffix}`;
    builder = new PgDateColumnBuilder(initialRuntimeConfig(name, 'date', 'PgTimestamp', Codec.dateText, sqlType));
    builder.config.toDriver = toISO;
    builder.extra.mode = 'date';
  }
  builder.extra.withTimezone = tz;
  builder.extra.precision = p;
  return builder;
}

/** Options of `date()`. */
export interface PgDateConfig<TMode extends 'date' | 'string' = 'date' | 'string'> {
  mode: TMode;
}

/** The builder `date()` returns for a mode. */
export type PgDateBuilderFor<TMode> =
  Equal<TMode, 'date'> extends true
    ? PgDateColumnBuilder<PgDateValueConfig<'PgDate'>>
    : PgDateColumnBuilder<PgDateStringValueConfig<'PgDateString'>>;

/**
 * `date`: a `YYYY-MM-DD` string, or a Date at UTC midnight with `mode: 'date'`.
 *
 * @example
 * birthday: date({ mode: 'date' })
 */
export function date(): PgDateColumnBuilder<PgDateStringValueConfig<'PgDateString'>>;
export function date<TMode extends 'date' | 'string'>(config?: PgDateConfig<TMode>): PgDateBuilderFor<TMode>;
export function date<TMode extends 'date' | 'string'>(
  name: string,
  config?: PgDateConfig<TMode>,
): PgDateBuilderFor<TMode>;
export function date(a?: string | PgDateConfig, b?: PgDateConfig): unknown {
  const { name, config } = nameAndConfig(a, b);
  if (config?.mode === 'date') {
    const builder = new PgDateColumnBuilder(initialRuntimeConfig(name, 'date', 'PgDate', Codec.dateOnly, 'date'));
    builder.config.toDriver = toISO;
    builder.extra.mode = 'date';
    return builder;
  }
  const builder = new PgDateColumnBuilder(
    initialRuntimeConfig(name, 'string', 'PgDateString', Codec.temporalText, 'date'),
  );
  builder.extra.mode = 'string';
  return builder;
}

/** Options of `time()`. */
export interface PgTimeConfig {
  precision?: Precision;
  withTimezone?: boolean;
}

/**
 * `time [(p)] [with time zone]`, as a string.
 *
 * @example
 * opensAt: time({ precision: 0 })
 */
export function time(): PgDateColumnBuilder<PgDateStringValueConfig<'PgTime'>>;
export function time(config?: PgTimeConfig): PgDateColumnBuilder<PgDateStringValueConfig<'PgTime'>>;
export function time(name: string, config?: PgTimeConfig): PgDateColumnBuilder<PgDateStringValueConfig<'PgTime'>>;
export function time(a?: string | PgTimeConfig, b?: PgTimeConfig): unknown {
  const { name, config } = nameAndConfig(a, b);
  const tz = config?.withTimezone ?? false;
  const p = config?.precision;
  const sqlType = `time${p === undefined ? '' : `(${p})`}${tz ? ' with time zone' : ''}`;
  const builder = new PgDateColumnBuilder(initialRuntimeConfig(name, 'string', 'PgTime', Codec.temporalText, sqlType));
  builder.extra.withTimezone = tz;
  builder.extra.precision = p;
  return builder;
}

/** The field restrictions of an interval. */
export type IntervalFields =
  | 'year'
  | 'month'
  | 'day'
  | 'hour'
  | 'minute'
  | 'second'
  | 'year to month'
  | 'day to hour'
  | 'day to minute'
  | 'day to second'
  | 'hour to minute'
  | 'hour to second'
  | 'minute to second';

/** Options of `interval()`. */
export interface PgIntervalConfig {
  fields?: IntervalFields;
  precision?: Precision;
}

/**
 * `interval [fields] [(p)]`, as PostgreSQL's text (`1 day 02:00:00`).
 *
 * @example
 * ttl: interval({ fields: 'day to second' })
 */
export function interval(): PgIntervalBuilder;
export function interval(config?: PgIntervalConfig): PgIntervalBuilder;
export function interval(name: string, config?: PgIntervalConfig): PgIntervalBuilder;
export function interval(a?: string | PgIntervalConfig, b?: PgIntervalConfig): unknown {
  const { name, config } = nameAndConfig(a, b);
  // drizzle writes no precision for 0 (it tests truthiness); kept.
  const fields = config?.fields ? ` ${config.fields}` : '';
  const sqlType = `interval${fields}${config?.precision ? `(${config.precision})` : ''}`;
  const builder = new PgIntervalBuilder(
    initialRuntimeConfig(name, 'string', 'PgInterval', Codec.temporalText, sqlType),
  );
  builder.extra.fields = config?.fields;
  builder.extra.precision = config?.precision;
  return builder;
}
