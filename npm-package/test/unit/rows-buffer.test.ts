/**
 * The embedded database's rows buffer (wasm/README.md): positional and mapped
 * decoding, and where decoded blobs live (slabs for small ones).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeRows } from '../../src/sqlite-wasm/buffers.js';

/** A rows buffer as the engine writes it: column names, then tagged cells row by row. */
function rowsBuffer(columns: string[], rows: unknown[][]): Uint8Array {
  const bytes: number[] = [];
  const u32 = (n: number) => bytes.push(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24);
  const raw = (b: Uint8Array) => {
    u32(b.length);
    bytes.push(...b);
  };
  const f64 = (x: number) => bytes.push(...new Uint8Array(new Float64Array([x]).buffer));
  u32(columns.length);
  for (const c of columns) raw(new TextEncoder().encode(c));
  u32(rows.length);
  for (const row of rows) {
    for (const v of row) {
      if (v === null) bytes.push(0);
      else if (typeof v === 'number') {
        bytes.push(2);
        f64(v);
      } else if (typeof v === 'string') {
        bytes.push(3);
        raw(new TextEncoder().encode(v));
      } else if (v instanceof Uint8Array) {
        bytes.push(4);
        raw(v);
      } else if (typeof v === 'boolean') bytes.push(6, v ? 1 : 0);
      else throw new Error(`test helper: no tag for ${typeof v}`);
    }
  }
  return Uint8Array.from(bytes);
}

const bytesOf = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + seed) & 0xff);

describe('rows buffer', () => {
  const rows = [
    [1, 'ann', true, bytesOf(3, 1)],
    [2, 'ßø 🦀', false, null],
    [3, '', null, bytesOf(0, 0)],
  ];
  const buf = rowsBuffer(['id', 'name', 'ok', 'bin'], rows);

  test('positional rows: one fresh array per row', () => {
    const out = decodeRows(buf);
    assert.deepEqual(out.columns, ['id', 'name', 'ok', 'bin']);
    assert.deepEqual(out.rows, rows);
    assert.notEqual(out.rows[0], out.rows[1]);
  });

  test('mapped rows equal positional rows mapped, and the row array is reused', () => {
    const seen = new Set<readonly unknown[]>();
    const out = decodeRows(buf, (row) => {
      seen.add(row);
      return { id: row[0], name: row[1], ok: row[2], bin: row[3] };
    });
    assert.deepEqual(
      out.rows,
      rows.map((r) => ({ id: r[0], name: r[1], ok: r[2], bin: r[3] })),
    );
    assert.equal(seen.size, 1, 'one scratch array for all rows');
  });

  test('an error thrown by the mapper reaches the caller', () => {
    assert.throws(
      () =>
        decodeRows(buf, (row) => {
          if (row[0] === 2) throw new RangeError('bad row');
          return row[0];
        }),
      RangeError,
    );
  });
});

describe('decoded blobs', () => {
  test('small blobs are copies in shared slabs that never overlap', () => {
    const blobs = Array.from({ length: 600 }, (_, i) => bytesOf(1 + (i % 40), i));
    const buf = rowsBuffer(
      ['b'],
      blobs.map((b) => [b]),
    );
    const out = decodeRows(buf).rows.map((r) => r[0] as Uint8Array);
    assert.deepEqual(out, blobs);
    // Copies: the rows buffer can be reused by the caller without changing them.
    buf.fill(0xee);
    assert.deepEqual(out, blobs);
    // Slabs: far fewer buffers than blobs (600 blobs of 1..40 bytes fit in a few 8 KiB slabs),
    // and writing into one blob changes no other.
    const buffers = new Set(out.map((b) => b.buffer));
    assert.ok(buffers.size < 10, `${buffers.size} buffers for 600 small blobs`);
    for (const b of out) b.fill(0);
    out[7]!.fill(0xab);
    assert.ok(
      out.every((b, i) => i === 7 || b.every((x) => x === 0)),
      'a write to one blob is seen by no other',
    );
  });

  test('a blob over half a slab gets a buffer of its own', () => {
    const big = bytesOf(5000, 3);
    const small = bytesOf(10, 4);
    const out = decodeRows(rowsBuffer(['b'], [[small], [big], [small]])).rows.map((r) => r[0] as Uint8Array);
    assert.deepEqual(out, [small, big, small]);
    assert.equal(out[1]!.byteOffset, 0);
    assert.equal(out[1]!.buffer.byteLength, 5000);
    assert.equal(out[0]!.buffer, out[2]!.buffer, 'the small ones share a slab');
  });

  test('a blob that does not fit the rest of a slab starts a new one', () => {
    const blobs = [bytesOf(4000, 1), bytesOf(4000, 2), bytesOf(300, 3)];
    const out = decodeRows(
      rowsBuffer(
        ['b'],
        blobs.map((b) => [b]),
      ),
    ).rows.map((r) => r[0] as Uint8Array);
    assert.deepEqual(out, blobs);
    assert.equal(out[0]!.buffer, out[1]!.buffer);
    assert.notEqual(out[2]!.buffer, out[1]!.buffer);
    assert.equal(out[2]!.byteOffset, 0);
  });
});
