/**
 * `mizzle-kit squash`: a drizzle-kit 0.31 folder's history replaced by one baseline migration, `0000_<name>.sql`
 * (default `baseline`): the engine's statements from the empty database to the last snapshot, after a header
 * naming each migration it replaces with its `created_at` and hash (written by the engine, `squashHeader`;
 * format in core/src/migrations/squash.rs). mizzle's migrators read that header: a database that recorded the
 * whole history counts the baseline as applied, an empty one runs it, one that recorded only part of it fails
 * (`migration_squashed`). drizzle-orm's migrator skips it on a migrated database because its `when` is the
 * history's newest, so it is not newer than the newest row.
 *
 * The baseline's snapshot is the last one, with the same `id` (so a branch generated from it still chains) and the
 * empty database's `prevId`. Custom migrations (`generate --custom`: SQL no snapshot records, a backfill, a trigger)
 * are appended after the schema's statements, each under a marker line, and listed: they were written against an
 * older schema and must be reviewed. Refused, nothing changed: 1.0 or wrangler folders (they track migrations by
 * name, so a baseline would run again), a folder `mizzle-kit check` finds a problem in.
 */
/// <reference types="node" />
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { initMigrator } from '#wasm/migrator';
import type { FolderArgs } from './args.js';
import { checkCommand } from './check.js';
import { KitError } from './errors.js';
import { detectLayout, type Journal, journalPath, outFolder, snapshotFileOf } from './layout.js';
import type { Io } from './migrate.js';

/** drizzle-kit's id of the empty database: its first snapshot's `prevId`. */
const EMPTY_ID = '00000000-0000-0000-0000-000000000000';

/** How drizzle-kit starts a `--custom` migration. */
const CUSTOM = '-- Custom SQL migration file';
/** The line above each custom migration's SQL appended to a baseline (a later squash carries those along). */
const APPENDED = '-- mizzle-kit squash: custom SQL of ';
const BREAKPOINT = '\n--> statement-breakpoint\n';

export async function squashCommand(args: FolderArgs, io: Io): Promise<void> {
  const out = await outFolder(args, io.cwd);
  const shown = relative(io.cwd, out) || '.';
  const name = args.name ?? 'baseline';
  if (!/^[^/\\\s]+$/.test(name)) throw new KitError('usage', `--name ${JSON.stringify(name)}: no spaces or slashes`);
  refuseOtherLayouts(out, shown);
  // `mizzle-kit check`'s verdict, its output kept quiet: a folder it refuses is not squashed.
  try {
    await checkCommand({ command: 'check', out }, { ...io, out: () => {} });
  } catch (e) {
    if (!(e instanceof KitError)) throw e;
    throw new KitError('folder', `not squashed, mizzle-kit check finds: ${e.message}`, { cause: e });
  }
  const engine = await initMigrator();
  const journal = JSON.parse(readFileSync(journalPath(out), 'utf8')) as Journal;
  const entries = journal.entries;
  if (entries.length < 2) {
    io.out(`mizzle-kit squash: ${shown}: ${entries.length} migration(s), nothing to squash`);
    return;
  }
  const texts = entries.map((e) => readFileSync(join(out, `${e.tag}.sql`), 'utf8'));
  const last = entries[entries.length - 1]!;
  const snapshot = readFileSync(join(out, 'meta', snapshotFileOf(last.tag)), 'utf8');
  const { id } = engine.snapshotInfo(snapshot);
  const diff = engine.schemaDiff({ nextSnapshot: snapshot, prev: null, id });

  // Custom SQL: the blocks an earlier baseline carried, then each custom migration's own text.
  const custom: string[] = [];
  const blocks: string[] = [];
  entries.forEach((e, i) => {
    const text = texts[i]!;
    const carried = `\n${text}`.indexOf(`\n${APPENDED}`);
    if (carried >= 0) blocks.push(text.slice(carried));
    if (text.trimStart().startsWith(CUSTOM)) {
      custom.push(e.tag);
      blocks.push(`${APPENDED}${e.tag}\n${text}`);
    }
  });
  const breakpoints = last.breakpoints;
  const header = engine.squashHeader(entries.map((e, i) => [e.tag, e.when, texts[i]!]));
  const pieces = [...diff.statements.map((s) => `${s};`), ...blocks];
  const body = `${header}${pieces.join(breakpoints ? BREAKPOINT : '\n')}`;

  // The last snapshot as the first: its id kept, its prevId the empty database's (as drizzle-kit's first).
  const next = JSON.parse(snapshot) as { prevId: string };
  next.prevId = EMPTY_ID;
  const nextSnapshot = JSON.stringify(next, null, 2);
  engine.snapshotInfo(nextSnapshot);
  const tag = `0000_${name}`;
  // Not newer than any migration it replaces: drizzle-orm's migrator skips it where the newest row is the history's.
  const when = Math.max(...entries.map((e) => e.when));
  const nextJournal: Journal = {
    version: journal.version,
    dialect: journal.dialect,
    entries: [{ idx: 0, version: last.version, when, tag, breakpoints }],
  };

  const writes = new Map<string, string>([
    [join(out, `${tag}.sql`), body],
    [join(out, 'meta', snapshotFileOf(tag)), nextSnapshot],
  ]);
  // drizzle-kit's bundle for expo / durable-sqlite imports every migration: it names the baseline only now.
  if (existsSync(join(out, 'migrations.js'))) writes.set(join(out, 'migrations.js'), bundleOf(tag));
  writes.set(journalPath(out), JSON.stringify(nextJournal, null, 2));
  const old = entries.flatMap((e) => [
    join(out, `${e.tag}.sql`),
    join(out, 'meta', snapshotFileOf(e.tag)),
    join(out, 'down', `${e.tag}.sql`),
  ]);
  // New files first (each written aside, then renamed over its name, the journal last), then the old ones go.
  for (const [path, text] of writes) writeFileSync(`${path}.squash`, text);
  for (const path of writes.keys()) renameSync(`${path}.squash`, path);
  for (const path of old) if (!writes.has(path)) rmSync(path, { force: true });
  const down = join(out, 'down');
  if (existsSync(down) && readdirSync(down).length === 0) rmSync(down, { recursive: true });

  const file = relative(io.cwd, join(out, `${tag}.sql`));
  const appended = blocks.length ? `, ${blocks.length} custom SQL block(s) appended` : '';
  io.out(
    `mizzle-kit squash: ${shown}: ${entries.length} migrations -> 1 baseline, ${file} ` +
      `(${diff.statements.length} statements${appended})`,
  );
  if (custom.length > 0) {
    io.out(`  note: custom SQL of ${custom.join(', ')} appended after the schema's statements: it was written`);
    io.out('  against an older schema, review it (an empty database runs it, a migrated one never does)');
  }
}

/** drizzle 1.0's folders and wrangler's flat files are tracked by name: a database would run the baseline again. */
function refuseOtherLayouts(out: string, shown: string): void {
  if (!existsSync(out)) throw new KitError('folder', `${shown} does not exist`);
  const why = 'databases record its migrations by name, so they would run the baseline again';
  const layout = detectLayout(out);
  if (layout === '1.0') {
    throw new KitError(
      'folder',
      `${shown} has drizzle 1.0's <timestamp>_<name>/migration.sql folders: not squashed, ${why}`,
    );
  }
  if (layout === 'wrangler') {
    throw new KitError(
      'folder',
      `${shown} has .sql files and no meta/_journal.json (wrangler's layout): not squashed, ${why}`,
    );
  }
}

/** drizzle-kit's `migrations.js` for a folder of one migration. */
function bundleOf(tag: string): string {
  const lines = [`import journal from './meta/_journal.json';`, `import m0000 from './${tag}.sql';`, ''];
  return `${lines.join('\n')}\n  export default {\n    journal,\n    migrations: {\n      m0000\n    }\n  }\n  `;
}
