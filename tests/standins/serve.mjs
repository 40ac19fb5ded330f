#!/usr/bin/env node
// Starts both stand-ins on ephemeral loopback ports and prints one JSON line on stdout:
//   {"neon": "http://127.0.0.1:P/sql", "planetscale": "http://u:p@127.0.0.1:Q"}
// then serves until stdin closes or SIGTERM/SIGINT. The servers are taken from MIZZLE_PG_URL /
// MIZZLE_MYSQL_URL when set (defaults: postgres@127.0.0.1:5432/test, root@127.0.0.1:3306/test).
// Faults can be set from another process: POST {"kind": "http500", "times": 1} to
// <origin>/_standin/fault of either stand-in ({"kind": "clear"} removes pending ones).
import { startNeon } from './neon.mjs';
import { startPlanetScale } from './planetscale.mjs';

function fromUrl(env, defaults) {
  if (!env) return defaults;
  const u = new URL(env);
  return {
    host: u.hostname || defaults.host,
    port: u.port ? Number(u.port) : defaults.port,
    user: decodeURIComponent(u.username) || defaults.user,
    password: decodeURIComponent(u.password) || defaults.password,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || defaults.database,
  };
}

const pgCfg = fromUrl(process.env.MIZZLE_PG_URL, { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' });
const myCfg = fromUrl(process.env.MIZZLE_MYSQL_URL, {
  host: '127.0.0.1',
  port: 3306,
  user: 'root',
  password: '',
  database: 'test',
});

const neon = await startNeon({ pg: pgCfg });
const ps = await startPlanetScale({ mysql: myCfg });
process.stdout.write(`${JSON.stringify({ neon: neon.url, planetscale: ps.url })}\n`);

let closing = false;
async function shutdown() {
  if (closing) return;
  closing = true;
  await Promise.allSettled([neon.close(), ps.close()]);
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
process.stdin.on('end', shutdown);
process.stdin.on('close', shutdown);
process.stdin.resume();
