// Scenarios on where a builder must do exactly what drizzle-orm 0.45's does with the same call, found by
// running drizzle code unchanged on mizzle (issue 13, "wrong results"): `columns: {}` in relational queries,
// the schema's `.default()` values sent on insert, unknown keys in insert/update values ignored, and the MySQL
// database's API surface (no `selectDistinctOn`, no `fullJoin`) and `column.autoIncrement` per column type.
// The scenario format is described in index.mjs.
import { attempt, byDialect, D } from './util.mjs';

/** `defaults_t` recreated without any DDL default, as a table made by hand or by another tool would be. */
const BARE_DEFAULTS_T = {
  sqlite:
    'create table defaults_t (id integer primary key autoincrement, name text, n integer, sql_default integer, ' +
    'created integer, tag text, state text, legacy text)',
  pg:
    'create table defaults_t (id serial primary key, name text, n integer, sql_default integer, created ' +
    'timestamptz, tag text, state text, legacy text)',
  mysql:
    'create table defaults_t (id int auto_increment primary key, name varchar(255), n int, sql_default int, ' +
    'created datetime, tag varchar(255), state varchar(255), legacy varchar(255))',
};

/** Runs one raw statement (SQLite drivers have `run`, PostgreSQL and MySQL ones `execute`). */
const raw = (db, sql, d, text) => (d === 'sqlite' ? db.run(sql.raw(text)) : db.execute(sql.raw(text)));

async function bareDefaultsTable(db, sql, d) {
  await raw(db, sql, d, 'drop table defaults_t');
  await raw(db, sql, d, BARE_DEFAULTS_T[d]);
}

/** The lowercased user name, as a relational extra. */
const lname = (t, sql) => sql`lower(${t.users.name})`.as('lname');

export const scenarios = [
  // ---------------------------------------------------------------- relational `columns: {}`
  {
    // drizzle: a `columns` object whose entries are all undefined (or empty) selects no column of the table.
    name: 'relational columns {} keeps only the extras',
    run: async (db, t, { sql }) => [
      await db.query.users.findMany({ columns: {}, extras: { lname: lname(t, sql) }, orderBy: t.users.id }),
      await db.query.users.findMany({
        columns: { id: undefined },
        extras: { lname: lname(t, sql) },
        orderBy: t.users.id,
        limit: 2,
      }),
      await db.query.users.findFirst({ columns: {}, extras: { lname: lname(t, sql) }, orderBy: t.users.id }),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [{ lname: 'ann' }, { lname: 'bob' }, { lname: 'cid' }, { lname: 'dan' }, { lname: 'eve' }],
        [{ lname: 'ann' }, { lname: 'bob' }],
        { lname: 'ann' },
      ]),
  },
  {
    name: 'relational columns {} keeps only the relations, top and nested',
    run: (db, t) =>
      db.query.users.findMany({
        columns: {},
        orderBy: t.users.id,
        with: {
          posts: {
            columns: {},
            orderBy: t.posts.id,
            with: { comments: { columns: { id: true }, orderBy: t.comments.id } },
          },
        },
      }),
    check: (r, a) =>
      a.deepEqual(r, [
        { posts: [{ comments: [{ id: 1 }, { id: 2 }, { id: 4 }] }, { comments: [] }] },
        { posts: [{ comments: [{ id: 3 }, { id: 6 }] }, { comments: [{ id: 5 }] }] },
        { posts: [] },
        { posts: [] },
        { posts: [{ comments: [] }] },
      ]),
  },
  {
    name: 'relational findFirst columns {} with a one relation and nested extras',
    run: (db, t, { eq, sql }) =>
      db.query.posts.findFirst({
        columns: {},
        where: eq(t.posts.id, 3),
        with: {
          author: { columns: {}, extras: { lname: lname(t, sql) }, with: { city: { columns: { name: true } } } },
        },
      }),
    check: (r, a) => a.deepEqual(r, { author: { lname: 'bob', city: { name: 'Berlin' } } }),
  },
  {
    // drizzle refuses a level that would select nothing ("No fields selected for table ..."), at any depth.
    name: 'relational columns {} with nothing else selected throws',
    run: async (db) => [
      await attempt(() => db.query.users.findFirst({ columns: {} })),
      await attempt(() => db.query.users.findMany({ columns: { id: undefined } })),
      await attempt(() => db.query.users.findMany({ columns: { id: true }, with: { posts: { columns: {} } } })),
    ],
    check: (r, a) => a.deepEqual(r, [{ threw: true }, { threw: true }, { threw: true }]),
  },

  // ---------------------------------------------------------------- schema defaults on insert
  {
    // SQLite: drizzle sends each omitted column's `.default()` value (SQL defaults as SQL) and `$defaultFn()`;
    // PostgreSQL and MySQL: `default` for `.default()` columns, so there the database's (absent) DDL default
    // applies and only the `$defaultFn` columns get a value.
    name: 'insert sends schema defaults to a table without DDL defaults',
    run: async (db, t, { sql }, d) => {
      await bareDefaultsTable(db, sql, d);
      await db.insert(t.defaultsT).values({});
      await db.insert(t.defaultsT).values([{ n: 1 }, { name: 'given', state: 'set', tag: 'mine' }]);
      return db.select().from(t.defaultsT).orderBy(t.defaultsT.id);
    },
    check: byDialect({
      sqlite: (r, a) =>
        a.deepEqual(r, [
          row(1, 'anon', 7, 42, 'generated', 'initial'),
          row(2, 'anon', 1, 42, 'generated', 'initial'),
          row(3, 'given', 7, 42, 'mine', 'set'),
        ]),
      other: (r, a) =>
        a.deepEqual(r, [
          row(1, null, null, null, 'generated', null),
          row(2, null, 1, null, 'generated', null),
          row(3, 'given', null, null, 'mine', 'set'),
        ]),
    }),
  },
  {
    // 60 rows of 5 parameters each: over D1's 100 parameters per statement, so mizzle splits the insert.
    name: 'insert schema defaults over the parameter limit',
    run: async (db, t, { sql }, d) => {
      await bareDefaultsTable(db, sql, d);
      await db.insert(t.defaultsT).values(Array.from({ length: 60 }, (_, i) => ({ n: i })));
      const rows = await db
        .select({ n: t.defaultsT.n, name: t.defaultsT.name, tag: t.defaultsT.tag, state: t.defaultsT.state })
        .from(t.defaultsT)
        .orderBy(t.defaultsT.id);
      return { count: rows.length, first: rows[0], last: rows[59], ns: rows.map((x) => x.n).join(',') };
    },
    check: (r, a, d) => {
      const [name, state] = d === 'sqlite' ? ['anon', 'initial'] : [null, null];
      a.equal(r.count, 60);
      a.deepEqual(r.first, { n: 0, name, tag: 'generated', state });
      a.deepEqual(r.last, { n: 59, name, tag: 'generated', state });
      a.equal(r.ns, Array.from({ length: 60 }, (_, i) => i).join(','));
    },
  },

  // ---------------------------------------------------------------- unknown keys
  {
    // Request bodies carry extra fields: drizzle writes only the table's columns and ignores the rest.
    name: 'insert and update ignore unknown keys',
    run: async (db, t, { eq, inArray }) => {
      await db.insert(t.cities).values({ id: 10, name: 'Rome', country: 'IT', csrf: 'x', extra: { a: 1 } });
      await db.insert(t.cities).values([
        { id: 11, name: 'Oslo', junk: 1 },
        { id: 12, name: 'Lima', country: 'PE', other: null },
      ]);
      await db.update(t.cities).set({ name: 'Roma', submit: 'Save' }).where(eq(t.cities.id, 10));
      return db
        .select()
        .from(t.cities)
        .where(inArray(t.cities.id, [10, 11, 12]))
        .orderBy(t.cities.id);
    },
    check: (r, a) =>
      a.deepEqual(r, [
        { id: 10, name: 'Roma', country: 'IT' },
        { id: 11, name: 'Oslo', country: null },
        { id: 12, name: 'Lima', country: 'PE' },
      ]),
  },
  {
    name: 'upsert set ignores unknown keys',
    run: async (db, t, { eq }, d) => {
      const insert = db.insert(t.cities).values({ id: 1, name: 'Paris 2', junk: 1 });
      await (d === 'mysql'
        ? insert.onDuplicateKeyUpdate({ set: { name: 'Lutetia', junk: 2 } })
        : insert.onConflictDoUpdate({ target: t.cities.id, set: { name: 'Lutetia', junk: 2 } }));
      return db.select().from(t.cities).where(eq(t.cities.id, 1));
    },
    check: (r, a) => a.deepEqual(r, [{ id: 1, name: 'Lutetia', country: 'FR' }]),
  },

  // ---------------------------------------------------------------- API surface
  {
    // drizzle's mysql-core has no DISTINCT ON and no FULL JOIN builder methods (MySQL has neither).
    name: 'mysql database has no selectDistinctOn and no fullJoin',
    only: ['mysql'],
    run: (db, t) => {
      const sq = db.$with('sq').as(db.select({ id: t.users.id }).from(t.users));
      const select = db.select().from(t.users);
      return {
        selectDistinctOn: ['selectDistinctOn' in db, typeof db.selectDistinctOn],
        withSelectDistinctOn: typeof db.with(sq).selectDistinctOn,
        fullJoin: ['fullJoin' in select, typeof select.fullJoin],
        distinctFullJoin: typeof db.selectDistinct().from(t.users).where(undefined).fullJoin,
        leftJoin: typeof select.leftJoin,
      };
    },
    check: (r, a) =>
      a.deepEqual(r, {
        selectDistinctOn: [false, 'undefined'],
        withSelectDistinctOn: 'undefined',
        fullJoin: [false, 'undefined'],
        distinctFullJoin: 'undefined',
        leftJoin: 'function',
      }),
  },
  {
    // drizzle: `autoIncrement` exists only on SQLite integer columns and MySQL numeric columns (false unless
    // set); every other column (all of PostgreSQL's) has none.
    name: 'column autoIncrement per column type',
    run: (_db, t) => {
      const of = (table) =>
        Object.fromEntries(
          Object.entries(table)
            .filter(([, c]) => typeof c === 'object' && c !== null && 'columnType' in c)
            .map(([k, c]) => [k, c.autoIncrement]),
        );
      return { users: of(t.users), kinds: of(t.kinds), defaults: of(t.defaultsT) };
    },
    check: byDialect({
      sqlite: (r, a) => {
        a.deepEqual(
          [r.users.id, r.users.age, r.users.active, r.users.createdAt, r.users.name, r.users.score, r.users.meta],
          [true, false, false, false, '<undefined>', '<undefined>', '<undefined>'],
        );
        a.deepEqual(
          [r.kinds.id, r.kinds.num, r.kinds.blobBuf, r.kinds.price],
          [false, '<undefined>', '<undefined>', '<undefined>'],
        );
      },
      pg: (r, a) => {
        for (const cols of Object.values(r)) for (const v of Object.values(cols)) a.equal(v, '<undefined>');
      },
      mysql: (r, a) => {
        a.deepEqual(
          [r.users.id, r.users.age, r.users.name, r.users.role, r.users.active, r.users.score, r.users.meta],
          [true, false, '<undefined>', '<undefined>', '<undefined>', false, '<undefined>'],
        );
        a.deepEqual(
          [r.kinds.bigN, r.kinds.dec, r.kinds.tiny, r.kinds.dbl, r.kinds.yr, r.kinds.bool, r.kinds.dt],
          [false, false, false, false, '<undefined>', '<undefined>', '<undefined>'],
        );
      },
    }),
  },
];

/** A `defaults_t` row as the insert-defaults scenario reads it (`created` from `$defaultFn`, `legacy` unset). */
function row(id, name, n, sqlDefault, tag, state) {
  return { id, name, n, sqlDefault, created: D(1700000000000), tag, state, legacy: null };
}
