/**
 * `mizzle/planetscale/migrator`: drizzle-kit's migrations applied over PlanetScale's HTTP API.
 * MySQL commits DDL implicitly, so no transaction can make a migration atomic (drizzle-orm's runs them
 * in one anyway, which rolls back nothing): migrations run one by one under `get_lock`, each recorded
 * as soon as it ran, and a failure says which statements of the failing migration stay applied.
 */
import { initMigrator } from '#wasm/migrator';
import type { MigrationConfig, MigrationResult } from '../migrator/config.js';
import { folderOf } from '../migrator/folder.js';
import { runAsync } from '../migrator/run.js';
import { migrationSteps } from '../migrator/steps.js';
import { sql } from '../sql.js';
import type { PlanetScaleDatabase } from './index.js';

export type { MigrationConfig, MigrationResult } from '../migrator/config.js';
export { MizzleMigrationError } from '../migrator/errors.js';

/** One statement per request: the failing one is known. */
const TRAITS = { locatesFailures: true };

export async function migrate<TSchema extends Record<string, unknown>>(
  db: PlanetScaleDatabase<TSchema>,
  /** `migrationsSchema` is ignored, as drizzle-orm ignores it on MySQL (the table is in the connection's database). */
  config: MigrationConfig,
): Promise<MigrationResult> {
  const folder = folderOf(config);
  const engine = await initMigrator();
  const unsupported = () => Promise.reject(new Error('MySQL migrations have no atomic unit'));
  return runAsync(migrationSteps(engine, 'mysql', folder, config, TRAITS), {
    rows: async (q) => (await db.execute(sql.raw(q))).rows as Record<string, unknown>[],
    run: (q) => db.execute(sql.raw(q)),
    atomic: unsupported,
  });
}
