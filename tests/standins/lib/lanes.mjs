// The four implementations of the PostgreSQL and MySQL scenarios of the shared set (tests/scenarios/), each a
// "lane" with a database of its own so the lanes run side by side:
//   pg    mizzle/neon-http  and drizzle-orm/neon-http (over @neondatabase/serverless's neon()),
//   mysql mizzle/planetscale and drizzle-orm/planetscale-serverless (over @planetscale/database's Client),
// all through the stand-ins in front of the real PostgreSQL / MariaDB. Tables are made fresh for
// every scenario by setupStatements (drop, create, seed) through pg / mysql2 directly, and
// dropped by teardownStatements at the end.
import { existsSync } from 'node:fs';
import pg from 'pg';
import mysql from 'mysql2/promise';
import { neon, neonConfig } from '@neondatabase/serverless';
import { Client } from '@planetscale/database';
import { startNeon } from '../neon.mjs';
import { startPlanetScale } from '../planetscale.mjs';
import { makeSchema, normalize, scenariosFor, setupStatements, teardownStatements } from '../../scenarios/index.mjs';

export const PG = { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' };
export const MY = { host: '127.0.0.1', port: 3306, user: 'root', password: '', database: 'test' };
const PKG = new URL('../../../npm-package/', import.meta.url);

/** mizzle's built modules (npm-package/dist) or a clear error. */
export async function loadMizzle() {
  if (!existsSync(new URL('dist/neon-http/index.js', PKG))) {
    throw new Error('npm-package/dist is missing: build it (cd npm-package && node_modules/.bin/tsc -p .)');
  }
  const load = (p) => import(new URL(p, PKG).href);
  const [neonHttp, planetscale, pgCore, mysqlCore, root] = await Promise.all([
    load('dist/neon-http/index.js'),
    load('dist/planetscale/index.js'),
    load('dist/pg-core/index.js'),
    load('dist/mysql-core/index.js'),
    load('dist/index.js'),
  ]);
  return { neonHttp, planetscale, pgCore, mysqlCore, root };
}

async function loadDrizzle() {
  const [neonHttp, planetscale, pgCore, mysqlCore, root] = await Promise.all([
    import('drizzle-orm/neon-http'),
    import('drizzle-orm/planetscale-serverless'),
    import('drizzle-orm/pg-core'),
    import('drizzle-orm/mysql-core'),
    import('drizzle-orm'),
  ]);
  return { neonHttp, planetscale, pgCore, mysqlCore, root };
}

/** A database of the lane's own on both servers (created once, kept; its tables are dropped). */
async function ensureDatabases(names) {
  const admin = new pg.Client(PG);
  await admin.connect();
  try {
    for (const n of names) {
      const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [n]);
      if (rowCount) continue;
      try {
        await admin.query(`create database "${n}"`);
      } catch (e) {
        if (e.code !== '42P04' && e.code !== '23505') throw e; // created meanwhile by another run
      }
    }
  } finally {
    await admin.end();
  }
  const my = await mysql.createConnection(MY);
  try {
    for (const n of names) await my.query(`create database if not exists \`${n}\``);
  } finally {
    await my.end();
  }
}

/** Runs every scenario of `d` on one implementation; results by scenario name. */
async function runLane({ d, impl, makeDb, reset }) {
  const core = d === 'pg' ? impl.pgCore : impl.mysqlCore;
  const t = makeSchema(core, impl.root, d);
  const out = {};
  const db = makeDb(t.schema);
  for (const s of scenariosFor(d)) {
    try {
      await reset();
      out[s.name] = { ok: true, value: normalize(await s.run(db, t, impl.root, d)) };
    } catch (e) {
      out[s.name] = { ok: false, error: `${e?.name ?? 'Error'}: ${e?.message ?? e}`.split('\n')[0] };
    }
  }
  return out;
}

/**
 * Runs the whole set on the four lanes in parallel.
 * @returns {Promise<{ pg: { mizzle, drizzle }, mysql: { mizzle, drizzle } }>}
 */
export async function runAllLanes() {
  const [mz, dz] = await Promise.all([loadMizzle(), loadDrizzle()]);
  const dbs = { mizzle: 'mizzle_drivers_m', drizzle: 'mizzle_drivers_z' };
  await ensureDatabases(Object.values(dbs));

  const neonStandin = await startNeon({ pg: PG });
  neonConfig.fetchEndpoint = () => neonStandin.url;
  const ps = {};
  for (const [k, database] of Object.entries(dbs))
    ps[k] = await startPlanetScale({ mysql: { ...MY, database }, sessionIdleMs: 1000 });
  const clients = [];
  try {
    const lane = async (d, which) => {
      const database = dbs[which];
      const impl = which === 'mizzle' ? mz : dz;
      let reset;
      let teardown;
      if (d === 'pg') {
        const c = new pg.Client({ ...PG, database });
        await c.connect();
        clients.push(() => c.end());
        const setup = setupStatements.pg.join(';\n');
        reset = () => c.query(setup);
        teardown = () => c.query(teardownStatements.pg.join(';\n'));
      } else {
        const c = await mysql.createConnection({ ...MY, database, multipleStatements: true });
        clients.push(() => c.end());
        const setup = setupStatements.mysql.join(';\n');
        reset = () => c.query(setup);
        teardown = () => c.query(teardownStatements.mysql.join(';\n'));
      }
      const conn = `postgresql://postgres:pw@db.localtest.me/${database}`;
      const makeDb =
        d === 'pg'
          ? which === 'mizzle'
            ? (schema) => impl.neonHttp.drizzle({ connectionString: conn, endpoint: neonStandin.url }, { schema })
            : (schema) => impl.neonHttp.drizzle(neon(conn), { schema })
          : which === 'mizzle'
            ? (schema) => impl.planetscale.drizzle({ url: ps[which].url }, { schema })
            : (schema) => impl.planetscale.drizzle(new Client({ url: ps[which].url }), { schema });
      try {
        return await runLane({ d, impl, makeDb, reset });
      } finally {
        await teardown();
      }
    };
    const [pgM, pgZ, myM, myZ] = await Promise.all([
      lane('pg', 'mizzle'),
      lane('pg', 'drizzle'),
      lane('mysql', 'mizzle'),
      lane('mysql', 'drizzle'),
    ]);
    return { pg: { mizzle: pgM, drizzle: pgZ }, mysql: { mizzle: myM, drizzle: myZ } };
  } finally {
    for (const end of clients) await end().catch(() => {});
    await neonStandin.close();
    for (const s of Object.values(ps)) await s.close();
  }
}
