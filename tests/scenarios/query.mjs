// Scenarios on shaping a query: aggregates and grouping, ordering, limits, distinct and locking, subqueries and
// CTEs, and set operations.
// The scenario format is described in index.mjs.
import { attempt, byDialect, D, ids } from './util.mjs';

export const scenarios = [
  // ---------------------------------------------------------------- aggregates
  {
    name: 'count star',
    run: (db, t, { count }) => db.select({ n: count() }).from(t.users),
    check: (r, a) => a.deepEqual(r, [{ n: 5 }]),
  },
  {
    name: 'count column and countDistinct',
    run: (db, t, { count, countDistinct }) =>
      db.select({ emails: count(t.users.email), ages: countDistinct(t.users.age) }).from(t.users),
    check: (r, a) => a.deepEqual(r, [{ emails: 4, ages: 3 }]),
  },
  {
    name: 'sum avg min max',
    run: (db, t, { sum, avg, min, max }) =>
      db
        .select({ sum: sum(t.posts.views), avg: avg(t.posts.views), min: min(t.posts.views), max: max(t.posts.views) })
        .from(t.posts),
    check: (r, a) => {
      a.equal(r.length, 1);
      a.equal(typeof r[0].sum, 'string');
      a.equal(Number(r[0].sum), 42);
      a.equal(Number(r[0].avg), 8.4);
      a.equal(r[0].min, 0);
      a.equal(r[0].max, 20);
    },
  },
  {
    name: 'sumDistinct avgDistinct',
    only: ['sqlite'],
    run: (db, t, { sumDistinct, avgDistinct }) =>
      db.select({ s: sumDistinct(t.users.age), a: avgDistinct(t.users.age) }).from(t.users),
    check: (r, a) => {
      a.equal(Number(r[0].s), 98);
      a.ok(Math.abs(Number(r[0].a) - 98 / 3) < 1e-9);
    },
  },
  {
    name: 'aggregates over no rows',
    run: (db, t, { sum, max, count, eq }) =>
      db
        .select({ s: sum(t.posts.views), m: max(t.posts.views), n: count() })
        .from(t.posts)
        .where(eq(t.posts.id, 99)),
    check: (r, a) => a.deepEqual(r, [{ s: null, m: null, n: 0 }]),
  },
  {
    name: 'min max of timestamp column',
    run: (db, t, { min, max }) =>
      db.select({ first: min(t.users.createdAt), last: max(t.users.createdAt) }).from(t.users),
    check: (r, a) => a.deepEqual(r, [{ first: D(1700000000000), last: D(1700000400000) }]),
  },
  {
    name: 'group by with count',
    run: (db, t, { count }) =>
      db.select({ role: t.users.role, n: count() }).from(t.users).groupBy(t.users.role).orderBy(t.users.role),
    // (MySQL orders an ENUM by its declaration order: admin, user, guest)
    check: (r, a, d) =>
      a.deepEqual(
        r,
        d !== 'mysql'
          ? [
              { role: 'admin', n: 1 },
              { role: 'guest', n: 1 },
              { role: 'user', n: 3 },
            ]
          : [
              { role: 'admin', n: 1 },
              { role: 'user', n: 3 },
              { role: 'guest', n: 1 },
            ],
      ),
  },
  {
    name: 'group by having',
    run: (db, t, { count, gt, sql }) =>
      db
        .select({ authorId: t.posts.authorId, n: count(), views: sql`sum(${t.posts.views})`.mapWith(Number) })
        .from(t.posts)
        .groupBy(t.posts.authorId)
        .having(gt(count(), 1))
        .orderBy(t.posts.authorId),
    check: (r, a) =>
      a.deepEqual(r, [
        { authorId: 1, n: 2, views: 15 },
        { authorId: 2, n: 2, views: 27 },
      ]),
  },
  {
    name: 'group by two columns',
    run: (db, t, { count }) =>
      db
        .select({ age: t.users.age, active: t.users.active, n: count() })
        .from(t.users)
        .groupBy(t.users.age, t.users.active)
        .orderBy(t.users.age, t.users.active),
    check: (r, a, d) => {
      a.equal(r.length, 5);
      a.deepEqual(
        r.filter((x) => x.age === 25),
        [
          { age: 25, active: false, n: 1 },
          { age: 25, active: true, n: 1 },
        ],
      );
      // (dan's NULL age sorts first on SQLite and MySQL, last on PostgreSQL)
      a.deepEqual(r[d === 'pg' ? 0 : 1], { age: 25, active: false, n: 1 });
    },
  },
  {
    name: '$count',
    run: async (db, t, { eq }) => [
      await db.$count(t.users),
      await db.$count(t.users, eq(t.users.active, true)),
      await db.$count(t.posts, eq(t.posts.id, 99)),
    ],
    check: (r, a) => a.deepEqual(r, [5, 3, 0]),
  },
  {
    name: '$count embedded in a select',
    only: ['sqlite'],
    run: (db, t, { eq }) =>
      attempt(() =>
        db
          .select({ name: t.users.name, posts: db.$count(t.posts, eq(t.posts.authorId, t.users.id)) })
          .from(t.users)
          .orderBy(t.users.id),
      ),
    check: (r, a) => a.equal(typeof r.threw, 'boolean'),
  },
  // ---------------------------------------------------------------- order / limit / distinct / locking
  {
    name: 'order by desc asc with nulls',
    run: (db, t, { asc, desc }) =>
      db.select({ name: t.users.name, age: t.users.age }).from(t.users).orderBy(desc(t.users.age), asc(t.users.name)),
    // PostgreSQL sorts NULL as the largest value, MySQL as the smallest.
    check: (r, a, d) =>
      a.deepEqual(
        r.map((x) => x.name),
        d === 'pg' ? ['dan', 'cid', 'ann', 'bob', 'eve'] : ['cid', 'ann', 'bob', 'eve', 'dan'],
      ),
  },
  {
    name: 'order by sql expression',
    run: (db, t, { sql }) =>
      db
        .select({ name: t.users.name })
        .from(t.users)
        .orderBy(sql`coalesce(length(${t.users.email}), 0) desc`, t.users.id),
    check: (r, a) =>
      a.deepEqual(
        r.map((x) => x.name),
        ['ann', 'bob', 'dan', 'eve', 'cid'],
      ),
  },
  {
    name: 'limit and offset',
    run: (db, t) => db.select({ id: t.users.id }).from(t.users).orderBy(t.users.id).limit(2).offset(1),
    check: (r, a) => a.deepEqual(ids(r), [2, 3]),
  },
  {
    name: 'offset without limit',
    run: (db, t) =>
      attempt(async () => ids(await db.select({ id: t.users.id }).from(t.users).orderBy(t.users.id).offset(3))),
    check: byDialect({
      sqlite: (r, a) => a.equal(typeof r.threw, 'boolean'),
      other: (r, a) => a.deepEqual(r, { threw: false, value: [4, 5] }),
    }),
  },
  {
    // A page size or page parsed from nothing (`Number(undefined)`): drizzle leaves out a limit that is
    // negative or NaN and an offset that is 0 or NaN.
    name: 'limit and offset of NaN or negative are left out',
    run: async (db, t) => {
      const q = () => db.select({ id: t.users.id }).from(t.users).orderBy(t.users.id);
      return [
        ids(await q().limit(Number.NaN)),
        ids(await q().limit(-1)),
        ids(await q().limit(2).offset(Number.NaN)),
        ids(await q().limit(2).offset(0)),
        ids(await q().limit(0)),
      ];
    },
    check: (r, a) => a.deepEqual(r, [[1, 2, 3, 4, 5], [1, 2, 3, 4, 5], [1, 2], [1, 2], []]),
  },
  {
    name: 'selectDistinct',
    run: (db, t) => db.selectDistinct({ age: t.users.age }).from(t.users).orderBy(t.users.age),
    // (NULL sorts last on PostgreSQL, first on MySQL)
    check: (r, a, d) =>
      a.deepEqual(
        r,
        d === 'pg'
          ? [{ age: 25 }, { age: 31 }, { age: 42 }, { age: null }]
          : [{ age: null }, { age: 25 }, { age: 31 }, { age: 42 }],
      ),
  },
  {
    name: 'selectDistinctOn',
    only: ['pg'],
    run: (db, t, { desc }) =>
      db
        .selectDistinctOn([t.posts.authorId], { authorId: t.posts.authorId, title: t.posts.title })
        .from(t.posts)
        .orderBy(t.posts.authorId, desc(t.posts.views)),
    check: (r, a) =>
      a.deepEqual(r, [
        { authorId: 1, title: 'Hello' },
        { authorId: 2, title: 'Bob post' },
        { authorId: 5, title: 'Eve post' },
      ]),
  },
  {
    name: 'select for update',
    only: ['pg', 'mysql'],
    run: async (db, t, { eq }) => [
      await db.select({ id: t.users.id, name: t.users.name }).from(t.users).where(eq(t.users.id, 2)).for('update'),
      await db.select({ id: t.cities.id }).from(t.cities).where(eq(t.cities.id, 3)).for('share'),
    ],
    check: (r, a) => a.deepEqual(r, [[{ id: 2, name: 'bob' }], [{ id: 3 }]]),
  },
  // ---------------------------------------------------------------- subqueries and CTEs
  {
    name: 'select from subquery',
    run: (db, t, { gt }) => {
      const sq = db.select({ id: t.users.id, name: t.users.name }).from(t.users).where(gt(t.users.age, 26)).as('older');
      return db.select().from(sq).orderBy(sq.id);
    },
    check: (r, a) =>
      a.deepEqual(r, [
        { id: 1, name: 'ann' },
        { id: 3, name: 'cid' },
      ]),
  },
  {
    name: 'scalar subquery in select',
    run: (db, t, { sql, count, eq }) => {
      const n = db.select({ n: count() }).from(t.posts).where(eq(t.posts.authorId, t.users.id));
      return db
        .select({ name: t.users.name, posts: sql`(${n})`.mapWith(Number) })
        .from(t.users)
        .orderBy(t.users.id);
    },
    check: (r, a) =>
      a.deepEqual(
        r.map((x) => x.posts),
        [2, 2, 0, 0, 1],
      ),
  },
  {
    name: '$with CTE',
    run: (db, t, { gt }) => {
      const older = db
        .$with('older')
        .as(db.select({ id: t.users.id, name: t.users.name }).from(t.users).where(gt(t.users.age, 26)));
      return db.with(older).select().from(older).orderBy(older.id);
    },
    check: (r, a) =>
      a.deepEqual(r, [
        { id: 1, name: 'ann' },
        { id: 3, name: 'cid' },
      ]),
  },
  {
    name: '$with CTE with aggregated field',
    run: (db, t, { gt, sql }) => {
      const totals = db.$with('totals').as(
        db
          .select({ authorId: t.posts.authorId, total: sql`sum(${t.posts.views})`.mapWith(Number).as('total') })
          .from(t.posts)
          .groupBy(t.posts.authorId),
      );
      return db.with(totals).select().from(totals).where(gt(totals.total, 10)).orderBy(totals.authorId);
    },
    check: (r, a) =>
      a.deepEqual(r, [
        { authorId: 1, total: 15 },
        { authorId: 2, total: 27 },
      ]),
  },
  {
    name: 'two CTEs joined',
    run: (db, t, { eq }) => {
      const authors = db.$with('authors').as(db.select({ id: t.users.id, name: t.users.name }).from(t.users));
      const popular = db
        .$with('popular')
        .as(db.select({ authorId: t.posts.authorId, title: t.posts.title }).from(t.posts).where(eq(t.posts.views, 20)));
      return db
        .with(authors, popular)
        .select({ name: authors.name, title: popular.title })
        .from(popular)
        .innerJoin(authors, eq(authors.id, popular.authorId));
    },
    check: (r, a) => a.deepEqual(r, [{ name: 'bob', title: 'Bob post' }]),
  },
  {
    name: 'CTE used in where inArray',
    only: ['sqlite'],
    run: (db, t, { inArray, eq }) => {
      const inactive = db
        .$with('inactive')
        .as(db.select({ id: t.users.id }).from(t.users).where(eq(t.users.active, false)));
      return db
        .with(inactive)
        .select({ id: t.posts.id })
        .from(t.posts)
        .where(inArray(t.posts.authorId, db.select({ id: inactive.id }).from(inactive)));
    },
    check: (r, a) => a.deepEqual(ids(r), [4]),
  },
  // ---------------------------------------------------------------- set operations
  {
    name: 'union',
    run: (db, t, { lt }) =>
      db
        .select({ name: t.users.name })
        .from(t.users)
        .where(lt(t.users.id, 3))
        .union(db.select({ name: t.users.name }).from(t.users).where(lt(t.users.id, 4)))
        .orderBy(t.users.name),
    check: (r, a) => a.deepEqual(r, [{ name: 'ann' }, { name: 'bob' }, { name: 'cid' }]),
  },
  {
    name: 'unionAll',
    run: (db, t, { eq }) =>
      db
        .select({ id: t.users.id })
        .from(t.users)
        .where(eq(t.users.role, 'admin'))
        .unionAll(db.select({ id: t.users.id }).from(t.users).where(eq(t.users.id, 1))),
    check: (r, a) => a.deepEqual(r, [{ id: 1 }, { id: 1 }]),
  },
  {
    name: 'intersect and except',
    only: ['pg', 'mysql'],
    run: async (db, t, { eq }) => [
      await db
        .select({ id: t.users.id })
        .from(t.users)
        .where(eq(t.users.age, 25))
        .intersect(db.select({ id: t.users.id }).from(t.users).where(eq(t.users.active, false))),
      ids(
        await db
          .select({ id: t.users.id })
          .from(t.users)
          .except(db.select({ id: t.posts.authorId }).from(t.posts))
          .orderBy(t.users.id),
      ),
    ],
    check: (r, a) => a.deepEqual(r, [[{ id: 5 }], [3, 4]]),
  },
  {
    name: 'intersectAll and exceptAll',
    only: ['pg', 'mysql'],
    run: async (db, t, { asc }) => [
      (
        await db
          .select({ a: t.posts.authorId })
          .from(t.posts)
          .intersectAll(db.select({ a: t.comments.authorId }).from(t.comments))
          .orderBy(asc(t.posts.authorId))
      ).map((x) => x.a),
      (
        await db
          .select({ a: t.posts.authorId })
          .from(t.posts)
          .exceptAll(db.select({ a: t.users.id }).from(t.users))
          .orderBy(asc(t.posts.authorId))
      ).map((x) => x.a),
      (
        await t.core
          .exceptAll(db.select({ a: t.comments.postId }).from(t.comments), db.select({ a: t.posts.id }).from(t.posts))
          .orderBy(asc(t.comments.postId))
      ).map((x) => x.a),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [1, 2, 5],
        [1, 2],
        [1, 1, 3],
      ]),
  },
  {
    name: 'intersect',
    only: ['sqlite'],
    run: (db, t, { eq }) =>
      db
        .select({ id: t.users.id })
        .from(t.users)
        .where(eq(t.users.age, 25))
        .intersect(db.select({ id: t.users.id }).from(t.users).where(eq(t.users.active, false))),
    check: (r, a) => a.deepEqual(r, [{ id: 5 }]),
  },
  {
    name: 'except',
    only: ['sqlite'],
    run: (db, t) =>
      db
        .select({ id: t.users.id })
        .from(t.users)
        .except(db.select({ id: t.posts.authorId }).from(t.posts))
        .orderBy(t.users.id),
    check: (r, a) => a.deepEqual(ids(r), [3, 4]),
  },
  {
    name: 'standalone union of three with limit',
    run: byDialect({
      sqlite: (db, t, { eq }) =>
        t.core
          .union(
            db.select({ name: t.users.name }).from(t.users).where(eq(t.users.id, 1)),
            db.select({ name: t.cities.name }).from(t.cities).where(eq(t.cities.id, 1)),
            db.select({ name: t.posts.title }).from(t.posts).where(eq(t.posts.id, 1)),
          )
          .orderBy(t.users.name)
          .limit(2),
      other: (db, t, { eq, desc }) =>
        t.core
          .union(
            db.select({ id: t.users.id }).from(t.users).where(eq(t.users.id, 4)),
            db.select({ id: t.cities.id }).from(t.cities),
            db.select({ id: t.posts.id }).from(t.posts).where(eq(t.posts.id, 5)),
          )
          .orderBy(desc(t.users.id))
          .limit(3),
    }),
    check: byDialect({
      sqlite: (r, a) => a.deepEqual(r, [{ name: 'Hello' }, { name: 'Paris' }]),
      other: (r, a) => a.deepEqual(ids(r), [5, 4, 3]),
    }),
  },
  {
    name: 'standalone intersect and except',
    only: ['sqlite'],
    run: async (db, t, { gt, lt }) => [
      ids(
        await t.core
          .intersect(
            db.select({ id: t.users.id }).from(t.users).where(gt(t.users.id, 1)),
            db.select({ id: t.users.id }).from(t.users).where(lt(t.users.id, 4)),
          )
          .orderBy(t.users.id),
      ),
      ids(
        await t.core
          .except(
            db.select({ id: t.users.id }).from(t.users),
            db.select({ id: t.users.id }).from(t.users).where(gt(t.users.id, 2)),
          )
          .orderBy(t.users.id),
      ),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [2, 3],
        [1, 2],
      ]),
  },
];
