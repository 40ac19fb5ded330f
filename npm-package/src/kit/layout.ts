/**
 * The three folder layouts `mizzle-kit generate` writes, each read by a runtime as it is:
 *
 * - `0.31` (drizzle-kit 0.31, the default): `NNNN_name.sql`, `meta/NNNN_snapshot.json`, `meta/_journal.json`.
 * - `1.0` (drizzle-kit 1.0): `<YYYYMMDDHHmmss>_<name>/migration.sql` and `.../snapshot.json`, no journal; the
 *   runtimes (drizzle-orm 1.0, mizzle) apply the sub-folders by name. The snapshot is the engine's, in
 *   drizzle-kit 0.31's format (sqlite "6", postgresql "7", mysql "5"): drizzle-kit 1.0's `generate` reads only
 *   its own (sqlite "7", postgres "8"), so only mizzle-kit continues such a history, while both runtimes apply it.
 * - `wrangler`: `NNNN_name.sql` flat (from 0001, as `wrangler d1 migrations create` numbers), the snapshots in
 *   `meta/NNNN_snapshot.json` (wrangler reads no sub-folder), no journal.
 *
 * `--down` files go where no runtime reads them: `down/<file>` beside flat files, `down.sql` in a 1.0 folder.
 */
/// <reference types="node" />
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { KitError } from './errors.js';
import { loadConfig } from './load-config.js';

export type Layout = '0.31' | '1.0' | 'wrangler';
export const LAYOUTS: readonly Layout[] = ['0.31', '1.0', 'wrangler'];

export interface Journal {
  version: string;
  dialect: string;
  entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[];
}

/** The folder a command rewrites or reads: `--out`, else the config's `out`, else drizzle-kit's `drizzle`. */
export async function outFolder(args: { config?: string; out?: string }, cwd: string): Promise<string> {
  if (args.out !== undefined) return resolve(cwd, args.out);
  const c = (await loadConfig(args.config, cwd)).config as { out?: unknown };
  return resolve(cwd, typeof c.out === 'string' ? c.out : 'drizzle');
}

export const journalPath = (out: string) => join(out, 'meta', '_journal.json');

/** A flat migration's snapshot file, as drizzle-kit names it: `0003_brave_hulk` → `0003_snapshot.json` (in meta/). */
export const snapshotFileOf = (tag: string) => `${tag.split('_')[0]}_snapshot.json`;

/** The folder's own layout, or null when it is missing or holds no migration yet. */
export function detectLayout(out: string): Layout | null {
  if (!existsSync(out)) return null;
  if (existsSync(journalPath(out))) return '0.31';
  const entries = readdirSync(out, { withFileTypes: true });
  if (entries.some((e) => e.isDirectory() && existsSync(join(out, e.name, 'migration.sql')))) return '1.0';
  if (entries.some((e) => !e.isDirectory() && e.name.endsWith('.sql'))) return 'wrangler';
  return null;
}

/**
 * The layout to write: an existing folder's own; for a new one the flag, else the config, else 0.31. A flag or
 * config naming another layout than the folder's is refused: continuing silently in the other would surprise.
 */
export function chooseLayout(out: string, shown: string, flag?: string, configured?: unknown): Layout {
  const valid = (v: unknown, what: string, kind: 'usage' | 'config'): Layout | undefined => {
    if (v === undefined) return undefined;
    if (!(LAYOUTS as readonly unknown[]).includes(v)) {
      throw new KitError(kind, `${what} takes ${LAYOUTS.map((l) => `"${l}"`).join(', ')}, not ${JSON.stringify(v)}`);
    }
    return v as Layout;
  };
  const fromFlag = valid(flag, '--layout', 'usage');
  const fromConfig = valid(configured, 'migrations.layout', 'config');
  const own = detectLayout(out);
  if (own === null) return fromFlag ?? fromConfig ?? '0.31';
  if (fromFlag !== undefined && fromFlag !== own) {
    throw new KitError('usage', `--layout ${fromFlag}: ${shown} is in the ${own} layout${hintFor(own, fromFlag)}`);
  }
  if (fromFlag === undefined && fromConfig !== undefined && fromConfig !== own) {
    throw new KitError(
      'config',
      `migrations.layout is "${fromConfig}" but ${shown} is in the ${own} layout${hintFor(own, fromConfig)}`,
    );
  }
  return own;
}

const hintFor = (own: Layout, wanted: Layout) =>
  own === '0.31' && wanted === '1.0' ? ' (mizzle-kit up converts it)' : '; an existing folder keeps its own';

/** One migration as generate writes it: where its files go, and the name shown. */
export interface Target {
  sql: string;
  snapshot: string;
  down: string;
  label: string;
  /** Writes the migration (and, for 0.31, its journal entry). */
  write(body: string, snapshot: string, breakpoints: boolean): void;
}

/** A folder opened for the next migration: its previous state (drizzle-kit's dry state when null). */
export interface OpenFolder {
  layout: Layout;
  prev: string | null;
  next(name: string, prefixMode?: string): Target;
}

export function openFolder(out: string, layout: Layout, dialect: string): OpenFolder {
  if (layout === '1.0') return nestedFolder(out);
  const meta = join(out, 'meta');
  // drizzle-kit's rule: the previous state is the last snapshot file by name, not the journal's last entry.
  const snapshots = existsSync(meta)
    ? readdirSync(meta)
        .filter((f) => !f.startsWith('_') && f.endsWith('.json'))
        .sort()
    : [];
  const last = snapshots.at(-1);
  const prev = last === undefined ? null : readFileSync(join(meta, last), 'utf8');
  if (layout === 'wrangler') return { layout, prev, next: (name) => flatTarget(out, `${nextNumber(out)}_${name}`) };
  const journal: Journal = existsSync(journalPath(out))
    ? (JSON.parse(readFileSync(journalPath(out), 'utf8')) as Journal)
    : { version: '7', dialect, entries: [] };
  return {
    layout,
    prev,
    next(name, prefixMode) {
      const idx = journal.entries.length === 0 ? 0 : journal.entries[journal.entries.length - 1]!.idx + 1;
      const tag = `${prefixOf(prefixMode, idx)}_${name}`;
      const t = flatTarget(out, tag);
      return {
        ...t,
        write(body, snapshot, breakpoints) {
          t.write(body, snapshot, breakpoints);
          const version = (JSON.parse(snapshot) as { version: string }).version;
          journal.entries.push({ idx, version, when: Date.now(), tag, breakpoints });
          writeFileSync(journalPath(out), JSON.stringify(journal, null, 2));
        },
      };
    },
  };
}

/** `<tag>.sql` and `meta/<prefix>_snapshot.json` (0.31 and wrangler), the reverse in `down/<tag>.sql`. */
function flatTarget(out: string, tag: string): Target {
  const sql = join(out, `${tag}.sql`);
  const snapshot = join(out, 'meta', snapshotFileOf(tag));
  return {
    sql,
    snapshot,
    down: join(out, 'down', `${tag}.sql`),
    label: `${tag}.sql`,
    write(body, snap) {
      mkdirSync(join(out, 'meta'), { recursive: true });
      writeFileSync(sql, body);
      writeFileSync(snapshot, snap);
    },
  };
}

/** wrangler's next number: one past the highest numeric prefix of the folder's `.sql` files, from 0001. */
function nextNumber(out: string): string {
  let highest = 0;
  for (const f of existsSync(out) ? readdirSync(out) : []) {
    const n = /^(\d+)_.*\.sql$/.exec(f);
    if (n && !statSync(join(out, f)).isDirectory()) highest = Math.max(highest, Number(n[1]));
  }
  return String(highest + 1).padStart(4, '0');
}

/** The 1.0 sub-folders holding a `migration.sql`, sorted by name as the runtimes apply them. */
export function nestedMigrations(out: string): string[] {
  if (!existsSync(out)) return [];
  return readdirSync(out, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(out, e.name, 'migration.sql')))
    .map((e) => e.name)
    .sort();
}

function nestedFolder(out: string): OpenFolder {
  const folders = nestedMigrations(out);
  const last = folders.at(-1);
  let prev: string | null = null;
  if (last !== undefined) {
    const file = join(out, last, 'snapshot.json');
    if (!existsSync(file)) throw new KitError('folder', `${last}/snapshot.json is missing: no previous state to diff`);
    prev = readFileSync(file, 'utf8');
    if ('ddl' in (JSON.parse(prev) as object)) {
      throw new KitError(
        'folder',
        `${last}/snapshot.json is drizzle-kit 1.0's format, which mizzle-kit does not read; ` +
          "mizzle-kit continues its own 1.0 folders and drizzle-kit 0.31's",
      );
    }
  }
  return {
    layout: '1.0',
    prev,
    next(name) {
      const dir = join(out, `${folderStamp(Date.now(), last)}_${name}`);
      return {
        sql: join(dir, 'migration.sql'),
        snapshot: join(dir, 'snapshot.json'),
        down: join(dir, 'down.sql'),
        label: `${dir.slice(out.length + 1)}/migration.sql`,
        write(body, snapshot) {
          mkdirSync(dir, { recursive: true });
          writeFileSync(join(dir, 'migration.sql'), body);
          writeFileSync(join(dir, 'snapshot.json'), snapshot);
        },
      };
    },
  };
}

/**
 * A 1.0 folder's prefix for `millis`: its UTC `YYYYMMDDHHmmss`, or one second past the previous folder's
 * when that is the same or later (two migrations in one second), so names stay ordered and unique.
 */
export function folderStamp(millis: number, previous?: string): string {
  const stamp = (ms: number) => new Date(ms).toISOString().replace(/\D/g, '').slice(0, 14);
  const before = previous === undefined ? undefined : stampMillis(previous);
  if (before === undefined || Math.floor(millis / 1000) * 1000 > before) return stamp(millis);
  return stamp(before + 1000);
}

/** The UTC millis of a name's `YYYYMMDDHHmmss` prefix, as the runtimes read it. */
function stampMillis(name: string): number | undefined {
  const m = /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)/.exec(name);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

/** drizzle-kit's migration prefixes (config `migrations.prefix`, default `index`; 0.31 layout only). */
function prefixOf(mode: string | undefined, idx: number): string {
  const now = new Date();
  switch (mode ?? 'index') {
    case 'index':
      return String(idx).padStart(4, '0');
    case 'timestamp':
    case 'supabase':
      return now.toISOString().replace(/\D/g, '').slice(0, 14);
    case 'unix':
      return String(Math.floor(now.getTime() / 1000));
    case 'none':
      return '';
    default:
      throw new KitError('config', `unknown migrations.prefix "${mode}" (index, timestamp, supabase, unix, none)`);
  }
}
