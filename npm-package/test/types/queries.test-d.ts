/**
 * Type tests for the query builders: compiled by `tsc --noEmit -p
 * tsconfig.test.json`, never run. Each `Expect<Equal<A, B>>` fails to compile
 * when the types differ; each `@ts-expect-error` line fails to compile when
 * the misuse it marks stops being an error.
 *
 * The expected types are drizzle-orm 0.45's for the same code (checked
 * against drizzle's own declarations), except where a comment says mizzle
 * differs on purpose.
 */
import { avg, count, max, sum } from '../../src/aggregates.js';
import type { DrizzleD1Database, D1RunResult } from '../../src/d1/index.js';
import type { DrizzleSqliteDODatabase, DurableRunResult } from '../../src/durable-sqlite/index.js';
import {
  and,
  asc,
  between,
  desc,
  eq,
  exists,
  gt,
  inArray,
  isNull,
  like,
  lt,
  ne,
  notInArray,
  or,
} from '../../src/operators.js';
import type { QueryTypeError } from '../../src/query/result-types.js';
import { union, unionAll } from '../../src/query/set-ops.js';
import { sql, type SQL } from '../../src/sql.js';
import { alias, integer, sqliteTable, text } from '../../src/sqlite-core/index.js';
import type { RunResult, SQLiteWasmDatabase } from '../../src/sqlite-wasm/index.js';

type Equal<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

// ---------------------------------------------------------------------- schema
const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  age: integer('age'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: integer('created_at', { mode: 'timestamp' })
    .notNull()
    .$defaultFn(() => new Date()),
  role: text('role', { enum: ['admin', 'user'] })
    .notNull()
    .default('user'),
  meta: text('meta', { mode: 'json' }).$type<{ tags: string[] }>(),
});

const posts = sqliteTable('posts', {
  id: integer('id').primaryKey(),
  authorId: integer('author_id')
    .notNull()
    .references(() => users.id),
  title: text('title').notNull(),
  body: text('body'),
});

const comments = sqliteTable('comments', {
  id: integer('id').primaryKey(),
  postId: integer('post_id').notNull(),
  text: text('text').notNull(),
});

type User = typeof users.$inferSelect;
type Post = typeof posts.$inferSelect;
type Comment = typeof comments.$inferSelect;

export type S1 = Expect<
  Equal<
    User,
    {
      id: number;
      name: string;
      age: number | null;
      active: boolean;
      createdAt: Date;
      role: 'admin' | 'user';
      meta: { tags: string[] } | null;
    }
  >
>;

declare const db: SQLiteWasmDatabase; // sync
declare const d1: DrizzleD1Database; // async
declare const durable: DrizzleSqliteDODatabase; // sync

// -------------------------------------------------------------- select: plain
const allUsers = db.select().from(users).all();
export type Q1 = Expect<Equal<typeof allUsers, User[]>>;

const oneUser = db.select().from(users).get();
export type Q2 = Expect<Equal<typeof oneUser, User | undefined>>;

const awaitedUsers = await db.select().from(users);
export type Q3 = Expect<Equal<typeof awaitedUsers, User[]>>;

const executed = db.select().from(users).execute();
export type Q4 = Expect<Equal<typeof executed, User[]>>;

const rawValues = db.select().from(users).values();
export type Q5 = Expect<Equal<typeof rawValues, unknown[][]>>;

const runSync = db.select().from(users).run();
export type Q6 = Expect<Equal<typeof runSync, RunResult>>;

const distinctNames = db.selectDistinct({ name: users.name }).from(users).all();
export type Q7 = Expect<Equal<typeof distinctNames, { name: string }[]>>;

// Chaining keeps the type.
const chained = db
  .select()
  .from(users)
  .where(and(eq(users.id, 1), gt(users.age, 18)))
  .orderBy(desc(users.createdAt), asc(users.name))
  .groupBy(users.role)
  .having(gt(count(), 1))
  .limit(10)
  .offset(5)
  .all();
export type Q8 = Expect<Equal<typeof chained, User[]>>;

// -------------------------------------------------------------- select: async
const d1Users = d1.select().from(users).all();
export type A1 = Expect<Equal<typeof d1Users, Promise<User[]>>>;

const d1One = d1.select().from(users).get();
export type A2 = Expect<Equal<typeof d1One, Promise<User | undefined>>>;

const d1Awaited = await d1.select({ id: users.id }).from(users);
export type A3 = Expect<Equal<typeof d1Awaited, { id: number }[]>>;

const d1Run = d1.select().from(users).run();
export type A4 = Expect<Equal<typeof d1Run, Promise<D1RunResult>>>;

const d1Values = d1.select().from(users).values();
export type A5 = Expect<Equal<typeof d1Values, Promise<unknown[][]>>>;

const doUsers = durable.select().from(users).all();
export type A6 = Expect<Equal<typeof doUsers, User[]>>;

const doRun = durable.delete(users).run();
export type A7 = Expect<Equal<typeof doRun, DurableRunResult>>;

// ----------------------------------------------------------- select: fields
const partial = db
  .select({
    id: users.id,
    age: users.age,
    n: count(),
    x: sql<string>`upper(${users.name})`,
    y: sql`1`,
    total: sum(users.age),
    oldest: max(users.createdAt),
    avgAge: avg(users.age),
    mapped: sql`${users.age}`.mapWith(Number),
    aliased: sql<boolean>`1`.as('aliased'),
  })
  .from(users)
  .all();
export type F1 = Expect<
  Equal<
    typeof partial,
    {
      id: number;
      age: number | null;
      n: number;
      x: string;
      y: unknown;
      total: string | null;
      oldest: Date | null;
      avgAge: string | null;
      mapped: number;
      aliased: boolean;
    }[]
  >
>;

// Nested objects and whole tables inside a selection.
const nested = db
  .select({ user: users, info: { id: users.id, meta: users.meta, deep: { role: users.role } } })
  .from(users)
  .get();
export type F2 = Expect<
  Equal<
    typeof nested,
    { user: User; info: { id: number; meta: { tags: string[] } | null; deep: { role: 'admin' | 'user' } } } | undefined
  >
>;

// A column of a table that is not in the query selects as `never` (drizzle's signal).
const notInQuery = db.select({ id: posts.id }).from(users).all();
export type F3 = Expect<Equal<typeof notInQuery, { id: never }[]>>;

// mapWith a column decodes (and types) like that column.
const mappedByColumn = db
  .select({ flag: sql`1`.mapWith(users.active) })
  .from(users)
  .all();
export type F4 = Expect<Equal<typeof mappedByColumn, { flag: boolean }[]>>;

// Deeper nesting: drizzle's types reject it, mizzle decodes it, so it is typed (a superset).
const deep = db
  .select({ a: { b: { c: users.id } } })
  .from(users)
  .all();
export type F5 = Expect<Equal<typeof deep, { a: { b: { c: number } } }[]>>;

// Callback forms of orderBy / groupBy get the selection.
const orderedByCallback = db
  .select({ id: users.id, n: count() })
  .from(users)
  .groupBy((f) => f.id)
  .orderBy((f, { desc: d }) => [d(f.n), f.id])
  .all();
export type F6 = Expect<Equal<typeof orderedByCallback, { id: number; n: number }[]>>;

// `then` is typed, so promise chains keep the row type.
const thenChain = db
  .select({ id: users.id })
  .from(users)
  .then((rows) => rows.map((r) => r.id));
export type F7 = Expect<Equal<typeof thenChain, Promise<number[]>>>;
const d1Execute = d1.select({ id: users.id }).from(users).execute();
export type F8 = Expect<Equal<typeof d1Execute, Promise<{ id: number }[]>>>;

// ------------------------------------------------------------ select: joins
const leftJoined = db.select().from(users).leftJoin(posts, eq(users.id, posts.authorId)).all();
export type J1 = Expect<Equal<typeof leftJoined, { users: User; posts: Post | null }[]>>;

const innerJoined = db.select().from(users).innerJoin(posts, eq(users.id, posts.authorId)).all();
export type J2 = Expect<Equal<typeof innerJoined, { users: User; posts: Post }[]>>;

const rightJoined = db.select().from(users).rightJoin(posts, eq(users.id, posts.authorId)).all();
export type J3 = Expect<Equal<typeof rightJoined, { users: User | null; posts: Post }[]>>;

const fullJoined = db.select().from(users).fullJoin(posts, eq(users.id, posts.authorId)).get();
export type J4 = Expect<Equal<typeof fullJoined, { users: User | null; posts: Post | null } | undefined>>;

const crossJoined = db.select().from(users).crossJoin(posts).all();
export type J5 = Expect<Equal<typeof crossJoined, { users: User; posts: Post }[]>>;

// Three tables: a right join nulls every earlier table, including an inner-joined one.
const threeWay = db
  .select()
  .from(users)
  .innerJoin(posts, eq(users.id, posts.authorId))
  .rightJoin(comments, eq(comments.postId, posts.id))
  .all();
export type J6 = Expect<Equal<typeof threeWay, { users: User | null; posts: Post | null; comments: Comment }[]>>;

// The join callback gets the selection so far; where() gets the joined selection.
const withCallbacks = db
  .select()
  .from(users)
  .leftJoin(posts, (u) => eq(u.id, posts.authorId))
  .where((f) => and(eq(f.users.id, 1), isNull(f.posts.body)))
  .all();
export type J7 = Expect<Equal<typeof withCallbacks, { users: User; posts: Post | null }[]>>;

// Aliases are keyed by the alias name.
const parent = alias(users, 'parent');
const selfJoin = db.select().from(users).leftJoin(parent, eq(parent.id, users.age)).all();
export type J8 = Expect<Equal<typeof selfJoin, { users: User; parent: User | null }[]>>;

// Explicit fields + joins: each column follows its own table's nullability...
const partialLeft = db
  .select({ id: users.id, title: posts.title, body: posts.body, n: count() })
  .from(users)
  .leftJoin(posts, eq(users.id, posts.authorId))
  .all();
export type J9 = Expect<
  Equal<typeof partialLeft, { id: number; title: string | null; body: string | null; n: number }[]>
>;

// ...a nested object of one table's columns becomes nullable as a whole...
const partialGroup = db
  .select({ id: users.id, post: { id: posts.id, title: posts.title } })
  .from(users)
  .leftJoin(posts, eq(users.id, posts.authorId))
  .all();
export type J10 = Expect<Equal<typeof partialGroup, { id: number; post: { id: number; title: string } | null }[]>>;

// ...a nested object mixing tables is judged field by field...
const partialMixed = db
  .select({ x: { postId: posts.id, name: users.name } })
  .from(users)
  .leftJoin(posts, eq(users.id, posts.authorId))
  .all();
export type J11 = Expect<Equal<typeof partialMixed, { x: { postId: number | null; name: string } }[]>>;

// ...a whole table follows its nullability, SQL never becomes nullable.
const partialRight = db
  .select({ u: users, p: posts, s: sql<number>`1` })
  .from(users)
  .rightJoin(posts, eq(users.id, posts.authorId))
  .all();
export type J12 = Expect<Equal<typeof partialRight, { u: User | null; p: Post; s: number }[]>>;

// An alias's columns follow the alias's nullability, not the original table's.
const aliasPartial = db
  .select({ own: users.name, parentName: parent.name })
  .from(users)
  .leftJoin(parent, eq(parent.id, users.age))
  .all();
export type J13 = Expect<Equal<typeof aliasPartial, { own: string; parentName: string | null }[]>>;

// A group mixing one nullable table's columns with SQL is nullable as a whole; a group of SQL only is not.
const sqlGroups = db
  .select({ g: { id: posts.id, one: sql<number>`1` }, s: { one: sql<number>`1` } })
  .from(users)
  .leftJoin(posts, eq(users.id, posts.authorId))
  .all();
export type J14 = Expect<Equal<typeof sqlGroups, { g: { id: number; one: number } | null; s: { one: number } }[]>>;

// ----------------------------------------------------- subqueries and CTEs
const sq = db
  .select({ authorId: posts.authorId, title: posts.title, n: sql<number>`count(*)`.as('n') })
  .from(posts)
  .groupBy(posts.authorId)
  .as('sq');
export type SQ1 = Expect<Equal<(typeof sq.authorId)['_']['data'], number>>;
export type SQ2 = Expect<Equal<(typeof sq.authorId)['_']['tableName'], 'sq'>>;
export type SQ3 = Expect<Equal<typeof sq.n, SQL.Aliased<number>>>;

const fromSq = db.select().from(sq).all();
export type SQ4 = Expect<Equal<typeof fromSq, { authorId: number; title: string; n: number }[]>>;

const joinSq = db
  .select({ name: users.name, n: sq.n, authorId: sq.authorId })
  .from(users)
  .leftJoin(sq, eq(sq.authorId, users.id))
  .all();
// The subquery's column becomes nullable; its aliased SQL does not (drizzle's rule).
export type SQ5 = Expect<Equal<typeof joinSq, { name: string; n: number; authorId: number | null }[]>>;

const joinSqAll = db.select().from(users).innerJoin(sq, eq(sq.authorId, users.id)).get();
export type SQ6 = Expect<
  Equal<typeof joinSqAll, { users: User; sq: { authorId: number; title: string; n: number } } | undefined>
>;

// Columns of a left-joined table inside a subquery are nullable outside it.
const sqLeft = db
  .select({ uid: users.id, pid: posts.id })
  .from(users)
  .leftJoin(posts, eq(users.id, posts.authorId))
  .as('sql');
export type SQ7 = Expect<Equal<(typeof sqLeft.pid)['_']['notNull'], false>>;
const fromSqLeft = db.select().from(sqLeft).all();
export type SQ8 = Expect<Equal<typeof fromSqLeft, { uid: number; pid: number | null }[]>>;

// Unaliased SQL cannot be referenced from outside (drizzle's error type; it fails at run time too).
const sqRaw = db.select({ id: users.id, c: count() }).from(users).as('raw');
export type SQ9 = Expect<
  Equal<
    typeof sqRaw.c,
    QueryTypeError<'You cannot reference this field without assigning it an alias first - use `.as(<alias>)`'>
  >
>;

const cte = db.$with('adults').as(db.select({ id: users.id, name: users.name }).from(users).where(gt(users.age, 17)));
const fromCte = db.with(cte).select().from(cte).all();
export type SQ10 = Expect<Equal<typeof fromCte, { id: number; name: string }[]>>;

const cteCallback = db.$with('titles').as((qb) => qb.select({ title: posts.title }).from(posts));
const fromCteCallback = await db.with(cteCallback).select({ t: cteCallback.title }).from(cteCallback);
export type SQ11 = Expect<Equal<typeof fromCteCallback, { t: string }[]>>;

const d1Cte = d1
  .$with('recent')
  .as(d1.select({ title: posts.title, author: users.name }).from(posts).leftJoin(users, eq(users.id, posts.authorId)));
const fromD1Cte = await d1.with(d1Cte).select({ title: d1Cte.title, author: d1Cte.author }).from(d1Cte);
export type SQ13 = Expect<Equal<typeof fromD1Cte, { title: string; author: string | null }[]>>;

// Subqueries in conditions.
const inSub = db
  .select({ id: users.id })
  .from(users)
  .where(
    and(
      inArray(users.id, db.select({ id: posts.authorId }).from(posts)),
      exists(db.select().from(posts).where(eq(posts.authorId, users.id))),
    ),
  )
  .all();
export type SQ12 = Expect<Equal<typeof inSub, { id: number }[]>>;

// -------------------------------------------------------------- set operations
const unioned = db
  .select({ id: users.id })
  .from(users)
  .union(db.select({ id: posts.id }).from(posts))
  .all();
export type U1 = Expect<Equal<typeof unioned, { id: number }[]>>;

const unionFn = union(db.select({ id: users.id }).from(users), db.select({ id: posts.id }).from(posts)).all();
export type U2 = Expect<Equal<typeof unionFn, { id: number }[]>>;

// biome-ignore format: @ts-expect-error must sit right above the line with the error
// @ts-expect-error: set operations need the same shape
db.select({ id: users.id }).from(users).union(db.select({ id: posts.id, t: posts.title }).from(posts));
// @ts-expect-error: ...also in the standalone form
unionAll(db.select({ id: users.id }).from(users), db.select({ t: posts.title }).from(posts));

// ---------------------------------------------------------------------- insert
const inserted = db.insert(users).values({ name: 'ann' }).run();
export type I1 = Expect<Equal<typeof inserted, RunResult>>;

const insertAwaited = await db.insert(users).values([{ name: 'ann' }, { name: 'bob', age: 3 }]);
export type I2 = Expect<Equal<typeof insertAwaited, RunResult>>;

const insertReturning = db.insert(users).values({ name: 'ann' }).returning().all();
export type I3 = Expect<Equal<typeof insertReturning, User[]>>;

const insertReturningAwaited = await db.insert(users).values({ name: 'ann' }).returning({ id: users.id });
export type I4 = Expect<Equal<typeof insertReturningAwaited, { id: number }[]>>;

const insertReturningGet = db
  .insert(users)
  .values({ name: 'ann' })
  .returning({ id: users.id, up: sql<string>`upper(name)` })
  .get();
export type I5 = Expect<Equal<typeof insertReturningGet, { id: number; up: string } | undefined>>;

const d1Insert = d1.insert(users).values({ name: 'ann' });
export type I6 = Expect<Equal<Awaited<typeof d1Insert>, D1RunResult>>;
const d1InsertReturning = d1.insert(users).values({ name: 'ann' }).returning().get();
export type I7 = Expect<Equal<typeof d1InsertReturning, Promise<User | undefined>>>;

// Values may be SQL or placeholders; every optional column may be given.
db.insert(users).values({
  name: sql`lower('ANN')`,
  age: null,
  active: false,
  createdAt: new Date(),
  role: 'admin',
  meta: { tags: ['a'] },
  id: sql.placeholder('id'),
});

// Upserts: `set` takes insert-model values, SQL or columns.
const upsert = db
  .insert(users)
  .values({ name: 'ann' })
  .onConflictDoUpdate({ target: users.id, set: { name: sql`excluded.name`, age: 3, active: users.active } })
  .returning({ id: users.id })
  .all();
export type I8 = Expect<Equal<typeof upsert, { id: number }[]>>;
db.insert(users)
  .values({ name: 'ann' })
  .onConflictDoNothing({ target: [users.id] })
  .run();

// Without RETURNING, .all() / .get() are drizzle's error types.
const insertAll = db.insert(users).values({ name: 'ann' }).all();
export type I9 = Expect<Equal<typeof insertAll, QueryTypeError<'.all() cannot be used without .returning()'>>>;
const insertGet = db.insert(users).values({ name: 'ann' }).get();
export type I10 = Expect<Equal<typeof insertGet, QueryTypeError<'.get() cannot be used without .returning()'>>>;

// @ts-expect-error: unknown column
db.insert(users).values({ name: 'ann', nmae: 'typo' });
// @ts-expect-error: unknown column in one row of several
db.insert(users).values([{ name: 'ann' }, { name: 'bob', extra: 1 }]);
// @ts-expect-error: wrong value type
db.insert(users).values({ name: 42 });
// @ts-expect-error: wrong enum value
db.insert(users).values({ name: 'ann', role: 'root' });
// @ts-expect-error: null for a NOT NULL column
db.insert(users).values({ name: null });
// @ts-expect-error: missing required column `name`
db.insert(users).values({ age: 3 });
// @ts-expect-error: missing required column `authorId`
db.insert(posts).values({ title: 't' });
// @ts-expect-error: json column typed by $type
db.insert(users).values({ name: 'ann', meta: { tags: 'a' } });
// biome-ignore format: @ts-expect-error must sit right above the line with the error
// @ts-expect-error: onConflictDoUpdate set is checked too
db.insert(users).values({ name: 'ann' }).onConflictDoUpdate({ target: users.id, set: { name: 1 } });
// @ts-expect-error: returning() result is an array of rows, not a row
db.insert(users).values({ name: 'ann' }).returning().all().name;
// @ts-expect-error: without returning() awaiting gives the run result, not rows
insertAwaited[0];
// @ts-expect-error: a returning() field list only has the fields asked for
insertReturningAwaited[0]!.name;

// ---------------------------------------------------------------------- update
const updated = db.update(users).set({ name: 'x' }).where(eq(users.id, 1)).run();
export type UP1 = Expect<Equal<typeof updated, RunResult>>;

const updatedReturning = db.update(users).set({ age: null, name: sql`upper(name)` }).returning().all();
export type UP2 = Expect<Equal<typeof updatedReturning, User[]>>;

const updatedFields = await d1
  .update(users)
  .set({ active: true })
  .where(eq(users.id, 1))
  .returning({ id: users.id, a: users.active });
export type UP3 = Expect<Equal<typeof updatedFields, { id: number; a: boolean }[]>>;

const updatedLimited = db
  .update(posts)
  .set({ body: posts.title })
  .orderBy(desc(posts.id))
  .limit(1)
  .returning({ id: posts.id })
  .get();
export type UP4 = Expect<Equal<typeof updatedLimited, { id: number } | undefined>>;

// @ts-expect-error: unknown column in set
db.update(users).set({ nmae: 'x' });
// @ts-expect-error: wrong type in set
db.update(users).set({ age: 'old' });
// @ts-expect-error: null for a NOT NULL column
db.update(users).set({ name: null });

// ---------------------------------------------------------------------- delete
const deleted = db.delete(users).where(eq(users.id, 1)).run();
export type D1 = Expect<Equal<typeof deleted, RunResult>>;

const deletedReturning = db.delete(posts).where(lt(posts.id, 10)).returning().all();
export type D2 = Expect<Equal<typeof deletedReturning, Post[]>>;

const deletedFields = await d1.delete(posts).returning({ t: posts.title });
export type D3 = Expect<Equal<typeof deletedFields, { t: string }[]>>;

const d1Delete = d1.delete(posts).run();
export type D4 = Expect<Equal<typeof d1Delete, Promise<D1RunResult>>>;

// ----------------------------------------------------------------- operators
eq(users.id, 1);
eq(users.id, posts.authorId);
eq(users.id, sql`1`);
eq(users.id, sql.placeholder('id'));
ne(users.name, 'x');
gt(users.createdAt, new Date());
eq(users.active, true);
eq(users.role, 'admin');
eq(sq.n, 3);
eq(sql`1`, 'anything'); // raw SQL on the left is unchecked
inArray(users.id, [1, 2, 3]);
inArray(users.role, ['admin'] as const);
notInArray(users.id, [sql.placeholder('a')]);
between(users.age, 1, 10);
like(users.name, '%a%');
like(users.id, '%1%'); // drizzle does not restrict like() to text columns
or(isNull(users.age), like(users.name, sql.placeholder('pattern')));

// @ts-expect-error: string against an integer column
eq(users.id, 'x');
// @ts-expect-error: null is not a value (use isNull)
eq(users.age, null);
// @ts-expect-error: number against a text column
gt(users.name, 3);
// @ts-expect-error: a value outside the enum
eq(users.role, 'root');
// @ts-expect-error: boolean column
eq(users.active, 1);
// @ts-expect-error: aliased SQL keeps its type
eq(sq.n, 'three');
// @ts-expect-error: list of the wrong type
inArray(users.id, ['1']);
// @ts-expect-error: bounds of the wrong type
between(users.createdAt, 1, 2);
// @ts-expect-error: like() patterns are strings
like(users.name, 1);
// @ts-expect-error: an unreferenceable subquery field cannot be compared
eq(sqRaw.c, 1);

// -------------------------------------------------------- prepared statements
const prepared = db
  .select()
  .from(users)
  .where(eq(users.id, sql.placeholder('id')))
  .prepare();
const preparedAll = prepared.all({ id: 1 });
export type P1 = Expect<Equal<typeof preparedAll, User[]>>;
const preparedGet = prepared.get({ id: 1 });
export type P2 = Expect<Equal<typeof preparedGet, User | undefined>>;
const preparedExecute = prepared.execute({ id: 1 });
export type P3 = Expect<Equal<typeof preparedExecute, User[]>>;

const preparedD1 = d1.select({ id: users.id }).from(users).limit(sql.placeholder('n')).prepare('q');
const preparedD1All = preparedD1.all({ n: 1 });
export type P4 = Expect<Equal<typeof preparedD1All, Promise<{ id: number }[]>>>;
const preparedD1Run = preparedD1.run();
export type P5 = Expect<Equal<typeof preparedD1Run, Promise<D1RunResult>>>;

const preparedInsert = db
  .insert(users)
  .values({ name: sql.placeholder('name') })
  .prepare();
const preparedInsertRun = preparedInsert.execute({ name: 'x' });
export type P6 = Expect<Equal<typeof preparedInsertRun, RunResult>>;
const preparedInsertReturning = db.insert(users).values({ name: 'x' }).returning().prepare().get();
export type P7 = Expect<Equal<typeof preparedInsertReturning, User | undefined>>;

// ----------------------------------------------------------- db-level helpers
// $count is drizzle's count builder on every host: awaitable, and SQL<number> to embed.
const counted = await db.$count(users);
export type C1 = Expect<Equal<typeof counted, number>>;
const countedWhere = await d1.$count(users, eq(users.active, true));
export type C2 = Expect<Equal<typeof countedWhere, number>>;
const countedSq = await db.$count(sq);
export type C3 = Expect<Equal<typeof countedSq, number>>;
const countEmbedded = db
  .select({ name: users.name, posts: db.$count(posts, eq(posts.authorId, users.id)) })
  .from(users)
  .all();
export type C4 = Expect<Equal<typeof countEmbedded, { name: string; posts: number }[]>>;

const batched = await d1.batch([
  d1.insert(users).values({ name: 'a' }),
  d1.select({ n: count() }).from(users),
  d1.update(users).set({ age: 1 }).returning({ id: users.id }),
  d1.delete(posts),
]);
export type B1 = Expect<Equal<typeof batched, [D1RunResult, { n: number }[], { id: number }[], D1RunResult]>>;
const batchedSync = await db.batch([
  db.select().from(users),
  db.select().from(users).leftJoin(posts, eq(users.id, posts.authorId)),
]);
export type B2 = Expect<Equal<typeof batchedSync, [User[], { users: User; posts: Post | null }[]]>>;
// @ts-expect-error: batch needs at least one query
db.batch([]);

const txResult = db.transaction((tx) => {
  const row = tx.insert(users).values({ name: 'tx' }).returning().get();
  const nested = tx.transaction((inner) => inner.select({ id: users.id }).from(users).all());
  return { row, nested };
});
export type T1 = Expect<Equal<typeof txResult, { row: User | undefined; nested: { id: number }[] }>>;
const txAsync = d1.transaction(async (tx) => (await tx.select().from(users)).length);
export type T2 = Expect<Equal<typeof txAsync, Promise<number>>>;

const rawAll = db.all<{ n: number }>(sql`select 1 as n`);
export type R1 = Expect<Equal<typeof rawAll, { n: number }[]>>;
const rawGet = await d1.get<{ n: number }>(sql`select 1 as n`);
export type R2 = Expect<Equal<typeof rawGet, { n: number } | undefined>>;
const rawRun = db.run(sql`delete from users`);
export type R3 = Expect<Equal<typeof rawRun, RunResult>>;
const rawValuesTyped = db.values<[number, string]>(sql`select id, name from users`);
export type R4 = Expect<Equal<typeof rawValuesTyped, [number, string][]>>;

// ---------------------------------------------------------------- misuse
const maybeUser = db.select().from(users).where(eq(users.id, 1)).get();
// @ts-expect-error: .get() may find nothing
maybeUser.name;
const joinedRows = db.select().from(users).leftJoin(posts, eq(users.id, posts.authorId)).all();
// @ts-expect-error: a left-joined table may be null
joinedRows[0]!.posts.title;
// ...fine after a null check
joinedRows[0]!.posts?.title;
// @ts-expect-error: after a join, rows are keyed by table name
joinedRows[0]!.name;
// @ts-expect-error: async hosts return promises
d1.select().from(users).all()[0];
// @ts-expect-error: partial selects only have the selected fields
db.select({ id: users.id }).from(users).all()[0]!.name;
// biome-ignore format: @ts-expect-error must sit right above the line with the error
// @ts-expect-error: where() callback gets the selection, not arbitrary names
db.select({ id: users.id }).from(users).where((f) => eq(f.name, 'x'));
// @ts-expect-error: FROM takes tables, aliases, subqueries and CTEs
db.select().from({ id: users.id });
// @ts-expect-error: select fields must be columns, SQL, tables or nested objects
db.select({ id: 1 });
// @ts-expect-error: limit is a number
db.select().from(users).limit('10');
// @ts-expect-error: insert needs a table
db.insert({ id: users.id });
