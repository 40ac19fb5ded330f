// The worker of http-faults.test.mjs (issue 14, item 11): mizzle/neon-http and mizzle/planetscale inside
// workerd, against tests/standins' Neon and PlanetScale stand-ins (their URLs are bindings), which the
// test makes fail (5xx, cut bodies, answers slower than the drivers' timeoutMs). One db per driver for
// the isolate's life, as an app keeps it. GET /op?driver=neon|ps&i=&tag= runs shape `i % 4` and answers
// `{ ok, rows }` or `{ ok: false, error }` (the error described: a class does not survive HTTP); /stats
// reports what each engine holds.
import { eq, MizzleError } from 'mizzle';
import { int, mysqlTable, varchar } from 'mizzle/mysql-core';
import { drizzle as neonDrizzle } from 'mizzle/neon-http';
import { integer, pgTable, text } from 'mizzle/pg-core';
import { drizzle as psDrizzle } from 'mizzle/planetscale';

// `items (tag, n)` with primary key (tag, n) on both servers (http-faults.test.mjs creates them).
const pgItems = pgTable('items', { tag: text().notNull(), n: integer().notNull() });
const myItems = mysqlTable('items', { tag: varchar({ length: 64 }).notNull(), n: int().notNull() });

const dbs = {};
/**
 * The isolate's dbs of one timeout, made on the first request (bindings come with it): TIMEOUT_MS for
 * concurrent rounds, QUICK_TIMEOUT_MS for requests sent one at a time (`quick=1`).
 */
function open(env, quick) {
  const timeoutMs = Number(quick ? env.QUICK_TIMEOUT_MS : env.TIMEOUT_MS);
  dbs[timeoutMs] ??= {
    neon: neonDrizzle({
      connectionString: `postgresql://postgres:pw@db.localtest.me/${env.DATABASE}`,
      endpoint: env.NEON_URL,
      timeoutMs,
    }),
    ps: psDrizzle({ url: env.PS_URL, timeoutMs }),
  };
  return dbs[timeoutMs];
}

const seed = (db, t) => db.select({ n: t.n }).from(t).where(eq(t.tag, 'seed')).orderBy(t.n);
const mine = (db, t, tag) => db.select({ n: t.n }).from(t).where(eq(t.tag, tag)).orderBy(t.n);

/**
 * The shapes, by `i % 4`: 0 reads the seed rows; 1 writes rows 0-2 of `tag` atomically and reads them back;
 * 2 does the same with a duplicate key third of four (the server fails it: nothing may stay written);
 * 3 writes rows 0-2 another atomic way. Neon's atomic unit is a batch (one request, one transaction),
 * PlanetScale's a transaction (BEGIN, statements and COMMIT/ROLLBACK, each a request on one session).
 */
const SHAPES = {
  async neon(db, i, tag) {
    const t = pgItems;
    const ins = (n) => db.insert(t).values({ tag, n });
    switch (i % 4) {
      case 0:
        return seed(db, t);
      case 1:
        return (await db.batch([ins(0), ins(1), ins(2), mine(db, t, tag)]))[3];
      case 2:
        return db.batch([ins(0), ins(1), ins(0), ins(2)]);
      default:
        return db
          .insert(t)
          .values([0, 1, 2].map((n) => ({ tag, n })))
          .returning({ n: t.n });
    }
  },
  async ps(db, i, tag) {
    const t = myItems;
    const three = (d, ns) => ns.map((n) => d.insert(t).values({ tag, n }));
    switch (i % 4) {
      case 0:
        return seed(db, t);
      case 1:
      case 2:
        return db.transaction(async (tx) => {
          for (const q of three(tx, i % 4 === 1 ? [0, 1, 2] : [0, 1, 0, 2])) await q;
          return mine(tx, t, tag);
        });
      default:
        return (await db.batch([...three(db, [0, 1, 2]), mine(db, t, tag)]))[3];
    }
  },
};

function describeError(e) {
  return {
    name: e?.name,
    isMizzleError: e instanceof MizzleError,
    kind: e?.kind,
    code: e?.code,
    status: e?.status,
    errno: e?.errno,
    message: String(e?.message ?? e),
    cause: e?.cause === undefined ? undefined : { name: e.cause?.name, message: String(e.cause?.message ?? e.cause) },
  };
}

/** What each engine holds: the same before and after the faults. */
function stats(db) {
  const engine = db.session.engine;
  return { shapes: engine.cachedShapes, chars: engine.strings.chars };
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const { neon, ps } = open(env, url.searchParams.get('quick') === '1');
    if (url.pathname === '/stats') return Response.json({ neon: stats(neon), ps: stats(ps) });
    if (url.pathname !== '/op') return new Response('no such path', { status: 404 });
    const driver = url.searchParams.get('driver');
    const i = Number(url.searchParams.get('i'));
    const tag = url.searchParams.get('tag');
    try {
      return Response.json({ ok: true, rows: await SHAPES[driver](driver === 'neon' ? neon : ps, i, tag) });
    } catch (e) {
      return Response.json({ ok: false, error: describeError(e) });
    }
  },
};
