// The four implementations of the SQLite scenarios: mizzle on the embedded database in Node, mizzle/d1
// and drizzle-orm/d1 in workerd (same kind of worker), and drizzle-orm/better-sqlite3 in Node, the
// reference for the scenarios D1 cannot run (`syncOnly`: synchronous transactions).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sqliteSetupSql } from '../../scenarios/index.mjs';
import { runAll } from './run-all.mjs';
import { bundleWorker, fetchJson, miniflare, PKG, requireBuiltPackage } from './workers.mjs';

/** mizzle on the embedded (wasm) SQLite in this Node process. */
export async function runEmbedded(only) {
  requireBuiltPackage();
  const load = (p) => import(pathToFileURL(join(PKG, p)).href);
  const [{ createDatabase, drizzle }, core, ops] = await Promise.all([
    load('dist/sqlite-wasm/index.js'),
    load('dist/sqlite-core/index.js'),
    load('dist/index.js'),
  ]);
  const clients = [];
  try {
    return await runAll({
      core,
      ops,
      only,
      sync: true,
      fresh: async (schema) => {
        const client = await createDatabase();
        clients.push(client);
        client.exec(sqliteSetupSql);
        return drizzle(client, { schema });
      },
    });
  } finally {
    for (const c of clients) c.close();
  }
}

/** drizzle-orm on better-sqlite3 (an in-memory database per scenario): synchronous like the embedded one. */
export async function runBetterSqlite(only) {
  const Database = createRequire(import.meta.url)('better-sqlite3');
  const [{ drizzle }, core, ops] = await Promise.all([
    import('drizzle-orm/better-sqlite3'),
    import('drizzle-orm/sqlite-core'),
    import('drizzle-orm'),
  ]);
  const clients = [];
  try {
    return await runAll({
      core,
      ops,
      only,
      sync: true,
      fresh: async (schema) => {
        const client = new Database(':memory:');
        clients.push(client);
        client.exec(sqliteSetupSql);
        return drizzle(client, { schema });
      },
    });
  } finally {
    for (const c of clients) c.close();
  }
}

const workerSource = (pkg) => `
import { drizzle } from '${pkg}/d1';
import * as core from '${pkg}/sqlite-core';
import * as ops from '${pkg}';
import { setupStatements } from '../../../scenarios/index.mjs';
import { runAll } from '../../lib/run-all.mjs';

export default {
  async fetch(request, env) {
    try {
      const only = new URL(request.url).searchParams.getAll('only');
      const fresh = async (schema) => {
        await env.DB.batch(setupStatements.sqlite.map((s) => env.DB.prepare(s)));
        return drizzle(env.DB, { schema });
      };
      return Response.json(await runAll({ core, ops, fresh, only: only.length ? only : undefined }));
    } catch (e) {
      return new Response(String((e && e.stack) || e), { status: 500 });
    }
  },
};
`;

/**
 * Runs the scenarios on D1 in workerd with `pkg` ('mizzle' or 'drizzle-orm').
 * drizzle-orm's blob columns use Node's Buffer, so its worker gets `nodejs_compat`;
 * mizzle's does not (it must not need it).
 */
export async function runD1(pkg, only) {
  const script = await bundleWorker(`d1-${pkg}`, workerSource(pkg));
  const mf = miniflare(script, {
    d1Databases: ['DB'],
    compatibilityFlags: pkg === 'drizzle-orm' ? ['nodejs_compat'] : [],
  });
  try {
    const q = only ? `?${only.map((n) => `only=${encodeURIComponent(n)}`).join('&')}` : '';
    return await fetchJson(mf, `/${q}`);
  } finally {
    await mf.dispose();
  }
}
