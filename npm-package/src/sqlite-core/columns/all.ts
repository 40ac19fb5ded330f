/**
 * The column builders handed to the callback form of `sqliteTable`.
 */
import { blob } from './blob.js';
import { customType } from './custom.js';
import { integer } from './integer.js';
import { numeric } from './numeric.js';
import { real } from './real.js';
import { text } from './text.js';

// Built once: the callback form is called once per table.
const builders = { blob, customType, integer, numeric, real, text };

/**
 * The builders object of `sqliteTable('t', (t) => ({ id: t.integer() }))`.
 *
 * @example
 * const { integer } = getSQLiteColumnBuilders();
 */
export function getSQLiteColumnBuilders(): SQLiteColumnBuilders {
  return builders;
}

/** The type of {@link getSQLiteColumnBuilders}'s result. */
export type SQLiteColumnBuilders = typeof builders;
