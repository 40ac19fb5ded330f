// The worker of load.test.mjs (issue 14, item 11): one D1 database and one Durable Object
// taking many concurrent requests of mixed shapes through one engine instance per isolate.
// Each request answers `{ ok, rows }` or `{ error }` (the error's class, kind, code and cause:
// a class does not survive HTTP or RPC), which failure it ran and the params of each statement
// it sent; `stats` reports what the engine holds (shapes cached, interned characters), which
// must stay bounded however many requests came before.
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
  rank: integer().notNull().default(0),
});
/** Declared here, never created: inserting into it fails on the server. */
const ghosts = sqliteTable('ghosts', { id: integer().primaryKey(), tag: text() });
const authorsRelations = relations(authors, ({ many }) => ({ notes: many(notes) }));
const notesRelations = relations(notes, ({ one }) => ({
  author: one(authors, { fields: [notes.authorId], references: [authors.id] }),
}));
const schema = { authors, notes, authorsRelations, notesRelations };

export const SCHEMA = [
  'create table if not exists authors (id integer primary key, name text not null)',
  'create table if not exists notes (id integer primary key, author_id integer not null, body text not null, ' +
    'tag text not null, pinned integer not null default 0, rank integer not null default 0 check (rank >= 0))',
  "insert or ignore into authors values (1, 'ann'), (2, 'bob'), (3, 'cid')",
];

/** The shapes a request runs, by `i % SHAPES`; 4 is a batch that fails in its middle (one of FAILURES). */
const SHAPES = 6;

/** Rows over the 100-parameter limit (3+ params each), the one at `bad` breaking a constraint: a later piece fails. */
function manyRows(author, tag, bad, broken) {
  return Array.from({ length: 60 }, (_, k) => ({ authorId: author, body: `many ${k}`, tag, ...(k === bad && broken) }));
}

/**
 * The ways a request's batch (or transaction) fails in its middle, by `Math.floor(i / SHAPES) % FAILURES.length`
 * (load.test.mjs expects each by name). `row(extra)` is one insert of the request's tag (`row.values(extra)` its
 * values) and `dup` the id of the row the request wrote first: whatever the batch wrote must be gone afterwards.
 */
const FAILURES = [
  ['primary key', ({ db, row, dup }) => db.batch([row(), row({ id: dup, body: 'dup' }), row()])],
  ['not null', ({ db, row }) => db.batch([row(), row({ body: null }), row()])],
  ['check', ({ db, row }) => db.batch([row(), row({ rank: -1 }), row()])],
  // A table the schema declares and the database lacks.
  ['missing table', ({ db, row, tag }) => db.batch([row(), db.insert(ghosts).values({ tag }), row()])],
  // Raw SQL on a table that does not exist: a batch item on D1; on a Durable Object `db.run` runs at once, so
  // there it runs inside a synchronous transaction.
  [
    'missing table, raw SQL',
    ({ db, row, sync }) => {
      const raw = sql.raw('insert into no_such_table (tag) values (1)');
      if (!sync) return db.batch([row(), db.run(raw), row()]);
      return db.transaction((tx) => {
        tx.insert(notes).values(row.values()).run();
        tx.run(raw);
        tx.insert(notes).values(row.values()).run();
      });
    },
  ],
  // One insert split into several statements (one atomic batch / transactionSync), failing in a later one.
  ['split insert', ({ db, dup, tag, author }) => db.insert(notes).values(manyRows(author, tag, 55, { id: dup }))],
  [
    'split insert in a batch',
    ({ db, row, tag, author }) => db.batch([row(), db.insert(notes).values(manyRows(author, tag, 59, { rank: -1 }))]),
  ],
  // D1 has no interactive transactions (a typed error, nothing runs); a Durable Object's rolls back.
  [
    'transaction',
    ({ db, row, dup }) =>
      db.transaction((tx) => {
        tx.insert(notes).values(row.values()).run();
        tx.insert(notes)
          .values(row.values({ id: dup }))
          .run();
      }),
  ],
];

/** The failure request `i` runs, or undefined. */
const failureOf = (i) => (i % SHAPES === 4 ? FAILURES[Math.floor(i / SHAPES) % FAILURES.length] : undefined);

/** One request's work on `db`; `tag` marks the rows it writes; `log` holds the params of each statement sent. */
async function op(db, i, tag, sync, log) {
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
    case 4: {
      // Negative ids never meet the rowids other requests' inserts are given.
      const dup = -1 - i;
      await db.insert(notes).values({ id: dup, authorId: author, body: 'first', tag });
      log.length = 0; // only the failing part's statements are reported
      const values = (extra) => ({ authorId: author, body: 'in batch', tag, ...extra });
      const row = Object.assign((extra) => db.insert(notes).values(values(extra)), { values });
      return failureOf(i)[1]({ db, row, dup, tag, sync, author });
    }
    default:
      return db.all(sql`select count(*) as n from ${notes} where ${notes.authorId} = ${author}`);
  }
}

function describeError(e) {
  return {
    name: e?.name,
    isMizzleError: e instanceof MizzleError,
    kind: e?.kind,
    code: e?.code,
    message: String(e?.message ?? e),
    cause: e?.cause === undefined ? undefined : { name: e.cause?.name, message: String(e.cause?.message ?? e.cause) },
  };
}

/** The answer to request `i`: its rows or its error, the failure it ran, the params of each statement it sent. */
async function answer(db, i, tag, sync, log) {
  const failure = failureOf(i)?.[0];
  try {
    return { ok: true, rows: await op(db, i, tag, sync, log), failure, statements: log };
  } catch (e) {
    return { ok: false, error: describeError(e), failure, statements: log };
  }
}

/** A db whose logger records the number of params of each statement into `log` (its own per request). */
function logged(open, log) {
  return open({ schema, logger: { logQuery: (_sql, params) => log.push(params.length) } });
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
    // A db per call for a logger of its own, as D1's per request: the engine is the isolate's either way.
    const log = [];
    return answer(
      logged((config) => drizzleDO(this.ctx.storage, config), log),
      i,
      tag,
      true,
      log,
    );
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
      case '/op': {
        const log = [];
        const logDb = logged((config) => drizzleD1(env.DB, config), log);
        return Response.json(await answer(logDb, Number(url.searchParams.get('i')), tag, false, log));
      }
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
