/**
 * Type tests for the query APIs of issue 13 written as application code would:
 * INSERT ... SELECT (`insert(t).select(query | (qb) => query)`), statements
 * after `db.with(cte)`, drizzle's dynamic-query helpers typed with
 * `SQLiteSelect` / `PgSelect` / `MySqlSelect` (and the insert, update, delete
 * names), builders as `SQLWrapper`s, and `db._`. Compiled by `tsc --noEmit -p tsconfig.test.json`, never
 * run; each `@ts-expect-error` sits right above the line that must not compile.
 */
import type { DrizzleD1Database, D1RunResult } from '../../src/d1/index.js';
import type { Session } from '../../src/driver.js';
import {
  int,
  mysqlTable,
  varchar,
  type MySqlDelete,
  type MySqlInsert,
  type MySqlSelect,
  type MySqlUpdate,
} from '../../src/mysql-core/index.js';
import type { NeonQueryResult } from '../../src/neon-http/index.js';
import { eq, gt } from '../../src/operators.js';
import {
  integer as pgInteger,
  PgDatabase,
  pgTable,
  text as pgText,
  type PgDelete,
  type PgInsert,
  type PgSelect,
  type PgUpdate,
} from '../../src/pg-core/index.js';
import type { PlanetScaleRunResult } from '../../src/planetscale/index.js';
import type { Database } from '../../src/query/database.js';
import {
  integer,
  sqliteTable,
  text,
  type SQLiteDelete,
  type SQLiteInsert,
  type SQLiteSelect,
  type SQLiteUpdate,
} from '../../src/sqlite-core/index.js';
import { type SQL, type SQLWrapper, sql } from '../../src/sql.js';

type Equal<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

// ---------------------------------------------------------------------- SQLite
const users = sqliteTable('users', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  age: integer('age'),
});
const archive = sqliteTable('archive', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  age: integer('age'),
});
const schema = { users, archive };
declare const db: DrizzleD1Database<typeof schema>;

// INSERT ... SELECT: a select of the table's columns, or a callback given a query builder.
async function insertSelect() {
  const r = await db.insert(archive).select(db.select().from(users).where(gt(users.age, 30)));
  type _run = Expect<Equal<typeof r, D1RunResult>>;
  const rows = await db
    .insert(archive)
    .select((qb) => qb.select({ id: users.id, name: users.name, age: users.age }).from(users))
    .onConflictDoNothing()
    .returning({ id: archive.id });
  type _rows = Expect<Equal<typeof rows, { id: number }[]>>;
  await db
    .insert(archive)
    .select(db.select().from(users))
    .onConflictDoUpdate({ target: archive.id, set: { name: sql`excluded.name` } });
  // A select that misses a required column of the table.
  // @ts-expect-error: `name` is not selected
  db.insert(archive).select(db.select({ id: users.id }).from(users));
}

// Statements after `db.with(cte)`.
async function withStatements() {
  const old = db.$with('old').as(db.select({ id: users.id }).from(users).where(gt(users.age, 60)));
  const deleted = await db
    .with(old)
    .delete(users)
    .where(sql`${users.id} in (select ${old.id} from ${old})`)
    .returning({ id: users.id });
  type _deleted = Expect<Equal<typeof deleted, { id: number }[]>>;
  const updated = await db.with(old).update(users).set({ age: 0 }).where(eq(users.id, 1)).returning();
  type _updated = Expect<Equal<typeof updated, (typeof users.$inferSelect)[]>>;
  await db.with(old).insert(archive).select(db.select().from(users));
}

// drizzle's dynamic-query pattern.
function withPagination<T extends SQLiteSelect>(qb: T, page: number) {
  return qb.limit(10).offset(page * 10);
}
function adults<T extends SQLiteSelect>(qb: T) {
  return qb.where(gt(users.age, 17));
}
function ignoreConflicts<T extends SQLiteInsert>(q: T) {
  return q.onConflictDoNothing();
}
function onlyFirst<T extends SQLiteUpdate | SQLiteDelete>(q: T) {
  return q.where(eq(users.id, 1));
}
async function dynamic() {
  const q = db.select({ id: users.id, name: users.name }).from(users).$dynamic();
  const page = await withPagination(adults(q), 2);
  type _page = Expect<Equal<typeof page, { id: number; name: string }[]>>;
  const all = await withPagination(db.select().from(users).$dynamic(), 0);
  type _all = Expect<Equal<typeof all, (typeof users.$inferSelect)[]>>;
  const ins = await ignoreConflicts(db.insert(users).values({ id: 1, name: 'ann' }).$dynamic());
  type _ins = Expect<Equal<typeof ins, D1RunResult>>;
  await onlyFirst(db.update(users).set({ age: 1 }).$dynamic());
  await onlyFirst(db.delete(users).$dynamic());
  // @ts-expect-error: an insert is not a select
  withPagination(db.insert(users).values({ id: 1, name: 'ann' }), 1);
}

// Insert, update and delete builders are SQLWrappers, as selects are.
function wrappers(): SQL[] {
  const all: SQLWrapper[] = [
    db.insert(users).values({ id: 1, name: 'ann' }),
    db.update(users).set({ age: 1 }),
    db.delete(users).returning(),
    db.select().from(users),
  ];
  return all.map((w) => sql`explain ${w}`);
}

// `db._`: the schema as drizzle exposes it.
function internals() {
  type _full = Expect<Equal<typeof db._.fullSchema, typeof schema>>;
  const names: Record<string, string> = db._.tableNamesMap;
  const dbName: string | undefined = db._.schema?.users?.dbName;
  return [names, dbName];
}

// ------------------------------------------------------------------ PostgreSQL
const pgUsers = pgTable('users', { id: pgInteger('id').primaryKey(), name: pgText('name').notNull() });
const pgArchive = pgTable('archive', { id: pgInteger('id').primaryKey(), name: pgText('name').notNull() });
const pg = new PgDatabase<'async', NeonQueryResult>(undefined as unknown as Session<'async', NeonQueryResult>);

function pgPage<T extends PgSelect>(qb: T, page: number) {
  return qb
    .orderBy(pgUsers.id)
    .limit(10)
    .offset(page * 10);
}
function pgTouch<T extends PgInsert | PgUpdate | PgDelete>(q: T) {
  return q.returning();
}
async function pgQueries() {
  const rows = await pgPage(pg.select().from(pgUsers).$dynamic(), 1);
  type _rows = Expect<Equal<typeof rows, { id: number; name: string }[]>>;
  await pg.insert(pgArchive).select((qb) => qb.select().from(pgUsers).where(gt(pgUsers.id, 1)));
  const cte = pg.$with('c').as(pg.select({ id: pgUsers.id }).from(pgUsers));
  await pg.with(cte).insert(pgArchive).select(pg.select().from(pgUsers));
  await pgTouch(pg.delete(pgUsers).$dynamic());
}

// Data-modifying CTEs, raw SQL CTEs with declared fields, raw SQL as an insert's rows.
async function pgCteStatements() {
  const gone = pg.$with('gone').as(pg.delete(pgUsers).where(eq(pgUsers.id, 1)).returning({ id: pgUsers.id }));
  const ids = await pg.with(gone).select({ id: gone.id }).from(gone);
  type _ids = Expect<Equal<typeof ids, { id: number }[]>>;
  const added = pg.$with('added').as((qb) => qb.insert(pgArchive).values({ id: 1, name: 'a' }).returning());
  const rows = await pg.with(added).select().from(added);
  type _added = Expect<Equal<typeof rows, { id: number; name: string }[]>>;
  const sq = pg.$with('sq', { id: pgUsers.id }).as(sql`select id from users`);
  const fromSql = await pg.with(sq).select({ id: sq.id }).from(sq);
  type _fromSql = Expect<Equal<typeof fromSql, { id: number }[]>>;
  await pg.insert(pgArchive).select(sql`select id, name from users`);
  await pg
    .insert(pgArchive)
    .select(() => sql`select id, name from users`)
    .onConflictDoNothing();
  // @ts-expect-error: raw SQL needs the fields declared: $with(name, fields)
  pg.$with('bad').as(sql`select 1`);
}

// ----------------------------------------------------------------------- MySQL
const myUsers = mysqlTable('users', { id: int('id').primaryKey(), name: varchar('name', { length: 50 }).notNull() });
const myArchive = mysqlTable('archive', {
  id: int('id').primaryKey(),
  name: varchar('name', { length: 50 }).notNull(),
});
declare const my: Database<'async', PlanetScaleRunResult>;

function myPage<T extends MySqlSelect>(qb: T, page: number) {
  return qb.limit(10).offset(page * 10);
}
function myLimit<T extends MySqlUpdate | MySqlDelete>(q: T) {
  return q.limit(1);
}
function myIgnore<T extends MySqlInsert>(q: T) {
  return q.onDuplicateKeyUpdate({ set: { id: sql`id` } });
}
async function myQueries() {
  const rows = await myPage(my.select().from(myUsers).$dynamic(), 1);
  type _rows = Expect<Equal<typeof rows, { id: number; name: string }[]>>;
  await myIgnore(my.insert(myArchive).select(my.select().from(myUsers)).$dynamic());
  await my.insert(myArchive).ignore().select(my.select().from(myUsers));
  const cte = my.$with('c').as(my.select({ id: myUsers.id }).from(myUsers));
  await myLimit(my.with(cte).delete(myUsers).$dynamic());
  // drizzle's mysql-core `with()` has no insert.
  // @ts-expect-error: no insert after with() on MySQL
  my.with(cte).insert(myArchive);
}

export { dynamic, insertSelect, internals, myQueries, pgCteStatements, pgQueries, withStatements, wrappers };
