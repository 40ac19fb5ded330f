// Declaration emit against the packed package: a `packages/db`-like project built with
// `declaration: true` (tables, relations and views of the three dialects, each driver's db,
// builders returned from functions) must emit without TS2742 ("the inferred type of X cannot be named
// without a reference to mizzle/dist/..."): every type an inferred type mentions has to be
// reachable through the exports map (package.json's types-only `./dist/*`). A second project then
// imports the emitted declarations and must still see the real types (an `@ts-expect-error` that
// would be unused if they had decayed to `any`).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { PKG, packedApp } from './pack.mjs';

const TSC = join(PKG, 'node_modules', '.bin', 'tsc');
const OPTIONS = {
  target: 'ES2022',
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  strict: true,
  skipLibCheck: true,
  types: [],
};

const SCHEMA = `
import { eq, relations, sql } from 'mizzle';
import { type D1Database, drizzle } from 'mizzle/d1';
import { type DurableObjectStorage, drizzle as doDrizzle } from 'mizzle/durable-sqlite';
import { json, int, mysqlTable, varchar as myVarchar } from 'mizzle/mysql-core';
import { drizzle as neonDrizzle } from 'mizzle/neon-http';
import { jsonb, pgEnum, pgMaterializedView, pgTable, serial, timestamp, varchar } from 'mizzle/pg-core';
import { drizzle as psDrizzle } from 'mizzle/planetscale';
import { index, integer, sqliteTable, sqliteView, text } from 'mizzle/sqlite-core';
import { createDatabase, drizzle as wasmDrizzle } from 'mizzle/sqlite-wasm';

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    role: text('role', { enum: ['a', 'b'] }).default('a'),
    meta: text('meta', { mode: 'json' }).$type<{ x: number }>(),
    at: integer('at', { mode: 'timestamp' }),
  },
  (t) => [index('by_name').on(t.name)],
);
export const posts = sqliteTable('posts', {
  id: integer('id').primaryKey(),
  userId: integer('user_id').references(() => users.id),
});
export const usersRelations = relations(users, ({ many }) => ({ posts: many(posts) }));
export const postsRelations = relations(posts, ({ one }) => ({
  user: one(users, { fields: [posts.userId], references: [users.id] }),
}));
export const mood = pgEnum('mood', ['sad', 'ok']);
export const pgUsers = pgTable('pg_users', {
  id: serial('id').primaryKey(),
  name: varchar('name', { length: 20 }),
  doc: jsonb('doc'),
  at: timestamp('at'),
  mood: mood('mood'),
});
export const myUsers = mysqlTable('my_users', {
  id: int('id').primaryKey(),
  name: myVarchar('name', { length: 20 }),
  doc: json('doc'),
});
export const schema = { users, posts, usersRelations, postsRelations };
export const named = sqliteView('named').as((qb) => qb.select({ id: users.id, name: users.name }).from(users));
export const stats = pgMaterializedView('stats').as((qb) => qb.select({ id: pgUsers.id }).from(pgUsers));
export const makeDb = (binding: D1Database) => drizzle(binding, { schema });
export const makeNeon = (url: string) => neonDrizzle(url, { schema: { pgUsers } });
export const makePs = (url: string) => psDrizzle(url, { schema: { myUsers } });
export const makeDo = (storage: DurableObjectStorage) => doDrizzle(storage, { schema });
export const makeWasm = async () => wasmDrizzle(await createDatabase(), { schema });
export const byName = (db: ReturnType<typeof makeDb>, n: string) => db.select().from(users).where(eq(users.name, n));
export const lower = sql<string>\`lower(\${users.name})\`;
export const withPosts = (db: ReturnType<typeof makeDb>) => db.query.users.findMany({ with: { posts: true } });
export const insertOne = (db: ReturnType<typeof makeDb>) => db.insert(users).values({ name: 'x' }).returning();
`;

const CONSUMER = `
import { getViewName } from 'mizzle';
import type { PgMaterializedView, PgView } from 'mizzle/pg-core';
import { type makeDb, named, stats, users } from '../out/schema.js';
type User = typeof users.$inferSelect;
export const u: User = { id: 1, name: 'a', role: 'a', meta: { x: 1 }, at: null };
// @ts-expect-error name is a string
export const bad: User = { ...u, name: 1 };
export const viewName: 'named' = getViewName(named);
export const refreshable: PgMaterializedView = stats;
// @ts-expect-error a materialized view is no PgView
export const plain: PgView = stats;
export async function first(db: ReturnType<typeof makeDb>): Promise<string | undefined> {
  const r = await db.query.users.findFirst({ with: { posts: true } });
  return r?.posts.length === 0 ? r.name : undefined;
}
`;

let app;
before(() => {
  app = packedApp('declarations');
  const dir = app.app;
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src', 'schema.ts'), SCHEMA);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { ...OPTIONS, declaration: true, outDir: 'out' }, include: ['src'] }),
  );
  mkdirSync(join(dir, 'consumer'));
  writeFileSync(join(dir, 'consumer', 'main.ts'), CONSUMER);
  writeFileSync(
    join(dir, 'consumer', 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { ...OPTIONS, noEmit: true }, files: ['main.ts'] }),
  );
});
after(() => app?.cleanup());

function tsc(project) {
  const r = spawnSync(TSC, ['-p', project], { encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

test('declaration: true emits every inferred table, relation, view, db and builder type (no TS2742)', () => {
  const r = tsc(app.app);
  assert.doesNotMatch(r.output, /TS2742/);
  assert.equal(r.status, 0, r.output);
  const dts = readFileSync(join(app.app, 'out', 'schema.d.ts'), 'utf8');
  // The internal types are named through the exports map's `./dist/*`, not a file path.
  assert.match(dts, /import\("mizzle\/dist\/column-builder"\)/);
  assert.doesNotMatch(dts, /node_modules/);
});

test('a project importing the emitted declarations sees the real types', () => {
  const r = tsc(join(app.app, 'consumer'));
  assert.equal(r.status, 0, r.output);
});
