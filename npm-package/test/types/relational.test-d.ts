/**
 * Type tests for relational queries (`db.query.<table>.findMany/findFirst`):
 * compiled by `tsc --noEmit -p tsconfig.test.json`, never run. Each
 * `Expect<Equal<A, B>>` fails to compile when the types differ; each
 * `@ts-expect-error` line fails to compile when the misuse it marks stops
 * being an error.
 *
 * The expected types are drizzle-orm 0.45's for the same code, except where a
 * comment says mizzle differs on purpose.
 */
import type { DrizzleD1Database } from '../../src/d1/index.js';
import type { DrizzleSqliteDODatabase } from '../../src/durable-sqlite/index.js';
import { and, asc, desc, eq, gt } from '../../src/operators.js';
import type { RelationalQuery } from '../../src/query/relational.js';
import type { RelationalOperators, RelationalOrderOperators } from '../../src/query/relational-types.js';
import { relations, type Many, type One } from '../../src/relations.js';
import { sql, type SQL } from '../../src/sql.js';
import { integer, primaryKey, sqliteTable, text, type AnySQLiteColumn } from '../../src/sqlite-core/index.js';
import type { SQLiteWasmDatabase } from '../../src/sqlite-wasm/index.js';

type Equal<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

// ---------------------------------------------------------------------- schema
const users = sqliteTable('users', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  invitedBy: integer('invited_by').references((): AnySQLiteColumn => users.id),
});

const posts = sqliteTable('posts', {
  id: integer('id').primaryKey(),
  authorId: integer('author_id')
    .notNull()
    .references(() => users.id),
  title: text('title').notNull(),
  body: text('body'),
});

const comments = sqliteTable('comments', {
  id: integer('id').primaryKey(),
  postId: integer('post_id')
    .notNull()
    .references(() => posts.id),
  authorId: integer('author_id').references(() => users.id),
  text: text('text').notNull(),
});

const groups = sqliteTable('groups', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
});

const usersToGroups = sqliteTable(
  'users_to_groups',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.groupId] })],
);

const usersRelations = relations(users, ({ one, many }) => ({
  // self relation, named on both sides
  inviter: one(users, { fields: [users.invitedBy], references: [users.id], relationName: 'invites' }),
  invitees: many(users, { relationName: 'invites' }),
  posts: many(posts),
  usersToGroups: many(usersToGroups),
}));

const postsRelations = relations(posts, ({ one, many }) => ({
  author: one(users, { fields: [posts.authorId], references: [users.id] }),
  comments: many(comments),
}));

const commentsRelations = relations(comments, ({ one }) => ({
  post: one(posts, { fields: [comments.postId], references: [posts.id] }),
  author: one(users, { fields: [comments.authorId], references: [users.id] }),
}));

const groupsRelations = relations(groups, ({ many }) => ({
  usersToGroups: many(usersToGroups),
}));

const usersToGroupsRelations = relations(usersToGroups, ({ one }) => ({
  user: one(users, { fields: [usersToGroups.userId], references: [users.id] }),
  group: one(groups, { fields: [usersToGroups.groupId], references: [groups.id] }),
}));

// A second relations() of the same table adds to the first (as at run time).
const postsMoreRelations = relations(posts, ({ one }) => ({
  // one() without fields: the inverse side, always nullable
  firstComment: one(comments),
}));

const schema = {
  users,
  posts,
  comments,
  groups,
  usersToGroups,
  usersRelations,
  postsRelations,
  commentsRelations,
  groupsRelations,
  usersToGroupsRelations,
  postsMoreRelations,
};
type Schema = typeof schema;

type User = typeof users.$inferSelect;
type Post = typeof posts.$inferSelect;
type Comment = typeof comments.$inferSelect;
type Group = typeof groups.$inferSelect;

declare const db: SQLiteWasmDatabase<Schema>; // sync (embedded)
declare const d1: DrizzleD1Database<Schema>; // async
declare const durable: DrizzleSqliteDODatabase<Schema>; // sync

// --------------------------------------------------------------- relations()
export type RL1 = Expect<Equal<ReturnType<(typeof usersRelations)['config']>['inviter'], One<typeof users, true>>>;
export type RL2 = Expect<Equal<ReturnType<(typeof postsRelations)['config']>['author'], One<typeof users, false>>>;
export type RL3 = Expect<Equal<ReturnType<(typeof postsRelations)['config']>['comments'], Many<typeof comments>>>;
export type RL4 = Expect<
  Equal<ReturnType<(typeof postsMoreRelations)['config']>['firstComment'], One<typeof comments, true>>
>;

// ------------------------------------------------------------------ db.query
export type DQ1 = Expect<Equal<keyof typeof db.query, 'users' | 'posts' | 'comments' | 'groups' | 'usersToGroups'>>;
declare const noSchema: SQLiteWasmDatabase;
export type DQ2 = Expect<Equal<keyof typeof noSchema.query, never>>;

// ---------------------------------------------------------------- findMany
const all = db.query.users.findMany().sync();
export type F1 = Expect<Equal<typeof all, User[]>>;

const allEmpty = db.query.users.findMany({}).sync();
export type F2 = Expect<Equal<typeof allEmpty, User[]>>;

const included = db.query.users.findMany({ columns: { id: true, name: true } }).sync();
export type F3 = Expect<Equal<typeof included, { id: number; name: string }[]>>;

const excluded = db.query.posts.findMany({ columns: { body: false, authorId: false } }).sync();
export type F4 = Expect<Equal<typeof excluded, { id: number; title: string }[]>>;

// Include mode wins once any value is true: the false ones are simply not included.
const mixed = db.query.posts.findMany({ columns: { id: true, body: false } }).sync();
export type F5 = Expect<Equal<typeof mixed, { id: number }[]>>;

// `columns: {}` (or only `undefined` entries) keeps no column: the row has only its relations and extras.
const noColumns = db.query.users.findMany({ columns: {}, with: { posts: true } }).sync();
export type F6 = Expect<Equal<typeof noColumns, { posts: Post[] }[]>>;
const undefinedColumns = db.query.users.findMany({ columns: { id: undefined }, with: { posts: true } }).sync();
export type F7 = Expect<Equal<typeof undefinedColumns, { posts: Post[] }[]>>;
// An `undefined` entry beside `false` ones does not exclude its column.
const excludedAndUndefined = db.query.posts.findMany({ columns: { body: false, id: undefined } }).sync();
export type F8 = Expect<Equal<typeof excludedAndUndefined, { id: number; title: string; authorId: number }[]>>;

// ------------------------------------------------------------------- with
const withPosts = db.query.users.findMany({ with: { posts: true } }).sync();
export type W1 = Expect<
  Equal<typeof withPosts, { id: number; name: string; invitedBy: number | null; posts: Post[] }[]>
>;

// Depth 3, with columns and nested configs at each level.
const deep = db.query.users
  .findMany({
    columns: { name: true },
    with: {
      posts: {
        columns: { title: true },
        with: {
          comments: {
            columns: { text: true },
            with: { author: { columns: { name: true } } },
          },
        },
      },
    },
  })
  .sync();
export type W2 = Expect<
  Equal<
    typeof deep,
    {
      name: string;
      posts: {
        title: string;
        comments: { text: string; author: { name: string } | null }[];
      }[];
    }[]
  >
>;

// one(): non-null when every field is NOT NULL, nullable otherwise.
const postAuthors = db.query.posts.findMany({ with: { author: true } }).sync();
export type W3 = Expect<Equal<(typeof postAuthors)[number]['author'], User>>;
const commentAuthors = db.query.comments.findMany({ with: { author: true, post: true } }).sync();
export type W4 = Expect<Equal<(typeof commentAuthors)[number]['author'], User | null>>;
export type W5 = Expect<Equal<(typeof commentAuthors)[number]['post'], Post>>;
// one() without fields (the inverse side): nullable.
const firstComments = db.query.posts.findMany({ with: { firstComment: true } }).sync();
export type W6 = Expect<Equal<(typeof firstComments)[number]['firstComment'], Comment | null>>;

// Self relation named on both sides.
const selfRel = db.query.users.findMany({ with: { inviter: true, invitees: { columns: { id: true } } } }).sync();
export type W7 = Expect<
  Equal<
    typeof selfRel,
    { id: number; name: string; invitedBy: number | null; inviter: User | null; invitees: { id: number }[] }[]
  >
>;

// Many-to-many through the junction.
const userGroups = db.query.users
  .findMany({ columns: { id: true }, with: { usersToGroups: { columns: {}, with: { group: true } } } })
  .sync();
export type W8 = Expect<Equal<typeof userGroups, { id: number; usersToGroups: { group: Group }[] }[]>>;
const groupUsers = db.query.groups
  .findMany({
    with: {
      usersToGroups: { columns: { groupId: false, userId: false }, with: { user: { columns: { name: true } } } },
    },
  })
  .sync();
export type W9 = Expect<
  Equal<typeof groupUsers, { id: number; name: string; usersToGroups: { user: { name: string } }[] }[]>
>;

// A relation left undefined is not in the row.
const undefinedRel = db.query.users.findMany({ with: { posts: undefined, inviter: true } }).sync();
export type W10 = Expect<Equal<keyof (typeof undefinedRel)[number], 'id' | 'name' | 'invitedBy' | 'inviter'>>;

// ----------------------------------------------------------------- findFirst
const first = db.query.users.findFirst().sync();
export type FF1 = Expect<Equal<typeof first, User | undefined>>;
const firstWith = db.query.users
  .findFirst({ columns: { id: true }, with: { posts: { columns: { id: true } } } })
  .sync();
export type FF2 = Expect<Equal<typeof firstWith, { id: number; posts: { id: number }[] } | undefined>>;
const firstOffset = db.query.users.findFirst({ offset: 1, where: eq(users.id, 1), orderBy: desc(users.id) }).sync();
export type FF3 = Expect<Equal<typeof firstOffset, User | undefined>>;

// -------------------------------------------------------------------- extras
const withExtras = db.query.users
  .findMany({
    columns: { id: true },
    extras: {
      nameLength: sql<number>`length(${users.name})`.as('name_length'),
      upper: sql<string>`upper(${users.name})`,
    },
  })
  .sync();
export type E1 = Expect<Equal<typeof withExtras, { id: number; nameLength: number; upper: string }[]>>;

const extrasCallback = db.query.users
  .findMany({
    columns: { id: true },
    extras: (fields, ops) => {
      type _F = Expect<Equal<typeof fields, (typeof users)['_']['columns']>>;
      type _S = Expect<Equal<typeof ops.sql, typeof sql>>;
      return { lower: ops.sql<string>`lower(${fields.name})`.as('lower'), raw: sql`1` };
    },
    with: { posts: { columns: { id: true }, extras: { n: sql<number>`1`.as('n') } } },
  })
  .sync();
export type E2 = Expect<
  Equal<typeof extrasCallback, { id: number; lower: string; raw: unknown; posts: { id: number; n: number }[] }[]>
>;

// ------------------------------------------------------- where / orderBy callbacks
const filtered = db.query.users
  .findMany({
    where: (fields, operators) => {
      type _F = Expect<Equal<typeof fields, (typeof users)['_']['columns']>>;
      type _O = Expect<Equal<typeof operators, RelationalOperators>>;
      return operators.and(operators.gt(fields.id, 1), operators.like(fields.name, 'a%'));
    },
    orderBy: (fields, { asc, desc }) => {
      type _F = Expect<Equal<typeof fields, (typeof users)['_']['columns']>>;
      return [asc(fields.name), desc(fields.id)];
    },
    limit: 10,
    offset: sql.placeholder('offset'),
    with: {
      posts: {
        where: (p, { eq }) => {
          type _P = Expect<Equal<typeof p, (typeof posts)['_']['columns']>>;
          return eq(p.title, 'x');
        },
        orderBy: (p) => p.id,
        limit: sql.placeholder('postLimit'),
      },
    },
  })
  .sync();
export type WO2 = Expect<
  Equal<typeof filtered, { id: number; name: string; invitedBy: number | null; posts: Post[] }[]>
>;

// A callback alone in the config (nothing else to infer from) is still typed.
const whereOnly = db.query.users.findMany({
  where: (fields, { eq }) => {
    type _F = Expect<Equal<typeof fields, (typeof users)['_']['columns']>>;
    return eq(fields.name, 'x');
  },
});
export type WO3 = Expect<Equal<Awaited<typeof whereOnly>, User[]>>;
const orderOnly = db.query.posts.findFirst({
  orderBy: (fields, ops) => {
    type _F = Expect<Equal<typeof fields, (typeof posts)['_']['columns']>>;
    type _O = Expect<Equal<typeof ops, RelationalOrderOperators>>;
    return ops.desc(fields.id);
  },
});
export type WO4 = Expect<Equal<Awaited<typeof orderOnly>, Post | undefined>>;
const extrasOnly = db.query.groups.findFirst({
  extras: (fields, { sql }) => ({ n: sql<number>`length(${fields.name})`.as('n') }),
});
export type WO5 = Expect<Equal<Awaited<typeof extrasOnly>, { id: number; name: string; n: number } | undefined>>;

const plainWhere = db.query.posts.findMany({
  where: and(eq(posts.authorId, 1), gt(posts.id, 2)),
  orderBy: [asc(posts.id), posts.title],
});
export type WO6 = Expect<
  Equal<typeof plainWhere, RelationalQuery<Post[], 'sync', import('../../src/sqlite-wasm/index.js').RunResult>>
>;

// ---------------------------------------------------------------- hosts
// D1: async; awaiting gives the rows.
const d1Rows = await d1.query.users.findMany({ columns: { id: true }, with: { posts: { columns: { title: true } } } });
export type H1 = Expect<Equal<typeof d1Rows, { id: number; posts: { title: string }[] }[]>>;
const d1First = await d1.query.posts.findFirst({ with: { author: true } });
export type H2 = Expect<
  Equal<typeof d1First, { id: number; authorId: number; title: string; body: string | null; author: User } | undefined>
>;
const d1Prepared = d1.query.users
  .findMany({ columns: { name: true } })
  .prepare()
  .execute();
export type H3 = Expect<Equal<typeof d1Prepared, Promise<{ name: string }[]>>>;

// Durable Objects / embedded: sync.
const doRows = durable.query.users.findMany({ with: { inviter: { columns: { name: true } } } }).sync();
export type H4 = Expect<
  Equal<typeof doRows, { id: number; name: string; invitedBy: number | null; inviter: { name: string } | null }[]>
>;
const doAwaited = await durable.query.groups.findFirst({ columns: { name: true } });
export type H5 = Expect<Equal<typeof doAwaited, { name: string } | undefined>>;
const doPrepared = durable.query.groups.findFirst().prepare().execute({});
export type H6 = Expect<Equal<typeof doPrepared, Group | undefined>>;
const embeddedPrepared = db.query.comments
  .findMany({ columns: { text: true } })
  .prepare()
  .execute();
export type H7 = Expect<Equal<typeof embeddedPrepared, { text: string }[]>>;

// In a transaction and a batch.
db.transaction((tx) => {
  const rows = tx.query.users.findMany({ columns: { id: true } }).sync();
  type _T = Expect<Equal<typeof rows, { id: number }[]>>;
});
const [batchedUsers, batchedPost] = await d1.batch([
  d1.query.users.findMany({ columns: { id: true } }),
  d1.query.posts.findFirst({ columns: { title: true } }),
]);
export type H8 = Expect<Equal<typeof batchedUsers, { id: number }[]>>;
export type H9 = Expect<Equal<typeof batchedPost, { title: string } | undefined>>;

// The type of an extras SQL's value is the SQL's type parameter.
declare const total: SQL<number>;
const typedExtra = db.query.groups.findMany({ columns: {}, extras: { total } }).sync();
export type H10 = Expect<Equal<typeof typedExtra, { total: number }[]>>;

// ------------------------------------------------------------------- misuse
// @ts-expect-error: no such column
db.query.users.findMany({ columns: { email: true } });
// @ts-expect-error: no such column, next to a real one
db.query.users.findMany({ columns: { id: true, email: true } });
// @ts-expect-error: no such column in a nested config
db.query.users.findMany({ with: { posts: { columns: { email: true } } } });
// @ts-expect-error: no such relation
db.query.users.findMany({ with: { comments: true } });
// @ts-expect-error: no such relation, deeper
db.query.users.findMany({ with: { posts: { with: { author: { with: { groups: true } } } } } });
// @ts-expect-error: findFirst takes no limit
db.query.users.findFirst({ limit: 1 });
// @ts-expect-error: unknown top-level option
db.query.users.findMany({ filter: eq(users.id, 1) });
// @ts-expect-error: a one relation takes no where (drizzle's rule)
db.query.posts.findMany({ with: { author: { where: eq(users.id, 1) } } });
// offset at a nested many level: mizzle plans it (drizzle's types allow it at the top only).
db.query.users.findMany({ with: { posts: { limit: 2, offset: 1 } } });
// @ts-expect-error: a one relation takes no offset
db.query.posts.findMany({ with: { author: { offset: 1 } } });
// @ts-expect-error: limit is a number or placeholder
db.query.users.findMany({ limit: '10' });
// @ts-expect-error: columns values are booleans
db.query.users.findMany({ columns: { id: 1 } });
// @ts-expect-error: extras are SQL
db.query.users.findMany({ extras: { n: 1 } });
// @ts-expect-error: the where callback gets this table's columns
db.query.users.findMany({ where: (f, { eq }) => eq(f.title, 'x') });
// @ts-expect-error: ...in nested configs too
db.query.users.findMany({ with: { posts: { where: (p, { eq }) => eq(p.name, 'x') } } });
// @ts-expect-error: orderBy helpers are asc and desc
db.query.users.findMany({ orderBy: (f, { eq }) => eq(f.id, 1) });
// @ts-expect-error: not a table of the schema
db.query.usersRelations;
// @ts-expect-error: columns left out are not in the row
included[0]!.invitedBy;
// @ts-expect-error: a nullable one() must be checked
commentAuthors[0]!.author.name;
// @ts-expect-error: findFirst may find nothing
first.name;
// @ts-expect-error: D1 results are promises
d1.query.users.findMany().execute()[0];
