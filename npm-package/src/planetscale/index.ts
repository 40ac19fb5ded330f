/**
 * `mizzle/planetscale`: MySQL over PlanetScale's HTTP API. PlanetScale has
 * no server-side parameters, so each statement is compiled (and cached) with
 * placeholders and the values are spliced in as literals by the engine's one
 * escaping routine (`interpolate`, the `inline` wasm build). Interactive
 * transactions run BEGIN / statements / COMMIT or ROLLBACK on one session;
 * `db.batch([...])` is such a transaction. drizzle's constructor forms are
 * accepted; an `@planetscale/database` `Client` gives its configuration only.
 *
 * @example
 * const db = drizzle({ url: env.DATABASE_URL }, { schema }); // or drizzle(new Client({ url }), { schema })
 * await db.transaction(async (tx) => { await tx.insert(users).values({ name: 'ann' }); });
 */
import { Dialect, Engine } from '../engine/engine.js';
import type { TransactionStep } from '../engine/encoder.js';
import { keepName, MizzleError, MizzleQueryError } from '../errors.js';
import { postJson, type HttpOptions } from '../http/post-json.js';
import { MySqlDatabase } from '../mysql-core/database.js';
import { DefaultLogger, type BoundQuery, type Logger, type Session } from '../driver.js';
import { loadInline } from '#wasm/inline';
import { decodeRows, encodeValues, type PlanetScaleField } from './values.js';

/** Where and how to reach PlanetScale. */
export interface PlanetScaleConfig extends HttpOptions {
  /** `mysql://user:password@host` (an `http://` URL keeps plain HTTP, for local servers). */
  url?: string;
  host?: string;
  username?: string;
  password?: string;
}

/** What `.run()`, `db.execute()` and awaiting a statement without RETURNING give (rows as objects). */
export interface PlanetScaleRunResult {
  /** Rows changed. */
  rowsAffected: number;
  /** The first AUTO_INCREMENT id the statement generated, as text ('0' when none). */
  insertId: string;
  fields: PlanetScaleField[];
  rows: Record<string, unknown>[];
}

interface ExecuteAnswer {
  session?: unknown;
  result?: {
    fields?: PlanetScaleField[];
    rows?: { lengths?: string[]; values?: string }[];
    rowsAffected?: string;
    insertId?: string;
  };
  error?: { code?: string; message?: string };
}

/** The HTTP connection: base URL, credentials and the session PlanetScale hands back. */
class Connection {
  session: unknown = null;
  constructor(
    readonly base: string,
    readonly auth: string,
    readonly options: HttpOptions,
  ) {}

  fork(): Connection {
    return new Connection(this.base, this.auth, this.options);
  }

  async execute(sql: string, q: BoundQuery): Promise<NonNullable<ExecuteAnswer['result']>> {
    const answer = await postJson(
      `${this.base}/psdb.v1alpha1.Database/Execute`,
      { Authorization: this.auth },
      JSON.stringify({ query: sql, session: this.session }),
      this.options,
      'PlanetScale',
    );
    const b = (answer.body ?? {}) as ExecuteAnswer;
    if (b.session !== undefined) this.session = b.session;
    if (answer.status !== 200) {
      const detail = b.error?.message ?? answer.text?.slice(0, 500);
      const message = `PlanetScale answered HTTP ${answer.status}${detail ? `: ${detail}` : ''}`;
      // The client's UnknownError when the answer carries no error object.
      const body = b.error ?? { code: 'UNKNOWN', message };
      throw new MizzleQueryError(message, `HTTP_${answer.status}`, q.sql, q.params, {
        fields: { status: answer.status },
        cause: databaseError(b.error ? 'DatabaseError' : 'UnknownError', message, answer.status, body, {
          code: `HTTP_${answer.status}`,
        }),
      });
    }
    if (b.error) {
      const message = b.error.message ?? 'unknown error';
      const errno = /\(errno (\d+)\)/.exec(message)?.[1];
      const sqlstate = /\(sqlstate ([0-9A-Z]{5})\)/.exec(message)?.[1];
      const fields = { errno: errno === undefined ? undefined : Number(errno), sqlstate };
      throw new MizzleQueryError(message, sqlstate ?? b.error.code, q.sql, q.params, {
        fields: { status: 200, ...fields },
        // The client reports an error answer as status 400 whatever the HTTP status (200).
        cause: databaseError('DatabaseError', message, 400, b.error, { code: sqlstate ?? b.error.code, ...fields }),
      });
    }
    if (!b.result || typeof b.result !== 'object')
      throw new MizzleError('protocol', 'PlanetScale answered without a result');
    return b.result;
  }
}

/**
 * The `cause` of a failure, shaped as `@planetscale/database`'s `DatabaseError` (drizzle passes the
 * client's error on): `name`, `message`, `status`, and `body`, the server's error object, so
 * `e.cause?.body?.code` reads as with drizzle; plus the `code`, `errno` and `sqlstate` mizzle parsed.
 */
function databaseError(
  name: 'DatabaseError' | 'UnknownError',
  message: string,
  status: number,
  body: { code?: string; message?: string },
  parsed: { code?: string; errno?: number; sqlstate?: string },
): Error {
  const e = Object.assign(new Error(message), { status, body });
  e.name = name;
  for (const [k, v] of Object.entries(parsed)) if (v !== undefined) Object.assign(e, { [k]: v });
  return e;
}

function connectionOf(c: PlanetScaleConfig): Connection {
  let host = c.host;
  let username = c.username ?? '';
  let password = c.password ?? '';
  let scheme = 'https:';
  if (c.url) {
    let u: URL;
    try {
      u = new URL(c.url);
    } catch (cause) {
      throw new MizzleError('invalid', 'planetscale: url is not a URL (mysql://user:password@host)', { cause });
    }
    host = u.host;
    username = decodeURIComponent(u.username);
    password = decodeURIComponent(u.password);
    // Like the official client: http stays http (local servers); anything else is https.
    if (u.protocol === 'http:') scheme = 'http:';
  }
  if (!host) throw new MizzleError('invalid', 'planetscale: give a url or a host');
  const auth = `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${username}:${password}`)))}`;
  return new Connection(`${scheme}//${host}`, auth, c);
}

class PlanetScaleSession implements Session<'async', PlanetScaleRunResult> {
  readonly mode = 'async' as const;
  readonly dialect = Dialect.mysql;
  readonly engine = Engine.of(loadInline());

  constructor(
    private readonly conn: Connection,
    readonly logger?: Logger,
  ) {}

  private async exec(q: BoundQuery): Promise<NonNullable<ExecuteAnswer['result']>> {
    this.logger?.logQuery(q.sql, q.params);
    if (q.params.length && !q.offsets)
      throw new MizzleError(
        'invalid',
        'PlanetScale: a statement with parameters must come from the engine (no placeholder offsets)',
      );
    const sql = q.params.length
      ? this.engine.interpolate(this.dialect, q.sql, q.offsets!, encodeValues(q.params))
      : q.sql;
    return this.conn.execute(sql, q);
  }

  private static rows(r: NonNullable<ExecuteAnswer['result']>, q: BoundQuery): unknown[][] {
    try {
      return decodeRows(r.fields ?? [], r.rows ?? []);
    } catch (cause) {
      throw new MizzleError(
        'decode',
        `PlanetScale: a row could not be decoded (${(cause as Error).message})\n  sql: ${q.sql}`,
        { cause },
      );
    }
  }

  private static runResult(r: NonNullable<ExecuteAnswer['result']>, q: BoundQuery): PlanetScaleRunResult {
    return {
      rowsAffected: Number(r.rowsAffected ?? 0),
      insertId: r.insertId ?? '0',
      fields: r.fields ?? [],
      rows: objects(r, q),
    };
  }

  async all(q: BoundQuery): Promise<unknown[][]> {
    return PlanetScaleSession.rows(await this.exec(q), q);
  }

  async allObjects(q: BoundQuery): Promise<Record<string, unknown>[]> {
    const r = await this.exec(q);
    const names = (r.fields ?? []).map((f) => f.name);
    return PlanetScaleSession.rows(r, q).map((row) => Object.fromEntries(names.map((n, i) => [n, row[i]])));
  }

  async run(q: BoundQuery): Promise<PlanetScaleRunResult> {
    return PlanetScaleSession.runResult(await this.exec(q), q);
  }

  /** A batch is a transaction on its own session: all or nothing. */
  atomic(qs: readonly BoundQuery[]): Promise<(unknown[][] | PlanetScaleRunResult)[]> {
    return this.transaction(async (s) => {
      const tx = s as PlanetScaleSession;
      const out: (unknown[][] | PlanetScaleRunResult)[] = [];
      for (const q of qs) {
        const r = await tx.exec(q);
        out.push(
          q.kind === 'all'
            ? q.objects
              ? (objects(r, q) as never)
              : PlanetScaleSession.rows(r, q)
            : PlanetScaleSession.runResult(r, q),
        );
      }
      return out;
    }, 0);
  }

  /**
   * BEGIN / `fn` / COMMIT on a new session (ROLLBACK when `fn` or the COMMIT
   * fails); nested calls are savepoints on the same session.
   */
  transaction<T>(fn: (session: Session<'async', PlanetScaleRunResult>) => T, depth: number): T {
    const run = async () => {
      const s = depth === 0 ? new PlanetScaleSession(this.conn.fork(), this.logger) : this;
      const sql = (step: TransactionStep) => this.engine.transactionSql(this.dialect, step, depth);
      const [begin, commit, rollback] =
        depth === 0
          ? [sql('begin'), sql('commit'), sql('rollback')]
          : [sql('savepoint'), sql('release'), sql('rollbackTo')];
      await s.exec({ sql: begin!, params: [], kind: 'run' });
      try {
        const result = await fn(s);
        // A COMMIT that failed on the way (HTTP 5xx, timeout, a cut answer) may never have run: the
        // ROLLBACK below then ends the transaction, which would otherwise hold its locks until the
        // session expires (as the official client does; after a COMMIT that did run it changes nothing).
        await s.exec({ sql: commit!, params: [], kind: 'run' });
        return result;
      } catch (e) {
        // Tried twice: a ROLLBACK lost on the way (HTTP 5xx, timeout) would leave the transaction, and its row
        // locks, open until the session expires. The first error is the one to report either way.
        for (let attempt = 0; attempt < 2; attempt++) {
          try {
            await s.exec({ sql: rollback!, params: [], kind: 'run' });
            break;
          } catch {
            // tried again once, then left to the session's expiry
          }
        }
        throw e;
      }
    };
    return run() as T;
  }
}

function objects(r: NonNullable<ExecuteAnswer['result']>, q: BoundQuery): Record<string, unknown>[] {
  const names = (r.fields ?? []).map((f) => f.name);
  try {
    return decodeRows(r.fields ?? [], r.rows ?? []).map((row) => Object.fromEntries(names.map((n, i) => [n, row[i]])));
  } catch (cause) {
    throw new MizzleError('decode', `PlanetScale: a row could not be decoded\n  sql: ${q.sql}`, { cause });
  }
}

/** drizzle's options. */
export interface DrizzleConfig<TSchema extends Record<string, unknown>> {
  schema?: TSchema;
  logger?: boolean | Logger;
}

/** The PlanetScale `db` (a class, as drizzle's: `db instanceof PlanetScaleDatabase`). */
export class PlanetScaleDatabase<TSchema extends Record<string, unknown> = Record<string, never>> extends MySqlDatabase<
  'async',
  PlanetScaleRunResult,
  TSchema
> {
  static {
    keepName(PlanetScaleDatabase, 'PlanetScaleDatabase');
  }
}

/**
 * What mizzle reads of `@planetscale/database`'s `Client` (or `Connection`), typed by shape (the
 * package is not a dependency): its configuration. Its `format` and `cast` are not used: mizzle
 * writes literals with the engine's escaping and decodes by the columns' modes.
 */
export interface PlanetScaleClientLike {
  readonly config: Omit<PlanetScaleConfig, 'fetch' | 'timeoutMs'> & {
    /** The client's fetch: called with a URL string, as the client calls it. */
    fetch?: (url: string, init: never) => Promise<unknown>;
  };
  // biome-ignore lint/suspicious/noExplicitAny: the client's own signature is generic over its options
  execute(query: string, args?: any, options?: any): Promise<unknown>;
}

/** drizzle's one-object form: `{ client }` or `{ connection }` (a URL or the client's config), and its options. */
export type PlanetScaleDrizzleObjectConfig<TSchema extends Record<string, unknown>> = DrizzleConfig<TSchema> &
  ({ client: PlanetScaleClientLike; connection?: never } | { connection: string | PlanetScaleConfig; client?: never });

/** The client's configuration as mizzle's (its fetch gets a URL string and reads status and text). */
function clientConfig(client: PlanetScaleClientLike): PlanetScaleConfig {
  return client.config as PlanetScaleConfig;
}

function isClient(x: unknown): x is PlanetScaleClientLike {
  const c = x as PlanetScaleClientLike;
  return typeof c?.execute === 'function' && typeof c.config === 'object' && c.config !== null;
}

/**
 * Opens PlanetScale over HTTP, in drizzle's forms: `drizzle(new Client({ url }))`, `drizzle(url)`,
 * `drizzle({ client })`, `drizzle({ connection })` (a URL or `{ url }` / `{ host, username, password }`,
 * with `fetch`), each with drizzle's `{ schema, logger }`; and mizzle's `drizzle({ url, fetch,
 * timeoutMs }, config)`. A client is used for its configuration (URL, credentials, fetch): requests
 * and decoding are mizzle's.
 */
export function drizzle<TSchema extends Record<string, unknown> = Record<string, never>>(
  connection: string | PlanetScaleConfig | PlanetScaleClientLike,
  config?: DrizzleConfig<TSchema>,
): PlanetScaleDatabase<TSchema>;
export function drizzle<TSchema extends Record<string, unknown> = Record<string, never>>(
  config: PlanetScaleDrizzleObjectConfig<TSchema>,
): PlanetScaleDatabase<TSchema>;
export function drizzle<TSchema extends Record<string, unknown> = Record<string, never>>(
  first: string | PlanetScaleConfig | PlanetScaleClientLike | PlanetScaleDrizzleObjectConfig<TSchema>,
  second: DrizzleConfig<TSchema> = {},
): PlanetScaleDatabase<TSchema> {
  let connection: PlanetScaleConfig;
  let config = second;
  if (typeof first === 'string') connection = { url: first };
  else if (isClient(first)) connection = clientConfig(first);
  else if (first && typeof first === 'object' && ('client' in first || 'connection' in first)) {
    const { client, connection: c, ...rest } = first as PlanetScaleDrizzleObjectConfig<TSchema>;
    config = rest;
    if (client !== undefined) {
      if (!isClient(client))
        throw new MizzleError('invalid', "planetscale: { client } is not @planetscale/database's Client");
      connection = clientConfig(client);
    } else connection = typeof c === 'string' ? { url: c } : (c ?? {});
  } else if (first && typeof first === 'object') connection = first as PlanetScaleConfig;
  else
    throw new MizzleError(
      'invalid',
      'planetscale: give drizzle(new Client(...)), drizzle(url) or drizzle({ connection })',
    );
  const logger = config.logger === true ? new DefaultLogger() : config.logger || undefined;
  return new PlanetScaleDatabase(new PlanetScaleSession(connectionOf(connection), logger), config.schema);
}
