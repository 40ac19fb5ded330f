/**
 * `mizzle/pg-core`: every column kind's codec, SQL type and JS <-> driver
 * conversions (as the Neon driver hands values: int8/numeric as text,
 * timestamps as PostgreSQL text, JSON parsed, arrays as JS arrays or array
 * literals), and representative queries compiled for PostgreSQL through a
 * stub session (SQL text, parameters, decoded rows).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Codec } from '../../src/column-codec.js';
import type { Column } from '../../src/column.js';
import { Dialect, Engine } from '../../src/engine/engine.js';
import { and, asc, desc, eq, gt, inArray, MizzleError, sql } from '../../src/index.js';
import type { BoundQuery, Session } from '../../src/driver.js';
import {
  alias,
  bigint,
  bigserial,
  boolean,
  char,
  check,
  customType,
  date,
  decimal,
  doublePrecision,
  except,
  exceptAll,
  foreignKey,
  getTableConfig,
  getViewConfig,
  index,
  integer,
  intersect,
  intersectAll,
  interval,
  isPgEnum,
  isPgMaterializedView,
  isPgSchema,
  isPgView,
  json,
  jsonb,
  makePgArray,
  numeric,
  parsePgArray,
  PgColumn,
  PgDatabase,
  pgEnum,
  pgMaterializedView,
  pgSchema,
  pgTable,
  pgTableCreator,
  pgView,
  primaryKey,
  real,
  serial,
  smallint,
  smallserial,
  text,
  time,
  timestamp,
  union,
  unionAll,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from '../../src/pg-core/index.js';
import { loadEngine } from '#wasm/engine-pg';

// ------------------------------------------------------------------ schema

const mood = pgEnum('mood', ['sad', 'ok', 'happy']);
const roleObj = pgEnum('role', { Admin: 'admin', User: 'user' });

const t = pgTable('all_kinds', {
  serial: serial(),
  smallserial: smallserial(),
  bs53: bigserial({ mode: 'number' }),
  bs64: bigserial({ mode: 'bigint' }),
  int: integer(),
  small: smallint(),
  big53: bigint({ mode: 'number' }),
  big64: bigint({ mode: 'bigint' }),
  bool: boolean(),
  text: text(),
  textEnum: text({ enum: ['a', 'b'] }),
  varchar: varchar(),
  varchar10: varchar({ length: 10 }),
  char: char(),
  char2: char({ length: 2 }),
  uuid: uuid(),
  num: numeric(),
  numPS: numeric({ precision: 10, scale: 2 }),
  numP: decimal({ precision: 7 }),
  numNumber: numeric({ mode: 'number' }),
  numBig: numeric({ mode: 'bigint' }),
  real: real(),
  double: doublePrecision(),
  json: json(),
  jsonb: jsonb(),
  ts: timestamp(),
  tsTz: timestamp({ withTimezone: true }),
  tsP: timestamp({ precision: 3, withTimezone: true }),
  tsStr: timestamp({ mode: 'string' }),
  tsStrP: timestamp({ mode: 'string', precision: 6 }),
  date: date(),
  dateDate: date({ mode: 'date' }),
  time: time(),
  timeTz: time({ withTimezone: true, precision: 2 }),
  interval: interval(),
  intervalF: interval({ fields: 'day to second', precision: 3 }),
  mood: mood(),
  role: roleObj(),
  textArr: text().array(),
  intArr3: integer().array(3),
  grid: integer().array().array(),
});

describe('codec, SQL type and drizzle type tags per column kind', () => {
  const cases: [Column, number, string, string, string][] = [
    [t.serial, Codec.number, 'serial', 'number', 'PgSerial'],
    [t.smallserial, Codec.number, 'smallserial', 'number', 'PgSmallSerial'],
    [t.bs53, Codec.number, 'bigserial', 'number', 'PgBigSerial53'],
    [t.bs64, Codec.bigint, 'bigserial', 'bigint', 'PgBigSerial64'],
    [t.int, Codec.number, 'integer', 'number', 'PgInteger'],
    [t.small, Codec.number, 'smallint', 'number', 'PgSmallInt'],
    [t.big53, Codec.number, 'bigint', 'number', 'PgBigInt53'],
    [t.big64, Codec.bigint, 'bigint', 'bigint', 'PgBigInt64'],
    [t.bool, Codec.boolean, 'boolean', 'boolean', 'PgBoolean'],
    [t.text, Codec.text, 'text', 'string', 'PgText'],
    [t.textEnum, Codec.text, 'text', 'string', 'PgText'],
    [t.varchar, Codec.text, 'varchar', 'string', 'PgVarchar'],
    [t.varchar10, Codec.text, 'varchar(10)', 'string', 'PgVarchar'],
    [t.char, Codec.text, 'char', 'string', 'PgChar'],
    [t.char2, Codec.text, 'char(2)', 'string', 'PgChar'],
    [t.uuid, Codec.text, 'uuid', 'string', 'PgUUID'],
    [t.num, Codec.stringNumber, 'numeric', 'string', 'PgNumeric'],
    [t.numPS, Codec.stringNumber, 'numeric(10, 2)', 'string', 'PgNumeric'],
    [t.numP, Codec.stringNumber, 'numeric(7)', 'string', 'PgNumeric'],
    [t.numNumber, Codec.number, 'numeric', 'number', 'PgNumericNumber'],
    [t.numBig, Codec.bigint, 'numeric', 'bigint', 'PgNumericBigInt'],
    [t.real, Codec.number, 'real', 'number', 'PgReal'],
    [t.double, Codec.number, 'double precision', 'number', 'PgDoublePrecision'],
    [t.json, Codec.jsonValue, 'json', 'json', 'PgJson'],
    [t.jsonb, Codec.jsonValue, 'jsonb', 'json', 'PgJsonb'],
    [t.ts, Codec.dateText, 'timestamp', 'date', 'PgTimestamp'],
    [t.tsTz, Codec.dateText, 'timestamp with time zone', 'date', 'PgTimestamp'],
    [t.tsP, Codec.dateText, 'timestamp (3) with time zone', 'date', 'PgTimestamp'],
    [t.tsStr, Codec.temporalText, 'timestamp', 'string', 'PgTimestampString'],
    [t.tsStrP, Codec.temporalText, 'timestamp(6)', 'string', 'PgTimestampString'],
    [t.date, Codec.temporalText, 'date', 'string', 'PgDateString'],
    [t.dateDate, Codec.dateOnly, 'date', 'date', 'PgDate'],
    [t.time, Codec.temporalText, 'time', 'string', 'PgTime'],
    [t.timeTz, Codec.temporalText, 'time(2) with time zone', 'string', 'PgTime'],
    [t.interval, Codec.temporalText, 'interval', 'string', 'PgInterval'],
    [t.intervalF, Codec.temporalText, 'interval day to second(3)', 'string', 'PgInterval'],
    [t.mood, Codec.text, 'mood', 'string', 'PgEnumColumn'],
    [t.role, Codec.text, 'role', 'string', 'PgEnumObjectColumn'],
    [t.textArr, Codec.custom, 'text[]', 'custom', 'PgArray'],
    [t.intArr3, Codec.custom, 'integer[3]', 'custom', 'PgArray'],
    [t.grid, Codec.custom, 'integer[][]', 'custom', 'PgArray'],
  ];
  for (const [column, codec, sqlType, dataType, columnType] of cases) {
    test(column.keyName, () => {
      assert.ok(column instanceof PgColumn);
      assert.equal(column.codec, codec);
      assert.equal(column.getSQLType(), sqlType);
      assert.equal(column.dataType, dataType);
      assert.equal(column.columnType, columnType);
    });
  }
});

describe('column facts', () => {
  test('serials are NOT NULL with a default; default unique name as drizzle', () => {
    assert.equal(t.serial.notNull, true);
    assert.equal(t.serial.hasDefault, true);
    assert.equal(t.int.notNull, false);
    assert.equal(t.int.uniqueName, 'all_kinds_int_unique');
  });

  test('identity columns', () => {
    const ids = pgTable('ids', {
      a: integer().generatedAlwaysAsIdentity({ name: 'a_seq', startWith: 10, increment: 2 }),
      b: bigint({ mode: 'number' }).generatedByDefaultAsIdentity(),
    });
    assert.deepEqual(ids.a.generatedIdentity, {
      type: 'always',
      sequenceName: 'a_seq',
      sequenceOptions: { startWith: 10, increment: 2 },
    });
    assert.deepEqual(ids.b.generatedIdentity, { type: 'byDefault' });
    assert.equal(ids.a.notNull, true);
    assert.equal(ids.a.hasDefault, true);
    assert.equal(ids.a.generated, undefined);
  });

  test('enums', () => {
    assert.equal(isPgEnum(mood), true);
    assert.equal(
      isPgEnum(() => 1),
      false,
    );
    assert.equal(mood.enumName, 'mood');
    assert.deepEqual(mood.enumValues, ['sad', 'ok', 'happy']);
    assert.deepEqual(roleObj.enumValues, ['admin', 'user']);
    assert.deepEqual(t.mood.enumValues, ['sad', 'ok', 'happy']);
    assert.equal(t.mood.enum, mood);
    assert.deepEqual(t.textEnum.enumValues, ['a', 'b']);
  });

  test('uuid defaultRandom, defaultNow, generatedAlwaysAs, unique nulls', () => {
    const x = pgTable('x', {
      id: uuid().defaultRandom(),
      at: timestamp().defaultNow(),
      up: text().generatedAlwaysAs(sql`upper('a')`),
      email: text().unique('x_email_key', { nulls: 'not distinct' }),
    });
    assert.equal(x.id.hasDefault, true);
    assert.deepEqual(
      (x.id.default as unknown as { queryChunks: { value: string }[] }).queryChunks.map((c) => c.value),
      ['gen_random_uuid()'],
    );
    assert.deepEqual(
      (x.at.default as unknown as { queryChunks: { value: string }[] }).queryChunks.map((c) => c.value),
      ['now()'],
    );
    assert.equal(x.up.generated?.mode, 'stored');
    assert.equal(x.email.isUnique, true);
    assert.equal(x.email.uniqueName, 'x_email_key');
    assert.equal(x.email.uniqueType, 'not distinct');
  });

  test('timestamp and interval options are fields of the column', () => {
    assert.equal(t.tsP.withTimezone, true);
    assert.equal(t.tsP.precision, 3);
    assert.equal(t.intervalF.fields, 'day to second');
    assert.equal(t.intArr3.size, 3);
    assert.equal(t.intArr3.baseColumn?.getSQLType(), 'integer');
    assert.equal(t.numPS.scale, 2);
  });
});

// ----------------------------------------------------------- conversions

describe('integers and numbers', () => {
  test('int2/int4 and floats pass through; text from JSON rows becomes a number', () => {
    assert.equal(t.int.mapToDriverValue(5), 5);
    assert.equal(t.int.mapFromDriverValue(5), 5);
    assert.equal(t.int.mapFromDriverValue('5'), 5);
    assert.equal(t.real.mapFromDriverValue(1.5), 1.5);
    assert.equal(t.double.mapFromDriverValue('2.25'), 2.25);
  });

  test('bigint: number mode reads int8 text with Number; bigint mode with BigInt and binds text', () => {
    assert.equal(t.big53.mapFromDriverValue('9007199254740991'), 9007199254740991);
    assert.equal(t.big53.mapToDriverValue(42), 42);
    assert.equal(t.big64.mapFromDriverValue('9007199254740993'), 9007199254740993n);
    assert.equal(t.big64.mapFromDriverValue('-5'), -5n);
    assert.equal(t.big64.mapToDriverValue(9007199254740993n), '9007199254740993');
    assert.equal(t.bs64.mapToDriverValue(1n), '1');
    assert.equal(t.big64.mapToDriverValue(null as never), null);
  });

  test('numeric: string mode keeps the text; number and bigint modes bind text', () => {
    assert.equal(t.num.mapFromDriverValue('1.50'), '1.50');
    assert.equal(t.num.mapToDriverValue('1.50'), '1.50');
    assert.equal(t.num.mapFromDriverValue('NaN'), 'NaN');
    assert.equal(t.numNumber.mapFromDriverValue('1.5'), 1.5);
    assert.equal(t.numNumber.mapToDriverValue(1.5), '1.5');
    assert.equal(t.numBig.mapFromDriverValue('123456789012345678901234567890'), 123456789012345678901234567890n);
    assert.equal(t.numBig.mapToDriverValue(123456789012345678901234567890n), '123456789012345678901234567890');
  });
});

describe('booleans, strings, JSON', () => {
  test('booleans stay booleans', () => {
    assert.equal(t.bool.mapToDriverValue(true), true);
    assert.equal(t.bool.mapToDriverValue(false), false);
    assert.equal(t.bool.mapFromDriverValue(true), true);
    assert.equal(t.bool.mapFromDriverValue(false), false);
  });

  test('strings pass through', () => {
    for (const c of [t.text, t.varchar, t.char2, t.uuid, t.mood, t.time, t.interval, t.date, t.tsStr]) {
      assert.equal(c.mapToDriverValue('x y' as never), 'x y');
      assert.equal(c.mapFromDriverValue('x y'), 'x y');
    }
    assert.equal(t.interval.mapFromDriverValue('1 day 02:03:04'), '1 day 02:03:04');
  });

  test('json/jsonb: bound as JSON text, read as the driver parsed them', () => {
    assert.equal(t.json.mapToDriverValue({ a: [1, 'b'] }), '{"a":[1,"b"]}');
    assert.equal(t.jsonb.mapToDriverValue('str'), '"str"');
    assert.equal(t.jsonb.mapToDriverValue(0), '0');
    assert.equal(t.jsonb.mapToDriverValue(false), 'false');
    const doc = { a: 1 };
    assert.equal(t.jsonb.mapFromDriverValue(doc), doc);
    // A JSON string document arrives as a JS string and stays one (never re-parsed).
    assert.equal(t.jsonb.mapFromDriverValue('123'), '123');
  });
});

describe('timestamps and dates', () => {
  test('Dates bind as ISO text (drizzle: PostgreSQL ignores the Z for timestamp without time zone)', () => {
    const d = new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 123));
    assert.equal(t.ts.mapToDriverValue(d), '2024-01-02T03:04:05.123Z');
    assert.equal(t.tsTz.mapToDriverValue(d), '2024-01-02T03:04:05.123Z');
    assert.equal(t.dateDate.mapToDriverValue(d), '2024-01-02T03:04:05.123Z');
  });

  test('timestamp without time zone text is UTC', () => {
    assert.equal(t.ts.mapFromDriverValue('2024-01-02 03:04:05.123').toISOString(), '2024-01-02T03:04:05.123Z');
    assert.equal(t.ts.mapFromDriverValue('2024-01-02 03:04:05').toISOString(), '2024-01-02T03:04:05.000Z');
    // microseconds are cut to milliseconds
    assert.equal(t.ts.mapFromDriverValue('2024-01-02 03:04:05.123456').toISOString(), '2024-01-02T03:04:05.123Z');
    // JSON rows (relational queries) write a T
    assert.equal(t.ts.mapFromDriverValue('2024-01-02T03:04:05.5').toISOString(), '2024-01-02T03:04:05.500Z');
  });

  test('timestamp with time zone text carries its offset', () => {
    assert.equal(t.tsTz.mapFromDriverValue('2024-01-02 03:04:05+00').toISOString(), '2024-01-02T03:04:05.000Z');
    assert.equal(t.tsTz.mapFromDriverValue('2024-01-02 03:04:05.25+05:30').toISOString(), '2024-01-01T21:34:05.250Z');
    assert.equal(t.tsTz.mapFromDriverValue('2024-01-02 03:04:05-08').toISOString(), '2024-01-02T11:04:05.000Z');
    // historical local-mean-time offsets have seconds
    assert.equal(t.tsTz.mapFromDriverValue('1900-01-01 00:00:00+00:53:28').toISOString(), '1899-12-31T23:06:32.000Z');
    assert.equal(t.tsTz.mapFromDriverValue('2024-01-02T03:04:05.123+00:00').toISOString(), '2024-01-02T03:04:05.123Z');
  });

  test('infinity and BC give an invalid Date, as drizzle (new Date(text))', () => {
    for (const c of [t.ts, t.tsTz]) {
      assert.ok(Number.isNaN(c.mapFromDriverValue('infinity').getTime()));
      assert.ok(Number.isNaN(c.mapFromDriverValue('-infinity').getTime()));
      assert.ok(Number.isNaN(c.mapFromDriverValue('0044-03-15 12:00:00 BC').getTime()));
    }
    assert.ok(Number.isNaN(t.tsTz.mapFromDriverValue('0044-03-15 12:00:00+00 BC').getTime()));
    assert.ok(Number.isNaN(t.dateDate.mapFromDriverValue('infinity').getTime()));
  });

  test('years before 100 and after 9999', () => {
    assert.equal(t.ts.mapFromDriverValue('0099-06-01 00:00:00').getUTCFullYear(), 99);
    assert.equal(t.ts.mapFromDriverValue('10000-01-01 00:00:00').getUTCFullYear(), 10000);
  });

  test('a Date from a driver that parses passes through', () => {
    const d = new Date(0);
    assert.equal(t.ts.mapFromDriverValue(d), d);
    assert.equal(t.dateDate.mapFromDriverValue(d), d);
  });

  test('date mode date reads YYYY-MM-DD as UTC midnight; string modes keep the text', () => {
    assert.equal(t.dateDate.mapFromDriverValue('2024-02-29').toISOString(), '2024-02-29T00:00:00.000Z');
    assert.equal(t.date.mapFromDriverValue('2024-02-29'), '2024-02-29');
    assert.equal(t.tsStr.mapFromDriverValue('2024-01-02 03:04:05.123456'), '2024-01-02 03:04:05.123456');
    assert.equal(t.tsStr.mapToDriverValue('2024-01-02 03:04:05'), '2024-01-02 03:04:05');
  });
});

describe('arrays', () => {
  test('the array literal quotes every string and escapes quotes and backslashes', () => {
    const v = t.textArr.mapToDriverValue([
      'plain',
      'a "q"',
      'back\\slash',
      '',
      'NULL',
      'x,y',
      '{z}',
      ' sp ',
      null,
    ] as string[]);
    assert.equal(v, '{"plain","a \\"q\\"","back\\\\slash","","NULL","x,y","{z}"," sp ",NULL}');
    assert.equal(t.textArr.mapToDriverValue([]), '{}');
  });

  test('a literal reads back to the same values', () => {
    const values = ['plain', 'a "q"', 'back\\slash', '', 'NULL', 'x,y', '{z}', ' sp ', null];
    assert.deepEqual(t.textArr.mapFromDriverValue(t.textArr.mapToDriverValue(values as string[])), values);
  });

  test('parsed JS arrays from the driver decode element by element', () => {
    assert.deepEqual(t.textArr.mapFromDriverValue(['a', null]), ['a', null]);
    assert.deepEqual(t.intArr3.mapFromDriverValue([1, 2, null]), [1, 2, null]);
    assert.deepEqual(
      t.grid.mapFromDriverValue([
        [1, 2],
        [3, 4],
      ]),
      [
        [1, 2],
        [3, 4],
      ],
    );
    const big = pgTable('b', { a: bigint({ mode: 'bigint' }).array(), ts: timestamp({ withTimezone: true }).array() });
    assert.deepEqual(big.a.mapFromDriverValue(['1', '9007199254740993', null]), [1n, 9007199254740993n, null]);
    assert.deepEqual(big.ts.mapFromDriverValue(['2024-01-02 03:04:05+00']), [new Date('2024-01-02T03:04:05Z')]);
  });

  test('literal text (array types the driver leaves as text) decodes element text', () => {
    const a = pgTable('lit', {
      ts: timestamp().array(),
      d: date({ mode: 'date' }).array(),
      n: numeric().array(),
      b: boolean().array(),
      j: jsonb().array(),
      iv: interval().array(),
    });
    assert.deepEqual(a.ts.mapFromDriverValue('{"2024-01-02 03:04:05",NULL}'), [new Date('2024-01-02T03:04:05Z'), null]);
    assert.deepEqual(a.d.mapFromDriverValue('{2024-01-02,2024-01-03}'), [
      new Date('2024-01-02T00:00:00Z'),
      new Date('2024-01-03T00:00:00Z'),
    ]);
    assert.deepEqual(a.n.mapFromDriverValue('{1.50,NaN,NULL}'), ['1.50', 'NaN', null]);
    assert.deepEqual(a.b.mapFromDriverValue('{t,f,NULL}'), [true, false, null]);
    assert.deepEqual(a.j.mapFromDriverValue('{"{\\"a\\": 1}","[1, 2]"}'), [{ a: 1 }, [1, 2]]);
    assert.deepEqual(a.iv.mapFromDriverValue('{"1 day","02:00:00"}'), ['1 day', '02:00:00']);
  });

  test('element conversions on the way in: Dates, bigints, JSON, booleans, nested arrays', () => {
    const a = pgTable('enc', {
      ts: timestamp().array(),
      big: bigint({ mode: 'bigint' }).array(),
      j: jsonb().array(),
      b: boolean().array(),
      grid: text().array().array(),
    });
    assert.equal(a.ts.mapToDriverValue([new Date(0), null] as Date[]), '{"1970-01-01T00:00:00.000Z",NULL}');
    assert.equal(a.big.mapToDriverValue([1n, 9007199254740993n]), '{"1","9007199254740993"}');
    assert.equal(a.j.mapToDriverValue([{ a: 'x"y' }, null]), '{"{\\"a\\":\\"x\\\\\\"y\\"}",NULL}');
    assert.deepEqual(a.j.mapFromDriverValue(a.j.mapToDriverValue([{ a: 'x"y' }, null])), [{ a: 'x"y' }, null]);
    assert.equal(a.b.mapToDriverValue([true, false]), '{true,false}');
    assert.equal(
      a.grid.mapToDriverValue([
        ['a', 'b'],
        ['c', null],
      ] as string[][]),
      '{{"a","b"},{"c",NULL}}',
    );
    assert.deepEqual(a.grid.mapFromDriverValue('{{a,b},{c,NULL}}'), [
      ['a', 'b'],
      ['c', null],
    ]);
  });

  test('makePgArray / parsePgArray', () => {
    assert.equal(makePgArray([1, 2.5, -3n, true, undefined]), '{1,2.5,-3,true,NULL}');
    assert.deepEqual(parsePgArray('{}'), []);
    assert.deepEqual(parsePgArray('{a,"b c",NULL,null,"NULL"}'), ['a', 'b c', null, null, 'NULL']);
    assert.deepEqual(parsePgArray('{"a\\\\b","q\\"q"}'), ['a\\b', 'q"q']);
    assert.deepEqual(parsePgArray('{{1,2},{3,4}}'), [
      ['1', '2'],
      ['3', '4'],
    ]);
    assert.deepEqual(parsePgArray('[0:1]={x,y}'), ['x', 'y']);
    assert.deepEqual(parsePgArray('{""}'), ['']);
  });
});

describe('custom types', () => {
  test('toDriver / fromDriver and the custom codec', () => {
    const point = customType<{ data: [number, number]; driverData: string }>({
      dataType: () => 'point',
      toDriver: ([x, y]) => `(${x},${y})`,
      fromDriver: (v) => v.slice(1, -1).split(',').map(Number) as [number, number],
    });
    const p = pgTable('p', { at: point().notNull() });
    assert.equal(p.at.codec, Codec.custom);
    assert.equal(p.at.getSQLType(), 'point');
    assert.equal(p.at.mapToDriverValue([1, 2]), '(1,2)');
    assert.deepEqual(p.at.mapFromDriverValue('(3,4)'), [3, 4]);
  });
});

// ----------------------------------------------------------- table config

describe('tables, schemas, indexes and constraints', () => {
  const users = pgTable('users', { id: serial().primaryKey(), name: text().notNull() });
  const posts = pgTable(
    'posts',
    {
      id: integer().generatedAlwaysAsIdentity(),
      authorId: integer('author_id').references(() => users.id, { onDelete: 'cascade' }),
      title: text().notNull(),
      slug: text(),
    },
    (p) => [
      index('posts_title_idx').on(p.title.desc().nullsFirst(), p.slug),
      uniqueIndex('posts_slug_idx')
        .using('btree', p.slug.op('text_pattern_ops'))
        .where(sql`${p.slug} is not null`)
        .concurrently()
        .with({ fillfactor: 70 }),
      index().onOnly(p.authorId),
      unique('posts_author_title').on(p.authorId, p.title).nullsNotDistinct(),
      check('title_not_empty', sql`${p.title} <> ''`),
      foreignKey({ columns: [p.authorId], foreignColumns: [users.id], name: 'posts_author_fk' }).onUpdate('cascade'),
      primaryKey({ columns: [p.id, p.title] }),
    ],
  );

  test('getTableConfig', () => {
    const c = getTableConfig(posts);
    assert.equal(c.name, 'posts');
    assert.equal(c.schema, undefined);
    assert.equal(c.columns.length, 4);
    assert.equal(c.indexes.length, 3);
    const [byTitle, bySlug, byAuthor] = c.indexes;
    assert.equal(byTitle!.config.name, 'posts_title_idx');
    assert.equal(byTitle!.config.method, 'btree');
    const [title, slug] = byTitle!.config.columns as unknown as { name: string; indexConfig: unknown }[];
    assert.equal(title!.name, 'title');
    assert.deepEqual(title!.indexConfig, { order: 'desc', nulls: 'first', opClass: undefined });
    // the same column in another index keeps its own settings
    assert.deepEqual(slug!.indexConfig, { order: 'asc', nulls: 'last', opClass: undefined });
    assert.deepEqual((bySlug!.config.columns[0] as { indexConfig: unknown }).indexConfig, {
      order: 'asc',
      nulls: 'last',
      opClass: 'text_pattern_ops',
    });
    assert.equal(bySlug!.config.unique, true);
    assert.equal(bySlug!.config.concurrently, true);
    assert.deepEqual(bySlug!.config.with, { fillfactor: 70 });
    assert.ok(bySlug!.config.where);
    assert.equal(byAuthor!.config.only, true);
    assert.equal(byAuthor!.config.name, undefined);
    assert.equal(c.uniqueConstraints[0]!.getName(), 'posts_author_title');
    assert.equal(c.uniqueConstraints[0]!.nullsNotDistinct, true);
    assert.equal(c.checks[0]!.name, 'title_not_empty');
    assert.deepEqual(
      c.foreignKeys.map((f) => f.getName()),
      ['posts_author_id_users_id_fk', 'posts_author_fk'],
    );
    assert.equal(c.foreignKeys[0]!.onDelete, 'cascade');
    assert.equal(c.primaryKeys[0]!.getName(), 'posts_id_title_pk');
    assert.strictEqual(getTableConfig(posts), c);
  });

  test('pgSchema: tables and enums in a schema; public is refused', () => {
    const billing = pgSchema('billing');
    assert.equal(isPgSchema(billing), true);
    const currency = billing.enum('currency', ['eur', 'usd']);
    assert.equal(currency.schema, 'billing');
    const invoices = billing.table('invoices', { id: serial().primaryKey(), currency: currency() });
    assert.equal(getTableConfig(invoices).schema, 'billing');
    assert.throws(
      () => pgSchema('public'),
      (e: unknown) => e instanceof MizzleError && e.kind === 'invalid',
    );
  });

  test('pgTableCreator renames the SQL table', () => {
    const make = pgTableCreator((n) => `app_${n}`);
    const things = make('things', { id: serial() });
    assert.equal(getTableConfig(things).name, 'app_things');
  });

  test('the callback form of pgTable', () => {
    const cb = pgTable('cb', (c) => ({ id: c.serial().primaryKey(), at: c.timestamp({ mode: 'string' }) }));
    assert.equal(cb.at.codec, Codec.temporalText);
  });
});

// ----------------------------------------------------------- queries

interface StubSession extends Session<'async', { rowCount: number }> {
  readonly sent: BoundQuery[];
  rows: unknown[][];
}

function stub(dialect: Dialect = Dialect.postgres): StubSession {
  const s: StubSession = {
    mode: 'async',
    dialect,
    engine: Engine.of(loadEngine()),
    sent: [],
    rows: [],
    all: async (q) => {
      s.sent.push(q);
      return s.rows;
    },
    allObjects: async (q) => {
      s.sent.push(q);
      return [];
    },
    run: async (q) => {
      s.sent.push(q);
      return { rowCount: 0 };
    },
    atomic: async (qs) =>
      qs.map((q) => {
        s.sent.push(q);
        return q.kind === 'all' ? s.rows : { rowCount: 0 };
      }),
    transaction: (fn) => fn(s),
  };
  return s;
}

const auth = pgSchema('auth');
const users = pgTable('users', {
  id: serial().primaryKey(),
  name: text().notNull(),
  mood: mood(),
  tags: text().array(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  big: bigint({ mode: 'bigint' }),
  doc: jsonb(),
  born: date({ mode: 'date' }),
});
const accounts = auth.table('accounts', {
  id: uuid().primaryKey().defaultRandom(),
  userId: integer('user_id').notNull(),
  balance: numeric(),
});

describe('queries compiled for PostgreSQL', () => {
  const s = stub();
  const db = new PgDatabase(s);

  test('select with $n parameters, encoded through the column', () => {
    const at = new Date(Date.UTC(2024, 0, 1));
    assert.deepEqual(
      db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.mood, 'happy'), gt(users.createdAt, at), eq(users.big, 5n)))
        .toSQL(),
      {
        sql:
          'select "users"."id" from "users" ' +
          'where ("users"."mood" = $1 and "users"."created_at" > $2 and "users"."big" = $3)',
        params: ['happy', '2024-01-01T00:00:00.000Z', '5'],
      },
    );
  });

  test('schema-qualified tables', () => {
    assert.deepEqual(
      db
        .select()
        .from(accounts)
        .where(inArray(accounts.userId, [1, 2]))
        .limit(10)
        .offset(5)
        .toSQL(),
      {
        sql:
          'select "accounts"."id", "accounts"."user_id", "accounts"."balance" from "auth"."accounts" ' +
          'where "accounts"."user_id" in ($1, $2) limit $3 offset $4',
        params: [1, 2, 10, 5],
      },
    );
  });

  test('insert binds arrays as literals, Dates as ISO text, bigint and JSON as text', () => {
    const q = db
      .insert(users)
      .values({
        name: 'ann',
        tags: ['a', 'b"c', null] as string[],
        createdAt: new Date(0),
        big: 9007199254740993n,
        doc: { k: [1] },
        born: new Date(Date.UTC(2000, 1, 3)),
      })
      .returning({ id: users.id });
    const { sql: text, params } = q.toSQL();
    assert.match(text, /^insert into "users" \(.*\) values \(\$1, \$2, \$3, \$4, \$5, \$6\) returning "users"."id"$/);
    assert.deepEqual(params, [
      'ann',
      '{"a","b\\"c",NULL}',
      '1970-01-01T00:00:00.000Z',
      '9007199254740993',
      '{"k":[1]}',
      '2000-02-03T00:00:00.000Z',
    ]);
  });

  test('update and delete', () => {
    assert.deepEqual(db.update(users).set({ tags: [], doc: null }).where(eq(users.id, 3)).toSQL(), {
      sql: 'update "users" set "tags" = $1, "doc" = $2 where "users"."id" = $3',
      params: ['{}', null, 3],
    });
    assert.deepEqual(db.delete(users).where(eq(users.id, 3)).returning({ name: users.name }).toSQL(), {
      sql: 'delete from "users" where "users"."id" = $1 returning "users"."name"',
      params: [3],
    });
  });

  test('selectDistinctOn', () => {
    assert.deepEqual(
      db
        .selectDistinctOn([users.mood], { mood: users.mood, id: users.id })
        .from(users)
        .orderBy(users.mood, desc(users.id))
        .toSQL(),
      {
        sql:
          'select distinct on ("users"."mood") "users"."mood", "users"."id" from "users" ' +
          'order by "users"."mood" asc, "users"."id" desc',
        params: [],
      },
    );
    assert.equal(
      db
        .selectDistinctOn([users.mood, sql`lower(${users.name})`])
        .from(users)
        .toSQL().sql,
      'select distinct on ("users"."mood", lower("users"."name")) ' +
        '"users"."id", "users"."name", "users"."mood", "users"."tags", "users"."created_at", ' +
        '"users"."big", "users"."doc", "users"."born" from "users"',
    );
    const cte = db.$with('u').as(db.select({ id: users.id, mood: users.mood }).from(users));
    assert.equal(
      db.with(cte).selectDistinctOn([cte.mood], { id: cte.id }).from(cte).toSQL().sql,
      'with "u" as (select "users"."id", "users"."mood" from "users") ' +
        'select distinct on ("u"."mood") "u"."id" from "u"',
    );
  });

  test('lateral joins', () => {
    const latest = db
      .select({ id: accounts.id })
      .from(accounts)
      .where(eq(accounts.userId, users.id))
      .orderBy(asc(accounts.id))
      .limit(1)
      .as('acc');
    const sub =
      '(select "accounts"."id" from "auth"."accounts" where "accounts"."user_id" = "users"."id" ' +
      'order by "accounts"."id" asc limit $1) as "acc"';
    assert.deepEqual(
      db.select({ name: users.name, acc: latest.id }).from(users).leftJoinLateral(latest, sql`true`).toSQL(),
      {
        sql: `select "users"."name", "acc"."id" from "users" left join lateral ${sub} on true`,
        params: [1],
      },
    );
    assert.equal(
      db.select({ n: users.name }).from(users).innerJoinLateral(latest, sql`true`).toSQL().sql,
      `select "users"."name" from "users" inner join lateral ${sub} on true`,
    );
    assert.equal(
      db.select({ n: users.name }).from(users).crossJoinLateral(latest).toSQL().sql,
      `select "users"."name" from "users" cross join lateral ${sub}`,
    );
  });

  test('row locks', () => {
    const base = 'select "users"."id" from "users"';
    const q = () => db.select({ id: users.id }).from(users);
    assert.equal(q().for('update').toSQL().sql, `${base} for update`);
    assert.equal(q().for('no key update', { noWait: true }).toSQL().sql, `${base} for no key update nowait`);
    assert.equal(
      q().for('share', { of: users, skipLocked: true }).toSQL().sql,
      `${base} for share of "users" skip locked`,
    );
    const u2 = alias(users, 'u2');
    assert.equal(
      db
        .select({ id: users.id })
        .from(users)
        .innerJoin(u2, eq(u2.id, users.id))
        .for('key share', { of: [users, u2] })
        .toSQL().sql,
      'select "users"."id" from "users" inner join "users" as "u2" on "u2"."id" = "users"."id" ' +
        'for key share of "users", "u2"',
    );
    assert.equal(
      q().where(eq(users.id, 1)).limit(1).for('update').toSQL().sql,
      `${base} where "users"."id" = $1 limit $2 for update`,
    );
  });

  test('set operations, including intersect all and except all', () => {
    const a = () => db.select({ id: users.id }).from(users);
    const b = () => db.select({ id: accounts.userId }).from(accounts);
    const right = '(select "accounts"."user_id" from "auth"."accounts")';
    assert.equal(union(a(), b()).toSQL().sql, `select "users"."id" from "users" union ${right}`);
    assert.equal(unionAll(a(), b()).toSQL().sql, `select "users"."id" from "users" union all ${right}`);
    assert.equal(intersect(a(), b()).toSQL().sql, `select "users"."id" from "users" intersect ${right}`);
    assert.equal(intersectAll(a(), b()).toSQL().sql, `select "users"."id" from "users" intersect all ${right}`);
    assert.equal(except(a(), b()).toSQL().sql, `select "users"."id" from "users" except ${right}`);
    assert.equal(exceptAll(a(), b()).toSQL().sql, `select "users"."id" from "users" except all ${right}`);
    assert.equal(
      a().intersectAll(b()).exceptAll(b()).toSQL().sql,
      `(select "users"."id" from "users" intersect all ${right}) except all ${right}`,
    );
  });

  test('views', () => {
    const happy = pgView('happy_users').as((qb) =>
      qb.select({ id: users.id, name: users.name }).from(users).where(eq(users.mood, 'happy')),
    );
    assert.equal(isPgView(happy), true);
    assert.equal(isPgMaterializedView(happy), false);
    assert.equal(
      db.select().from(happy).toSQL().sql,
      'select "happy_users"."id", "happy_users"."name" from "happy_users"',
    );
    const legacy = auth.view('legacy', { id: integer().notNull() }).existing();
    assert.equal(getViewConfig(legacy)?.isExisting, true);
    assert.equal(db.select().from(legacy).toSQL().sql, 'select "legacy"."id" from "auth"."legacy"');
    const stats = pgMaterializedView('stats')
      .withNoData()
      .using('heap')
      .as((qb) => qb.select({ id: users.id }).from(users));
    assert.equal(isPgMaterializedView(stats), true);
    assert.equal(getViewConfig(stats)?.withNoData, true);
    assert.equal(getViewConfig(stats)?.using, 'heap');
  });

  test('placeholders of inserted values are encoded through the column when executed', async () => {
    s.sent.length = 0;
    s.rows = [];
    const prepared = db
      .insert(users)
      .values({ name: sql.placeholder('name'), createdAt: sql.placeholder('at'), tags: sql.placeholder('tags') })
      .prepare();
    await prepared.execute({ name: 'n', at: new Date(0), tags: ['x'] });
    assert.match(
      s.sent[0]!.sql,
      /^insert into "users" \(.*"name", "tags", "created_at".*\) values \(.*\$1, \$2, \$3.*\)$/,
    );
    assert.deepEqual(s.sent[0]!.params, ['n', '{"x"}', '1970-01-01T00:00:00.000Z']);
  });

  test('rows as the Neon driver hands them decode through the plan', async () => {
    s.rows = [[7, 'ann', 'happy', ['a', null], '2024-01-02 03:04:05.5+01', '9007199254740993', { k: 1 }, '2000-02-03']];
    const [row] = await db.select().from(users);
    assert.deepEqual(row, {
      id: 7,
      name: 'ann',
      mood: 'happy',
      tags: ['a', null],
      createdAt: new Date('2024-01-02T02:04:05.500Z'),
      big: 9007199254740993n,
      doc: { k: 1 },
      born: new Date('2000-02-03T00:00:00Z'),
    });
    s.rows = [[1, null, null, null, null, null, null, null]];
    const [nulls] = await db.select().from(users);
    assert.deepEqual(nulls, {
      id: 1,
      name: null,
      mood: null,
      tags: null,
      createdAt: null,
      big: null,
      doc: null,
      born: null,
    });
  });

  test('left-joined lateral subquery: a missing row is null', async () => {
    const latest = db
      .select({ id: accounts.id, balance: accounts.balance })
      .from(accounts)
      .where(eq(accounts.userId, users.id))
      .limit(1)
      .as('acc');
    s.rows = [
      [1, 'ann', null, null],
      [2, 'bob', 'u-1', '10.50'],
    ];
    const rows = await db
      .select({ id: users.id, name: users.name, acc: { id: latest.id, balance: latest.balance } })
      .from(users)
      .leftJoinLateral(latest, sql`true`);
    assert.deepEqual(rows, [
      { id: 1, name: 'ann', acc: null },
      { id: 2, name: 'bob', acc: { id: 'u-1', balance: '10.50' } },
    ]);
  });
});

describe('PostgreSQL-only constructs on SQLite are typed engine errors', () => {
  const db = new PgDatabase(stub(Dialect.sqlite));
  const unsupported = (f: () => unknown) =>
    assert.throws(f, (e: unknown) => e instanceof MizzleError && e.kind === 'unsupported');

  test('distinct on, lateral, for update, intersect all, except all', () => {
    const sq = db.select({ id: accounts.id }).from(accounts).as('sq');
    unsupported(() => db.selectDistinctOn([users.mood]).from(users).toSQL());
    unsupported(() => db.select().from(users).crossJoinLateral(sq).toSQL());
    unsupported(() => db.select().from(users).for('update').toSQL());
    unsupported(() =>
      intersectAll(db.select({ id: users.id }).from(users), db.select({ id: users.id }).from(users)).toSQL(),
    );
    unsupported(() =>
      exceptAll(db.select({ id: users.id }).from(users), db.select({ id: users.id }).from(users)).toSQL(),
    );
  });
});
