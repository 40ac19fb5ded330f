/**
 * `mizzle-kit check`: a folder's consistency before anyone applies or extends it, in any of generate's layouts
 * (layout.ts). Each migration has its `.sql` and its snapshot, each snapshot reads as drizzle-kit 0.31's (the
 * engine's reader), the snapshots chain (`prevId` is the previous `id`), and no two snapshots share a `prevId`
 * (drizzle-kit's "collision": two branches generated from the same state). The migrations are the journal's
 * entries (0.31), the sub-folders holding a `migration.sql` (1.0, by name), or the flat `.sql` files (wrangler,
 * by name; a hand-written one without its `meta/` snapshot is reported: generate --custom writes both). Every
 * problem is listed; any makes exit code 2.
 */
/// <reference types="node" />
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { initMigrator } from '#wasm/migrator';
import type { CheckArgs } from './args.js';
import { KitError } from './errors.js';
import { detectLayout, journalPath, type Layout, nestedMigrations, outFolder, snapshotFileOf } from './layout.js';
import type { Io } from './migrate.js';

/** drizzle-kit's id of the empty database, the first snapshot's `prevId`. */
const EMPTY_ID = '00000000-0000-0000-0000-000000000000';

interface Journal {
  entries: { tag: string }[];
}

/** One migration's files, relative to the folder. */
interface Item {
  name: string;
  sql: string;
  snapshot: string;
}

export async function checkCommand(args: CheckArgs, io: Io): Promise<void> {
  const out = await outFolder(args, io.cwd);
  const layout = detectLayout(out);
  if (layout === null) {
    throw new KitError('folder', `${out} holds no migrations (no meta/_journal.json, no sub-folder, no .sql file)`);
  }
  const { items, orphans } = itemsOf(out, layout);
  const engine = await initMigrator();
  const problems: string[] = [];
  const byPrev = new Map<string, string[]>();
  let prevId = EMPTY_ID;
  for (const { name, sql, snapshot } of items) {
    if (!existsSync(join(out, sql))) problems.push(`${name}: ${sql} is missing`);
    if (!existsSync(join(out, snapshot))) {
      problems.push(`${name}: ${snapshot} is missing`);
      continue;
    }
    try {
      const info = engine.snapshotInfo(readFileSync(join(out, snapshot), 'utf8'));
      if (info.prevId !== prevId) problems.push(`${name}: its snapshot follows ${info.prevId}, not ${prevId}`);
      byPrev.set(info.prevId, [...(byPrev.get(info.prevId) ?? []), name]);
      prevId = info.id;
    } catch (e) {
      problems.push(`${name}: ${snapshot}: ${(e as Error).message}`);
    }
  }
  for (const [prev, names] of byPrev) {
    if (names.length > 1) problems.push(`collision: ${names.join(' and ')} both follow snapshot ${prev}`);
  }
  problems.push(...orphans);
  const shown = relative(io.cwd, out) || '.';
  if (problems.length > 0) {
    throw new KitError('folder', `${shown}: ${problems.length} problem(s)\n${problems.join('\n')}`);
  }
  io.out(`mizzle-kit check: ${shown}: ${items.length} migrations, snapshots chained, no collision (${layout} layout)`);
}

/** The layout's migrations in order, and its snapshots that no migration names. */
function itemsOf(out: string, layout: Layout): { items: Item[]; orphans: string[] } {
  if (layout === '1.0') {
    const items = nestedMigrations(out).map((d) => ({
      name: d,
      sql: `${d}/migration.sql`,
      snapshot: `${d}/snapshot.json`,
    }));
    const orphans = readdirSync(out, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !existsSync(join(out, e.name, 'migration.sql')))
      .filter((e) => existsSync(join(out, e.name, 'snapshot.json')))
      .map((e) => `${e.name}/: snapshot.json without migration.sql (the runtimes skip the folder)`);
    return { items, orphans };
  }
  const tags =
    layout === '0.31'
      ? (JSON.parse(readFileSync(journalPath(out), 'utf8')) as Journal).entries.map((e) => e.tag)
      : readdirSync(out, { withFileTypes: true })
          .filter((e) => !e.isDirectory() && e.name.endsWith('.sql'))
          .map((e) => e.name.slice(0, -4))
          .sort();
  const items = tags.map((t) => ({ name: t, sql: `${t}.sql`, snapshot: `meta/${snapshotFileOf(t)}` }));
  const listed = new Set(items.map((i) => i.snapshot));
  const meta = join(out, 'meta');
  const orphans = (existsSync(meta) ? readdirSync(meta) : [])
    .filter((f) => f.endsWith('_snapshot.json') && !listed.has(`meta/${f}`))
    .map((f) => `meta/${f}: no ${layout === '0.31' ? 'journal entry' : '.sql file'} names it`);
  return { items, orphans };
}
