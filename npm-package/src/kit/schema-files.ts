/** The config's `schema` entry as the files to load, as drizzle-kit reads it (generate and push). */
/// <reference types="node" />
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { KitError } from './errors.js';
import { loadModule } from './load-config.js';

/** Every export of the schema files, in one object (what `declaredSchema` reads). */
export async function loadSchema(schema: string | string[] | undefined, cwd: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const file of schemaFiles(schema, cwd)) Object.assign(out, await loadModule(file));
  return out;
}

/** The schema paths: files, folders (their .ts/.js files, recursively) and `*` / `**` patterns. */
export function schemaFiles(schema: string | string[] | undefined, cwd: string): string[] {
  const out: string[] = [];
  const code = /\.(m|c)?(t|j)s$/;
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : code.test(e.name) ? [join(dir, e.name)] : [],
    );
  for (const p of [schema ?? []].flat()) {
    if (p.includes('*')) {
      const base = resolve(cwd, p.slice(0, p.indexOf('*')).replace(/[^/]*$/, ''));
      const re = new RegExp(
        `^${resolve(cwd, p)
          .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
          .replace(/\*\*\//g, '(?:.*/)?')
          .replace(/\*/g, '[^/]*')}$`,
      );
      out.push(...(existsSync(base) ? walk(base).filter((f) => re.test(f)) : []));
      continue;
    }
    const full = resolve(cwd, p);
    if (!existsSync(full)) throw new KitError('config', `schema file ${full} does not exist`);
    out.push(...(statSync(full).isDirectory() ? walk(full) : [full]));
  }
  if (out.length === 0) throw new KitError('config', `no schema file matches ${JSON.stringify(schema)}`);
  return out.sort();
}
