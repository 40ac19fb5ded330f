/**
 * The JS shape cache is keyed by a hash of the opcodes and verifies the
 * opcodes (and dialect) on a hit, so even shapes whose hashes collide get
 * their own SQL. Forced here by making every hash equal.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { OpBuffer } from '../../src/engine/encode/buffer.js';
import { type Engine, SHAPE_CACHE_BYTES, SHAPE_CACHE_LIMIT, STRING_TABLE_LIMIT } from '../../src/engine/engine.js';
import { eq, inArray, sql } from '../../src/index.js';
import { integer, sqliteTable, text } from '../../src/sqlite-core/index.js';
import { createDatabase, drizzle } from '../../src/sqlite-wasm/index.js';

const users = sqliteTable('users', { id: integer('id').primaryKey(), name: text('name') });

const hash = Object.getOwnPropertyDescriptor(OpBuffer.prototype, 'hash')!;
after(() => Object.defineProperty(OpBuffer.prototype, 'hash', hash));

test('shapes with the same hash keep their own SQL', async () => {
  const db = drizzle(await createDatabase());
  Object.defineProperty(OpBuffer.prototype, 'hash', { ...hash, value: () => 7 });
  const queries = [
    () => db.select().from(users).where(eq(users.id, 1)),
    () => db.select({ name: users.name }).from(users).where(eq(users.id, 2)),
    () => db.select({ id: users.id }).from(users),
  ];
  const first = queries.map((q) => q().toSQL());
  assert.deepEqual(first, [
    { sql: 'select "users"."id", "users"."name" from "users" where "users"."id" = ?', params: [1] },
    { sql: 'select "users"."name" from "users" where "users"."id" = ?', params: [2] },
    { sql: 'select "users"."id" from "users"', params: [] },
  ]);
  // Hits on the shared chain give the same answers again.
  assert.deepEqual(
    queries.map((q) => q().toSQL()),
    first,
  );
});

test('the cache is bounded: emptied when full, shapes compile again to the same SQL', async () => {
  Object.defineProperty(OpBuffer.prototype, 'hash', hash);
  const db = drizzle(await createDatabase());
  const engine = (db as unknown as { session: { engine: Engine } }).session.engine;
  const hot = () => db.select({ name: users.name }).from(users).where(eq(users.id, 1)).toSQL();
  const want = hot();
  const start = engine.compiles;
  // Never-seen small shapes (a literal per query), well past the limit, with the hot shape used all along.
  const total = SHAPE_CACHE_LIMIT * 2 + 100;
  let hotUses = 0;
  for (let n = 1; n <= total; n++) {
    const q = db
      .select({ id: users.id })
      .from(users)
      .where(sql`${users.id} = ${sql.raw(String(n))}`)
      .toSQL();
    if (n === total) assert.equal(q.sql, `select "users"."id" from "users" where "users"."id" = ${total}`);
    if (n % 500 === 0) {
      assert.deepEqual(hot(), want);
      hotUses++;
    }
    assert.ok(engine.cachedShapes <= SHAPE_CACHE_LIMIT, `${engine.cachedShapes} shapes held`);
  }
  // Each new shape compiled once; the hot one again only after each emptying (twice here).
  const hotCompiles = engine.compiles - start - total;
  assert.ok(
    hotCompiles >= 1 && hotCompiles <= 2 && hotCompiles < hotUses,
    `hot shape compiled ${hotCompiles} times in ${hotUses} uses`,
  );
  // A shape that fell out compiles again, to the same SQL.
  const before = engine.compiles;
  const early = db
    .select({ id: users.id })
    .from(users)
    .where(sql`${users.id} = ${sql.raw('1')}`)
    .toSQL();
  assert.equal(engine.compiles, before + 1);
  assert.deepEqual(early, { sql: 'select "users"."id" from "users" where "users"."id" = 1', params: [] });
});

test('the cache is bounded in bytes too: long shapes empty it before the count limit', async () => {
  const db = drizzle(await createDatabase());
  const engine = (db as unknown as { session: { engine: Engine } }).session.engine;
  // `in` lists of growing length: the shapes (SQL and opcodes) grow, so the byte budget decides.
  let held = 0;
  for (let n = 1; n <= 1200; n++) {
    db.select({ id: users.id })
      .from(users)
      .where(
        inArray(
          users.id,
          Array.from({ length: n }, (_, i) => i),
        ),
      )
      .toSQL();
    held = Math.max(held, engine.cachedShapes);
  }
  assert.ok(held < 1200, `the cache held ${held} long shapes`);
  assert.ok(engine.cacheBytesEstimate <= SHAPE_CACHE_BYTES + 200_000, `${engine.cacheBytesEstimate} bytes held`);
});

test('the string table starts over past its limit; prepared statements keep their placeholder names', async () => {
  const client = await createDatabase();
  client.exec("create table users (id integer primary key, name text); insert into users values (1, 'ann');");
  const db = drizzle(client);
  const engine = (db as unknown as { session: { engine: Engine } }).session.engine;
  const byId = db
    .select({ name: users.name })
    .from(users)
    .where(eq(users.id, sql.placeholder('id')))
    .prepare();
  const table = engine.strings;
  // New SQL text past the limit, one statement at a time: the table is replaced between statements.
  for (let i = 0; engine.strings === table; i++) {
    assert.ok(i < 1000, 'the string table never started over');
    db.get(sql.raw(`select '${'x'.repeat(1000)}${i}' as t`));
  }
  assert.ok(engine.strings.chars < STRING_TABLE_LIMIT);
  assert.deepEqual(byId.all({ id: 1 }), [{ name: 'ann' }]);
  // Shapes compile again against the new table, to the same SQL.
  assert.equal(db.select({ name: users.name }).from(users).toSQL().sql, 'select "users"."name" from "users"');
});
