/**
 * Type tests for the type names application code writes in annotations (issue 13), written the
 * way a drizzle-orm 0.45 application writes them with only its imports changed: a repository class
 * over `DrizzleD1Database<typeof schema>`, helpers over tables, columns, `SQL` and `SQLWrapper`, row
 * types from `InferSelectModel` / `InferInsertModel` / `GetColumnData`, `db.batch` items typed
 * `BatchItem<'sqlite'>`, and a `DrizzleQueryError` whose `cause.code` is read. Compiled by
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
  type InferInsertModel,
  type InferSelectModel,
  type Query,
  type SQL,
  type SQLWrapper,
  sql,
} from '../../src/index.js';
import type { MySqlTable } from '../../src/mysql-core/index.js';
import type { NeonHttpDatabase } from '../../src/neon-http/index.js';
import {
  type AnyPgColumn,
  integer as pgInteger,
  type PgTable,
  pgTable,
  text as pgText,
} from '../../src/pg-core/index.js';
import type { PlanetScaleDatabase } from '../../src/planetscale/index.js';
import { type AnySQLiteColumn, integer, type SQLiteTable, sqliteTable, text } from '../../src/sqlite-core/index.js';
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
