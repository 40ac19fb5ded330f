// Bundles dist/ (tsc's output, one file per module) into bundle/: one file per
// entry point plus shared chunks, so importing `mizzle` reads a handful of files
// instead of about a hundred (cold start: importing the module graph was ~30 of
// ~37 ms; bundled ~11 ms; BENCHMARKS.md). Types stay in dist/.
//
// Every public entry and every wasm loader is an entry of ONE build with
// splitting, so classes (MizzleError, Column, ...) exist once however the
// package is entered. bundle/ sits at dist/'s depth, so the loaders' relative
// `../../wasm/...` glue, `.wasm` imports and `new URL(..., import.meta.url)`
// keep pointing at npm-package/wasm/; those, `#wasm/*` (resolved at run time by
// package.json `imports` and its conditions) and `node:*` stay external.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const ENTRIES = ['index', 'sqlite-core/index', 'd1/index', 'durable-sqlite/index', 'sqlite-wasm/index', 'pg-core/index', 'mysql-core/index', 'neon-http/index', 'planetscale/index'];
const LOADERS = ['engine', 'inline', 'embedded'].flatMap((b) => ['node', 'browser', 'workerd'].map((rt) => `wasm/${b}.${rt}`));

rmSync(`${root}bundle`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries([...ENTRIES, ...LOADERS].map((e) => [e, `dist/${e}.js`])),
  outdir: 'bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  chunkNames: 'chunks/[name]-[hash]',
  external: ['#wasm/*', 'node:*', '../../wasm/*'],
  // Minified: parsing is part of cold start; dist/ keeps the readable code (and the source maps).
  minify: true,
  logLevel: 'warning',
});
