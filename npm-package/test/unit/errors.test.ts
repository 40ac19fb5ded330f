/**
 * Bad input never reaches the database as a wasm trap: builder mistakes are
 * typed `MizzleError`s raised before anything runs, database failures are
 * `MizzleQueryError`s with the driver's code, the SQL and the params.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { eq, MizzleError, MizzleQueryError, sql, TransactionRollbackError } from '../../src/index.js';
import { integer, sqliteTable, text } from '../../src/sqlite-core/index.js';
import { createDatabase, drizzle, type SQLiteWasmDatabase } from '../../src/sqlite-wasm/index.js';

const users = sqliteTable('users', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp' }),
  active: integer('active', { mode: 'boolean' }),
});

let db: SQLiteWasmDatabase;
let logged: string[];

before(async () => {
  const client = await createDatabase();
  client.exec(
    'create table users (id integer primary key, name text not null unique, created_at integer, active integer)',
  );
  logged = [];
  db = drizzle(client, { logger: { logQuery: (q) => logged.push(q) } });
  db.insert(users).values({ id: 1, name: 'ann' }).run();
});

function rejects(fn: () => unknown, kind: string, pattern: RegExp) {
  const before = logged.length;
  assert.throws(fn, (e: unknown) => e instanceof MizzleError && e.kind === kind && pattern.test(e.message));
  assert.equal(logged.length, before, 'nothing may be sent to the database');
}

describe('builder mistakes are typed errors before anything is sent', () => {
  // Unknown keys are ignored as drizzle ignores them (test/unit/builder-parity.test.ts); only an update that
  // would set nothing is a mistake.
  test('update set with no key naming a column', () => {
    rejects(
      () =>
        db
          .update(users)
          .set({ nope: 1 } as never)
          .run(),
      'invalid',
      /No values to set/,
    );
  });
  test('wrong value type for a mode', () => {
    rejects(
      () =>
        db
          .insert(users)
          .values({ name: 'x', createdAt: 'yesterday' as never })
          .run(),
      'type',
      /created_at.*Date/,
    );
    rejects(
      () =>
        db
          .insert(users)
          .values({ name: 'x', active: 1 as never })
          .run(),
      'type',
      /active.*boolean/,
    );
    rejects(
      () =>
        db
          .update(users)
          .set({ createdAt: new Date(Number.NaN) })
          .run(),
      'type',
      /valid Date/,
    );
  });
  test('a NUL character in an identifier', () => {
    const bad = sqliteTable('bad\0name', { id: integer('id') });
    rejects(() => db.select().from(bad).all(), 'bad_name', /NUL/);
  });
  test('a construct SQLite lacks is an unsupported error from the engine', () => {
    const q = db
      .select({ id: users.id })
      .from(users)
      .intersectAll(db.select({ id: users.id }).from(users));
    rejects(() => q.all(), 'unsupported', /INTERSECT ALL/);
  });
  test('a missing placeholder value', () => {
    const p = db
      .select()
      .from(users)
      .where(eq(users.id, sql.placeholder('id')))
      .prepare();
    rejects(() => p.all({}), 'missing_placeholder', /"id"/);
  });
  test('a value no SQLite type holds', () => {
    rejects(() => db.all(sql`select ${{ a: 1 }}`), 'type', /cannot bind/);
  });
});

describe('database failures carry code, SQL and params', () => {
  test('a unique violation', () => {
    assert.throws(
      () => db.insert(users).values({ id: 2, name: 'ann' }).run(),
      (e: unknown) =>
        e instanceof MizzleQueryError &&
        e.code === 'SQLITE_CONSTRAINT_UNIQUE' &&
        /insert into "users"/.test(e.sql) &&
        e.params.includes('ann'),
    );
  });
  test('a failed transaction leaves nothing written', () => {
    assert.throws(
      () =>
        db.transaction((tx) => {
          tx.insert(users).values({ id: 3, name: 'bob' }).run();
          tx.insert(users).values({ id: 4, name: 'ann' }).run();
        }),
      MizzleQueryError,
    );
    assert.deepEqual(db.select({ id: users.id }).from(users).all(), [{ id: 1 }]);
  });
  test('tx.rollback() and nested savepoints', () => {
    db.transaction((tx) => {
      tx.insert(users).values({ id: 5, name: 'cid' }).run();
      assert.throws(
        () =>
          tx.transaction((inner) => {
            inner.insert(users).values({ id: 6, name: 'dee' }).run();
            inner.rollback();
          }),
        TransactionRollbackError,
      );
    });
    assert.deepEqual(db.select({ id: users.id }).from(users).all(), [{ id: 1 }, { id: 5 }]);
  });
  test('an async transaction callback is refused and rolled back', () => {
    assert.throws(
      () =>
        db.transaction(async (tx) => {
          tx.insert(users).values({ id: 7, name: 'eve' }).run();
        }),
      (e: unknown) => e instanceof MizzleError && e.kind === 'transaction',
    );
    assert.equal(db.select().from(users).where(eq(users.id, 7)).get(), undefined);
  });
});

describe('joined results', () => {
  test('a left-joined group is null when its columns are, whatever SQL fields it holds', async () => {
    const { sqliteTableCreator } = await import('../../src/sqlite-core/index.js');
    const table = sqliteTableCreator((n) => `app_${n}`);
    const owners = table('owners', { id: integer('id').primaryKey(), name: text('name') });
    const pets = table('pets', { id: integer('id').primaryKey(), ownerId: integer('owner_id') });
    const client = await createDatabase();
    client.exec(
      'create table app_owners (id integer primary key, name text); ' +
        'create table app_pets (id integer primary key, owner_id integer); ' +
        "insert into app_owners values (1, 'ann'), (2, 'bob'); insert into app_pets values (10, 1)",
    );
    const pdb = drizzle(client);
    // Keys are the declared names, as in drizzle (not the prefixed SQL names).
    const rows = pdb.select().from(owners).leftJoin(pets, eq(pets.ownerId, owners.id)).orderBy(owners.id).all();
    assert.deepEqual(rows, [
      { owners: { id: 1, name: 'ann' }, pets: { id: 10, ownerId: 1 } },
      { owners: { id: 2, name: 'bob' }, pets: null },
    ]);
    const mixed = pdb
      .select({ name: owners.name, pet: { id: pets.id, one: sql<number>`1` } })
      .from(owners)
      .leftJoin(pets, eq(pets.ownerId, owners.id))
      .orderBy(owners.id)
      .all();
    assert.deepEqual(mixed, [
      { name: 'ann', pet: { id: 10, one: 1 } },
      { name: 'bob', pet: null },
    ]);
  });
});
