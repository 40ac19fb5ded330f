/**
 * Every builder takes `(name?, config?)` or just `(config?)`: drizzle lets the
 * SQL name be omitted, in which case the property key becomes the name. The
 * one copy for all three dialects (pg-core's and mysql-core's builders import
 * it from here); a file of its own because everything `columns/index.ts`
 * re-exports is public, and this is not.
 */

/**
 * Splits the optional leading name from the config.
 *
 * @example
 * nameAndConfig({ mode: 'json' }, undefined); // { name: '', config: { mode: 'json' } }
 */
export function nameAndConfig<TConfig>(
  a: string | TConfig | undefined,
  b: TConfig | undefined,
): { name: string; config: TConfig | undefined } {
  if (typeof a === 'string') return { name: a, config: b };
  return { name: '', config: a };
}
