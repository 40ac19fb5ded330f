// Scenarios on views, foreign-key references and read replicas (issue 13): views declared with their columns
// and `.existing()` or from a query, read like tables; `db.refreshMaterializedView(v)` with `.concurrently()`
// and `.withNoData()` on PostgreSQL; a foreign key's `reference()`; `withReplicas(primary, replicas,
// getReplica)` sending reads to the replica and the rest to the primary. The views are created and dropped by
// each scenario (PostgreSQL's setup drops the tables without CASCADE, so a view left behind would break it).
// The scenario format is described in index.mjs.
import { attempt } from './util.mjs';

/** A raw statement run for its effect: `db.run` on SQLite, `db.execute` elsewhere. */
const exec = (db, d, query) => (d === 'sqlite' ? db.run(query) : db.execute(query));

/** Creates the view `name` from `select`, runs `fn`, and drops the view whatever happens. */
async function withView(db, d, sql, name, select, fn) {
  await exec(db, d, sql.raw(`drop view if exists ${name}`));
  await exec(db, d, sql.raw(`create view ${name} as ${select}`));
  try {
    return await fn();
  } finally {
    await exec(db, d, sql.raw(`drop view ${name}`));
  }
}

/**
 * `db` seen through a Proxy that logs each method called on it from outside as `tag.method` (and each read
 * of `db.query`), so a scenario can tell which database withReplicas picked.
 */
function spied(db, tag, log) {
  let depth = 0;
  return new Proxy(db, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver);
      if (key === 'query' && depth === 0) log.push(`${tag}.query`);
      if (typeof v !== 'function') return v;
      return (...args) => {
        // Calls a method makes on its own db (e.g. execute -> run) are the implementation's business.
        if (depth === 0) log.push(`${tag}.${String(key)}`);
        depth++;
        try {
          return v.apply(receiver, args);
        } finally {
          depth--;
        }
      };
    },
  });
}

const ADULTS = [
  { id: 1, name: 'ann', age: 31 },
  { id: 3, name: 'cid', age: 42 },
];

export const scenarios = [
  // ------------------------------------------------------------ views
  {
    name: 'view declared with its columns and existing() is read like a table',
    run: async (db, t, { sql, eq, gt }, d) => {
      const { view, int, str } = t.core;
      const adults = view('adults', { id: int('id'), name: str('name'), age: int('age') }).existing();
      return withView(db, d, sql, 'adults', 'select id, name, age from users where age > 26', async () => [
        await db.select().from(adults).orderBy(adults.id),
        await db.select({ name: adults.name }).from(adults).where(gt(adults.age, 40)),
        await db
          .select({ user: t.users.name, age: adults.age })
          .from(t.users)
          .innerJoin(adults, eq(adults.id, t.users.id))
          .orderBy(t.users.id),
      ]);
    },
    check: (r, a) =>
      a.deepEqual(r, [
        ADULTS,
        [{ name: 'cid' }],
        [
          { user: 'ann', age: 31 },
          { user: 'cid', age: 42 },
        ],
      ]),
  },
  {
    name: 'view declared from a query is read by its name',
    run: async (db, t, { sql, gt, lt }, d) => {
      const adults = t.core
        .view('adults')
        .as((qb) =>
          qb.select({ id: t.users.id, name: t.users.name, age: t.users.age }).from(t.users).where(gt(t.users.age, 26)),
        );
      return withView(db, d, sql, 'adults', 'select id, name, age from users where age > 26', async () => [
        await db.select().from(adults).orderBy(adults.id),
        await db.select({ id: adults.id }).from(adults).where(lt(adults.age, 40)),
      ]);
    },
    check: (r, a) => a.deepEqual(r, [ADULTS, [{ id: 1 }]]),
  },
  {
    name: 'refresh materialized view, concurrently and with no data',
    only: ['pg'],
    run: async (db, t, { sql }) => {
      const counts = t.core.materializedView('user_counts', { n: t.core.int('n') }).existing();
      const read = () => db.select().from(counts);
      await db.execute(sql`drop materialized view if exists user_counts`);
      await db.execute(sql`create materialized view user_counts as select count(*)::int as n from users`);
      try {
        const out = [await read()];
        await db.insert(t.users).values({ name: 'zed' });
        out.push(await read());
        await db.refreshMaterializedView(counts);
        out.push(await read());
        await db.refreshMaterializedView(counts).withNoData();
        out.push(await attempt(read));
        // CONCURRENTLY needs a populated view with a unique index.
        await db.execute(sql`create unique index user_counts_n on user_counts (n)`);
        await db.refreshMaterializedView(counts);
        await db.insert(t.users).values({ name: 'amy' });
        await db.refreshMaterializedView(counts).concurrently();
        out.push(await read());
        out.push(await attempt(() => db.refreshMaterializedView(counts).concurrently().withNoData()));
        out.push(db.refreshMaterializedView(counts).concurrently().toSQL());
        return out;
      } finally {
        await db.execute(sql`drop materialized view if exists user_counts`);
      }
    },
    check: (r, a) =>
      a.deepEqual(r, [
        [{ n: 5 }],
        [{ n: 5 }],
        [{ n: 6 }],
        { threw: true },
        [{ n: 7 }],
        { threw: true },
        { sql: 'refresh materialized view concurrently "user_counts"', params: [] },
      ]),
  },
  // ------------------------------------------------------------ foreign keys
  {
    name: 'foreign key reference() gives the columns and the foreign table',
    run: async (_db, t) => {
      const [fk] = t.core.getTableConfig(t.users).foreignKeys;
      const ref = fk.reference();
      return {
        columns: ref.columns.map((c) => c.name),
        foreignColumns: ref.foreignColumns.map((c) => c.name),
        foreignTableIsCities: ref.foreignTable === t.cities,
        name: ref.name,
        getName: fk.getName(),
      };
    },
    check: (r, a) =>
      a.deepEqual(r, {
        columns: ['city_id'],
        foreignColumns: ['id'],
        foreignTableIsCities: true,
        name: '<undefined>',
        getName: 'users_city_id_cities_id_fk',
      }),
  },
  // ------------------------------------------------------------ replicas
  {
    name: 'withReplicas sends reads to the replica and writes to the primary',
    run: async (db, t, { sql, eq }, d) => {
      const log = [];
      const primary = spied(db, 'primary', log);
      const replicas = [spied(db, 'r1', log), spied(db, 'r2', log)];
      const rdb = t.core.withReplicas(primary, replicas, (rs) => rs[1]);
      const out = {
        same: [rdb.$primary === primary, rdb.$replicas === replicas],
        selected: await rdb.select({ name: t.cities.name }).from(t.cities).where(eq(t.cities.id, 2)),
        distinct: await rdb.selectDistinct({ age: t.users.age }).from(t.users).where(eq(t.users.age, 25)),
        counted: await rdb.$count(t.cities),
        found: await rdb.query.cities.findFirst({ columns: { name: true }, where: eq(t.cities.id, 3) }),
      };
      await rdb.insert(t.cities).values({ id: 4, name: 'Oslo' });
      await rdb.update(t.cities).set({ country: 'NO' }).where(eq(t.cities.id, 4));
      await exec(rdb, d, sql`delete from ${t.cities} where ${t.cities.id} = ${1}`);
      await rdb.delete(t.cities).where(eq(t.cities.id, 2));
      out.after = await rdb.$primary.select().from(t.cities).orderBy(t.cities.id);
      out.log = log;
      return out;
    },
    check: (r, a, d) =>
      a.deepEqual(r, {
        same: [true, true],
        selected: [{ name: 'Berlin' }],
        distinct: [{ age: 25 }],
        counted: 3,
        found: { name: 'Tokyo' },
        after: [
          { id: 3, name: 'Tokyo', country: 'JP' },
          { id: 4, name: 'Oslo', country: 'NO' },
        ],
        log: [
          // withReplicas copies the primary's own properties, `query` among them.
          'primary.query',
          'r2.select',
          'r2.selectDistinct',
          'r2.$count',
          'r2.query',
          'primary.insert',
          'primary.update',
          d === 'sqlite' ? 'primary.run' : 'primary.execute',
          'primary.delete',
          'primary.select',
        ],
      }),
  },
];
