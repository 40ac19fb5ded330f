// The server hosts the migration scenarios run on, behind the shape of lib/sqlite-hosts.mjs:
//   pg     mizzle/neon-http/migrator and drizzle-orm/neon-http/migrator, through the Neon stand-in
//          (tests/standins/neon.mjs) in front of the real PostgreSQL
//   mysql  mizzle/planetscale/migrator and drizzle-orm/planetscale-serverless/migrator, through the
//          PlanetScale stand-in in front of the real MariaDB
// Each `open()` empties the suite's own database (`mizzle_migrations` on both servers).
import { neon, neonConfig } from '@neondatabase/serverless';
import { Client } from '@planetscale/database';
import { drizzle as drizzleNeonD } from 'drizzle-orm/neon-http';
import { migrate as migrateNeonD } from 'drizzle-orm/neon-http/migrator';
import { drizzle as drizzlePsD } from 'drizzle-orm/planetscale-serverless';
import { migrate as migratePsD } from 'drizzle-orm/planetscale-serverless/migrator';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { startNeon } from '../../standins/neon.mjs';
import { startPlanetScale } from '../../standins/planetscale.mjs';
import { attempt } from './outcome.mjs';

export const DB = 'mizzle_migrations';
const PG = { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' };
const MY = { host: '127.0.0.1', port: 3306, user: 'root', password: '' };
const PKG = new URL('../../../npm-package/bundle/node/', import.meta.url);
const load = (f) => import(new URL(f, PKG).href);

export async function serverHosts() {
  const [neonHttp, neonMigrator, planetscale, psMigrator] = await Promise.all([
    load('neon-http.js'),
    load('neon-http-migrator.js'),
    load('planetscale.js'),
    load('planetscale-migrator.js'),
  ]);
  const admin = new pg.Client(PG);
  await admin.connect();
  if (!(await admin.query('select 1 from pg_database where datname = $1', [DB])).rowCount) {
    await admin.query(`create database ${DB}`);
  }
  await admin.end();
  const pgClient = new pg.Client({ ...PG, database: DB });
  await pgClient.connect();
  const my = await mysql.createConnection(MY);
  await my.query(`create database if not exists ${DB}`);
  const neonStandin = await startNeon({ pg: { ...PG, database: DB } });
  // drizzle-orm's side goes through @neondatabase/serverless, which takes the endpoint globally.
  neonConfig.fetchEndpoint = () => neonStandin.url;
  const ps = await startPlanetScale({ mysql: { ...MY, database: DB }, sessionIdleMs: 2000 });
  const conn = `postgresql://postgres@127.0.0.1:5432/${DB}`;
  const hosts = [
    {
      name: 'pg',
      dialect: 'pg',
      async open() {
        await pgClient.query('drop schema if exists drizzle cascade; drop schema public cascade; create schema public');
        const mz = neonHttp.drizzle({ connectionString: conn, endpoint: neonStandin.url });
        const dz = drizzleNeonD(neon(conn));
        return {
          migrate: (dir, o = {}) => attempt(() => neonMigrator.migrate(mz, { migrationsFolder: dir, ...o })),
          drizzle: (dir) => attempt(() => migrateNeonD(dz, { migrationsFolder: dir })),
          exec: async (q) => (await pgClient.query(q)).rows,
          fresh: () => neonHttp.drizzle({ connectionString: conn, endpoint: neonStandin.url }),
          migrateWith: (db, dir) => attempt(() => neonMigrator.migrate(db, { migrationsFolder: dir })),
          tracking: 'drizzle.__drizzle_migrations',
        };
      },
    },
    {
      name: 'mysql',
      dialect: 'mysql',
      async open() {
        await my.query(`drop database ${DB}`);
        await my.query(`create database ${DB}`);
        await my.query(`use ${DB}`);
        const mz = planetscale.drizzle({ url: ps.url });
        const dz = drizzlePsD(new Client({ url: ps.url }));
        return {
          migrate: (dir, o = {}) => attempt(() => psMigrator.migrate(mz, { migrationsFolder: dir, ...o })),
          drizzle: (dir) => attempt(() => migratePsD(dz, { migrationsFolder: dir })),
          exec: async (q) => (await my.query(q))[0],
          fresh: () => planetscale.drizzle({ url: ps.url }),
          migrateWith: (db, dir) => attempt(() => psMigrator.migrate(db, { migrationsFolder: dir })),
          tracking: '__drizzle_migrations',
        };
      },
    },
  ];
  const close = async () => {
    await Promise.allSettled([pgClient.end(), my.end(), neonStandin.close?.(), ps.close?.()]);
  };
  return { hosts, close, my };
}
