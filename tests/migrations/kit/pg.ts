// PostgreSQL schema for kit.test.mjs, written against drizzle-orm; the test also runs it with the imports
// pointed at mizzle. KIT_VERSION (1 or 2) picks the version.
import { and, between, eq, gt, inArray, isNotNull, isNull, like, ne, not, or, relations, sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  char,
  check,
  cidr,
  date,
  doublePrecision,
  foreignKey,
  index,
  inet,
  integer,
  interval,
  json,
  jsonb,
  line,
  macaddr,
  macaddr8,
  numeric,
  pgEnum,
  pgMaterializedView,
  pgSchema,
  pgTable,
  pgView,
  point,
  primaryKey,
  real,
  serial,
  smallint,
  smallserial,
  text,
  time,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

const v = Number(process.env.KIT_VERSION);

export const mood = pgEnum('mood', v >= 2 ? ['sad', 'ok', 'happy'] : ['sad', 'happy']);
export const app = pgSchema('app');
export const level = app.enum('level', ['low', 'high']);

export const users = pgTable(
  'users',
  {
    id: serial().primaryKey(),
    email: varchar('email', { length: 320 }).notNull().unique(),
    handle: text('handle').unique('users_handle_uq', { nulls: 'not distinct' }),
    code: char('code', { length: 4 }),
    mood: mood('mood').default('happy'),
    small: smallint('small').default(1),
    big: bigint('big', { mode: 'number' }),
    active: boolean('active').notNull().default(true),
    score: real('score'),
    ratio: doublePrecision('ratio').default(0.5),
    price: numeric('price', { precision: 10, scale: 2 }).default('0'),
    prefs: jsonb('prefs').default({ theme: 'dark' }),
    raw: json('raw'),
    tags: text('tags').array().default(sql`'{}'::text[]`),
    nums: integer('nums').array(),
    labels: varchar('labels', { length: 16 }).array().default(['a', 'b']),
    stamp: timestamp('stamp', { mode: 'string', precision: 6 }).default(sql`now()`),
    day: date('day', { mode: 'date' }),
    lastLogin: timestamp({ withTimezone: true }),
    exact: numeric('exact', { mode: 'number' }),
    grand: bigint('grand', { mode: 'bigint' }).default(sql`0`),
    uid: uuid('uid').defaultRandom(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    seenAt: timestamp('seen_at'),
    born: date('born'),
    wakes: time('wakes'),
    span: interval('span'),
    ip: inet('ip'),
    net: cidr('net').default('10.0.0.0/8'),
    mac: macaddr('mac'),
    mac8: macaddr8('mac8'),
    at: point('at', { mode: 'xy' }),
    edge: line('edge'),
    note: text('note').default("it's"),
    token: text('token').$defaultFn(() => 'x'),
    lower: text('lower').generatedAlwaysAs(sql`lower(email)`),
    ...(v >= 2 ? { age: integer('age').default(18), nick: varchar('nick', { length: 64 }) } : {}),
  },
  (t) => [
    check('users_ratio_ok', sql`${t.ratio} >= 0`),
    check('users_ops_ok', or(and(isNotNull(t.email), ne(t.mood, 'sad')), not(isNull(t.note)), gt(t.ratio, 0))!),
    index('users_ops_idx')
      .on(t.handle)
      .where(and(like(t.handle, 'a%'), between(t.small, 0, 10), inArray(t.code, ['ab']), eq(t.active, true))),
    index('users_created_idx').on(t.createdAt.desc()),
    uniqueIndex('users_email_lower_idx').on(sql`lower(${t.email})`),
    index('users_active_idx').on(t.mood, t.active).where(sql`${t.active} = true`),
    index('users_tags_idx').using('gin', t.tags),
    index('users_raw_idx').on(t.score).concurrently(),
    uniqueIndex().on(t.code, t.born),
    index('users_handle_idx').on(t.handle.op('text_pattern_ops').nullsFirst()).with({ fillfactor: 70 }),
    ...(v >= 2 ? [index().on(t.seenAt), check('users_small_ok', sql`${t.small} > 0`)] : []),
  ],
);

export const orgs = app.table('orgs', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity({ startWith: 100, increment: 2 }),
  seq: bigint('seq', { mode: 'number' }).generatedByDefaultAsIdentity({ name: 'orgs_seq_custom', cache: 5 }),
  name: text('name').notNull(),
  level: level('level').notNull().default('low'),
  ownerId: integer('owner_id').references(() => users.id, { onDelete: 'set null', onUpdate: 'cascade' }),
});

export const members = pgTable(
  'members',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    userId: integer('user_id').notNull(),
    title: text('title'),
    ...(v >= 2 ? { rank: smallint('rank').notNull().default(0) } : {}),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId] }),
    foreignKey({ columns: [t.userId], foreignColumns: [users.id], name: 'members_user_fk' }).onDelete('cascade'),
    unique('members_title_uq').on(t.orgId, t.title).nullsNotDistinct(),
  ],
);

export const posts = pgTable(
  'posts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    seq: smallserial('seq'),
    serialNo: integer('serial_no').generatedByDefaultAsIdentity(),
    authorId: integer('author_id').references(() => users.id),
    parentId: bigint('parent_id', { mode: 'number' }),
    slug: text('slug').notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id] }).onDelete('set null'),
    unique().on(t.authorId, t.slug),
    ...(v >= 2 ? [] : [index('posts_slug_idx').on(t.slug)]),
  ],
);

export const events = app.table('events', { id: serial('id').primaryKey(), at: timestamp('at').defaultNow() });

export const tags = v >= 2 ? pgTable('tags', { id: serial().primaryKey(), label: text().notNull() }) : undefined;

export const activeUsers = pgView('active_users', { id: integer('id'), email: varchar('email', { length: 320 }) })
  .with({ securityBarrier: true })
  .as(sql`select id, email from users where active`);

export const appView = app.view('app_view', { id: integer('id') }).as(sql`select id from app.orgs`);

export const legacy = pgView('legacy_view', { id: integer('id') }).existing();

const counted = sql`select count(*) as n from users`;
export const userCounts = pgMaterializedView('user_counts', { n: integer('n') }).withNoData().as(counted);

export const usersRelations = relations(users, ({ many }) => ({ posts: many(posts) }));
export const postsRelations = relations(posts, ({ one }) => ({
  author: one(users, { fields: [posts.authorId], references: [users.id] }),
}));
