// The differential fuzzer (fuzz/), short and seeded: random schemas, hostile rows and random statements on
// mizzle (embedded SQLite) and drizzle-orm (better-sqlite3); every difference must be classified by an entry
// of fuzz/known.mjs. `./x fuzz` runs a long one (fuzz/README.md).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { known } from './fuzz/known.mjs';
import { knownMysql } from './fuzz/known-mysql.mjs';
import { knownPg } from './fuzz/known-pg.mjs';
import { fuzz, repro } from './fuzz/run.mjs';

test('fuzz/known*.mjs: every entry has an id, a class, a matcher and a reason', () => {
  const classes = ['mizzle bug', 'drizzle bug', 'driver difference'];
  for (const list of [known, knownPg, knownMysql]) {
    for (const k of list) {
      assert.ok(k.id && classes.includes(k.class) && k.reason && k.repro, `entry ${k.id}`);
      assert.ok(k.code || k.mizzle || k.drizzle || k.schema, `entry ${k.id} matches everything`);
    }
    assert.equal(new Set(list.map((k) => k.id)).size, list.length, 'ids are unique');
  }
});

test('fuzz: 3 fixed seeds x 300 statements, every difference classified', async () => {
  const res = await fuzz({ seeds: [1, 2, 3], statements: 300 });
  assert.ok(res.statements === 900 && res.agree > 700, JSON.stringify({ ...res, unclassified: undefined }));
  assert.equal(res.unclassified.length, 0, res.unclassified.slice(0, 3).map(repro).join('\n\n'));
});
