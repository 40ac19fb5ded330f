// Sizes: the same minimal D1 worker for each ORM, bundled the way wrangler does it
// (esbuild, conditions ['workerd', 'worker', 'browser'], `.wasm` kept as a module import of
// a copied file) and minified; every output file measured raw and gzip -9 (each file
// compressed on its own, then summed: what a Worker upload carries). Plus mizzle's embedded
// build as shipped (wasm + glue). Everything stays in memory (esbuild `write: false`).
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { HERE, PKG } from './orms.mjs';

/**
 * The minimal HTTP-driver workers, per ORM and protocol: one three-column table, one select
 * by id. drizzle-orm's take the official client packages, as its docs show.
 */
const HTTP_WORKERS = {
  neon: {
    mizzle: `import { drizzle } from 'mizzle/neon-http';
import { pgTable, integer, text } from 'mizzle/pg-core';
import { eq } from 'mizzle';
const connect = (env) => drizzle(env.DATABASE_URL);`,
    'drizzle-orm': `import { neon } from '@neondatabase/serverless';
import { drizzle } from 'drizzle-orm/neon-http';
import { pgTable, integer, text } from 'drizzle-orm/pg-core';
import { eq } from 'drizzle-orm';
const connect = (env) => drizzle(neon(env.DATABASE_URL));`,
    table: 'pgTable',
  },
  planetscale: {
    mizzle: `import { drizzle } from 'mizzle/planetscale';
import { mysqlTable as pgTable, int as integer, text } from 'mizzle/mysql-core';
import { eq } from 'mizzle';
const connect = (env) => drizzle({ url: env.DATABASE_URL });`,
    'drizzle-orm': `import { Client } from '@planetscale/database';
import { drizzle } from 'drizzle-orm/planetscale-serverless';
import { mysqlTable as pgTable, int as integer, text } from 'drizzle-orm/mysql-core';
import { eq } from 'drizzle-orm';
const connect = (env) => drizzle(new Client({ url: env.DATABASE_URL }));`,
  },
};

function httpWorkerSource(kind, pkg) {
  return `${HTTP_WORKERS[kind][pkg]}
const users = pgTable('users', { id: integer('id').primaryKey(), name: text('name').notNull(), email: text('email') });
export default {
  async fetch(request, env) {
    const db = connect(env);
    const id = Number(new URL(request.url).searchParams.get('id') ?? 1);
    return Response.json(await db.select().from(users).where(eq(users.id, id)));
  },
};
`;
}

/** The minimal worker: a table and one select by id, per ORM package. */
export function workerSource(pkg) {
  return `import { drizzle } from '${pkg}/d1';
import { sqliteTable, integer, text } from '${pkg}/sqlite-core';
import { eq } from '${pkg}';

const users = sqliteTable('users', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email'),
});

export default {
  async fetch(request, env) {
    const db = drizzle(env.DB);
    const id = Number(new URL(request.url).searchParams.get('id') ?? 1);
    return Response.json(await db.select().from(users).where(eq(users.id, id)));
  },
};
`;
}

export const BUNDLE_OPTIONS = {
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  conditions: ['workerd', 'worker', 'browser'],
  mainFields: ['module', 'main'],
  external: ['cloudflare:*', 'node:*'],
  loader: { '.wasm': 'copy' },
  assetNames: '[name]',
};

const gz = (buf) => gzipSync(buf, { level: 9 }).length;

function measureFiles(files) {
  const out = files.map(({ name, bytes }) => ({ name, raw: bytes.length, gzip: gz(bytes) }));
  const sum = (kind, pred) => out.filter(pred).reduce((n, f) => n + f[kind], 0);
  const isWasm = (f) => f.name.endsWith('.wasm');
  return {
    files: out,
    jsRaw: sum('raw', (f) => !isWasm(f)),
    jsGzip: sum('gzip', (f) => !isWasm(f)),
    wasmRaw: sum('raw', isWasm),
    wasmGzip: sum('gzip', isWasm),
    totalRaw: sum('raw', () => true),
    totalGzip: sum('gzip', () => true),
  };
}

/** Bundles the minimal worker of `kind` ('d1', 'neon', 'planetscale') for `pkg` and measures its output files. */
export async function workerSize(pkg, kind = 'd1') {
  const result = await build({
    ...BUNDLE_OPTIONS,
    absWorkingDir: HERE,
    stdin: {
      contents: kind === 'd1' ? workerSource(pkg) : httpWorkerSource(kind, pkg),
      resolveDir: HERE,
      sourcefile: 'worker.mjs',
      loader: 'js',
    },
    outdir: join(HERE, '.out'), // nothing is written (write: false); esbuild needs it for names
    entryNames: 'worker',
    write: false,
    logLevel: 'silent',
  });
  const files = result.outputFiles.map((f) => ({ name: basename(f.path), bytes: f.contents }));
  const js = files.filter((f) => f.name.endsWith('.js'));
  if (js.length !== 1) throw new Error(`${pkg} worker: expected one .js output, got ${files.map((f) => f.name)}`);
  const text = Buffer.from(js[0].bytes).toString('utf8');
  if (pkg === 'mizzle' && /node:fs|readFileSync/.test(text))
    throw new Error(`${pkg} worker: the bundle has the Node loader, not the workerd one`);
  for (const w of files.filter((f) => f.name.endsWith('.wasm'))) {
    if (!text.includes(`"./${w.name}"`)) throw new Error(`${pkg} worker: ${w.name} is not kept as a module import`);
  }
  return measureFiles(files);
}

/** mizzle's embedded build as shipped in npm-package/wasm/embedded (wasm + wasm-bindgen glue). */
export function embeddedSize() {
  const dir = join(PKG, 'wasm', 'embedded');
  return measureFiles(
    ['mizzle_embedded_bg.wasm', 'mizzle_embedded.js'].map((name) => ({ name, bytes: readFileSync(join(dir, name)) })),
  );
}

/** sql.js and @sqlite.org/sqlite-wasm as shipped (their wasm + main JS), for comparison. */
export function otherWasmSizes() {
  const nm = join(HERE, 'node_modules');
  const files = (dir, names) => measureFiles(names.map((name) => ({ name, bytes: readFileSync(join(nm, dir, name)) })));
  return {
    sqlJs: files('sql.js/dist', ['sql-wasm.wasm', 'sql-wasm.js']),
    sqliteWasm: files('@sqlite.org/sqlite-wasm/dist', ['sqlite3.wasm', 'index.mjs']),
  };
}
