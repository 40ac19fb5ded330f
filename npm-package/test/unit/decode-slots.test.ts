/**
 * Issue 14, items 1 and 2: a subquery's select list must not take the decode
 * plan's slots. Before the fix, RETURNING after a subquery anywhere in an
 * UPDATE / DELETE / upsert came back undecoded (booleans as 0/1, dates as
 * numbers, JSON as text), and in a relational query every relation after one
 * whose `where` held a subquery was decoded with its neighbour's decoders.
 * Run on the embedded SQLite (real SQLite in the engine's wasm).
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { eq, exists, inArray, relations, sql } from '../../src/index.js';
import { blob, integer, sqliteTable, text } from '../../src/sqlite-core/index.js';
import { createDatabase, drizzle, type SQLiteWasmDatabase } from '../../src/sqlite-wasm/index.js';

const p = sqliteTable('p', {
  id: integer().primaryKey(),
  ts: integer({ mode: 'timestamp' }).notNull(),
  b: integer({ mode: 'boolean' }).notNull(),
  j: text({ mode: 'json' }).$type<{ a: number }>(),
  big: blob({ mode: 'bigint' }),
});
const k = sqliteTable('k', { id: integer().primaryKey(), pid: integer().notNull(), on: integer({ mode: 'boolean' }) });
const q = sqliteTable('q', {
  id: integer().primaryKey(),
  pid: integer().notNull(),
  at: integer({ mode: 'timestamp' }),
});
const pRelations = relations(p, ({ many }) => ({ ks: many(k), qs: many(q) }));
const kRelations = relations(k, ({ one }) => ({ p: one(p, { fields: [k.pid], references: [p.id] }) }));
const qRelations = relations(q, ({ one }) => ({ p: one(p, { fields: [q.pid], references: [p.id] }) }));
const schema = { p, k, q, pRelations, kRelations, qRelations };

const AT = new Date(1_700_000_000_000);
const ROW = { id: 1, ts: AT, b: false, j: { a: 1 }, big: 2n ** 60n };

describe('subqueries do not take decode slots', () => {
  let db: SQLiteWasmDatabase<typeof schema>;
  before(async () => {
    const client = await createDatabase();
    client.exec(
      'create table p (id integer primary key, ts integer not null, b integer not null, j text, big blob);' +
        'create table k (id integer primary key, pid integer not null, "on" integer);' +
        'create table q (id integer primary key, pid integer not null, at integer);',
    );
    db = drizzle(client, { schema });
  });

  test('RETURNING of an update whose WHERE holds a subquery', () => {
    db.delete(p).run();
    db.insert(p)
      .values({ ...ROW, b: true })
      .run();
    db.insert(k).values({ id: 1, pid: 1, on: true }).run();
    const rows = db
      .update(p)
      .set({ b: false })
      .where(inArray(p.id, db.select({ x: k.pid }).from(k)))
      .returning()
      .all();
    assert.deepEqual(rows, [ROW]);
  });

  test('RETURNING of a delete with exists() and of an upsert whose SET holds a subquery', () => {
    const gone = db
      .delete(p)
      .where(exists(db.select({ x: k.id }).from(k).where(eq(k.pid, p.id))))
      .returning()
      .all();
    assert.deepEqual(gone, [ROW]);
    db.insert(p).values(ROW).run();
    const upserted = db
      .insert(p)
      .values(ROW)
      .onConflictDoUpdate({ target: p.id, set: { b: sql`(select ${k.on} from ${k} where ${k.id} = 1)` } })
      .returning()
      .get();
    assert.deepEqual(upserted, { ...ROW, b: true });
  });

  test('relations after one whose where holds a subquery keep their own decoders', () => {
    db.insert(q).values({ id: 1, pid: 1, at: AT }).run();
    const found = db.query.p
      .findFirst({
        columns: { id: true },
        with: {
          ks: { where: (x) => exists(db.select({ y: q.id }).from(q).where(eq(q.pid, x.pid))) },
          qs: true,
        },
      })
      .sync();
    assert.deepEqual(found, { id: 1, ks: [{ id: 1, pid: 1, on: true }], qs: [{ id: 1, pid: 1, at: AT }] });
  });
});
