// The example's schema.ts (what drizzle-kit generated its migrations from) loaded twice: as written, on
// drizzle-orm, and with `drizzle-orm` imports pointed at `mizzle` (the package alias a user switching
// would set), so the JS sides of the comparison use the very file the Rust Worker's tables mirror.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transformSync } from 'esbuild';

const HERE = fileURLToPath(new URL('..', import.meta.url));
const SCHEMA = fileURLToPath(new URL('../../../workers-d1/examples/rest-api/schema.ts', import.meta.url));

/** The schema module on `pkg` ('drizzle-orm' or 'mizzle'). */
export async function loadSchema(pkg) {
  const js = transformSync(readFileSync(SCHEMA, 'utf8'), { loader: 'ts', format: 'esm' }).code;
  const source = pkg === 'drizzle-orm' ? js : js.replaceAll('"drizzle-orm', `"${pkg}`);
  // Inside this folder, so its bare imports resolve from tests/workers/node_modules.
  const dir = join(HERE, '.build');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `schema.${pkg}.mjs`);
  writeFileSync(file, source);
  return import(pathToFileURL(file).href);
}
