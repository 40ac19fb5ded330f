// mizzle/d1's constructor forms in real workerd (miniflare, a D1 binding): drizzle's
// `drizzle(env.DB, config)` and the one-object `drizzle({ client: env.DB, schema })`, each checked
// by the rows a query returns; and the names a user sees through a bundler (the worker imports the
// package's minified bundle, as wrangler would): `db.constructor.name` and a query error's class.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { bundleWorker, fetchJson, miniflare } from './lib/workers.mjs';

const WORKER = `
import { drizzle } from 'mizzle/d1';
import { integer, sqliteTable, text } from 'mizzle/sqlite-core';
import { eq } from 'mizzle';

const pets = sqliteTable('pets', { id: integer('id').primaryKey(), name: text('name').notNull() });

export default {
  async fetch(_req, env) {
    await env.DB.prepare('drop table if exists pets').run();
    await env.DB.prepare('create table pets (id integer primary key, name text not null)').run();
    await env.DB.prepare("insert into pets values (1, 'rex'), (2, 'tom')").run();
    const positional = drizzle(env.DB);
    const object = drizzle({ client: env.DB, schema: { pets } });
    let error;
    try {
      await positional.insert(pets).values({ id: 1, name: 'again' });
    } catch (e) {
      error = { constructorName: e.constructor.name, name: e.name, causeName: e.cause?.name };
    }
    return Response.json({
      positional: await positional.select().from(pets).orderBy(pets.id),
      object: await object.select().from(pets).where(eq(pets.id, 2)),
      relational: await object.query.pets.findMany({ orderBy: (p, { desc }) => desc(p.id) }),
      names: [positional.constructor.name, object.constructor.name],
      error,
    });
  },
};
`;

let mf;
before(async () => {
  mf = miniflare(await bundleWorker('constructors', WORKER), { d1Databases: ['DB'] });
  await mf.ready;
});
after(async () => {
  await mf?.dispose();
});

test('drizzle(env.DB) and drizzle({ client: env.DB, schema }) query the binding; names survive bundling', async () => {
  const r = await fetchJson(mf, '/');
  assert.deepEqual(r.positional, [
    { id: 1, name: 'rex' },
    { id: 2, name: 'tom' },
  ]);
  assert.deepEqual(r.object, [{ id: 2, name: 'tom' }]);
  assert.deepEqual(r.relational, [
    { id: 2, name: 'tom' },
    { id: 1, name: 'rex' },
  ]);
  assert.deepEqual(r.names, ['DrizzleD1Database', 'DrizzleD1Database']);
  assert.deepEqual(r.error, { constructorName: 'MizzleQueryError', name: 'MizzleQueryError', causeName: 'Error' });
});
