// Node host: the `node` condition of `mizzle/wasm/engine`, `mizzle/wasm/engine-pg` and `mizzle/wasm/embedded`
// (readFileSync + initSync), imported from a packed copy of the package.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { packedApp } from './pack.mjs';
import { EXPECTED, EXPECTED_PG, EXPECTED_ROWS } from './shape.mjs';

let app;
let mod;
before(async () => {
  app = packedApp('node');
  writeFileSync(
    join(app.app, 'app.mjs'),
    `export * as engine from 'mizzle/wasm/engine';\n` +
      `export * as enginePg from 'mizzle/wasm/engine-pg';\n` +
      `export * as embedded from 'mizzle/wasm/embedded';\n` +
      `export * from './shape.mjs';\n`,
  );
  mod = await import(pathToFileURL(join(app.app, 'app.mjs')).href);
});
after(() => app?.cleanup());

test('node: the engine build compiles a shape (sync loadEngine)', () => {
  const engine = mod.engine.loadEngine();
  assert.equal(mod.engine.loadEngine(), engine, 'one instance');
  assert.deepEqual(mod.runShape(engine), EXPECTED);
});

test('node: the engine-pg build compiles PostgreSQL only', () => {
  const pg = mod.enginePg.loadEngine();
  assert.notEqual(pg, mod.engine.loadEngine(), 'its own instance');
  assert.deepEqual(mod.runShape(pg), EXPECTED_PG);
});

test('node: initEngine resolves to the same instance', async () => {
  assert.equal(await mod.engine.initEngine(), mod.engine.loadEngine());
});

test('node: the embedded build compiles and runs SQLite', async () => {
  const embedded = await mod.embedded.loadEmbedded();
  assert.equal(mod.embedded.loadEmbeddedSync(), embedded);
  assert.notEqual(embedded, mod.engine.loadEngine(), 'a separate instance from the engine build');
  assert.deepEqual(mod.runShape(embedded), EXPECTED);
  assert.deepEqual(mod.runEmbedded(embedded), EXPECTED_ROWS);
});
