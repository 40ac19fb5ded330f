// One section of the benchmark in a process of its own (run.mjs spawns it): both ORMs are
// loaded here and alternate as everywhere else, but without the heap that run.mjs's earlier
// rows leave behind (13,000 checked and 200,000 never-seen shapes per ORM, and 3,300 generated
// schemas in the compile matrix), which slowed every later sample of either ORM and mostly
// the cheaper one's (BENCHMARKS.md, Notes). Prints the result as JSON on stdout; progress goes
// to stderr.
//   node lib/section.mjs compile|decode [--smoke] [--rounds=N] [--sample-ms=N]
import { alternate, alternateAsync, calibrate, calibrateAsync, timeNs } from './measure.mjs';
import { runCompile } from './compile.mjs';
import { checkDecode, pairRatio, ROWS as DECODE_ROWS, setupDecode, setupRelational } from './decode.mjs';
import { ORMS, shapeEngineOf, STUB_D1 } from './orms.mjs';

const [section, ...args] = process.argv.slice(2);
const smoke = args.includes('--smoke');
const option = (name, dflt) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt);
const rounds = smoke ? 1 : option('rounds', 15);
const sampleNs = option('sample-ms', 60) * 1e6;
const log = (...a) => console.error(...a);
let sink;
const DECODE_PER_SAMPLE = 5;

async function compile() {
  const orms = {};
  for (const { key, pkg } of ORMS) {
    const [root, core, d1] = await Promise.all([import(pkg), import(`${pkg}/sqlite-core`), import(`${pkg}/d1`)]);
    orms[key] = { root, core, d1 };
  }
  orms.mizzle.engine = shapeEngineOf(orms.mizzle.d1.drizzle(STUB_D1));
  if (!orms.mizzle.engine)
    throw new Error("cannot reach mizzle's engine (db.session.engine.compiles): update shapeEngineOf() in orms.mjs");
  return runCompile({ orms, smoke, alternate, alternateAsync, calibrate, calibrateAsync, timeNs, log });
}

/** Decode of 10,000 rows, and the relational row (findMany 100 x 10). */
async function decode() {
  const dec = await setupDecode();
  const check = checkDecode(dec.contenders);
  // A sample is DECODE_PER_SAMPLE queries (one query is 15-45 ms, mostly allocation): a garbage
  // collection then falls on a sample in proportion to what that contender allocated, instead of
  // doubling whichever single query it interrupts (per-round ratios spread 0.3x-1.0x with one).
  const time = alternate(
    Object.entries(dec.contenders).map(([key, f]) => ({
      key,
      chunk: smoke ? 1 : DECODE_PER_SAMPLE,
      run: (n) => {
        for (let i = 0; i < n; i++) sink = f();
      },
    })),
    { rounds: smoke ? 1 : 15, warmup: smoke ? 0 : 3, minNs: 0 },
  );
  const decodeOut = {
    rows: DECODE_ROWS,
    perSample: smoke ? 1 : DECODE_PER_SAMPLE,
    engines: dec.info,
    check,
    time,
    ratios: {
      mizzleVsDrizzleSqlJs: pairRatio(time, 'mizzle', 'drizzleSqlJs'),
      mizzleVsDrizzleBs3: pairRatio(time, 'mizzle', 'drizzleBs3'),
      mizzleVsRaw: pairRatio(time, 'mizzle', 'mizzleRaw'),
      drizzleSqlJsVsRaw: pairRatio(time, 'drizzleSqlJs', 'sqlJsRaw'),
      drizzleBs3VsRaw: pairRatio(time, 'drizzleBs3', 'bs3Raw'),
    },
  };
  const m = (k) => (time[k].medianNs / 1e6).toFixed(1);
  log(
    `decode ${DECODE_ROWS} rows: mizzle ${m('mizzle')} ms, raw ${m('mizzleRaw')} ms; ` +
      `drizzle+sql.js ${m('drizzleSqlJs')} ms, raw ${m('sqlJsRaw')} ms; ` +
      `drizzle+better-sqlite3 ${m('drizzleBs3')} ms, raw ${m('bs3Raw')} ms`,
  );

  const rel = await setupRelational();
  const relRun = alternate(
    Object.entries(rel.contenders).map(([key, f]) => ({ key, chunk: 1, run: () => (sink = f()) })),
    { rounds: smoke ? 1 : 15, warmup: smoke ? 0 : 3, minNs: 0 },
  );
  const buildRun = (f) => (n) => {
    for (let i = 0; i < n; i++) sink = f();
  };
  const relBuild = alternate(
    Object.entries(rel.build).map(([key, f]) => ({
      key,
      chunk: smoke ? 2 : calibrate((n) => timeNs(() => buildRun(f)(n)), 2e6),
      run: buildRun(f),
    })),
    { rounds, warmup: smoke ? 0 : 2, minNs: smoke ? 0 : sampleNs },
  );
  const relational = {
    time: relRun,
    build: relBuild,
    ratios: {
      mizzleVsDrizzleBs3: pairRatio(relRun, 'mizzle', 'drizzleBs3'),
      mizzleVsRaw: pairRatio(relRun, 'mizzle', 'mizzleRaw'),
      drizzleBs3VsRaw: pairRatio(relRun, 'drizzleBs3', 'bs3Raw'),
      buildMizzleVsDrizzle: pairRatio(relBuild, 'mizzle', 'drizzleBs3'),
    },
  };
  const ms = (k) => (relRun[k].medianNs / 1e6).toFixed(2);
  const us = (k) => (relBuild[k].medianNs / 1e3).toFixed(2);
  log(
    `relational findMany 100 x 10: mizzle ${ms('mizzle')} ms (raw join ${ms('mizzleRaw')} ms), ` +
      `drizzle-orm + better-sqlite3 ${ms('drizzleBs3')} ms (raw join ${ms('bs3Raw')} ms); ` +
      `build + SQL: mizzle ${us('mizzle')} us, drizzle-orm ${us('drizzleBs3')} us`,
  );
  return { decode: decodeOut, relational };
}

const sections = { compile, decode };
if (!sections[section])
  throw new Error(
    `usage: node lib/section.mjs ${Object.keys(sections).join('|')} [--smoke] [--rounds=N] [--sample-ms=N]`,
  );
const result = await sections[section]();
void sink;
process.stdout.write(JSON.stringify(result));
