/**
 * Bad input is a typed `MizzleError` (README, "Errors"), never a raw TypeError
 * or RangeError from deep inside the package: bytes in any form bind as blobs,
 * nesting past the engine's limit is `too_deep` however deep, a value JSON
 * cannot hold names its column, and a comparison operand that cannot be what
 * the column's mode holds is refused as a written value is.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  and,
  asc,
  between,
  eq,
  fillPlaceholders,
  gt,
  inArray,
  MizzleError,
  not,
  or,
  sql,
  type SQL,
  type SQLWrapper,
} from '../../src/index.js';
import { json as mysqlJson, mysqlTable } from '../../src/mysql-core/index.js';
import { integer as pgInteger, json as pgJson, jsonb, pgTable } from '../../src/pg-core/index.js';
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
let client: Awaited<ReturnType<typeof createDatabase>>;

before(async () => {
  client = await createDatabase();
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
  test('10,000 custom getSQL() objects each embedding the next', () => {
    for (const wrap of [(inner: SQLWrapper) => sql`${inner}`, (inner: SQLWrapper) => sql`(${inner})`]) {
      let w: SQLWrapper = { getSQL: () => sql`1 = 1` };
      for (let i = 0; i < 10_000; i++) {
        const inner = w;
        w = { getSQL: () => wrap(inner) };
      }
      rejects(() => db.select().from(t).where(w).all(), 'too_deep', /nests too deeply/);
    }
  });
  test('10,000 sql`...`.as() each in the next', () => {
    let s: SQL = sql`1`;
    for (let i = 0; i < 10_000; i++) s = sql`${s.as(`a${i}`)}`;
    rejects(() => db.select({ x: s }).from(t).all(), 'too_deep', /nests too deeply/);
  });
  test('10,000 fragments nested through sql.join and .mapWith are flat text, not nesting', () => {
    let s: SQL = sql`${t.id}`;
    for (let i = 0; i < 10_000; i++) s = sql.join([s.mapWith(Number)], sql`, `);
    assert.equal(db.select({ x: s }).from(t).toSQL().sql, 'select "t"."id" from "t"');
  });
  test('inlineParams() of fragments nested 10,000 deep, through sql.join and .mapWith, or cyclic', () => {
    const nested: ((s: SQL) => SQL)[] = [
      (s) => sql`(${s})`,
      (s) => sql.join([s, sql`${1}`], sql`, `),
      (s) => sql`(${s.mapWith(Number)}, ${[1, 2]})`,
    ];
    for (const wrap of nested) {
      let s: SQL = sql`${'a'}`;
      for (let i = 0; i < 10_000; i++) s = wrap(s);
      rejects(() => s.inlineParams(), 'too_deep', /nests too deeply/);
    }
    const cyclic = sql`(`;
    cyclic.queryChunks.push(cyclic);
    rejects(() => cyclic.inlineParams(), 'too_deep', /nests too deeply/);
    let list: unknown[] = [1];
    for (let i = 0; i < 10_000; i++) list = [list];
    rejects(() => sql`${list}`.inlineParams(), 'too_deep', /nests too deeply/);
  });
  test('a set operation ordered by a fragment 10,000 deep', () => {
    let s: SQL = sql`${t.id}`;
    for (let i = 0; i < 10_000; i++) s = sql`(${s})`;
    const q = db
      .select({ id: t.id })
      .from(t)
      .union(db.select({ id: t.id }).from(t))
      .orderBy(asc(s));
    rejects(() => q.all(), 'too_deep', /nests too deeply/);
  });
  test('a cyclic selection object, selected and as a subquery', () => {
    const fields: Record<string, unknown> = { id: t.id };
    fields.self = fields;
    rejects(
      () =>
        db
          .select(fields as never)
          .from(t)
          .all(),
      'too_deep',
      /nests too deeply/,
    );
    rejects(
      () =>
        db
          .select(fields as never)
          .from(t)
          .as('s'),
      'too_deep',
      /nests too deeply/,
    );
  });
  test('a cyclic pg array value', () => {
    const p = pgTable('p', { ns: pgInteger().array() });
    const arr: unknown[] = [1];
    arr.push(arr);
    rejects(() => p.ns.mapToDriverValue(arr as never), 'too_deep', /nests too deeply/);
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
  test('300,000 chunks appended, joined and inlined (no spread into a call)', () => {
    const values = Array.from({ length: 300_000 }, (_, i) => i);
    const list = sql.join(values, sql`, `);
    const s = sql`select `.append(list);
    assert.equal(s.queryChunks.length, 1 + 2 * values.length - 1);
    s.inlineParams();
    assert.equal(s.queryChunks.at(-1)?.constructor.name, 'StringChunk');
    const twice = sql`${1}`;
    assert.equal(twice.append(twice).queryChunks.length, 2);
  });
  test('a fragment or list that contains itself', () => {
    const wrapping = sql``;
    wrapping.queryChunks.push(wrapping);
    const text = sql`(`;
    text.queryChunks.push(text);
    const list: unknown[] = [1];
    list.push(list);
    for (const where of [wrapping, text, sql`${t.id} in ${list}`]) {
      rejects(() => db.select().from(t).where(where).all(), 'too_deep', /nests too deeply/);
    }
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

describe("a placeholder's value is checked when the statement runs", () => {
  const ph = sql.placeholder;
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  test('compared with a date mode: a Date or a number (bound as given, as drizzle binds it), nothing else', () => {
    const q = db
      .select({ id: t.id })
      .from(t)
      .where(eq(t.ts, ph('x')))
      .prepare();
    rejects(() => q.all({ x: 'not a date' }), 'type', /column "ts" expects a valid Date, got string not a date/);
    rejects(() => q.all({ x: new Date(Number.NaN) }), 'type', /an invalid Date/);
    rejects(() => q.all({ x: Number.NaN }), 'type', /column "ts"/);
    rejects(() => q.all({ x: {} }), 'type', /column "ts"/);
    assert.deepEqual(q.all({ x: 0 }), []);
    assert.deepEqual(q.all({ x: null }), []);
    // Not an execution-time check: the same prepared statement runs again after a refusal.
    rejects(() => q.all({ x: 'again' }), 'type', /column "ts"/);
  });
  test('compared with a boolean or bigint mode, as a direct operand is', () => {
    const flag = db
      .select({ id: t.id })
      .from(t)
      .where(eq(t.flag, ph('v')))
      .prepare();
    rejects(() => flag.all({ v: 'x' }), 'type', /column "flag" expects a boolean, got string x/);
    assert.deepEqual(flag.all({ v: true }), []);
    assert.deepEqual(flag.all({ v: 1 }), []);
    const big = db
      .select({ id: t.id })
      .from(t)
      .where(gt(t.big, ph('v')))
      .prepare();
    rejects(() => big.all({ v: 1.5 }), 'type', /column "big" expects a bigint/);
    rejects(() => big.all({ v: 'ten' }), 'type', /column "big"/);
    assert.deepEqual(big.all({ v: 42n }), []);
  });
  test('in inArray, between, relational where and sql.param(placeholder, column)', () => {
    const x = { x: 'nope' };
    rejects(
      () =>
        db
          .select()
          .from(t)
          .where(inArray(t.ts, [ph('x')]))
          .all(x),
      'type',
      /column "ts"/,
    );
    rejects(
      () =>
        db
          .select()
          .from(t)
          .where(between(t.ts, ph('x'), new Date(0)))
          .all(x),
      'type',
      /column "ts"/,
    );
    rejects(
      () =>
        db
          .select()
          .from(t)
          .where(sql`${t.ts} = ${sql.param(ph('x'), t.ts)}`)
          .all(x),
      'type',
      /"ts"/,
    );
    rejects(() => fillPlaceholders([sql.param(ph('x'), t.ts)], x), 'type', /column "ts"/);
    const rdb = drizzle(client, { schema: { t } });
    const found = rdb.query.t.findMany({ where: (c, { eq }) => eq(c.flag, ph('x')) }).prepare();
    rejects(() => found.execute(x), 'type', /column "flag"/);
  });
  test('written to a column: as a value written directly is', () => {
    const ins = db
      .insert(t)
      .values({ id: ph('id'), ts: ph('ts'), flag: ph('flag'), doc: ph('doc') })
      .prepare();
    const row = { id: 6, ts: new Date(0), flag: true, doc: { a: 1 } };
    rejects(() => ins.run({ ...row, ts: 'not a date' }), 'type', /column "ts" expects a valid Date/);
    rejects(() => ins.run({ ...row, ts: 0 }), 'type', /column "ts"/);
    rejects(() => ins.run({ ...row, flag: 1 }), 'type', /column "flag" expects a boolean/);
    rejects(() => ins.run({ ...row, id: '6' }), 'type', /column "id" expects a number/);
    rejects(() => ins.run({ ...row, doc: cyclic }), 'invalid', /column "doc".*circular/);
    ins.run(row);
    const set = db
      .update(t)
      .set({ big: ph('big') as never })
      .where(eq(t.id, 6))
      .prepare();
    rejects(() => set.run({ big: 7 }), 'type', /column "big" expects a bigint/);
    set.run({ big: 7n });
    assert.deepEqual(db.select({ ts: t.ts, flag: t.flag, doc: t.doc, big: t.big }).from(t).all(), [
      { ts: new Date(0), flag: true, doc: { a: 1 }, big: 7n },
    ]);
    db.delete(t).run();
  });
  test('other modes bind what they are given, as drizzle does', () => {
    const q = db
      .select({ id: t.id })
      .from(t)
      .where(eq(t.id, ph('x')))
      .prepare();
    assert.deepEqual(q.all({ x: '1' }), []);
    // A JSON mode binds as given too, as drizzle does, and SQLite binds no object (drizzle: a RangeError).
    rejects(
      () =>
        db
          .select()
          .from(t)
          .where(eq(t.doc, ph('x')))
          .all({ x: cyclic }),
      'type',
      /cannot bind/,
    );
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
  test('an invalid Date or a cyclic array bound on Neon or PlanetScale', () => {
    rejects(() => encodeParam(new Date(Number.NaN)), 'type', /invalid Date/);
    rejects(() => encodeValues([new Date(Number.NaN)]), 'type', /invalid Date/);
    const cyclic: unknown[] = [1];
    cyclic.push(cyclic);
    rejects(() => encodeParam(cyclic), 'too_deep', /nests too deeply/);
  });
  test('Dates beyond year 9999 or before year 1 bound on Neon as PostgreSQL writes them', () => {
    assert.equal(encodeParam(new Date(8.64e15)), '275760-09-13T00:00:00.000+00:00');
    assert.equal(encodeParam(new Date(-8.64e15)), '271822-04-20T00:00:00.000+00:00 BC');
    assert.equal(encodeParam(new Date('0000-06-01T00:00:00Z')), '0001-06-01T00:00:00.000+00:00 BC');
    assert.equal(encodeParam(new Date(0)), '1970-01-01T00:00:00.000Z');
  });
  test('inlineParams() of an object JSON cannot hold', () => {
    rejects(() => sql`select ${{ n: 1n }}`.inlineParams(), 'invalid', /a parameter/);
  });
  test("fillPlaceholders without a placeholder's value", () => {
    rejects(() => fillPlaceholders([sql.placeholder('c')], {}), 'missing_placeholder', /"c"/);
  });
  test('names and SQL text that are not strings (drizzle writes sql.raw(1) as 1)', () => {
    rejects(() => db.all(sql.raw(1 as never)), 'invalid', /must be a string, got number/);
    rejects(() => db.all(sql`select 1 as ${sql.identifier(null as never)}`), 'invalid', /got object/);
    rejects(
      () =>
        db
          .select()
          .from(t)
          .where(eq(t.id, sql.placeholder({} as never)))
          .all({}),
      'invalid',
      /string/,
    );
  });
  test('inlineParams() of an object without a prototype', () => {
    const o = Object.assign(Object.create(null) as object, { a: 1 });
    const s = sql`select ${o} as x`.inlineParams();
    assert.deepEqual(db.get(s), { x: '{"a":1}' });
  });
  test('relational columns: null and with: { rel: null } read as drizzle reads them', () => {
    const rdb = drizzle(client, { schema: { t } });
    assert.deepEqual(rdb.query.t.findMany({ columns: null as never, with: { nope: null } as never }).sync(), []);
  });
});

describe('db.query', () => {
  test('a table not in the schema is undefined, as in drizzle', () => {
    assert.equal((db.query as Record<string, unknown>).nope, undefined);
  });
});
