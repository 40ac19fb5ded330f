// Scenarios on writing rows: inserts (defaults, RETURNING), upserts (ON CONFLICT, ON DUPLICATE KEY, INSERT IGNORE),
// updates and deletes.
// The scenario format is described in index.mjs.
import { attempt, byDialect, D, ids } from './util.mjs';

/** `holders` recreated with every column nullable or numbering itself, so a row may set nothing. */
const NULLABLE_HOLDERS = {
  sqlite: 'create table holders (id integer primary key, kind_id integer, label text)',
  pg: 'create table holders (id serial primary key, kind_id integer, label text)',
  mysql: 'create table holders (id int auto_increment primary key, kind_id int, label varchar(255))',
};

export const scenarios = [
  // ---------------------------------------------------------------- insert
  {
    name: 'insert single row',
    run: async (db, t, { eq }) => {
      await db.insert(t.cities).values({ id: 10, name: 'Rome', country: 'IT' });
      return db.select().from(t.cities).where(eq(t.cities.id, 10));
    },
    check: (r, a) => a.deepEqual(r, [{ id: 10, name: 'Rome', country: 'IT' }]),
  },
  {
    name: 'insert multiple rows returning',
    skip: { mysql: 'MySQL has no RETURNING' },
    run: (db, t) =>
      db
        .insert(t.users)
        .values([
          { name: 'fay', email: 'fay@x.io', age: 20, createdAt: new Date(1700001000000), meta: { tags: ['z'] } },
          { name: 'gus', active: false, role: 'guest' },
        ])
        .returning(),
    check: (r, a) => {
      a.equal(r.length, 2);
      a.deepEqual(r[0], {
        id: 6,
        name: 'fay',
        email: 'fay@x.io',
        age: 20,
        role: 'user',
        active: true,
        cityId: null,
        createdAt: D(1700001000000),
        score: null,
        meta: { tags: ['z'] },
      });
      a.deepEqual([r[1].id, r[1].role, r[1].active, r[1].email], [7, 'guest', false, null]);
    },
  },
  {
    name: 'insert multiple rows $returningId',
    only: ['mysql'],
    run: async (db, t, { gt }) => [
      await db
        .insert(t.users)
        .values([
          { name: 'fay', email: 'fay@x.io', age: 20, createdAt: new Date(1700001000000), meta: { tags: ['z'] } },
          { name: 'gus', active: false, role: 'guest' },
        ])
        .$returningId(),
      await db.select().from(t.users).where(gt(t.users.id, 5)).orderBy(t.users.id),
    ],
    check: (r, a) => {
      a.deepEqual(r[0], [{ id: 6 }, { id: 7 }]);
      a.deepEqual(r[1][0], {
        id: 6,
        name: 'fay',
        email: 'fay@x.io',
        age: 20,
        role: 'user',
        active: true,
        cityId: null,
        createdAt: D(1700001000000),
        score: null,
        meta: { tags: ['z'] },
      });
      a.deepEqual([r[1][1].id, r[1][1].role, r[1][1].active, r[1][1].email], [7, 'guest', false, null]);
    },
  },
  {
    name: 'insert returning partial with sql',
    skip: { mysql: 'MySQL has no RETURNING' },
    run: (db, t, { sql }) =>
      db
        .insert(t.users)
        .values({ name: 'hal' })
        .returning({ id: t.users.id, shout: sql`upper(${t.users.name})` }),
    check: (r, a) => a.deepEqual(r, [{ id: 6, shout: 'HAL' }]),
  },
  {
    name: 'insert defaults and $defaultFn',
    run: byDialect({
      sqlite: async (db, t) => {
        await db.insert(t.defaultsT).values({});
        await db.insert(t.defaultsT).values({ name: 'given', n: 1, tag: 'mine' });
        const { legacy, ...cols } = t.defaultsT; // legacy: see 'insert leaves a DDL-only default alone'
        return db
          .select({
            id: cols.id,
            name: cols.name,
            n: cols.n,
            sqlDefault: cols.sqlDefault,
            created: cols.created,
            tag: cols.tag,
            state: cols.state,
          })
          .from(t.defaultsT)
          .orderBy(t.defaultsT.id);
      },
      other: async (db, t) => {
        await db.insert(t.defaultsT).values({});
        await db.insert(t.defaultsT).values({ name: 'given', n: 1, tag: 'mine' });
        return db.select().from(t.defaultsT).orderBy(t.defaultsT.id);
      },
    }),
    check: byDialect({
      sqlite: (r, a) => {
        a.equal(r.length, 2);
        a.deepEqual(
          [r[0].name, r[0].n, r[0].sqlDefault, r[0].created, r[0].tag, r[0].state],
          ['anon', 7, 42, D(1700000000000), 'generated', 'initial'],
        );
        a.deepEqual([r[1].name, r[1].n, r[1].tag], ['given', 1, 'mine']);
      },
      other: (r, a) =>
        a.deepEqual(r, [
          {
            id: 1,
            name: 'anon',
            n: 7,
            sqlDefault: 42,
            created: D(1700000000000),
            tag: 'generated',
            state: 'initial',
            legacy: 'ddl',
          },
          {
            id: 2,
            name: 'given',
            n: 1,
            sqlDefault: 42,
            created: D(1700000000000),
            tag: 'mine',
            state: 'initial',
            legacy: 'ddl',
          },
        ]),
    }),
  },
  {
    name: 'insert leaves a DDL-only default alone',
    only: ['sqlite'],
    run: async (db, t) => {
      await db.insert(t.defaultsT).values({ name: 'x' });
      return db.select({ legacy: t.defaultsT.legacy }).from(t.defaultsT);
    },
    check: (r, a) => a.equal(r.length, 1),
  },
  {
    name: 'insert multi-row with missing keys uses defaults',
    run: byDialect({
      sqlite: (db, t) =>
        db
          .insert(t.defaultsT)
          .values([{ name: 'a', n: 3 }, { tag: 't' }])
          .returning({
            name: t.defaultsT.name,
            n: t.defaultsT.n,
            tag: t.defaultsT.tag,
            sqlDefault: t.defaultsT.sqlDefault,
          }),
      other: async (db, t) => {
        await db.insert(t.defaultsT).values([{ name: 'a', n: 3 }, { tag: 't' }]);
        return db
          .select({
            name: t.defaultsT.name,
            n: t.defaultsT.n,
            tag: t.defaultsT.tag,
            sqlDefault: t.defaultsT.sqlDefault,
          })
          .from(t.defaultsT)
          .orderBy(t.defaultsT.id);
      },
    }),
    check: (r, a) =>
      a.deepEqual(r, [
        { name: 'a', n: 3, tag: 'generated', sqlDefault: 42 },
        { name: 'anon', n: 7, tag: 't', sqlDefault: 42 },
      ]),
  },
  {
    name: 'insert explicit nulls',
    run: byDialect({
      sqlite: (db, t) =>
        db
          .insert(t.users)
          .values({ name: 'ivy', email: null, age: null, meta: null })
          .returning({ email: t.users.email, age: t.users.age, meta: t.users.meta }),
      other: async (db, t, { eq }) => {
        await db.insert(t.users).values({ id: 9, name: 'ivy', email: null, age: null, meta: null });
        return db
          .select({ email: t.users.email, age: t.users.age, meta: t.users.meta })
          .from(t.users)
          .where(eq(t.users.id, 9));
      },
    }),
    check: (r, a) => a.deepEqual(r, [{ email: null, age: null, meta: null }]),
  },
  {
    name: 'insert run then count',
    only: ['sqlite'],
    run: async (db, t) => {
      await db
        .insert(t.counters)
        .values([{ key: 'c', value: 3 }, { key: 'd' }])
        .run();
      return db.select().from(t.counters).orderBy(t.counters.key);
    },
    check: (r, a) =>
      a.deepEqual(r, [
        { key: 'a', value: 1 },
        { key: 'b', value: 2 },
        { key: 'c', value: 3 },
        { key: 'd', value: 0 },
      ]),
  },
  {
    name: 'insert duplicate key throws',
    run: async (db, t) => {
      const r = await attempt(() => db.insert(t.cities).values({ id: 1, name: 'dup' }));
      return { threw: r.threw, count: await db.$count(t.cities) };
    },
    check: (r, a) => a.deepEqual(r, { threw: true, count: 3 }),
  },
  // ---------------------------------------------------------------- upserts
  {
    name: 'onConflictDoNothing without target',
    skip: { mysql: 'MySQL has no ON CONFLICT' },
    run: async (db, t) => [
      await db.insert(t.counters).values({ key: 'a', value: 100 }).onConflictDoNothing().returning(),
      await db.select().from(t.counters).orderBy(t.counters.key),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [],
        [
          { key: 'a', value: 1 },
          { key: 'b', value: 2 },
        ],
      ]),
  },
  {
    name: 'onConflictDoNothing with target',
    skip: { mysql: 'MySQL has no ON CONFLICT' },
    run: async (db, t) => [
      await db
        .insert(t.users)
        .values({ name: 'copy', email: 'bob@x.io' })
        .onConflictDoNothing({ target: t.users.email })
        .returning({ id: t.users.id }),
      await db
        .insert(t.users)
        .values({ name: 'new', email: 'new@x.io' })
        .onConflictDoNothing({ target: t.users.email })
        .returning({ id: t.users.id }),
    ],
    check: byDialect({
      sqlite: (r, a) => {
        a.deepEqual(r[0], []);
        a.equal(r[1].length, 1);
        a.ok(r[1][0].id > 5); // (SQLite's AUTOINCREMENT may spend an id on the ignored row)
      },
      // (the ignored row spends a sequence value)
      pg: (r, a) => a.deepEqual(r, [[], [{ id: 7 }]]),
    }),
  },
  {
    name: 'onConflictDoUpdate with excluded',
    skip: { mysql: 'MySQL has no ON CONFLICT' },
    run: (db, t, { sql }) =>
      db
        .insert(t.counters)
        .values({ key: 'a', value: 10 })
        .onConflictDoUpdate({ target: t.counters.key, set: { value: sql`${t.counters.value} + excluded.value` } })
        .returning(),
    check: (r, a) => a.deepEqual(r, [{ key: 'a', value: 11 }]),
  },
  {
    name: 'onConflictDoUpdate with setWhere',
    skip: { mysql: 'MySQL has no ON CONFLICT' },
    run: async (db, t, { sql, lt }) => {
      const up = (key, value) =>
        db
          .insert(t.counters)
          .values({ key, value })
          .onConflictDoUpdate({
            target: t.counters.key,
            set: { value: sql`excluded.value` },
            setWhere: lt(t.counters.value, sql`excluded.value`),
          });
      await up('a', 5);
      await up('b', 1);
      return db.select().from(t.counters).orderBy(t.counters.key);
    },
    check: (r, a) =>
      a.deepEqual(r, [
        { key: 'a', value: 5 },
        { key: 'b', value: 2 },
      ]),
  },
  {
    name: 'onConflictDoUpdate multi-row',
    only: ['sqlite'],
    run: async (db, t) => {
      await db
        .insert(t.counters)
        .values([
          { key: 'a', value: 7 },
          { key: 'z', value: 9 },
        ])
        .onConflictDoUpdate({ target: t.counters.key, set: { value: 70 } });
      return db.select().from(t.counters).orderBy(t.counters.key);
    },
    check: (r, a) =>
      a.deepEqual(r, [
        { key: 'a', value: 70 },
        { key: 'b', value: 2 },
        { key: 'z', value: 9 },
      ]),
  },
  {
    name: 'onConflictDoUpdate with typed column value',
    skip: { mysql: 'MySQL has no ON CONFLICT' },
    run: (db, t) =>
      db
        .insert(t.users)
        .values({ id: 2, name: 'bob2', active: false, createdAt: new Date(1800000000000) })
        .onConflictDoUpdate({
          target: t.users.id,
          set: { active: false, createdAt: new Date(1800000000000), meta: { x: 1 } },
        })
        .returning({
          id: t.users.id,
          name: t.users.name,
          active: t.users.active,
          createdAt: t.users.createdAt,
          meta: t.users.meta,
        }),
    check: (r, a) =>
      a.deepEqual(r, [{ id: 2, name: 'bob', active: false, createdAt: D(1800000000000), meta: { x: 1 } }]),
  },
  {
    name: 'onDuplicateKeyUpdate',
    only: ['mysql'],
    run: async (db, t, { sql }) => {
      await db
        .insert(t.counters)
        .values({ key: 'a', value: 10 })
        .onDuplicateKeyUpdate({ set: { value: sql`${t.counters.value} + values(${t.counters.value})` } });
      await db
        .insert(t.counters)
        .values([
          { key: 'b', value: 7 },
          { key: 'z', value: 9 },
        ])
        .onDuplicateKeyUpdate({ set: { value: 70 } });
      return db.select().from(t.counters).orderBy(t.counters.key);
    },
    check: (r, a) =>
      a.deepEqual(r, [
        { key: 'a', value: 11 },
        { key: 'b', value: 70 },
        { key: 'z', value: 9 },
      ]),
  },
  {
    name: 'onDuplicateKeyUpdate with typed column value',
    only: ['mysql'],
    run: async (db, t, { eq }) => {
      await db
        .insert(t.users)
        .values({ id: 2, name: 'bob2', active: false, createdAt: new Date(1800000000000) })
        .onDuplicateKeyUpdate({ set: { active: false, createdAt: new Date(1800000000000), meta: { x: 1 } } });
      return db
        .select({
          id: t.users.id,
          name: t.users.name,
          active: t.users.active,
          createdAt: t.users.createdAt,
          meta: t.users.meta,
        })
        .from(t.users)
        .where(eq(t.users.id, 2));
    },
    check: (r, a) =>
      a.deepEqual(r, [{ id: 2, name: 'bob', active: false, createdAt: D(1800000000000), meta: { x: 1 } }]),
  },
  {
    name: 'insert ignore',
    only: ['mysql'],
    run: async (db, t) => {
      await db
        .insert(t.cities)
        .ignore()
        .values([
          { id: 1, name: 'dup' },
          { id: 9, name: 'Nine' },
        ]);
      return db.select({ id: t.cities.id, name: t.cities.name }).from(t.cities).orderBy(t.cities.id);
    },
    check: (r, a) =>
      a.deepEqual(r, [
        { id: 1, name: 'Paris' },
        { id: 2, name: 'Berlin' },
        { id: 3, name: 'Tokyo' },
        { id: 9, name: 'Nine' },
      ]),
  },
  {
    // Rows that set nothing, on a table whose schema declares no default: drizzle names every column with
    // `null` (SQLite) or `default`; mizzle leaves them to the database, where SQLite's DEFAULT VALUES is one
    // row and takes no ON CONFLICT (mizzle writes a NULL rowid there instead).
    name: 'insert all-default rows with an upsert and several at once',
    run: async (db, t, { sql }, d) => {
      const raw = (text) => (d === 'sqlite' ? db.run(sql.raw(text)) : db.execute(sql.raw(text)));
      await raw('drop table holders');
      await raw(NULLABLE_HOLDERS[d]);
      const skipping = (rows) =>
        d === 'mysql'
          ? db.insert(t.holders).ignore().values(rows)
          : db.insert(t.holders).values(rows).onConflictDoNothing();
      await skipping({});
      await db.insert(t.holders).values([{}, {}]);
      await skipping([{}, {}]);
      return db.select().from(t.holders).orderBy(t.holders.id);
    },
    check: (r, a) =>
      a.deepEqual(
        r,
        [1, 2, 3, 4, 5].map((id) => ({ id, kindId: null, label: null })),
      ),
  },
  // ---------------------------------------------------------------- update / delete
  {
    name: 'update returning',
    skip: { mysql: 'MySQL has no RETURNING' },
    run: (db, t, { eq }) =>
      db
        .update(t.users)
        .set({ age: 26, active: false })
        .where(eq(t.users.name, 'bob'))
        .returning({ id: t.users.id, age: t.users.age, active: t.users.active }),
    check: (r, a) => a.deepEqual(r, [{ id: 2, age: 26, active: false }]),
  },
  {
    // drizzle-orm on PostgreSQL nests each FROM table's row under its name; SQLite's returning() stays the
    // table's columns (found by the differential fuzzer, tests/conformance/fuzz/).
    name: 'update from returning every column',
    only: ['sqlite', 'pg'],
    run: (db, t, { eq, and }) =>
      db
        .update(t.posts)
        .set({ views: 99 })
        .from(t.users)
        .where(and(eq(t.posts.authorId, t.users.id), eq(t.users.name, 'eve')))
        .returning(),
    check: (r, a, d) => {
      a.equal(r.length, 1);
      a.deepEqual([r[0].id, r[0].views, r[0].title], [4, 99, 'Eve post']);
      if (d === 'pg') a.deepEqual([r[0].users.id, r[0].users.name, r[0].users.role], [5, 'eve', 'user']);
      else a.equal('users' in r[0], false);
    },
  },
  {
    name: 'update then select',
    only: ['pg', 'mysql'],
    run: async (db, t, { eq }) => {
      await db.update(t.users).set({ age: 26, active: false }).where(eq(t.users.name, 'bob'));
      return db
        .select({ id: t.users.id, age: t.users.age, active: t.users.active })
        .from(t.users)
        .where(eq(t.users.id, 2));
    },
    check: (r, a) => a.deepEqual(r, [{ id: 2, age: 26, active: false }]),
  },
  {
    name: 'update with sql expression',
    run: async (db, t, { sql, gt }) => {
      await db
        .update(t.posts)
        .set({ views: sql`${t.posts.views} + 1` })
        .where(gt(t.posts.views, 5));
      return db.select({ id: t.posts.id, views: t.posts.views }).from(t.posts).orderBy(t.posts.id);
    },
    check: (r, a) =>
      a.deepEqual(
        r.map((x) => x.views),
        [11, 5, 21, 0, 8],
      ),
  },
  {
    name: 'update without match',
    run: byDialect({
      sqlite: (db, t, { eq }) => db.update(t.users).set({ name: 'nobody' }).where(eq(t.users.id, 99)).returning(),
      other: async (db, t, { eq }) => {
        await db.update(t.users).set({ name: 'nobody' }).where(eq(t.users.id, 99));
        return db.$count(t.users, eq(t.users.name, 'nobody'));
      },
    }),
    check: byDialect({
      sqlite: (r, a) => a.deepEqual(r, []),
      other: (r, a) => a.equal(r, 0),
    }),
  },
  {
    name: 'update json and timestamp columns',
    run: byDialect({
      sqlite: (db, t, { eq }) =>
        db
          .update(t.users)
          .set({
            meta: { nested: { ok: true }, list: [1, 'two', null] },
            createdAt: new Date('2024-02-29T12:34:56.789Z'),
          })
          .where(eq(t.users.id, 4))
          .returning({ meta: t.users.meta, createdAt: t.users.createdAt }),
      other: async (db, t, { eq }) => {
        await db
          .update(t.users)
          .set({ meta: { nested: { ok: true }, list: [1, 'two', null] }, createdAt: new Date('2024-02-29T12:34:56Z') })
          .where(eq(t.users.id, 4));
        return db.select({ meta: t.users.meta, createdAt: t.users.createdAt }).from(t.users).where(eq(t.users.id, 4));
      },
    }),
    check: (r, a) =>
      a.deepEqual(r, [
        { meta: { list: [1, 'two', null], nested: { ok: true } }, createdAt: D('2024-02-29T12:34:56.000Z') },
      ]),
  },
  {
    name: 'update $onUpdate column',
    run: async (db, t, { eq }) => {
      await db.insert(t.defaultsT).values([{ name: 'a' }, { name: 'b' }]);
      await db.update(t.defaultsT).set({ n: 8 }).where(eq(t.defaultsT.name, 'b'));
      return db
        .select({ name: t.defaultsT.name, n: t.defaultsT.n, state: t.defaultsT.state })
        .from(t.defaultsT)
        .orderBy(t.defaultsT.id);
    },
    check: (r, a) =>
      a.deepEqual(r, [
        { name: 'a', n: 7, state: 'initial' },
        { name: 'b', n: 8, state: 'updated' },
      ]),
  },
  {
    name: 'delete returning',
    skip: { mysql: 'MySQL has no RETURNING' },
    run: async (db, t, { lt }) => [
      await db.delete(t.posts).where(lt(t.posts.views, 6)).returning({ id: t.posts.id, title: t.posts.title }),
      await db.$count(t.posts),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [
          { id: 2, title: 'Second' },
          { id: 4, title: 'Eve post' },
        ],
        3,
      ]),
  },
  {
    name: 'delete with where and all rows',
    only: ['pg', 'mysql'],
    run: async (db, t, { lt }) => {
      await db.delete(t.posts).where(lt(t.posts.views, 6));
      const left = ids(await db.select({ id: t.posts.id }).from(t.posts).orderBy(t.posts.id));
      await db.delete(t.counters);
      return [left, await db.select().from(t.counters)];
    },
    check: (r, a) => a.deepEqual(r, [[1, 3, 5], []]),
  },
  {
    name: 'delete all rows',
    only: ['sqlite'],
    run: async (db, t) => {
      await db.delete(t.counters);
      return db.select().from(t.counters);
    },
    check: (r, a) => a.deepEqual(r, []),
  },
  {
    name: 'delete returning full rows',
    only: ['sqlite'],
    run: (db, t, { eq }) => db.delete(t.users).where(eq(t.users.id, 5)).returning(),
    check: (r, a) => {
      a.equal(r.length, 1);
      a.deepEqual(
        [r[0].name, r[0].active, r[0].createdAt, r[0].meta],
        ['eve', false, D(1700000400000), { level: 2, tags: ['b', 'c'] }],
      );
    },
  },
];
