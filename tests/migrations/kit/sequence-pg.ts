// The PostgreSQL schema's versions for generate-servers.test.mjs (SCHEMA_VERSION 1..5), written against
// drizzle-orm; the test also runs it with the imports pointed at mizzle. Each version changes something of
// every kind the differ handles; the comment at each change names it. The renames come last (v5): drizzle-kit
// can only ask for them on a terminal, so its folder is compared up to v4.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgSchema,
  pgTable,
  pgView,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';

const v = Number(process.env.SCHEMA_VERSION);

// v4: a value added between two others.
export const mood = pgEnum('mood', v >= 4 ? ['sad', 'ok', 'happy'] : ['sad', 'happy']);

// A table in a schema of its own, with an identity column.
export const app = pgSchema('app');
export const orgs = app.table('orgs', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity({ startWith: 100, increment: 2 }),
  name: text('name').notNull(),
  // v2: added.
  ...(v >= 2 ? { slug: varchar('slug', { length: 64 }) } : {}),
});

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    // v5: renamed (hint users.name=full_name).
    ...(v >= 5 ? { fullName: text('full_name') } : { name: text('name') }),
    email: varchar('email', { length: 320 }).notNull().unique(),
    // v2: type change integer -> bigint.
    score: v >= 2 ? bigint('score', { mode: 'number' }) : integer('score'),
    // v2: type change text -> varchar(64).
    nick: v >= 2 ? varchar('nick', { length: 64 }) : text('nick'),
    // v3: a narrowing type change varchar(32) -> varchar(8), flagged destructive.
    code: varchar('code', { length: v >= 3 ? 8 : 32 }),
    mood: mood('mood').default('happy'),
    // v2: NOT NULL with a default over rows holding NULL (the engine fills the default first).
    status: v >= 2 ? text('status').notNull().default('active') : text('status'),
    // v3: NOT NULL dropped.
    note: v >= 3 ? text('note').default('-') : text('note').notNull().default('-'),
    // v2: a default set; v3: changed; v4: dropped.
    views: v >= 2 && v < 4 ? integer('views').default(v >= 3 ? 1 : 0) : integer('views'),
    // v2: added; v3: dropped.
    ...(v === 2 ? { bio: text('bio') } : {}),
    prefs: jsonb('prefs').default({ theme: 'dark' }),
    balance: numeric('balance', { precision: 10, scale: 2 }).default('0'),
    orgId: integer('org_id').references(() => orgs.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // v2: a check added; v4: changed.
  (t) => (v >= 2 ? [check('users_score_ok', v >= 4 ? sql`${t.score} >= -1` : sql`${t.score} >= 0`)] : []),
);

export const posts = pgTable(
  'posts',
  {
    id: serial('id').primaryKey(),
    // v3: the foreign key's action changes, cascade -> set null.
    userId: integer('user_id').references(() => users.id, { onDelete: v >= 3 ? 'set null' : 'cascade' }),
    title: text('title').notNull(),
    body: text('body'),
    // v2: a NOT NULL column with a default, added.
    ...(v >= 2 ? { published: boolean('published').notNull().default(false) } : {}),
  },
  (t) => [
    // v3: dropped.
    ...(v < 3 ? [index('posts_title_idx').on(t.title)] : []),
    // v2: added; v4: changed (a second column).
    ...(v >= 2 ? [index('posts_user_idx').on(...(v >= 4 ? [t.userId, t.id] : [t.userId]))] : []),
    // v3: a partial index, and a unique constraint.
    ...(v >= 3
      ? [
          index('posts_published_idx')
            .on(t.userId)
            .where(sql`${t.published} = true`),
          unique('posts_user_title_uq').on(t.userId, t.title),
        ]
      : []),
    // v4: a unique index on an expression.
    ...(v >= 4 ? [uniqueIndex('posts_title_lower_idx').on(sql`lower(${t.title})`)] : []),
  ],
);

// v2: a new table; v5: renamed (hint tags=labels).
const labelColumns = () => ({ id: serial('id').primaryKey(), label: text('label').notNull().unique() });
export const tags = v >= 2 && v < 5 ? pgTable('tags', labelColumns()) : undefined;
export const labels = v >= 5 ? pgTable('labels', labelColumns()) : undefined;

// v3: a table with a composite primary key and a foreign key; v5: dropped.
export const postNotes =
  v >= 3 && v < 5
    ? pgTable(
        'post_notes',
        {
          postId: integer('post_id')
            .notNull()
            .references(() => posts.id, { onDelete: 'cascade' }),
          n: integer('n').notNull(),
          text: text('text'),
        },
        (t) => [primaryKey({ columns: [t.postId, t.n] })],
      )
    : undefined;

// v2: a view added; v3: its definition changed.
export const recentPosts =
  v >= 2
    ? pgView('recent_posts', { id: integer('id'), title: text('title') }).as(
        v >= 3 ? sql`select id, title from posts where published` : sql`select id, title from posts`,
      )
    : undefined;
