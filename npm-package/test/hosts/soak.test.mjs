// Issue 14, item 6: 200,000 queries, each with new SQL text and every fourth with a new alias name,
// leave the heap and wasm memory flat after warm-up (test/soak/soak.mjs; `./x bench` runs 2,000,000).
// Before the engine bounded its string table, 1,000,000 such queries grew the heap by about 120 MB.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';

const SOAK = new URL('../soak/soak.mjs', import.meta.url);
const GROWTH_MB = 8;

test('memory stays flat under new SQL text and names per query', () => {
  const out = execFileSync(process.execPath, [SOAK.pathname, '200000'], { encoding: 'utf8' });
  const r = JSON.parse(out.trim().split('\n').pop());
  assert.equal(r.checksum, (r.total * (r.total - 1)) / 2 + r.total / 4, 'every query returned its row');
  assert.ok(r.end.heap - r.afterWarmup.heap < GROWTH_MB, `heap grew: ${JSON.stringify(r)}`);
  assert.ok(r.end.wasm - r.afterWarmup.wasm < GROWTH_MB, `wasm memory grew: ${JSON.stringify(r)}`);
});
