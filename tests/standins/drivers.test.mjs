// The PostgreSQL and MySQL scenarios of the shared set (tests/scenarios/), on four implementations
// (lib/lanes.mjs): mizzle/neon-http and drizzle-orm/neon-http; mizzle/planetscale and
// drizzle-orm/planetscale-serverless, all through the stand-ins in front of the real servers.
// Per scenario and dialect: mizzle runs without error and meets the scenario's own check; mizzle
// == drizzle-orm unless `### <dialect>: <scenario name>` is a heading of DIFFERENCES.md, and a
// listed scenario must still differ.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { scenariosFor, validate } from '../scenarios/index.mjs';
import { runAllLanes } from './lib/lanes.mjs';

const DIALECTS = ['pg', 'mysql'];
const listed = new Set(
  readFileSync(new URL('./DIFFERENCES.md', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('### '))
    .map((l) => l.slice(4).trim()),
);
const of = scenariosFor;

let results;
before(async () => {
  results = await runAllLanes();
});

const show = (r) => JSON.stringify(r, null, 1).slice(0, 1500);

test('the set: at least 90 scenarios per dialect, valid, DIFFERENCES.md names only scenarios', () => {
  validate();
  for (const d of DIALECTS) assert.ok(of(d).length >= 90, `${d}: ${of(d).length} scenarios`);
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
          `mizzle and drizzle-orm differ and DIFFERENCES.md does not list "${key}"\n` +
            `mizzle: ${show(m)}\ndrizzle-orm: ${show(z)}`,
        );
      }
    });
  }
}
