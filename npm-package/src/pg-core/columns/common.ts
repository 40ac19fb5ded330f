/**
 * PostgreSQL's column class and builder base: the PostgreSQL forms of
 * `references`, `unique` (with NULLS NOT DISTINCT), `generatedAlwaysAs`
 * (always STORED), and drizzle's `.array()`, plus the types that turn a
 * columns object into built columns.
 */
import {
  ColumnBuilder,
  type BuilderData,
  type ColumnBuilderBase,
  type ColumnBuilderBaseConfig,
  type HasGenerated,
  type MakeColumnConfig,
} from '../../column-builder.js';
import { Codec } from '../../column-codec.js';
import { Column, type ColumnBaseConfig, type ColumnRuntimeConfig, type UpdateDeleteAction } from '../../column.js';
import type { SQLWrapper } from '../../sql.js';
import { getTableInfo, type Table } from '../../table.js';
import type { Update } from '../../type-utils.js';
import { makePgArray, parsePgArray } from '../array.js';

/** Options of an identity column's sequence (`generatedAlwaysAsIdentity({ startWith: 10 })`). */
export interface PgSequenceOptions {
  increment?: number | string;
  minValue?: number | string;
  maxValue?: number | string;
  startWith?: number | string;
  cache?: number | string;
  cycle?: boolean;
}

/** An identity column's configuration (drizzle's `generatedIdentity`). */
export interface PgGeneratedIdentity {
  type: 'always' | 'byDefault';
  sequenceName?: string | undefined;
  sequenceOptions?: PgSequenceOptions | undefined;
}

/**
 * The PostgreSQL-only facts a column carries besides the common ones; each
 * becomes a field of the built column, as on drizzle's column classes.
 */
export interface PgColumnExtra {
  withTimezone?: boolean;
  precision?: number | undefined;
  scale?: number | undefined;
  fields?: string | undefined;
  /** `.array(size)` */
  size?: number | undefined;
  /** The element column of an array column. */
  baseColumn?: PgColumn;
  /** The `pgEnum` of an enum column. */
  enum?: unknown;
  generatedIdentity?: PgGeneratedIdentity;
  /** `unique(name, { nulls })` */
  uniqueType?: 'distinct' | 'not distinct' | undefined;
  /** The mode a column was declared with (`timestamp({ mode })`, `bigint({ mode })`...). */
  mode?: string;
}

/**
 * A column of a PostgreSQL table.
 *
 * @example
 * function pick(col: PgColumn) { return col.name; }
 */
export class PgColumn<T extends ColumnBaseConfig = ColumnBaseConfig> extends Column<T> {
  static override readonly drizzleKind: string = 'PgColumn';
  declare readonly withTimezone?: boolean;
  declare readonly precision?: number | undefined;
  declare readonly scale?: number | undefined;
  declare readonly fields?: string | undefined;
  declare readonly size?: number | undefined;
  declare readonly baseColumn?: PgColumn;
  declare readonly enum?: unknown;
  declare readonly generatedIdentity?: PgGeneratedIdentity;
  declare readonly uniqueType?: 'distinct' | 'not distinct' | undefined;
  declare readonly mode?: string;
}

/**
 * A PostgreSQL column with part of its type fixed; also the annotation for
 * self-references.
 *
 * @example
 * parentId: integer().references((): AnyPgColumn => categories.id)
 */
export type AnyPgColumn<TPartial extends Partial<ColumnBaseConfig> = {}> = PgColumn<
  Required<Update<ColumnBaseConfig, TPartial>>
>;

/** Actions of an inline foreign key. */
export interface ReferenceConfig {
  onUpdate?: UpdateDeleteAction;
  onDelete?: UpdateDeleteAction;
}

/** Type state of `.array()` over a builder `B`. */
export interface PgArrayConfig<B extends ColumnBuilderBase> {
  dataType: 'custom';
  columnType: 'PgArray';
  data: BuilderData<B>[];
  driverParam: string | unknown[];
  enumValues: B['_']['enumValues'];
}

/**
 * Base of the PostgreSQL column builders.
 *
 * @example
 * text('email').notNull().unique()
 */
export abstract class PgColumnBuilder<
  T extends ColumnBuilderBaseConfig = ColumnBuilderBaseConfig,
> extends ColumnBuilder<T> {
  /** @internal PostgreSQL-only facts copied onto the built column. */
  readonly extra: PgColumnExtra = {};

  /**
   * Adds an inline foreign key to another table's column.
   *
   * @example
   * authorId: integer().references(() => users.id, { onDelete: 'cascade' })
   */
  references(ref: () => PgColumn, actions: ReferenceConfig = {}): this {
    this.config.references.push({ ref, onDelete: actions.onDelete, onUpdate: actions.onUpdate });
    return this;
  }

  /**
   * A column-level UNIQUE constraint, optionally named and NULLS NOT DISTINCT.
   *
   * @example
   * text('email').unique('users_email_key', { nulls: 'not distinct' })
   */
  unique(name?: string, config?: { nulls: 'distinct' | 'not distinct' }): this {
    this.config.isUnique = true;
    this.config.uniqueName = name;
    this.extra.uniqueType = config?.nulls;
    return this;
  }

  /**
   * `GENERATED ALWAYS AS (expr) STORED`; the column leaves the insert type.
   *
   * @example
   * fullName: text().generatedAlwaysAs(sql`first || ' ' || last`)
   */
  generatedAlwaysAs(as: BuilderData<this> | SQLWrapper | (() => SQLWrapper)): HasGenerated<this, { type: 'always' }> {
    this.config.generated = { as, type: 'always', mode: 'stored' };
    this.config.hasDefault = true;
    return this as HasGenerated<this, { type: 'always' }>;
  }

  /**
   * An array of this column's type (`integer[]`, `text[3]`); chain again for
   * more dimensions. Values are JS arrays; elements convert as the base column's.
   *
   * @example
   * tags: text().array().notNull().default(sql`'{}'::text[]`)
   */
  array(size?: number): PgArrayBuilder<PgArrayConfig<this>> {
    return new PgArrayBuilder(this, size);
  }

  /** @internal Builds the column for `table` under property `key`; the builder is left untouched. */
  build(table: Table, key: string): PgColumn {
    return makePgColumn(table, key, this.config, this.extra);
  }
}

/** Builds a PgColumn from a config copy with drizzle's default unique name. */
/** An array column (`.array()`), as drizzle-kit tells it apart. */
export class PgArray<T extends ColumnBaseConfig = ColumnBaseConfig> extends PgColumn<T> {
  static override readonly drizzleKind: string = 'PgArray';
}

/** A `pgEnum` column, as drizzle-kit tells it apart. */
export class PgEnumColumn<T extends ColumnBaseConfig = ColumnBaseConfig> extends PgColumn<T> {
  static override readonly drizzleKind: string = 'PgEnumColumn';
}

export function makePgColumn(table: Table, key: string, config: ColumnRuntimeConfig, extra: PgColumnExtra): PgColumn {
  const name = config.name === '' ? key : config.name;
  const rc = { ...config, uniqueName: config.uniqueName ?? `${getTableInfo(table).name}_${name}_unique` };
  // Arrays and enum columns are their own kinds to drizzle-kit (it reads an enum's schema through them).
  const kind = extra.baseColumn ? PgArray : config.columnType === 'PgEnumColumn' ? PgEnumColumn : PgColumn;
  const column = new kind(table, key, rc);
  for (const [k, v] of Object.entries(extra)) {
    if (v !== undefined) (column as unknown as Record<string, unknown>)[k] = v;
  }
  return column;
}

/**
 * Builder of `.array()` columns.
 *
 * @example
 * integer().array()
 */
export class PgArrayBuilder<T extends ColumnBuilderBaseConfig = ColumnBuilderBaseConfig> extends PgColumnBuilder<T> {
  constructor(
    private readonly baseBuilder: PgColumnBuilder,
    size: number | undefined,
  ) {
    super(
      (() => {
        const rc = baseBuilder.config;
        const fresh: ColumnRuntimeConfig = {
          ...rc,
          notNull: false,
          hasDefault: false,
          primaryKey: false,
          isUnique: false,
          uniqueName: undefined,
          default: undefined,
          defaultFn: undefined,
          onUpdateFn: undefined,
          references: [],
          generated: undefined,
          codec: Codec.custom,
          dataType: 'custom',
          columnType: 'PgArray',
          sqlType: `${rc.sqlType}[${size ?? ''}]`,
          enumValues: rc.enumValues,
          toDriver: undefined,
          fromDriver: undefined,
        };
        return fresh;
      })(),
    );
    this.extra.size = size;
  }

  override build(table: Table, key: string): PgColumn {
    const base = this.baseBuilder.build(table, key);
    const config = { ...this.config, toDriver: arrayEncoder(base), fromDriver: arrayDecoder(base) };
    return makePgColumn(table, key, config, { ...this.extra, baseColumn: base });
  }
}

/** JS array -> array literal text, each element through the base column's encoder. */
function arrayEncoder(base: PgColumn): (value: unknown) => unknown {
  const element = elementEncoder(base);
  return (value) => (Array.isArray(value) ? makePgArray(value.map(element)) : value);
}

/** An element's driver form; nested arrays stay JS arrays for `makePgArray`. */
function elementEncoder(base: PgColumn): (value: unknown) => unknown {
  if (base.baseColumn !== undefined) {
    const inner = elementEncoder(base.baseColumn);
    return (v) => (Array.isArray(v) ? v.map(inner) : v == null ? null : v);
  }
  return (v) => (v == null ? null : base.mapToDriverValue(v as never));
}

/**
 * Driver array -> JS array. The driver usually hands a parsed JS array of
 * element values (decoded as the base column decodes); for array types it
 * leaves as text, the literal is parsed here and its element TEXT decoded.
 */
function arrayDecoder(base: PgColumn): (value: unknown) => unknown {
  const fromValue = valueDecoder(base);
  const fromText = textDecoder(base);
  return (value) => {
    if (typeof value === 'string') return mapNested(parsePgArray(value), fromText);
    return Array.isArray(value) ? mapNested(value, fromValue) : value;
  };
}

function mapNested(list: readonly unknown[], f: (v: unknown) => unknown): unknown[] {
  return list.map((v) => (v == null ? null : Array.isArray(v) ? mapNested(v, f) : f(v)));
}

/** The innermost (scalar) column of an array column chain. */
function scalarOf(column: PgColumn): PgColumn {
  return column.baseColumn === undefined ? column : scalarOf(column.baseColumn);
}

function valueDecoder(base: PgColumn): (v: unknown) => unknown {
  const scalar = scalarOf(base);
  return (v) => scalar.mapFromDriverValue(v);
}

/** Element text of a literal -> JS value: booleans are `t`/`f`, JSON is text. */
function textDecoder(base: PgColumn): (v: unknown) => unknown {
  const scalar = scalarOf(base);
  if (scalar.codec === Codec.boolean) return (v) => v === 't' || v === 'true' || v === true;
  if (scalar.codec === Codec.jsonValue) return (v) => (typeof v === 'string' ? JSON.parse(v) : v);
  return (v) => scalar.mapFromDriverValue(v);
}

/** The constraint on values of a `pgTable` columns object. */
export type PgColumnBuilderBase = ColumnBuilderBase;

/** The column type a builder becomes in table `TTableName`. */
export type BuildColumn<TTableName extends string, TBuilder extends ColumnBuilderBase> = PgColumn<
  MakeColumnConfig<TBuilder['_'], TTableName>
>;

/** The columns record a columns object of builders becomes. */
export type BuildColumns<TTableName extends string, TColumnsMap extends Record<string, ColumnBuilderBase>> = {
  [K in keyof TColumnsMap]: BuildColumn<TTableName, TColumnsMap[K]>;
} & {};
