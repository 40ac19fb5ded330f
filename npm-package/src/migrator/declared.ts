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
import { getTableConfig } from '../sqlite-core/table.js';
import { getViewConfig } from '../sqlite-core/view.js';
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

/**
 * The declared schema of `schema` (a module's exports, or any object of tables and views).
 *
 * @example
 * const declared = declaredSchema(await import('./schema.ts'), 'sqlite');
 */
export function declaredSchema(
  schema: Record<string, unknown>,
  dialect: 'sqlite',
  casing?: DeclaredCasing,
): DeclaredSchema {
  const names = (c: Column) => columnName(c, casing);
  const tables: DeclaredTable[] = [];
  const views: DeclaredView[] = [];
  const seen = new Set<unknown>();
  for (const value of Object.values(schema)) {
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (isTable(value)) {
      const info = getTableInfo(value);
      if (info.alias !== undefined || info.dialect !== dialect) continue;
      tables.push(table(value, names));
      continue;
    }
    const view = getViewConfig(value);
    if (view !== undefined) views.push(viewOf(value, view, names));
  }
  return { dialect, tables, views };
}

function columnName(c: Column, casing: DeclaredCasing): string {
  if (!c.keyAsName || casing === undefined) return c.name;
  return casing === 'snake_case' ? toSnakeCase(c.name) : toCamelCase(c.name);
}

/**
 * drizzle's SQLite dialect callbacks, as drizzle-kit's `sqlToQuery` passes them, but for values: drizzle-kit
 * writes `?` (a check `<> ?`, an index `where ... like ?`), which SQLite refuses in DDL; they are inlined.
 */
function render(s: SQL, names: (c: Column) => string, source?: 'indexes'): string {
  const config: KitQueryConfig = {
    escapeName: (n) => `"${n.replaceAll('"', '""')}"`,
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

function table(t: Table, names: (c: Column) => string): DeclaredTable {
  const config = getTableConfig(t);
  const where = `table ${config.name}`;
  return {
    name: config.name,
    columns: config.columns.map((c) => column(c, names, where, true)),
    indexes: config.indexes.map(({ config: i }) => ({
      name: i.name,
      columns: i.columns.map(
        (k): DeclaredIndexPart =>
          k instanceof SQL
            ? { kind: 'expression', sql: render(k, names, 'indexes') }
            : { kind: 'column', name: names(k as Column) },
      ),
      unique: i.unique,
      where: i.where === undefined ? null : render(i.where, names),
    })),
    foreignKeys: config.foreignKeys.map((fk) => {
      const r = fk.reference();
      return {
        name: fk.getName(),
        columns: r.columns.map(names),
        foreignTable: getTableInfo(r.foreignTable).name,
        foreignColumns: r.foreignColumns.map(names),
        onDelete: fk.onDelete ?? null,
        onUpdate: fk.onUpdate ?? null,
      };
    }),
    primaryKeys: config.primaryKeys.map((pk) => ({ name: pk.getName(), columns: pk.columns.map(names) })),
    uniques: config.uniqueConstraints.map((u) => ({ name: u.getName(), columns: u.columns.map(names) })),
    checks: config.checks.map((c) => ({
      name: c.name,
      sql: render(sqlOf(c.value, `${where}, check ${c.name}`), names),
    })),
  };
}

function column(c: Column, names: (c: Column) => string, where: string, withUnique: boolean): DeclaredColumn {
  const at = `${where}, column ${c.name}`;
  return {
    name: names(c),
    sqlType: c.getSQLType(),
    notNull: c.notNull,
    primaryKey: c.primary,
    autoIncrement: c.autoIncrement ?? false,
    default: c.default === undefined ? null : defaultOf(c, at, names),
    generated:
      c.generated === undefined
        ? null
        : { sql: render(sqlOf(c.generated.as, `${at} generated`), names, 'indexes'), mode: c.generated.mode ?? null },
    unique: withUnique && c.isUnique ? (c.uniqueName ?? null) : null,
  };
}

/** A `.default()` as drizzle-kit reads it; a Date as the column stores it (drizzle-kit would quote its JSON). */
function defaultOf(c: Column, at: string, names: (c: Column) => string): DeclaredDefault {
  let v: unknown = c.default;
  if (v instanceof Date) v = c.mapToDriverValue(v as never);
  if (v instanceof SQL || typeof (v as { getSQL?: unknown })?.getSQL === 'function') {
    return { kind: 'sql', sql: render(sqlOf(v, `${at} default`), names) };
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

function viewOf(
  value: object,
  view: { name: string; isExisting: boolean; query: unknown },
  names: (c: Column) => string,
): DeclaredView {
  const where = `view ${view.name}`;
  const fields = (value as Record<symbol, { fields?: Record<string, unknown> } | undefined>)[
    Symbol.for('drizzle:ViewBaseConfig')
  ] as unknown as { selectedFields?: Record<string, unknown> } | undefined;
  const columns: DeclaredColumn[] = [];
  for (const f of Object.values(fields?.selectedFields ?? {})) {
    if (typeof (f as Column)?.getSQLType === 'function') columns.push(column(f as Column, names, where, false));
  }
  let definition: string | null = null;
  if (!view.isExisting) {
    if (view.query instanceof SQL) definition = render(view.query, names);
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
  return { name: view.name, columns, definition, existing: view.isExisting };
}
