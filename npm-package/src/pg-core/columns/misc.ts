/**
 * `boolean`, `json` and `jsonb`. The driver hands booleans as booleans and
 * JSON documents already parsed; JSON values are bound as `JSON.stringify`
 * text (so a JS string is stored as a JSON string, as in drizzle).
 */
import { initialRuntimeConfig } from '../../column-builder.js';
import { Codec } from '../../column-codec.js';
import { PgColumnBuilder } from './common.js';

/** Type state of `boolean()`. */
export interface PgBooleanConfig {
  dataType: 'boolean';
  columnType: 'PgBoolean';
  data: boolean;
  driverParam: boolean;
  enumValues: undefined;
}

/** Builder of `boolean()`. */
export class PgBooleanBuilder<T extends PgBooleanConfig = PgBooleanConfig> extends PgColumnBuilder<T> {}

/**
 * `boolean`.
 *
 * @example
 * active: boolean().notNull().default(true)
 */
export function boolean(name?: string): PgBooleanBuilder {
  return new PgBooleanBuilder(initialRuntimeConfig(name ?? '', 'boolean', 'PgBoolean', Codec.boolean, 'boolean'));
}

/** Type state of `json()` / `jsonb()`; type the data with `.$type<T>()`. */
export interface PgJsonConfig<TColumnType extends 'PgJson' | 'PgJsonb' = 'PgJson' | 'PgJsonb'> {
  dataType: 'json';
  columnType: TColumnType;
  data: unknown;
  driverParam: unknown;
  enumValues: undefined;
}

/** Builder of `json()` / `jsonb()`. */
export class PgJsonBuilder<T extends PgJsonConfig = PgJsonConfig> extends PgColumnBuilder<T> {}

function jsonBuilder(name: string, columnType: 'PgJson' | 'PgJsonb', sqlType: string) {
  // Bound as JSON text by encodeForColumn (column-codec.ts), which names the column when JSON cannot hold a value.
  return new PgJsonBuilder(initialRuntimeConfig(name, 'json', columnType, Codec.jsonValue, sqlType));
}

/**
 * `json`.
 *
 * @example
 * meta: json().$type<{ tags: string[] }>()
 */
export function json(name?: string): PgJsonBuilder<PgJsonConfig<'PgJson'>> {
  return jsonBuilder(name ?? '', 'PgJson', 'json') as never;
}

/**
 * `jsonb`.
 *
 * @example
 * prefs: jsonb().$type<{ theme: 'dark' | 'light' }>().notNull()
 */
export function jsonb(name?: string): PgJsonBuilder<PgJsonConfig<'PgJsonb'>> {
  return jsonBuilder(name ?? '', 'PgJsonb', 'jsonb') as never;
}
