// What a test of `mizzle-kit generate` against drizzle-kit and the real servers needs: a project folder under
// node_modules/ with `mizzle` linked to npm-package (so a schema's `import ... from 'mizzle/pg-core'` loads what
// an installed package would, and drizzle-orm resolves from here), both kits run on it, snapshots compared, and a
// database of the test's own on PostgreSQL 15 (127.0.0.1:5432) or MariaDB 10.11 (127.0.0.1:3306).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle as drizzleBetter } from 'drizzle-orm/better-sqlite3';
import { migrate as migrateBetter } from 'drizzle-orm/better-sqlite3/migrator';
import mysql from 'mysql2/promise';
import pg from 'pg';

export const here = join(dirname(fileURLToPath(import.meta.url)), '..');
export const pkg = join(here, '../../npm-package');
export const bin = join(pkg, 'bundle/bin/mizzle-kit.js');
const drizzleKit = join(here, 'node_modules/.bin/drizzle-kit');

const { loadMigrator } = await import(join(pkg, 'bundle/node/wasm-migrator.js'));
export const engine = loadMigrator();

/** A temporary folder inside node_modules (removed after the tests unless KIT_KEEP is set). */
export function workspace(prefix) {
  const tmp = mkdtempSync(join(here, `node_modules/.${prefix}-`));
  after(() => process.env.KIT_KEEP || rmSync(tmp, { recursive: true, force: true }));
  return tmp;
}

/** A project in `tmp` with the schema `file` (of kit/), its imports pointed at `orm` ('mizzle' or 'drizzle'). */
export function project(tmp, name, file, orm) {
  const dir = join(tmp, name);
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(pkg, join(dir, 'node_modules/mizzle'));
  let text = readFileSync(join(here, 'kit', file), 'utf8');
  if (orm === 'mizzle') text = text.replaceAll("from 'drizzle-orm", "from 'mizzle");
  writeFileSync(join(dir, 'schema.ts'), text);
  return dir;
}

const versionEnv = (version) => ({ ...process.env, SCHEMA_VERSION: String(version), KIT_VERSION: String(version) });

/** mizzle-kit generate at `version`, with `env` added to the environment. */
export function mizzleKit(dir, version, args, dialect, env = {}) {
  const r = spawnSync(process.execPath, [bin, 'generate', '--dialect', dialect, '--schema', './schema.ts', ...args], {
    cwd: dir,
    env: { ...versionEnv(version), ...env },
    encoding: 'utf8',
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

/** drizzle-kit generate, without a terminal (stdin closed); it must exit 0 unless `mayFail`. */
export function drizzleKitGenerate(dir, version, out, dialect, { mayFail = false } = {}) {
  const args = ['generate', '--dialect', dialect, '--schema', './schema.ts', '--out', out, '--name', `v${version}`];
  const r = spawnSync(drizzleKit, args, {
    cwd: dir,
    env: versionEnv(version),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
  if (!mayFail) assert.equal(r.status, 0, `drizzle-kit v${version}: ${r.stdout}${r.stderr}`);
  return { status: r.status, out: r.stdout, err: r.stderr };
}

/** mizzle-kit with `args` in `dir`, the schema at `version` (SCHEMA_VERSION / KIT_VERSION). */
export function kit(dir, args, version = 1) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, env: versionEnv(version), encoding: 'utf8' });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

/** Every file under `dir` with its text: a folder's whole state, to show that nothing changed. */
export function tree(dir, base = dir, out = {}) {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) tree(p, base, out);
    else out[p.slice(base.length + 1)] = readFileSync(p, 'utf8');
  }
  return out;
}

const embedded = await import(join(pkg, 'bundle/node/sqlite-wasm.js'));
const embeddedMigrator = await import(join(pkg, 'bundle/node/sqlite-wasm-migrator.js'));
const { sql } = await import(join(pkg, 'bundle/node/index.js'));

/** The embedded SQLite under mizzle's migrator (`options` added to the migrate config). */
export async function openEmbedded() {
  const client = await embedded.createDatabase();
  const db = embedded.drizzle(client);
  return {
    migrate: (folder, options = {}) => embeddedMigrator.migrate(db, { migrationsFolder: folder, ...options }),
    all: async (q) => db.all(sql.raw(q)),
    exec: async (q) => client.exec(q),
  };
}

/** drizzle-orm 0.45's migrator on an in-memory better-sqlite3, in the shape of `openEmbedded`. */
export function openDrizzle() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  return {
    migrate: async (folder) => migrateBetter(drizzleBetter(db), { migrationsFolder: folder }),
    all: async (q) => db.prepare(q).all(),
    exec: async (q) => db.exec(q),
  };
}

/** A SQLite database (`all` of the shape above) read back by the engine: its snapshot. */
export async function introspect(db) {
  const [row] = await db.all(engine.schemaIntrospection('sqlite'));
  return engine.introspectedSnapshot('sqlite', Object.values(row)[0]);
}

/** A snapshot without what differs by construction (ids, the rename map), keys sorted. */
export function normal(snapshot) {
  const s = typeof snapshot === 'string' ? JSON.parse(snapshot) : structuredClone(snapshot);
  delete s.id;
  delete s.prevId;
  delete s._meta;
  const sort = (x) =>
    Array.isArray(x)
      ? x.map(sort)
      : x && typeof x === 'object'
        ? Object.fromEntries(
            Object.keys(x)
              .sort()
              .map((k) => [k, sort(x[k])]),
          )
        : x;
  return sort(s);
}

/** The paths where two JSON values differ, with both sides. */
export function differences(a, b, path = '', out = []) {
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      differences(a[k], b[k], path ? `${path}.${k}` : k, out);
    }
  } else if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path, mizzle: a, drizzle: b });
  return out;
}

export const lastSnapshot = (out) => {
  const files = readdirSync(join(out, 'meta'))
    .filter((f) => f.endsWith('_snapshot.json'))
    .sort();
  return readFileSync(join(out, 'meta', files.at(-1)), 'utf8');
};

const BREAK = '--> statement-breakpoint';

/** The statements of a folder's migrations from the `from`th on, by migration. */
function migrations(out, from) {
  const journal = JSON.parse(readFileSync(join(out, 'meta/_journal.json'), 'utf8'));
  return journal.entries.slice(from).map((e) => ({
    tag: e.tag,
    statements: readFileSync(join(out, `${e.tag}.sql`), 'utf8')
      .split(BREAK)
      .filter((s) => s.trim()),
  }));
}

/**
 * A database's methods: `apply(out, from)` runs a folder's migrations as drizzle's migrators do (PostgreSQL:
 * each in a transaction) and throws at the first failing statement; `applyEach(out, from)` runs every statement
 * on its own and returns those that fail, with the server's message, so that a folder that is wrong in one place
 * can still be compared everywhere else.
 */
function methods(run, snapshot, transactions) {
  return {
    async apply(out, from = 0) {
      for (const m of migrations(out, from)) {
        if (transactions) await run('begin');
        try {
          for (const s of m.statements) await run(s);
        } catch (e) {
          if (transactions) await run('rollback');
          throw new Error(`${m.tag}: ${e.message}`, { cause: e });
        }
        if (transactions) await run('commit');
      }
    },
    async applyEach(out, from = 0) {
      const failed = [];
      for (const m of migrations(out, from)) {
        for (const statement of m.statements) {
          try {
            await run(statement);
          } catch (e) {
            failed.push({ tag: m.tag, statement: statement.trim(), error: e.message });
          }
        }
      }
      return failed;
    },
    snapshot,
    query: run,
  };
}

let count = 0;
const dbName = () => `mizzle_kitseq_${process.pid}_${count++}`;

/** A PostgreSQL database of the caller's own, dropped after the tests. */
export async function pgDatabase() {
  const name = dbName();
  const admin = new pg.Client({ host: '127.0.0.1', user: 'postgres', database: 'test' });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const client = new pg.Client({ host: '127.0.0.1', user: 'postgres', database: name });
  await client.connect();
  after(async () => {
    await client.end();
    await admin.query(`drop database if exists ${name}`);
    await admin.end();
  });
  const run = async (q) => (await client.query(q)).rows;
  return methods(
    run,
    async () => {
      const rows = await run(engine.schemaIntrospection('postgresql'));
      return engine.introspectedSnapshot('postgresql', Object.values(rows[0])[0]);
    },
    true,
  );
}

/** A MariaDB database of the caller's own, dropped after the tests. */
export async function myDatabase() {
  const name = dbName();
  const admin = await mysql.createConnection({ host: '127.0.0.1', user: 'root', database: 'test' });
  await admin.query(`create database ${name}`);
  const client = await mysql.createConnection({ host: '127.0.0.1', user: 'root', database: name });
  after(async () => {
    await client.end();
    await admin.query(`drop database if exists ${name}`);
    await admin.end();
  });
  const run = async (q) => (await client.query(q))[0];
  return methods(
    run,
    async () => {
      const rows = await run(engine.schemaIntrospection('mysql'));
      return engine.introspectedSnapshot('mysql', Object.values(rows[0])[0]);
    },
    false,
  );
}
