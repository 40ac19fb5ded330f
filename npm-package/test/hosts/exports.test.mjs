// drizzle-orm 0.45's runtime export names against mizzle's, per subpath (issue 13, "change the
// imports, keep your code"): every drizzle name is exported by the matching mizzle subpath or listed,
// with its reason, in EXPORTS-ABSENT.json; a listed name that mizzle exports fails too, so the list
// stays true as names are added. drizzle's names per subpath are test/hosts/drizzle-0.45-exports.json
// (scripts/drizzle-exports.mjs writes it from the installed drizzle-orm). mizzle's are read from the
// built bundle through the package's own exports map (the `node` condition, bundle/node/) and from
// the `default` files (bundle/), which must export the same names; the small subpaths must export
// the root's very objects.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { SUBPATHS } from '../../scripts/drizzle-exports.mjs';

const json = (rel) => JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8'));
const reference = json('./drizzle-0.45-exports.json').exports;
const absent = json('../../EXPORTS-ABSENT.json');
const pkg = json('../../package.json');
const SHARED = new URL('../../../../shared/reference/drizzle-0.45-exports.txt', import.meta.url);

/** The names listed absent for one drizzle subpath: name -> reason id. */
function listed(drizzle) {
  const out = new Map();
  for (const [reason, names] of Object.entries(absent[drizzle] ?? {})) {
    assert.ok(absent.reasons[reason], `${drizzle}: reason "${reason}" is not in EXPORTS-ABSENT.json's reasons`);
    for (const n of names) {
      assert.ok(!out.has(n), `${drizzle}: ${n} is listed twice`);
      out.set(n, reason);
    }
  }
  return out;
}

test('the reference lists agree with ../shared/reference/drizzle-0.45-exports.txt where it exists', (t) => {
  if (!existsSync(SHARED)) return t.skip('no shared reference next to this clone');
  const sections = {};
  let current;
  for (const line of readFileSync(SHARED, 'utf8').split('\n')) {
    if (line.startsWith('# Summary')) break;
    const head = /^## (\S+): \d+ exports/.exec(line);
    if (head) {
      current = head[1];
      sections[current] = [];
    } else if (current && /^\w+$/.test(line)) sections[current].push(line);
  }
  assert.ok(Object.keys(sections).length > 0, 'no section read from the shared reference');
  for (const [drizzle, names] of Object.entries(sections)) assert.deepEqual(reference[drizzle], names.sort(), drizzle);
});

test('absent-names file: only subpaths that are compared', () => {
  for (const key of Object.keys(absent)) {
    if (key === '$comment' || key === 'reasons') continue;
    assert.ok(key in SUBPATHS, `EXPORTS-ABSENT.json lists ${key}, which is not compared`);
  }
  for (const [id, text] of Object.entries(absent.reasons)) {
    assert.ok(!/^later\b|^todo\b/i.test(text), `reason ${id} is no reason: ${text}`);
  }
});

test("drizzle's small subpaths export the root's objects, not copies (instanceof holds across imports)", async () => {
  const root = await import('mizzle');
  for (const mizzle of Object.values(SUBPATHS)) {
    if (!/^mizzle\/(relations|sql|table|column|logger|errors|casing|batch)$/.test(mizzle)) continue;
    for (const [n, v] of Object.entries(await import(mizzle)))
      if (n in root) assert.equal(v, root[n], `${mizzle}'s ${n} is not the root's`);
  }
});

for (const [drizzle, mizzle] of Object.entries(SUBPATHS)) {
  test(`${mizzle} exports ${drizzle}'s names or lists them absent`, async (t) => {
    const entry = pkg.exports[`.${mizzle.slice('mizzle'.length)}`];
    assert.ok(entry, `package.json has no export for ${mizzle}`);
    const names = Object.keys(await import(mizzle)).sort();
    const byDefault = Object.keys(await import(new URL(`../../${entry.default}`, import.meta.url).href)).sort();
    assert.deepEqual(byDefault, names, `${mizzle}: the default-condition bundle exports other names than bundle/node/`);

    const have = new Set(names);
    const list = listed(drizzle);
    const wanted = reference[drizzle];
    const unlisted = wanted.filter((n) => !have.has(n) && !list.has(n));
    const present = [...list.keys()].filter((n) => have.has(n));
    const unknown = [...list.keys()].filter((n) => !wanted.includes(n));
    assert.deepEqual(unlisted, [], `${mizzle} lacks these drizzle names: export them or list them with a reason`);
    assert.deepEqual(present, [], `${mizzle} exports these now: remove them from EXPORTS-ABSENT.json`);
    assert.deepEqual(unknown, [], `EXPORTS-ABSENT.json lists names ${drizzle} does not export`);
    t.diagnostic(`${mizzle}: ${wanted.filter((n) => have.has(n)).length}/${wanted.length} of ${drizzle}'s names`);
  });
}
