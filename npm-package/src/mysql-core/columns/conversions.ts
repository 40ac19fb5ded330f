/**
 * JS -> driver conversions of the MySQL column types that have one (set as
 * the column's `toDriver` hook), and the one decoder that is not a codec.
 * The driver hands back MySQL text for dates, strings for 64-bit integers
 * and decimals, parsed JSON and bytes for binary strings (see the codecs).
 * Only mysql-core has this file because five of its column files share these
 * conversions; pg-core's few (`String`, `toISO`) sit in the
 * column file that uses them, and SQLite's driver needs none.
 */
import { toBytes } from '../../column-codec.js';

/**
 * A Date as drizzle writes it for `datetime` / `timestamp` in date mode: UTC,
 * `YYYY-MM-DD HH:MM:SS.mmm` whatever the column's fsp (MySQL rounds).
 *
 * @example
 * dateTimeText(new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6))); // '2024-01-02 03:04:05.006'
 */
export function dateTimeText(value: unknown): unknown {
  return value instanceof Date ? value.toISOString().slice(0, -1).replace('T', ' ') : value;
}

/**
 * A Date as a MySQL `date`: its UTC day, `YYYY-MM-DD` (reads back as UTC
 * midnight, codec `dateOnly`).
 *
 * @example
 * dateOnlyText(new Date('2024-01-02T23:00:00Z')); // '2024-01-02'
 */
export function dateOnlyText(value: unknown): unknown {
  return value instanceof Date ? value.toISOString().slice(0, 10) : value;
}

/**
 * 64-bit integers and decimals travel as decimal text, so no digit is lost.
 *
 * @example
 * decimalText(2n ** 64n); // '18446744073709551616'
 */
export function decimalText(value: unknown): unknown {
  return typeof value === 'bigint' || typeof value === 'number' ? String(value) : value;
}

const utf8 = new TextDecoder();

/**
 * `binary` / `varbinary` read as strings (drizzle's type): bytes are read as
 * UTF-8, as drizzle does with mysql2's Buffers.
 *
 * @example
 * binaryText(new Uint8Array([104, 105])); // 'hi'
 */
export function binaryText(value: unknown): unknown {
  return typeof value === 'string' ? value : utf8.decode(toBytes(value));
}
