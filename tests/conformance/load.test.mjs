// Issue 14, item 11: load in real workerd (miniflare). 1,000 concurrent requests of mixed
// shapes against one D1 worker and 1,000 concurrent calls into one Durable Object, each
// isolate sharing one engine instance: every request ends with its rows or a typed error, a
// batch that fails in its middle leaves nothing of itself written, and a second round of the
// same shapes leaves the engine holding exactly what it held (shapes, interned text).
// The stand-ins' faults (5xx, cut bodies, timeouts) are tests/standins/drivers-hostile.test.mjs.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bundleWorker, fetchJson, miniflare } from './lib/workers.mjs';

const REQUESTS = 1000;
const FAILING = 4; // `i % 6` of the batch that breaks a primary key in its middle (load-worker.mjs)

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

/** Checks one answer against what its shape returns. */
function check(i, tag, r) {
  const shape = i % 6;
  if (shape === FAILING) {
    assert.equal(r.ok, false, `request ${i}: the failing batch succeeded`);
    assert.ok(r.error.isMizzleError && r.error.name === 'MizzleQueryError', `request ${i}: ${JSON.stringify(r.error)}`);
    return;
  }
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
async function round(from, call, written) {
  const ids = Array.from({ length: REQUESTS }, (_, k) => from + k);
  const answers = await Promise.all(ids.map((i) => call(i, `t${i}`)));
  for (const [k, i] of ids.entries()) check(i, `t${i}`, answers[k]);
  const failing = ids.filter((i) => i % 6 === FAILING);
  const left = await Promise.all(failing.map((i) => written(`t${i}`)));
  for (const [k, i] of failing.entries()) assert.deepEqual(left[k], [{ body: 'first' }], `batch ${i} left rows behind`);
}

describe('D1: 1,000 concurrent requests, one worker', () => {
  test('rows or typed errors, atomic batches, the engine holds the same after a second round', async () => {
    const call = (i, tag) => fetchJson(mf, `/op?i=${i}&tag=${tag}`);
    const written = (tag) => fetchJson(mf, `/written?tag=${tag}`);
    await round(0, call, written);
    const first = await fetchJson(mf, '/stats');
    await round(REQUESTS, call, written);
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
    await round(0, call, written);
    const first = await stub.stats();
    await round(REQUESTS, call, written);
    assert.deepEqual(await stub.stats(), first);
  });
});
