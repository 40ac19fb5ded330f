/**
 * The golden vectors of `tests/fixtures/protocol/*.json` through the HTTP
 * drivers' decoders (neon-http/values.ts, planetscale/values.ts): each Neon or
 * PlanetScale response body must decode to the vector's rows. The Rust codecs
 * read the same files (tests/rust/tests/protocol_vectors.rs), so both decoders answer
 * to one expectation; the cell vocabulary is in the fixtures' README.md. A cell
 * listed under `differences` for side `ts` must decode to its `got` instead
 * (reported as a diagnostic), so fixing a known difference fails here until
 * its mark is removed.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { decoderForOid } from '../../src/neon-http/values.js';
import { decodeRows, type PlanetScaleField } from '../../src/planetscale/values.js';

interface Difference {
  row: number;
  column: string;
  side: 'rust' | 'ts';
  got: unknown;
  why: string;
}

interface Vector {
  protocol: 'neon' | 'planetscale';
  body: Record<string, unknown>;
  columns: string[];
  rows: unknown[][];
  differences: Difference[];
}

/** The repository's `tests/fixtures/protocol`, found upwards from this file (it runs from dist-test/). */
function fixturesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'tests', 'fixtures', 'protocol');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('tests/fixtures/protocol not found above this test');
    dir = parent;
  }
}

/** Neon: each field's decoder by type OID, NULL as null (as neon-http/index.ts decodes rows). */
function decodeNeon(body: Record<string, unknown>): { names: string[]; rows: unknown[][] } {
  const fields = body.fields as { name: string; dataTypeID: number }[];
  const decoders = fields.map((f) => decoderForOid(f.dataTypeID));
  const rows = (body.rows as (string | null)[][]).map((row) =>
    row.map((v, i) => (v === null ? null : decoders[i]!(v))),
  );
  return { names: fields.map((f) => f.name), rows };
}

/** PlanetScale: the driver's own `decodeRows` over the result's fields and rows. */
function decodePlanetScale(body: Record<string, unknown>): { names: string[]; rows: unknown[][] } {
  const result = body.result as { fields?: (PlanetScaleField & { name: string })[]; rows?: never[] };
  const fields = result.fields ?? [];
  return { names: fields.map((f) => f.name), rows: decodeRows(fields, result.rows ?? []) };
}

function hex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

const TEMPORAL = ['date', 'time', 'timetz', 'timestamp', 'timestamptz', 'interval'];

/** Whether a decoded JS value is what the description says (README.md's vocabulary, JS side). */
function matches(value: unknown, want: unknown): boolean {
  if (want === null || typeof want === 'boolean' || typeof want === 'string') return value === want;
  if (typeof want === 'number') return typeof value === 'number' && Object.is(value, want);
  if (Array.isArray(want)) {
    return Array.isArray(value) && value.length === want.length && want.every((w, i) => matches(value[i], w));
  }
  const entries = Object.entries(want as object);
  if (entries.length !== 1) throw new Error(`bad cell description ${JSON.stringify(want)}`);
  const [key, arg] = entries[0]!;
  switch (key) {
    // 64-bit integers and decimals stay text: the column's mode makes them number, bigint or string.
    case 'int64':
    case 'numeric':
      return value === arg;
    case 'float':
      return typeof value === 'number' && Object.is(value, Number(arg));
    case 'bytes':
      return value instanceof Uint8Array && hex(value) === arg;
    case 'json':
      try {
        assert.deepStrictEqual(value, arg);
        return true;
      } catch {
        return false;
      }
    default:
      // Dates and times stay the server's text (the column's mode makes a Date).
      if (TEMPORAL.includes(key)) return value === arg;
      throw new Error(`unknown cell description ${JSON.stringify(want)}`);
  }
}

/** A decoded value for a failure message (bytes as hex, bigints and NaN readable). */
function show(v: unknown): string {
  if (v instanceof Uint8Array) return `bytes ${hex(v)}`;
  return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' || Number.isNaN(x) ? String(x) : x)) ?? String(v);
}

describe('protocol golden vectors (tests/fixtures/protocol)', () => {
  const dir = fixturesDir();
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();

  test('the fixtures are there', () => {
    assert.ok(files.length >= 4, `expected the protocol fixtures in ${dir}, found ${files.length}`);
  });

  for (const file of files) {
    test(file, (t) => {
      const v = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Vector;
      const { names, rows } = v.protocol === 'neon' ? decodeNeon(v.body) : decodePlanetScale(v.body);
      assert.deepEqual(names, v.columns, 'column names');
      assert.equal(rows.length, v.rows.length, 'row count');
      rows.forEach((row, r) => {
        assert.equal(row.length, v.rows[r]!.length, `row ${r} width`);
        row.forEach((value, c) => {
          const column = v.columns[c]!;
          const want = v.rows[r]![c];
          const mark = v.differences.find((d) => d.side === 'ts' && d.row === r && d.column === column);
          if (mark) {
            assert.ok(
              matches(value, mark.got),
              `row ${r} ${column}: marked as a known TS difference decoding to ${JSON.stringify(mark.got)}, ` +
                `but decodes to ${show(value)} (expected ${JSON.stringify(want)}): update or remove the mark`,
            );
            t.diagnostic(`row ${r} ${column}: known difference (TS): ${mark.why}`);
          } else {
            assert.ok(
              matches(value, want),
              `row ${r} ${column}: decoded ${show(value)}, expected ${JSON.stringify(want)}`,
            );
          }
        });
      });
    });
  }
});
