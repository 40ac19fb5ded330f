/**
 * mizzle's typed errors. Everything the engine or a driver throws is one of
 * these, never a raw wasm trap.
 *
 * @example
 * try { db.insert(users).values({ email: 'dup' }).run(); }
 * catch (e) { if (e instanceof MizzleQueryError) console.log(e.code, e.sql, e.params); }
 */

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
  | 'timeout';

/** A query that could not be built or compiled (nothing was sent). */
export class MizzleError extends Error {
  override name = 'MizzleError';
  constructor(
    readonly kind: MizzleErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
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
 * The database rejected a query: the driver's message and code, the SQL and
 * params, and whatever else the server said (`detail`, `constraint`,
 * `errno`...).
 */
export class MizzleQueryError extends MizzleError implements ServerErrorFields {
  override name = 'MizzleQueryError';
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
    readonly params: readonly unknown[],
    options?: { cause?: unknown; fields?: ServerErrorFields },
  ) {
    super('database', `${message}\n  sql: ${sql}\n  params: ${safeJson(params)}`, options);
    if (options?.fields) {
      for (const [k, v] of Object.entries(options.fields))
        if (v !== undefined) Object.defineProperty(this, k, { value: v, enumerable: true });
    }
  }
}

/** drizzle's name for a rolled-back transaction (`tx.rollback()`). */
export class TransactionRollbackError extends MizzleError {
  override name = 'TransactionRollbackError';
  constructor() {
    super('transaction', 'Rollback');
  }
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
