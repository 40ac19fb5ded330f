#!/usr/bin/env node
/**
 * `mizzle-kit`, the package's bin (bundle/bin/mizzle-kit.js, built by scripts/bundle.mjs). Output is
 * plain lines (no spinners, no colours): progress on stdout, failures on stderr; exit codes in report.ts.
 */
/// <reference types="node" />
import { parse, USAGE } from './args.js';
import { KitError } from './errors.js';
import { checkCommand } from './check.js';
import { type Describe, generateCommand } from './generate.js';
import { migrateCommand } from './migrate.js';
import { pushCommand } from './push.js';
import { squashCommand } from './squash.js';
import { upCommand } from './up.js';
import { describe, EXIT, exitCodeOf } from './report.js';

/**
 * `declaredSchema` of the Node bundle next to this bin (bundle/node/kit-schema.js): the modules a schema's
 * `import ... from 'mizzle/...'` loads, so its tables are of the same classes (this bin's own copy of
 * them would not recognise them).
 */
async function describer(): Promise<Describe> {
  const url = new URL('../node/kit-schema.js', import.meta.url).href;
  return ((await import(url)) as { declaredSchema: Describe }).declaredSchema;
}

async function main(argv: string[]): Promise<number> {
  try {
    const args = parse(argv);
    if (args.command === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    const io = { out: (line: string) => process.stdout.write(`${line}\n`), cwd: process.cwd(), env: process.env };
    if (args.command === 'check') {
      await checkCommand(args, io);
    } else if (args.command === 'generate') {
      await generateCommand(
        args,
        { ...io, tty: Boolean(process.stdin.isTTY && process.stdout.isTTY) },
        await describer(),
      );
    } else if (args.command === 'push') {
      await pushCommand(args, { ...io, tty: Boolean(process.stdin.isTTY && process.stdout.isTTY) }, await describer());
    } else if (args.command === 'up' || args.command === 'squash') {
      await (args.command === 'up' ? upCommand : squashCommand)(args, io);
    } else await migrateCommand(args, io);
    return EXIT.ok;
  } catch (e) {
    for (const line of describe(e)) process.stderr.write(`${line}\n`);
    if (e instanceof KitError && e.kind === 'usage') process.stderr.write(`\n${USAGE}\n`);
    return exitCodeOf(e);
  }
}

// exitCode, not exit(): stdout may still be draining into a pipe.
process.exitCode = await main(process.argv.slice(2));
