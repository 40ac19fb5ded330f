/**
 * Bad input is a typed `MizzleError` (README, "Errors"), never a raw TypeError
 * or RangeError from deep inside the package: bytes in any form bind as blobs,
 * nesting past the engine's limit is `too_deep` however deep, a value JSON
 * cannot hold names its column, and a comparison operand that cannot be what
 * the column's mode holds is refused as a written value is.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { and, between, eq, fillPlaceholders, inArray, MizzleError, not, or, sql, type SQL } from '../../src/index.js';
import { json as mysqlJson, mysqlTable } from '../../src/mysql-core/index.js';
import { json as pgJson, jsonb, pgTable } from '../../src/pg-core/index.js';
import { encodeParam } from '../../src/neon-http/values.js';
import { encodeValues } from '../../src/planetscale/values.js';
import { blob, integer, sqliteTable, text } from '../../src/sqlite-core/index.js';
import { createDatabase, drizzle, type SQLiteWasmDatabase } from '../../src/sqlite-wasm/index.js';

const t = sqliteTable('t', {
  id: integer('id').primaryKey(),
  bytes: blob('bytes'),
  doc: text('doc', { mode: 'json' }),
  docBlob: blob('doc_blob', { mode: 'json' }),
  ts: integer('ts', { mode: 'timestamp' }),
  flag: integer('flag', { mode: 'boolean' }),
  big: blob('big', { mode: 'bigint' }),
});

let db: SQLiteWasmDatabase;

before(async () => {
  const client = await createDatabase();
  client.exec(
    'create table t (id integer primary key, bytes blob, doc text, doc_blob blob, ts integer, flag integer, big blob)',
  );
  db = drizzle(client);
});

function rejects(fn: () => unknown, kind: string, pattern: RegExp) {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof MizzleError, `expected a MizzleError, got ${String(e)}`);
    assert.equal(e.kind, kind, e.message);
    assert.match(e.message, pattern);
    return true;
  });
}

describe('bytes in any form bind as a blob', () => {
  const cases: [string, unknown][] = [
    ['an ArrayBuffer', new Uint8Array([1, 2, 3]).buffer],
    ['a DataView', new DataView(new Uint8Array([9, 1, 2, 3, 9]).buffer, 1, 3)],
    ['a Uint8Array', new Uint8Array([1, 2, 3])],
    ['a Node Buffer', Buffer.from([1, 2, 3])],
  ];
  for (const [what, value] of cases) {
    test(`${what} in sql\`...\``, () => {
      const row = db.get<{ x: Uint8Array; n: string }>(sql`select ${value} as x, typeof(${value}) as n`);
      assert.deepEqual([...row!.x], [1, 2, 3]);
      assert.equal(row!.n, 'blob');
    });
  }
  test('a wider typed array binds its bytes', () => {
    const row = db.get<{ n: number }>(sql`select length(${new Int16Array([1, 2, 3])}) as n`);
    assert.equal(row!.n, 6);
  });
  test('an ArrayBuffer as a prepared value and as a blob column operand', () => {
    db.insert(t)
      .values({ id: 1, bytes: new Uint8Array([1, 2, 3]) })
      .run();
    const q = db
      .select({ id: t.id })
      .from(t)
      .where(eq(t.bytes, sql.placeholder('b')))
      .prepare();
    assert.deepEqual(q.all({ b: new Uint8Array([1, 2, 3]).buffer }), [{ id: 1 }]);
    assert.deepEqual(
      db
        .select({ id: t.id })
        .from(t)
        .where(eq(t.bytes, new Uint8Array([1, 2, 3]).buffer as never))
        .all(),
      [{ id: 1 }],
    );
    db.delete(t).run();
  });
});

describe('nesting past the engine limit is too_deep, however deep', () => {
  function nest(n: number, join: (a: SQL, b: SQL) => SQL): SQL {
    let c = eq(t.id, 0);
    for (let i = 1; i <= n; i++) c = join(c, eq(t.id, i));
    return c;
  }
  for (const n of [1_000, 10_000]) {
    test(`${n}-deep and() / or() / not()`, () => {
      for (const join of [(a: SQL, b: SQL) => and(a, b)!, (a: SQL, b: SQL) => or(a, b)!, (a: SQL) => not(a)]) {
        const where = nest(n, join);
        rejects(() => db.select().from(t).where(where).all(), 'too_deep', /nests too deeply/);
      }
    });
    test(`${n}-deep sql\`...\` around nodes around sql\`...\``, () => {
      let where: SQL = sql`1`;
      for (let i = 0; i < n; i++) where = sql`(${not(where)})`;
      rejects(() => db.select().from(t).where(where).all(), 'too_deep', /nests too deeply/);
    });
  }
  test('3,000 subqueries each selecting from the next', () => {
    // Typed loosely: each level's type names its own alias.
    let q: { as(alias: string): { id: unknown }; all(): unknown } = db.select({ id: t.id }).from(t);
    for (let i = 0; i < 3_000; i++) {
      const s = q.as(`s${i}`);
      q = db.select({ id: s.id as typeof t.id }).from(s as never) as never;
    }
    rejects(() => q.all(), 'too_deep', /nests too deeply/);
  });
  test('the limit is the engine one: 150 levels still compile', () => {
    assert.deepEqual(
      db
        .select()
        .from(t)
        .where(nest(150, (a, b) => and(a, b)!))
        .all(),
      [],
    );
  });
  // Compiled only: SQLite's own parser refuses this much nesting (a MizzleQueryError).
  test('10,000 fragments each in parentheses: flat text, not nesting', () => {
    let where: SQL = sql`${t.id} = ${-1}`;
    for (let i = 0; i < 10_000; i++) where = sql`(${where})`;
    const q = db.select({ id: t.id }).from(t).where(where).toSQL();
    assert.ok(q.sql.endsWith(`where ${'('.repeat(10_000)}"t"."id" = ?${')'.repeat(10_000)}`));
  });
  test('a fragment appended to 10,000 times is flat text, not nesting', () => {
    let where: SQL = sql`${t.id} = ${-1}`;
    for (let i = 0; i < 10_000; i++) where = sql`${where} or ${t.id} = ${i}`;
    assert.equal(db.select({ id: t.id }).from(t).where(where).toSQL().params.length, 10_001);
  });
  test('10,000 fragments each wrapping one fragment', () => {
    let where: SQL = sql`${eq(t.id, 1)}`;
    for (let i = 0; i < 10_000; i++) where = sql`${where}`;
    assert.deepEqual(db.select({ id: t.id }).from(t).where(where).all(), []);
  });
});

describe('a value JSON cannot hold names its column', () => {
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  test('text json and blob json columns, written', () => {
    rejects(
      () =>
        db
          .insert(t)
          .values({ id: 2, doc: { n: 1n } })
          .run(),
      'invalid',
      /column "doc".*BigInt/,
    );
    rejects(() => db.insert(t).values({ id: 2, doc: cyclic }).run(), 'invalid', /column "doc".*circular/);
    rejects(
      () =>
        db
          .update(t)
          .set({ docBlob: { n: 1n } })
          .run(),
      'invalid',
      /column "doc_blob"/,
    );
  });
  test('as a comparison operand and as sql.param through the column', () => {
    rejects(
      () =>
        db
          .select()
          .from(t)
          .where(eq(t.doc, { n: 1n }))
          .all(),
      'invalid',
      /column "doc"/,
    );
    rejects(() => db.all(sql`select ${sql.param(cyclic, t.doc)}`), 'invalid', /column "doc"/);
  });
  test('pg json / jsonb and mysql json columns', () => {
    const p = pgTable('p', { meta: pgJson('meta'), prefs: jsonb() });
    const m = mysqlTable('m', { meta: mysqlJson('meta') });
    rejects(() => p.meta.mapToDriverValue({ n: 1n }), 'invalid', /column "meta"/);
    rejects(() => p.prefs.mapToDriverValue(cyclic), 'invalid', /column "prefs"/);
    rejects(() => m.meta.mapToDriverValue({ n: 1n }), 'invalid', /column "meta"/);
    assert.equal(p.meta.mapToDriverValue({ a: [1] }), '{"a":[1]}');
  });
});

describe("a comparison operand is checked against the column's mode", () => {
  const where = (c: SQL | undefined) => () => db.select().from(t).where(c).all();
  test('a date mode takes only a valid Date (drizzle throws a TypeError)', () => {
    rejects(where(eq(t.ts, 'not a date' as never)), 'type', /column "ts" expects a valid Date, got string not a date/);
    rejects(where(eq(t.ts, 1700000000 as never)), 'type', /column "ts"/);
    rejects(where(eq(t.ts, new Date(Number.NaN))), 'type', /an invalid Date/);
    rejects(where(between(t.ts, new Date(0), 'x' as never)), 'type', /column "ts"/);
    rejects(where(inArray(t.ts, [new Date(0), {} as never])), 'type', /column "ts"/);
    assert.deepEqual(where(eq(t.ts, new Date(0)))(), []);
  });
  test('a boolean mode takes booleans and numbers, not text', () => {
    rejects(where(eq(t.flag, 'x' as never)), 'type', /column "flag" expects a boolean, got string x/);
    rejects(where(eq(t.flag, 'false' as never)), 'type', /column "flag"/);
    assert.deepEqual(where(eq(t.flag, true))(), []);
    assert.deepEqual(where(eq(t.flag, 1 as never))(), []);
  });
  test('a bigint mode takes bigints, integer numbers and integer text', () => {
    rejects(where(eq(t.big, 1.5 as never)), 'type', /column "big" expects a bigint/);
    rejects(where(eq(t.big, 'ten' as never)), 'type', /column "big"/);
    rejects(where(eq(t.big, {} as never)), 'type', /column "big"/);
    db.insert(t).values({ id: 3, big: 42n }).run();
    for (const v of [42n, 42, '42']) assert.deepEqual(where(eq(t.big, v as never))().length, 1);
    db.delete(t).run();
  });
  test('other modes bind what they are given, as drizzle does', () => {
    assert.deepEqual(where(eq(t.id, '1' as never))(), []);
  });
});

describe('other bad input', () => {
  test('text in a JSON or bigint column that does not parse is a decode error', () => {
    db.run(sql`insert into t (id, doc, big) values (4, 'not json', null), (5, null, 'ten')`);
    rejects(() => db.select({ doc: t.doc }).from(t).where(eq(t.id, 4)).all(), 'decode', /not JSON/);
    rejects(() => db.select({ big: t.big }).from(t).where(eq(t.id, 5)).all(), 'decode', /not an integer/);
    db.delete(t).run();
  });
  test('an object JSON cannot hold bound on Neon or PlanetScale', () => {
    rejects(() => encodeParam({ n: 1n }), 'invalid', /a parameter: .*BigInt/);
    rejects(() => encodeValues([{ n: 1n }]), 'invalid', /a parameter/);
  });
  test('inlineParams() of an object JSON cannot hold', () => {
    rejects(() => sql`select ${{ n: 1n }}`.inlineParams(), 'invalid', /a parameter/);
  });
  test("fillPlaceholders without a placeholder's value", () => {
    rejects(() => fillPlaceholders([sql.placeholder('c')], {}), 'missing_placeholder', /"c"/);
  });
});

describe('db.query', () => {
  test('a table not in the schema is undefined, as in drizzle', () => {
    assert.equal((db.query as Record<string, unknown>).nope, undefined);
  });
});
