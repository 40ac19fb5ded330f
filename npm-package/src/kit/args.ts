/** The command line: `mizzle-kit <command> [options]`, parsed by Node's `util.parseArgs`. */
/// <reference types="node" />
import { parseArgs } from 'node:util';
import { KitError } from './errors.js';

export const USAGE = `usage: mizzle-kit migrate [--config <file>] [--atomic run|migration]
                         [--accept-missing] [--accept-changed]
       mizzle-kit generate [--config <file>] [--name <name>] [--custom]
                         [--rename <old>=<new> | <table>.<old>=<new>]... [--create-drop <table>[.<column>]]...
                         [--dialect sqlite|postgresql|mysql --schema <path>... --out <folder>]
                         [--casing snake_case|camelCase] [--down]
       mizzle-kit check [--config <file>] [--out <folder>]

migrate applies the migrations folder of the config file (drizzle-kit's drizzle.config.ts shape; default: the
first of mizzle.config.{ts,mts,js,mjs,cjs,json}, drizzle.config.{ts,mts,js,mjs,cjs,json} in the working
directory). generate writes the next migration of that folder from the config's schema; check verifies the
folder (each journal entry's files, the snapshots' chain, no two snapshots generated from the same one).

  --config <file>       the config file
  --atomic <unit>       migrate: every pending migration in one transaction (default run); migration: one each
  --accept-missing      migrate: go on when the table records a migration the folder lacks
  --accept-changed      migrate: go on when an applied migration's file changed since
  --name <name>         generate: the migration's name (NNNN_<name>.sql; default "migration")
  --custom              generate: an empty migration to write by hand, the snapshot unchanged
  --rename <a>=<b>      generate: table a became b; <t>.<a>=<b>: column a of table t (its new name) became b
  --create-drop <name>  generate: table (or <table>.<column>) is new or dropped, not renamed
  --down                generate: also down/NNNN_name.sql, the statements that reverse it
  -h, --help            this text

exit codes: 0 done (or nothing to do), 1 a migration or the database failed, 2 usage or config error,
3 a decision is needed (a rename to confirm with --rename / --create-drop)`;

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
}

export interface CheckArgs {
  command: 'check';
  config?: string;
  out?: string;
}

export type Args = MigrateArgs | GenerateArgs | CheckArgs | { command: 'help' };

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
  if (command !== 'migrate' && command !== 'generate' && command !== 'check') {
    throw new KitError('usage', `unknown command "${command}": mizzle-kit has "migrate", "generate" and "check"`);
  }
  if (extra.length) throw new KitError('usage', `unexpected argument "${extra[0]}"`);
  const only = (names: string[], cmd: string) => {
    for (const n of names) {
      if ((values as Record<string, unknown>)[n] !== undefined)
        throw new KitError('usage', `--${n} is not an option of ${cmd}`);
    }
  };
  if (command === 'generate') {
    only(['atomic', 'accept-missing', 'accept-changed'], 'generate');
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
    };
  }
  if (command === 'check') {
    only(['atomic', 'accept-missing', 'accept-changed', 'dialect', 'schema', 'casing', 'name', 'custom'], 'check');
    only(['rename', 'create-drop', 'down'], 'check');
    return { command, config: values.config, out: values.out };
  }
  only(['dialect', 'schema', 'out', 'casing', 'name', 'custom', 'rename', 'create-drop', 'down'], 'migrate');
  const atomic = values.atomic ?? 'run';
  if (atomic !== 'run' && atomic !== 'migration') {
    throw new KitError('usage', `--atomic takes "run" or "migration", not "${atomic}"`);
  }
  return {
    command,
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
      help: { type: 'boolean', short: 'h' },
    },
  });
}
