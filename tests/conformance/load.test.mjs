// Issue 14, item 11: load in real workerd (miniflare). 1,000 concurrent requests of mixed
// shapes against one D1 worker and 1,000 concurrent calls into one Durable Object, each
// isolate sharing one engine instance: every request ends with its rows or a typed error, a
// batch that fails in its middle leaves nothing of itself written, and a second round of the
// same shapes leaves the engine holding exactly what it held (shapes, interned text).
// One request in six runs a batch (or transaction) that the database fails in its middle, in
// eight ways (load-worker.mjs, FAILURES): a primary key, NOT NULL and CHECK violation, a
// missing table through the builder and through raw SQL, an insert over the 100-parameter limit
// failing in a later piece, alone and inside a batch, and a transaction; each must be a
// MizzleQueryError carrying the server's message, with nothing of its batch left behind.
// The stand-ins' faults (5xx, cut bodies, timeouts) in workerd are http-faults.test.mjs.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bundleWorker, fetchJson, miniflare } from './lib/workers.mjs';

const REQUESTS = 1000;
const FAILING = 4; // `i % 6` of the batches that fail in their middle (load-worker.mjs)

let mf;
before(async () => {
  const script = await bundleWorker(
    'load',
    `export * from '../../load-worker.mjs';\nexport { default } from '../../load-worker.mjs';\n`,
  );
  mf = miniflare(script, { d1Databases: ['DB'], durableObjects: { NOTES: { className: 'Notes', useSQLite: true } } });
  await mf.ready;
  await fetchJson(mf, '/setup');
});
after(async () => {
  await mf?.dispose();
});

/**
 * load-worker.mjs's FAILURES, in its order (request `i` runs `Math.floor(i / 6) % 8`), each with the server's
 * message its MizzleQueryError must carry; a string is the kind of a typed error raised before anything is sent.
 */
const FAILURES = [
  ['primary key', /UNIQUE constraint failed: notes\.id/],
  ['not null', /NOT NULL constraint failed: notes\.body/],
  ['check', /CHECK constraint failed/],
  ['missing table', /no such table: ghosts/],
  ['missing table, raw SQL', /no such table: no_such_table/],
  ['split insert', /UNIQUE constraint failed: notes\.id/],
  ['split insert in a batch', /CHECK constraint failed/],
  ['transaction', { d1: 'transaction', do: /UNIQUE constraint failed: notes\.id/ }],
];

/** A failing request's answer: the typed error with the server's message; a split insert went out in pieces. */
function checkFailure(i, host, r) {
  const [name, expected] = FAILURES[Math.floor(i / 6) % FAILURES.length];
  const at = `request ${i} (${name}, ${host})`;
  assert.equal(r.failure, name, at);
  assert.equal(r.ok, false, `${at}: the failing batch succeeded`);
  const e = r.error;
  const server = expected instanceof RegExp ? expected : expected[host];
  if (typeof server === 'string') {
    assert.ok(e.isMizzleError && e.name === 'MizzleError' && e.kind === server, `${at}: ${JSON.stringify(e)}`);
    assert.deepEqual(r.statements, [], `${at}: statements were sent`);
    return;
  }
  assert.ok(e.isMizzleError && e.name === 'MizzleQueryError' && e.kind === 'database', `${at}: ${JSON.stringify(e)}`);
  assert.match(e.cause?.message ?? '', server, `${at}: the cause is not the server's error: ${JSON.stringify(e)}`);
  assert.match(e.message, server, at);
  // D1 does not say which statement of a batch failed (the error shows the first): its message says so.
  if (host === 'd1') assert.match(e.message, /\(in a batch of \d+ statements; D1 does not say which failed/, at);
  assert.match(e.code ?? '', /^SQLITE_/, `${at}: code ${e.code}`);
  if (name.startsWith('split')) {
    // Over the limit in total, each statement under it, and the failure reached in a piece after the first.
    const sum = r.statements.reduce((a, b) => a + b, 0);
    assert.ok(r.statements.length >= 2 && sum > 100, `${at}: ${JSON.stringify(r.statements)}`);
    assert.ok(
      r.statements.every((n) => n <= 100),
      `${at}: ${JSON.stringify(r.statements)}`,
    );
  }
}

/** Checks one answer against what its shape returns. */
function check(i, tag, r, host) {
  const shape = i % 6;
  if (shape === FAILING) return checkFailure(i, host, r);
  assert.ok(r.ok, `request ${i} failed: ${JSON.stringify(r.error)}`);
  if (shape === 0)
    assert.deepEqual(
      r.rows.map((x) => x.tag),
      [tag],
    );
  if (shape === 1) assert.deepEqual(r.rows, [{ name: ['ann', 'bob', 'cid'][i % 3] }]);
  if (shape === 2) assert.ok(r.rows.length === 1 && Array.isArray(r.rows[0].notes), JSON.stringify(r.rows));
  if (shape === 3) assert.ok(Array.isArray(r.rows));
  if (shape === 5) assert.equal(typeof r.rows[0].n, 'number');
}

/** One round of concurrent requests through `call(i, tag)`; then no failing batch left a row of its own. */
async function round(from, call, written, host) {
  const ids = Array.from({ length: REQUESTS }, (_, k) => from + k);
  const answers = await Promise.all(ids.map((i) => call(i, `t${i}`)));
  for (const [k, i] of ids.entries()) check(i, `t${i}`, answers[k], host);
  const failing = ids.filter((i) => i % 6 === FAILING);
  const left = await Promise.all(failing.map((i) => written(`t${i}`)));
  for (const [k, i] of failing.entries()) assert.deepEqual(left[k], [{ body: 'first' }], `batch ${i} left rows behind`);
}

describe('D1: 1,000 concurrent requests, one worker', () => {
  test('rows or typed errors, atomic batches, the engine holds the same after a second round', async () => {
    const call = (i, tag) => fetchJson(mf, `/op?i=${i}&tag=${tag}`);
    const written = (tag) => fetchJson(mf, `/written?tag=${tag}`);
    await round(0, call, written, 'd1');
    const first = await fetchJson(mf, '/stats');
    await round(REQUESTS, call, written, 'd1');
    assert.deepEqual(await fetchJson(mf, '/stats'), first);
    assert.ok(first.shapes > 0 && first.shapes < 64, JSON.stringify(first));
  });
});

describe('Durable Object: 1,000 concurrent calls, one object', () => {
  test('rows or typed errors, atomic batches, the engine holds the same after a second round', async () => {
    const ns = await mf.getDurableObjectNamespace('NOTES');
    const stub = ns.get(ns.idFromName('load'));
    const call = (i, tag) => stub.op(i, tag);
    const written = (tag) => stub.written(tag);
    await round(0, call, written, 'do');
    const first = await stub.stats();
    await round(REQUESTS, call, written, 'do');
    assert.deepEqual(await stub.stats(), first);
  });
});
