/** `mizzle/casing` (drizzle-orm/casing): the name-casing helpers (`../casing.ts`). */
export { toCamelCase, toSnakeCase } from '../casing.js';
