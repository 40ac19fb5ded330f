// drizzle-zod (createSelectSchema / createInsertSchema / createUpdateSchema) on mizzle's tables of all three
// dialects, compared with the same tables declared with drizzle-orm (issue 13, "libraries that take a drizzle
// schema"). drizzle-zod imports its helpers from 'drizzle-orm' (`isTable`, `getTableColumns`, `is`, `Column`,
// `SQL`, `isView`, `getViewSelectedFields`), so an application on mizzle points that import at mizzle (a
// package alias, `"drizzle-orm": "npm:mizzle"`, or the bundler's). Here a module resolve hook does the same
// for one copy of drizzle-zod (loaded as `index.mjs?impl=mizzle`); the other copy uses drizzle-orm itself.
// Each sample row must be accepted or refused alike by both, with the same failing keys.
import assert from 'node:assert/strict';
import { createRequire, register } from 'node:module';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { PKG, requireBuiltPackage } from './lib/workers.mjs';

const MIZZLE_ROOT = pathToFileURL(join(PKG, 'dist/index.js')).href;
const ZOD_ENTRY = pathToFileURL(createRequire(import.meta.url).resolve('drizzle-zod')).href.replace(/\.cjs$/, '.mjs');

/** What drizzle-zod 0.8 imports from 'drizzle-orm' (its index.mjs). */
const ZOD_IMPORTS = ['isTable', 'getTableColumns', 'getViewSelectedFields', 'is', 'Column', 'SQL', 'isView'];

/** A resolve hook: `drizzle-orm` imported by the `?impl=mizzle` copy of drizzle-zod resolves to `target`. */
const hook = (target) => `
export async function resolve(specifier, context, next) {
  if (specifier === 'drizzle-orm' && context.parentURL?.endsWith('?impl=mizzle')) {
    return { url: ${JSON.stringify(target)}, shortCircuit: true };
  }
  return next(specifier, context);
}`;

/** The same tables per dialect, from either library's core module `c`. */
const TABLES = {
  sqlite: (c) =>
    c.sqliteTable('items', {
      id: c.integer().primaryKey({ autoIncrement: true }),
      name: c.text({ length: 5 }).notNull(),
      kind: c.text({ enum: ['a', 'b'] }).notNull(),
      score: c.real(),
      active: c.integer({ mode: 'boolean' }).notNull().default(true),
      at: c.integer({ mode: 'timestamp' }),
      meta: c.text({ mode: 'json' }),
    }),
  pg: (c) =>
    c.pgTable('items', {
      id: c.serial().primaryKey(),
      name: c.varchar({ length: 5 }).notNull(),
      kind: c.text({ enum: ['a', 'b'] }).notNull(),
      small: c.smallint(),
      uid: c.uuid(),
      active: c.boolean().notNull().default(true),
      at: c.timestamp(),
      meta: c.jsonb(),
    }),
  mysql: (c) =>
    c.mysqlTable('items', {
      id: c.int().autoincrement().primaryKey(),
      name: c.varchar({ length: 5 }).notNull(),
      kind: c.mysqlEnum(['a', 'b']).notNull(),
      tiny: c.tinyint({ unsigned: true }),
      body: c.text(),
      active: c.boolean().notNull().default(true),
      at: c.datetime(),
      meta: c.json(),
    }),
};

const CORE = { sqlite: 'sqlite-core', pg: 'pg-core', mysql: 'mysql-core' };

/** Rows each schema kind judges: valid ones, and ones with one bad or missing field each. */
const ROWS = {
  sqlite: [
    { id: 1, name: 'ann', kind: 'a', score: 1.5, active: true, at: new Date(0), meta: { x: 1 } },
    { id: 1, name: 'ann', kind: 'a', score: null, active: true, at: null, meta: null },
    { name: 'ann', kind: 'b' },
    { name: 'toolong', kind: 'a' },
    { name: 'ann', kind: 'c' },
    { name: 'ann', kind: 'a', active: 'yes' },
    { name: 'ann', kind: 'a', id: 1.5 },
    { kind: 'a' },
    {},
  ],
  pg: [
    { id: 1, name: 'ann', kind: 'a', small: 3, uid: null, active: true, at: new Date(0), meta: [1] },
    { name: 'ann', kind: 'a', uid: '8c0a4f3e-8b0f-4c51-9d0c-1f2e3d4c5b6a' },
    { name: 'ann', kind: 'a', uid: 'not-a-uuid' },
    { name: 'ann', kind: 'a', small: 40000 },
    { name: 'toolong', kind: 'a' },
    { name: 'ann', kind: 'a', at: '2024-01-01' },
    { kind: 'b' },
    {},
  ],
  mysql: [
    { id: 1, name: 'ann', kind: 'a', tiny: 200, body: 'x', active: false, at: new Date(0), meta: { a: [1] } },
    { name: 'ann', kind: 'b', tiny: 300 },
    { name: 'ann', kind: 'b', tiny: -1 },
    { name: 'ann', kind: 'b', body: 'y'.repeat(300) },
    { name: 'toolong', kind: 'a' },
    { name: 'ann', kind: 'z' },
    { kind: 'a' },
    {},
  ],
};

/** What a zod schema says of `row`: accepted, or the keys it refuses. */
function verdict(schema, row) {
  const r = schema.safeParse(row);
  return r.success ? 'ok' : [...new Set(r.error.issues.map((i) => i.path.join('.')))].sort();
}

let impls;
let missing;
before(async () => {
  requireBuiltPackage();
  const root = await import(MIZZLE_ROOT);
  missing = ZOD_IMPORTS.filter((n) => !(n in root));
  register(`data:text/javascript,${encodeURIComponent(hook(MIZZLE_ROOT))}`);
  const forMizzle = await import(`${ZOD_ENTRY}?impl=mizzle`);
  const forDrizzle = await import(ZOD_ENTRY);
  const load = (p) => import(pathToFileURL(join(PKG, p)).href);
  impls = {
    mizzle: { zod: forMizzle, core: (d) => load(`dist/${CORE[d]}/index.js`) },
    drizzle: { zod: forDrizzle, core: (d) => import(`drizzle-orm/${CORE[d]}`) },
  };
});

for (const d of ['sqlite', 'pg', 'mysql']) {
  test(`${d}: select, insert and update schemas judge rows as drizzle-zod on drizzle-orm's tables`, async () => {
    const judged = {};
    for (const [name, impl] of Object.entries(impls)) {
      const table = TABLES[d](await impl.core(d));
      const { createSelectSchema, createInsertSchema, createUpdateSchema } = impl.zod;
      const schemas = {
        select: createSelectSchema(table),
        insert: createInsertSchema(table),
        update: createUpdateSchema(table),
      };
      judged[name] = Object.fromEntries(
        Object.entries(schemas).map(([kind, s]) => [kind, ROWS[d].map((row) => verdict(s, row))]),
      );
    }
    assert.deepEqual(judged.mizzle, judged.drizzle);
    // The schemas do judge: each kind accepts some rows and refuses others.
    for (const kind of ['select', 'insert', 'update']) {
      assert.ok(judged.mizzle[kind].includes('ok'), `${kind} accepts a row`);
      assert.ok(
        judged.mizzle[kind].some((v) => v !== 'ok'),
        `${kind} refuses a row`,
      );
    }
  });
}

test("mizzle's root exports every name drizzle-zod imports from drizzle-orm", () => {
  assert.deepEqual(missing, []);
});
