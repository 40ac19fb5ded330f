// push(): the database brought to the schema without a folder, on the embedded SQLite in Node, on D1 and in a
// Durable Object in workerd (miniflare). The same steps on each: v1 created; rows; v2 refused without the rename hint
// (typed, nothing changed), refused for its type change until accepted, then applied, rows kept (a child under
// ON DELETE CASCADE too, through the users rebuild); a second push does nothing; v3 refused for data loss
// unless accepted; v4's failing rebuild rolls back whole.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { bundleWorker, miniflare } from '../conformance/lib/workers.mjs';
import { attempt } from './lib/outcome.mjs';
import { RENAME, schemaOf } from './push-schema.mjs';

const PKG = new URL('../../npm-package/bundle/node/', import.meta.url);
const load = (f) => import(new URL(f, PKG).href);
const [embedded, migrator, root, core, d1, d1Migrator] = await Promise.all([
  load('sqlite-wasm.js'),
  load('sqlite-wasm-migrator.js'),
  load('index.js'),
  load('sqlite-core.js'),
  load('d1.js'),
  load('d1-migrator.js'),
]);

const script = await bundleWorker(
  'push',
  "export * from '../../../migrations/push-worker.mjs';\n" +
    "export { default } from '../../../migrations/push-worker.mjs';\n",
);
const mf = miniflare(script, {
  d1Databases: ['PUSHDB'],
  durableObjects: {
    PUSHER: { className: 'Pusher', useSQLite: true },
    PUSHED: { className: 'Pushed', useSQLite: true },
  },
});
await mf.ready;
after(() => mf.dispose());

const hosts = {
  embedded: async () => {
    const db = embedded.drizzle(await embedded.createDatabase());
    return {
      push: (v, o = {}) => attempt(() => migrator.push(db, { schema: schemaOf(core, v), ...o })),
      exec: async (q) => db.all(root.sql.raw(q)),
    };
  },
  // D1 of workerd, driven from Node (a deploy or test script's form).
  d1: async () => {
    const binding = await mf.getD1Database('PUSHDB');
    const db = d1.drizzle(binding);
    return {
      push: (v, o = {}) => attempt(() => d1Migrator.push(db, { schema: schemaOf(core, v), ...o })),
      exec: async (q) => (await binding.prepare(q).all()).results,
    };
  },
  'durable object': async () => {
    const ns = await mf.getDurableObjectNamespace('PUSHER');
    const stub = ns.get(ns.newUniqueId());
    return { push: (v, o = {}) => stub.push(v, o), exec: (q) => stub.exec(q) };
  },
};

for (const [name, open] of Object.entries(hosts)) {
  test(`push on ${name}: renames by hint, rows kept, data loss refused, a failing change rolled back`, async () => {
    const db = await open();
    const first = await db.push(1);
    assert.equal(first.ok, true, JSON.stringify(first));
    assert.equal(first.result.statements.length, 2);
    await db.exec("insert into users (id, name, score, note) values (1, 'Ada', 7, 'n')");
    await db.exec("insert into posts (id, user_id, title) values (10, 1, 'Hello')");

    const guessed = await db.push(2);
    assert.equal(guessed.ok, false);
    assert.equal(guessed.error.kind, 'push_ambiguous', guessed.error.message);
    assert.deepEqual(await db.exec('select name from users'), [{ name: 'Ada' }], 'nothing ran');

    // The type change may convert values (SQLite's REAL affinity rounds integers past 2^53): asked for.
    const converting = await db.push(2, { hints: RENAME });
    assert.equal(converting.ok, false);
    assert.equal(converting.error.kind, 'push_destructive');
    assert.match(converting.error.message, /changes the type of "users"\."score" from integer to real/);
    const second = await db.push(2, { hints: RENAME, acceptDataLoss: true });
    assert.equal(second.ok, true, JSON.stringify(second));
    assert.ok(
      second.result.destructive.some((d) => d.kind === 'change_type'),
      'the type change is reported',
    );
    assert.deepEqual(await db.exec('select id, full_name, score, plan, note from users'), [
      { id: 1, full_name: 'Ada', score: 7, plan: 'free', note: 'n' },
    ]);
    assert.deepEqual(await db.exec('select * from posts'), [{ id: 10, user_id: 1, title: 'Hello' }]);

    const again = await db.push(2, { hints: RENAME });
    assert.deepEqual(JSON.parse(JSON.stringify(again)), { ok: true, result: { statements: [], destructive: [] } });

    const lossy = await db.push(3);
    assert.equal(lossy.ok, false);
    assert.equal(lossy.error.kind, 'push_destructive');
    assert.match(lossy.error.message, /drops column "users"\."note"/);
    const accepted = await db.push(3, { acceptDataLoss: true });
    assert.equal(accepted.ok, true, JSON.stringify(accepted));
    assert.deepEqual(await db.exec('select id, full_name from users'), [{ id: 1, full_name: 'Ada' }]);

    const failing = await db.push(4);
    assert.equal(failing.ok, false);
    assert.match(failing.error.message + failing.error.cause, /NOT NULL/);
    const columns = await db.exec("select name from pragma_table_info('users') order by cid");
    assert.deepEqual(
      columns.map((c) => c.name),
      ['id', 'full_name', 'score', 'plan'],
      'the failed rebuild left the table as it was',
    );
    assert.deepEqual(await db.exec('select * from posts'), [{ id: 10, user_id: 1, title: 'Hello' }]);
  });
}

test('a Durable Object pushes its schema from its constructor, inside blockConcurrencyWhile', async () => {
  const ns = await mf.getDurableObjectNamespace('PUSHED');
  const stub = ns.get(ns.newUniqueId());
  const { boot, tables } = await stub.state();
  assert.equal(boot.ok, true, JSON.stringify(boot));
  assert.deepEqual(
    tables.map((t) => t.name).filter((n) => !n.startsWith('_cf_')),
    ['posts', 'users'],
  );
});
