// The conformance set (scenarios.mjs) on three implementations:
//   mizzle on the embedded database in Node, mizzle/d1 in workerd, drizzle-orm/d1 in workerd.
// Per scenario: mizzle runs without error and meets the scenario's own invariants on both
// hosts; embedded == D1 exactly; mizzle == drizzle-orm unless the scenario is listed (by
// name, as a `### name` heading) in DIFFERENCES.md, and a listed scenario must still differ.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { scenarios } from './scenarios.mjs';
import { runD1, runEmbedded } from './lib/implementations.mjs';

const differencesFile = new URL('./DIFFERENCES.md', import.meta.url);
const listed = new Set(
  readFileSync(differencesFile, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('### '))
    .map((l) => l.slice(4).trim()),
);

let embedded;
let d1;
let drizzle;
before(async () => {
  [embedded, d1, drizzle] = await Promise.all([runEmbedded(), runD1('mizzle'), runD1('drizzle-orm')]);
});

const show = (r) => JSON.stringify(r, null, 1).slice(0, 1500);

test('the set: at least 60 scenarios with unique names; DIFFERENCES.md names only scenarios', () => {
  const names = scenarios.map((s) => s.name);
  assert.ok(names.length >= 60, `${names.length} scenarios`);
  assert.equal(new Set(names).size, names.length, 'duplicate scenario names');
  for (const s of scenarios) assert.equal(typeof s.check, 'function', `${s.name}: no check`);
  for (const n of listed) assert.ok(names.includes(n), `DIFFERENCES.md lists "${n}", which is not a scenario`);
});

for (const s of scenarios) {
  test(s.name, () => {
    const e = embedded[s.name];
    const m = d1[s.name];
    const z = drizzle[s.name];
    for (const [host, r] of [
      ['embedded', e],
      ['d1', m],
    ]) {
      if (r.skipped) continue;
      assert.ok(r.ok, `mizzle on ${host} threw: ${r.error}`);
      try {
        s.check(r.value, assert);
      } catch (err) {
        err.message = `mizzle on ${host} breaks the scenario's invariants: ${err.message}\nresult: ${show(r.value)}`;
        throw err;
      }
    }
    if (!e.skipped && !m.skipped)
      assert.ok(isDeepStrictEqual(e, m), `mizzle: embedded and D1 differ\nembedded: ${show(e)}\nd1: ${show(m)}`);
    if (isDeepStrictEqual(m, z)) {
      assert.ok(
        !listed.has(s.name),
        `"${s.name}" is listed in DIFFERENCES.md but mizzle and drizzle-orm now agree: remove it`,
      );
    } else {
      assert.ok(
        listed.has(s.name),
        `mizzle and drizzle-orm differ and DIFFERENCES.md does not list "${s.name}"\nmizzle: ${show(m)}\ndrizzle-orm: ${show(z)}`,
      );
    }
  });
}
