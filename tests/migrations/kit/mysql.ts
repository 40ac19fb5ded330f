// MySQL schema for kit.test.mjs, written against drizzle-orm; the test also runs it with the imports
// pointed at mizzle. KIT_VERSION (1 or 2) picks the version.
import { and, between, eq, gt, inArray, isNotNull, isNull, like, ne, not, or, relations, sql } from 'drizzle-orm';
import {
  bigint,
  binary,
  boolean,
  char,
  check,
  date,
  datetime,
  decimal,
  double,
  float,
  foreignKey,
  index,
  int,
  longtext,
  mediumtext,
  real,
  tinytext,
  json,
  mediumint,
  mysqlEnum,
  mysqlTable,
  mysqlView,
  primaryKey,
  serial,
  smallint,
  text,
  time,
  timestamp,
  tinyint,
  unique,
  uniqueIndex,
  varbinary,
  varchar,
  year,
} from 'drizzle-orm/mysql-core';

const v = Number(process.env.KIT_VERSION);
// MariaDB (the server here) has no functional index: KIT_MARIADB=1 leaves that one out (kit-push.test.mjs).
const mariadb = process.env.KIT_MARIADB === '1';

export const users = mysqlTable(
  'users',
  {
    id: int('id').primaryKey().autoincrement(),
    email: varchar('email', { length: 320 }).notNull().unique(),
    handle: varchar('handle', { length: 64 }).unique('users_handle_uq'),
    code: char('code', { length: 4 }),
    role: mysqlEnum('role', ['admin', 'member']).notNull().default('member'),
    tiny: tinyint('tiny').default(1),
    small: smallint('small', { unsigned: true }),
    medium: mediumint('medium'),
    big: bigint('big', { mode: 'number' }),
    active: boolean('active').notNull().default(true),
    ratio: double('ratio').default(0.5),
    weight: float('weight'),
    price: decimal('price', { precision: 10, scale: 2 }).default('0.00'),
    prefs: json('prefs'),
    bio: text('bio'),
    tiny2: tinytext('tiny2'),
    medium2: mediumtext('medium2'),
    long2: longtext('long2'),
    realNum: real('real_num', { precision: 8, scale: 2 }),
    seenStr: datetime('seen_str', { mode: 'string', fsp: 2 }),
    stamp: timestamp('stamp', { mode: 'string' }).default(sql`CURRENT_TIMESTAMP`),
    hash: binary('hash', { length: 16 }),
    blob: varbinary('blob', { length: 255 }),
    createdAt: timestamp('created_at').notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { fsp: 3 }).onUpdateNow(),
    seenAt: datetime('seen_at'),
    born: date('born'),
    wakes: time('wakes'),
    since: year('since'),
    lastLogin: datetime(),
    note: varchar('note', { length: 32 }).default("it's"),
    token: varchar('token', { length: 36 }).$defaultFn(() => 'x'),
    lower: varchar('lower', { length: 320 }).generatedAlwaysAs(sql`lower(email)`, { mode: 'virtual' }),
    ...(v >= 2 ? { age: int('age').default(18), nick: varchar('nick', { length: 64 }) } : {}),
  },
  (t) => [
    check('users_ratio_ok', sql`${t.ratio} >= 0`),
    check('users_ops_ok', or(and(isNotNull(t.email), ne(t.role, 'admin')), not(isNull(t.note)), gt(t.ratio, 0))!),
    index('users_created_idx').on(t.createdAt),
    ...(mariadb ? [] : [uniqueIndex('users_email_lower_idx').on(sql`(lower(${t.email}))`)]),
    index('users_active_idx').on(t.role, t.active).using('btree'),
    ...(v >= 2 ? [index('users_seen_idx').on(t.seenAt), check('users_tiny_ok', sql`${t.tiny} > 0`)] : []),
  ],
);

export const orgs = mysqlTable('orgs', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  ownerId: int('owner_id').references(() => users.id, { onDelete: 'set null', onUpdate: 'cascade' }),
});

export const members = mysqlTable(
  'members',
  {
    orgId: bigint('org_id', { mode: 'number', unsigned: true })
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    userId: int('user_id').notNull(),
    title: varchar('title', { length: 100 }),
    ...(v >= 2 ? { rank: int('rank').notNull().default(0) } : {}),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId] }),
    foreignKey({ columns: [t.userId], foreignColumns: [users.id], name: 'members_user_fk' }).onDelete('cascade'),
    unique('members_title_uq').on(t.orgId, t.title),
  ],
);

export const posts = mysqlTable(
  'posts',
  {
    id: int('id').primaryKey().autoincrement(),
    authorId: int('author_id').references(() => users.id),
    parentId: int('parent_id'),
    slug: varchar('slug', { length: 200 }).notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id] }).onDelete('set null'),
    unique().on(t.authorId, t.slug),
    ...(v >= 2 ? [] : [index('posts_slug_idx').on(t.slug)]),
  ],
);

export const tags = v >= 2 ? mysqlTable('tags', { id: int().primaryKey(), label: text().notNull() }) : undefined;

export const activeUsers = mysqlView('active_users', { id: int('id'), email: varchar('email', { length: 320 }) })
  .algorithm('merge')
  .sqlSecurity('invoker')
  .as(sql`select id, email from users where active = true`);

export const legacy = mysqlView('legacy_view', { id: int('id') }).existing();

export const usersRelations = relations(users, ({ many }) => ({ posts: many(posts) }));
export const postsRelations = relations(posts, ({ one }) => ({
  author: one(users, { fields: [posts.authorId], references: [users.id] }),
}));
