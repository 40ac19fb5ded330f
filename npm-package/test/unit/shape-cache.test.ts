/**
 * The JS shape cache is keyed by a hash of the opcodes and verifies the
 * opcodes (and dialect) on a hit, so even shapes whose hashes collide get
 * their own SQL. Forced here by making every hash equal.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { Encoder } from '../../src/engine/encoder.js';
import { eq } from '../../src/index.js';
import { integer, sqliteTable, text } from '../../src/sqlite-core/index.js';
import { createDatabase, drizzle } from '../../src/sqlite-wasm/index.js';

const users = sqliteTable('users', { id: integer('id').primaryKey(), name: text('name') });

const hash = Object.getOwnPropertyDescriptor(Encoder.prototype, 'hash')!;
after(() => Object.defineProperty(Encoder.prototype, 'hash', hash));

test('shapes with the same hash keep their own SQL', async () => {
  const db = drizzle(await createDatabase());
  Object.defineProperty(Encoder.prototype, 'hash', { ...hash, value: () => 7 });
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
  assert.deepEqual(queries.map((q) => q().toSQL()), first);
});
