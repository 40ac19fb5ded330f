// The SQLite schema's versions for generate.test.mjs (SCHEMA_VERSION 1..5), written against drizzle-orm; the
// test also runs it with the imports pointed at mizzle. Each version changes something of every kind the
// differ handles; the comment at each change names it.
import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  sqliteView,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

const v = Number(process.env.SCHEMA_VERSION);

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    // v4: renamed (hint users.name=full_name).
    ...(v >= 4 ? { fullName: text('full_name') } : { name: text('name') }),
    email: text('email').notNull().unique(),
    // v2: type change integer -> real.
    age: v >= 2 ? real('age') : integer('age'),
    // v1: an enum (TypeScript only in SQLite); v5 adds a value: no DDL.
    role: text('role', { enum: v >= 5 ? ['admin', 'member', 'guest'] : ['admin', 'member'] }).default('member'),
    // v2: added; v3: dropped.
    ...(v === 2 ? { bio: text('bio') } : {}),
    // v5: a generated column (a rebuild: ADD COLUMN cannot add a stored one).
    ...(v >= 5 ? { emailLower: text('email_lower').generatedAlwaysAs(sql`lower(email)`, { mode: 'stored' }) } : {}),
  },
  // v2: a check added.
  (t) => (v >= 2 ? [check('users_age_ok', sql`${t.age} >= 0`)] : []),
);

export const posts = sqliteTable(
  'posts',
  {
    id: integer('id').primaryKey(),
    userId: integer('user_id').notNull(),
    title: text('title').notNull(),
    // v2: nullability and a default.
    body: v >= 2 ? text('body').notNull().default('') : text('body'),
    // v3: default changed.
    views: integer('views').default(v >= 3 ? 1 : 0),
    // v2: a NOT NULL column with a default, added in place.
    ...(v >= 2 ? { published: integer('published', { mode: 'boolean' }).notNull().default(false) } : {}),
  },
  (t) => [
    // v3: the foreign key's action changes (cascade -> set null needs a nullable column, so restrict).
    foreignKey({ columns: [t.userId], foreignColumns: [users.id], name: 'posts_user_fk' }).onDelete(
      v >= 3 ? 'restrict' : 'cascade',
    ),
    // v3: dropped.
    ...(v < 3 ? [index('posts_title_idx').on(t.title)] : []),
    // v2: added.
    ...(v >= 2 ? [index('posts_user_idx').on(t.userId)] : []),
    // v3: a partial index and an expression index.
    ...(v >= 3
      ? [
          index('posts_published_idx')
            .on(t.userId)
            .where(sql`${t.published} = 1`),
          uniqueIndex('posts_title_lower_idx').on(sql`lower(${t.title})`),
        ]
      : []),
  ],
);

// v2: a new table; v4: renamed (hint tags=labels); v5: dropped.
const labelColumns = () => ({ id: integer('id').primaryKey(), label: text('label').notNull().unique() });
export const tags = v >= 2 && v < 4 ? sqliteTable('tags', labelColumns()) : undefined;
export const labels = v === 4 ? sqliteTable('labels', labelColumns()) : undefined;

// v3: a table with a composite primary key and two foreign keys; v5: dropped.
export const postTags =
  v >= 3 && v < 5
    ? sqliteTable(
        'post_tags',
        {
          postId: integer('post_id')
            .notNull()
            .references(() => posts.id, { onDelete: 'cascade' }),
          tagId: integer('tag_id').notNull(),
        },
        (t) => [primaryKey({ columns: [t.postId, t.tagId] })],
      )
    : undefined;

// v3: the view's definition changes.
export const recentPosts = sqliteView('recent_posts', { id: integer('id'), title: text('title') }).as(
  v >= 3 ? sql`select id, title from posts where views > 0` : sql`select id, title from posts`,
);
