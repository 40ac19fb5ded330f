// Issue 14, item 11: Neon and PlanetScale faults seen from inside workerd. One worker (miniflare) runs
// mizzle/neon-http and mizzle/planetscale against tests/standins' stand-ins in front of the real PostgreSQL
// and MariaDB (database `mizzle_faults`, created when missing), while the stand-ins answer some requests
// with HTTP 500, a body cut off mid-way, or later than the drivers' timeoutMs. Checked:
// - concurrent rounds of mixed shapes (reads, atomic writes, an atomic write the server fails) through both
//   drivers, the faults spread over the round: every request ends with its rows or a typed error (the
//   fault's, or the server's for the failing shape), and no atomic write is half-written (read on the
//   servers directly, after late requests had time to land);
// - a PlanetScale transaction with the fault on each of its six requests in turn (BEGIN ... COMMIT): the
//   fault's typed error, nothing written (unless the COMMIT ran and only its answer was cut), and the
//   transaction over, its row locks released;
// - a Neon batch and a multi-row insert under each fault: all or nothing, as the fault implies;
// - afterwards requests work and the isolate's engines hold what they held after the first round.
// Faults seen from Node are tests/standins/drivers-hostile.test.mjs; D1 and Durable Object errors are load.test.mjs.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { bundleWorker, fetchJson, miniflare } from './lib/workers.mjs';

// pg, mysql2 and the stand-ins live in tests/standins (./x setup installs both folders).
const standinsRequire = createRequire(new URL('../standins/package.json', import.meta.url));
const DATABASE = 'mizzle_faults';
const PG = { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' };
const MY = { host: '127.0.0.1', port: 3306, user: 'root', password: '', database: 'test' };
/**
 * The drivers' timeoutMs in the worker (generous under load) and how late a `slow` fault answers; requests sent
 * one at a time use the quick pair.
 */
const TIMEOUT_MS = 2000;
const SLOW_MS = 2600;
const QUICK_TIMEOUT_MS = 400;
const QUICK_SLOW_MS = 800;
/** A late request lands SLOW_MS after it was sent, its driver having given up at the timeout: wait the rest. */
const LATE_MS = SLOW_MS - TIMEOUT_MS + 400;
const QUICK_LATE_MS = QUICK_SLOW_MS - QUICK_TIMEOUT_MS + 300;
/**
 * Requests per driver in a concurrent round; faults per stand-in in a faulty one, each after SPREAD requests
 * (so that Neon's sixteen requests meet all four).
 */
const REQUESTS = 16;
const FAULTS = 4;
const SPREAD = REQUESTS / FAULTS - 1;

let mf, neon, ps, pgDirect, myDirect;

/** Creates `mizzle_faults` on both servers when missing; `items` afresh, with three seed rows. */
async function setupDatabases() {
  const pg = standinsRequire('pg');
  const mysql = standinsRequire('mysql2/promise');
  const admin = new pg.Client(PG);
  await admin.connect();
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [DATABASE]);
    if (!rowCount)
      await admin.query(`create database ${DATABASE}`).catch((e) => {
        if (e.code !== '42P04' && e.code !== '23505') throw e; // created meanwhile by another run
      });
  } finally {
    await admin.end();
  }
  pgDirect = new pg.Client({ ...PG, database: DATABASE });
  await pgDirect.connect();
  await pgDirect.query(
    'drop table if exists items; create table items (tag text not null, n integer not null, primary key (tag, n)); ' +
      "insert into items values ('seed', 0), ('seed', 1), ('seed', 2)",
  );
  const myAdmin = await mysql.createConnection(MY);
  await myAdmin.query(`create database if not exists ${DATABASE}`).finally(() => myAdmin.end());
  myDirect = await mysql.createConnection({ ...MY, database: DATABASE, multipleStatements: true });
  await myDirect.query('set session innodb_lock_wait_timeout = 1');
  await myDirect.query(
    'drop table if exists items; ' +
      'create table items (tag varchar(64) not null, n int not null, primary key (tag, n)); ' +
      "insert into items values ('seed', 0), ('seed', 1), ('seed', 2)",
  );
}

before(async () => {
  await setupDatabases();
  const { startNeon } = await import('../standins/neon.mjs');
  const { startPlanetScale } = await import('../standins/planetscale.mjs');
  neon = await startNeon({ pg: PG });
  ps = await startPlanetScale({ mysql: { ...MY, database: DATABASE }, sessionIdleMs: 2000 });
  const script = await bundleWorker('http-faults', `export { default } from '../../http-faults-worker.mjs';\n`);
  mf = miniflare(script, {
    bindings: {
      NEON_URL: neon.url,
      PS_URL: ps.url,
      DATABASE,
      TIMEOUT_MS: String(TIMEOUT_MS),
      QUICK_TIMEOUT_MS: String(QUICK_TIMEOUT_MS),
    },
  });
  await mf.ready;
});

after(async () => {
  await mf?.dispose();
  // The stand-ins first: closing them ends their sessions, whose locks would hold up the drop.
  await neon?.close();
  await ps?.close();
  await pgDirect?.query('drop table if exists items').finally(() => pgDirect.end());
  await myDirect?.query('drop table if exists items').finally(() => myDirect.end());
});

/** The error an injected fault gives, whatever the request was doing. */
const FAULT_ERRORS = {
  http500: (e) => e.name === 'MizzleQueryError' && e.kind === 'database' && e.status === 500 && e.code === 'HTTP_500',
  cutoff: (e) => e.name === 'MizzleError' && e.kind === 'protocol',
  slow: (e) => e.name === 'MizzleError' && e.kind === 'timeout' && /gave no answer within \d+ ms/.test(e.message),
};

/** The server's error for shape 2's duplicate key, with the server's message as its cause's. */
const DUPLICATE = {
  neon: (e) =>
    e.name === 'MizzleQueryError' &&
    e.code === '23505' &&
    /duplicate key/.test(e.cause?.message) &&
    /in a batch of 4 statements; Neon does not say which/.test(e.message),
  ps: (e) => e.name === 'MizzleQueryError' && e.errno === 1062 && /Duplicate entry/.test(e.cause?.message),
};

/** Rows of `tag` on the driver's server, read directly. */
async function stored(driver, tag) {
  if (driver === 'neon') return (await pgDirect.query('select n from items where tag = $1 order by n', [tag])).rows;
  const [rows] = await myDirect.query('select n from items where tag = ? order by n', [tag]);
  return rows.map((r) => ({ n: r.n }));
}

/**
 * Whether a transaction left open on MariaDB still holds `tag`'s rows: writing them waits for its locks
 * (innodb_lock_wait_timeout is 1 s on this connection). Committed rows answer a duplicate key at once.
 */
async function locked(tag) {
  await myDirect.beginTransaction();
  try {
    await myDirect.query('insert into items values (?, 0), (?, 1), (?, 2)', [tag, tag, tag]);
    return false;
  } catch (e) {
    if (e.errno === 1205) return true; // lock wait timeout
    if (e.errno === 1062) return false;
    throw e;
  } finally {
    await myDirect.rollback();
  }
}

const THREE = [{ n: 0 }, { n: 1 }, { n: 2 }];

/** GET /op on the worker: request `i` (shape `i % 4`) of `driver`, writing rows of `tag`. */
function op(driver, i, tag, quick = false) {
  return fetchJson(mf, `/op?driver=${driver}&i=${i}&tag=${encodeURIComponent(tag)}${quick ? '&quick=1' : ''}`);
}

/**
 * One concurrent round: `fault` (or none) queued FAULTS times on both stand-ins, each after SPREAD requests
 * (so faults land inside transactions too), then REQUESTS concurrent requests per driver. Checks every
 * answer and what the servers hold; returns how many answers were the fault's error.
 */
async function round(name, fault) {
  for (const standin of fault ? [neon, ps] : []) {
    for (let k = 0; k < FAULTS; k++) standin.fault(fault, { ms: SLOW_MS, after: SPREAD });
  }
  const calls = ['neon', 'ps'].flatMap((driver) =>
    Array.from({ length: REQUESTS }, (_, i) => ({ driver, i, tag: `${name}-${driver}-${i}` })),
  );
  const answers = await Promise.all(calls.map((c) => op(c.driver, c.i, c.tag))).finally(clearFaults);
  // Late answers land after the drivers gave up: wait for them before reading the servers.
  if (fault === 'slow') await sleep(LATE_MS);
  const faulted = { neon: 0, ps: 0 };
  for (const [k, { driver, i, tag }] of calls.entries()) {
    const r = answers[k];
    const at = `${name}: ${driver} request ${i} (shape ${i % 4}): ${JSON.stringify(r)}`;
    const rows = await stored(driver, tag);
    if (r.ok) {
      assert.notEqual(i % 4, 2, `${at}: the duplicate key was accepted`);
      // Shape 0 reads the seed rows, the others their own three (sorted: RETURNING has no order).
      assert.deepEqual(
        [...r.rows].sort((a, b) => a.n - b.n),
        THREE,
        at,
      );
      assert.deepEqual(rows, i % 4 === 0 ? [] : THREE, `${at}: the servers hold ${JSON.stringify(rows)}`);
      continue;
    }
    const e = r.error;
    assert.ok(e.isMizzleError, `${at}: not a MizzleError`);
    const isFault = fault !== undefined && FAULT_ERRORS[fault](e);
    if (isFault) faulted[driver]++;
    else assert.ok(i % 4 === 2 && DUPLICATE[driver](e), `${at}: neither the fault's error nor the server's`);
    // All or nothing: a cut answer or a late one may have committed the whole write; a part of it, never.
    if (i % 4 === 2) assert.deepEqual(rows, [], `${at}: the failing write left ${JSON.stringify(rows)}`);
    else assert.ok(rows.length === 0 || rows.length === 3, `${at}: half-written: ${JSON.stringify(rows)}`);
  }
  return faulted;
}

/** Empties both stand-ins' fault queues, so that a fault a failed check left unused hits no later request. */
async function clearFaults() {
  for (const port of [neon.port, ps.port]) {
    const res = await fetch(`http://127.0.0.1:${port}/_standin/fault`, { method: 'POST', body: '{"kind":"clear"}' });
    assert.equal(res.status, 200);
  }
}

/**
 * One request alone with `fault` on the `after`-th HTTP request it makes (0: the first): its answer, and
 * what the server holds once a late request had time to land.
 */
async function alone(driver, i, fault, after, tag) {
  (driver === 'neon' ? neon : ps).fault(fault, { ms: QUICK_SLOW_MS, after });
  try {
    const r = await op(driver, i, tag, true);
    if (fault === 'slow') await sleep(QUICK_LATE_MS);
    return { r, rows: await stored(driver, tag) };
  } finally {
    await clearFaults();
  }
}

let engines;

describe('Neon and PlanetScale stand-in faults inside workerd', () => {
  test('concurrent requests under faults: rows or typed errors, nothing half-written', async () => {
    await round('warm');
    engines = await fetchJson(mf, '/stats');
    for (const fault of ['http500', 'cutoff', 'slow']) {
      const faulted = await round(fault, fault);
      // A Neon request is one HTTP request, so each fault is one failed answer. A PlanetScale transaction is
      // several: a fault on the ROLLBACK after an earlier error is not reported (the earlier error is).
      assert.equal(faulted.neon, FAULTS, `${fault}: Neon answers with the fault's error`);
      assert.ok(faulted.ps >= 1 && faulted.ps <= FAULTS, `${fault}: PlanetScale answers with the fault's error`);
    }
    // The faults are used up: every request works again.
    assert.deepEqual(await round('clean'), { neon: 0, ps: 0 });
  });

  test('a PlanetScale transaction with a fault at each of its requests: typed error, rolled back', async () => {
    // Shape 1 sends BEGIN, three inserts, a select and COMMIT: six requests on one session.
    for (const fault of ['http500', 'cutoff', 'slow']) {
      for (let after = 0; after < 6; after++) {
        const tag = `tx-${fault}-${after}`;
        const { r, rows } = await alone('ps', 1, fault, after, tag);
        const at = `${fault} at request ${after}: ${JSON.stringify(r)}`;
        assert.ok(!r.ok && FAULT_ERRORS[fault](r.error), at);
        // A cut COMMIT ran (its answer was lost); a COMMIT that failed otherwise is followed by a ROLLBACK.
        if (fault === 'cutoff' && after === 5) assert.deepEqual(rows, THREE, at);
        else if (fault === 'slow') assert.ok(rows.length === 0 || rows.length === 3, `${at}: ${JSON.stringify(rows)}`);
        else assert.deepEqual(rows, [], at);
        // The transaction is over either way, its locks released, not left for the session to expire.
        assert.equal(await locked(tag), false, `${at}: the transaction was left open, holding its rows`);
      }
    }
    // A transaction the server fails (duplicate key, the 4th request) whose ROLLBACK answer is cut: the
    // server's error is the one reported, and the ROLLBACK ran.
    const { r, rows } = await alone('ps', 2, 'cutoff', 4, 'tx-rollback-cut');
    assert.ok(!r.ok && DUPLICATE.ps(r.error), JSON.stringify(r));
    assert.deepEqual(rows, []);
    assert.equal(await locked('tx-rollback-cut'), false);
    // The same with the ROLLBACK refused (HTTP 500: it did not run): tried again, so the locks are released.
    const refused = await alone('ps', 2, 'http500', 4, 'tx-rollback-500');
    assert.ok(!refused.r.ok && DUPLICATE.ps(refused.r.error), JSON.stringify(refused.r));
    assert.deepEqual(refused.rows, []);
    assert.equal(await locked('tx-rollback-500'), false, 'a refused ROLLBACK left the transaction open');
  });

  test('a Neon batch and a multi-row insert under each fault: typed error, all or nothing', async () => {
    for (const fault of ['http500', 'cutoff', 'slow']) {
      for (const i of [1, 3]) {
        const tag = `neon-${fault}-${i}`;
        const { r, rows } = await alone('neon', i, fault, 0, tag);
        const at = `${fault}, shape ${i}: ${JSON.stringify(r)}`;
        assert.ok(!r.ok && FAULT_ERRORS[fault](r.error), at);
        // A 500 ran nothing; a cut answer's batch ran whole; a late one either.
        if (fault === 'http500') assert.deepEqual(rows, [], at);
        else if (fault === 'cutoff') assert.deepEqual(rows, THREE, at);
        else assert.ok(rows.length === 0 || rows.length === 3, `${at}: ${JSON.stringify(rows)}`);
      }
    }
  });

  test("after all the faults, requests work and the isolate's engines hold what they held", async () => {
    assert.deepEqual(await round('after'), { neon: 0, ps: 0 });
    assert.ok(engines, 'the first test recorded the engines');
    assert.deepEqual(await fetchJson(mf, '/stats'), engines);
  });
});
