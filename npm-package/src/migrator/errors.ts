/** The error a migration run ends with when a statement fails: what ran, what did not, and the cause. */
import { keepName, MizzleError } from '../errors.js';

export class MizzleMigrationError extends MizzleError {
  override name = 'MizzleMigrationError';
  static {
    keepName(MizzleMigrationError, 'MizzleMigrationError');
  }
  /** The migration that failed (journal tag or folder name), when known. */
  readonly migration?: string;
  /** The failing statement of that migration, from 1, when known. */
  readonly statement?: number;
  /** The migrations this run applied and recorded before the failure (they stay). */
  readonly applied: string[];

  constructor(message: string, o: { migration?: string; statement?: number; applied: string[]; cause?: unknown }) {
    super('migration', message, { cause: o.cause });
    this.migration = o.migration;
    this.statement = o.statement;
    this.applied = [...o.applied];
  }
}
