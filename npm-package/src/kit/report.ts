/**
 * What a failure prints (on stderr) and exits with. Scripts rely on the code: 0 done or nothing to do,
 * 1 the run failed at the database (a statement, the history check, the connection), 2 nothing was tried
 * because the command line, the config or the folder is wrong, 3 a decision is needed (generate: a rename
 * to confirm), nothing written.
 */
import { KitDecision } from './decision.js';
import { KitError } from './errors.js';

export const EXIT = { ok: 0, failed: 1, usage: 2, decision: 3 } as const;

export function exitCodeOf(e: unknown): number {
  if (e instanceof KitError) return EXIT.usage;
  if (e instanceof KitDecision) return EXIT.decision;
  // A folder drizzle-kit could not have written (or a wrong `out`), a schema the engine refuses, a rename hint
  // that names nothing: fix the input, nothing was written or run.
  const kind = (e as { kind?: unknown })?.kind;
  if (kind === 'migration_folder' || kind === 'schema' || kind === 'schema_diff') return EXIT.usage;
  return EXIT.failed;
}

/**
 * The failing statement's text, set by `migrate` from the plan: the driver's error may show another one
 * (a Neon batch does not say which of its statements failed).
 */
export const failedStatement = new WeakMap<object, string>();

/** The error, its migration and statement, and each cause with its code: CI logs are all one gets. */
export function describe(e: unknown): string[] {
  const err = e as { message?: string; migration?: string; statement?: number; applied?: string[]; cause?: unknown };
  const lines = [`mizzle-kit: ${e instanceof KitError ? '' : 'error: '}${indent(err?.message ?? String(e))}`];
  if (err?.migration) lines.push(`  migration: ${err.migration}`);
  if (err?.statement) {
    const text = typeof e === 'object' && e !== null ? failedStatement.get(e) : undefined;
    lines.push(`  statement: ${err.statement}${text ? `: ${oneLine(text)}` : ''}`);
  }
  if (Array.isArray(err?.applied)) {
    lines.push(`  applied by this run before it: ${err.applied.length ? err.applied.join(', ') : 'none'}`);
  }
  let cause = err?.cause;
  for (let depth = 0; cause !== undefined && cause !== null && depth < 5; depth++) {
    const c = cause as { name?: string; message?: string; code?: unknown; cause?: unknown };
    const code = c.code !== undefined && c.code !== '' ? ` [${String(c.code)}]` : '';
    // The first line: the server's message (mizzle's query errors add the SQL and params below it).
    lines.push(`  cause: ${c.name ?? 'Error'}${code}: ${String(c.message ?? cause).split('\n')[0]}`);
    cause = c.cause;
  }
  return lines;
}

/** Continuation lines of a multi-line message, indented under the first. */
function indent(message: string): string {
  return message.replace(/\n/g, '\n  ');
}

function oneLine(s: string): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 300)}...` : flat;
}
