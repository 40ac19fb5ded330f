// The differential fuzzer on SQLite: mizzle on its embedded SQLite (mizzle/sqlite-wasm) against drizzle-orm on
// better-sqlite3, each on a fresh in-memory database per seed loaded with the same DDL and the same INSERT text;
// the loop itself (generation, comparison, classification) is loop.mjs, shared with PostgreSQL and MySQL.
//   node tests/conformance/fuzz/run.mjs            FUZZ_SEEDS=1-100 (or 1,5,9) FUZZ_STATEMENTS=300 per seed
//   FUZZ_SEED=7 FUZZ_UPTO=42 node ...run.mjs       replays seed 7 up to statement 42 and prints every step
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PKG, requireBuiltPackage } from '../lib/workers.mjs';
import { known } from './known.mjs';
import { fuzz as fuzzOn, main } from './loop.mjs';

export { normalise, parseSeeds, repro } from './loop.mjs';

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

/** The SQLite backend of loop.mjs: fresh in-memory databases, reloaded from drizzle-orm's data as INSERT text. */
export async function sqliteBackend() {
  const libs = await libraries();
  const conns = {};
  let ddlText = '';
  let tables = {};
  const open = async (data) => {
    for (const side of ['mizzle', 'drizzle']) {
      conns[side]?.close();
      conns[side] = await libs[side].open(`${ddlText}\n${data}`, tables[side]);
    }
  };
  return {
    dialect: 'sqlite',
    known,
    libs,
    reset: async (_schema, text, t) => {
      ddlText = text;
      tables = t;
      await open('');
    },
    db: (side) => conns[side].db,
    dump: async (side, t) => dumpTable(conns[side].one, t),
    // Both reopened on drizzle-orm's data, as INSERT text in rowid order.
    resync: async (schema) => open(dumpAll(conns.drizzle.one, schema)),
    // A run result (insert/update/delete without returning): only `changes` is meaningful across drivers.
    runResult: (v) =>
      v && typeof v === 'object' && !Array.isArray(v) && 'changes' in v && 'lastInsertRowid' in v
        ? { changes: Number(v.changes) }
        : undefined,
    close: async () => {
      for (const side of ['mizzle', 'drizzle']) conns[side]?.close();
    },
  };
}

/** Runs `statements` statements for each seed on SQLite; returns counts and every difference, classified. */
export async function fuzz(options) {
  return fuzzOn(await sqliteBackend(), options);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const res = await main(sqliteBackend, { where: 'fuzz/run.mjs', label: 'sqlite' });
  process.exitCode = res.unclassified.length ? 1 : 0;
}
