/**
 * `mizzle`: the dialect-neutral API (drizzle-orm's root export).
 *
 * @example
 * import { eq, and, sql, count } from 'mizzle';
 */
export {
  sql,
  SQL,
  Param,
  Placeholder,
  Name,
  StringChunk,
  isSQLWrapper,
  param,
  placeholder,
  name,
  isDriverValueEncoder,
  noopDecoder,
  noopEncoder,
  noopMapper,
  fillPlaceholders,
  type SQLWrapper,
  type DriverDecoder,
  type Query,
} from './sql.js';
export {
  eq,
  ne,
  gt,
  gte,
  lt,
  lte,
  like,
  notLike,
  ilike,
  notIlike,
  inArray,
  notInArray,
  isNull,
  isNotNull,
  between,
  notBetween,
  exists,
  notExists,
  and,
  or,
  not,
  asc,
  desc,
  bindIfParam,
  arrayContains,
  arrayContained,
  arrayOverlaps,
} from './operators.js';
export { count, countDistinct, sum, sumDistinct, avg, avgDistinct, min, max } from './aggregates.js';
export {
  getTableColumns,
  getTableName,
  getTableUniqueName,
  isTable,
  type InferSelectModel,
  type InferInsertModel,
  Table,
} from './table.js';
export { Column, type AnyColumn, type GetColumnData } from './column.js';
export {
  DrizzleError,
  DrizzleQueryError,
  MizzleError,
  MizzleQueryError,
  TransactionRollbackError,
  type MizzleErrorKind,
} from './errors.js';
export { relations, Relations, One, Many } from './relations.js';
export { DefaultLogger, ConsoleLogWriter, NoopLogger, type Logger, type LogWriter } from './logger.js';
export { is, getViewName, aliasedTable, isView, getViewSelectedFields } from './entity.js';
export { View } from './view.js';
export { ColumnBuilder } from './column-builder.js';
export type { Subquery } from './query/result-types.js';
export type { WithSubquery } from './query/database.js';
export type { FindManyConfig, FindFirstConfig, FindResult, RelationalQueries } from './query/relational-types.js';
export { RelationalQuery, PreparedRelationalQuery } from './query/relational.js';
