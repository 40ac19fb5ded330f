// The differential fuzzer (../conformance/fuzz/) on PostgreSQL and MySQL, short and seeded: random schemas,
// hostile rows and random statements on mizzle/neon-http vs drizzle-orm/neon-http and mizzle/planetscale vs
// drizzle-orm/planetscale-serverless through the stand-ins; every difference must be classified by an entry of
// known-pg.mjs / known-mysql.mjs. `./x fuzz differential` runs a long one (../conformance/fuzz/README.md).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fuzz, repro } from '../conformance/fuzz/loop.mjs';
import { BACKENDS } from './fuzz/run.mjs';

const SEEDS = [1, 2, 3];
const STATEMENTS = 150;

for (const dialect of ['pg', 'mysql']) {
  const name = `fuzz ${dialect}: ${SEEDS.length} fixed seeds x ${STATEMENTS} statements, every difference classified`;
  test(name, async () => {
    const res = await fuzz(await BACKENDS[dialect](), { seeds: SEEDS, statements: STATEMENTS });
    const counts = JSON.stringify({ ...res, unclassified: undefined, bothThrewBy: undefined });
    assert.ok(res.skippedSeeds === 0 && res.statements === SEEDS.length * STATEMENTS, counts);
    assert.ok(res.agree > res.statements / 2, counts);
    const where = `fuzz/run.mjs (in tests/standins, FUZZ_DIALECTS=${dialect})`;
    assert.equal(
      res.unclassified.length,
      0,
      res.unclassified
        .slice(0, 3)
        .map((d) => repro(d, where))
        .join('\n\n'),
    );
  });
}
