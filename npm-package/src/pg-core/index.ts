/**
 * `mizzle/pg-core`: the PostgreSQL schema API (tables, column builders,
 * indexes, constraints, aliases, views), the set-operation functions and the
 * lock types. Same file set as sqlite-core and mysql-core, plus what only
 * PostgreSQL has: schemas with enums and views (`schema.ts`), array literals
 * (`array.ts`) and drizzle's `PgDatabase` class (`database.ts`).
 */
export * from './alias.js';
export * from './array.js';
export * from './columns/index.js';
export * from './constraints.js';
export * from './database.js';
export * from './indexes.js';
export * from './schema.js';
export * from './table.js';
export * from './view.js';
export { union, unionAll, intersect, intersectAll, except, exceptAll } from '../query/set-ops.js';
export { withReplicas, type WithReplicas } from '../replicas.js';
export type { LockConfig, LockStrength } from '../query/select.js';
export type {
  AnyPgSelect,
  PgDelete,
  PgInsert,
  PgSelect,
  PgSelectDynamic,
  PgSelectQueryBuilder,
  PgUpdate,
} from '../query/dynamic.js';
export { PgDialect, QueryBuilder } from './query-builder.js';
