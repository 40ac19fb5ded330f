/**
 * MySQL's column class and builders: what every MySQL column shares
 * (`references`, `unique`, `generatedAlwaysAs`), the integer-family
 * `autoincrement()`, the MySQL-only column facts drizzle exposes (`unsigned`,
 * `fsp`, `precision`, `scale`, `hasOnUpdateNow`), and the types that turn a
 * columns object into built columns.
 */
import {
  ColumnBuilder,
  type BuilderData,
  type ColumnBuilderBase,
  type ColumnBuilderBaseConfig,
  type HasDefault,
  type HasGenerated,
  type MakeColumnConfig,
} from '../../column-builder.js';
import { Column, type ColumnBaseConfig, type ColumnRuntimeConfig, type UpdateDeleteAction } from '../../column.js';
import type { SQLWrapper } from '../../sql.js';
import { getTableInfo, type Table } from '../../table.js';
import type { Update } from '../../type-utils.js';

/**
 * The MySQL-only facts of a column (undefined where they do not apply).
 *
 * @example
 * users.id.unsigned; // true for int({ unsigned: true })
 */
export interface MySqlColumnExtra {
  unsigned: boolean | undefined;
  fsp: number | undefined;
  precision: number | undefined;
  scale: number | undefined;
  hasOnUpdateNow: true | undefined;
}

/**
 * A column of a MySQL table.
 *
 * @example
 * function pick(col: MySqlColumn) { return col.name; }
 */
export class MySqlColumn<T extends ColumnBaseConfig = ColumnBaseConfig> extends Column<T> {
  static override readonly drizzleKind: string = 'MySqlColumn';
  /** `unsigned` of the integer, decimal and floating-point types. */
  readonly unsigned: boolean | undefined;
  /** Fractional-seconds precision of `datetime`, `timestamp`, `time`. */
  readonly fsp: number | undefined;
  /** `decimal`, `double`, `float`, `real` precision. */
  readonly precision: number | undefined;
  /** `decimal`, `double`, `float`, `real` scale. */
  readonly scale: number | undefined;
  /** `timestamp().onUpdateNow()`: `on update current_timestamp` in DDL; undefined otherwise, as drizzle's. */
  readonly hasOnUpdateNow: true | undefined;

  constructor(table: Table, keyName: string, config: ColumnRuntimeConfig, extra: MySqlColumnExtra) {
    // As drizzle: every MySQL column knows the name its UNIQUE constraint would have.
    const uniqueName =
      config.uniqueName ?? `${getTableInfo(table).name}_${config.name === '' ? keyName : config.name}_unique`;
    super(table, keyName, { ...config, uniqueName });
    this.unsigned = extra.unsigned;
    this.fsp = extra.fsp;
    this.precision = extra.precision;
    this.scale = extra.scale;
    this.hasOnUpdateNow = extra.hasOnUpdateNow;
  }

  /**
   * drizzle's `textType` of the text family (undefined on other types): libraries size strings by it
   * (drizzle-zod's max length of `text()` is 65535, of `tinytext()` 255...). A getter: no own key.
   */
  get textType(): 'text' | 'tinytext' | 'mediumtext' | 'longtext' | undefined {
    return this.columnType === 'MySqlText' ? (this.sqlType as 'text') : undefined;
  }
}

/**
 * A MySQL column with part of its type fixed; also the annotation for
 * self-references.
 *
 * @example
 * parentId: int().references((): AnyMySqlColumn => categories.id)
 */
export type AnyMySqlColumn<TPartial extends Partial<ColumnBaseConfig> = {}> = MySqlColumn<
  Required<Update<ColumnBaseConfig, TPartial>>
>;

/**
 * Actions of an inline foreign key.
 *
 * @example
 * int().references(() => users.id, { onDelete: 'cascade' })
 */
export interface ReferenceConfig {
  onUpdate?: UpdateDeleteAction;
  onDelete?: UpdateDeleteAction;
}

/** Options of `generatedAlwaysAs`. */
export interface MySqlGeneratedColumnConfig {
  mode?: 'virtual' | 'stored';
}

/** `.autoincrement()` applied to builder `B`. */
export type IsAutoincrement<B> = B & { readonly _: { isAutoincrement: true } };

/** A fresh {@link MySqlColumnExtra}. */
export function mysqlExtra(extra: Partial<MySqlColumnExtra> = {}): MySqlColumnExtra {
  return {
    unsigned: extra.unsigned,
    fsp: extra.fsp,
    precision: extra.precision,
    scale: extra.scale,
    hasOnUpdateNow: extra.hasOnUpdateNow,
  };
}

/**
 * Base of the MySQL column builders (`int()`, `varchar()`, ...).
 *
 * @example
 * varchar('email', { length: 255 }).notNull().unique()
 */
export abstract class MySqlColumnBuilder<
  T extends ColumnBuilderBaseConfig = ColumnBuilderBaseConfig,
> extends ColumnBuilder<T> {
  /** @internal The MySQL-only facts the built column carries. */
  readonly extra: MySqlColumnExtra;

  constructor(config: ColumnRuntimeConfig, extra: MySqlColumnExtra = mysqlExtra()) {
    super(config);
    this.extra = extra;
  }

  /**
   * Adds an inline foreign key to another table's column. The thunk lets the
   * target table be declared later (or be this very table).
   *
   * @example
   * authorId: int().references(() => users.id, { onDelete: 'cascade' })
   */
  references(ref: () => MySqlColumn, actions: ReferenceConfig = {}): this {
    this.config.references.push({ ref, onDelete: actions.onDelete, onUpdate: actions.onUpdate });
    return this;
  }

  /**
   * Adds a column-level UNIQUE constraint, optionally named.
   *
   * @example
   * varchar('email', { length: 255 }).unique('users_email_unique')
   */
  unique(name?: string): this {
    this.config.isUnique = true;
    this.config.uniqueName = name;
    return this;
  }

  /**
   * Makes the column `GENERATED ALWAYS AS (expr)`; it disappears from the
   * insert type.
   *
   * @example
   * upper: varchar({ length: 255 }).generatedAlwaysAs(sql`upper(name)`, { mode: 'stored' })
   */
  generatedAlwaysAs(
    as: BuilderData<this> | SQLWrapper | (() => SQLWrapper),
    config?: MySqlGeneratedColumnConfig,
  ): HasGenerated<this, { type: 'always' }> {
    this.config.generated = { as, type: 'always', mode: config?.mode ?? 'virtual' };
    this.config.hasDefault = true;
    return this as HasGenerated<this, { type: 'always' }>;
  }

  /**
   * @internal Builds the column for `table` under property `key`. The builder
   * is left untouched, so one builder may be spread into several tables.
   */
  build(table: Table, key: string): MySqlColumn {
    return new MySqlColumn(table, key, this.config, this.extra);
  }
}

/**
 * Builders of the numeric types, which can be AUTO_INCREMENT.
 *
 * @example
 * int('id').primaryKey().autoincrement()
 */
export abstract class MySqlColumnBuilderWithAutoIncrement<
  T extends ColumnBuilderBaseConfig = ColumnBuilderBaseConfig,
> extends MySqlColumnBuilder<T> {
  constructor(config: ColumnRuntimeConfig, extra?: MySqlColumnExtra) {
    super(config, extra);
    // As drizzle's: only the numeric columns have `autoIncrement`, false until `autoincrement()` (serial: true).
    config.autoIncrement ??= false;
  }

  /**
   * AUTO_INCREMENT: the database fills the column, so it is optional on insert.
   *
   * @example
   * id: int().primaryKey().autoincrement()
   */
  autoincrement(): IsAutoincrement<HasDefault<this>> {
    this.config.autoIncrement = true;
    this.config.hasDefault = true;
    return this as IsAutoincrement<HasDefault<this>>;
  }
}

/** The constraint on values of a `mysqlTable` columns object. */
export type MySqlColumnBuilderBase = ColumnBuilderBase;

/**
 * The column type a builder becomes in table `TTableName`.
 *
 * @example
 * type C = BuildColumn<'users', ReturnType<typeof int>>;
 */
export type BuildColumn<TTableName extends string, TBuilder extends ColumnBuilderBase> = MySqlColumn<
  MakeColumnConfig<TBuilder['_'], TTableName>
>;

/**
 * The columns record a columns object of builders becomes.
 *
 * @example
 * type Cols = BuildColumns<'users', { id: ReturnType<typeof int> }>;
 */
export type BuildColumns<TTableName extends string, TColumnsMap extends Record<string, ColumnBuilderBase>> = {
  [K in keyof TColumnsMap]: BuildColumn<TTableName, TColumnsMap[K]>;
} & {};
