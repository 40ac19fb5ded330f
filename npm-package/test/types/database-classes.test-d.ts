/**
 * Type tests for the dialects' database classes (drizzle's `BaseSQLiteDatabase`, `PgDatabase`,
 * `MySqlDatabase`): each driver's db is one of its dialect's, so a function annotated with the
 * class takes it, as code written for drizzle does. The three add no member to the shared
 * `Database`, so TypeScript does not tell them apart (drizzle's differ): `is()` does, at run
 * time. Compiled by `tsc --noEmit -p tsconfig.test.json`, never run.
 */
import { type D1Database, drizzle as d1 } from '../../src/d1/index.js';
import type { MySqlDatabase } from '../../src/mysql-core/index.js';
import { drizzle as neon } from '../../src/neon-http/index.js';
import type { PgDatabase } from '../../src/pg-core/index.js';
import { type PlanetScaleRunResult, drizzle as planetscale } from '../../src/planetscale/index.js';
import { BaseSQLiteDatabase, integer, sqliteTable } from '../../src/sqlite-core/index.js';
import type { SQLiteWasmDatabase } from '../../src/sqlite-wasm/index.js';

const users = sqliteTable('users', { id: integer('id').primaryKey() });
const schema = { users };

declare const binding: D1Database;
declare const wasm: SQLiteWasmDatabase<typeof schema>;
const onD1 = d1(binding, { schema });
const onNeon = neon('postgresql://u@localhost/db');
const onPlanetScale = planetscale('mysql://u:p@localhost/db');

// `any` for the mode and the run result, as code written for drizzle's several drivers annotates them.
// biome-ignore lint/suspicious/noExplicitAny: drizzle's idiom under test
function sqliteRepo(db: BaseSQLiteDatabase<any, any, typeof schema>) {
  return db.query.users.findMany();
}
// biome-ignore lint/suspicious/noExplicitAny: drizzle's idiom under test
function anySqlite(db: BaseSQLiteDatabase<any, any>) {
  return db.select().from(users);
}
// biome-ignore lint/suspicious/noExplicitAny: drizzle's idiom under test
function pgRepo(db: PgDatabase<any, any>) {
  return db;
}
// A MySQL run result, not `any`: `selectDistinctOn` is typed absent by it (src/query/insert.ts IsMySqlRun).
function mysqlRepo(db: MySqlDatabase<'async', PlanetScaleRunResult>) {
  return db;
}

sqliteRepo(onD1);
sqliteRepo(wasm);
anySqlite(d1(binding));
pgRepo(onNeon);
mysqlRepo(onPlanetScale);
// A narrowing check as drizzle libraries write it.
const some: unknown = onD1;
if (some instanceof BaseSQLiteDatabase) some.select().from(users);
