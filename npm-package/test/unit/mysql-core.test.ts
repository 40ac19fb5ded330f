/**
 * `mizzle/mysql-core`: every column kind's data (codec, SQL type, drizzle
 * tags), its JS <-> driver conversions with the values the PlanetScale
 * driver hands over, table config, and queries compiled for MySQL by the
 * engine through a stub session (SQL text, parameters, decoding,
 * `onDuplicateKeyUpdate`, `insert ignore`, `$returningId`).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadInline as loadEngine } from '#wasm/inline';
import { Codec } from '../../src/column-codec.js';
import type { Column } from '../../src/column.js';
import { Dialect, Engine } from '../../src/engine/engine.js';
import { and, desc, eq, gt, inArray, sql } from '../../src/index.js';
import { Database } from '../../src/query/database.js';
import type { BoundQuery, Session } from '../../src/driver.js';
import { MizzleError } from '../../src/errors.js';
import {
  alias,
  bigint,
  binary,
  boolean,
  char,
  check,
  customType,
  date,
  datetime,
  decimal,
  double,
  except,
  float,
  foreignKey,
  getTableConfig,
  index,
  int,
  intersect,
  json,
  longtext,
  mediumint,
  mediumtext,
  mysqlEnum,
  mysqlSchema,
  mysqlTable,
  mysqlTableCreator,
  primaryKey,
  real,
  serial,
  smallint,
  text,
  time,
  timestamp,
  tinyint,
  tinytext,
  union,
  unionAll,
  unique,
  uniqueIndex,
  varbinary,
  varchar,
  year,
  MySqlColumn,
  MySqlTable,
  type MySqlRunResult,
} from '../../src/mysql-core/index.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const iso = (d: unknown) => (d instanceof Date ? (Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString()) : d);

const all = mysqlTable('all_kinds', {
  int: int(),
  intU: int('int_u', { unsigned: true }),
  tiny: tinyint(),
  small: smallint({ unsigned: true }),
  medium: mediumint(),
  big53: bigint({ mode: 'number' }),
  big64: bigint('big64', { mode: 'bigint', unsigned: true }),
  serial: serial(),
  dec: decimal({ precision: 30, scale: 2 }),
  decNum: decimal({ mode: 'number' }),
  decBig: decimal({ precision: 40, mode: 'bigint' }),
  dbl: double({ precision: 8, scale: 3 }),
  flt: float({ unsigned: true }),
  rl: real({ precision: 8, scale: 2 }),
  vc: varchar({ length: 255 }),
  vcEnum: varchar({ length: 8, enum: ['a', 'b'] }),
  ch: char({ length: 2 }),
  txt: text(),
  tiny_t: tinytext(),
  medium_t: mediumtext(),
  long_t: longtext(),
  mood: mysqlEnum(['sad', 'ok']),
  bool: boolean(),
  dt: datetime(),
  dtStr: datetime({ mode: 'string', fsp: 3 }),
  ts: timestamp({ fsp: 6 }),
  tsStr: timestamp({ mode: 'string' }),
  d: date(),
  dStr: date({ mode: 'string' }),
  tm: time({ fsp: 2 }),
  yr: year(),
  doc: json(),
  bin: binary({ length: 4 }),
  vbin: varbinary({ length: 16 }),
});

/** Encodes then decodes, as a value written then read back would be. */
function roundTrip(column: Column, value: unknown): unknown {
  return column.mapFromDriverValue(column.mapToDriverValue(value as never));
}

describe('codec, SQL type and drizzle tags per column kind', () => {
  const cases: [Column, number, string, string, string][] = [
    [all.int, Codec.number, 'int', 'number', 'MySqlInt'],
    [all.intU, Codec.number, 'int unsigned', 'number', 'MySqlInt'],
    [all.tiny, Codec.number, 'tinyint', 'number', 'MySqlTinyInt'],
    [all.small, Codec.number, 'smallint unsigned', 'number', 'MySqlSmallInt'],
    [all.medium, Codec.number, 'mediumint', 'number', 'MySqlMediumInt'],
    [all.big53, Codec.number, 'bigint', 'number', 'MySqlBigInt53'],
    [all.big64, Codec.bigint, 'bigint unsigned', 'bigint', 'MySqlBigInt64'],
    [all.serial, Codec.number, 'serial', 'number', 'MySqlSerial'],
    [all.dec, Codec.stringNumber, 'decimal(30,2)', 'string', 'MySqlDecimal'],
    [all.decNum, Codec.number, 'decimal', 'number', 'MySqlDecimalNumber'],
    [all.decBig, Codec.bigint, 'decimal(40)', 'bigint', 'MySqlDecimalBigInt'],
    [all.dbl, Codec.number, 'double(8,3)', 'number', 'MySqlDouble'],
    [all.flt, Codec.number, 'float unsigned', 'number', 'MySqlFloat'],
    [all.rl, Codec.number, 'real(8, 2)', 'number', 'MySqlReal'],
    [all.vc, Codec.text, 'varchar(255)', 'string', 'MySqlVarChar'],
    [all.vcEnum, Codec.text, 'varchar(8)', 'string', 'MySqlVarChar'],
    [all.ch, Codec.text, 'char(2)', 'string', 'MySqlChar'],
    [all.txt, Codec.text, 'text', 'string', 'MySqlText'],
    [all.tiny_t, Codec.text, 'tinytext', 'string', 'MySqlText'],
    [all.medium_t, Codec.text, 'mediumtext', 'string', 'MySqlText'],
    [all.long_t, Codec.text, 'longtext', 'string', 'MySqlText'],
    [all.mood, Codec.text, "enum('sad','ok')", 'string', 'MySqlEnumColumn'],
    [all.bool, Codec.boolean, 'boolean', 'boolean', 'MySqlBoolean'],
    [all.dt, Codec.dateText, 'datetime', 'date', 'MySqlDateTime'],
    [all.dtStr, Codec.temporalText, 'datetime(3)', 'string', 'MySqlDateTimeString'],
    [all.ts, Codec.dateText, 'timestamp(6)', 'date', 'MySqlTimestamp'],
    [all.tsStr, Codec.temporalText, 'timestamp', 'string', 'MySqlTimestampString'],
    [all.d, Codec.dateOnly, 'date', 'date', 'MySqlDate'],
    [all.dStr, Codec.temporalText, 'date', 'string', 'MySqlDateString'],
    [all.tm, Codec.temporalText, 'time(2)', 'string', 'MySqlTime'],
    [all.yr, Codec.number, 'year', 'number', 'MySqlYear'],
    [all.doc, Codec.jsonValue, 'json', 'json', 'MySqlJson'],
    [all.bin, Codec.custom, 'binary(4)', 'string', 'MySqlBinary'],
    [all.vbin, Codec.custom, 'varbinary(16)', 'string', 'MySqlVarBinary'],
  ];
  for (const [column, codec, sqlType, dataType, columnType] of cases) {
    test(column.keyName, () => {
      assert.ok(column instanceof MySqlColumn);
      assert.equal(column.codec, codec);
      assert.equal(column.getSQLType(), sqlType);
      assert.equal(column.dataType, dataType);
      assert.equal(column.columnType, columnType);
    });
  }

  test('MySQL facts: unsigned, fsp, precision, scale, length, enum values, unique name', () => {
    assert.equal(all.intU.unsigned, true);
    assert.equal(all.int.unsigned, false);
    assert.equal(all.ts.fsp, 6);
    assert.equal(all.dt.fsp, undefined);
    assert.equal(all.dec.precision, 30);
    assert.equal(all.dec.scale, 2);
    assert.equal(all.vc.length, 255);
    assert.deepEqual(all.vcEnum.enumValues, ['a', 'b']);
    assert.deepEqual(all.mood.enumValues, ['sad', 'ok']);
    assert.equal(all.vc.uniqueName, 'all_kinds_vc_unique');
    assert.equal(all.intU.uniqueName, 'all_kinds_int_u_unique');
  });

  test('decimal(10,0) and decimal(10) are written as plain decimal, as drizzle does', () => {
    const t = mysqlTable('t', {
      a: decimal({ precision: 10, scale: 0 }),
      b: decimal({ precision: 10 }),
      c: decimal({ precision: 12, scale: 4, unsigned: true }),
    });
    assert.equal(t.a.getSQLType(), 'decimal');
    assert.equal(t.b.getSQLType(), 'decimal');
    assert.equal(t.c.getSQLType(), 'decimal(12,4) unsigned');
  });

  test('serial is auto-increment, not null and has a default; autoincrement() marks the others', () => {
    const t = mysqlTable('t', { id: int().primaryKey().autoincrement(), s: serial() });
    assert.equal(t.id.autoIncrement, true);
    assert.equal(t.id.hasDefault, true);
    assert.equal(t.id.primary, true);
    assert.equal(t.s.autoIncrement, true);
    assert.equal(t.s.notNull, true);
    assert.equal(t.s.hasDefault, true);
  });

  test('timestamp defaultNow() and onUpdateNow()', () => {
    const t = mysqlTable('t', { a: timestamp().defaultNow(), b: timestamp().onUpdateNow(), c: timestamp() });
    assert.equal(t.a.hasDefault, true);
    assert.ok(t.a.default !== undefined);
    assert.equal(t.b.hasOnUpdateNow, true);
    assert.equal(t.b.hasDefault, true);
    assert.equal(t.c.hasOnUpdateNow, undefined); // as drizzle's (drizzle-kit writes `onUpdate` only when set)
  });

  test('mysqlEnum from a TypeScript enum object, and an empty enum is refused', () => {
    const Role = { Admin: 'admin', User: 'user' } as const;
    const t = mysqlTable('t', { role: mysqlEnum('role', Role) });
    assert.deepEqual(t.role.enumValues, ['admin', 'user']);
    assert.equal(t.role.getSQLType(), "enum('admin','user')");
    assert.equal(t.role.columnType, 'MySqlEnumObjectColumn');
    assert.throws(() => mysqlEnum('e', [] as unknown as [string]), MizzleError);
  });
});

describe('integers', () => {
  test('numbers pass through; the driver text of a 64-bit integer becomes a number in number mode', () => {
    assert.equal(all.int.mapToDriverValue(-5), -5);
    assert.equal(all.int.mapFromDriverValue(-5), -5);
    assert.equal(all.int.mapFromDriverValue('42'), 42);
    assert.equal(all.big53.mapToDriverValue(2 ** 53), 2 ** 53);
    assert.equal(all.big53.mapFromDriverValue('9007199254740991'), 9007199254740991);
    assert.equal(all.serial.mapFromDriverValue('7'), 7);
  });

  test('bigint mode is sent as the bigint (a bare literal) and read from decimal text, every digit kept', () => {
    const max = 18446744073709551615n; // bigint unsigned max
    // Not drizzle's decimal text: spliced quoted, '-1' reads as unsigned in BETWEEN over BIGINT UNSIGNED.
    assert.equal(all.big64.mapToDriverValue(max), max);
    assert.equal(all.big64.mapFromDriverValue('18446744073709551615'), max);
    assert.equal(all.big64.mapFromDriverValue('-9223372036854775808'), -9223372036854775808n);
    assert.equal(roundTrip(all.big64, 2n ** 60n + 1n), 2n ** 60n + 1n);
    assert.equal(all.big64.mapToDriverValue(null as never), null);
  });

  test('year is a number', () => {
    assert.equal(all.yr.mapToDriverValue(2024), 2024);
    assert.equal(all.yr.mapFromDriverValue(2024), 2024);
  });
});

describe('decimals and floating point', () => {
  test('string mode keeps the exact text, beyond 2^53 too', () => {
    assert.equal(all.dec.mapToDriverValue('12345678901234567890123.45'), '12345678901234567890123.45');
    assert.equal(all.dec.mapFromDriverValue('12345678901234567890123.45'), '12345678901234567890123.45');
    assert.equal(all.dec.mapFromDriverValue('-0.10'), '-0.10');
  });

  test('number mode is sent as text and read as a number (precision beyond 2^53 lost, as in drizzle)', () => {
    assert.equal(all.decNum.mapToDriverValue(1.5), '1.5');
    assert.equal(all.decNum.mapFromDriverValue('1.50'), 1.5);
    assert.equal(all.decNum.mapFromDriverValue('9007199254740993'), 9007199254740992);
    assert.equal(roundTrip(all.decNum, 0.1), 0.1);
  });

  test('bigint mode is exact far beyond 2^64', () => {
    const v = 10n ** 35n + 7n;
    assert.equal(all.decBig.mapToDriverValue(v), '100000000000000000000000000000000007');
    assert.equal(all.decBig.mapFromDriverValue('100000000000000000000000000000000007'), v);
    assert.equal(roundTrip(all.decBig, -v), -v);
  });

  test('double, float and real are numbers', () => {
    assert.equal(all.dbl.mapToDriverValue(1.25), 1.25);
    assert.equal(all.dbl.mapFromDriverValue(1.25), 1.25);
    assert.equal(all.flt.mapFromDriverValue('2.5'), 2.5);
    assert.equal(all.rl.mapFromDriverValue(-3), -3);
  });
});

describe('strings, enums, booleans, json, binary', () => {
  test('character types pass strings through', () => {
    for (const col of [all.vc, all.vcEnum, all.ch, all.txt, all.tiny_t, all.medium_t, all.long_t, all.mood, all.tm]) {
      assert.equal(col.mapToDriverValue('héllo' as never), 'héllo');
      assert.equal(col.mapFromDriverValue('héllo'), 'héllo');
    }
    assert.equal(all.tm.mapFromDriverValue('-838:59:59.00'), '-838:59:59.00');
  });

  test('boolean is sent as a JS boolean (as drizzle) and read from tinyint(1)', () => {
    assert.equal(all.bool.mapToDriverValue(true), true);
    assert.equal(all.bool.mapToDriverValue(false), false);
    assert.equal(all.bool.mapFromDriverValue(1), true);
    assert.equal(all.bool.mapFromDriverValue(0), false);
    assert.equal(all.bool.mapFromDriverValue(true), true);
    assert.equal(all.bool.mapFromDriverValue(null), null);
  });

  test('json is sent as JSON text; the driver hands it back parsed and it stays as is', () => {
    const v = { a: [1, 'x', null], b: { c: true } };
    assert.equal(all.doc.mapToDriverValue(v), JSON.stringify(v));
    assert.deepEqual(all.doc.mapFromDriverValue(v), v);
    // A JSON string document arrives as a JS string and must not be parsed again.
    assert.equal(all.doc.mapToDriverValue('hi'), '"hi"');
    assert.equal(all.doc.mapFromDriverValue('hi'), 'hi');
    assert.equal(all.doc.mapFromDriverValue(12), 12);
  });

  test('binary and varbinary are strings: bytes from the driver read as UTF-8', () => {
    assert.equal(all.bin.mapToDriverValue('abcd'), 'abcd');
    assert.equal(all.bin.mapFromDriverValue(utf8('abcd')), 'abcd');
    assert.equal(all.vbin.mapFromDriverValue(utf8('héllo')), 'héllo');
    assert.equal(all.vbin.mapFromDriverValue('already text'), 'already text');
    assert.equal(all.vbin.mapFromDriverValue(null), null);
  });

  test('customType uses its own conversions', () => {
    const csv = customType<{ data: string[]; driverData: string }>({
      dataType: () => 'varchar(255)',
      toDriver: (v) => v.join(','),
      fromDriver: (v) => v.split(','),
    });
    const t = mysqlTable('t', { tags: csv('tags') });
    assert.equal(t.tags.codec, Codec.custom);
    assert.equal(t.tags.getSQLType(), 'varchar(255)');
    assert.equal(t.tags.mapToDriverValue(['a', 'b']), 'a,b');
    assert.deepEqual(t.tags.mapFromDriverValue('a,b'), ['a', 'b']);
  });
});

describe('datetime and timestamp', () => {
  const at = new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6));

  test('a Date is sent as UTC text with milliseconds, whatever the fsp (drizzle)', () => {
    for (let fsp = 0; fsp <= 6; fsp++) {
      const t = mysqlTable('t', { dt: datetime({ fsp: fsp as 0 }), ts: timestamp({ fsp: fsp as 0 }) });
      assert.equal(t.dt.getSQLType(), `datetime(${fsp})`);
      assert.equal(t.ts.getSQLType(), `timestamp(${fsp})`);
      assert.equal(t.dt.mapToDriverValue(at), '2024-01-02 03:04:05.006');
      assert.equal(t.ts.mapToDriverValue(at), '2024-01-02 03:04:05.006');
    }
    assert.equal(all.dt.mapToDriverValue(new Date(Date.UTC(999, 0, 1))), '0999-01-01 00:00:00.000');
  });

  test('MySQL text with 0 to 6 fractional digits reads as UTC, milliseconds kept (digits past them dropped)', () => {
    const cases: [string, string][] = [
      ['2024-01-02 03:04:05', '2024-01-02T03:04:05.000Z'],
      ['2024-01-02 03:04:05.1', '2024-01-02T03:04:05.100Z'],
      ['2024-01-02 03:04:05.12', '2024-01-02T03:04:05.120Z'],
      ['2024-01-02 03:04:05.123', '2024-01-02T03:04:05.123Z'],
      ['2024-01-02 03:04:05.1234', '2024-01-02T03:04:05.123Z'],
      ['2024-01-02 03:04:05.12345', '2024-01-02T03:04:05.123Z'],
      ['2024-01-02 03:04:05.999999', '2024-01-02T03:04:05.999Z'],
      ['1000-01-01 00:00:00', '1000-01-01T00:00:00.000Z'],
      ['9999-12-31 23:59:59.999999', '9999-12-31T23:59:59.999Z'],
    ];
    for (const [text, want] of cases) {
      assert.equal(iso(all.dt.mapFromDriverValue(text)), want, text);
      assert.equal(iso(all.ts.mapFromDriverValue(text)), want, text);
    }
    assert.deepEqual(roundTrip(all.dt, at), at);
    assert.deepEqual(roundTrip(all.ts, at), at);
  });

  test('zero dates read as an Invalid Date, as in drizzle', () => {
    assert.equal(iso(all.dt.mapFromDriverValue('0000-00-00 00:00:00')), 'Invalid Date');
    assert.equal(iso(all.ts.mapFromDriverValue('0000-00-00 00:00:00.000000')), 'Invalid Date');
  });

  test('string modes pass MySQL text through', () => {
    assert.equal(all.dtStr.mapToDriverValue('2024-01-02 03:04:05.123'), '2024-01-02 03:04:05.123');
    assert.equal(all.dtStr.mapFromDriverValue('2024-01-02 03:04:05.123'), '2024-01-02 03:04:05.123');
    assert.equal(all.tsStr.mapFromDriverValue('0000-00-00 00:00:00'), '0000-00-00 00:00:00');
  });
});

describe('date', () => {
  test('a Date is sent as its UTC day and read back as UTC midnight', () => {
    assert.equal(all.d.mapToDriverValue(new Date('2024-01-02T23:59:59.999Z')), '2024-01-02');
    assert.equal(iso(all.d.mapFromDriverValue('2024-01-02')), '2024-01-02T00:00:00.000Z');
    assert.equal(iso(all.d.mapFromDriverValue('1000-01-01')), '1000-01-01T00:00:00.000Z');
    assert.deepEqual(roundTrip(all.d, new Date('2024-02-29T00:00:00Z')), new Date('2024-02-29T00:00:00Z'));
  });

  test('the zero date reads as an Invalid Date, as in drizzle', () => {
    assert.equal(iso(all.d.mapFromDriverValue('0000-00-00')), 'Invalid Date');
  });

  test('string mode passes text through', () => {
    assert.equal(all.dStr.mapToDriverValue('2024-01-02'), '2024-01-02');
    assert.equal(all.dStr.mapFromDriverValue('0000-00-00'), '0000-00-00');
  });
});

describe('tables, schemas and table config', () => {
  test('mysqlTableCreator renames, mysqlSchema qualifies', () => {
    const create = mysqlTableCreator((n) => `app_${n}`);
    const t = create('users', { id: int() });
    assert.ok(t instanceof MySqlTable);
    assert.equal(getTableConfig(t).name, 'app_users');
    assert.equal(getTableConfig(t).baseName, 'users');
    const s = mysqlSchema('app').table('users', { id: int() });
    assert.equal(getTableConfig(s).schema, 'app');
  });

  test('callback form of the columns', () => {
    const t = mysqlTable('t', (c) => ({ id: c.serial().primaryKey(), name: c.varchar({ length: 9 }) }));
    assert.equal(t.id.getSQLType(), 'serial');
    assert.equal(t.name.getSQLType(), 'varchar(9)');
  });

  test('the third argument: indexes and constraints', () => {
    const users = mysqlTable('users', { id: serial().primaryKey() });
    const posts = mysqlTable(
      'posts',
      {
        id: int().notNull(),
        authorId: int('author_id').references(() => users.id, { onDelete: 'cascade' }),
        slug: varchar({ length: 64 }),
        n: int(),
      },
      (t) => [
        index('posts_slug_idx').on(t.slug).using('btree').algorithm('inplace').lock('none'),
        uniqueIndex('posts_slug_uq').on(t.slug),
        primaryKey({ columns: [t.id, t.authorId] }),
        foreignKey({ columns: [t.authorId], foreignColumns: [users.id], name: 'posts_author_fk' }),
        unique().on(t.slug, t.n),
        check('n_ok', sql`${t.n} >= 0`),
      ],
    );
    const cfg = getTableConfig(posts);
    assert.deepEqual(
      cfg.indexes.map((i) => [i.config.name, i.config.unique, i.config.using, i.config.algorithm, i.config.lock]),
      [
        ['posts_slug_idx', false, 'btree', 'inplace', 'none'],
        ['posts_slug_uq', true, undefined, undefined, undefined],
      ],
    );
    assert.deepEqual(
      cfg.primaryKeys.map((p) => p.getName()),
      ['posts_id_author_id_pk'],
    );
    assert.deepEqual(
      cfg.foreignKeys.map((f) => [f.getName(), f.onDelete]),
      [
        ['posts_author_id_users_id_fk', 'cascade'],
        ['posts_author_fk', undefined],
      ],
    );
    assert.deepEqual(
      cfg.uniqueConstraints.map((u) => u.getName()),
      ['posts_slug_n_unique'],
    );
    assert.deepEqual(
      cfg.checks.map((c) => c.name),
      ['n_ok'],
    );
  });
});

// ---------------------------------------------------------------- queries compiled for MySQL

/** A session that records statements and answers with canned driver values. */
class StubSession implements Session<'async', MySqlRunResult> {
  readonly mode = 'async' as const;
  readonly dialect = Dialect.mysql;
  readonly engine = Engine.of(loadEngine());
  readonly log: BoundQuery[] = [];
  rows: unknown[][] = [];
  runResults: MySqlRunResult[] = [];

  constructor(readonly maxParams?: number) {}

  private nextRun(): MySqlRunResult {
    return this.runResults.shift() ?? { insertId: '0', rowsAffected: 0 };
  }

  async all(q: BoundQuery): Promise<unknown[][]> {
    this.log.push(q);
    return this.rows;
  }

  async allObjects(q: BoundQuery): Promise<Record<string, unknown>[]> {
    this.log.push(q);
    return [];
  }

  async run(q: BoundQuery): Promise<MySqlRunResult> {
    this.log.push(q);
    return this.nextRun();
  }

  async atomic(qs: readonly BoundQuery[]): Promise<(unknown[][] | MySqlRunResult)[]> {
    this.log.push(...qs);
    return qs.map((q) => (q.kind === 'all' ? this.rows : this.nextRun()));
  }

  transaction<T>(fn: (s: Session<'async', MySqlRunResult>) => T): T {
    return fn(this);
  }
}

function setup(maxParams?: number) {
  const session = new StubSession(maxParams);
  return { session, db: new Database(session) };
}

const users = mysqlTable('users', {
  id: serial().primaryKey(),
  name: varchar({ length: 255 }).notNull(),
  big: bigint({ mode: 'bigint' }),
  price: decimal({ precision: 30, scale: 2 }),
  active: boolean().default(true),
  at: datetime({ fsp: 3 }),
  born: date(),
  doc: json().$type<{ tags: string[] }>(),
  bin: varbinary({ length: 8 }),
  version: int().$onUpdate(() => 7),
});

describe('MySQL SQL and parameters', () => {
  test('select with where, order, limit and offset', () => {
    const { db } = setup();
    const q = db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.name, 'ann'), gt(users.big, 2n ** 63n), inArray(users.id, [1, 2])))
      .orderBy(desc(users.at))
      .limit(10)
      .offset(5);
    assert.deepEqual(q.toSQL(), {
      sql:
        'select `users`.`id`, `users`.`name` from `users` ' +
        'where (`users`.`name` = ? and `users`.`big` > ? and `users`.`id` in (?, ?)) ' +
        'order by `users`.`at` desc limit ? offset ?',
      params: ['ann', 2n ** 63n, 1, 2, 10, 5],
    });
  });

  test('offset without limit uses the largest limit', () => {
    const { db } = setup();
    assert.equal(
      db.select({ id: users.id }).from(users).offset(3).toSQL().sql,
      'select `users`.`id` from `users` limit 18446744073709551615 offset ?',
    );
  });

  test('values are encoded per column: dates, bigints, decimals, json, booleans', () => {
    const { db } = setup();
    const q = db.insert(users).values([
      {
        name: 'a',
        at: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)),
        born: new Date(Date.UTC(2000, 5, 1)),
        doc: { tags: ['x'] },
      },
      { name: 'b', big: 2n ** 64n, price: '12345678901234567890.10', active: false },
    ]);
    assert.deepEqual(q.toSQL(), {
      sql:
        'insert into `users` (`name`, `big`, `price`, `active`, `at`, `born`, `doc`, `version`) values ' +
        '(?, default, default, default, ?, ?, ?, ?), (?, ?, ?, ?, default, default, default, ?)',
      params: [
        'a',
        '2024-01-02 03:04:05.006',
        '2000-06-01',
        '{"tags":["x"]}',
        7,
        'b',
        18446744073709551616n,
        '12345678901234567890.10',
        false,
        7,
      ],
    });
  });

  test('insert ignore', () => {
    const { db } = setup();
    assert.deepEqual(db.insert(users).ignore().values({ name: 'a' }).toSQL(), {
      sql: 'insert ignore into `users` (`name`, `version`) values (?, ?)',
      params: ['a', 7],
    });
  });

  test('onDuplicateKeyUpdate with values(), plain values and $onUpdate columns', () => {
    const { db } = setup();
    const q = db
      .insert(users)
      .values({ id: 1, name: 'a', big: 5n })
      .onDuplicateKeyUpdate({ set: { big: 6n, name: sql`values(${users.name})` } });
    assert.deepEqual(q.toSQL(), {
      sql:
        'insert into `users` (`id`, `name`, `big`, `version`) values (?, ?, ?, ?) ' +
        'on duplicate key update `name` = values(`users`.`name`), `big` = ?, `version` = ?',
      params: [1, 'a', 5n, 7, 6n, 7],
    });
  });

  test('insert ignore with onDuplicateKeyUpdate, and the no-op update idiom', () => {
    const { db } = setup();
    assert.deepEqual(
      db
        .insert(users)
        .ignore()
        .values({ name: 'a' })
        .onDuplicateKeyUpdate({ set: { id: sql`id` } })
        .toSQL().sql,
      'insert ignore into `users` (`name`, `version`) values (?, ?) on duplicate key update `id` = id, `version` = ?',
    );
  });

  test('onDuplicateKeyUpdate ignores unknown keys, as drizzle', () => {
    const { db } = setup();
    assert.equal(
      db
        .insert(users)
        .values({ name: 'a', nope: 2 } as never)
        .onDuplicateKeyUpdate({ set: { name: 'b', nope: 1 } as never })
        .toSQL().sql,
      'insert into `users` (`name`, `version`) values (?, ?) on duplicate key update `name` = ?, `version` = ?',
    );
  });

  test('update with limit and delete', () => {
    const { db } = setup();
    assert.deepEqual(db.update(users).set({ name: 'x' }).where(eq(users.id, 1)).limit(1).toSQL(), {
      sql: 'update `users` set `name` = ?, `version` = ? where `users`.`id` = ? limit ?',
      params: ['x', 7, 1, 1],
    });
    assert.deepEqual(db.delete(users).where(eq(users.id, 1)).toSQL(), {
      sql: 'delete from `users` where `users`.`id` = ?',
      params: [1],
    });
  });

  test('self-join through alias() and a schema-qualified table', () => {
    const { db } = setup();
    const parent = alias(users, 'parent');
    assert.equal(
      db.select({ a: users.name, b: parent.name }).from(users).leftJoin(parent, eq(users.id, parent.id)).toSQL().sql,
      'select `users`.`name`, `parent`.`name` from `users` ' +
        'left join `users` as `parent` on `users`.`id` = `parent`.`id`',
    );
    const t = mysqlSchema('app').table('t', { id: int() });
    assert.equal(db.select().from(t).toSQL().sql, 'select `t`.`id` from `app`.`t`');
  });

  test('set operation functions', () => {
    const { db } = setup();
    const a = () => db.select({ n: users.name }).from(users);
    assert.equal(
      union(a(), a()).toSQL().sql,
      'select `users`.`name` from `users` union (select `users`.`name` from `users`)',
    );
    assert.match(unionAll(a(), a()).toSQL().sql, / union all /);
    assert.match(intersect(a(), a()).toSQL().sql, / intersect /);
    assert.match(except(a(), a()).toSQL().sql, / except /);
  });
});

describe('decoding rows as the PlanetScale driver hands them over', () => {
  test('select() decodes every column kind', async () => {
    const { db, session } = setup();
    session.rows = [
      [
        '5',
        'ann',
        '18446744073709551615',
        '12345678901234567890.10',
        1,
        '2024-01-02 03:04:05.123',
        '2024-01-02',
        { tags: ['x'] },
        utf8('bytes'),
        3,
      ],
      [6, 'bob', null, null, 0, null, null, null, null, null],
    ];
    const rows = await db.select().from(users);
    assert.deepEqual(rows, [
      {
        id: 5,
        name: 'ann',
        big: 18446744073709551615n,
        price: '12345678901234567890.10',
        active: true,
        at: new Date('2024-01-02T03:04:05.123Z'),
        born: new Date('2024-01-02T00:00:00.000Z'),
        doc: { tags: ['x'] },
        bin: 'bytes',
        version: 3,
      },
      {
        id: 6,
        name: 'bob',
        big: null,
        price: null,
        active: false,
        at: null,
        born: null,
        doc: null,
        bin: null,
        version: null,
      },
    ]);
  });
});

describe('$returningId()', () => {
  test('auto-increment keys count up from insertId, one per affected row', async () => {
    const { db, session } = setup();
    session.runResults = [{ insertId: '41', rowsAffected: 3 }];
    const ids = await db
      .insert(users)
      .values([{ name: 'a' }, { name: 'b' }, { name: 'c' }])
      .$returningId();
    assert.deepEqual(ids, [{ id: 41 }, { id: 42 }, { id: 43 }]);
    assert.equal(session.log[0]!.kind, 'run');
    assert.equal(session.log[0]!.sql, 'insert into `users` (`name`, `version`) values (?, ?), (?, ?), (?, ?)');
  });

  test('never more rows than were sent (an upsert counts 2 per updated row)', async () => {
    const { db, session } = setup();
    session.runResults = [{ insertId: 9, rowsAffected: 2 }];
    const ids = await db
      .insert(users)
      .values({ id: 9, name: 'a' })
      .onDuplicateKeyUpdate({ set: { name: 'b' } })
      .$returningId();
    assert.deepEqual(ids, [{ id: 9 }]);
  });

  test('$defaultFn keys report the values sent; keys given explicitly too', async () => {
    let n = 0;
    const docs = mysqlTable('docs', {
      id: varchar({ length: 36 })
        .primaryKey()
        .$defaultFn(() => `gen-${++n}`),
      title: text(),
    });
    const { db, session } = setup();
    session.runResults = [{ insertId: '0', rowsAffected: 2 }];
    const ids = await db
      .insert(docs)
      .values([{ title: 'a' }, { id: 'mine', title: 'b' }])
      .$returningId();
    assert.deepEqual(ids, [{ id: 'gen-1' }, { id: 'mine' }]);
  });

  test('a table without such a key gives an empty list', async () => {
    const plain = mysqlTable('plain', { id: int().primaryKey(), v: int() });
    const { db, session } = setup();
    session.runResults = [{ insertId: '0', rowsAffected: 1 }];
    assert.deepEqual(await db.insert(plain).values({ id: 1 }).$returningId(), []);
  });

  test('prepared, with a placeholder', async () => {
    const { db, session } = setup();
    session.runResults = [
      { insertId: '100', rowsAffected: 1 },
      { insertId: '101', rowsAffected: 1 },
    ];
    const p = db
      .insert(users)
      .values({ name: sql.placeholder('name') })
      .$returningId()
      .prepare();
    assert.deepEqual(await p.execute({ name: 'a' }), [{ id: 100 }]);
    assert.deepEqual(await p.execute({ name: 'b' }), [{ id: 101 }]);
    assert.deepEqual(
      session.log.map((q) => q.params),
      [
        ['a', 7],
        ['b', 7],
      ],
    );
  });

  test('in db.batch and when a host splits the insert by its parameter limit', async () => {
    const { db, session } = setup(4);
    session.runResults = [
      { insertId: '1', rowsAffected: 2 },
      { insertId: '3', rowsAffected: 1 },
      { insertId: '7', rowsAffected: 1 },
    ];
    const ids = await db
      .insert(users)
      .values([{ name: 'a' }, { name: 'b' }, { name: 'c' }])
      .$returningId();
    assert.deepEqual(ids, [{ id: 1 }, { id: 2 }, { id: 3 }]);
    assert.equal(session.log.length, 2);
    const [batched] = await db.batch([db.insert(users).values({ name: 'd' }).$returningId()]);
    assert.deepEqual(batched, [{ id: 7 }]);
  });

  test('a driver without insertId / rowsAffected is a typed error', async () => {
    const { db, session } = setup();
    session.run = async () => ({}) as MySqlRunResult;
    await assert.rejects(
      async () => await db.insert(users).values({ name: 'a' }).$returningId(),
      (e: unknown) => e instanceof MizzleError && e.kind === 'invalid',
    );
  });
});
