/**
 * mizzle's typed errors. Everything the engine or a driver throws is one of
 * these, never a raw wasm trap. They are drizzle-orm's error classes too, so
 * code written for drizzle catches them unchanged: `MizzleError` extends
 * `DrizzleError`, `MizzleQueryError` extends `DrizzleQueryError` (with
 * drizzle's `query`, `params` and `cause`, the driver's own error object), and
 * `tx.rollback()` throws `TransactionRollbackError`.
 *
 * @example
 * try { db.insert(users).values({ email: 'dup' }).run(); }
 * catch (e) { if (e instanceof DrizzleQueryError && e.cause?.code === 'SQLITE_CONSTRAINT_UNIQUE') ... }
 */
import { MAX_DEPTH } from './engine/wire.generated.js';

/**
 * Gives a class its own name as `.name` (`db.constructor.name`, how Node prints an error): the
 * package's bundle is minified, which renames classes. Only the public classes are named so, as
 * esbuild's `keepNames` for every function costs ~3 KB gzip in a D1 worker.
 */
export function keepName(c: abstract new (...args: never[]) => unknown, name: string): void {
  Object.defineProperty(c, 'name', { value: name, configurable: true });
}

/** drizzle's base error: every error mizzle raises is one. */
export class DrizzleError extends Error {
  override name = 'DrizzleError';
  static {
    keepName(DrizzleError, 'DrizzleError');
  }
  constructor({ message, cause }: { message?: string; cause?: unknown }) {
    super(message, cause === undefined ? undefined : { cause });
  }
}

/** Why a query could not be built or compiled. */
export type MizzleErrorKind =
  | 'unsupported'
  | 'invalid'
  | 'bad_name'
  | 'too_deep'
  /** A server's answer or the network broke the driver's protocol (a malformed body, no answer). */
  | 'protocol'
  /** The engine could not read what the package sent it (malformed opcodes or value buffers): a mizzle bug. */
  | 'engine_input'
  | 'missing_placeholder'
  | 'type'
  | 'transaction'
  | 'database'
  /** The database's answer could not be decoded (e.g. JSON cut off by a server limit). */
  | 'decode'
  /** An HTTP driver gave up waiting (its `timeoutMs`). */
  | 'timeout'
  /** A migrations folder or bundle drizzle-kit could not have written (bad journal, missing file). */
  | 'migration_folder'
  /** The tracking table records a migration the folder lacks. */
  | 'migration_missing'
  /** An applied migration's file changed since (its hash differs). */
  | 'migration_changed'
  /**
   * The database applied only part of the history a `mizzle-kit squash` baseline replaces: apply that history first
   * (from the commit before the squash); the baseline is never run there.
   */
  | 'migration_squashed'
  /** A migration's statement failed (`MizzleMigrationError`: which migration and statement, what stays applied). */
  | 'migration'
  /** A declared schema the engine cannot snapshot (two tables of one name, a key on a missing column): `cause.code`. */
  | 'schema'
  /** Rename hints that name nothing that changes, or are malformed. */
  | 'schema_diff'
  /** A database's catalog the engine could not read back (`cause.code` says what). */
  | 'introspection'
  /** `push()`: names disappear while others appear; hints must say which are renames. */
  | 'push_ambiguous'
  /** `push()`: the change drops or converts data and `acceptDataLoss` was not given. */
  | 'push_destructive';

/** A query that could not be built or compiled (nothing was sent), or, as a `MizzleQueryError`, failed. */
export class MizzleError extends DrizzleError {
  override name = 'MizzleError';
  static {
    keepName(MizzleError, 'MizzleError');
  }
  constructor(
    readonly kind: MizzleErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super({ message, cause: options?.cause });
  }
}

/**
 * Refuses a walk over user-built SQL or selections once `depth` passes the engine's nesting limit (the
 * generated MAX_DEPTH): every such walk in the package is recursive, and a 10,000-deep (or cyclic) input
 * would otherwise overflow the JS stack with a RangeError.
 */
export function checkDepth(depth: number): void {
  if (depth > MAX_DEPTH) {
    throw new MizzleError('too_deep', `query shape nests too deeply (more than ${MAX_DEPTH} levels)`);
  }
}

/** What a server says about an error besides its message (PostgreSQL's fields, MySQL's errno). */
export interface ServerErrorFields {
  /** HTTP status of the answer, for HTTP drivers. */
  status?: number;
  severity?: string;
  detail?: string;
  hint?: string;
  position?: string;
  schema?: string;
  table?: string;
  column?: string;
  constraint?: string;
  /** MySQL's error number. */
  errno?: number;
  /** SQLSTATE (PostgreSQL's is also `code`). */
  sqlstate?: string;
}

/**
 * drizzle's query failure: the SQL (`query`), its `params`, and in `cause` the
 * error the driver raised (with its `code`, `errno` or SQLSTATE). Unlike
 * drizzle's, it is also a `DrizzleError` (a `MizzleError` of kind `database`),
 * so one `instanceof MizzleError` still catches everything mizzle throws.
 * Drivers throw the subclass `MizzleQueryError`; this constructor is
 * drizzle's, for code that raises one itself.
 */
export class DrizzleQueryError extends MizzleError {
  override name = 'DrizzleQueryError';
  static {
    keepName(DrizzleQueryError, 'DrizzleQueryError');
  }
  /** The driver's error (drizzle types it `Error`; its `code` is typed here so `e.cause?.code` compiles). */
  declare readonly cause?: Error & { code?: string | number; errno?: number; sqlstate?: string };
  constructor(
    readonly query: string,
    readonly params: readonly unknown[],
    cause?: unknown,
    /** mizzle's message (the driver's, then the SQL and params); drizzle's form otherwise. */
    message = `Failed query: ${query}\nparams: ${params}`,
  ) {
    super('database', message, { cause });
  }
}

/**
 * The database rejected a query: the driver's message and code, the SQL and
 * params, whatever else the server said (`detail`, `constraint`, `errno`...)
 * and the driver's own error as `cause`.
 */
export class MizzleQueryError extends DrizzleQueryError implements ServerErrorFields {
  override name = 'MizzleQueryError';
  static {
    keepName(MizzleQueryError, 'MizzleQueryError');
  }
  declare readonly status?: number;
  declare readonly severity?: string;
  declare readonly detail?: string;
  declare readonly hint?: string;
  declare readonly position?: string;
  declare readonly schema?: string;
  declare readonly table?: string;
  declare readonly column?: string;
  declare readonly constraint?: string;
  declare readonly errno?: number;
  declare readonly sqlstate?: string;

  constructor(
    message: string,
    readonly code: string | undefined,
    readonly sql: string,
    params: readonly unknown[],
    options?: { cause?: unknown; fields?: ServerErrorFields },
  ) {
    super(
      sql,
      params,
      options?.cause ?? serverError(message, code, options?.fields),
      `${message}\n  sql: ${sql}\n  params: ${safeJson(params)}`,
    );
    if (options?.fields) {
      for (const [k, v] of Object.entries(options.fields))
        if (v !== undefined) Object.defineProperty(this, k, { value: v, enumerable: true });
    }
  }
}

/** drizzle's name for a rolled-back transaction (`tx.rollback()`). */
export class TransactionRollbackError extends MizzleError {
  override name = 'TransactionRollbackError';
  static {
    keepName(TransactionRollbackError, 'TransactionRollbackError');
  }
  constructor() {
    super('transaction', 'Rollback');
  }
}

/**
 * The `cause` of a failure no driver object describes (an HTTP driver parses the server's answer
 * itself): an `Error` with the server's `code` and fields, so `e.cause?.code` reads as with the
 * driver's own error.
 */
function serverError(message: string, code: string | undefined, fields: ServerErrorFields | undefined): Error {
  const e = new Error(message);
  e.name = 'DatabaseError';
  for (const [k, v] of Object.entries({ ...fields, code })) if (v !== undefined) Object.assign(e, { [k]: v });
  return e;
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v, (_k, x) =>
      typeof x === 'bigint' ? `${x}n` : x instanceof Uint8Array ? `<${x.length} bytes>` : x,
    );
  } catch {
    return String(v);
  }
}

/** Wraps an error thrown by the wasm engine into a typed `MizzleError`. */
export function fromEngineError(e: unknown): MizzleError {
  if (e instanceof MizzleError) return e;
  const err = e as { kind?: string; message?: string };
  const kind = (err && typeof err.kind === 'string' ? err.kind : 'invalid') as MizzleErrorKind;
  return new MizzleError(kind, err?.message ?? String(e), { cause: e });
}
