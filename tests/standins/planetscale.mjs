// A stand-in for PlanetScale's HTTP API (psdb.v1alpha1.Database/CreateSession and /Execute) in
// front of a real MySQL/MariaDB. Shapes follow what @planetscale/database 1.20.2 parses and the
// responses captured from the real API in planetscale/database-js's golden/ and tests; see README.md.
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2';
import { startServer } from './http-common.mjs';

const JSON_HEADERS = { 'content-type': 'application/json' };

// MySQL column type -> Vitess query.Type name (go/sqltypes/type.go mysqlToType), before the
// flag-based adjustments of modifyType. NULL_TYPE is the protobuf zero value: it is omitted.
const MYSQL_TO_VITESS = {
  0: 'DECIMAL',
  1: 'INT8',
  2: 'INT16',
  3: 'INT32',
  4: 'FLOAT32',
  5: 'FLOAT64',
  6: null,
  7: 'TIMESTAMP',
  8: 'INT64',
  9: 'INT24',
  10: 'DATE',
  11: 'TIME',
  12: 'DATETIME',
  13: 'YEAR',
  14: 'DATE',
  15: 'VARCHAR',
  16: 'BIT',
  17: 'TIMESTAMP',
  18: 'DATETIME',
  19: 'TIME',
  242: 'VECTOR',
  245: 'JSON',
  246: 'DECIMAL',
  247: 'ENUM',
  248: 'SET',
  249: 'TEXT',
  250: 'TEXT',
  251: 'TEXT',
  252: 'TEXT',
  253: 'VARCHAR',
  254: 'CHAR',
  255: 'GEOMETRY',
};
const UNSIGNED_FLAG = 32,
  BINARY_FLAG = 128,
  ENUM_FLAG = 256,
  SET_FLAG = 2048;
const UNSIGNED_OF = { INT8: 'UINT8', INT16: 'UINT16', INT24: 'UINT24', INT32: 'UINT32', INT64: 'UINT64' };

function vitessType(field) {
  // MariaDB's JSON is LONGTEXT on the wire; its extended metadata says format=json (mysql2
  // negotiates MARIADB_CLIENT_EXTENDED_METADATA). MySQL, as behind PlanetScale, says JSON.
  if (field.extendedFormat === 'json') return 'JSON';
  const t = MYSQL_TO_VITESS[field.columnType];
  if (t === undefined) return 'EXPRESSION';
  const flags = field.flags;
  if (t in UNSIGNED_OF) return flags & UNSIGNED_FLAG ? UNSIGNED_OF[t] : t;
  if (t === 'CHAR') {
    if (flags & BINARY_FLAG) return 'BINARY';
    if (flags & ENUM_FLAG) return 'ENUM';
    if (flags & SET_FLAG) return 'SET';
  }
  if (t === 'VARCHAR' && flags & BINARY_FLAG) return 'VARBINARY';
  if (t === 'TEXT' && flags & BINARY_FLAG) return 'BLOB';
  return t;
}

// query.Field as protobuf JSON: zero values (0, "", NULL_TYPE) are left out.
function fieldJson(f) {
  const out = {};
  const put = (k, v) => {
    if (v !== null && v !== undefined && v !== '' && v !== 0) out[k] = v;
  };
  put('name', f.name);
  put('type', vitessType(f));
  put('table', f.table);
  put('orgTable', f.orgTable);
  put('database', f.schema);
  put('orgName', f.orgName);
  put('columnLength', f.columnLength);
  put('charset', f.characterSet);
  put('decimals', f.decimals);
  put('flags', f.flags);
  return out;
}

function rowJson(row) {
  const lengths = [];
  const parts = [];
  for (const v of row) {
    if (v === null || v === undefined) {
      lengths.push('-1');
    } else {
      const b = Buffer.isBuffer(v) ? v : Buffer.from(String(v), 'utf8');
      lengths.push(String(b.length));
      parts.push(b);
    }
  }
  const values = Buffer.concat(parts);
  return values.length ? { lengths, values: values.toString('base64') } : { lengths };
}

// MySQL errno -> Vitess vtrpc code (JSON name, gRPC name in the message).
function vitessCode(errno) {
  switch (errno) {
    case 1062:
    case 1050:
    case 1007:
      return ['ALREADY_EXISTS', 'AlreadyExists'];
    case 1146:
    case 1049:
    case 1051:
    case 1091:
      return ['NOT_FOUND', 'NotFound'];
    case 1064:
    case 1054:
    case 1048:
    case 1136:
    case 1364:
    case 1366:
    case 1406:
    case 1264:
    case 1292:
    case 1690:
    case 3140:
    case 4025:
      return ['INVALID_ARGUMENT', 'InvalidArgument'];
    case 1213:
      return ['ABORTED', 'Aborted'];
    case 1205:
    case 3024:
    case 1969:
      return ['DEADLINE_EXCEEDED', 'DeadlineExceeded'];
    case 1451:
    case 1452:
    case 1290:
    case 1792:
      return ['FAILED_PRECONDITION', 'FailedPrecondition'];
    case 1045:
    case 1044:
    case 1142:
      return ['PERMISSION_DENIED', 'PermissionDenied'];
    default:
      return ['UNKNOWN', 'Unknown'];
  }
}

function errorResponse(e, sql, { database, user }) {
  const errno = e.errno ?? 1105;
  const state = e.sqlState ?? 'HY000';
  const [code, grpc] = vitessCode(errno);
  const message =
    `target: ${database}.-.primary: vttablet: rpc error: code = ${grpc} desc = ${e.sqlMessage ?? e.message} ` +
    `(errno ${errno}) (sqlstate ${state}) (CallerID: ${user}): Sql: ${JSON.stringify(sql)}, BindVars: {REDACTED}`;
  return { code, message };
}

// MariaDB-only syntax (the list in core/src/dialect/mysql.rs, MARIADB_ONLY) that Vitess's parser, like
// MySQL 8 behind it, refuses before any server sees it; MariaDB behind this stand-in would run it, so the
// stand-in refuses it as PlanetScale does. `sql` with quoted strings and names blanked to the same length,
// so positions still point into the original text.
function blankQuoted(sql) {
  return sql.replace(/'(?:[^'\\]|\\.|'')*'|"(?:[^"\\]|\\.|"")*"|`(?:[^`]|``)*`/gs, (m) => '_'.repeat(m.length));
}

// The index of a word from `words` at the top paren depth of a `func(` call, or -1.
function clauseInCall(text, func, words) {
  const re = new RegExp(`\\b${func}\\s*\\(`, 'gi');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let depth = 0;
    for (let i = m.index + m[0].length; i < text.length; i++) {
      const c = text[i];
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && /\s/.test(c)) {
        const w = /^\s+(\w+)\b/.exec(text.slice(i));
        if (w && words.includes(w[1].toLowerCase())) return i + w[0].length - w[1].length;
      }
    }
  }
  return -1;
}

/** Vitess's syntax error for MariaDB-only SQL, or null when PlanetScale's parser takes it. */
function mariadbOnlySyntax(sql) {
  const text = blankQuoted(sql);
  let at = -1;
  const set = /^\s*set\s+(statement)\b/i.exec(text);
  if (set) at = set.index + set[0].length - set[1].length;
  if (at < 0) at = clauseInCall(text, 'json_arrayagg', ['order', 'limit']);
  if (at < 0) at = clauseInCall(text, 'group_concat', ['limit']);
  if (at < 0) {
    const ret = /\breturning\b/i.exec(text);
    if (ret) at = ret.index;
  }
  if (at < 0) return null;
  const word = /^\w+/.exec(text.slice(at))[0];
  // vtgate's parser error (vterrors.SyntaxError: errno 1149, sqlstate 42000); the position is where the
  // offending token ends, 1-based, as Vitess's tokenizer reports it.
  return {
    code: 'INVALID_ARGUMENT',
    message:
      `syntax error at position ${at + word.length + 1} near '${word}' (errno 1149) (sqlstate 42000) ` +
      `(CallerID: planetscale-admin): Sql: ${JSON.stringify(sql)}, BindVars: {REDACTED}`,
  };
}

export async function startPlanetScale({
  port = 0,
  mysql: myOpts = {},
  username = 'u',
  password = 'p',
  sessionIdleMs = 60_000,
  maxRequestBytes = 64 * 1024 * 1024,
} = {}) {
  const connOpts = {
    host: myOpts.host ?? '127.0.0.1',
    port: myOpts.port ?? 3306,
    user: myOpts.user ?? 'root',
    password: myOpts.password ?? '',
    database: myOpts.database ?? 'test',
    charset: 'UTF8MB4_GENERAL_CI',
    supportBigNumbers: true,
    bigNumberStrings: true,
    multipleStatements: false,
  };
  const sessions = new Map(); // signature -> { conn, inTransaction, timer, queue }
  const expectedAuth = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

  function newConn() {
    return new Promise((resolve, reject) => {
      const conn = mysql.createConnection(connOpts);
      conn.connect((err) => (err ? reject(err) : resolve(conn)));
      conn.on('error', () => {}); // a dead connection fails its next query, reported then
    });
  }

  function dropSession(sig) {
    const s = sessions.get(sig);
    if (!s) return;
    sessions.delete(sig);
    clearTimeout(s.timer);
    s.conn.destroy();
  }

  function touch(sig, s) {
    clearTimeout(s.timer);
    s.timer = setTimeout(() => dropSession(sig), sessionIdleMs);
    s.timer.unref?.();
  }

  async function createSession() {
    const signature = randomBytes(18).toString('base64url');
    const s = { conn: await newConn(), inTransaction: false, timer: null, queue: Promise.resolve() };
    sessions.set(signature, s);
    touch(signature, s);
    return signature;
  }

  function sessionJson(sig) {
    const s = sessions.get(sig);
    const vitessSession = { autocommit: true, options: { includedFields: 'ALL', clientFoundRows: true } };
    if (s?.inTransaction) vitessSession.inTransaction = true;
    return { signature: sig, vitessSession };
  }

  // Sessions are resumed by signature; one that expired is replaced, unless it was inside a
  // transaction (that transaction is gone: the request fails as a real expired session does).
  async function resolveSession(session) {
    const sig = session && typeof session === 'object' ? session.signature : null;
    if (sig && sessions.has(sig)) return { sig };
    if (sig && session.vitessSession?.inTransaction) {
      return { error: { code: 'ABORTED', message: 'transaction session expired or unknown (stand-in restarted?)' } };
    }
    return { sig: await createSession() };
  }

  function runSql(s, sql) {
    const run = () =>
      new Promise((resolve) => {
        const started = process.hrtime.bigint();
        s.conn.query({ sql, rowsAsArray: true, typeCast: false }, (err, rows, fields) => {
          const timing = Number(process.hrtime.bigint() - started) / 1e9;
          resolve({ err, rows, fields, timing });
        });
      });
    // one statement at a time per session, in arrival order
    const p = s.queue.then(run);
    s.queue = p.catch(() => {});
    return p;
  }

  async function execute(body) {
    const sql = body?.query;
    if (typeof sql !== 'string') {
      return { error: { code: 'INVALID_ARGUMENT', message: 'invalid request: query is required' } };
    }
    const resolved = await resolveSession(body.session);
    if (resolved.error) return { session: body.session ?? null, error: resolved.error };
    const { sig } = resolved;
    const s = sessions.get(sig);
    touch(sig, s);
    const refused = mariadbOnlySyntax(sql);
    if (refused) return { session: sessionJson(sig), error: refused };
    const { err, rows, fields, timing } = await runSql(s, sql);
    if (err) {
      if (err.fatal) dropSession(sig);
      else if (/^\s*rollback\b/i.test(sql)) s.inTransaction = false;
      return {
        session: sessionJson(sig),
        error: errorResponse(err, sql, { database: connOpts.database, user: username }),
      };
    }
    const result = {};
    if (Array.isArray(rows)) {
      if (fields?.length) result.fields = fields.map(fieldJson);
      if (rows.length) result.rows = rows.map(rowJson);
    } else if (rows) {
      // ResultSetHeader: counts as strings (uint64 in protobuf JSON), zero left out
      if (rows.affectedRows && String(rows.affectedRows) !== '0') result.rowsAffected = String(rows.affectedRows);
      if (rows.insertId && String(rows.insertId) !== '0') result.insertId = String(rows.insertId);
      if (typeof rows.serverStatus === 'number') s.inTransaction = (rows.serverStatus & 1) === 1;
    }
    if (/^\s*(begin|start\s+transaction)\b/i.test(sql)) s.inTransaction = true;
    if (/^\s*(commit|rollback)\b/i.test(sql)) s.inTransaction = false;
    return { session: sessionJson(sig), result, timing };
  }

  async function handle(req, raw) {
    const path = new URL(req.url, 'http://x').pathname;
    if (req.method !== 'POST')
      return { status: 405, headers: { 'content-type': 'text/plain' }, body: 'method not allowed' };
    if (req.headers.authorization !== expectedAuth) {
      return {
        status: 401,
        headers: JSON_HEADERS,
        body: JSON.stringify({ error: { code: 'unauthenticated', message: 'invalid auth credentials' } }),
      };
    }
    let body;
    try {
      body = raw.length ? JSON.parse(raw.toString('utf8')) : {};
    } catch (e) {
      return {
        status: 400,
        headers: JSON_HEADERS,
        body: JSON.stringify({ error: { code: 'invalid_argument', message: `invalid request body: ${e.message}` } }),
      };
    }
    if (path === '/psdb.v1alpha1.Database/CreateSession') {
      const sig = await createSession();
      return { status: 200, headers: JSON_HEADERS, body: JSON.stringify({ session: sessionJson(sig) }) };
    }
    if (path === '/psdb.v1alpha1.Database/Execute') {
      return { status: 200, headers: JSON_HEADERS, body: JSON.stringify(await execute(body)) };
    }
    return {
      status: 404,
      headers: JSON_HEADERS,
      body: JSON.stringify({ error: { code: 'not_found', message: `unknown method ${path}` } }),
    };
  }

  const server = await startServer({
    port,
    handle,
    bodyLimit: maxRequestBytes,
    faultResponses: {
      http500: { status: 500, headers: { 'content-type': 'text/plain' }, body: 'upstream error (injected fault)' },
      http413: {
        status: 413,
        headers: { 'content-type': 'text/plain' },
        body: 'request entity too large (injected fault)',
      },
      tooLarge: (message) => ({ status: 413, headers: { 'content-type': 'text/plain' }, body: message }),
    },
  });

  const auth = `${encodeURIComponent(username)}:${encodeURIComponent(password)}`;
  return {
    url: `http://${auth}@127.0.0.1:${server.port}`,
    port: server.port,
    fault: server.fault,
    sessionCount: () => sessions.size,
    async close() {
      await server.close();
      for (const sig of [...sessions.keys()]) dropSession(sig);
    },
  };
}
