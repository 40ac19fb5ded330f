// The MySQL schema's versions for generate-servers.test.mjs (SCHEMA_VERSION 1..5), written against drizzle-orm;
// the test also runs it with the imports pointed at mizzle. Each version changes something of every kind the
// differ handles; the comment at each change names it. The server is MariaDB 10.11: no index on an expression
// and no partial index here. The renames come last (v5): drizzle-kit can only ask for them on a terminal.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  decimal,
  index,
  int,
  json,
  mysqlEnum,
  mysqlTable,
  mysqlView,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
  varchar,
} from 'drizzle-orm/mysql-core';

const v = Number(process.env.SCHEMA_VERSION);
const note16 = () => varchar('note', { length: 16 });

export const users = mysqlTable(
  'users',
  {
    id: int('id').primaryKey().autoincrement(),
    // v5: renamed (hint users.name=full_name).
    ...(v >= 5 ? { fullName: varchar('full_name', { length: 100 }) } : { name: varchar('name', { length: 100 }) }),
    email: varchar('email', { length: 320 }).notNull().unique(),
    // v2: type change int -> bigint.
    score: v >= 2 ? bigint('score', { mode: 'number' }) : int('score'),
    // v2: type change text -> varchar(64).
    nick: v >= 2 ? varchar('nick', { length: 64 }) : text('nick'),
    // v3: a narrowing type change varchar(32) -> varchar(8), flagged destructive.
    code: varchar('code', { length: v >= 3 ? 8 : 32 }),
    // v4: the enum's values extended.
    role: mysqlEnum('role', v >= 4 ? ['admin', 'member', 'guest'] : ['admin', 'member']).default('member'),
    // v2: NOT NULL with a default over rows holding NULL (the engine fills the default first).
    status: v >= 2 ? varchar('status', { length: 16 }).notNull().default('active') : varchar('status', { length: 16 }),
    // v3: NOT NULL dropped.
    note: v >= 3 ? note16().default('-') : note16().notNull().default('-'),
    // v2: a default set; v3: changed; v4: dropped.
    views: v >= 2 && v < 4 ? int('views').default(v >= 3 ? 1 : 0) : int('views'),
    // v2: added; v3: dropped.
    ...(v === 2 ? { bio: text('bio') } : {}),
    prefs: json('prefs'),
    balance: decimal('balance', { precision: 10, scale: 2 }).default('0.00'),
    createdAt: timestamp('created_at').notNull().defaultNow(),
  },
  // v2: a check added; v4: changed.
  (t) => (v >= 2 ? [check('users_score_ok', v >= 4 ? sql`${t.score} >= -1` : sql`${t.score} >= 0`)] : []),
);

// A `serial` id (bigint unsigned auto-increment).
export const events = mysqlTable('events', {
  id: serial('id').primaryKey(),
  kind: varchar('kind', { length: 32 }).notNull(),
  at: timestamp('at').defaultNow(),
});

export const posts = mysqlTable(
  'posts',
  {
    id: int('id').primaryKey().autoincrement(),
    // v3: the foreign key's action changes, cascade -> set null.
    userId: int('user_id').references(() => users.id, { onDelete: v >= 3 ? 'set null' : 'cascade' }),
    title: varchar('title', { length: 200 }).notNull(),
    body: text('body'),
    // v2: a NOT NULL column with a default, added.
    ...(v >= 2 ? { published: boolean('published').notNull().default(false) } : {}),
  },
  (t) => [
    // v3: dropped.
    ...(v < 3 ? [index('posts_title_idx').on(t.title)] : []),
    // v2: added; v4: changed (a second column).
    ...(v >= 2 ? [index('posts_user_idx').on(...(v >= 4 ? [t.userId, t.id] : [t.userId]))] : []),
    // v3: a unique constraint.
    ...(v >= 3 ? [unique('posts_user_title_uq').on(t.userId, t.title)] : []),
  ],
);

// v2: a new table; v5: renamed (hint tags=labels).
const labelColumns = () => ({
  id: int('id').primaryKey().autoincrement(),
  label: varchar('label', { length: 64 }).notNull().unique(),
});
export const tags = v >= 2 && v < 5 ? mysqlTable('tags', labelColumns()) : undefined;
export const labels = v >= 5 ? mysqlTable('labels', labelColumns()) : undefined;

// v3: a table with a composite primary key and a foreign key; v5: dropped.
export const postNotes =
  v >= 3 && v < 5
    ? mysqlTable(
        'post_notes',
        {
          postId: int('post_id')
            .notNull()
            .references(() => posts.id, { onDelete: 'cascade' }),
          n: int('n').notNull(),
          text: text('text'),
        },
        (t) => [primaryKey({ columns: [t.postId, t.n] })],
      )
    : undefined;

// v2: a view added; v3: its definition changed. Its columns are declared as the server reports them (NOT NULL,
// as in posts).
const viewColumns = () => ({ id: int('id').notNull(), title: varchar('title', { length: 200 }).notNull() });
export const recentPosts =
  v >= 2
    ? mysqlView('recent_posts', viewColumns()).as(
        v >= 3 ? sql`select id, title from posts where published = 1` : sql`select id, title from posts`,
      )
    : undefined;
