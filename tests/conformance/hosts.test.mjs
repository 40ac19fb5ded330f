// mizzle on Cloudflare's runtimes, in real workerd through miniflare: one worker bundled
// with esbuild (conditions ['workerd', ...], the wasm kept as a CompiledWasm module) that
// imports mizzle/d1 and mizzle/durable-sqlite (hosts-worker.mjs). D1 cases over fetch,
// Durable Object cases over JS RPC (`mf.getDurableObjectNamespace`).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bundleWorker, fetchJson, miniflare } from './lib/workers.mjs';

let mf;
before(async () => {
  const script = await bundleWorker(
    'hosts',
    `export * from '../../hosts-worker.mjs';\nexport { default } from '../../hosts-worker.mjs';\n`,
  );
  mf = miniflare(script, {
    d1Databases: ['DB'],
    durableObjects: { STORE: { className: 'Store', useSQLite: true } },
  });
  await mf.ready;
});
after(async () => {
  await mf?.dispose();
});

const d1 = (name) => fetchJson(mf, `/d1/${name}`);
let objects = 0;
/** A stub of a fresh Durable Object (its own SQLite database). */
async function store() {
  const ns = await mf.getDurableObjectNamespace('STORE');
  return ns.get(ns.idFromName(`store-${++objects}-${Date.now()}`));
}

const THING = {
  id: 1,
  flag: true,
  at: '2024-05-06T07:08:09.000Z', // timestamp mode keeps seconds
  atMs: '2024-05-06T07:08:09.999Z',
  data: 'hex:00017f80ff',
  doc: { a: [1, 'two'], b: null },
  big: '123456789012345678901234567890n',
  dataIsUint8Array: true,
};

describe('D1 (mizzle/d1)', () => {
  test('real queries return rows', async () => {
    const r = await d1('rows');
    assert.deepEqual(r.byId, [{ id: 2, name: 'bob', managerId: 1 }]);
    assert.deepEqual(r.joined, [
      { name: 'ann', manager: null },
      { name: 'bob', manager: 'ann' },
      { name: 'cid', manager: 'ann' },
      { name: 'dan', manager: 'bob' },
    ]);
    assert.deepEqual(r.counts, [
      { managerId: null, n: 1 },
      { managerId: 1, n: 2 },
      { managerId: 2, n: 1 },
    ]);
    assert.deepEqual(r.updated, [{ id: 2, name: 'BOB' }]);
    assert.deepEqual(r.deleted, [{ id: 4 }]);
    assert.equal(r.left, 3);
  });

  test('a 250-row insert (500 params) is split under the 100-parameter limit and lands whole', async () => {
    const r = await d1('split');
    assert.equal(r.returned, 250);
    assert.equal(r.stored, 250);
    assert.equal(r.statements, 5, 'five statements of 50 rows x 2 params');
    assert.ok(r.maxParams <= 100, `a statement carried ${r.maxParams} params`);
  });

  test('the split insert is atomic: a duplicate key in the last chunk writes nothing', async () => {
    const r = await d1('splitAtomic');
    assert.equal(r.threw, true);
    assert.equal(r.error.isQueryError, true, JSON.stringify(r.error));
    assert.match(r.error.message, /UNIQUE|constraint/i);
    assert.equal(r.statements, 5, 'all five chunks were sent in one batch');
    assert.equal(r.stored, 0, 'the first four chunks were rolled back');
  });

  test('db.batch is atomic: a failing statement rolls back the earlier ones', async () => {
    const r = await d1('batchAtomic');
    assert.equal(r.threw, true);
    assert.equal(r.error.name, 'MizzleQueryError');
    assert.equal(r.items, 0);
    assert.deepEqual(r.users, [{ id: 1, name: 'ann', managerId: null }]);
  });

  test('db.batch returns each result in order', async () => {
    const r = await d1('batchOk');
    assert.deepEqual(r, {
      ins: [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }],
      sel: [{ name: 'bob' }, { name: 'cid' }],
      cnt: [{ n: 4 }],
    });
  });

  test('db.transaction() is a typed error pointing to db.batch', async () => {
    const r = await d1('transaction');
    assert.equal(r.threw, true);
    assert.equal(r.error.name, 'MizzleError');
    assert.equal(r.error.isMizzleError, true);
    assert.equal(r.error.kind, 'transaction');
    assert.match(r.error.message, /db\.batch/);
    assert.equal(r.ran, false);
    assert.equal(r.stored, 0);
  });

  test('two selected columns with the same name keep their own values (raw rows)', async () => {
    const r = await d1('duplicateNames');
    assert.deepEqual(r.objectKeys, ['name'], 'D1 objects collapse the two columns: the case raw() avoids');
    assert.deepEqual(r.rows, [
      { a: 'bob', b: 'ann' },
      { a: 'cid', b: 'ann' },
      { a: 'dan', b: 'bob' },
    ]);
    assert.deepEqual(r.full[2], {
      users: { id: 4, name: 'dan', managerId: 2 },
      u2: { id: 2, name: 'bob', managerId: 1 },
    });
  });

  test('database errors are MizzleQueryError with code, sql and params', async () => {
    const { duplicate, missingTable, bigint } = await d1('errors');
    for (const r of [duplicate, missingTable]) {
      assert.equal(r.threw, true);
      assert.equal(r.error.name, 'MizzleQueryError');
      assert.equal(r.error.isQueryError, true);
      assert.equal(r.error.isMizzleError, true);
      assert.equal(r.error.kind, 'database');
      assert.match(r.error.code, /^(D1|SQLITE)_[A-Z_]+$/);
    }
    assert.match(duplicate.error.message, /UNIQUE constraint failed: users\.id/);
    assert.equal(duplicate.error.code, 'SQLITE_CONSTRAINT_PRIMARYKEY', 'the same code as the embedded database gives');
    assert.equal(missingTable.error.code, 'SQLITE_ERROR');
    assert.equal(duplicate.error.sql, 'insert into "users" ("id", "name") values (?, ?)');
    assert.deepEqual(duplicate.error.params, [1, 'again']);
    assert.match(missingTable.error.message, /no such table: nope/);
    assert.equal(missingTable.error.sql, 'select * from "nope" where x = ?');
    assert.deepEqual(missingTable.error.params, [5]);
    assert.equal(bigint.threw, true);
    assert.equal(bigint.error.isMizzleError, true);
    assert.equal(bigint.error.kind, 'type');
  });

  test('blob, boolean and timestamp columns round-trip', async () => {
    assert.deepEqual(await d1('roundTrip'), THING);
  });
});

describe('Durable Object (mizzle/durable-sqlite, useSQLite)', () => {
  test('queries run synchronously and return rows', async () => {
    const r = await (await store()).queries();
    assert.equal(r.isSyncArray, true);
    assert.deepEqual(r.all, [
      { id: 2, name: 'bob', managerId: 1 },
      { id: 3, name: 'cid', managerId: 1 },
    ]);
    assert.deepEqual(r.get, { name: 'dan' });
    assert.deepEqual(r.joined, [
      { a: 'bob', b: 'ann' },
      { a: 'cid', b: 'ann' },
      { a: 'dan', b: 'bob' },
    ]);
    assert.equal(r.run.rowsWritten, 1);
    assert.deepEqual(r.values, [[1, 'ANN']]);
    assert.deepEqual(r.raw, [{ n: 4 }]);
  });

  test('db.transaction() commits through transactionSync', async () => {
    const r = await (await store()).txCommit();
    assert.deepEqual(r.out, { n: 1 });
    assert.deepEqual(r.users, [{ id: 1, name: 'ann', managerId: null }]);
    assert.deepEqual(r.items, [{ id: 1, label: 'one' }]);
    assert.equal(r.txCalls, 1);
  });

  test('db.transaction() rolls back when the callback throws (and on tx.rollback())', async () => {
    const r = await (await store()).txRollback();
    assert.match(r.error.message, /boom/);
    assert.equal(r.rollback.isRollback, true);
    assert.equal(r.rollback.name, 'TransactionRollbackError');
    assert.deepEqual(r.users, [{ id: 1, name: 'before', managerId: null }]);
  });

  test('an async transaction callback is a typed error and writes nothing', async () => {
    const r = await (await store()).txAsync();
    for (const e of [r.asyncFn, r.promiseFn]) {
      assert.equal(e.name, 'MizzleError');
      assert.equal(e.kind, 'transaction');
      assert.match(e.message, /synchronous/);
    }
    assert.deepEqual(r.users, []);
  });

  test('a 250-row insert is split under 100 params inside ONE transactionSync', async () => {
    const r = await (await store()).split();
    assert.equal(r.stored, 250);
    assert.equal(r.statements, 5);
    assert.ok(r.maxParams <= 100, `a statement carried ${r.maxParams} params`);
    assert.equal(r.transactionSyncCalls, 1);
  });

  test('the split insert is atomic: a duplicate key in the last chunk writes nothing', async () => {
    const r = await (await store()).splitAtomic();
    assert.equal(r.error.name, 'MizzleQueryError');
    assert.match(r.error.message, /UNIQUE/);
    assert.match(r.error.code, /^SQLITE_CONSTRAINT/);
    assert.equal(r.statements, 5);
    assert.equal(r.transactionSyncCalls, 1);
    assert.equal(r.stored, 0);
  });

  const relationalName =
    'relational findMany with nested with: one statement, asserted rows (sync, awaited, in a transaction)';
  test(relationalName, async () => {
    const r = await (await store()).relational();
    assert.deepEqual(r.tree, [
      {
        id: 1,
        name: 'ann',
        reports: [
          { name: 'bob', reports: [{ name: 'dan' }], manager: { name: 'ann' } },
          { name: 'cid', reports: [], manager: { name: 'ann' } },
        ],
      },
    ]);
    assert.equal(r.statements, 1);
    assert.deepEqual(r.first, { name: 'dan', manager: { name: 'bob', manager: { name: 'ann', manager: null } } });
    assert.equal(r.missing, true);
    assert.deepEqual(r.inTx, [{ name: 'cid', reports: [{ name: 'eve' }] }]);
    assert.equal(r.txCalls, 1);
    assert.deepEqual(r.thing, THING);
  });

  test('blob, boolean and timestamp columns round-trip', async () => {
    const r = await (await store()).roundTrip();
    assert.deepEqual(r.row, THING);
    assert.deepEqual(r.stored, {
      f: 'integer',
      flag: 1,
      at: 1714979289,
      at_ms: 1714979289999,
      d: 'blob',
      h: '00017F80FF',
      doc: '{"a":[1,"two"],"b":null}',
      big: '123456789012345678901234567890',
    });
    assert.deepEqual(r.byFlag, [{ id: 1 }]);
  });
});
