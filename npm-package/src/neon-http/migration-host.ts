/**
 * How the migrator's steps run on Neon over HTTP: shared by `mizzle/neon-http/migrator` and `mizzle-kit`
 * (which wraps it to print a line per migration). Every pending migration goes in one batch request, which
 * Neon runs as one transaction.
 */
import type { AsyncHost } from '../migrator/run.js';
import type { HostTraits } from '../migrator/steps.js';
import { sql } from '../sql.js';
import type { NeonHttpDatabase } from './index.js';

/** Neon's batch error does not say which statement failed: the steps bisect with rolled-back probes. */
export const NEON_TRAITS: HostTraits = { locatesFailures: false };

export function neonHost<TSchema extends Record<string, unknown>>(db: NeonHttpDatabase<TSchema>): AsyncHost {
  return {
    rows: async (q) => (await db.execute(sql.raw(q))).rows as Record<string, unknown>[],
    run: (q) => db.execute(sql.raw(q)),
    atomic: (qs) => db.batch(qs.map((q) => db.execute(sql.raw(q))) as [never, ...never[]]),
  };
}
