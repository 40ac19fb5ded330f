// Installs the package the way a user gets it: `npm pack` of npm-package/ (so `files`,
// `exports` and the dist -> ../wasm references are what ships), extracted into
// <tmp>/node_modules/mizzle of a fresh app directory that also gets a copy of shape.mjs
// (and the shape.generated.mjs it imports).
// Needs `dist/` and `wasm/` built (`./x test` or `npm run build`).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PKG = fileURLToPath(new URL('../../', import.meta.url));

/** A temp app dir with the packed `mizzle` installed; `cleanup()` removes it. */
export function packedApp(prefix) {
  for (const f of [
    'dist/wasm/engine.node.js',
    'wasm/engine/mizzle_engine_bg.wasm',
    'wasm/embedded/mizzle_embedded_bg.wasm',
  ]) {
    if (!existsSync(join(PKG, f)))
      throw new Error(`${f} is missing: build first (./x test, or npm run build in npm-package/)`);
  }
  const app = mkdtempSync(join(tmpdir(), `mizzle-${prefix}-`));
  const out = execFileSync('npm', ['pack', '--silent', '--json', '--ignore-scripts', '--pack-destination', app], {
    cwd: PKG,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const tarball = join(app, JSON.parse(out)[0].filename);
  const dest = join(app, 'node_modules', 'mizzle');
  mkdirSync(dest, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', dest, '--strip-components=1']);
  rmSync(tarball);
  for (const f of ['shape.mjs', 'shape.generated.mjs']) {
    copyFileSync(fileURLToPath(new URL(`./${f}`, import.meta.url)), join(app, f));
  }
  return { app, cleanup: () => rmSync(app, { recursive: true, force: true }) };
}

export const here = (url) => dirname(fileURLToPath(url));
