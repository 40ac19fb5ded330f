// The shared check every host runs: the sample opcode shape (generated from
// wasm/src/wire/sample.rs, which the Rust test `select_by_id` compiles too) compiled by
// the engine, and a round trip through the embedded SQLite's buffers (wasm/README.md).
// Plain JS importing only shape.generated.mjs: both are copied into each host's app.

import { SELECT_BY_ID, STRINGS, VALUE_TAG } from './shape.generated.mjs';

export { SELECT_BY_ID, STRINGS };

/** What `runShape` gives on a SQLite engine build (`engine`, `embedded`): PostgreSQL is not built in. */
export const EXPECTED = {
  sqlite: 'select "users"."id", "users"."name" from "users" where "users"."id" = ? limit ?',
  postgres: { name: 'MizzleError', kind: 'unsupported' },
  params: [0, 1],
  offsets: [70, 78],
  plan: [1, 9],
  error: { name: 'MizzleError', kind: 'engine_input' },
};

/** What `runShape` gives on the PostgreSQL engine build (`engine-pg`): SQLite is not built in. */
export const EXPECTED_PG = {
  sqlite: { name: 'MizzleError', kind: 'unsupported' },
  postgres: 'select "users"."id", "users"."name" from "users" where "users"."id" = $1 limit $2',
  params: [0, 1],
  offsets: [70, 79],
  plan: [1, 9],
  error: { name: 'MizzleError', kind: 'engine_input' },
};

// Interned ids belong to one wasm instance; remember what each instance already has.
const interned = new WeakSet();

/**
 * Compiles SELECT_BY_ID for sqlite and postgres (a dialect the build leaves out is a typed
 * error) and a malformed shape; params, offsets and plan are the first dialect that compiled.
 */
export function runShape(engine) {
  if (!interned.has(engine)) {
    engine.intern(STRINGS.join('\u0000'));
    interned.add(engine);
  }
  const ops = new Int32Array(SELECT_BY_ID);
  const out = {};
  let built;
  for (const [name, dialect] of [
    ['sqlite', 0],
    ['postgres', 1],
  ]) {
    try {
      out[name] = engine.compile(dialect, ops);
    } catch (e) {
      out[name] = { name: e.name, kind: e.kind };
      continue;
    }
    if (built !== undefined) continue;
    built = dialect;
    const [nParams, ...rest] = engine.slots();
    out.params = rest.slice(0, nParams);
    // Then one placeholder byte offset per parameter (wasm/README.md), then the plan.
    out.offsets = rest.slice(nParams, 2 * nParams);
    out.plan = rest.slice(2 * nParams);
  }
  try {
    engine.compile(built ?? 0, new Int32Array([9]));
    out.error = 'no error';
  } catch (e) {
    out.error = { name: e.name, kind: e.kind };
  }
  return out;
}

export const EXPECTED_ROWS = {
  columns: ['id', 'name'],
  rows: [
    [1, 'ada'],
    [2, 'grace'],
  ],
  changes: 1,
  lastInsertRowid: 2,
};

/** Creates a table in a fresh embedded database, inserts with bound params, reads back. */
export function runEmbedded(embedded) {
  const db = new embedded.Database();
  try {
    db.exec(
      `create table users (id integer primary key, name text not null); insert into users (name) values ('ada');`,
    );
    const [changes, lastInsertRowid] = db.run('insert into users (name) values (?)', encodeParams(['grace']));
    const buf = db.query(
      'select id, name from users where id >= ? order by id',
      encodeParams([1]),
      new Uint8Array([1, 9]),
    );
    return { ...decodeRows(buf), changes, lastInsertRowid };
  } finally {
    db.free();
  }
}

function encodeParams(values) {
  const enc = new TextEncoder();
  const parts = [];
  for (const v of values) {
    if (typeof v === 'number') {
      const b = new Uint8Array(9);
      b[0] = VALUE_TAG.number; // an integer as f64
      new DataView(b.buffer).setFloat64(1, v, true);
      parts.push(b);
    } else {
      const s = enc.encode(v);
      const b = new Uint8Array(5 + s.length);
      b[0] = VALUE_TAG.text;
      new DataView(b.buffer).setUint32(1, s.length, true);
      b.set(s, 5);
      parts.push(b);
    }
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function decodeRows(buf) {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const dec = new TextDecoder();
  let at = 0;
  const u32 = () => {
    at += 4;
    return dv.getUint32(at - 4, true);
  };
  const f64 = () => {
    at += 8;
    return dv.getFloat64(at - 8, true);
  };
  const text = () => {
    const n = u32();
    const start = at;
    at += n;
    return dec.decode(buf.subarray(start, at));
  };
  const columns = [];
  for (let i = u32(); i > 0; i--) columns.push(text());
  const rows = [];
  for (let r = u32(); r > 0; r--) {
    const row = [];
    for (let c = 0; c < columns.length; c++) {
      const tag = buf[at++];
      if (tag === 0) row.push(null);
      else if (tag === 1 || tag === 2) row.push(f64());
      else if (tag === 3) row.push(text());
      else throw new Error(`unexpected value tag ${tag}`);
    }
    rows.push(row);
  }
  return { columns, rows };
}
