// The example Rust Worker on Neon's SQL over HTTP and PlanetScale's HTTP API (workers-d1/examples/http-api,
// `mizzle_workers::{Neon, PlanetScale}` over `worker::Fetch`) in workerd, against the stand-ins of
// tests/standins/ (checked there by the official clients) in front of the local PostgreSQL and MariaDB.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { drizzle as neonDrizzle } from 'mizzle/neon-http';
import { migrate as neonMigrate } from 'mizzle/neon-http/migrator';
import { drizzle as psDrizzle } from 'mizzle/planetscale';
import { migrate as psMigrate } from 'mizzle/planetscale/migrator';
import { buildOf, call, miniflare, ok, requireBuiltWorker } from './lib/worker.mjs';

const SERVE = fileURLToPath(new URL('../standins/serve.mjs', import.meta.url));
const BIG = '9007199254740993';
const EXAMPLE = new URL('../../workers-d1/examples/http-api/', import.meta.url);
const PG_CONNECTION = 'postgresql://postgres@127.0.0.1:5432/test';

/** mizzle's JS migrator for `db` on the same folder and tracking table as the Rust Worker's. */
function jsMigrate(db) {
  const config = (dir) => ({
    migrationsFolder: fileURLToPath(new URL(dir, EXAMPLE)),
    migrationsTable: 'workers_migrations',
  });
  if (db === 'neon') {
    return neonMigrate(
      neonDrizzle({ connectionString: PG_CONNECTION, endpoint: servers.urls.neon }),
      config('migrations-pg'),
    );
  }
  return psMigrate(psDrizzle({ url: servers.urls.planetscale }), config('migrations-mysql'));
}

/** Both stand-ins in a child process: its first stdout line is `{ neon, planetscale }`. */
async function standins() {
  const child = spawn(process.execPath, [SERVE], { stdio: ['pipe', 'pipe', 'inherit'] });
  const line = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the stand-ins exited (${code})`)));
  });
  return { urls: JSON.parse(line), close: () => child.stdin.end() };
}

let servers;
let mf;
before(async () => {
  const build = buildOf('http-api');
  requireBuiltWorker(build);
  servers = await standins();
  const ps = new URL(servers.urls.planetscale);
  mf = miniflare({
    scriptPath: `${build}index.js`,
    modulesRoot: build,
    d1Databases: [],
    durableObjects: {},
    bindings: {
      NEON_ENDPOINT: servers.urls.neon,
      NEON_CONNECTION: PG_CONNECTION,
      PS_ORIGIN: ps.origin,
      PS_USERNAME: decodeURIComponent(ps.username),
      PS_PASSWORD: decodeURIComponent(ps.password),
    },
  });
});
after(async () => {
  await mf?.dispose();
  servers?.close();
});

for (const db of ['neon', 'planetscale']) {
  describe(`${db}: the Rust API over HTTP`, () => {
    test("migrations from Rust share drizzle-kit's folder and tracking table with mizzle's JS migrator", async () => {
      await ok(mf, `/${db}/reset`, '');
      assert.deepEqual(await ok(mf, `/${db}/migrate`, ''), { applied: ['0000_init', '0001_pages'], alreadyApplied: 0 });
      assert.deepEqual(await ok(mf, `/${db}/migrate`, ''), { applied: [], alreadyApplied: 2 });
      assert.deepEqual((await jsMigrate(db)).applied, []);
      // The other way round: the JS migrator first, then Rust finds nothing to do.
      await ok(mf, `/${db}/reset`, '');
      assert.deepEqual((await jsMigrate(db)).applied, ['0000_init', '0001_pages']);
      assert.deepEqual(await ok(mf, `/${db}/migrate`, ''), { applied: [], alreadyApplied: 2 });
      await ok(mf, `/${db}/reset`, '');
    });

    test('setup, inserts, and every codec read back', async () => {
      await ok(mf, `/${db}/setup`, '');
      const ann = await ok(mf, `/${db}/users`, {
        name: 'ann',
        admin: true,
        created_at: 1_700_000_000_000,
        prefs: { theme: 'dark' },
        avatar: [0, 255, 7],
      });
      assert.deepEqual(ann, {
        id: 1,
        name: 'ann',
        admin: true,
        created_at: '2023-11-14T22:13:20.000Z',
        prefs: { theme: 'dark' },
        avatar: [0, 255, 7],
      });
      const bo = await ok(mf, `/${db}/users`, { name: 'bo', created_at: 0, prefs: { theme: 'light' } });
      assert.deepEqual([bo.id, bo.admin, bo.avatar], [2, false, null]);
    });

    test('an integer beyond 2^53 is written and read exactly', async () => {
      await ok(mf, `/${db}/users/1/posts`, `{"title":"big","views":${BIG},"author_id":0}`);
      await ok(mf, `/${db}/users/1/posts`, { title: 'small', views: 5, author_id: 0 });
      const [, text] = await call(mf, `/${db}/feed`);
      assert.match(text, new RegExp(`"views":${BIG}[,}]`), text);
    });

    test('a relational query (lateral joins on PostgreSQL, JSON aggregates on MySQL) nests the posts', async () => {
      const feed = await ok(mf, `/${db}/feed`);
      assert.deepEqual(
        feed.map((u) => [u.name, u.admin, u.avatar, u.posts.map((p) => p.title)]),
        [
          ['ann', true, [0, 255, 7], ['small', 'big']],
          ['bo', false, null, []],
        ],
      );
    });

    test('a join with aggregates', async () => {
      const stats = await ok(mf, `/${db}/stats`);
      assert.deepEqual(
        stats.map((s) => [s.name, s.posts]),
        [
          ['ann', 2],
          ['bo', 0],
        ],
      );
      assert.equal(stats[1].views, null);
    });

    test('a batch is atomic: a duplicate rolls back the insert before it; errors carry the server code', async () => {
      const [status, , body] = await call(mf, `/${db}/batch`, [
        { name: 'cy', created_at: 0, prefs: { theme: 'x' } },
        { name: 'ann', created_at: 0, prefs: { theme: 'x' } },
      ]);
      assert.equal(status, 500, JSON.stringify(body));
      assert.equal(body.code, db === 'neon' ? '23505' : '1062');
      const users = await ok(mf, `/${db}/users`);
      assert.deepEqual(
        users.map((u) => u.name),
        ['ann', 'bo'],
      );
      assert.deepEqual(await ok(mf, `/${db}/batch`, [{ name: 'dee', created_at: 0, prefs: { theme: 'x' } }]), {
        statements: 1,
      });
    });
  });
}
