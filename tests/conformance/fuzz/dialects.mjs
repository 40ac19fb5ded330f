// The fuzzer's dialects: what gen.mjs needs to know of SQLite, PostgreSQL and MySQL to write a schema, its DDL,
// hostile values and statements. Per dialect: the table builder, identifier quoting, hostile names, the column
// kinds (the builder call from the library's `core`: sqlite-core, pg-core or mysql-core; the SQL type; hostile
// values as source text; whether the kind compares, takes LIKE, sums, may be unique) and the API surface the
// statements may use (`has`). SQLite's lists are the ones the fuzzer started with: its seeds replay as before.

const q = (s) => JSON.stringify(s);

// Hostile values shared by several dialects, as source text.
const DATES = [0, -1000, 1234, 1700000000999, 8.64e15, -8.64e15, 951782400000, 253402300799000];
const DATE_VALUES = [...DATES.map((d) => `new Date(${d})`), 'new Date(NaN)'];
const TEXT = [
  "''",
  `"'"`,
  `'"'`,
  `'\\\\'`,
  `'a\\u0000b'`,
  `'😀'`,
  `'Ünï'`,
  `"'; drop table x; --"`,
  `'%_'`,
  `'NULL'`,
  `' '`,
  `'x'.repeat(300)`,
  `'a'`,
  `'b'`,
  `'A'`,
  `'\\n\\t'`,
  `'ß'`,
  `'\\uD800'`,
];
const ENUM = [`'a'`, `'b'`, `"c'"`];
const JSON_VALUES = [
  '{ a: { b: [1, "x", null] } }',
  '[]',
  `"str'"`,
  '0',
  'true',
  `{ "'": '"' }`,
  '[[[[{}]]]]',
  `{ u: '😀\\u0000' }`,
  '-1.5',
];
const REAL = ['0.1', '-0', '1e308', '-1e-308', '3.14', '9007199254740993', '5e-324', '-2', '0', '1', 'Infinity'];
const NUMERIC = [`'1.50'`, `'-0'`, `'123456789012345678901234567890'`, `'1e3'`, `'0'`, `'-7.25'`, `'abc'`];
const BIGINTS = ['0n', '-1n', '9007199254740993n', '9223372036854775807n', '-9223372036854775808n', '12n'];
const BIG_NUMBERS = ['0', '-1', '9007199254740991', '-9007199254740991', '12', '1e20', '2147483648'];

const TABLE_NAMES = ['order', 'select', "user's", 'ta ble', 'Ünï"q"', 'group', 't😀', 'from', 'Values', 'a.b'];
const COLUMN_NAMES = [
  'key',
  'where',
  "it's",
  'sp ace',
  'ÿ',
  '"dq"',
  'limit',
  'c😀',
  'null',
  'a-b',
  'Order',
  'x',
  'rowid_',
  'by',
];

/**
 * A kind: { build(name) -> builder source, sql, values, bad, and flags cmp, like, num (sum/avg), uniq, blob }.
 * `values` are valid for the column (the seed rows take only these, so that a seed's inserts succeed); `bad`
 * ones are refused by the server (out of range, invalid) and go into statements only.
 */
const kind = (build, sql, values, bad = [], flags = {}) => ({ build, sql, values, bad, ...flags });
// Split a list into [valid, bad] by the bad ones.
const split = (all, bad) => [all.filter((v) => !bad.includes(v)), bad];
const DATE_EXTREMES = ['new Date(8640000000000000)', 'new Date(-8640000000000000)', 'new Date(NaN)'];
const dates = (...more) => split(DATE_VALUES, [...DATE_EXTREMES, ...more]);
/** Sets a flag (cmp: compared with eq/gt/..., like, num: summed and averaged, uniq: may be unique) on kinds. */
const flag = (dialect, name, kinds) => {
  for (const k of kinds) dialect.kinds[k][name] = true;
};

const SQLITE = {
  name: 'sqlite',
  table: 'sqliteTable',
  ident: (s) => `"${s.replaceAll('"', '""')}"`,
  tables: TABLE_NAMES,
  columns: COLUMN_NAMES,
  kinds: {
    int: kind((n) => `core.integer(${q(n)})`, 'integer', [
      ...['0', '-1', '1', '42', '9007199254740991', '-9007199254740991', '2147483648', '7', '3', '1e20', '0.5', '-0'],
    ]),
    bool: kind((n) => `core.integer(${q(n)}, { mode: 'boolean' })`, 'integer', ['true', 'false']),
    ts: kind((n) => `core.integer(${q(n)}, { mode: 'timestamp' })`, 'integer', DATE_VALUES),
    tsms: kind((n) => `core.integer(${q(n)}, { mode: 'timestamp_ms' })`, 'integer', DATE_VALUES),
    text: kind((n) => `core.text(${q(n)})`, 'text', TEXT),
    enum: kind((n) => `core.text(${q(n)}, { enum: ['a', 'b', "c'"] })`, 'text', ENUM),
    tjson: kind((n) => `core.text(${q(n)}, { mode: 'json' })`, 'text', JSON_VALUES),
    real: kind((n) => `core.real(${q(n)})`, 'real', REAL),
    numeric: kind((n) => `core.numeric(${q(n)})`, 'numeric', NUMERIC),
    buf: kind(
      (n) => `core.blob(${q(n)}, { mode: 'buffer' })`,
      'blob',
      [`Buffer.from('')`, `Buffer.from('00ff01', 'hex')`, `Buffer.from('héllo')`, `Buffer.from('00', 'hex')`],
      [],
      { blob: true },
    ),
    bjson: kind(
      (n) => `core.blob(${q(n)}, { mode: 'json' })`,
      'blob',
      ['{ a: [1, { b: "c" }] }', '[]', `"s"`, '1', 'false', `{ k: '\\\\"' }`],
      [],
      { blob: true },
    ),
    big: kind((n) => `core.blob(${q(n)}, { mode: 'bigint' })`, 'blob', BIGINTS, [], { blob: true }),
  },
  // The where operators of a raw sql`` comparison.
  rawOps: ['=', '<>', '>', 'is'],
  setOps: ['union', 'unionAll', 'intersect', 'except'],
  has: { returning: true, onConflict: true, get: true, syncTx: true, rawReads: true },
};
flag(SQLITE, 'cmp', ['int', 'bool', 'ts', 'tsms', 'text', 'enum', 'real', 'numeric']);
flag(SQLITE, 'like', ['text', 'enum']);
flag(SQLITE, 'num', ['int', 'bool', 'real', 'numeric']);
flag(SQLITE, 'uniq', ['int', 'text']);

const PG_ENUM = "e'num";
const PG_TEXT = split(TEXT, [`'a\\u0000b'`]); // PostgreSQL text cannot hold NUL
const PG = {
  name: 'pg',
  table: 'pgTable',
  ident: SQLITE.ident,
  tables: TABLE_NAMES,
  columns: COLUMN_NAMES,
  // Declared before the tables (schema source and DDL): a pgEnum with a hostile type name.
  prelude: `const en = core.pgEnum(${q(PG_ENUM)}, ['a', 'b', "c'"]);`,
  ddlPrelude: `create type "${PG_ENUM}" as enum ('a', 'b', 'c''');`,
  kinds: {
    int: kind(
      (n) => `core.integer(${q(n)})`,
      'integer',
      ['0', '-1', '1', '42', '2147483647', '-2147483648', '7', '3', '-0'],
      ['2147483648', '0.5'],
    ),
    sm: kind((n) => `core.smallint(${q(n)})`, 'smallint', ['0', '-32768', '32767', '5'], ['40000']),
    big: kind((n) => `core.bigint(${q(n)}, { mode: 'number' })`, 'bigint', ...split(BIG_NUMBERS, ['1e20'])),
    bigb: kind((n) => `core.bigint(${q(n)}, { mode: 'bigint' })`, 'bigint', BIGINTS, ['9223372036854775808n']),
    bool: kind((n) => `core.boolean(${q(n)})`, 'boolean', ['true', 'false']),
    ts: kind((n) => `core.timestamp(${q(n)}, { precision: 3 })`, 'timestamp(3)', ...dates()),
    tstz: kind((n) => `core.timestamp(${q(n)}, { withTimezone: true })`, 'timestamptz', ...dates()),
    tsstr: kind(
      (n) => `core.timestamp(${q(n)}, { mode: 'string' })`,
      'timestamp',
      [`'2024-01-02 03:04:05.123456'`, `'1970-01-01 00:00:00'`, `'0001-01-01 00:00:00'`, `'infinity'`],
      [`'2024-02-30 00:00:00'`, `'x'`],
    ),
    date: kind((n) => `core.date(${q(n)}, { mode: 'date' })`, 'date', ...dates()),
    dstr: kind(
      (n) => `core.date(${q(n)})`,
      'date',
      [`'2024-02-29'`, `'1970-01-01'`, `'0001-01-01'`, `'9999-12-31'`, `'infinity'`],
      [`'2023-02-29'`],
    ),
    time: kind((n) => `core.time(${q(n)})`, 'time', [`'12:34:56'`, `'24:00:00'`, `'00:00:00.123456'`], [`'25:00'`]),
    text: kind((n) => `core.text(${q(n)})`, 'text', ...PG_TEXT),
    vc: kind(
      (n) => `core.varchar(${q(n)}, { length: 10 })`,
      'varchar(10)',
      ...split(TEXT, [`'a\\u0000b'`, `"'; drop table x; --"`, `'x'.repeat(300)`]),
    ),
    enum: kind((n) => `core.text(${q(n)}, { enum: ['a', 'b', "c'"] })`, 'text', ENUM),
    penum: kind((n) => `en(${q(n)})`, `"${PG_ENUM}"`, ENUM, [`'d'`]),
    json: kind((n) => `core.json(${q(n)})`, 'json', JSON_VALUES),
    // jsonb cannot hold the escape \u0000
    jsonb: kind((n) => `core.jsonb(${q(n)})`, 'jsonb', ...split(JSON_VALUES, [`{ u: '😀\\u0000' }`])),
    numeric: kind(
      (n) => `core.numeric(${q(n)})`,
      'numeric',
      [...NUMERIC.filter((v) => v !== `'abc'`), `'NaN'`],
      [`'abc'`],
    ),
    numn: kind((n) => `core.numeric(${q(n)}, { mode: 'number' })`, 'numeric', ['1.5', '-0', '0.1', '1e20', '3']),
    real: kind((n) => `core.real(${q(n)})`, 'real', ...split(REAL, ['1e308', '-1e-308', '5e-324'])),
    dbl: kind((n) => `core.doublePrecision(${q(n)})`, 'double precision', [...REAL, 'NaN', '-Infinity']),
    uuid: kind(
      (n) => `core.uuid(${q(n)})`,
      'uuid',
      [`'00000000-0000-0000-0000-000000000000'`, `'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'`],
      [`'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'`, `'not-a-uuid'`],
    ),
    iarr: kind((n) => `core.integer(${q(n)}).array()`, 'integer[]', ['[]', '[1, 2]', '[null]', '[-1, 2147483647]']),
    tarr: kind((n) => `core.text(${q(n)}).array()`, 'text[]', [
      '[]',
      `['a', 'b,c']`,
      `['"', '\\\\', '{}']`,
      `['NULL', '']`,
      `[null, 'x']`,
      `["'", ' ']`,
    ]),
  },
  rawOps: ['=', '<>', '>', '<'],
  setOps: ['union', 'unionAll', 'intersect', 'except', 'intersectAll', 'exceptAll'],
  has: { returning: true, onConflict: true, distinctOn: true, batch: true, execute: true, extras: true },
};
flag(PG, 'cmp', ['int', 'sm', 'big', 'bigb', 'bool', 'ts', 'tstz', 'tsstr', 'date', 'dstr', 'time', 'text', 'vc']);
flag(PG, 'cmp', ['enum', 'penum', 'numeric', 'numn', 'real', 'dbl', 'uuid']);
flag(PG, 'like', ['text', 'vc', 'enum']);
flag(PG, 'num', ['int', 'sm', 'big', 'bigb', 'numeric', 'numn', 'real', 'dbl']);
flag(PG, 'uniq', ['int', 'text', 'uuid']);

// MySQL (MariaDB 10.11 behind the PlanetScale stand-in): no emoji in identifiers (MySQL refuses characters
// outside the BMP there) and no trailing space. DATETIME holds years 1000-9999, TIMESTAMP 1970-2038 (UTC).
const MY_DT = [`'2024-01-02 03:04:05'`, `'1000-01-01 00:00:00'`, `'9999-12-31 23:59:59'`, `'2024-02-30 00:00:00'`];
const MYSQL = {
  name: 'mysql',
  table: 'mysqlTable',
  ident: (s) => `\`${s.replaceAll('`', '``')}\``,
  tables: TABLE_NAMES.map((n) => n.replace('😀', 'ü`')),
  columns: COLUMN_NAMES.map((n) => n.replace('😀', '`b')),
  kinds: {
    int: kind(
      (n) => `core.int(${q(n)})`,
      'int',
      ['0', '-1', '1', '42', '2147483647', '-2147483648', '7', '3', '0.5', '-0'],
      ['2147483648'],
    ),
    tiny: kind((n) => `core.tinyint(${q(n)})`, 'tinyint', ['0', '-128', '127', '5'], ['128']),
    big: kind((n) => `core.bigint(${q(n)}, { mode: 'number' })`, 'bigint', ...split(BIG_NUMBERS, ['1e20'])),
    bigb: kind((n) => `core.bigint(${q(n)}, { mode: 'bigint' })`, 'bigint', BIGINTS, ['9223372036854775808n']),
    bigu: kind(
      (n) => `core.bigint(${q(n)}, { mode: 'bigint', unsigned: true })`,
      'bigint unsigned',
      ['0n', '18446744073709551615n', '9223372036854775808n', '12n'],
      ['-1n'],
    ),
    bool: kind((n) => `core.boolean(${q(n)})`, 'boolean', ['true', 'false']),
    dt: kind((n) => `core.datetime(${q(n)}, { mode: 'date', fsp: 3 })`, 'datetime(3)', ...dates()),
    dtstr: kind((n) => `core.datetime(${q(n)}, { mode: 'string' })`, 'datetime', ...split(MY_DT, [MY_DT[3]])),
    ts: kind(
      (n) => `core.timestamp(${q(n)}, { mode: 'date', fsp: 3 })`,
      'timestamp(3)',
      ...dates('new Date(0)', 'new Date(-1000)', 'new Date(253402300799000)'),
    ),
    tsstr: kind((n) => `core.timestamp(${q(n)}, { mode: 'string' })`, 'timestamp', ...split(MY_DT, MY_DT.slice(1))),
    date: kind((n) => `core.date(${q(n)}, { mode: 'date' })`, 'date', ...dates()),
    dstr: kind(
      (n) => `core.date(${q(n)}, { mode: 'string' })`,
      'date',
      [`'2024-02-29'`, `'1000-01-01'`],
      [`'2023-02-29'`],
    ),
    time: kind((n) => `core.time(${q(n)}, { fsp: 3 })`, 'time(3)', [`'12:34:56'`, `'-838:59:59'`, `'00:00:00.123'`]),
    text: kind((n) => `core.text(${q(n)})`, 'text', TEXT),
    vc: kind((n) => `core.varchar(${q(n)}, { length: 255 })`, 'varchar(255)', ...split(TEXT, [`'x'.repeat(300)`])),
    enum: kind((n) => `core.mysqlEnum(${q(n)}, ['a', 'b', "c'"])`, "enum('a', 'b', 'c''')", ENUM),
    json: kind((n) => `core.json(${q(n)})`, 'json', JSON_VALUES),
    dec: kind(
      (n) => `core.decimal(${q(n)}, { precision: 30, scale: 4 })`,
      'decimal(30, 4)',
      ...split(NUMERIC, [`'abc'`, `'123456789012345678901234567890'`]),
    ),
    dbl: kind((n) => `core.double(${q(n)})`, 'double', ...split(REAL, ['Infinity'])),
    flt: kind((n) => `core.float(${q(n)})`, 'float', ['0.1', '-0', '3.14', '1e38', '16777217', '-2']),
    vbin: kind((n) => `core.varbinary(${q(n)}, { length: 16 })`, 'varbinary(16)', [`'ab'`, `''`, `'\\u0000'`]),
    yr: kind((n) => `core.year(${q(n)})`, 'year', ['2024', '1901', '2155', '0'], ['1900']),
  },
  rawOps: ['=', '<>', '>', '<'],
  setOps: ['union', 'unionAll', 'intersect', 'except', 'intersectAll', 'exceptAll'],
  has: { onDuplicate: true, returningId: true, asyncTx: true, execute: true, extras: true },
};
flag(MYSQL, 'cmp', ['int', 'tiny', 'big', 'bigb', 'bigu', 'bool', 'dt', 'dtstr', 'ts', 'tsstr', 'date', 'dstr']);
flag(MYSQL, 'cmp', ['time', 'text', 'vc', 'enum', 'dec', 'dbl', 'flt', 'yr']);
flag(MYSQL, 'like', ['text', 'vc', 'enum']);
flag(MYSQL, 'num', ['int', 'tiny', 'big', 'bigb', 'bigu', 'dec', 'dbl', 'flt']);
flag(MYSQL, 'uniq', ['int', 'vc']);

export const DIALECTS = { sqlite: SQLITE, pg: PG, mysql: MYSQL };
