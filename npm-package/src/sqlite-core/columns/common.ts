/**
 * SQLite's column class and the builder methods that only SQLite-family
 * dialects have in this form (`references`, `unique`, `generatedAlwaysAs`),
 * plus the types that turn a columns object into built columns.
 */
import {
  ColumnBuilder,
  type BuilderData,
  type ColumnBuilderBase,
  type ColumnBuilderBaseConfig,
  type HasGenerated,
  type MakeColumnConfig,
} from '../../column-builder.js';
import { Column, type ColumnBaseConfig, type UpdateDeleteAction } from '../../column.js';
import type { SQLWrapper } from '../../sql.js';
import { getTableInfo, type Table } from '../../table.js';
import type { Update } from '../../type-utils.js';

/**
 * A column of a SQLite table.
 *
 * @example
 * function pick(col: SQLiteColumn) { return col.name; }
 */
export class SQLiteColumn<T extends ColumnBaseConfig = ColumnBaseConfig> extends Column<T> {
  static override readonly drizzleKind: string = 'SQLiteColumn';

  /** As drizzle's: `text(n)` for a text column given a length. */
  override getSQLType(): string {
    return this.length !== undefined && this.sqlType === 'text' ? `text(${this.length})` : this.sqlType;
  }
}

/** An integer column (the one kind drizzle-kit reads `autoIncrement` from). */
export class SQLiteBaseInteger<T extends ColumnBaseConfig = ColumnBaseConfig> extends SQLiteColumn<T> {
  static override readonly drizzleKind: string = 'SQLiteBaseInteger';
}

/**
 * A SQLite column with part of its type fixed; also the annotation drizzle
 * users put on self-references.
 *
 * @example
 * parentId: integer().references((): AnySQLiteColumn => categories.id)
 */
export type AnySQLiteColumn<TPartial extends Partial<ColumnBaseConfig> = {}> = SQLiteColumn<
  Required<Update<ColumnBaseConfig, TPartial>>
>;

/**
 * Actions of an inline foreign key.
 *
 * @example
 * integer().references(() => users.id, { onDelete: 'cascade' })
 */
export interface ReferenceConfig {
  onUpdate?: UpdateDeleteAction;
  onDelete?: UpdateDeleteAction;
}

/** Options of `generatedAlwaysAs`. */
export interface GeneratedConfig {
  mode?: 'virtual' | 'stored';
}

/**
 * Base of the SQLite column builders (`integer()`, `text()`, ...).
 *
 * @example
 * text('email').notNull().unique()
 */
export abstract class SQLiteColumnBuilder<
  T extends ColumnBuilderBaseConfig = ColumnBuilderBaseConfig,
> extends ColumnBuilder<T> {
  /**
   * Adds an inline foreign key to another table's column. The thunk lets the
   * target table be declared later (or be this very table).
   *
   * @example
   * authorId: integer().references(() => users.id, { onDelete: 'cascade' })
   */
  references(ref: () => SQLiteColumn, actions: ReferenceConfig = {}): this {
    this.config.references.push({ ref, onDelete: actions.onDelete, onUpdate: actions.onUpdate });
    return this;
  }

  /**
   * Adds a column-level UNIQUE constraint, optionally named.
   *
   * @example
   * text('email').unique('users_email_unique')
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
   * upper: text().generatedAlwaysAs(sql`upper(name)`, { mode: 'stored' })
   */
  generatedAlwaysAs(
    as: BuilderData<this> | SQLWrapper | (() => SQLWrapper),
    config?: GeneratedConfig,
  ): HasGenerated<this, { type: 'always' }> {
    this.config.generated = { as, type: 'always', mode: config?.mode ?? 'virtual' };
    this.config.hasDefault = true;
    return this as HasGenerated<this, { type: 'always' }>;
  }

  /**
   * @internal Builds the column for `table` under property `key`. The builder
   * is left untouched, so one builder may be spread into several tables.
   */
  build(table: Table, key: string): SQLiteColumn {
    const c = this.config;
    // drizzle names every column's would-be UNIQUE constraint (drizzle-kit reads it).
    const uniqueName = c.uniqueName ?? `${getTableInfo(table).name}_${c.name === '' ? key : c.name}_unique`;
    return new (c.autoIncrement === undefined ? SQLiteColumn : SQLiteBaseInteger)(table, key, { ...c, uniqueName });
  }
}

/** The constraint on values of a `sqliteTable` columns object. */
export type SQLiteColumnBuilderBase = ColumnBuilderBase;

/**
 * The column type a builder becomes in table `TTableName`.
 *
 * @example
 * type C = BuildColumn<'users', ReturnType<typeof integer>>;
 */
export type BuildColumn<TTableName extends string, TBuilder extends ColumnBuilderBase> = SQLiteColumn<
  MakeColumnConfig<TBuilder['_'], TTableName>
>;

/**
 * The columns record a columns object of builders becomes.
 *
 * @example
 * type Cols = BuildColumns<'users', { id: ReturnType<typeof integer> }>;
 */
export type BuildColumns<TTableName extends string, TColumnsMap extends Record<string, ColumnBuilderBase>> = {
  [K in keyof TColumnsMap]: BuildColumn<TTableName, TColumnsMap[K]>;
} & {};
