/**
 * How the migrator's steps run on PlanetScale over HTTP: shared by `mizzle/planetscale/migrator` and
 * `mizzle-kit`. MySQL commits DDL implicitly, so there is no atomic unit: statements run one by one.
 */
import type { AsyncHost } from '../migrator/run.js';
import type { HostTraits } from '../migrator/steps.js';
import { sql } from '../sql.js';
import type { PlanetScaleDatabase } from './index.js';

/** One statement per request: the failing one is known. */
export const PLANETSCALE_TRAITS: HostTraits = { locatesFailures: true };

export function planetscaleHost<TSchema extends Record<string, unknown>>(db: PlanetScaleDatabase<TSchema>): AsyncHost {
  return {
    rows: async (q) => (await db.execute(sql.raw(q))).rows as Record<string, unknown>[],
    run: (q) => db.execute(sql.raw(q)),
    atomic: () => Promise.reject(new Error('MySQL migrations have no atomic unit')),
  };
}
