/** The command line: `mizzle-kit <command> [options]`, parsed by Node's `util.parseArgs`. */
/// <reference types="node" />
import { parseArgs } from 'node:util';
import { KitError } from './errors.js';

export const USAGE = `usage: mizzle-kit migrate [--config <file>] [--atomic run|migration]
                         [--accept-missing] [--accept-changed]

Applies the migrations folder of the config file (drizzle-kit's drizzle.config.ts shape; default: the first of
mizzle.config.{ts,mts,js,mjs,cjs,json}, drizzle.config.{ts,mts,js,mjs,cjs,json} in the working directory).

  --config <file>     the config file
  --atomic <unit>     run: every pending migration in one transaction (default); migration: one each
  --accept-missing    go on when the table records a migration the folder lacks
  --accept-changed    go on when an applied migration's file changed since
  -h, --help          this text

exit codes: 0 applied (or nothing to apply), 1 a migration or the database failed, 2 usage or config error`;

export interface MigrateArgs {
  command: 'migrate';
  config?: string;
  atomic: 'run' | 'migration';
  accept: { missing: boolean; changed: boolean };
}

export type Args = MigrateArgs | { command: 'help' };

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
  if (command !== 'migrate') {
    // The other drizzle-kit commands (generate, push, check, up...) come with mizzle's schema differ.
    throw new KitError('usage', `unknown command "${command}": mizzle-kit has only "migrate" for now`);
  }
  if (extra.length) throw new KitError('usage', `unexpected argument "${extra[0]}"`);
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
      help: { type: 'boolean', short: 'h' },
    },
  });
}
