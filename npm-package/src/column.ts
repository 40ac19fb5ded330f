/**
 * The one runtime column class. Every column, whatever its builder or mode, is
 * a `Column` carrying plain data (name, constraints, codec, SQL type) plus the
 * JS <-> driver conversions; its type parameter records what TypeScript needs
 * (data type, nullability, defaults) and has no run-time presence.
 */
import { decodeCodec, encodeForColumn } from './column-codec.js';
import { Entity } from './kit-compat.js';
import { SQL, type SQLWrapper } from './sql.js';
import type { Table } from './table.js';

/**
 * Drizzle's coarse data-type tags, kept so code that switches on
 * `column.dataType` keeps working.
 */
export type ColumnDataType =
  | 'string'
  | 'number'
  | 'boolean'
  | 'date'
  | 'json'
  | 'bigint'
  | 'buffer'
  | 'custom'
  | 'array';

/** Referential actions of a foreign key. */
export type UpdateDeleteAction = 'cascade' | 'restrict' | 'no action' | 'set null' | 'set default';

/** Type-level marker of a generated column (`generatedAlwaysAs`). */
export interface ColumnGeneratedType {
  type: 'always';
}

/**
 * The type-level description of a built column. `Column<T>['_']` is this.
 *
 * @example
 * type Id = (typeof users.id)['_']['data']; // number
 */
export interface ColumnBaseConfig {
  name: string;
  tableName: string;
  dataType: ColumnDataType;
  columnType: string;
  data: unknown;
  driverParam: unknown;
  notNull: boolean;
  hasDefault: boolean;
  isPrimaryKey: boolean;
  isAutoincrement: boolean;
  hasRuntimeDefault: boolean;
  enumValues: readonly string[] | undefined;
  generated: ColumnGeneratedType | undefined;
}

/**
 * An inline `references(() => other.id, { onDelete })` of a column. `ref` is a
 * thunk because the referenced table may be declared later in the file.
 *
 * @example
 * const target = usersId.references[0]?.ref(); // the referenced Column
 */
export interface ColumnReference {
  ref: () => Column;
  onDelete?: UpdateDeleteAction;
  onUpdate?: UpdateDeleteAction;
}

/**
 * A generated column: `GENERATED ALWAYS AS (as) VIRTUAL|STORED`.
 *
 * @example
 * fullName: text().generatedAlwaysAs(sql`first || ' ' || last`, { mode: 'stored' })
 */
export interface GeneratedColumnConfig {
  as: unknown;
  type: 'always';
  mode: 'virtual' | 'stored';
}

/**
 * Everything a builder hands to {@link Column}'s constructor; it is the
 * builder's mutable state, copied so later builder calls cannot alter a column.
 */
export interface ColumnRuntimeConfig {
  name: string;
  keyAsName: boolean;
  notNull: boolean;
  hasDefault: boolean;
  primaryKey: boolean;
  /** undefined for column types that cannot auto-increment (drizzle has the property only on those that can). */
  autoIncrement: boolean | undefined;
  isUnique: boolean;
  uniqueName: string | undefined;
  default: unknown;
  defaultFn: (() => unknown) | undefined;
  onUpdateFn: (() => unknown) | undefined;
  codec: number;
  sqlType: string;
  enumValues: string[] | undefined;
  length: number | undefined;
  dataType: ColumnDataType;
  columnType: string;
  references: ColumnReference[];
  generated: GeneratedColumnConfig | undefined;
  /** customType's `toDriver`. */
  toDriver: ((value: unknown) => unknown) | undefined;
  /** customType's `fromDriver`. */
  fromDriver: ((value: unknown) => unknown) | undefined;
}

/**
 * A table column. Built by a table from a column builder; users reach it as
 * `users.id`. Data fields are read by the query builders, the decode-plan
 * interpreter and DDL generation.
 *
 * @example
 * users.id.name;            // 'id' (SQL name)
 * users.id.mapToDriverValue // JS value -> driver value
 */
export class Column<T extends ColumnBaseConfig = ColumnBaseConfig> extends Entity implements SQLWrapper {
  static override readonly drizzleKind: string = 'Column';
  /** Type-level configuration; no run-time value. */
  declare readonly _: T;

  /** SQL name. */
  readonly name: string;
  /** Property key in the table definition. */
  readonly keyName: string;
  /** True when no SQL name was given and the key is used (a `casing` option may rename it). */
  readonly keyAsName: boolean;
  /** The owning table (or the alias copy this column belongs to). */
  readonly table: Table;
  readonly notNull: boolean;
  /** True for `default`, `$defaultFn`, `$onUpdateFn`, integer primary keys and generated columns. */
  readonly hasDefault: boolean;
  readonly primary: boolean;
  readonly isUnique: boolean;
  /** Name of the column-level unique constraint, when one was given. */
  readonly uniqueName: string | undefined;
  /**
   * AUTOINCREMENT / AUTO_INCREMENT, as drizzle reports it: a boolean on SQLite
   * integer and MySQL numeric columns, undefined on every other column (all of
   * PostgreSQL's, whose serial and identity columns are their own types).
   */
  readonly autoIncrement: boolean | undefined;
  /** Literal default or SQL default (`.default(...)`). */
  readonly default: T['data'] | SQLWrapper | undefined;
  /** `$default` / `$defaultFn`: computed in JS at insert. */
  readonly defaultFn: (() => T['data'] | SQLWrapper) | undefined;
  /** `$onUpdate` / `$onUpdateFn`: computed in JS at update (and insert without a default). */
  readonly onUpdateFn: (() => T['data'] | SQLWrapper) | undefined;
  /** Decode-plan codec id (see `Codec`). */
  readonly codec: number;
  /** SQL type text: 'integer' | 'text' | 'real' | 'numeric' | 'blob' | a custom type. */
  readonly sqlType: string;
  readonly enumValues: T['enumValues'];
  /** `text({ length })`, informational in SQLite. */
  readonly length: number | undefined;
  readonly dataType: T['dataType'];
  /** Drizzle's column class name, e.g. 'SQLiteTimestamp'. */
  readonly columnType: T['columnType'];
  readonly references: readonly ColumnReference[];
  readonly generated: GeneratedColumnConfig | undefined;

  // customType's conversions; undefined for built-in types.
  private readonly toDriver: ((value: unknown) => unknown) | undefined;
  private readonly fromDriver: ((value: unknown) => unknown) | undefined;

  constructor(table: Table, keyName: string, config: ColumnRuntimeConfig) {
    super();
    this.table = table;
    this.keyName = keyName;
    this.name = config.name === '' ? keyName : config.name;
    this.keyAsName = config.keyAsName;
    this.notNull = config.notNull;
    this.hasDefault = config.hasDefault;
    this.primary = config.primaryKey;
    this.isUnique = config.isUnique;
    this.uniqueName = config.uniqueName;
    this.autoIncrement = config.autoIncrement;
    this.default = config.default as T['data'] | SQLWrapper | undefined;
    this.defaultFn = config.defaultFn as (() => T['data'] | SQLWrapper) | undefined;
    this.onUpdateFn = config.onUpdateFn as (() => T['data'] | SQLWrapper) | undefined;
    this.codec = config.codec;
    this.sqlType = config.sqlType;
    this.enumValues = config.enumValues?.slice() as T['enumValues'];
    this.length = config.length;
    this.dataType = config.dataType as T['dataType'];
    this.columnType = config.columnType as T['columnType'];
    this.references = config.references.slice();
    this.generated = config.generated;
    this.toDriver = config.toDriver;
    this.fromDriver = config.fromDriver;
  }

  /**
   * JS value -> driver value (Date -> seconds or ms, boolean -> 1/0, json ->
   * text, bigint blob -> bytes of its decimal text, custom -> `toDriver`).
   *
   * @example
   * users.createdAt.mapToDriverValue(new Date(1000)); // 1 (seconds mode)
   */
  mapToDriverValue(value: T['data']): unknown {
    if (this.toDriver !== undefined) return value === null || value === undefined ? value : this.toDriver(value);
    return encodeForColumn(this.columnType, this.codec, value, this.name);
  }

  /**
   * Driver value -> JS value, the inverse of {@link mapToDriverValue}.
   *
   * @example
   * users.isAdmin.mapFromDriverValue(1); // true
   */
  mapFromDriverValue(value: unknown): T['data'] {
    if (this.fromDriver !== undefined) {
      return (value === null || value === undefined ? value : this.fromDriver(value)) as T['data'];
    }
    return decodeCodec(this.codec, value) as T['data'];
  }

  /**
   * The SQL type text (drizzle's method form of {@link sqlType}).
   *
   * @example
   * users.id.getSQLType(); // 'integer'
   */
  getSQLType(): string {
    return this.sqlType;
  }

  /**
   * The column as a SQL fragment, so a column can stand wherever SQL can
   * (`sql\`${users.id}\``, comparisons between two columns).
   *
   * @example
   * users.id.getSQL(); // SQL containing the column
   */
  getSQL(): SQL<T['data']> {
    return new SQL<T['data']>([this]);
  }
}

/**
 * A column with some of its type configuration fixed, the rest left open: the
 * type to accept "any column whose data is a string", for example.
 *
 * @example
 * function lower(col: AnyColumn<{ data: string }>) {}
 */
export type AnyColumn<TPartial extends Partial<ColumnBaseConfig> = {}> = Column<
  Required<Omit<ColumnBaseConfig, keyof TPartial> & TPartial>
>;

/**
 * The JS type of a column's value. `'query'` adds `| null` for nullable
 * columns (what a select returns); `'raw'` is the bare data type.
 *
 * @example
 * type Name = GetColumnData<typeof users.name>; // string | null
 */
export type GetColumnData<
  TColumn extends Column,
  TInferMode extends 'query' | 'raw' = 'query',
> = TInferMode extends 'raw'
  ? TColumn['_']['data']
  : TColumn['_']['notNull'] extends true
    ? TColumn['_']['data']
    : TColumn['_']['data'] | null;
