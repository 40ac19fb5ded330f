/**
 * `mizzle-kit up`: a drizzle-kit 0.31 folder turned into 1.0's layout in place, as drizzle-kit 1.0's `up` does
 * (`migrateToFoldersV3`): each journal entry becomes `<YYYYMMDDHHmmss of its when, UTC>_<tag without its
 * number>/` holding its `.sql` byte for byte and its snapshot (`down/<tag>.sql` becomes `down.sql`); then the
 * journal, `meta/` and the old files go.
 *
 * The `.sql` text is unchanged, so its hash is, and a database the 0.31 folder migrated has nothing pending
 * after: the planner matches its rows by hash (core/src/migrations/history.rs, rule 5), the folder names
 * holding seconds where the journal held milliseconds.
 *
 * Everything is checked before anything is written, and written before anything is removed; the journal goes
 * first, the commit point: interrupted before it, the 0.31 folder is whole (the journal wins, `up` again redoes
 * the sub-folders); after it, the 1.0 folder is, and only leftovers remain.
 */
/// <reference types="node" />
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { FolderArgs } from './args.js';
import { KitError } from './errors.js';
import { detectLayout, folderStamp, type Journal, journalPath, outFolder, snapshotFileOf } from './layout.js';
import type { Io } from './migrate.js';

interface Move {
  tag: string;
  folder: string;
  sql: string;
  snapshot: string;
  down?: string;
}

export async function upCommand(args: FolderArgs, io: Io): Promise<void> {
  const out = await outFolder(args, io.cwd);
  const shown = relative(io.cwd, out) || '.';
  const layout = detectLayout(out);
  if (layout === '1.0') {
    io.out(`mizzle-kit up: ${shown} is already in the 1.0 layout: nothing to do`);
    return;
  }
  if (layout !== '0.31') {
    throw new KitError(
      'folder',
      layout === 'wrangler'
        ? `${shown} is in wrangler's flat layout (no meta/_journal.json); up converts drizzle-kit 0.31 folders`
        : `${shown} has no meta/_journal.json: not a drizzle-kit 0.31 folder`,
    );
  }
  // drizzle-kit's bundle (durable-sqlite, expo) imports the journal this removes.
  if (existsSync(join(out, 'migrations.js'))) {
    throw new KitError(
      'folder',
      `${shown}/migrations.js imports meta/_journal.json, which up removes, and mizzle-kit does not rewrite it: ` +
        'nothing changed',
    );
  }
  const journal = JSON.parse(readFileSync(journalPath(out), 'utf8')) as Journal;
  const moves = planMoves(out, journal);

  for (const m of moves) {
    const dir = join(out, m.folder);
    mkdirSync(dir, { recursive: true });
    copyFileSync(m.sql, join(dir, 'migration.sql'));
    copyFileSync(m.snapshot, join(dir, 'snapshot.json'));
    if (m.down) copyFileSync(m.down, join(dir, 'down.sql'));
  }
  rmSync(journalPath(out));
  for (const m of moves) {
    rmSync(m.sql);
    if (m.down) rmSync(m.down);
  }
  rmSync(join(out, 'meta'), { recursive: true, force: true });
  const down = join(out, 'down');
  if (existsSync(down) && readdirSync(down).length === 0) rmdirSync(down);

  for (const m of moves) io.out(`${m.tag}.sql -> ${m.folder}/migration.sql${m.down ? ' (and down.sql)' : ''}`);
  const listed = new Set(moves.map((m) => `${m.tag}.sql`));
  for (const f of readdirSync(out).filter((f) => f.endsWith('.sql') && !listed.has(f))) {
    io.out(`  left: ${f} (no journal entry names it; the 1.0 runtimes do not read it)`);
  }
  io.out(`mizzle-kit up: ${shown}: ${moves.length} migration(s) in the 1.0 layout`);
}

/** Each entry's files and new folder; refuses (nothing written) a missing file. */
function planMoves(out: string, journal: Journal): Move[] {
  const moves: Move[] = [];
  const missing: string[] = [];
  let previous: string | undefined;
  for (const { tag, when } of journal.entries) {
    const sql = join(out, `${tag}.sql`);
    const snapshot = join(out, 'meta', snapshotFileOf(tag));
    if (!existsSync(sql)) missing.push(`${tag}.sql`);
    if (!existsSync(snapshot)) missing.push(relative(out, snapshot));
    if (typeof when !== 'number' || !Number.isFinite(when)) {
      throw new KitError('folder', `journal entry ${tag}: "when" is ${JSON.stringify(when)}, not milliseconds`);
    }
    // Two entries in one second (or a restamped journal): one second past the previous, so the order stays.
    const folder = `${folderStamp(when, previous)}_${tag.replace(/^\d*_/, '')}`;
    previous = folder;
    const down = join(out, 'down', `${tag}.sql`);
    moves.push({ tag, folder, sql, snapshot, down: existsSync(down) ? down : undefined });
  }
  if (missing.length > 0) {
    throw new KitError('folder', `the journal names files that are missing (nothing changed): ${missing.join(', ')}`);
  }
  return moves;
}
