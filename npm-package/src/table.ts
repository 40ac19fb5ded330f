/**
 * The dialect-neutral table: identity (name, schema, alias) and columns, kept
 * under one symbol key so that user column keys such as `name` or `schema`
 * can never collide with them. Type helpers infer row types from columns.
 */
import type { Column, GetColumnData } from './column.js';
import { Entity } from './kit-compat.js';
import type { Simplify } from './type-utils.js';

/**
 * The key under which a table object keeps its {@link TableInfo}. Internal to
 * the package: users go through `getTableName` / `getTableColumns`.
 */
export const TableInfoKey: unique symbol = Symbol.for('mizzle:TableInfo');

/**
 * What a table object knows about itself. An `alias(users, 'u')` copy has the
 * same `name` (the real SQL table) and `alias: 'u'`; SQL rendering writes
 * `"users" "u"` in FROM and qualifies its columns with `"u"`.
 *
 * @example
 * const { name, alias, schema } = users[TableInfoKey];
 */
export interface TableInfo {
  /** SQL name of the underlying table (never the alias). */
  readonly name: string;
  readonly schema: string | undefined;
  /** Set on `alias()` copies. */
  readonly alias: string | undefined;
  /** The name before `sqliteTableCreator` customised it. */
  readonly baseName: string;
  /** Columns by property key; for an alias, the alias's own column copies. */
  readonly columns: Record<string, Column>;
  /** The `sqliteTable` third argument, evaluated lazily by `getTableConfig`. */
  readonly extraConfig: ((self: Record<string, Column>) => unknown) | undefined;
  /** For an alias, the table it copies. */
  readonly original: Table | undefined;
  readonly dialect: 'sqlite' | 'pg' | 'mysql';
}

/**
 * The type-level description of a table.
 *
 * @example
 * type Name = (typeof users)['_']['name']; // 'users'
 */
export interface TableConfig<TColumn extends Column = Column> {
  name: string;
  schema: string | undefined;
  columns: Record<string, TColumn>;
  dialect: string;
}

// A column is required on insert when it is NOT NULL, has no default of any
// kind, and is not generated (generated columns cannot be inserted at all).
type InsertKind<C extends Column> = C['_']['generated'] extends { type: 'always' }
  ? 'never'
  : C['_']['notNull'] extends true
    ? C['_']['hasDefault'] extends true
      ? 'optional'
      : 'required'
    : 'optional';

/**
 * The row a select returns for these columns.
 *
 * @example
 * type Row = InferSelectFromColumns<{ id: typeof users.id }>; // { id: number }
 */
export type InferSelectFromColumns<TColumns extends Record<string, Column>> = Simplify<{
  [K in keyof TColumns]: GetColumnData<TColumns[K], 'query'>;
}>;

/**
 * The object an insert accepts for these columns.
 *
 * @example
 * type New = InferInsertFromColumns<typeof cols>; // { name: string; id?: number | undefined }
 */
export type InferInsertFromColumns<TColumns extends Record<string, Column>> = Simplify<
  {
    [K in keyof TColumns as InsertKind<TColumns[K]> extends 'required' ? K : never]: GetColumnData<
      TColumns[K],
      'query'
    >;
  } & {
    [K in keyof TColumns as InsertKind<TColumns[K]> extends 'optional' ? K : never]?:
      | GetColumnData<TColumns[K], 'query'>
      | undefined;
  }
>;

/**
 * Base of every table. Columns are own properties keyed as in the definition;
 * identity lives under {@link TableInfoKey}.
 *
 * @example
 * users instanceof Table; // true
 */
export class Table<T extends TableConfig = TableConfig> extends Entity {
  static override readonly drizzleKind: string = 'Table';
  /** Type-level configuration; no run-time value. */
  declare readonly _: {
    readonly brand: 'Table';
    readonly config: T;
    readonly name: T['name'];
    readonly schema: T['schema'];
    readonly columns: T['columns'];
    readonly inferSelect: InferSelectFromColumns<T['columns']>;
    readonly inferInsert: InferInsertFromColumns<T['columns']>;
  };
  /** Row type: `type User = typeof users.$inferSelect`. Type only. */
  declare readonly $inferSelect: InferSelectFromColumns<T['columns']>;
  /** Insert type: `type NewUser = typeof users.$inferInsert`. Type only. */
  declare readonly $inferInsert: InferInsertFromColumns<T['columns']>;

  /** @internal Identity and columns; read through the exported helpers. */
  readonly [TableInfoKey]: TableInfo;

  constructor(info: TableInfo) {
    super();
    this[TableInfoKey] = info;
  }
}

// drizzle-orm's table keys, answered from the table's info: drizzle-kit reads a table through
// drizzle-orm's getTableConfig (see kit-compat.ts). The dialects add their inline foreign keys.
const drizzleKeys: Record<string, (info: TableInfo) => unknown> = {
  Name: (i) => i.alias ?? i.name,
  OriginalName: (i) => i.name,
  Schema: (i) => i.schema,
  BaseName: (i) => i.baseName,
  Columns: (i) => i.columns,
  ExtraConfigColumns: (i) => i.columns,
  IsAlias: (i) => i.alias !== undefined,
  IsDrizzleTable: () => true,
  ExtraConfigBuilder: (i) => i.extraConfig,
  EnableRLS: () => false,
};
for (const key of Object.keys(drizzleKeys)) {
  Object.defineProperty(Table.prototype, Symbol.for(`drizzle:${key}`), {
    get(this: Table) {
      return drizzleKeys[key]!(this[TableInfoKey]);
    },
    configurable: true,
  });
}

/**
 * The row type of a table.
 *
 * @example
 * type User = InferSelectModel<typeof users>;
 */
export type InferSelectModel<TTable extends Table> = InferSelectFromColumns<TTable['_']['columns']>;

/**
 * The insert type of a table: NOT NULL columns without a default are
 * required; nullable, defaulted and auto-incremented ones are optional.
 *
 * @example
 * type NewUser = InferInsertModel<typeof users>;
 */
export type InferInsertModel<TTable extends Table> = InferInsertFromColumns<TTable['_']['columns']>;

/**
 * Whether `value` is a table (or an alias of one).
 *
 * @example
 * isTable(users); // true
 */
export function isTable(value: unknown): value is Table {
  return value instanceof Table;
}

/**
 * The table's information record (name, schema, alias, columns).
 *
 * @example
 * getTableInfo(alias(users, 'u')).alias; // 'u'
 */
export function getTableInfo(table: Table): TableInfo {
  return table[TableInfoKey];
}

/**
 * The name a query refers to the table by: the alias for an `alias()` copy,
 * the SQL table name otherwise (as in drizzle).
 *
 * @example
 * getTableName(users); // 'users'
 */
export function getTableName<TTable extends Table>(table: TTable): TTable['_']['name'] {
  const info = table[TableInfoKey];
  return info.alias ?? info.name;
}

/**
 * `schema.name`, with `public` when the table has no schema (drizzle's form).
 *
 * @example
 * getTableUniqueName(users); // 'public.users'
 */
export function getTableUniqueName(table: Table): string {
  const info = table[TableInfoKey];
  return `${info.schema ?? 'public'}.${info.alias ?? info.name}`;
}

/**
 * The table's columns by property key (the table's own record, not a copy).
 *
 * @example
 * const { password, ...publicColumns } = getTableColumns(users);
 */
export function getTableColumns<TTable extends Table>(table: TTable): TTable['_']['columns'] {
  return table[TableInfoKey].columns as TTable['_']['columns'];
}

/** What a dialect's table function knows before its columns are built. */
export type TableDeclaration = Pick<TableInfo, 'name' | 'schema' | 'baseName' | 'extraConfig' | 'dialect'>;

/**
 * Builds a table object of a dialect: `make` creates it from its info, each
 * builder builds its column for it, and the columns become own properties
 * (so `users.id` is a plain property read).
 *
 * @example
 * buildTable((info) => new SQLiteTable(info), { name: 'users', ... }, { id: integer() });
 */
export function buildTable<T extends Table>(
  make: (info: TableInfo) => T,
  declaration: TableDeclaration,
  builders: Record<string, { build(table: Table, key: string): Column }>,
): T {
  const columns: Record<string, Column> = {};
  const table = make({ ...declaration, alias: undefined, columns, original: undefined });
  for (const key of Object.keys(builders)) columns[key] = builders[key]!.build(table, key);
  return Object.assign(table, columns);
}
