// BENCHMARKS.md from a results object (run.mjs; the same object is results.json), plus the
// hand-written tests/bench/notes.md (analysis that a run does not regenerate) when present.
import { existsSync, readFileSync } from 'node:fs';

const NOTES = new URL('../notes.md', import.meta.url);
// tests/workers/bench/run.mjs --write's section (the Rust example Worker vs JS), kept as it last wrote it.
const WORKERS = new URL('../../workers/bench/section.md', import.meta.url);
const workersSection = () => (existsSync(WORKERS) ? `\n${readFileSync(WORKERS, 'utf8')}` : '');

const dur = (ns) =>
  ns < 0
    ? `-${dur(-ns)}`
    : ns >= 1e6
      ? `${(ns / 1e6).toFixed(1)} ms`
      : ns >= 1e3
        ? `${(ns / 1e3).toFixed(2)} us`
        : `${ns.toPrecision(3)} ns`;
const x = (r) => `${r.toFixed(3)}x`;
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const range = (c) => `${dur(c.minNs)} .. ${dur(c.maxNs)}`;

const BUD = { compileFirst: 0.2, compileRepeated: 0.05, decodeVsDrizzle: 0.5, decodeVsRaw: 1.1, d1Request: 0.8 };
const met = (ok) => (ok ? 'met' : '**not met**');
function compileRow(c, first, repeated) {
  const cell = (res, limit) =>
    `${dur(res.mizzle.medianNs)} | ${dur(res.drizzle.medianNs)} | ` +
    `**${x(res.ratio.medians)}** | ${met(res.ratio.medians <= limit)}`;
  const label = `${c.label}${c.relational ? ' (`db.query`)' : ''}`;
  return `| ${label} | ${cell(c[first], BUD.compileFirst)} | ${cell(c[repeated], BUD.compileRepeated)} |`;
}

/** One Budgets line per compile form: how many of the shapes meet it, and the worst ratio. */
function compileSummary(r) {
  const forms = [
    ['firstPlain', 'first time', BUD.compileFirst],
    ['repeatedPlain', 'repeated', BUD.compileRepeated],
    ['firstPrepared', 'first time, prepared', BUD.compileFirst],
    ['repeatedPrepared', 'repeated, prepared', BUD.compileRepeated],
  ];
  return forms.map(([mode, what, limit]) => {
    const rows = r.compile.rows;
    const ok = rows.filter((c) => c[mode].ratio.medians <= limit).length;
    const [best, worst] = [
      Math.min(...rows.map((c) => c[mode].ratio.medians)),
      Math.max(...rows.map((c) => c[mode].ratio.medians)),
    ];
    return (
      `| compile, ${what}: <= ${limit}x drizzle-orm for each of the ${rows.length} shapes | ` +
      `${x(best)} .. ${x(worst)}; met by ${ok} of ${rows.length} | ${ok === rows.length ? 'met' : '**not met**'} |`
    );
  });
}

/** "HTTP response decoding": the drivers' JS decoders vs mizzle-core's codecs through wasm. */
function httpSection(r) {
  const h = r.httpDecode;
  if (!h) return '';
  const name = (c) => `${c.protocol === 'neon' ? 'Neon' : 'PlanetScale'}, ${c.rows.toLocaleString('en-US')} rows`;
  const ms = (ns) => `${(ns / 1e6).toFixed(2)} ms`;
  const timeRow = (c) =>
    `| ${name(c)} | ${kb(c.bytes)} | ${dur(c.time.js.medianNs)} | ${dur(c.time.wasm.medianNs)} | ` +
    `**${x(c.ratio.medians)}** | ${x(c.ratio.pairedMin)} .. ${x(c.ratio.pairedMax)} |`;
  const partsRow = (c) =>
    `| ${name(c)} | ${ms(c.time.jsonParse.medianNs)} | ${ms(c.time.wasmCall.medianNs)} | ` +
    `${kb(c.bufferBytes)} | ${ms(c.time.decodeRows.medianNs)} |`;
  const ratios = h.cases.map((c) => c.ratio.medians);
  const slower = ratios.every((x) => x > 1);
  const span = `${x(Math.min(...ratios))} .. ${x(Math.max(...ratios))}`;
  // In the templates below, a `\` at the end of a source line continues the same output line.
  const verdict = slower
    ? `**The wasm path is slower in every case (${span} of the JS path).** This is the benchmark issue 6 asks
for: the JS drivers keep their own decoders (\`npm-package/src/neon-http/values.ts\`, \
\`src/planetscale/values.ts\`), and both
they and the core codecs are tested against the same stand-ins (\`tests/standins/\`).`
    : `**The wasm path is NOT slower in ${h.cases
        .filter((c) => c.ratio.medians <= 1)
        .map(name)
        .join('; ')} (${ratios.map(x).join(', ')}):
by issue 6 the drivers should switch to the core codecs through wasm.**`;
  return `## HTTP response decoding

One Neon and one PlanetScale response body of 1,000 and 10,000 rows x 8 columns
(${h.columns.map((c) => `\`${c}\``).join(', ')}; \
PlanetScale: \`INT32\`, \`INT64\`, \`VARCHAR\`, \`INT8\` (tinyint(1)), \`TIMESTAMP(6)\`,
\`DECIMAL(12,2)\`, \`JSON\`, \`VARBINARY(32)\`; some NULLs, non-ASCII text, 1 int8 in 100 beyond 2^53), built by
\`tests/bench/lib/http-decode.mjs\` in the stand-ins' exact wire formats (Neon: array mode + raw text output;
PlanetScale: protobuf JSON, base64 row values), decoded from the body text to the driver's row values, in this process:

- **JS path** (what the drivers do now): \`JSON.parse\` of the body, then the drivers' own decoders
  (\`npm-package/dist/neon-http/values.js\` \`decoderForOid\` in neon-http's row loop; \
\`dist/planetscale/values.js\` \`decodeRows\`).
- **wasm path**: mizzle-core's protocol codecs (\`neon::parse_response\` + \`decode_text\`, \
\`planetscale::parse_response\` +
  \`decode_value\`) through the benchmark-only \`protocol\` wasm build \
(\`${h.wasm.wasmFile}\`, ${kb(h.wasm.wasmBytes)}, release
  profile + wasm-opt -Oz like the shipped builds): \`neon_rows(body)\` / \`planetscale_rows(body)\` \
return all rows in the embedded
  database's rows buffer, read by \`dist/sqlite-wasm/buffers.js\` \`decodeRows\`; \
then \`JSON.parse\` of the JSON column (the buffer
  carries JSON as text; a driver's decode plan knows which columns are JSON).

The harness checks that both paths return equal rows for every case (int8 compared as BigInt: the JS decoders keep it as
text for the column's mode, the rows buffer carries a number, or a bigint beyond 2^53) and that a malformed body is a
\`MizzleError\` of kind \`protocol\` from wasm, not a trap. All five contenders of a case alternate \
(order reversed every other
round), ${h.warmup} warm-up and ${h.rounds} recorded rounds, a sample is a chunk of about ${h.chunkMs} ms \
(at least one decode); median per decode.

| response | body | JS path | wasm path | wasm / JS | per round |
|---|---|---|---|---|---|
${h.cases.map(timeRow).join('\n')}

The parts (medians, each timed alone in the same rounds):

| response | JSON.parse of the body | \
wasm call (\`neon_rows\` / \`planetscale_rows\`: string in, parse, decode, buffer out) | \
rows buffer | \`decodeRows\` of the buffer |
|---|---|---|---|---|
${h.cases.map(partsRow).join('\n')}

${verdict}
`;
}

export function markdown(r) {
  const { repeated, repeatedFields, first, cold } = r.time;
  const { mizzle: sm, drizzle: sd, embedded: se } = r.sizes;
  const dz = `drizzle-orm ${r.versions['drizzle-orm']}`;
  const spread = (q) => `${x(q.pairedMin)} .. ${x(q.pairedMax)}`;
  const row = (name, c) =>
    `| ${name} | ${dur(c.mizzle.medianNs)} | ${dur(c.drizzle.medianNs)} | ` +
    `**${x(c.ratio.medians)}** | ${spread(c.ratio)} |`;
  const sizeRow = (name, s) =>
    `| ${name} | ${kb(s.jsRaw)} | ${kb(s.jsGzip)} | ${s.wasmRaw ? kb(s.wasmRaw) : '-'} | ` +
    `${s.wasmGzip ? kb(s.wasmGzip) : '-'} | ${kb(s.totalRaw)} | **${kb(s.totalGzip)}** |`;
  const qual =
    r.sqlCheck.repeated === 'identical'
      ? 'identical'
      : 'the same except that mizzle qualifies the select list (`select "users"."id", ...` where drizzle-orm ' +
        'writes `select "id", ...`; tests/conformance/DIFFERENCES.md, "toSQL of a select"); parameters identical';
  const compileHeader =
    `| shape | first: mizzle | drizzle-orm | ratio | <= ${BUD.compileFirst}x ` +
    `| repeated: mizzle | drizzle-orm | ratio | <= ${BUD.compileRepeated}x |`;
  const { time: dt, ratios: dq } = r.decode;
  const { time: rt, ratios: rq, build: rb } = r.relational;
  // A ratio table row: the median in bold, the per-round spread, and whether it is within `limit`.
  const ratioRow = (label, q, limit) =>
    `| ${label} | **${x(q.medians)}** | ${spread(q)} | <= ${limit}x: ${met(q.medians <= limit)} |`;
  const shortest = (c) => Math.min(c.mizzle.minSampleMs, c.drizzle.minSampleMs).toFixed(0);
  // In the template below, a `\` at the end of a source line continues the same output line.
  return `# Benchmarks

<!-- Generated by tests/bench/run.mjs: do not edit by hand, re-run it. -->

Regenerate (after \`./x setup\` and a build of npm-package, e.g. \
\`node scripts/build-wasm.mjs && (cd npm-package && npx tsc -p .)\`):

\`\`\`sh
${r.command}
\`\`\`

Machine: nproc ${r.machine.nproc} (${r.machine.cpu}), Node ${r.machine.node}, ${r.machine.platform}; ${r.date};
1-minute load average ${r.machine.loadAtStart.toFixed(2)} at the start, ${r.machine.loadAtEnd.toFixed(2)} at the end.
Versions: mizzle ${r.versions.mizzle}, ${dz}, esbuild ${r.versions.esbuild}, sql.js ${r.versions['sql.js']}, \
better-sqlite3 ${r.versions['better-sqlite3']} (built from source by node-gyp), \
@sqlite.org/sqlite-wasm ${r.versions['@sqlite.org/sqlite-wasm']}, miniflare ${r.versions.miniflare}.
Raw data: \`tests/bench/results.json\`. \`node tests/bench/run.mjs --smoke\` runs one tiny round of the
same harness (used by the test command: it checks the SQL and the method, never the timings).

## Build + SQL

\`${r.settings.queryText}\` then \`.toSQL()\`, both ORMs in one Node process, through
\`drizzle(binding)\` of each one's D1 driver over a stub binding that executes nothing.
Time per query, median of ${repeated.mizzle.samples} samples per ORM; ratio = mizzle / drizzle-orm
(below 1: mizzle is faster).

| case | mizzle | ${dz} | ratio | ratio per round (min .. max) |
|---|---|---|---|---|
${row('(a) repeated shape (steady state)', repeated)}
${row("(a') repeated shape, in the form of (b)", repeatedFields)}
${row('(b) first time: a shape never seen before', first)}
${row('(c) cold process: import + first query', cold)}

Cold process (c), split (medians of each part; mizzle vs drizzle-orm): importing the ORM (root, \`sqlite-core\`, \`d1\`)
${dur(cold.mizzle.importMedianNs)} vs ${dur(cold.drizzle.importMedianNs)}; \
defining the table ${dur(cold.mizzle.tableMedianNs ?? NaN)} vs ${dur(cold.drizzle.tableMedianNs ?? NaN)};
\`drizzle(binding)\` ${dur(cold.mizzle.drizzleMedianNs ?? NaN)} vs ${dur(cold.drizzle.drizzleMedianNs ?? NaN)} \
(mizzle reads, compiles and instantiates the engine wasm here, \`initSync\`;
its first query is also its first call into wasm); \
first query build + \`toSQL()\` ${dur(cold.mizzle.queryMedianNs ?? NaN)} vs ${dur(cold.drizzle.queryMedianNs ?? NaN)}.
Budget: cold start <= 20 ms: ${met(cold.mizzle.medianNs <= 20e6)} (${dur(cold.mizzle.medianNs)}).

SQL: for the measured query the two ORMs' \`toSQL()\` are ${qual}. The never-seen shapes were
checked the same way (${r.sqlCheck.shapes}).

Spread of the per-sample times: (a) mizzle ${range(repeated.mizzle)}, drizzle-orm ${range(repeated.drizzle)};
(a') mizzle ${range(repeatedFields.mizzle)}, drizzle-orm ${range(repeatedFields.drizzle)};
(b) mizzle ${range(first.mizzle)}, drizzle-orm ${range(first.drizzle)}; \
(c) mizzle ${range(cold.mizzle)}, drizzle-orm ${range(cold.drizzle)}.

## Sizes

A minimal D1 worker (\`drizzle\` from the ORM's D1 driver, one three-column table, one select
by id; source in \`tests/bench/lib/sizes.mjs\`), and the same worker over Neon's and PlanetScale's HTTP drivers, \
bundled by esbuild ${r.versions.esbuild} minified the way wrangler
does it (ESM, conditions \`workerd, worker, browser\`, \`.wasm\` kept as a module import of a copied
file). gzip -9 of each file, summed. 1 KB = 1024 bytes.

| | JS | JS gzip | wasm | wasm gzip | total | total gzip |
|---|---|---|---|---|---|---|
${sizeRow('D1 worker, `mizzle/d1`', sm)}
${sizeRow(`D1 worker, \`drizzle-orm/d1\` ${r.versions['drizzle-orm']}`, sd)}
${sizeRow('mizzle embedded build (`mizzle_embedded_bg.wasm` + `mizzle_embedded.js`, as shipped)', se)}
${sizeRow(`sql.js ${r.versions['sql.js']} (\`sql-wasm.wasm\` + \`sql-wasm.js\`)`, r.sizes.sqlJs)}
${sizeRow(
  `@sqlite.org/sqlite-wasm ${r.versions['@sqlite.org/sqlite-wasm']} (\`sqlite3.wasm\` + \`index.mjs\`)`,
  r.sizes.sqliteWasm,
)}
${sizeRow('Neon worker, `mizzle/neon-http` + `mizzle/pg-core`', r.sizes.neon.mizzle)}
${sizeRow(
  `Neon worker, \`drizzle-orm/neon-http\` + \`@neondatabase/serverless\` ${r.versions['@neondatabase/serverless']}`,
  r.sizes.neon.drizzle,
)}
${sizeRow(
  'PlanetScale worker, `mizzle/planetscale` + `mizzle/mysql-core` (the `inline` engine build)',
  r.sizes.planetscale.mizzle,
)}
${sizeRow(
  `PlanetScale worker, \`drizzle-orm/planetscale-serverless\` + \`@planetscale/database\` ` +
    `${r.versions['@planetscale/database']}`,
  r.sizes.planetscale.drizzle,
)}

Budgets: D1 worker <= 60 KB gzip: ${met(sm.totalGzip <= 60 * 1024)} (${kb(sm.totalGzip)}); \
embedded build <= 450 KB gzip: ${met(se.totalGzip <= 450 * 1024)} (${kb(se.totalGzip)}).

## Compile: ten query shapes

Build + SQL for each shape below (source text in \`tests/bench/lib/compile.mjs\`, run as written for each ORM),
both ORMs on the same schema (\`users\`, \`posts\`, \`comments\`), in four forms:
**plain** = build then \`.toSQL()\`; **prepared** = the same shape built with \`sql.placeholder()\` in place
of every value, then \`.prepare()\` and one \`await .execute(values)\` against a stub D1 binding that
returns no rows (the same stub for both ORMs; no database is hit). **first** = a never-seen shape
(each operation uses its own fresh set of three tables \`users_k\`/\`posts_k\`/\`comments_k\`, whose names
were interned beforehand by an unrelated untimed select, so, like (b), a new shape over known names;
the harness checks that mizzle compiles exactly one shape through wasm per operation);
**repeated** = the same shape (set 0) again and again. Median time per operation; ratio = mizzle / drizzle-orm.
${r.compile.settings.rounds} recorded rounds after ${r.compile.settings.warmup} warm-up rounds \
(${r.compile.settings.warmupFirst} for first time); repeated samples last at least
${r.compile.settings.sampleMs} ms; a first-time sample is exactly ${r.compile.settings.neverSeenPerSample} \
never-seen shapes. Budgets: first time <= ${BUD.compileFirst}x, repeated <= ${BUD.compileRepeated}x.

**Plain** (build + \`.toSQL()\`):

${compileHeader}
|---|---|---|---|---|---|---|---|---|
${r.compile.rows.map((c) => compileRow(c, 'firstPlain', 'repeatedPlain')).join('\n')}

**Prepared** (build with placeholders + \`.prepare()\` + \`await .execute(values)\` on the empty stub):

${compileHeader}
|---|---|---|---|---|---|---|---|---|
${r.compile.rows.map((c) => compileRow(c, 'firstPrepared', 'repeatedPrepared')).join('\n')}

SQL check (set 0, plain): ${Object.entries(r.compile.sqlCheck)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}
(\`qualifier\`: equal once the \`"table".\` qualifiers are dropped; \`default columns\`: drizzle-orm also lists
the columns it fills with a literal \`null\`, mizzle leaves them out; parameters identical in every case).

## Decode: ${r.decode.rows.toLocaleString('en-US')} rows

\`db.select().from(items).all()\` of ${r.decode.rows.toLocaleString('en-US')} rows \
(\`id\`, \`name\`, \`createdAt\` timestamp, \`active\` boolean,
\`data\` JSON, \`payload\` 32-byte blob), each contender in one process, all alternating (order reversed every
other round), one query per sample, median of ${dt.mizzle.samples} samples. The "raw" rows use the driver without an
ORM and map each row by hand to the same JS shapes (\`Date\`, boolean, parsed JSON, the blob as its ORM gives it):
mizzle raw = the embedded client's wasm \`Database.query(sql, params, codecs)\` (\`client.db\`, exposed) with no
column codecs, decoded by the package's own buffer decoder (\`dist/sqlite-wasm/buffers.js\`, imported by path: not
a public export); sql.js raw = \`prepare\` + \`step\`/\`get\`; better-sqlite3 raw = \`.all()\`. The harness checks
that all six return the same rows. SQLite: mizzle embedded ${r.decode.engines.mizzleSqlite} (C compiled to wasm
with clang), sql.js ${r.decode.engines.sqlJsSqlite} (emscripten wasm), \
better-sqlite3 ${r.decode.engines.bs3Sqlite} (native).
**Engine pairing for the budget: mizzle embedded vs drizzle-orm on sql.js**, both SQLite compiled to wasm and run
in-process by V8, so the comparison is of the ORM layers and the row crossing, not of native vs wasm SQLite;
better-sqlite3 (native) is shown for reference.

| contender | median | vs raw driver |
|---|---|---|
| mizzle (\`mizzle/sqlite-wasm\`) | ${dur(dt.mizzle.medianNs)} | ${x(dq.mizzleVsRaw.medians)} |
| mizzle raw (embedded \`client.db.query\`) | ${dur(dt.mizzleRaw.medianNs)} | |
| drizzle-orm + sql.js ${r.versions['sql.js']} | ${dur(dt.drizzleSqlJs.medianNs)} | ${x(dq.drizzleSqlJsVsRaw.medians)} |
| sql.js raw | ${dur(dt.sqlJsRaw.medianNs)} | |
| drizzle-orm + better-sqlite3 ${r.versions['better-sqlite3']} | ${dur(dt.drizzleBs3.medianNs)} | \
${x(dq.drizzleBs3VsRaw.medians)} |
| better-sqlite3 raw | ${dur(dt.bs3Raw.medianNs)} | |

| ratio | value | per round | budget |
|---|---|---|---|
${ratioRow('mizzle / drizzle-orm + sql.js (same engine kind)', dq.mizzleVsDrizzleSqlJs, BUD.decodeVsDrizzle)}
${ratioRow('mizzle / mizzle raw', dq.mizzleVsRaw, BUD.decodeVsRaw)}
| mizzle / drizzle-orm + better-sqlite3 (reference) | ${x(dq.mizzleVsDrizzleBs3.medians)} | \
${spread(dq.mizzleVsDrizzleBs3)} | - |

## Relational end to end

\`db.query.parents.findMany({ with: { children: true } })\` over 100 parents x 10 children, in this process:
mizzle on its embedded database (one statement: JSON subqueries planned by the engine) and drizzle-orm on
better-sqlite3 (native SQLite), each against its own SQLite without an ORM: one join
(\`${'select p.id, p.name, c.id, ... left join children c ... order by p.id, c.id'}\`) grouped by hand into the same
objects. Every contender's result is checked equal to the hand-mapped one. \
${rt.mizzle.samples} samples each, alternating.
Not on sql.js: drizzle-orm 0.45.4's sql-js driver returns the nested rows as an unparsed JSON string there.

| | time | / its raw join |
|---|---|---|
| mizzle (embedded) | ${dur(rt.mizzle.medianNs)} | ${x(rq.mizzleVsRaw.medians)} |
| embedded SQLite raw join, hand-grouped | ${dur(rt.mizzleRaw.medianNs)} | |
| drizzle-orm + better-sqlite3 | ${dur(rt.drizzleBs3.medianNs)} | ${x(rq.drizzleBs3VsRaw.medians)} |
| better-sqlite3 raw join, hand-grouped | ${dur(rt.bs3Raw.medianNs)} | |

| ratio | value | per round |
|---|---|---|
| end to end, mizzle (wasm SQLite) / drizzle-orm (native SQLite) | \
**${x(rq.mizzleVsDrizzleBs3.medians)}** | ${spread(rq.mizzleVsDrizzleBs3)} |
| build + SQL (\`toSQL()\`, repeated shape): \
mizzle ${dur(rb.mizzle.medianNs)}, drizzle-orm ${dur(rb.drizzleBs3.medianNs)} | \
**${x(rq.buildMizzleVsDrizzle.medians)}** | ${spread(rq.buildMizzleVsDrizzle)} |

${httpSection(r)}
## D1 end to end (workerd through miniflare ${r.versions.miniflare})

One request to a worker (source in \`tests/bench/lib/d1.mjs\`, bundled like the size worker below) doing
\`db.batch([delete the author's 10 posts, insert 10 posts])\`, a select of them and a
\`db.query.users.findMany({ where, with: { posts } })\` of the author (mizzle/d1 vs drizzle-orm/d1,
the same worker text; both workers run side by side, each on its own local D1, and return the same JSON, which the
harness checks). A third worker does the same with no ORM (\`rawD1WorkerSource\`: the three statements as both ORMs
plan them, written by hand on the binding, rows mapped by hand to the same JSON, checked equal): the floor under both.
Timed from Node: \`dispatchFetch\` to the parsed body, ${r.d1.mizzle.opsPerSample} requests per sample,
${r.d1.mizzle.samples} samples each, alternating.

| | mizzle | drizzle-orm | no ORM | mizzle / drizzle-orm | per round | budget |
|---|---|---|---|---|---|---|
| request: batched insert + select + findMany | \
${dur(r.d1.mizzle.medianNs)} | ${dur(r.d1.drizzle.medianNs)} | ${dur(r.d1.raw.medianNs)} | \
**${x(r.d1.ratio.medians)}** | ${spread(r.d1.ratio)} | \
<= ${BUD.d1Request}x: ${met(r.d1.ratio.medians <= BUD.d1Request)} |

Against the no-ORM worker: mizzle ${x(r.d1.vsRaw.mizzle.medians)} \
(${dur(r.d1.mizzle.medianNs - r.d1.raw.medianNs)} more per request), drizzle-orm ${x(r.d1.vsRaw.drizzle.medians)}
(${dur(r.d1.drizzle.medianNs - r.d1.raw.medianNs)} more). \
For mizzle / drizzle-orm to reach ${BUD.d1Request}x, mizzle would have to take
${dur(r.d1.drizzle.medianNs * BUD.d1Request)}: ${dur(r.d1.raw.medianNs - r.d1.drizzle.medianNs * BUD.d1Request)} \
less than the same statements with no ORM at all.

${differSection(r)}
## Budgets

| budget | measured | budget |
|---|---|---|
${compileSummary(r).join('\n')}
${r.budgets
  .filter((b) => !b.row)
  .map((b) => `| ${b.name} | ${b.value} | ${b.holds === null ? '-' : b.holds ? 'met' : '**not met**'} |`)
  .join('\n')}

## Methods

- **Timing.** \`process.hrtime.bigint()\` around one sample: chunks of operations (each about a
  tenth of a sample, sized per ORM by a calibration run) repeated under one clock until the sample
  has lasted at least ${r.settings.sampleMs} ms (shortest recorded samples: (a) ${shortest(repeated)} ms,
  (a') ${shortest(repeatedFields)} ms, (b) ${shortest(first)} ms); the figure is its ns per operation. Unrecorded
  warm-up rounds first (3; 2 for (b), after 6,000 untimed misses each), then ${r.settings.rounds} recorded rounds;
  each round takes one sample of each ORM, in alternating order (mizzle first, then drizzle-orm
  first, ...), so drift and background load fall on both. The figure is the median; the ratio is
  of the medians, and the per-round ratios (adjacent samples) show the spread. Each ORM runs its
  own compiled copy of the loop (\`new Function\` from the query text shown), so the harness's
  own call sites stay monomorphic; results are kept in a variable so nothing is optimised away.
- **(a) repeated shape** is the steady state: the query object is built and \`toSQL()\` called
  each time. mizzle encodes the builder into its opcode form, finds the shape in its JS cache and
  does not call wasm; drizzle-orm builds its SQL object tree and renders it each time. The harness
  checks that mizzle compiles nothing through wasm during (a), i.e. every call was a hit.
- **(a') repeated shape, in the form of (b)**: one fixed shape of (b)'s form (below) over and
  over, through the same loop code as (b), so (b) - (a') is the price of a miss. The same
  no-compile check applies.
- **(b) first time** measures a shape the engine has never seen, honestly: mizzle's cache is never
  cleared or bypassed; instead every operation uses a different shape, generated before timing,
  \`${r.settings.shapeText}\`, where shape i selects three distinct columns, in a given order, of
  a 24-column table \`wide_<k>\` (ordered triples: 12,144 shapes per table, more tables as needed).
  This is the same SQL form as the measured query (three columns, one table, \`where t.id = ?\`).
  The harness checks that mizzle compiles exactly one shape per operation through wasm
  (${first.compilesAtEnd.toLocaleString('en-US')} compiles by the end; the shape cache, bounded, then holds
  ${first.cachedShapesAtEnd.toLocaleString('en-US')}). drizzle-orm does the same work
  on the same sequence of shapes (it has no shape cache, so for it (b) is the cost of any
  three-column select). The column names are interned by mizzle once (on the first use of a
  table's columns), so (b) is a new shape over known names: the usual case in an app, whose
  queries reuse its tables.
- **Processes.** (a), (a'), (b) and the HTTP decoding rows run in the harness's process; the
  compile matrix and the decode + relational rows each run in a fresh child process
  (\`lib/section.mjs\`), both ORMs loaded in it and alternating as above. By the compile
  matrix, the harness's process holds 13,000 checked and about 200,000 never-seen shapes per ORM;
  in one such process every later sample of either ORM ran slower, and the cheaper one's the
  most (mizzle's repeated forms 1.3-2x, drizzle-orm's within noise: Notes). Inside the matrix,
  the repeated forms are measured first, with only the schema an app has (set 0), and the 3,300
  generated never-seen schemas per ORM are made after them, for the first-time forms.
- **(c) cold process** spawns a fresh \`node tests/bench/lib/cold.mjs <package>\` per sample
  (${cold.mizzle.samples} each, alternating, after one warm-up each for the file cache) and times, inside it, from the
  script's first line to the first query's SQL: the dynamic imports, the table, \`drizzle()\`,
  build and \`toSQL()\`. Node's own start-up is not included. In Node, mizzle reads and compiles
  the wasm at the first \`drizzle()\`; in workerd the module is compiled at upload, so (c) is an upper
  bound for a Worker's cold start.
${workersSection()}${existsSync(NOTES) ? `\n## Notes\n\n${readFileSync(NOTES, 'utf8')}` : ''}`;
}

/** The schema differ's figures (tests/migrations/bench-diff.mjs), or why there are none. */
function differSection(r) {
  const d = r.differ;
  if (!d) return '## Schema differ\n\nNot measured in this run (tests/migrations was not installed).\n';
  const ms = (v) => `${v.toFixed(1)} ms`;
  return `## Schema differ: two ${d.tables}-table SQLite schemas

\`node tests/migrations/bench-diff.mjs\`: one process, the same mizzle schema objects given to both (drizzle-kit
${d.drizzleKitVersion} reads them through kit-compat). mizzle: \`declaredSchema\` + the engine's \`schemaDiff\` (wasm,
the \`migrator\` build): snapshot, diff against the previous snapshot's text, DDL, the new snapshot's text.
drizzle-kit: \`generateSQLiteDrizzleJson\` + \`generateSQLiteMigration\` from \`drizzle-kit/api\`. Version 2 adds a
column to every 4th table, changes a type in every 10th (a table rebuild), adds an index to every 7th and drops
every 25th; tables come in groups of ten, nine referencing the first. Median of ${d.runs} runs after 5 warm-ups.

| | mizzle | drizzle-kit | mizzle / drizzle-kit |
|---|---|---|---|
| diff v1 -> v2 | ${ms(d.mizzle.ms)} | ${ms(d.drizzleKit.ms)} | **${x(d.ratio)}** |
| statements | ${d.statements.mizzle} | ${d.statements.drizzleKit} | |

mizzle's time: reading the schema objects ${ms(d.mizzle.schemaReadMs)}, the engine ${ms(d.mizzle.engineMs)} (most of
it parsing the previous snapshot and writing the new one, about 320 KB of JSON each). mizzle writes more statements:
its rebuilds set rows aside and back instead of renaming a copy, and keep cascading children (drizzle-kit's lose
them). A Durable Object's \`push\` runs inside \`blockConcurrencyWhile\` (whose limit is 30 s); for a schema this
size it takes about the engine's figure plus one introspection query.
`;
}
