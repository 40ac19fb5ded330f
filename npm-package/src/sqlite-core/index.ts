/**
 * `mizzle/sqlite-core`: the SQLite schema API (tables, column builders,
 * indexes, constraints, aliases). Query builders add their exports here.
 */
export * from './alias.js';
export * from './checks.js';
export * from './columns/index.js';
export * from './foreign-keys.js';
export * from './indexes.js';
export * from './primary-keys.js';
export * from './table.js';
export * from './table-config.js';
export * from './unique-constraint.js';
export { union, unionAll, intersect, except } from '../query/set-ops.js';
export { sqliteView, type SQLiteView } from './view.js';
