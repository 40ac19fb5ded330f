// `mizzle-kit squash` (SQLite): a folder of kit/sequence-sqlite.ts's versions 1..3 squashed into one baseline, then
//   - a database that applied the history has nothing pending (mizzle's migrator and drizzle-orm's), an empty one
//     gets the baseline and reads back as the migrated one, one that applied v1 only is refused (migration_squashed)
//     with nothing run;
//   - generate continues the folder (v4) and both apply it; a second squash keeps the first one's history;
//   - custom SQL is appended; other layouts, a folder check refuses and a one-migration folder change nothing.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  introspect as readBack,
  kit,
  project as kitProject,
  normal,
  openEmbedded,
  pkg,
  tree,
  workspace,
  openDrizzle,
} from './lib/kit-project.mjs';

const tmp = workspace('squash');
const project = (name) => kitProject(tmp, name, 'sequence-sqlite.ts', 'mizzle');
/** The database read back by the engine, ids and rename map left out. */
const introspect = async (db) => normal(await readBack(db));
const { exitCodeOf } = await import(join(pkg, 'dist/kit/report.js'));

const RENAMES = ['--rename', 'users.name=full_name', '--rename', 'tags=labels'];

function generate(dir, version, extra = []) {
  const args = ['generate', '--dialect', 'sqlite', '--schema', './schema.ts', '--out', './out'];
  const r = kit(dir, [...args, '--name', `v${version}`, ...extra], version);
  assert.equal(r.status, 0, `generate v${version}: ${r.out}${r.err}`);
}

const squash = (dir, extra = []) => kit(dir, ['squash', '--out', './out', ...extra]);

const rows = (db) => db.all('select hash, created_at from __drizzle_migrations order by id');
const schemaOf = (db) =>
  db.all("select type, name, sql from sqlite_master where name not like 'sqlite_%' order by name");
const journalOf = (out) => JSON.parse(readFileSync(join(out, 'meta/_journal.json'), 'utf8'));
const sha256 = (text) => createHash('sha256').update(text).digest('hex');

test('the history is skipped where applied, the baseline runs on an empty database, a partial one fails', async () => {
  const dir = project('main');
  const out = join(dir, 'out');
  const [a, b, c] = [await openEmbedded(), await openEmbedded(), await openEmbedded()];
  const [aDrizzle, empty] = [openDrizzle(), openDrizzle()];
  generate(dir, 1);
  await c.migrate(out);
  generate(dir, 2);
  generate(dir, 3);
  assert.deepEqual((await a.migrate(out)).applied, ['0000_v1', '0001_v2', '0002_v3']);
  await aDrizzle.migrate(out);
  const before = journalOf(out).entries;
  const texts = before.map((e) => readFileSync(join(out, `${e.tag}.sql`), 'utf8'));
  const lastSnapshot = JSON.parse(readFileSync(join(out, 'meta/0002_snapshot.json'), 'utf8'));
  const cBefore = await schemaOf(c);

  const r = squash(dir);
  assert.equal(r.status, 0, r.err);
  assert.match(r.out, /out: 3 migrations -> 1 baseline, out\/0000_baseline\.sql \(\d+ statements\)/);
  assert.deepEqual(Object.keys(tree(out)).sort(), [
    '0000_baseline.sql',
    'meta/0000_snapshot.json',
    'meta/_journal.json',
  ]);
  const journal = journalOf(out);
  assert.deepEqual(journal.entries, [
    { idx: 0, version: before[2].version, when: before[2].when, tag: '0000_baseline', breakpoints: true },
  ]);
  const snapshot = JSON.parse(readFileSync(join(out, 'meta/0000_snapshot.json'), 'utf8'));
  assert.equal(snapshot.id, lastSnapshot.id);
  assert.equal(snapshot.prevId, '00000000-0000-0000-0000-000000000000');
  assert.deepEqual({ ...snapshot, prevId: lastSnapshot.prevId }, lastSnapshot);
  // The header: one line per migration replaced, its `when` and the hash drizzle recorded for it.
  const baseline = readFileSync(join(out, '0000_baseline.sql'), 'utf8');
  const header = baseline.split('\n').filter((l) => l.startsWith('-- mizzle squash: '));
  assert.deepEqual(
    header,
    before.map((e, i) => `-- mizzle squash: replaces ${e.when} ${sha256(texts[i])} ${e.tag}`),
  );
  assert.deepEqual(
    (await rows(a)).map((x) => x.hash),
    texts.map(sha256),
  );
  assert.equal(kit(dir, ['check', '--out', './out']).status, 0);

  // A: the whole history recorded: nothing pending, nothing reported missing.
  const aResult = await a.migrate(out);
  assert.deepEqual(aResult.applied, []);
  assert.equal(aResult.alreadyApplied, 1);
  assert.equal((await rows(a)).length, 3);
  // B: empty: the baseline, and the same database as A.
  assert.deepEqual((await b.migrate(out)).applied, ['0000_baseline']);
  assert.deepEqual(await introspect(b), await introspect(a));
  assert.deepEqual(await introspect(b), normal(JSON.stringify(lastSnapshot)));
  // C: v1 only: refused, typed, nothing run.
  await assert.rejects(c.migrate(out), (e) => {
    assert.equal(e.name, 'MizzleError');
    assert.equal(e.kind, 'migration_squashed');
    assert.match(e.message, /0000_baseline .* lacks 0001_v2, 0002_v3\).*commit before the squash/);
    assert.equal(exitCodeOf(e), 1);
    return true;
  });
  assert.deepEqual(await schemaOf(c), cBefore);
  assert.equal((await rows(c)).length, 1);

  // drizzle-orm's migrator: skipped where the history ran, applied on an empty database.
  await aDrizzle.migrate(out);
  assert.equal((await rows(aDrizzle)).length, 3);
  await empty.migrate(out);
  assert.equal((await rows(empty)).length, 1);
  assert.deepEqual(await introspect(empty), await introspect(a));

  // generate continues from the baseline's snapshot; every database takes v4.
  generate(dir, 4, RENAMES);
  const v4 = JSON.parse(readFileSync(join(out, 'meta/0001_snapshot.json'), 'utf8'));
  assert.equal(v4.prevId, snapshot.id);
  assert.equal(kit(dir, ['check', '--out', './out']).status, 0);
  for (const db of [a, b]) assert.deepEqual((await db.migrate(out)).applied, ['0001_v4']);
  for (const db of [aDrizzle, empty]) await db.migrate(out);
  for (const db of [b, aDrizzle, empty]) assert.deepEqual(await introspect(db), await introspect(a));
  assert.deepEqual(await introspect(a), normal(JSON.stringify(v4)));
  assert.equal((await rows(aDrizzle)).length, 4);

  // A second squash keeps the first one's history: A (v1..v4 rows) and B (baseline + v4) both have it.
  const second = squash(dir, ['--name', 'again']);
  assert.equal(second.status, 0, second.err);
  assert.match(second.out, /2 migrations -> 1 baseline/);
  const again = readFileSync(join(out, '0000_again.sql'), 'utf8');
  assert.equal(again.match(/^-- mizzle squash: /gm).length, 5);
  assert.deepEqual(Object.keys(tree(out)).sort(), ['0000_again.sql', 'meta/0000_snapshot.json', 'meta/_journal.json']);
  for (const db of [a, b]) assert.deepEqual((await db.migrate(out)).applied, []);
  const fresh = await openEmbedded();
  assert.deepEqual((await fresh.migrate(out)).applied, ['0000_again']);
  assert.deepEqual(await introspect(fresh), await introspect(a));
  await assert.rejects(c.migrate(out), (e) => e.kind === 'migration_squashed');
});

test('custom SQL is appended after the schema, noted, run on an empty database only', async () => {
  const dir = project('custom');
  const out = join(dir, 'out');
  generate(dir, 1);
  const r = kit(dir, ['generate', '--dialect', 'sqlite', '--schema', './schema.ts', '--out', './out', '--custom']);
  assert.equal(r.status, 0, r.err);
  const custom = readdirSync(out).find((f) => f.startsWith('0001_'));
  const backfill = "insert into users (id, name, email) values (7, 'Seed', 'seed@x');";
  writeFileSync(join(out, custom), `${readFileSync(join(out, custom), 'utf8')}\n${backfill}`);
  generate(dir, 2);
  const a = await openEmbedded();
  await a.migrate(out);
  // drizzle-kit's bundle (expo, durable-sqlite) is rewritten to import the baseline only.
  writeFileSync(join(out, 'migrations.js'), "import m0000 from './0000_v1.sql';");
  const s = squash(dir);
  assert.equal(s.status, 0, s.err);
  assert.match(s.out, /1 custom SQL block\(s\) appended/);
  assert.match(s.out, new RegExp(`note: custom SQL of ${custom.replace('.sql', '')} appended`));
  const text = readFileSync(join(out, '0000_baseline.sql'), 'utf8');
  assert.ok(text.indexOf(backfill) > text.indexOf('CREATE TABLE'), text);
  const bundle = readFileSync(join(out, 'migrations.js'), 'utf8');
  assert.deepEqual(bundle.match(/import \w+ from '[^']+'/g), [
    "import journal from './meta/_journal.json'",
    "import m0000 from './0000_baseline.sql'",
  ]);
  assert.deepEqual((await a.migrate(out)).applied, []);
  const b = await openEmbedded();
  assert.deepEqual((await b.migrate(out)).applied, ['0000_baseline']);
  assert.deepEqual(await b.all('select id, name from users'), [{ id: 7, name: 'Seed' }]);
  assert.deepEqual(await introspect(b), await introspect(a));
  // A later squash carries the appended block along.
  generate(dir, 3);
  assert.equal(squash(dir, ['--name', 'again']).status, 0);
  assert.ok(readFileSync(join(out, '0000_again.sql'), 'utf8').includes(backfill));
  const c = await openEmbedded();
  await c.migrate(out);
  assert.deepEqual(await c.all('select id from users'), [{ id: 7 }]);
});

test('squash refuses other layouts and a folder check refuses, and changes nothing', () => {
  const dir = project('refusals');
  const out = join(dir, 'out');
  generate(dir, 1);
  let before = tree(out);
  const one = squash(dir);
  assert.equal(one.status, 0, one.err);
  assert.match(one.out, /1 migration\(s\), nothing to squash/);
  assert.deepEqual(tree(out), before);

  generate(dir, 2);
  generate(dir, 3);
  before = tree(out);
  rmSync(join(out, 'meta/0001_snapshot.json'));
  const broken = squash(dir);
  assert.equal(broken.status, 2, broken.err);
  assert.match(broken.err, /not squashed, mizzle-kit check finds: out: 2 problem\(s\)/);
  assert.match(broken.err, /meta\/0001_snapshot\.json is missing/);
  const { 'meta/0001_snapshot.json': _, ...rest } = before;
  assert.deepEqual(tree(out), rest);

  const nested = join(dir, 'nested');
  mkdirSync(join(nested, '20250101000000_a'), { recursive: true });
  writeFileSync(join(nested, '20250101000000_a/migration.sql'), 'create table a (id integer);');
  const n = kit(dir, ['squash', '--out', './nested']);
  assert.equal(n.status, 2, n.err);
  assert.match(n.err, /drizzle 1\.0's .*by name, so they would run the baseline again/);

  const flat = join(dir, 'flat');
  mkdirSync(flat);
  writeFileSync(join(flat, '0001_a.sql'), 'create table a (id integer);');
  writeFileSync(join(flat, '0002_b.sql'), 'create table b (id integer);');
  const w = kit(dir, ['squash', '--out', './flat']);
  assert.equal(w.status, 2, w.err);
  assert.match(w.err, /wrangler's layout\): not squashed/);
  assert.deepEqual(Object.keys(tree(flat)).sort(), ['0001_a.sql', '0002_b.sql']);

  const bad = kit(dir, ['squash', '--out', './out', '--name', 'a/b']);
  assert.equal(bad.status, 2, bad.err);
});
