// Every known difference between mizzle and drizzle-orm 0.45.4 that the fuzzer (run.mjs) meets, classified:
// "mizzle bug", "drizzle bug" or "driver difference". A difference is matched by the first entry whose
// regexes all match: `code` (the statement's source), `mizzle` / `drizzle` (each side's normalised outcome,
// `threw: <message>` for an error), `schema` (the schema source); `state: true` requires that the stored
// data differs afterwards; `check(d)`, where given, must hold too (it says the results agree but for the
// known cause, so that the entry cannot hide a different difference in the same statement). `repro` is a
// minimal reproduction. No "mizzle bug" is listed: none was found on SQLite (see README.md for the runs).
// known-pg.mjs and known-mysql.mjs are the lists of the other dialects; the helpers below serve them too.

/** Two outcomes (JSON text) with the same rows in any order: a rewritten value can move a row in the sorted order. */
export function sameRows(a, b) {
  if (a.startsWith('threw') || b.startsWith('threw')) return a === b;
  const rows = (t) => {
    const v = JSON.parse(t);
    return Array.isArray(v) ? v.map((x) => JSON.stringify(x)).sort() : [t];
  };
  return JSON.stringify(rows(a)) === JSON.stringify(rows(b));
}

// A raw result without the two raw-read driver differences below (both can meet in one statement): bigints
// rounded to numbers as better-sqlite3 reads them, -0 as 0.
const rawNeutral = (t) =>
  t.replace(/\{"\$big":"(-?\d+)"\}/g, (_, n) => JSON.stringify(Number(n))).replaceAll('{"$num":"-0"}', '0');

/**
 * Equal once every joined object drizzle-orm nulled is nulled on mizzle's side too, and each of those had a NULL
 * field (drizzle-orm decides by the object's first field); `pred` as in sameBut, for a second known cause.
 */
export function leftJoinNulled(d, pred) {
  if (d.mizzle.startsWith('threw') || d.drizzle.startsWith('threw')) return false;
  const [m, z] = [JSON.parse(d.mizzle), JSON.parse(d.drizzle)];
  if (!Array.isArray(m) || !Array.isArray(z) || m.length !== z.length) return false;
  const fixed = m.map((row, i) => {
    const out = { ...row };
    for (const k of Object.keys(row)) {
      const v = row[k];
      if (z[i]?.[k] === null && v && typeof v === 'object' && Object.values(v).includes(null)) out[k] = null;
    }
    return out;
  });
  const text = JSON.stringify(fixed);
  return pred ? sameBut({ mizzle: text, drizzle: d.drizzle }, pred) : text === d.drizzle;
}

/**
 * Both outcomes are results, equal but where `pred(mizzleValue, drizzleValue)` holds for two differing leaves
 * (values that are not arrays or objects). Rows of an unordered result may sort differently once a value
 * differs: the rows of the top-level array are then paired in any order.
 */
export function sameBut(d, pred) {
  if (d.mizzle.startsWith('threw') || d.drizzle.startsWith('threw')) return false;
  const isObj = (x) => x && typeof x === 'object' && !Array.isArray(x);
  const eq = (a, b) => {
    if (JSON.stringify(a) === JSON.stringify(b)) return true;
    if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => eq(x, b[i]));
    if (isObj(a) && isObj(b)) {
      const ka = Object.keys(a);
      return ka.length === Object.keys(b).length && ka.every((k) => k in b && eq(a[k], b[k]));
    }
    return !isObj(a) && !isObj(b) && !Array.isArray(a) && !Array.isArray(b) && pred(a, b);
  };
  const [m, z] = [JSON.parse(d.mizzle), JSON.parse(d.drizzle)];
  if (eq(m, z)) return true;
  if (!Array.isArray(m) || !Array.isArray(z) || m.length !== z.length) return false;
  const left = [...z];
  return m.every((row) => {
    const i = left.findIndex((x) => eq(row, x));
    return i >= 0 && left.splice(i, 1).length === 1;
  });
}

export const known = [
  {
    id: 'relational blob columns',
    class: 'drizzle bug',
    drizzle: /^threw: JSON cannot hold BLOB values/,
    reason:
      'drizzle-orm builds each nested relational row with json_array(...) of its columns, and SQLite refuses a ' +
      'BLOB inside JSON; any findMany/findFirst with `with` over a table with a blob column (any mode) throws. ' +
      'mizzle reads nested rows without putting blobs through JSON and returns them.',
    repro:
      "a = sqliteTable('a', { id: integer('id').primaryKey(), b: blob('b', { mode: 'buffer' }) }); " +
      "c = sqliteTable('c', { id: integer('id').primaryKey(), ref: integer('ref') }); relations a many c; " +
      "a row with b = Buffer.from('00', 'hex'); db.query.a.findMany({ with: { cs: true } })",
  },
  {
    id: 'relational blob read as JSONB',
    class: 'drizzle bug',
    code: /with: /,
    mizzle: /"\$bytes":"00"/,
    check: (d) => {
      const norm = (x) => x.replaceAll('{"$bytes":"00"}', 'null');
      return norm(d.mizzle) === norm(d.drizzle);
    },
    reason:
      "The same json_array(...) as above, for a blob SQLite takes for JSONB instead of refusing it: X'00' is " +
      "JSONB's null, so drizzle-orm returns null for a nested buffer column holding the byte 0x00 (silently wrong).",
    repro: "as 'relational blob columns', with b = Buffer.from('00', 'hex') in the nested row: b comes back null",
  },
  {
    id: 'not of an empty and/or',
    class: 'drizzle bug',
    code: /ops\.not\(ops\.(and|or)\(\)\)/,
    drizzle: /^threw: near "[a-z]+": syntax error|^threw: near "\)": syntax error|^threw: incomplete input/,
    reason:
      'and() / or() without conditions are `undefined` (no condition); drizzle-orm renders not(undefined) as a ' +
      'bare `not` followed by the next keyword, a syntax error. mizzle renders `not ?` and binds the undefined ' +
      'as NULL, so the filter is NULL and no row matches: an accident more than a meaning (it should rather throw).',
    repro: 'db.select().from(t).where(not(and()))',
  },
  {
    id: 'relational offset without limit',
    class: 'drizzle bug',
    code: /^(?!.*limit: \d+, offset).*findMany\(\{.*offset: \d/,
    drizzle: /^threw: near "offset": syntax error/,
    reason:
      'findMany({ offset }) without limit: drizzle-orm renders OFFSET without LIMIT, which SQLite refuses (as ' +
      "DIFFERENCES.md's 'offset without limit' for select); mizzle renders limit -1 offset ?.",
    repro: 'db.query.t.findMany({ offset: 1 })',
  },
  {
    id: 'left-joined object nulled by its first field',
    class: 'drizzle bug',
    code: /\.leftJoin\(/,
    check: (d) => leftJoinNulled(d),
    reason:
      'drizzle-orm decides whether a left-joined nested object is absent (null) by its FIRST field only: ' +
      "`{ b: { x: t2.x, y: t2.y } }` comes back as `b: null` when x is NULL though y is not (y's value is " +
      'lost). mizzle returns null only when the joined row is absent, and the object with its values otherwise.',
    repro:
      'a row in t2 with x = NULL, y = 0 joined to its t0 row: db.select({ a: { id: t0.id }, b: { x: t2.x, ' +
      'y: t2.y } }).from(t0).leftJoin(t2, eq(t2.ref, t0.id)) gives b: null in drizzle-orm, { x: null, y: 0 } in mizzle',
  },
  {
    id: 'negative limit with offset',
    class: 'drizzle bug',
    code: /\.limit\(-1\)\.offset\(/,
    drizzle: /^threw: near "offset": syntax error/,
    reason:
      'drizzle-orm drops a negative .limit() (it is not a valid number of rows for it) but keeps .offset(), and ' +
      "SQLite only accepts OFFSET after LIMIT (as in DIFFERENCES.md's 'offset without limit'). mizzle renders " +
      'limit -1 (SQLite: no limit) with the offset.',
    repro: 'db.select().from(t).limit(-1).offset(2)',
  },
  {
    id: 'boolean or Date bound in a sql template',
    class: 'driver difference',
    code: /ops\.sql`[^`]*\$\{(true|false|new Date\([^)]*\))\}/,
    drizzle: /^threw: SQLite3 can only bind numbers, strings, bigints, buffers, and null/,
    reason:
      'A raw value in a sql`` template is bound as is (no column to map it). better-sqlite3 cannot bind a ' +
      "boolean (nor a Date); mizzle's embedded driver binds booleans as 1/0 (as D1 does). Dates throw in both.",
    repro: `db.select().from(t).where(sql\`\${t.flag} = \${true}\`)`,
  },
  {
    id: 'boolean placeholder value',
    class: 'driver difference',
    code: /ops\.sql\.placeholder\(/,
    drizzle: /^threw: SQLite3 can only bind numbers, strings, bigints, buffers, and null/,
    reason:
      "drizzle-orm binds a placeholder's value as given (not through the column's encoder), and better-sqlite3 " +
      'cannot bind a boolean; mizzle binds it as 1/0.',
    repro: "db.select().from(t).where(eq(t.flag, sql.placeholder('v'))).prepare().all({ v: true })",
  },
  {
    id: 'invalid Date',
    class: 'drizzle bug',
    code: /new Date\(NaN\)/,
    mizzle: /^threw: .*expects a valid Date, got an invalid Date/,
    reason:
      'drizzle-orm maps an invalid Date to NaN, which better-sqlite3 binds as NULL: the row silently gets NULL ' +
      '(or a NOT NULL column fails), and a comparison with it matches nothing. mizzle refuses an invalid Date ' +
      'for a timestamp column before running anything.',
    repro:
      "t = sqliteTable('t', { id: integer('id').primaryKey(), at: integer('at', { mode: 'timestamp' }) }); " +
      'db.insert(t).values({ id: 1, at: new Date(NaN) })',
  },
  {
    id: 'lone surrogate in text',
    class: 'driver difference',
    code: /\\uD800/,
    reason:
      "A string with a lone surrogate ('\\uD800') is not valid Unicode. mizzle's driver encodes it as the UTF-8 " +
      'of U+FFFD (TextEncoder, one character back); better-sqlite3 stores the invalid bytes ED A0 80, which come ' +
      'back as three U+FFFD. Both are lossy; the stored bytes differ.',
    repro: "db.insert(t).values({ id: 1, s: '\\uD800' }).returning()",
  },
  {
    id: 'raw -0 parameter',
    class: 'driver difference',
    code: /ops\.sql`[^`]*\$\{-0\}/,
    drizzle: /"\$num":"-0"/,
    check: (d) => sameRows(rawNeutral(d.mizzle), rawNeutral(d.drizzle)),
    reason: 'A raw -0 in a sql`` template: better-sqlite3 binds it as the REAL -0.0, mizzle as 0 (an integer).',
    repro: `db.all(sql\`select \${-0}\`)`,
  },
  {
    id: 'raw integer beyond 2^53',
    class: 'driver difference',
    code: /return db\.(all|get|values)\(ops\.sql`/,
    mizzle: /"\$big"/,
    // Equal once mizzle's bigints are rounded to numbers as better-sqlite3 does.
    check: (d) => sameRows(rawNeutral(d.mizzle), rawNeutral(d.drizzle)),
    reason:
      'A raw query (no column to decode it) reading an integer beyond 2^53: better-sqlite3 (without ' +
      'safeIntegers) returns a rounded number, mizzle a bigint with the exact value.',
    repro: `db.all(sql\`select \${9007199254740993n}\`)`,
  },
  {
    id: 'sum beyond 2^53',
    class: 'driver difference',
    code: /ops\.sum(Distinct)?\(/,
    mizzle: /"sum(Distinct)?_[^"]*":"-?\d{16,}/,
    check: (d) => d.mizzle.replace(/"(-?\d{16,})"/g, (_, n) => `"${Number(n)}"`) === d.drizzle,
    reason:
      'sum() is decoded as a string to keep its digits, but better-sqlite3 hands drizzle-orm a rounded number ' +
      'for an integer sum beyond 2^53 (…972 for 3 x 9007199254740991); mizzle returns the exact digits (…973).',
    repro: 'three rows with n = 9007199254740991; db.select({ s: sum(t.n) }).from(t)',
  },
];
