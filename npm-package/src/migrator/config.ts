/**
 * What every `mizzle/<driver>/migrator` takes and returns: drizzle-orm's `MigrationConfig`
 * (a folder path, or the bundle drizzle-kit writes as `migrations.js`), plus mizzle's options.
 */

/** A journal entry of drizzle-kit 0.31 (`meta/_journal.json`); only `idx`, `when` and `tag` are read. */
export interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
  breakpoints?: boolean;
}

/**
 * The bundled form: drizzle-kit's `migrations.js` default export (`{ journal, migrations: { m0000: sql } }`,
 * for durable-sqlite and expo), or 1.0's (`{ migrations: { '<YYYYMMDDHHmmss_name>': sql } }`, no journal), or
 * with `layout: 'wrangler'` the folder's files keyed by file name (`{ migrations: { '0001_init.sql': sql } }`).
 * The `.sql` files are imported as text (wrangler: `[[rules]] type = "Text" globs = ["**\/*.sql"]`).
 */
export interface MigrationBundle {
  journal?: { entries: JournalEntry[] };
  migrations: Record<string, string>;
}

/** mizzle's options beyond drizzle's. */
export interface MigrationOptions {
  /**
   * How the folder is read and tracked: `'drizzle'` (default: drizzle-kit's layouts, drizzle's table) or
   * `'wrangler'` (SQLite hosts: every `.sql` file of the folder, applied in the order and recorded in the
   * table `wrangler d1 migrations apply` uses, so wrangler and mizzle continue each other).
   */
  layout?: 'drizzle' | 'wrangler';
  /** drizzle's `migrationsTable` (default `__drizzle_migrations`; `d1_migrations` with `layout: 'wrangler'`). */
  migrationsTable?: string;
  /** drizzle's `migrationsSchema`: PostgreSQL only (default `drizzle`), as in drizzle-orm. */
  migrationsSchema?: string;
  /**
   * Go on despite rows of the tracking table that no migration of the folder matches (`missing`) or
   * applied migrations whose file changed since (`changed`); both are typed errors by default.
   */
  accept?: { missing?: boolean; changed?: boolean };
  /**
   * The atomic unit where the host has one: `'run'` (default, as drizzle-orm: every pending migration
   * in one transaction / batch) or `'migration'` (one per migration, so a failure keeps the migrations
   * before it applied and recorded). MySQL and PlanetScale commit DDL implicitly: always per migration.
   */
  atomic?: 'run' | 'migration';
}

/** drizzle-orm's `MigrationConfig` (a folder read from disk, in Node) or the bundle, with mizzle's options. */
export type MigrationConfig = MigrationOptions &
  ({ migrationsFolder: string; migrations?: never } | { migrations: MigrationBundle; migrationsFolder?: never });

/** What `migrate()` did (drizzle's returns nothing; this is extra). */
export interface MigrationResult {
  /** The names (journal tags or 1.0 folder names) applied by this run, in order. */
  applied: string[];
  /** How many of the folder's migrations were already recorded. */
  alreadyApplied: number;
  /** The mismatches `accept` let through. */
  accepted: { kind: string; message: string }[];
}
