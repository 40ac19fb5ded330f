/**
 * `mizzle-kit generate`: the schema's snapshot diffed by the engine (core/src/differ/) against the folder's
 * last snapshot, written as drizzle-kit 0.31 writes a migration (`NNNN_name.sql`, `meta/NNNN_snapshot.json`,
 * the journal entry), so drizzle-kit, drizzle-orm's migrators, wrangler (through its flat layout) and
 * mizzle's migrators all apply it; or in drizzle-kit 1.0's or wrangler's layout (layout.ts). A history
 * drizzle-kit began continues without a reset.
 *
 * Renames are never guessed: a table or column that disappears while another appears stops the command
 * (exit 3) unless `--rename` / `--create-drop` say which it is, or, on a terminal, the user answers.
 */
/// <reference types="node" />
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { initMigrator } from '#wasm/migrator';
import type { DeclaredCasing, DeclaredDialect } from '../migrator/declared.js';
import type { DeclaredSchema, DiffHints, SchemaDiff } from '../wasm/types.js';
import type { GenerateArgs } from './args.js';
import { KitDecision } from './decision.js';
import { KitError } from './errors.js';
import { chooseLayout, openFolder } from './layout.js';
import { loadConfig } from './load-config.js';
import type { Io } from './migrate.js';
import { ambiguityMessage, ask, hintsOf } from './renames.js';
import { loadSchema } from './schema-files.js';

/** Reads a schema module's tables (`declaredSchema` of the mizzle copy the schema itself imports). */
export type Describe = (
  schema: Record<string, unknown>,
  dialect: DeclaredDialect,
  casing: DeclaredCasing,
) => DeclaredSchema;

export async function generateCommand(args: GenerateArgs, io: Io & { tty: boolean }, describe: Describe) {
  const config = await configOf(args, io.cwd);
  const dialect = config.dialect;
  if (dialect !== 'sqlite' && dialect !== 'postgresql' && dialect !== 'mysql') {
    throw new KitError(
      'unsupported',
      `mizzle-kit generate writes SQLite, PostgreSQL and MySQL migrations, not ${dialect}`,
    );
  }
  const out = resolve(io.cwd, config.out ?? 'drizzle');
  // Before the schema loads: a layout mismatch is cheaper to report first.
  const shownOut = relative(io.cwd, out) || '.';
  const layout = chooseLayout(out, shownOut, args.layout, config.migrations?.layout);
  const folder = openFolder(out, layout, dialect);
  const prev = folder.prev;
  const declared = describe(await loadSchema(config.schema, io.cwd), dialect, config.casing);

  const engine = await initMigrator();
  const hints = hintsOf(args);
  let diff: SchemaDiff;
  for (;;) {
    diff = engine.schemaDiff({ declared, prev, hints, id: randomUUID(), custom: args.custom });
    if (diff.ambiguous === null) break;
    if (!io.tty) throw new KitDecision(ambiguityMessage(diff.ambiguous));
    await ask(diff.ambiguous, hints);
  }
  if (diff.statements.length === 0 && !args.custom) {
    io.out('no schema changes: nothing to write');
    return;
  }
  const target = folder.next(args.name ?? 'migration', config.migrations?.prefix);
  const breakpoints = config.breakpoints ?? true;
  const body = args.custom
    ? '-- Custom SQL migration file, put your code below! --'
    : diff.statements.map((s) => `${s};`).join(breakpoints ? '\n--> statement-breakpoint\n' : '\n');
  target.write(body, diff.snapshot, breakpoints);
  io.out(`mizzle-kit generate: ${relative(io.cwd, target.sql)} (${diff.statements.length} statements)`);
  for (const d of diff.destructive) io.out(`  warning: statement ${d.statement + 1} ${d.message}`);
  if (args.down && !args.custom) {
    const { down: file, label } = target;
    writeDown(engine, { file, label, dialect, prev, next: diff.snapshot, hints, breakpoints });
    io.out(`  down: ${relative(io.cwd, file)}`);
  }
}

/**
 * `--down`: the statements from the new state back to the previous one, where no runtime reads them
 * (`down/<tag>.sql`: drizzle's migrators read the journal's tags, wrangler the folder's own `.sql` files;
 * in 1.0 `down.sql` beside `migration.sql`, the one file drizzle 1.0 reads); what it would lose is listed at its top.
 */
function writeDown(
  engine: Awaited<ReturnType<typeof initMigrator>>,
  o: {
    file: string;
    label: string;
    dialect: string;
    prev: string | null;
    next: string;
    hints: DiffHints;
    breakpoints: boolean;
  },
): void {
  // The same decisions, the other way: a rename from a to b is one from b to a, in the table's old name.
  const tableRenames = (o.hints.renames ?? []).filter((r) => !r.table);
  const oldName = (t: string) => tableRenames.find((r) => r.to === t)?.from ?? t;
  const hints: DiffHints = {
    renames: (o.hints.renames ?? []).map((r) =>
      r.table ? { table: oldName(r.table), from: r.to, to: r.from } : { from: r.to, to: r.from },
    ),
    createDrop: o.hints.createDrop ?? [],
  };
  const back =
    o.prev === null
      ? engine.schemaDiff({ declared: { dialect: o.dialect as never, tables: [] }, prev: o.next, hints, id: '' })
      : engine.schemaDiff({ nextSnapshot: o.prev, prev: o.next, hints, id: '' });
  const lost = back.destructive.map((d) => `-- loses: statement ${d.statement + 1} ${d.message}`);
  const body = back.statements.map((s) => `${s};`).join(o.breakpoints ? '\n--> statement-breakpoint\n' : '\n');
  mkdirSync(dirname(o.file), { recursive: true });
  writeFileSync(o.file, [`-- Reverses ${o.label} (mizzle-kit generate --down).`, ...lost, body].join('\n'));
}

interface GenerateConfig {
  dialect: string;
  schema?: string | string[];
  out?: string;
  casing?: DeclaredCasing;
  breakpoints?: boolean;
  migrations?: { prefix?: string; layout?: string };
}

/** The config file's fields, overridden by drizzle-kit's flags (`--dialect`, `--schema`, `--out`, `--casing`). */
async function configOf(args: GenerateArgs, cwd: string): Promise<GenerateConfig> {
  const flagsSuffice = args.dialect !== undefined && args.schema !== undefined;
  const file = args.config !== undefined || !flagsSuffice ? (await loadConfig(args.config, cwd)).config : {};
  const c = { ...(file as GenerateConfig) };
  if (args.dialect !== undefined) c.dialect = args.dialect;
  if (args.schema !== undefined) c.schema = args.schema;
  if (args.out !== undefined) c.out = args.out;
  if (args.casing !== undefined) c.casing = args.casing as DeclaredCasing;
  if (typeof c.dialect !== 'string') throw new KitError('config', "no 'dialect' (config or --dialect)");
  if (c.schema === undefined) throw new KitError('config', "no 'schema' (config or --schema)");
  return c;
}
