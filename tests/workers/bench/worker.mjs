// The Rust Worker's (workers-d1/examples/rest-api) three benchmarked D1 routes written once in drizzle's
// API, on the example's own schema.ts. run.mjs bundles this file twice: as written (drizzle-orm) and with
// esbuild's `alias: { 'drizzle-orm': 'mizzle' }` (mizzle's JS package, every subpath included).
//
//   GET /users   every user, ordered by id                     (Rust: select::<User>().order_by(id))
//   GET /feed    users by id, posts newest first, each with    (Rust: queries::feed(), decoded into
//                its author: one relational statement           schema::UserWithPosts, whose fields these are)
//   POST /users  insert ... returning of a user sent as the Rust Worker takes it (snake_case, created_at in ms)
import { asc } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import * as schema from '../../../workers-d1/examples/rest-api/schema.ts';

const { users } = schema;

/** JSON of rows: bigints as decimal strings, blobs (Buffer, Uint8Array) as byte arrays, dates as ISO text. */
function json(value, status = 200) {
  const body = JSON.stringify(value, function replace(key, v) {
    const raw = this[key];
    if (raw instanceof Uint8Array) return Array.from(raw);
    return typeof v === 'bigint' ? v.toString() : v;
  });
  return new Response(body, { status, headers: { 'content-type': 'application/json' } });
}

const feed = (db) =>
  db.query.users.findMany({
    columns: { id: true, name: true, admin: true, createdAt: true, prefs: true },
    orderBy: users.id,
    with: {
      posts: {
        columns: { id: true, title: true, views: true },
        orderBy: (p, { desc }) => desc(p.id),
        with: { author: { columns: { name: true, avatar: true } } },
      },
    },
  });

async function route(req, db) {
  const { pathname } = new URL(req.url);
  if (pathname === '/users' && req.method === 'GET') {
    return json(await db.select().from(users).orderBy(asc(users.id)));
  }
  if (pathname === '/users' && req.method === 'POST') {
    const u = await req.json();
    const row = {
      name: u.name,
      email: u.email ?? null,
      admin: u.admin ?? undefined,
      createdAt: new Date(u.created_at),
      prefs: u.prefs,
      avatar: u.avatar == null ? null : Buffer.from(u.avatar),
    };
    return json(await db.insert(users).values(row).returning().get());
  }
  if (pathname === '/feed' && req.method === 'GET') return json(await feed(db));
  return json({ error: `no route ${req.method} ${pathname}`, kind: 'not_found' }, 404);
}

export default {
  async fetch(req, env) {
    try {
      return await route(req, drizzle(env.DB, { schema }));
    } catch (e) {
      return json({ error: String(e?.stack ?? e), cause: String(e?.cause ?? ''), kind: 'host' }, 500);
    }
  },
};
