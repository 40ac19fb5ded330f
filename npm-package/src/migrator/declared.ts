/**
 * A schema module's tables and views, read into the engine's declared-schema wire format
 * (`DeclaredSchema`, declared in wasm/src/schema_diff.rs; core/src/declared/ turns it into a snapshot).
 * Only what the TypeScript objects alone know is read here: names after casing, `getSQLType()`, resolved
 * constraint names, and SQL fragments written in drizzle's spelling (drizzle-spelling.ts), the text
 * drizzle-kit writes for the same schema. Every decision drizzle-kit's serializer makes about that data
 * (default literals, single-column primary keys, unique constraints as indexes) is the engine's.
 */
import { toCamelCase, toSnakeCase } from '../casing.js';
import type { Column } from '../column.js';
import { drizzleQuery, type KitQueryConfig } from '../drizzle-spelling.js';
import { MizzleError } from '../errors.js';
import { literal, SQL } from '../sql.js';
import { getTableInfo, isTable, type Table } from '../table.js';
import type {
  DeclaredColumn,
  DeclaredDefault,
  DeclaredIndexPart,
  DeclaredSchema,
  DeclaredTable,
  DeclaredView,
} from '../wasm/types.js';

/** How column keys without a name become names (drizzle-kit's `casing`). */
export type DeclaredCasing = 'snake_case' | 'camelCase' | undefined;

/** The dialects the engine snapshots. */
export type DeclaredDialect = 'sqlite' | 'postgresql' | 'mysql';

/**
 * What differs between the dialects' DSLs, for the reader below: one per dialect in `dsl-<dialect>.ts`, so a
 * bundle carries only its own dialect's `getTableConfig` (a Durable Object's `push()` reads SQLite only).
 */
export interface Dsl {
  dialect: DeclaredDialect;
  tableConfig(t: Table): TableConfig;
  viewConfig(v: object): ViewConfig | undefined;
  /** drizzle-kit renders a generated column's SQL unqualified for SQLite (`'indexes'`), qualified for PostgreSQL. */
  generatedSource: 'indexes' | undefined;
  info: 'sqlite' | 'pg' | 'mysql';
  /** drizzle's identifier quote for the dialect (`"`, MySQL's backtick). */
  quote: string;
}

/** The parts of a dialect's `getTableConfig` result read here. */
export interface TableConfig {
  name: string;
  schema: string | undefined;
  columns: Column[];
  indexes: { config: IndexConfig }[];
  foreignKeys: {
    reference(): { columns: Column[]; foreignColumns: Column[]; foreignTable: Table };
    getName(): string;
    onDelete?: string;
    onUpdate?: string;
  }[];
  checks: { name: string; value: unknown }[];
  primaryKeys: { getName(): string; columns: readonly Column[] }[];
  uniqueConstraints: { getName(): string; columns: readonly Column[]; nullsNotDistinct?: boolean }[];
}

interface IndexConfig {
  name?: string;
  columns: readonly unknown[];
  unique: boolean;
  where?: SQL;
  method?: string;
  using?: string;
  algorithm?: string;
  lock?: string;
  with?: Record<string, unknown>;
  concurrently?: boolean;
}

export interface ViewConfig {
  name: string;
  schema?: string;
  isExisting: boolean;
  query: unknown;
  materialized?: boolean;
  with?: Record<string, unknown>;
  using?: string;
  tablespace?: string;
  withNoData?: boolean;
  sqlSecurity?: string;
  withCheckOption?: string;
  algorithm?: string;
}

/**
 * The declared schema of `schema` (a module's exports, or any object of tables and views), read with a
 * dialect's `dsl`.
 *
 * @example
 * const declared = declaredWith(await import('./schema.ts'), sqliteDsl);
 */
export function declaredWith(schema: Record<string, unknown>, dsl: Dsl, casing?: DeclaredCasing): DeclaredSchema {
  const dialect = dsl.dialect;
  const names = (c: Column) => columnName(c, casing);
  const tables: DeclaredTable[] = [];
  const views: DeclaredView[] = [];
  const enums: NonNullable<DeclaredSchema['enums']> = [];
  const schemas: string[] = [];
  const seen = new Set<unknown>();
  for (const value of Object.values(schema)) {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) continue;
    seen.add(value);
    const e = value as { enumName?: unknown; enumValues?: unknown; schema?: string; schemaName?: unknown };
    if (dialect === 'postgresql' && typeof value === 'function' && typeof e.enumName === 'string') {
      enums.push({ name: e.enumName, schema: e.schema ?? null, values: [...(e.enumValues as string[])] });
    } else if (dialect === 'postgresql' && typeof e.schemaName === 'string' && e.schemaName !== 'public') {
      schemas.push(e.schemaName);
    } else if (isTable(value)) {
      const info = getTableInfo(value);
      if (info.alias !== undefined || info.dialect !== dsl.info) continue;
      tables.push(table(value, dsl, names));
    } else if (typeof value === 'object') {
      const view = dsl.viewConfig(value);
      if (view !== undefined) views.push(viewOf(value, view, dsl, names));
    }
  }
  return dialect === 'postgresql' ? { dialect, tables, views, enums, schemas } : { dialect, tables, views };
}

function columnName(c: Column, casing: DeclaredCasing): string {
  if (!c.keyAsName || casing === undefined) return c.name;
  return casing === 'snake_case' ? toSnakeCase(c.name) : toCamelCase(c.name);
}

/**
 * drizzle's dialect callbacks, as drizzle-kit's `sqlToQuery` passes them, but for values: drizzle-kit writes `?`
 * or `$1` (a check `<> ?`, an index `where ... like $1`), which the servers refuse in DDL; they are inlined.
 */
function render(s: SQL, dsl: Dsl, names: (c: Column) => string, source?: 'indexes'): string {
  const q = dsl.quote;
  const config: KitQueryConfig = {
    escapeName: (n) => `${q}${n.replaceAll(q, q + q)}${q}`,
    escapeParam: (_, v) => literal(v),
    escapeString: (v) => `'${v.replaceAll("'", "''")}'`,
    casing: { getColumnCasing: (c) => names(c as Column) },
    invokeSource: source,
  };
  return drizzleQuery(s, config).sql;
}

function sqlOf(x: unknown, where: string): SQL {
  const v = typeof x === 'function' ? (x as () => unknown)() : x;
  if (v instanceof SQL) return v;
  const wrapped = v as { getSQL?: () => unknown };
  if (typeof wrapped?.getSQL === 'function') {
    const s = wrapped.getSQL();
    if (s instanceof SQL) return s;
  }
  throw new MizzleError('invalid', `${where}: expected SQL`);
}

function table(t: Table, dsl: Dsl, names: (c: Column) => string): DeclaredTable {
  const config = dsl.tableConfig(t);
  const where = `table ${config.name}`;
  return {
    schema: config.schema ?? null,
    name: config.name,
    columns: config.columns.map((c) => column(c, dsl, names, where, true)),
    indexes: config.indexes.map(({ config: i }) => ({
      name: i.name ?? null,
      columns: i.columns.map((k): DeclaredIndexPart => {
        if (k instanceof SQL) return { kind: 'expression', sql: render(k, dsl, names, 'indexes') };
        const o = (k as { indexConfig?: { order?: string; nulls?: string; opClass?: string } }).indexConfig;
        return {
          kind: 'column',
          name: names(k as Column),
          desc: o?.order === 'desc',
          nulls: o?.nulls ?? null,
          opclass: o?.opClass ?? null,
        };
      }),
      unique: i.unique,
      where: i.where === undefined ? null : render(i.where, dsl, names),
      method: i.method ?? i.using ?? null,
      algorithm: i.algorithm ?? null,
      lock: i.lock ?? null,
      with: i.with ?? null,
      concurrently: i.concurrently ?? false,
    })),
    foreignKeys: config.foreignKeys.map((fk) => {
      const r = fk.reference();
      const foreign = getTableInfo(r.foreignTable);
      return {
        name: fk.getName(),
        columns: r.columns.map(names),
        foreignTable: foreign.name,
        foreignSchema: foreign.schema ?? null,
        foreignColumns: r.foreignColumns.map(names),
        onDelete: fk.onDelete ?? null,
        onUpdate: fk.onUpdate ?? null,
      };
    }),
    primaryKeys: config.primaryKeys.map((pk) => ({ name: pk.getName(), columns: pk.columns.map(names) })),
    uniques: config.uniqueConstraints.map((u) => ({
      name: u.getName(),
      columns: u.columns.map(names),
      nullsNotDistinct: u.nullsNotDistinct ?? false,
    })),
    checks: config.checks.map((c) => ({
      name: c.name,
      sql: render(sqlOf(c.value, `${where}, check ${c.name}`), dsl, names),
    })),
  };
}

/** PostgreSQL's column extras (drizzle's names, which mizzle's pg-core columns carry). */
interface PgExtras {
  uniqueType?: string;
  generatedIdentity?: { type: string; sequenceName?: string; sequenceOptions?: Record<string, unknown> };
  enum?: { schema?: string };
  baseColumn?: PgExtras;
}

function column(c: Column, dsl: Dsl, names: (c: Column) => string, where: string, withUnique: boolean): DeclaredColumn {
  const at = `${where}, column ${c.name}`;
  const out: DeclaredColumn = {
    name: names(c),
    sqlType: c.getSQLType(),
    notNull: c.notNull,
    primaryKey: c.primary,
    autoIncrement: c.autoIncrement ?? false,
    default: c.default === undefined ? null : defaultOf(c, at, dsl, names),
    generated:
      c.generated === undefined
        ? null
        : {
            sql: render(sqlOf(c.generated.as, `${at} generated`), dsl, names, dsl.generatedSource),
            mode: c.generated.mode ?? null,
          },
    unique: withUnique && c.isUnique ? (c.uniqueName ?? null) : null,
  };
  if (dsl.info === 'mysql') return { ...out, onUpdateNow: (c as { hasOnUpdateNow?: boolean }).hasOnUpdateNow === true };
  if (dsl.info !== 'pg') return out;
  const pg = c as unknown as PgExtras;
  let base: PgExtras | undefined = pg;
  while (base?.baseColumn !== undefined) base = base.baseColumn;
  const identity = pg.generatedIdentity;
  return {
    ...out,
    uniqueNullsNotDistinct: pg.uniqueType === 'not distinct',
    typeSchema: base?.enum === undefined ? null : (base.enum.schema ?? 'public'),
    identity:
      identity === undefined
        ? null
        : { type: identity.type, sequenceName: identity.sequenceName ?? null, ...identity.sequenceOptions },
  };
}

/** A `.default()` as drizzle-kit reads it; a Date as the column stores it (drizzle-kit would quote its JSON). */
function defaultOf(c: Column, at: string, dsl: Dsl, names: (c: Column) => string): DeclaredDefault {
  let v: unknown = c.default;
  if (v instanceof Date) {
    // PostgreSQL: drizzle-kit's text for the column's type. SQLite: the value the column stores (drizzle-kit
    // would write the Date's JSON, quotes included).
    if (getTableInfo(c.table).dialect !== 'sqlite') return { kind: 'date', iso: v.toISOString() };
    v = c.mapToDriverValue(v as never);
  }
  if (Array.isArray(v) && (c as unknown as PgExtras).baseColumn !== undefined) {
    return { kind: 'array', items: JSON.parse(JSON.stringify(v)) };
  }
  if (v instanceof SQL || typeof (v as { getSQL?: unknown })?.getSQL === 'function') {
    return { kind: 'sql', sql: render(sqlOf(v, `${at} default`), dsl, names) };
  }
  switch (typeof v) {
    case 'string':
      return { kind: 'string', value: v };
    case 'number':
    case 'bigint':
      return { kind: 'number', text: String(v) };
    case 'boolean':
      return { kind: 'boolean', value: v };
    case 'object':
      if (v !== null) return { kind: 'json', text: JSON.stringify(v) };
  }
  throw new MizzleError('invalid', `${at}: a default of type ${v === null ? 'null' : typeof v} has no SQL literal`);
}

function viewOf(value: object, view: ViewConfig, dsl: Dsl, names: (c: Column) => string): DeclaredView {
  const where = `view ${view.name}`;
  const fields = (value as Record<symbol, { fields?: Record<string, unknown> } | undefined>)[
    Symbol.for('drizzle:ViewBaseConfig')
  ] as unknown as { selectedFields?: Record<string, unknown> } | undefined;
  const columns: DeclaredColumn[] = [];
  for (const f of Object.values(fields?.selectedFields ?? {})) {
    if (typeof (f as Column)?.getSQLType === 'function') columns.push(column(f as Column, dsl, names, where, false));
  }
  let definition: string | null = null;
  if (!view.isExisting) {
    if (view.query instanceof SQL) definition = render(view.query, dsl, names);
    else {
      const q = (view.query as { toSQL?: () => { sql: string; params: unknown[] } })?.toSQL?.();
      if (q === undefined || q.params.length > 0) {
        throw new MizzleError(
          'invalid',
          `${where}: a query-builder view with bound values has no fixed SQL; write .as(sql\`...\`)`,
        );
      }
      definition = q.sql;
    }
  }
  const out: DeclaredView = { name: view.name, columns, definition, existing: view.isExisting };
  if (dsl.info === 'mysql') {
    return {
      ...out,
      algorithm: view.algorithm ?? null,
      sqlSecurity: view.sqlSecurity ?? null,
      withCheckOption: view.withCheckOption ?? null,
    };
  }
  if (dsl.info !== 'pg') return out;
  return {
    ...out,
    schema: view.schema ?? null,
    materialized: view.materialized ?? false,
    with: view.with ?? null,
    using: view.using ?? null,
    tablespace: view.tablespace ?? null,
    withNoData: view.materialized ? (view.withNoData ?? false) : null,
  };
}
