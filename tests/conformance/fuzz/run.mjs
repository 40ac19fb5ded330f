// The differential fuzzer's runner: per seed, one generated schema and seed data loaded identically (same DDL,
// same INSERT text) into mizzle on its embedded SQLite and drizzle-orm on better-sqlite3, then random
// statements run on both; results are normalised and compared, and so is the stored state of a mutated table.
// Each difference is classified by the first entry of known.mjs that matches it; the rest are "unclassified".
//   node tests/conformance/fuzz/run.mjs            FUZZ_SEEDS=1-100 (or 1,5,9) FUZZ_STATEMENTS=300 per seed
//   FUZZ_SEED=7 FUZZ_UPTO=42 node ...run.mjs       replays seed 7 up to statement 42 and prints every step
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PKG, requireBuiltPackage } from '../lib/workers.mjs';
import { ddl, genSchema, genStatement, rng, schemaSource, seedSource } from './gen.mjs';
import { known } from './known.mjs';

const AsyncFunction = (async () => {}).constructor;
const require = createRequire(import.meta.url);

/** The two libraries: each a module set plus a way to open a database on fresh raw SQL. */
export async function libraries() {
  // FUZZ_PKG: a copy of npm-package (dist/, wasm/) for long runs while the working tree is being rebuilt.
  const pkg = process.env.FUZZ_PKG ?? PKG;
  if (!process.env.FUZZ_PKG) requireBuiltPackage();
  const load = (p) => import(pathToFileURL(join(pkg, p)).href);
  const [mw, mcore, mops] = await Promise.all([
    load('dist/sqlite-wasm/index.js'),
    load('dist/sqlite-core/index.js'),
    load('dist/index.js'),
  ]);
  const Database = require('better-sqlite3');
  const [{ drizzle }, dcore, dops] = await Promise.all([
    import('drizzle-orm/better-sqlite3'),
    import('drizzle-orm/sqlite-core'),
    import('drizzle-orm'),
  ]);
  return {
    mizzle: {
      core: mcore,
      ops: mops,
      open: async (sqlText, schema) => {
        const client = await mw.createDatabase();
        client.exec(sqlText);
        const db = mw.drizzle(client, { schema });
        // Raw reads go through the library's own raw query (the client has exec only).
        const one = (q) => Object.values(db.all(mops.sql.raw(q))[0] ?? {})[0];
        return { db, one, close: () => client.close() };
      },
    },
    drizzle: {
      core: dcore,
      ops: dops,
      open: async (sqlText, schema) => {
        const client = new Database(':memory:');
        client.exec(sqlText);
        const db = drizzle(client, { schema });
        return { db, one: (q) => client.prepare(q).pluck().get(), close: () => client.close() };
      },
    },
  };
}

const ident = (s) => `"${s.replaceAll('"', '""')}"`;

// A value as an SQL literal of the same storage class, exactly: quote() would cut text at a NUL and
// round reals to 15 digits (two different reals could then collide in a unique column).
const literal = (c) => `case typeof(${c}) when 'real' then case when ${c} = 9e999 then '9e999' when ${c} = -9e999
  then '-9e999' else printf('%!.17g', ${c}) end when 'text' then 'cast(x''' || hex(${c}) || ''' as text)'
  else quote(${c}) end`;

/** One table's rows as INSERT text, ordered by rowid. */
function dumpTable(one, t) {
  const vals = t.cols.map((c) => literal(ident(c.name))).join(` || ',' || `);
  const name = `'${ident(t.name).replaceAll("'", "''")}'`;
  const q = `select group_concat(line, char(10)) from (select 'insert into ' || ${name} ||
    ' values (' || ${vals} || ');' as line from ${ident(t.name)} order by rowid)`;
  return one(q) ?? '';
}
const dumpAll = (one, schema) => schema.tables.map((t) => dumpTable(one, t)).join('\n');

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

// A run result (insert/update/delete without returning): only `changes` is meaningful across drivers.
const isRunResult = (v) => v && typeof v === 'object' && !Array.isArray(v) && 'changes' in v && 'lastInsertRowid' in v;

function outcome(value, ordered) {
  let n = isRunResult(value) ? { changes: Number(value.changes) } : normalise(value);
  if (Array.isArray(n) && !ordered) {
    n = n
      .map((x) => [JSON.stringify(x), x])
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, x]) => x);
  }
  return JSON.stringify(n);
}

async function runOn(side, code, tableKeys, tables) {
  try {
    const fn = new AsyncFunction('db', 'ops', 'core', 'Buffer', ...tableKeys, code.text);
    const v = await fn(side.db, side.lib.ops, side.lib.core, Buffer, ...tableKeys.map((k) => tables[k]));
    return { ok: true, text: outcome(v, code.ordered) };
  } catch (e) {
    // Errors compare as "threw" only (the messages are the drivers'); the message is kept for known.mjs.
    return {
      ok: false,
      text: 'threw',
      message: `threw: ${String(e?.message ?? e)
        .split('\n')[0]
        .slice(0, 300)}`,
    };
  }
}

/** The first known.mjs entry matching a difference (every regex it has must match, and `check`), or undefined. */
export function classify(d) {
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

/** Runs `statements` statements for each seed; returns counts and every difference, classified. */
export async function fuzz({ seeds, statements, log = () => {}, upto }) {
  const libs = await libraries();
  const res = { statements: 0, agree: 0, bothThrew: 0, byClass: {}, byKnown: {}, unclassified: [], skippedSeeds: 0 };
  res.bothThrewBy = {};
  for (const seed of seeds) {
    const r = rng(seed);
    const schema = genSchema(r);
    const ddlText = ddl(schema);
    const schemaSrc = schemaSource(schema);
    const seedSrc = seedSource(r, schema).join('\n');
    const sides = {};
    for (const name of ['mizzle', 'drizzle']) {
      const lib = libs[name];
      sides[name] = { lib, tables: new Function('core', 'ops', schemaSrc)(lib.core, lib.ops) };
    }
    const tableKeys = Object.keys(sides.drizzle.tables);
    // The seed rows are inserted by drizzle-orm, then copied as INSERT text into both fresh databases.
    let dump;
    try {
      const d = await libs.drizzle.open(ddlText, sides.drizzle.tables);
      await new AsyncFunction('db', 'Buffer', ...tableKeys, seedSrc)(
        d.db,
        Buffer,
        ...tableKeys.map((k) => sides.drizzle.tables[k]),
      );
      dump = dumpAll(d.one, schema);
      d.close();
    } catch (e) {
      log(`seed ${seed}: the seed rows failed on drizzle-orm (${e.message}); skipped`);
      res.skippedSeeds++;
      continue;
    }
    const openBoth = async (data) => {
      for (const name of ['mizzle', 'drizzle']) {
        sides[name].conn?.close();
        sides[name].conn = await libs[name].open(`${ddlText}\n${data}`, sides[name].tables);
        sides[name].db = sides[name].conn.db;
      }
    };
    await openBoth(dump);
    for (let i = 0; i < statements && (upto === undefined || i <= upto); i++) {
      const st = genStatement(r, schema);
      const code = { text: st.code, ordered: st.ordered };
      res.statements++;
      const m = await runOn(sides.mizzle, code, tableKeys, sides.mizzle.tables);
      const d = await runOn(sides.drizzle, code, tableKeys, sides.drizzle.tables);
      let state = false;
      if (st.mutates) {
        const t = schema.tables.find((x) => x.key === st.mutates);
        state = dumpTable(sides.mizzle.conn.one, t) !== dumpTable(sides.drizzle.conn.one, t);
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
      const k = classify(diff);
      if (k) {
        res.byClass[k.class] = (res.byClass[k.class] ?? 0) + 1;
        res.byKnown[k.id] = (res.byKnown[k.id] ?? 0) + 1;
      } else {
        res.unclassified.push({ ...diff, ddl: ddlText });
      }
      // Diverged stored data would make every later statement differ: copy drizzle-orm's into both again.
      if (state) await openBoth(dumpAll(sides.drizzle.conn.one, schema));
    }
    sides.mizzle.conn.close();
    sides.drizzle.conn.close();
  }
  return res;
}

/** A reproduction of one unclassified difference, as text. */
export function repro(d) {
  return [
    `--- seed ${d.seed}, statement ${d.index} (replay: FUZZ_SEED=${d.seed} FUZZ_UPTO=${d.index} node fuzz/run.mjs)`,
    `DDL:\n${d.ddl}`,
    `schema (core = the library's sqlite-core, ops = its root):\n${d.schema}`,
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

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const env = process.env;
  const upto = env.FUZZ_UPTO === undefined ? undefined : Number(env.FUZZ_UPTO);
  const seeds = env.FUZZ_SEED ? [Number(env.FUZZ_SEED)] : parseSeeds(env.FUZZ_SEEDS ?? '1-100');
  const statements = Number(env.FUZZ_STATEMENTS ?? 300);
  const t0 = Date.now();
  const res = await fuzz({ seeds, statements, upto, log: (s) => console.log(s) });
  const limit = Number(env.FUZZ_SHOW ?? 20);
  for (const d of res.unclassified.slice(0, limit)) console.log(repro(d));
  const { unclassified, bothThrewBy, ...counts } = res;
  // The 12 most frequent errors of both sides, the rest summed: the full list is long (names vary per seed).
  const top = Object.entries(bothThrewBy).sort((a, b) => b[1] - a[1]);
  const shown = Object.fromEntries(top.slice(0, 12));
  if (top.length > 12) shown['(others)'] = top.slice(12).reduce((n, [, c]) => n + c, 0);
  const seconds = (Date.now() - t0) / 1000;
  console.log(JSON.stringify({ ...counts, bothThrewBy: shown, unclassified: unclassified.length, seconds }, null, 1));
  const unused = known.filter((k) => !res.byKnown[k.id]).map((k) => k.id);
  if (unused.length) console.log(`known entries not met in this run: ${unused.join(', ')}`);
  process.exitCode = unclassified.length ? 1 : 0;
}
