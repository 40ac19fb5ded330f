/**
 * `pgEnum(name, values)`: a PostgreSQL enum type and the column function of
 * that type. The column's data is the union of the values; the driver hands
 * enum values as strings.
 */
import { initialRuntimeConfig } from '../../column-builder.js';
import { Codec } from '../../column-codec.js';
import { PgColumnBuilder } from './common.js';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

const isPgEnumSym: unique symbol = Symbol.for('drizzle:isPgEnum');

/** Type state of a column of enum `TValues`. */
export interface PgEnumColumnConfig<TValues extends readonly string[]> {
  dataType: 'string';
  columnType: 'PgEnumColumn';
  data: TValues[number];
  driverParam: string;
  enumValues: TValues;
}

/** Type state of a column of an object-form enum `E`. */
export interface PgEnumObjectColumnConfig<E extends Record<string, string>> {
  dataType: 'string';
  columnType: 'PgEnumObjectColumn';
  data: E[keyof E];
  driverParam: string;
  enumValues: string[];
}

/** Builder of enum columns. */
export class PgEnumColumnBuilder<
  T extends
    | PgEnumColumnConfig<readonly string[]>
    | PgEnumObjectColumnConfig<Record<string, string>> = PgEnumColumnConfig<[string, ...string[]]>,
> extends PgColumnBuilder<T> {}

/**
 * An enum type; call it to declare a column of the type.
 *
 * @example
 * export const mood = pgEnum('mood', ['sad', 'ok', 'happy']);
 * const users = pgTable('users', { mood: mood().notNull() });
 */
export interface PgEnum<TValues extends [string, ...string[]]> {
  (name?: string): PgEnumColumnBuilder<PgEnumColumnConfig<TValues>>;
  readonly enumName: string;
  readonly enumValues: TValues;
  readonly schema: string | undefined;
  readonly [isPgEnumSym]: true;
}

/** An enum declared from an object (`pgEnum('role', { Admin: 'admin' })`). */
export interface PgEnumObject<E extends Record<string, string>> {
  (name?: string): PgEnumColumnBuilder<PgEnumObjectColumnConfig<E>>;
  readonly enumName: string;
  readonly enumValues: string[];
  readonly schema: string | undefined;
  readonly [isPgEnumSym]: true;
}

/**
 * Whether `obj` is a `pgEnum`.
 *
 * @example
 * isPgEnum(mood); // true
 */
export function isPgEnum(obj: unknown): obj is PgEnum<[string, ...string[]]> {
  return typeof obj === 'function' && isPgEnumSym in obj && (obj as { [isPgEnumSym]: unknown })[isPgEnumSym] === true;
}

/**
 * Declares an enum type from its values (an array, or an object whose values
 * are the labels).
 *
 * @example
 * const status = pgEnum('status', ['draft', 'published']);
 */
export function pgEnum<U extends string, T extends Readonly<[U, ...U[]]>>(
  enumName: string,
  values: T | Writable<T>,
): PgEnum<Writable<T>>;
export function pgEnum<const E extends Record<string, string>>(enumName: string, enumObj: E): PgEnumObject<E>;
export function pgEnum(enumName: string, input: readonly string[] | Record<string, string>): unknown {
  return pgEnumWithSchema(enumName, input as never, undefined);
}

/**
 * `pgEnum` inside a schema (what `pgSchema(...).enum` calls).
 *
 * @example
 * const mood = pgEnumWithSchema('mood', ['sad', 'happy'], 'app');
 */
export function pgEnumWithSchema<U extends string, T extends Readonly<[U, ...U[]]>>(
  enumName: string,
  values: T | Writable<T>,
  schema: string | undefined,
): PgEnum<Writable<T>>;
export function pgEnumWithSchema<const E extends Record<string, string>>(
  enumName: string,
  enumObj: E,
  schema: string | undefined,
): PgEnumObject<E>;
export function pgEnumWithSchema(
  enumName: string,
  input: readonly string[] | Record<string, string>,
  schema: string | undefined,
): unknown {
  const isArray = Array.isArray(input);
  const values: string[] = isArray ? [...input] : Object.values(input);
  const columnType = isArray ? 'PgEnumColumn' : 'PgEnumObjectColumn';
  const instance: object = Object.assign(
    (name?: string) => {
      const rc = initialRuntimeConfig(name ?? '', 'string', columnType, Codec.text, enumName);
      rc.enumValues = values.slice();
      const builder = new PgEnumColumnBuilder(rc);
      builder.extra.enum = instance;
      return builder;
    },
    { enumName, enumValues: values, schema, [isPgEnumSym]: true as const },
  );
  return instance;
}
