// The mizzle demo in Node: drizzle-style TypeScript/JS API on the embedded
// in-memory SQLite compiled into the same wasm as the engine. Every statement
// is printed by the logger with its params; rows are printed after it.
//
// Run: node npm-package/examples/blog.mjs   (after `./x demo` built the package)
import { and, count, desc, eq, gt, like, sql } from 'mizzle';
import { integer, sqliteTable, text } from 'mizzle/sqlite-core';
import { createDatabase, drizzle } from 'mizzle/sqlite-wasm';

const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  email: text('email').notNull().unique(),
  karma: integer('karma').notNull().default(0),
});
const posts = sqliteTable('posts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  authorId: integer('author_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  published: integer('published', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at', { mode: 'timestamp' })
    .notNull()
    .$defaultFn(() => new Date()),
  tags: text('tags', { mode: 'json' }).$type(),
});

const client = await createDatabase();
client.exec(`
  create table users (id integer primary key autoincrement, name text not null, email text not null unique,
    karma integer not null default 0);
  create table posts (id integer primary key autoincrement,
    author_id integer not null references users(id) on delete cascade,
    title text not null, published integer not null default 0, created_at integer not null, tags text);
`);
const db = drizzle(client, {
  logger: { logQuery: (q, params) => console.log(`\n-- ${q}\n   params: ${JSON.stringify(params)}`) },
});
const show = (rows) => console.log('   rows:', rows);

show(
  db
    .insert(users)
    .values([
      { name: 'Ada', email: 'ada@example.com', karma: 10 },
      { name: 'Brendan', email: 'brendan@example.com' },
      { name: 'Grace', email: 'grace@example.com', karma: 7 },
    ])
    .returning({ id: users.id, name: users.name })
    .all(),
);

db.insert(posts)
  .values([
    { authorId: 1, title: 'Notes on the Analytical Engine', published: true, tags: ['math', 'history'] },
    { authorId: 3, title: 'Compilers', published: true, tags: ['cs'] },
    { authorId: 2, title: 'A draft' },
  ])
  .run();

show(
  db
    .select({ title: posts.title, author: users.name, tags: posts.tags })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(and(eq(posts.published, true), like(users.name, '%a%')))
    .all(),
);

show(
  db
    .select({ author: users.name, posts: count(posts.id) })
    .from(users)
    .leftJoin(posts, eq(posts.authorId, users.id))
    .groupBy(users.id)
    .orderBy(desc(count(posts.id)), users.name)
    .all(),
);

show(
  db
    .insert(users)
    .values({ name: 'Ada L.', email: 'ada@example.com', karma: 5 })
    .onConflictDoUpdate({
      target: users.email,
      set: { name: sql`excluded.name`, karma: sql`${users.karma} + excluded.karma` },
    })
    .returning()
    .all(),
);

const prolific = db.$with('prolific').as(
  db
    .select({ authorId: posts.authorId, n: count().as('n') })
    .from(posts)
    .groupBy(posts.authorId),
);
show(
  db
    .with(prolific)
    .select({ name: users.name, n: prolific.n })
    .from(prolific)
    .innerJoin(users, eq(users.id, prolific.authorId))
    .all(),
);

const byKarma = db
  .select()
  .from(users)
  .where(gt(users.karma, sql.placeholder('min')))
  .prepare();
show(byKarma.all({ min: 6 }));

show(
  db.select({ title: posts.title, createdAt: posts.createdAt, published: posts.published }).from(posts).limit(2).all(),
);
console.log(
  `\n${await db.$count(users)} users, ${await db.$count(posts, eq(posts.published, false))} unpublished post(s)`,
);
