#!/usr/bin/env node
/**
 * `mizzle-kit`, the package's bin (bundle/bin/mizzle-kit.js, built by scripts/bundle.mjs). Output is
 * plain lines (no spinners, no colours): progress on stdout, failures on stderr; exit codes in report.ts.
 */
/// <reference types="node" />
import { parse, USAGE } from './args.js';
import { KitError } from './errors.js';
import { migrateCommand } from './migrate.js';
import { describe, EXIT, exitCodeOf } from './report.js';

async function main(argv: string[]): Promise<number> {
  try {
    const args = parse(argv);
    if (args.command === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    await migrateCommand(args, {
      out: (line) => process.stdout.write(`${line}\n`),
      cwd: process.cwd(),
      env: process.env,
    });
    return EXIT.ok;
  } catch (e) {
    for (const line of describe(e)) process.stderr.write(`${line}\n`);
    if (e instanceof KitError && e.kind === 'usage') process.stderr.write(`\n${USAGE}\n`);
    return exitCodeOf(e);
  }
}

// exitCode, not exit(): stdout may still be draining into a pipe.
process.exitCode = await main(process.argv.slice(2));
