// Every known difference between mizzle/neon-http and drizzle-orm 0.45.4's neon-http driver on PostgreSQL 15 (both
// through the Neon stand-in) that the fuzzer meets, classified as in known.mjs (same fields, same matching:
// loop.mjs's classify; `check` says the results agree but for the known cause).
import { leftJoinNulled, sameBut } from './known.mjs';

// PostgreSQL's text of a timestamp as mizzle reads it everywhere ('2024-01-02 03:04:05.123', '...+00') from the
// JSON form drizzle-orm reads inside a relation ('2024-01-02T03:04:05.123', '...+00:00').
const pgTimestamp = (s) => s.replace(/^(\d{4,}-\d\d-\d\d)T/, '$1 ').replace(/\+00:00$/, '+00');
const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;
/** mizzle's text of a value inside a relation (a) where drizzle-orm has the JSON form's text (b). */
const nestedText = (a, b) =>
  typeof a === 'string' &&
  typeof b === 'string' &&
  (a === pgTimestamp(b) || (NUMBER.test(a) && NUMBER.test(b) && Number(a) === Number(b)));

export const knownPg = [
  {
    id: 'not of an empty and/or',
    class: 'drizzle bug',
    code: /ops\.not\(ops\.(and|or)\(\)\)/,
    drizzle: /^threw: syntax error at (or near|end of input)/,
    reason:
      'As on SQLite (known.mjs): drizzle-orm renders not(and()) as a bare `not` before the next keyword, a syntax ' +
      'error; mizzle binds the missing condition as NULL, so the filter matches nothing.',
    repro: 'db.select().from(t).where(not(and()))',
  },
  {
    id: 'left-joined object nulled by its first field',
    class: 'drizzle bug',
    code: /\.leftJoin\(/,
    check: leftJoinNulled,
    reason:
      'As on SQLite (known.mjs): drizzle-orm nulls a left-joined nested object when its FIRST field is NULL, ' +
      'losing the values of the others; mizzle nulls it only when the joined row is absent.',
    repro:
      'a t1 row with x = NULL, y = 0 joined to its t0 row: db.select({ a: { id: t0.id }, b: { x: t1.x, y: t1.y } })' +
      '.from(t0).leftJoin(t1, eq(t1.ref, t0.id)) gives b: null in drizzle-orm, { x: null, y: 0 } in mizzle',
  },
  {
    id: 'relational nested value text',
    class: 'drizzle bug',
    code: /with: /,
    check: (d) => sameBut(d, nestedText),
    reason:
      'A string-mode timestamp or numeric read inside a relation: drizzle-orm returns the text of ' +
      "json_build_array's JSON form ('2024-01-02T03:04:05', '+00:00'; a numeric '1.50' as the JSON number 1.5, " +
      "so '1.5'), not the text the same column gives at the top level ('2024-01-02 03:04:05', '+00', '1.50'); " +
      "mizzle returns the top level's text at every depth (tests/standins/DIFFERENCES.md, 'pg: relational typed " +
      "columns inside a one relation').",
    repro:
      "k = pgTable('k', { id: integer('id').primaryKey(), ref: integer('ref'), at: timestamp('at', { mode: " +
      "'string' }) }), a row with at = '2024-01-02 03:04:05' under a parent: " +
      'db.query.p.findMany({ with: { ks: true } })',
  },
  {
    id: 'raw Date parameter text',
    class: 'driver difference',
    code: /new Date\(/,
    check: (d) =>
      sameBut(d, (a, b) => typeof a === 'string' && typeof b === 'string' && a.replace(/Z$/, '+00:00') === b),
    reason:
      "A Date bound without a column (a sql`` value, db.execute, a placeholder's value) goes to the driver as is: " +
      "mizzle/neon-http sends toISOString() ('1970-01-01T00:00:00.000Z'), @neondatabase/serverless its " +
      "PostgreSQL form ('1970-01-01T00:00:00.000+00:00'). The same instant; read back as text, the spelling differs.",
    repro: `(await db.execute(sql\`select \${new Date(0)} as x\`)).rows[0].x`,
  },
  {
    id: 'raw invalid Date',
    class: 'drizzle bug',
    code: /new Date\(NaN\)/,
    mizzle: /^threw: an invalid Date cannot be bound as a value/,
    reason:
      'An invalid Date bound without a column (a sql`` value, db.execute): mizzle refuses it with a MizzleError ' +
      "(kind 'type', as for a column-bound one); drizzle-orm sends '0NaN-NaN-NaNTNaN:NaN:NaN.NaN+NaN:NaN', which " +
      'PostgreSQL refuses as a timestamp and keeps as text.',
    repro: `db.execute(sql\`select \${new Date(NaN)}\`): a MizzleError in mizzle, the text 'NaN-...' in drizzle-orm`,
  },
];
