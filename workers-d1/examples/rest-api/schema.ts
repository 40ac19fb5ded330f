// The example's tables as drizzle declares them: drizzle-kit generates migrations/ from this file
// (`npx drizzle-kit generate`, config drizzle.config.ts), the Rust Worker applies that folder and declares
// the same tables with #[derive(Table)] (src/schema.rs), and tests/workers/ reads the same D1 through
// mizzle's JS API and drizzle-orm with this schema, comparing their rows with the Rust Worker's.
import { relations } from 'drizzle-orm';
import { blob, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  email: text('email'),
  admin: integer('admin', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
  prefs: text('prefs', { mode: 'json' }).$type<{ theme: string; tags: string[] }>().notNull(),
  avatar: blob('avatar', { mode: 'buffer' }),
});

export const posts = sqliteTable('posts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  authorId: integer('author_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  // A JS number in drizzle (sqlite-core's `integer` has no bigint mode): beyond 2^53 the JS APIs read it
  // rounded, where the Rust Worker's `i64` is exact (tests/workers/example.test.mjs shows both).
  views: integer('views').notNull(),
});

export const usersRelations = relations(users, ({ many }) => ({ posts: many(posts) }));
export const postsRelations = relations(posts, ({ one }) => ({
  author: one(users, { fields: [posts.authorId], references: [users.id] }),
}));
