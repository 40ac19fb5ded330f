// Every known difference between mizzle/planetscale and drizzle-orm 0.45.4's planetscale-serverless driver on MySQL
// (MariaDB 10.11 behind the PlanetScale stand-in) that the fuzzer meets, classified as in known.mjs (same fields,
// same matching: loop.mjs's classify; `check` says the results agree but for the known cause).
import { leftJoinNulled, sameBut } from './known.mjs';

const SYNTAX = /^threw: .*You have an error in your SQL syntax/;
const strings = (a, b) => typeof a === 'string' && typeof b === 'string';
// drizzle-orm's text of VARBINARY bytes: one '0'/'1' per byte.
const asBits = (a, b) => strings(a, b) && /^[01]*$/.test(b) && b.length === Buffer.byteLength(a) && a !== b;
// mizzle's text of a raw Date ('1970-01-01 00:00:01.234') where @planetscale/database's is '...01T00:00:01.234'.
const rawDateText = (a, b) => strings(a, b) && a.replace(/^([+-]?\d{4,6}-\d\d-\d\d) (\d\d:\d\d:\d\d)/, '$1T$2') === b;
// A raw object: JSON text from mizzle, String(object) from @planetscale/database.
const rawObjectText = (a, b) => strings(a, b) && b === '[object Object]' && /^[{[]/.test(a);

/** The columns (as `t1.c2`) of a schema source declared by `builder` with exactly the options `options`. */
function columnsOf(schema, builder, options) {
  const decl = new RegExp(
    `(c\\d+): core\\.${builder}\\("(?:[^"\\\\]|\\\\.)*", ${options.replace(/[{}]/g, '\\$&')}\\)`,
    'g',
  );
  return schema.split('\n').flatMap((line) => {
    const t = /^const (t\d+) = /.exec(line)?.[1];
    return t ? [...line.matchAll(decl)].map((m) => `${t}.${m[1]}`) : [];
  });
}
/** Whether the statement passes one of `cols` and then a value matching `value` (a regex source) to a function. */
const compares = (d, cols, value) => cols.some((c) => new RegExp(`${c.replace('.', '\\.')}, ${value}`).test(d.code));

/** Every item of xs paired with an item of ys, in any order, by `same`. */
function pairs(xs, ys, same) {
  if (xs.length !== ys.length) return false;
  const left = [...ys];
  return xs.every((x) => {
    const i = left.findIndex((y) => same(x, y));
    return i >= 0 && left.splice(i, 1).length === 1;
  });
}

export const knownMysql = [
  {
    id: 'relational with on MariaDB',
    class: 'driver difference',
    code: /\.find(Many|First)\(\{.*with: \{/s,
    drizzle: /^threw: .*Unknown column '[^']*' in '(WHERE|where clause)'/,
    reason:
      "drizzle-orm's PlanetScale mode nests each relation as a derived table that refers to the outer query's row, " +
      'which MySQL 8.0.14+ (PlanetScale) allows and MariaDB, behind the stand-in, does not; mizzle correlates the ' +
      "relation where both accept it (tests/standins/DIFFERENCES.md, 'mysql: relational findMany with a many " +
      "relation'). So on this server drizzle-orm's relational results with `with` compare with nothing.",
    repro: 'db.query.t0.findMany({ with: { t1s: true } })',
  },
  {
    id: 'for share on MariaDB',
    class: 'driver difference',
    code: /\.for\('share'\)/,
    drizzle: SYNTAX,
    reason:
      "select ... .for('share'): drizzle-orm renders `for share`, which MySQL 8 (PlanetScale) accepts and MariaDB, " +
      'behind the stand-in, refuses; mizzle renders `lock in share mode`, which both accept (DIFFERENCES.md ' +
      "'mysql: select for update').",
    repro: "db.select().from(t).for('share')",
  },
  {
    id: 'not of an empty and/or',
    class: 'drizzle bug',
    code: /ops\.not\(ops\.(and|or)\(\)\)/,
    drizzle: SYNTAX,
    reason:
      'As on SQLite (known.mjs): drizzle-orm renders not(and()) as a bare `not` before the next keyword, a syntax ' +
      'error; mizzle binds the missing condition as NULL, so the filter matches nothing.',
    repro: 'db.delete(t).where(not(or()))',
  },
  {
    id: 'offset without limit',
    class: 'drizzle bug',
    code: /(^(?!.*limit: \d+, offset).*find(Many|First)\(\{.*offset: \d)|\.limit\(-1\)\.offset\(/,
    drizzle: SYNTAX,
    reason:
      'findMany({ offset }) without limit, and .limit(-1).offset(n) (drizzle-orm drops a negative limit): ' +
      'drizzle-orm renders OFFSET without LIMIT, which MySQL refuses; mizzle renders limit ' +
      "18446744073709551615 (MySQL's 'all rows') before the offset (DIFFERENCES.md 'mysql: offset without limit').",
    repro: 'db.select().from(t).limit(-1).offset(2); db.query.t.findMany({ offset: 1 })',
  },
  {
    id: 'left-joined object nulled by its first field',
    class: 'drizzle bug',
    code: /\.leftJoin\(/,
    check: (d) => leftJoinNulled(d),
    reason:
      'As on SQLite (known.mjs): drizzle-orm nulls a left-joined nested object when its FIRST field is NULL, ' +
      'losing the values of the others; mizzle nulls it only when the joined row is absent.',
    repro:
      'a t1 row with x = NULL, y = 0 joined to its t0 row: db.select({ a: { id: t0.id }, b: { x: t1.x, y: t1.y } })' +
      '.from(t0).leftJoin(t1, eq(t1.ref, t0.id)) gives b: null in drizzle-orm, { x: null, y: 0 } in mizzle',
  },
  {
    id: 'varbinary read as bits',
    class: 'drizzle bug',
    schema: /core\.varbinary\(/,
    // With a left-joined object nulled by drizzle-orm in the same result, too.
    check: (d) => sameBut(d, asBits) || (/\.leftJoin\(/.test(d.code) && leftJoinNulled(d, asBits)),
    reason:
      "@planetscale/database hands VARBINARY values to drizzle-orm as bytes, and drizzle-orm 0.45.4's " +
      "mapFromDriverValue turns them into one '0'/'1' per byte (its bit-column logic): 'ab' comes back as '00'. " +
      "mizzle returns the bytes as text, the value written (DIFFERENCES.md 'mysql: typed values round trip').",
    repro:
      "t = mysqlTable('t', { id: int('id').primaryKey(), v: varbinary('v', { length: 16 }) }); insert { id: 1, v: " +
      "'ab' }; db.select().from(t) gives v: '00' in drizzle-orm, 'ab' in mizzle",
  },
  {
    id: 'date column compared with a Date',
    class: 'drizzle bug',
    schema: /core\.date\("(?:[^"\\]|\\.)*", \{ mode: 'date' \}\)/,
    code: /new Date\(/,
    drizzle: /^(?!threw)/,
    // The statement compares such a column with a Date (eq, inArray, between, ...). mizzle may throw: the rows
    // its condition matches can then refuse the write (an out-of-range value) that matches nothing in drizzle-orm.
    check: (d) => compares(d, columnsOf(d.schema, 'date', "{ mode: 'date' }"), '\\[?new Date\\('),
    reason:
      "mysql-core's date({ mode: 'date' }) has no mapToDriverValue in drizzle-orm 0.45.4: a Date in a where clause " +
      "is bound raw, as a datetime ('2000-02-29 12:00:00.000'), so it equals no stored date unless it is midnight " +
      "UTC, and ne/gt/inArray compare the instant. mizzle binds it through the column ('2000-02-29'), as it is " +
      'written on insert (MySQL drops the time there too), so eq matches the stored day.',
    repro:
      "t = mysqlTable('t', { id: int('id').primaryKey(), d: date('d', { mode: 'date' }) }); insert { id: 1, d: new " +
      'Date(-1000) } (stored 1969-12-31); db.select().from(t).where(eq(t.d, new Date(-1000))): [] in drizzle-orm, ' +
      'the row in mizzle',
  },
  {
    id: 'raw Date parameter text',
    class: 'driver difference',
    code: /new Date\(/,
    check: (d) => sameBut(d, rawDateText),
    reason:
      'A Date bound without a column (a sql`` value, db.execute) is spliced into the SQL by the driver: mizzle ' +
      "writes '1970-01-01 00:00:01.234' (MySQL's DATETIME text), @planetscale/database '1970-01-01T00:00:01.234'. " +
      'MySQL reads both as the same datetime; selected as a value (and as the column name of an unaliased ' +
      'expression) the text differs.',
    repro: `(await db.execute(sql\`select \${new Date(1234)} as x\`)).rows[0].x`,
  },
  {
    id: 'raw object parameter',
    class: 'driver difference',
    code: /ops\.sql`[^`]*\$\{[[{]/,
    check: (d) => sameBut(d, rawObjectText),
    reason:
      'An object (or an array of them: a sql`` array is a list of values) bound without a column: mizzle sends ' +
      "its JSON text, @planetscale/database its String() ('[object Object]').",
    repro: `(await db.execute(sql\`select \${{ a: 1 }} as x\`)).rows[0].x: '{"a":1}' in mizzle, '[object Object]'`,
  },
  {
    id: 'raw invalid Date',
    class: 'driver difference',
    code: /new Date\(NaN\)/,
    mizzle: /^threw: an invalid Date cannot be bound as a value/,
    reason:
      'An invalid Date bound without a column (a sql`` value, db.execute): mizzle refuses it with a MizzleError ' +
      "(kind 'type', as for a column-bound one); drizzle-orm's client throws too (a DrizzleQueryError), so only " +
      'the class of the error differs.',
    repro: `db.execute(sql\`select \${new Date(NaN)}\`) rejects in both, with a MizzleError in mizzle`,
  },
  {
    id: 'raw literal as a column name',
    class: 'driver difference',
    code: /db\.execute\(ops\.sql`select /,
    // Equal once each row's values are compared without the names of their columns (and raw Dates and objects
    // spelt as the entries above allow: they meet in one statement).
    check: (d) => {
      if (d.mizzle.startsWith('threw') || d.drizzle.startsWith('threw')) return false;
      const rows = (t) => {
        const v = JSON.parse(t);
        return (Array.isArray(v) ? v : [v]).map((row) => Object.values(row ?? {}));
      };
      const same = (a, b) => JSON.stringify(a) === JSON.stringify(b) || rawDateText(a, b) || rawObjectText(a, b);
      return pairs(rows(d.mizzle), rows(d.drizzle), (x, y) => pairs(x, y, same));
    },
    reason:
      `db.execute(sql\`select \${col}, \${value} ...\`): MySQL names an unaliased expression by its text, and ` +
      'the two ' +
      "drivers spell a value differently (mizzle: _utf8mb4 X'5c', @planetscale/database: '\\\\'), so the rows' " +
      "keys differ; drizzle's client even names the column of a string holding NUL 'undefined'. The values agree.",
    repro: `(await db.execute(sql\`select \${'x'}\`)).rows`,
  },
];
