// Helpers shared by the scenario files: the result normaliser every runner applies before comparing, the
// `attempt` wrapper for scenarios about failures, `byDialect` for the parts of a scenario that differ per
// dialect, and the expected seed rows more than one file checks against. No imports, so workerd bundles
// take it as is.

/** Normalises a result for comparison: Dates -> ISO, bytes -> hex, bigint -> "<n>n". */
export function normalize(v) {
  if (v === undefined) return '<undefined>';
  if (v === null) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '<invalid date>' : `date:${v.toISOString()}`;
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'number') return Number.isNaN(v) ? '<NaN>' : Object.is(v, -0) ? 0 : v;
  if (v instanceof ArrayBuffer) return normalize(new Uint8Array(v));
  if (v instanceof Uint8Array) return `hex:${Array.from(v, (b) => b.toString(16).padStart(2, '0')).join('')}`;
  if (Array.isArray(v)) return v.map(normalize);
  if (typeof v === 'object') {
    const out = {};
    for (const k of Object.keys(v).sort()) out[k] = normalize(v[k]);
    return out;
  }
  return v;
}

/** Runs `fn`; a throw becomes `{ threw: true }` (for scenarios about failures). */
export async function attempt(fn) {
  try {
    return { threw: false, value: await fn() };
  } catch {
    return { threw: true };
  }
}

/**
 * One `run` or `check` per dialect: `byDialect({ sqlite: f, other: g })` calls f on SQLite and g on the
 * rest. Runners pass the dialect as the LAST argument of both (`run(db, t, ops, d)`, `check(r, assert, d)`),
 * which is how the returned function finds it.
 */
export function byDialect(fns) {
  return (...args) => {
    const d = args[args.length - 1];
    const fn = fns[d] ?? fns.other;
    if (!fn) throw new Error(`byDialect: nothing for ${d}`);
    return fn(...args);
  };
}

export const ids = (rows) => rows.map((r) => r.id);
export const D = (s) => `date:${new Date(s).toISOString()}`;

/** `cast(x as <text type>)` in the dialect's spelling. */
export const cast = (d, sql, x) => (d === 'mysql' ? sql`cast(${x} as char)` : sql`cast(${x} as text)`);

/** The seeded users row 1, normalised (the same on every dialect). */
export const ANN = {
  id: 1,
  name: 'ann',
  email: 'ann@x.io',
  age: 31,
  role: 'admin',
  active: true,
  cityId: 1,
  createdAt: D('2023-11-14T22:13:20Z'),
  score: 9.5,
  meta: { level: 3, tags: ['a'] },
};

// The seeded kinds rows, normalised. SQLite: without their blob columns, as a select of them returns them.
export const KIND1 = {
  id: 1,
  intNum: 42,
  bool: true,
  ts: D(1700000000000),
  tsMs: D(1700000000123),
  txt: 'hi',
  en: 'b',
  js: { k: [1, 2] },
  re: 1.5,
  num: '12.5',
  numN: 3.25,
  numB: '1234567890123n',
  tags: ['x', 'y'],
  price: 19.99,
};
export const KIND2 = {
  id: 2,
  intNum: null,
  bool: null,
  ts: null,
  tsMs: null,
  txt: null,
  en: null,
  js: null,
  re: null,
  num: null,
  numN: null,
  numB: null,
  tags: null,
  price: null,
};

// PostgreSQL and MySQL: the seeded kinds row 1, normalised.
export const KIND1_PG = {
  id: 1,
  bigN: 42,
  bigB: '1234567890123n',
  num: '12.5000',
  numN: 3.25,
  ts: D('2023-11-14T22:13:20.123Z'),
  tsTz: D('2023-11-14T22:13:20.123Z'),
  tsStr: '2023-11-14 22:13:20.123',
  tsTzStr: '2023-11-14 22:13:20.123+00',
  d: D('2023-11-14T00:00:00Z'),
  dStr: '2023-11-14',
  tm: '12:00:01',
  iv: '3 days',
  u: '11111111-2222-3333-4444-555555555555',
  js: { k: [1, 2] },
  jsb: { k: [1, 2] },
  ints: [1, 2],
  txts: ['x', 'y'],
  bool: true,
  mood: 'ok',
  re: 1.5,
  dp: 2.5,
  sm: 7,
};
export const KIND1_MY = {
  id: 1,
  bigN: 42,
  bigB: '1234567890123n',
  dec: '12.5000',
  dt: D('2023-11-14T22:13:20.123Z'),
  dtStr: '2023-11-14 22:13:20.123456',
  ts: D('2023-11-14T22:13:20.123Z'),
  tsStr: '2023-11-14 22:13:20',
  d: D('2023-11-14T00:00:00Z'),
  dStr: '2023-11-14',
  tm: '12:00:01.500',
  js: { k: [1, 2] },
  bool: true,
  en: 'b',
  bin: 'ab\u0000\u0000',
  vbin: 'xyz',
  yr: 2023,
  tiny: -5,
  dbl: 2.5,
};
