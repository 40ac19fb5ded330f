// D1 in workerd through miniflare (BENCHMARKS.md, "D1 end to end"): the same worker for each
// ORM's D1 driver, bundled like sizes.mjs; one request = a batched insert (delete + insert of
// 10 rows in one db.batch), a select of those rows and a findMany of the author with them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { BUNDLE_OPTIONS } from './sizes.mjs';
import { HERE } from './orms.mjs';

export function d1WorkerSource(pkg) {
  return `import { drizzle } from '${pkg}/d1';
import { sqliteTable, integer, text } from '${pkg}/sqlite-core';
import { eq, relations } from '${pkg}';
const users = sqliteTable('users', { id: integer('id').primaryKey(), name: text('name').notNull() });
const posts = sqliteTable('posts', {
  id: integer('id').primaryKey(),
  authorId: integer('author_id').notNull(),
  title: text('title').notNull(),
});
const usersRelations = relations(users, ({ many }) => ({ posts: many(posts) }));
const postsRelations = relations(posts, ({ one }) => ({
  author: one(users, { fields: [posts.authorId], references: [users.id] }),
}));
const schema = { users, posts, usersRelations, postsRelations };
export default {
  async fetch(request, env) {
    try {
      const db = drizzle(env.DB, { schema });
      const author = Number(new URL(request.url).searchParams.get('a') ?? 1);
      const rows = Array.from({ length: 10 }, (_, i) => ({ authorId: author, title: 'post ' + i }));
      await db.batch([db.delete(posts).where(eq(posts.authorId, author)), db.insert(posts).values(rows)]);
      const selected = await db.select().from(posts).where(eq(posts.authorId, author));
      const found = await db.query.users.findMany({
        where: eq(users.id, author),
        with: { posts: { orderBy: (p, { asc }) => asc(p.id) } },
      });
      return Response.json({ selected, found });
    } catch (e) {
      return new Response(String((e && e.stack) || e), { status: 500 });
    }
  },
};
`;
}

/**
 * The same request on the D1 binding with no ORM: the three statements written by hand (the
 * insert as one multi-row statement, the findMany as one JSON subquery, as both ORMs plan them)
 * and the rows mapped by hand to the same JSON. The floor under both ORMs: what workerd and the
 * local D1 take for these statements.
 */
export function rawD1WorkerSource() {
  return `export default {
  async fetch(request, env) {
    try {
      const author = Number(new URL(request.url).searchParams.get('a') ?? 1);
      const values = Array.from({ length: 10 }, () => '(?, ?)').join(', ');
      const params = Array.from({ length: 10 }, (_, i) => [author, 'post ' + i]).flat();
      await env.DB.batch([
        env.DB.prepare('delete from posts where author_id = ?').bind(author),
        env.DB.prepare('insert into posts (author_id, title) values ' + values).bind(...params),
      ]);
      const sel = await env.DB.prepare('select id, author_id, title from posts where author_id = ?').bind(author).raw();
      const selected = sel.map(([id, authorId, title]) => ({ id, authorId, title }));
      const users = await env.DB.prepare(
        'select u.id, u.name, (select coalesce(json_group_array(json_array(p.id, p.author_id, p.title)), ' +
          'json_array()) from (select * from posts p where p.author_id = u.id order by p.id) p) ' +
          'from users u where u.id = ?',
      ).bind(author).raw();
      const found = users.map(([id, name, posts]) => ({
        id,
        name,
        posts: JSON.parse(posts).map(([id, authorId, title]) => ({ id, authorId, title })),
      }));
      return Response.json({ selected, found });
    } catch (e) {
      return new Response(String((e && e.stack) || e), { status: 500 });
    }
  },
};
`;
}

/**
 * Bundles and starts the worker for `pkg` (or the no-ORM worker for `null`); returns
 * `{ request(), dispose() }`.
 */
export async function startD1Worker(pkg, name) {
  const dir = mkdtempSync(join(tmpdir(), `mizzle-bench-${name}-`)); // bundle + copied wasm; removed by cleanup()
  const entry = join(dir, 'entry.mjs');
  writeFileSync(entry, pkg === null ? rawD1WorkerSource() : d1WorkerSource(pkg));
  const outdir = join(dir, 'out');
  await build({
    ...BUNDLE_OPTIONS,
    absWorkingDir: HERE,
    entryPoints: [entry],
    outdir,
    nodePaths: [join(HERE, 'node_modules')],
    logLevel: 'error',
  });
  const script = join(outdir, 'entry.js');
  const mf = new Miniflare({
    modules: true,
    scriptPath: script,
    modulesRoot: dirname(script),
    compatibilityDate: '2025-01-01',
    modulesRules: [
      { type: 'ESModule', include: ['**/*.js'] },
      { type: 'CompiledWasm', include: ['**/*.wasm'] },
    ],
    d1Databases: ['DB'],
  });
  const d1 = await mf.getD1Database('DB');
  await d1.exec('create table posts (id integer primary key, author_id integer not null, title text not null)');
  await d1.exec('create table users (id integer primary key, name text not null)');
  await d1.exec("insert into users values (1, 'ann')");
  const request = async () => {
    const res = await mf.dispatchFetch('http://localhost/?a=1');
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${pkg} D1 worker: HTTP ${res.status}\n${body}`);
    return JSON.parse(body);
  };
  return { request, dispose: () => mf.dispose(), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
