// HTTP response decoding (BENCHMARKS.md, "HTTP response decoding"): a Neon and a PlanetScale
// response body of 1,000 and 10,000 rows x 8 columns, decoded to the drivers' row values two
// ways in this process:
//   js    the drivers' own path: JSON.parse of the body + their per-OID / per-type decoders
//         (npm-package/dist/neon-http/values.js `decoderForOid`, the loop of neon-http's
//         `decodeRows`; dist/planetscale/values.js `decodeRows`), imported by path
//   wasm  mizzle-core's protocol codecs through the benchmark-only `protocol` wasm build
//         (`neon_rows` / `planetscale_rows`: body -> rows buffer), the embedded database's
//         buffer decoder (dist/sqlite-wasm/buffers.js `decodeRows`), then JSON.parse of the
//         JSON column (the rows buffer carries JSON as text; a driver's decode plan says which
//         columns are JSON)
// plus the parts of each path (JSON.parse alone, the wasm call alone, decodeRows alone).
//
// The bodies are built here in the exact wire formats of tests/standins/neon.mjs (array mode,
// raw text output) and tests/standins/planetscale.mjs (protobuf JSON, base64 row values).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HERE, PKG } from './orms.mjs';

export const SIZES = [1_000, 10_000];
export const COLUMNS = [
  'id int4',
  'big int8',
  'name text',
  'active bool',
  'created_at timestamptz',
  'price numeric(12,2)',
  'data jsonb',
  'payload bytea',
];
/** Column index of the int8 column (compared as BigInt: see `canonical`) and of the JSON column. */
const BIG = 1;
const JSON_COL = 6;

const WASM_DIR = join(HERE, 'wasm', 'protocol');

// ------------------------------------------------------------------------------ data
const NAMES = [
  'Ada Lovelace',
  'Zoë "Q" Müller',
  'Łukasz Ćwik',
  "O'Brien, Pat",
  '李小龙',
  'Grace Hopper',
  'back\\slash',
  'Émile ✓',
];
const pad = (n, w) => String(n).padStart(w, '0');

/** The PostgreSQL text of row i's cells (null = NULL), the values a real server sends. */
function rowCells(i) {
  const big = i % 100 === 0 ? String(2n ** 62n + BigInt(i)) : String(1_700_000_000_000 + i * 1013);
  const name = i % 11 === 0 ? null : `${NAMES[i % NAMES.length]} #${i}`;
  const d = new Date(Date.UTC(2024, 0, 1) + i * 61_000 + (i % 997) * 86_400_000);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
  const time = `${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}`;
  const ts = `${date} ${time}.${pad((i * 7919) % 1_000_000, 6)}`;
  const price = i % 7 === 0 ? null : `${(i * 37) % 100_000}.${pad(i % 100, 2)}`;
  // jsonb's (and MySQL's) output form: keys ordered by length, then bytes; ", " and ": ".
  const json =
    `{"id": ${i}, "meta": {"v": ${i % 13}}, "name": "user ${i}", "tags": ["a", "b${i % 5}"], ` +
    `"score": ${(i % 1000) / 8}, "active": ${i % 3 === 0}}`;
  const payload = new Uint8Array(32);
  for (let k = 0; k < 32; k++) payload[k] = (i * 31 + k * 17) & 255;
  return { id: String(i), big, name, active: i % 3 !== 0, ts, price, json, payload };
}

const hex = (bytes) => {
  let s = '\\x';
  for (const b of bytes) s += (b < 16 ? '0' : '') + b.toString(16);
  return s;
};

/**
 * A Neon SQL-over-HTTP 200 body (Neon-Array-Mode, Neon-Raw-Text-Output), as
 * tests/standins/neon.mjs writes it.
 */
export function neonBody(n) {
  const f = (name, dataTypeID, columnID, dataTypeSize, dataTypeModifier = -1) => ({
    name,
    dataTypeID,
    tableID: 16390,
    columnID,
    dataTypeSize,
    dataTypeModifier,
    format: 'text',
  });
  const fields = [
    f('id', 23, 1, 4),
    f('big', 20, 2, 8),
    f('name', 25, 3, -1),
    f('active', 16, 4, 1),
    f('created_at', 1184, 5, 8),
    f('price', 1700, 6, -1, (12 << 16) + 2 + 4),
    f('data', 3802, 7, -1),
    f('payload', 17, 8, -1),
  ];
  const rows = [];
  for (let i = 1; i <= n; i++) {
    const c = rowCells(i);
    const vals = [c.id, c.big, c.name, c.active ? 't' : 'f', `${c.ts}+00`, c.price, c.json, hex(c.payload)];
    rows.push(`[${vals.map((v) => (v === null ? 'null' : JSON.stringify(v))).join(',')}]`);
  }
  return (
    `{"rowAsArray":true,"fields":${JSON.stringify(fields)},"rows":[${rows.join(',')}],` +
    `"command":"SELECT","rowCount":${n}}`
  );
}

/** A PlanetScale `Execute` 200 body, as tests/standins/planetscale.mjs writes it (zero values omitted). */
export function planetscaleBody(n) {
  const f = (name, type, columnLength, charset, flags, decimals) => {
    const o = {
      name,
      type,
      table: 'items',
      orgTable: 'items',
      database: 'bench',
      orgName: name,
      columnLength,
      charset,
    };
    if (decimals) o.decimals = decimals;
    if (flags) o.flags = flags;
    return o;
  };
  const fields = [
    f('id', 'INT32', 11, 63, 49667),
    f('big', 'INT64', 20, 63, 32769),
    f('name', 'VARCHAR', 1020, 255, 0),
    f('active', 'INT8', 1, 63, 32769),
    f('created_at', 'TIMESTAMP', 26, 63, 1153, 6),
    f('price', 'DECIMAL', 14, 63, 32768, 2),
    f('data', 'JSON', 4294967295, 63, 144),
    f('payload', 'VARBINARY', 32, 63, 128),
  ];
  const enc = new TextEncoder();
  const rows = [];
  for (let i = 1; i <= n; i++) {
    const c = rowCells(i);
    const cells = [c.id, c.big, c.name, c.active ? '1' : '0', c.ts, c.price, c.json, c.payload];
    const lengths = [];
    const parts = [];
    for (const v of cells) {
      if (v === null) {
        lengths.push('-1');
        continue;
      }
      const b = typeof v === 'string' ? enc.encode(v) : v;
      lengths.push(String(b.length));
      parts.push(b);
    }
    rows.push({ lengths, values: Buffer.concat(parts).toString('base64') });
  }
  const session = {
    signature: 'Gd2wPZl0q3f4pK6bJ1nqk3M6sO9x8c4uZ1Yf2aB7cDs=',
    vitessSession: {
      autocommit: true,
      options: { includedFields: 'ALL', clientFoundRows: true },
      foundRows: String(n),
      rowCount: '-1',
      DDLStrategy: 'direct',
      SessionUUID: '8b1f5a3e-1c2d-11ef-9a3b-0242ac120002',
      enableSystemSettings: true,
    },
  };
  return JSON.stringify({ session, result: { fields, rows }, timing: 0.004213 });
}

// ------------------------------------------------------------------------------ paths
/** Loads both paths; returns `{ cases: [{ key, protocol, rows, bytes, contenders }], info }`. */
export async function setupHttpDecode({ sizes = SIZES } = {}) {
  const imp = (p) => import(pathToFileURL(join(PKG, p)).href);
  const [{ decoderForOid }, ps, { decodeRows }] = await Promise.all([
    imp('dist/neon-http/values.js'),
    imp('dist/planetscale/values.js'),
    imp('dist/sqlite-wasm/buffers.js'),
  ]);
  let glue;
  try {
    glue = await import(pathToFileURL(join(WASM_DIR, 'mizzle_protocol.js')).href);
  } catch (e) {
    throw new Error(
      `tests/bench/wasm/protocol/ is missing or broken (${e.message}): ` +
        'build it with node scripts/build-wasm.mjs protocol',
    );
  }
  const wasmBytes = readFileSync(join(WASM_DIR, 'mizzle_protocol_bg.wasm'));
  glue.initSync({ module: wasmBytes });
  const { neon_rows: neonRows, planetscale_rows: planetscaleRows } = glue;

  // Malformed input is a typed error, never a trap (the module must stay usable after it).
  for (const [fn, body] of [
    [neonRows, '{"fields":[{"name":"i","dataTypeID":23}],"rows":[["x"]]}'],
    [planetscaleRows, '{"result":{"rows":[{"values":"!!"}]}}'],
    [neonRows, '{"rows":['],
  ]) {
    let err;
    try {
      fn(body);
    } catch (e) {
      err = e;
    }
    if (err?.name !== 'MizzleError' || err.kind !== 'protocol')
      throw new Error(
        `http decode: malformed body should throw MizzleError kind protocol, got ${err?.stack ?? 'no error'}`,
      );
  }

  // The drivers' JS path. neon-http's `decodeRows` (src/neon-http/index.ts, not exported) is
  // this loop over `decoderForOid`; planetscale's is exported from values.js.
  const neonJs = (body) => {
    const r = JSON.parse(body);
    const fields = r.fields ?? [];
    const rows = r.rows ?? [];
    const decoders = fields.map((f) => decoderForOid(f.dataTypeID));
    return rows.map((row) => {
      const out = new Array(decoders.length);
      for (let i = 0; i < decoders.length; i++) {
        const v = row[i];
        out[i] = v === null || v === undefined ? null : decoders[i](v);
      }
      return out;
    });
  };
  const planetscaleJs = (body) => {
    const b = JSON.parse(body);
    const r = b.result;
    return ps.decodeRows(r.fields ?? [], r.rows ?? []);
  };
  // The wasm path: one call, one buffer, decodeRows, JSON.parse of the JSON column.
  const finish = (buf) => {
    const { rows } = decodeRows(buf);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      const j = row[JSON_COL];
      if (j !== null) row[JSON_COL] = JSON.parse(j);
    }
    return rows;
  };
  const neonWasm = (body) => finish(neonRows(body));
  const planetscaleWasm = (body) => finish(planetscaleRows(body));

  const cases = [];
  for (const [protocol, makeBody, js, wasm, call] of [
    ['neon', neonBody, neonJs, neonWasm, neonRows],
    ['planetscale', planetscaleBody, planetscaleJs, planetscaleWasm, planetscaleRows],
  ]) {
    for (const n of sizes) {
      const body = makeBody(n);
      const buf = call(body);
      cases.push({
        key: `${protocol}${n}`,
        protocol,
        rows: n,
        bytes: Buffer.byteLength(body),
        bufferBytes: buf.length,
        // The first two are the compared pair (ratio = wasm / js); the rest are the parts.
        contenders: {
          wasm: () => wasm(body),
          js: () => js(body),
          jsonParse: () => JSON.parse(body),
          wasmCall: () => call(body),
          decodeRows: () => decodeRows(buf),
        },
        check: () => checkSame(`${protocol} ${n} rows`, js(body), wasm(body), n),
      });
    }
  }
  return {
    cases,
    info: { wasmBytes: wasmBytes.length, wasmFile: 'tests/bench/wasm/protocol/mizzle_protocol_bg.wasm' },
  };
}

// ------------------------------------------------------------------------------ equality
/**
 * The column's value as the driver's column mapping sees it. Only int8 differs in type between
 * the paths: the JS decoders keep it as text (the column's mode decides), the rows buffer
 * carries it as a number (a bigint beyond 2^53); both become the same BigInt.
 */
const canonical = (c, v) => (c === BIG && v !== null ? BigInt(v) : v);

function same(a, b) {
  if (Object.is(a, b)) return true;
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return a instanceof Uint8Array && b instanceof Uint8Array && a.length === b.length && a.every((x, i) => x === b[i]);
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && same(a[k], b[k]));
}

const show = (v) =>
  JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? `${x}n` : x instanceof Uint8Array ? `bytes[${x.length}]` : x));

/** Throws unless both paths gave the same rows; returns what was compared. */
function checkSame(what, js, wasm, n) {
  if (js.length !== n || wasm.length !== n)
    throw new Error(`http decode ${what}: js gave ${js.length} rows, wasm ${wasm.length}`);
  const first = js[0];
  if (
    typeof first[0] !== 'number' ||
    (typeof first[3] !== 'number' && typeof first[3] !== 'boolean') ||
    typeof first[6] !== 'object' ||
    !(first[7] instanceof Uint8Array)
  ) {
    throw new Error(`http decode ${what}: unexpected JS values in row 0: ${show(first)}`);
  }
  for (let r = 0; r < n; r++) {
    if (js[r].length !== 8 || wasm[r].length !== 8)
      throw new Error(`http decode ${what}: row ${r} has ${js[r].length} / ${wasm[r].length} cells`);
    for (let c = 0; c < 8; c++) {
      const [a, b] = [canonical(c, js[r][c]), canonical(c, wasm[r][c])];
      if (!same(a, b))
        throw new Error(
          `http decode ${what}: row ${r} column ${COLUMNS[c]} differs: js ${show(js[r][c])}, wasm ${show(wasm[r][c])}`,
        );
    }
  }
  return `${n} rows equal`;
}
