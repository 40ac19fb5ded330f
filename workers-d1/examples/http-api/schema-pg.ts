// The http-api example's migrated tables on PostgreSQL: drizzle-kit generated migrations-pg/ from this
// file (`drizzle-kit generate --config drizzle-pg.config.ts`), the Rust Worker applies that folder over
// Neon's HTTP API, and mizzle's JS migrator then finds nothing pending (tests/workers/http.test.mjs).
import { integer, pgTable, serial, text } from 'drizzle-orm/pg-core';

export const authors = pgTable('mw_authors', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
});

export const books = pgTable('mw_books', {
  id: serial('id').primaryKey(),
  authorId: integer('author_id')
    .notNull()
    .references(() => authors.id),
  title: text('title').notNull(),
  pages: integer('pages'),
});
