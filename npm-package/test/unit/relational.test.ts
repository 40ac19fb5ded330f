/**
 * Relational queries (`db.query.<table>.findMany/findFirst`) on the embedded
 * database: one statement per call whatever the depth (seen through the
 * logger), and the typed errors of bad configs, bad schemas and bad answers.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { Codec } from '../../src/column-codec.js';
import { relationalMapper, type LevelShape } from '../../src/engine/relational-decode.js';
import { MizzleError, relations } from '../../src/index.js';
import { integer, sqliteTable, text } from '../../src/sqlite-core/index.js';
import { createDatabase, drizzle, type SQLiteWasmDatabase } from '../../src/sqlite-wasm/index.js';

const users = sqliteTable('users', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  active: integer('active', { mode: 'boolean' }),
  cityId: integer('city_id'),
});
const cities = sqliteTable('cities', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
});
const posts = sqliteTable('posts', {
  id: integer('id').primaryKey(),
  authorId: integer('author_id').notNull(),
  title: text('title').notNull(),
  meta: text('meta', { mode: 'json' }),
});
const comments = sqliteTable('comments', {
  id: integer('id').primaryKey(),
  postId: integer('post_id').notNull(),
  authorId: integer('author_id').notNull(),
  body: text('body').notNull(),
  at: integer('at', { mode: 'timestamp' }),
});

const usersRelations = relations(users, ({ one, many }) => ({
  posts: many(posts),
  city: one(cities, { fields: [users.cityId], references: [cities.id] }),
}));
const citiesRelations = relations(cities, ({ many }) => ({ users: many(users) }));
const postsRelations = relations(posts, ({ one, many }) => ({
  author: one(users, { fields: [posts.authorId], references: [users.id] }),
  comments: many(comments),
}));
const commentsRelations = relations(comments, ({ one }) => ({
  post: one(posts, { fields: [comments.postId], references: [posts.id] }),
  author: one(users, { fields: [comments.authorId], references: [users.id] }),
}));

const schema = { users, cities, posts, comments, usersRelations, citiesRelations, postsRelations, commentsRelations };

// Two one() relations from messages back to people, and a many() on people
// without a relationName: which of the two is its inverse cannot be told.
const people = sqliteTable('people', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
});
const messages = sqliteTable('messages', {
  id: integer('id').primaryKey(),
  senderId: integer('sender_id').notNull(),
  recipientId: integer('recipient_id').notNull(),
});
const peopleRelations = relations(people, ({ many }) => ({ sent: many(messages) }));
const messagesRelations = relations(messages, ({ one }) => ({
  sender: one(people, { fields: [messages.senderId], references: [people.id] }),
  recipient: one(people, { fields: [messages.recipientId], references: [people.id] }),
}));
const ambiguousSchema = { people, messages, peopleRelations, messagesRelations };

const SETUP = `
create table cities (id integer primary key, name text not null);
create table users (id integer primary key, name text not null, active integer, city_id integer);
create table posts (id integer primary key, author_id integer not null, title text not null, meta text);
create table comments (id integer primary key, post_id integer not null, author_id integer not null,
  body text not null, at integer);
create table people (id integer primary key, name text not null);
create table messages (id integer primary key, sender_id integer not null, recipient_id integer not null);
insert into cities values (1, 'Paris'), (2, 'Berlin');
insert into users values (1, 'ann', 1, 1), (2, 'bob', 0, 2), (3, 'cid', 1, null);
insert into posts values (1, 1, 'Hello', '{"n":1}'), (2, 1, 'Second', null), (3, 2, 'Bob post', '[1,2]');
insert into comments values (1, 1, 2, 'nice', 1700000000), (2, 1, 3, 'agreed', null),
  (3, 3, 1, 'hi bob', 1700000100), (4, 3, 9, 'ghost', null);
insert into people values (1, 'p');
insert into messages values (1, 1, 1);
`;

let db: SQLiteWasmDatabase<typeof schema>;
let ambiguous: SQLiteWasmDatabase<typeof ambiguousSchema>;
let logged: string[];

before(async () => {
  const client = await createDatabase();
  client.exec(SETUP);
  logged = [];
  const logger = { logQuery: (q: string) => void logged.push(q) };
  db = drizzle(client, { schema, logger });
  ambiguous = drizzle(client, { schema: ambiguousSchema, logger });
});

/** Runs `fn` and returns what it returned with the statements it logged. */
async function logging<T>(fn: () => T | PromiseLike<T>): Promise<{ value: T; queries: string[] }> {
  const from = logged.length;
  const value = await fn();
  return { value, queries: logged.slice(from) };
}

describe('one statement per relational call', () => {
  test('a depth-3 findMany (users -> posts -> comments -> author) logs exactly one query', async () => {
    const { value, queries } = await logging(() =>
      db.query.users.findMany({
        columns: { name: true },
        orderBy: (u, { asc }) => asc(u.id),
        with: {
          posts: {
            columns: { title: true },
            orderBy: (p, { asc }) => asc(p.id),
            with: {
              comments: {
                columns: { body: true, at: true },
                orderBy: (c, { asc }) => asc(c.id),
                with: { author: { columns: { name: true, active: true } } },
              },
            },
          },
        },
      }),
    );
    assert.equal(queries.length, 1, `logged: ${JSON.stringify(queries)}`);
    assert.match(queries[0]!, /^select /);
    assert.deepEqual(value, [
      {
        name: 'ann',
        posts: [
          {
            title: 'Hello',
            comments: [
              { body: 'nice', at: new Date(1700000000000), author: { name: 'bob', active: false } },
              { body: 'agreed', at: null, author: { name: 'cid', active: true } },
            ],
          },
          { title: 'Second', comments: [] },
        ],
      },
      {
        name: 'bob',
        posts: [
          {
            title: 'Bob post',
            comments: [
              { body: 'hi bob', at: new Date(1700000100000), author: { name: 'ann', active: true } },
              { body: 'ghost', at: null, author: null },
            ],
          },
        ],
      },
      { name: 'cid', posts: [] },
    ]);
  });

  test('a findFirst with two relations logs exactly one query', async () => {
    const { value, queries } = await logging(() =>
      db.query.posts.findFirst({
        where: (p, { eq }) => eq(p.id, 3),
        with: {
          author: { with: { city: true } },
          comments: { columns: { id: true }, orderBy: (c, { asc }) => asc(c.id) },
        },
      }),
    );
    assert.equal(queries.length, 1, `logged: ${JSON.stringify(queries)}`);
    assert.deepEqual(value, {
      id: 3,
      authorId: 2,
      title: 'Bob post',
      meta: [1, 2],
      author: { id: 2, name: 'bob', active: false, cityId: 2, city: { id: 2, name: 'Berlin' } },
      comments: [{ id: 3 }, { id: 4 }],
    });
  });

  test('a findFirst that matches nothing is undefined, still one query', async () => {
    const { value, queries } = await logging(() =>
      db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, 99), with: { posts: true, city: true } }),
    );
    assert.equal(queries.length, 1);
    assert.equal(value, undefined);
  });

  test('.sync() and a prepared findMany: one query per execution', async () => {
    const { value, queries } = await logging(() =>
      db.query.cities
        .findMany({
          columns: { name: true },
          with: { users: { columns: { name: true }, orderBy: (u, { asc }) => asc(u.id) } },
          orderBy: (c, { asc }) => asc(c.id),
        })
        .sync(),
    );
    assert.equal(queries.length, 1);
    assert.deepEqual(value, [
      { name: 'Paris', users: [{ name: 'ann' }] },
      { name: 'Berlin', users: [{ name: 'bob' }] },
    ]);
    const prepared = db.query.users
      .findMany({
        columns: { id: true },
        where: (u, { eq, sql }) => eq(u.id, sql.placeholder('id')),
        with: { posts: { columns: { id: true } } },
      })
      .prepare();
    const from = logged.length;
    assert.deepEqual(await prepared.execute({ id: 2 }), [{ id: 2, posts: [{ id: 3 }] }]);
    assert.deepEqual(await prepared.execute({ id: 3 }), [{ id: 3, posts: [] }]);
    assert.equal(logged.length - from, 2);
  });
});

describe('typed errors', () => {
  /** `fn` throws MizzleError `kind` matching `pattern`, and nothing reaches the database. */
  async function rejects(fn: () => unknown, kind: string, pattern: RegExp) {
    const from = logged.length;
    await assert.rejects(
      async () => fn(),
      (e: unknown) => {
        assert.ok(e instanceof MizzleError, `not a MizzleError: ${String(e)}`);
        assert.equal(e.kind, kind, e.message);
        assert.match(e.message, pattern);
        return true;
      },
    );
    assert.equal(logged.length, from, 'nothing may be sent to the database');
  }

  test('an unknown relation key', async () => {
    await rejects(
      () => db.query.users.findMany({ with: { nope: true } } as never),
      'invalid',
      /table "users" has no relation "nope"/,
    );
    // Also one level down.
    await rejects(
      () => db.query.users.findMany({ with: { posts: { with: { nope: true } } } } as never),
      'invalid',
      /table "posts" has no relation "nope"/,
    );
  });

  test('an unknown column in columns', async () => {
    await rejects(
      () => db.query.users.findMany({ columns: { nope: true } } as never),
      'invalid',
      /table "users" has no column "nope"/,
    );
    await rejects(
      () => db.query.users.findFirst({ with: { city: { columns: { nope: false } } } } as never),
      'invalid',
      /table "cities" has no column "nope"/,
    );
  });

  test('a many() whose inverse is ambiguous (two one() back, no relationName)', async () => {
    await rejects(
      () => ambiguous.query.people.findMany({ with: { sent: true } }),
      'invalid',
      /relation "people\.sent" is ambiguous.*relationName/,
    );
    // The one() sides have fields, so they work.
    assert.deepEqual(
      await ambiguous.query.messages.findMany({
        columns: { id: true },
        with: { sender: { columns: { name: true } }, recipient: { columns: { name: true } } },
      }),
      [{ id: 1, sender: { name: 'p' }, recipient: { name: 'p' } }],
    );
  });

  test('a relation cell that is not JSON is a decode error (decoder)', () => {
    const shape: LevelShape = {
      fields: [{ key: 'id' }],
      relations: [{ key: 'posts', many: true, level: { fields: [{ key: 'title' }], relations: [] } }],
    };
    const map = relationalMapper(shape, [Codec.raw, Codec.text]);
    // What a good answer decodes to.
    assert.deepEqual(map([1, '[["Hello"],["Second"]]']), { id: 1, posts: [{ title: 'Hello' }, { title: 'Second' }] });
    assert.deepEqual(map([2, null]), { id: 2, posts: [] });
    // JSON cut off (a server size limit) or not JSON at all.
    for (const cell of ['[["Hello"],["Sec', 'not json']) {
      assert.throws(
        () => map([1, cell]),
        (e: unknown) => e instanceof MizzleError && e.kind === 'decode' && /relation "posts"/.test(e.message),
      );
    }
    // Valid JSON that is not rows.
    assert.throws(
      () => map([1, '{"title":"Hello"}']),
      (e: unknown) => e instanceof MizzleError && e.kind === 'decode' && /expected JSON rows/.test(e.message),
    );
  });
});
