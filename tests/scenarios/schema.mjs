// The schema every scenario runs against, for SQLite, PostgreSQL and MySQL: `makeSchema(core, ops, d)` builds
// the same tables and relations from either implementation's `sqlite-core`, `pg-core` or `mysql-core`, and
// `setupStatements[d]` drops, creates and seeds them before each scenario. The column types differ only where
// the dialect has its own (booleans, timestamps, JSON, the typed-values table `kinds`), so most scenarios read
// the same rows on all three. No imports, so workerd bundles take it as is.

/**
 * The tables (from the implementation's `core`: its sqlite-core, pg-core or mysql-core), their `relations()`
 * (from `ops`, the same implementation's root module), the `schema` object runners pass to
 * `drizzle(client, { schema })` for `db.query`, and `core`: alias, the set-operation functions and the
 * standalone QueryBuilder.
 * @param {'sqlite' | 'pg' | 'mysql'} d
 */
export function makeSchema(core, ops, d) {
  const lite = d === 'sqlite';
  const pg = d === 'pg';
  const table = lite ? core.sqliteTable : pg ? core.pgTable : core.mysqlTable;
  const int = lite || pg ? core.integer : core.int;
  const str = (name, opts = {}) => (pg || lite ? core.text(name, opts) : core.varchar(name, { length: 255, ...opts }));
  const serial = (name) =>
    lite
      ? core.integer(name).primaryKey({ autoIncrement: true })
      : pg
        ? core.serial(name).primaryKey()
        : core.int(name).autoincrement().primaryKey();
  // A timestamp with a time zone (SQLite: unix seconds).
  const stamp = (name) =>
    lite
      ? core.integer(name, { mode: 'timestamp' })
      : pg
        ? core.timestamp(name, { withTimezone: true })
        : core.datetime(name);

  const cities = table('cities', {
    id: int('id').primaryKey(),
    name: str('name').notNull(),
    country: str('country'),
  });

  const users = table('users', {
    id: serial('id'),
    name: str('name').notNull(),
    email: str('email').unique(),
    age: int('age'),
    role: (d === 'mysql'
      ? core.mysqlEnum('role', ['admin', 'user', 'guest'])
      : core.text('role', { enum: ['admin', 'user', 'guest'] })
    )
      .notNull()
      .default('user'),
    active: (lite ? core.integer('active', { mode: 'boolean' }) : core.boolean('active')).notNull().default(true),
    cityId: int('city_id').references(() => cities.id),
    createdAt: stamp('created_at'),
    score: lite ? core.real('score') : pg ? core.doublePrecision('score') : core.double('score'),
    meta: lite ? core.text('meta', { mode: 'json' }) : pg ? core.jsonb('meta') : core.json('meta'),
  });

  const posts = table('posts', {
    id: int('id').primaryKey(),
    authorId: int('author_id').notNull(),
    title: str('title').notNull(),
    views: int('views').notNull().default(0),
    publishedAt: lite
      ? core.integer('published_at', { mode: 'timestamp_ms' })
      : pg
        ? core.timestamp('published_at', { precision: 3 })
        : core.datetime('published_at', { fsp: 3 }),
  });

  const counters = table('counters', {
    key: str('key').primaryKey(),
    value: int('value').notNull().default(0),
  });

  const defaultsT = table('defaults_t', {
    id: serial('id'),
    name: str('name').notNull().default('anon'),
    n: int('n').notNull().default(7),
    sqlDefault: int('sql_default').default(ops.sql`(6 * 7)`),
    created: stamp('created').$defaultFn(() => new Date(1700000000000)),
    tag: str('tag').$defaultFn(() => 'generated'),
    state: str('state')
      .default('initial')
      .$onUpdate(() => 'updated'),
    legacy: str('legacy'),
  });

  // Tables only the relational scenarios read (db.query.*).
  const comments = table('comments', {
    id: int('id').primaryKey(),
    postId: int('post_id').notNull(),
    authorId: int('author_id').notNull(),
    body: str('body').notNull(),
  });
  const categories = table('categories', {
    id: int('id').primaryKey(),
    name: str('name').notNull(),
    parentId: int('parent_id'),
  });
  const tags = table('tags', { id: int('id').primaryKey(), name: str('name').notNull() });
  const postTags = table('post_tags', { postId: int('post_id').notNull(), tagId: int('tag_id').notNull() });
  /** Rows pointing at `kinds`, so its typed columns can be read inside a relation. */
  const holders = table('holders', {
    id: int('id').primaryKey(),
    kindId: int('kind_id'),
    label: str('label').notNull(),
  });

  const kinds = table('kinds', lite ? sqliteKinds(core) : pg ? pgKinds(core) : mysqlKinds(core));
  /** PostgreSQL's network address types (pg only). */
  const nets = pg
    ? table('nets', {
        id: int('id').primaryKey(),
        ip: core.inet('ip'),
        net: core.cidr('net'),
        mac: core.macaddr('mac'),
        mac8: core.macaddr8('mac8'),
        at: core.point('at'),
        atXy: core.point('at_xy', { mode: 'xy' }),
        edge: core.line('edge'),
        edgeAbc: core.line('edge_abc', { mode: 'abc' }),
      })
    : undefined;

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
    ...(nets ? { nets } : {}),
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
  // (sqlite-core has no intersectAll / exceptAll: undefined there, and no SQLite scenario uses them)
  const { alias, union, unionAll, intersect, intersectAll, except, exceptAll } = core;
  // For views-replicas.mjs: the view builders (pgMaterializedView: pg-core only), two column builders for
  // views declared with their columns, withReplicas and getTableConfig.
  const views = {
    int,
    str,
    view: lite ? core.sqliteView : pg ? core.pgView : core.mysqlView,
    materializedView: core.pgMaterializedView,
    withReplicas: core.withReplicas,
    getTableConfig: core.getTableConfig,
  };
  return {
    cities,
    users,
    posts,
    counters,
    kinds,
    nets,
    defaultsT,
    comments,
    categories,
    tags,
    postTags,
    holders,
    schema,
    core: {
      alias,
      union,
      unionAll,
      intersect,
      intersectAll,
      except,
      exceptAll,
      QueryBuilder: core.QueryBuilder,
      ...views,
    },
  };
}

/** The typed-values table on SQLite: every column mode of sqlite-core, and two custom types. */
function sqliteKinds(core) {
  const { integer, text, real, numeric, blob, customType } = core;
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
  return {
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
  };
}

/** The typed-values table on PostgreSQL. */
function pgKinds(core) {
  const mood = core.pgEnum('mood', ['sad', 'ok', 'happy']);
  return {
    id: core.integer('id').primaryKey(),
    bigN: core.bigint('big_n', { mode: 'number' }),
    bigB: core.bigint('big_b', { mode: 'bigint' }),
    num: core.numeric('num', { precision: 30, scale: 4 }),
    numN: core.numeric('num_n', { mode: 'number' }),
    ts: core.timestamp('ts', { precision: 3 }),
    tsTz: core.timestamp('ts_tz', { withTimezone: true, precision: 3 }),
    tsStr: core.timestamp('ts_str', { mode: 'string', precision: 3 }),
    tsTzStr: core.timestamp('ts_tz_str', { mode: 'string', withTimezone: true, precision: 3 }),
    d: core.date('d', { mode: 'date' }),
    dStr: core.date('d_str'),
    tm: core.time('tm'),
    iv: core.interval('iv'),
    u: core.uuid('u').defaultRandom(),
    js: core.json('js'),
    jsb: core.jsonb('jsb'),
    ints: core.integer('ints').array(),
    txts: core.text('txts').array(),
    bool: core.boolean('bool'),
    mood: mood('mood'),
    re: core.real('re'),
    dp: core.doublePrecision('dp'),
    sm: core.smallint('sm'),
  };
}

/** The typed-values table on MySQL. */
function mysqlKinds(core) {
  return {
    id: core.int('id').primaryKey(),
    bigN: core.bigint('big_n', { mode: 'number' }),
    bigB: core.bigint('big_b', { mode: 'bigint', unsigned: true }),
    dec: core.decimal('dec', { precision: 24, scale: 4 }),
    dt: core.datetime('dt', { mode: 'date', fsp: 3 }),
    dtStr: core.datetime('dt_str', { mode: 'string', fsp: 6 }),
    ts: core.timestamp('ts', { mode: 'date', fsp: 3 }),
    tsStr: core.timestamp('ts_str', { mode: 'string' }),
    d: core.date('d', { mode: 'date' }),
    dStr: core.date('d_str', { mode: 'string' }),
    tm: core.time('tm', { fsp: 3 }),
    js: core.json('js'),
    bool: core.boolean('bool'),
    en: core.mysqlEnum('en', ['a', 'b', 'c']),
    bin: core.binary('bin', { length: 4 }),
    vbin: core.varbinary('vbin', { length: 16 }),
    yr: core.year('yr'),
    tiny: core.tinyint('tiny'),
    dbl: core.double('dbl'),
  };
}

// ---------------------------------------------------------------------------- setup SQL
// One statement per line (D1's exec splits on newlines; runners may also batch them).
const SQLITE_SETUP = [
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
  'create table users (id integer primary key autoincrement, name text not null, email text unique, age ' +
    "integer, role text not null default 'user', active integer not null default 1, city_id integer, created_at " +
    'integer, score real, meta text)',
  'create table posts (id integer primary key, author_id integer not null, title text not null, views integer ' +
    'not null default 0, published_at integer)',
  'create table counters (key text primary key, value integer not null default 0)',
  'create table kinds (id integer primary key, int_num integer, bool integer, ts integer, ts_ms integer, txt ' +
    'text, en text, js text, re real, num numeric, num_n numeric, num_b numeric, blob_buf blob, blob_json blob, ' +
    'blob_big blob, tags text, price integer)',
  "create table defaults_t (id integer primary key autoincrement, name text not null default 'anon', n integer " +
    'not null default 7, sql_default integer default (6 * 7), created integer, tag text, state text default ' +
    "'initial', legacy text default 'ddl')",
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
  'insert into kinds (id, int_num, bool, ts, ts_ms, txt, en, js, re, num, num_n, num_b, blob_buf, blob_json, ' +
    'blob_big, tags, price) values ' +
    `(1, 42, 1, 1700000000, 1700000000123, 'hi', 'b', '{"k":[1,2]}', 1.5, '12.50', 3.25, 1234567890123, ` +
    `X'00ff10', CAST('{"a":1}' AS BLOB), CAST('18446744073709551617' AS BLOB), 'x,y', 1999), ` +
    '(2, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null)',
  'create table comments (id integer primary key, post_id integer not null, author_id integer not null, body ' +
    'text not null)',
  'create table categories (id integer primary key, name text not null, parent_id integer)',
  'create table tags (id integer primary key, name text not null)',
  'create table post_tags (post_id integer not null, tag_id integer not null)',
  'create table holders (id integer primary key, kind_id integer, label text not null)',
  // Comment 6's author (99) does not exist: its `author` is null.
  'insert into comments (id, post_id, author_id, body) values ' +
    "(1, 1, 2, 'nice'), (2, 1, 3, 'agreed'), (3, 3, 1, 'hi bob'), (4, 1, 5, 'late'), (5, 5, 4, 'dan here'), (6, " +
    "3, 99, 'ghost')",
  "insert into categories (id, name, parent_id) values (1, 'root', null), (2, 'tech', 1), (3, 'life', 1), (4, " +
    "'rust', 2), (5, 'js', 2)",
  "insert into tags (id, name) values (1, 'news'), (2, 'howto'), (3, 'misc')",
  'insert into post_tags (post_id, tag_id) values (1, 1), (1, 2), (3, 1), (5, 2), (4, 1)',
  // Holder 4's kind (7) does not exist.
  "insert into holders (id, kind_id, label) values (1, 1, 'h1'), (2, 2, 'h2'), (3, 1, 'h3'), (4, 7, 'h4')",
];

const TABLES = [
  'posts',
  'users',
  'cities',
  'counters',
  'kinds',
  'defaults_t',
  'comments',
  'categories',
  'tags',
  'post_tags',
  'holders',
  'nets',
];

// Seed timestamps: 1700000000 s = 2023-11-14 22:13:20 UTC.
const USERS_ROWS = (json, t) =>
  `(1, 'ann', 'ann@x.io', 31, 'admin', true, 1, ${t('2023-11-14 22:13:20')}, 9.5, ` +
  `${json('{"tags":["a"],"level":3}')}), ` +
  `(2, 'bob', 'bob@x.io', 25, 'user', true, 2, ${t('2023-11-14 22:15:00')}, 7.25, null), ` +
  `(3, 'cid', null, 42, 'user', false, 1, ${t('2023-11-14 22:16:40')}, null, ${json('{"tags":[],"level":1}')}), ` +
  `(4, 'dan', 'dan@x.io', null, 'guest', true, null, ${t('2023-11-14 22:18:20')}, 5, null), ` +
  `(5, 'eve', 'eve@x.io', 25, 'user', false, 2, ${t('2023-11-14 22:20:00')}, 8, ` +
  `${json('{"tags":["b","c"],"level":2}')})`;

const COMMON_SEED = [
  "insert into cities (id, name, country) values (1, 'Paris', 'FR'), (2, 'Berlin', 'DE'), (3, 'Tokyo', 'JP')",
  'insert into posts (id, author_id, title, views, published_at) values ' +
    "(1, 1, 'Hello', 10, '2023-11-14 22:13:20.123'), (2, 1, 'Second', 5, null), (3, 2, 'Bob post', 20, " +
    "'2023-11-14 22:21:40'), " +
    "(4, 5, 'Eve post', 0, null), (5, 2, 'Another', 7, '2023-11-14 22:23:20')",
  "insert into counters (`key`, value) values ('a', 1), ('b', 2)",
  // Comment 6's author (99) does not exist: its `author` is null.
  'insert into comments (id, post_id, author_id, body) values ' +
    "(1, 1, 2, 'nice'), (2, 1, 3, 'agreed'), (3, 3, 1, 'hi bob'), (4, 1, 5, 'late'), (5, 5, 4, 'dan here'), (6, " +
    "3, 99, 'ghost')",
  "insert into categories (id, name, parent_id) values (1, 'root', null), (2, 'tech', 1), (3, 'life', 1), (4, " +
    "'rust', 2), (5, 'js', 2)",
  "insert into tags (id, name) values (1, 'news'), (2, 'howto'), (3, 'misc')",
  'insert into post_tags (post_id, tag_id) values (1, 1), (1, 2), (3, 1), (5, 2), (4, 1)',
  // Holder 4's kind (7) does not exist.
  "insert into holders (id, kind_id, label) values (1, 1, 'h1'), (2, 2, 'h2'), (3, 1, 'h3'), (4, 7, 'h4')",
];

const PG_SETUP = [
  `drop table if exists ${TABLES.join(', ')}`,
  'drop type if exists mood',
  "create type mood as enum ('sad', 'ok', 'happy')",
  'create table nets (id integer primary key, ip inet, net cidr, mac macaddr, mac8 macaddr8, at point, ' +
    'at_xy point, edge line, edge_abc line)',
  "insert into nets (id, ip, net, mac, mac8, at, at_xy, edge, edge_abc) values (1, '192.168.1.5/24', " +
    "'10.0.0.0/8', '08:00:2b:01:02:03', '08:00:2b:01:02:03:04:05', '(1,2)', '(-1.5,2.25)', '{1,-1,0}', " +
    "'{0,1,-3}'), (2, null, null, null, null, null, null, null, null)",
  'create table cities (id integer primary key, name text not null, country text)',
  'create table users (id serial primary key, name text not null, email text unique, age integer, role text not ' +
    "null default 'user', active boolean not null default true, city_id integer, created_at timestamptz, score " +
    'double precision, meta jsonb)',
  'create table posts (id integer primary key, author_id integer not null, title text not null, views integer ' +
    'not null default 0, published_at timestamp(3))',
  'create table counters (key text primary key, value integer not null default 0)',
  'create table kinds (id integer primary key, big_n bigint, big_b bigint, num numeric(30, 4), num_n numeric, ' +
    'ts timestamp(3), ts_tz timestamptz(3), ts_str timestamp(3), ' +
    'ts_tz_str timestamptz(3), d date, d_str date, tm time, iv interval, u uuid default gen_random_uuid(), js ' +
    'json, jsb jsonb, ints integer[], txts text[], bool boolean, mood mood, ' +
    're real, dp double precision, sm smallint)',
  "create table defaults_t (id serial primary key, name text not null default 'anon', n integer not null " +
    "default 7, sql_default integer default (6 * 7), created timestamptz, tag text, state text default 'initial', " +
    "legacy text default 'ddl')",
  'create table comments (id integer primary key, post_id integer not null, author_id integer not null, body ' +
    'text not null)',
  'create table categories (id integer primary key, name text not null, parent_id integer)',
  'create table tags (id integer primary key, name text not null)',
  'create table post_tags (post_id integer not null, tag_id integer not null)',
  'create table holders (id integer primary key, kind_id integer, label text not null)',
  'insert into users (id, name, email, age, role, active, city_id, created_at, score, meta) values ' +
    USERS_ROWS(
      (j) => `'${j}'`,
      (s) => `'${s}+00'`,
    ),
  "select setval('users_id_seq', 5)",
  ...COMMON_SEED.map((s) => s.replace('`key`', 'key')),
  'insert into kinds (id, big_n, big_b, num, num_n, ts, ts_tz, ts_str, ts_tz_str, d, d_str, tm, iv, u, js, jsb, ' +
    'ints, txts, bool, mood, re, dp, sm) values ' +
    "(1, 42, 1234567890123, '12.5', 3.25, '2023-11-14 22:13:20.123', '2023-11-14 22:13:20.123+00', '2023-11-14 " +
    "22:13:20.123', '2023-11-14 22:13:20.123+00', " +
    "'2023-11-14', '2023-11-14', '12:00:01', '3 days', '11111111-2222-3333-4444-555555555555', '{\"k\":[1,2]}', " +
    "'{\"k\":[1,2]}', '{1,2}', '{x,y}', true, 'ok', 1.5, 2.5, 7), " +
    '(2, null, null, null, null, null, null, null, null, null, null, null, null, ' +
    "'00000000-0000-0000-0000-000000000000', null, null, null, null, null, null, null, null, null)",
];

const MYSQL_SETUP = [
  `drop table if exists ${TABLES.join(', ')}`,
  'create table cities (id int primary key, name varchar(255) not null, country varchar(255))',
  'create table users (id int auto_increment primary key, name varchar(255) not null, email varchar(255) ' +
    "unique, age int, role enum('admin','user','guest') not null default 'user', active boolean not null default " +
    'true, city_id int, created_at datetime, score double, meta json)',
  'create table posts (id int primary key, author_id int not null, title varchar(255) not null, views int not ' +
    'null default 0, published_at datetime(3))',
  'create table counters (`key` varchar(255) primary key, value int not null default 0)',
  'create table kinds (id int primary key, big_n bigint, big_b bigint unsigned, `dec` decimal(24, 4), dt ' +
    'datetime(3), dt_str datetime(6), ts timestamp(3) null default null, ' +
    'ts_str timestamp null default null, d date, d_str date, tm time(3), js json, bool boolean, en ' +
    "enum('a','b','c'), bin binary(4), vbin varbinary(16), yr year, tiny tinyint, dbl double)",
  "create table defaults_t (id int auto_increment primary key, name varchar(255) not null default 'anon', n int " +
    'not null default 7, sql_default int default (6 * 7), created datetime, tag varchar(255), state varchar(255) ' +
    "default 'initial', legacy varchar(255) default 'ddl')",
  'create table comments (id int primary key, post_id int not null, author_id int not null, body varchar(255) ' +
    'not null)',
  'create table categories (id int primary key, name varchar(255) not null, parent_id int)',
  'create table tags (id int primary key, name varchar(255) not null)',
  'create table post_tags (post_id int not null, tag_id int not null)',
  'create table holders (id int primary key, kind_id int, label varchar(255) not null)',
  'insert into users (id, name, email, age, role, active, city_id, created_at, score, meta) values ' +
    USERS_ROWS(
      (j) => `'${j}'`,
      (s) => `'${s}'`,
    ),
  ...COMMON_SEED,
  'insert into kinds (id, big_n, big_b, `dec`, dt, dt_str, ts, ts_str, d, d_str, tm, js, bool, en, bin, vbin, ' +
    'yr, tiny, dbl) values ' +
    "(1, 42, 1234567890123, '12.5', '2023-11-14 22:13:20.123', '2023-11-14 22:13:20.123456', '2023-11-14 " +
    "22:13:20.123', '2023-11-14 22:13:20', " +
    "'2023-11-14', '2023-11-14', '12:00:01.500', '{\"k\":[1,2]}', true, 'b', 'ab', 'xyz', 2023, -5, 2.5), " +
    '(2, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null)',
];

/** Per dialect: drop, create, seed; one statement each (SQLite: one per line; pg/mysql: run through pg / mysql2). */
export const setupStatements = { sqlite: SQLITE_SETUP, pg: PG_SETUP, mysql: MYSQL_SETUP };

/** Per dialect: what a run leaves behind is dropped. */
export const teardownStatements = {
  pg: [`drop table if exists ${TABLES.join(', ')}`, 'drop type if exists mood'],
  mysql: [`drop table if exists ${TABLES.join(', ')}`],
};

/** SQLite's setup as one string, one statement per line (the embedded database and better-sqlite3 `exec` it). */
export const sqliteSetupSql = `${SQLITE_SETUP.join(';\n')};`;
