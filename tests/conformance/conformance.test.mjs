// The SQLite scenarios of the shared set (tests/scenarios/) on four implementations: mizzle on the embedded
// database in Node, mizzle/d1 and drizzle-orm/d1 in workerd, drizzle-orm/better-sqlite3 in Node.
// Per scenario: mizzle runs without error and meets the scenario's own invariants on every host that can
// run it; embedded == D1 exactly where both run it; and mizzle == drizzle-orm on a driver of the same kind:
// D1 against drizzle-orm/d1, and for the `syncOnly` scenarios (synchronous transactions, which D1 has not)
// the embedded database against drizzle-orm/better-sqlite3. A difference must be listed (by name, as a
// `### name` heading) in DIFFERENCES.md, and a listed scenario must still differ.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { scenariosFor, validate } from '../scenarios/index.mjs';
import { runBetterSqlite, runD1, runEmbedded } from './lib/implementations.mjs';

const scenarios = scenariosFor('sqlite');
const differencesFile = new URL('./DIFFERENCES.md', import.meta.url);
const listed = new Set(
  readFileSync(differencesFile, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('### '))
    .map((l) => l.slice(4).trim()),
);

let embedded;
let d1;
let drizzleD1;
let drizzleSync;
before(async () => {
  const syncOnly = scenarios.filter((s) => s.syncOnly).map((s) => s.name);
  [embedded, d1, drizzleD1, drizzleSync] = await Promise.all([
    runEmbedded(),
    runD1('mizzle'),
    runD1('drizzle-orm'),
    runBetterSqlite(syncOnly),
  ]);
});

const show = (r) => JSON.stringify(r, null, 1).slice(0, 1500);

test('the set: at least 140 SQLite scenarios, valid, DIFFERENCES.md names only SQLite scenarios', () => {
  validate();
  assert.ok(scenarios.length >= 140, `${scenarios.length} scenarios`);
  assert.ok(scenarios.some((s) => s.syncOnly) && scenarios.some((s) => s.asyncOnly));
  const names = scenarios.map((s) => s.name);
  for (const n of listed) assert.ok(names.includes(n), `DIFFERENCES.md lists "${n}", which is not a scenario`);
});

for (const s of scenarios) {
  test(s.name, () => {
    const e = embedded[s.name];
    const m = d1[s.name];
    for (const [host, r] of [
      ['embedded', e],
      ['d1', m],
    ]) {
      if (r.skipped) continue;
      assert.ok(r.ok, `mizzle on ${host} threw: ${r.error}`);
      try {
        s.check(r.value, assert, 'sqlite');
      } catch (err) {
        err.message = `mizzle on ${host} breaks the scenario's invariants: ${err.message}\nresult: ${show(r.value)}`;
        throw err;
      }
    }
    if (!e.skipped && !m.skipped)
      assert.ok(isDeepStrictEqual(e, m), `mizzle: embedded and D1 differ\nembedded: ${show(e)}\nd1: ${show(m)}`);

    // The pair compared with drizzle-orm: both sides must have run the scenario.
    const [mine, theirs, where] = s.syncOnly
      ? [e, drizzleSync[s.name], 'the embedded database vs drizzle-orm/better-sqlite3']
      : [m, drizzleD1[s.name], 'D1'];
    assert.ok(mine && theirs && !mine.skipped && !theirs.skipped, `${s.name}: not run on both sides (${where})`);
    if (isDeepStrictEqual(mine, theirs)) {
      assert.ok(
        !listed.has(s.name),
        `"${s.name}" is listed in DIFFERENCES.md but mizzle and drizzle-orm now agree (${where}): remove it`,
      );
    } else {
      assert.ok(
        listed.has(s.name),
        `mizzle and drizzle-orm differ (${where}) and DIFFERENCES.md does not list "${s.name}"\n` +
          `mizzle: ${show(mine)}\ndrizzle-orm: ${show(theirs)}`,
      );
    }
  });
}
