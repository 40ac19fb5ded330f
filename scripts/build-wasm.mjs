#!/usr/bin/env node
// Builds the wasm matrix declared in ../wasm/builds.mjs (read that file's header first).
//
//   node scripts/build-wasm.mjs              build every stale entry, print sizes
//   node scripts/build-wasm.mjs engine       only the named entries
//   node scripts/build-wasm.mjs --force      rebuild even when up to date (MIZZLE_WASM_FORCE=1 too)
//   node scripts/build-wasm.mjs --sizes      also report the size without wasm-opt
//
// Per entry: `wasm-pack build <crate> --target web --release --no-pack --no-opt
//   --out-dir <tmp> --out-name <out_name> -- --no-default-features --features <f>`, then wasm-opt
// (flags from the matrix plus `--enable-<f>` for rustc's wasm target features), then the
// temporary directory replaces <out_root>/<name>/ by rename, so a failed build never
// leaves a half-written output (the previous one stays). A lock file serialises
// concurrent runs (several `./x test` at once). Needs on PATH (or in ~/.cargo/bin):
// wasm-pack, and wasm-bindgen equal to the version in Cargo.lock (else wasm-pack tries
// to download it from GitHub and fails).
//
// Node built-ins and the matrix module only: it runs before `npm ci` has to have succeeded
// for anything but wasm-opt.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { builds as matrix, defaults } from '../wasm/builds.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CONFIG = join(ROOT, 'wasm', 'builds.mjs');
const SELF = fileURLToPath(import.meta.url);

// ---------------------------------------------------------------- config
const KEYS = ['name', 'out_name', 'features', 'crate', 'target', 'profile', 'out_root', 'wasm_opt', 'wasm_opt_bin'];

/** The matrix of wasm/builds.mjs, each build merged over the defaults and checked. */
export function loadConfig() {
  const builds = matrix.map((b) => {
    const e = { features: [], ...defaults, ...b };
    const bad = (what) => new Error(`wasm/builds.mjs: build ${e.name ?? '?'}: ${what}`);
    for (const k of Object.keys(e)) if (!KEYS.includes(k)) throw bad(`unknown key ${k}`);
    for (const k of ['name', 'out_name', 'crate', 'target', 'profile', 'out_root']) {
      if (typeof e[k] !== 'string' || e[k] === '') throw bad(`needs a string ${k}`);
    }
    if (!/^[A-Za-z0-9_-]+$/.test(e.name)) throw bad('bad name');
    if (!['release', 'profiling', 'dev'].includes(e.profile)) throw bad(`bad profile ${e.profile}`);
    if (!Array.isArray(e.features)) throw bad('features must be an array');
    if (e.wasm_opt !== false && !Array.isArray(e.wasm_opt)) throw bad('wasm_opt must be false or an array of flags');
    if (e.wasm_opt !== false && typeof e.wasm_opt_bin !== 'string') throw bad('wasm_opt needs wasm_opt_bin');
    e.outDir = join(ROOT, e.out_root, e.name);
    return e;
  });
  const names = new Set();
  for (const b of builds) {
    if (names.has(b.name)) throw new Error(`wasm/builds.mjs: build ${b.name} declared twice`);
    names.add(b.name);
  }
  return builds;
}

// ---------------------------------------------------------------- helpers
function withCargoPath(env) {
  const bin = join(process.env.CARGO_HOME ?? join(homedir(), '.cargo'), 'bin');
  const parts = (env.PATH ?? '').split(':');
  return parts.includes(bin) ? env : { ...env, PATH: `${bin}:${env.PATH ?? ''}` };
}
const ENV = withCargoPath(process.env);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: ENV, ...opts });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

function capture(cmd, args) {
  return execFileSync(cmd, args, { env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

function lockedVersion(crate) {
  const lock = readFileSync(join(ROOT, 'Cargo.lock'), 'utf8');
  const m = new RegExp(`\\[\\[package\\]\\]\\nname = "${crate}"\\nversion = "([^"]+)"`).exec(lock);
  return m?.[1];
}

/** Directories whose src/, build.rs and Cargo.toml feed the crate: itself and its path deps. */
function crateInputs(crateDir) {
  const meta = JSON.parse(capture('cargo', ['metadata', '--format-version', '1', '--no-deps', '--offline']));
  const byDir = new Map(meta.packages.map((p) => [dirname(p.manifest_path), p]));
  const seen = new Set();
  const visit = (dir) => {
    if (seen.has(dir)) return;
    seen.add(dir);
    for (const d of byDir.get(dir)?.dependencies ?? []) if (d.path) visit(resolve(d.path));
  };
  visit(resolve(ROOT, crateDir));
  const files = [join(ROOT, 'Cargo.toml'), join(ROOT, 'Cargo.lock'), CONFIG, SELF];
  for (const dir of seen) files.push(join(dir, 'src'), join(dir, 'build.rs'), join(dir, 'Cargo.toml'));
  return files;
}

function newestMtime(paths) {
  let newest = 0;
  let newestPath = '';
  const walk = (p) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) for (const e of readdirSync(p)) walk(join(p, e));
    else if (st.mtimeMs > newest) {
      newest = st.mtimeMs;
      newestPath = p;
    }
  };
  for (const p of paths) walk(p);
  return { newest, newestPath };
}

/** Raw and `gzip -9` sizes (GNU gzip when present: zlib's level 9 comes out ~0.3% larger). */
function sizes(file) {
  const bytes = readFileSync(file);
  let gzip;
  try {
    gzip = execFileSync('gzip', ['-9c', file], { maxBuffer: 1 << 30 }).length;
  } catch {
    gzip = gzipSync(bytes, { level: 9 }).length;
  }
  return { raw: bytes.length, gzip };
}

const kb = (n) => `${n.toLocaleString('en-US')} B`.padStart(12);

/** rustc's wasm target features, spelled as binaryen's `--enable-<f>` flags. */
const BINARYEN_NAMES = { 'nontrapping-fptoint': 'nontrapping-float-to-int', simd128: 'simd', atomics: 'threads' };
function rustWasmFeatures() {
  return capture('rustc', ['--print', 'cfg', '--target', 'wasm32-unknown-unknown'])
    .split('\n')
    .map((l) => /^target_feature="(.+)"$/.exec(l)?.[1])
    .filter(Boolean)
    .map((f) => BINARYEN_NAMES[f] ?? f);
}

/** A file lock around the whole run: concurrent runs wait instead of racing on the outputs. */
function acquireLock(dir) {
  mkdirSync(dir, { recursive: true });
  const lock = join(dir, '.build.lock');
  const started = Date.now();
  let told = false;
  for (;;) {
    try {
      const fd = openSync(lock, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => rmSync(lock, { force: true });
      process.on('exit', release);
      return release;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let pid = 0;
      let young = false;
      try {
        pid = Number(readFileSync(lock, 'utf8').trim() || '0');
        young = Date.now() - statSync(lock).mtimeMs < 10_000;
      } catch {
        continue; // released meanwhile
      }
      let alive = pid === 0 && young; // created, pid not written yet
      try {
        alive ||= pid > 0 && process.kill(pid, 0);
      } catch (err) {
        alive = err.code === 'EPERM';
      }
      if (!alive) {
        rmSync(lock, { force: true });
        continue;
      }
      if (!told) console.log(`build-wasm: waiting for another build (pid ${pid}) holding ${relative(ROOT, lock)}`);
      told = true;
      if (Date.now() - started > 30 * 60_000) throw new Error(`gave up waiting for ${lock}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
}

// ---------------------------------------------------------------- main
function main(argv) {
  const force = argv.includes('--force') || process.env.MIZZLE_WASM_FORCE === '1';
  const reportUnopt = argv.includes('--sizes');
  const only = argv.filter((a) => !a.startsWith('--'));
  let builds = loadConfig();
  for (const n of only)
    if (!builds.some((b) => b.name === n)) throw new Error(`no build named ${n} in wasm/builds.mjs`);
  if (only.length) builds = builds.filter((b) => only.includes(b.name));

  const want = lockedVersion('wasm-bindgen');
  let have;
  try {
    have = /wasm-bindgen (\S+)/.exec(capture('wasm-bindgen', ['--version']))?.[1];
  } catch {
    have = undefined;
  }
  if (want && have !== want) {
    throw new Error(
      `wasm-bindgen ${have ?? '(not installed)'} on PATH, Cargo.lock wants ${want}: ` +
        `run ./x setup (cargo install --force wasm-bindgen-cli --version ${want})`,
    );
  }
  try {
    capture('wasm-pack', ['--version']);
  } catch {
    throw new Error('wasm-pack is not installed: run ./x setup (cargo install --locked wasm-pack)');
  }
  const toolchain = { rustc: capture('rustc', ['--version']), wasmBindgen: have };
  const features = rustWasmFeatures();

  const roots = [...new Set(builds.map((b) => dirname(b.outDir)))];
  const releases = roots.map(acquireLock);
  try {
    // Leftovers of a killed run (we hold the lock, so no live run owns them).
    for (const root of roots) {
      for (const e of readdirSync(root))
        if (/^\..+\.tmp-\d+(\.old)?$/.test(e)) rmSync(join(root, e), { recursive: true, force: true });
    }
    const report = [];
    for (const b of builds) report.push(buildOne(b, { force, reportUnopt, toolchain, features }));
    console.log('\nwasm builds (raw / gzip -9):');
    for (const r of report) {
      const unopt = r.unopt ? `   without wasm-opt ${kb(r.unopt.raw)} / ${kb(r.unopt.gzip)}` : '';
      const how = r.skipped ? 'up to date' : `built in ${r.seconds.toFixed(1)} s`;
      console.log(`  ${r.name.padEnd(10)} ${kb(r.raw)} / ${kb(r.gzip)}  ${r.opt.padEnd(8)} ${how}${unopt}`);
    }
  } finally {
    for (const release of releases) release();
  }
}

function buildOne(b, { force, reportUnopt, toolchain, features }) {
  const wasmFile = `${b.out_name}_bg.wasm`;
  const outputs = [`${b.out_name}.js`, `${b.out_name}.d.ts`, wasmFile].map((f) => join(b.outDir, f));
  const stampFile = join(b.outDir, '.stamp.json');
  const settings = { ...b, outDir: relative(ROOT, b.outDir), toolchain, features };
  const key = JSON.stringify(settings);
  const optName = b.wasm_opt === false ? 'no-opt' : b.wasm_opt.join(' ');

  if (!force && existsSync(stampFile) && outputs.every(existsSync)) {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    const { newest, newestPath } = newestMtime(crateInputs(b.crate));
    // Inputs are compared with the time the build started, so an edit made during a build
    // (after cargo read the file) still makes the next run rebuild.
    if (stamp.key === key && stamp.startedMs > newest) {
      return {
        name: b.name,
        ...stamp.sizes,
        unopt: reportUnopt ? stamp.unopt : undefined,
        opt: optName,
        skipped: true,
      };
    }
    const why = stamp.key !== key ? 'settings or toolchain changed' : relative(ROOT, newestPath);
    console.log(`build-wasm: ${b.name} is stale (${why})`);
  }

  const t0 = performance.now();
  const startedMs = Date.now();
  const tmp = join(dirname(b.outDir), `.${b.name}.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  const profileFlag = { release: '--release', profiling: '--profiling', dev: '--dev' }[b.profile];
  const args = [
    'build',
    join(ROOT, b.crate),
    '--target',
    b.target,
    profileFlag,
    '--no-pack',
    '--no-opt',
    '--out-dir',
    tmp,
    '--out-name',
    b.out_name,
  ];
  // `features` is the whole list: the crate's defaults (every dialect) are off.
  args.push('--', '--no-default-features');
  if (b.features.length) args.push('--features', b.features.join(','));
  console.log(`==> wasm-pack ${args.map((a) => (a.startsWith(ROOT) ? relative(ROOT, a) || '.' : a)).join(' ')}`);
  try {
    run('wasm-pack', args, { cwd: ROOT });
    rmSync(join(tmp, '.gitignore'), { force: true }); // wasm-pack's `*`; npm-package/.gitignore covers wasm/
    const unopt = sizes(join(tmp, wasmFile));
    if (b.wasm_opt !== false) {
      const bin = join(ROOT, b.wasm_opt_bin);
      if (!existsSync(bin)) throw new Error(`${b.wasm_opt_bin} is missing: run ./x setup (npm ci in npm-package)`);
      const optArgs = [
        bin,
        join(tmp, wasmFile),
        '-o',
        join(tmp, wasmFile),
        ...b.wasm_opt,
        ...features.map((f) => `--enable-${f}`),
      ];
      console.log(
        `==> wasm-opt ${optArgs
          .slice(1)
          .map((a) => (a.startsWith(ROOT) ? relative(ROOT, a) : a))
          .join(' ')}`,
      );
      run(process.execPath, optArgs, { cwd: ROOT });
    }
    const sz = sizes(join(tmp, wasmFile));
    writeFileSync(join(tmp, '.stamp.json'), `${JSON.stringify({ key, startedMs, sizes: sz, unopt }, null, 2)}\n`);
    // Swap: the old output moves aside, the new one takes its name, the old one is removed.
    const old = `${tmp}.old`;
    if (existsSync(b.outDir)) renameSync(b.outDir, old);
    renameSync(tmp, b.outDir);
    rmSync(old, { recursive: true, force: true });
    const seconds = (performance.now() - t0) / 1000;
    return { name: b.name, ...sz, unopt: reportUnopt ? unopt : undefined, opt: optName, skipped: false, seconds };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === SELF) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    console.error(`build-wasm: ${e.message}`);
    process.exit(1);
  }
}
