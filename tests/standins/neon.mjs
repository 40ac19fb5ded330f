// A stand-in for Neon's SQL-over-HTTP endpoint (POST /sql) in front of a real PostgreSQL.
// Behaviour follows the Neon proxy (proxy/src/serverless/sql_over_http.rs and json.rs) as the
// official client @neondatabase/serverless 1.2.0 drives it; see README.md.
import pg from 'pg';
import { startServer } from './http-common.mjs';

const RAW = (v) => v; // every type comes back as PostgreSQL's text form
const RAW_TYPES = { getTypeParser: () => RAW };
const ISOLATION = {
  Serializable: 'SERIALIZABLE',
  ReadUncommitted: 'READ UNCOMMITTED',
  ReadCommitted: 'READ COMMITTED',
  RepeatableRead: 'REPEATABLE READ',
};
// The keys Neon sends for an error, in its order; absent ones are null ("code" is "" when the
// error does not come from PostgreSQL).
const ERROR_KEYS = [
  ['code', 'code'],
  ['detail', 'detail'],
  ['hint', 'hint'],
  ['position', 'position'],
  ['internalPosition', 'internalPosition'],
  ['internalQuery', 'internalQuery'],
  ['severity', 'severity'],
  ['where', 'where'],
  ['table', 'table'],
  ['column', 'column'],
  ['schema', 'schema'],
  ['dataType', 'dataType'],
  ['constraint', 'constraint'],
  ['file', 'file'],
  ['line', 'line'],
  ['routine', 'routine'],
];

const JSON_HEADERS = { 'content-type': 'application/json', 'access-control-allow-origin': '*' };

function errorBody(message, pgError) {
  const out = { message };
  for (const [key, from] of ERROR_KEYS) {
    const v = pgError?.[from];
    out[key] = v === undefined || v === null ? (key === 'code' ? '' : null) : String(v);
  }
  return out;
}

function errorResponse(status, message, pgError) {
  return { status, headers: JSON_HEADERS, body: JSON.stringify(errorBody(message, pgError)) };
}

class HttpError extends Error {
  constructor(status, message, pgError) {
    super(message);
    this.status = status;
    this.pgError = pgError;
  }
}

// JSON params -> PostgreSQL text, as Neon's json_to_pg_text does.
function paramToText(v) {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return arrayToPg(v);
  return JSON.stringify(v); // bool, number, object
}
function arrayToPg(v) {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return `{${v.map((x) => arrayToPg(x) ?? 'NULL').join(',')}}`;
  if (typeof v === 'object') return JSON.stringify(JSON.stringify(v));
  return JSON.stringify(v); // strings are quoted and escaped, as in Neon
}

// Command tag -> [command, rowCount] as Neon's parse_command_tag. `pg` has already split the
// tag; it leaves rowCount null when the tag has no count.
function commandOf(result) {
  return [result.command ?? '', result.rowCount ?? null];
}

// ---- non-raw output (Neon-Raw-Text-Output absent): Neon's pg_text_to_json ----
const BOOL = 16,
  INT2 = 21,
  INT4 = 23,
  FLOAT4 = 700,
  FLOAT8 = 701,
  JSON_OID = 114,
  JSONB = 3802;

function textToJson(val, oid, arrays) {
  const elem = arrays.get(oid);
  if (elem !== undefined) return pgArrayToJson(val, elem, arrays);
  switch (oid) {
    case BOOL:
      return val === 't' ? 'true' : 'false';
    case INT2:
    case INT4:
      return String(parseInt(val, 10));
    case FLOAT4:
    case FLOAT8: {
      const f = Number(val);
      return Number.isFinite(f) ? JSON.stringify(f) : JSON.stringify(val);
    }
    case JSON_OID:
    case JSONB:
      return val; // already JSON text
    default:
      return JSON.stringify(val);
  }
}

function pgArrayToJson(text, elem, arrays) {
  let s = text;
  if (s.startsWith('[')) s = s.slice(s.indexOf('=') + 1); // bounds decoration
  s = s.trimStart();
  let i = 0;
  const parseInner = () => {
    if (s[i] !== '{') throw new Error('unbalanced array');
    i++;
    const items = [];
    for (;;) {
      while (s[i] === ' ') i++;
      if (s[i] === '{') {
        items.push(parseInner());
      } else if (s[i] === '"') {
        i++;
        let q = '';
        for (;;) {
          const c = s[i++];
          if (c === undefined) throw new Error('unbalanced quoted string');
          if (c === '"') break;
          q += c === '\\' ? s[i++] : c;
        }
        while (s[i] === ' ') i++;
        items.push(textToJson(q, elem, arrays));
      } else if (s[i] === '}' && items.length === 0) {
        break; // empty array
      } else {
        let j = i;
        while (j < s.length && s[j] !== ',' && s[j] !== '}') j++;
        const item = s.slice(i, j).trimEnd();
        i = j;
        items.push(item === 'NULL' ? 'null' : textToJson(item, elem, arrays));
      }
      if (s[i] === ',') i++;
      else break;
    }
    if (s[i] !== '}') throw new Error('unbalanced array');
    i++;
    while (s[i] === ' ') i++;
    return `[${items.join(',')}]`;
  };
  return parseInner();
}

function rowJson(row, fields, rawOutput, arrayMode, arrays) {
  const vals = row.map((v, i) =>
    v === null ? 'null' : rawOutput ? JSON.stringify(v) : textToJson(v, fields[i].dataTypeID, arrays),
  );
  if (arrayMode) return `[${vals.join(',')}]`;
  return `{${vals.map((v, i) => `${JSON.stringify(fields[i].name)}:${v}`).join(',')}}`;
}

function fieldJson(f) {
  return {
    name: f.name,
    dataTypeID: f.dataTypeID,
    tableID: f.tableID,
    columnID: f.columnID,
    dataTypeSize: f.dataTypeSize,
    dataTypeModifier: f.dataTypeModifier,
    format: 'text',
  };
}

export async function startNeon({
  port = 0,
  pg: pgOpts = {},
  maxRequestBytes = 10 * 1024 * 1024,
  maxResponseBytes = 10 * 1024 * 1024,
} = {}) {
  const pgHost = pgOpts.host ?? '127.0.0.1';
  const pgPort = pgOpts.port ?? 5432;
  const defaultUser = pgOpts.user ?? 'postgres';
  const defaultDatabase = pgOpts.database ?? 'test';
  const pools = new Map(); // "user\0db" -> { pool, arrays: Promise<Map<oid, elemOid>> | null }

  function poolFor(user, database) {
    const key = `${user}\0${database}`;
    let entry = pools.get(key);
    if (!entry) {
      const pool = new pg.Pool({
        host: pgHost,
        port: pgPort,
        user,
        database,
        max: 4,
        idleTimeoutMillis: 10_000,
        allowExitOnIdle: true,
        types: RAW_TYPES,
      });
      pool.on('error', () => {}); // an idle client that dies is simply dropped
      entry = { pool, arrays: null };
      pools.set(key, entry);
    }
    return entry;
  }

  // array type oid -> element type oid (only needed for the non-raw output)
  async function arrayTypes(entry, client) {
    if (!entry.arrays) {
      entry.arrays = client
        .query({
          text: "SELECT oid::int8, typelem::int8 FROM pg_type WHERE typcategory = 'A' AND typelem <> 0",
          rowMode: 'array',
        })
        .then((r) => new Map(r.rows.map(([o, e]) => [Number(o), Number(e)])))
        .catch((e) => {
          entry.arrays = null;
          throw e;
        });
    }
    return entry.arrays;
  }

  function parseConnInfo(headers) {
    const cs = headers['neon-connection-string'];
    if (!cs) throw new HttpError(400, 'invalid header: neon-connection-string');
    let url;
    try {
      url = new URL(cs);
    } catch (e) {
      throw new HttpError(400, `invalid connection string: ${e.message}`);
    }
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new HttpError(400, 'incorrect scheme');
    const user = decodeURIComponent(url.username) || defaultUser;
    const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || defaultDatabase;
    return { user, database };
  }

  function parseOptions(headers) {
    const level = headers['neon-batch-isolation-level'];
    if (level !== undefined && !(level in ISOLATION)) throw new HttpError(400, 'invalid isolation level');
    return {
      rawOutput: headers['neon-raw-text-output'] === 'true',
      arrayMode: headers['neon-array-mode'] === 'true',
      isolation: level,
      readOnly: headers['neon-batch-read-only'] === 'true',
      deferrable: headers['neon-batch-deferrable'] === 'true',
    };
  }

  function parsePayload(body) {
    let payload;
    try {
      payload = JSON.parse(body.toString('utf8'));
    } catch (e) {
      throw new HttpError(400, `could not parse the HTTP request body: ${e.message}`);
    }
    const checkQuery = (q) => {
      if (!q || typeof q !== 'object' || typeof q.query !== 'string') {
        throw new HttpError(
          400,
          'could not parse the HTTP request body: data did not match any variant of untagged enum Payload',
        );
      }
      if (q.params !== undefined && !Array.isArray(q.params)) {
        throw new HttpError(400, 'could not parse the HTTP request body: params must be an array');
      }
      return { query: q.query, params: (q.params ?? []).map(paramToText), arrayMode: q.arrayMode };
    };
    if (payload && typeof payload === 'object' && typeof payload.query === 'string')
      return { single: checkQuery(payload) };
    if (payload && typeof payload === 'object' && Array.isArray(payload.queries))
      return { batch: payload.queries.map(checkQuery) };
    return { single: checkQuery(payload) };
  }

  // Run one statement; returns its JSON text (Neon builds the JSON by hand too, so JSON/JSONB
  // values go through untouched in non-raw mode).
  async function runQuery(client, entry, q, opts, budget) {
    let result;
    try {
      result = await client.query({
        text: q.query,
        values: q.params,
        rowMode: 'array',
        queryMode: 'extended', // like Neon: one statement per query, never the simple protocol
        types: RAW_TYPES,
      });
    } catch (e) {
      throw new HttpError(400, e.message, e);
    }
    const arrayMode = typeof q.arrayMode === 'boolean' ? q.arrayMode : opts.arrayMode;
    const arrays = opts.rawOutput ? null : await arrayTypes(entry, client);
    const fields = result.fields ?? [];
    const rows = [];
    for (const row of result.rows ?? []) {
      const text = rowJson(row, fields, opts.rawOutput, arrayMode, arrays);
      budget.used += text.length;
      if (budget.used > maxResponseBytes)
        throw new HttpError(507, `response is too large (max is ${maxResponseBytes} bytes)`);
      rows.push(text);
    }
    const [command, rowCount] = commandOf(result);
    return (
      `{"rowAsArray":${arrayMode},"fields":${JSON.stringify(fields.map(fieldJson))},` +
      `"rows":[${rows.join(',')}],"command":${JSON.stringify(command)},"rowCount":${JSON.stringify(rowCount)}}`
    );
  }

  async function handle(req, body) {
    try {
      if (req.method !== 'POST' || new URL(req.url, 'http://x').pathname !== '/sql') {
        return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' };
      }
      const { user, database } = parseConnInfo(req.headers);
      const opts = parseOptions(req.headers);
      const payload = parsePayload(body);
      const entry = poolFor(user, database);
      let client;
      try {
        client = await entry.pool.connect();
      } catch (e) {
        throw new HttpError(e.code ? 400 : 500, e.message, e);
      }
      const budget = { used: 0 };
      if (payload.single) {
        let ok = false;
        try {
          const out = await runQuery(client, entry, payload.single, opts, budget);
          ok = true;
          return { status: 200, headers: JSON_HEADERS, body: out };
        } finally {
          // Neon returns a connection to its pool only when it is idle (no open transaction).
          client.release(!ok || client.getTransactionStatus() !== 'I');
        }
      }
      // Batch: one transaction, committed when every statement succeeded, else rolled back.
      let begin = 'START TRANSACTION';
      const parts = [];
      if (opts.isolation) parts.push(` ISOLATION LEVEL ${ISOLATION[opts.isolation]}`);
      if (opts.readOnly) parts.push(' READ ONLY');
      if (opts.deferrable) parts.push(' DEFERRABLE');
      begin += parts.join(',');
      let healthy = true;
      try {
        try {
          await client.query(begin);
        } catch (e) {
          healthy = false;
          throw new HttpError(400, e.message, e);
        }
        const results = [];
        try {
          for (const q of payload.batch) results.push(await runQuery(client, entry, q, opts, budget));
          await client.query('COMMIT').catch((e) => {
            healthy = false;
            throw new HttpError(400, e.message, e);
          });
        } catch (e) {
          if (healthy) await client.query('ROLLBACK').catch(() => (healthy = false));
          throw e;
        }
        const headers = { ...JSON_HEADERS };
        if (opts.readOnly) headers['neon-batch-read-only'] = 'true';
        if (opts.deferrable) headers['neon-batch-deferrable'] = 'true';
        if (opts.isolation) headers['neon-batch-isolation-level'] = opts.isolation;
        return { status: 200, headers, body: `{"results":[${results.join(',')}]}` };
      } finally {
        client.release(!healthy || client.getTransactionStatus() !== 'I');
      }
    } catch (e) {
      if (e instanceof HttpError) return errorResponse(e.status, e.message, e.pgError);
      return errorResponse(500, String(e?.message ?? e));
    }
  }

  const server = await startServer({
    port,
    handle,
    bodyLimit: maxRequestBytes,
    faultResponses: {
      http500: {
        status: 500,
        headers: JSON_HEADERS,
        body: JSON.stringify(errorBody('injected fault: internal server error')),
      },
      http413: {
        status: 413,
        headers: JSON_HEADERS,
        body: JSON.stringify(errorBody(`request is too large (max is ${maxRequestBytes} bytes)`)),
      },
      tooLarge: (message) => ({ status: 413, headers: JSON_HEADERS, body: JSON.stringify(errorBody(message)) }),
    },
  });

  return {
    url: `http://127.0.0.1:${server.port}/sql`,
    port: server.port,
    fault: server.fault,
    async close() {
      await server.close();
      await Promise.all([...pools.values()].map((e) => e.pool.end().catch(() => {})));
      pools.clear();
    },
  };
}
