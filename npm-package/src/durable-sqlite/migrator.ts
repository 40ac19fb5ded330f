/**
 * `mizzle/durable-sqlite/migrator`: drizzle-kit's bundled migrations (`migrations.js`, written for
 * `driver: 'durable-sqlite'`) applied to a Durable Object's SQLite, synchronously, as one
 * `transactionSync` (or one per migration with `atomic: 'migration'`). Unlike drizzle-orm's, it
 * honours `migrationsTable`, records each file's real hash, and fails with the statement's own error.
 *
 * @example
 * constructor(ctx: DurableObjectState, env: Env) {
 *   super(ctx, env);
 *   this.db = drizzle(ctx.storage);
 *   ctx.blockConcurrencyWhile(async () => { migrate(this.db, migrations); });
 * }
 */
import { loadDiffer } from '#wasm/differ-sqlite';
import { loadMigrator } from '#wasm/migrator-sqlite';
import type { MigrationBundle, MigrationConfig, MigrationOptions, MigrationResult } from '../migrator/config.js';
import { folderOf } from '../migrator/folder.js';
import { runSync } from '../migrator/run.js';
import { type PushConfig, type PushResult, pushSteps } from '../migrator/push.js';
import { migrationSteps } from '../migrator/steps.js';
import { sql } from '../sql.js';
import type { DrizzleSqliteDODatabase } from './index.js';

export type { MigrationBundle, MigrationConfig, MigrationResult } from '../migrator/config.js';
export type { PushConfig, PushResult } from '../migrator/push.js';
export { MizzleMigrationError } from '../migrator/errors.js';

/** Statements run one by one inside transactionSync: the failing one is the error's `query`. */
const TRAITS = { locatesFailures: true };

/** drizzle's form `migrate(db, migrations)` (the bundle itself, options beside it) or `{ migrations, ... }`. */
export function migrate<TSchema extends Record<string, unknown>>(
  db: DrizzleSqliteDODatabase<TSchema>,
  config: (MigrationBundle & MigrationOptions) | MigrationConfig,
): MigrationResult {
  const folder = folderOf(config);
  return runSync(migrationSteps(loadMigrator(), 'sqlite', folder, config, TRAITS), host(db));
}

/**
 * The Durable Object's database brought to `schema` without a migrations folder: read back, diffed by the
 * engine, changed in one `transactionSync` (src/migrator/push.ts). Refuses renames it would have to guess
 * (`push_ambiguous`) and data loss not accepted (`push_destructive`), before running anything.
 *
 * @example
 * import * as schema from './schema';
 * ctx.blockConcurrencyWhile(async () => { push(this.db, { schema }); });
 */
export function push<TSchema extends Record<string, unknown>>(
  db: DrizzleSqliteDODatabase<TSchema>,
  config: PushConfig,
): PushResult {
  return runSync(pushSteps(loadDiffer(), config), host(db));
}

function host(db: DrizzleSqliteDODatabase<Record<string, unknown>>) {
  return {
    rows: (q: string) => db.all<Record<string, unknown>>(sql.raw(q)),
    run: (q: string) => {
      db.run(sql.raw(q));
    },
    atomic: (qs: string[]) =>
      db.transaction((tx) => {
        for (const q of qs) tx.run(sql.raw(q));
      }),
  };
}
