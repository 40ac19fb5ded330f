// `mizzle-kit migrate` (issue 15, item 5): the package's real bin (npm-package/bundle/bin/mizzle-kit.js)
// spawned with config files written as projects write them (a drizzle.config.ts with drizzle-kit's
// defineConfig, a .js one with mizzle/kit's), against the Neon and PlanetScale stand-ins on the real
// PostgreSQL and MariaDB (database `mizzle_kit_cli`), with drizzle-kit's fixture folders: a line per
// migration, a second run applies nothing, a failing migration exits 1 with its message, a bad config 2.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { packedApp } from '../../npm-package/test/hosts/pack.mjs';
import { startNeon } from '../standins/neon.mjs';
import { startPlanetScale } from '../standins/planetscale.mjs';
import { FAILING, FIXTURES, folder, tags } from './lib/folders.mjs';

const BIN = fileURLToPath(new URL('../../npm-package/bundle/bin/mizzle-kit.js', import.meta.url));
const KIT = new URL('../../npm-package/bundle/node/kit.js', import.meta.url).href;
const DB = 'mizzle_kit_cli';
const PG = { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' };
const MY = { host: '127.0.0.1', port: 3306, user: 'root', password: '' };
const PG_URL = `postgresql://postgres@127.0.0.1:5432/${DB}`;

let pgClient;
let my;
let neon;
let ps;
/** Inside tests/migrations, so a config's `import 'drizzle-kit'` and esbuild resolve as in a project. */
let work;
const temp = [];

before(async () => {
  const admin = new pg.Client(PG);
  await admin.connect();
  if (!(await admin.query('select 1 from pg_database where datname = $1', [DB])).rowCount) {
    await admin.query(`create database ${DB}`);
  }
  await admin.end();
  pgClient = new pg.Client({ ...PG, database: DB });
  await pgClient.connect();
  my = await mysql.createConnection(MY);
  await my.query(`create database if not exists ${DB}`);
  neon = await startNeon({ pg: { ...PG, database: DB } });
  ps = await startPlanetScale({ mysql: { ...MY, database: DB }, sessionIdleMs: 2000 });
  work = mkdtempSync(join(fileURLToPath(new URL('.', import.meta.url)), '.kit-cli-'));
});
after(async () => {
  await Promise.allSettled([pgClient?.end(), my?.end(), neon?.close?.(), ps?.close?.()]);
  for (const d of [work, ...temp]) if (d) rmSync(d, { recursive: true, force: true });
});

/** Runs the bin; resolves with its exit code and output (never rejects on a non-zero exit). */
function kit(args, { cwd = work, env = {}, bin = BIN } = {}) {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd, env: { PATH: process.env.PATH, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (error.code ?? -1) : 0, stdout, stderr, lines: stdout.trim().split('\n') });
      },
    );
  });
}

/** A project folder under `work` with one config file. */
function project(file, text) {
  const dir = mkdtempSync(join(work, 'p-'));
  writeFileSync(join(dir, file), text);
  return dir;
}

const fixture = (dialect, n, options) => {
  const dir = folder(dialect, n, options);
  temp.push(dir);
  return dir;
};
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const applying = (lines) => lines.filter((l) => l.startsWith('applying '));
const ms = /^applying (\S+) \.\.\. done \(\d+ ms\)$/;

async function freshPg() {
  await pgClient.query(
    'drop schema if exists drizzle cascade; drop schema if exists kit cascade; drop schema public cascade; ' +
      'create schema public',
  );
}
async function freshMysql() {
  await my.query(`drop database if exists ${DB}`);
  await my.query(`create database ${DB}`);
}

describe('postgresql over the Neon stand-in, drizzle.config.ts with drizzle-kit', () => {
  const TAGS = tags('pg');
  const tsConfig = (out, extra = '') =>
    `import { defineConfig } from 'drizzle-kit';\n\n` +
    `const url: string = ${JSON.stringify(PG_URL)};\n` +
    `export default defineConfig({\n  dialect: 'postgresql',\n  out: ${JSON.stringify(out)},\n` +
    `  dbCredentials: { url },${extra}\n});\n`;

  test('found by its default name; a line per migration; the second run applies nothing', async () => {
    await freshPg();
    const dir = project('drizzle.config.ts', tsConfig(`${FIXTURES}pg`));
    const env = { MIZZLE_NEON_ENDPOINT: neon.url };
    const first = await kit(['migrate'], { cwd: dir, env });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.lines[0], /^mizzle-kit migrate: config drizzle\.config\.ts$/);
    assert.match(first.stdout, /postgresql 127\.0\.0\.1:5432\/mizzle_kit_cli over Neon HTTP/);
    assert.match(first.stdout, /table drizzle\.__drizzle_migrations/);
    // One transaction (the default): each migration's line, then the unit's time.
    assert.deepEqual(
      applying(first.lines),
      TAGS.map((t) => `applying ${t} ... done`),
    );
    assert.match(first.stdout, /\(4 migrations committed in one transaction, \d+ ms\)/);
    assert.match(first.lines.at(-1), /^applied 4 migrations \(0 already applied\) in \d+ ms$/);
    const rows = (await pgClient.query('select count(*)::int as n from drizzle.__drizzle_migrations')).rows;
    assert.equal(rows[0].n, 4);
    // The config compiled by esbuild (drizzle-kit's) is required from a file next to it, then removed.
    assert.deepEqual(readdirSync(dir), ['drizzle.config.ts']);

    const again = await kit(['migrate'], { cwd: dir, env });
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(applying(again.lines), []);
    assert.equal(again.lines.at(-1), 'nothing to apply: 4 already applied');
  });

  test('--atomic migration: a timed line per migration, continuing a history in its own table', async () => {
    await freshPg();
    // mizzle's own field: a Neon-compatible endpoint; drizzle-kit's migrations.table / schema.
    const own = [`dbCredentials: { url, endpoint: '${neon.url}' },`, "migrations: { table: 'kit_log', schema: 'kit' },"]
      .map((line) => `\n  ${line}`)
      .join('');
    const config = (out) => tsConfig(out).replace('\n  dbCredentials: { url },', own);
    const two = project('drizzle.config.ts', config(fixture('pg', 2)));
    assert.equal((await kit(['migrate'], { cwd: two })).code, 0);
    const r = await kit(['migrate', '--atomic', 'migration'], {
      cwd: project('drizzle.config.ts', config(`${FIXTURES}pg`)),
    });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /, table kit\.kit_log$/m);
    assert.deepEqual(
      applying(r.lines).map((l) => ms.exec(l)?.[1]),
      TAGS.slice(2),
    );
    assert.match(r.lines.at(-1), /^applied 2 migrations \(2 already applied\) in \d+ ms$/);
    assert.equal((await pgClient.query('select count(*)::int as n from kit.kit_log')).rows[0].n, 4);
    assert.equal((await pgClient.query("select to_regclass('drizzle.__drizzle_migrations') as t")).rows[0].t, null);
  });

  test('a failing statement in the third migration: exit 1, its name, statement and the server message', async () => {
    await freshPg();
    const dir = project('drizzle.config.ts', tsConfig(fixture('pg', 4, { fail: { migration: 2, at: 1 } })));
    const r = await kit(['migrate', '--atomic', 'migration'], { cwd: dir, env: { MIZZLE_NEON_ENDPOINT: neon.url } });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.deepEqual(
      applying(r.lines)
        .slice(0, 2)
        .map((l) => ms.exec(l)?.[1]),
      TAGS.slice(0, 2),
    );
    assert.equal(applying(r.lines)[2], `applying ${TAGS[2]} ... failed`);
    assert.match(r.stderr, new RegExp(`^mizzle-kit: error: migration ${TAGS[2]} failed at statement 1 of`, 'm'));
    assert.match(r.stderr, new RegExp(`^  migration: ${TAGS[2]}$`, 'm'));
    // The failing statement's text from the plan (Neon's batch error shows the batch's first statement).
    assert.match(r.stderr, new RegExp(`^ {2}statement: 1: ${esc(FAILING)};$`, 'm'));
    assert.match(r.stderr, new RegExp(`^  applied by this run before it: ${TAGS[0]}, ${TAGS[1]}$`, 'm'));
    assert.match(r.stderr, /^ {2}cause: .*relation "mizzle_no_such_table" does not exist/m);
    const rows = (await pgClient.query('select count(*)::int as n from drizzle.__drizzle_migrations')).rows;
    assert.equal(rows[0].n, 2);
  });
});

test('an endpoint nothing listens on: exit 1 (the database failed, not the config), with the cause', async () => {
  const dir = project(
    'drizzle.config.json',
    JSON.stringify({ dialect: 'postgresql', out: join(FIXTURES, 'pg'), dbCredentials: { url: PG_URL } }),
  );
  const r = await kit(['migrate'], { cwd: dir, env: { MIZZLE_NEON_ENDPOINT: 'http://127.0.0.1:9/sql' } });
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stderr, /^mizzle-kit: error: Neon could not be reached/m);
  assert.match(r.stderr, /^ {2}cause: /m);
});

describe('mysql over the PlanetScale stand-in, a .js config with mizzle/kit', () => {
  const TAGS = tags('mysql');
  // `out` relative to the working directory, as drizzle-kit reads it; a table of its own.
  const jsConfig = (cwd, out) =>
    `import { defineConfig } from ${JSON.stringify(KIT)};\n` +
    `export default defineConfig({\n  dialect: 'mysql',\n  out: ${JSON.stringify(relative(cwd, out))},\n` +
    `  dbCredentials: { url: ${JSON.stringify(ps.url)} },\n  migrations: { table: 'kit_migrations' },\n});\n`;

  test('--config <file>; a timed line per migration (MySQL runs them one by one); then nothing', async () => {
    await freshMysql();
    const dir = mkdtempSync(join(work, 'p-'));
    mkdirSync(join(dir, 'config'));
    writeFileSync(join(dir, 'config', 'db.config.js'), jsConfig(dir, join(FIXTURES, 'mysql')));
    const first = await kit(['migrate', '--config', 'config/db.config.js'], { cwd: dir });
    assert.equal(first.code, 0, first.stderr);
    assert.match(
      first.stdout,
      /^mysql 127\.0\.0\.1:\d+ over PlanetScale HTTP, folder .*fixtures\/mysql, table kit_migrations$/m,
    );
    assert.deepEqual(
      applying(first.lines).map((l) => ms.exec(l)?.[1]),
      TAGS,
    );
    const [rows] = await my.query(`select count(*) as n from ${DB}.kit_migrations`);
    assert.equal(Number(rows[0].n), 4);
    const again = await kit(['migrate', '--config=config/db.config.js'], { cwd: dir });
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.lines.at(-1), 'nothing to apply: 4 already applied');
  });

  test('a failing statement in the third migration: exit 1, what stays applied', async () => {
    await freshMysql();
    const dir = mkdtempSync(join(work, 'p-'));
    writeFileSync(
      join(dir, 'mizzle.config.mjs'),
      jsConfig(dir, fixture('mysql', 4, { fail: { migration: 2, at: 2 } })),
    );
    const r = await kit(['migrate'], { cwd: dir });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.deepEqual(
      applying(r.lines)
        .slice(0, 2)
        .map((l) => ms.exec(l)?.[1]),
      TAGS.slice(0, 2),
    );
    assert.equal(applying(r.lines)[2], `applying ${TAGS[2]} ... failed`);
    assert.match(r.stderr, /failed at statement 2 of \d+: .*mizzle_no_such_table/);
    assert.match(r.stderr, /its statements 1-1 ran and stay applied/);
    assert.match(r.stderr, new RegExp(`^ {2}statement: 2: ${esc(FAILING)};$`, 'm'));
    assert.match(r.stderr, /^ {2}cause: DatabaseError \[42S02\]: .*doesn't exist \(errno 1146\)/m);
    const [rows] = await my.query(`select count(*) as n from ${DB}.kit_migrations`);
    assert.equal(Number(rows[0].n), 2);
  });
});

test('the packed package: its "bin" runs from node_modules, a config imports mizzle/kit', async () => {
  await freshMysql();
  const app = packedApp('kit-cli');
  temp.push(app.app);
  const pkg = JSON.parse(readFileSync(join(app.app, 'node_modules/mizzle/package.json'), 'utf8'));
  const bin = join(app.app, 'node_modules/mizzle', pkg.bin['mizzle-kit']);
  writeFileSync(
    join(app.app, 'mizzle.config.mjs'),
    "import { defineConfig } from 'mizzle/kit';\n" +
      `export default defineConfig({ dialect: 'mysql', out: ${JSON.stringify(join(FIXTURES, 'mysql'))}, ` +
      `dbCredentials: { url: ${JSON.stringify(ps.url)} } });\n`,
  );
  const r = await kit(['migrate'], { cwd: app.app, bin });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.deepEqual(
    applying(r.lines).map((l) => ms.exec(l)?.[1]),
    tags('mysql'),
  );
});

describe('usage and config errors exit 2 before any database is touched', () => {
  const cases = [
    ['no command', [], null, /no command given/],
    ['an unknown command', ['studio'], null, /unknown command "studio"/],
    ['an unknown option', ['migrate', '--frobnicate'], null, /Unknown option '--frobnicate'/],
    ['an option of another command', ['migrate', '--force'], null, /--force is not an option of migrate/],
    ['no config file', ['migrate'], null, /no config file in .*mizzle\.config\.\* and drizzle\.config\.\*/],
    ['a missing --config file', ['migrate', '--config', 'nope.ts'], null, /config file .*nope\.ts does not exist/],
    ['a .ts config that does not compile', ['migrate'], ['drizzle.config.ts', 'export default {'], /cannot load/],
    ['no dialect', ['migrate'], ['drizzle.config.json', '{ "out": "drizzle" }'], /has no 'dialect'/],
    [
      'turso',
      ['migrate'],
      ['drizzle.config.json', '{ "dialect": "turso", "dbCredentials": { "url": "libsql://x" } }'],
      /mizzle has no turso driver/,
    ],
    [
      'a SQLite file',
      ['migrate'],
      ['drizzle.config.json', '{ "dialect": "sqlite", "dbCredentials": { "url": "./local.db" } }'],
      /embedded SQLite \(mizzle\/sqlite-wasm\) is in-memory only: it cannot open a database file \(\.\/local\.db\)/,
    ],
    [
      'D1 over HTTP',
      ['migrate'],
      [
        'drizzle.config.json',
        JSON.stringify({
          dialect: 'sqlite',
          driver: 'd1-http',
          dbCredentials: { accountId: 'a', databaseId: 'd', token: 't' },
        }),
      ],
      /driver d1-http\) is not supported by mizzle-kit yet/,
    ],
    [
      'plain PostgreSQL without a Neon endpoint',
      ['migrate'],
      ['drizzle.config.json', JSON.stringify({ dialect: 'postgresql', dbCredentials: { url: PG_URL } })],
      /127\.0\.0\.1 is not a Neon host/,
    ],
    [
      'plain MySQL',
      ['migrate'],
      ['drizzle.config.json', '{ "dialect": "mysql", "dbCredentials": { "url": "mysql://root@127.0.0.1:3306/x" } }'],
      /127\.0\.0\.1 is not a PlanetScale host/,
    ],
    [
      'a wrong out folder',
      ['migrate'],
      [
        'drizzle.config.json',
        JSON.stringify({
          dialect: 'postgresql',
          out: './missing',
          dbCredentials: { url: PG_URL, endpoint: 'http://x' },
        }),
      ],
      /no migrations folder at .*missing/,
    ],
  ];
  for (const [name, args, file, message] of cases) {
    test(name, async () => {
      const dir = file ? project(...file) : mkdtempSync(join(work, 'p-'));
      const r = await kit(args, { cwd: dir });
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, message);
    });
  }

  test('mizzle.config.* is read before drizzle.config.*', async () => {
    const dir = project(
      'drizzle.config.json',
      JSON.stringify({ dialect: 'postgresql', dbCredentials: { url: PG_URL } }),
    );
    writeFileSync(join(dir, 'mizzle.config.json'), '{ "dialect": "gel" }');
    const r = await kit(['migrate'], { cwd: dir });
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stdout, /^mizzle-kit migrate: config mizzle\.config\.json$/m);
    assert.match(r.stderr, /mizzle has no gel driver/);
  });

  test('a .ts config where neither esbuild nor type stripping is available says what to install', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'mizzle-kit-cli-'));
    temp.push(dir);
    try {
      // Only meaningful where nothing up from the temp dir provides esbuild.
      (await import('node:module')).createRequire(join(dir, 'x.js')).resolve('esbuild');
      return t.skip('esbuild is resolvable from the temp directory');
    } catch {}
    if (process.features?.typescript) return t.skip('this Node strips types itself');
    writeFileSync(join(dir, 'drizzle.config.ts'), "export default { dialect: 'postgresql' as const };\n");
    const r = await kit(['migrate'], { cwd: dir });
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /is TypeScript, which Node v\d+\S* cannot load by itself: install esbuild/);
  });
});
