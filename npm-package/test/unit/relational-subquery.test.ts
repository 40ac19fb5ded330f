/**
 * Issue 14, item 3: a subquery of the same table in a relational query's
 * top-level `where` correlates with the outer row. The top level is aliased by
 * its schema key (as drizzle does), callbacks get each level's table under its
 * alias, and the plain table inside a subquery means the subquery's rows.
 * Run on the embedded SQLite.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { and, eq, exists, gt, relations } from '../../src/index.js';
import { integer, sqliteTable, text } from '../../src/sqlite-core/index.js';
import { createDatabase, drizzle, type SQLiteWasmDatabase } from '../../src/sqlite-wasm/index.js';

const users = sqliteTable('users_tbl', { id: integer().primaryKey(), name: text().notNull(), boss: integer() });
const posts = sqliteTable('posts_tbl', { id: integer().primaryKey(), author: integer().notNull() });
const usersRelations = relations(users, ({ many }) => ({ posts: many(posts) }));
const postsRelations = relations(posts, ({ one }) => ({
  author: one(users, { fields: [posts.author], references: [users.id] }),
}));
const schema = { users, posts, usersRelations, postsRelations };

describe('relational where with a correlated subquery of the same table', () => {
  let db: SQLiteWasmDatabase<typeof schema>;
  before(async () => {
    const client = await createDatabase();
    client.exec(
      'create table users_tbl (id integer primary key, name text not null, boss integer);' +
        "insert into users_tbl values (1, 'ann', null), (2, 'bob', 1), (3, 'cid', 1), (4, 'dee', 2);" +
        'create table posts_tbl (id integer primary key, author integer not null);' +
        'insert into posts_tbl values (10, 2), (11, 2), (12, 4);',
    );
    db = drizzle(client, { schema });
  });

  test('top level: users that are somebody\u2019s boss', () => {
    const bosses = db.query.users
      .findMany({
        columns: { name: true },
        where: (u) => exists(db.select({ x: users.id }).from(users).where(eq(users.boss, u.id))),
        orderBy: (u) => u.id,
      })
      .sync();
    assert.deepEqual(bosses, [{ name: 'ann' }, { name: 'bob' }]);
  });

  test('nested level: the callback column stays the level row inside a subquery', () => {
    const rows = db.query.users
      .findMany({
        columns: { id: true },
        where: (u) => gt(u.id, 1),
        with: {
          posts: {
            columns: { id: true },
            where: (p) =>
              exists(
                db
                  .select({ x: posts.id })
                  .from(posts)
                  .where(and(eq(posts.author, p.author), gt(posts.id, p.id))),
              ),
          },
        },
        orderBy: (u) => u.id,
      })
      .sync();
    assert.deepEqual(rows, [
      { id: 2, posts: [{ id: 10 }] },
      { id: 3, posts: [] },
      { id: 4, posts: [] },
    ]);
  });
});
