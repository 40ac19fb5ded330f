// The same tables on MySQL (migrations-mysql/, applied over PlanetScale's HTTP API).
import { int, mysqlTable, text, varchar } from 'drizzle-orm/mysql-core';

export const authors = mysqlTable('mw_authors', {
  // Not `serial`: drizzle-kit writes `serial AUTO_INCREMENT`, which MariaDB refuses (issue 16's list).
  id: int('id').autoincrement().primaryKey(),
  name: varchar('name', { length: 100 }).notNull().unique(),
});

export const books = mysqlTable('mw_books', {
  id: int('id').autoincrement().primaryKey(),
  authorId: int('author_id').notNull(),
  title: text('title').notNull(),
  pages: int('pages'),
});
