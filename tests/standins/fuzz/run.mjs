// The differential fuzzer (tests/conformance/fuzz/) on PostgreSQL and MySQL: the same generator and loop as on
// SQLite, with backends for
//   pg     mizzle/neon-http   vs drizzle-orm/neon-http (over neon())                 via the Neon stand-in,
//   mysql  mizzle/planetscale vs drizzle-orm/planetscale-serverless (over Client)    via the PlanetScale stand-in,
// in front of the real PostgreSQL and MariaDB. Each side has a database of the fuzzer's own (below), emptied and
// given the seed's DDL per seed; drizzle-orm inserts the seed rows and they are copied into mizzle's database as
// stored. Stored data is read back with pg / mysql2 directly, every value as the server's text (MySQL: in hex),
// ordered by the primary key.
//   node tests/standins/fuzz/run.mjs         FUZZ_DIALECTS=pg,mysql FUZZ_SEEDS=1-100 FUZZ_STATEMENTS=300
//   FUZZ_DIALECTS=pg FUZZ_SEED=7 FUZZ_UPTO=42 node fuzz/run.mjs    replays seed 7 up to statement 42, every step
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { neon, neonConfig } from '@neondatabase/serverless';
import { Client } from '@planetscale/database';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { main } from '../../conformance/fuzz/loop.mjs';
import { DIALECTS } from '../../conformance/fuzz/dialects.mjs';
import { knownMysql } from '../../conformance/fuzz/known-mysql.mjs';
import { knownPg } from '../../conformance/fuzz/known-pg.mjs';
import { loadMizzle, MY, PG } from '../lib/lanes.mjs';
import { startNeon } from '../neon.mjs';
import { startPlanetScale } from '../planetscale.mjs';

// Databases of the fuzzer's own, one pair per process (a short run in `./x test standins` may overlap a long
// `./x fuzz differential`): mizzle_fuzz_pg_m_<pid> and _d_<pid>, mizzle_fuzz_my_m_<pid> and _d_<pid>, dropped
// at the end; pairs left by a process that died are dropped by the next run.
const DBS = {
  pg: { mizzle: `mizzle_fuzz_pg_m_${process.pid}`, drizzle: `mizzle_fuzz_pg_d_${process.pid}` },
  mysql: { mizzle: `mizzle_fuzz_my_m_${process.pid}`, drizzle: `mizzle_fuzz_my_d_${process.pid}` },
};
const SIDES = ['mizzle', 'drizzle'];

/** Whether a database name is one of this fuzzer's, of a process that no longer runs. */
function stale(name) {
  const pid = Number(/^mizzle_fuzz_(pg|my)_[md]_(\d+)$/.exec(name)?.[2]);
  if (!pid || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return e.code === 'ESRCH';
  }
}

/**
 * mizzle's modules: from FUZZ_PKG (a copy of npm-package's dist/, wasm/ and package.json, for long runs while
 * the working tree is rebuilt), or the working tree's npm-package/dist.
 */
async function mizzleModules() {
  const pkg = process.env.FUZZ_PKG;
  if (!pkg) return loadMizzle();
  const load = (p) => import(pathToFileURL(join(pkg, p)).href);
  const names = ['neon-http', 'planetscale', 'pg-core', 'mysql-core'];
  const [neonHttp, planetscale, pgCore, mysqlCore, root] = await Promise.all([
    ...names.map((n) => load(`dist/${n}/index.js`)),
    load('dist/index.js'),
  ]);
  return { neonHttp, planetscale, pgCore, mysqlCore, root };
}

async function libraries(dialect) {
  const mz = await mizzleModules();
  const [dNeon, dPs, dPgCore, dMyCore, dRoot] = await Promise.all([
    import('drizzle-orm/neon-http'),
    import('drizzle-orm/planetscale-serverless'),
    import('drizzle-orm/pg-core'),
    import('drizzle-orm/mysql-core'),
    import('drizzle-orm'),
  ]);
  const pgSide = dialect === 'pg';
  return {
    mz,
    dz: { neonHttp: dNeon, planetscale: dPs },
    libs: {
      mizzle: { core: pgSide ? mz.pgCore : mz.mysqlCore, ops: mz.root },
      drizzle: { core: pgSide ? dPgCore : dMyCore, ops: dRoot },
    },
  };
}

// Every value as PostgreSQL's text form: stored data compares exactly, and copies back in as text parameters.
const RAW = { getTypeParser: () => (v) => v };
const pgIdent = (s) => `"${s.replaceAll('"', '""')}"`;

/** The PostgreSQL backend: the Neon stand-in, a database per side, stored data through pg. */
export async function pgBackend() {
  const { mz, dz, libs } = await libraries('pg');
  const admin = new pg.Client(PG);
  await admin.connect();
  const { rows: old } = await admin.query("select datname from pg_database where datname like 'mizzle_fuzz_pg_%'");
  for (const { datname } of old) if (stale(datname)) await admin.query(`drop database if exists ${datname}`);
  for (const name of Object.values(DBS.pg)) {
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
  }
  const standin = await startNeon({ pg: PG });
  neonConfig.fetchEndpoint = () => standin.url;
  const clients = {};
  for (const side of SIDES) {
    clients[side] = new pg.Client({ ...PG, database: DBS.pg[side], types: RAW });
    await clients[side].connect();
  }
  const dbs = {};
  const conn = (side) => `postgresql://postgres:pw@db.localtest.me/${DBS.pg[side]}`;
  const rows = async (side, t) => {
    const sql = `select * from ${pgIdent(t.name)} order by ${pgIdent(t.cols[0].name)}`;
    return (await clients[side].query({ text: sql, rowMode: 'array' })).rows;
  };
  return {
    dialect: 'pg',
    known: knownPg,
    libs,
    reset: async (_schema, ddlText, tables) => {
      for (const side of SIDES) {
        // A fresh public schema: the seed's tables and enum type, nothing of the previous seed.
        await clients[side].query(`drop schema if exists public cascade; create schema public;\n${ddlText}`);
      }
      dbs.mizzle = mz.neonHttp.drizzle(
        { connectionString: conn('mizzle'), endpoint: standin.url },
        { schema: tables.mizzle },
      );
      dbs.drizzle = dz.neonHttp.drizzle(neon(conn('drizzle')), { schema: tables.drizzle });
    },
    db: (side) => dbs[side],
    dump: async (side, t) => JSON.stringify(await rows(side, t)),
    // Both tables rewritten from drizzle-orm's rows, in id order after a truncate: the same rows in the same
    // physical order on both sides, for what depends on it (a float sum that overflows or rounds by the order
    // it adds in, DELETE ... RETURNING's order).
    resync: async (schema) => {
      for (const t of schema.tables) {
        const data = await rows('drizzle', t);
        const n = t.cols.length;
        const tuples = data.map((_, r) => `(${t.cols.map((_c, i) => `$${r * n + i + 1}`).join(', ')})`);
        for (const side of SIDES) {
          await clients[side].query(`truncate ${pgIdent(t.name)}`);
          if (data.length) {
            await clients[side].query(`insert into ${pgIdent(t.name)} values ${tuples.join(', ')}`, data.flat());
          }
        }
      }
    },
    // A write without returning: Neon's result; only the count is meaningful across drivers.
    runResult: (v) =>
      v && typeof v === 'object' && !Array.isArray(v) && 'rowCount' in v && 'command' in v
        ? { changes: v.rowCount }
        : undefined,
    close: async () => {
      for (const side of SIDES) await clients[side].end();
      await standin.close();
      // (force: the stand-in's pool may not have let its idle connections go yet)
      for (const name of Object.values(DBS.pg)) await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

const myIdent = DIALECTS.mysql.ident;

// @planetscale/database's Client opens a new session per statement (a MariaDB connection each, behind the
// stand-in, until it idles out): at the fuzzer's rate that nears MariaDB's max_connections. This Client keeps
// one session for its statements, as a Connection does; a transaction still gets a session of its own.
class OneSessionClient extends Client {
  connection() {
    this.shared ??= super.connection();
    return this.shared;
  }
}

/** The MySQL backend: a PlanetScale stand-in per side (each on its database), stored data through mysql2. */
export async function mysqlBackend() {
  const { mz, dz, libs } = await libraries('mysql');
  const admin = await mysql.createConnection(MY);
  const [old] = await admin.query(
    "select schema_name as n from information_schema.schemata where schema_name like 'mizzle_fuzz_my_%'",
  );
  for (const { n } of old) if (stale(n)) await admin.query(`drop database if exists ${n}`);
  // utf8mb4 for the emoji; a binary collation so that 'a' and 'A' are different keys and sort one way.
  for (const name of Object.values(DBS.mysql)) {
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name} character set utf8mb4 collate utf8mb4_bin`);
  }
  const standins = {};
  const clients = {};
  for (const side of SIDES) {
    standins[side] = await startPlanetScale({ mysql: { ...MY, database: DBS.mysql[side] }, sessionIdleMs: 1000 });
    clients[side] = await mysql.createConnection({
      ...MY,
      database: DBS.mysql[side],
      multipleStatements: true,
      charset: 'UTF8MB4_BIN',
      // Every value as the server's text, in hex (bytes, text and numbers alike, exactly).
      typeCast: (field) => field.buffer()?.toString('hex') ?? null,
    });
  }
  const dbs = {};
  return {
    dialect: 'mysql',
    known: knownMysql,
    libs,
    reset: async (_schema, ddlText, tables) => {
      for (const side of SIDES) {
        const c = clients[side];
        const [old] = await c.query(
          'select table_name as n from information_schema.tables where table_schema = database()',
        );
        for (const { n } of old) await c.query(`drop table ${myIdent(Buffer.from(n, 'hex').toString())}`);
        await c.query(ddlText);
      }
      dbs.mizzle = mz.planetscale.drizzle({ url: standins.mizzle.url }, { schema: tables.mizzle });
      dbs.drizzle = dz.planetscale.drizzle(new OneSessionClient({ url: standins.drizzle.url }), {
        schema: tables.drizzle,
      });
    },
    db: (side) => dbs[side],
    dump: async (side, t) => {
      const [rows] = await clients[side].query({
        sql: `select * from ${myIdent(t.name)} order by ${myIdent(t.cols[0].name)}`,
        rowsAsArray: true,
      });
      return JSON.stringify(rows);
    },
    // Both databases are on one server: a copy across them keeps every stored value as it is.
    resync: async (schema) => {
      for (const t of schema.tables) {
        const [from, to] = [DBS.mysql.drizzle, DBS.mysql.mizzle].map((db) => `${db}.${myIdent(t.name)}`);
        await clients.mizzle.query(`delete from ${to}; insert into ${to} select * from ${from}`);
      }
    },
    // A write without returning: only rows changed and the insert id are meaningful across drivers.
    runResult: (v) =>
      v && typeof v === 'object' && !Array.isArray(v) && 'rowsAffected' in v
        ? { changes: v.rowsAffected, insertId: String(v.insertId) }
        : undefined,
    close: async () => {
      for (const side of SIDES) {
        await clients[side].end();
        await standins[side].close();
      }
      for (const name of Object.values(DBS.mysql)) await admin.query(`drop database if exists ${name}`);
      await admin.end();
    },
  };
}

export const BACKENDS = { pg: pgBackend, mysql: mysqlBackend };

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let failed = 0;
  for (const d of (process.env.FUZZ_DIALECTS ?? 'pg,mysql').split(',')) {
    const res = await main(BACKENDS[d], { where: `fuzz/run.mjs (in tests/standins, FUZZ_DIALECTS=${d})`, label: d });
    failed += res.unclassified.length;
  }
  process.exitCode = failed ? 1 : 0;
}
