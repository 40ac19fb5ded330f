// The schema differ's speed on two 200-table SQLite schemas, mizzle and drizzle-kit side by side in one
// process, on the same mizzle schema objects (drizzle-kit reads them through kit-compat):
//   mizzle      declaredSchema(schema) + the engine's schemaDiff (wasm): snapshot, diff, DDL
//   drizzle-kit generateSQLiteDrizzleJson(schema) + generateSQLiteMigration(prev, next) (drizzle-kit/api)
// Each side diffs v1 -> v2 (v2: a column added to every 4th table, a type change in every 10th (a rebuild), an
// index in every 7th, every 25th table dropped). Tables come in groups of ten, nine referencing the first.
// Medians of RUNS runs after WARMUP; prints the figures and the ratio.
// Run: node tests/migrations/bench-diff.mjs (after ./x setup and the npm-package build); `--json` prints the
// figures as JSON instead (tests/bench/run.mjs records them in BENCHMARKS.md). Not a test.
import { performance } from 'node:perf_hooks';

const RUNS = Number(process.env.RUNS ?? 30);
const WARMUP = 5;
const TABLES = 200;
const PKG = new URL('../../npm-package/bundle/node/', import.meta.url);
const core = await import(new URL('sqlite-core.js', PKG).href);
const { declaredSchema } = await import(new URL('kit-schema.js', PKG).href);
const { loadMigrator } = await import(new URL('wasm-migrator.js', PKG).href);
const kit = await import('drizzle-kit/api');
const engine = loadMigrator();

function schema(v) {
  const { index, integer, real, sqliteTable, text } = core;
  const out = {};
  for (let i = 0; i < TABLES; i++) {
    if (v === 2 && i % 25 === 24) continue;
    // Groups of ten: each table references its group's first (depth one, as users <- posts, comments...).
    const parent = i % 10 === 0 ? undefined : out[`t${i - (i % 10)}`];
    out[`t${i}`] = sqliteTable(
      `t${i}`,
      {
        id: integer('id').primaryKey(),
        name: text('name').notNull().default('x'),
        score: v === 2 && i % 10 === 5 ? real('score') : integer('score'),
        parentId: parent
          ? integer('parent_id').references(() => parent.id, { onDelete: 'cascade' })
          : integer('parent_id'),
        createdAt: integer('created_at', { mode: 'timestamp' }),
        ...(v === 2 && i % 4 === 0 ? { extra: text('extra') } : {}),
      },
      (t) => [
        index(`t${i}_name_idx`).on(t.name),
        ...(v === 2 && i % 7 === 0 ? [index(`t${i}_score_idx`).on(t.score)] : []),
      ],
    );
  }
  return out;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(f) {
  const ms = [];
  let out;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const t = performance.now();
    out = f();
    if (i >= WARMUP) ms.push(performance.now() - t);
  }
  return { ms: median(ms), out };
}

const [v1, v2] = [schema(1), schema(2)];
const prev = engine.schemaDiff({ declared: declaredSchema(v1, 'sqlite'), prev: null, id: 'v1' }).snapshot;
const mizzle = time(() => engine.schemaDiff({ declared: declaredSchema(v2, 'sqlite'), prev, id: 'v2' }));
const declaredOnly = time(() => declaredSchema(v2, 'sqlite'));
const declared = declaredSchema(v2, 'sqlite');
const engineOnly = time(() => engine.schemaDiff({ declared, prev, id: 'v2' }));

const prevJson = await kit.generateSQLiteDrizzleJson(v1);
const kitMs = [];
let kitOut;
for (let i = 0; i < WARMUP + RUNS; i++) {
  const t = performance.now();
  kitOut = await kit.generateSQLiteMigration(prevJson, await kit.generateSQLiteDrizzleJson(v2));
  if (i >= WARMUP) kitMs.push(performance.now() - t);
}
const drizzle = median(kitMs);

if (process.argv.includes('--json')) {
  const figures = {
    tables: TABLES,
    runs: RUNS,
    mizzle: { ms: mizzle.ms, schemaReadMs: declaredOnly.ms, engineMs: engineOnly.ms },
    drizzleKit: { ms: drizzle },
    statements: { mizzle: mizzle.out.statements.length, drizzleKit: kitOut.length },
    ratio: mizzle.ms / drizzle,
    drizzleKitVersion: JSON.parse(
      (await import('node:fs')).readFileSync(new URL('node_modules/drizzle-kit/package.json', import.meta.url), 'utf8'),
    ).version,
  };
  console.log(JSON.stringify(figures));
  process.exit(0);
}
const f = (x) => x.toFixed(2);
console.log(`schema differ, ${TABLES} -> ${TABLES - 8} SQLite tables (median of ${RUNS}):`);
console.log(
  `  mizzle       ${f(mizzle.ms)} ms  (schema read ${f(declaredOnly.ms)} ms, engine ${f(engineOnly.ms)} ms)  ` +
    `${mizzle.out.statements.length} statements`,
);
console.log(`  drizzle-kit  ${f(drizzle)} ms  ${kitOut.length} statements`);
console.log(`  ratio        ${(mizzle.ms / drizzle).toFixed(3)}x drizzle-kit`);
