/**
 * `mizzle/mysql-core`: the MySQL schema API (tables, schemas, column
 * builders, indexes, constraints, aliases, views) and the set-operation
 * functions. Queries are built by the shared builders and rendered for MySQL
 * by the engine. Same file set as sqlite-core and pg-core, plus `schema.ts`
 * (MySQL databases, as pg-core's schemas), and drizzle's `MySqlDatabase`
 * class (`database.ts`).
 */
export * from './alias.js';
export * from './columns/index.js';
export * from './constraints.js';
export * from './database.js';
export * from './indexes.js';
export type { IndexConfig, IndexForHint } from './index-hints.js';
export * from './schema.js';
export * from './table.js';
export * from './view.js';
export { union, unionAll, intersect, intersectAll, except, exceptAll } from '../query/set-ops.js';
export { withReplicas, type WithReplicas } from '../replicas.js';
export type { MySqlRunResult, ReturningIdRow } from '../query/insert.js';
export type {
  AnyMySqlSelect,
  MySqlDelete,
  MySqlInsert,
  MySqlSelect,
  MySqlSelectDynamic,
  MySqlSelectQueryBuilder,
  MySqlUpdate,
} from '../query/dynamic.js';
export { MySqlDialect, QueryBuilder } from './query-builder.js';
