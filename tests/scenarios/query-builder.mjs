// Scenarios on drizzle's standalone QueryBuilder (`new QueryBuilder()` of sqlite-core / pg-core / mysql-core,
// issue 13): selects and CTEs built without a database, then used inside a real database's statements (an
// `inArray` subquery, a FROM subquery joined to a table, a CTE of `db.with()`, the source of
// `insert().select()`), and running one directly, which drizzle refuses. The scenario format is described in
// index.mjs. The exact SQL per dialect is checked in npm-package/test/unit/query-builder.test.ts.
import { attempt } from './util.mjs';

/** A fresh standalone query builder of the implementation under test. */
const qbOf = (t) => new t.core.QueryBuilder();

export const scenarios = [
  {
    name: 'query builder select as an inArray subquery',
    run: async (db, t, { gte, inArray }) => {
      const qb = qbOf(t);
      const older = qb.select({ id: t.users.id }).from(t.users).where(gte(t.users.age, 30));
      return db.select({ name: t.users.name }).from(t.users).where(inArray(t.users.id, older)).orderBy(t.users.id);
    },
    check: (r, a) => a.deepEqual(r, [{ name: 'ann' }, { name: 'cid' }]),
  },
  {
    name: 'query builder subquery in from, joined to a table',
    run: async (db, t, { eq, gt, sql }) => {
      const qb = qbOf(t);
      const busy = qb
        .select({ authorId: t.posts.authorId, total: sql`sum(${t.posts.views})`.mapWith(Number).as('total') })
        .from(t.posts)
        .groupBy(t.posts.authorId)
        .as('busy');
      return db
        .select({ name: t.users.name, total: busy.total })
        .from(busy)
        .innerJoin(t.users, eq(t.users.id, busy.authorId))
        .where(gt(busy.total, 1))
        .orderBy(t.users.id);
    },
    check: (r, a) =>
      a.deepEqual(r, [
        { name: 'ann', total: 15 },
        { name: 'bob', total: 27 },
      ]),
  },
  {
    name: 'query builder CTE in db.with, with a qb callback',
    run: async (db, t, { eq }) => {
      const qb = qbOf(t);
      const paris = qb
        .$with('paris')
        .as((q) => q.select({ id: t.users.id, name: t.users.name }).from(t.users).where(eq(t.users.cityId, 1)));
      return db.with(paris).select({ name: paris.name }).from(paris).orderBy(paris.id);
    },
    check: (r, a) => a.deepEqual(r, [{ name: 'ann' }, { name: 'cid' }]),
  },
  {
    name: 'query builder with(cte).select() built without a database, run as a subquery',
    run: async (db, t, { gte, inArray }) => {
      const qb = qbOf(t);
      const adults = qb.$with('adults').as(qb.select({ id: t.users.id }).from(t.users).where(gte(t.users.age, 40)));
      const ids = qb.with(adults).select({ id: adults.id }).from(adults);
      return db.select({ name: t.users.name }).from(t.users).where(inArray(t.users.id, ids));
    },
    check: (r, a) => a.deepEqual(r, [{ name: 'cid' }]),
  },
  {
    name: 'insert select from a query builder select',
    run: async (db, t, { gt }) => {
      const qb = qbOf(t);
      await db
        .insert(t.tags)
        .select(
          qb.select({ id: t.categories.id, name: t.categories.name }).from(t.categories).where(gt(t.categories.id, 3)),
        );
      return db.select().from(t.tags).orderBy(t.tags.id);
    },
    check: (r, a) =>
      a.deepEqual(r, [
        { id: 1, name: 'news' },
        { id: 2, name: 'howto' },
        { id: 3, name: 'misc' },
        { id: 4, name: 'rust' },
        { id: 5, name: 'js' },
      ]),
  },
  {
    name: 'query builder select cannot run on its own',
    run: async (_db, t) => {
      const q = qbOf(t).select().from(t.cities);
      return [await attempt(() => q), await attempt(() => q.execute())];
    },
    check: (r, a) => a.deepEqual(r, [{ threw: true }, { threw: true }]),
  },
];
