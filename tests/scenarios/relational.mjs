// Relational query scenarios (db.query): findMany/findFirst with one, many, self and many-to-many relations,
// where/orderBy/limit per level, columns and extras.
// The scenario format is described in index.mjs.
import { ANN, byDialect, D } from './util.mjs';

export const scenarios = [
  // ---------------------------------------------------------------- relational queries (db.query)
  {
    name: 'relational findMany with a many relation',
    run: (db) =>
      db.query.users.findMany({
        columns: { id: true, name: true },
        with: { posts: { columns: { id: true, title: true }, orderBy: (p, { asc }) => [asc(p.id)] } },
        orderBy: (u, { asc }) => asc(u.id),
      }),
    check: (r, a) =>
      a.deepEqual(r, [
        {
          id: 1,
          name: 'ann',
          posts: [
            { id: 1, title: 'Hello' },
            { id: 2, title: 'Second' },
          ],
        },
        {
          id: 2,
          name: 'bob',
          posts: [
            { id: 3, title: 'Bob post' },
            { id: 5, title: 'Another' },
          ],
        },
        { id: 3, name: 'cid', posts: [] },
        { id: 4, name: 'dan', posts: [] },
        { id: 5, name: 'eve', posts: [{ id: 4, title: 'Eve post' }] },
      ]),
  },
  {
    name: 'relational full rows with a one relation',
    run: (db) => db.query.posts.findMany({ with: { author: true }, orderBy: (p, { asc }) => asc(p.id), limit: 2 }),
    check: (r, a) =>
      a.deepEqual(r, [
        { id: 1, authorId: 1, title: 'Hello', views: 10, publishedAt: D('2023-11-14T22:13:20.123Z'), author: ANN },
        { id: 2, authorId: 1, title: 'Second', views: 5, publishedAt: null, author: ANN },
      ]),
  },
  {
    name: 'relational depth 3 users posts comments author',
    run: (db) =>
      db.query.users.findMany({
        columns: { name: true },
        orderBy: (u, { asc }) => asc(u.id),
        limit: 2,
        with: {
          posts: {
            columns: { title: true },
            orderBy: (p, { asc }) => asc(p.id),
            with: {
              comments: {
                columns: { body: true },
                orderBy: (c, { asc }) => asc(c.id),
                with: { author: { columns: { name: true } } },
              },
            },
          },
        },
      }),
    check: (r, a) =>
      a.deepEqual(r, [
        {
          name: 'ann',
          posts: [
            {
              title: 'Hello',
              comments: [
                { body: 'nice', author: { name: 'bob' } },
                { body: 'agreed', author: { name: 'cid' } },
                { body: 'late', author: { name: 'eve' } },
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
                { body: 'hi bob', author: { name: 'ann' } },
                { body: 'ghost', author: null },
              ],
            },
            { title: 'Another', comments: [{ body: 'dan here', author: { name: 'dan' } }] },
          ],
        },
      ]),
  },
  {
    name: 'relational empty many and missing one',
    run: async (db) => [
      await db.query.users.findMany({
        columns: { id: true },
        with: {
          city: { columns: { name: true } },
          posts: { columns: { id: true }, orderBy: (p, { asc }) => asc(p.id) },
        },
        orderBy: (u, { asc }) => asc(u.id),
      }),
      await db.query.cities.findMany({
        columns: { name: true },
        with: { users: { columns: { name: true }, orderBy: (u, { asc }) => asc(u.id) } },
        orderBy: (c, { asc }) => asc(c.id),
      }),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [
          { id: 1, city: { name: 'Paris' }, posts: [{ id: 1 }, { id: 2 }] },
          { id: 2, city: { name: 'Berlin' }, posts: [{ id: 3 }, { id: 5 }] },
          { id: 3, city: { name: 'Paris' }, posts: [] },
          { id: 4, city: null, posts: [] },
          { id: 5, city: { name: 'Berlin' }, posts: [{ id: 4 }] },
        ],
        [
          { name: 'Paris', users: [{ name: 'ann' }, { name: 'cid' }] },
          { name: 'Berlin', users: [{ name: 'bob' }, { name: 'eve' }] },
          { name: 'Tokyo', users: [] },
        ],
      ]),
  },
  {
    name: 'relational orderBy limit offset nested and top',
    run: byDialect({
      sqlite: async (db, t, { desc }) => [
        // Top: a list of order terms; nested: a callback. limit/offset apply per parent row.
        await db.query.users.findMany({
          columns: { name: true },
          orderBy: [desc(t.users.age), desc(t.users.id)],
          limit: 3,
          offset: 1,
          with: { posts: { columns: { title: true }, orderBy: (p, { desc }) => desc(p.views), limit: 1, offset: 1 } },
        }),
        await db.query.users.findMany({
          columns: { id: true },
          orderBy: (u, { asc }) => asc(u.id),
          with: { posts: { columns: { title: true }, orderBy: (p, { desc }) => [desc(p.views)], limit: 1 } },
        }),
      ],
      other: async (db, t, { desc }) => [
        await db.query.users.findMany({
          columns: { name: true },
          orderBy: [desc(t.users.id)],
          limit: 3,
          offset: 1,
          with: { posts: { columns: { title: true }, orderBy: (p, { desc }) => desc(p.views), limit: 1, offset: 1 } },
        }),
        await db.query.users.findMany({
          columns: { id: true },
          orderBy: (u, { asc }) => asc(u.id),
          with: { posts: { columns: { title: true }, orderBy: (p, { desc }) => [desc(p.views)], limit: 1 } },
        }),
      ],
    }),
    check: byDialect({
      sqlite: (r, a) =>
        a.deepEqual(r, [
          [
            { name: 'ann', posts: [{ title: 'Second' }] },
            { name: 'eve', posts: [] },
            { name: 'bob', posts: [{ title: 'Another' }] },
          ],
          [
            { id: 1, posts: [{ title: 'Hello' }] },
            { id: 2, posts: [{ title: 'Bob post' }] },
            { id: 3, posts: [] },
            { id: 4, posts: [] },
            { id: 5, posts: [{ title: 'Eve post' }] },
          ],
        ]),
      other: (r, a) =>
        a.deepEqual(r, [
          [
            { name: 'dan', posts: [] },
            { name: 'cid', posts: [] },
            { name: 'bob', posts: [{ title: 'Another' }] },
          ],
          [
            { id: 1, posts: [{ title: 'Hello' }] },
            { id: 2, posts: [{ title: 'Bob post' }] },
            { id: 3, posts: [] },
            { id: 4, posts: [] },
            { id: 5, posts: [{ title: 'Eve post' }] },
          ],
        ]),
    }),
  },
  {
    name: 'relational where callback and sql where, top and nested',
    run: byDialect({
      sqlite: async (db, t, { sql, ne }) => [
        await db.query.users.findMany({
          columns: { name: true },
          where: (u, { and, gt, eq }) => and(gt(u.age, 24), eq(u.active, true)),
          orderBy: (u, { asc }) => asc(u.id),
          with: {
            posts: {
              columns: { title: true },
              where: (p, { gte }) => gte(p.views, 7),
              orderBy: (p, { asc }) => asc(p.id),
            },
          },
        }),
        await db.query.posts.findMany({
          columns: { id: true },
          where: sql`${t.posts.views} > ${5}`,
          orderBy: (p, { asc }) => asc(p.id),
          with: {
            comments: { columns: { id: true }, where: ne(t.comments.authorId, 99), orderBy: (c, { asc }) => asc(c.id) },
          },
        }),
      ],
      other: async (db, t, { sql }) => [
        await db.query.users.findMany({
          columns: { name: true },
          where: (u, { and, isNotNull, lt }) => and(isNotNull(u.email), lt(u.id, 3)),
          orderBy: (u, { asc }) => asc(u.id),
          with: {
            posts: {
              columns: { title: true },
              where: (p, { gt }) => gt(p.views, 5),
              orderBy: (p, { asc }) => asc(p.id),
            },
          },
        }),
        await db.query.posts.findMany({
          columns: { id: true },
          where: sql`${t.posts.views} between 5 and 10`,
          orderBy: (p, { asc }) => asc(p.id),
        }),
      ],
    }),
    check: byDialect({
      sqlite: (r, a) =>
        a.deepEqual(r, [
          [
            { name: 'ann', posts: [{ title: 'Hello' }] },
            { name: 'bob', posts: [{ title: 'Bob post' }, { title: 'Another' }] },
          ],
          [
            { id: 1, comments: [{ id: 1 }, { id: 2 }, { id: 4 }] },
            { id: 3, comments: [{ id: 3 }] },
            { id: 5, comments: [{ id: 5 }] },
          ],
        ]),
      other: (r, a) =>
        a.deepEqual(r, [
          [
            { name: 'ann', posts: [{ title: 'Hello' }] },
            { name: 'bob', posts: [{ title: 'Bob post' }, { title: 'Another' }] },
          ],
          [{ id: 1 }, { id: 2 }, { id: 5 }],
        ]),
    }),
  },
  {
    name: 'relational where exists correlated on the level',
    only: ['sqlite'],
    run: (db, t, { sql, eq }) =>
      db.query.users.findMany({
        columns: { name: true },
        where: (u, { exists }) => exists(db.select({ one: sql`1` }).from(t.posts).where(eq(t.posts.authorId, u.id))),
        orderBy: (u, { asc }) => asc(u.id),
        with: {
          posts: {
            columns: { title: true },
            where: (p, { exists }) =>
              exists(db.select({ one: sql`1` }).from(t.comments).where(eq(t.comments.postId, p.id))),
            orderBy: (p, { asc }) => asc(p.id),
          },
        },
      }),
    check: (r, a) =>
      a.deepEqual(r, [
        { name: 'ann', posts: [{ title: 'Hello' }] },
        { name: 'bob', posts: [{ title: 'Bob post' }, { title: 'Another' }] },
        { name: 'eve', posts: [] },
      ]),
  },
  {
    name: 'relational columns include and exclude, top and nested',
    only: ['sqlite'],
    run: async (db) => [
      await db.query.users.findMany({
        columns: { meta: false, createdAt: false, score: false, email: false },
        where: (u, { eq }) => eq(u.id, 1),
        with: {
          posts: { columns: { publishedAt: false, authorId: false }, orderBy: (p, { asc }) => asc(p.id) },
          city: { columns: { name: true } },
        },
      }),
      // Include mode wins when any key is true: `country: false` changes nothing.
      await db.query.cities.findMany({ columns: { name: true, country: false }, orderBy: (c, { asc }) => asc(c.id) }),
      await db.query.posts.findMany({
        columns: { title: true },
        where: (p, { eq }) => eq(p.id, 3),
        with: {
          author: {
            columns: {
              id: false,
              email: false,
              meta: false,
              createdAt: false,
              score: false,
              cityId: false,
              active: false,
              role: false,
            },
          },
        },
      }),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [
          {
            id: 1,
            name: 'ann',
            age: 31,
            role: 'admin',
            active: true,
            cityId: 1,
            posts: [
              { id: 1, title: 'Hello', views: 10 },
              { id: 2, title: 'Second', views: 5 },
            ],
            city: { name: 'Paris' },
          },
        ],
        [{ name: 'Paris' }, { name: 'Berlin' }, { name: 'Tokyo' }],
        [{ title: 'Bob post', author: { name: 'bob', age: 25 } }],
      ]),
  },
  {
    name: 'relational extras top and nested',
    only: ['sqlite'],
    run: (db, t, { sql, inArray }) =>
      db.query.users.findMany({
        columns: { id: true },
        extras: {
          upper: sql`upper(${t.users.name})`.as('upper'),
          ageNext: sql`${t.users.age} + 1`.mapWith(Number).as('age_next'),
        },
        where: inArray(t.users.id, [1, 5]),
        orderBy: (u, { asc }) => asc(u.id),
        with: {
          posts: {
            columns: { id: true },
            extras: (p, { sql }) => ({
              doubled: sql`${p.views} * 2`.mapWith(Number).as('doubled'),
              titleLen: sql`length(${p.title})`.as('title_len'),
              code: sql`'4' || ${p.id}`.mapWith(Number).as('code'),
              raw: sql`'4' || ${p.id}`.as('raw'),
            }),
            orderBy: (p, { asc }) => asc(p.id),
          },
        },
      }),
    check: (r, a) =>
      a.deepEqual(r, [
        {
          id: 1,
          upper: 'ANN',
          ageNext: 32,
          posts: [
            { id: 1, doubled: 20, titleLen: 5, code: 41, raw: '41' },
            { id: 2, doubled: 10, titleLen: 6, code: 42, raw: '42' },
          ],
        },
        { id: 5, upper: 'EVE', ageNext: 26, posts: [{ id: 4, doubled: 0, titleLen: 8, code: 44, raw: '44' }] },
      ]),
  },
  {
    name: 'relational extras with a correlated count at the top',
    only: ['sqlite'],
    run: (db, t, { sql }) =>
      db.query.users.findMany({
        columns: { name: true },
        extras: {
          postCount: sql`(select count(*) from ${t.posts} where ${t.posts.authorId} = ${t.users.id})`
            .mapWith(Number)
            .as('post_count'),
        },
        orderBy: (u, { asc }) => asc(u.id),
      }),
    check: (r, a) =>
      a.deepEqual(r, [
        { name: 'ann', postCount: 2 },
        { name: 'bob', postCount: 2 },
        { name: 'cid', postCount: 0 },
        { name: 'dan', postCount: 0 },
        { name: 'eve', postCount: 1 },
      ]),
  },
  {
    name: 'relational extras with a correlated count nested',
    only: ['sqlite'],
    run: (db, t) =>
      db.query.cities.findMany({
        columns: { name: true },
        orderBy: (c, { asc }) => asc(c.id),
        limit: 2,
        with: {
          users: {
            columns: { name: true },
            extras: (u, { sql }) => ({
              postCount: sql`(select count(*) from ${t.posts} where ${t.posts.authorId} = ${u.id})`
                .mapWith(Number)
                .as('post_count'),
            }),
            orderBy: (u, { asc }) => asc(u.id),
          },
        },
      }),
    check: (r, a) =>
      a.deepEqual(r, [
        {
          name: 'Paris',
          users: [
            { name: 'ann', postCount: 2 },
            { name: 'cid', postCount: 0 },
          ],
        },
        {
          name: 'Berlin',
          users: [
            { name: 'bob', postCount: 2 },
            { name: 'eve', postCount: 1 },
          ],
        },
      ]),
  },
  {
    name: 'relational self relation both sides',
    run: async (db) => [
      await db.query.categories.findMany({
        columns: { name: true },
        with: {
          parent: { columns: { name: true } },
          children: { columns: { name: true }, orderBy: (c, { asc }) => asc(c.id) },
        },
        orderBy: (c, { asc }) => asc(c.id),
      }),
      await db.query.categories.findFirst({
        columns: { name: true },
        where: (c, { eq }) => eq(c.name, 'rust'),
        with: {
          parent: { columns: { name: true }, with: { parent: { columns: { name: true }, with: { parent: true } } } },
        },
      }),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [
          { name: 'root', parent: null, children: [{ name: 'tech' }, { name: 'life' }] },
          { name: 'tech', parent: { name: 'root' }, children: [{ name: 'rust' }, { name: 'js' }] },
          { name: 'life', parent: { name: 'root' }, children: [] },
          { name: 'rust', parent: { name: 'tech' }, children: [] },
          { name: 'js', parent: { name: 'tech' }, children: [] },
        ],
        { name: 'rust', parent: { name: 'tech', parent: { name: 'root', parent: null } } },
      ]),
  },
  {
    name: 'relational many-to-many through the junction',
    run: async (db) => [
      await db.query.posts.findMany({
        columns: { title: true },
        orderBy: (p, { asc }) => asc(p.id),
        with: {
          postTags: {
            columns: { tagId: true },
            orderBy: (pt, { asc }) => asc(pt.tagId),
            with: { tag: { columns: { name: true } } },
          },
        },
      }),
      await db.query.tags.findMany({
        columns: { name: true },
        orderBy: (g, { asc }) => asc(g.id),
        with: {
          postTags: {
            columns: { postId: true },
            orderBy: (pt, { asc }) => asc(pt.postId),
            with: { post: { columns: { title: true } } },
          },
        },
      }),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [
          {
            title: 'Hello',
            postTags: [
              { tagId: 1, tag: { name: 'news' } },
              { tagId: 2, tag: { name: 'howto' } },
            ],
          },
          { title: 'Second', postTags: [] },
          { title: 'Bob post', postTags: [{ tagId: 1, tag: { name: 'news' } }] },
          { title: 'Eve post', postTags: [{ tagId: 1, tag: { name: 'news' } }] },
          { title: 'Another', postTags: [{ tagId: 2, tag: { name: 'howto' } }] },
        ],
        [
          {
            name: 'news',
            postTags: [
              { postId: 1, post: { title: 'Hello' } },
              { postId: 3, post: { title: 'Bob post' } },
              { postId: 4, post: { title: 'Eve post' } },
            ],
          },
          {
            name: 'howto',
            postTags: [
              { postId: 1, post: { title: 'Hello' } },
              { postId: 5, post: { title: 'Another' } },
            ],
          },
          { name: 'misc', postTags: [] },
        ],
      ]),
  },
  {
    name: 'relational findFirst row and undefined',
    run: async (db, t, { eq }) => [
      await db.query.users.findFirst({
        columns: { name: true },
        where: (u, { eq }) => eq(u.role, 'user'),
        orderBy: (u, { desc }) => desc(u.id),
        with: {
          posts: { columns: { id: true }, orderBy: (p, { asc }) => asc(p.id) },
          city: { columns: { name: true } },
        },
      }),
      await db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, 99), with: { posts: true } }),
      await db.query.posts.findFirst({
        where: eq(t.posts.id, 2),
        columns: { title: true },
        with: { comments: true, author: { columns: { name: true } } },
      }),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        { name: 'eve', posts: [{ id: 4 }], city: { name: 'Berlin' } },
        '<undefined>',
        { title: 'Second', comments: [], author: { name: 'ann' } },
      ]),
  },
];
