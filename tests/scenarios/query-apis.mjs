// Scenarios on the query APIs of issue 13: INSERT ... SELECT (a select builder or a `(qb) => select` callback)
// with the upserts that may follow it per dialect, statements after `db.with(cte)` (insert, update, delete),
// drizzle's `$dynamic()` helpers over select, insert, update and delete, insert / update / delete builders
// embedded in a `sql` template (`getSQL()`), and `db._` (the schema as libraries read it). The inserts copy
// `categories` (ids 1-5) into `tags` (ids 1-3 seeded), so conflicts are on ids 1-3.
// The scenario format is described in index.mjs.
import { attempt } from './util.mjs';

/** The tags after a scenario, in id order. */
const tagsOf = (db, t) => db.select().from(t.tags).orderBy(t.tags.id);

/** `categories` as `tags` rows: the select an insert into tags takes. */
const categoriesAsTags = (qb, t) => qb.select({ id: t.categories.id, name: t.categories.name }).from(t.categories);

const SEEDED_TAGS = [
  { id: 1, name: 'news' },
  { id: 2, name: 'howto' },
  { id: 3, name: 'misc' },
];

export const scenarios = [
  // ------------------------------------------------------------ INSERT ... SELECT
  {
    name: 'insert select from another table',
    run: async (db, t, { gt }) => {
      const r = await db.insert(t.tags).select(categoriesAsTags(db, t).where(gt(t.categories.id, 3)));
      return [r.rowsAffected ?? r.meta?.changes ?? r.changes ?? r.rowCount ?? '<n>', await tagsOf(db, t)];
    },
    check: (r, a) => a.deepEqual(r[1], [...SEEDED_TAGS, { id: 4, name: 'rust' }, { id: 5, name: 'js' }]),
  },
  {
    name: 'insert select with a qb callback',
    run: async (db, t, { gt, and, lt }) => {
      await db
        .insert(t.tags)
        .select((qb) => categoriesAsTags(qb, t).where(and(gt(t.categories.id, 3), lt(t.categories.id, 5))));
      return tagsOf(db, t);
    },
    check: (r, a) => a.deepEqual(r, [...SEEDED_TAGS, { id: 4, name: 'rust' }]),
  },
  {
    name: 'insert select of every column with select()',
    run: async (db, t, { eq }) => {
      // `select()` of a table with the same keys in the same order as the target.
      await db.delete(t.tags);
      await db.insert(t.tags).select(db.select({ id: t.tags.id, name: t.tags.name }).from(t.tags));
      await db.insert(t.cities).select(db.select().from(t.cities).where(eq(t.cities.id, -1)));
      return [await tagsOf(db, t), await db.select().from(t.cities).orderBy(t.cities.id)];
    },
    check: (r, a) => {
      a.deepEqual(r[0], []);
      a.equal(r[1].length, 3);
    },
  },
  {
    name: 'insert select with fields not matching the table throws',
    run: async (db, t) => [
      await attempt(() =>
        db.insert(t.tags).select(db.select({ name: t.categories.name, id: t.categories.id }).from(t.categories)),
      ),
      await attempt(() => db.insert(t.tags).select(db.select({ id: t.categories.id }).from(t.categories))),
      await tagsOf(db, t),
    ],
    check: (r, a) => a.deepEqual(r, [{ threw: true }, { threw: true }, SEEDED_TAGS]),
  },
  {
    name: 'insert select on conflict do nothing',
    skip: { mysql: 'MySQL has no ON CONFLICT (onDuplicateKeyUpdate / ignore instead)' },
    run: async (db, t, { gt }) => {
      await db
        .insert(t.tags)
        .select(categoriesAsTags(db, t).where(gt(t.categories.id, 0)))
        .onConflictDoNothing();
      return tagsOf(db, t);
    },
    check: (r, a) => a.deepEqual(r, [...SEEDED_TAGS, { id: 4, name: 'rust' }, { id: 5, name: 'js' }]),
  },
  {
    name: 'insert select without where on conflict do nothing',
    skip: { mysql: 'MySQL has no ON CONFLICT (onDuplicateKeyUpdate / ignore instead)' },
    run: async (db, t) => {
      await db.insert(t.tags).select(categoriesAsTags(db, t)).onConflictDoNothing({ target: t.tags.id });
      return tagsOf(db, t);
    },
    check: (r, a) => a.deepEqual(r, [...SEEDED_TAGS, { id: 4, name: 'rust' }, { id: 5, name: 'js' }]),
  },
  {
    name: 'insert select on conflict do update returning',
    skip: { mysql: 'MySQL has no ON CONFLICT or RETURNING' },
    run: async (db, t, { gt, sql }) => {
      const returned = await db
        .insert(t.tags)
        .select((qb) => categoriesAsTags(qb, t).where(gt(t.categories.id, 1)))
        .onConflictDoUpdate({ target: t.tags.id, set: { name: sql`excluded.name` } })
        .returning({ id: t.tags.id, name: t.tags.name });
      return [returned.sort((x, y) => x.id - y.id), await tagsOf(db, t)];
    },
    check: (r, a) => {
      const after = [
        { id: 1, name: 'news' },
        { id: 2, name: 'tech' },
        { id: 3, name: 'life' },
        { id: 4, name: 'rust' },
        { id: 5, name: 'js' },
      ];
      a.deepEqual(r[0], after.slice(1));
      a.deepEqual(r[1], after);
    },
  },
  {
    name: 'insert select on duplicate key update',
    only: ['mysql'],
    run: async (db, t, { sql }) => {
      await db
        .insert(t.tags)
        .select(categoriesAsTags(db, t))
        .onDuplicateKeyUpdate({ set: { name: sql`concat(${t.tags.name}, '!')` } });
      return tagsOf(db, t);
    },
    check: (r, a) =>
      a.deepEqual(r, [
        { id: 1, name: 'news!' },
        { id: 2, name: 'howto!' },
        { id: 3, name: 'misc!' },
        { id: 4, name: 'rust' },
        { id: 5, name: 'js' },
      ]),
  },
  {
    name: 'insert ignore select',
    only: ['mysql'],
    run: async (db, t) => {
      await db.insert(t.tags).ignore().select(categoriesAsTags(db, t));
      return tagsOf(db, t);
    },
    check: (r, a) => a.deepEqual(r, [...SEEDED_TAGS, { id: 4, name: 'rust' }, { id: 5, name: 'js' }]),
  },

  // ------------------------------------------------------------ statements after db.with(cte)
  {
    name: 'with CTE insert select',
    skip: { mysql: "drizzle's mysql-core has no db.with(...).insert" },
    run: async (db, t, { gt }) => {
      const leaves = db.$with('leaves').as(categoriesAsTags(db, t).where(gt(t.categories.id, 3)));
      await db.with(leaves).insert(t.tags).select(db.select().from(leaves));
      return tagsOf(db, t);
    },
    check: (r, a) => a.deepEqual(r, [...SEEDED_TAGS, { id: 4, name: 'rust' }, { id: 5, name: 'js' }]),
  },
  {
    name: 'with CTE update',
    skip: { mysql: 'MariaDB (behind the PlanetScale stand-in) has no WITH before UPDATE' },
    run: async (db, t, { gt, inArray }) => {
      const older = db.$with('older').as(db.select({ id: t.users.id }).from(t.users).where(gt(t.users.age, 30)));
      await db
        .with(older)
        .update(t.users)
        .set({ role: 'guest' })
        .where(inArray(t.users.id, db.select({ id: older.id }).from(older)));
      return db.select({ id: t.users.id, role: t.users.role }).from(t.users).orderBy(t.users.id);
    },
    check: (r, a) =>
      a.deepEqual(r, [
        { id: 1, role: 'guest' },
        { id: 2, role: 'user' },
        { id: 3, role: 'guest' },
        { id: 4, role: 'guest' },
        { id: 5, role: 'user' },
      ]),
  },
  {
    name: 'with CTE delete returning',
    skip: { mysql: 'MariaDB (behind the PlanetScale stand-in) has no WITH before DELETE; MySQL has no RETURNING' },
    run: async (db, t, { eq, inArray }) => {
      const quiet = db.$with('quiet').as(db.select({ id: t.users.id }).from(t.users).where(eq(t.users.active, false)));
      const gone = await db
        .with(quiet)
        .delete(t.posts)
        .where(inArray(t.posts.authorId, db.select({ id: quiet.id }).from(quiet)))
        .returning({ id: t.posts.id });
      return [gone, (await db.select({ id: t.posts.id }).from(t.posts).orderBy(t.posts.id)).map((p) => p.id)];
    },
    check: (r, a) => a.deepEqual(r, [[{ id: 4 }], [1, 2, 3, 5]]),
  },

  {
    name: 'insert select from raw sql',
    run: async (db, t, { sql }, d) => {
      // Raw SQL rows fill every insertable column, in table order (drizzle names them all).
      await db.insert(t.tags).select(sql`select id, name from ${t.categories} where id > 4`);
      if (d !== 'mysql') {
        await db
          .insert(t.tags)
          .select(() => sql`select id, name from ${t.categories} where id > 3`)
          .onConflictDoNothing();
      }
      return tagsOf(db, t);
    },
    check: (r, a, d) =>
      a.deepEqual(
        r,
        d === 'mysql'
          ? [...SEEDED_TAGS, { id: 5, name: 'js' }]
          : [...SEEDED_TAGS, { id: 4, name: 'rust' }, { id: 5, name: 'js' }],
      ),
  },
  {
    name: 'data-modifying CTEs from $with(...).as(insert / delete returning)',
    skip: { mysql: "MySQL has no RETURNING (drizzle-orm's mysql-core builders have no returning())" },
    run: async (db, t, { eq }, d) => {
      // PostgreSQL runs them; SQLite has no statement inside WITH (both libraries fail there).
      const gone = db.$with('gone').as(db.delete(t.posts).where(eq(t.posts.authorId, 2)).returning({ id: t.posts.id }));
      const added = db.$with('added').as(db.insert(t.tags).values({ id: 8, name: 'eight' }).returning());
      const moved = await attempt(() => db.with(gone).select({ id: gone.id }).from(gone));
      const made = await attempt(() => db.with(added).select().from(added));
      if (d !== 'pg') return [moved, made];
      return [moved.value.map((p) => p.id).sort(), made.value, await tagsOf(db, t)];
    },
    check: (r, a, d) =>
      a.deepEqual(
        r,
        d === 'pg'
          ? [[3, 5], [{ id: 8, name: 'eight' }], [...SEEDED_TAGS, { id: 8, name: 'eight' }]]
          : [{ threw: true }, { threw: true }],
      ),
  },
  {
    name: '$with with declared fields over raw sql',
    run: async (db, t, { sql }) => {
      const sq = db
        .$with('sq', { id: t.tags.id, label: t.tags.name })
        .as(sql`select * from ${t.tags} where ${t.tags.id} > 1`);
      return db.with(sq).select().from(sq).orderBy(sq.id);
    },
    check: (r, a) =>
      a.deepEqual(r, [
        { id: 2, label: 'howto' },
        { id: 3, label: 'misc' },
      ]),
  },

  // ------------------------------------------------------------ $dynamic()
  {
    name: '$dynamic select helpers',
    run: async (db, t, { gt }) => {
      // drizzle's dynamic-query pattern: helpers that take any select and add clauses.
      const withPagination = (qb, page) => qb.limit(2).offset(page * 2);
      const adults = (qb) => qb.where(gt(t.users.age, 20));
      const q = db.select({ id: t.users.id, name: t.users.name }).from(t.users).$dynamic();
      return [
        await withPagination(adults(q).orderBy(t.users.id), 1),
        await withPagination(db.select({ id: t.users.id }).from(t.users).orderBy(t.users.id).$dynamic(), 2),
      ];
    },
    check: (r, a) =>
      a.deepEqual(r, [
        [
          { id: 3, name: 'cid' },
          { id: 5, name: 'eve' },
        ],
        [{ id: 5 }],
      ]),
  },
  {
    name: '$dynamic insert update delete helpers',
    run: async (db, t, { eq, lt }, d) => {
      const onlyId = (q, id) => q.where(eq(t.tags.id, id));
      const insert = db.insert(t.tags).values({ id: 9, name: 'new' }).$dynamic();
      await insert;
      await onlyId(db.update(t.tags).set({ name: 'renamed' }).$dynamic(), 2);
      await onlyId(db.delete(t.tags).$dynamic(), 3);
      if (d !== 'mysql') {
        // Where the dialect has ON CONFLICT: a helper adding it to any insert.
        const ignoreConflicts = (q) => q.onConflictDoNothing();
        await ignoreConflicts(db.insert(t.tags).values({ id: 1, name: 'dup' }).$dynamic());
      }
      return db.select().from(t.tags).where(lt(t.tags.id, 100)).orderBy(t.tags.id);
    },
    check: (r, a) =>
      a.deepEqual(r, [
        { id: 1, name: 'news' },
        { id: 2, name: 'renamed' },
        { id: 9, name: 'new' },
      ]),
  },

  // ------------------------------------------------------------ builders inside sql templates
  {
    name: 'delete builder as a data-modifying CTE in a sql template',
    only: ['pg'],
    run: async (db, t, { eq, sql }) => {
      // drizzle puts an embedded builder in parentheses: exactly what a CTE body needs.
      const gone = db.delete(t.posts).where(eq(t.posts.authorId, 2)).returning({ id: t.posts.id });
      await db.execute(sql`with gone as ${gone} insert into tags (id, name) select id + 100, ${'gone'} from gone`);
      return [await tagsOf(db, t), (await db.select({ id: t.posts.id }).from(t.posts)).map((p) => p.id).sort()];
    },
    check: (r, a) =>
      a.deepEqual(r, [
        [...SEEDED_TAGS, { id: 103, name: 'gone' }, { id: 105, name: 'gone' }],
        [1, 2, 4],
      ]),
  },
  {
    name: 'insert update delete builders in a sql template are parenthesised',
    run: async (db, t, { eq, sql }, d) => {
      // A raw statement is `db.run` on SQLite, `db.execute` on PostgreSQL and MySQL. drizzle wraps the
      // embedded builder in parentheses, which no database takes as a statement: both sides fail alike.
      const raw = (q) => (d === 'sqlite' ? db.run(q) : db.execute(q));
      return [
        await attempt(() => raw(sql`${db.insert(t.tags).values({ id: 7, name: 'seven' })}`)),
        await attempt(() => raw(sql`${db.update(t.tags).set({ name: 'one' }).where(eq(t.tags.id, 1))}`)),
        await attempt(() => raw(sql`${db.delete(t.tags).where(eq(t.tags.id, 2))}`)),
        await tagsOf(db, t),
      ];
    },
    check: (r, a) => a.deepEqual(r, [{ threw: true }, { threw: true }, { threw: true }, SEEDED_TAGS]),
  },

  // ------------------------------------------------------------ db._
  {
    name: 'db._ fullSchema, schema and tableNamesMap',
    run: (db, t) => {
      const { fullSchema, schema, tableNamesMap } = db._;
      const users = schema.users;
      return {
        fullSchema: Object.keys(fullSchema).sort(),
        fullSchemaIsTheSchema: fullSchema === t.schema,
        tables: Object.keys(schema).sort(),
        tableNamesMap,
        users: {
          tsName: users.tsName,
          dbName: users.dbName,
          schema: users.schema ?? null,
          columns: Object.entries(users.columns).map(([k, c]) => [k, c.name, c === t.users[k]]),
          relations: Object.keys(users.relations).sort(),
          primaryKey: users.primaryKey.map((c) => c.name),
        },
        postTagsPrimaryKey: schema.postTags.primaryKey.map((c) => c.name),
      };
    },
    check: (r, a) => {
      a.equal(r.fullSchemaIsTheSchema, true);
      a.equal(r.tableNamesMap['public.users'], 'users');
      a.equal(r.tableNamesMap['public.post_tags'], 'postTags');
      a.deepEqual(r.users.relations, ['city', 'comments', 'posts']);
      a.deepEqual(r.users.primaryKey, ['id']);
      a.equal(r.users.dbName, 'users');
      a.ok(r.users.columns.every(([, , same]) => same));
    },
  },
];
