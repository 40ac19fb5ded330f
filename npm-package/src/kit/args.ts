/** The command line: `mizzle-kit <command> [options]`, parsed by Node's `util.parseArgs`. */
/// <reference types="node" />
import { parseArgs } from 'node:util';
import { KitError } from './errors.js';

export const USAGE = `usage: mizzle-kit migrate [--config <file>] [--atomic run|migration]
                         [--accept-missing] [--accept-changed]
       mizzle-kit generate [--config <file>] [--name <name>] [--custom]
                         [--rename <old>=<new> | <table>.<old>=<new>]... [--create-drop <table>[.<column>]]...
                         [--dialect sqlite|postgresql|mysql --schema <path>... --out <folder>]
                         [--casing snake_case|camelCase] [--down] [--layout 0.31|1.0|wrangler]
       mizzle-kit push [--config <file>] [--force] [--verbose] [--rename ...]... [--create-drop ...]...
                         [--dialect postgresql|mysql --schema <path>... --url <url>] [--casing ...]
       mizzle-kit check [--config <file>] [--out <folder>]
       mizzle-kit up [--config <file>] [--out <folder>]
       mizzle-kit squash [--config <file>] [--out <folder>] [--name <name>]

migrate applies the migrations folder of the config file (drizzle-kit's drizzle.config.ts shape; default: the
first of mizzle.config.{ts,mts,js,mjs,cjs,json}, drizzle.config.{ts,mts,js,mjs,cjs,json} in the working
directory). generate writes the next migration of that folder from the config's schema; push brings the
config's database to the schema directly (introspected, diffed, applied); check verifies the folder (each
migration's files, the snapshots' chain, no two snapshots generated from the same one); up turns a 0.31
folder (meta/_journal.json) into 1.0's <timestamp>_<name>/ folders; squash replaces a folder's history with
one baseline migration that databases which applied the history skip.

  --config <file>       the config file
  --atomic <unit>       migrate: every pending migration in one transaction (default run); migration: one each
  --accept-missing      migrate: go on when the table records a migration the folder lacks
  --accept-changed      migrate: go on when an applied migration's file changed since
  --name <name>         generate: the migration's name (NNNN_<name>.sql; default "migration")
  --custom              generate: an empty migration to write by hand, the snapshot unchanged
  --rename <a>=<b>      generate: table a became b; <t>.<a>=<b>: column a of table t (its new name) became b
  --create-drop <name>  generate: table (or <table>.<column>) is new or dropped, not renamed
  --down                generate: also the statements that reverse it (down/NNNN_name.sql; down.sql in 1.0)
  --layout <layout>     generate: 0.31 (journal, the default), 1.0 (<timestamp>_<name>/ folders) or wrangler
                        (flat NNNN_name.sql files, no journal); an existing folder keeps its own
  --force               push: run statements that drop or convert data without asking
  --verbose             push: print each statement before it runs
  --url <url>           push: the database (instead of the config's dbCredentials)
  -h, --help            this text

exit codes: 0 done (or nothing to do), 1 a migration or the database failed, 2 usage or config error,
3 a decision is needed (a rename to confirm with --rename / --create-drop; push: data loss without --force)`;

export interface MigrateArgs {
  command: 'migrate';
  config?: string;
  atomic: 'run' | 'migration';
  accept: { missing: boolean; changed: boolean };
}

export interface GenerateArgs {
  command: 'generate';
  config?: string;
  dialect?: string;
  schema?: string[];
  out?: string;
  casing?: string;
  name?: string;
  custom: boolean;
  renames: string[];
  createDrop: string[];
  down: boolean;
  layout?: string;
}

export interface PushArgs {
  command: 'push';
  config?: string;
  dialect?: string;
  schema?: string[];
  url?: string;
  casing?: string;
  force: boolean;
  verbose: boolean;
  renames: string[];
  createDrop: string[];
}

/** `up` and `squash`: a folder rewritten in place. */
interface FolderOptions {
  config?: string;
  out?: string;
  name?: string;
}
export type FolderArgs = (FolderOptions & { command: 'up' }) | (FolderOptions & { command: 'squash' });

export interface CheckArgs {
  command: 'check';
  config?: string;
  out?: string;
}

export type Args = MigrateArgs | GenerateArgs | PushArgs | CheckArgs | FolderArgs | { command: 'help' };

const COMMANDS = ['migrate', 'generate', 'push', 'check', 'up', 'squash'] as const;

export function parse(argv: string[]): Args {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (cause) {
    throw new KitError('usage', (cause as Error).message, { cause });
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  const [command, ...extra] = positionals;
  if (command === undefined) throw new KitError('usage', 'no command given');
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new KitError(
      'usage',
      `unknown command "${command}": mizzle-kit has ${COMMANDS.map((c) => `"${c}"`).join(', ')}`,
    );
  }
  if (extra.length) throw new KitError('usage', `unexpected argument "${extra[0]}"`);
  // Each command's options; any other given is refused by name.
  const only = (allowed: string[], cmd: string) => {
    for (const [n, v] of Object.entries(values)) {
      if (v !== undefined && n !== 'config' && n !== 'help' && !allowed.includes(n))
        throw new KitError('usage', `--${n} is not an option of ${cmd}`);
    }
  };
  const GENERATE = ['dialect', 'schema', 'out', 'casing', 'name', 'custom', 'rename', 'create-drop', 'down', 'layout'];
  if (command === 'generate') {
    only(GENERATE, 'generate');
    return {
      command,
      config: values.config,
      dialect: values.dialect,
      schema: values.schema,
      out: values.out,
      casing: values.casing,
      name: values.name,
      custom: values.custom ?? false,
      renames: values.rename ?? [],
      createDrop: values['create-drop'] ?? [],
      down: values.down ?? false,
      layout: values.layout,
    };
  }
  if (command === 'push') {
    only(['dialect', 'schema', 'url', 'casing', 'force', 'verbose', 'rename', 'create-drop'], 'push');
    return {
      command,
      config: values.config,
      dialect: values.dialect,
      schema: values.schema,
      url: values.url,
      casing: values.casing,
      force: values.force ?? false,
      verbose: values.verbose ?? false,
      renames: values.rename ?? [],
      createDrop: values['create-drop'] ?? [],
    };
  }
  if (command === 'check') {
    only(['out'], 'check');
    return { command, config: values.config, out: values.out };
  }
  if (command === 'up' || command === 'squash') {
    only(command === 'up' ? ['out'] : ['out', 'name'], command);
    return { command, config: values.config, out: values.out, name: values.name };
  }
  only(['atomic', 'accept-missing', 'accept-changed'], 'migrate');
  const atomic = values.atomic ?? 'run';
  if (atomic !== 'run' && atomic !== 'migration') {
    throw new KitError('usage', `--atomic takes "run" or "migration", not "${atomic}"`);
  }
  return {
    command: 'migrate',
    config: values.config,
    atomic,
    accept: { missing: values['accept-missing'] ?? false, changed: values['accept-changed'] ?? false },
  };
}

function parseOptions(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      config: { type: 'string' },
      atomic: { type: 'string' },
      'accept-missing': { type: 'boolean' },
      'accept-changed': { type: 'boolean' },
      dialect: { type: 'string' },
      schema: { type: 'string', multiple: true },
      out: { type: 'string' },
      casing: { type: 'string' },
      name: { type: 'string' },
      custom: { type: 'boolean' },
      rename: { type: 'string', multiple: true },
      'create-drop': { type: 'string', multiple: true },
      down: { type: 'boolean' },
      layout: { type: 'string' },
      force: { type: 'boolean' },
      verbose: { type: 'boolean' },
      url: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
