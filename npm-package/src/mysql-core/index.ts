/**
 * `mizzle/mysql-core`: the MySQL schema API (tables, column builders,
 * indexes, constraints, aliases, set operations). Queries are built by the
 * shared builders and rendered for MySQL by the engine.
 */
export * from './alias.js';
export * from './columns/index.js';
export * from './constraints.js';
export * from './indexes.js';
export * from './table.js';
export * from './table-config.js';
export { union, unionAll, intersect, intersectAll, except, exceptAll } from '../query/set-ops.js';
export type { MySqlRunResult, ReturningIdRow } from '../query/insert.js';
