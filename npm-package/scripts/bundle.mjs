// Bundles src/ (the TypeScript sources; tsc has type-checked them and writes dist/ for the
// types) into bundle/: one file per
// entry point plus shared chunks, so importing `mizzle` reads a handful of files
// instead of about a hundred (cold start: importing the module graph was ~30 of
// ~37 ms; bundled ~11 ms; BENCHMARKS.md). Types stay in dist/.
//
// Every public entry and every wasm loader is an entry of ONE build with
// splitting, so classes (MizzleError, Column, ...) exist once however the
// package is entered. esbuild, not tsc, compiles the sources here: it writes the
// numbers of the generated const enums (src/engine/wire.generated.ts) in place across
// modules, where tsc under isolatedModules keeps an object per enum and a property
// lookup per use. bundle/ sits at src/'s depth, so the loaders' relative
// `../../wasm/...` glue, `.wasm` imports and `new URL(..., import.meta.url)`
// keep pointing at npm-package/wasm/; those, `#wasm/*` (resolved at run time by
// package.json `imports` and its conditions) and `node:*` stay external.
//
// Node (the `node` export condition) gets its own layout, bundle/node/: Node
// loads modules one by one at run time (bundlers, workerd and browsers get the
// files above through a bundler), and each file costs it more than its bytes:
// the shared-chunk layout took ~16 ms to import where one file with all of it
// takes ~8 (BENCHMARKS.md, cold start). So the entries, the Node loaders and
// their wasm-bindgen glue are four modules (one per group of entries used
// together) and a shared chunk, and each entry is a one-line re-export.
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const MIGRATORS = ['d1', 'durable-sqlite', 'sqlite-wasm', 'neon-http', 'planetscale'].map((d) => `${d}/migrator`);
const SUBPATHS = ['relations', 'sql', 'table', 'column', 'logger', 'errors', 'casing', 'batch'];
const ENTRIES = [
  'index',
  'sqlite-core/index',
  'd1/index',
  'durable-sqlite/index',
  'sqlite-wasm/index',
  'pg-core/index',
  'mysql-core/index',
  'neon-http/index',
  'planetscale/index',
  // The migrators (`mizzle/<driver>/migrator`), which alone load the `migrator` build.
  ...MIGRATORS,
  // drizzle-orm's smaller subpaths (`mizzle/relations`, `mizzle/sql`...): re-exports, no code of their own.
  ...SUBPATHS.map((s) => `subpaths/${s}`),
  // `mizzle/kit`: defineConfig for config files (no Node code; the CLI is its own build below).
  'kit/index',
  // `mizzle/kit/schema`: declaredSchema, every dialect's DSL read for the differ (mizzle-kit generate).
  'kit/schema',
];
const BUILDS = ['engine', 'engine-pg', 'inline', 'embedded', 'migrator', 'migrator-sqlite', 'differ-sqlite'];
const LOADERS = BUILDS.flatMap((b) => ['node', 'browser', 'workerd'].map((rt) => `wasm/${b}.${rt}`));

rmSync(`${root}bundle`, { recursive: true, force: true });
const { metafile } = await build({
  metafile: true,
  absWorkingDir: root,
  entryPoints: Object.fromEntries([...ENTRIES, ...LOADERS].map((e) => [e, `src/${e}.ts`])),
  outdir: 'bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  chunkNames: 'chunks/[name]-[hash]',
  external: ['#wasm/*', 'node:*', '../../wasm/*'],
  // Minified: parsing is part of cold start; dist/ keeps readable code (and the source maps).
  minify: true,
  logLevel: 'warning',
});

// --- bundle/node/ ---------------------------------------------------------------------------
// The entries in four groups, one module each plus one chunk of what groups share: the SQLite
// group (what a D1, Durable Object or plain SQL user imports) does not parse the PostgreSQL,
// MySQL or embedded-database code. Each group re-exports its entries' names under a prefix per
// entry (entries share names: `drizzle`, `sql`...).
const NODE_GROUPS = {
  mizzle: [
    'index',
    'sqlite-core/index',
    'd1/index',
    'durable-sqlite/index',
    'wasm/engine.node',
    ...SUBPATHS.map((s) => `subpaths/${s}`),
    'kit/index',
  ],
  'mizzle-embedded': ['sqlite-wasm/index', 'wasm/embedded.node'],
  'mizzle-pg': ['pg-core/index', 'neon-http/index', 'wasm/engine-pg.node'],
  'mizzle-mysql': ['mysql-core/index', 'planetscale/index', 'wasm/inline.node'],
  'mizzle-migrator': [
    ...MIGRATORS,
    'kit/schema',
    'wasm/migrator.node',
    'wasm/migrator-sqlite.node',
    'wasm/differ-sqlite.node',
  ],
};
const exportsOf = (e) => metafile.outputs[`bundle/${e}.js`]?.exports ?? [];
const prefix = (e) => `${e.replace(/\W/g, '_')}$`;
// Every Node group installs drizzle-kit's fragment renderer (src/kit-render.ts): drizzle-kit loads a schema
// in Node, and only there; the Worker and browser bundles above leave it out.
const groupSource = (entries) =>
  "import './src/kit-render.ts';\n" +
  entries
    .map(
      (e) =>
        `export { ${exportsOf(e)
          .map((x) => `${x} as ${prefix(e)}${x}`)
          .join(', ')} } from './src/${e}.ts';`,
    )
    .join('\n');
await build({
  absWorkingDir: root,
  entryPoints: Object.keys(NODE_GROUPS).map((g) => ({ in: `node-group:${g}`, out: g })),
  outdir: 'bundle/node',
  bundle: true,
  splitting: true,
  chunkNames: '[name]-[hash]',
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  // The Node loaders, glue included; bundle/node/ is at src/wasm/'s depth, so their
  // `new URL('../../wasm/...', import.meta.url)` still finds the .wasm files.
  alias: Object.fromEntries(BUILDS.map((b) => [`#wasm/${b}`, `./src/wasm/${b}.node.ts`])),
  external: ['node:*'],
  plugins: [
    {
      name: 'node-groups',
      setup(b) {
        b.onResolve({ filter: /^node-group:/ }, (a) => ({
          path: a.path.slice('node-group:'.length),
          namespace: 'node-group',
        }));
        b.onLoad({ filter: /.*/, namespace: 'node-group' }, (a) => ({
          contents: groupSource(NODE_GROUPS[a.path]),
          resolveDir: root,
        }));
      },
    },
  ],
  minify: true,
  logLevel: 'warning',
});
// One file per entry, named as the entry (`index`, `d1`, `wasm-engine`...), re-exporting from its group.
for (const [group, entries] of Object.entries(NODE_GROUPS)) {
  for (const e of entries) {
    const file = `${root}bundle/node/${nodeFileName(e)}.js`;
    writeFileSync(
      file,
      `export { ${exportsOf(e)
        .map((x) => `${prefix(e)}${x} as ${x}`)
        .join(', ')} } from './${group}.js';\n`,
    );
  }
}

// --- bundle/bin/ ----------------------------------------------------------------------------
// The `mizzle-kit` CLI (package.json "bin"): Node only, so a build of its own that no entry above
// imports (node:* stays out of the browser and Worker bundles). One file with the drivers and the
// migrator it drives; the wasm loaders stay `#wasm/*`, resolved by package.json `imports`.
await build({
  absWorkingDir: root,
  entryPoints: { 'mizzle-kit': 'src/kit/bin.ts' },
  outdir: 'bundle/bin',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['#wasm/*', 'node:*'],
  minify: true,
  logLevel: 'warning',
});

/**
 * `d1/index` -> `d1`, `d1/migrator` -> `d1-migrator`, `wasm/engine.node` -> `wasm-engine`, `subpaths/sql` -> `sql`,
 * `kit/schema` -> `kit-schema`.
 */
function nodeFileName(entry) {
  return entry
    .replace(/\/index$/, '')
    .replace(/^([\w-]+)\/migrator$/, '$1-migrator')
    .replace(/^wasm\/([\w-]+)\.node$/, 'wasm-$1')
    .replace(/^subpaths\//, '')
    .replace(/\//g, '-');
}
