// The public conformance set: scenarios written against drizzle-orm 0.45's documented
// SQLite API. Plain ESM with no imports, so the same file runs in Node (mizzle on the
// embedded database) and is bundled into workerd workers (mizzle/d1 and drizzle-orm/d1).
//
// A scenario is { name, run: async (db, t, ops) => result, check(result, assert), asyncOnly? }:
//   db   the driver's `db` (mizzle or drizzle-orm),
//   t    the schema made by makeSchema(core, ops) from that implementation's `sqlite-core`
//        (t.core holds its alias/union/unionAll/intersect/except),
//   ops  that implementation's root module (eq, and, sql, count, ...).
// asyncOnly: true marks scenarios that only mean something on async drivers (a lazy
// `db.run(sql)` inside `db.batch`; drizzle has no batch on sync drivers): the embedded
// (sync) runner skips them. syncOnly: true marks the reverse (`db.transaction()` with a
// synchronous callback, which D1 has not): only the embedded runner runs them.
// `db.query.*` (relational queries) works because every runner passes `t.schema` (tables
// and relations) to `drizzle(client, { schema })`.
// Every scenario starts from a fresh database made by `setupStatements` (drop, create,
// seed). `run` must `await` everything (mizzle's embedded db is synchronous, D1 is not).
// `check` states the scenario's own invariants on the NORMALISED result, so a scenario
// can fail on its own, not only by disagreeing with another implementation.

/**
 * The schema, built with either implementation's `sqlite-core` module (`core`); `ops` is
 * the same implementation's root module (only its `sql`, for a SQL column default).
 */
export function makeSchema(core, ops) {
  const { sqliteTable, integer, text, real, numeric, blob, customType } = core;

  const cities = sqliteTable('cities', {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    country: text('country'),
  });

  const users = sqliteTable('users', {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    email: text('email').unique(),
    age: integer('age'),
    role: text('role', { enum: ['admin', 'user', 'guest'] })
      .notNull()
      .default('user'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    cityId: integer('city_id').references(() => cities.id),
    createdAt: integer('created_at', { mode: 'timestamp' }),
    score: real('score'),
    meta: text('meta', { mode: 'json' }),
  });

  const posts = sqliteTable('posts', {
    id: integer('id').primaryKey(),
    authorId: integer('author_id').notNull(),
    title: text('title').notNull(),
    views: integer('views').notNull().default(0),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
  });

  const counters = sqliteTable('counters', {
    key: text('key').primaryKey(),
    value: integer('value').notNull().default(0),
  });

  const csv = customType({
    dataType: () => 'text',
    toDriver: (v) => v.join(','),
    fromDriver: (v) => (v === '' ? [] : String(v).split(',')),
  });
  const cents = customType({
    dataType: () => 'integer',
    toDriver: (v) => Math.round(v * 100),
    fromDriver: (v) => Number(v) / 100,
  });

  const kinds = sqliteTable('kinds', {
    id: integer('id').primaryKey(),
    intNum: integer('int_num', { mode: 'number' }),
    bool: integer('bool', { mode: 'boolean' }),
    ts: integer('ts', { mode: 'timestamp' }),
    tsMs: integer('ts_ms', { mode: 'timestamp_ms' }),
    txt: text('txt'),
    en: text('en', { enum: ['a', 'b', 'c'] }),
    js: text('js', { mode: 'json' }),
    re: real('re'),
    num: numeric('num'),
    numN: numeric('num_n', { mode: 'number' }),
    numB: numeric('num_b', { mode: 'bigint' }),
    blobBuf: blob('blob_buf', { mode: 'buffer' }),
    blobJson: blob('blob_json', { mode: 'json' }),
    blobBig: blob('blob_big', { mode: 'bigint' }),
    tags: csv('tags'),
    price: cents('price'),
  });

  const defaultsT = sqliteTable('defaults_t', {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull().default('anon'),
    n: integer('n').notNull().default(7),
    sqlDefault: integer('sql_default').default(ops.sql`(6 * 7)`),
    created: integer('created', { mode: 'timestamp' }).$defaultFn(() => new Date(1700000000000)),
    tag: text('tag').$defaultFn(() => 'generated'),
    state: text('state')
      .default('initial')
      .$onUpdate(() => 'updated'),
    legacy: text('legacy'),
  });

  // Tables only the relational scenarios read (db.query.*).
  const comments = sqliteTable('comments', {
    id: integer('id').primaryKey(),
    postId: integer('post_id').notNull(),
    authorId: integer('author_id').notNull(),
    body: text('body').notNull(),
  });

  const categories = sqliteTable('categories', {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    parentId: integer('parent_id'),
  });

  const tags = sqliteTable('tags', {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
  });

  const postTags = sqliteTable('post_tags', {
    postId: integer('post_id').notNull(),
    tagId: integer('tag_id').notNull(),
  });

  /** Rows pointing at `kinds`, so its typed columns can be read inside a relation. */
  const holders = sqliteTable('holders', {
    id: integer('id').primaryKey(),
    kindId: integer('kind_id'),
    label: text('label').notNull(),
  });

  const { relations } = ops;
  const usersRelations = relations(users, ({ one, many }) => ({
    posts: many(posts),
    city: one(cities, { fields: [users.cityId], references: [cities.id] }),
    comments: many(comments),
  }));
  const citiesRelations = relations(cities, ({ many }) => ({ users: many(users) }));
  const postsRelations = relations(posts, ({ one, many }) => ({
    author: one(users, { fields: [posts.authorId], references: [users.id] }),
    comments: many(comments),
    postTags: many(postTags),
  }));
  const commentsRelations = relations(comments, ({ one }) => ({
    post: one(posts, { fields: [comments.postId], references: [posts.id] }),
    author: one(users, { fields: [comments.authorId], references: [users.id] }),
  }));
  const categoriesRelations = relations(categories, ({ one, many }) => ({
    parent: one(categories, { fields: [categories.parentId], references: [categories.id], relationName: 'tree' }),
    children: many(categories, { relationName: 'tree' }),
  }));
  const tagsRelations = relations(tags, ({ many }) => ({ postTags: many(postTags) }));
  const postTagsRelations = relations(postTags, ({ one }) => ({
    post: one(posts, { fields: [postTags.postId], references: [posts.id] }),
    tag: one(tags, { fields: [postTags.tagId], references: [tags.id] }),
  }));
  const holdersRelations = relations(holders, ({ one }) => ({
    kind: one(kinds, { fields: [holders.kindId], references: [kinds.id] }),
  }));
  const kindsRelations = relations(kinds, ({ many }) => ({ holders: many(holders) }));

  /** What `drizzle(client, { schema })` gets: every table and every relations() declaration. */
  const schema = {
    cities,
    users,
    posts,
    counters,
    kinds,
    defaultsT,
    comments,
    categories,
    tags,
    postTags,
    holders,
    usersRelations,
    citiesRelations,
    postsRelations,
    commentsRelations,
    categoriesRelations,
    tagsRelations,
    postTagsRelations,
    holdersRelations,
    kindsRelations,
  };

  // sqlite-core helpers the scenarios need besides tables.
  const { alias, union, unionAll, intersect, except } = core;
  return {
    cities,
    users,
    posts,
    counters,
    kinds,
    defaultsT,
    comments,
    categories,
    tags,
    postTags,
    holders,
    schema,
    core: { alias, union, unionAll, intersect, except },
  };
}

// One statement per line (D1's exec splits on newlines; runners may also batch them).
export const setupStatements = [
  'drop table if exists posts',
  'drop table if exists users',
  'drop table if exists cities',
  'drop table if exists counters',
  'drop table if exists kinds',
  'drop table if exists defaults_t',
  'drop table if exists comments',
  'drop table if exists categories',
  'drop table if exists tags',
  'drop table if exists post_tags',
  'drop table if exists holders',
  'create table cities (id integer primary key, name text not null, country text)',
  "create table users (id integer primary key autoincrement, name text not null, email text unique, age integer, role text not null default 'user', active integer not null default 1, city_id integer, created_at integer, score real, meta text)",
  'create table posts (id integer primary key, author_id integer not null, title text not null, views integer not null default 0, published_at integer)',
  'create table counters (key text primary key, value integer not null default 0)',
  'create table kinds (id integer primary key, int_num integer, bool integer, ts integer, ts_ms integer, txt text, en text, js text, re real, num numeric, num_n numeric, num_b numeric, blob_buf blob, blob_json blob, blob_big blob, tags text, price integer)',
  "create table defaults_t (id integer primary key autoincrement, name text not null default 'anon', n integer not null default 7, sql_default integer default (6 * 7), created integer, tag text, state text default 'initial', legacy text default 'ddl')",
  "insert into cities (id, name, country) values (1, 'Paris', 'FR'), (2, 'Berlin', 'DE'), (3, 'Tokyo', 'JP')",
  'insert into users (id, name, email, age, role, active, city_id, created_at, score, meta) values ' +
    `(1, 'ann', 'ann@x.io', 31, 'admin', 1, 1, 1700000000, 9.5, '{"tags":["a"],"level":3}'), ` +
    "(2, 'bob', 'bob@x.io', 25, 'user', 1, 2, 1700000100, 7.25, null), " +
    `(3, 'cid', null, 42, 'user', 0, 1, 1700000200, null, '{"tags":[],"level":1}'), ` +
    "(4, 'dan', 'dan@x.io', null, 'guest', 1, null, 1700000300, 5, null), " +
    `(5, 'eve', 'eve@x.io', 25, 'user', 0, 2, 1700000400, 8, '{"tags":["b","c"],"level":2}')`,
  'insert into posts (id, author_id, title, views, published_at) values ' +
    "(1, 1, 'Hello', 10, 1700000000123), (2, 1, 'Second', 5, null), (3, 2, 'Bob post', 20, 1700000500000), " +
    "(4, 5, 'Eve post', 0, null), (5, 2, 'Another', 7, 1700000600000)",
  "insert into counters (key, value) values ('a', 1), ('b', 2)",
  'insert into kinds (id, int_num, bool, ts, ts_ms, txt, en, js, re, num, num_n, num_b, blob_buf, blob_json, blob_big, tags, price) values ' +
    `(1, 42, 1, 1700000000, 1700000000123, 'hi', 'b', '{"k":[1,2]}', 1.5, '12.50', 3.25, 1234567890123, X'00ff10', CAST('{"a":1}' AS BLOB), CAST('18446744073709551617' AS BLOB), 'x,y', 1999), ` +
    '(2, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null)',
  'create table comments (id integer primary key, post_id integer not null, author_id integer not null, body text not null)',
  'create table categories (id integer primary key, name text not null, parent_id integer)',
  'create table tags (id integer primary key, name text not null)',
  'create table post_tags (post_id integer not null, tag_id integer not null)',
  'create table holders (id integer primary key, kind_id integer, label text not null)',
  // Comment 6's author (99) does not exist: its `author` is null.
  'insert into comments (id, post_id, author_id, body) values ' +
    "(1, 1, 2, 'nice'), (2, 1, 3, 'agreed'), (3, 3, 1, 'hi bob'), (4, 1, 5, 'late'), (5, 5, 4, 'dan here'), (6, 3, 99, 'ghost')",
  "insert into categories (id, name, parent_id) values (1, 'root', null), (2, 'tech', 1), (3, 'life', 1), (4, 'rust', 2), (5, 'js', 2)",
  "insert into tags (id, name) values (1, 'news'), (2, 'howto'), (3, 'misc')",
  'insert into post_tags (post_id, tag_id) values (1, 1), (1, 2), (3, 1), (5, 2), (4, 1)',
  // Holder 4's kind (7) does not exist.
  "insert into holders (id, kind_id, label) values (1, 1, 'h1'), (2, 2, 'h2'), (3, 1, 'h3'), (4, 7, 'h4')",
];

/** The same setup as one string, one statement per line. */
export const setupSql = setupStatements.join(';\n') + ';';

/** Normalises a result for comparison: Dates -> ISO, bytes -> hex, bigint -> "<n>n". */
export function normalize(v) {
  if (v === undefined) return '<undefined>';
  if (v === null) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '<invalid date>' : `date:${v.toISOString()}`;
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'number') return Number.isNaN(v) ? '<NaN>' : Object.is(v, -0) ? 0 : v;
  if (v instanceof ArrayBuffer) return normalize(new Uint8Array(v));
  if (v instanceof Uint8Array) return `hex:${Array.from(v, (b) => b.toString(16).padStart(2, '0')).join('')}`;
  if (Array.isArray(v)) return v.map(normalize);
  if (typeof v === 'object') {
    const out = {};
    for (const k of Object.keys(v).sort()) out[k] = normalize(v[k]);
    return out;
  }
  return v;
}

/** Runs `fn`; a throw becomes `{ threw: true }` (for scenarios about failures). */
async function attempt(fn) {
  try {
    return { threw: false, value: await fn() };
  } catch {
    return { threw: true };
  }
}

const ids = (rows) => rows.map((r) => r.id);
const D = (s) => `date:${new Date(s).toISOString()}`;

/** The kinds rows without their blob columns, normalised, as a select of them returns them. */
const KIND1 = {
  id: 1,
  intNum: 42,
  bool: true,
  ts: D(1700000000000),
  tsMs: D(1700000000123),
  txt: 'hi',
  en: 'b',
  js: { k: [1, 2] },
  re: 1.5,
  num: '12.5',
  numN: 3.25,
  numB: '1234567890123n',
  tags: ['x', 'y'],
  price: 19.99,
};
const KIND2 = {
  id: 2,
  intNum: null,
  bool: null,
  ts: null,
  tsMs: null,
  txt: null,
  en: null,
  js: null,
  re: null,
  num: null,
  numN: null,
  numB: null,
  tags: null,
  price: null,
};

/** @type {{ name: string, run: Function, check: Function }[]} */
export const scenarios = [
  // ---------------------------------------------------------------- select basics
  {
    name: 'select all columns',
    run: (db, t) => db.select().from(t.users).orderBy(t.users.id),
    check: (r, a) => {
      a.equal(r.length, 5);
      a.deepEqual(r[0], {
        id: 1,
        name: 'ann',
        email: 'ann@x.io',
        age: 31,
        role: 'admin',
        active: true,
        cityId: 1,
        createdAt: D(1700000000000),
        score: 9.5,
        meta: { level: 3, tags: ['a'] },
      });
      a.equal(r[3].age, null);
      a.equal(r[2].active, false);
    },
  },
  {
    name: 'partial select',
    run: (db, t) => db.select({ id: t.users.id, name: t.users.name }).from(t.users).orderBy(t.users.id),
    check: (r, a) =>
      a.deepEqual(
        r.map((x) => Object.keys(x).sort()),
        Array(5).fill(['id', 'name']),
      ),
  },
  {
    name: 'nested partial select',
    run: (db, t) =>
      db
        .select({ id: t.users.id, info: { name: t.users.name, age: t.users.age } })
        .from(t.users)
        .orderBy(t.users.id)
        .limit(2),
    check: (r, a) =>
      a.deepEqual(r, [
        { id: 1, info: { name: 'ann', age: 31 } },
        { id: 2, info: { name: 'bob', age: 25 } },
      ]),
  },
  {
    name: 'select sql expression with mapWith',
    run: (db, t, { sql }) =>
      db
        .select({
          upper: sql`upper(${t.users.name})`,
          double: sql`${t.users.age} * 2`.mapWith(Number),
          asText: sql`cast(${t.users.age} as text)`,
        })
        .from(t.users)
        .where(sql`${t.users.id} = ${1}`),
    check: (r, a) => a.deepEqual(r, [{ upper: 'ANN', double: 62, asText: '31' }]),
  },
  {
    name: 'select aliased sql field ordered by it',
    run: (db, t, { sql, desc }) => {
      const len = sql`length(${t.users.name}) + ${t.users.id}`.mapWith(Number).as('len');
      return db.select({ name: t.users.name, len }).from(t.users).orderBy(desc(len)).limit(2);
    },
    check: (r, a) =>
      a.deepEqual(r, [
        { name: 'eve', len: 8 },
        { name: 'dan', len: 7 },
      ]),
  },
  {
    name: 'getTableColumns spread with extra field',
    run: (db, t, { getTableColumns, sql }) =>
      db
        .select({ ...getTableColumns(t.cities), lower: sql`lower(${t.cities.name})` })
        .from(t.cities)
        .orderBy(t.cities.id),
    check: (r, a) => a.deepEqual(r[2], { id: 3, name: 'Tokyo', country: 'JP', lower: 'tokyo' }),
  },
  {
    name: 'getTableName',
    run: async (_db, t, { getTableName }) => [getTableName(t.users), getTableName(t.defaultsT)],
    check: (r, a) => a.deepEqual(r, ['users', 'defaults_t']),
  },
  {
    name: 'select get first row and miss',
    run: async (db, t, { eq }) => [
      await db.select({ name: t.users.name }).from(t.users).where(eq(t.users.id, 2)).get(),
      await db.select().from(t.users).where(eq(t.users.id, 99)).get(),
    ],
    check: (r, a) => a.deepEqual(r, [{ name: 'bob' }, '<undefined>']),
  },
  {
    name: 'select values raw arrays',
    run: (db, t) =>
      db.select({ id: t.users.id, name: t.users.name }).from(t.users).orderBy(t.users.id).limit(2).values(),
    check: (r, a) =>
      a.deepEqual(r, [
        [1, 'ann'],
        [2, 'bob'],
      ]),
  },
  {
    name: 'select all() explicit',
    run: (db, t) => db.select({ id: t.cities.id }).from(t.cities).orderBy(t.cities.id).all(),
    check: (r, a) => a.deepEqual(r, [{ id: 1 }, { id: 2 }, { id: 3 }]),
  },

  // ---------------------------------------------------------------- where operators
  {
    name: 'where eq',
    run: (db, t, { eq }) => db.select({ id: t.users.id }).from(t.users).where(eq(t.users.name, 'cid')),
    check: (r, a) => a.deepEqual(r, [{ id: 3 }]),
  },
  {
    name: 'where ne',
    run: (db, t, { ne }) =>
      db.select({ id: t.users.id }).from(t.users).where(ne(t.users.role, 'user')).orderBy(t.users.id),
    check: (r, a) => a.deepEqual(ids(r), [1, 4]),
  },
  {
    name: 'where gt and gte',
    run: async (db, t, { gt, gte }) => [
      ids(await db.select({ id: t.users.id }).from(t.users).where(gt(t.users.age, 25)).orderBy(t.users.id)),
      ids(await db.select({ id: t.users.id }).from(t.users).where(gte(t.users.age, 25)).orderBy(t.users.id)),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [1, 3],
        [1, 2, 3, 5],
      ]),
  },
  {
    name: 'where lt and lte',
    run: async (db, t, { lt, lte }) => [
      ids(await db.select({ id: t.users.id }).from(t.users).where(lt(t.users.age, 31)).orderBy(t.users.id)),
      ids(await db.select({ id: t.users.id }).from(t.users).where(lte(t.users.age, 31)).orderBy(t.users.id)),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [2, 5],
        [1, 2, 5],
      ]),
  },
  {
    name: 'where like and notLike',
    run: async (db, t, { like, notLike }) => [
      ids(await db.select({ id: t.users.id }).from(t.users).where(like(t.users.email, '%@x.io')).orderBy(t.users.id)),
      ids(await db.select({ id: t.users.id }).from(t.users).where(notLike(t.users.name, '%a%')).orderBy(t.users.id)),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [1, 2, 4, 5],
        [2, 3, 5],
      ]),
  },
  {
    name: 'where ilike and notIlike',
    run: async (db, t, { ilike, notIlike }) => [
      await attempt(async () =>
        ids(await db.select({ id: t.users.id }).from(t.users).where(ilike(t.users.name, 'A%'))),
      ),
      await attempt(async () =>
        ids(await db.select({ id: t.users.id }).from(t.users).where(notIlike(t.users.name, '%N')).orderBy(t.users.id)),
      ),
    ],
    check: (r, a) =>
      a.deepEqual(
        r.map((x) => typeof x.threw),
        ['boolean', 'boolean'],
      ),
  },
  {
    name: 'where inArray and notInArray',
    run: async (db, t, { inArray, notInArray }) => [
      ids(
        await db
          .select({ id: t.users.id })
          .from(t.users)
          .where(inArray(t.users.id, [1, 3, 9]))
          .orderBy(t.users.id),
      ),
      ids(
        await db
          .select({ id: t.users.id })
          .from(t.users)
          .where(notInArray(t.users.role, ['user', 'guest']))
          .orderBy(t.users.id),
      ),
    ],
    check: (r, a) => a.deepEqual(r, [[1, 3], [1]]),
  },
  {
    name: 'where inArray with empty list',
    run: async (db, t, { inArray, notInArray }) => [
      await db.select({ id: t.users.id }).from(t.users).where(inArray(t.users.id, [])),
      (await db.select({ id: t.users.id }).from(t.users).where(notInArray(t.users.id, []))).length,
    ],
    check: (r, a) => a.deepEqual(r, [[], 5]),
  },
  {
    name: 'where inArray subquery',
    run: (db, t, { inArray }) =>
      db
        .select({ id: t.users.id })
        .from(t.users)
        .where(inArray(t.users.id, db.select({ id: t.posts.authorId }).from(t.posts)))
        .orderBy(t.users.id),
    check: (r, a) => a.deepEqual(ids(r), [1, 2, 5]),
  },
  {
    name: 'where isNull and isNotNull',
    run: async (db, t, { isNull, isNotNull }) => [
      ids(await db.select({ id: t.users.id }).from(t.users).where(isNull(t.users.email))),
      ids(await db.select({ id: t.users.id }).from(t.users).where(isNotNull(t.users.meta)).orderBy(t.users.id)),
    ],
    check: (r, a) => a.deepEqual(r, [[3], [1, 3, 5]]),
  },
  {
    name: 'where between and notBetween',
    run: async (db, t, { between, notBetween }) => [
      ids(
        await db
          .select({ id: t.users.id })
          .from(t.users)
          .where(between(t.users.age, 25, 31))
          .orderBy(t.users.id),
      ),
      ids(
        await db
          .select({ id: t.users.id })
          .from(t.users)
          .where(notBetween(t.users.age, 25, 31))
          .orderBy(t.users.id),
      ),
    ],
    check: (r, a) => a.deepEqual(r, [[1, 2, 5], [3]]),
  },
  {
    name: 'where and or not',
    run: (db, t, { and, or, not, eq, gt }) =>
      db
        .select({ id: t.users.id })
        .from(t.users)
        .where(or(and(eq(t.users.role, 'user'), gt(t.users.age, 30)), not(eq(t.users.active, true))))
        .orderBy(t.users.id),
    check: (r, a) => a.deepEqual(ids(r), [3, 5]),
  },
  {
    name: 'where and with undefined parts',
    run: async (db, t, { and, eq }) => [
      ids(
        await db
          .select({ id: t.users.id })
          .from(t.users)
          .where(and(undefined, eq(t.users.id, 2), undefined)),
      ),
      (await db.select({ id: t.users.id }).from(t.users).where(and(undefined, undefined))).length,
      (await db.select({ id: t.users.id }).from(t.users).where(undefined)).length,
    ],
    check: (r, a) => a.deepEqual(r, [[2], 5, 5]),
  },
  {
    name: 'where exists and notExists',
    run: async (db, t, { exists, notExists, eq, sql }) => {
      const has = db.select({ x: sql`1` }).from(t.posts).where(eq(t.posts.authorId, t.users.id));
      return [
        ids(await db.select({ id: t.users.id }).from(t.users).where(exists(has)).orderBy(t.users.id)),
        ids(await db.select({ id: t.users.id }).from(t.users).where(notExists(has)).orderBy(t.users.id)),
      ];
    },
    check: (r, a) =>
      a.deepEqual(r, [
        [1, 2, 5],
        [3, 4],
      ]),
  },
  {
    name: 'where on boolean column',
    run: async (db, t, { eq }) => [
      ids(await db.select({ id: t.users.id }).from(t.users).where(eq(t.users.active, false)).orderBy(t.users.id)),
      ids(await db.select({ id: t.users.id }).from(t.users).where(eq(t.users.active, true)).orderBy(t.users.id)),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [3, 5],
        [1, 2, 4],
      ]),
  },
  {
    name: 'where on timestamp column with Date',
    run: async (db, t, { gte, lt }) => [
      ids(
        await db
          .select({ id: t.users.id })
          .from(t.users)
          .where(gte(t.users.createdAt, new Date(1700000200000)))
          .orderBy(t.users.id),
      ),
      ids(
        await db
          .select({ id: t.posts.id })
          .from(t.posts)
          .where(lt(t.posts.publishedAt, new Date(1700000500000)))
          .orderBy(t.posts.id),
      ),
    ],
    check: (r, a) => a.deepEqual(r, [[3, 4, 5], [1]]),
  },
  {
    name: 'where raw sql fragment',
    run: (db, t, { sql }) =>
      db.select({ id: t.users.id }).from(t.users).where(sql`${t.users.age} > ${26} and ${t.users.name} <> ${'cid'}`),
    check: (r, a) => a.deepEqual(ids(r), [1]),
  },

  // ---------------------------------------------------------------- joins
  {
    name: 'inner join full rows',
    run: (db, t, { eq }) =>
      db.select().from(t.users).innerJoin(t.cities, eq(t.users.cityId, t.cities.id)).orderBy(t.users.id),
    check: (r, a) => {
      a.equal(r.length, 4);
      a.deepEqual(Object.keys(r[0]).sort(), ['cities', 'users']);
      a.deepEqual(r[0].cities, { id: 1, name: 'Paris', country: 'FR' });
      a.equal(r[0].users.name, 'ann');
    },
  },
  {
    name: 'left join nulls the missing table',
    run: (db, t, { eq }) =>
      db.select().from(t.users).leftJoin(t.cities, eq(t.users.cityId, t.cities.id)).orderBy(t.users.id),
    check: (r, a) => {
      a.equal(r.length, 5);
      a.equal(r[3].users.name, 'dan');
      a.equal(r[3].cities, null);
      a.equal(r[4].cities.name, 'Berlin');
    },
  },
  {
    name: 'left join partial select with nulls',
    run: (db, t, { eq }) =>
      db
        .select({ user: t.users.name, city: t.cities.name, country: t.cities.country })
        .from(t.users)
        .leftJoin(t.cities, eq(t.users.cityId, t.cities.id))
        .orderBy(t.users.id),
    check: (r, a) => a.deepEqual(r[3], { user: 'dan', city: null, country: null }),
  },
  {
    name: 'left join nested partial select',
    run: (db, t, { eq }) =>
      db
        .select({ name: t.users.name, city: { id: t.cities.id, name: t.cities.name } })
        .from(t.users)
        .leftJoin(t.cities, eq(t.users.cityId, t.cities.id))
        .orderBy(t.users.id),
    check: (r, a) => {
      a.deepEqual(r[0], { name: 'ann', city: { id: 1, name: 'Paris' } });
      a.deepEqual(r[3], { name: 'dan', city: null });
    },
  },
  {
    name: 'right join',
    run: (db, t, { eq }) =>
      db
        .select({ user: t.users.name, city: t.cities.name })
        .from(t.users)
        .rightJoin(t.cities, eq(t.users.cityId, t.cities.id))
        .orderBy(t.cities.id, t.users.id),
    check: (r, a) => {
      a.equal(r.length, 5);
      a.deepEqual(r[4], { user: null, city: 'Tokyo' });
    },
  },
  {
    name: 'full join',
    run: (db, t, { eq }) =>
      db
        .select({ user: t.users.name, city: t.cities.name })
        .from(t.users)
        .fullJoin(t.cities, eq(t.users.cityId, t.cities.id))
        .orderBy(t.users.id, t.cities.id),
    check: (r, a) => {
      a.equal(r.length, 6);
      a.ok(r.some((x) => x.user === 'dan' && x.city === null));
      a.ok(r.some((x) => x.user === null && x.city === 'Tokyo'));
    },
  },
  {
    name: 'cross join',
    run: (db, t) =>
      db
        .select({ city: t.cities.name, key: t.counters.key })
        .from(t.cities)
        .crossJoin(t.counters)
        .orderBy(t.cities.id, t.counters.key),
    check: (r, a) => {
      a.equal(r.length, 6);
      a.deepEqual(r[1], { city: 'Paris', key: 'b' });
    },
  },
  {
    name: 'self join with alias',
    run: (db, t, { and, eq, lt }) => {
      const other = t.core.alias(t.users, 'other');
      return db
        .select({ a: t.users.name, b: other.name })
        .from(t.users)
        .innerJoin(other, and(eq(t.users.age, other.age), lt(t.users.id, other.id)));
    },
    check: (r, a) => a.deepEqual(r, [{ a: 'bob', b: 'eve' }]),
  },
  {
    name: 'self join with alias full rows',
    run: (db, t, { eq }) => {
      const other = t.core.alias(t.users, 'other');
      return db.select().from(t.users).leftJoin(other, eq(other.id, t.users.cityId)).where(eq(t.users.id, 4));
    },
    check: (r, a) => {
      a.equal(r.length, 1);
      a.equal(r[0].users.name, 'dan');
      a.equal(r[0].other, null);
    },
  },
  {
    name: 'self join selecting two same-named columns',
    run: (db, t, { eq }) => {
      const other = t.core.alias(t.users, 'u2');
      return db
        .select({ a: t.users.name, b: other.name })
        .from(t.users)
        .innerJoin(other, eq(other.id, t.users.cityId))
        .orderBy(t.users.id);
    },
    check: (r, a) =>
      a.deepEqual(r, [
        { a: 'ann', b: 'ann' },
        { a: 'bob', b: 'bob' },
        { a: 'cid', b: 'ann' },
        { a: 'eve', b: 'bob' },
      ]),
  },
  {
    name: 'three table join',
    run: (db, t, { eq }) =>
      db
        .select({ title: t.posts.title, author: t.users.name, city: t.cities.name })
        .from(t.posts)
        .innerJoin(t.users, eq(t.posts.authorId, t.users.id))
        .leftJoin(t.cities, eq(t.users.cityId, t.cities.id))
        .orderBy(t.posts.id),
    check: (r, a) => {
      a.equal(r.length, 5);
      a.deepEqual(r[3], { title: 'Eve post', author: 'eve', city: 'Berlin' });
    },
  },
  {
    name: 'join a subquery',
    run: (db, t, { eq, sql }) => {
      const sq = db
        .select({ authorId: t.posts.authorId, total: sql`sum(${t.posts.views})`.mapWith(Number).as('total') })
        .from(t.posts)
        .groupBy(t.posts.authorId)
        .as('sq');
      return db
        .select({ name: t.users.name, total: sq.total })
        .from(t.users)
        .innerJoin(sq, eq(t.users.id, sq.authorId))
        .orderBy(t.users.id);
    },
    check: (r, a) =>
      a.deepEqual(r, [
        { name: 'ann', total: 15 },
        { name: 'bob', total: 27 },
        { name: 'eve', total: 0 },
      ]),
  },

  // ---------------------------------------------------------------- aggregates
  {
    name: 'count star',
    run: (db, t, { count }) => db.select({ n: count() }).from(t.users),
    check: (r, a) => a.deepEqual(r, [{ n: 5 }]),
  },
  {
    name: 'count column and countDistinct',
    run: (db, t, { count, countDistinct }) =>
      db.select({ emails: count(t.users.email), ages: countDistinct(t.users.age) }).from(t.users),
    check: (r, a) => a.deepEqual(r, [{ emails: 4, ages: 3 }]),
  },
  {
    name: 'sum avg min max',
    run: (db, t, { sum, avg, min, max }) =>
      db
        .select({ sum: sum(t.posts.views), avg: avg(t.posts.views), min: min(t.posts.views), max: max(t.posts.views) })
        .from(t.posts),
    check: (r, a) => {
      a.equal(r.length, 1);
      a.equal(Number(r[0].sum), 42);
      a.equal(Number(r[0].avg), 8.4);
      a.equal(r[0].min, 0);
      a.equal(r[0].max, 20);
    },
  },
  {
    name: 'sumDistinct avgDistinct',
    run: (db, t, { sumDistinct, avgDistinct }) =>
      db.select({ s: sumDistinct(t.users.age), a: avgDistinct(t.users.age) }).from(t.users),
    check: (r, a) => {
      a.equal(Number(r[0].s), 98);
      a.ok(Math.abs(Number(r[0].a) - 98 / 3) < 1e-9);
    },
  },
  {
    name: 'aggregates over no rows',
    run: (db, t, { sum, max, count, eq }) =>
      db
        .select({ s: sum(t.posts.views), m: max(t.posts.views), n: count() })
        .from(t.posts)
        .where(eq(t.posts.id, 99)),
    check: (r, a) => a.deepEqual(r, [{ s: null, m: null, n: 0 }]),
  },
  {
    name: 'min max of timestamp column',
    run: (db, t, { min, max }) =>
      db.select({ first: min(t.users.createdAt), last: max(t.users.createdAt) }).from(t.users),
    check: (r, a) => a.deepEqual(r, [{ first: D(1700000000000), last: D(1700000400000) }]),
  },
  {
    name: 'group by with count',
    run: (db, t, { count }) =>
      db.select({ role: t.users.role, n: count() }).from(t.users).groupBy(t.users.role).orderBy(t.users.role),
    check: (r, a) =>
      a.deepEqual(r, [
        { role: 'admin', n: 1 },
        { role: 'guest', n: 1 },
        { role: 'user', n: 3 },
      ]),
  },
  {
    name: 'group by having',
    run: (db, t, { count, gt, sql }) =>
      db
        .select({ authorId: t.posts.authorId, n: count(), views: sql`sum(${t.posts.views})`.mapWith(Number) })
        .from(t.posts)
        .groupBy(t.posts.authorId)
        .having(gt(count(), 1))
        .orderBy(t.posts.authorId),
    check: (r, a) =>
      a.deepEqual(r, [
        { authorId: 1, n: 2, views: 15 },
        { authorId: 2, n: 2, views: 27 },
      ]),
  },
  {
    name: 'group by two columns',
    run: (db, t, { count }) =>
      db
        .select({ age: t.users.age, active: t.users.active, n: count() })
        .from(t.users)
        .groupBy(t.users.age, t.users.active)
        .orderBy(t.users.age, t.users.active),
    check: (r, a) => {
      a.equal(r.length, 5);
      a.deepEqual(r[1], { age: 25, active: false, n: 1 });
    },
  },
  {
    name: '$count',
    run: async (db, t, { eq }) => [
      await db.$count(t.users),
      await db.$count(t.users, eq(t.users.active, true)),
      await db.$count(t.posts, eq(t.posts.id, 99)),
    ],
    check: (r, a) => a.deepEqual(r, [5, 3, 0]),
  },
  {
    name: '$count embedded in a select',
    run: (db, t, { eq }) =>
      attempt(() =>
        db
          .select({ name: t.users.name, posts: db.$count(t.posts, eq(t.posts.authorId, t.users.id)) })
          .from(t.users)
          .orderBy(t.users.id),
      ),
    check: (r, a) => a.equal(typeof r.threw, 'boolean'),
  },

  // ---------------------------------------------------------------- order / limit / distinct
  {
    name: 'order by desc asc with nulls',
    run: (db, t, { asc, desc }) =>
      db.select({ name: t.users.name, age: t.users.age }).from(t.users).orderBy(desc(t.users.age), asc(t.users.name)),
    check: (r, a) =>
      a.deepEqual(
        r.map((x) => x.name),
        ['cid', 'ann', 'bob', 'eve', 'dan'],
      ),
  },
  {
    name: 'order by sql expression',
    run: (db, t, { sql }) =>
      db.select({ name: t.users.name }).from(t.users).orderBy(sql`length(${t.users.email}) desc`, t.users.id),
    check: (r, a) =>
      a.deepEqual(
        r.map((x) => x.name),
        ['ann', 'bob', 'dan', 'eve', 'cid'],
      ),
  },
  {
    name: 'limit and offset',
    run: (db, t) => db.select({ id: t.users.id }).from(t.users).orderBy(t.users.id).limit(2).offset(1),
    check: (r, a) => a.deepEqual(ids(r), [2, 3]),
  },
  {
    name: 'offset without limit',
    run: (db, t) =>
      attempt(async () => ids(await db.select({ id: t.users.id }).from(t.users).orderBy(t.users.id).offset(3))),
    check: (r, a) => a.equal(typeof r.threw, 'boolean'),
  },
  {
    name: 'selectDistinct',
    run: (db, t) => db.selectDistinct({ age: t.users.age }).from(t.users).orderBy(t.users.age),
    check: (r, a) => a.deepEqual(r, [{ age: null }, { age: 25 }, { age: 31 }, { age: 42 }]),
  },

  // ---------------------------------------------------------------- subqueries and CTEs
  {
    name: 'select from subquery',
    run: (db, t, { gt }) => {
      const sq = db.select({ id: t.users.id, name: t.users.name }).from(t.users).where(gt(t.users.age, 26)).as('older');
      return db.select().from(sq).orderBy(sq.id);
    },
    check: (r, a) =>
      a.deepEqual(r, [
        { id: 1, name: 'ann' },
        { id: 3, name: 'cid' },
      ]),
  },
  {
    name: 'scalar subquery in select',
    run: (db, t, { sql, count, eq }) => {
      const n = db.select({ n: count() }).from(t.posts).where(eq(t.posts.authorId, t.users.id));
      return db
        .select({ name: t.users.name, posts: sql`(${n})`.mapWith(Number) })
        .from(t.users)
        .orderBy(t.users.id);
    },
    check: (r, a) =>
      a.deepEqual(
        r.map((x) => x.posts),
        [2, 2, 0, 0, 1],
      ),
  },
  {
    name: '$with CTE',
    run: (db, t, { gt }) => {
      const older = db
        .$with('older')
        .as(db.select({ id: t.users.id, name: t.users.name }).from(t.users).where(gt(t.users.age, 26)));
      return db.with(older).select().from(older).orderBy(older.id);
    },
    check: (r, a) =>
      a.deepEqual(r, [
        { id: 1, name: 'ann' },
        { id: 3, name: 'cid' },
      ]),
  },
  {
    name: '$with CTE with aggregated field',
    run: (db, t, { gt, sql }) => {
      const totals = db.$with('totals').as(
        db
          .select({ authorId: t.posts.authorId, total: sql`sum(${t.posts.views})`.as('total') })
          .from(t.posts)
          .groupBy(t.posts.authorId),
      );
      return db.with(totals).select().from(totals).where(gt(totals.total, 10)).orderBy(totals.authorId);
    },
    check: (r, a) =>
      a.deepEqual(r, [
        { authorId: 1, total: 15 },
        { authorId: 2, total: 27 },
      ]),
  },
  {
    name: 'two CTEs joined',
    run: (db, t, { eq }) => {
      const authors = db.$with('authors').as(db.select({ id: t.users.id, name: t.users.name }).from(t.users));
      const popular = db
        .$with('popular')
        .as(db.select({ authorId: t.posts.authorId, title: t.posts.title }).from(t.posts).where(eq(t.posts.views, 20)));
      return db
        .with(authors, popular)
        .select({ name: authors.name, title: popular.title })
        .from(popular)
        .innerJoin(authors, eq(authors.id, popular.authorId));
    },
    check: (r, a) => a.deepEqual(r, [{ name: 'bob', title: 'Bob post' }]),
  },
  {
    name: 'CTE used in where inArray',
    run: (db, t, { inArray, eq }) => {
      const inactive = db
        .$with('inactive')
        .as(db.select({ id: t.users.id }).from(t.users).where(eq(t.users.active, false)));
      return db
        .with(inactive)
        .select({ id: t.posts.id })
        .from(t.posts)
        .where(inArray(t.posts.authorId, db.select({ id: inactive.id }).from(inactive)));
    },
    check: (r, a) => a.deepEqual(ids(r), [4]),
  },

  // ---------------------------------------------------------------- set operations
  {
    name: 'union',
    run: (db, t, { lt }) =>
      db
        .select({ name: t.users.name })
        .from(t.users)
        .where(lt(t.users.id, 3))
        .union(db.select({ name: t.users.name }).from(t.users).where(lt(t.users.id, 4)))
        .orderBy(t.users.name),
    check: (r, a) => a.deepEqual(r, [{ name: 'ann' }, { name: 'bob' }, { name: 'cid' }]),
  },
  {
    name: 'unionAll',
    run: (db, t, { eq }) =>
      db
        .select({ id: t.users.id })
        .from(t.users)
        .where(eq(t.users.role, 'admin'))
        .unionAll(db.select({ id: t.users.id }).from(t.users).where(eq(t.users.id, 1))),
    check: (r, a) => a.deepEqual(r, [{ id: 1 }, { id: 1 }]),
  },
  {
    name: 'intersect',
    run: (db, t, { eq }) =>
      db
        .select({ id: t.users.id })
        .from(t.users)
        .where(eq(t.users.age, 25))
        .intersect(db.select({ id: t.users.id }).from(t.users).where(eq(t.users.active, false))),
    check: (r, a) => a.deepEqual(r, [{ id: 5 }]),
  },
  {
    name: 'except',
    run: (db, t) =>
      db
        .select({ id: t.users.id })
        .from(t.users)
        .except(db.select({ id: t.posts.authorId }).from(t.posts))
        .orderBy(t.users.id),
    check: (r, a) => a.deepEqual(ids(r), [3, 4]),
  },
  {
    name: 'standalone union of three with limit',
    run: (db, t, { eq }) =>
      t.core
        .union(
          db.select({ name: t.users.name }).from(t.users).where(eq(t.users.id, 1)),
          db.select({ name: t.cities.name }).from(t.cities).where(eq(t.cities.id, 1)),
          db.select({ name: t.posts.title }).from(t.posts).where(eq(t.posts.id, 1)),
        )
        .orderBy(t.users.name)
        .limit(2),
    check: (r, a) => a.deepEqual(r, [{ name: 'Hello' }, { name: 'Paris' }]),
  },
  {
    name: 'standalone intersect and except',
    run: async (db, t, { gt, lt }) => [
      ids(
        await t.core
          .intersect(
            db.select({ id: t.users.id }).from(t.users).where(gt(t.users.id, 1)),
            db.select({ id: t.users.id }).from(t.users).where(lt(t.users.id, 4)),
          )
          .orderBy(t.users.id),
      ),
      ids(
        await t.core
          .except(
            db.select({ id: t.users.id }).from(t.users),
            db.select({ id: t.users.id }).from(t.users).where(gt(t.users.id, 2)),
          )
          .orderBy(t.users.id),
      ),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [2, 3],
        [1, 2],
      ]),
  },

  // ---------------------------------------------------------------- insert
  {
    name: 'insert single row',
    run: async (db, t, { eq }) => {
      await db.insert(t.cities).values({ id: 10, name: 'Rome', country: 'IT' });
      return db.select().from(t.cities).where(eq(t.cities.id, 10));
    },
    check: (r, a) => a.deepEqual(r, [{ id: 10, name: 'Rome', country: 'IT' }]),
  },
  {
    name: 'insert multiple rows returning',
    run: (db, t) =>
      db
        .insert(t.users)
        .values([
          { name: 'fay', email: 'fay@x.io', age: 20, createdAt: new Date(1700001000000), meta: { tags: ['z'] } },
          { name: 'gus', active: false, role: 'guest' },
        ])
        .returning(),
    check: (r, a) => {
      a.equal(r.length, 2);
      a.deepEqual(r[0], {
        id: 6,
        name: 'fay',
        email: 'fay@x.io',
        age: 20,
        role: 'user',
        active: true,
        cityId: null,
        createdAt: D(1700001000000),
        score: null,
        meta: { tags: ['z'] },
      });
      a.deepEqual([r[1].id, r[1].role, r[1].active, r[1].email], [7, 'guest', false, null]);
    },
  },
  {
    name: 'insert returning partial with sql',
    run: (db, t, { sql }) =>
      db
        .insert(t.users)
        .values({ name: 'hal' })
        .returning({ id: t.users.id, shout: sql`upper(${t.users.name})` }),
    check: (r, a) => a.deepEqual(r, [{ id: 6, shout: 'HAL' }]),
  },
  {
    name: 'insert defaults and $defaultFn',
    run: async (db, t) => {
      await db.insert(t.defaultsT).values({});
      await db.insert(t.defaultsT).values({ name: 'given', n: 1, tag: 'mine' });
      const { legacy, ...cols } = t.defaultsT; // legacy: see 'insert leaves a DDL-only default alone'
      return db
        .select({
          id: cols.id,
          name: cols.name,
          n: cols.n,
          sqlDefault: cols.sqlDefault,
          created: cols.created,
          tag: cols.tag,
          state: cols.state,
        })
        .from(t.defaultsT)
        .orderBy(t.defaultsT.id);
    },
    check: (r, a) => {
      a.equal(r.length, 2);
      a.deepEqual(
        [r[0].name, r[0].n, r[0].sqlDefault, r[0].created, r[0].tag, r[0].state],
        ['anon', 7, 42, D(1700000000000), 'generated', 'initial'],
      );
      a.deepEqual([r[1].name, r[1].n, r[1].tag], ['given', 1, 'mine']);
    },
  },
  {
    name: 'insert leaves a DDL-only default alone',
    run: async (db, t) => {
      await db.insert(t.defaultsT).values({ name: 'x' });
      return db.select({ legacy: t.defaultsT.legacy }).from(t.defaultsT);
    },
    check: (r, a) => a.equal(r.length, 1),
  },
  {
    name: 'insert multi-row with missing keys uses defaults',
    run: (db, t) =>
      db
        .insert(t.defaultsT)
        .values([{ name: 'a', n: 3 }, { tag: 't' }])
        .returning({
          name: t.defaultsT.name,
          n: t.defaultsT.n,
          tag: t.defaultsT.tag,
          sqlDefault: t.defaultsT.sqlDefault,
        }),
    check: (r, a) =>
      a.deepEqual(r, [
        { name: 'a', n: 3, tag: 'generated', sqlDefault: 42 },
        { name: 'anon', n: 7, tag: 't', sqlDefault: 42 },
      ]),
  },
  {
    name: 'insert explicit nulls',
    run: (db, t) =>
      db
        .insert(t.users)
        .values({ name: 'ivy', email: null, age: null, meta: null })
        .returning({ email: t.users.email, age: t.users.age, meta: t.users.meta }),
    check: (r, a) => a.deepEqual(r, [{ email: null, age: null, meta: null }]),
  },
  {
    name: 'insert run then count',
    run: async (db, t) => {
      await db
        .insert(t.counters)
        .values([{ key: 'c', value: 3 }, { key: 'd' }])
        .run();
      return db.select().from(t.counters).orderBy(t.counters.key);
    },
    check: (r, a) =>
      a.deepEqual(r, [
        { key: 'a', value: 1 },
        { key: 'b', value: 2 },
        { key: 'c', value: 3 },
        { key: 'd', value: 0 },
      ]),
  },
  {
    name: 'insert duplicate key throws',
    run: async (db, t) => {
      const r = await attempt(() => db.insert(t.cities).values({ id: 1, name: 'dup' }));
      return { threw: r.threw, count: await db.$count(t.cities) };
    },
    check: (r, a) => a.deepEqual(r, { threw: true, count: 3 }),
  },

  // ---------------------------------------------------------------- upserts
  {
    name: 'onConflictDoNothing without target',
    run: async (db, t) => [
      await db.insert(t.counters).values({ key: 'a', value: 100 }).onConflictDoNothing().returning(),
      await db.select().from(t.counters).orderBy(t.counters.key),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [],
        [
          { key: 'a', value: 1 },
          { key: 'b', value: 2 },
        ],
      ]),
  },
  {
    name: 'onConflictDoNothing with target',
    run: async (db, t) => [
      await db
        .insert(t.users)
        .values({ name: 'copy', email: 'bob@x.io' })
        .onConflictDoNothing({ target: t.users.email })
        .returning({ id: t.users.id }),
      await db
        .insert(t.users)
        .values({ name: 'new', email: 'new@x.io' })
        .onConflictDoNothing({ target: t.users.email })
        .returning({ id: t.users.id }),
    ],
    check: (r, a) => {
      a.deepEqual(r[0], []);
      a.equal(r[1].length, 1);
      a.ok(r[1][0].id > 5); // (SQLite's AUTOINCREMENT may spend an id on the ignored row)
    },
  },
  {
    name: 'onConflictDoUpdate with excluded',
    run: (db, t, { sql }) =>
      db
        .insert(t.counters)
        .values({ key: 'a', value: 10 })
        .onConflictDoUpdate({ target: t.counters.key, set: { value: sql`${t.counters.value} + excluded.value` } })
        .returning(),
    check: (r, a) => a.deepEqual(r, [{ key: 'a', value: 11 }]),
  },
  {
    name: 'onConflictDoUpdate with setWhere',
    run: async (db, t, { sql, lt }) => {
      const up = (key, value) =>
        db
          .insert(t.counters)
          .values({ key, value })
          .onConflictDoUpdate({
            target: t.counters.key,
            set: { value: sql`excluded.value` },
            setWhere: lt(t.counters.value, sql`excluded.value`),
          });
      await up('a', 5);
      await up('b', 1);
      return db.select().from(t.counters).orderBy(t.counters.key);
    },
    check: (r, a) =>
      a.deepEqual(r, [
        { key: 'a', value: 5 },
        { key: 'b', value: 2 },
      ]),
  },
  {
    name: 'onConflictDoUpdate multi-row',
    run: async (db, t) => {
      await db
        .insert(t.counters)
        .values([
          { key: 'a', value: 7 },
          { key: 'z', value: 9 },
        ])
        .onConflictDoUpdate({ target: t.counters.key, set: { value: 70 } });
      return db.select().from(t.counters).orderBy(t.counters.key);
    },
    check: (r, a) =>
      a.deepEqual(r, [
        { key: 'a', value: 70 },
        { key: 'b', value: 2 },
        { key: 'z', value: 9 },
      ]),
  },
  {
    name: 'onConflictDoUpdate with typed column value',
    run: (db, t) =>
      db
        .insert(t.users)
        .values({ id: 2, name: 'bob2', active: false, createdAt: new Date(1800000000000) })
        .onConflictDoUpdate({
          target: t.users.id,
          set: { active: false, createdAt: new Date(1800000000000), meta: { x: 1 } },
        })
        .returning({
          id: t.users.id,
          name: t.users.name,
          active: t.users.active,
          createdAt: t.users.createdAt,
          meta: t.users.meta,
        }),
    check: (r, a) =>
      a.deepEqual(r, [{ id: 2, name: 'bob', active: false, createdAt: D(1800000000000), meta: { x: 1 } }]),
  },

  // ---------------------------------------------------------------- update / delete
  {
    name: 'update returning',
    run: (db, t, { eq }) =>
      db
        .update(t.users)
        .set({ age: 26, active: false })
        .where(eq(t.users.name, 'bob'))
        .returning({ id: t.users.id, age: t.users.age, active: t.users.active }),
    check: (r, a) => a.deepEqual(r, [{ id: 2, age: 26, active: false }]),
  },
  {
    name: 'update with sql expression',
    run: async (db, t, { sql, gt }) => {
      await db
        .update(t.posts)
        .set({ views: sql`${t.posts.views} + 1` })
        .where(gt(t.posts.views, 5));
      return db.select({ id: t.posts.id, views: t.posts.views }).from(t.posts).orderBy(t.posts.id);
    },
    check: (r, a) =>
      a.deepEqual(
        r.map((x) => x.views),
        [11, 5, 21, 0, 8],
      ),
  },
  {
    name: 'update without match',
    run: (db, t, { eq }) => db.update(t.users).set({ name: 'nobody' }).where(eq(t.users.id, 99)).returning(),
    check: (r, a) => a.deepEqual(r, []),
  },
  {
    name: 'update json and timestamp columns',
    run: (db, t, { eq }) =>
      db
        .update(t.users)
        .set({
          meta: { nested: { ok: true }, list: [1, 'two', null] },
          createdAt: new Date('2024-02-29T12:34:56.789Z'),
        })
        .where(eq(t.users.id, 4))
        .returning({ meta: t.users.meta, createdAt: t.users.createdAt }),
    check: (r, a) =>
      a.deepEqual(r, [
        { meta: { list: [1, 'two', null], nested: { ok: true } }, createdAt: D('2024-02-29T12:34:56.000Z') },
      ]),
  },
  {
    name: 'update $onUpdate column',
    run: async (db, t, { eq }) => {
      await db.insert(t.defaultsT).values([{ name: 'a' }, { name: 'b' }]);
      await db.update(t.defaultsT).set({ n: 8 }).where(eq(t.defaultsT.name, 'b'));
      return db
        .select({ name: t.defaultsT.name, n: t.defaultsT.n, state: t.defaultsT.state })
        .from(t.defaultsT)
        .orderBy(t.defaultsT.id);
    },
    check: (r, a) =>
      a.deepEqual(r, [
        { name: 'a', n: 7, state: 'initial' },
        { name: 'b', n: 8, state: 'updated' },
      ]),
  },
  {
    name: 'delete returning',
    run: async (db, t, { lt }) => [
      await db.delete(t.posts).where(lt(t.posts.views, 6)).returning({ id: t.posts.id, title: t.posts.title }),
      await db.$count(t.posts),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [
          { id: 2, title: 'Second' },
          { id: 4, title: 'Eve post' },
        ],
        3,
      ]),
  },
  {
    name: 'delete all rows',
    run: async (db, t) => {
      await db.delete(t.counters);
      return db.select().from(t.counters);
    },
    check: (r, a) => a.deepEqual(r, []),
  },
  {
    name: 'delete returning full rows',
    run: (db, t, { eq }) => db.delete(t.users).where(eq(t.users.id, 5)).returning(),
    check: (r, a) => {
      a.equal(r.length, 1);
      a.deepEqual(
        [r[0].name, r[0].active, r[0].createdAt, r[0].meta],
        ['eve', false, D(1700000400000), { level: 2, tags: ['b', 'c'] }],
      );
    },
  },

  // ---------------------------------------------------------------- batch
  {
    name: 'batch insert then select',
    run: async (db, t) => {
      const [, rows] = await db.batch([
        db.insert(t.cities).values({ id: 20, name: 'Oslo' }),
        db.select().from(t.cities).orderBy(t.cities.id),
      ]);
      return rows;
    },
    check: (r, a) => {
      a.equal(r.length, 4);
      a.deepEqual(r[3], { id: 20, name: 'Oslo', country: null });
    },
  },
  {
    name: 'batch with returning, update, delete, select',
    run: async (db, t, { eq, count }) => {
      const [ins, upd, del, sel] = await db.batch([
        db.insert(t.counters).values({ key: 'q', value: 5 }).returning(),
        db.update(t.counters).set({ value: 6 }).where(eq(t.counters.key, 'q')).returning({ value: t.counters.value }),
        db.delete(t.counters).where(eq(t.counters.key, 'a')).returning({ key: t.counters.key }),
        db.select({ n: count() }).from(t.counters),
      ]);
      return { ins, upd, del, sel };
    },
    check: (r, a) =>
      a.deepEqual(r, { ins: [{ key: 'q', value: 5 }], upd: [{ value: 6 }], del: [{ key: 'a' }], sel: [{ n: 2 }] }),
  },
  {
    name: 'batch select with same-named columns',
    run: async (db, t, { eq }) => {
      const [rows] = await db.batch([
        db
          .select({ user: t.users.name, city: t.cities.name, id: t.cities.id })
          .from(t.users)
          .innerJoin(t.cities, eq(t.users.cityId, t.cities.id))
          .orderBy(t.users.id),
      ]);
      return rows;
    },
    check: (r, a) => a.deepEqual(r[0], { user: 'ann', city: 'Paris', id: 1 }),
  },
  {
    name: 'batch with a CTE select and a set operation',
    run: async (db, t, { gt, lt, eq }) => {
      const older = db
        .$with('older')
        .as(db.select({ id: t.users.id, name: t.users.name }).from(t.users).where(gt(t.users.age, 26)));
      return db.batch([
        db
          .with(older)
          .select({ id: older.id, name: older.name, country: t.cities.country })
          .from(older)
          .leftJoin(t.users, eq(t.users.id, older.id))
          .leftJoin(t.cities, eq(t.cities.id, t.users.cityId))
          .orderBy(older.id),
        db
          .select({ id: t.users.id, name: t.users.name })
          .from(t.users)
          .where(lt(t.users.id, 2))
          .union(db.select({ id: t.cities.id, name: t.cities.name }).from(t.cities))
          .orderBy(t.users.id, t.users.name),
      ]);
    },
    check: (r, a) =>
      a.deepEqual(r, [
        [
          { id: 1, name: 'ann', country: 'FR' },
          { id: 3, name: 'cid', country: 'FR' },
        ],
        [
          { id: 1, name: 'Paris' },
          { id: 1, name: 'ann' },
          { id: 2, name: 'Berlin' },
          { id: 3, name: 'Tokyo' },
        ],
      ]),
  },
  {
    name: 'batch is atomic',
    run: async (db, t) => {
      const r = await attempt(() =>
        db.batch([
          db.insert(t.cities).values({ id: 30, name: 'First' }),
          db.insert(t.cities).values({ id: 1, name: 'dup' }),
        ]),
      );
      return { threw: r.threw, count: await db.$count(t.cities) };
    },
    check: (r, a) => a.deepEqual(r, { threw: true, count: 3 }),
  },
  {
    name: 'batch with db.run',
    asyncOnly: true,
    run: async (db, t, { sql, eq }) => {
      const [, rows] = await db.batch([
        db.run(sql`update ${t.counters} set ${sql.identifier('value')} = 50`),
        db.select().from(t.counters).where(eq(t.counters.key, 'b')),
      ]);
      return rows;
    },
    check: (r, a) => a.deepEqual(r, [{ key: 'b', value: 50 }]),
  },
  {
    name: 'batch with db.all db.get db.values',
    asyncOnly: true,
    run: async (db, t, { sql }) => {
      const [all, get, values, miss] = await db.batch([
        db.all(sql`select key, value from ${t.counters} order by key`),
        db.get(sql`select count(*) as n from ${t.users}`),
        db.values(sql`select id, name from ${t.cities} order by id`),
        db.get(sql`select id from ${t.cities} where id = 99`),
      ]);
      return { all, get, values, miss };
    },
    check: (r, a) =>
      a.deepEqual(r, {
        all: [
          { key: 'a', value: 1 },
          { key: 'b', value: 2 },
        ],
        get: { n: 5 },
        values: [
          [1, 'Paris'],
          [2, 'Berlin'],
          [3, 'Tokyo'],
        ],
        miss: '<undefined>',
      }),
  },
  {
    name: 'batch with raw sql carrying params',
    asyncOnly: true,
    run: (db, t, { sql }) =>
      attempt(
        async () =>
          (
            await db.batch([
              db.run(sql`update ${t.counters} set value = ${9} where key = ${'a'}`),
              db.get(sql`select value from ${t.counters} where key = ${'a'}`),
            ])
          )[1],
      ),
    check: (r, a) => a.equal(typeof r.threw, 'boolean'),
  },

  // ---------------------------------------------------------------- prepared statements
  {
    name: 'prepared select with placeholder',
    run: async (db, t, { eq, sql }) => {
      const p = db
        .select({ name: t.users.name })
        .from(t.users)
        .where(eq(t.users.id, sql.placeholder('id')))
        .prepare();
      return [await p.get({ id: 1 }), await p.get({ id: 3 }), await p.all({ id: 99 }), await p.execute({ id: 2 })];
    },
    check: (r, a) => a.deepEqual(r, [{ name: 'ann' }, { name: 'cid' }, [], [{ name: 'bob' }]]),
  },
  {
    name: 'prepared with placeholders in like and limit',
    run: async (db, t, { like, sql }) => {
      const p = db
        .select({ id: t.users.id })
        .from(t.users)
        .where(like(t.users.name, sql.placeholder('pat')))
        .orderBy(t.users.id)
        .limit(sql.placeholder('lim'))
        .prepare();
      return [ids(await p.all({ pat: '%n%', lim: 5 })), ids(await p.all({ pat: '%', lim: 2 }))];
    },
    check: (r, a) =>
      a.deepEqual(r, [
        [1, 4],
        [1, 2],
      ]),
  },
  {
    name: 'prepared insert with placeholders',
    run: async (db, t, { sql }) => {
      const p = db
        .insert(t.cities)
        .values({ id: sql.placeholder('id'), name: sql.placeholder('name') })
        .prepare();
      await p.run({ id: 40, name: 'Lima' });
      await p.run({ id: 41, name: 'Quito' });
      return db.select({ id: t.cities.id, name: t.cities.name }).from(t.cities).orderBy(t.cities.id);
    },
    check: (r, a) =>
      a.deepEqual(r.slice(3), [
        { id: 40, name: 'Lima' },
        { id: 41, name: 'Quito' },
      ]),
  },
  {
    // drizzle binds a placeholder's value as given (no column mapping in a where):
    // a Date fails on SQLite, the stored form (seconds) works.
    name: 'prepared placeholder on a timestamp column',
    run: async (db, t, { gt, sql }) => {
      const p = db
        .select({ id: t.users.id })
        .from(t.users)
        .where(gt(t.users.createdAt, sql.placeholder('after')))
        .orderBy(t.users.id)
        .prepare();
      return [
        (await attempt(() => p.all({ after: new Date(1700000250000) }))).threw,
        ids(await p.all({ after: 1700000250 })),
      ];
    },
    check: (r, a) => a.deepEqual(r, [true, [4, 5]]),
  },
  {
    name: 'prepared update set with placeholder',
    run: async (db, t, { eq, sql }) => {
      const p = db
        .update(t.users)
        .set({ active: sql.placeholder('active'), createdAt: sql.placeholder('at') })
        .where(eq(t.users.id, sql.placeholder('id')))
        .prepare();
      await p.run({ id: 1, active: false, at: new Date(1600000000000) });
      return db.select({ active: t.users.active, createdAt: t.users.createdAt }).from(t.users).where(eq(t.users.id, 1));
    },
    check: (r, a) => a.deepEqual(r, [{ active: false, createdAt: D(1600000000000) }]),
  },
  {
    name: 'prepared update and delete',
    run: async (db, t, { eq, sql }) => {
      const up = db
        .update(t.counters)
        .set({ value: 99 })
        .where(eq(t.counters.key, sql.placeholder('k')))
        .prepare();
      const del = db
        .delete(t.counters)
        .where(eq(t.counters.key, sql.placeholder('k')))
        .prepare();
      await up.run({ k: 'a' });
      await del.run({ k: 'b' });
      return db.select().from(t.counters);
    },
    check: (r, a) => a.deepEqual(r, [{ key: 'a', value: 99 }]),
  },

  // ---------------------------------------------------------------- raw sql
  {
    name: 'db.all raw',
    run: (db, t, { sql }) => db.all(sql`select id, name from ${t.users} where age > ${26} order by id`),
    check: (r, a) =>
      a.deepEqual(r, [
        { id: 1, name: 'ann' },
        { id: 3, name: 'cid' },
      ]),
  },
  {
    name: 'db.get raw',
    run: async (db, t, { sql }) => [
      await db.get(sql`select count(*) as n from ${t.users}`),
      await db.get(sql`select id from ${t.users} where id = ${99}`),
    ],
    check: (r, a) => a.deepEqual(r, [{ n: 5 }, '<undefined>']),
  },
  {
    name: 'db.values raw',
    run: (db, t, { sql }) => db.values(sql`select id, name, score from ${t.users} order by id limit 2`),
    check: (r, a) =>
      a.deepEqual(r, [
        [1, 'ann', 9.5],
        [2, 'bob', 7.25],
      ]),
  },
  {
    name: 'db.run raw',
    run: async (db, t, { sql, eq }) => {
      await db.run(sql`update ${t.users} set ${sql.identifier('age')} = ${t.users.age} + 1 where ${t.users.id} = ${1}`);
      return db.select({ age: t.users.age }).from(t.users).where(eq(t.users.id, 1));
    },
    check: (r, a) => a.deepEqual(r, [{ age: 32 }]),
  },
  {
    name: 'sql.raw sql.join and sql.identifier',
    run: (db, t, { sql }) =>
      db.all(
        sql`select ${sql.identifier('name')} from ${t.users} where ${t.users.id} in (${sql.join([sql`${1}`, sql`${2}`], sql.raw(', '))}) order by ${sql.raw('id')}`,
      ),
    check: (r, a) => a.deepEqual(r, [{ name: 'ann' }, { name: 'bob' }]),
  },
  {
    name: 'raw sql binding types',
    // (no typeof() of a bound number: D1 binds every JS number as REAL, the embedded database binds integers as INTEGER)
    run: (db, _t, { sql }) => db.values(sql`select ${1}, ${'two'}, ${2.5}, ${null}, ${-3} + 1`),
    check: (r, a) => a.deepEqual(r, [[1, 'two', 2.5, null, -2]]),
  },

  // ---------------------------------------------------------------- column modes
  {
    name: 'integer number mode',
    run: async (db, t, { eq }) => [
      await db.select({ v: t.kinds.intNum }).from(t.kinds).orderBy(t.kinds.id),
      await db.insert(t.kinds).values({ id: 3, intNum: -7 }).returning({ v: t.kinds.intNum }),
      await db.select({ id: t.kinds.id }).from(t.kinds).where(eq(t.kinds.intNum, 42)),
    ],
    check: (r, a) => a.deepEqual(r, [[{ v: 42 }, { v: null }], [{ v: -7 }], [{ id: 1 }]]),
  },
  {
    name: 'integer boolean mode',
    run: async (db, t, { sql }) => [
      await db.select({ v: t.kinds.bool }).from(t.kinds).orderBy(t.kinds.id),
      await db
        .insert(t.kinds)
        .values([
          { id: 3, bool: false },
          { id: 4, bool: true },
        ])
        .returning({ v: t.kinds.bool }),
      await db.values(sql`select bool from kinds where id >= 3 order by id`),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [{ v: true }, { v: null }],
        [{ v: false }, { v: true }],
        [[0], [1]],
      ]),
  },
  {
    name: 'integer timestamp mode truncates to seconds',
    run: async (db, t, { sql }) => [
      await db.select({ v: t.kinds.ts }).from(t.kinds).orderBy(t.kinds.id),
      await db
        .insert(t.kinds)
        .values({ id: 3, ts: new Date('2024-05-06T07:08:09.999Z') })
        .returning({ v: t.kinds.ts }),
      await db.values(sql`select ts from kinds where id = 3`),
    ],
    check: (r, a) =>
      a.deepEqual(r, [[{ v: D(1700000000000) }, { v: null }], [{ v: D('2024-05-06T07:08:09.000Z') }], [[1714979289]]]),
  },
  {
    name: 'integer timestamp_ms mode',
    run: async (db, t, { sql }) => [
      await db.select({ v: t.kinds.tsMs }).from(t.kinds).orderBy(t.kinds.id),
      await db
        .insert(t.kinds)
        .values({ id: 3, tsMs: new Date('2024-05-06T07:08:09.999Z') })
        .returning({ v: t.kinds.tsMs }),
      await db.values(sql`select ts_ms from kinds where id = 3`),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [{ v: D(1700000000123) }, { v: null }],
        [{ v: D('2024-05-06T07:08:09.999Z') }],
        [[1714979289999]],
      ]),
  },
  {
    name: 'text and enum modes',
    run: async (db, t, { eq }) => [
      await db.select({ txt: t.kinds.txt, en: t.kinds.en }).from(t.kinds).orderBy(t.kinds.id),
      await db
        .insert(t.kinds)
        .values({ id: 3, txt: 'ünïcødé ✓ \'quoted\' "double"', en: 'c' })
        .returning({ txt: t.kinds.txt, en: t.kinds.en }),
      await db.select({ id: t.kinds.id }).from(t.kinds).where(eq(t.kinds.en, 'b')),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [
          { txt: 'hi', en: 'b' },
          { txt: null, en: null },
        ],
        [{ txt: 'ünïcødé ✓ \'quoted\' "double"', en: 'c' }],
        [{ id: 1 }],
      ]),
  },
  {
    name: 'text json mode',
    run: async (db, t, { sql }) => [
      await db.select({ v: t.kinds.js }).from(t.kinds).orderBy(t.kinds.id),
      await db
        .insert(t.kinds)
        .values([
          { id: 3, js: { a: [1, { b: 'c' }], n: null } },
          { id: 4, js: [1, 2] },
          { id: 5, js: 'str' },
        ])
        .returning({ v: t.kinds.js }),
      await db.values(sql`select js from kinds where id >= 3 order by id`),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [{ v: { k: [1, 2] } }, { v: null }],
        [{ v: { a: [1, { b: 'c' }], n: null } }, { v: [1, 2] }, { v: 'str' }],
        [['{"a":[1,{"b":"c"}],"n":null}'], ['[1,2]'], ['"str"']],
      ]),
  },
  {
    name: 'real mode',
    run: async (db, t) => [
      await db.select({ v: t.kinds.re }).from(t.kinds).orderBy(t.kinds.id),
      await db
        .insert(t.kinds)
        .values([
          { id: 3, re: 0.1 + 0.2 },
          { id: 4, re: -1e300 },
          { id: 5, re: 3 },
        ])
        .returning({ v: t.kinds.re }),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [{ v: 1.5 }, { v: null }],
        [{ v: 0.30000000000000004 }, { v: -1e300 }, { v: 3 }],
      ]),
  },
  {
    name: 'numeric string mode',
    run: async (db, t) => [
      await db.select({ v: t.kinds.num }).from(t.kinds).orderBy(t.kinds.id),
      await db
        .insert(t.kinds)
        .values([
          { id: 3, num: '10' },
          { id: 4, num: '0.125' },
          { id: 5, num: 'abc' },
        ])
        .returning({ v: t.kinds.num }),
    ],
    check: (r, a) => {
      a.deepEqual(r[0], [{ v: '12.5' }, { v: null }]);
      a.deepEqual(
        r[1].map((x) => typeof x.v),
        ['string', 'string', 'string'],
      );
      a.equal(r[1][2].v, 'abc');
    },
  },
  {
    name: 'numeric number mode',
    run: async (db, t) => [
      await db.select({ v: t.kinds.numN }).from(t.kinds).orderBy(t.kinds.id),
      await db
        .insert(t.kinds)
        .values([
          { id: 3, numN: 7 },
          { id: 4, numN: 0.5 },
        ])
        .returning({ v: t.kinds.numN }),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [{ v: 3.25 }, { v: null }],
        [{ v: 7 }, { v: 0.5 }],
      ]),
  },
  {
    name: 'numeric bigint mode',
    run: async (db, t) => [
      await db.select({ v: t.kinds.numB }).from(t.kinds).orderBy(t.kinds.id),
      await db.insert(t.kinds).values({ id: 3, numB: 9007199254740991n }).returning({ v: t.kinds.numB }),
    ],
    check: (r, a) => a.deepEqual(r, [[{ v: '1234567890123n' }, { v: null }], [{ v: '9007199254740991n' }]]),
  },
  {
    name: 'blob buffer mode',
    run: async (db, t, { sql }) => [
      await db.select({ v: t.kinds.blobBuf }).from(t.kinds).orderBy(t.kinds.id),
      await db
        .insert(t.kinds)
        .values({ id: 3, blobBuf: new Uint8Array([0, 1, 2, 254, 255]) })
        .returning({ v: t.kinds.blobBuf }),
      await db.values(sql`select typeof(blob_buf), hex(blob_buf) from kinds where id = 3`),
    ],
    check: (r, a) =>
      a.deepEqual(r, [[{ v: 'hex:00ff10' }, { v: null }], [{ v: 'hex:000102feff' }], [['blob', '000102FEFF']]]),
  },
  {
    name: 'blob json mode',
    run: async (db, t, { sql }) => [
      await db.select({ v: t.kinds.blobJson }).from(t.kinds).orderBy(t.kinds.id),
      await db
        .insert(t.kinds)
        .values({ id: 3, blobJson: { list: [1, 2], s: 'x' } })
        .returning({ v: t.kinds.blobJson }),
      await db.values(sql`select typeof(blob_json), cast(blob_json as text) from kinds where id = 3`),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [{ v: { a: 1 } }, { v: null }],
        [{ v: { list: [1, 2], s: 'x' } }],
        [['blob', '{"list":[1,2],"s":"x"}']],
      ]),
  },
  {
    name: 'blob bigint mode',
    run: async (db, t, { sql }) => [
      await db.select({ v: t.kinds.blobBig }).from(t.kinds).orderBy(t.kinds.id),
      await db
        .insert(t.kinds)
        .values({ id: 3, blobBig: -123456789012345678901234567890n })
        .returning({ v: t.kinds.blobBig }),
      await db.values(sql`select typeof(blob_big), cast(blob_big as text) from kinds where id = 3`),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [{ v: '18446744073709551617n' }, { v: null }],
        [{ v: '-123456789012345678901234567890n' }],
        [['blob', '-123456789012345678901234567890']],
      ]),
  },
  {
    name: 'customType text and integer',
    run: async (db, t, { sql }) => [
      await db.select({ tags: t.kinds.tags, price: t.kinds.price }).from(t.kinds).orderBy(t.kinds.id),
      await db
        .insert(t.kinds)
        .values({ id: 3, tags: ['p', 'q', 'r'], price: 12.34 })
        .returning({ tags: t.kinds.tags, price: t.kinds.price }),
      await db.values(sql`select tags, price from kinds where id = 3`),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [
          { tags: ['x', 'y'], price: 19.99 },
          { tags: null, price: null },
        ],
        [{ tags: ['p', 'q', 'r'], price: 12.34 }],
        [['p,q,r', 1234]],
      ]),
  },
  {
    name: 'customType in where',
    run: (db, t, { eq }) => db.select({ id: t.kinds.id }).from(t.kinds).where(eq(t.kinds.price, 19.99)),
    check: (r, a) => a.deepEqual(r, [{ id: 1 }]),
  },
  {
    name: 'all modes full row select',
    run: (db, t) => db.select().from(t.kinds).orderBy(t.kinds.id),
    check: (r, a) => {
      a.equal(r.length, 2);
      a.equal(Object.keys(r[0]).length, 17);
      a.ok(Object.values(r[1]).every((v, i) => i === 0 || v === null || v === 2));
    },
  },
  {
    name: 'update every mode',
    run: (db, t, { eq }) =>
      db
        .update(t.kinds)
        .set({
          intNum: 1,
          bool: false,
          ts: new Date(1600000000000),
          tsMs: new Date(1600000000001),
          txt: 't',
          en: 'a',
          js: { u: 1 },
          re: 2.5,
          num: '3.5',
          numN: 4.5,
          numB: 5n,
          blobBuf: new Uint8Array([9]),
          blobJson: [true],
          blobBig: 6n,
          tags: ['m'],
          price: 1.01,
        })
        .where(eq(t.kinds.id, 2))
        .returning(),
    check: (r, a) =>
      a.deepEqual(r, [
        {
          id: 2,
          intNum: 1,
          bool: false,
          ts: D(1600000000000),
          tsMs: D(1600000000001),
          txt: 't',
          en: 'a',
          js: { u: 1 },
          re: 2.5,
          num: '3.5',
          numN: 4.5,
          numB: '5n',
          blobBuf: 'hex:09',
          blobJson: [true],
          blobBig: '6n',
          tags: ['m'],
          price: 1.01,
        },
      ]),
  },

  // ---------------------------------------------------------------- relational queries (db.query)
  {
    name: 'relational findMany with a many relation',
    run: (db) =>
      db.query.users.findMany({
        columns: { id: true, name: true },
        with: { posts: { columns: { id: true, title: true }, orderBy: (p, { asc }) => [asc(p.id)] } },
        orderBy: (u, { asc }) => asc(u.id),
      }),
    check: (r, a) =>
      a.deepEqual(r, [
        {
          id: 1,
          name: 'ann',
          posts: [
            { id: 1, title: 'Hello' },
            { id: 2, title: 'Second' },
          ],
        },
        {
          id: 2,
          name: 'bob',
          posts: [
            { id: 3, title: 'Bob post' },
            { id: 5, title: 'Another' },
          ],
        },
        { id: 3, name: 'cid', posts: [] },
        { id: 4, name: 'dan', posts: [] },
        { id: 5, name: 'eve', posts: [{ id: 4, title: 'Eve post' }] },
      ]),
  },
  {
    name: 'relational full rows with a one relation',
    run: (db) => db.query.posts.findMany({ with: { author: true }, orderBy: (p, { asc }) => asc(p.id), limit: 2 }),
    check: (r, a) => {
      const ann = {
        id: 1,
        name: 'ann',
        email: 'ann@x.io',
        age: 31,
        role: 'admin',
        active: true,
        cityId: 1,
        createdAt: D(1700000000000),
        score: 9.5,
        meta: { level: 3, tags: ['a'] },
      };
      a.deepEqual(r, [
        { id: 1, authorId: 1, title: 'Hello', views: 10, publishedAt: D(1700000000123), author: ann },
        { id: 2, authorId: 1, title: 'Second', views: 5, publishedAt: null, author: ann },
      ]);
    },
  },
  {
    name: 'relational depth 3 users posts comments author',
    run: (db) =>
      db.query.users.findMany({
        columns: { name: true },
        orderBy: (u, { asc }) => asc(u.id),
        limit: 2,
        with: {
          posts: {
            columns: { title: true },
            orderBy: (p, { asc }) => asc(p.id),
            with: {
              comments: {
                columns: { body: true },
                orderBy: (c, { asc }) => asc(c.id),
                with: { author: { columns: { name: true } } },
              },
            },
          },
        },
      }),
    check: (r, a) =>
      a.deepEqual(r, [
        {
          name: 'ann',
          posts: [
            {
              title: 'Hello',
              comments: [
                { body: 'nice', author: { name: 'bob' } },
                { body: 'agreed', author: { name: 'cid' } },
                { body: 'late', author: { name: 'eve' } },
              ],
            },
            { title: 'Second', comments: [] },
          ],
        },
        {
          name: 'bob',
          posts: [
            {
              title: 'Bob post',
              comments: [
                { body: 'hi bob', author: { name: 'ann' } },
                { body: 'ghost', author: null },
              ],
            },
            { title: 'Another', comments: [{ body: 'dan here', author: { name: 'dan' } }] },
          ],
        },
      ]),
  },
  {
    name: 'relational empty many and missing one',
    run: async (db) => [
      await db.query.users.findMany({
        columns: { id: true },
        with: {
          city: { columns: { name: true } },
          posts: { columns: { id: true }, orderBy: (p, { asc }) => asc(p.id) },
        },
        orderBy: (u, { asc }) => asc(u.id),
      }),
      await db.query.cities.findMany({
        columns: { name: true },
        with: { users: { columns: { name: true }, orderBy: (u, { asc }) => asc(u.id) } },
        orderBy: (c, { asc }) => asc(c.id),
      }),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [
          { id: 1, city: { name: 'Paris' }, posts: [{ id: 1 }, { id: 2 }] },
          { id: 2, city: { name: 'Berlin' }, posts: [{ id: 3 }, { id: 5 }] },
          { id: 3, city: { name: 'Paris' }, posts: [] },
          { id: 4, city: null, posts: [] },
          { id: 5, city: { name: 'Berlin' }, posts: [{ id: 4 }] },
        ],
        [
          { name: 'Paris', users: [{ name: 'ann' }, { name: 'cid' }] },
          { name: 'Berlin', users: [{ name: 'bob' }, { name: 'eve' }] },
          { name: 'Tokyo', users: [] },
        ],
      ]),
  },
  {
    name: 'relational orderBy limit offset nested and top',
    run: async (db, t, { desc }) => [
      // Top: a list of order terms; nested: a callback. limit/offset apply per parent row.
      await db.query.users.findMany({
        columns: { name: true },
        orderBy: [desc(t.users.age), desc(t.users.id)],
        limit: 3,
        offset: 1,
        with: { posts: { columns: { title: true }, orderBy: (p, { desc }) => desc(p.views), limit: 1, offset: 1 } },
      }),
      await db.query.users.findMany({
        columns: { id: true },
        orderBy: (u, { asc }) => asc(u.id),
        with: { posts: { columns: { title: true }, orderBy: (p, { desc }) => [desc(p.views)], limit: 1 } },
      }),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [
          { name: 'ann', posts: [{ title: 'Second' }] },
          { name: 'eve', posts: [] },
          { name: 'bob', posts: [{ title: 'Another' }] },
        ],
        [
          { id: 1, posts: [{ title: 'Hello' }] },
          { id: 2, posts: [{ title: 'Bob post' }] },
          { id: 3, posts: [] },
          { id: 4, posts: [] },
          { id: 5, posts: [{ title: 'Eve post' }] },
        ],
      ]),
  },
  {
    name: 'relational where callback and sql where, top and nested',
    run: async (db, t, { sql, ne }) => [
      await db.query.users.findMany({
        columns: { name: true },
        where: (u, { and, gt, eq }) => and(gt(u.age, 24), eq(u.active, true)),
        orderBy: (u, { asc }) => asc(u.id),
        with: {
          posts: {
            columns: { title: true },
            where: (p, { gte }) => gte(p.views, 7),
            orderBy: (p, { asc }) => asc(p.id),
          },
        },
      }),
      await db.query.posts.findMany({
        columns: { id: true },
        where: sql`${t.posts.views} > ${5}`,
        orderBy: (p, { asc }) => asc(p.id),
        with: {
          comments: { columns: { id: true }, where: ne(t.comments.authorId, 99), orderBy: (c, { asc }) => asc(c.id) },
        },
      }),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [
          { name: 'ann', posts: [{ title: 'Hello' }] },
          { name: 'bob', posts: [{ title: 'Bob post' }, { title: 'Another' }] },
        ],
        [
          { id: 1, comments: [{ id: 1 }, { id: 2 }, { id: 4 }] },
          { id: 3, comments: [{ id: 3 }] },
          { id: 5, comments: [{ id: 5 }] },
        ],
      ]),
  },
  {
    name: 'relational where exists correlated on the level',
    run: (db, t, { sql, eq }) =>
      db.query.users.findMany({
        columns: { name: true },
        where: (u, { exists }) => exists(db.select({ one: sql`1` }).from(t.posts).where(eq(t.posts.authorId, u.id))),
        orderBy: (u, { asc }) => asc(u.id),
        with: {
          posts: {
            columns: { title: true },
            where: (p, { exists }) =>
              exists(db.select({ one: sql`1` }).from(t.comments).where(eq(t.comments.postId, p.id))),
            orderBy: (p, { asc }) => asc(p.id),
          },
        },
      }),
    check: (r, a) =>
      a.deepEqual(r, [
        { name: 'ann', posts: [{ title: 'Hello' }] },
        { name: 'bob', posts: [{ title: 'Bob post' }, { title: 'Another' }] },
        { name: 'eve', posts: [] },
      ]),
  },
  {
    name: 'relational columns include and exclude, top and nested',
    run: async (db) => [
      await db.query.users.findMany({
        columns: { meta: false, createdAt: false, score: false, email: false },
        where: (u, { eq }) => eq(u.id, 1),
        with: {
          posts: { columns: { publishedAt: false, authorId: false }, orderBy: (p, { asc }) => asc(p.id) },
          city: { columns: { name: true } },
        },
      }),
      // Include mode wins when any key is true: `country: false` changes nothing.
      await db.query.cities.findMany({ columns: { name: true, country: false }, orderBy: (c, { asc }) => asc(c.id) }),
      await db.query.posts.findMany({
        columns: { title: true },
        where: (p, { eq }) => eq(p.id, 3),
        with: {
          author: {
            columns: {
              id: false,
              email: false,
              meta: false,
              createdAt: false,
              score: false,
              cityId: false,
              active: false,
              role: false,
            },
          },
        },
      }),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [
          {
            id: 1,
            name: 'ann',
            age: 31,
            role: 'admin',
            active: true,
            cityId: 1,
            posts: [
              { id: 1, title: 'Hello', views: 10 },
              { id: 2, title: 'Second', views: 5 },
            ],
            city: { name: 'Paris' },
          },
        ],
        [{ name: 'Paris' }, { name: 'Berlin' }, { name: 'Tokyo' }],
        [{ title: 'Bob post', author: { name: 'bob', age: 25 } }],
      ]),
  },
  {
    name: 'relational extras top and nested',
    run: (db, t, { sql, inArray }) =>
      db.query.users.findMany({
        columns: { id: true },
        extras: {
          upper: sql`upper(${t.users.name})`.as('upper'),
          ageNext: sql`${t.users.age} + 1`.mapWith(Number).as('age_next'),
        },
        where: inArray(t.users.id, [1, 5]),
        orderBy: (u, { asc }) => asc(u.id),
        with: {
          posts: {
            columns: { id: true },
            extras: (p, { sql }) => ({
              doubled: sql`${p.views} * 2`.mapWith(Number).as('doubled'),
              titleLen: sql`length(${p.title})`.as('title_len'),
              code: sql`'4' || ${p.id}`.mapWith(Number).as('code'),
              raw: sql`'4' || ${p.id}`.as('raw'),
            }),
            orderBy: (p, { asc }) => asc(p.id),
          },
        },
      }),
    check: (r, a) =>
      a.deepEqual(r, [
        {
          id: 1,
          upper: 'ANN',
          ageNext: 32,
          posts: [
            { id: 1, doubled: 20, titleLen: 5, code: 41, raw: '41' },
            { id: 2, doubled: 10, titleLen: 6, code: 42, raw: '42' },
          ],
        },
        { id: 5, upper: 'EVE', ageNext: 26, posts: [{ id: 4, doubled: 0, titleLen: 8, code: 44, raw: '44' }] },
      ]),
  },
  {
    name: 'relational extras with a correlated count at the top',
    run: (db, t, { sql }) =>
      db.query.users.findMany({
        columns: { name: true },
        extras: {
          postCount: sql`(select count(*) from ${t.posts} where ${t.posts.authorId} = ${t.users.id})`
            .mapWith(Number)
            .as('post_count'),
        },
        orderBy: (u, { asc }) => asc(u.id),
      }),
    check: (r, a) =>
      a.deepEqual(r, [
        { name: 'ann', postCount: 2 },
        { name: 'bob', postCount: 2 },
        { name: 'cid', postCount: 0 },
        { name: 'dan', postCount: 0 },
        { name: 'eve', postCount: 1 },
      ]),
  },
  {
    name: 'relational extras with a correlated count nested',
    run: (db, t, { sql }) =>
      db.query.cities.findMany({
        columns: { name: true },
        orderBy: (c, { asc }) => asc(c.id),
        limit: 2,
        with: {
          users: {
            columns: { name: true },
            extras: (u, { sql }) => ({
              postCount: sql`(select count(*) from ${t.posts} where ${t.posts.authorId} = ${u.id})`
                .mapWith(Number)
                .as('post_count'),
            }),
            orderBy: (u, { asc }) => asc(u.id),
          },
        },
      }),
    check: (r, a) =>
      a.deepEqual(r, [
        {
          name: 'Paris',
          users: [
            { name: 'ann', postCount: 2 },
            { name: 'cid', postCount: 0 },
          ],
        },
        {
          name: 'Berlin',
          users: [
            { name: 'bob', postCount: 2 },
            { name: 'eve', postCount: 1 },
          ],
        },
      ]),
  },
  {
    name: 'relational self relation both sides',
    run: async (db) => [
      await db.query.categories.findMany({
        columns: { name: true },
        with: {
          parent: { columns: { name: true } },
          children: { columns: { name: true }, orderBy: (c, { asc }) => asc(c.id) },
        },
        orderBy: (c, { asc }) => asc(c.id),
      }),
      await db.query.categories.findFirst({
        columns: { name: true },
        where: (c, { eq }) => eq(c.name, 'rust'),
        with: {
          parent: { columns: { name: true }, with: { parent: { columns: { name: true }, with: { parent: true } } } },
        },
      }),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [
          { name: 'root', parent: null, children: [{ name: 'tech' }, { name: 'life' }] },
          { name: 'tech', parent: { name: 'root' }, children: [{ name: 'rust' }, { name: 'js' }] },
          { name: 'life', parent: { name: 'root' }, children: [] },
          { name: 'rust', parent: { name: 'tech' }, children: [] },
          { name: 'js', parent: { name: 'tech' }, children: [] },
        ],
        { name: 'rust', parent: { name: 'tech', parent: { name: 'root', parent: null } } },
      ]),
  },
  {
    name: 'relational many-to-many through the junction',
    run: async (db) => [
      await db.query.posts.findMany({
        columns: { title: true },
        orderBy: (p, { asc }) => asc(p.id),
        with: {
          postTags: {
            columns: { tagId: true },
            orderBy: (pt, { asc }) => asc(pt.tagId),
            with: { tag: { columns: { name: true } } },
          },
        },
      }),
      await db.query.tags.findMany({
        columns: { name: true },
        orderBy: (g, { asc }) => asc(g.id),
        with: {
          postTags: {
            columns: { postId: true },
            orderBy: (pt, { asc }) => asc(pt.postId),
            with: { post: { columns: { title: true } } },
          },
        },
      }),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [
          {
            title: 'Hello',
            postTags: [
              { tagId: 1, tag: { name: 'news' } },
              { tagId: 2, tag: { name: 'howto' } },
            ],
          },
          { title: 'Second', postTags: [] },
          { title: 'Bob post', postTags: [{ tagId: 1, tag: { name: 'news' } }] },
          { title: 'Eve post', postTags: [{ tagId: 1, tag: { name: 'news' } }] },
          { title: 'Another', postTags: [{ tagId: 2, tag: { name: 'howto' } }] },
        ],
        [
          {
            name: 'news',
            postTags: [
              { postId: 1, post: { title: 'Hello' } },
              { postId: 3, post: { title: 'Bob post' } },
              { postId: 4, post: { title: 'Eve post' } },
            ],
          },
          {
            name: 'howto',
            postTags: [
              { postId: 1, post: { title: 'Hello' } },
              { postId: 5, post: { title: 'Another' } },
            ],
          },
          { name: 'misc', postTags: [] },
        ],
      ]),
  },
  {
    name: 'relational findFirst row and undefined',
    run: async (db, t, { eq }) => [
      await db.query.users.findFirst({
        columns: { name: true },
        where: (u, { eq }) => eq(u.role, 'user'),
        orderBy: (u, { desc }) => desc(u.id),
        with: {
          posts: { columns: { id: true }, orderBy: (p, { asc }) => asc(p.id) },
          city: { columns: { name: true } },
        },
      }),
      await db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, 99), with: { posts: true } }),
      await db.query.posts.findFirst({
        where: eq(t.posts.id, 2),
        columns: { title: true },
        with: { comments: true, author: { columns: { name: true } } },
      }),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        { name: 'eve', posts: [{ id: 4 }], city: { name: 'Berlin' } },
        '<undefined>',
        { title: 'Second', comments: [], author: { name: 'ann' } },
      ]),
  },
  {
    name: 'relational prepared findMany with placeholders',
    run: async (db, _t, { sql }) => {
      const many = db.query.users
        .findMany({
          columns: { name: true },
          where: (u, { gte }) => gte(u.age, sql.placeholder('minAge')),
          orderBy: (u, { asc }) => asc(u.id),
          limit: sql.placeholder('n'),
          with: {
            posts: {
              columns: { id: true },
              where: (p, { gt }) => gt(p.views, sql.placeholder('minViews')),
              orderBy: (p, { asc }) => asc(p.id),
              limit: sql.placeholder('perUser'),
            },
          },
        })
        .prepare();
      const first = db.query.posts
        .findFirst({
          columns: { title: true },
          where: (p, { eq }) => eq(p.id, sql.placeholder('id')),
          with: { author: { columns: { name: true } } },
        })
        .prepare();
      return [
        await many.execute({ minAge: 25, n: 2, minViews: 5, perUser: 5 }),
        await many.execute({ minAge: 40, n: 5, minViews: 0, perUser: 5 }),
        await many.execute({ minAge: 25, n: 2, minViews: 0, perUser: 1 }),
        await first.execute({ id: 3 }),
        await first.execute({ id: 42 }),
      ];
    },
    check: (r, a) =>
      a.deepEqual(r, [
        [
          { name: 'ann', posts: [{ id: 1 }] },
          { name: 'bob', posts: [{ id: 3 }, { id: 5 }] },
        ],
        [{ name: 'cid', posts: [] }],
        [
          { name: 'ann', posts: [{ id: 1 }] },
          { name: 'bob', posts: [{ id: 3 }] },
        ],
        { title: 'Bob post', author: { name: 'bob' } },
        '<undefined>',
      ]),
  },
  {
    name: 'relational typed columns inside a one relation',
    run: async (db, t, { getTableColumns }) => {
      const { blobBuf, blobJson, blobBig, ...plain } = getTableColumns(t.kinds);
      return {
        nested: await db.query.holders.findMany({
          columns: { label: true },
          with: { kind: { columns: { blobBuf: false, blobJson: false, blobBig: false } } },
          orderBy: (h, { asc }) => asc(h.id),
        }),
        top: await db.select(plain).from(t.kinds).orderBy(t.kinds.id),
      };
    },
    check: (r, a) => {
      a.deepEqual(r.top, [KIND1, KIND2]);
      a.deepEqual(r.nested, [
        { label: 'h1', kind: KIND1 },
        { label: 'h2', kind: KIND2 },
        { label: 'h3', kind: KIND1 },
        { label: 'h4', kind: null },
      ]);
    },
  },
  {
    name: 'relational typed columns inside a many relation at depth 2',
    run: (db) =>
      db.query.kinds.findMany({
        columns: { id: true },
        orderBy: (k, { asc }) => asc(k.id),
        with: {
          holders: {
            columns: { label: true },
            orderBy: (h, { asc }) => asc(h.id),
            with: { kind: { columns: { blobBuf: false, blobJson: false, blobBig: false } } },
          },
        },
      }),
    check: (r, a) =>
      a.deepEqual(r, [
        {
          id: 1,
          holders: [
            { label: 'h1', kind: KIND1 },
            { label: 'h3', kind: KIND1 },
          ],
        },
        { id: 2, holders: [{ label: 'h2', kind: KIND2 }] },
      ]),
  },
  {
    name: 'relational blob columns inside a relation',
    run: async (db, t) => ({
      nested: await db.query.holders.findMany({
        columns: { label: true },
        where: (h, { lt }) => lt(h.id, 3),
        with: { kind: { columns: { blobBuf: true, blobJson: true, blobBig: true } } },
        orderBy: (h, { asc }) => asc(h.id),
      }),
      top: await db
        .select({ blobBuf: t.kinds.blobBuf, blobJson: t.kinds.blobJson, blobBig: t.kinds.blobBig })
        .from(t.kinds)
        .orderBy(t.kinds.id),
    }),
    check: (r, a) => {
      const k1 = { blobBuf: 'hex:00ff10', blobJson: { a: 1 }, blobBig: '18446744073709551617n' };
      const k2 = { blobBuf: null, blobJson: null, blobBig: null };
      a.deepEqual(r.top, [k1, k2]);
      a.deepEqual(r.nested, [
        { label: 'h1', kind: k1 },
        { label: 'h2', kind: k2 },
      ]);
    },
  },
  {
    name: 'relational queries in a batch',
    asyncOnly: true,
    run: async (db, t) => {
      const [many, first, , after] = await db.batch([
        db.query.users.findMany({
          columns: { name: true },
          where: (u, { lte }) => lte(u.id, 2),
          orderBy: (u, { asc }) => asc(u.id),
          with: { posts: { columns: { id: true }, orderBy: (p, { asc }) => asc(p.id) } },
        }),
        db.query.posts.findFirst({
          columns: { title: true },
          where: (p, { eq }) => eq(p.id, 3),
          with: {
            author: { columns: { name: true } },
            comments: { columns: { body: true }, orderBy: (c, { asc }) => asc(c.id) },
          },
        }),
        db.insert(t.tags).values({ id: 4, name: 'new' }),
        db.query.tags.findMany({
          columns: { name: true },
          orderBy: (g, { asc }) => asc(g.id),
          with: { postTags: { columns: { postId: true }, orderBy: (pt, { asc }) => asc(pt.postId) } },
        }),
      ]);
      return { many, first, after };
    },
    check: (r, a) =>
      a.deepEqual(r, {
        many: [
          { name: 'ann', posts: [{ id: 1 }, { id: 2 }] },
          { name: 'bob', posts: [{ id: 3 }, { id: 5 }] },
        ],
        first: { title: 'Bob post', author: { name: 'bob' }, comments: [{ body: 'hi bob' }, { body: 'ghost' }] },
        after: [
          { name: 'news', postTags: [{ postId: 1 }, { postId: 3 }, { postId: 4 }] },
          { name: 'howto', postTags: [{ postId: 1 }, { postId: 5 }] },
          { name: 'misc', postTags: [] },
          { name: 'new', postTags: [] },
        ],
      }),
  },
  {
    name: 'relational queries in a transaction',
    syncOnly: true,
    run: async (db, t) => {
      const inside = db.transaction((tx) => {
        tx.insert(t.comments).values({ id: 7, postId: 2, authorId: 3, body: 'in tx' }).run();
        return {
          posts: tx.query.posts
            .findMany({
              columns: { title: true },
              where: (p, { eq }) => eq(p.authorId, 1),
              orderBy: (p, { asc }) => asc(p.id),
              with: {
                comments: {
                  columns: { body: true },
                  orderBy: (c, { asc }) => asc(c.id),
                  with: { author: { columns: { name: true } } },
                },
              },
            })
            .sync(),
          first: tx.query.comments
            .findFirst({ where: (c, { eq }) => eq(c.id, 7), with: { post: { columns: { title: true } } } })
            .sync(),
        };
      });
      let seen;
      let rolledBack = false;
      try {
        db.transaction((tx) => {
          tx.insert(t.comments).values({ id: 8, postId: 2, authorId: 1, body: 'undone' }).run();
          seen = tx.query.posts
            .findFirst({
              columns: { id: true },
              where: (p, { eq }) => eq(p.id, 2),
              with: { comments: { columns: { body: true }, orderBy: (c, { asc }) => asc(c.id) } },
            })
            .sync();
          tx.rollback();
        });
      } catch {
        rolledBack = true;
      }
      const after = await db.query.posts.findFirst({
        columns: { id: true },
        where: (p, { eq }) => eq(p.id, 2),
        with: { comments: { columns: { body: true }, orderBy: (c, { asc }) => asc(c.id) } },
      });
      return { inside, seen, rolledBack, after };
    },
    check: (r, a) =>
      a.deepEqual(r, {
        inside: {
          posts: [
            {
              title: 'Hello',
              comments: [
                { body: 'nice', author: { name: 'bob' } },
                { body: 'agreed', author: { name: 'cid' } },
                { body: 'late', author: { name: 'eve' } },
              ],
            },
            { title: 'Second', comments: [{ body: 'in tx', author: { name: 'cid' } }] },
          ],
          first: { id: 7, postId: 2, authorId: 3, body: 'in tx', post: { title: 'Second' } },
        },
        seen: { id: 2, comments: [{ body: 'in tx' }, { body: 'undone' }] },
        rolledBack: true,
        after: { id: 2, comments: [{ body: 'in tx' }] },
      }),
  },

  // ---------------------------------------------------------------- toSQL
  {
    name: 'toSQL of a select',
    run: async (db, t, { and, eq, like }) =>
      db
        .select({ id: t.users.id })
        .from(t.users)
        .where(and(eq(t.users.id, 1), like(t.users.name, 'a%')))
        .limit(1)
        .toSQL(),
    check: (r, a) => {
      a.deepEqual(r.params, [1, 'a%', 1]);
      a.match(r.sql, /^select .*"id".* from "users" where .*limit \?$/);
    },
  },
  {
    name: 'toSQL of an insert with json and boolean',
    run: async (db, t) => db.insert(t.counters).values({ key: 'k', value: 1 }).toSQL(),
    check: (r, a) => {
      a.deepEqual(r.params, ['k', 1]);
      a.match(r.sql, /^insert into "counters" \("key", "value"\) values \(\?, \?\)$/);
    },
  },
];
