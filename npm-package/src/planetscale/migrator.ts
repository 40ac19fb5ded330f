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
import type { PlanetScaleDatabase } from './index.js';
import { PLANETSCALE_TRAITS, planetscaleHost } from './migration-host.js';

export type { MigrationConfig, MigrationResult } from '../migrator/config.js';
export { MizzleMigrationError } from '../migrator/errors.js';

export async function migrate<TSchema extends Record<string, unknown>>(
  db: PlanetScaleDatabase<TSchema>,
  /** `migrationsSchema` is ignored, as drizzle-orm ignores it on MySQL (the table is in the connection's database). */
  config: MigrationConfig,
): Promise<MigrationResult> {
  const folder = folderOf(config);
  const engine = await initMigrator();
  return runAsync(migrationSteps(engine, 'mysql', folder, config, PLANETSCALE_TRAITS), planetscaleHost(db));
}
