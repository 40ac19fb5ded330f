// `mizzle-kit generate` (SQLite) against drizzle-kit 0.31 and the real SQLite. A project folder is made under
// node_modules/ with `mizzle` linked to npm-package, so a schema's `import ... from 'mizzle/sqlite-core'` loads
// what an installed package would. For kit/sequence-sqlite.ts (every kind of change, version by version) and
// kit/sqlite.ts (every DSL feature):
//   - mizzle-kit's snapshots equal drizzle-kit's for the same schema, but for the differences listed in KNOWN;
//   - each version's folder, applied by mizzle's migrator and by drizzle-orm's, gives a database whose
//     introspection equals that version's snapshot, with the rows of unchanged columns kept;
//   - drizzle-kit's folder for the same versions leads to the same introspected database (up to the first
//     rename: drizzle-kit can only ask for renames on a terminal);
//   - a rename without a hint exits 3 and writes nothing; --rename and --create-drop decide; --custom and
//     "no changes" write what drizzle-kit writes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { folder } from './lib/folders.mjs';
import {
  bin,
  differences,
  introspect,
  openEmbedded,
  drizzleKitGenerate as drizzleKit,
  engine,
  project as kitProject,
  mizzleKit as kitGenerate,
  lastSnapshot,
  myDatabase,
  normal,
  pgDatabase,
  pkg,
  workspace,
  openDrizzle,
} from './lib/kit-project.mjs';
import * as esbuild from 'esbuild';

// Inside node_modules: drizzle-orm and esbuild resolve from here, as in a project that has drizzle-kit.
const tmp = workspace('generate');
const project = (name, file, orm) => kitProject(tmp, name, file, orm);
const mizzleKit = (dir, version, args, dialect = 'sqlite') => kitGenerate(dir, version, args, dialect);
const drizzleKitGenerate = (dir, version, out, dialect = 'sqlite') => drizzleKit(dir, version, out, dialect);

/**
 * Where mizzle-kit's snapshot of kit/sqlite.ts differs from drizzle-kit's, and why. drizzle-kit writes a value in
 * a check or an index's `where` as `?`, which SQLite refuses in DDL (its CREATE fails: see the last test);
 * mizzle-kit writes the value.
 */
/** The same for kit/mysql.ts (drizzle-kit writes `?`). */
const KNOWN_MYSQL = {
  'tables.users.checkConstraint.users_ops_ok.value': /<> 'admin'\) or .* > 0\)$/,
};

/** The same for kit/pg.ts (drizzle-kit writes `$1`, which PostgreSQL refuses in DDL). */
const KNOWN_PG = {
  'tables.public.users.checkConstraints.users_ops_ok.value': /<> 'sad'\) or .* > 0\)$/,
  'tables.public.users.indexes.users_ops_idx.where': /like 'a%' and .* between 0 and 10 .* in \('ab'\) .* = true\)$/,
};

const KNOWN = {
  'tables.users.checkConstraints.users_ops_ok.value': /<> 'x'\) or .* > 0\)$/,
  'tables.users.indexes.users_ops_idx.where': /like 'a%' and .* between 0 and 10 .* in \('admin'\) .* = 1\)$/,
};

/** The project's schema.ts at `version`, compiled as mizzle-kit compiles it (packages left to Node). */
async function loadSchema(dir, version) {
  const out = join(dir, `schema-v${version}.mjs`);
  const { outputFiles } = await esbuild.build({
    entryPoints: [join(dir, 'schema.ts')],
    bundle: true,
    packages: 'external',
    format: 'esm',
    platform: 'node',
    write: false,
    define: { 'process.env.KIT_VERSION': JSON.stringify(String(version)) },
  });
  writeFileSync(out, outputFiles[0].text);
  return import(out);
}

test('mizzle-kit writes the snapshot drizzle-kit writes for every DSL feature (kit/sqlite.ts)', () => {
  const m = project('features-mizzle', 'sqlite.ts', 'mizzle');
  const d = project('features-drizzle', 'sqlite.ts', 'drizzle');
  for (const version of [1, 2]) {
    const r = mizzleKit(m, version, ['--out', './out', '--name', `v${version}`]);
    assert.equal(r.status, 0, r.err);
    drizzleKitGenerate(d, version, './out');
    const found = differences(normal(lastSnapshot(join(m, 'out'))), normal(lastSnapshot(join(d, 'out'))));
    assert.deepEqual(found.map((x) => x.path).sort(), Object.keys(KNOWN).sort(), JSON.stringify(found, null, 1));
    for (const x of found) assert.match(x.mizzle, KNOWN[x.path], x.path);
  }
});

// PostgreSQL: the engine's snapshot of the schema (what `generate` will diff), against drizzle-kit's.
test("the engine's PostgreSQL snapshot is drizzle-kit's for every DSL feature (kit/pg.ts)", async () => {
  const m = project('pg-mizzle', 'pg.ts', 'mizzle');
  const d = project('pg-drizzle', 'pg.ts', 'drizzle');
  const { declaredSchema } = await import(join(pkg, 'bundle/node/kit-schema.js'));
  for (const version of [1, 2]) {
    drizzleKitGenerate(d, version, './out', 'postgresql');
    const schema = await loadSchema(m, version);
    const ours = engine.schemaSnapshot(declaredSchema(schema, 'postgresql'));
    const found = differences(normal(ours), normal(lastSnapshot(join(d, 'out'))));
    assert.deepEqual(found.map((x) => x.path).sort(), Object.keys(KNOWN_PG).sort(), JSON.stringify(found, null, 1));
    for (const x of found) assert.match(x.mizzle, KNOWN_PG[x.path], x.path);
  }
});

test('each version of the sequence, applied by both migrators, reads back as its snapshot, rows kept', async () => {
  const dir = project('sequence-mizzle', 'sequence-sqlite.ts', 'mizzle');
  const dbs = { mizzle: await openEmbedded(), drizzle: openDrizzle() };
  const hints = { 4: ['--rename', 'users.name=full_name', '--rename', 'tags=labels'] };
  const seen = [];
  for (const version of [1, 2, 3, 4, 5]) {
    const r = mizzleKit(dir, version, ['--out', './out', '--name', `v${version}`, ...(hints[version] ?? [])]);
    assert.equal(r.status, 0, `v${version}: ${r.err}`);
    seen.push(r.out);
    const out = join(dir, 'out');
    const expected = normal(lastSnapshot(out));
    for (const [name, db] of Object.entries(dbs)) {
      await db.migrate(out);
      assert.deepEqual(normal(await introspect(db)), expected, `v${version} applied by ${name}'s migrator`);
    }
    if (version === 1) {
      for (const db of Object.values(dbs)) {
        await db.exec(`insert into users (id, name, email, age) values (1, 'Ada', 'ada@x', 36), (2, 'Bo', 'bo@x', 7);
                 insert into posts (id, user_id, title, body) values (10, 1, 'Hello', null), (11, 2, 'Second', 'b')`);
      }
    }
    for (const [name, db] of Object.entries(dbs)) {
      const users = await db.all('select id, email, age from users order by id');
      assert.deepEqual(users, [
        { id: 1, email: 'ada@x', age: 36 },
        { id: 2, email: 'bo@x', age: 7 },
      ]);
      const posts = await db.all('select id, user_id, title from posts order by id');
      assert.deepEqual(
        posts,
        [
          { id: 10, user_id: 1, title: 'Hello' },
          { id: 11, user_id: 2, title: 'Second' },
        ],
        `v${version} ${name}: posts kept through the rebuilds`,
      );
      const who = version >= 4 ? 'full_name' : 'name';
      assert.deepEqual(await db.all(`select ${who} as n from users order by id`), [{ n: 'Ada' }, { n: 'Bo' }]);
    }
  }
  // v5 only adds an enum value (TypeScript only in SQLite) besides the generated column: one rebuild.
  assert.match(seen[4], /0004_v5\.sql/);
});

test("drizzle-kit's folder for the same versions leads to the same database (fixtures/schema/sqlite.ts)", async () => {
  // drizzle-kit's folder for these versions is committed (fixtures/sqlite, by fixtures/generate.mjs).
  const m = project('compare-mizzle', '../fixtures/schema/sqlite.ts', 'mizzle');
  const dbs = { mizzle: await openEmbedded(), drizzle: openDrizzle() };
  for (const version of [1, 2, 3, 4]) {
    assert.equal(mizzleKit(m, version, ['--out', './out']).status, 0);
    await dbs.mizzle.migrate(join(m, 'out'));
    await dbs.drizzle.migrate(folder('sqlite', version));
    const [a, b] = [normal(await introspect(dbs.mizzle)), normal(await introspect(dbs.drizzle))];
    assert.deepEqual(a, b, `v${version}`);
  }
});

// drizzle-kit's rebuild copies the new table's columns from the old one, which lacks those added in the version.
test("drizzle-kit's folder for the sequence fails where mizzle-kit's applies", async () => {
  const d = project('sequence-drizzle', 'sequence-sqlite.ts', 'drizzle');
  const db = openDrizzle();
  drizzleKitGenerate(d, 1, './out');
  await db.migrate(join(d, 'out'));
  drizzleKitGenerate(d, 2, './out');
  // Its INSERT INTO __new_posts(..., "published") SELECT ..., "published" FROM posts names v2's new column.
  await assert.rejects(db.migrate(join(d, 'out')), (e) => /no such column: "?published/.test(String(e.cause ?? e)));
});

test('a rename is never guessed: exit 3 and nothing written without a hint; --create-drop decides too', () => {
  const dir = project('renames', 'sequence-sqlite.ts', 'mizzle');
  for (const v of [1, 2, 3]) assert.equal(mizzleKit(dir, v, ['--out', './out']).status, 0);
  const before = readdirSync(join(dir, 'out')).sort();
  const r = mizzleKit(dir, 4, ['--out', './out']);
  assert.equal(r.status, 3, r.err);
  assert.match(r.err, /--rename/);
  assert.deepEqual(readdirSync(join(dir, 'out')).sort(), before, 'nothing written');
  // A typo in a hint is an error of its own (exit 2), not silently a drop.
  const typo = mizzleKit(dir, 4, ['--out', './out', '--rename', 'users.nmae=full_name', '--rename', 'tags=labels']);
  assert.equal(typo.status, 2, typo.err);
  assert.match(typo.err, /nmae/);
  const fresh = mizzleKit(dir, 4, [
    '--out',
    './out',
    '--create-drop',
    'users.name',
    '--create-drop',
    'tags',
    '--name',
    'fresh',
  ]);
  assert.equal(fresh.status, 0, fresh.err);
  const text = readFileSync(join(dir, 'out/0003_fresh.sql'), 'utf8');
  assert.match(text, /DROP TABLE "tags"/);
  assert.match(text, /ALTER TABLE "users" DROP COLUMN "name"|INSERT INTO "__new_users"/);
  assert.match(fresh.out, /warning: .*drops table "tags"/);
});

// The config file as drizzle-kit reads it: a schema glob over files, out, breakpoints.
test('generate reads drizzle.config.ts as drizzle-kit does; usage errors exit 2', () => {
  const dir = join(tmp, 'config');
  mkdirSync(join(dir, 'src'), { recursive: true });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(pkg, join(dir, 'node_modules/mizzle'));
  const table = (name) =>
    `import { integer, sqliteTable, text } from 'mizzle/sqlite-core';\n` +
    `export const ${name} = sqliteTable('${name}', { id: integer().primaryKey(), label: text() });\n`;
  writeFileSync(join(dir, 'src/users.ts'), table('users'));
  writeFileSync(join(dir, 'src/posts.ts'), table('posts'));
  writeFileSync(
    join(dir, 'drizzle.config.ts'),
    "import { defineConfig } from 'mizzle/kit';\n" +
      "export default defineConfig({ dialect: 'sqlite', schema: './src/*.ts', out: './migrations', " +
      'breakpoints: false });\n',
  );
  const run = (args) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8' });
  const r = run(['generate', '--name', 'init']);
  assert.equal(r.status, 0, r.stderr);
  const sql = readFileSync(join(dir, 'migrations/0000_init.sql'), 'utf8');
  assert.match(sql, /CREATE TABLE "posts"/);
  assert.match(sql, /CREATE TABLE "users"/);
  assert.doesNotMatch(sql, /statement-breakpoint/);
  const journal = JSON.parse(readFileSync(join(dir, 'migrations/meta/_journal.json'), 'utf8'));
  assert.equal(journal.entries[0].breakpoints, false);
  const turso = run(['generate', '--dialect', 'turso', '--schema', './src/users.ts']);
  assert.equal(turso.status, 2, turso.stderr);
  assert.match(turso.stderr, /SQLite, PostgreSQL and MySQL/);
  const wrong = run(['generate', '--atomic', 'run']);
  assert.equal(wrong.status, 2);
  assert.match(wrong.stderr, /--atomic is not an option of generate/);
});

test('--down writes the reverse of each migration; applied, it gives back the previous version', async () => {
  const dir = project('down', 'sequence-sqlite.ts', 'mizzle');
  const hints = { 4: ['--rename', 'users.name=full_name', '--rename', 'tags=labels'] };
  const db = openDrizzle();
  const snapshots = [];
  for (const version of [1, 2, 3, 4]) {
    const r = mizzleKit(dir, version, ['--out', './out', '--name', `v${version}`, '--down', ...(hints[version] ?? [])]);
    assert.equal(r.status, 0, r.err);
    assert.match(r.out, /down: out\/down\/000\d_v\d\.sql/);
    await db.migrate(join(dir, 'out'));
    snapshots.push(normal(await introspect(db)));
  }
  // Back from v4 to v1, one down file at a time (the rename undone by its reverse hint).
  for (const version of [4, 3, 2]) {
    const tag = `000${version - 1}_v${version}`;
    const text = readFileSync(join(dir, `out/down/${tag}.sql`), 'utf8');
    assert.match(text, new RegExp(`^-- Reverses ${tag}\\.sql`));
    for (const statement of text.split('--> statement-breakpoint')) await db.exec(statement);
    assert.deepEqual(normal(await introspect(db)), snapshots[version - 2], `down from v${version}`);
  }
  assert.match(readFileSync(join(dir, 'out/down/0001_v2.sql'), 'utf8'), /-- loses: .*drops table "tags"/);
});

test('check verifies the folder: files, the snapshot chain, collisions', () => {
  const dir = project('check', 'sequence-sqlite.ts', 'mizzle');
  for (const v of [1, 2, 3]) assert.equal(mizzleKit(dir, v, ['--out', './out']).status, 0);
  const check = () => spawnSync(process.execPath, [bin, 'check', '--out', './out'], { cwd: dir, encoding: 'utf8' });
  const ok = check();
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /3 migrations, snapshots chained, no collision/);
  // A branch generated from the same state as 0001: drizzle-kit's collision.
  const meta = join(dir, 'out/meta');
  const second = JSON.parse(readFileSync(join(meta, '0001_snapshot.json'), 'utf8'));
  const third = JSON.parse(readFileSync(join(meta, '0002_snapshot.json'), 'utf8'));
  writeFileSync(join(meta, '0002_snapshot.json'), JSON.stringify({ ...third, prevId: second.prevId }, null, 2));
  rmSync(join(dir, 'out/0001_migration.sql'));
  const bad = check();
  assert.equal(bad.status, 2, bad.stdout);
  assert.match(bad.stderr, /0001_migration: 0001_migration\.sql is missing/);
  assert.match(bad.stderr, /0002_migration: its snapshot follows/);
  assert.match(bad.stderr, /collision: 0001_migration and 0002_migration both follow snapshot/);
});

test('--custom writes an empty migration with the previous snapshot; no change writes nothing', () => {
  const dir = project('custom', 'sequence-sqlite.ts', 'mizzle');
  assert.equal(mizzleKit(dir, 1, ['--out', './out']).status, 0);
  const none = mizzleKit(dir, 1, ['--out', './out']);
  assert.equal(none.status, 0);
  assert.match(none.out, /no schema changes/);
  const custom = mizzleKit(dir, 1, ['--out', './out', '--custom', '--name', 'seed']);
  assert.equal(custom.status, 0, custom.err);
  assert.equal(
    readFileSync(join(dir, 'out/0001_seed.sql'), 'utf8'),
    '-- Custom SQL migration file, put your code below! --',
  );
  const [a, b] = ['0000', '0001'].map((n) =>
    JSON.parse(readFileSync(join(dir, `out/meta/${n}_snapshot.json`), 'utf8')),
  );
  assert.equal(b.prevId, a.id);
  assert.deepEqual(normal(b), normal(a));
  const journal = JSON.parse(readFileSync(join(dir, 'out/meta/_journal.json'), 'utf8'));
  assert.deepEqual(
    journal.entries.map((e) => e.tag),
    ['0000_migration', '0001_seed'],
  );
});

test("drizzle-kit's folder for kit/sqlite.ts fails on SQLite where mizzle-kit's applies (KNOWN)", async () => {
  const m = project('apply-mizzle', 'sqlite.ts', 'mizzle');
  const d = project('apply-drizzle', 'sqlite.ts', 'drizzle');
  assert.equal(mizzleKit(m, 1, ['--out', './out']).status, 0);
  drizzleKitGenerate(d, 1, './out');
  const mine = openDrizzle();
  await mine.migrate(join(m, 'out'));
  const where = normal(await introspect(mine)).tables.users.indexes.users_ops_idx.where;
  assert.match(where, KNOWN['tables.users.indexes.users_ops_idx.where']);
  await assert.rejects(openDrizzle().migrate(join(d, 'out')), /parameters are not allowed|prohibited|\?/i);
});

test("PostgreSQL: mizzle-kit's folder and drizzle-kit's give the same database (fixtures/schema/pg.ts)", async () => {
  const m = project('compare-pg', '../fixtures/schema/pg.ts', 'mizzle');
  const [mine, theirs] = [await pgDatabase(), await pgDatabase()];
  for (const version of [1, 2, 3, 4]) {
    const r = mizzleKit(m, version, ['--out', './out'], 'postgresql');
    assert.equal(r.status, 0, r.err);
    await mine.apply(join(m, 'out'), version - 1);
    await theirs.apply(folder('pg', version), version - 1);
    assert.deepEqual(normal(await mine.snapshot()), normal(await theirs.snapshot()), `v${version}`);
    // What mizzle-kit wrote is what the database holds.
    assert.deepEqual(normal(await mine.snapshot()), normal(lastSnapshot(join(m, 'out'))), `v${version} read back`);
  }
});

/**
 * What PostgreSQL 15 gives back in its own words for kit/pg.ts (the text of checks, index predicates and
 * expressions, generated columns and views, reprinted; jsonb and array literals normalised; a cast dropped),
 * what it does not keep (`concurrently`, a mode's type spelling), and what is not created (an `.existing()`
 * view, a view column's declared type). Everything else must read back as declared.
 */
const PG_REWRITES = [
  /^tables\.public\.users\.columns\.(prefs|tags|labels|grand)\.default$/,
  /^tables\.public\.users\.columns\.stamp\.type$/,
  /^tables\.public\.users\.columns\.lower\.generated\.as$/,
  /^tables\.public\.users\.indexes\.\w+\.(where|columns\.0\.expression|concurrently)$/,
  /^tables\.public\.users\.checkConstraints\.\w+\.value$/,
  /^views\.[\w.]+\.definition$/,
  /^views\.public\.user_counts\.columns\.n\.type$/,
  /^views\.public\.legacy_view$/,
];

test("PostgreSQL: the engine's DDL for kit/pg.ts v1, v2 applies and the database reads back as declared", async () => {
  const m = project('pg-apply', 'pg.ts', 'mizzle');
  const db = await pgDatabase();
  for (const version of [1, 2]) {
    const r = mizzleKit(m, version, ['--out', './out', '--name', `v${version}`], 'postgresql');
    assert.equal(r.status, 0, r.err);
    await db.apply(join(m, 'out'), version - 1);
    if (version === 1) {
      await db.query("insert into users (email, handle) values ('a@x', 'ann'), ('b@x', null)");
      await db.query("insert into app.orgs (name, owner_id) values ('o', 1)");
    }
    const found = differences(normal(await db.snapshot()), normal(lastSnapshot(join(m, 'out'))));
    const unexplained = found.filter((x) => !PG_REWRITES.some((re) => re.test(x.path)));
    assert.deepEqual(unexplained, [], `v${version}`);
  }
  const rows = await db.query('select email, age from users order by id');
  assert.deepEqual(rows, [
    { email: 'a@x', age: 18 },
    { email: 'b@x', age: 18 },
  ]);
  assert.match(readFileSync(join(m, 'out/0001_v2.sql'), 'utf8'), /ALTER TYPE "mood" ADD VALUE 'ok' BEFORE 'happy'/);
});

test("MySQL: the engine's snapshot is drizzle-kit's for every DSL feature (kit/mysql.ts)", async () => {
  const m = project('mysql-mizzle', 'mysql.ts', 'mizzle');
  const d = project('mysql-drizzle', 'mysql.ts', 'drizzle');
  const { declaredSchema } = await import(join(pkg, 'bundle/node/kit-schema.js'));
  for (const version of [1, 2]) {
    drizzleKitGenerate(d, version, './out', 'mysql');
    const schema = await loadSchema(m, version);
    const ours = engine.schemaSnapshot(declaredSchema(schema, 'mysql'));
    const found = differences(normal(ours), normal(lastSnapshot(join(d, 'out'))));
    assert.deepEqual(found.map((x) => x.path).sort(), Object.keys(KNOWN_MYSQL).sort(), JSON.stringify(found, null, 1));
    for (const x of found) assert.match(x.mizzle, KNOWN_MYSQL[x.path], x.path);
  }
});

test("MySQL: mizzle-kit's folder and drizzle-kit's give the same database (fixtures/schema/mysql.ts)", async () => {
  const m = project('compare-mysql', '../fixtures/schema/mysql.ts', 'mizzle');
  const [mine, theirs] = [await myDatabase(), await myDatabase()];
  for (const version of [1, 2, 3, 4]) {
    const r = mizzleKit(m, version, ['--out', './out'], 'mysql');
    assert.equal(r.status, 0, r.err);
    await mine.apply(join(m, 'out'), version - 1);
    await theirs.apply(folder('mysql', version), version - 1);
    // A NULL name in mizzle-kit's database only: v3 makes the column NOT NULL with a default, which mizzle-kit
    // fills in first; drizzle-kit's MODIFY COLUMN fails on it (MariaDB: invalid use of NULL value).
    if (version === 1) {
      await mine.query("insert into users (name) values ('Ada'), (null)");
      await theirs.query("insert into users (name) values ('Ada')");
    }
    assert.deepEqual(normal(await mine.snapshot()), normal(await theirs.snapshot()), `v${version}`);
    assert.deepEqual(normal(await mine.snapshot()), normal(lastSnapshot(join(m, 'out'))), `v${version} read back`);
  }
  const rows = await mine.query('select id, name from users order by id');
  assert.deepEqual(rows, [
    { id: 1, name: 'Ada' },
    { id: 2, name: 'anon' },
  ]);
});
