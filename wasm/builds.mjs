// wasm/builds.mjs: mizzle's wasm build matrix, a plain ES module (wasm-pack itself reads none of it).
//
// Read by scripts/build-wasm.mjs (`node scripts/build-wasm.mjs [name...] [--force] [--sizes]`, run by
// `./x test` and `npm run build:wasm` in npm-package/). Each entry of `builds` is one `wasm-pack build` of
// `crate`, written to <out_root>/<name>/ (gitignored; shipped through the npm package's `files`), then
// optimised with `wasm_opt`. A build is skipped when its outputs are newer than every input (src/, build.rs
// and Cargo.toml of the crate and of its path dependencies, Cargo.lock, Cargo.toml, this file, the script)
// and nothing in its resolved settings or the toolchain (rustc, wasm-bindgen) changed.
//
// `defaults`: keys every build inherits; a build may override any of them.
//   crate         the wasm-bindgen crate, relative to the repository root
//   target        wasm-pack --target. 'web': one ES module with `initSync({ module })` and an async default
//                 `init(url)`; serves workerd, browsers and Node alike (`--target bundler` does not work in
//                 workerd: toolchain.md).
//   profile       'release' | 'profiling' | 'dev' (wasm-pack --release/--profiling/--dev)
//   out_root      output root, relative to the repository root
//   wasm_opt      false (ship wasm-bindgen's output) or the flags for npm binaryen@132's wasm-opt, e.g.
//                 ['-Oz']. The script adds `--enable-<f>` for every wasm target feature rustc enables
//                 (rustc --print cfg), so wasm-opt accepts externref/multivalue.
//   wasm_opt_bin  that wasm-opt (a Node script from npm `binaryen`, installed by `./x setup` as a
//                 devDependency of npm-package/). NEVER Debian's `binaryen` package (v108): it corrupts
//                 wasm-bindgen output (toolchain.md). wasm-pack's own wasm-opt step stays off (`--no-opt`,
//                 and wasm/Cargo.toml says so too).
//
// `builds`: one entry per output.
//   name          output directory <out_root>/<name>/; the loaders in npm-package/src/wasm/ import
//                 ../../wasm/<name>/<out_name>.js and <out_name>_bg.wasm
//   out_name      file stem of the outputs
//   features      cargo features of `crate`
//
// wasm-opt level, measured 2026-11-23 (release: opt-level "z", lto, codegen-units 1, panic abort;
// wasm-bindgen 0.2.130; bytes of the _bg.wasm, raw / gzip -9):
//   engine    none 167,006 / 59,645     -Oz 113,646 / 47,871   -Os 114,224 / 47,791   -O3 114,469 / 47,821
//   embedded  none 1,108,882 / 488,736  -Oz 918,331 / 434,278  -O3 924,625 / 434,116
// wasm-opt time: engine ~5 s, embedded ~16-18 s (~240 MB RSS). compile() of a small shape and SQLite
// insert/select loops ran within noise at every level (2 shared cores), so -Oz: the smallest raw size (what
// Workers' script size limit counts) at the same gzip size.

export const defaults = {
  crate: 'wasm',
  target: 'web',
  profile: 'release',
  out_root: 'npm-package/wasm',
  // The producers and target_features custom sections mean nothing at run time: ~0.2 KB gzip.
  wasm_opt: ['-Oz', '--strip-producers', '--strip-target-features'],
  wasm_opt_bin: 'npm-package/node_modules/binaryen/bin/wasm-opt',
};

export const builds = [
  // Each shipped build carries only its host's dialect (`dialect-*`; the crate's defaults are off).
  // The engine alone (intern, compile) for SQLite: D1 and Durable Objects (`mizzle/wasm/engine`).
  { name: 'engine', out_name: 'mizzle_engine', features: ['engine', 'dialect-sqlite'] },
  // The engine for PostgreSQL: `mizzle/neon-http` (`mizzle/wasm/engine-pg`).
  { name: 'engine-pg', out_name: 'mizzle_engine_pg', features: ['engine', 'dialect-postgres'] },
  // The engine for MySQL plus `interpolate` (values as escaped literals): `mizzle/planetscale`.
  { name: 'inline', out_name: 'mizzle_inline', features: ['engine', 'inline', 'dialect-mysql'] },
  // The SQLite engine plus an in-memory SQLite (`Database`): Node and browsers (`mizzle/sqlite-wasm`).
  { name: 'embedded', out_name: 'mizzle_embedded', features: ['engine', 'sqlite', 'dialect-sqlite'] },
  // The migrations planner for `mizzle/*/migrator` (folder readers, pending set, tracking-table SQL for every
  // dialect), loaded only by migrate(): an app's query path never carries it.
  {
    name: 'migrator',
    out_name: 'mizzle_migrator',
    features: ['migrations', 'differ', 'dialect-sqlite', 'dialect-postgres', 'dialect-mysql'],
  },
  // The planner alone for the SQLite hosts' `migrate()` (`mizzle/d1/migrator`, `durable-sqlite`, `sqlite-wasm`):
  // a Worker that applies a folder carries no differ.
  { name: 'migrator-sqlite', out_name: 'mizzle_migrator_sqlite', features: ['migrations', 'dialect-sqlite'] },
  // The SQLite differ for `push()` (`mizzle/durable-sqlite/migrator`, `mizzle/sqlite-wasm/migrator`), imported
  // by push() alone, so a bundle without push() leaves it out.
  { name: 'differ-sqlite', out_name: 'mizzle_differ_sqlite', features: ['differ', 'dialect-sqlite'] },
  // Benchmark only, never shipped: the engine plus `neon_rows` / `planetscale_rows` (HTTP response bodies
  // decoded by mizzle-core's protocol codecs into the rows buffer), for the "HTTP response decoding" section
  // of BENCHMARKS.md (tests/bench/lib/http-decode.mjs: the drivers' JS decoders vs this). Written outside
  // npm-package/ (tests/bench/wasm/, gitignored) so the package's `files` never pick it up; the shipped
  // builds above do not enable the feature.
  {
    name: 'protocol',
    out_name: 'mizzle_protocol',
    out_root: 'tests/bench/wasm',
    features: ['engine', 'protocol'],
  },
];
