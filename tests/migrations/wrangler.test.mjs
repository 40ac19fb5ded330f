// Issue 15 item 7: folders applied as `wrangler d1 migrations apply` applies them (`layout: 'wrangler'`:
// flat `.sql` files, several statements each, tracked by file name in `d1_migrations`), on the embedded
// SQLite, D1 and Durable Objects in workerd; and the real wrangler CLI (a dev dependency, 4.86.0, the
// one built on this folder's miniflare) as the oracle on a local D1 both open: what wrangler applied
// mizzle continues, what mizzle applied wrangler lists as applied, and both leave the same database.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { Miniflare } from 'miniflare';
import { FIXTURES } from './lib/folders.mjs';
import { sqliteHosts } from './lib/sqlite-hosts.mjs';

const WRANGLER_FIXTURES = fileURLToPath(new URL('./fixtures-wrangler/', import.meta.url));
const WRANGLER = fileURLToPath(new URL('./node_modules/.bin/wrangler', import.meta.url));
const NAMES = ['0001_init.sql', '0002_trigger.sql', '0003_index.sql'];
const PKG = new URL('../../npm-package/bundle/node/', import.meta.url);
const load = (f) => import(new URL(f, PKG).href);

/** The table wrangler creates, as `pragma table_info` reads it (from a database wrangler migrated). */
const WRANGLER_TABLE = [
  { cid: 0, name: 'id', type: 'INTEGER', notnull: 0, dflt_value: null, pk: 1 },
  { cid: 1, name: 'name', type: 'TEXT', notnull: 0, dflt_value: null, pk: 0 },
  { cid: 2, name: 'applied_at', type: 'TIMESTAMP', notnull: 1, dflt_value: 'CURRENT_TIMESTAMP', pk: 0 },
];

/** A copy of fixtures-wrangler/ (or another folder) with only the files named, and extra files written. */
function flat(names = NAMES, extra = {}, from = WRANGLER_FIXTURES) {
  const dir = mkdtempSync(join(tmpdir(), 'mizzle-wrangler-'));
  for (const n of names) cpSync(join(from, n), join(dir, n));
  for (const [n, text] of Object.entries(extra)) writeFileSync(join(dir, n), text);
  return dir;
}

/** The folder's files as the bundled form `{ migrations: { name: text } }` (Workers, browsers). */
function flatBundle(dir) {
  const migrations = {};
  for (const n of readdirSync(dir).filter((n) => n.endsWith('.sql'))) {
    migrations[n] = readFileSync(join(dir, n), 'utf8');
  }
  return migrations;
}

const ok = (o) => {
  assert.ok(o.ok, `migrate failed: ${JSON.stringify(o.error)}`);
  return o.result;
};

/** What the fixture's three migrations leave, checked on any host (`exec` returns row objects). */
async function assertFixtureApplied(exec) {
  assert.deepEqual(await exec('select id, name, role from users order by id'), [
    { id: 1, name: 'ann; the first', role: 'owner' },
    { id: 2, name: 'bob', role: 'member' },
    { id: 3, name: 'cy;', role: 'admin' },
  ]);
  assert.deepEqual(await exec('select note from audit order by id'), [{ note: 'admin cy' }]);
  assert.deepEqual(await exec(`select name from sqlite_master where type = 'index' and name = 'users_admins'`), [
    { name: 'users_admins' },
  ]);
}

let env;
before(async () => {
  env = await sqliteHosts();
});
after(async () => {
  await env?.mf.dispose();
});

/** Each SQLite host with `migrate(dir, options)` in wrangler's layout and `exec(sql)`. */
async function open(name) {
  if (name === 'do') {
    const ns = await env.mf.getDurableObjectNamespace('STORE');
    const stub = ns.get(ns.idFromName(`wrangler-${Math.random()}`));
    return {
      migrate: (dir, o = {}) => stub.mizzle({ migrations: flatBundle(dir), layout: 'wrangler', ...o }),
      exec: (q) => stub.exec(q),
    };
  }
  const h = await env.hosts.find((x) => x.name === name).open();
  return { migrate: (dir, o = {}) => h.migrate(dir, { layout: 'wrangler', ...o }), exec: h.exec };
}

for (const name of ['embedded', 'd1', 'do']) {
  describe(`${name}: wrangler's layout`, () => {
    test('flat files applied in order, split by SQLite rule, recorded in d1_migrations as wrangler does', async () => {
      const h = await open(name);
      const dir = flat();
      const r = ok(await h.migrate(dir));
      assert.deepEqual([r.applied, r.alreadyApplied], [NAMES, 0]);
      await assertFixtureApplied(h.exec);
      assert.deepEqual(await h.exec(`select * from pragma_table_info('d1_migrations') order by cid`), WRANGLER_TABLE);
      const rows = await h.exec('select id, name, applied_at from d1_migrations order by id');
      assert.deepEqual(
        rows.map((r) => [r.id, r.name]),
        NAMES.map((n, i) => [i + 1, n]),
      );
      for (const row of rows) assert.match(row.applied_at, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      const again = ok(await h.migrate(dir));
      assert.deepEqual([again.applied, again.alreadyApplied], [[], 3]);
      // drizzle's table is not touched by this layout.
      assert.deepEqual(await h.exec(`select name from sqlite_master where name = '__drizzle_migrations'`), []);
    });

    test('a partly applied folder continues; a recorded file the folder lacks is named', async () => {
      const h = await open(name);
      assert.deepEqual(ok(await h.migrate(flat(NAMES.slice(0, 1)))).applied, NAMES.slice(0, 1));
      assert.deepEqual(ok(await h.migrate(flat())).applied, NAMES.slice(1));
      await assertFixtureApplied(h.exec);
      const lacking = await h.migrate(flat(NAMES.slice(1)));
      assert.equal(lacking.ok, false);
      assert.equal(lacking.error.kind, 'migration_missing');
      assert.match(lacking.error.message, /0001_init\.sql/);
      assert.deepEqual(ok(await h.migrate(flat(NAMES.slice(1)), { accept: { missing: true } })).applied, []);
    });

    test('a failing statement rolls the run back and names the file and statement', async () => {
      const h = await open(name);
      ok(await h.migrate(flat(NAMES.slice(0, 2))));
      const dir = flat(NAMES, { '0004_bad.sql': "insert into users (id, name) values (9, 'x');\nselect * from nope;" });
      const r = await h.migrate(dir);
      assert.equal(r.ok, false);
      assert.equal(r.error.migration, '0004_bad.sql');
      assert.equal(r.error.statement, 2);
      assert.match(r.error.message, /no such table: nope/);
      // 0003 ran in the same unit: rolled back with it; the table tells the truth.
      assert.deepEqual(
        (await h.exec('select name from d1_migrations order by id')).map((x) => x.name),
        NAMES.slice(0, 2),
      );
      assert.deepEqual(await h.exec('select count(*) as n from users where id = 9'), [{ n: 0 }]);
      // Per migration, as wrangler applies: 0003 stays, 0004 does not.
      const each = await h.migrate(dir, { atomic: 'migration' });
      assert.equal(each.ok, false);
      assert.deepEqual(each.error.applied, ['0003_index.sql']);
      assert.deepEqual(
        (await h.exec('select name from d1_migrations order by id')).map((x) => x.name),
        NAMES,
      );
    });
  });
}

describe('wrangler d1 migrations apply --local as the oracle', () => {
  const ID = '00000000-0000-4000-8000-00000000d1d1';
  let d1, d1Migrator;
  before(async () => {
    [d1, d1Migrator] = await Promise.all([load('d1.js'), load('d1-migrator.js')]);
  });

  /** A wrangler project on `migrations` (a folder path) with its local D1 state in `state/`. */
  function project(migrations, table) {
    const dir = mkdtempSync(join(tmpdir(), 'mizzle-wrangler-project-'));
    const config = {
      name: 'mizzle-wrangler-oracle',
      compatibility_date: '2025-01-01',
      d1_databases: [{ binding: 'DB', database_name: 'db', database_id: ID, migrations_dir: migrations }],
    };
    if (table) config.d1_databases[0].migrations_table = table;
    writeFileSync(join(dir, 'wrangler.json'), JSON.stringify(config));
    const state = join(dir, 'state');
    const wrangler = (...args) =>
      execFileSync(WRANGLER, ['d1', 'migrations', ...args, 'DB', '--local', '--persist-to', state], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, CI: '1', WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
      });
    /** Runs `f(binding)` on the same local D1 through miniflare (closed after, so wrangler can open it). */
    const withD1 = async (f) => {
      const mf = new Miniflare({
        modules: true,
        script: 'export default {}',
        d1Persist: join(state, 'v3', 'd1'),
        d1Databases: { DB: ID },
      });
      try {
        return await f(await mf.getD1Database('DB'));
      } finally {
        await mf.dispose();
      }
    };
    const exec = (db) => async (q) => (await db.prepare(q).all()).results;
    const migrate = (o = {}) =>
      withD1((db) => d1Migrator.migrate(d1.drizzle(db), { migrationsFolder: migrations, layout: 'wrangler', ...o }));
    return { dir, wrangler, withD1, exec, migrate };
  }

  /** The database as both leave it: schema (wrangler's table aside), data, tracking rows by id. */
  const snapshot = (p) =>
    p.withD1(async (db) => {
      const q = p.exec(db);
      return {
        schema: await q(
          `select type, name, tbl_name, sql from sqlite_master where name not like '\\_cf\\_%' escape '\\'
           and name not in ('d1_migrations', 'sqlite_sequence') order by name`,
        ),
        users: await q('select * from users order by id'),
        audit: await q('select * from audit order by id'),
        tracking: await q('select id, name from d1_migrations order by id'),
        table: await q(`select * from pragma_table_info('d1_migrations') order by cid`),
      };
    });

  test('wrangler applies part, mizzle the rest; then wrangler has nothing pending', async () => {
    const folder = flat(NAMES.slice(0, 2));
    const p = project(folder);
    assert.match(p.wrangler('apply'), /0002_trigger\.sql/);
    cpSync(join(WRANGLER_FIXTURES, NAMES[2]), join(folder, NAMES[2]));
    const r = await p.migrate();
    assert.deepEqual([r.applied, r.alreadyApplied], [NAMES.slice(2), 2]);
    assert.match(p.wrangler('list'), /No migrations to apply/);
    assert.match(p.wrangler('apply'), /No migrations to apply/);
    await p.withD1(async (db) => assertFixtureApplied(p.exec(db)));
  });

  test("wrangler's migrations_table, and a SQLite dump's BEGIN TRANSACTION / COMMIT dropped", async () => {
    const dump =
      'PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\nCREATE TABLE d (x TEXT);\nINSERT INTO d VALUES("a;b");\nCOMMIT;\n';
    const folder = flat(NAMES.slice(0, 1));
    const p = project(folder, 'schema_log');
    p.wrangler('apply');
    writeFileSync(join(folder, '0002_dump.sql'), dump);
    const r = await p.migrate({ migrationsTable: 'schema_log' });
    assert.deepEqual(r.applied, ['0002_dump.sql']);
    assert.match(p.wrangler('list'), /No migrations to apply/);
    await p.withD1(async (db) => {
      assert.deepEqual(await p.exec(db)('select x from d'), [{ x: 'a;b' }]);
      assert.deepEqual(await p.exec(db)('select id, name from schema_log order by id'), [
        { id: 1, name: '0001_init.sql' },
        { id: 2, name: '0002_dump.sql' },
      ]);
      assert.deepEqual(await p.exec(db)(`select name from sqlite_master where name = 'd1_migrations'`), []);
    });
    // The same dump applied by wrangler leaves the same table.
    const w = project(flat(NAMES.slice(0, 1), { '0002_dump.sql': dump }), 'schema_log');
    w.wrangler('apply');
    await w.withD1(async (db) => assert.deepEqual(await w.exec(db)('select x from d'), [{ x: 'a;b' }]));
  });

  test('mizzle applies all: wrangler lists none; the database equals the one wrangler makes', async () => {
    const byMizzle = project(flat());
    assert.deepEqual((await byMizzle.migrate()).applied, NAMES);
    assert.match(byMizzle.wrangler('list'), /No migrations to apply/);
    const byWrangler = project(flat());
    byWrangler.wrangler('apply');
    const [a, b] = [await snapshot(byMizzle), await snapshot(byWrangler)];
    assert.deepEqual(a, b);
    assert.deepEqual(a.table, WRANGLER_TABLE);
    // And wrangler continues mizzle's: a file added after mizzle ran is the only one it applies.
    const more = flat(NAMES, { '0004_more.sql': 'INSERT INTO users (id, name) VALUES (4, "dee");' });
    const p = project(more);
    await p.migrate({ migrationsFolder: flat() });
    const out = p.wrangler('apply');
    assert.match(out, /0004_more\.sql/);
    assert.doesNotMatch(out, /0001_init\.sql/);
  });

  test("drizzle-kit's folder in wrangler's layout: wrangler's rows and tables, and children kept", async () => {
    // The usual D1 setup: drizzle-kit generate into migrations/, wrangler (or mizzle) applies the .sql files.
    const fixture = join(FIXTURES, 'sqlite');
    const sqlFiles = readdirSync(fixture).filter((n) => n.endsWith('.sql'));
    const seed = [
      `insert into users (id, name) values (1, 'ann'), (2, 'bob')`,
      `insert into posts (id, user_id, title) values (10, 1, 'p1'), (11, 2, 'p2')`,
    ];
    const run = async (p, apply) => {
      await apply(sqlFiles.slice(0, 2));
      await p.withD1(async (db) => {
        for (const s of seed) await db.prepare(s).run();
      });
      await apply(sqlFiles);
      return p.withD1(async (db) => ({
        tracking: await p.exec(db)('select id, name from d1_migrations order by id'),
        posts: await p.exec(db)('select id, user_id from posts order by id'),
        tables: await p.exec(db)(
          `select name from sqlite_master where type = 'table' and name not like '\\_cf\\_%' escape '\\' order by name`,
        ),
      }));
    };
    // With drizzle-kit's meta/ beside the files, as `out: 'migrations'` leaves it: both read only the .sql files.
    const wFolder = flat([], {});
    cpSync(join(fixture, 'meta'), join(wFolder, 'meta'), { recursive: true });
    const w = project(wFolder);
    const byWrangler = await run(w, async (names) => {
      for (const n of names) cpSync(join(fixture, n), join(wFolder, n));
      w.wrangler('apply');
    });
    const mFolder = flat([], {});
    cpSync(join(fixture, 'meta'), join(mFolder, 'meta'), { recursive: true });
    const m = project(mFolder);
    const byMizzle = await run(m, async (names) => {
      for (const n of names) cpSync(join(fixture, n), join(mFolder, n));
      await m.migrate();
    });
    assert.deepEqual(byMizzle.tracking, byWrangler.tracking);
    assert.deepEqual(byMizzle.tables, byWrangler.tables);
    assert.deepEqual(byMizzle.posts, [
      { id: 10, user_id: 1 },
      { id: 11, user_id: 2 },
    ]);
    // wrangler runs drizzle-kit's rebuild of `users` as written: the cascade deletes the posts.
    assert.deepEqual(byWrangler.posts, []);
  });
});
