/**
 * `mizzle/sqlite-core`: the SQLite schema API (tables, column builders,
 * indexes, constraints, aliases, views), the set-operation functions and
 * drizzle's `BaseSQLiteDatabase` class (`database.ts`).
 * Queries are built by the shared builders and rendered for SQLite by the
 * engine. Same file set as pg-core and mysql-core.
 */
export * from './alias.js';
export * from './columns/index.js';
export * from './constraints.js';
export * from './database.js';
export * from './indexes.js';
export * from './table.js';
export * from './view.js';
/** drizzle's other name for `sqliteView`. */
export { sqliteView as view } from './view.js';
export { union, unionAll, intersect, except } from '../query/set-ops.js';
export { withReplicas, type WithReplicas } from '../replicas.js';
export type {
  AnySQLiteSelect,
  SQLiteDelete,
  SQLiteInsert,
  SQLiteSelect,
  SQLiteSelectDynamic,
  SQLiteSelectQueryBuilder,
  SQLiteUpdate,
} from '../query/dynamic.js';
export { QueryBuilder, SQLiteAsyncDialect, SQLiteDialect, SQLiteSyncDialect } from './query-builder.js';
