/**
 * `blob()`: SQLite BLOB as bytes (`buffer` mode -> Uint8Array, since Workers
 * and browsers have no Node Buffer), JSON text in a blob (`json`), or a
 * bigint kept as its decimal text in a blob (`bigint`).
 *
 * Drizzle 0.45 quirk kept on purpose: `blob()` without a mode is TYPED as the
 * json mode (`unknown`) but BEHAVES as the buffer mode.
 */
import { initialRuntimeConfig } from '../../column-builder.js';
import { Codec } from '../../column-codec.js';
import { SQLiteColumnBuilder } from './common.js';
import { nameAndConfig } from './name-and-config.js';

/** Type state of `blob({ mode: 'buffer' })`. */
export interface SQLiteBlobBufferConfig {
  dataType: 'buffer';
  columnType: 'SQLiteBlobBuffer';
  data: Uint8Array;
  driverParam: Uint8Array;
  enumValues: undefined;
}

/** Type state of `blob({ mode: 'json' })` (and of `blob()`, see the module note). */
export interface SQLiteBlobJsonConfig {
  dataType: 'json';
  columnType: 'SQLiteBlobJson';
  data: unknown;
  driverParam: Uint8Array;
  enumValues: undefined;
}

/** Type state of `blob({ mode: 'bigint' })`. */
export interface SQLiteBigIntConfig {
  dataType: 'bigint';
  columnType: 'SQLiteBigInt';
  data: bigint;
  driverParam: Uint8Array;
  enumValues: undefined;
}

/**
 * Builder of `blob()` in every mode.
 *
 * @example
 * blob('avatar', { mode: 'buffer' })
 */
export class SQLiteBlobBuilder<
  T extends SQLiteBlobBufferConfig | SQLiteBlobJsonConfig | SQLiteBigIntConfig = SQLiteBlobJsonConfig,
> extends SQLiteColumnBuilder<T> {}

/** The modes of `blob()`. */
export type BlobMode = 'buffer' | 'json' | 'bigint';

/**
 * The second argument of `blob()`.
 *
 * @example
 * blob({ mode: 'bigint' })
 */
export interface BlobConfig<TMode extends BlobMode = BlobMode> {
  mode: TMode;
}

/** The builder type `blob()` returns for a mode. */
export type SQLiteBlobBuilderFor<TMode extends BlobMode> = TMode extends 'buffer'
  ? SQLiteBlobBuilder<SQLiteBlobBufferConfig>
  : TMode extends 'bigint'
    ? SQLiteBlobBuilder<SQLiteBigIntConfig>
    : SQLiteBlobBuilder<SQLiteBlobJsonConfig>;

/**
 * A BLOB column.
 *
 * @example
 * const t = sqliteTable('t', {
 *   bytes: blob({ mode: 'buffer' }).notNull(),
 *   doc: blob({ mode: 'json' }).$type<{ v: number }>(),
 *   big: blob({ mode: 'bigint' }),
 * });
 */
export function blob(): SQLiteBlobBuilder<SQLiteBlobJsonConfig>;
export function blob<TMode extends BlobMode = 'json'>(config?: BlobConfig<TMode>): SQLiteBlobBuilderFor<TMode>;
export function blob<TMode extends BlobMode = 'json'>(
  name: string,
  config?: BlobConfig<TMode>,
): SQLiteBlobBuilderFor<TMode>;
export function blob(a?: string | BlobConfig, b?: BlobConfig): unknown {
  const { name, config } = nameAndConfig(a, b);
  switch (config?.mode) {
    case 'json':
      return new SQLiteBlobBuilder(initialRuntimeConfig(name, 'json', 'SQLiteBlobJson', Codec.jsonBlob, 'blob'));
    case 'bigint':
      return new SQLiteBlobBuilder(initialRuntimeConfig(name, 'bigint', 'SQLiteBigInt', Codec.bigint, 'blob'));
    default:
      return new SQLiteBlobBuilder(initialRuntimeConfig(name, 'buffer', 'SQLiteBlobBuffer', Codec.bytes, 'blob'));
  }
}
