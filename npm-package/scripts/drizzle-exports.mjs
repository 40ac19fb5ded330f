// Writes test/hosts/drizzle-0.45-exports.json: the runtime export names of drizzle-orm 0.45 per
// subpath that mizzle mirrors, the reference of test/hosts/exports.test.mjs. Checked in, so the
// test needs neither drizzle-orm nor its drivers' peer packages; this script regenerates it from
// the copy installed for the stand-in suite (tests/standins/node_modules, which also holds
// @neondatabase/serverless and @planetscale/database, imported by drizzle's neon-http and
// planetscale-serverless entries). The root, sqlite-core and pg-core lists are the ones in
// ../shared/reference/drizzle-0.45-exports.txt; the test checks that they agree when that file exists.
//
// Usage: node scripts/drizzle-exports.mjs   (from npm-package/, after `npm ci` in tests/standins)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** drizzle-orm subpath -> the mizzle subpath that stands for it. */
export const SUBPATHS = {
  'drizzle-orm': 'mizzle',
  'drizzle-orm/sqlite-core': 'mizzle/sqlite-core',
  'drizzle-orm/pg-core': 'mizzle/pg-core',
  'drizzle-orm/mysql-core': 'mizzle/mysql-core',
  'drizzle-orm/d1': 'mizzle/d1',
  'drizzle-orm/durable-sqlite': 'mizzle/durable-sqlite',
  'drizzle-orm/neon-http': 'mizzle/neon-http',
  'drizzle-orm/planetscale-serverless': 'mizzle/planetscale',
  'drizzle-orm/relations': 'mizzle/relations',
  'drizzle-orm/sql': 'mizzle/sql',
  'drizzle-orm/table': 'mizzle/table',
  'drizzle-orm/column': 'mizzle/column',
  'drizzle-orm/logger': 'mizzle/logger',
  'drizzle-orm/errors': 'mizzle/errors',
  'drizzle-orm/casing': 'mizzle/casing',
  'drizzle-orm/batch': 'mizzle/batch',
};

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  // The copy in the stand-ins' folder, so drizzle's entries find the driver packages installed there.
  const dir = new URL('../../tests/standins/node_modules/drizzle-orm/', import.meta.url);
  const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8'));
  const out = { version: pkg.version, exports: {} };
  for (const drizzle of Object.keys(SUBPATHS)) {
    const esm = pkg.exports[drizzle.replace(/^drizzle-orm/, '.')].import.default;
    const m = await import(new URL(esm, dir).href);
    out.exports[drizzle] = Object.keys(m).sort();
  }
  const file = fileURLToPath(new URL('../test/hosts/drizzle-0.45-exports.json', import.meta.url));
  writeFileSync(file, `${JSON.stringify(out, null, 1)}\n`);
  console.log(`${file}: drizzle-orm ${pkg.version}, ${Object.keys(out.exports).length} subpaths`);
}
