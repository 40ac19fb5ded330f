/**
 * `mizzle/neon-http`: PostgreSQL over Neon's SQL-over-HTTP protocol (one POST
 * per query; `db.batch([...])` is ONE request that Neon runs in one
 * transaction). Values travel as PostgreSQL text and are decoded by type
 * OID, then by the column's mode. There are no interactive transactions
 * over HTTP: `db.transaction()` is a typed error pointing to `db.batch`.
 * drizzle's constructor forms are accepted; given `@neondatabase/serverless`'s
 * `neon()` function, requests go through it (its connection settings are not
 * readable from outside), still encoded and decoded here, so rows are the same.
 *
 * @example
 * const db = drizzle(env.DATABASE_URL, { schema }); // or drizzle({ client: neon(url), schema })
 * const rows = await db.select().from(users).where(eq(users.id, 1));
 */
import { Dialect, Engine } from '../engine/engine.js';
import { keepName, MizzleError, MizzleQueryError, type ServerErrorFields } from '../errors.js';
import { postJson, type HttpOptions } from '../http/post-json.js';
import { PgDatabase } from '../pg-core/database.js';
import { Database } from '../query/database.js';
import { DefaultLogger, type BoundQuery, type Logger, type Session } from '../driver.js';
import { loadEngine } from '#wasm/engine-pg';
import { decoderForOid, encodeParam } from './values.js';

/** Where and how to reach Neon. */
export interface NeonHttpConfig extends HttpOptions {
  /** `postgresql://user:password@host/db` */
  connectionString: string;
  /** The SQL-over-HTTP URL (default: Neon's, derived from the host: `https://api.<host minus its first label>/sql`). */
  endpoint?: string;
  /** A JWT for Neon's `Authorization: Bearer` (or a function giving one per request). */
  authToken?: string | (() => string | Promise<string>);
}

/** Options of `db.batch([...], options)`: the batch transaction's mode. */
export interface NeonBatchOptions {
  isolationLevel?: 'ReadUncommitted' | 'ReadCommitted' | 'RepeatableRead' | 'Serializable';
  readOnly?: boolean;
  deferrable?: boolean;
}

/** A field of a Neon result. */
export interface NeonField {
  name: string;
  dataTypeID: number;
}

/** What `.run()`, `db.execute()` and awaiting a statement without RETURNING give: Neon's result, rows as objects. */
export interface NeonQueryResult {
  command: string;
  rowCount: number | null;
  fields: NeonField[];
  rows: Record<string, unknown>[];
}

interface RawResult {
  command?: string;
  rowCount?: number | null;
  fields?: NeonField[];
  rows?: (string | null)[][];
}

/** The default endpoint for a connection string's host (Neon's rule). */
function defaultEndpoint(host: string): string {
  const dot = host.indexOf('.');
  return `https://${dot < 0 ? host : `api.${host.slice(dot + 1)}`}/sql`;
}

/**
 * How a session reaches Neon: one query, or a batch that Neon runs in one
 * transaction; the results as Neon sends them (values in PostgreSQL's text).
 */
type Transport = (qs: readonly BoundQuery[], batch: boolean, options: NeonBatchOptions) => Promise<RawResult[]>;

/** mizzle's own HTTP request: a connection string (and endpoint, token, fetch). */
function httpTransport(config: NeonHttpConfig): Transport {
  let host: string;
  try {
    host = new URL(config.connectionString).hostname;
  } catch (cause) {
    throw new MizzleError(
      'invalid',
      'neon-http: the connection string is not a URL (postgresql://user:password@host/db)',
      { cause },
    );
  }
  const endpoint = config.endpoint ?? defaultEndpoint(host);
  return async (qs, batch, o) => {
    const h: Record<string, string> = {
      'Neon-Connection-String': config.connectionString,
      'Neon-Raw-Text-Output': 'true',
      'Neon-Array-Mode': 'true',
    };
    const token = typeof config.authToken === 'function' ? await config.authToken() : config.authToken;
    if (token) h.Authorization = `Bearer ${token}`;
    if (batch) {
      if (o.isolationLevel) h['Neon-Batch-Isolation-Level'] = o.isolationLevel;
      if (o.readOnly !== undefined) h['Neon-Batch-Read-Only'] = String(o.readOnly);
      if (o.deferrable !== undefined) h['Neon-Batch-Deferrable'] = String(o.deferrable);
    }
    const body = batch
      ? JSON.stringify({ queries: qs.map((q) => ({ query: q.sql, params: q.params.map(encodeParam) })) })
      : JSON.stringify({ query: qs[0]!.sql, params: qs[0]!.params.map(encodeParam) });
    const answer = await postJson(endpoint, h, body, config, 'Neon');
    if (answer.status !== 200)
      throw serverError(answer.status, answer.body ?? { message: answer.text?.slice(0, 500) }, qs);
    const b = answer.body as { results?: RawResult[] } & RawResult;
    if (batch) {
      if (!b || !Array.isArray(b.results) || b.results.length !== qs.length) {
        throw new MizzleError('protocol', `Neon answered a batch of ${qs.length} without ${qs.length} results`);
      }
      return b.results;
    }
    if (!b || typeof b !== 'object') throw new MizzleError('protocol', 'Neon answered without a result');
    return [b];
  };
}

/**
 * What mizzle uses of `@neondatabase/serverless`'s `neon()` function (typed by shape: the package is
 * not a dependency).
 */
export interface NeonQueryFunctionLike {
  // biome-ignore lint/suspicious/noExplicitAny: the client's own signatures are generic over its options
  query(text: string, params?: any[], options?: any): PromiseLike<unknown>;
  // biome-ignore lint/suspicious/noExplicitAny: idem
  transaction(queries: any, options?: any): Promise<unknown[]>;
}

/** The client's parsers, all identity: values stay PostgreSQL's text, which mizzle decodes by OID as over HTTP. */
const RAW_TEXT = { getTypeParser: () => (v: string) => v };
const RAW_OPTIONS = { arrayMode: true, fullResults: true, types: RAW_TEXT };

/**
 * A `neon()` function: its connection string, token, fetch options and endpoint live in its closure,
 * so the request goes through it, with mizzle's encoded parameters (text or null, which the client
 * sends unchanged) and raw text back, the same body and answer as mizzle's own request.
 */
function clientTransport(client: NeonQueryFunctionLike): Transport {
  return async (qs, batch, o) => {
    const params = (q: BoundQuery) => q.params.map(encodeParam);
    try {
      const results = batch
        ? await client.transaction(
            qs.map((q) => client.query(q.sql, params(q), RAW_OPTIONS)),
            { ...o, ...RAW_OPTIONS },
          )
        : [await client.query(qs[0]!.sql, params(qs[0]!), RAW_OPTIONS)];
      if (!Array.isArray(results) || results.length !== qs.length || results.some((r) => !r || typeof r !== 'object'))
        throw new MizzleError('protocol', `Neon answered ${qs.length} queries without ${qs.length} results`);
      return results as RawResult[];
    } catch (e) {
      throw clientError(e, qs);
    }
  };
}

/** The client's error as mizzle's: a server error keeps the client's `NeonDbError` as `cause`. */
function clientError(e: unknown, qs: readonly BoundQuery[]): unknown {
  if (e instanceof MizzleError || !(e instanceof Error)) return e;
  const fields = e as Error & Record<string, unknown>;
  // A 400 carries PostgreSQL's fields (its SQLSTATE as `code`); other statuses only say so in the message.
  if ('code' in fields && 'severity' in fields) return serverError(400, fields, qs, e);
  const status = /HTTP status (\d+)/.exec(e.message)?.[1];
  if (status) return serverError(Number(status), { message: e.message }, qs, e);
  return new MizzleError('protocol', `Neon: ${e.message}`, { cause: e });
}

class NeonHttpSession implements Session<'async', NeonQueryResult> {
  readonly mode = 'async' as const;
  readonly dialect = Dialect.postgres;
  readonly engine = Engine.of(loadEngine());

  constructor(
    private readonly transport: Transport,
    readonly logger?: Logger,
    private readonly batchOptions: NeonBatchOptions = {},
  ) {}

  /** The same connection with other batch options (over the defaults given at `drizzle()`). */
  withBatchOptions(options: NeonBatchOptions): NeonHttpSession {
    return new NeonHttpSession(this.transport, this.logger, { ...this.batchOptions, ...options });
  }

  private post(qs: readonly BoundQuery[], batch: boolean): Promise<RawResult[]> {
    for (const q of qs) this.logger?.logQuery(q.sql, q.params);
    return this.transport(qs, batch, this.batchOptions);
  }

  all(q: BoundQuery): Promise<unknown[][]> {
    return this.post([q], false).then(([r]) => decodeRows(r!, q));
  }

  async allObjects(q: BoundQuery): Promise<Record<string, unknown>[]> {
    const [r] = await this.post([q], false);
    const names = (r!.fields ?? []).map((f) => f.name);
    return decodeRows(r!, q).map((row) => Object.fromEntries(names.map((n, i) => [n, row[i]])));
  }

  async run(q: BoundQuery): Promise<NeonQueryResult> {
    const [r] = await this.post([q], false);
    return runResult(r!, q);
  }

  async atomic(qs: readonly BoundQuery[]): Promise<(unknown[][] | NeonQueryResult)[]> {
    const results = await this.post(qs, true);
    return results.map((r, i) => {
      const q = qs[i]!;
      if (q.objects) {
        const names = (r.fields ?? []).map((f) => f.name);
        return decodeRows(r, q).map((row) => Object.fromEntries(names.map((n, j) => [n, row[j]]))) as never;
      }
      return q.kind === 'all' ? decodeRows(r, q) : runResult(r, q);
    });
  }

  transaction<T>(): T {
    throw new MizzleError(
      'transaction',
      'Neon over HTTP has no interactive transactions: ' +
        'use db.batch([...]) to run statements atomically in one transaction',
    );
  }
}

function decodeRows(r: RawResult, q: BoundQuery): unknown[][] {
  const fields = r.fields ?? [];
  const rows = r.rows ?? [];
  const decoders = fields.map((f) => decoderForOid(f.dataTypeID));
  try {
    return rows.map((row) => {
      const out = new Array<unknown>(decoders.length);
      for (let i = 0; i < decoders.length; i++) {
        const v = row[i];
        out[i] = v === null || v === undefined ? null : decoders[i]!(v);
      }
      return out;
    });
  } catch (cause) {
    throw new MizzleError(
      'decode',
      `Neon: a value could not be decoded (${(cause as Error).message})\n  sql: ${q.sql}`,
      { cause },
    );
  }
}

function runResult(r: RawResult, q: BoundQuery): NeonQueryResult {
  const fields = r.fields ?? [];
  const rows = decodeRows(r, q).map((row) => Object.fromEntries(fields.map((f, i) => [f.name, row[i]])));
  return { command: r.command ?? '', rowCount: r.rowCount ?? null, fields, rows };
}

/**
 * A non-200 answer to the queries `qs` as a typed error: PostgreSQL's fields for 400, the HTTP status
 * otherwise. Neon does not say which statement of a batch failed: the error shows the first, and its
 * message says so.
 */
function serverError(status: number, body: unknown, qs: readonly BoundQuery[], clientCause?: Error): MizzleQueryError {
  const q = qs[0]!;
  const b = (body ?? {}) as Record<string, unknown>;
  // Neon sends every key, null or "" when absent.
  const str = (k: string) => (typeof b[k] === 'string' && b[k] !== '' ? (b[k] as string) : undefined);
  const fields: ServerErrorFields = {
    status,
    severity: str('severity'),
    detail: str('detail'),
    hint: str('hint'),
    position: str('position'),
    schema: str('schema'),
    table: str('table'),
    column: str('column'),
    constraint: str('constraint'),
    sqlstate: str('code'),
  };
  const what =
    status === 413
      ? 'the request is too large for Neon (HTTP 413)'
      : status === 507
        ? 'the response is too large for Neon (HTTP 507)'
        : `Neon answered HTTP ${status}`;
  const message = str('message') ?? what;
  // The `cause` @neondatabase/serverless would raise (drizzle passes it on): a NeonDbError with
  // the server's fields under their PostgreSQL names, so `e.cause.code` is the SQLSTATE.
  let cause = clientCause;
  if (!cause) {
    cause = Object.assign(new Error(message), { name: 'NeonDbError' });
    for (const k of NEON_ERROR_FIELDS) if (str(k) !== undefined) Object.assign(cause, { [k]: str(k) });
  }
  const which =
    qs.length > 1 ? ` (in a batch of ${qs.length} statements; Neon does not say which failed: the first is shown)` : '';
  return new MizzleQueryError(
    (status === 400 ? message : `${what}: ${message}`) + which,
    str('code') ?? `HTTP_${status}`,
    q.sql,
    q.params,
    { fields, cause },
  );
}

/** The fields of @neondatabase/serverless's NeonDbError, as Neon's answer names them. */
const NEON_ERROR_FIELDS = [
  'severity',
  'code',
  'detail',
  'hint',
  'position',
  'internalPosition',
  'internalQuery',
  'where',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'file',
  'line',
  'routine',
] as const;

/** drizzle's options. */
export interface DrizzleConfig<TSchema extends Record<string, unknown>> {
  schema?: TSchema;
  logger?: boolean | Logger;
}

/** The Neon HTTP `db`: drizzle's API plus `batch(queries, options)`. */
export class NeonHttpDatabase<TSchema extends Record<string, unknown> = Record<string, never>> extends PgDatabase<
  'async',
  NeonQueryResult,
  TSchema
> {
  static {
    keepName(NeonHttpDatabase, 'NeonHttpDatabase');
  }

  /**
   * Runs the queries in ONE request, which Neon runs in one transaction
   * (all or nothing), with the transaction's isolation level, read-only and
   * deferrable options.
   */
  override batch<
    T extends readonly [import('../query/statement.js').Runnable, ...import('../query/statement.js').Runnable[]],
  >(queries: T, options?: NeonBatchOptions): Promise<import('../query/database.js').BatchResults<T>> {
    if (!options) return super.batch(queries);
    const s = (this.session as unknown as NeonHttpSession).withBatchOptions(options);
    return new Database(s, this._schema).batch(queries) as never;
  }
}

/** drizzle's `connection` object: a connection string and `neon()`'s options, of which mizzle reads these. */
export interface NeonConnectionOptions extends Omit<NeonHttpConfig, 'connectionString'> {
  connectionString: string;
  isolationLevel?: NeonBatchOptions['isolationLevel'];
  readOnly?: boolean;
  deferrable?: boolean;
}

/** drizzle's one-object form: `{ client }` (a `neon()` function) or `{ connection }`, with drizzle's options. */
export type NeonDrizzleObjectConfig<TSchema extends Record<string, unknown>> = DrizzleConfig<TSchema> &
  (
    | { client: NeonQueryFunctionLike; connection?: never }
    | { connection: string | NeonConnectionOptions; client?: never }
  );

/**
 * Opens Neon over HTTP, in drizzle's forms: `drizzle(neon(url))`, `drizzle(url)`, `drizzle({ client })`,
 * `drizzle({ connection })` (a connection string or `{ connectionString, ...options }`), each with
 * drizzle's `{ schema, logger }`; and mizzle's `drizzle({ connectionString, endpoint, authToken, fetch,
 * timeoutMs }, config)`.
 */
export function drizzle<TSchema extends Record<string, unknown> = Record<string, never>>(
  connection: string | NeonHttpConfig | NeonQueryFunctionLike,
  config?: DrizzleConfig<TSchema>,
): NeonHttpDatabase<TSchema>;
export function drizzle<TSchema extends Record<string, unknown> = Record<string, never>>(
  config: NeonDrizzleObjectConfig<TSchema>,
): NeonHttpDatabase<TSchema>;
export function drizzle<TSchema extends Record<string, unknown> = Record<string, never>>(
  first: string | NeonHttpConfig | NeonQueryFunctionLike | NeonDrizzleObjectConfig<TSchema>,
  second: DrizzleConfig<TSchema> = {},
): NeonHttpDatabase<TSchema> {
  let transport: Transport;
  let config = second;
  let batchOptions: NeonBatchOptions = {};
  if (typeof first === 'string') transport = httpTransport({ connectionString: first });
  else if (typeof first === 'function') transport = clientTransport(first);
  else if (first && typeof first === 'object' && 'connectionString' in first) transport = httpTransport(first);
  else if (first && typeof first === 'object' && ('client' in first || 'connection' in first)) {
    const { client, connection, ...rest } = first as NeonDrizzleObjectConfig<TSchema>;
    config = rest;
    if (client) transport = clientTransport(client);
    else if (typeof connection === 'string') transport = httpTransport({ connectionString: connection });
    else if (connection && typeof connection === 'object') {
      const { isolationLevel, readOnly, deferrable, ...http } = connection;
      // neon()'s transaction options are its batches' defaults.
      batchOptions = { isolationLevel, readOnly, deferrable };
      transport = httpTransport(http);
    } else throw new MizzleError('invalid', 'neon-http: { connection } is neither a string nor an object');
  } else
    throw new MizzleError(
      'invalid',
      'neon-http: give drizzle(neon(url)), drizzle(url), drizzle({ client }) or drizzle({ connection })',
    );
  const logger = config.logger === true ? new DefaultLogger() : config.logger || undefined;
  return new NeonHttpDatabase(new NeonHttpSession(transport, logger, batchOptions), config.schema);
}
