/**
 * Finds and loads the config file as drizzle-kit does: `--config <file>`, else a default name in the
 * working directory; the module's default export (or `module.exports`) is the config.
 *
 * A `.ts` file needs compiling, and Node 20 cannot import one. drizzle-kit compiles it with esbuild
 * (its own dependency), so a drizzle-kit project has esbuild: it is used when resolvable from the
 * config's folder, the working directory or drizzle-kit, with drizzle-kit's semantics (CommonJS, so
 * `__dirname` and `require` work as there). Otherwise Node's own type stripping (22.18+, 23.6+) imports
 * it; otherwise a `KitError` says what to install.
 */
/// <reference types="node" />
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { KitError } from './errors.js';

const EXTENSIONS = ['ts', 'mts', 'js', 'mjs', 'cjs', 'json'];
/** mizzle's name first: a project moving off drizzle-kit may keep the old file around for a while. */
export const DEFAULT_NAMES = ['mizzle.config', 'drizzle.config'].flatMap((b) => EXTENSIONS.map((e) => `${b}.${e}`));

export interface LoadedConfig {
  path: string;
  config: unknown;
}

export async function loadConfig(option: string | undefined, cwd: string): Promise<LoadedConfig> {
  const path = option === undefined ? findDefault(cwd) : resolve(cwd, option);
  if (!existsSync(path)) throw new KitError('config', `config file ${path} does not exist`);
  let mod: unknown;
  try {
    mod = await loadModule(path);
  } catch (cause) {
    if (cause instanceof KitError) throw cause;
    throw new KitError('config', `cannot load ${path}: ${(cause as Error)?.message ?? cause}`, { cause });
  }
  const m = mod as { default?: unknown } | null;
  // CommonJS `exports.default` (a transpiled `export default`) is nested once more under import().
  let config = m && typeof m === 'object' && 'default' in m ? m.default : m;
  const inner = config as { default?: unknown; dialect?: unknown } | null;
  if (inner && typeof inner === 'object' && !('dialect' in inner) && 'default' in inner) config = inner.default;
  if (!config || typeof config !== 'object') {
    throw new KitError('config', `${path} exports no config object (export default defineConfig({ ... }))`);
  }
  return { path, config };
}

function findDefault(cwd: string): string {
  for (const name of DEFAULT_NAMES) if (existsSync(join(cwd, name))) return join(cwd, name);
  throw new KitError(
    'config',
    `no config file in ${cwd} (looked for mizzle.config.* and drizzle.config.* with .ts, .mts, .js, .mjs, ` +
      '.cjs, .json); give one with --config <file>',
  );
}

/** A module by path: JSON, JavaScript, or TypeScript compiled as drizzle-kit does (see the header). */
export async function loadModule(path: string): Promise<unknown> {
  if (path.endsWith('.json')) return JSON.parse(readFileSync(path, 'utf8'));
  if (!/\.[mc]?ts$/.test(path)) return import(pathToFileURL(path).href);
  const esbuild = findEsbuild(path);
  if (esbuild) return compileAndRequire(esbuild, path);
  if ((process as { features?: { typescript?: unknown } }).features?.typescript) {
    return import(pathToFileURL(path).href);
  }
  throw new KitError(
    'config',
    `${path} is TypeScript, which Node ${process.version} cannot load by itself: install esbuild in the ` +
      'project (npm i -D esbuild; drizzle-kit brings it), use Node 22.18+ (type stripping), or write the ' +
      'config as .js / .mjs / .json',
  );
}

interface Esbuild {
  build(o: object): Promise<{ outputFiles: { text: string }[] }>;
}

function findEsbuild(configPath: string): Esbuild | undefined {
  const from = [configPath, join(process.cwd(), 'noop.js')];
  for (const base of from) {
    const req = createRequire(base);
    for (const via of [undefined, 'drizzle-kit']) {
      try {
        const r = via ? createRequire(req.resolve(via)) : req;
        return r(r.resolve('esbuild')) as Esbuild;
      } catch {
        // not resolvable this way: try the next
      }
    }
  }
  return undefined;
}

/**
 * Compiles the config (its relative imports included, packages left to Node) and requires the result
 * from a file next to it, so `require('drizzle-kit')` and `./env` resolve as from the config itself.
 */
async function compileAndRequire(esbuild: Esbuild, path: string): Promise<unknown> {
  const out = await esbuild.build({
    entryPoints: [path],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'cjs',
    target: `node${process.versions.node.split('.')[0]}`,
    write: false,
    logLevel: 'silent',
  });
  const tmp = join(dirname(path), `.${basename(path)}.mizzle-kit-${process.pid}-${Date.now()}.cjs`);
  writeFileSync(tmp, out.outputFiles[0].text);
  try {
    return createRequire(tmp)(tmp);
  } finally {
    rmSync(tmp, { force: true });
  }
}
