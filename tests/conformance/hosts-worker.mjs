// The worker of hosts.test.mjs: mizzle/d1 behind `fetch` (GET /d1/<case>, fresh tables
// per request) and mizzle/durable-sqlite in a SQLite-backed Durable Object (`Store`,
// called from Node over JS RPC). Every case returns plain JSON-able data; errors are
// caught here and described (name, kind, code, sql, params, message), since an exception
// crossing RPC/HTTP loses its class.
import { DurableObject } from 'cloudflare:workers';
import { drizzle as drizzleD1 } from 'mizzle/d1';
import { drizzle as drizzleDO } from 'mizzle/durable-sqlite';
import { alias, blob, integer, sqliteTable, text } from 'mizzle/sqlite-core';
import { count, eq, MizzleError, MizzleQueryError, relations, sql, TransactionRollbackError } from 'mizzle';

const users = sqliteTable('users', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  managerId: integer('manager_id'),
});
const items = sqliteTable('items', {
  id: integer('id').primaryKey(),
  label: text('label').notNull(),
});
const things = sqliteTable('things', {
  id: integer('id').primaryKey(),
  flag: integer('flag', { mode: 'boolean' }),
  at: integer('at', { mode: 'timestamp' }),
  atMs: integer('at_ms', { mode: 'timestamp_ms' }),
  data: blob('data', { mode: 'buffer' }),
  doc: blob('doc', { mode: 'json' }),
  big: blob('big', { mode: 'bigint' }),
});

// For relational queries (db.query): the reporting line, both sides of the self relation.
const usersRelations = relations(users, ({ one, many }) => ({
  manager: one(users, { fields: [users.managerId], references: [users.id], relationName: 'reports' }),
  reports: many(users, { relationName: 'reports' }),
}));
const schema = { users, items, things, usersRelations };

const SCHEMA = [
  'drop table if exists users',
  'drop table if exists items',
  'drop table if exists things',
  'create table users (id integer primary key, name text not null, manager_id integer)',
  'create table items (id integer primary key, label text not null)',
  'create table things (id integer primary key, flag integer, at integer, at_ms integer, ' +
    'data blob, doc blob, big blob)',
];

const SEED_USERS = [
  { id: 1, name: 'ann', managerId: null },
  { id: 2, name: 'bob', managerId: 1 },
  { id: 3, name: 'cid', managerId: 1 },
  { id: 4, name: 'dan', managerId: 2 },
];

/** 250 items: 500 parameters in one insert, 5 times D1's and Durable Objects' limit. */
const manyItems = (dupAtEnd) =>
  Array.from({ length: 250 }, (_, i) => ({ id: dupAtEnd && i === 248 ? 1 : i + 1, label: `item ${i + 1}` }));

function describe(e) {
  return {
    name: e?.name,
    isMizzleError: e instanceof MizzleError,
    isQueryError: e instanceof MizzleQueryError,
    isRollback: e instanceof TransactionRollbackError,
    kind: e?.kind,
    code: e?.code,
    sql: e?.sql,
    params: e?.params,
    message: String(e?.message ?? e),
  };
}

async function caught(fn) {
  try {
    return { threw: false, value: await fn() };
  } catch (e) {
    return { threw: true, error: describe(e) };
  }
}

const hex = (u8) => Array.from(u8, (b) => b.toString(16).padStart(2, '0')).join('');

function normalizeThing(r) {
  return (
    r && {
      ...r,
      at: r.at instanceof Date ? r.at.toISOString() : r.at,
      atMs: r.atMs instanceof Date ? r.atMs.toISOString() : r.atMs,
      data: r.data instanceof Uint8Array ? `hex:${hex(r.data)}` : r.data,
      big: typeof r.big === 'bigint' ? `${r.big}n` : r.big,
      dataIsUint8Array: r.data instanceof Uint8Array,
    }
  );
}

const THING = {
  id: 1,
  flag: true,
  at: new Date('2024-05-06T07:08:09.999Z'),
  atMs: new Date('2024-05-06T07:08:09.999Z'),
  data: new Uint8Array([0, 1, 127, 128, 255]),
  doc: { a: [1, 'two'], b: null },
  big: 123456789012345678901234567890n,
};

// ------------------------------------------------------------------------------- D1

const d1Cases = {
  /** Real queries: insert, filtered select, join, aggregate, update/delete returning. */
  async rows(db) {
    await db.insert(users).values(SEED_USERS);
    const manager = alias(users, 'manager');
    return {
      byId: await db.select().from(users).where(eq(users.id, 2)),
      joined: await db
        .select({ name: users.name, manager: manager.name })
        .from(users)
        .leftJoin(manager, eq(users.managerId, manager.id))
        .orderBy(users.id),
      counts: await db
        .select({ managerId: users.managerId, n: count() })
        .from(users)
        .groupBy(users.managerId)
        .orderBy(users.managerId),
      updated: await db
        .update(users)
        .set({ name: 'BOB' })
        .where(eq(users.id, 2))
        .returning({ id: users.id, name: users.name }),
      deleted: await db.delete(users).where(eq(users.id, 4)).returning({ id: users.id }),
      left: await db.$count(users),
    };
  },

  /** 250 rows (500 params) split into statements of at most 100 params, all landing. */
  async split(db, log) {
    const returned = await db.insert(items).values(manyItems(false)).returning({ id: items.id });
    const inserts = log.filter(([q]) => q.startsWith('insert'));
    return {
      returned: returned.length,
      stored: await db.$count(items),
      statements: inserts.length,
      maxParams: Math.max(...inserts.map(([, n]) => n)),
    };
  },

  /** The same insert with a duplicate key in its LAST chunk: nothing at all is written. */
  async splitAtomic(db, log) {
    const r = await caught(() => db.insert(items).values(manyItems(true)));
    return { ...r, statements: log.filter(([q]) => q.startsWith('insert')).length, stored: await db.$count(items) };
  },

  /** db.batch: a failing last statement rolls back the earlier ones. */
  async batchAtomic(db) {
    await db.insert(users).values(SEED_USERS.slice(0, 1));
    const r = await caught(() =>
      db.batch([
        db.insert(items).values({ id: 1, label: 'a' }),
        db.update(users).set({ name: 'changed' }).where(eq(users.id, 1)),
        db.insert(users).values({ id: 1, name: 'duplicate' }),
      ]),
    );
    return { ...r, items: await db.$count(items), users: await db.select().from(users) };
  },

  /** db.batch that succeeds: results in order. */
  async batchOk(db) {
    const [ins, sel, cnt] = await db.batch([
      db.insert(users).values(SEED_USERS).returning({ id: users.id }),
      db.select({ name: users.name }).from(users).where(eq(users.managerId, 1)).orderBy(users.id),
      db.select({ n: count() }).from(users),
    ]);
    return { ins, sel, cnt };
  },

  /** db.transaction(): the typed error; the callback never runs, nothing is written. */
  async transaction(db) {
    let ran = false;
    const r = await caught(() =>
      db.transaction(async (tx) => {
        ran = true;
        await tx.insert(items).values({ id: 1, label: 'in tx' });
      }),
    );
    return { ...r, ran, stored: await db.$count(items) };
  },

  /** Two selected columns named `name` (a self join): raw() keeps them apart. */
  async duplicateNames(db, _log, env) {
    await db.insert(users).values(SEED_USERS);
    const u2 = alias(users, 'u2');
    const rows = await db
      .select({ a: users.name, b: u2.name })
      .from(users)
      .innerJoin(u2, eq(users.managerId, u2.id))
      .orderBy(users.id);
    const full = await db.select().from(users).innerJoin(u2, eq(users.managerId, u2.id)).orderBy(users.id);
    // What a driver reading objects would see: one "name" key per row.
    const objects = (
      await env.DB.prepare(
        'select "users"."name", "u2"."name" from "users" ' +
          'inner join "users" "u2" on "users"."manager_id" = "u2"."id" order by "users"."id"',
      ).all()
    ).results;
    return { rows, full, objectKeys: Object.keys(objects[0]) };
  },

  /** Database errors are MizzleQueryError with code, sql and params. */
  async errors(db) {
    await db.insert(users).values(SEED_USERS.slice(0, 1));
    return {
      duplicate: await caught(() => db.insert(users).values({ id: 1, name: 'again' })),
      missingTable: await caught(() => db.all(sql`select * from ${sql.identifier('nope')} where x = ${5}`)),
      bigint: await caught(() => db.insert(users).values({ id: 9007199254740993n, name: 'big' })),
    };
  },

  /** blob / boolean / timestamp columns through D1. */
  async roundTrip(db) {
    await db.insert(things).values(THING);
    return normalizeThing(await db.select().from(things).get());
  },
};

// --------------------------------------------------------------------- Durable Object

export class Store extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    this.log = [];
    this.txCalls = 0;
    const storage = ctx.storage;
    // The storage mizzle sees: the real one, counting transactionSync calls.
    const counted = {
      sql: storage.sql,
      transactionSync: (fn) => {
        this.txCalls++;
        return storage.transactionSync(fn);
      },
    };
    this.db = drizzleDO(counted, { schema, logger: { logQuery: (q, p) => this.log.push([q, p.length]) } });
    for (const s of SCHEMA) storage.sql.exec(s);
  }

  reset() {
    this.log = [];
    this.txCalls = 0;
  }

  /** Real queries; sync execution (no promise) on this host. */
  queries() {
    this.db.insert(users).values(SEED_USERS).run();
    const all = this.db.select().from(users).where(eq(users.managerId, 1)).all();
    const manager = alias(users, 'manager');
    return {
      isSyncArray: Array.isArray(all),
      all,
      get: this.db.select({ name: users.name }).from(users).where(eq(users.id, 4)).get(),
      joined: this.db
        .select({ a: users.name, b: manager.name })
        .from(users)
        .innerJoin(manager, eq(users.managerId, manager.id))
        .orderBy(users.id)
        .all(),
      run: this.db.update(users).set({ name: 'ANN' }).where(eq(users.id, 1)).run(),
      values: this.db.select({ id: users.id, name: users.name }).from(users).orderBy(users.id).limit(1).values(),
      raw: this.db.all(sql`select count(*) as n from ${users}`),
    };
  }

  txCommit() {
    const out = this.db.transaction((tx) => {
      tx.insert(users).values({ id: 1, name: 'ann' }).run();
      tx.insert(items).values({ id: 1, label: 'one' }).run();
      return tx.select({ n: count() }).from(users).get();
    });
    return {
      out,
      users: this.db.select().from(users).all(),
      items: this.db.select().from(items).all(),
      txCalls: this.txCalls,
    };
  }

  txRollback() {
    this.db.insert(users).values({ id: 1, name: 'before' }).run();
    let error;
    try {
      this.db.transaction((tx) => {
        tx.insert(users).values({ id: 2, name: 'inside' }).run();
        tx.update(users).set({ name: 'changed' }).where(eq(users.id, 1)).run();
        throw new Error('boom');
      });
    } catch (e) {
      error = describe(e);
    }
    let rollback;
    try {
      this.db.transaction((tx) => {
        tx.insert(users).values({ id: 3, name: 'rolled back' }).run();
        tx.rollback();
      });
    } catch (e) {
      rollback = describe(e);
    }
    return { error, rollback, users: this.db.select().from(users).all() };
  }

  txAsync() {
    let asyncFn;
    try {
      this.db.transaction(async (tx) => {
        tx.insert(users).values({ id: 1, name: 'async' }).run();
      });
    } catch (e) {
      asyncFn = describe(e);
    }
    // Not an `async function` but returns a promise: still refused, and its write undone.
    let promiseFn;
    try {
      this.db.transaction((tx) => {
        tx.insert(users).values({ id: 2, name: 'promise' }).run();
        return Promise.resolve(1);
      });
    } catch (e) {
      promiseFn = describe(e);
    }
    return { asyncFn, promiseFn, users: this.db.select().from(users).all() };
  }

  split() {
    const before = this.txCalls;
    const r = this.db.insert(items).values(manyItems(false)).run();
    const inserts = this.log.filter(([q]) => q.startsWith('insert'));
    return {
      run: r,
      stored: this.db.select({ n: count() }).from(items).get().n,
      statements: inserts.length,
      maxParams: Math.max(...inserts.map(([, n]) => n)),
      transactionSyncCalls: this.txCalls - before,
    };
  }

  splitAtomic() {
    const before = this.txCalls;
    let error;
    try {
      this.db.insert(items).values(manyItems(true)).run();
    } catch (e) {
      error = describe(e);
    }
    return {
      error,
      statements: this.log.filter(([q]) => q.startsWith('insert')).length,
      stored: this.db.select({ n: count() }).from(items).get().n,
      transactionSyncCalls: this.txCalls - before,
    };
  }

  /** db.query findMany with nested `with` (and findFirst), sync and awaited, in and out of a transaction. */
  async relational() {
    this.db.insert(users).values(SEED_USERS).run();
    this.db.insert(things).values(THING).run();
    const from = this.log.length;
    const tree = this.db.query.users
      .findMany({
        columns: { id: true, name: true },
        where: (u, { isNull }) => isNull(u.managerId),
        with: {
          reports: {
            columns: { name: true },
            orderBy: (u, { asc }) => asc(u.id),
            with: { reports: { columns: { name: true } }, manager: { columns: { name: true } } },
          },
        },
      })
      .sync();
    const statements = this.log.length - from;
    const first = await this.db.query.users.findFirst({
      columns: { name: true },
      where: (u, { eq }) => eq(u.id, 4),
      with: {
        manager: { columns: { name: true }, with: { manager: { columns: { name: true }, with: { manager: true } } } },
      },
    });
    const missing = await this.db.query.users.findFirst({
      where: (u, { eq }) => eq(u.id, 99),
      with: { reports: true },
    });
    const txBefore = this.txCalls;
    const inTx = this.db.transaction((tx) => {
      tx.insert(users).values({ id: 5, name: 'eve', managerId: 3 }).run();
      return tx.query.users
        .findMany({
          columns: { name: true },
          where: (u, { eq }) => eq(u.id, 3),
          with: { reports: { columns: { name: true } } },
        })
        .sync();
    });
    const thing = normalizeThing(this.db.query.things.findFirst().sync());
    return { tree, statements, first, missing: missing === undefined, inTx, txCalls: this.txCalls - txBefore, thing };
  }

  roundTrip() {
    this.db.insert(things).values(THING).run();
    const row = this.db.select().from(things).get();
    const stored = this.ctx.storage.sql
      .exec(
        'select typeof(flag) f, flag, at, at_ms, typeof(data) d, hex(data) h, ' +
          'cast(doc as text) doc, cast(big as text) big from things',
      )
      .one();
    const byFlag = this.db.select({ id: things.id }).from(things).where(eq(things.flag, true)).all();
    return { row: normalizeThing(row), stored, byFlag };
  }
}

export default {
  async fetch(request, env) {
    const name = new URL(request.url).pathname.replace(/^\/d1\//, '');
    const fn = d1Cases[name];
    if (!fn) return new Response(`no case ${name}`, { status: 404 });
    try {
      await env.DB.batch(SCHEMA.map((s) => env.DB.prepare(s)));
      const log = [];
      const db = drizzleD1(env.DB, { logger: { logQuery: (q, p) => log.push([q, p.length]) } });
      return Response.json(await fn(db, log, env));
    } catch (e) {
      return new Response(String(e?.stack || e), { status: 500 });
    }
  },
};
