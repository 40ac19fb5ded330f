/**
 * `mizzle/relations` (drizzle-orm/relations): declaring relations for
 * relational queries. The same names as the root export.
 */
export { relations, Relations, One, Many } from '../relations.js';
export type { OneConfig, RelationHelpers } from '../relations.js';
