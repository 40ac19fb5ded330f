/**
 * The JS shape cache is keyed by a hash of the opcodes and verifies the
 * opcodes (and dialect) on a hit, so even shapes whose hashes collide get
 * their own SQL. Forced here by making every hash equal.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { OpBuffer } from '../../src/engine/encode/buffer.js';
import { type Engine, SHAPE_CACHE_LIMIT } from '../../src/engine/engine.js';
import { eq, inArray } from '../../src/index.js';
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
  // Never-seen shapes: an `in` list of every length, well past the limit, with the hot shape used all along.
  const total = SHAPE_CACHE_LIMIT * 2 + 100;
  let hotUses = 0;
  for (let n = 1; n <= total; n++) {
    const q = db
      .select({ id: users.id })
      .from(users)
      .where(
        inArray(
          users.id,
          Array.from({ length: n }, (_, i) => i),
        ),
      )
      .toSQL();
    if (n === total) assert.equal(q.params.length, total);
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
    .where(inArray(users.id, [0]))
    .toSQL();
  assert.equal(engine.compiles, before + 1);
  assert.deepEqual(early, { sql: 'select "users"."id" from "users" where "users"."id" in (?)', params: [0] });
});
