// Relational query scenarios (db.query), continued: prepared relational queries, typed columns read through a
// relation, and relational queries inside a batch or a transaction.
// The scenario format is described in index.mjs.
import { byDialect, KIND1, KIND1_MY, KIND1_PG, KIND2 } from './util.mjs';

export const scenarios = [
  // ---------------------------------------------------------------- relational queries (db.query), continued
  {
    name: 'relational prepared findMany with placeholders',
    run: byDialect({
      sqlite: async (db, _t, { sql }) => {
        const many = db.query.users
          .findMany({
            columns: { name: true },
            where: (u, { gte }) => gte(u.age, sql.placeholder('minAge')),
            orderBy: (u, { asc }) => asc(u.id),
            limit: sql.placeholder('n'),
            with: {
              posts: {
                columns: { id: true },
                where: (p, { gt }) => gt(p.views, sql.placeholder('minViews')),
                orderBy: (p, { asc }) => asc(p.id),
                limit: sql.placeholder('perUser'),
              },
            },
          })
          .prepare();
        const first = db.query.posts
          .findFirst({
            columns: { title: true },
            where: (p, { eq }) => eq(p.id, sql.placeholder('id')),
            with: { author: { columns: { name: true } } },
          })
          .prepare();
        return [
          await many.execute({ minAge: 25, n: 2, minViews: 5, perUser: 5 }),
          await many.execute({ minAge: 40, n: 5, minViews: 0, perUser: 5 }),
          await many.execute({ minAge: 25, n: 2, minViews: 0, perUser: 1 }),
          await first.execute({ id: 3 }),
          await first.execute({ id: 42 }),
        ];
      },
      other: async (db, _t, { sql }) => {
        const many = db.query.users
          .findMany({
            columns: { name: true },
            where: (u, { gte }) => gte(u.age, sql.placeholder('minAge')),
            orderBy: (u, { asc }) => asc(u.id),
            limit: sql.placeholder('n'),
            with: {
              posts: {
                columns: { id: true },
                where: (p, { gt }) => gt(p.views, sql.placeholder('minViews')),
                orderBy: (p, { asc }) => asc(p.id),
              },
            },
          })
          .prepare('rq_many');
        const first = db.query.posts
          .findFirst({
            columns: { title: true },
            where: (p, { eq }) => eq(p.id, sql.placeholder('id')),
            with: { author: { columns: { name: true } } },
          })
          .prepare('rq_first');
        return [
          await many.execute({ minAge: 25, n: 2, minViews: 5 }),
          await many.execute({ minAge: 40, n: 5, minViews: 0 }),
          await first.execute({ id: 3 }),
          await first.execute({ id: 42 }),
        ];
      },
    }),
    check: byDialect({
      sqlite: (r, a) =>
        a.deepEqual(r, [
          [
            { name: 'ann', posts: [{ id: 1 }] },
            { name: 'bob', posts: [{ id: 3 }, { id: 5 }] },
          ],
          [{ name: 'cid', posts: [] }],
          [
            { name: 'ann', posts: [{ id: 1 }] },
            { name: 'bob', posts: [{ id: 3 }] },
          ],
          { title: 'Bob post', author: { name: 'bob' } },
          '<undefined>',
        ]),
      other: (r, a) =>
        a.deepEqual(r, [
          [
            { name: 'ann', posts: [{ id: 1 }] },
            { name: 'bob', posts: [{ id: 3 }, { id: 5 }] },
          ],
          [{ name: 'cid', posts: [] }],
          { title: 'Bob post', author: { name: 'bob' } },
          '<undefined>',
        ]),
    }),
  },
  {
    name: 'relational typed columns inside a one relation',
    run: byDialect({
      sqlite: async (db, t, { getTableColumns }) => {
        const { blobBuf, blobJson, blobBig, ...plain } = getTableColumns(t.kinds);
        return {
          nested: await db.query.holders.findMany({
            columns: { label: true },
            with: { kind: { columns: { blobBuf: false, blobJson: false, blobBig: false } } },
            orderBy: (h, { asc }) => asc(h.id),
          }),
          top: await db.select(plain).from(t.kinds).orderBy(t.kinds.id),
        };
      },
      other: (db) =>
        db.query.holders.findMany({
          columns: { label: true },
          orderBy: (h, { asc }) => asc(h.id),
          with: { kind: true },
        }),
    }),
    check: byDialect({
      sqlite: (r, a) => {
        a.deepEqual(r.top, [KIND1, KIND2]);
        a.deepEqual(r.nested, [
          { label: 'h1', kind: KIND1 },
          { label: 'h2', kind: KIND2 },
          { label: 'h3', kind: KIND1 },
          { label: 'h4', kind: null },
        ]);
      },
      other: (r, a, d) => {
        a.equal(r.length, 4);
        a.deepEqual(
          r.map((h) => h.label),
          ['h1', 'h2', 'h3', 'h4'],
        );
        // Inside a relation PostgreSQL's JSON gives a string-mode timestamp in its JSON (ISO) form,
        // not the text form a top-level select gives (drizzle-orm too: see the report in DIFFERENCES.md).
        a.deepEqual(r[0].kind, d === 'pg' ? KIND1_PG : KIND1_MY);
        a.equal(r[1].kind.id, 2);
        a.equal(r[1].kind.js, null);
        a.deepEqual(r[2].kind, r[0].kind);
        a.equal(r[3].kind, null);
      },
    }),
  },
  {
    name: 'relational typed columns inside a many relation',
    only: ['pg', 'mysql'],
    run: (db) =>
      db.query.kinds.findMany({
        orderBy: (k, { asc }) => asc(k.id),
        with: { holders: { columns: { label: true }, orderBy: (h, { asc }) => asc(h.id) } },
      }),
    check: (r, a, d) => {
      const { holders: h1, ...k1 } = r[0];
      a.deepEqual(k1, d === 'pg' ? KIND1_PG : KIND1_MY); // (top level: the text form)
      a.deepEqual(h1, [{ label: 'h1' }, { label: 'h3' }]);
      a.deepEqual(r[1].holders, [{ label: 'h2' }]);
    },
  },
  {
    name: 'relational typed columns inside a many relation at depth 2',
    only: ['sqlite'],
    run: (db) =>
      db.query.kinds.findMany({
        columns: { id: true },
        orderBy: (k, { asc }) => asc(k.id),
        with: {
          holders: {
            columns: { label: true },
            orderBy: (h, { asc }) => asc(h.id),
            with: { kind: { columns: { blobBuf: false, blobJson: false, blobBig: false } } },
          },
        },
      }),
    check: (r, a) =>
      a.deepEqual(r, [
        {
          id: 1,
          holders: [
            { label: 'h1', kind: KIND1 },
            { label: 'h3', kind: KIND1 },
          ],
        },
        { id: 2, holders: [{ label: 'h2', kind: KIND2 }] },
      ]),
  },
  {
    name: 'relational blob columns inside a relation',
    only: ['sqlite'],
    run: async (db, t) => ({
      nested: await db.query.holders.findMany({
        columns: { label: true },
        where: (h, { lt }) => lt(h.id, 3),
        with: { kind: { columns: { blobBuf: true, blobJson: true, blobBig: true } } },
        orderBy: (h, { asc }) => asc(h.id),
      }),
      top: await db
        .select({ blobBuf: t.kinds.blobBuf, blobJson: t.kinds.blobJson, blobBig: t.kinds.blobBig })
        .from(t.kinds)
        .orderBy(t.kinds.id),
    }),
    check: (r, a) => {
      const k1 = { blobBuf: 'hex:00ff10', blobJson: { a: 1 }, blobBig: '18446744073709551617n' };
      const k2 = { blobBuf: null, blobJson: null, blobBig: null };
      a.deepEqual(r.top, [k1, k2]);
      a.deepEqual(r.nested, [
        { label: 'h1', kind: k1 },
        { label: 'h2', kind: k2 },
      ]);
    },
  },
  {
    name: 'relational queries in a batch',
    only: ['sqlite'],
    asyncOnly: true,
    run: async (db, t) => {
      const [many, first, , after] = await db.batch([
        db.query.users.findMany({
          columns: { name: true },
          where: (u, { lte }) => lte(u.id, 2),
          orderBy: (u, { asc }) => asc(u.id),
          with: { posts: { columns: { id: true }, orderBy: (p, { asc }) => asc(p.id) } },
        }),
        db.query.posts.findFirst({
          columns: { title: true },
          where: (p, { eq }) => eq(p.id, 3),
          with: {
            author: { columns: { name: true } },
            comments: { columns: { body: true }, orderBy: (c, { asc }) => asc(c.id) },
          },
        }),
        db.insert(t.tags).values({ id: 4, name: 'new' }),
        db.query.tags.findMany({
          columns: { name: true },
          orderBy: (g, { asc }) => asc(g.id),
          with: { postTags: { columns: { postId: true }, orderBy: (pt, { asc }) => asc(pt.postId) } },
        }),
      ]);
      return { many, first, after };
    },
    check: (r, a) =>
      a.deepEqual(r, {
        many: [
          { name: 'ann', posts: [{ id: 1 }, { id: 2 }] },
          { name: 'bob', posts: [{ id: 3 }, { id: 5 }] },
        ],
        first: { title: 'Bob post', author: { name: 'bob' }, comments: [{ body: 'hi bob' }, { body: 'ghost' }] },
        after: [
          { name: 'news', postTags: [{ postId: 1 }, { postId: 3 }, { postId: 4 }] },
          { name: 'howto', postTags: [{ postId: 1 }, { postId: 5 }] },
          { name: 'misc', postTags: [] },
          { name: 'new', postTags: [] },
        ],
      }),
  },
  {
    name: 'relational queries in a transaction',
    only: ['sqlite'],
    syncOnly: true,
    run: async (db, t) => {
      const inside = db.transaction((tx) => {
        tx.insert(t.comments).values({ id: 7, postId: 2, authorId: 3, body: 'in tx' }).run();
        return {
          posts: tx.query.posts
            .findMany({
              columns: { title: true },
              where: (p, { eq }) => eq(p.authorId, 1),
              orderBy: (p, { asc }) => asc(p.id),
              with: {
                comments: {
                  columns: { body: true },
                  orderBy: (c, { asc }) => asc(c.id),
                  with: { author: { columns: { name: true } } },
                },
              },
            })
            .sync(),
          first: tx.query.comments
            .findFirst({ where: (c, { eq }) => eq(c.id, 7), with: { post: { columns: { title: true } } } })
            .sync(),
        };
      });
      let seen;
      let rolledBack = false;
      try {
        db.transaction((tx) => {
          tx.insert(t.comments).values({ id: 8, postId: 2, authorId: 1, body: 'undone' }).run();
          seen = tx.query.posts
            .findFirst({
              columns: { id: true },
              where: (p, { eq }) => eq(p.id, 2),
              with: { comments: { columns: { body: true }, orderBy: (c, { asc }) => asc(c.id) } },
            })
            .sync();
          tx.rollback();
        });
      } catch {
        rolledBack = true;
      }
      const after = await db.query.posts.findFirst({
        columns: { id: true },
        where: (p, { eq }) => eq(p.id, 2),
        with: { comments: { columns: { body: true }, orderBy: (c, { asc }) => asc(c.id) } },
      });
      return { inside, seen, rolledBack, after };
    },
    check: (r, a) =>
      a.deepEqual(r, {
        inside: {
          posts: [
            {
              title: 'Hello',
              comments: [
                { body: 'nice', author: { name: 'bob' } },
                { body: 'agreed', author: { name: 'cid' } },
                { body: 'late', author: { name: 'eve' } },
              ],
            },
            { title: 'Second', comments: [{ body: 'in tx', author: { name: 'cid' } }] },
          ],
          first: { id: 7, postId: 2, authorId: 3, body: 'in tx', post: { title: 'Second' } },
        },
        seen: { id: 2, comments: [{ body: 'in tx' }, { body: 'undone' }] },
        rolledBack: true,
        after: { id: 2, comments: [{ body: 'in tx' }] },
      }),
  },
];
