// `mizzle-kit push` (issue 16 item 3) on the real servers: PostgreSQL 15 through the Neon stand-in, MariaDB
// 10.11 through the PlanetScale stand-in, each with a database of this run's own. For each dialect's feature
// schema (kit/pg.ts, kit/mysql.ts: every DSL feature):
//   - push v1 creates it; a second push finds nothing to do (the server's reprint of a check, an index, a
//     default, a generated column or a view is not a change);
//   - push v2 adds what v2 adds and keeps the rows; again nothing to do after;
//   - a drop of a column and a table: exit 3 and nothing ran without --force, applied with it;
//   - a rename is never guessed: exit 3 without --rename, the values kept with it.
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { startNeon } from '../standins/neon.mjs';
import { startPlanetScale } from '../standins/planetscale.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, '../../npm-package');
const bin = join(pkg, 'bundle/bin/mizzle-kit.js');
const tmp = mkdtempSync(join(here, 'node_modules/.kit-push-'));
const DB = `mizzle_kit_push_${process.pid}`;
const PG = { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' };
const MY = { host: '127.0.0.1', port: 3306, user: 'root', password: '' };

let pgAdmin;
let pgClient;
let my;
let neon;
let ps;

before(async () => {
  pgAdmin = new pg.Client(PG);
  await pgAdmin.connect();
  await pgAdmin.query(`create database ${DB}`);
  pgClient = new pg.Client({ ...PG, database: DB });
  await pgClient.connect();
  my = await mysql.createConnection(MY);
  await my.query(`create database ${DB}`);
  neon = await startNeon({ pg: { ...PG, database: DB } });
  ps = await startPlanetScale({ mysql: { ...MY, database: DB }, sessionIdleMs: 2000 });
});
after(async () => {
  await Promise.allSettled([pgClient?.end(), neon?.close?.(), ps?.close?.()]);
  await pgAdmin?.query(`drop database if exists ${DB}`);
  await my?.query(`drop database if exists ${DB}`);
  await Promise.allSettled([pgAdmin?.end(), my?.end()]);
  if (!process.env.KEEP) rmSync(tmp, { recursive: true, force: true });
});

/** A project whose schema.ts is `text` (or kit/<file> with its imports pointed at mizzle). */
function project(name, { file, text }) {
  const dir = join(tmp, name);
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(pkg, join(dir, 'node_modules/mizzle'));
  const body = text ?? readFileSync(join(here, 'kit', file), 'utf8').replaceAll("from 'drizzle-orm", "from 'mizzle");
  writeFileSync(join(dir, 'schema.ts'), body);
  return dir;
}

/**
 * `mizzle-kit push` in `dir` with the schema's KIT_VERSION; never a terminal, so nothing is asked. Not
 * spawnSync: the stand-ins serve from this process.
 */
function push(dir, dialect, version, args = [], { config = false } = {}) {
  const flags = config ? [] : ['--dialect', dialect, '--schema', './schema.ts', '--url', urlOf(dialect)];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, 'push', ...flags, ...args],
      {
        cwd: dir,
        env: { PATH: process.env.PATH, KIT_VERSION: String(version), KIT_MARIADB: '1', MIZZLE_NEON_ENDPOINT: neon.url },
        timeout: 120_000,
      },
      (error, out, err) => resolve({ code: error ? (error.code ?? -1) : 0, out, err }),
    );
  });
}

const urlOf = (dialect) => (dialect === 'postgresql' ? `postgresql://postgres@127.0.0.1:5432/${DB}` : ps.url);

const applied = (r) => Number(/^applied (\d+) statements?/m.exec(r.out)?.[1] ?? Number.NaN);

/** A schema of table `people` (an id and text `columns`), and of table `pets` too when `pets`. */
function people(dialect, columns, pets) {
  const [core, table, int] =
    dialect === 'postgresql' ? ['pg-core', 'pgTable', 'integer'] : ['mysql-core', 'mysqlTable', 'int'];
  const cols = columns.map((c) => `${c}: text('${c}')`).join(', ');
  return (
    `import { ${table}, ${int}, text } from 'mizzle/${core}';\n` +
    `export const people = ${table}('people', { id: ${int}('id').primaryKey(), ${cols} });\n` +
    (pets ? `export const pets = ${table}('pets', { id: ${int}('id').primaryKey() });\n` : '')
  );
}

const dialects = {
  postgresql: {
    file: 'pg.ts',
    query: async (q) => (await pgClient.query(q)).rows,
    tables: async () =>
      (
        await pgClient.query(
          "select table_schema || '.' || table_name as t from information_schema.tables " +
            "where table_schema in ('public', 'app') order by 1",
        )
      ).rows.map((r) => r.t),
    reset: () => pgClient.query('drop schema if exists app cascade; drop schema public cascade; create schema public'),
  },
  mysql: {
    file: 'mysql.ts',
    query: async (q) => (await my.query(q.replaceAll('"', '`')))[0],
    tables: async () =>
      (
        await my.query(`select table_name as t from information_schema.tables where table_schema = '${DB}' order by 1`)
      )[0].map((r) => r.t ?? r.T ?? r.TABLE_NAME),
    reset: async () => {
      await my.query(`drop database ${DB}`);
      await my.query(`create database ${DB}`);
    },
  },
};

for (const [dialect, d] of Object.entries(dialects)) {
  const use = async (q) => {
    if (dialect === 'mysql') await my.query(`use ${DB}`);
    return d.query(q);
  };

  describe(`${dialect}: mizzle-kit push`, () => {
    test(`every DSL feature (kit/${d.file}): create, then nothing; add, then nothing`, async () => {
      await d.reset();
      const dir = project(`${dialect}-features`, { file: d.file });

      const first = await push(dir, dialect, 1);
      assert.equal(first.code, 0, first.err);
      assert.ok(applied(first) > 5, first.out);
      const again = await push(dir, dialect, 1, ['--verbose']);
      assert.equal(again.code, 0, again.err);
      assert.match(again.out, /no changes: the database matches the schema/, again.out);

      await use(`insert into "users" ("email", "handle") values ('a@x', 'ann')`);
      const v2 = await push(dir, dialect, 2);
      assert.equal(v2.code, 0, v2.err);
      assert.ok(applied(v2) >= 4, v2.out);
      assert.ok((await d.tables()).some((t) => t.endsWith('tags')));
      const rows = await use(`select "email", "age" from "users"`);
      assert.deepEqual(
        rows.map((r) => [r.email, Number(r.age)]),
        [['a@x', 18]],
      );
      const v2again = await push(dir, dialect, 2, ['--verbose']);
      assert.match(v2again.out, /no changes/, v2again.out);

      if (dialect === 'postgresql') {
        // Back to v1 would remove an enum value, which PostgreSQL cannot: refused before anything runs.
        const back = await push(dir, dialect, 1, ['--force']);
        assert.equal(back.code, 2, back.out + back.err);
        assert.match(back.err, /mood.*PostgreSQL can only add values/);
      }
    });

    test('a drop: exit 3 and nothing ran without --force; applied with it, the other values kept', async () => {
      await d.reset();
      const dir = project(`${dialect}-drop`, { text: people(dialect, ['name', 'nick'], true) });
      assert.equal((await push(dir, dialect, 1)).code, 0);
      await use(`insert into "people" ("id", "name", "nick") values (1, 'Ada', 'a')`);
      writeFileSync(join(dir, 'schema.ts'), people(dialect, ['name'], false));
      const before = await d.tables();
      const refused = await push(dir, dialect, 1);
      assert.equal(refused.code, 3, refused.out + refused.err);
      assert.match(refused.err, /would lose data.*--force/);
      assert.match(refused.err, /drops column "people"\."nick"/);
      assert.match(refused.err, /drops table "(public\.)?pets"/);
      assert.deepEqual(await d.tables(), before);
      assert.deepEqual(
        (await use(`select "nick" from "people"`)).map((r) => r.nick),
        ['a'],
      );
      const forced = await push(dir, dialect, 1, ['--force']);
      assert.equal(forced.code, 0, forced.err);
      assert.match(forced.out, /applied 2 statements, 2 of them dropping or converting data/);
      assert.ok(!(await d.tables()).some((t) => t.endsWith('pets')));
      assert.deepEqual(await use(`select * from "people"`), [{ id: 1, name: 'Ada' }]);
      assert.match((await push(dir, dialect, 1)).out, /no changes/);
    });

    test("a config file's tablesFilter: a table outside it is neither dropped nor reported", async () => {
      await d.reset();
      const dir = project(`${dialect}-filter`, { text: people(dialect, ['name'], false) });
      await use('create table "legacy_audit" ("id" int primary key)');
      const config = (filter) => {
        const c = { dialect, schema: './schema.ts', dbCredentials: { url: urlOf(dialect) }, ...filter };
        return `export default ${JSON.stringify(c)};\n`;
      };
      writeFileSync(join(dir, 'mizzle.config.mjs'), config({ tablesFilter: ['!legacy_*'] }));
      const first = await push(dir, dialect, 1, [], { config: true });
      assert.equal(first.code, 0, first.err);
      assert.match(first.out, /applied 1 statement /);
      assert.match((await push(dir, dialect, 1, [], { config: true })).out, /no changes/);
      // Without the filter the same table is the schema's to drop: refused without --force.
      writeFileSync(join(dir, 'mizzle.config.mjs'), config({}));
      const unfiltered = await push(dir, dialect, 1, [], { config: true });
      assert.equal(unfiltered.code, 3, unfiltered.out + unfiltered.err);
      assert.match(unfiltered.err, /drops table "(public\.)?legacy_audit"/);
      assert.ok((await d.tables()).some((t) => t.endsWith('legacy_audit')));
    });

    test('a rename is never guessed: exit 3 without --rename, the values kept with it', async () => {
      await d.reset();
      const dir = project(`${dialect}-rename`, { text: people(dialect, ['name'], false) });
      assert.equal((await push(dir, dialect, 1)).code, 0);
      await use(`insert into "people" ("id", "name") values (1, 'Ada')`);
      writeFileSync(join(dir, 'schema.ts'), people(dialect, ['full_name'], false));
      const asked = await push(dir, dialect, 1);
      assert.equal(asked.code, 3, asked.out + asked.err);
      assert.match(asked.err, /--rename people\.name=full_name/);
      const renamed = await push(dir, dialect, 1, ['--rename', 'people.name=full_name']);
      assert.equal(renamed.code, 0, renamed.err);
      assert.deepEqual(
        (await use(`select "full_name" from "people"`)).map((r) => r.full_name),
        ['Ada'],
      );
    });
  });
}

test('a SQLite config is refused with where to push it instead (exit 2)', () => {
  const dir = project('sqlite', { text: 'export const x = 1;\n' });
  const r = spawnSync(process.execPath, [bin, 'push', '--dialect', 'sqlite', '--schema', './schema.ts', '--url', 'x'], {
    cwd: dir,
    encoding: 'utf8',
  });
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /durable-sqlite\/migrator/);
});
