// The worker of load.test.mjs (issue 14, item 11): one D1 database and one Durable Object
// taking many concurrent requests of mixed shapes through one engine instance per isolate.
// Each request answers `{ ok, rows }` or `{ error }` (the error's class and kind: a class
// does not survive HTTP or RPC), and `stats` reports what the engine holds (shapes cached,
// interned characters), which must stay bounded however many requests came before.
import { DurableObject } from 'cloudflare:workers';
import { and, eq, gt, MizzleError, relations, sql } from 'mizzle';
import { drizzle as drizzleD1 } from 'mizzle/d1';
import { drizzle as drizzleDO } from 'mizzle/durable-sqlite';
import { integer, sqliteTable, text } from 'mizzle/sqlite-core';

const authors = sqliteTable('authors', { id: integer().primaryKey(), name: text().notNull() });
const notes = sqliteTable('notes', {
  id: integer().primaryKey(),
  authorId: integer('author_id').notNull(),
  body: text().notNull(),
  tag: text().notNull(),
  pinned: integer({ mode: 'boolean' }).notNull().default(false),
});
const authorsRelations = relations(authors, ({ many }) => ({ notes: many(notes) }));
const notesRelations = relations(notes, ({ one }) => ({
  author: one(authors, { fields: [notes.authorId], references: [authors.id] }),
}));
const schema = { authors, notes, authorsRelations, notesRelations };

export const SCHEMA = [
  'create table if not exists authors (id integer primary key, name text not null)',
  'create table if not exists notes (id integer primary key, author_id integer not null, body text not null, ' +
    'tag text not null, pinned integer not null default 0)',
  "insert or ignore into authors values (1, 'ann'), (2, 'bob'), (3, 'cid')",
];

/** The shapes a request runs, by `i % SHAPES`; 4 is a batch that fails in its middle. */
const SHAPES = 6;

/** One request's work on `db`; `tag` marks the rows it writes. */
async function op(db, i, tag) {
  const author = (i % 3) + 1;
  switch (i % SHAPES) {
    case 0:
      return db
        .insert(notes)
        .values({ authorId: author, body: `n${i}`, tag })
        .returning({ id: notes.id, tag: notes.tag });
    case 1:
      return db.select({ name: authors.name }).from(authors).where(eq(authors.id, author));
    case 2:
      return db.query.authors.findMany({
        columns: { name: true },
        with: { notes: { columns: { body: true }, limit: 2, orderBy: (n, { desc }) => desc(n.id) } },
        where: (a, { eq }) => eq(a.id, author),
      });
    case 3:
      return db
        .update(notes)
        .set({ pinned: true })
        .where(and(eq(notes.authorId, author), gt(notes.id, i)))
        .returning({ id: notes.id });
    case 4:
      // The second of three inserts breaks the primary key: a batch is all or nothing. Negative ids
      // never meet the rowids other requests' inserts are given.
      await db.insert(notes).values({ id: -1 - i, authorId: author, body: 'first', tag });
      return db.batch([
        db.insert(notes).values({ authorId: author, body: 'before', tag }),
        db.insert(notes).values({ id: -1 - i, authorId: author, body: 'dup', tag }),
        db.insert(notes).values({ authorId: author, body: 'after', tag }),
      ]);
    default:
      return db.all(sql`select count(*) as n from ${notes} where ${notes.authorId} = ${author}`);
  }
}

function describeError(e) {
  return { name: e?.name, isMizzleError: e instanceof MizzleError, kind: e?.kind, message: String(e?.message ?? e) };
}

async function answer(db, i, tag) {
  try {
    return { ok: true, rows: await op(db, i, tag) };
  } catch (e) {
    return { ok: false, error: describeError(e) };
  }
}

/** What the engine holds: bounded however many requests came before. */
function stats(db) {
  const engine = db.session.engine;
  return { shapes: engine.cachedShapes, chars: engine.strings.chars };
}

export class Notes extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    for (const s of SCHEMA) ctx.storage.sql.exec(s);
    this.db = drizzleDO(ctx.storage, { schema });
  }

  op(i, tag) {
    return answer(this.db, i, tag);
  }

  written(tag) {
    return this.db.all(sql`select body from ${notes} where ${notes.tag} = ${tag} order by ${notes.id}`);
  }

  stats() {
    return stats(this.db);
  }
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const db = drizzleD1(env.DB, { schema });
    const tag = url.searchParams.get('tag') ?? '';
    switch (url.pathname) {
      case '/setup':
        await env.DB.batch(SCHEMA.map((s) => env.DB.prepare(s)));
        return Response.json({ ok: true });
      case '/op':
        return Response.json(await answer(db, Number(url.searchParams.get('i')), tag));
      case '/written':
        return Response.json(
          await db.all(sql`select body from ${notes} where ${notes.tag} = ${tag} order by ${notes.id}`),
        );
      case '/stats':
        return Response.json(stats(db));
      default:
        return new Response('no such path', { status: 404 });
    }
  },
};
