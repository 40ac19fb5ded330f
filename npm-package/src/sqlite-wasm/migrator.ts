/**
 * `mizzle/sqlite-wasm/migrator`: drizzle-kit's migrations applied to the embedded SQLite, in one
 * transaction (or one per migration with `atomic: 'migration'`). In Node `migrationsFolder` is read
 * from disk; in a browser pass the bundled `{ migrations }` (the `.sql` files imported as text).
 */
import { initDiffer } from '#wasm/differ-sqlite';
import { initMigrator } from '#wasm/migrator-sqlite';
import type { MigrationConfig, MigrationResult } from '../migrator/config.js';
import { folderOf } from '../migrator/folder.js';
import { runAsync } from '../migrator/run.js';
import { type PushConfig, type PushResult, pushSteps } from '../migrator/push.js';
import { migrationSteps } from '../migrator/steps.js';
import { sql } from '../sql.js';
import type { SQLiteWasmDatabase } from './index.js';

export type { MigrationBundle, MigrationConfig, MigrationResult } from '../migrator/config.js';
export type { PushConfig, PushResult } from '../migrator/push.js';
export { MizzleMigrationError } from '../migrator/errors.js';

/** Statements run one by one inside the transaction: the failing one is the error's `query`. */
const TRAITS = { locatesFailures: true };

export async function migrate<TSchema extends Record<string, unknown>>(
  db: SQLiteWasmDatabase<TSchema>,
  config: MigrationConfig,
): Promise<MigrationResult> {
  const folder = folderOf(config);
  const engine = await initMigrator();
  return runAsync(migrationSteps(engine, 'sqlite', folder, config, TRAITS), host(db));
}

/**
 * The embedded database brought to `schema` without a migrations folder (a browser app's own database):
 * read back, diffed by the engine, changed in one transaction (src/migrator/push.ts). Refuses renames it
 * would have to guess (`push_ambiguous`) and data loss not accepted (`push_destructive`), before running
 * anything.
 *
 * @example
 * import * as schema from './schema';
 * await push(db, { schema });
 */
export async function push<TSchema extends Record<string, unknown>>(
  db: SQLiteWasmDatabase<TSchema>,
  config: PushConfig,
): Promise<PushResult> {
  return runAsync(pushSteps(await initDiffer(), config), host(db));
}

function host(db: SQLiteWasmDatabase<Record<string, unknown>>) {
  return {
    rows: async (q: string) => db.all<Record<string, unknown>>(sql.raw(q)),
    run: async (q: string) => db.run(sql.raw(q)),
    atomic: async (qs: string[]) =>
      db.transaction((tx) => {
        for (const q of qs) tx.run(sql.raw(q));
      }),
  };
}
