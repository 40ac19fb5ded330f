// The two ORMs under test, loaded the same way through the same API (drizzle-orm 0.45's):
// `drizzle` from the D1 driver over a stub binding that refuses to execute, so only query
// building and SQL generation are exercised. mizzle resolves to ../../npm-package (the
// `file:` devDependency: its built dist/ and wasm/, Node conditions); drizzle-orm is pinned
// in this folder's package.json.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = fileURLToPath(new URL('..', import.meta.url));
export const PKG = fileURLToPath(new URL('../../../npm-package/', import.meta.url));

/** Package name -> how the bench imports it (root, schema, D1 driver). */
export const ORMS = [
  { key: 'mizzle', pkg: 'mizzle' },
  { key: 'drizzle', pkg: 'drizzle-orm' },
];

/** Fails early, with the fix, when an install or build is missing. */
export function requirePrereqs() {
  for (const f of [
    'dist/index.js',
    'dist/d1/index.js',
    'dist/wasm/engine.node.js',
    'wasm/engine/mizzle_engine_bg.wasm',
    'wasm/embedded/mizzle_embedded_bg.wasm',
  ]) {
    if (!existsSync(join(PKG, f))) {
      throw new Error(
        `npm-package/${f} is missing: build mizzle first ` +
          '(node scripts/build-wasm.mjs && cd npm-package && npx tsc -p .)',
      );
    }
  }
  for (const d of [
    'drizzle-orm',
    'esbuild',
    'mizzle',
    'sql.js',
    'better-sqlite3',
    '@sqlite.org/sqlite-wasm',
    'miniflare',
    '@neondatabase/serverless',
    '@planetscale/database',
  ]) {
    if (!existsSync(join(HERE, 'node_modules', d, 'package.json'))) {
      throw new Error(`tests/bench/node_modules/${d} is missing: run ./x setup (or npm install in tests/bench)`);
    }
  }
}

/** Installed version of a package of this folder (mizzle: the linked npm-package). */
export function versionOf(pkg) {
  return JSON.parse(readFileSync(join(HERE, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

/** A D1 binding that builds nothing and refuses to run: the bench only calls toSQL(). */
export const STUB_D1 = {
  prepare() {
    throw new Error('bench: the stub D1 binding executes nothing');
  },
  batch() {
    throw new Error('bench: the stub D1 binding executes nothing');
  },
};

/** Loads one ORM: `{ key, pkg, version, drizzle, sqliteTable, integer, text, eq }`. */
export async function loadOrm({ key, pkg }) {
  const [root, core, d1] = await Promise.all([import(pkg), import(`${pkg}/sqlite-core`), import(`${pkg}/d1`)]);
  return {
    key,
    pkg,
    version: versionOf(pkg),
    drizzle: d1.drizzle,
    sqliteTable: core.sqliteTable,
    integer: core.integer,
    text: core.text,
    eq: root.eq,
  };
}

/** The schema of the measured query: the same definition for both ORMs. */
export function usersTable(orm) {
  const { sqliteTable, integer, text } = orm;
  return sqliteTable('users', {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    email: text('email'),
  });
}

/** Width of the generated tables used to make never-seen shapes (id + WIDE - 1 text columns). */
export const WIDE = 24;

/**
 * Never-seen query shapes for the "first time" case, in the same sequence for both ORMs:
 * shape i selects three distinct columns, in a given order, of table `wide_<k>` (24
 * columns) and filters on its id, i.e. the same SQL form as the measured query
 * (`select a, b, c from t where t.id = ?`). Ordered triples give 24*23*22 = 12144 shapes
 * per table; tables are created as needed. `take(n)` builds the next n shapes (tables and
 * field objects), always before timing.
 */
export class ShapeStream {
  constructor(orm) {
    this.orm = orm;
    this.next = 0;
    this.table = undefined;
    this.cols = undefined;
  }

  /** Skips the next n shapes (e.g. ones another stream of the same sequence already compiled). */
  skip(count) {
    this.next += count;
    this.table = undefined;
    return this;
  }

  take(count) {
    const perTable = WIDE * (WIDE - 1) * (WIDE - 2);
    const out = new Array(count);
    for (let j = 0; j < count; j++, this.next++) {
      const i = this.next;
      if (i % perTable === 0 || this.table === undefined) {
        const def = { id: this.orm.integer('id').primaryKey() };
        for (let c = 1; c < WIDE; c++) def[`c${c}`] = this.orm.text(`c${c}`);
        this.table = this.orm.sqliteTable(`wide_${Math.floor(i / perTable)}`, def);
        this.cols = Object.keys(def);
      }
      let r = i % perTable;
      const a = r % WIDE;
      r = Math.floor(r / WIDE);
      const rest = this.cols.filter((_, k) => k !== a);
      const b = r % (WIDE - 1);
      const rest2 = rest.filter((_, k) => k !== b);
      const c = Math.floor(r / (WIDE - 1));
      const fields = {};
      for (const name of [this.cols[a], rest[b], rest2[c]]) fields[name] = this.table[name];
      out[j] = { table: this.table, fields };
    }
    return out;
  }
}

/**
 * The measured work, as source text so the label in BENCHMARKS.md is exactly what runs.
 * Each ORM gets its own compiled copy of each loop (new Function), so the bench's own call
 * sites never see both libraries' objects (no shared, polymorphic inline caches).
 */
export const QUERY_TEXT = 'db.select().from(users).where(eq(users.id, 1))';
export const SHAPE_TEXT = 'db.select(s.fields).from(s.table).where(eq(s.table.id, 1))';

export function makeLoops() {
  return {
    /** n times: build the measured query and get its SQL. */
    repeated: new Function(
      'db',
      'users',
      'eq',
      'n',
      `let r; for (let i = 0; i < n; i++) r = ${QUERY_TEXT}.toSQL(); return r;`,
    ),
    /** shapes[start .. start + n): one never-seen shape each. */
    shapes: new Function(
      'db',
      'eq',
      'shapes',
      'start',
      'n',
      `let r; for (let i = start; i < start + n; i++) { const s = shapes[i]; r = ${SHAPE_TEXT}.toSQL(); } return r;`,
    ),
  };
}

/**
 * Whether two `toSQL()` results say the same thing. Exactly equal, or equal once the
 * table qualifier is dropped from the select list of a one-table select: drizzle-orm
 * writes `select "id" from "users"`, mizzle `select "users"."id" from "users"`
 * (tests/conformance/DIFFERENCES.md, "toSQL of a select"). Parameters must be identical.
 * Returns 'identical', 'qualifier', or throws with both texts.
 */
export function sameSql(m, d, what) {
  const params = JSON.stringify(m.params) === JSON.stringify(d.params);
  if (params && m.sql === d.sql) return 'identical';
  const unqualify = (sql) => {
    const match = /^select (.*?) from "((?:[^"]|"")+)"( .*)?$/s.exec(sql);
    if (!match) return sql;
    const [, list, table, rest = ''] = match;
    return `select ${list.split(`"${table}".`).join('')} from "${table}"${rest}`;
  };
  if (params && unqualify(m.sql) === d.sql) return 'qualifier';
  throw new Error(
    `${what}: mizzle and drizzle-orm disagree\n` +
      `  mizzle:      ${m.sql}  ${JSON.stringify(m.params)}\n` +
      `  drizzle-orm: ${d.sql}  ${JSON.stringify(d.params)}`,
  );
}

/**
 * mizzle's engine behind `db` (internal; used only for its `compiles` counter, the shapes
 * compiled through wasm: it proves that "first time" shapes miss and repeated ones hit).
 */
export function shapeEngineOf(db) {
  const engine = db?.session?.engine;
  return typeof engine?.compiles === 'number' ? engine : undefined;
}
