/**
 * `mizzle-kit push`: the config's database brought to the schema without a migrations folder. The database
 * is read back (one introspection query), the engine diffs it against the declared schema (the server's
 * reprint of an unchanged check, index, default or view is no change: core/src/differ/live_spelling.rs),
 * and the statements run: on PostgreSQL in one transaction, on MySQL one by one (its DDL commits itself).
 *
 * Nothing is guessed and nothing is lost silently: a rename must be said (`--rename`, `--create-drop`, or an
 * answer on a terminal), and statements that drop or convert data run only with `--force` or a "y" on a
 * terminal; otherwise exit 3 and nothing ran. SQLite databases are pushed where they live (the `push()` of
 * `mizzle/d1/migrator`, `mizzle/durable-sqlite/migrator`, `mizzle/sqlite-wasm/migrator`).
 */
/// <reference types="node" />
import { createInterface } from 'node:readline/promises';
import { initMigrator } from '#wasm/migrator';
import type { DeclaredCasing } from '../migrator/declared.js';
import type { SchemaDiff } from '../wasm/types.js';
import type { PushArgs } from './args.js';
import { KitDecision } from './decision.js';
import { KitError } from './errors.js';
import type { Describe } from './generate.js';
import { type Host, hostOf } from './hosts.js';
import { loadConfig } from './load-config.js';
import type { Io } from './migrate.js';
import { ambiguityMessage, ask, hintsOf } from './renames.js';
import { loadSchema } from './schema-files.js';
import { targetOf } from './target.js';

export async function pushCommand(args: PushArgs, io: Io & { tty: boolean }, describe: Describe): Promise<void> {
  const config = await configOf(args, io.cwd);
  const dialect = config.dialect;
  if (dialect === 'sqlite') {
    throw new KitError(
      'unsupported',
      'mizzle-kit push reaches PostgreSQL and MySQL; a SQLite database is pushed where it lives: push() of ' +
        'mizzle/d1/migrator (D1), mizzle/durable-sqlite/migrator (a Durable Object) or mizzle/sqlite-wasm/migrator',
    );
  }
  if (dialect !== 'postgresql' && dialect !== 'mysql') {
    throw new KitError('unsupported', `mizzle-kit push reaches PostgreSQL and MySQL, not ${String(dialect)}`);
  }
  const host = connect(config, io);
  const declared = describe(await loadSchema(config.schema, io.cwd), dialect, config.casing);
  io.out(`mizzle-kit push: ${host.describe}`);

  const engine = await initMigrator();
  const introspected = firstCell(await host.run.rows(engine.schemaIntrospection(dialect)));
  const hints = { ...hintsOf(args), ignoreUnused: true };
  const filters = { tablesFilter: listOf(config, 'tablesFilter'), schemaFilter: listOf(config, 'schemaFilter') };
  let diff: SchemaDiff;
  for (;;) {
    diff = engine.schemaDiff({ declared, prev: null, introspected, hints, id: '', ...filters });
    if (diff.ambiguous === null) break;
    if (!io.tty) throw new KitDecision(ambiguityMessage(diff.ambiguous));
    await ask(diff.ambiguous, hints);
  }
  const { statements, destructive } = diff;
  if (statements.length === 0) {
    io.out('no changes: the database matches the schema');
    return;
  }
  if (args.verbose) for (const [i, s] of statements.entries()) io.out(`  ${i + 1}: ${s}`);
  if (destructive.length > 0 && !args.force) {
    const lines = destructive.map((d) => `statement ${d.statement + 1} ${d.message}`);
    if (!io.tty || !(await confirm(lines, io))) {
      throw new KitDecision(
        `push would lose data; nothing ran (run it with --force to accept):\n${lines.map((l) => `  ${l}`).join('\n')}`,
      );
    }
  }
  const started = performance.now();
  if (dialect === 'postgresql') {
    await host.run.atomic(statements);
  } else {
    // MySQL commits each DDL statement: say how far it got if one fails.
    for (const [i, s] of statements.entries()) {
      try {
        await host.run.run(s);
      } catch (cause) {
        throw new PushFailed(i, s, statements.length, cause);
      }
    }
  }
  const ms = Math.round(performance.now() - started);
  const lost = destructive.length > 0 ? `, ${destructive.length} of them dropping or converting data` : '';
  io.out(`applied ${statements.length} statement${statements.length === 1 ? '' : 's'}${lost} in ${ms} ms`);
}

/** A MySQL push that stopped part way: the statements before it stay applied. */
class PushFailed extends Error {
  override name = 'PushFailed';
  readonly statement: number;
  constructor(index: number, sql: string, total: number, cause: unknown) {
    super(
      `push failed at statement ${index + 1} of ${total} (${index} applied before it; MySQL commits each): ${sql}`,
      { cause },
    );
    this.statement = index + 1;
  }
}

async function confirm(lines: string[], io: Io): Promise<boolean> {
  io.out('push would lose data:');
  for (const l of lines) io.out(`  ${l}`);
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await rl.question('apply these statements? [y/N] ')).trim());
  } finally {
    rl.close();
  }
}

interface PushConfig {
  dialect: string;
  schema?: string | string[];
  casing?: DeclaredCasing;
  dbCredentials?: unknown;
}

/** The config file's fields, overridden by the flags (`--dialect`, `--schema`, `--url`, `--casing`). */
async function configOf(args: PushArgs, cwd: string): Promise<PushConfig & Record<string, unknown>> {
  const flagsSuffice = args.dialect !== undefined && args.schema !== undefined && args.url !== undefined;
  const file = args.config !== undefined || !flagsSuffice ? (await loadConfig(args.config, cwd)).config : {};
  const c = { ...(file as PushConfig & Record<string, unknown>) };
  if (args.dialect !== undefined) c.dialect = args.dialect;
  if (args.schema !== undefined) c.schema = args.schema;
  if (args.url !== undefined) c.dbCredentials = { url: args.url };
  if (args.casing !== undefined) c.casing = args.casing as DeclaredCasing;
  if (typeof c.dialect !== 'string') throw new KitError('config', "no 'dialect' (config or --dialect)");
  if (c.schema === undefined) throw new KitError('config', "no 'schema' (config or --schema)");
  return c;
}

function connect(config: Record<string, unknown>, io: Io): Host {
  const target = targetOf(config, io.env, io.cwd);
  try {
    return hostOf(target);
  } catch (cause) {
    throw new KitError('config', `dbCredentials: ${(cause as Error)?.message ?? cause}`, { cause });
  }
}

/** drizzle-kit's `tablesFilter` / `schemaFilter`: a pattern or a list of them. */
function listOf(config: Record<string, unknown>, key: string): string[] {
  const v = config[key];
  if (v === undefined) return [];
  const list = [v].flat();
  if (!list.every((x) => typeof x === 'string'))
    throw new KitError('config', `'${key}' must be text or a list of text`);
  return list as string[];
}

/** The introspection query's one text cell. */
function firstCell(rows: Record<string, unknown>[]): string {
  const v = rows[0] === undefined ? undefined : Object.values(rows[0])[0];
  if (typeof v !== 'string') throw new KitError('unsupported', 'the introspection query returned no document');
  return v;
}
