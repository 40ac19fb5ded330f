/**
 * `mizzle-kit generate`: the schema's snapshot diffed by the engine (core/src/differ/) against the folder's
 * last snapshot, written as drizzle-kit 0.31 writes a migration (`NNNN_name.sql`, `meta/NNNN_snapshot.json`,
 * the journal entry), so drizzle-kit, drizzle-orm's migrators, wrangler (through its flat layout) and
 * mizzle's migrators all apply it. A history drizzle-kit began continues without a reset.
 *
 * Renames are never guessed: a table or column that disappears while another appears stops the command
 * (exit 3) unless `--rename` / `--create-drop` say which it is, or, on a terminal, the user answers.
 */
/// <reference types="node" />
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { initMigrator } from '#wasm/migrator';
import type { DeclaredCasing, DeclaredDialect } from '../migrator/declared.js';
import type { DeclaredSchema, DiffHints, SchemaDiff } from '../wasm/types.js';
import type { GenerateArgs } from './args.js';
import { KitDecision } from './decision.js';
import { KitError } from './errors.js';
import { loadConfig, loadModule } from './load-config.js';
import type { Io } from './migrate.js';

/** Reads a schema module's tables (`declaredSchema` of the mizzle copy the schema itself imports). */
export type Describe = (
  schema: Record<string, unknown>,
  dialect: DeclaredDialect,
  casing: DeclaredCasing,
) => DeclaredSchema;

interface Journal {
  version: string;
  dialect: string;
  entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[];
}

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
  const schema: Record<string, unknown> = {};
  for (const file of schemaFiles(config.schema, io.cwd)) Object.assign(schema, await loadModule(file));
  const declared = describe(schema, dialect, config.casing);
  const meta = join(out, 'meta');
  const journalPath = join(meta, '_journal.json');
  const journal: Journal = existsSync(journalPath)
    ? (JSON.parse(readFileSync(journalPath, 'utf8')) as Journal)
    : { version: '7', dialect, entries: [] };
  // drizzle-kit's rule: the previous state is the last snapshot file by name, not the journal's last entry.
  const snapshots = existsSync(meta)
    ? readdirSync(meta)
        .filter((f) => !f.startsWith('_') && f.endsWith('.json'))
        .sort()
    : [];
  const last = snapshots.at(-1);
  const prev = last === undefined ? null : readFileSync(join(meta, last), 'utf8');

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
  const idx = journal.entries.length === 0 ? 0 : journal.entries[journal.entries.length - 1]!.idx + 1;
  const tag = `${prefixOf(config.migrations?.prefix, idx)}_${args.name ?? 'migration'}`;
  const breakpoints = config.breakpoints ?? true;
  const body = args.custom
    ? '-- Custom SQL migration file, put your code below! --'
    : diff.statements.map((s) => `${s};`).join(breakpoints ? '\n--> statement-breakpoint\n' : '\n');
  mkdirSync(meta, { recursive: true });
  writeFileSync(join(out, `${tag}.sql`), body);
  writeFileSync(join(meta, `${tag.split('_')[0]}_snapshot.json`), diff.snapshot);
  journal.entries.push({ idx, version: JSON.parse(diff.snapshot).version, when: Date.now(), tag, breakpoints });
  writeFileSync(journalPath, JSON.stringify(journal, null, 2));
  const shown = relative(io.cwd, join(out, `${tag}.sql`));
  io.out(`mizzle-kit generate: ${shown} (${diff.statements.length} statements)`);
  for (const d of diff.destructive) io.out(`  warning: statement ${d.statement + 1} ${d.message}`);
  if (args.down && !args.custom) {
    const file = writeDown(engine, { out, tag, dialect, prev, next: diff.snapshot, hints, breakpoints });
    io.out(`  down: ${relative(io.cwd, file)}`);
  }
}

/**
 * `--down`: the statements from the new state back to the previous one, in `down/<tag>.sql`. A sub-folder,
 * so that neither drizzle's migrators (which read the journal's tags) nor wrangler (which reads the folder's
 * own `.sql` files) ever apply it; what it would lose is listed at its top.
 */
function writeDown(
  engine: Awaited<ReturnType<typeof initMigrator>>,
  o: {
    out: string;
    tag: string;
    dialect: string;
    prev: string | null;
    next: string;
    hints: DiffHints;
    breakpoints: boolean;
  },
): string {
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
  const dir = join(o.out, 'down');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${o.tag}.sql`);
  writeFileSync(file, [`-- Reverses ${o.tag}.sql (mizzle-kit generate --down).`, ...lost, body].join('\n'));
  return file;
}

interface GenerateConfig {
  dialect: string;
  schema?: string | string[];
  out?: string;
  casing?: DeclaredCasing;
  breakpoints?: boolean;
  migrations?: { prefix?: string };
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

/** The schema paths: files, folders (their .ts/.js files, recursively) and `*` / `**` patterns. */
function schemaFiles(schema: string | string[] | undefined, cwd: string): string[] {
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

/** `--rename a=b` (a table), `--rename t.a=b` (a column of table t, by its new name), `--create-drop t[.c]`. */
function hintsOf(args: GenerateArgs): DiffHints & { renames: NonNullable<DiffHints['renames']> } {
  const renames = args.renames.map((r) => {
    const eq = r.indexOf('=');
    if (eq < 1 || eq === r.length - 1) throw new KitError('usage', `--rename ${r}: expected old=new or table.old=new`);
    const [left, to] = [r.slice(0, eq), r.slice(eq + 1)];
    const dot = left.indexOf('.');
    return dot < 0 ? { from: left, to } : { table: left.slice(0, dot), from: left.slice(dot + 1), to };
  });
  const createDrop = args.createDrop.map((t) => {
    const dot = t.indexOf('.');
    return dot < 0 ? { table: t } : { table: t.slice(0, dot), column: t.slice(dot + 1) };
  });
  return { renames, createDrop };
}

type Ambiguity = NonNullable<SchemaDiff['ambiguous']>;

/** What disappears and appears, and the flags that decide it. */
export function ambiguityMessage(a: Ambiguity): string {
  const where = a.table === null ? 'tables' : `columns of table ${a.table}`;
  const example =
    a.table === null
      ? `--rename ${a.removed[0]}=${a.added[0]} or --create-drop ${a.added[0]}`
      : `--rename ${a.table}.${a.removed[0]}=${a.added[0]} or --create-drop ${a.table}.${a.added[0]}`;
  return (
    `${where}: ${a.removed.join(', ')} disappear(s) while ${a.added.join(', ')} appear(s); a rename or a new ` +
    `one plus a drop? Say which (e.g. ${example}); mizzle-kit never guesses`
  );
}

/** Asks, for each appearing name, which disappearing one it renames (or none), and adds the answers to `hints`. */
async function ask(a: Ambiguity, hints: ReturnType<typeof hintsOf>): Promise<void> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const left = [...a.removed];
    for (const added of a.added) {
      const what = a.table === null ? `table ${added}` : `column ${a.table}.${added}`;
      const choices = left.map((r, i) => `${i + 1}) renamed from ${r}`).join(', ');
      const answer = (await rl.question(`${what} is new: 0) created, ${choices}? [0] `)).trim();
      const n = Number(answer || '0');
      const from = left[n - 1];
      if (n > 0 && from !== undefined) {
        hints.renames.push(a.table === null ? { from, to: added } : { table: a.table, from, to: added });
        left.splice(n - 1, 1);
      } else {
        hints.createDrop!.push(a.table === null ? { table: added } : { table: a.table, column: added });
      }
    }
    for (const r of left) hints.createDrop!.push(a.table === null ? { table: r } : { table: a.table, column: r });
  } finally {
    rl.close();
  }
}

/** drizzle-kit's migration prefixes (config `migrations.prefix`, default `index`). */
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
