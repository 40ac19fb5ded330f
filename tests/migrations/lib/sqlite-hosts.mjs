// The SQLite hosts the migration scenarios run on, behind one shape:
//   { name, migrate(dir, options) -> outcome, drizzle?(dir) -> outcome, exec(sql) -> rows }
// where an outcome is `{ ok: true, result }` or `{ ok: false, error }` (worker.mjs's `describe`), and
// every `open()` gives a fresh, empty database.
//   embedded  mizzle/sqlite-wasm in Node, migrationsFolder read from disk
//   d1        a D1 database of workerd (miniflare), driven from Node: mizzle/d1/migrator and
//             drizzle-orm/d1/migrator with migrationsFolder, as a deploy script does
//   do        a Durable Object's SQLite in workerd, over RPC: mizzle/durable-sqlite/migrator and
//             drizzle-orm's, both with drizzle-kit's bundled form
import { randomUUID } from 'node:crypto';
import { drizzle as drizzleD1d } from 'drizzle-orm/d1';
import { migrate as migrateD1d } from 'drizzle-orm/d1/migrator';
import { bundleWorker, miniflare } from '../../conformance/lib/workers.mjs';
import { bundle } from './folders.mjs';
import { attempt } from './outcome.mjs';

const PKG = new URL('../../../npm-package/bundle/node/', import.meta.url);
const load = (f) => import(new URL(f, PKG).href);

export async function sqliteHosts() {
  const [embedded, embeddedMigrator, d1, d1Migrator, root] = await Promise.all([
    load('sqlite-wasm.js'),
    load('sqlite-wasm-migrator.js'),
    load('d1.js'),
    load('d1-migrator.js'),
    load('index.js'),
  ]);
  const script = await bundleWorker(
    'migrations',
    `export * from '../../../migrations/worker.mjs';\nexport { default } from '../../../migrations/worker.mjs';\n`,
  );
  const bindings = Array.from({ length: 40 }, (_, i) => `D${i}`);
  const mf = miniflare(script, {
    d1Databases: ['DB', ...bindings],
    durableObjects: {
      STORE: { className: 'Store', useSQLite: true },
      BOOTED: { className: 'Booted', useSQLite: true },
    },
  });
  await mf.ready;
  let nextD1 = 0;
  const hosts = [
    {
      name: 'embedded',
      async open() {
        const db = embedded.drizzle(await embedded.createDatabase());
        return {
          migrate: (dir, o = {}) => attempt(() => embeddedMigrator.migrate(db, { migrationsFolder: dir, ...o })),
          exec: async (q) => db.all(root.sql.raw(q)),
        };
      },
    },
    {
      name: 'd1',
      async open() {
        if (nextD1 >= bindings.length) throw new Error('out of fresh D1 databases: add bindings');
        const binding = await mf.getD1Database(bindings[nextD1++]);
        return {
          migrate: (dir, o = {}) =>
            attempt(() => d1Migrator.migrate(d1.drizzle(binding), { migrationsFolder: dir, ...o })),
          drizzle: (dir) => attempt(() => migrateD1d(drizzleD1d(binding), { migrationsFolder: dir })),
          exec: async (q) => (await binding.prepare(q).all()).results,
        };
      },
    },
    {
      name: 'do',
      async open() {
        const ns = await mf.getDurableObjectNamespace('STORE');
        const stub = ns.get(ns.idFromName(randomUUID()));
        return {
          migrate: (dir, o = {}) => stub.mizzle({ migrations: bundle(dir), ...o }),
          drizzle: (dir) => stub.drizzle(bundle(dir)),
          exec: (q) => stub.exec(q),
        };
      },
    },
  ];
  return { hosts, mf };
}
