// Scenarios on how statements run: batches and transactions, prepared statements with placeholders, raw SQL
// (db.all/get/values/run on SQLite, db.execute elsewhere) and toSQL().
// The scenario format is described in index.mjs.
import { attempt, byDialect, D, ids } from './util.mjs';

export const scenarios = [
  // ---------------------------------------------------------------- batch and transactions
  {
    name: 'batch insert then select',
    skip: { mysql: 'PlanetScale has no batch' },
    run: async (db, t) => {
      const [, rows] = await db.batch([
        db.insert(t.cities).values({ id: 20, name: 'Oslo' }),
        db.select().from(t.cities).orderBy(t.cities.id),
      ]);
      return rows;
    },
    check: (r, a) => {
      a.equal(r.length, 4);
      a.deepEqual(r[3], { id: 20, name: 'Oslo', country: null });
    },
  },
  {
    name: 'batch with returning, update, delete, select',
    skip: { mysql: 'PlanetScale has no batch' },
    run: async (db, t, { eq, count }) => {
      const [ins, upd, del, sel] = await db.batch([
        db.insert(t.counters).values({ key: 'q', value: 5 }).returning(),
        db.update(t.counters).set({ value: 6 }).where(eq(t.counters.key, 'q')).returning({ value: t.counters.value }),
        db.delete(t.counters).where(eq(t.counters.key, 'a')).returning({ key: t.counters.key }),
        db.select({ n: count() }).from(t.counters),
      ]);
      return { ins, upd, del, sel };
    },
    check: (r, a) =>
      a.deepEqual(r, { ins: [{ key: 'q', value: 5 }], upd: [{ value: 6 }], del: [{ key: 'a' }], sel: [{ n: 2 }] }),
  },
  {
    name: 'batch select with same-named columns',
    only: ['sqlite'],
    run: async (db, t, { eq }) => {
      const [rows] = await db.batch([
        db
          .select({ user: t.users.name, city: t.cities.name, id: t.cities.id })
          .from(t.users)
          .innerJoin(t.cities, eq(t.users.cityId, t.cities.id))
          .orderBy(t.users.id),
      ]);
      return rows;
    },
    check: (r, a) => a.deepEqual(r[0], { user: 'ann', city: 'Paris', id: 1 }),
  },
  {
    name: 'batch with a CTE select and a set operation',
    only: ['sqlite'],
    run: async (db, t, { gt, lt, eq }) => {
      const older = db
        .$with('older')
        .as(db.select({ id: t.users.id, name: t.users.name }).from(t.users).where(gt(t.users.age, 26)));
      return db.batch([
        db
          .with(older)
          .select({ id: older.id, name: older.name, country: t.cities.country })
          .from(older)
          .leftJoin(t.users, eq(t.users.id, older.id))
          .leftJoin(t.cities, eq(t.cities.id, t.users.cityId))
          .orderBy(older.id),
        db
          .select({ id: t.users.id, name: t.users.name })
          .from(t.users)
          .where(lt(t.users.id, 2))
          .union(db.select({ id: t.cities.id, name: t.cities.name }).from(t.cities))
          .orderBy(t.users.id, t.users.name),
      ]);
    },
    check: (r, a) =>
      a.deepEqual(r, [
        [
          { id: 1, name: 'ann', country: 'FR' },
          { id: 3, name: 'cid', country: 'FR' },
        ],
        [
          { id: 1, name: 'Paris' },
          { id: 1, name: 'ann' },
          { id: 2, name: 'Berlin' },
          { id: 3, name: 'Tokyo' },
        ],
      ]),
  },
  {
    name: 'batch is atomic',
    skip: { mysql: 'PlanetScale has no batch' },
    run: async (db, t) => {
      const r = await attempt(() =>
        db.batch([
          db.insert(t.cities).values({ id: 30, name: 'First' }),
          db.insert(t.cities).values({ id: 1, name: 'dup' }),
        ]),
      );
      return { threw: r.threw, count: await db.$count(t.cities) };
    },
    check: (r, a) => a.deepEqual(r, { threw: true, count: 3 }),
  },
  {
    name: 'transaction refused over HTTP',
    only: ['pg'],
    run: async (db, t) => {
      const r = await attempt(() => db.transaction(async (tx) => tx.insert(t.cities).values({ id: 31, name: 'Tx' })));
      return { threw: r.threw, count: await db.$count(t.cities) };
    },
    check: (r, a) => a.deepEqual(r, { threw: true, count: 3 }),
  },
  // Transactions: on SQLite only the synchronous drivers have them (the embedded database, compared with
  // drizzle-orm/better-sqlite3), with synchronous callbacks; PlanetScale's are async. Neon's HTTP has none.
  {
    name: 'transaction commit and rollback',
    only: ['sqlite', 'mysql'],
    syncOnly: true,
    run: byDialect({
      sqlite: async (db, t, { eq }) => {
        const committed = db.transaction((tx) => {
          tx.insert(t.cities).values({ id: 31, name: 'Tx' }).run();
          tx.update(t.counters).set({ value: 10 }).where(eq(t.counters.key, 'a')).run();
          return tx.select({ n: t.counters.value }).from(t.counters).where(eq(t.counters.key, 'a')).all();
        });
        const rolledBack = await attempt(() =>
          db.transaction((tx) => {
            tx.insert(t.cities).values({ id: 32, name: 'Gone' }).run();
            tx.rollback();
          }),
        );
        const failed = await attempt(() =>
          db.transaction((tx) => {
            tx.insert(t.cities).values({ id: 33, name: 'Also gone' }).run();
            tx.insert(t.cities).values({ id: 1, name: 'dup' }).run();
          }),
        );
        return {
          committed,
          rolledBack: rolledBack.threw,
          failed: failed.threw,
          ids: ids(await db.select({ id: t.cities.id }).from(t.cities).orderBy(t.cities.id)),
        };
      },
      mysql: async (db, t, { eq }) => {
        const committed = await db.transaction(async (tx) => {
          await tx.insert(t.cities).values({ id: 31, name: 'Tx' });
          await tx.update(t.counters).set({ value: 10 }).where(eq(t.counters.key, 'a'));
          return tx.select({ n: t.counters.value }).from(t.counters).where(eq(t.counters.key, 'a'));
        });
        const rolledBack = await attempt(() =>
          db.transaction(async (tx) => {
            await tx.insert(t.cities).values({ id: 32, name: 'Gone' });
            tx.rollback();
          }),
        );
        const failed = await attempt(() =>
          db.transaction(async (tx) => {
            await tx.insert(t.cities).values({ id: 33, name: 'Also gone' });
            await tx.insert(t.cities).values({ id: 1, name: 'dup' });
          }),
        );
        return {
          committed,
          rolledBack: rolledBack.threw,
          failed: failed.threw,
          ids: ids(await db.select({ id: t.cities.id }).from(t.cities).orderBy(t.cities.id)),
        };
      },
    }),
    check: (r, a) => a.deepEqual(r, { committed: [{ n: 10 }], rolledBack: true, failed: true, ids: [1, 2, 3, 31] }),
  },
  {
    name: 'nested transaction savepoint',
    only: ['sqlite', 'mysql'],
    syncOnly: true,
    run: byDialect({
      sqlite: async (db, t) => {
        db.transaction((tx) => {
          tx.insert(t.cities).values({ id: 40, name: 'Outer' }).run();
          try {
            tx.transaction((tx2) => {
              tx2.insert(t.cities).values({ id: 41, name: 'Inner' }).run();
              tx2.rollback();
            });
          } catch {
            // the inner rollback throws; the outer transaction goes on
          }
        });
        return ids(await db.select({ id: t.cities.id }).from(t.cities).orderBy(t.cities.id));
      },
      mysql: async (db, t) => {
        await db.transaction(async (tx) => {
          await tx.insert(t.cities).values({ id: 40, name: 'Outer' });
          await attempt(() =>
            tx.transaction(async (tx2) => {
              await tx2.insert(t.cities).values({ id: 41, name: 'Inner' });
              tx2.rollback();
            }),
          );
        });
        return ids(await db.select({ id: t.cities.id }).from(t.cities).orderBy(t.cities.id));
      },
    }),
    check: (r, a) => a.deepEqual(r, [1, 2, 3, 40]),
  },
  {
    name: 'batch with db.run',
    only: ['sqlite'],
    asyncOnly: true,
    run: async (db, t, { sql, eq }) => {
      const [, rows] = await db.batch([
        db.run(sql`update ${t.counters} set ${sql.identifier('value')} = 50`),
        db.select().from(t.counters).where(eq(t.counters.key, 'b')),
      ]);
      return rows;
    },
    check: (r, a) => a.deepEqual(r, [{ key: 'b', value: 50 }]),
  },
  {
    name: 'batch with db.all db.get db.values',
    only: ['sqlite'],
    asyncOnly: true,
    run: async (db, t, { sql }) => {
      const [all, get, values, miss] = await db.batch([
        db.all(sql`select key, value from ${t.counters} order by key`),
        db.get(sql`select count(*) as n from ${t.users}`),
        db.values(sql`select id, name from ${t.cities} order by id`),
        db.get(sql`select id from ${t.cities} where id = 99`),
      ]);
      return { all, get, values, miss };
    },
    check: (r, a) =>
      a.deepEqual(r, {
        all: [
          { key: 'a', value: 1 },
          { key: 'b', value: 2 },
        ],
        get: { n: 5 },
        values: [
          [1, 'Paris'],
          [2, 'Berlin'],
          [3, 'Tokyo'],
        ],
        miss: '<undefined>',
      }),
  },
  {
    name: 'batch with raw sql carrying params',
    only: ['sqlite'],
    asyncOnly: true,
    run: (db, t, { sql }) =>
      attempt(
        async () =>
          (
            await db.batch([
              db.run(sql`update ${t.counters} set value = ${9} where key = ${'a'}`),
              db.get(sql`select value from ${t.counters} where key = ${'a'}`),
            ])
          )[1],
      ),
    check: (r, a) => a.equal(typeof r.threw, 'boolean'),
  },
  // ---------------------------------------------------------------- prepared statements
  {
    name: 'prepared select with placeholder',
    run: byDialect({
      sqlite: async (db, t, { eq, sql }) => {
        const p = db
          .select({ name: t.users.name })
          .from(t.users)
          .where(eq(t.users.id, sql.placeholder('id')))
          .prepare();
        return [await p.get({ id: 1 }), await p.get({ id: 3 }), await p.all({ id: 99 }), await p.execute({ id: 2 })];
      },
      other: async (db, t, { eq, sql }) => {
        const p = db
          .select({ name: t.users.name })
          .from(t.users)
          .where(eq(t.users.id, sql.placeholder('id')))
          .prepare('p_sel');
        return [await p.execute({ id: 1 }), await p.execute({ id: 3 }), await p.execute({ id: 99 })];
      },
    }),
    check: byDialect({
      sqlite: (r, a) => a.deepEqual(r, [{ name: 'ann' }, { name: 'cid' }, [], [{ name: 'bob' }]]),
      other: (r, a) => a.deepEqual(r, [[{ name: 'ann' }], [{ name: 'cid' }], []]),
    }),
  },
  {
    name: 'prepared with placeholders in like and limit',
    run: byDialect({
      sqlite: async (db, t, { like, sql }) => {
        const p = db
          .select({ id: t.users.id })
          .from(t.users)
          .where(like(t.users.name, sql.placeholder('pat')))
          .orderBy(t.users.id)
          .limit(sql.placeholder('lim'))
          .prepare();
        return [ids(await p.all({ pat: '%n%', lim: 5 })), ids(await p.all({ pat: '%', lim: 2 }))];
      },
      other: async (db, t, { like, sql }) => {
        const p = db
          .select({ id: t.users.id })
          .from(t.users)
          .where(like(t.users.name, sql.placeholder('pat')))
          .orderBy(t.users.id)
          .limit(sql.placeholder('lim'))
          .prepare('p_like');
        return [ids(await p.execute({ pat: '%n%', lim: 5 })), ids(await p.execute({ pat: '%', lim: 2 }))];
      },
    }),
    check: (r, a) =>
      a.deepEqual(r, [
        [1, 4],
        [1, 2],
      ]),
  },
  {
    name: 'prepared insert with placeholders',
    run: byDialect({
      sqlite: async (db, t, { sql }) => {
        const p = db
          .insert(t.cities)
          .values({ id: sql.placeholder('id'), name: sql.placeholder('name') })
          .prepare();
        await p.run({ id: 40, name: 'Lima' });
        await p.run({ id: 41, name: 'Quito' });
        return db.select({ id: t.cities.id, name: t.cities.name }).from(t.cities).orderBy(t.cities.id);
      },
      other: async (db, t, { sql }) => {
        const p = db
          .insert(t.cities)
          .values({ id: sql.placeholder('id'), name: sql.placeholder('name') })
          .prepare('p_ins');
        await p.execute({ id: 40, name: 'Lima' });
        await p.execute({ id: 41, name: "Qui'to" });
        return db.select({ id: t.cities.id, name: t.cities.name }).from(t.cities).orderBy(t.cities.id);
      },
    }),
    check: byDialect({
      sqlite: (r, a) =>
        a.deepEqual(r.slice(3), [
          { id: 40, name: 'Lima' },
          { id: 41, name: 'Quito' },
        ]),
      other: (r, a) =>
        a.deepEqual(r.slice(3), [
          { id: 40, name: 'Lima' },
          { id: 41, name: "Qui'to" },
        ]),
    }),
  },
  {
    // drizzle binds a placeholder's value as given (no column mapping in a where):
    only: ['sqlite'],
    // a Date fails on SQLite, the stored form (seconds) works.
    name: 'prepared placeholder on a timestamp column',
    run: async (db, t, { gt, sql }) => {
      const p = db
        .select({ id: t.users.id })
        .from(t.users)
        .where(gt(t.users.createdAt, sql.placeholder('after')))
        .orderBy(t.users.id)
        .prepare();
      return [
        (await attempt(() => p.all({ after: new Date(1700000250000) }))).threw,
        ids(await p.all({ after: 1700000250 })),
      ];
    },
    check: (r, a) => a.deepEqual(r, [true, [4, 5]]),
  },
  {
    name: 'prepared update set with placeholder',
    run: byDialect({
      sqlite: async (db, t, { eq, sql }) => {
        const p = db
          .update(t.users)
          .set({ active: sql.placeholder('active'), createdAt: sql.placeholder('at') })
          .where(eq(t.users.id, sql.placeholder('id')))
          .prepare();
        await p.run({ id: 1, active: false, at: new Date(1600000000000) });
        return db
          .select({ active: t.users.active, createdAt: t.users.createdAt })
          .from(t.users)
          .where(eq(t.users.id, 1));
      },
      other: async (db, t, { eq, sql }) => {
        const p = db
          .update(t.users)
          .set({ active: sql.placeholder('active'), age: sql.placeholder('age') })
          .where(eq(t.users.id, sql.placeholder('id')))
          .prepare('p_set');
        await p.execute({ id: 1, active: false, age: 77 });
        return db.select({ active: t.users.active, age: t.users.age }).from(t.users).where(eq(t.users.id, 1));
      },
    }),
    check: byDialect({
      sqlite: (r, a) => a.deepEqual(r, [{ active: false, createdAt: D(1600000000000) }]),
      other: (r, a) => a.deepEqual(r, [{ active: false, age: 77 }]),
    }),
  },
  {
    name: 'prepared update and delete',
    run: byDialect({
      sqlite: async (db, t, { eq, sql }) => {
        const up = db
          .update(t.counters)
          .set({ value: 99 })
          .where(eq(t.counters.key, sql.placeholder('k')))
          .prepare();
        const del = db
          .delete(t.counters)
          .where(eq(t.counters.key, sql.placeholder('k')))
          .prepare();
        await up.run({ k: 'a' });
        await del.run({ k: 'b' });
        return db.select().from(t.counters);
      },
      other: async (db, t, { eq, sql }) => {
        const up = db
          .update(t.counters)
          .set({ value: 99 })
          .where(eq(t.counters.key, sql.placeholder('k')))
          .prepare('p_up');
        const del = db
          .delete(t.counters)
          .where(eq(t.counters.key, sql.placeholder('k')))
          .prepare('p_del');
        await up.execute({ k: 'a' });
        await del.execute({ k: 'b' });
        return db.select().from(t.counters);
      },
    }),
    check: (r, a) => a.deepEqual(r, [{ key: 'a', value: 99 }]),
  },
  // ---------------------------------------------------------------- raw sql
  {
    name: 'db.execute raw rows',
    only: ['pg', 'mysql'],
    run: async (db, t, { sql }) =>
      (await db.execute(sql`select id, name from ${t.users} where age > ${26} order by id`)).rows,
    check: (r, a) =>
      a.deepEqual(r, [
        { id: 1, name: 'ann' },
        { id: 3, name: 'cid' },
      ]),
  },
  {
    name: 'db.execute raw update',
    only: ['pg', 'mysql'],
    run: async (db, t, { sql, eq }) => {
      await db.execute(
        sql`update ${t.users} set ${sql.identifier('age')} = ${t.users.age} + 1 where ${t.users.id} = ${1}`,
      );
      return db.select({ age: t.users.age }).from(t.users).where(eq(t.users.id, 1));
    },
    check: (r, a) => a.deepEqual(r, [{ age: 32 }]),
  },
  {
    name: 'db.all raw',
    only: ['sqlite'],
    run: (db, t, { sql }) => db.all(sql`select id, name from ${t.users} where age > ${26} order by id`),
    check: (r, a) =>
      a.deepEqual(r, [
        { id: 1, name: 'ann' },
        { id: 3, name: 'cid' },
      ]),
  },
  {
    name: 'db.get raw',
    only: ['sqlite'],
    run: async (db, t, { sql }) => [
      await db.get(sql`select count(*) as n from ${t.users}`),
      await db.get(sql`select id from ${t.users} where id = ${99}`),
    ],
    check: (r, a) => a.deepEqual(r, [{ n: 5 }, '<undefined>']),
  },
  {
    name: 'db.values raw',
    only: ['sqlite'],
    run: (db, t, { sql }) => db.values(sql`select id, name, score from ${t.users} order by id limit 2`),
    check: (r, a) =>
      a.deepEqual(r, [
        [1, 'ann', 9.5],
        [2, 'bob', 7.25],
      ]),
  },
  {
    name: 'db.run raw',
    only: ['sqlite'],
    run: async (db, t, { sql, eq }) => {
      await db.run(sql`update ${t.users} set ${sql.identifier('age')} = ${t.users.age} + 1 where ${t.users.id} = ${1}`);
      return db.select({ age: t.users.age }).from(t.users).where(eq(t.users.id, 1));
    },
    check: (r, a) => a.deepEqual(r, [{ age: 32 }]),
  },
  {
    name: 'sql.raw sql.join and sql.identifier',
    run: byDialect({
      sqlite: (db, t, { sql }) => {
        const list = sql.join([sql`${1}`, sql`${2}`], sql.raw(', '));
        const name = sql.identifier('name');
        return db.all(sql`select ${name} from ${t.users} where ${t.users.id} in (${list}) order by ${sql.raw('id')}`);
      },
      other: (db, t, { sql }) =>
        db
          .select({ name: sql`${sql.identifier('name')}`.mapWith(String) })
          .from(t.users)
          .where(sql`${t.users.id} in (${sql.join([sql`${1}`, sql`${2}`], sql.raw(', '))})`)
          .orderBy(sql.raw('1')),
    }),
    check: (r, a) => a.deepEqual(r, [{ name: 'ann' }, { name: 'bob' }]),
  },
  {
    name: 'raw sql binding types',
    run: byDialect({
      // (no typeof() of a bound number: D1 binds every JS number as REAL, the embedded database binds integers
      // as INTEGER)
      sqlite: (db, _t, { sql }) => db.values(sql`select ${1}, ${'two'}, ${2.5}, ${null}, ${-3} + 1`),
      other: async (db, _t, { sql }, d) => {
        // (the pg query in two fragments only to keep the lines short: one statement all the same)
        const pgRest = sql`${null}::text as n, ${-3}::int + 1 as e, ${true}::boolean as t`;
        const query =
          d === 'pg'
            ? sql`select ${1}::int + 0 as a, ${'two'}::text as b, ${2.5}::float8 * 2 as c, ${pgRest}`
            : sql`select ${1} + 0 as a, ${'two'} as b, ${2.5} * 2 as c, ${null} as n, ${-3} + 1 as e, ${true} as t`;
        return (await db.execute(query)).rows;
      },
    }),
    check: byDialect({
      sqlite: (r, a) => a.deepEqual(r, [[1, 'two', 2.5, null, -2]]),
      // MySQL: `2.5 * 2` is DECIMAL (read back as text) and a bound true is 1.
      other: (r, a, d) =>
        a.deepEqual(
          r,
          d === 'pg'
            ? [{ a: 1, b: 'two', c: 5, n: null, e: -2, t: true }]
            : [{ a: 1, b: 'two', c: '5.0', n: null, e: -2, t: 1 }],
        ),
    }),
  },
  // ---------------------------------------------------------------- toSQL
  {
    name: 'toSQL of a select',
    run: byDialect({
      sqlite: async (db, t, { and, eq, like }) =>
        db
          .select({ id: t.users.id })
          .from(t.users)
          .where(and(eq(t.users.id, 1), like(t.users.name, 'a%')))
          .limit(1)
          .toSQL(),
      other: async (db, t, { eq, and, gt }) =>
        db
          .select({ id: t.users.id, name: t.users.name })
          .from(t.users)
          .where(and(eq(t.users.role, 'admin'), gt(t.users.age, 3)))
          .limit(1)
          .toSQL(),
    }),
    check: byDialect({
      sqlite: (r, a) => {
        a.deepEqual(r.params, [1, 'a%', 1]);
        a.match(r.sql, /^select .*"id".* from "users" where .*limit \?$/);
      },
      other: (r, a, d) => {
        a.deepEqual(r.params, ['admin', 3, 1]);
        a.match(
          r.sql,
          d === 'pg'
            ? /^select .* from "users" where .*"role" = \$1 and .*"age" > \$2\) limit \$3$/
            : /^select .* from `users` where .*`role` = \? and .*`age` > \?\) limit \?$/,
        );
      },
    }),
  },
  {
    name: 'toSQL of an insert with json and boolean',
    only: ['sqlite'],
    run: async (db, t) => db.insert(t.counters).values({ key: 'k', value: 1 }).toSQL(),
    check: (r, a) => {
      a.deepEqual(r.params, ['k', 1]);
      a.match(r.sql, /^insert into "counters" \("key", "value"\) values \(\?, \?\)$/);
    },
  },
];
