/**
 * JS <-> driver conversions of every column mode, and the data each built
 * column carries (codec, SQL type, flags).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Codec } from '../../src/column-codec.js';
import type { Column } from '../../src/column.js';
import { sql } from '../../src/sql.js';
import { blob, customType, int, integer, numeric, real, sqliteTable, text } from '../../src/sqlite-core/index.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

const t = sqliteTable('all_modes', {
  int: integer(),
  bool: integer({ mode: 'boolean' }),
  ts: integer({ mode: 'timestamp' }),
  tsMs: integer('ts_ms', { mode: 'timestamp_ms' }),
  txt: text(),
  role: text({ enum: ['a', 'b'] }),
  json: text({ mode: 'json' }),
  price: real(),
  num: numeric(),
  numNumber: numeric({ mode: 'number' }),
  numBig: numeric({ mode: 'bigint' }),
  bytes: blob({ mode: 'buffer' }),
  blobJson: blob({ mode: 'json' }),
  blobBig: blob({ mode: 'bigint' }),
  blobDefault: blob(),
});

/** Encodes then decodes, as a value written then read back would be. */
function roundTrip(column: Column, value: unknown): unknown {
  return column.mapFromDriverValue(column.mapToDriverValue(value as never));
}

describe('codec, SQL type and drizzle type tags per mode', () => {
  const cases: [Column, number, string, string, string][] = [
    [t.int, Codec.number, 'integer', 'number', 'SQLiteInteger'],
    [t.bool, Codec.boolean, 'integer', 'boolean', 'SQLiteBoolean'],
    [t.ts, Codec.timestamp, 'integer', 'date', 'SQLiteTimestamp'],
    [t.tsMs, Codec.timestampMs, 'integer', 'date', 'SQLiteTimestamp'],
    [t.txt, Codec.text, 'text', 'string', 'SQLiteText'],
    [t.role, Codec.text, 'text', 'string', 'SQLiteText'],
    [t.json, Codec.json, 'text', 'json', 'SQLiteTextJson'],
    [t.price, Codec.number, 'real', 'number', 'SQLiteReal'],
    [t.num, Codec.stringNumber, 'numeric', 'string', 'SQLiteNumeric'],
    [t.numNumber, Codec.number, 'numeric', 'number', 'SQLiteNumericNumber'],
    [t.numBig, Codec.bigint, 'numeric', 'bigint', 'SQLiteNumericBigInt'],
    [t.bytes, Codec.bytes, 'blob', 'buffer', 'SQLiteBlobBuffer'],
    [t.blobJson, Codec.jsonBlob, 'blob', 'json', 'SQLiteBlobJson'],
    [t.blobBig, Codec.bigint, 'blob', 'bigint', 'SQLiteBigInt'],
    [t.blobDefault, Codec.bytes, 'blob', 'buffer', 'SQLiteBlobBuffer'],
  ];
  for (const [column, codec, sqlType, dataType, columnType] of cases) {
    test(column.keyName, () => {
      assert.equal(column.codec, codec);
      assert.equal(column.sqlType, sqlType);
      assert.equal(column.getSQLType(), sqlType);
      assert.equal(column.dataType, dataType);
      assert.equal(column.columnType, columnType);
    });
  }
});

describe('integer modes', () => {
  test('number passes through, bigint from the driver becomes a number', () => {
    assert.equal(t.int.mapToDriverValue(42), 42);
    assert.equal(t.int.mapFromDriverValue(42), 42);
    assert.equal(t.int.mapFromDriverValue(7n), 7);
  });

  test('boolean stores 1/0 and reads any non-1 as false', () => {
    assert.equal(t.bool.mapToDriverValue(true), 1);
    assert.equal(t.bool.mapToDriverValue(false), 0);
    assert.equal(t.bool.mapFromDriverValue(1), true);
    assert.equal(t.bool.mapFromDriverValue(0), false);
    assert.equal(t.bool.mapFromDriverValue(2), false);
    assert.equal(t.bool.mapFromDriverValue(1n), true);
    // the embedded engine already decodes booleans
    assert.equal(t.bool.mapFromDriverValue(true), true);
  });

  test('timestamp stores floored Unix seconds', () => {
    const d = new Date(1_700_000_000_999);
    assert.equal(t.ts.mapToDriverValue(d), 1_700_000_000);
    assert.deepEqual(t.ts.mapFromDriverValue(1_700_000_000), new Date(1_700_000_000_000));
    assert.deepEqual(roundTrip(t.ts, d), new Date(1_700_000_000_000));
    assert.equal(t.ts.mapToDriverValue(new Date(-1500)), -2); // floor, not truncation
  });

  test('timestamp_ms stores Unix milliseconds', () => {
    const d = new Date(1_700_000_000_123);
    assert.equal(t.tsMs.mapToDriverValue(d), 1_700_000_000_123);
    assert.deepEqual(t.tsMs.mapFromDriverValue(1_700_000_000_123), d);
    assert.deepEqual(roundTrip(t.tsMs, d), d);
  });

  test('a Date decoded by the engine passes through', () => {
    const d = new Date(5000);
    assert.equal(t.ts.mapFromDriverValue(d), d);
    assert.equal(t.tsMs.mapFromDriverValue(d), d);
  });

  test('int is integer', () => {
    assert.equal(int, integer);
  });
});

describe('text modes', () => {
  test('plain and enum text pass strings through', () => {
    assert.equal(t.txt.mapToDriverValue('héllo'), 'héllo');
    assert.equal(t.txt.mapFromDriverValue('héllo'), 'héllo');
    assert.equal(t.role.mapFromDriverValue('a'), 'a');
    assert.deepEqual(t.role.enumValues, ['a', 'b']);
    assert.equal(t.txt.enumValues, undefined);
  });

  test('json stringifies and parses', () => {
    const v = { a: [1, 'x', null], b: { c: true } };
    assert.equal(t.json.mapToDriverValue(v), JSON.stringify(v));
    assert.deepEqual(t.json.mapFromDriverValue(JSON.stringify(v)), v);
    assert.deepEqual(roundTrip(t.json, 'just a string'), 'just a string');
    assert.deepEqual(roundTrip(t.json, [1, 2]), [1, 2]);
  });

  test('length is recorded', () => {
    const s = sqliteTable('s', { code: text({ length: 3 }), doc: text('doc', { mode: 'json', length: 9 }) });
    assert.equal(s.code.length, 3);
    assert.equal(s.doc.length, 9);
  });
});

describe('real and numeric modes', () => {
  test('real is a number', () => {
    assert.equal(t.price.mapToDriverValue(1.5), 1.5);
    assert.equal(t.price.mapFromDriverValue(1.5), 1.5);
  });

  test('numeric (string) keeps decimal text, stringifies driver numbers', () => {
    assert.equal(t.num.mapToDriverValue('12.50'), '12.50');
    assert.equal(t.num.mapFromDriverValue('12.50'), '12.50');
    assert.equal(t.num.mapFromDriverValue(12.5), '12.5');
  });

  test('numeric number binds text and reads numbers', () => {
    assert.equal(t.numNumber.mapToDriverValue(12.5), '12.5');
    assert.equal(t.numNumber.mapFromDriverValue(12.5), 12.5);
    assert.equal(t.numNumber.mapFromDriverValue('12.5'), 12.5);
  });

  test('numeric bigint binds every digit as text', () => {
    const big = 123456789012345678901234567890n;
    assert.equal(t.numBig.mapToDriverValue(big), '123456789012345678901234567890');
    assert.equal(t.numBig.mapFromDriverValue('123456789012345678901234567890'), big);
    assert.equal(t.numBig.mapFromDriverValue(42), 42n);
    assert.equal(roundTrip(t.numBig, -5n), -5n);
  });
});

describe('blob modes', () => {
  test('buffer passes Uint8Array through and normalises host shapes', () => {
    const bytes = new Uint8Array([0, 1, 255]);
    assert.equal(t.bytes.mapToDriverValue(bytes), bytes);
    assert.equal(t.bytes.mapFromDriverValue(bytes), bytes);
    // D1 hands blobs back as number[] or ArrayBuffer
    assert.deepEqual(t.bytes.mapFromDriverValue([0, 1, 255]), bytes);
    assert.deepEqual(t.bytes.mapFromDriverValue(bytes.buffer), bytes);
    // a Node Buffer is a Uint8Array and stays one
    const buf = Buffer.from([9, 8]);
    assert.ok(t.bytes.mapFromDriverValue(buf) instanceof Uint8Array);
  });

  test('blob() without a mode behaves as buffer', () => {
    const bytes = new Uint8Array([7]);
    assert.equal(t.blobDefault.mapToDriverValue(bytes), bytes);
    assert.equal(t.blobDefault.mapFromDriverValue(bytes), bytes);
  });

  test('json stores UTF-8 JSON bytes', () => {
    const v = { emoji: '😀', n: 1 };
    const encoded = t.blobJson.mapToDriverValue(v);
    assert.ok(encoded instanceof Uint8Array);
    assert.deepEqual(encoded, utf8(JSON.stringify(v)));
    assert.deepEqual(t.blobJson.mapFromDriverValue(encoded), v);
    assert.deepEqual(t.blobJson.mapFromDriverValue(Array.from(encoded as Uint8Array)), v);
    assert.deepEqual(t.blobJson.mapFromDriverValue(JSON.stringify(v)), v);
  });

  test('bigint stores the bytes of its decimal text', () => {
    const big = -98765432109876543210n;
    const encoded = t.blobBig.mapToDriverValue(big);
    assert.deepEqual(encoded, utf8('-98765432109876543210'));
    assert.equal(t.blobBig.mapFromDriverValue(encoded), big);
    assert.equal(t.blobBig.mapFromDriverValue('12'), 12n);
    assert.equal(t.blobBig.mapFromDriverValue(utf8('12').buffer), 12n);
    assert.equal(t.blobBig.mapFromDriverValue(Array.from(utf8('34'))), 34n);
  });
});

describe('null and undefined pass through every mode', () => {
  for (const [key, column] of Object.entries(t) as [string, Column][]) {
    test(key, () => {
      assert.equal(column.mapToDriverValue(null as never), null);
      assert.equal(column.mapFromDriverValue(null), null);
      assert.equal(column.mapToDriverValue(undefined as never), undefined);
      assert.equal(column.mapFromDriverValue(undefined), undefined);
    });
  }
});

describe('customType', () => {
  const csv = customType<{ data: string[]; driverData: string }>({
    dataType: () => 'text',
    toDriver: (v) => v.join(','),
    fromDriver: (v) => v.split(','),
  });
  const sized = customType<{ data: string; config: { size: number } }>({
    dataType: (config) => (config ? `varchar(${config.size})` : 'varchar'),
  });
  const c = sqliteTable('c', { tags: csv('tag_list').notNull(), code: sized({ size: 3 }), free: sized() });

  test('uses toDriver / fromDriver and codec custom', () => {
    assert.equal(c.tags.codec, Codec.custom);
    assert.equal(c.tags.columnType, 'SQLiteCustomColumn');
    assert.equal(c.tags.dataType, 'custom');
    assert.equal(c.tags.mapToDriverValue(['a', 'b']), 'a,b');
    assert.deepEqual(c.tags.mapFromDriverValue('a,b'), ['a', 'b']);
    assert.equal(c.tags.mapFromDriverValue(null), null);
  });

  test('SQL type comes from dataType(config)', () => {
    assert.equal(c.tags.sqlType, 'text');
    assert.equal(c.code.sqlType, 'varchar(3)');
    assert.equal(c.free.sqlType, 'varchar');
  });

  test('without conversions values pass through', () => {
    assert.equal(c.code.mapToDriverValue('abc'), 'abc');
    assert.equal(c.code.mapFromDriverValue('abc'), 'abc');
  });
});

describe('builder flags reach the column', () => {
  const other = sqliteTable('other', { id: integer().primaryKey() });
  const fn = () => 'x';
  const upd = () => new Date(0);
  const f = sqliteTable('flags', {
    id: integer().primaryKey({ autoIncrement: true }),
    code: text('code').primaryKey(),
    email: text().notNull().unique('email_uq'),
    plainUnique: text().unique(),
    withDefault: integer().default(5),
    sqlDefault: integer().default(sql`(1 + 1)`),
    withFn: text().$defaultFn(fn),
    withAlias: text().$default(fn),
    onUpdate: integer({ mode: 'timestamp' }).$onUpdate(upd),
    now: integer({ mode: 'timestamp_ms' }).defaultNow(),
    otherId: integer().references(() => other.id, { onDelete: 'cascade', onUpdate: 'restrict' }),
    gen: text().generatedAlwaysAs(sql`upper(code)`, { mode: 'stored' }),
    plain: text(),
  });

  test('integer primary key: primary, not null, has default, autoincrement', () => {
    assert.equal(f.id.primary, true);
    assert.equal(f.id.notNull, true);
    assert.equal(f.id.hasDefault, true);
    assert.equal(f.id.autoIncrement, true);
    assert.equal(other.id.autoIncrement, false);
    assert.equal(other.id.hasDefault, true);
  });

  test('text primary key has no default', () => {
    assert.equal(f.code.primary, true);
    assert.equal(f.code.notNull, true);
    assert.equal(f.code.hasDefault, false);
    assert.equal(f.code.autoIncrement, undefined);
  });

  test('unique', () => {
    assert.equal(f.email.isUnique, true);
    assert.equal(f.email.uniqueName, 'email_uq');
    assert.equal(f.email.notNull, true);
    assert.equal(f.plainUnique.isUnique, true);
    assert.equal(f.plainUnique.uniqueName, 'flags_plainUnique_unique'); // drizzle's default name (drizzle-kit reads it)
    assert.equal(f.plain.isUnique, false);
  });

  test('defaults', () => {
    assert.equal(f.withDefault.default, 5);
    assert.equal(f.withDefault.hasDefault, true);
    assert.ok(f.sqlDefault.default && typeof (f.sqlDefault.default as { getSQL?: unknown }).getSQL === 'function');
    assert.equal(f.withFn.defaultFn, fn);
    assert.equal(f.withFn.hasDefault, true);
    assert.equal(f.withAlias.defaultFn, fn);
    assert.equal(f.onUpdate.onUpdateFn, upd);
    assert.equal(f.onUpdate.hasDefault, true);
    assert.equal(f.onUpdate.defaultFn, undefined);
    assert.ok(f.now.default !== undefined);
    assert.equal(f.plain.hasDefault, false);
    assert.equal(f.plain.default, undefined);
    assert.equal(f.plain.notNull, false);
    assert.equal(f.plain.primary, false);
  });

  test('references keep the thunk and actions', () => {
    assert.equal(f.otherId.references.length, 1);
    const [ref] = f.otherId.references;
    assert.equal(ref?.ref(), other.id);
    assert.equal(ref?.onDelete, 'cascade');
    assert.equal(ref?.onUpdate, 'restrict');
    assert.deepEqual(f.plain.references, []);
  });

  test('generated column', () => {
    assert.equal(f.gen.generated?.type, 'always');
    assert.equal(f.gen.generated?.mode, 'stored');
    assert.equal(f.gen.hasDefault, true);
  });

  test('a column is a SQL wrapper around itself', () => {
    assert.deepEqual(f.email.getSQL().queryChunks, [f.email]);
  });
});
