// The differential fuzzer's loop, shared by every dialect: per seed, one generated schema with its DDL made on
// both sides, seed rows inserted by drizzle-orm and copied into mizzle's database, then random statements run on
// both; results are normalised and compared, and so is the stored state of a mutated table. Each difference is
// classified by the first entry of the dialect's known list that matches it; the rest are "unclassified".
// A backend (run.mjs for SQLite, tests/standins/fuzz/run.mjs for PostgreSQL and MySQL) owns the databases:
//   dialect, known, libs: { mizzle, drizzle } each { core, ops } (the dialect's core module and the root),
//   reset(schema, ddlText): both sides' databases hold the schema's empty tables,
//   db(side): the side's current drizzle database, over the schema object given to reset,
//   dump(side, table): the table's stored rows as text, in a deterministic order,
//   resync(schema): mizzle's stored data made equal to drizzle-orm's (both rewritten where the physical order of
//     rows can show: PostgreSQL's heap),
//   runResult(value): the comparable part of a driver's run result (a write without returning), or undefined,
//   close().
import { ddl, genSchema, genStatement, rng, schemaSource, seedSource } from './gen.mjs';

const AsyncFunction = (async () => {}).constructor;
// The message of the error a generated transaction throws itself (gen.mjs): not the library's.
const USER_ERROR = 'x';

/** A JSON-able, engine-neutral form of a result: bytes, dates and bigints tagged, object keys sorted. */
export function normalise(v) {
  if (v === null || v === undefined) return v ?? null;
  if (typeof v === 'bigint') return { $big: String(v) };
  if (typeof v === 'number') return Number.isNaN(v) ? { $num: 'NaN' } : Object.is(v, -0) ? { $num: '-0' } : v;
  if (v instanceof Uint8Array) return { $bytes: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex') };
  if (v instanceof Date) return { $date: Number.isNaN(v.getTime()) ? 'invalid' : v.getTime() };
  if (Array.isArray(v)) return v.map(normalise);
  if (typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, normalise(v[k])]),
    );
  }
  return v;
}

const sorted = (rows) =>
  rows
    .map((x) => [JSON.stringify(x), x])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, x]) => x);

function outcome(backend, value, code) {
  const run = (x) => backend.runResult(x) ?? x;
  // A batch gives one result per statement, each maybe a run result, each a list of rows in no order.
  if (code.parts && Array.isArray(value)) {
    return JSON.stringify(value.map((x) => normalise(run(x))).map((x) => (Array.isArray(x) ? sorted(x) : x)));
  }
  const n = normalise(run(value));
  return JSON.stringify(Array.isArray(n) && !code.ordered ? sorted(n) : n);
}

async function runOn(backend, side, code, tableKeys, tables) {
  try {
    const { core, ops } = backend.libs[side];
    const fn = new AsyncFunction('db', 'ops', 'core', 'Buffer', ...tableKeys, code.text);
    const v = await fn(backend.db(side), ops, core, Buffer, ...tableKeys.map((k) => tables[k]));
    return { ok: true, text: outcome(backend, v, code) };
  } catch (e) {
    // Errors compare as "threw" only (the messages are the drivers'); the message is kept for the known list.
    // mizzle promises typed errors: anything else it throws (but the statement's own `throw`) is a difference.
    const { MizzleError } = backend.libs.mizzle.ops;
    if (side === 'mizzle' && !(e instanceof MizzleError) && e?.message !== USER_ERROR) {
      const text = `threw a ${e?.constructor?.name ?? typeof e}, not a MizzleError`;
      return { ok: false, text, message: `${text}: ${errorText(e)}` };
    }
    return { ok: false, text: 'threw', message: `threw: ${errorText(e)}` };
  }
}

/**
 * An error's first line; drizzle-orm's "Failed query: <sql>" wrapper gives way to the driver's error it wraps,
 * and PlanetScale's "target: ... vttablet: rpc error: code = ... desc = " prefix to the server's message.
 */
function errorText(e) {
  const text = (x) =>
    String(x?.message ?? x)
      .split('\n')[0]
      .replace(/^target: .*? desc = /, '');
  const wrapped = e?.cause && text(e).startsWith('Failed query:');
  return (wrapped ? `${text(e.cause)} (Failed query)` : text(e)).slice(0, 300);
}

/** The first entry of `known` matching a difference (every regex it has must match, and `check`), or undefined. */
export function classify(known, d) {
  return known.find(
    (k) =>
      (!k.code || k.code.test(d.code)) &&
      (!k.mizzle || k.mizzle.test(d.mizzle)) &&
      (!k.drizzle || k.drizzle.test(d.drizzle)) &&
      (!k.schema || k.schema.test(d.schema)) &&
      (k.state === undefined || k.state === d.state) &&
      (!k.check || k.check(d)),
  );
}

/** Runs `statements` statements for each seed on a backend; returns counts and every difference, classified. */
export async function fuzz(backend, { seeds, statements, log = () => {}, upto }) {
  const res = { statements: 0, agree: 0, bothThrew: 0, byClass: {}, byKnown: {}, unclassified: [], skippedSeeds: 0 };
  res.bothThrewBy = {};
  try {
    for (const seed of seeds) {
      const r = rng(seed);
      const schema = genSchema(r, backend.dialect);
      const ddlText = ddl(schema);
      const schemaSrc = schemaSource(schema);
      const seedSrc = seedSource(r, schema).join('\n');
      const tables = {};
      for (const side of ['mizzle', 'drizzle']) {
        const { core, ops } = backend.libs[side];
        tables[side] = new Function('core', 'ops', schemaSrc)(core, ops);
      }
      const tableKeys = Object.keys(tables.drizzle);
      // The seed rows are inserted by drizzle-orm, then copied as stored into mizzle's database.
      try {
        await backend.reset(schema, ddlText, tables);
        const db = backend.db('drizzle');
        await new AsyncFunction('db', 'Buffer', ...tableKeys, seedSrc)(
          db,
          Buffer,
          ...tableKeys.map((k) => tables.drizzle[k]),
        );
        await backend.resync(schema);
      } catch (e) {
        log(`seed ${seed}: the seed rows failed on drizzle-orm (${errorText(e)}); skipped`);
        res.skippedSeeds++;
        continue;
      }
      for (let i = 0; i < statements && (upto === undefined || i <= upto); i++) {
        const st = genStatement(r, schema);
        const code = { text: st.code, ordered: st.ordered, parts: st.parts };
        res.statements++;
        const m = await runOn(backend, 'mizzle', code, tableKeys, tables.mizzle);
        const d = await runOn(backend, 'drizzle', code, tableKeys, tables.drizzle);
        let state = false;
        if (st.mutates) {
          const t = schema.tables.find((x) => x.key === st.mutates);
          state = (await backend.dump('mizzle', t)) !== (await backend.dump('drizzle', t));
        }
        if (upto !== undefined)
          log(
            `#${i}\n${st.code}\n  mizzle:  ${m.message ?? m.text}\n  drizzle: ${d.message ?? d.text}\n` +
              `  state differs: ${state}`,
          );
        if (m.text === d.text && !state) {
          if (m.ok) res.agree++;
          else {
            // Both threw: counted by drizzle-orm's message, to show which statements test only the error path.
            res.bothThrew++;
            const key = d.message.slice(7, 67);
            res.bothThrewBy[key] = (res.bothThrewBy[key] ?? 0) + 1;
          }
          continue;
        }
        const diff = {
          ...{ seed, index: i, code: st.code, schema: schemaSrc, state },
          ...{ mizzle: m.message ?? m.text, drizzle: d.message ?? d.text },
        };
        const k = classify(backend.known, diff);
        if (k) {
          res.byClass[k.class] = (res.byClass[k.class] ?? 0) + 1;
          res.byKnown[k.id] = (res.byKnown[k.id] ?? 0) + 1;
        } else {
          res.unclassified.push({ ...diff, ddl: ddlText });
        }
        // Diverged stored data would make every later statement differ: copy drizzle-orm's into mizzle's again.
        if (state) await backend.resync(schema);
      }
    }
  } finally {
    // Also after an error: the stand-ins and clients would keep the process alive.
    await backend.close();
  }
  return res;
}

/** A reproduction of one unclassified difference, as text (`where`: the runner's folder and file). */
export function repro(d, where = 'fuzz/run.mjs') {
  return [
    `--- seed ${d.seed}, statement ${d.index} (replay: FUZZ_SEED=${d.seed} FUZZ_UPTO=${d.index} node ${where})`,
    `DDL:\n${d.ddl}`,
    `schema (core = the library's dialect core, ops = its root):\n${d.schema}`,
    `statement:\n${d.code}`,
    `mizzle:  ${d.mizzle.slice(0, 1500)}`,
    `drizzle: ${d.drizzle.slice(0, 1500)}`,
    `stored data differs afterwards: ${d.state}`,
  ].join('\n');
}

/** "1-5,9" -> [1, 2, 3, 4, 5, 9]. */
export function parseSeeds(s) {
  return s.split(',').flatMap((part) => {
    const [a, b] = part.split('-').map(Number);
    return b === undefined ? [a] : Array.from({ length: b - a + 1 }, (_, i) => a + i);
  });
}

/**
 * The command line of a runner: FUZZ_SEEDS (default 1-100) or FUZZ_SEED with FUZZ_UPTO, FUZZ_STATEMENTS
 * (default 300), FUZZ_SHOW (unclassified differences printed, 20). Prints the summary; returns the result.
 */
export async function main(makeBackend, { where, label }) {
  const env = process.env;
  const upto = env.FUZZ_UPTO === undefined ? undefined : Number(env.FUZZ_UPTO);
  const seeds = env.FUZZ_SEED ? [Number(env.FUZZ_SEED)] : parseSeeds(env.FUZZ_SEEDS ?? '1-100');
  const statements = Number(env.FUZZ_STATEMENTS ?? 300);
  const t0 = Date.now();
  const backend = await makeBackend();
  const res = await fuzz(backend, { seeds, statements, upto, log: (s) => console.log(s) });
  const limit = Number(env.FUZZ_SHOW ?? 20);
  for (const d of res.unclassified.slice(0, limit)) console.log(repro(d, where));
  const { unclassified, bothThrewBy, ...counts } = res;
  // The 12 most frequent errors of both sides, the rest summed: the full list is long (names vary per seed).
  const top = Object.entries(bothThrewBy).sort((a, b) => b[1] - a[1]);
  const shown = Object.fromEntries(top.slice(0, 12));
  if (top.length > 12) shown['(others)'] = top.slice(12).reduce((n, [, c]) => n + c, 0);
  const seconds = (Date.now() - t0) / 1000;
  const summary = { dialect: label, ...counts, bothThrewBy: shown, unclassified: unclassified.length, seconds };
  console.log(JSON.stringify(summary, null, 1));
  const unused = backend.known.filter((k) => !res.byKnown[k.id]).map((k) => k.id);
  if (unused.length) console.log(`known entries not met in this run: ${unused.join(', ')}`);
  return res;
}
