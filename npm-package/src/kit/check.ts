/**
 * `mizzle-kit check`: a drizzle-kit 0.31 folder's consistency before anyone applies or extends it. Each journal
 * entry has its `.sql` and its snapshot, each snapshot reads as drizzle-kit's (the engine's reader), the
 * snapshots chain (`prevId` is the previous `id`), and no two snapshots share a `prevId` (drizzle-kit's
 * "collision": two branches generated from the same state). Every problem is listed; any makes exit code 2.
 */
/// <reference types="node" />
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { initMigrator } from '#wasm/migrator';
import type { CheckArgs } from './args.js';
import { KitError } from './errors.js';
import { loadConfig } from './load-config.js';
import type { Io } from './migrate.js';

/** drizzle-kit's id of the empty database, the first snapshot's `prevId`. */
const EMPTY_ID = '00000000-0000-0000-0000-000000000000';

interface Journal {
  entries: { tag: string }[];
}

export async function checkCommand(args: CheckArgs, io: Io): Promise<void> {
  const out = resolve(io.cwd, args.out ?? (await outOf(args.config, io.cwd)));
  const meta = join(out, 'meta');
  const journalPath = join(meta, '_journal.json');
  if (!existsSync(journalPath)) throw new KitError('folder', `${journalPath} does not exist`);
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as Journal;
  const engine = await initMigrator();
  const problems: string[] = [];
  const byPrev = new Map<string, string[]>();
  const listed = new Set<string>();
  let prevId = EMPTY_ID;
  for (const { tag } of journal.entries) {
    if (!existsSync(join(out, `${tag}.sql`))) problems.push(`${tag}: ${tag}.sql is missing`);
    const file = `${tag.split('_')[0]}_snapshot.json`;
    listed.add(file);
    if (!existsSync(join(meta, file))) {
      problems.push(`${tag}: meta/${file} is missing`);
      continue;
    }
    try {
      const info = engine.snapshotInfo(readFileSync(join(meta, file), 'utf8'));
      if (info.prevId !== prevId) problems.push(`${tag}: its snapshot follows ${info.prevId}, not ${prevId}`);
      byPrev.set(info.prevId, [...(byPrev.get(info.prevId) ?? []), tag]);
      prevId = info.id;
    } catch (e) {
      problems.push(`${tag}: meta/${file}: ${(e as Error).message}`);
    }
  }
  for (const [prev, tags] of byPrev) {
    if (tags.length > 1) problems.push(`collision: ${tags.join(' and ')} both follow snapshot ${prev}`);
  }
  for (const f of readdirSync(meta).filter((f) => f.endsWith('_snapshot.json') && !listed.has(f))) {
    problems.push(`meta/${f}: no journal entry names it`);
  }
  const shown = relative(io.cwd, out) || '.';
  if (problems.length > 0) {
    throw new KitError('folder', `${shown}: ${problems.length} problem(s)\n${problems.join('\n')}`);
  }
  io.out(`mizzle-kit check: ${shown}: ${journal.entries.length} migrations, snapshots chained, no collision`);
}

async function outOf(config: string | undefined, cwd: string): Promise<string> {
  const c = (await loadConfig(config, cwd)).config as { out?: unknown };
  return typeof c.out === 'string' ? c.out : 'drizzle';
}
