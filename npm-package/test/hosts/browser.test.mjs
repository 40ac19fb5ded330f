// Browser host: a page importing `mizzle/wasm/engine` and `mizzle/wasm/embedded` from a
// packed copy of the package, built by Vite 7 (so the `browser` condition and the
// `new URL('…_bg.wasm', import.meta.url)` asset rewrite are exercised as users get them),
// served from 127.0.0.1 and run in Chromium (/usr/bin/chromium) driven by playwright-core.
import assert from 'node:assert/strict';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { build, createServer as createViteServer } from 'vite';
import { packedApp } from './pack.mjs';
import { EXPECTED, EXPECTED_PG, EXPECTED_ROWS } from './shape.mjs';

const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };

let app;
let server;
let origin;
let browser;
let outDir;
let MIGRATIONS;

before(async () => {
  app = packedApp('browser');
  writeFileSync(
    join(app.app, 'index.html'),
    '<!doctype html><title>mizzle</title><link rel="icon" href="data:,">' +
      '<script type="module" src="./main.js"></script>\n',
  );
  // drizzle-kit's bundled migrations (tests/migrations/fixtures/sqlite), as a bundler hands them to the
  // page: the journal and the .sql texts (a browser app imports them with Vite's ?raw).
  const fixtures = new URL('../../../tests/migrations/fixtures/sqlite/', import.meta.url);
  const journal = JSON.parse(readFileSync(new URL('meta/_journal.json', fixtures), 'utf8'));
  const texts = Object.fromEntries(
    journal.entries.map((e) => [
      `m${String(e.idx).padStart(4, '0')}`,
      readFileSync(new URL(`${e.tag}.sql`, fixtures), 'utf8'),
    ]),
  );
  MIGRATIONS = journal.entries.length;
  writeFileSync(join(app.app, 'migrations.js'), `export default ${JSON.stringify({ journal, migrations: texts })};\n`);
  writeFileSync(
    join(app.app, 'main.js'),
    `import { sql } from 'mizzle';
import { createDatabase, drizzle } from 'mizzle/sqlite-wasm';
import { migrate } from 'mizzle/sqlite-wasm/migrator';
import { initEngine, loadEngine } from 'mizzle/wasm/engine';
import { initEngine as initEnginePg } from 'mizzle/wasm/engine-pg';
import { loadEmbedded } from 'mizzle/wasm/embedded';
import { runShape, runEmbedded } from './shape.mjs';
import migrations from './migrations.js';

async function migrated() {
  const db = drizzle(await createDatabase());
  const first = await migrate(db, migrations);
  const again = await migrate(db, migrations);
  const rows = db.all(sql\`select count(*) as n from __drizzle_migrations\`)[0].n;
  return { applied: first.applied.length, again: again.applied.length, rows };
}

// '#migrate': mizzle/sqlite-wasm/migrator alone (the shape checks below drive the engine's raw API, whose
// interned strings the driver's own table of the same instance does not know).
const failed = (e) => ({ failed: String(e && e.stack || e) });
window.__result = location.hash === '#migrate' ? migrated().catch(failed) : (async () => {
  let before;
  try { loadEngine(); before = 'no error'; } catch (e) { before = { name: e.name, kind: e.kind }; }
  const engine = await initEngine();
  const embedded = await loadEmbedded();
  return {
    before,
    same: loadEngine() === engine,
    engine: runShape(engine),
    enginePg: runShape(await initEnginePg()),
    embedded: runShape(embedded),
    rows: runEmbedded(embedded),
  };
})().catch(failed);
`,
  );
  outDir = join(app.app, 'out');
  await build({
    root: app.app,
    configFile: false,
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(outDir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${server.address().port}`;
  // playwright's launch() gives Chromium a fresh temporary --user-data-dir of its own.
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

after(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r()));
  app?.cleanup();
});

test('browser: Vite emits both wasm files as assets', () => {
  const assets = readdirSync(join(outDir, 'assets'));
  assert.ok(
    assets.some((f) => /^mizzle_engine_bg-.*\.wasm$/.test(f)),
    assets.join(', '),
  );
  assert.ok(
    assets.some((f) => /^mizzle_embedded_bg-.*\.wasm$/.test(f)),
    assets.join(', '),
  );
});

async function runPage(url) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
  await page.goto(url);
  const result = await page.evaluate(() => window.__result);
  await page.close();
  return { problems, result };
}

const EXPECTED_PAGE = {
  before: { name: 'MizzleError', kind: 'invalid' },
  same: true,
  engine: EXPECTED,
  enginePg: EXPECTED_PG,
  embedded: EXPECTED,
  rows: EXPECTED_ROWS,
};

test('browser: both builds load in Chromium and compile / run SQLite (vite build)', async () => {
  const { problems, result } = await runPage(`${origin}/`);
  assert.deepEqual(problems, []);
  assert.deepEqual(result, EXPECTED_PAGE);
});
test("browser: mizzle/sqlite-wasm/migrator applies drizzle-kit's bundled migrations, once", async () => {
  const { problems, result } = await runPage(`${origin}/#migrate`);
  assert.deepEqual(problems, []);
  assert.deepEqual(result, { applied: MIGRATIONS, again: 0, rows: MIGRATIONS });
});

// Vite's dev server pre-bundles dependencies into node_modules/.vite/deps/, which breaks
// every `new URL('x.wasm', import.meta.url)` in them (vitejs/vite#8427: the .wasm is not
// copied, the request falls back to index.html). Apps must exclude mizzle from it:
// `optimizeDeps: { exclude: ['mizzle'] }`. This test keeps that recipe working.
test("browser: the Vite dev server works with optimizeDeps.exclude: ['mizzle']", async () => {
  const vite = await createViteServer({
    root: app.app,
    configFile: false,
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0, strictPort: false },
    optimizeDeps: { exclude: ['mizzle'] },
  });
  try {
    await vite.listen();
    const { problems, result } = await runPage(vite.resolvedUrls.local[0]);
    assert.deepEqual(problems, []);
    assert.deepEqual(result, EXPECTED_PAGE);
  } finally {
    await vite.close();
  }
});
