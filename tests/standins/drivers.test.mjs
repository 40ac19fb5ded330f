// The driver conformance set (scenarios.mjs) for PostgreSQL and MySQL, on four implementations
// (lib/lanes.mjs): mizzle/neon-http and drizzle-orm/neon-http; mizzle/planetscale and
// drizzle-orm/planetscale-serverless, all through the stand-ins in front of the real servers.
// Per scenario and dialect: mizzle runs without error and meets the scenario's own check; mizzle
// == drizzle-orm unless `### <dialect>: <scenario name>` is a heading of DIFFERENCES.md, and a
// listed scenario must still differ.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { scenarios } from './scenarios.mjs';
import { runAllLanes } from './lib/lanes.mjs';

const DIALECTS = ['pg', 'mysql'];
const listed = new Set(
  readFileSync(new URL('./DIFFERENCES.md', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('### '))
    .map((l) => l.slice(4).trim()),
);
const of = (d) => scenarios.filter((s) => !s.only || s.only === d);

let results;
before(async () => {
  results = await runAllLanes();
});

const show = (r) => JSON.stringify(r, null, 1).slice(0, 1500);

test('the set: at least 40 scenarios per dialect, unique names, DIFFERENCES.md names only scenarios', () => {
  for (const d of DIALECTS) {
    const names = of(d).map((s) => s.name);
    assert.ok(names.length >= 40, `${d}: ${names.length} scenarios`);
    assert.equal(new Set(names).size, names.length, `${d}: duplicate scenario names`);
    for (const s of of(d)) assert.equal(typeof s.check, 'function', `${s.name}: no check`);
  }
  for (const n of listed) {
    const [d, ...rest] = n.split(': ');
    assert.ok(
      DIALECTS.includes(d) && of(d).some((s) => s.name === rest.join(': ')),
      `DIFFERENCES.md lists "${n}", which is not "<pg|mysql>: <scenario>"`,
    );
  }
});

for (const d of DIALECTS) {
  for (const s of of(d)) {
    const key = `${d}: ${s.name}`;
    test(key, () => {
      const m = results[d].mizzle[s.name];
      const z = results[d].drizzle[s.name];
      assert.ok(m.ok, `mizzle threw: ${m.error}`);
      try {
        s.check(m.value, assert, d);
      } catch (err) {
        err.message = `mizzle breaks the scenario's check: ${err.message}\nresult: ${show(m.value)}`;
        throw err;
      }
      if (isDeepStrictEqual(m, z)) {
        assert.ok(
          !listed.has(key),
          `"${key}" is listed in DIFFERENCES.md but mizzle and drizzle-orm now agree: remove it`,
        );
      } else {
        assert.ok(
          listed.has(key),
          `mizzle and drizzle-orm differ and DIFFERENCES.md does not list "${key}"\nmizzle: ${show(m)}\ndrizzle-orm: ${show(z)}`,
        );
      }
    });
  }
}
