// Decode (BENCHMARKS.md, "Decode"): one select of 10,000 rows with timestamp, boolean, JSON and
// blob columns, through each ORM and through each SQLite driver without an ORM (hand mapping
// to the ORM's JS shapes), all in this process:
//   mizzle on its embedded database (`mizzle/sqlite-wasm`: SQLite compiled to wasm inside mizzle)
//   drizzle-orm on sql.js (SQLite compiled to wasm by emscripten: the same kind of engine)
//   drizzle-orm on better-sqlite3 (native SQLite: for reference)
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PKG } from './orms.mjs';

export const ROWS = 10_000;
const require = createRequire(import.meta.url);

const FILL =
  `with recursive n(i) as (select 1 union all select i + 1 from n where i < ${ROWS})\n` +
  'insert into items (id, name, created_at, active, data, payload)\n' +
  "select i, 'user ' || i, 1700000000 + i, i % 2, " +
  "json_object('i', i, 'tags', json_array('a', 'b'), 'name', 'user ' || i), cast(printf('%032d', i) as blob) from n";
const CREATE =
  'create table items (id integer primary key, name text not null, created_at integer not null, ' +
  'active integer not null, data text not null, payload blob not null)';
export const RAW_SQL = 'select "id", "name", "created_at", "active", "data", "payload" from "items"';

function itemsTable(core) {
  const { sqliteTable, integer, text, blob } = core;
  return sqliteTable('items', {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
    active: integer('active', { mode: 'boolean' }).notNull(),
    data: text('data', { mode: 'json' }).notNull(),
    payload: blob('payload', { mode: 'buffer' }).notNull(),
  });
}

/** Hand mapping of one raw row (positional or by name) to the ORMs' JS shape. */
const mapRow = (id, name, createdAt, active, data, payload) => ({
  id,
  name,
  createdAt: new Date(createdAt * 1000),
  active: active !== 0,
  data: JSON.parse(data),
  payload,
});

/** Sets up every contender; returns `{ contenders: {key: () => rows}, info }`. */
export async function setupDecode() {
  const info = {};
  const c = {};
  // mizzle, embedded
  const mw = await import('mizzle/sqlite-wasm');
  const mcore = await import('mizzle/sqlite-core');
  const client = await mw.createDatabase();
  client.exec(CREATE);
  client.exec(FILL);
  const mdb = mw.drizzle(client);
  const mitems = itemsTable(mcore);
  c.mizzle = () => mdb.select().from(mitems).all();
  // mizzle raw: the client's wasm Database (client.db.query: SQL + encoded params -> rows
  // buffer) and the package's own buffer decoder (internal module, imported by path).
  const { decodeRows, encodeParams } = await import(pathToFileURL(join(PKG, 'dist/sqlite-wasm/buffers.js')).href);
  const noParams = encodeParams([]);
  const noCodecs = new Uint8Array(0);
  c.mizzleRaw = () => {
    const { rows } = decodeRows(client.db.query(RAW_SQL, noParams, noCodecs));
    const out = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      out[i] = mapRow(r[0], r[1], r[2], r[3], r[4], r[5]);
    }
    return out;
  };
  info.mizzleSqlite = String(
    client.db.query('select sqlite_version()', noParams, noCodecs) &&
      decodeRows(client.db.query('select sqlite_version()', noParams, noCodecs)).rows[0][0],
  );

  const dcore = await import('drizzle-orm/sqlite-core');
  const ditems = itemsTable(dcore);
  // drizzle-orm + sql.js (wasm from node_modules/sql.js/dist)
  const initSqlJs = require('sql.js');
  const sqlJsDir = dirname(require.resolve('sql.js'));
  const SQL = await initSqlJs({ locateFile: (f) => join(sqlJsDir, f) });
  const sdb = new SQL.Database();
  sdb.run(CREATE);
  sdb.run(FILL);
  const { drizzle: dSqlJs } = await import('drizzle-orm/sql-js');
  const dsj = dSqlJs(sdb);
  c.drizzleSqlJs = () => dsj.select().from(ditems).all();
  c.sqlJsRaw = () => {
    const stmt = sdb.prepare(RAW_SQL);
    const out = [];
    try {
      while (stmt.step()) {
        const r = stmt.get();
        out.push(mapRow(r[0], r[1], r[2], r[3], r[4], Buffer.from(r[5]))); // drizzle-orm's buffer mode gives a Buffer
      }
    } finally {
      stmt.free();
    }
    return out;
  };
  info.sqlJsSqlite = sdb.exec('select sqlite_version()')[0].values[0][0];

  // drizzle-orm + better-sqlite3 (native)
  const Database = require('better-sqlite3');
  const bdb = new Database(':memory:');
  bdb.exec(CREATE);
  bdb.exec(FILL);
  const { drizzle: dBs3 } = await import('drizzle-orm/better-sqlite3');
  const dbs = dBs3(bdb);
  c.drizzleBs3 = () => dbs.select().from(ditems).all();
  const bstmt = bdb.prepare(RAW_SQL);
  c.bs3Raw = () => {
    const rows = bstmt.all();
    const out = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      out[i] = mapRow(r.id, r.name, r.created_at, r.active, r.data, r.payload);
    }
    return out;
  };
  info.bs3Sqlite = bdb.prepare('select sqlite_version() v').get().v;
  return { contenders: c, info };
}

/** Every contender returns ROWS rows equal (blobs as byte lists) to mizzle's. */
export function checkDecode(contenders) {
  const norm = (rows) =>
    JSON.stringify(rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), payload: Array.from(r.payload) })));
  const want = norm(contenders.mizzle());
  const kinds = {};
  for (const [k, f] of Object.entries(contenders)) {
    const rows = f();
    if (rows.length !== ROWS) throw new Error(`decode ${k}: ${rows.length} rows, want ${ROWS}`);
    if (norm(rows) !== want)
      throw new Error(
        `decode ${k}: rows differ from mizzle's\n  ${norm([rows[1]])}\n  ${norm([contenders.mizzle()[1]])}`,
      );
    kinds[k] = rows[0].payload?.constructor?.name;
  }
  return { payloadTypes: kinds };
}

/** Ratio of a to b from `alternate()`'s per-key results (paired by round). */
export function pairRatio(res, a, b) {
  const pa = res[a].perOpNs;
  const pb = res[b].perOpNs;
  const paired = pa.map((x, i) => x / pb[i]);
  return {
    of: `${a}/${b}`,
    medians: res[a].medianNs / res[b].medianNs,
    pairedMin: Math.min(...paired),
    pairedMax: Math.max(...paired),
  };
}

/** The relational benchmark's tables: 100 parents x 10 children. */
const REL_DDL = [
  'create table parents (id integer primary key, name text not null)',
  'create table children (id integer primary key, parent_id integer not null, name text not null)',
  // The foreign key's index, as any real schema has: without it every parent's subquery scans all children.
  'create index children_parent_id on children (parent_id)',
  'with recursive n(i) as (select 1 union all select i + 1 from n where i < 100) ' +
    "insert into parents select i, 'parent ' || i from n",
  'with recursive n(i) as (select 1 union all select i + 1 from n where i < 1000) ' +
    "insert into children select i, (i - 1) / 10 + 1, 'child ' || i from n",
];

/** The raw SQL of the hand-mapped baselines: one join, grouped in JS. */
const REL_RAW_SQL =
  'select p.id, p.name, c.id, c.parent_id, c.name from parents p ' +
  'left join children c on c.parent_id = p.id order by p.id, c.id';

/** Groups `[pid, pname, cid, cparent, cname]` rows (ordered by parent) into the ORMs' shape. */
function groupParents(rows) {
  const out = [];
  let last;
  for (const r of rows) {
    if (!last || last.id !== r[0]) {
      last = { id: r[0], name: r[1], children: [] };
      out.push(last);
    }
    if (r[2] !== null) last.children.push({ id: r[2], parentId: r[3], name: r[4] });
  }
  return out;
}

function relSchema(core, relations) {
  const { sqliteTable, integer, text } = core;
  const parents = sqliteTable('parents', { id: integer('id').primaryKey(), name: text('name').notNull() });
  const children = sqliteTable('children', {
    id: integer('id').primaryKey(),
    parentId: integer('parent_id').notNull(),
    name: text('name').notNull(),
  });
  return {
    parents,
    children,
    parentsRelations: relations(parents, ({ many }) => ({ children: many(children) })),
    childrenRelations: relations(children, ({ one }) => ({
      parent: one(parents, { fields: [children.parentId], references: [parents.id] }),
    })),
  };
}

/**
 * Relational end to end: `db.query.parents.findMany({ with: { children: true } })` over 100
 * parents x 10 children: mizzle on its embedded database, drizzle-orm on better-sqlite3, and
 * each SQLite without an ORM (one join, hand-grouped). Also returns `build`: building the same
 * query to SQL (`toSQL()`, repeated shape) in each ORM.
 */
export async function setupRelational() {
  // mizzle, embedded
  const mw = await import('mizzle/sqlite-wasm');
  const mschema = relSchema(await import('mizzle/sqlite-core'), (await import('mizzle')).relations);
  const client = await mw.createDatabase();
  for (const s of REL_DDL) client.exec(s);
  const mdb = mw.drizzle(client, { schema: mschema });
  const { decodeRows, encodeParams } = await import(pathToFileURL(join(PKG, 'dist/sqlite-wasm/buffers.js')).href);
  const noParams = encodeParams([]);
  const noCodecs = new Uint8Array(0);

  // drizzle-orm, better-sqlite3
  const dschema = relSchema(await import('drizzle-orm/sqlite-core'), (await import('drizzle-orm')).relations);
  const Database = require('better-sqlite3');
  const bdb = new Database(':memory:');
  for (const s of REL_DDL) bdb.exec(s);
  const { drizzle: dBs3 } = await import('drizzle-orm/better-sqlite3');
  const db1 = dBs3(bdb, { schema: dschema });
  const braw = bdb.prepare(REL_RAW_SQL).raw(true);

  // Not on sql.js: drizzle-orm 0.45.4's sql-js driver returns the nested rows as an unparsed
  // JSON string (children: "[[1,1,...]]"), so that figure would not be comparable.
  const c = {
    mizzle: () => mdb.query.parents.findMany({ with: { children: true } }).sync(),
    mizzleRaw: () => groupParents(decodeRows(client.db.query(REL_RAW_SQL, noParams, noCodecs)).rows),
    drizzleBs3: () => db1.query.parents.findMany({ with: { children: true } }).sync(),
    bs3Raw: () => groupParents(braw.all()),
  };
  const want = JSON.stringify(c.bs3Raw());
  for (const [k, f] of Object.entries(c)) {
    const r = f();
    if (r.length !== 100 || r.some((p) => p.children.length !== 10))
      throw new Error(
        `relational ${k}: want 100 parents x 10 children, got ${r.length}: ${JSON.stringify(r[0]).slice(0, 200)}`,
      );
    if (JSON.stringify(r) !== want)
      throw new Error(
        `relational ${k}: rows differ from the hand-mapped join\n` +
          `  ${JSON.stringify(r[0])}\n  ${JSON.stringify(JSON.parse(want)[0])}`,
      );
  }
  const build = {
    mizzle: () => mdb.query.parents.findMany({ with: { children: true } }).toSQL(),
    drizzleBs3: () => db1.query.parents.findMany({ with: { children: true } }).toSQL(),
  };
  return { contenders: c, build };
}
