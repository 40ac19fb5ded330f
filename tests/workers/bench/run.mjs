#!/usr/bin/env node
// The example Rust Worker (workers-d1/examples/rest-api, built by scripts/build-worker.mjs) against the same
// three D1 endpoints written in JS (./worker.mjs, one source bundled twice: drizzle-orm, and mizzle through
// esbuild's alias), all three in one process: upload sizes, and request times through miniflare.
//
//   node tests/workers/bench/run.mjs           measures and prints the markdown section
//   node tests/workers/bench/run.mjs --write   also puts it in ../../../BENCHMARKS.md (and ./section.md)
//   node tests/workers/bench/run.mjs --smoke   one short round, writes nothing; exits non-zero when an
//                                              endpoint's JSON differs between the three workers
//
// Options: --rounds=N (default 20), --requests=N (per endpoint, worker and round; default 50).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { miniflare as rustMiniflare, requireBuiltWorker } from '../lib/worker.mjs';
import { BUNDLE_OPTIONS } from '../../bench/lib/sizes.mjs';

const HERE = fileURLToPath(new URL('..', import.meta.url)); // tests/workers/
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const REST = join(REPO, 'workers-d1/examples/rest-api');
// The Neon + PlanetScale example (features `neon`, `planetscale`): its size only, no JS twin here.
const HTTP = join(REPO, 'workers-d1/examples/http-api');
const PKG = join(REPO, 'npm-package');
const HEADING = '## Rust Worker (workers-d1/examples/rest-api) vs the same endpoints in JS';
const COMMAND = 'node tests/workers/bench/run.mjs --write';

const args = process.argv.slice(2);
const SMOKE = args.includes('--smoke');
const WRITE = args.includes('--write') && !SMOKE;
const option = (name, fallback) => {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.slice(name.length + 3)) : fallback;
};
const ROUNDS = SMOKE ? 1 : option('rounds', 20);
const REQUESTS = SMOKE ? 3 : option('requests', 50);
const WARMUP = SMOKE ? 2 : 30;
const SEED_USERS = 50;
const POSTS_EACH = 4;

const log = (s) => process.stderr.write(`${s}\n`);
const version = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;

// ---------------------------------------------------------------------------------------------------------
// Bundles and sizes

function requireBuiltPackage() {
  for (const f of ['bundle/node/d1.js', 'dist/d1/index.js', 'dist/wasm/engine.workerd.js']) {
    if (!existsSync(join(PKG, f)))
      throw new Error(`npm-package/${f} is missing: build mizzle first (cd npm-package && npm run build)`);
  }
}

/** ./worker.mjs bundled the way wrangler does (minified), on drizzle-orm or (aliased) mizzle; the script path. */
async function bundle(pkg) {
  const outdir = join(HERE, '.build', `bench-${pkg}`);
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await build({
    absWorkingDir: HERE, // an alias resolves from here: tests/workers/node_modules/mizzle
    entryPoints: [fileURLToPath(new URL('./worker.mjs', import.meta.url))],
    outdir,
    ...BUNDLE_OPTIONS,
    nodePaths: [join(HERE, 'node_modules')], // schema.ts's `drizzle-orm` lives outside this folder
    alias: pkg === 'mizzle' ? { 'drizzle-orm': 'mizzle' } : {},
    logLevel: 'error',
  });
  return join(outdir, 'worker.js');
}

/** Raw and gzip -9 bytes of the upload's files (each compressed on its own, then summed). */
function size(files) {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = readFileSync(f);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: files.map((f) => f.split('/').pop()), raw, gzip };
}

const uploadOf = (dir) =>
  readdirSync(dir)
    .filter((f) => /\.(m?js|wasm)$/.test(f) && statSync(join(dir, f)).isFile())
    .map((f) => join(dir, f));

// ---------------------------------------------------------------------------------------------------------
// Workers, database set-up

function jsMiniflare(script) {
  return new Miniflare({
    modules: true,
    scriptPath: script,
    modulesRoot: dirname(script),
    compatibilityDate: '2025-01-01',
    // drizzle's blob `mode: 'buffer'` (schema.ts's avatar) needs the global Buffer.
    compatibilityFlags: ['nodejs_compat'],
    modulesRules: [
      { type: 'ESModule', include: ['**/*.js'] },
      { type: 'CompiledWasm', include: ['**/*.wasm'] },
    ],
    d1Databases: ['DB'],
    d1Persist: false,
  });
}

async function request(mf, path, init) {
  const res = await mf.dispatchFetch(`http://localhost${path}`, init);
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${init?.method ?? 'GET'} ${path}: HTTP ${res.status}\n${text}`);
  return text;
}

/** drizzle-kit's migrations folder, as the JS side applies it: each statement of 0000_init.sql in order. */
async function migrateJs(d1) {
  const sql = readFileSync(join(REST, 'migrations/0000_init.sql'), 'utf8');
  for (const statement of sql.split('--> statement-breakpoint')) {
    if (statement.trim()) await d1.prepare(statement.trim()).run();
  }
}

/**
 * 50 users with 4 posts each, the same rows on every worker's D1. Their avatars are NULL: drizzle-orm cannot
 * answer the feed when an author has a blob (`probeBlobAuthor`); the POSTs carry one.
 */
async function seed(d1) {
  const userRows = [];
  for (let i = 1; i <= SEED_USERS; i++) {
    const avatar = 'NULL';
    const prefs = JSON.stringify({ theme: i % 2 ? 'dark' : 'light', tags: ['a', `t${i}`] });
    userRows.push(
      d1
        .prepare(`INSERT INTO users (name, email, admin, created_at, prefs, avatar) VALUES (?, ?, ?, ?, ?, ${avatar})`)
        .bind(
          `user${i}`,
          i % 5 === 0 ? null : `user${i}@example.com`,
          i % 3 === 0 ? 1 : 0,
          1_700_000_000 + i * 3600,
          prefs,
        ),
    );
  }
  await d1.batch(userRows);
  const postRows = [];
  for (let j = 0; j < POSTS_EACH; j++) {
    for (let i = 1; i <= SEED_USERS; i++) {
      postRows.push(
        d1
          .prepare('INSERT INTO posts (author_id, title, views) VALUES (?, ?, ?)')
          .bind(i, `post ${i}.${j}`, i * 100 + j),
      );
    }
  }
  await d1.batch(postRows);
}

/**
 * The feed once with an author who has a blob avatar (a user added through the worker's POST, one post added
 * by hand), then both removed: each worker's answer (normalised) or its error.
 */
async function probeBlobAuthor(w) {
  const tag = 'blob';
  try {
    const [path, init] = ENDPOINTS[2].init(tag);
    const { id } = JSON.parse(await request(w.mf, path, init));
    await w.d1.prepare('INSERT INTO posts (author_id, title, views) VALUES (?, ?, ?)').bind(id, 'blob post', 1).run();
    const feed = normalise(JSON.parse(await request(w.mf, '/feed')));
    return { ok: true, author: feed.find((u) => u.id === id)?.posts[0]?.author };
  } catch (e) {
    const m = /"cause":"([^"]*)"/.exec(e.message) ?? /"error":"([^"\\]*)/.exec(e.message);
    return { ok: false, error: `${e.message.split('\n')[0]}: ${m ? m[1] : e.message.slice(0, 200)}` };
  } finally {
    await cleanup(w.d1);
  }
}

/** Removes the users the timed POSTs added, so every round reads the same 50. */
const cleanup = (d1) => d1.prepare(`DELETE FROM users WHERE id > ${SEED_USERS}`).run();

const newUser = (tag) => ({
  name: `new-${tag}`,
  email: `new-${tag}@example.com`,
  created_at: 1_750_000_000_000,
  prefs: { theme: 'dark', tags: ['n', tag] },
  avatar: [1, 2, 3],
});

const ENDPOINTS = [
  { name: 'GET /users', init: () => [`/users`] },
  { name: 'GET /feed', init: () => [`/feed`] },
  { name: 'POST /users', init: (tag) => ['/users', { method: 'POST', body: JSON.stringify(newUser(tag)) }] },
];

// ---------------------------------------------------------------------------------------------------------
// Equal answers

const snake = (k) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * A body in one form: keys snake_case (Rust's serde names, drizzle's TS names), dates as ISO text (Rust's
 * Timestamp and Date's JSON both are), blobs as byte arrays, `views` (a bigint column) as decimal text.
 */
function normalise(value, key) {
  if (Array.isArray(value)) return value.map((v) => normalise(v));
  if (value instanceof Date) return value.toISOString();
  if (key === 'views' && value != null) return String(value);
  if (value && typeof value === 'object') {
    if (value.type === 'Buffer' && Array.isArray(value.data)) return value.data;
    const out = {};
    for (const [k, v] of Object.entries(value)) out[snake(k)] = normalise(v, snake(k));
    return out;
  }
  return value;
}

/** Paths (`[3].posts[0].author`) where `a` and `b` differ, at most `limit`. */
function differences(a, b, path = '', out = [], limit = 10) {
  if (out.length >= limit) return out;
  if (isDeepStrictEqual(a, b)) return out;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    if (Array.isArray(a) && a.length !== b.length) out.push(`${path || '.'}: length ${a.length} vs ${b.length}`);
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      if (out.length >= limit) break;
      differences(a[k], b[k], Array.isArray(a) ? `${path}[${k}]` : `${path}.${k}`, out, limit);
    }
    return out;
  }
  out.push(`${path || '.'}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Timing

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function timed(w, endpoint, tag) {
  const [path, init] = endpoint.init(tag);
  const t0 = performance.now();
  await request(w.mf, path, init);
  return performance.now() - t0;
}

async function main() {
  requireBuiltWorker();
  requireBuiltPackage();
  const started = new Date();
  const load0 = os.loadavg()[0];

  log('bundling the JS worker twice (drizzle-orm, mizzle)');
  const scripts = { 'drizzle-orm': await bundle('drizzle-orm'), mizzle: await bundle('mizzle') };
  const sizes = {
    rust: size([join(REST, 'build/index.js'), join(REST, 'build/index_bg.wasm')]),
    mizzle: size(uploadOf(dirname(scripts.mizzle))),
    'drizzle-orm': size(uploadOf(dirname(scripts['drizzle-orm']))),
    http: size([join(HTTP, 'build/index.js'), join(HTTP, 'build/index_bg.wasm')]),
  };

  const workers = [
    { key: 'rust', label: 'Rust (mizzle-workers)', mf: rustMiniflare() },
    { key: 'mizzle', label: 'mizzle (JS)', mf: jsMiniflare(scripts.mizzle) },
    { key: 'drizzle-orm', label: 'drizzle-orm', mf: jsMiniflare(scripts['drizzle-orm']) },
  ];
  try {
    log('migrating and seeding three local D1 databases');
    for (const w of workers) {
      await w.mf.ready;
      w.d1 = await w.mf.getD1Database('DB');
      if (w.key === 'rust') await request(w.mf, '/migrate', { method: 'POST', body: '' });
      else await migrateJs(w.d1);
      await seed(w.d1);
    }

    // The same three requests on each, before any timing: the answers must be equal.
    const answers = {};
    for (const w of workers) {
      answers[w.key] = {};
      for (const e of ENDPOINTS) {
        const [path, init] = e.init('check');
        answers[w.key][e.name] = normalise(JSON.parse(await request(w.mf, path, init)));
      }
      await cleanup(w.d1);
    }
    const mismatches = [];
    for (const e of ENDPOINTS) {
      for (const other of ['rust', 'mizzle']) {
        const diff = differences(answers[other][e.name], answers['drizzle-orm'][e.name]);
        if (diff.length) mismatches.push({ endpoint: e.name, worker: other, diff });
      }
    }
    for (const m of mismatches) log(`DIFFERENT: ${m.endpoint}, ${m.worker} vs drizzle-orm:\n  ${m.diff.join('\n  ')}`);
    if (!mismatches.length) {
      const n = answers.rust['GET /feed'];
      log(`answers equal on all three endpoints (feed: ${n.length} users, ${n.flatMap((u) => u.posts).length} posts)`);
    }

    const blob = {};
    for (const w of workers) blob[w.key] = await probeBlobAuthor(w);
    for (const w of workers) log(`feed with a blob author, ${w.key}: ${JSON.stringify(blob[w.key])}`);

    log(`warm-up: ${WARMUP} requests per endpoint and worker`);
    for (const w of workers) {
      for (const e of ENDPOINTS) for (let k = 0; k < WARMUP; k++) await timed(w, e, `warm-${k}`);
      await cleanup(w.d1);
    }

    const samples = Object.fromEntries(
      workers.map((w) => [w.key, Object.fromEntries(ENDPOINTS.map((e) => [e.name, []]))]),
    );
    const perRound = Object.fromEntries(ENDPOINTS.map((e) => [e.name, { rust: [], mizzle: [] }]));
    for (let r = 0; r < ROUNDS; r++) {
      // Each worker takes each position in turn, in both directions.
      const rotated = workers.map((_, i) => workers[(i + r) % workers.length]);
      const order = Math.floor(r / workers.length) % 2 ? rotated.reverse() : rotated;
      for (const e of ENDPOINTS) {
        const round = {};
        for (const w of order) {
          const ts = [];
          for (let k = 0; k < REQUESTS; k++) ts.push(await timed(w, e, `${r}-${k}`));
          samples[w.key][e.name].push(...ts);
          round[w.key] = median(ts);
        }
        perRound[e.name].rust.push(round.rust / round['drizzle-orm']);
        perRound[e.name].mizzle.push(round.mizzle / round['drizzle-orm']);
      }
      for (const w of workers) await cleanup(w.d1);
      log(`round ${r + 1}/${ROUNDS}`);
    }

    const timing = ENDPOINTS.map((e) => {
      const med = Object.fromEntries(workers.map((w) => [w.key, median(samples[w.key][e.name])]));
      return {
        endpoint: e.name,
        median: med,
        rustRatio: med.rust / med['drizzle-orm'],
        mizzleRatio: med.mizzle / med['drizzle-orm'],
        rustRange: [Math.min(...perRound[e.name].rust), Math.max(...perRound[e.name].rust)],
        mizzleRange: [Math.min(...perRound[e.name].mizzle), Math.max(...perRound[e.name].mizzle)],
      };
    });
    const md = section({ sizes, timing, mismatches, blob, workers, started, load0, load1: os.loadavg()[0] });
    process.stdout.write(`${md}\n`);
    if (WRITE) write(md);
    if (SMOKE && mismatches.length) process.exitCode = 1;
  } finally {
    await Promise.all(workers.map((w) => w.mf.dispose()));
  }
}

// ---------------------------------------------------------------------------------------------------------
// Markdown

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (x) => `${x.toFixed(2)} ms`;
const x3 = (r) => `${r.toFixed(3)}x`;
const range = ([a, b]) => `${x3(a)} .. ${x3(b)}`;

function section({ sizes, timing, mismatches, blob, workers, started, load0, load1 }) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const gz = sizes['drizzle-orm'].gzip;
  const sizeRow = (label, s) =>
    `| ${label} | ${s.files.map((f) => `\`${f}\``).join(' + ')} | ${kb(s.raw)} | ${kb(s.gzip)} | ${x3(s.gzip / gz)} |`;
  const timeRow = (t) =>
    `| \`${t.endpoint}\` | ${ms(t.median.rust)} | ${ms(t.median.mizzle)} | ${ms(t.median['drizzle-orm'])} | ` +
    `**${x3(t.rustRatio)}** | **${x3(t.mizzleRatio)}** | ${range(t.rustRange)} | ${range(t.mizzleRange)} |`;
  const answers = mismatches.length
    ? `**The answers differ** (after the normalisation below):\n\n${mismatches
        .map((m) => `- \`${m.endpoint}\`, ${m.worker} vs drizzle-orm: ${m.diff.map((d) => `\`${d}\``).join('; ')}`)
        .join('\n')}`
    : 'All three return the same JSON on all three endpoints (checked before timing).';
  const probe = workers
    .map((w) => {
      const b = blob[w.key];
      return `- ${w.label}: ${b.ok ? `\`${JSON.stringify(b.author)}\`` : `fails, \`${b.error}\``}`;
    })
    .join('\n');
  return `${HEADING}

<!-- Generated by tests/workers/bench/run.mjs --write; tests/bench/run.mjs copies its section.md here. -->

\`\`\`sh
${COMMAND}
\`\`\`

Machine: timings are miniflare ${version(join(HERE, 'node_modules/miniflare'))} (workerd, local D1 in memory) on this
2-core machine shared with other work: nproc ${os.cpus().length} (${cpu}), Node ${process.version},
${started.toISOString()}; 1-minute load average ${load0.toFixed(2)} at the start, ${load1.toFixed(2)} at the end.
Versions: drizzle-orm ${version(join(HERE, 'node_modules/drizzle-orm'))}, mizzle ${version(PKG)}.

Three workers, each on its own Miniflare and D1 binding \`DB\`, all in one Node process: the example Rust Worker
as built by \`node scripts/build-worker.mjs\` (\`build/index.js\` + \`index_bg.wasm\`), and
\`tests/workers/bench/worker.mjs\` (the same three routes written once in drizzle's API on the example's
\`schema.ts\`) bundled by esbuild the way wrangler does (conditions \`workerd, worker, browser\`, \`.wasm\` as
CompiledWasm modules, minified) twice: on drizzle-orm, and with \`alias: { 'drizzle-orm': 'mizzle' }\`. The JS
workers run with \`nodejs_compat\` (drizzle's blob \`mode: 'buffer'\` needs \`Buffer\`).

Routes: \`GET /users\` (all users by id), \`GET /feed\` (the relational query of \`queries::feed\`: users by id,
posts newest first, each post with its author; the JS worker's \`columns\` pick the fields of the Rust
\`UserWithPosts\`), \`POST /users\` (insert ... returning). Every D1 gets drizzle-kit's \`migrations/\` (Rust:
its \`POST /migrate\`; JS: \`0000_init.sql\`'s statements through \`getD1Database('DB')\`) and the same
${SEED_USERS} users with ${POSTS_EACH} posts each; the users the POSTs add are deleted after each round, so the
reads always see ${SEED_USERS}.

${answers} Compared as: keys snake_case, dates ISO text, blobs byte arrays, \`views\` (bigint) decimal text.

The seeded users' avatars are NULL, because the feed of an author with a blob avatar is not answered by all
three; probed once (a user with avatar \`[1,2,3]\` POSTed, one post of theirs, \`GET /feed\`; then removed), that
author in each answer:

${probe}

### Upload size (JS + wasm modules; gzip -9 of each file, summed)

| worker | files | raw | gzip | gzip / drizzle-orm |
|---|---|---|---|---|
${sizeRow('Rust (mizzle-workers)', sizes.rust)}
${sizeRow('mizzle (JS)', sizes.mizzle)}
${sizeRow('drizzle-orm', sizes['drizzle-orm'])}

For scale: \`workers-d1/examples/http-api\` (mizzle-workers with \`neon\` and \`planetscale\`: PostgreSQL and MySQL
dialects, the protocol codecs, its routes) is ${kb(sizes.http.raw)} raw, ${kb(sizes.http.gzip)} gzip.

### Request time (median of \`dispatchFetch\` to the whole body read, from Node)

${WARMUP} warm-up requests per endpoint and worker, then ${ROUNDS} rounds x ${REQUESTS} requests per endpoint per
worker, the workers' order rotated and reversed between rounds; "range" is that of the rounds' median ratios.

| endpoint | Rust | mizzle JS | drizzle-orm | Rust / drizzle-orm | mizzle / drizzle-orm | range Rust | range mizzle |
|---|---|---|---|---|---|---|---|
${timing.map(timeRow).join('\n')}
`;
}

/** Replaces this section in BENCHMARKS.md, or puts it before `## Notes` (or at the end); every other line kept. */
function write(md) {
  writeFileSync(fileURLToPath(new URL('./section.md', import.meta.url)), md);
  const file = join(REPO, 'BENCHMARKS.md');
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(`\n${HEADING}\n`);
  let next;
  if (start >= 0) {
    const after = text.indexOf('\n## ', start + HEADING.length + 1);
    next = `${text.slice(0, start + 1)}${md}${after >= 0 ? text.slice(after) : ''}`;
  } else {
    const notes = text.indexOf('\n## Notes\n');
    next = notes >= 0 ? `${text.slice(0, notes + 1)}${md}${text.slice(notes)}` : `${text.trimEnd()}\n\n${md}`;
  }
  writeFileSync(file, next);
  log(`wrote ${file} (section "${HEADING.slice(3)}") and tests/workers/bench/section.md`);
}

main().catch((e) => {
  log(e?.stack ?? String(e));
  process.exit(1);
});
