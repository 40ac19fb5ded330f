// The seeded generator of the differential fuzzer: a schema, hostile rows and random statements, all as
// JavaScript source text, so that one program drives mizzle and drizzle-orm alike (each run gets its own
// library's modules) and a failure prints as a self-contained reproduction. One generator for every dialect:
// the column kinds, names and API surface come from dialects.mjs (`schema.dialect`).
import { DIALECTS } from './dialects.mjs';
import { extraStatement, extraWhere } from './extras.mjs';

/** mulberry32: a tiny seeded PRNG (32-bit state), enough for reproducible test data. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
    some: (xs, lo, hi) => {
      const pool = [...xs];
      const out = [];
      for (let n = r.int(lo, Math.min(hi, pool.length)); n > 0; n--)
        out.push(pool.splice(r.int(0, pool.length - 1), 1)[0]);
      return out;
    },
  };
  return r;
}

const q = (s) => JSON.stringify(s);
const kindOf = (schema, c) => schema.dialect.kinds[c.kind];
/**
 * One value of a column's kind: a refused one now and then only, so that most statements run rather than fail
 * alike on both sides (SQLite's kinds have none: no draw, so its seeds replay as before).
 */
export const pickValue = (r, schema, c) => {
  const { values, bad } = kindOf(schema, c);
  return bad.length && r.chance(0.04) ? r.pick(bad) : r.pick(values);
};

/** 0-4 values of a column's kind; a refused one among them now and then (none for SQLite: no draw). */
function someValues(r, schema, c) {
  const { values, bad } = kindOf(schema, c);
  return r.some([...values, ...(bad.length && r.chance(0.04) ? bad : [])], 0, 4);
}

/** A value for a column (`valid`: only values the server accepts, for the seed rows). */
export const randomValue = (r, schema, col, valid = false) =>
  col.nullable && r.chance(0.12) ? 'null' : valid ? r.pick(kindOf(schema, col).values) : pickValue(r, schema, col);

/**
 * A schema: 2-4 tables with hostile names; table 0 is the parent of the others (`ref` columns, relations).
 * @param {'sqlite' | 'pg' | 'mysql'} dialectName
 */
export function genSchema(r, dialectName = 'sqlite') {
  const dialect = DIALECTS[dialectName];
  const names = r.some(dialect.tables, 2, 4);
  // Some schemas without blob columns: drizzle-orm's relational queries throw on blobs (known.mjs), so only
  // these compare mizzle's relational results with anything.
  const blobs = r.chance(0.6);
  const kindPool = Object.keys(dialect.kinds).filter((k) => blobs || !dialect.kinds[k].blob);
  const tables = names.map((name, i) => {
    const cols = [{ key: 'id', name: r.pick(['id', 'key', 'Id "pk"', 'ïd']), kind: 'int', pk: true }];
    if (i > 0) cols.push({ key: 'ref', name: r.pick(['ref', 'parent id', 'fk"']), kind: 'int', nullable: true });
    const kinds = r.some(kindPool, 3, 7);
    // SQLite and MySQL column names are case-insensitive: no name may repeat the id's or ref's in any case.
    const taken = cols.map((c) => c.name.toLowerCase());
    const colNames = r.some(
      dialect.columns.filter((n) => !taken.includes(n.toLowerCase())),
      kinds.length,
      kinds.length,
    );
    kinds.forEach((kind, j) => {
      const col = { key: `c${j}`, name: colNames[j], kind, nullable: !r.chance(0.2) };
      // A unique plain column gives onConflict a second target.
      if (dialect.kinds[kind].uniq && r.chance(0.3)) col.unique = true;
      cols.push(col);
    });
    return { name, key: `t${i}`, cols };
  });
  return { tables, dialect };
}

/** The DDL text, identical for both databases (no FOREIGN KEY: enforcement differs between builds). */
export function ddl(schema) {
  const { ident, kinds, ddlPrelude } = schema.dialect;
  // MySQL: an explicit NULL, or a timestamp column would be NOT NULL with a default.
  const nullable = schema.dialect.name === 'mysql' ? ' null' : '';
  const tables = schema.tables.map((t) => {
    const cols = t.cols.map(
      (c) =>
        `${ident(c.name)} ${kinds[c.kind].sql}${c.pk ? ' primary key' : c.nullable ? nullable : ' not null'}` +
        (c.unique ? ' unique' : ''),
    );
    return `create table ${ident(t.name)} (${cols.join(', ')});`;
  });
  return [...(ddlPrelude ? [ddlPrelude] : []), ...tables].join('\n');
}

/** Source text defining t0..tN and their relations from `core` and `ops`; evaluates to the schema object. */
export function schemaSource(schema) {
  const { kinds, table, prelude } = schema.dialect;
  const lines = prelude ? [prelude] : [];
  for (const t of schema.tables) {
    const cols = t.cols.map((c) => {
      let b = kinds[c.kind].build(c.name);
      if (c.pk) b += '.primaryKey()';
      if (!c.nullable && !c.pk) b += '.notNull()';
      if (c.unique) b += '.unique()';
      return `${c.key}: ${b}`;
    });
    lines.push(`const ${t.key} = core.${table}(${q(t.name)}, { ${cols.join(', ')} });`);
  }
  const [p, ...kids] = schema.tables;
  const many = kids.map((k) => `${k.key}s: many(${k.key})`).join(', ');
  lines.push(`const ${p.key}Rel = ops.relations(${p.key}, ({ many }) => ({ ${many} }));`);
  for (const k of kids) {
    lines.push(
      `const ${k.key}Rel = ops.relations(${k.key}, ({ one }) => ({ parent: one(${p.key}, ` +
        `{ fields: [${k.key}.ref], references: [${p.key}.id] }) }));`,
    );
  }
  const keys = schema.tables.flatMap((t) => [t.key, `${t.key}Rel`]);
  lines.push(`return { ${keys.join(', ')} };`);
  return lines.join('\n');
}

/** Source text of an insert of `n` random rows into table t (ids 1..30 so conflicts happen). */
function rowSource(r, schema, t, id, valid = false) {
  const fields = [];
  for (const c of t.cols) {
    if (c.pk) fields.push(`id: ${id ?? r.int(1, 30)}`);
    else if (c.key === 'ref') fields.push(`ref: ${r.chance(0.15) ? 'null' : r.int(1, 12)}`);
    else if (!c.nullable || r.chance(0.85)) fields.push(`${c.key}: ${randomValue(r, schema, c, valid)}`);
  }
  return `{ ${fields.join(', ')} }`;
}

/** The seed rows: source text of inserts (run through drizzle-orm, then copied into both databases). */
export function seedSource(r, schema) {
  return schema.tables.map((t) => {
    const ids = r.some(
      [...Array(20).keys()].map((i) => i + 1),
      4,
      12,
    );
    // Unique columns get distinct ids-derived values so the seed insert itself cannot conflict.
    // No invalid Dates in the seed rows: drizzle-orm writes them as NULL (see known.mjs), failing NOT NULL.
    const rows = ids.map((id) =>
      rowSource(r, schema, t, id, true)
        .replaceAll('new Date(NaN)', 'new Date(0)')
        .replace(/(c\d+): [^,}]+/g, (m, k) => uniqueFix(t, k, id, m)),
    );
    return `await db.insert(${t.key}).values([${rows.join(', ')}]);`;
  });
}

function uniqueFix(t, key, id, m) {
  const c = t.cols.find((x) => x.key === key);
  if (!c?.unique) return m;
  if (c.kind === 'uuid') return `${key}: '00000000-0000-0000-0000-${String(id).padStart(12, '0')}'`;
  return `${key}: ${c.kind === 'int' ? id * 3 : q(`u${id}'`)}`;
}

const cmpCols = (schema, t) => t.cols.filter((c) => kindOf(schema, c).cmp);
export const col = (t, c) => `${t.key}.${c.key}`;

/** A where tree over table t (depth-limited), as source text. */
export function where(r, schema, t, depth = 0) {
  if (schema.dialect.has.extras && r.chance(0.08)) {
    const w = extraWhere(r, schema, t);
    if (w) return w;
  }
  const cs = cmpCols(schema, t);
  const c = r.pick(t.cols);
  const kind = r.int(0, depth > 1 ? 9 : 14);
  if (kind <= 1 && cs.length) {
    const k = r.pick(cs);
    return `ops.${r.pick(['eq', 'ne', 'gt', 'lt', 'gte', 'lte'])}(${col(t, k)}, ${pickValue(r, schema, k)})`;
  }
  if (kind === 2) {
    const k = t.cols.find((x) => kindOf(schema, x).like);
    if (k)
      return `ops.${r.pick(['like', 'notLike'])}(${col(t, k)}, ${r.pick(["'%a%'", "'_'", "'%'", "'\\'%'", "''"])})`;
  }
  if (kind === 3 && cs.length) {
    const k = r.pick(cs);
    const vals = someValues(r, schema, k);
    // Now and then a list longer than SQLite's old limit of 999 bound parameters.
    if (r.chance(0.1)) return `ops.inArray(${col(t, t.cols[0])}, [...Array(${r.int(900, 2000)}).keys()])`;
    return `ops.${r.pick(['inArray', 'notInArray'])}(${col(t, k)}, [${vals.join(', ')}])`;
  }
  if (kind === 4) return `ops.${r.pick(['isNull', 'isNotNull'])}(${col(t, c)})`;
  if (kind === 5 && cs.length) {
    const k = r.pick(cs);
    const f = r.pick(['between', 'notBetween']);
    return `ops.${f}(${col(t, k)}, ${pickValue(r, schema, k)}, ${pickValue(r, schema, k)})`;
  }
  if (kind === 6 && cs.length) {
    const k = r.pick(cs);
    return `ops.sql\`\${${col(t, k)}} ${r.pick(schema.dialect.rawOps)} \${${pickValue(r, schema, k)}}\``;
  }
  if (kind === 7) {
    // Equality on any kind, the JSON, bytes and bigint modes too (the value goes through the column's encoder).
    const k = r.pick(t.cols);
    if (k.pk) return `ops.eq(${col(t, k)}, ${r.int(0, 25)})`;
    const f = r.pick(['eq', 'ne', 'inArray']);
    const v = pickValue(r, schema, k);
    return `ops.${f}(${col(t, k)}, ${f === 'inArray' ? `[${v}]` : v})`;
  }
  if (kind === 8 && schema.tables.length > 1) {
    const other = r.pick(schema.tables.filter((x) => x !== t));
    const link =
      t.key === 't0'
        ? `ops.eq(${other.key}.ref, t0.id)`
        : other.key === 't0'
          ? `ops.eq(t0.id, ${t.key}.ref)`
          : 'undefined';
    const sub = `db.select().from(${other.key}).where(${link === 'undefined' ? where(r, schema, other, 2) : link})`;
    return `ops.${r.pick(['exists', 'notExists'])}(${sub})`;
  }
  if (kind === 9 && schema.tables.length > 1) {
    const kid = r.pick(schema.tables.slice(1));
    if (t.key === 't0') {
      return `ops.${r.pick(['inArray', 'notInArray'])}(t0.id, db.select({ x: ${kid.key}.ref }).from(${kid.key}))`;
    }
  }
  if (kind >= 10 && kind <= 12) {
    const f = r.pick(['and', 'or']);
    const parts = [...Array(r.int(0, 3))].map(() => where(r, schema, t, depth + 1));
    return `ops.${f}(${parts.join(', ')})`;
  }
  if (kind >= 13) return `ops.not(${where(r, schema, t, depth + 1)})`;
  return `ops.eq(${col(t, t.cols[0])}, ${r.int(0, 25)})`;
}

/** orderBy terms ending in every primary key, so ties cannot make the order engine-dependent. */
function orderBy(r, schema, ts) {
  const terms = [];
  for (const k of r.some(cmpCols(schema, ts[0]), 0, 2)) terms.push(`ops.${r.pick(['asc', 'desc'])}(${col(ts[0], k)})`);
  for (const t of ts) terms.push(`${t.key}.id`);
  return terms.join(', ');
}

/** sql`` text of the length of a column's value (PostgreSQL's length() takes text only: a cast first). */
const lengthOf = (schema, c) => (schema.dialect.name === 'pg' ? `length(cast(\${${c}} as text))` : `length(\${${c}})`);

function fieldsOf(r, schema, t) {
  const picked = r.some(t.cols, 1, 4);
  const f = picked.map((c, i) => `${r.pick(['', 'x'])}f${i}: ${col(t, c)}`);
  if (r.chance(0.3)) {
    const c = r.pick(t.cols);
    f.push(`e: ops.sql\`${lengthOf(schema, col(t, c))}\`${r.chance(0.5) ? '.mapWith(Number)' : ''}`);
  }
  return `{ ${f.join(', ')} }`;
}

/** `.returning()`, or where the dialect has none: `$returningId()` on an insert, an ordered limit otherwise. */
function returningOr(schema, t, insert = false) {
  if (schema.dialect.has.returning) return '.returning()';
  return insert ? '.$returningId()' : `.orderBy(ops.desc(${t.key}.id)).limit(2)`;
}

const limit = (r) =>
  r.chance(0.35) ? `.limit(${r.pick([0, 1, 3, 10, -1])})${r.chance(0.4) ? `.offset(${r.int(0, 5)})` : ''}` : '';

/**
 * One random statement: { code (the body of an async function), ordered (the rows' order is defined), parts
 * (an array of results, each unordered), mutates (a table key or null) }.
 */
export function genStatement(r, schema) {
  const { has } = schema.dialect;
  const ts = schema.tables;
  const t = r.pick(ts);
  if (has.extras && r.chance(0.1)) {
    const st = extraStatement(r, schema, t);
    if (st) return st;
  }
  const kind = r.int(0, 21);
  if (kind >= 12) return more(r, schema, t, kind);
  if (kind <= 2) {
    const fields = r.chance(0.4) ? fieldsOf(r, schema, t) : '';
    const w = r.chance(0.8) ? `.where(${where(r, schema, t)})` : '';
    const ordered = r.chance(0.7);
    const ob = ordered ? `.orderBy(${orderBy(r, schema, [t])})` : '';
    return { code: `return await db.select(${fields}).from(${t.key})${w}${ob}${ordered ? limit(r) : ''};`, ordered };
  }
  if (kind === 3 && ts.length > 1 && r.chance(0.5)) {
    // Nested and partial fields over a join: drizzle nulls a left-joined object whose columns are all null.
    const kid = r.pick(ts.slice(1));
    const f = (tt) =>
      r
        .some(tt.cols, 1, 3)
        .map((c) => `${c.key}: ${col(tt, c)}`)
        .join(', ');
    const fields = `{ a: { ${f(ts[0])} }, b: { ${f(kid)} }, ${r.chance(0.5) ? `c: ${kid.key}.id, ` : ''}}`;
    return {
      code:
        `return await db.select(${fields}).from(t0).leftJoin(${kid.key}, ops.eq(${kid.key}.ref, t0.id))` +
        `.orderBy(t0.id, ${kid.key}.id);`,
      ordered: true,
    };
  }
  if (kind === 3 && ts.length > 1) {
    const kid = r.pick(ts.slice(1));
    const j = r.pick(['leftJoin', 'innerJoin']);
    const w = r.chance(0.6) ? `.where(${where(r, schema, ts[0])})` : '';
    return {
      code:
        `return await db.select().from(t0).${j}(${kid.key}, ops.eq(${kid.key}.ref, t0.id))${w}` +
        `.orderBy(t0.id, ${kid.key}.id);`,
      ordered: true,
    };
  }
  if (kind === 4) {
    const g = r.pick(cmpCols(schema, t).length ? cmpCols(schema, t) : t.cols);
    const agg = [`n: ops.count()`];
    for (const c of r.some(t.cols, 1, 3)) {
      const f = r.pick(['count', 'sum', 'avg', 'min', 'max', 'countDistinct', 'sumDistinct', 'avgDistinct']);
      if ((f.startsWith('sum') || f.startsWith('avg')) && !kindOf(schema, c).num) continue;
      agg.push(`${f}_${c.key}: ops.${f}(${col(t, c)})`);
    }
    const w = r.chance(0.4) ? `.where(${where(r, schema, t)})` : '';
    return {
      code: `return await db.select({ k: ${col(t, g)}, ${agg.join(', ')} }).from(${t.key})${w}.groupBy(${col(t, g)});`,
    };
  }
  if (kind === 5 || kind === 6) {
    const rows = [...Array(r.int(1, 3))].map(() => rowSource(r, schema, t));
    let tail = '';
    let head = '';
    const conflict = r.int(0, 2);
    // MySQL: INSERT IGNORE and ON DUPLICATE KEY UPDATE in place of ON CONFLICT.
    if (conflict === 1 && has.onConflict) tail += '.onConflictDoNothing()';
    if (conflict === 1 && !has.onConflict) head = '.ignore()';
    if (conflict === 2) {
      const setCol = r.pick(t.cols.filter((c) => !c.pk));
      const tgt = r.pick(t.cols.filter((c) => c.pk || c.unique));
      const set = `set: { ${setCol.key}: ${randomValue(r, schema, setCol)} }`;
      tail += has.onConflict
        ? `.onConflictDoUpdate({ target: ${col(t, tgt)}, ${set} })`
        : `.onDuplicateKeyUpdate({ ${set} })`;
    }
    if (r.chance(0.6)) {
      const full = r.chance(0.7);
      if (has.returningId) tail += '.$returningId()';
      else tail += full ? '.returning()' : `.returning({ a: ${t.key}.id, b: ${col(t, r.pick(t.cols))} })`;
    }
    return { code: `return await db.insert(${t.key})${head}.values([${rows.join(', ')}])${tail};`, mutates: t.key };
  }
  if (kind === 7) {
    const sets = r
      .some(
        t.cols.filter((c) => !c.pk),
        1,
        2,
      )
      .map((c) =>
        c.kind === 'int' && r.chance(0.3)
          ? `${c.key}: ops.sql\`\${${col(t, c)}} + 1\``
          : `${c.key}: ${randomValue(r, schema, c)}`,
      );
    const w = r.chance(0.85) ? `.where(${where(r, schema, t)})` : '';
    const ret = r.chance(0.6) ? returningOr(schema, t) : '';
    return { code: `return await db.update(${t.key}).set({ ${sets.join(', ')} })${w}${ret};`, mutates: t.key };
  }
  if (kind === 8) {
    const w = `.where(${where(r, schema, t)})`;
    const ret = r.chance(0.6) ? returningOr(schema, t) : '';
    return { code: `return await db.delete(${t.key})${w}${ret};`, mutates: t.key };
  }
  if (kind === 9) return { code: relational(r, schema), ordered: true };
  if (kind === 10 && r.chance(0.5)) {
    // A subquery or CTE with hostile aliases and aggregates, read whole or joined: its fields keep their decoders.
    const alias = r.pick(['sq', "s'q", 's q', 'ü"x', 'select']);
    const k = r.pick(t.cols);
    const fields =
      `{ id: ${t.key}.id, ${q(r.pick(["a'b", 'a b', 'from', 'ä']))}: ${col(t, k)}, ` +
      `n: ops.sql\`${lengthOf(schema, col(t, k))}\`.as(${q(r.pick(['n', "n'", 'n n']))}) }`;
    const inner = `db.select(${fields}).from(${t.key}).where(${where(r, schema, t)})`;
    const def = r.chance(0.5) ? `db.$with(${q(alias)}).as(${inner})` : `${inner}.as(${q(alias)})`;
    const w = def.startsWith('db.$with') ? 'db.with(s).' : 'db.';
    if (t.key !== 't0' && r.chance(0.5)) {
      return {
        code: `const s = ${def};\nreturn await ${w}select().from(t0).leftJoin(s, ops.eq(s.id, t0.id)).orderBy(t0.id);`,
        ordered: true,
      };
    }
    return { code: `const s = ${def};\nreturn await ${w}select().from(s).orderBy(s.id);`, ordered: true };
  }
  if (kind === 10) {
    const inner = `db.select().from(${t.key}).where(${where(r, schema, t)})`;
    if (r.chance(0.5)) {
      return {
        code: `const w = db.$with('w').as(${inner});\nreturn await db.with(w).select().from(w).orderBy(w.id);`,
        ordered: true,
      };
    }
    return { code: `const sq = ${inner}.as('sq');\nreturn await db.select().from(sq).orderBy(sq.id);`, ordered: true };
  }
  // A single row read: .get() semantics through findFirst and a limited select (limit(1)[0] without .get()).
  if (r.chance(0.5)) {
    const q1 = `db.select().from(${t.key}).where(${where(r, schema, t)}).orderBy(${t.key}.id)`;
    return { code: has.get ? `return await ${q1}.get();` : `return (await ${q1}.limit(1))[0];` };
  }
  return {
    code: `return await db.query.${t.key}.findFirst({ where: ${where(r, schema, t)}, orderBy: [${t.key}.id] });`,
  };
}

/**
 * kind 18 without synchronous transactions: a delete and an insert that commit together, or not at all when
 * `end` asks for a rollback or a throw. pg (neon-http has no interactive transaction): a batch, failed by an
 * insert of a NULL primary key. MySQL: an async transaction.
 */
function writeTogether(r, schema, t, w, end) {
  const row = rowSource(r, schema, t);
  if (schema.dialect.has.batch) {
    const fail = end ? `, db.insert(${t.key}).values({ id: null })` : '';
    return {
      code:
        `return await db.batch([db.delete(${t.key}).where(${w}).returning(), ` +
        `db.insert(${t.key}).values(${row}).onConflictDoNothing()${fail}]);`,
      mutates: t.key,
      // One result per statement, in order; the rows of each in no order (DELETE ... RETURNING has none).
      parts: true,
    };
  }
  return {
    code:
      `return await db.transaction(async (tx) => {\n  const n = await tx.delete(${t.key}).where(${w});\n` +
      `  await tx.insert(${t.key}).ignore().values(${row});\n  ${end}\n  return n;\n});`,
    mutates: t.key,
  };
}

function relational(r, schema) {
  const [p, ...kids] = schema.tables;
  const fromKid = kids.length && r.chance(0.35);
  const t = fromKid ? r.pick(kids) : p;
  const opts = [];
  if (r.chance(0.4)) {
    const flag = r.chance(0.7);
    const cs = r.some(t.cols, 1, 3).map((c) => `${c.key}: ${flag}`);
    opts.push(`columns: { ${cs.join(', ')} }`);
  }
  if (r.chance(0.15)) opts.push(`where: (f, { eq }) => eq(f.id, ${r.int(1, 20)})`);
  else if (r.chance(0.5)) opts.push(`where: ${where(r, schema, t)}`);
  if (r.chance(0.2)) opts.push(`extras: { e: ops.sql\`${lengthOf(schema, col(t, r.pick(t.cols)))}\`.as('e') }`);
  opts.push(`orderBy: [${orderBy(r, schema, [t])}]`);
  if (r.chance(0.3)) opts.push(`limit: ${r.int(0, 4)}`);
  if (r.chance(0.15)) opts.push(`offset: ${r.int(0, 3)}`);
  if (fromKid) {
    // Two levels: kid -> parent -> the parent's kids (of any table).
    const deep = r.chance(0.3) ? `{ with: { ${r.pick(kids).key}s: { orderBy: [${r.pick(kids).key}.id] } } }` : null;
    const parent = deep ?? (r.chance(0.5) ? 'true' : '{ columns: { id: true } }');
    opts.push(`with: { parent: ${parent.replace(/(t\d)s: \{ orderBy: \[t\d\.id\]/, '$1s: { orderBy: [$1.id]')} }`);
  } else if (kids.length) {
    const withs = r.some(kids, 1, kids.length).map((k) => {
      const inner = [`orderBy: [${k.key}.id]`];
      if (r.chance(0.4)) inner.push(`where: ${where(r, schema, k)}`);
      if (r.chance(0.3)) inner.push(`limit: ${r.int(0, 3)}`);
      if (r.chance(0.3)) inner.push(`with: { parent: true }`);
      return `${k.key}s: { ${inner.join(', ')} }`;
    });
    opts.push(`with: { ${withs.join(', ')} }`);
  }
  return `return await db.query.${t.key}.${r.chance(0.2) ? 'findFirst' : 'findMany'}({ ${opts.join(', ')} });`;
}

/** The rest of the surface: distinct, having, set operations, $count, self joins through alias. */
function more(r, schema, t, kind) {
  const c = r.pick(t.cols);
  if (kind === 12 && schema.dialect.has.distinctOn && r.chance(0.5)) {
    // DISTINCT ON: the first row of each group in the order given (the ids break ties).
    return {
      code:
        `return await db.selectDistinctOn([${col(t, c)}], { a: ${col(t, c)}, id: ${t.key}.id }).from(${t.key})` +
        `.orderBy(${col(t, c)}, ${t.key}.id);`,
      ordered: true,
    };
  }
  if (kind === 12) return { code: `return await db.selectDistinct({ a: ${col(t, c)} }).from(${t.key});` };
  if (kind === 13) {
    return {
      code:
        `return await db.select({ k: ${col(t, c)}, n: ops.count() }).from(${t.key}).groupBy(${col(t, c)})` +
        `.having(ops.${r.pick(['gt', 'gte', 'eq'])}(ops.count(), ${r.int(0, 2)}));`,
    };
  }
  if (kind === 14) {
    const op = r.pick(schema.dialect.setOps);
    const a = `db.select({ a: ${t.key}.id, b: ${col(t, c)} }).from(${t.key}).where(${where(r, schema, t)})`;
    const b = `db.select({ a: ${t.key}.id, b: ${col(t, c)} }).from(${t.key}).where(${where(r, schema, t)})`;
    return { code: `return await ${a}.${op}(${b});` };
  }
  if (kind === 17) {
    // Many rows at once: more bound parameters than SQLite's old 999 limit (valid values: one refused
    // value among hundreds would fail nearly every such insert).
    const rows = [...Array(r.int(50, 300))].map((_, i) => rowSource(r, schema, t, 100 + i, true));
    const ret = r.chance(0.5) ? returningOr(schema, t, true) : '';
    return { code: `return await db.insert(${t.key}).values([${rows.join(', ')}])${ret};`, mutates: t.key };
  }
  if (kind === 18) {
    // A synchronous transaction: a write, then a commit, a rollback or a throw.
    const end = r.pick(['', 'tx.rollback();', "throw new Error('x');"]);
    const w = where(r, schema, t);
    if (!schema.dialect.has.syncTx) return writeTogether(r, schema, t, w, end);
    return {
      code:
        `return db.transaction((tx) => {\n  const n = tx.delete(${t.key}).where(${w}).returning().all();\n` +
        `  tx.insert(${t.key}).values(${rowSource(r, schema, t)}).onConflictDoNothing().run();\n` +
        `  ${end}\n  return n;\n});`,
      mutates: t.key,
    };
  }
  if (kind === 19) {
    // Prepared with a placeholder, run twice.
    const k = r.pick(cmpCols(schema, t).length ? cmpCols(schema, t) : t.cols);
    const sync = schema.dialect.has.get;
    // pg-core's prepare() takes a statement name; SQLite runs it with all(), the others with execute().
    const p =
      `db.select().from(${t.key}).where(ops.${r.pick(['eq', 'gt', 'ne'])}(${col(t, k)}, ops.sql.placeholder('v')))` +
      `.orderBy(${t.key}.id).prepare(${schema.dialect.name === 'pg' ? "'fz'" : ''})`;
    const run = (v) => (sync ? `p.all({ v: ${v} })` : `await p.execute({ v: ${v} })`);
    return {
      code: `const p = ${p};\nreturn [${run(pickValue(r, schema, k))}, ${run(pickValue(r, schema, k))}];`,
      ordered: true,
    };
  }
  if (kind === 20) {
    // Raw SQL through the database's run/all/get/values.
    const f = r.pick(['all', 'get', 'values']);
    const k = r.pick(t.cols);
    const raw = `ops.sql\`select \${${col(t, k)}}, \${${pickValue(r, schema, k)}} from \${${t.key}} order by 1\``;
    if (schema.dialect.has.rawReads) return { code: `return db.${f}(${raw});` };
    // pg and MySQL: db.execute(), its rows whole, the first, or as value arrays.
    const rows = { all: 'rows', get: 'rows[0]', values: 'rows.map((x) => Object.values(x))' }[f];
    return { code: `return (await db.execute(${raw})).${rows};` };
  }
  if (kind === 21) {
    const setCol = r.pick(t.cols.filter((c) => !c.pk));
    const ex = `ops.sql\`excluded.\${ops.sql.identifier(${q(setCol.name)})}\``;
    const tw = r.chance(0.5) ? `, setWhere: ${where(r, schema, t)}` : '';
    if (schema.dialect.has.onDuplicate) {
      // MySQL: the inserted value through VALUES(col) (MariaDB has no row alias), no setWhere.
      const v = `ops.sql\`values(\${ops.sql.identifier(${q(setCol.name)})})\``;
      return {
        code:
          `return await db.insert(${t.key}).values(${rowSource(r, schema, t)})` +
          `.onDuplicateKeyUpdate({ set: { ${setCol.key}: ${v} } });`,
        mutates: t.key,
      };
    }
    return {
      code:
        `return await db.insert(${t.key}).values(${rowSource(r, schema, t)})` +
        `.onConflictDoUpdate({ target: ${t.key}.id, set: { ${setCol.key}: ${ex} }${tw} }).returning();`,
      mutates: t.key,
    };
  }
  if (kind === 15)
    return { code: `return await db.$count(${t.key}${r.chance(0.7) ? `, ${where(r, schema, t)}` : ''});` };
  const k = r.pick(cmpCols(schema, t).length ? cmpCols(schema, t) : t.cols);
  return {
    code:
      `const p = core.alias(${t.key}, ${q(r.pick(['p', "p'", 'p q', 'order', 'ü']))});\n` +
      `return await db.select({ a: ${t.key}.id, b: p.id, c: ${col(t, k)} })` +
      `.from(${t.key}).${r.pick(['leftJoin', 'innerJoin'])}(p, ops.${r.pick(['eq', 'lt'])}(p.${k.key}, ${col(t, k)}))` +
      `.orderBy(${t.key}.id, p.id);`,
    ordered: true,
  };
}
