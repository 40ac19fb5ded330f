// Shared tooling of the workerd suites: bundle a worker with esbuild the way wrangler does
// (conditions ['workerd', 'worker', 'browser'], `.wasm` imports kept as module imports of a
// copied file, which miniflare loads as CompiledWasm), and start miniflare on it.
// `mizzle` resolves to ../../npm-package (its package.json `exports`/`imports`, so the
// worker gets the workerd wasm loader and dist/ as a user would); drizzle-orm comes from
// this folder's node_modules (package.json here pins it).
import { existsSync, mkdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';

export const HERE = fileURLToPath(new URL('..', import.meta.url));
export const PKG = fileURLToPath(new URL('../../../npm-package/', import.meta.url));
const BUILD = join(HERE, '.build');

/** Fails early with a clear message when mizzle's dist/ or wasm/ is missing. */
export function requireBuiltPackage() {
  for (const f of [
    'dist/index.js',
    'dist/d1/index.js',
    'dist/wasm/engine.workerd.js',
    'wasm/engine/mizzle_engine_bg.wasm',
    'wasm/embedded/mizzle_embedded_bg.wasm',
  ]) {
    if (!existsSync(join(PKG, f)))
      throw new Error(`npm-package/${f} is missing: build mizzle first (cd npm-package && npm run build)`);
  }
}

/** A `node_modules/mizzle` link for esbuild (`nodePaths`), inside the git-ignored .build/. */
function mizzleNodePath() {
  const nm = join(BUILD, 'node_modules');
  const link = join(nm, 'mizzle');
  mkdirSync(nm, { recursive: true });
  let current;
  try {
    current = readlinkSync(link);
  } catch {
    current = undefined;
  }
  // Left alone when right: bundles built in parallel resolve through it.
  if (current !== PKG) {
    rmSync(link, { force: true, recursive: true });
    symlinkSync(PKG, link, 'dir');
  }
  return nm;
}

/**
 * Bundles `source` (an ES module; relative imports resolve from .build/<name>/, so
 * `../../lib/` is this folder's lib/ and `../../../scenarios/` the shared set) into .build/<name>/out/<name>.js.
 */
export async function bundleWorker(name, source) {
  requireBuiltPackage();
  const dir = join(BUILD, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, `${name}.mjs`);
  writeFileSync(entry, source);
  const outdir = join(dir, 'out');
  await build({
    absWorkingDir: HERE,
    entryPoints: [entry],
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    nodePaths: [mizzleNodePath()],
    external: ['cloudflare:*', 'node:*'],
    // `.sql` as text: wrangler's `[[rules]] type = "Text"`, for drizzle-kit's bundled migrations.js.
    loader: { '.wasm': 'copy', '.sql': 'text' },
    assetNames: '[name]',
    logLevel: 'error',
  });
  return join(outdir, `${name}.js`);
}

/** A Miniflare instance on a bundled worker; dispose it in a `finally`. */
export function miniflare(script, options = {}) {
  return new Miniflare({
    modules: true,
    scriptPath: script,
    modulesRoot: dirname(script),
    compatibilityDate: '2025-01-01',
    modulesRules: [
      { type: 'ESModule', include: ['**/*.js'] },
      { type: 'CompiledWasm', include: ['**/*.wasm'] },
    ],
    ...options,
  });
}

/** GET `path` on the worker; the JSON body (throws with the body on a non-200). */
export async function fetchJson(mf, path, init) {
  const res = await mf.dispatchFetch(`http://localhost${path}`, init);
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}\n${body}`);
  return JSON.parse(body);
}
