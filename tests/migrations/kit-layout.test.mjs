// `mizzle-kit generate --layout 0.31|1.0|wrangler` and `mizzle-kit up`, with kit/sequence-sqlite.ts (v1..v3):
//   - 1.0: <YYYYMMDDHHmmss>_<name>/ folders, ordered and unique within one second, applied by mizzle's embedded
//     migrator, each version reading back as its snapshot; --down beside it; check reads the layout;
//   - wrangler: flat 0001_name.sql files (breakpoint comments kept), applied by the real wrangler CLI and by
//     mizzle's `layout: 'wrangler'`: the same database, the same d1_migrations rows;
//   - up: a 0.31 folder a database applied becomes 1.0 byte for byte, and that database has nothing pending;
//     generate then continues in 1.0;
//   - refusals (a --layout or config contradicting the folder, up on a wrangler folder or with a missing
//     file) exit 2 and change nothing.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Miniflare } from 'miniflare';
import {
  here,
  introspect,
  kit,
  project as kitProject,
  normal,
  openEmbedded,
  tree,
  workspace,
} from './lib/kit-project.mjs';

const WRANGLER = join(here, 'node_modules/.bin/wrangler');
const tmp = workspace('kit-layout');
/** A project with kit/sequence-sqlite.ts, its imports pointed at mizzle (linked as an installed package). */
const project = (name) => kitProject(tmp, name, 'sequence-sqlite.ts', 'mizzle');

const EMPTY_ID = '00000000-0000-0000-0000-000000000000';
const STAMPED = /^\d{14}_/;

/** `generate` of `version` into ./out, flags appended. */
function generate(dir, version, ...args) {
  const r = kit(
    dir,
    ['generate', '--dialect', 'sqlite', '--schema', './schema.ts', '--out', './out', ...args],
    version,
  );
  assert.equal(r.status, 0, `generate v${version}: ${r.out}${r.err}`);
  return r;
}

/** UTC `YYYYMMDDHHmmss` of a time, computed apart from the CLI's code. */
const utcStamp = (ms) => {
  const d = new Date(ms);
  const parts = [d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
  return `${d.getUTCFullYear()}${parts.map((n) => String(n).padStart(2, '0')).join('')}`;
};

const subfolders = (out) =>
  readdirSync(out)
    .filter((n) => statSync(join(out, n)).isDirectory())
    .sort();

test('1.0 layout: <timestamp>_<name>/ folders, ordered within a second, applied version by version', async () => {
  const dir = project('nested');
  const out = join(dir, 'out');
  const db = await openEmbedded();
  const before = Date.now();
  const snapshots = [];
  for (const v of [1, 2, 3]) {
    // The flag on the first only: the folder keeps its layout after.
    const r = generate(dir, v, '--name', `v${v}`, '--down', ...(v === 1 ? ['--layout', '1.0'] : []));
    const names = subfolders(out);
    assert.equal(names.length, v, names.join());
    const last = names.at(-1);
    assert.match(last, new RegExp(`^\\d{14}_v${v}$`));
    assert.match(r.out, new RegExp(`out/${last}/migration\\.sql`));
    assert.deepEqual(readdirSync(join(out, last)).sort(), ['down.sql', 'migration.sql', 'snapshot.json']);
    // No 0.31 or wrangler files beside them.
    assert.deepEqual(
      readdirSync(out).filter((n) => !STAMPED.test(n)),
      [],
    );
    snapshots.push(JSON.parse(readFileSync(join(out, last, 'snapshot.json'), 'utf8')));
    const result = await db.migrate(out);
    assert.deepEqual([result.applied, result.alreadyApplied], [[last], v - 1]);
    assert.deepEqual(normal(await introspect(db)), normal(snapshots.at(-1)), `v${v} read back`);
  }
  const names = subfolders(out);
  // Three generates in (most likely) one second: still three distinct, increasing prefixes, the first one now's.
  const stamps = names.map((n) => n.slice(0, 14));
  assert.deepEqual([...new Set(stamps)], stamps);
  assert.ok(stamps[0] >= utcStamp(before) && stamps[0] <= utcStamp(Date.now()), `${stamps[0]} is not now`);
  // The snapshots chain: drizzle-kit 0.31's ids, the first following the empty database.
  assert.equal(snapshots[0].prevId, EMPTY_ID);
  assert.equal(snapshots[1].prevId, snapshots[0].id);
  assert.equal(snapshots[2].prevId, snapshots[1].id);

  // down.sql takes the database back to v2.
  const down = readFileSync(join(out, names[2], 'down.sql'), 'utf8');
  assert.match(down, new RegExp(`^-- Reverses ${names[2]}/migration\\.sql`));
  await db.exec(down.replaceAll('--> statement-breakpoint', ''));
  assert.deepEqual(normal(await introspect(db)), normal(snapshots[1]));

  // check reads the layout; a missing snapshot is named.
  const ok = kit(dir, ['check', '--out', './out']);
  assert.equal(ok.status, 0, ok.err);
  assert.match(ok.out, /3 migrations, snapshots chained, no collision/);
  rmSync(join(out, names[1], 'snapshot.json'));
  const bad = kit(dir, ['check', '--out', './out']);
  assert.equal(bad.status, 2, bad.out);
  assert.match(bad.err, new RegExp(`${names[1]}: ${names[1]}/snapshot\\.json is missing`));
});

test('1.0 layout: a last folder at or after now is followed one second later', () => {
  const dir = project('nested-future');
  const out = join(dir, 'out');
  generate(dir, 1, '--name', 'v1', '--layout', '1.0');
  const [first] = subfolders(out);
  renameSync(join(out, first), join(out, '29991231235959_v1'));
  generate(dir, 2, '--name', 'v2');
  assert.deepEqual(subfolders(out), ['29991231235959_v1', '30000101000000_v2']);
  // The previous state was the renamed folder's snapshot.
  const prev = JSON.parse(readFileSync(join(out, '29991231235959_v1/snapshot.json'), 'utf8'));
  const next = JSON.parse(readFileSync(join(out, '30000101000000_v2/snapshot.json'), 'utf8'));
  assert.equal(next.prevId, prev.id);
});

const D1_ID = '00000000-0000-4000-8000-00000000d1d1';

/** A wrangler project whose D1 reads `migrations`; `wrangler()` runs `wrangler d1 migrations <cmd> --local`. */
function wranglerProject(migrations) {
  const dir = mkdtempSync(join(tmp, 'wrangler-'));
  const config = {
    name: 'mizzle-kit-layout',
    compatibility_date: '2025-01-01',
    d1_databases: [{ binding: 'DB', database_name: 'db', database_id: D1_ID, migrations_dir: migrations }],
  };
  writeFileSync(join(dir, 'wrangler.json'), JSON.stringify(config));
  const state = join(dir, 'state');
  const wrangler = (cmd) =>
    execFileSync(WRANGLER, ['d1', 'migrations', cmd, 'DB', '--local', '--persist-to', state], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, CI: '1', WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
    });
  /** Queries on the same local D1 through miniflare (closed after, so wrangler can open it). */
  const query = async (qs) => {
    const mf = new Miniflare({
      modules: true,
      script: 'export default {}',
      d1Persist: join(state, 'v3', 'd1'),
      d1Databases: { DB: D1_ID },
    });
    try {
      const db = await mf.getD1Database('DB');
      const rows = [];
      for (const q of qs) rows.push((await db.prepare(q).all()).results);
      return rows;
    } finally {
      await mf.dispose();
    }
  };
  return { wrangler, query };
}

const SCHEMA_Q = `select type, name, tbl_name, sql from sqlite_master where name not like '\\_cf\\_%' escape '\\'
  and name not in ('d1_migrations', 'sqlite_sequence') order by name`;
const SEED = [
  `insert into users (id, name, email, age) values (1, 'Ada', 'ada@x', 36), (2, 'Bo', 'bo@x', 7)`,
  `insert into posts (id, user_id, title, body) values (10, 1, 'Hello', null), (11, 2, 'Second', 'b')`,
];

test('wrangler layout: flat 0001_name.sql files that wrangler and mizzle apply alike', async () => {
  const dir = project('flat');
  const out = join(dir, 'out');
  const w = wranglerProject(out);
  const db = await openEmbedded();
  const flatSql = () =>
    readdirSync(out)
      .filter((n) => n.endsWith('.sql'))
      .sort();
  for (const v of [1, 2, 3]) {
    generate(dir, v, '--name', `v${v}`, '--down', ...(v === 1 ? ['--layout', 'wrangler'] : []));
    const expected = Array.from({ length: v }, (_, i) => `000${i + 1}_v${i + 1}.sql`);
    assert.deepEqual(flatSql(), expected);
    assert.deepEqual(
      readdirSync(join(out, 'meta')).sort(),
      expected.map((n) => `${n.slice(0, 4)}_snapshot.json`),
    );
    assert.equal(existsSync(join(out, 'meta/_journal.json')), false);
    assert.ok(existsSync(join(out, 'down', expected.at(-1))), 'down file in down/');

    assert.match(w.wrangler('apply'), new RegExp(expected.at(-1).replace('.', '\\.')));
    const result = await db.migrate(out, { layout: 'wrangler' });
    assert.deepEqual([result.applied, result.alreadyApplied], [[expected.at(-1)], v - 1]);
    if (v === 1) {
      await w.query(SEED);
      for (const s of SEED) await db.exec(s);
    }
    const snapshot = readFileSync(join(out, 'meta', `000${v}_snapshot.json`), 'utf8');
    assert.deepEqual(normal(await introspect(db)), normal(snapshot), `v${v} read back`);
  }
  // Breakpoint comments were in the files wrangler applied.
  assert.match(readFileSync(join(out, '0002_v2.sql'), 'utf8'), /\n--> statement-breakpoint\n/);
  const [schema, posts, tracking] = await w.query([
    SCHEMA_Q,
    'select * from posts order by id',
    'select id, name from d1_migrations order by id',
  ]);
  assert.deepEqual(await db.all(SCHEMA_Q), schema);
  assert.deepEqual(await db.all('select * from posts order by id'), posts);
  assert.equal(posts.length, 2, 'rows kept through the rebuilds');
  assert.deepEqual(await db.all('select id, name from d1_migrations order by id'), tracking);
  assert.deepEqual(
    tracking.map((r) => r.name),
    flatSql(),
  );
  assert.match(w.wrangler('list'), /No migrations to apply/);
  const ok = kit(dir, ['check', '--out', './out']);
  assert.equal(ok.status, 0, ok.err);
  assert.match(ok.out, /3 migrations, snapshots chained/);
});

test('up: a 0.31 folder becomes 1.0 byte for byte; the database it migrated has nothing pending', async () => {
  const dir = project('up');
  const out = join(dir, 'out');
  generate(dir, 1, '--name', 'v1', '--down');
  generate(dir, 2, '--name', 'v2', '--down');
  // Known `when`s: both in one second (so up must separate them), with milliseconds the folder names lose.
  const journalFile = join(out, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
  assert.deepEqual(
    journal.entries.map((e) => e.tag),
    ['0000_v1', '0001_v2'],
  );
  journal.entries[0].when = 1_700_000_000_123;
  journal.entries[1].when = 1_700_000_000_456;
  writeFileSync(journalFile, JSON.stringify(journal, null, 2));
  const old = tree(out);

  const db = await openEmbedded();
  assert.deepEqual((await db.migrate(out)).applied.length, 2);
  const rows = await db.all('select hash, created_at from __drizzle_migrations order by id');
  const sha = (t) => createHash('sha256').update(t).digest('hex');
  assert.deepEqual(rows, [
    { hash: sha(old['0000_v1.sql']), created_at: 1_700_000_000_123 },
    { hash: sha(old['0001_v2.sql']), created_at: 1_700_000_000_456 },
  ]);

  const r = kit(dir, ['up', '--out', './out']);
  assert.equal(r.status, 0, r.err);
  const [a, b] = ['20231114221320_v1', '20231114221321_v2'];
  assert.deepEqual(r.out.split('\n').slice(0, 2), [
    `0000_v1.sql -> ${a}/migration.sql (and down.sql)`,
    `0001_v2.sql -> ${b}/migration.sql (and down.sql)`,
  ]);
  assert.deepEqual(tree(out), {
    [`${a}/down.sql`]: old['down/0000_v1.sql'],
    [`${a}/migration.sql`]: old['0000_v1.sql'],
    [`${a}/snapshot.json`]: old['meta/0000_snapshot.json'],
    [`${b}/down.sql`]: old['down/0001_v2.sql'],
    [`${b}/migration.sql`]: old['0001_v2.sql'],
    [`${b}/snapshot.json`]: old['meta/0001_snapshot.json'],
  });

  // The rows hold 0.31's created_at (ms), the folders give whole seconds: matched by hash, nothing pending.
  const again = await db.migrate(out);
  assert.deepEqual([again.applied, again.alreadyApplied, again.accepted], [[], 2, []]);
  assert.equal(kit(dir, ['check', '--out', './out']).status, 0);

  // generate continues in 1.0 from the converted history.
  const v3 = generate(dir, 3, '--name', 'v3');
  const names = subfolders(out);
  assert.equal(names.length, 3);
  assert.match(names[2], /^\d{14}_v3$/);
  assert.match(v3.out, new RegExp(names[2]));
  const next = await db.migrate(out);
  assert.deepEqual([next.applied, next.alreadyApplied], [[names[2]], 2]);
  const snapshot = readFileSync(join(out, names[2], 'snapshot.json'), 'utf8');
  assert.equal(JSON.parse(snapshot).prevId, JSON.parse(old['meta/0001_snapshot.json']).id);
  assert.deepEqual(normal(await introspect(db)), normal(snapshot));

  const twice = kit(dir, ['up', '--out', './out']);
  assert.equal(twice.status, 0, twice.err);
  assert.match(twice.out, /already in the 1\.0 layout: nothing to do/);
});

test('refusals exit 2 and change nothing; a new folder takes the config layout', () => {
  const dir = project('refuse');
  const out = join(dir, 'out');
  const gen = (v, ...args) =>
    kit(dir, ['generate', '--dialect', 'sqlite', '--schema', './schema.ts', '--out', './out', ...args], v);

  generate(dir, 1, '--name', 'v1');
  const before = tree(out);
  const wrong = gen(2, '--layout', '1.0');
  assert.equal(wrong.status, 2, wrong.err);
  assert.match(wrong.err, /--layout 1\.0: out is in the 0\.31 layout/);
  assert.deepEqual(tree(out), before);
  const unknown = gen(2, '--layout', '2.0');
  assert.equal(unknown.status, 2);
  assert.match(unknown.err, /--layout takes "0\.31", "1\.0", "wrangler", not "2\.0"/);
  assert.deepEqual(tree(out), before);

  // up with a file the journal names missing: refused, the folder as it was.
  generate(dir, 2, '--name', 'v2');
  rmSync(join(out, '0001_v2.sql'));
  const missing = tree(out);
  const up = kit(dir, ['up', '--out', './out']);
  assert.equal(up.status, 2, up.out);
  assert.match(up.err, /missing \(nothing changed\): 0001_v2\.sql/);
  assert.deepEqual(tree(out), missing);

  // drizzle-kit's bundle imports the journal up would remove: refused too.
  writeFileSync(join(out, '0001_v2.sql'), 'select 1;');
  writeFileSync(join(out, 'migrations.js'), "import journal from './meta/_journal.json';");
  const bundled = tree(out);
  const upBundled = kit(dir, ['up', '--out', './out']);
  assert.equal(upBundled.status, 2, upBundled.out);
  assert.match(upBundled.err, /migrations\.js imports meta\/_journal\.json/);
  assert.deepEqual(tree(out), bundled);

  // A wrangler folder: up refuses, a contradicting flag too.
  const flat = project('refuse-flat');
  generate(flat, 1, '--layout', 'wrangler');
  const flatBefore = tree(join(flat, 'out'));
  const upFlat = kit(flat, ['up', '--out', './out']);
  assert.equal(upFlat.status, 2);
  assert.match(upFlat.err, /wrangler's flat layout/);
  const flag = kit(
    flat,
    ['generate', '--dialect', 'sqlite', '--schema', './schema.ts', '--out', './out', '--layout', '0.31'],
    2,
  );
  assert.equal(flag.status, 2);
  assert.match(flag.err, /--layout 0\.31: out is in the wrangler layout/);
  assert.deepEqual(tree(join(flat, 'out')), flatBefore);
  assert.equal(kit(flat, ['up', '--out', './missing']).status, 2);

  // The config's migrations.layout starts a new folder; against an existing folder it is refused too.
  const conf = project('config');
  const config = { dialect: 'sqlite', schema: './schema.ts', out: './drizzle', migrations: { layout: '1.0' } };
  writeFileSync(join(conf, 'drizzle.config.json'), JSON.stringify(config));
  const c1 = kit(conf, ['generate', '--name', 'v1'], 1);
  assert.equal(c1.status, 0, c1.err);
  assert.deepEqual(
    readdirSync(join(conf, 'drizzle')).map((n) => n.replace(/^\d{14}/, 'T')),
    ['T_v1'],
  );
  writeFileSync(join(conf, 'drizzle.config.json'), JSON.stringify({ ...config, migrations: { layout: 'wrangler' } }));
  const c2 = kit(conf, ['generate', '--name', 'v2'], 2);
  assert.equal(c2.status, 2);
  assert.match(c2.err, /migrations\.layout is "wrangler" but drizzle is in the 1\.0 layout/);
  // The flag wins over the config.
  const c3 = kit(conf, ['generate', '--name', 'v2', '--layout', '1.0'], 2);
  assert.equal(c3.status, 0, c3.err);
  assert.equal(subfolders(join(conf, 'drizzle')).length, 2);
});
