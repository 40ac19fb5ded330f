// Scenarios on reading rows: select shapes (full, partial, nested, sql fields), every where operator, and joins.
// The scenario format is described in index.mjs.
import { ANN, attempt, byDialect, cast, D, ids } from './util.mjs';

export const scenarios = [
  // ---------------------------------------------------------------- select basics
  {
    name: 'select all columns',
    run: (db, t) => db.select().from(t.users).orderBy(t.users.id),
    check: (r, a) => {
      a.equal(r.length, 5);
      a.deepEqual(r[0], ANN);
      a.equal(r[3].age, null);
      a.equal(r[2].active, false);
      a.equal(r[4].createdAt, D('2023-11-14T22:20:00Z'));
    },
  },
  {
    name: 'partial select',
    run: (db, t) => db.select({ id: t.users.id, name: t.users.name }).from(t.users).orderBy(t.users.id),
    check: (r, a) =>
      a.deepEqual(
        r.map((x) => Object.keys(x).sort()),
        Array(5).fill(['id', 'name']),
      ),
  },
  {
    name: 'nested partial select',
    run: (db, t) =>
      db
        .select({ id: t.users.id, info: { name: t.users.name, age: t.users.age } })
        .from(t.users)
        .orderBy(t.users.id)
        .limit(2),
    check: (r, a) =>
      a.deepEqual(r, [
        { id: 1, info: { name: 'ann', age: 31 } },
        { id: 2, info: { name: 'bob', age: 25 } },
      ]),
  },
  {
    name: 'select sql expression with mapWith',
    run: (db, t, { sql }, d) =>
      db
        .select({
          upper: sql`upper(${t.users.name})`,
          double: sql`${t.users.age} * 2`.mapWith(Number),
          asText: cast(d, sql, t.users.age),
        })
        .from(t.users)
        .where(sql`${t.users.id} = ${1}`),
    check: (r, a) => a.deepEqual(r, [{ upper: 'ANN', double: 62, asText: '31' }]),
  },
  {
    name: 'select aliased sql field ordered by it',
    run: (db, t, { sql, desc }) => {
      const len = sql`length(${t.users.name}) + ${t.users.id}`.mapWith(Number).as('len');
      return db.select({ name: t.users.name, len }).from(t.users).orderBy(desc(len)).limit(2);
    },
    check: (r, a) =>
      a.deepEqual(r, [
        { name: 'eve', len: 8 },
        { name: 'dan', len: 7 },
      ]),
  },
  {
    name: 'getTableColumns spread with extra field',
    run: (db, t, { getTableColumns, sql }) =>
      db
        .select({ ...getTableColumns(t.cities), lower: sql`lower(${t.cities.name})` })
        .from(t.cities)
        .orderBy(t.cities.id),
    check: (r, a) => a.deepEqual(r[2], { id: 3, name: 'Tokyo', country: 'JP', lower: 'tokyo' }),
  },
  {
    name: 'getTableName',
    run: async (_db, t, { getTableName }) => [getTableName(t.users), getTableName(t.defaultsT)],
    check: (r, a) => a.deepEqual(r, ['users', 'defaults_t']),
  },
  {
    name: 'select get first row and miss',
    only: ['sqlite'],
    run: async (db, t, { eq }) => [
      await db.select({ name: t.users.name }).from(t.users).where(eq(t.users.id, 2)).get(),
      await db.select().from(t.users).where(eq(t.users.id, 99)).get(),
    ],
    check: (r, a) => a.deepEqual(r, [{ name: 'bob' }, '<undefined>']),
  },
  {
    name: 'select values raw arrays',
    only: ['sqlite'],
    run: (db, t) =>
      db.select({ id: t.users.id, name: t.users.name }).from(t.users).orderBy(t.users.id).limit(2).values(),
    check: (r, a) =>
      a.deepEqual(r, [
        [1, 'ann'],
        [2, 'bob'],
      ]),
  },
  {
    name: 'select all() explicit',
    only: ['sqlite'],
    run: (db, t) => db.select({ id: t.cities.id }).from(t.cities).orderBy(t.cities.id).all(),
    check: (r, a) => a.deepEqual(r, [{ id: 1 }, { id: 2 }, { id: 3 }]),
  },
  // ---------------------------------------------------------------- where operators
  {
    name: 'where eq',
    run: (db, t, { eq }) => db.select({ id: t.users.id }).from(t.users).where(eq(t.users.name, 'cid')),
    check: (r, a) => a.deepEqual(r, [{ id: 3 }]),
  },
  {
    name: 'where ne',
    run: (db, t, { ne }) =>
      db.select({ id: t.users.id }).from(t.users).where(ne(t.users.role, 'user')).orderBy(t.users.id),
    check: (r, a) => a.deepEqual(ids(r), [1, 4]),
  },
  {
    name: 'where gt gte lt lte',
    only: ['pg', 'mysql'],
    run: async (db, t, { gt, gte, lt, lte }) => [
      ids(await db.select({ id: t.users.id }).from(t.users).where(gt(t.users.age, 25)).orderBy(t.users.id)),
      ids(await db.select({ id: t.users.id }).from(t.users).where(gte(t.users.age, 25)).orderBy(t.users.id)),
      ids(await db.select({ id: t.users.id }).from(t.users).where(lt(t.users.age, 31)).orderBy(t.users.id)),
      ids(await db.select({ id: t.users.id }).from(t.users).where(lte(t.users.age, 31)).orderBy(t.users.id)),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [1, 3],
        [1, 2, 3, 5],
        [2, 5],
        [1, 2, 5],
      ]),
  },
  {
    name: 'where gt and gte',
    only: ['sqlite'],
    run: async (db, t, { gt, gte }) => [
      ids(await db.select({ id: t.users.id }).from(t.users).where(gt(t.users.age, 25)).orderBy(t.users.id)),
      ids(await db.select({ id: t.users.id }).from(t.users).where(gte(t.users.age, 25)).orderBy(t.users.id)),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [1, 3],
        [1, 2, 3, 5],
      ]),
  },
  {
    name: 'where lt and lte',
    only: ['sqlite'],
    run: async (db, t, { lt, lte }) => [
      ids(await db.select({ id: t.users.id }).from(t.users).where(lt(t.users.age, 31)).orderBy(t.users.id)),
      ids(await db.select({ id: t.users.id }).from(t.users).where(lte(t.users.age, 31)).orderBy(t.users.id)),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [2, 5],
        [1, 2, 5],
      ]),
  },
  {
    name: 'where like and notLike',
    run: async (db, t, { like, notLike }) => [
      ids(await db.select({ id: t.users.id }).from(t.users).where(like(t.users.email, '%@x.io')).orderBy(t.users.id)),
      ids(await db.select({ id: t.users.id }).from(t.users).where(notLike(t.users.name, '%a%')).orderBy(t.users.id)),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [1, 2, 4, 5],
        [2, 3, 5],
      ]),
  },
  {
    name: 'where ilike and notIlike',
    skip: { mysql: 'MySQL has no ILIKE' },
    run: byDialect({
      sqlite: async (db, t, { ilike, notIlike }) => [
        await attempt(async () =>
          ids(await db.select({ id: t.users.id }).from(t.users).where(ilike(t.users.name, 'A%'))),
        ),
        await attempt(async () =>
          ids(
            await db.select({ id: t.users.id }).from(t.users).where(notIlike(t.users.name, '%N')).orderBy(t.users.id),
          ),
        ),
      ],
      pg: async (db, t, { ilike, notIlike }) => [
        ids(await db.select({ id: t.users.id }).from(t.users).where(ilike(t.users.name, 'A%'))),
        ids(await db.select({ id: t.users.id }).from(t.users).where(notIlike(t.users.name, '%N')).orderBy(t.users.id)),
      ],
    }),
    check: byDialect({
      sqlite: (r, a) =>
        a.deepEqual(
          r.map((x) => typeof x.threw),
          ['boolean', 'boolean'],
        ),
      pg: (r, a) => a.deepEqual(r, [[1], [2, 3, 5]]),
    }),
  },
  {
    name: 'where inArray and notInArray',
    run: async (db, t, { inArray, notInArray }) => [
      ids(
        await db
          .select({ id: t.users.id })
          .from(t.users)
          .where(inArray(t.users.id, [1, 3, 9]))
          .orderBy(t.users.id),
      ),
      ids(
        await db
          .select({ id: t.users.id })
          .from(t.users)
          .where(notInArray(t.users.role, ['user', 'guest']))
          .orderBy(t.users.id),
      ),
    ],
    check: (r, a) => a.deepEqual(r, [[1, 3], [1]]),
  },
  {
    name: 'where inArray with empty list',
    run: async (db, t, { inArray, notInArray }) => [
      await db.select({ id: t.users.id }).from(t.users).where(inArray(t.users.id, [])),
      (await db.select({ id: t.users.id }).from(t.users).where(notInArray(t.users.id, []))).length,
    ],
    check: (r, a) => a.deepEqual(r, [[], 5]),
  },
  {
    name: 'where inArray subquery',
    run: (db, t, { inArray }) =>
      db
        .select({ id: t.users.id })
        .from(t.users)
        .where(inArray(t.users.id, db.select({ id: t.posts.authorId }).from(t.posts)))
        .orderBy(t.users.id),
    check: (r, a) => a.deepEqual(ids(r), [1, 2, 5]),
  },
  {
    name: 'where isNull and isNotNull',
    run: async (db, t, { isNull, isNotNull }) => [
      ids(await db.select({ id: t.users.id }).from(t.users).where(isNull(t.users.email))),
      ids(await db.select({ id: t.users.id }).from(t.users).where(isNotNull(t.users.meta)).orderBy(t.users.id)),
    ],
    check: (r, a) => a.deepEqual(r, [[3], [1, 3, 5]]),
  },
  {
    name: 'where between and notBetween',
    run: async (db, t, { between, notBetween }) => [
      ids(
        await db
          .select({ id: t.users.id })
          .from(t.users)
          .where(between(t.users.age, 25, 31))
          .orderBy(t.users.id),
      ),
      ids(
        await db
          .select({ id: t.users.id })
          .from(t.users)
          .where(notBetween(t.users.age, 25, 31))
          .orderBy(t.users.id),
      ),
    ],
    check: (r, a) => a.deepEqual(r, [[1, 2, 5], [3]]),
  },
  {
    name: 'where and or not',
    run: (db, t, { and, or, not, eq, gt }) =>
      db
        .select({ id: t.users.id })
        .from(t.users)
        .where(or(and(eq(t.users.role, 'user'), gt(t.users.age, 30)), not(eq(t.users.active, true))))
        .orderBy(t.users.id),
    check: (r, a) => a.deepEqual(ids(r), [3, 5]),
  },
  {
    name: 'where and with undefined parts',
    run: async (db, t, { and, eq }) => [
      ids(
        await db
          .select({ id: t.users.id })
          .from(t.users)
          .where(and(undefined, eq(t.users.id, 2), undefined)),
      ),
      (await db.select({ id: t.users.id }).from(t.users).where(and(undefined, undefined))).length,
      (await db.select({ id: t.users.id }).from(t.users).where(undefined)).length,
    ],
    check: (r, a) => a.deepEqual(r, [[2], 5, 5]),
  },
  {
    name: 'where exists and notExists',
    run: async (db, t, { exists, notExists, eq, sql }) => {
      const has = db.select({ x: sql`1` }).from(t.posts).where(eq(t.posts.authorId, t.users.id));
      return [
        ids(await db.select({ id: t.users.id }).from(t.users).where(exists(has)).orderBy(t.users.id)),
        ids(await db.select({ id: t.users.id }).from(t.users).where(notExists(has)).orderBy(t.users.id)),
      ];
    },
    check: (r, a) =>
      a.deepEqual(r, [
        [1, 2, 5],
        [3, 4],
      ]),
  },
  {
    name: 'where on boolean column',
    run: async (db, t, { eq }) => [
      ids(await db.select({ id: t.users.id }).from(t.users).where(eq(t.users.active, false)).orderBy(t.users.id)),
      ids(await db.select({ id: t.users.id }).from(t.users).where(eq(t.users.active, true)).orderBy(t.users.id)),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [3, 5],
        [1, 2, 4],
      ]),
  },
  {
    name: 'where on timestamp column with Date',
    run: async (db, t, { gte, lt }) => [
      ids(
        await db
          .select({ id: t.users.id })
          .from(t.users)
          .where(gte(t.users.createdAt, new Date(1700000200000)))
          .orderBy(t.users.id),
      ),
      ids(
        await db
          .select({ id: t.posts.id })
          .from(t.posts)
          .where(lt(t.posts.publishedAt, new Date(1700000500000)))
          .orderBy(t.posts.id),
      ),
    ],
    check: (r, a) => a.deepEqual(r, [[3, 4, 5], [1]]),
  },
  {
    name: 'where raw sql fragment',
    run: (db, t, { sql }) =>
      db.select({ id: t.users.id }).from(t.users).where(sql`${t.users.age} > ${26} and ${t.users.name} <> ${'cid'}`),
    check: (r, a) => a.deepEqual(ids(r), [1]),
  },
  {
    name: 'where on json column with sql',
    only: ['pg', 'mysql'],
    run: (db, t, { sql }, d) =>
      db
        .select({ id: t.users.id })
        .from(t.users)
        .where(
          d === 'pg'
            ? sql`(${t.users.meta}->>'level')::int >= ${2}`
            : sql`json_extract(${t.users.meta}, '$.level') >= ${2}`,
        )
        .orderBy(t.users.id),
    check: (r, a) => a.deepEqual(ids(r), [1, 5]),
  },
  // ---------------------------------------------------------------- joins
  {
    name: 'inner join full rows',
    run: (db, t, { eq }) =>
      db.select().from(t.users).innerJoin(t.cities, eq(t.users.cityId, t.cities.id)).orderBy(t.users.id),
    check: (r, a) => {
      a.equal(r.length, 4);
      a.deepEqual(Object.keys(r[0]).sort(), ['cities', 'users']);
      a.deepEqual(r[0].cities, { id: 1, name: 'Paris', country: 'FR' });
      a.deepEqual(r[0].users, ANN);
    },
  },
  {
    name: 'left join nulls the missing table',
    run: (db, t, { eq }) =>
      db.select().from(t.users).leftJoin(t.cities, eq(t.users.cityId, t.cities.id)).orderBy(t.users.id),
    check: (r, a) => {
      a.equal(r.length, 5);
      a.equal(r[3].users.name, 'dan');
      a.equal(r[3].cities, null);
      a.equal(r[4].cities.name, 'Berlin');
    },
  },
  {
    name: 'left join partial select with nulls',
    run: (db, t, { eq }) =>
      db
        .select({ user: t.users.name, city: t.cities.name, country: t.cities.country })
        .from(t.users)
        .leftJoin(t.cities, eq(t.users.cityId, t.cities.id))
        .orderBy(t.users.id),
    check: (r, a) => a.deepEqual(r[3], { user: 'dan', city: null, country: null }),
  },
  {
    name: 'left join nested partial select',
    run: (db, t, { eq }) =>
      db
        .select({ name: t.users.name, city: { id: t.cities.id, name: t.cities.name } })
        .from(t.users)
        .leftJoin(t.cities, eq(t.users.cityId, t.cities.id))
        .orderBy(t.users.id),
    check: (r, a) => {
      a.deepEqual(r[0], { name: 'ann', city: { id: 1, name: 'Paris' } });
      a.deepEqual(r[3], { name: 'dan', city: null });
    },
  },
  {
    name: 'right join',
    run: (db, t, { eq, asc }) =>
      db
        .select({ user: t.users.name, city: t.cities.name })
        .from(t.users)
        .rightJoin(t.cities, eq(t.users.cityId, t.cities.id))
        .orderBy(asc(t.cities.id), asc(t.users.id)),
    check: (r, a) => {
      a.equal(r.length, 5);
      a.deepEqual(r[4], { user: null, city: 'Tokyo' });
    },
  },
  {
    name: 'full join',
    skip: { mysql: 'MySQL has no FULL JOIN' },
    run: (db, t, { eq }) =>
      db
        .select({ user: t.users.name, city: t.cities.name })
        .from(t.users)
        .fullJoin(t.cities, eq(t.users.cityId, t.cities.id))
        .orderBy(t.users.id, t.cities.id),
    check: (r, a) => {
      a.equal(r.length, 6);
      a.ok(r.some((x) => x.user === 'dan' && x.city === null));
      a.ok(r.some((x) => x.user === null && x.city === 'Tokyo'));
    },
  },
  {
    name: 'cross join',
    run: (db, t) =>
      db
        .select({ city: t.cities.name, key: t.counters.key })
        .from(t.cities)
        .crossJoin(t.counters)
        .orderBy(t.cities.id, t.counters.key),
    check: (r, a) => {
      a.equal(r.length, 6);
      a.deepEqual(r[1], { city: 'Paris', key: 'b' });
    },
  },
  {
    // An empty dynamic condition list: `and()` is undefined, and drizzle writes the join without ON.
    name: 'inner join with an undefined on pairs every row',
    run: (db, t, { and }) =>
      attempt(() =>
        db
          .select({ user: t.users.id, city: t.cities.id })
          .from(t.users)
          .innerJoin(t.cities, and())
          .orderBy(t.users.id, t.cities.id),
      ),
    check: (r, a) => {
      a.equal(r.value.length, 15);
      a.deepEqual(r.value.slice(0, 4), [
        { user: 1, city: 1 },
        { user: 1, city: 2 },
        { user: 1, city: 3 },
        { user: 2, city: 1 },
      ]);
    },
  },
  {
    // Left-join semantics without a condition: a row that nothing joins is kept, with nulls.
    name: 'left join with an undefined on keeps every row',
    run: (db, t, { and, eq }) => {
      const none = db.select({ id: t.cities.id }).from(t.cities).where(eq(t.cities.id, -1)).as('none');
      return attempt(() =>
        db
          .select({ user: t.users.id, city: none.id })
          .from(t.users)
          .leftJoin(none, () => and(undefined, undefined))
          .orderBy(t.users.id),
      );
    },
    check: (r, a) =>
      a.deepEqual(
        r.value,
        [1, 2, 3, 4, 5].map((user) => ({ user, city: null })),
      ),
  },
  {
    name: 'self join with alias',
    run: (db, t, { and, eq, lt }) => {
      const other = t.core.alias(t.users, 'other');
      return db
        .select({ a: t.users.name, b: other.name })
        .from(t.users)
        .innerJoin(other, and(eq(t.users.age, other.age), lt(t.users.id, other.id)));
    },
    check: (r, a) => a.deepEqual(r, [{ a: 'bob', b: 'eve' }]),
  },
  {
    name: 'self join with alias full rows',
    only: ['sqlite'],
    run: (db, t, { eq }) => {
      const other = t.core.alias(t.users, 'other');
      return db.select().from(t.users).leftJoin(other, eq(other.id, t.users.cityId)).where(eq(t.users.id, 4));
    },
    check: (r, a) => {
      a.equal(r.length, 1);
      a.equal(r[0].users.name, 'dan');
      a.equal(r[0].other, null);
    },
  },
  {
    name: 'self join selecting two same-named columns',
    run: (db, t, { eq }) => {
      const other = t.core.alias(t.users, 'u2');
      return db
        .select({ a: t.users.name, b: other.name })
        .from(t.users)
        .innerJoin(other, eq(other.id, t.users.cityId))
        .orderBy(t.users.id);
    },
    check: (r, a) =>
      a.deepEqual(r, [
        { a: 'ann', b: 'ann' },
        { a: 'bob', b: 'bob' },
        { a: 'cid', b: 'ann' },
        { a: 'eve', b: 'bob' },
      ]),
  },
  {
    name: 'three table join',
    run: (db, t, { eq }) =>
      db
        .select({ title: t.posts.title, author: t.users.name, city: t.cities.name })
        .from(t.posts)
        .innerJoin(t.users, eq(t.posts.authorId, t.users.id))
        .leftJoin(t.cities, eq(t.users.cityId, t.cities.id))
        .orderBy(t.posts.id),
    check: (r, a) => {
      a.equal(r.length, 5);
      a.deepEqual(r[3], { title: 'Eve post', author: 'eve', city: 'Berlin' });
    },
  },
  {
    name: 'join a subquery',
    run: (db, t, { eq, sql }) => {
      const sq = db
        .select({ authorId: t.posts.authorId, total: sql`sum(${t.posts.views})`.mapWith(Number).as('total') })
        .from(t.posts)
        .groupBy(t.posts.authorId)
        .as('sq');
      return db
        .select({ name: t.users.name, total: sq.total })
        .from(t.users)
        .innerJoin(sq, eq(t.users.id, sq.authorId))
        .orderBy(t.users.id);
    },
    check: (r, a) =>
      a.deepEqual(r, [
        { name: 'ann', total: 15 },
        { name: 'bob', total: 27 },
        { name: 'eve', total: 0 },
      ]),
  },
  {
    name: 'left join lateral',
    only: ['pg'],
    run: (db, t, { eq, desc, sql }) => {
      const top = db
        .select({ title: t.posts.title, views: t.posts.views })
        .from(t.posts)
        .where(eq(t.posts.authorId, t.users.id))
        .orderBy(desc(t.posts.views))
        .limit(1)
        .as('top');
      return db
        .select({ name: t.users.name, title: top.title, views: top.views })
        .from(t.users)
        .leftJoinLateral(top, sql`true`)
        .orderBy(t.users.id);
    },
    check: (r, a) =>
      a.deepEqual(r, [
        { name: 'ann', title: 'Hello', views: 10 },
        { name: 'bob', title: 'Bob post', views: 20 },
        { name: 'cid', title: null, views: null },
        { name: 'dan', title: null, views: null },
        { name: 'eve', title: 'Eve post', views: 0 },
      ]),
  },
];
