/**
 * `mizzle/errors` (drizzle-orm/errors): drizzle's error classes, with
 * mizzle's own subclasses (`MizzleError`, `MizzleQueryError`).
 */
export {
  DrizzleError,
  DrizzleQueryError,
  TransactionRollbackError,
  MizzleError,
  MizzleQueryError,
  type MizzleErrorKind,
  type ServerErrorFields,
} from '../errors.js';
