#!/usr/bin/env node
// mizzle vs drizzle-orm benchmarks. See ../../BENCHMARKS.md for the figures and methods.
//
//   node run.mjs            full run (about 15 s once the machine is quiet): measures,
//                           rewrites ../../BENCHMARKS.md and ./results.json
//   node run.mjs --smoke    one tiny round (seconds): checks that both ORMs give the same SQL
//                           for every measured query, that the harness works end to end and
//                           that "first time" shapes really miss mizzle's cache; writes
//                           nothing, never judges timings; exits non-zero on any error
//
// Options (full mode): --rounds=N (recorded samples per contender, default 15),
// --sample-ms=N (minimum length of one sample, default 60), --no-wait (do not wait for
// the 1-minute load average to drop below 1.5), --out=DIR (write the two files there
// instead; for trying the harness without touching the committed ones).
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alternate, alternateAsync, calibrate, median, summarize, timeNs } from './lib/measure.mjs';
import { pairRatio, ROWS as DECODE_ROWS } from './lib/decode.mjs';
import { startD1Worker } from './lib/d1.mjs';
import { COLUMNS as HTTP_COLUMNS, setupHttpDecode } from './lib/http-decode.mjs';
import {
  HERE,
  ORMS,
  QUERY_TEXT,
  SHAPE_TEXT,
  STUB_D1,
  ShapeStream,
  loadOrm,
  makeLoops,
  requirePrereqs,
  sameSql,
  shapeEngineOf,
  usersTable,
  versionOf,
} from './lib/orms.mjs';
import { markdown } from './lib/report.mjs';
import { embeddedSize, otherWasmSizes, workerSize } from './lib/sizes.mjs';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, dflt) => {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  return a ? a.slice(name.length + 3) : dflt;
};
for (const a of args) {
  if (!/^--(smoke|no-wait|rounds=\d+|sample-ms=\d+|out=.+)$/.test(a)) {
    console.error(
      `unknown argument ${a}\nusage: node run.mjs [--smoke] [--rounds=N] [--sample-ms=N] [--no-wait] [--out=DIR]`,
    );
    process.exit(2);
  }
}
const SMOKE = flag('smoke');
const ROUNDS = SMOKE ? 1 : Number(option('rounds', 15));
const SAMPLE_NS = Number(option('sample-ms', 60)) * 1e6;
const OUT = option('out', undefined);
const QUIET_LOAD = 1.5;
const CHECKED = 13000;
// Budgets from the issue that asked for these figures.
const BUDGETS = {
  d1WorkerGzipBytes: 60 * 1024,
  embeddedGzipBytes: 450 * 1024,
  compileFirst: 0.2,
  compileRepeated: 0.05,
  decodeVsDrizzle: 0.5,
  decodeVsRaw: 1.1,
  d1Request: 0.8,
  coldMs: 20,
};

const log = (...a) => console.log(...a);
let sink; // results go here so no loop can be optimised away

async function main() {
  requirePrereqs();
  const load = SMOKE ? os.loadavg()[0] : await waitQuiet();
  const started = new Date();

  const orms = {};
  for (const o of ORMS) {
    const orm = await loadOrm(o);
    orm.db = orm.drizzle(STUB_D1);
    orm.users = usersTable(orm);
    orm.loops = makeLoops();
    orms[o.key] = orm;
  }
  const { mizzle, drizzle } = orms;
  const engine = shapeEngineOf(mizzle.db);
  if (!engine)
    throw new Error(
      "cannot reach mizzle's engine (db.session.engine.compiles): update shapeEngineOf() in lib/orms.mjs",
    );

  // --- same SQL -------------------------------------------------------------------------
  const sqlCheck = { query: QUERY_TEXT };
  sqlCheck.repeated = sameSql(
    mizzle.loops.repeated(mizzle.db, mizzle.users, mizzle.eq, 1),
    drizzle.loops.repeated(drizzle.db, drizzle.users, drizzle.eq, 1),
    QUERY_TEXT,
  );
  {
    // Every 997th of the first CHECKED shapes (two tables); the measured ones come after them.
    const [mShapes, dShapes] = [new ShapeStream(mizzle).take(CHECKED), new ShapeStream(drizzle).take(CHECKED)];
    const kinds = new Set();
    for (let i = 0; i < mShapes.length; i += 997) {
      kinds.add(
        sameSql(
          mizzle.loops.shapes(mizzle.db, mizzle.eq, mShapes, i, 1),
          drizzle.loops.shapes(drizzle.db, drizzle.eq, dShapes, i, 1),
          `shape ${i}`,
        ),
      );
    }
    sqlCheck.shapes = [...kinds].join(', ');
  }
  log(`same SQL: ${QUERY_TEXT}: ${sqlCheck.repeated}; never-seen shapes: ${sqlCheck.shapes}`);

  // Each sample runs chunks of about a tenth of SAMPLE_NS until SAMPLE_NS have passed.
  const CHUNK_NS = SAMPLE_NS / 10;
  const timing = { rounds: ROUNDS, warmup: SMOKE ? 0 : 3, minNs: SMOKE ? 0 : SAMPLE_NS };
  const chunkOf = (run) => (SMOKE ? 200 : calibrate((n) => timeNs(() => run(n)), CHUNK_NS));

  // --- (a) repeated shape ---------------------------------------------------------------
  const repeatedContender = (orm) => {
    const run = (n) => (sink = orm.loops.repeated(orm.db, orm.users, orm.eq, n));
    return { key: orm.key, chunk: chunkOf(run), run };
  };
  const before = engine.compiles;
  const repeated = alternate([repeatedContender(mizzle), repeatedContender(drizzle)], timing);
  if (engine.compiles !== before)
    throw new Error(
      `repeated shape: mizzle compiled ${engine.compiles - before} shapes: the repeated query is not a cache hit`,
    );
  log(line('(a) repeated shape', repeated));

  // --- (a') repeated shape in the form of (b): hit vs miss for the same kind of query -----
  const fixedContender = (orm) => {
    const shape = new ShapeStream(orm).take(1)[0]; // shape 0 of (b)'s sequence: compiled by the SQL check
    let shapes = [];
    const run = (n) => {
      if (shapes.length < n) shapes = new Array(n).fill(shape);
      sink = orm.loops.shapes(orm.db, orm.eq, shapes, 0, n);
    };
    run(1); // allocate outside the calibration's first timing
    return { key: orm.key, chunk: chunkOf(run), run };
  };
  const beforeFixed = engine.compiles;
  const repeatedFields = alternate([fixedContender(mizzle), fixedContender(drizzle)], timing);
  if (engine.compiles !== beforeFixed)
    throw new Error(`repeated shape (b's form): mizzle compiled ${engine.compiles - beforeFixed} shapes`);
  log(line("(a') repeated shape, the form of (b)", repeatedFields));

  // --- (b) first time: a shape the engine has not seen ------------------------------------
  // Each ORM walks the same sequence of never-seen shapes. Before each sample (untimed) its
  // pool is topped up to four times what a sample is expected to use; run(k) takes the next
  // k shapes of the pool; after the sample, mizzle must have compiled one shape per operation.
  const firstContender = (orm) => {
    const stream = new ShapeStream(orm).skip(CHECKED); // past the shapes the SQL check compiled
    let pool = [];
    let at = 0;
    let chunk = 200;
    let perSample = 200;
    if (!SMOKE) {
      // Warm the code paths (and let the wasm tier up) on 5000 misses, then time 1000 more.
      const warm = stream.take(5000);
      orm.loops.shapes(orm.db, orm.eq, warm, 0, warm.length);
      const probe = stream.take(1000);
      const perOp = timeNs(() => (sink = orm.loops.shapes(orm.db, orm.eq, probe, 0, probe.length))) / probe.length;
      chunk = Math.max(1, Math.round(CHUNK_NS / perOp));
      perSample = Math.ceil(SAMPLE_NS / perOp) + chunk;
    }
    let size = 0;
    return {
      key: orm.key,
      chunk,
      before: () => {
        if (pool.length - at < 4 * perSample) {
          pool = pool.slice(at).concat(stream.take(4 * perSample));
          at = 0;
        }
        size = engine.compiles;
      },
      run: (n) => {
        if (at + n > pool.length)
          throw new Error('bench: (b) used more shapes than prepared (a sample ran 4x longer than estimated)');
        sink = orm.loops.shapes(orm.db, orm.eq, pool, at, n);
        at += n;
      },
      after: (ops) => {
        if (orm === mizzle && engine.compiles !== size + ops) {
          throw new Error(`first time: ${ops} shapes, ${engine.compiles - size} compiles: not every shape missed`);
        }
      },
    };
  };
  const first = alternate([firstContender(mizzle), firstContender(drizzle)], { ...timing, warmup: SMOKE ? 0 : 2 });
  first.compilesAtEnd = engine.compiles;
  first.cachedShapesAtEnd = engine.cachedShapes;
  log(line('(b) first time (never-seen shape)', first));

  // --- (c) cold process ----------------------------------------------------------------
  const cold = coldStart(SMOKE ? 1 : ROUNDS, SMOKE ? 0 : 1);
  log(line('(c) cold process: import + first query', cold, 'ms'));

  // --- compile matrix: ten shapes, first time / repeated, plain / prepared ---------------------
  const compile = inChild('compile');

  // --- decode: 10,000 rows; relational end to end: findMany 100 parents x 10 children ----------
  const { decode, relational } = inChild('decode');

  // --- HTTP response decoding: the drivers' JS decoders vs the core codecs through wasm -------
  // Neon and PlanetScale bodies of 1,000 and 10,000 rows x 8 columns; ratio = wasm / JS.
  const hd = await setupHttpDecode();
  const httpDecode = {
    columns: HTTP_COLUMNS,
    wasm: hd.info,
    chunkMs: 20,
    rounds: SMOKE ? 1 : 15,
    warmup: SMOKE ? 0 : 3,
    cases: [],
  };
  for (const c of hd.cases) {
    const check = c.check();
    const contenders = Object.entries(c.contenders).map(([key, f]) => {
      const run = (n) => {
        for (let i = 0; i < n; i++) sink = f();
      };
      return { key, chunk: SMOKE ? 1 : calibrate((n) => timeNs(() => run(n)), httpDecode.chunkMs * 1e6), run };
    });
    const time = alternate(contenders, { rounds: httpDecode.rounds, warmup: httpDecode.warmup, minNs: 0 });
    const r = pairRatio(time, 'wasm', 'js');
    httpDecode.cases.push({
      key: c.key,
      protocol: c.protocol,
      rows: c.rows,
      bytes: c.bytes,
      bufferBytes: c.bufferBytes,
      check,
      time,
      ratio: r,
    });
    const t = (k) => `${(time[k].medianNs / 1e6).toFixed(2)} ms`;
    log(
      `HTTP decode ${c.protocol} ${c.rows} rows (${check}): ` +
        `wasm ${t('wasm')} (call ${t('wasmCall')}, decodeRows ${t('decodeRows')}), ` +
        `JS ${t('js')} (JSON.parse ${t('jsonParse')}), wasm / JS ${ratio(r.medians)}` +
        (SMOKE ? ' (smoke: not judged)' : ` (per round ${ratio(r.pairedMin)}..${ratio(r.pairedMax)})`),
    );
  }

  // --- D1 in workerd (miniflare): batched insert + select, one request ------------------------
  const workers = {
    mizzle: await startD1Worker('mizzle', 'd1-mizzle'),
    drizzle: await startD1Worker('drizzle-orm', 'd1-drizzle'),
    raw: await startD1Worker(null, 'd1-raw'),
  };
  let d1;
  try {
    const [m, d, raw] = [await workers.mizzle.request(), await workers.drizzle.request(), await workers.raw.request()];
    if (
      JSON.stringify(m) !== JSON.stringify(d) ||
      JSON.stringify(m) !== JSON.stringify(raw) ||
      m.selected?.length !== 10 ||
      m.found?.[0]?.posts?.length !== 10
    ) {
      throw new Error(`D1 workers disagree:\n  ${JSON.stringify(m)}\n  ${JSON.stringify(d)}\n  ${JSON.stringify(raw)}`);
    }
    const reqs = SMOKE ? 1 : 10;
    d1 = await alternateAsync(
      Object.keys(workers).map((key) => ({
        key,
        chunk: reqs,
        run: async (n) => {
          for (let i = 0; i < n; i++) sink = await workers[key].request();
        },
      })),
      { rounds: SMOKE ? 1 : 11, warmup: SMOKE ? 0 : 2, minNs: 0 },
    );
    d1.vsRaw = { mizzle: pairRatio(d1, 'mizzle', 'raw'), drizzle: pairRatio(d1, 'drizzle', 'raw') };
  } finally {
    for (const w of Object.values(workers)) {
      await w.dispose();
      w.cleanup();
    }
  }
  log(line('D1 request (miniflare): batch insert + select + findMany', d1, 'ms'));
  log(
    `D1 request with no ORM: ${(d1.raw.medianNs / 1e6).toFixed(2)} ms ` +
      `(mizzle ${ratio(d1.vsRaw.mizzle.medians)}, drizzle-orm ${ratio(d1.vsRaw.drizzle.medians)} of it)`,
  );

  // --- sizes ---------------------------------------------------------------------------
  const sizes = {
    mizzle: await workerSize('mizzle'),
    drizzle: await workerSize('drizzle-orm'),
    neon: { mizzle: await workerSize('mizzle', 'neon'), drizzle: await workerSize('drizzle-orm', 'neon') },
    planetscale: {
      mizzle: await workerSize('mizzle', 'planetscale'),
      drizzle: await workerSize('drizzle-orm', 'planetscale'),
    },
    embedded: embeddedSize(),
    ...otherWasmSizes(),
  };
  log(
    `sizes (gzip -9): Neon worker mizzle ${kb(sizes.neon.mizzle.totalGzip)}, ` +
      `drizzle-orm ${kb(sizes.neon.drizzle.totalGzip)}; ` +
      `PlanetScale worker mizzle ${kb(sizes.planetscale.mizzle.totalGzip)}, ` +
      `drizzle-orm ${kb(sizes.planetscale.drizzle.totalGzip)}`,
  );
  log(
    `sizes (gzip -9): D1 worker mizzle ${kb(sizes.mizzle.totalGzip)} ` +
      `(JS ${kb(sizes.mizzle.jsGzip)} + wasm ${kb(sizes.mizzle.wasmGzip)}), ` +
      `drizzle-orm ${kb(sizes.drizzle.totalGzip)}; embedded build ${kb(sizes.embedded.totalGzip)}, ` +
      `sql.js ${kb(sizes.sqlJs.totalGzip)}, @sqlite.org/sqlite-wasm ${kb(sizes.sqliteWasm.totalGzip)}`,
  );

  // --- budgets (printed, never enforced here) -------------------------------------------
  const compileBudgets = [];
  for (const r of compile.rows) {
    for (const [mode, limit, what] of [
      ['firstPlain', BUDGETS.compileFirst, 'first time'],
      ['firstPrepared', BUDGETS.compileFirst, 'first time, prepared'],
      ['repeatedPlain', BUDGETS.compileRepeated, 'repeated'],
      ['repeatedPrepared', BUDGETS.compileRepeated, 'repeated, prepared'],
    ]) {
      compileBudgets.push({
        name: `compile ${r.key}, ${what} <= ${limit}x drizzle-orm`,
        value: ratio(r[mode].ratio.medians),
        holds: r[mode].ratio.medians <= limit,
        timing: true,
        row: `compile.${r.key}.${mode}`,
      });
    }
  }
  const budgets = [
    ...compileBudgets,
    {
      name: `decode ${DECODE_ROWS} rows <= 0.5x drizzle-orm on the same engine (sql.js: both SQLite in wasm)`,
      value: ratio(decode.ratios.mizzleVsDrizzleSqlJs.medians),
      holds: decode.ratios.mizzleVsDrizzleSqlJs.medians <= BUDGETS.decodeVsDrizzle,
      timing: true,
    },
    {
      name: `decode ${DECODE_ROWS} rows <= 1.1x mizzle's raw embedded driver`,
      value: ratio(decode.ratios.mizzleVsRaw.medians),
      holds: decode.ratios.mizzleVsRaw.medians <= BUDGETS.decodeVsRaw,
      timing: true,
    },
    {
      name: 'D1 request in workerd (batched insert + select + findMany) <= 0.8x drizzle-orm',
      value: ratio(d1.ratio.medians),
      holds: d1.ratio.medians <= BUDGETS.d1Request,
      timing: true,
    },
    ...httpDecode.cases.map((c) => ({
      name:
        `HTTP decode, ${c.protocol === 'neon' ? 'Neon' : 'PlanetScale'} ${c.rows.toLocaleString('en-US')} rows: ` +
        "core codecs through wasm / the driver's JS decoders (no budget; above 1x the drivers keep JS, issue 6)",
      value: ratio(c.ratio.medians),
      holds: null,
      timing: true,
    })),
    {
      name: 'D1 worker (mizzle/d1, JS + wasm) <= 60 KB gzip',
      value: `${kb(sizes.mizzle.totalGzip)}`,
      holds: sizes.mizzle.totalGzip <= BUDGETS.d1WorkerGzipBytes,
    },
    {
      name: 'Neon worker (mizzle/neon-http, JS + wasm): no budget; drizzle-orm + @neondatabase/serverless for scale',
      value: `${kb(sizes.neon.mizzle.totalGzip)} vs ${kb(sizes.neon.drizzle.totalGzip)}`,
      holds: null,
    },
    {
      name: 'embedded build (wasm + JS) <= 450 KB gzip',
      value: `${kb(sizes.embedded.totalGzip)}`,
      holds: sizes.embedded.totalGzip <= BUDGETS.embeddedGzipBytes,
    },
    {
      name: 'cold start (import + instantiate + first query) <= 20 ms',
      value: `${(cold.mizzle.medianNs / 1e6).toFixed(1)} ms`,
      holds: cold.mizzle.medianNs <= BUDGETS.coldMs * 1e6,
      timing: true,
    },
  ];
  for (const b of budgets) {
    const verdict =
      b.holds === null ? 'info' : SMOKE && b.timing ? 'not judged in --smoke' : b.holds ? 'met' : 'NOT MET';
    log(`budget: ${b.name}: ${b.value}: ${verdict}`);
  }

  const differ = differFigures();

  if (SMOKE) {
    log('smoke: ok');
    return;
  }
  const gitHead = sh('git', '-C', REPO, 'rev-parse', '--short', 'HEAD') || '?';
  const gitDirty = sh('git', '-C', REPO, 'status', '--porcelain', '--', 'core', 'wasm', 'npm-package/src');
  const results = {
    command: 'cd tests/bench && node run.mjs',
    date: started.toISOString(),
    machine: {
      nproc: Number(sh('nproc') || os.availableParallelism()),
      cpu: os.cpus()[0]?.model ?? 'unknown',
      node: process.version,
      platform: `${os.type()} ${os.release()} ${os.arch()}`,
      loadAtStart: load,
      loadAtEnd: os.loadavg()[0],
    },
    versions: {
      mizzle: `${versionOf('mizzle')} (git ${gitHead}${gitDirty ? ', with uncommitted changes' : ''})`,
      'drizzle-orm': versionOf('drizzle-orm'),
      esbuild: versionOf('esbuild'),
      'sql.js': versionOf('sql.js'),
      'better-sqlite3': versionOf('better-sqlite3'),
      '@sqlite.org/sqlite-wasm': versionOf('@sqlite.org/sqlite-wasm'),
      miniflare: versionOf('miniflare'),
      '@neondatabase/serverless': versionOf('@neondatabase/serverless'),
      '@planetscale/database': versionOf('@planetscale/database'),
    },
    settings: { rounds: ROUNDS, sampleMs: SAMPLE_NS / 1e6, queryText: QUERY_TEXT, shapeText: SHAPE_TEXT },
    sqlCheck,
    time: { repeated, repeatedFields, first, cold },
    compile,
    decode,
    relational,
    httpDecode,
    d1,
    differ,
    sizes,
    budgets,
  };
  const outDir = OUT ?? REPO;
  const jsonPath = OUT ? join(OUT, 'results.json') : join(HERE, 'results.json');
  writeFileSync(jsonPath, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(outDir, 'BENCHMARKS.md'), markdown(results));
  log(`wrote ${join(outDir, 'BENCHMARKS.md')} and ${jsonPath}`);
}

/**
 * Cold samples: a fresh `node lib/cold.mjs <pkg>` per sample, alternating (after `warmup`
 * unrecorded ones each, for the file cache); the figure is the child's own clock (totalNs).
 */
function coldStart(rounds, warmup) {
  const script = join(HERE, 'lib', 'cold.mjs');
  const parts = { mizzle: [], drizzle: [] };
  for (let r = -warmup; r < rounds; r++) {
    const order = (r + warmup) % 2 === 0 ? ORMS : [...ORMS].reverse();
    for (const { key, pkg } of order) {
      const c = spawnSync(process.execPath, [script, pkg], { cwd: HERE, encoding: 'utf8' });
      if (c.status !== 0) throw new Error(`cold ${pkg} failed: ${c.stderr || c.stdout}`);
      if (r >= 0) parts[key].push(JSON.parse(c.stdout));
    }
  }
  sameSql(parts.mizzle[0], parts.drizzle[0], 'cold process');
  const res = summarize(
    Object.fromEntries(Object.entries(parts).map(([k, p]) => [k, { perOp: p.map((x) => x.totalNs) }])),
  );
  for (const key of Object.keys(parts)) {
    res[key].importMedianNs = median(parts[key].map((p) => p.importNs));
    res[key].firstQueryMedianNs = median(parts[key].map((p) => p.firstNs));
    for (const f of ['tableNs', 'drizzleNs', 'queryNs'])
      res[key][`${f.slice(0, -2)}MedianNs`] = median(parts[key].map((p) => p[f]));
  }
  return res;
}

/** Full mode: wait up to 10 minutes for the 1-minute load average to drop below QUIET_LOAD. */
async function waitQuiet() {
  const until = Date.now() + 10 * 60e3;
  let load = os.loadavg()[0];
  while (!flag('no-wait') && load >= QUIET_LOAD && Date.now() < until) {
    log(`load average ${load.toFixed(2)} >= ${QUIET_LOAD}: waiting for a quiet machine (--no-wait to skip)`);
    await new Promise((r) => setTimeout(r, 15e3));
    load = os.loadavg()[0];
  }
  if (load >= QUIET_LOAD) log(`warning: measuring with load average ${load.toFixed(2)}`);
  return load;
}

function sh(cmd, ...a) {
  try {
    return execFileSync(cmd, a, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
/**
 * Runs lib/section.mjs `name` in a fresh process (its progress lines pass through) and
 * returns its JSON result.
 */
function inChild(name) {
  const args = [
    fileURLToPath(new URL('./lib/section.mjs', import.meta.url)),
    name,
    ...(SMOKE ? ['--smoke'] : []),
    `--rounds=${ROUNDS}`,
    `--sample-ms=${SAMPLE_NS / 1e6}`,
  ];
  const r = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(`section ${name} failed (exit ${r.status ?? r.signal})`);
  return JSON.parse(r.stdout);
}

const ratio = (r) => `${r.toFixed(3)}x`;
function line(what, r, unit = 'ns') {
  const f = (ns) => (unit === 'ms' ? `${(ns / 1e6).toFixed(1)} ms` : `${ns.toPrecision(3)} ns`);
  return (
    `${what}: mizzle ${f(r.mizzle.medianNs)}, drizzle-orm ${f(r.drizzle.medianNs)}, ratio ${ratio(r.ratio.medians)}` +
    (SMOKE
      ? ' (smoke: not judged)'
      : ` (${r.mizzle.samples} samples each, paired ratios ${ratio(r.ratio.pairedMin)}..${ratio(r.ratio.pairedMax)})`)
  );
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e?.stack ?? e);
    process.exit(1);
  },
);

/**
 * The schema differ on two 200-table schemas, mizzle vs drizzle-kit (tests/migrations/bench-diff.mjs, its own
 * process: drizzle-kit is tests/migrations' dependency). Undefined, with a log line, where that folder is not
 * installed; in --smoke one run, to check that it works.
 */
function differFigures() {
  const script = join(REPO, 'tests/migrations/bench-diff.mjs');
  const env = { ...process.env, RUNS: SMOKE ? '1' : String(Math.max(ROUNDS * 2, 30)) };
  const r = spawnSync(process.execPath, [script, '--json'], { env, encoding: 'utf8' });
  if (r.status !== 0) {
    if (/drizzle-kit/.test(r.stderr) && /Cannot find/.test(r.stderr)) {
      log('schema differ: skipped (tests/migrations is not installed: ./x setup)');
      return undefined;
    }
    throw new Error(`bench-diff.mjs failed:\n${r.stderr}`);
  }
  const figures = JSON.parse(r.stdout.trim().split('\n').at(-1));
  log(`schema differ: mizzle ${figures.mizzle.ms.toFixed(1)} ms, drizzle-kit ${figures.drizzleKit.ms.toFixed(1)} ms`);
  return figures;
}
