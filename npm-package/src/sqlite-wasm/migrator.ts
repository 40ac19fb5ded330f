/**
 * `mizzle/sqlite-wasm/migrator`: drizzle-kit's migrations applied to the embedded SQLite, in one
 * transaction (or one per migration with `atomic: 'migration'`). In Node `migrationsFolder` is read
 * from disk; in a browser pass the bundled `{ migrations }` (the `.sql` files imported as text).
 */
import { initMigrator } from '#wasm/migrator';
import type { MigrationConfig, MigrationResult } from '../migrator/config.js';
import { folderOf } from '../migrator/folder.js';
import { runAsync } from '../migrator/run.js';
import { migrationSteps } from '../migrator/steps.js';
import { sql } from '../sql.js';
import type { SQLiteWasmDatabase } from './index.js';

export type { MigrationBundle, MigrationConfig, MigrationResult } from '../migrator/config.js';
export { MizzleMigrationError } from '../migrator/errors.js';

/** Statements run one by one inside the transaction: the failing one is the error's `query`. */
const TRAITS = { locatesFailures: true };

export async function migrate<TSchema extends Record<string, unknown>>(
  db: SQLiteWasmDatabase<TSchema>,
  config: MigrationConfig,
): Promise<MigrationResult> {
  const folder = folderOf(config);
  const engine = await initMigrator();
  return runAsync(migrationSteps(engine, 'sqlite', folder, config, TRAITS), {
    rows: async (q) => db.all<Record<string, unknown>>(sql.raw(q)),
    run: async (q) => db.run(sql.raw(q)),
    atomic: async (qs) =>
      db.transaction((tx) => {
        for (const q of qs) tx.run(sql.raw(q));
      }),
  });
}
