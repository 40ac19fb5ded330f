/**
 * `mizzle/d1/migrator`: drizzle-kit's migrations applied to D1. Every pending migration and its
 * record run as ONE `D1Database.batch()` (D1 runs a batch as one transaction), or one batch per
 * migration with `atomic: 'migration'`. `migrationsFolder` is read from disk where Node's `fs` exists
 * (a script, miniflare's `getPlatformProxy`); inside a Worker pass the bundled `{ migrations }`.
 *
 * With `layout: 'wrangler'` it applies and records a `wrangler d1 migrations apply` folder (flat `.sql`
 * files, table `d1_migrations`) as wrangler does, so either continues the other.
 *
 * @example
 * import migrations from '../drizzle/migrations.js';
 * await migrate(drizzle(env.DB), { migrations });
 * await migrate(drizzle(env.DB), { migrationsFolder: 'migrations', layout: 'wrangler' }); // from Node
 */
import { initDiffer } from '#wasm/differ-sqlite';
import { initMigrator } from '#wasm/migrator-sqlite';
import type { MigrationConfig, MigrationResult } from '../migrator/config.js';
import { folderOf } from '../migrator/folder.js';
import { type PushConfig, type PushResult, pushSteps } from '../migrator/push.js';
import { runAsync } from '../migrator/run.js';
import { migrationSteps } from '../migrator/steps.js';
import { sql } from '../sql.js';
import type { DrizzleD1Database } from './index.js';

export type { MigrationBundle, MigrationConfig, MigrationResult } from '../migrator/config.js';
export type { PushConfig, PushResult } from '../migrator/push.js';
export { MizzleMigrationError } from '../migrator/errors.js';

/** D1 does not say which statement of a batch failed: the steps bisect with rolled-back probes. */
const TRAITS = { locatesFailures: false };

export async function migrate<TSchema extends Record<string, unknown>>(
  db: DrizzleD1Database<TSchema>,
  config: MigrationConfig,
): Promise<MigrationResult> {
  const folder = folderOf(config);
  const engine = await initMigrator();
  return runAsync(migrationSteps(engine, 'sqlite', folder, config, TRAITS), host(db));
}

/**
 * The D1 database brought to `schema` without a folder (a preview or a test database; a deployed one is better
 * served by a migrations folder, which records what ran): read back, diffed by the engine, changed in one
 * batch (src/migrator/push.ts). Refuses renames it would have to guess (`push_ambiguous`) and data loss not
 * accepted (`push_destructive`), before running anything.
 *
 * @example
 * await push(drizzle(env.DB), { schema });
 */
export async function push<TSchema extends Record<string, unknown>>(
  db: DrizzleD1Database<TSchema>,
  config: PushConfig,
): Promise<PushResult> {
  return runAsync(pushSteps(await initDiffer(), config), host(db));
}

function host(db: DrizzleD1Database<Record<string, unknown>>) {
  return {
    rows: (q: string) => db.all<Record<string, unknown>>(sql.raw(q)),
    run: (q: string) => db.run(sql.raw(q)),
    atomic: (qs: string[]) => db.batch(qs.map((q) => db.run(sql.raw(q))) as [never, ...never[]]),
  };
}
