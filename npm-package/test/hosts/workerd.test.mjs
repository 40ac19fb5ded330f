// workerd host (through miniflare): a worker importing `mizzle/wasm/engine` (and, in a
// second worker, `mizzle/wasm/embedded`) from a packed copy of the package, bundled by
// esbuild the way wrangler does it: conditions ['workerd', 'worker', 'browser'] and the
// `.wasm` import kept as an import of a copied file (a CompiledWasm module for workerd).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { packedApp } from './pack.mjs';
import { EXPECTED, EXPECTED_PG, EXPECTED_ROWS } from './shape.mjs';

let app;
before(() => {
  app = packedApp('workerd');
});
after(() => app?.cleanup());

async function bundle(name, source) {
  const entry = join(app.app, `${name}.mjs`);
  writeFileSync(entry, source);
  const outdir = join(app.app, `out-${name}`);
  await build({
    absWorkingDir: app.app,
    entryPoints: [entry],
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    loader: { '.wasm': 'copy' },
    assetNames: '[name]',
    logLevel: 'error',
  });
  return { script: join(outdir, `${name}.js`), files: readdirSync(outdir) };
}

async function fetchJson(script, path) {
  const mf = new Miniflare({
    modules: true,
    scriptPath: script,
    modulesRoot: dirname(script), // module names are relative to it; the default (cwd) breaks with a tmp dir
    compatibilityDate: '2025-01-01',
    modulesRules: [
      { type: 'ESModule', include: ['**/*.js'] },
      { type: 'CompiledWasm', include: ['**/*.wasm'] },
    ],
  });
  try {
    const res = await mf.dispatchFetch(`http://localhost${path}`);
    const body = await res.text();
    assert.equal(res.status, 200, body);
    return JSON.parse(body);
  } finally {
    await mf.dispose();
  }
}

const handler = (body) => `
import { runShape, runEmbedded } from './shape.mjs';
${body}
export default {
  async fetch() {
    try {
      return Response.json(await run());
    } catch (e) {
      return new Response(String(e && e.stack || e), { status: 500 });
    }
  },
};
`;

test('workerd: the engine build loads from a module import and compiles', async () => {
  const { script, files } = await bundle(
    'engine',
    handler(`import { loadEngine } from 'mizzle/wasm/engine';
async function run() { return runShape(loadEngine()); }`),
  );
  assert.deepEqual(files.sort(), ['engine.js', 'mizzle_engine_bg.wasm'], 'only the engine wasm is bundled');
  const js = readFileSync(script, 'utf8');
  assert.match(js, /from "\.\/mizzle_engine_bg\.wasm"/, 'the .wasm stays a module import');
  assert.doesNotMatch(js, /node:fs|readFileSync/, 'the workerd loader, not the Node one');
  assert.deepEqual(await fetchJson(script, '/'), EXPECTED);
});

test('workerd: the engine-pg build (Neon workers) carries its own wasm and compiles PostgreSQL', async () => {
  const { script, files } = await bundle(
    'engine-pg',
    handler(`import { loadEngine } from 'mizzle/wasm/engine-pg';
async function run() { return runShape(loadEngine()); }`),
  );
  assert.deepEqual(files.sort(), ['engine-pg.js', 'mizzle_engine_pg_bg.wasm'], 'only the PostgreSQL engine');
  assert.deepEqual(await fetchJson(script, '/'), EXPECTED_PG);
});

test('workerd: the embedded build loads and runs SQLite', async () => {
  const { script, files } = await bundle(
    'embedded',
    handler(`import { loadEmbedded } from 'mizzle/wasm/embedded';
async function run() { const m = await loadEmbedded(); return { shape: runShape(m), rows: runEmbedded(m) }; }`),
  );
  assert.deepEqual(files.sort(), ['embedded.js', 'mizzle_embedded_bg.wasm']);
  assert.deepEqual(await fetchJson(script, '/'), { shape: EXPECTED, rows: EXPECTED_ROWS });
});
