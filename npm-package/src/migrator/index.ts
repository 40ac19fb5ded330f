/**
 * What the `mizzle/<driver>/migrator` entries share (their types, the error class). Each entry is a
 * few lines: how its host runs a read, a statement and an atomic unit (./run.ts).
 */
export type { JournalEntry, MigrationBundle, MigrationConfig, MigrationOptions, MigrationResult } from './config.js';
export { MizzleMigrationError } from './errors.js';
