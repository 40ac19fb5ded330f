/**
 * Type tests for the type names application code writes in annotations (issue 13), written the
 * way a drizzle-orm 0.45 application writes them with only its imports changed: a repository class
 * over `DrizzleD1Database<typeof schema>`, helpers over tables, columns, `SQL` and `SQLWrapper`, row
 * types from `InferSelectModel` / `InferInsertModel` / `GetColumnData`, `db.batch` items typed
 * `BatchItem<'sqlite'>`, a `DrizzleQueryError` whose `cause.code` is read, and helpers over views
 * typed `View`, `SQLiteView`, `PgView`, `PgMaterializedView`, `MySqlView`. Compiled by
 * `tsc --noEmit -p tsconfig.test.json`, never run; each `Expect<Equal<A, B>>` fails to compile when
 * the types differ.
 */
import type { DrizzleD1Database } from '../../src/d1/index.js';
import type { DrizzleSqliteDODatabase } from '../../src/durable-sqlite/index.js';
import {
  type AnyColumn,
  DrizzleQueryError,
  eq,
  type GetColumnData,
  getViewName,
  is,
  type InferInsertModel,
  type InferSelectModel,
  type Query,
  type SQL,
  type SQLWrapper,
  sql,
  View,
} from '../../src/index.js';
import { int, type MySqlTable, type MySqlView, mysqlView } from '../../src/mysql-core/index.js';
import type { NeonHttpDatabase } from '../../src/neon-http/index.js';
import {
  type AnyPgColumn,
  integer as pgInteger,
  PgMaterializedView,
  pgMaterializedView,
  type PgTable,
  pgTable,
  type PgView,
  pgView,
  text as pgText,
} from '../../src/pg-core/index.js';
import type { PlanetScaleDatabase } from '../../src/planetscale/index.js';
import {
  type AnySQLiteColumn,
  integer,
  type SQLiteTable,
  type SQLiteView,
  sqliteTable,
  sqliteView,
  text,
} from '../../src/sqlite-core/index.js';
import type { BatchItem, BatchResponse } from '../../src/subpaths/batch.js';

type Equal<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

// --- schema.ts ----------------------------------------------------------------------------------
export const categories = sqliteTable('categories', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  parentId: integer('parent_id').references((): AnySQLiteColumn => categories.id),
});
export const nodes = pgTable('nodes', {
  id: pgInteger('id').primaryKey(),
  label: pgText('label'),
  parentId: pgInteger('parent_id').references((): AnyPgColumn => nodes.id),
});
const schema = { categories };

export type Category = InferSelectModel<typeof categories>;
export type NewCategory = InferInsertModel<typeof categories>;
export type C1 = Expect<Equal<Category, { id: number; name: string; parentId: number | null }>>;
export type C2 = Expect<
  Equal<NewCategory, { id?: number | undefined; name: string; parentId?: number | null | undefined }>
>;
export type C3 = Expect<Equal<GetColumnData<typeof categories.parentId>, number | null>>;
export type C4 = Expect<Equal<GetColumnData<typeof categories.parentId, 'raw'>, number>>;

// --- a repository over the D1 database ------------------------------------------------------------
export class CategoryRepository {
  constructor(private readonly db: DrizzleD1Database<typeof schema>) {}

  byId(id: number): Promise<Category | undefined> {
    return this.db.select().from(categories).where(eq(categories.id, id)).get();
  }

  async create(row: NewCategory): Promise<void> {
    await this.db.insert(categories).values(row);
  }

  /** Several writes in one D1 batch, typed with drizzle's batch names. */
  async renameAll(rows: Category[]): Promise<BatchResponse<BatchItem<'sqlite'>[]>> {
    const items: BatchItem<'sqlite'>[] = rows.map((r) =>
      this.db.update(categories).set({ name: r.name }).where(eq(categories.id, r.id)),
    );
    return this.db.batch(items as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  }

  async insertUnlessDuplicate(row: NewCategory): Promise<boolean> {
    try {
      await this.create(row);
      return true;
    } catch (e) {
      if (e instanceof DrizzleQueryError && e.cause?.code === 'SQLITE_CONSTRAINT_UNIQUE') return false;
      throw e;
    }
  }
}

// --- helpers over tables, columns and SQL -------------------------------------------------------
export function tableLabel(t: SQLiteTable | PgTable | MySqlTable): string {
  return t._.name;
}
export function lower(column: AnyColumn | SQLWrapper): SQL<string> {
  return sql<string>`lower(${column})`;
}
export const wrapped: SQLWrapper = lower(categories.name);
export function logQuery(q: Query): string {
  return `${q.sql} ${JSON.stringify(q.params)}`;
}
export type C5 = Expect<Equal<ReturnType<typeof lower>, SQL<string>>>;
tableLabel(categories);
tableLabel(nodes);

// --- the other drivers' database types take a schema parameter as drizzle's -------------------
export type Dbs = [
  DrizzleSqliteDODatabase<typeof schema>,
  NeonHttpDatabase<Record<string, never>>,
  PlanetScaleDatabase<Record<string, never>>,
];

// --- helpers over views: drizzle's view classes as annotations, narrowed by is() ------------------
const topCategories = sqliteView('top_categories').as((qb) => qb.select().from(categories));
const labels = pgView('labels', { id: pgInteger('id').notNull(), label: pgText('label') }).existing();
const nodeCount = pgMaterializedView('node_count').as((qb) => qb.select({ id: nodes.id }).from(nodes));
const legacy = mysqlView('legacy', { id: int('id') }).existing();

export function viewLabel(v: View): string {
  return getViewName(v);
}
export function sqliteViewName(v: SQLiteView): string {
  return getViewName(v);
}
export function pgViewName(v: PgView): string {
  return getViewName(v);
}
export function refreshable(v: PgMaterializedView): string {
  return getViewName(v);
}
export function mysqlViewName(v: MySqlView): string {
  return getViewName(v);
}
viewLabel(topCategories);
viewLabel(nodeCount);
sqliteViewName(topCategories);
pgViewName(labels);
refreshable(nodeCount);
mysqlViewName(legacy);
// @ts-expect-error a materialized view is not a PgView (nor the reverse), as in drizzle
pgViewName(nodeCount);
// @ts-expect-error a table is no view
viewLabel(categories);
export function onlyViews(x: unknown): string | undefined {
  if (is(x, PgMaterializedView)) return refreshable(x);
  return is(x, View) ? viewLabel(x) : undefined;
}
export type V1 = Expect<Equal<(typeof labels)['_']['name'], 'labels'>>;
export type V2 = Expect<Equal<(typeof labels)['_']['existing'], true>>;
export type V3 = Expect<Equal<(typeof topCategories)['_']['existing'], false>>;
export type V4 = Expect<Equal<typeof labels.$inferSelect, { id: number; label: string | null }>>;
export type V5 = Expect<Equal<typeof nodeCount.$inferSelect, { id: number }>>;
export type V6 = Expect<Equal<typeof topCategories.$inferSelect, Category>>;
