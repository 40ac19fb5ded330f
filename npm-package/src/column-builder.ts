/**
 * The dialect-neutral part of column builders: the chainable methods whose
 * effect is the same everywhere (`notNull`, `default`, `$defaultFn`, ...).
 * Each method mutates the builder's run-time config and returns `this` with a
 * narrower type, so the table can later turn the builder's type into a
 * column's type with {@link MakeColumnConfig}.
 */
import type { ColumnDataType, ColumnGeneratedType, ColumnRuntimeConfig } from './column.js';
import type { SQLWrapper } from './sql.js';

/**
 * The type-level state of a builder before any chained call.
 *
 * @example
 * type B = ColumnBuilderBaseConfig & { data: number };
 */
export interface ColumnBuilderBaseConfig {
  dataType: ColumnDataType;
  columnType: string;
  data: unknown;
  driverParam: unknown;
  enumValues: readonly string[] | undefined;
}

/** Anything with a builder's type-level state (the constraint tables use). */
export interface ColumnBuilderBase<T extends ColumnBuilderBaseConfig = ColumnBuilderBaseConfig> {
  readonly _: T;
}

/** `.notNull()` applied to builder `B`. */
export type NotNull<B> = B & { readonly _: { notNull: true } };
/** `.default()` (or any other default) applied to builder `B`. */
export type HasDefault<B> = B & { readonly _: { hasDefault: true } };
/** `$defaultFn` applied to builder `B`. */
export type HasRuntimeDefault<B> = B & { readonly _: { hasRuntimeDefault: true } };
/** `.primaryKey()` applied to builder `B`. */
export type IsPrimaryKey<B> = B & { readonly _: { isPrimaryKey: true; notNull: true } };
/** `.$type<T>()` applied to builder `B`: overrides the data type. */
export type $Type<B, TType> = B & { readonly _: { $type: TType } };
/** `.generatedAlwaysAs()` applied to builder `B`. */
export type HasGenerated<B, TGenerated extends ColumnGeneratedType> = B & {
  readonly _: { hasDefault: true; generated: TGenerated };
};

/**
 * The data type a builder's values have: `$type<T>()` wins over the mode's.
 *
 * @example
 * type D = BuilderData<typeof b>; // e.g. Date
 */
export type BuilderData<B extends ColumnBuilderBase> = B['_'] extends { $type: infer U } ? U : B['_']['data'];

/**
 * Turns a builder's type-level state into a column's, once the table name is
 * known.
 *
 * @example
 * type C = MakeColumnConfig<(typeof b)['_'], 'users'>;
 */
export type MakeColumnConfig<TBuilder extends ColumnBuilderBaseConfig, TTableName extends string> = {
  name: string;
  tableName: TTableName;
  dataType: TBuilder['dataType'];
  columnType: TBuilder['columnType'];
  data: TBuilder extends { $type: infer U } ? U : TBuilder['data'];
  driverParam: TBuilder['driverParam'];
  notNull: TBuilder extends { notNull: true } ? true : false;
  hasDefault: TBuilder extends { hasDefault: true } ? true : false;
  isPrimaryKey: TBuilder extends { isPrimaryKey: true } ? true : false;
  isAutoincrement: TBuilder extends { isAutoincrement: true } ? true : false;
  hasRuntimeDefault: TBuilder extends { hasRuntimeDefault: true } ? true : false;
  enumValues: TBuilder['enumValues'];
  generated: TBuilder extends { generated: infer G extends ColumnGeneratedType } ? G : undefined;
} & {};

/**
 * The fresh run-time state of a builder; each column function fixes the data
 * type tags, codec and SQL type of its mode here.
 *
 * @example
 * new SQLiteRealBuilder(initialRuntimeConfig('', 'number', 'SQLiteReal', Codec.number, 'real'));
 */
export function initialRuntimeConfig(
  name: string,
  dataType: ColumnDataType,
  columnType: string,
  codec: number,
  sqlType: string,
): ColumnRuntimeConfig {
  return {
    name,
    keyAsName: name === '',
    notNull: false,
    hasDefault: false,
    primaryKey: false,
    // Set to false by the builders of the column types that can auto-increment.
    autoIncrement: undefined,
    isUnique: false,
    uniqueName: undefined,
    default: undefined,
    defaultFn: undefined,
    onUpdateFn: undefined,
    codec,
    sqlType,
    enumValues: undefined,
    length: undefined,
    dataType,
    columnType,
    references: [],
    generated: undefined,
    toDriver: undefined,
    fromDriver: undefined,
  };
}

/**
 * Base of all column builders.
 *
 * @example
 * integer('age').notNull().default(18)
 */
export abstract class ColumnBuilder<T extends ColumnBuilderBaseConfig = ColumnBuilderBaseConfig>
  implements ColumnBuilderBase<T>
{
  /** Type-level state; no run-time value. */
  declare readonly _: T;

  /** @internal The state the table copies into the built column. */
  readonly config: ColumnRuntimeConfig;

  constructor(config: ColumnRuntimeConfig) {
    this.config = config;
  }

  /**
   * Overrides the column's TS data type (JSON shapes, branded ids).
   *
   * @example
   * text({ mode: 'json' }).$type<{ tags: string[] }>()
   */
  $type<TType>(): $Type<this, TType> {
    return this as $Type<this, TType>;
  }

  /**
   * Adds NOT NULL: the select type loses `| null`.
   *
   * @example
   * text('email').notNull()
   */
  notNull(): NotNull<this> {
    this.config.notNull = true;
    return this as NotNull<this>;
  }

  /**
   * Adds a SQL DEFAULT (a literal or a `sql` fragment): optional on insert.
   *
   * @example
   * integer('count').default(0)
   */
  default(value: BuilderData<this> | SQLWrapper): HasDefault<this> {
    this.config.default = value;
    this.config.hasDefault = true;
    return this as HasDefault<this>;
  }

  /**
   * A default computed in JS for each inserted row: optional on insert.
   *
   * @example
   * text('id').$defaultFn(() => crypto.randomUUID())
   */
  $defaultFn(fn: () => BuilderData<this> | SQLWrapper): HasRuntimeDefault<HasDefault<this>> {
    this.config.defaultFn = fn;
    this.config.hasDefault = true;
    return this as HasRuntimeDefault<HasDefault<this>>;
  }

  /**
   * Alias of {@link $defaultFn}.
   *
   * @example
   * integer('created').$default(() => Date.now())
   */
  $default(fn: () => BuilderData<this> | SQLWrapper): HasRuntimeDefault<HasDefault<this>> {
    return this.$defaultFn(fn);
  }

  /**
   * A value computed in JS on every update that does not set the column (and
   * on insert when there is no other default): optional on insert.
   *
   * @example
   * integer('updated_at', { mode: 'timestamp' }).$onUpdateFn(() => new Date())
   */
  $onUpdateFn(fn: () => BuilderData<this> | SQLWrapper): HasDefault<this> {
    this.config.onUpdateFn = fn;
    this.config.hasDefault = true;
    return this as HasDefault<this>;
  }

  /**
   * Alias of {@link $onUpdateFn}.
   *
   * @example
   * integer('version').$onUpdate(() => sql`version + 1`)
   */
  $onUpdate(fn: () => BuilderData<this> | SQLWrapper): HasDefault<this> {
    return this.$onUpdateFn(fn);
  }

  /**
   * Makes the column the PRIMARY KEY (and NOT NULL).
   *
   * @example
   * text('id').primaryKey()
   */
  primaryKey(): IsPrimaryKey<NotNull<this>> {
    this.config.primaryKey = true;
    this.config.notNull = true;
    return this as IsPrimaryKey<NotNull<this>>;
  }
}
