#!/usr/bin/env node
// Builds the example Rust Workers (workers-d1/examples/rest-api, http-api) with worker-build, for tests/workers/.
//
//   node scripts/build-worker.mjs            build when a source changed, print sizes
//   node scripts/build-worker.mjs --force    rebuild even when up to date (MIZZLE_WORKER_FORCE=1 too)
//
// Runs `worker-build --release` in the crate folder with every tool it would otherwise download
// (wasm-bindgen and wasm-opt from GitHub, esbuild from npm) pointed at what is already installed:
//   WASM_BINDGEN_BIN  the `wasm-bindgen` on PATH (or in ~/.cargo/bin), which must equal Cargo.lock's
//                     wasm-bindgen version (worker-build runs the CLI of exactly the lockfile's version)
//   WASM_OPT_BIN      npm-package/node_modules/.bin/wasm-opt (npm binaryen@132; never Debian's binaryen,
//                     which corrupts wasm-bindgen output)
//   ESBUILD_BIN       the native esbuild of npm-package/node_modules (@esbuild/<platform>-<arch>/bin/esbuild)
// worker-build falls back to a download when a *_BIN path does not exist, so each one is checked first.
// Output: workers-d1/examples/<name>/build/ (index.js, index_bg.wasm; git-ignored). Each build is
// skipped when a hash of its inputs (workers-d1/**/*.rs, the Cargo.toml files, Cargo.lock, the tool
// versions and this script) equals the one stored in build/.stamp.json by the last successful build.
//
// Node built-ins only.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SELF = fileURLToPath(import.meta.url);
/** The example Workers: rest-api (D1 and a Durable Object), http-api (Neon and PlanetScale over HTTP). */
const EXAMPLES = ['rest-api', 'http-api'];
const paths = (name) => {
  const crate = join(ROOT, 'workers-d1', 'examples', name);
  const out = join(crate, 'build');
  return {
    crate,
    out,
    stamp: join(out, '.stamp.json'),
    outputs: ['index.js', 'index_bg.wasm'].map((f) => join(out, f)),
  };
};
const WORKER_BUILD_VERSION = '0.8.7';
const NPM_PACKAGE = join(ROOT, 'npm-package');

// ---------------------------------------------------------------- helpers
function withCargoPath(env) {
  const bin = join(process.env.CARGO_HOME ?? join(homedir(), '.cargo'), 'bin');
  const parts = (env.PATH ?? '').split(delimiter);
  return parts.includes(bin) ? env : { ...env, PATH: `${bin}${delimiter}${env.PATH ?? ''}` };
}
const ENV = withCargoPath(process.env);

function capture(cmd, args) {
  return execFileSync(cmd, args, { env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** The absolute path of `name` on ENV's PATH, or undefined. */
function which(name) {
  for (const dir of (ENV.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      if (statSync(p).isFile()) return p;
    } catch {
      // not here
    }
  }
  return undefined;
}

function lockedVersion(crate) {
  const lock = readFileSync(join(ROOT, 'Cargo.lock'), 'utf8');
  const m = new RegExp(`\\[\\[package\\]\\]\\nname = "${crate}"\\nversion = "([^"]+)"`).exec(lock);
  return m?.[1];
}

/** `workers-d1/**` files that feed the build: every .rs and Cargo.toml (not build/, target/ or node_modules/). */
function sourceFiles() {
  const files = [join(ROOT, 'Cargo.toml'), join(ROOT, 'Cargo.lock'), SELF];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (!['build', 'target', 'node_modules'].includes(e.name) && !e.name.startsWith('.')) walk(p);
      } else if (e.isFile() && (e.name.endsWith('.rs') || e.name === 'Cargo.toml')) files.push(p);
    }
  };
  walk(join(ROOT, 'workers-d1'));
  return files.sort();
}

/** sha256 over the settings and each input file's path and contents. */
function inputsHash(settings) {
  const h = createHash('sha256');
  h.update(JSON.stringify(settings));
  for (const f of sourceFiles()) {
    h.update(`\0${relative(ROOT, f)}\0`);
    h.update(readFileSync(f));
  }
  return h.digest('hex');
}

/** Raw and gzip (node:zlib, level 9) sizes. */
function sizes(file) {
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const bytes = (n) => `${n.toLocaleString('en-US')} B`.padStart(12);

/** Runs `cmd` with output shown as it comes; resolves to the combined output, rejects on failure. */
function runTee(cmd, args, opts) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      out += d;
      process.stderr.write(d);
    });
    child.on('error', (e) => reject(new Error(`${cmd}: ${e.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) resolvePromise(out);
      else reject(new Error(`${cmd} ${args.join(' ')} exited with ${code ?? signal}`));
    });
  });
}

// ---------------------------------------------------------------- tools
function tools() {
  const want = lockedVersion('wasm-bindgen');
  if (!want) throw new Error('Cargo.lock has no wasm-bindgen: are the workers-d1 examples workspace members?');
  const wasmBindgen = which('wasm-bindgen');
  let have;
  try {
    have = wasmBindgen && /wasm-bindgen (\S+)/.exec(capture(wasmBindgen, ['--version']))?.[1];
  } catch {
    have = undefined;
  }
  if (have !== want) {
    throw new Error(
      `wasm-bindgen ${have ?? '(not installed)'} on PATH, Cargo.lock wants ${want} (worker-build needs exactly ` +
        `the lockfile's version): run ./x setup (cargo install --force wasm-bindgen-cli --version ${want})`,
    );
  }

  const workerBuild = which('worker-build');
  let wbVersion;
  try {
    // `worker-build --version` prints the bare version (`0.8.7`).
    wbVersion = workerBuild && /(\d+\.\d+\.\d+\S*)/.exec(capture(workerBuild, ['--version']))?.[1];
  } catch {
    wbVersion = undefined;
  }
  if (wbVersion !== WORKER_BUILD_VERSION) {
    throw new Error(
      `worker-build ${wbVersion ?? '(not installed)'} on PATH, want ${WORKER_BUILD_VERSION}: run ./x setup ` +
        `(cargo install --locked worker-build --version ${WORKER_BUILD_VERSION})`,
    );
  }

  const wasmOpt = join(NPM_PACKAGE, 'node_modules', '.bin', 'wasm-opt');
  if (!existsSync(wasmOpt)) {
    throw new Error('npm-package/node_modules/.bin/wasm-opt (npm binaryen) is missing: run ./x setup');
  }
  const binaryen = JSON.parse(readFileSync(join(NPM_PACKAGE, 'node_modules', 'binaryen', 'package.json'), 'utf8'));

  // The platform package esbuild's installer picks (names follow Node's platform and arch).
  const esbuildPkg = `@esbuild/${process.platform}-${process.arch}`;
  const esbuildDir = [
    join(NPM_PACKAGE, 'node_modules', esbuildPkg),
    join(NPM_PACKAGE, 'node_modules', 'esbuild', 'node_modules', esbuildPkg),
  ].find((d) => existsSync(join(d, 'bin', 'esbuild')));
  if (!esbuildDir) throw new Error(`npm-package/node_modules/${esbuildPkg}/bin/esbuild is missing: run ./x setup`);
  const esbuild = join(esbuildDir, 'bin', 'esbuild');
  const esbuildVersion = JSON.parse(readFileSync(join(esbuildDir, 'package.json'), 'utf8')).version;

  return {
    bins: { WASM_BINDGEN_BIN: wasmBindgen, WASM_OPT_BIN: wasmOpt, ESBUILD_BIN: esbuild },
    versions: {
      rustc: capture('rustc', ['--version']),
      wasmBindgen: have,
      workerBuild: wbVersion,
      binaryen: binaryen.version,
      esbuild: esbuildVersion,
    },
  };
}

// ---------------------------------------------------------------- main
async function main(argv) {
  const force = argv.includes('--force') || process.env.MIZZLE_WORKER_FORCE === '1';
  const { bins, versions } = tools();
  const hash = inputsHash(versions);
  for (const name of EXAMPLES) await buildOne(paths(name), { bins, versions, hash, force });
}

async function buildOne({ crate, out, stamp: stampFile, outputs }, { bins, versions, hash, force }) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    stamp = undefined;
  }
  if (!force && stamp?.hash === hash && outputs.every(existsSync)) {
    report(out, outputs, stamp.wasmOpt, 'up to date');
    return;
  }
  if (stamp) console.log('build-worker: sources or tools changed since the last build');

  const rel = (p) => relative(ROOT, p);
  console.log(`==> worker-build --release (in ${rel(crate)})`);
  for (const [k, v] of Object.entries(bins)) console.log(`    ${k}=${v.startsWith(ROOT) ? rel(v) : v}`);
  const t0 = performance.now();
  const output = await runTee('worker-build', ['--release'], { cwd: crate, env: { ...ENV, ...bins } });
  const seconds = (performance.now() - t0) / 1000;
  for (const f of outputs) if (!existsSync(f)) throw new Error(`worker-build succeeded but ${rel(f)} is missing`);
  // worker-build prints this line right before it runs wasm-opt (skipped with --no-opt or `wasm-opt = false`).
  const wasmOpt = /Optimizing wasm binaries with `wasm-opt`/.test(output);
  writeFileSync(stampFile, `${JSON.stringify({ hash, versions, wasmOpt, seconds }, null, 2)}\n`);
  report(out, outputs, wasmOpt, `built in ${seconds.toFixed(1)} s`);
}

function report(out, outputs, wasmOpt, how) {
  console.log(`\nworker build ${relative(ROOT, out)}/ (raw / gzip -9, node:zlib): ${how}`);
  for (const f of outputs) {
    const s = sizes(f);
    console.log(`  ${relative(out, f).padEnd(14)} ${bytes(s.raw)} / ${bytes(s.gzip)}`);
  }
  console.log(`  wasm-opt: ${wasmOpt ? 'ran (npm binaryen)' : 'did not run'}`);
}

if (process.argv[1] && resolve(process.argv[1]) === SELF) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(`build-worker: ${e.message}`);
    process.exit(1);
  });
}
