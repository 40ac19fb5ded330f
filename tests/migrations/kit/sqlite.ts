// SQLite schema for kit.test.mjs, written against drizzle-orm; the test also runs it with the imports
// pointed at mizzle. KIT_VERSION (1 or 2) picks the version.
import { and, between, eq, gt, inArray, isNotNull, isNull, like, ne, not, or, relations, sql } from 'drizzle-orm';
import {
  blob,
  check,
  customType,
  foreignKey,
  index,
  int,
  integer,
  numeric,
  primaryKey,
  real,
  sqliteTable,
  sqliteTableCreator,
  sqliteView,
  text,
  unique,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

const v = Number(process.env.KIT_VERSION);

const point = customType<{ data: string; driverData: string }>({ dataType: () => 'point_text' });

export const users = sqliteTable(
  'users',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    email: text('email', { length: 320 }).notNull().unique(),
    handle: text().unique('users_handle_uq'),
    role: text('role', { enum: ['admin', 'member'] })
      .notNull()
      .default('member'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at', { mode: 'timestamp' }).notNull().default(sql`(unixepoch())`),
    seenAt: integer('seen_at', { mode: 'timestamp_ms' }),
    score: real('score').default(1.5),
    balance: numeric('balance').default('0'),
    amount: numeric('amount', { mode: 'number' }),
    huge: numeric('huge', { mode: 'bigint' }),
    count: integer('count', { mode: 'number' }).default(0),
    lastLogin: integer({ mode: 'timestamp' }),
    prefs: text('prefs', { mode: 'json' }).default({ theme: 'dark' }),
    avatar: blob('avatar', { mode: 'buffer' }),
    meta: blob('meta', { mode: 'json' }),
    big: blob('big', { mode: 'bigint' }),
    at: point('at'),
    note: text('note').default("it's"),
    token: text('token').$defaultFn(() => 'x'),
    updatedAt: integer('updated_at').$onUpdate(() => 1),
    lower: text('lower').generatedAlwaysAs(sql`lower(email)`, { mode: 'virtual' }),
    ...(v >= 2
      ? {
          upper: text('upper').generatedAlwaysAs(sql`upper(email)`, { mode: 'stored' }),
          age: int('age').default(18),
        }
      : {}),
  },
  (t) => [
    check('users_score_ok', sql`${t.score} >= 0`),
    check('users_ops_ok', or(and(isNotNull(t.email), ne(t.role, 'x')), not(isNull(t.note)), gt(t.score, 0))!),
    index('users_ops_idx')
      .on(t.handle)
      .where(and(like(t.handle, 'a%'), between(t.score, 0, 10), inArray(t.role, ['admin']), eq(t.active, true))),
    index('users_created_idx').on(t.createdAt),
    uniqueIndex('users_email_lower_idx').on(sql`lower(${t.email})`),
    index('users_active_idx')
      .on(t.role, t.active)
      .where(sql`${t.active} = 1`),
    ...(v >= 2 ? [index('users_seen_idx').on(t.seenAt), check('users_age_ok', sql`${t.createdAt} > 0`)] : []),
  ],
);

export const orgs = sqliteTable('orgs', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  ownerId: integer('owner_id').references(() => users.id, { onDelete: 'set null', onUpdate: 'cascade' }),
});

export const members = sqliteTable(
  'members',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    userId: integer('user_id').notNull(),
    title: text('title'),
    ...(v >= 2 ? { rank: integer('rank').notNull().default(0) } : {}),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId] }),
    foreignKey({ columns: [t.userId], foreignColumns: [users.id], name: 'members_user_fk' }).onDelete('cascade'),
    unique('members_title_uq').on(t.orgId, t.title),
  ],
);

export const posts = sqliteTable(
  'posts',
  {
    id: integer('id').primaryKey(),
    authorId: integer('author_id').references(() => users.id),
    parentId: integer('parent_id'),
    slug: text('slug').notNull(),
    body: text('body'),
  },
  (t) => [
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id] }).onDelete('set null'),
    unique().on(t.authorId, t.slug),
    ...(v >= 2 ? [] : [index('posts_slug_idx').on(t.slug)]),
  ],
);

const prefixed = sqliteTableCreator((name) => `app_${name}`);
export const settings = prefixed('settings', { key: text().primaryKey(), value: text({ mode: 'json' }).notNull() });

export const tags = v >= 2 ? sqliteTable('tags', { id: integer().primaryKey(), label: text().notNull() }) : undefined;

export const activeUsers = sqliteView('active_users', {
  id: integer('id'),
  email: text('email'),
}).as(sql`select id, email from users where active = 1`);

export const legacy = sqliteView('legacy_view', { id: integer('id') }).existing();

export const usersRelations = relations(users, ({ many }) => ({ posts: many(posts) }));
export const postsRelations = relations(posts, ({ one }) => ({
  author: one(users, { fields: [posts.authorId], references: [users.id] }),
}));
