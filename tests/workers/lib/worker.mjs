// Miniflare on the Rust Worker that worker-build wrote to workers-d1/examples/rest-api/build/
// (scripts/build-worker.mjs, run by `./x test workers` before these tests): build/index.js is an ES
// module that imports ./index_bg.wasm, which workerd needs as a CompiledWasm module.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Miniflare } from 'miniflare';

/** The build folder of example `name` (rest-api: D1 and a Durable Object; http-api: Neon and PlanetScale). */
export const buildOf = (name) => fileURLToPath(new URL(`../../../workers-d1/examples/${name}/build/`, import.meta.url));
export const BUILD = buildOf('rest-api');
export const SCRIPT = join(BUILD, 'index.js');

/** Fails early with a clear message when the Worker has not been built. */
export function requireBuiltWorker(build = BUILD) {
  for (const f of ['index.js', 'index_bg.wasm']) {
    if (!existsSync(join(build, f))) throw new Error(`${join(build, f)} is missing: run node scripts/build-worker.mjs`);
  }
}

/**
 * A Miniflare instance on the built Worker with its bindings: D1 `DB` (in memory) and the SQLite-backed
 * Durable Object `ACCOUNTS` (class `Accounts`). `options` are merged over these. Dispose it in a `finally`.
 */
export function miniflare(options = {}) {
  requireBuiltWorker();
  return new Miniflare({
    modules: true,
    scriptPath: SCRIPT,
    modulesRoot: BUILD,
    compatibilityDate: '2025-01-01',
    modulesRules: [
      { type: 'ESModule', include: ['**/*.js'] },
      { type: 'CompiledWasm', include: ['**/*.wasm'], fallthrough: true },
    ],
    d1Databases: ['DB'],
    d1Persist: false,
    durableObjects: { ACCOUNTS: { className: 'Accounts', useSQLite: true } },
    durableObjectsPersist: false,
    ...options,
  });
}

/** `path` on the Worker, a body given as JSON (a string as it is): [status, body text, parsed body]. */
export async function call(mf, path, body, method = body === undefined ? 'GET' : 'POST') {
  const init = { method };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const res = await mf.dispatchFetch(`http://localhost${path}`, init);
  const text = await res.text();
  return [res.status, text, JSON.parse(text)];
}

/** [`call`], asserting a 200; the parsed body. */
export async function ok(mf, path, body, method) {
  const [status, text, json] = await call(mf, path, body, method);
  assert.equal(status, 200, `${path}: ${text}`);
  return json;
}
