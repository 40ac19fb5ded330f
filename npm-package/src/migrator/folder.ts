/**
 * A migrations folder or bundle as the planner takes it (`MigrationFolder`, declared in
 * wasm/src/migrations.rs). Reading files is the host's only part: which layout, which entries
 * apply, hashes and statements are the engine's.
 */
import { MizzleError } from '../errors.js';
import type { MigrationFolder } from '../wasm/types.js';
import type { MigrationBundle, MigrationConfig, MigrationOptions } from './config.js';

/**
 * The folder of `config`: read from disk (`migrationsFolder`), or a bundle given as `{ migrations: bundle }`
 * or, drizzle's Durable Object form, as the config itself (`migrate(db, migrations)`: `journal` and the
 * texts at the top).
 */
export function folderOf(config: MigrationConfig | (MigrationBundle & MigrationOptions)): MigrationFolder {
  const c = config as { migrationsFolder?: unknown; journal?: unknown; migrations?: unknown; layout?: unknown };
  if (c.layout === 'wrangler') return wranglerFolder(c);
  if (c.layout !== undefined && c.layout !== 'drizzle') {
    throw new MizzleError('invalid', `unknown migrations layout ${JSON.stringify(c.layout)}: 'drizzle' or 'wrangler'`);
  }
  if (typeof c.migrationsFolder === 'string') return readFolder(c.migrationsFolder);
  const texts = (v: unknown) =>
    typeof v === 'object' && v !== null && Object.values(v).every((x) => typeof x === 'string');
  if (c.journal !== undefined || texts(c.migrations)) return fromBundle(c as MigrationBundle);
  if (typeof c.migrations === 'object' && c.migrations !== null) return fromBundle(c.migrations as MigrationBundle);
  throw new MizzleError('invalid', 'migrate() needs { migrationsFolder } or the bundled { journal, migrations }');
}

/** drizzle-kit's `migrations.js` default export. */
export function fromBundle(bundle: MigrationBundle): MigrationFolder {
  if (typeof bundle.migrations !== 'object' || bundle.migrations === null) {
    throw new MizzleError(
      'migration_folder',
      'the bundle has no `migrations` object (drizzle-kit writes migrations.js)',
    );
  }
  const texts = Object.entries(bundle.migrations).map(([k, v]) => {
    if (typeof v !== 'string') throw new MizzleError('migration_folder', `bundled migration ${k} is not text`);
    return [k, v] as [string, string];
  });
  return bundle.journal ? { bundle: JSON.stringify(bundle.journal), texts } : { nested: texts };
}

/** wrangler's flat `.sql` files: from disk, or `{ migrations: { '0001_init.sql': text } }`. */
function wranglerFolder(c: { migrationsFolder?: unknown; migrations?: unknown }): MigrationFolder {
  if (typeof c.migrationsFolder === 'string') {
    const fs = nodeFs();
    const dir = c.migrationsFolder.replace(/\/+$/, '');
    if (!fs.existsSync(dir)) throw new MizzleError('migration_folder', `no migrations folder at ${dir}`);
    // As wrangler lists it: the folder's own entries named *.sql (symlinks too; not sub-folders such as
    // drizzle-kit's meta/); the engine orders them.
    const files = fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => !e.isDirectory() && e.name.endsWith('.sql'));
    return { wrangler: files.map((e) => [e.name, fs.readFileSync(`${dir}/${e.name}`, 'utf8')]) };
  }
  const m = c.migrations;
  if (typeof m !== 'object' || m === null) {
    throw new MizzleError(
      'invalid',
      "layout 'wrangler' needs { migrationsFolder } or { migrations: { 'name.sql': text } }",
    );
  }
  return {
    wrangler: Object.entries(m).map(([k, v]) => {
      if (typeof v !== 'string') throw new MizzleError('migration_folder', `bundled migration ${k} is not text`);
      return [k, v] as [string, string];
    }),
  };
}

interface NodeFs {
  existsSync(p: string): boolean;
  readFileSync(p: string, enc: 'utf8'): string;
  readdirSync(p: string, o: { withFileTypes: true }): { name: string; isDirectory(): boolean; isFile(): boolean }[];
}

/**
 * drizzle-kit's folder, read synchronously through Node's `fs` (found with `process.getBuiltinModule`, so
 * no `node:` import reaches browser or Workers bundles): 0.31's `meta/_journal.json` and `.sql` files, or,
 * without a journal, 1.0's `<folder>/migration.sql`.
 */
export function readFolder(path: string): MigrationFolder {
  const fs = nodeFs();
  const dir = path.replace(/\/+$/, '');
  if (!fs.existsSync(dir)) throw new MizzleError('migration_folder', `no migrations folder at ${dir}`);
  const entries = fs.readdirSync(dir, { withFileTypes: true });
  if (fs.existsSync(`${dir}/meta/_journal.json`)) {
    return {
      journal: fs.readFileSync(`${dir}/meta/_journal.json`, 'utf8'),
      files: entries
        .filter((e) => e.isFile() && e.name.endsWith('.sql'))
        .map((e) => [e.name.slice(0, -4), fs.readFileSync(`${dir}/${e.name}`, 'utf8')]),
    };
  }
  const nested = entries.filter((e) => e.isDirectory() && fs.existsSync(`${dir}/${e.name}/migration.sql`));
  // Neither layout: most likely the wrong path, which must not pass as "nothing to apply".
  if (nested.length === 0) {
    throw new MizzleError(
      'migration_folder',
      `${dir} has neither meta/_journal.json (drizzle-kit 0.31) nor <timestamp>_<name>/migration.sql folders (1.0)`,
    );
  }
  return { nested: nested.map((e) => [e.name, fs.readFileSync(`${dir}/${e.name}/migration.sql`, 'utf8')]) };
}

function nodeFs(): NodeFs {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const fs = proc?.getBuiltinModule?.('node:fs') as NodeFs | undefined;
  if (!fs) {
    throw new MizzleError(
      'unsupported',
      'migrationsFolder is read from the file system, which this runtime lacks: pass the bundled migrations ' +
        '(drizzle-kit writes migrations.js) as { migrations }',
    );
  }
  return fs;
}
