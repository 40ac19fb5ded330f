/**
 * `mizzle/pg-core`: the PostgreSQL schema API (tables, schemas, enums,
 * column builders, indexes, constraints, aliases, views), the set-operation
 * functions and `PgDatabase` for drivers.
 */
export * from './alias.js';
export * from './array.js';
export * from './columns/index.js';
export * from './constraints.js';
export * from './database.js';
export * from './indexes.js';
export * from './schema.js';
export * from './table.js';
export * from './table-config.js';
export * from './unique-constraint.js';
export * from './view.js';
export { union, unionAll, intersect, intersectAll, except, exceptAll } from '../query/set-ops.js';
export type { LockConfig, LockStrength } from '../query/select.js';
