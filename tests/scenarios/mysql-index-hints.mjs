// MySQL index hints: drizzle's mysql-core `from(table, { useIndex, forceIndex, ignoreIndex })` and the same
// option as the last argument of the join methods, index names as strings. A hint naming an index the table
// lacks is the server's error ("Key ... doesn't exist"), so a hint that never reaches the server shows up as
// rows where drizzle-orm throws; the hints each statement carries are read back from toSQL() as
// (kind, names) pairs, since drizzle writes `USE INDEX (i)` with the names raw and mizzle quotes them.
// Joined tables carry no alias in those two: drizzle writes a join's hints before the alias, which MySQL
// refuses; the third scenario is that case (a listed difference, tests/standins/DIFFERENCES.md).
// The scenario format is described in index.mjs.
import { attempt, ids } from './util.mjs';

/** The index the scenarios create on posts.author_id (every scenario starts from fresh tables). */
const IDX = 'posts_author_idx';

const createIndex = (db, sql) => db.execute(sql`create index posts_author_idx on posts (author_id)`);

/** `[kind, names]` per hint in `q`'s SQL, e.g. `[['force', ['posts_author_idx']]]`. */
function hintsOf(q) {
  return [...q.toSQL().sql.matchAll(/\b(use|force|ignore) index \(([^)]*)\)/gi)].map(([, kind, names]) => [
    kind.toLowerCase(),
    names.split(',').map((n) => n.trim().replace(/^`|`$/g, '')),
  ]);
}

export const scenarios = [
  {
    name: 'mysql index hints in from',
    only: ['mysql'],
    run: async (db, t, { sql, eq }) => {
      await createIndex(db, sql);
      const posts = (hints, table = t.posts) =>
        db.select({ id: table.id }).from(table, hints).where(eq(table.authorId, 1)).orderBy(table.id);
      const p = t.core.alias(t.posts, 'p');
      const both = posts({ forceIndex: IDX, ignoreIndex: ['PRIMARY'] });
      return {
        use: ids(await posts({ useIndex: IDX })),
        force: ids(await posts({ forceIndex: [IDX] })),
        ignore: ids(await posts({ ignoreIndex: IDX })),
        both: ids(await both),
        aliased: ids(await posts({ forceIndex: IDX }, p)),
        missing: await attempt(() => posts({ useIndex: 'no_such_index' })),
        none: ids(await posts({})),
        hints: hintsOf(both),
        aliasedHints: hintsOf(posts({ useIndex: [IDX, 'PRIMARY'] }, p)),
      };
    },
    check: (r, a) =>
      a.deepEqual(r, {
        use: [1, 2],
        force: [1, 2],
        ignore: [1, 2],
        both: [1, 2],
        aliased: [1, 2],
        missing: { threw: true },
        none: [1, 2],
        hints: [
          ['force', [IDX]],
          ['ignore', ['PRIMARY']],
        ],
        aliasedHints: [['use', [IDX, 'PRIMARY']]],
      }),
  },
  {
    name: 'mysql index hints on joins',
    only: ['mysql'],
    run: async (db, t, { sql, eq, count }) => {
      await createIndex(db, sql);
      const on = eq(t.posts.authorId, t.users.id);
      const titles = (rows) => rows.map((r) => r.title);
      const pick = { name: t.users.name, title: t.posts.title };
      const inner = db
        .select(pick)
        .from(t.users)
        .innerJoin(t.posts, on, { forceIndex: IDX })
        .where(eq(t.users.id, 1))
        .orderBy(t.posts.id);
      const left = db
        .select(pick)
        .from(t.users, { useIndex: 'PRIMARY' })
        .leftJoin(t.posts, on, { ignoreIndex: [IDX] })
        .where(eq(t.users.id, 3));
      const right = db
        .select(pick)
        .from(t.users)
        .rightJoin(t.posts, on, { useIndex: IDX })
        .where(eq(t.posts.authorId, 2))
        .orderBy(t.posts.id);
      const cross = db.select({ n: count() }).from(t.users).crossJoin(t.posts, { ignoreIndex: IDX });
      return {
        inner: titles(await inner),
        left: await left,
        right: titles(await right),
        cross: await cross,
        missing: await attempt(() =>
          db.select(pick).from(t.users).innerJoin(t.posts, on, { forceIndex: 'no_such_index' }),
        ),
        hints: [inner, left, right, cross].map(hintsOf),
      };
    },
    check: (r, a) =>
      a.deepEqual(r, {
        inner: ['Hello', 'Second'],
        left: [{ name: 'cid', title: null }],
        right: ['Bob post', 'Another'],
        cross: [{ n: 25 }],
        missing: { threw: true },
        hints: [
          [['force', [IDX]]],
          [
            ['use', ['PRIMARY']],
            ['ignore', [IDX]],
          ],
          [['use', [IDX]]],
          [['ignore', [IDX]]],
        ],
      }),
  },
  {
    name: 'mysql index hints on an aliased join',
    only: ['mysql'],
    run: async (db, t, { sql, eq }) => {
      await createIndex(db, sql);
      const p = t.core.alias(t.posts, 'p');
      return attempt(async () =>
        (
          await db
            .select({ title: p.title })
            .from(t.users)
            .innerJoin(p, eq(p.authorId, t.users.id), { forceIndex: IDX })
            .where(eq(t.users.id, 1))
            .orderBy(p.id)
        ).map((r) => r.title),
      );
    },
    check: (r, a) => a.deepEqual(r, { threw: false, value: ['Hello', 'Second'] }),
  },
];
