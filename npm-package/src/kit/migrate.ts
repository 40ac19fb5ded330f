/**
 * `mizzle-kit migrate`: the config's folder applied by the shared migrator (../migrator/steps.ts, the
 * algorithm every `mizzle/<driver>/migrator` runs), with a line per migration as it is recorded.
 */
/// <reference types="node" />
import { relative } from 'node:path';
import { initMigrator } from '#wasm/migrator';
import { MizzleError } from '../errors.js';
import { folderOf } from '../migrator/folder.js';
import type { MigrationResult } from '../migrator/config.js';
import { runAsync } from '../migrator/run.js';
import { migrationSteps } from '../migrator/steps.js';
import type { MigrateArgs } from './args.js';
import { KitError } from './errors.js';
import { type Host, hostOf } from './hosts.js';
import { loadConfig } from './load-config.js';
import { watched } from './progress.js';
import { failedStatement } from './report.js';
import { type Target, targetOf } from './target.js';

export interface Io {
  out(line: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
}

export async function migrateCommand(args: MigrateArgs, io: Io): Promise<void> {
  // Relative where that is shorter to read (under the working directory), else absolute.
  const shown = (p: string) => {
    const r = relative(io.cwd, p);
    return r === '' ? '.' : r.startsWith('..') ? p : r;
  };
  const { path, config } = await loadConfig(args.config, io.cwd);
  io.out(`mizzle-kit migrate: config ${shown(path)}`);
  const target = targetOf(config, io.env, io.cwd);
  const host = connect(target);
  // Read before any request (the driver connects lazily): a wrong `out` is a config error, not a database one.
  const folder = folderOf({ migrationsFolder: target.folder });
  io.out(`${host.describe}, folder ${shown(target.folder)}, table ${tableOf(target)}`);

  const started = performance.now();
  const {
    engine,
    host: run,
    statementOf,
  } = watched(await initMigrator(), host.run, (names, ms) => {
    if (names.length === 1) return io.out(`applying ${names[0]} ... done (${ms} ms)`);
    for (const n of names) io.out(`applying ${n} ... done`);
    io.out(`  (${names.length} migrations committed in one transaction, ${ms} ms)`);
  });
  const options = { ...target.options, atomic: args.atomic, accept: args.accept };
  let result: MigrationResult;
  try {
    result = await runAsync(migrationSteps(engine, host.dialect, folder, options, host.traits), run);
  } catch (e) {
    const { migration, statement } = e as { migration?: unknown; statement?: unknown };
    if (e instanceof MizzleError && e.kind === 'migration' && typeof migration === 'string') {
      io.out(`applying ${migration} ... failed`);
      const text = typeof statement === 'number' ? statementOf(migration, statement) : undefined;
      if (text !== undefined) failedStatement.set(e, text);
    }
    throw e;
  }
  for (const a of result.accepted) io.out(`accepted (${a.kind}): ${a.message}`);
  const ms = Math.round(performance.now() - started);
  const before = `${result.alreadyApplied} already applied`;
  io.out(
    result.applied.length === 0
      ? `nothing to apply: ${before}`
      : `applied ${plural(result.applied.length)} (${before}) in ${ms} ms`,
  );
}

/** The driver, from the target; its own checks (a URL it cannot use) are config errors. */
function connect(target: Target): Host {
  try {
    return hostOf(target);
  } catch (cause) {
    throw new KitError('config', `dbCredentials: ${(cause as Error)?.message ?? cause}`, { cause });
  }
}

function tableOf(t: Target): string {
  const table = t.options.migrationsTable ?? '__drizzle_migrations';
  return t.dialect === 'postgresql' ? `${t.options.migrationsSchema ?? 'drizzle'}.${table}` : table;
}

const plural = (n: number) => `${n} migration${n === 1 ? '' : 's'}`;
