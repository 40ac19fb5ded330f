/**
 * `mizzle/neon-http/migrator`: drizzle-kit's migrations applied over Neon's HTTP API. Unlike
 * drizzle-orm's (one request per statement, rows recorded only at the end, nothing rolled back), every
 * pending migration, its record and an advisory lock go in ONE batch request, which Neon runs as one
 * transaction (or one batch per migration with `atomic: 'migration'`).
 */
import { initMigrator } from '#wasm/migrator';
import type { MigrationConfig, MigrationResult } from '../migrator/config.js';
import { folderOf } from '../migrator/folder.js';
import { runAsync } from '../migrator/run.js';
import { migrationSteps } from '../migrator/steps.js';
import type { NeonHttpDatabase } from './index.js';
import { NEON_TRAITS, neonHost } from './migration-host.js';

export type { MigrationConfig, MigrationResult } from '../migrator/config.js';
export { MizzleMigrationError } from '../migrator/errors.js';

export async function migrate<TSchema extends Record<string, unknown>>(
  db: NeonHttpDatabase<TSchema>,
  config: MigrationConfig,
): Promise<MigrationResult> {
  const folder = folderOf(config);
  const engine = await initMigrator();
  return runAsync(migrationSteps(engine, 'postgresql', folder, config, NEON_TRAITS), neonHost(db));
}
