/**
 * drizzle's name-casing helpers (`drizzle-orm/casing`): the conversions its
 * `casing: 'snake_case' | 'camelCase'` option applies to column keys. Words
 * are runs of lower-case letters and digits, runs of capitals, or a capital
 * followed by lower-case letters; apostrophes are dropped.
 *
 * @example
 * toSnakeCase('createdAt'); // 'created_at'
 * toCamelCase('created_at'); // 'createdAt'
 */

function words(input: string): string[] {
  return input.replace(/['\u2019]/g, '').match(/[\da-z]+|[A-Z]+(?![a-z])|[A-Z][\da-z]+/g) ?? [];
}

/** `userId` -> `user_id`. */
export function toSnakeCase(input: string): string {
  return words(input)
    .map((w) => w.toLowerCase())
    .join('_');
}

/** `user_id` -> `userId`. */
export function toCamelCase(input: string): string {
  return words(input)
    .map((w, i) => (i === 0 ? w.toLowerCase() : `${w[0]!.toUpperCase()}${w.slice(1)}`))
    .join('');
}
