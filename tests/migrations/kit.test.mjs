// drizzle-kit generate on a mizzle schema: for each dialect, the schema in kit/<dialect>.ts (written against
// drizzle-orm) is copied twice, once as is and once with its imports pointed at mizzle's node bundle, and
// drizzle-kit 0.31 (node_modules/.bin/drizzle-kit) generates each version of both into its own folder. The
// two folders must be the same bytes after normalising only what drizzle-kit randomises: the snapshots'
// `id`/`prevId` UUIDs (each replaced by its order of appearance in the folder, so the chain is still
// compared) and the journal's `when` timestamps. The first version is also generated with `--casing
// snake_case`, which reads column names through drizzle's table keys.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const kit = join(here, 'node_modules/.bin/drizzle-kit');
const bundle = join(here, '../../npm-package/bundle/node');
// Inside node_modules so that the drizzle copy resolves `drizzle-orm` from here.
const tmp = mkdtempSync(join(here, 'node_modules/.kit-'));
// KIT_KEEP=1 keeps the folders to look at a difference.
after(() => process.env.KIT_KEEP || rmSync(tmp, { recursive: true, force: true }));

const dialects = [
  { dialect: 'sqlite', file: 'sqlite.ts', core: 'sqlite-core', tables: 5 },
  { dialect: 'postgresql', file: 'pg.ts', core: 'pg-core', tables: 5 },
  { dialect: 'mysql', file: 'mysql.ts', core: 'mysql-core', tables: 4 },
];
const versions = [1, 2];

/** kit/<file> with `drizzle-orm` imports (as written) or mizzle's. */
function schemaCopy(d, orm) {
  let text = readFileSync(join(here, 'kit', d.file), 'utf8');
  if (orm === 'mizzle') {
    text = text
      .replaceAll(`'drizzle-orm/${d.core}'`, `'${join(bundle, `${d.core}.js`)}'`)
      .replaceAll("'drizzle-orm'", `'${join(bundle, 'index.js')}'`);
    assert.doesNotMatch(text, /from 'drizzle-orm/, 'every import points at mizzle');
  }
  const dir = join(tmp, d.dialect, orm);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'schema.ts'), text);
  return dir;
}

function generate(d, dir, version, out = 'out', extra = []) {
  const args = ['generate', '--dialect', d.dialect, '--schema', './schema.ts', '--out', `./${out}`];
  return execFileSync(kit, [...args, '--name', `v${version}`, ...extra], {
    cwd: dir,
    env: { ...process.env, KIT_VERSION: String(version) },
    encoding: 'utf8',
    stdio: 'pipe',
  });
}

/** Every file of `dir` by relative path, normalised as described at the top. */
function readFolder(dir) {
  const files = {};
  const walk = (rel) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      if (statSync(join(dir, path)).isDirectory()) walk(path);
      else files[path] = readFileSync(join(dir, path), 'utf8');
    }
  };
  walk('');
  const uuids = new Map();
  for (const [path, text] of Object.entries(files)) {
    files[path] = text
      .replace(/"(id|prevId)": "([0-9a-f-]{36})"/g, (_, key, id) => {
        if (!uuids.has(id)) uuids.set(id, uuids.size);
        return `"${key}": "uuid-${uuids.get(id)}"`;
      })
      .replace(/"when": \d+/g, '"when": 0');
  }
  return files;
}

for (const d of dialects) {
  test(`drizzle-kit generate writes the same folder for ${d.dialect} with drizzle-orm and mizzle imports`, () => {
    const dirs = { drizzle: schemaCopy(d, 'drizzle'), mizzle: schemaCopy(d, 'mizzle') };
    // Both versions into out/, and the first once more with drizzle-kit renaming key-named columns.
    const runs = [...versions.map((v) => [v, 'out', []]), [1, 'out-casing', ['--casing', 'snake_case']]];
    for (const [version, out, extra] of runs) {
      for (const orm of ['drizzle', 'mizzle']) {
        const said = generate(d, dirs[orm], version, out, extra);
        assert.match(said, /Your SQL migration file/, `${orm} ${out} v${version}: a migration is written`);
      }
    }
    for (const out of ['out', 'out-casing']) {
      const drizzle = readFolder(join(dirs.drizzle, out));
      const mizzle = readFolder(join(dirs.mizzle, out));
      // The comparison is only meaningful if drizzle's own folder holds the whole schema.
      const first = Object.entries(drizzle).find(([p]) => p.endsWith('.sql'))[1];
      assert.equal(first.match(/CREATE TABLE/g)?.length, d.tables, 'drizzle-orm: every table is created');
      assert.deepEqual(Object.keys(mizzle), Object.keys(drizzle));
      for (const path of Object.keys(drizzle)) assert.equal(mizzle[path], drizzle[path], `${out}/${path}`);
    }
  });
}

// What drizzle-kit cannot read the same way from mizzle is named by kitUnreadable (for mizzle-kit to refuse).
test('kitUnreadable names query-builder views and engine-only SQL, and nothing in a readable schema', async () => {
  const { kitUnreadable } = await import('../../npm-package/bundle/node/kit.js');
  const { count, eq, sql } = await import(join(bundle, 'index.js'));
  const { check, index, integer, sqliteTable, sqliteView, text } = await import(join(bundle, 'sqlite-core.js'));
  const users = sqliteTable(
    'users',
    { id: integer().primaryKey(), name: text().default(sql`'x'`), n: integer().generatedAlwaysAs(sql`id + 1`) },
    (t) => [check('n_ok', sql`${t.n} > 0`), index('by_name').on(t.name).where(eq(t.id, 1))],
  );
  const named = sqliteView('named', { id: integer() }).as(sql`select id from users`);
  assert.deepEqual(kitUnreadable({ users, named, other: 1 }), []);

  const bad = sqliteTable('bad', { id: integer() }, (t) => [check('bad_n', sql`${count()} > ${t.id}`)]);
  const built = sqliteView('built').as((qb) => qb.select().from(users));
  const problems = kitUnreadable({ bad, built });
  assert.equal(problems.length, 2, problems.join('\n'));
  assert.match(problems[0], /^table bad, check: .*cannot read a subquery, exists, aggregate/);
  assert.match(problems[1], /^view built \(built\): declared with a query builder/);
});
