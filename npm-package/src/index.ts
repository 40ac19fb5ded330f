/**
 * `mizzle`: the dialect-neutral API (drizzle-orm's root export).
 *
 * @example
 * import { eq, and, sql, count } from 'mizzle';
 */
export { sql, SQL, Param, Placeholder, isSQLWrapper, type SQLWrapper } from './sql.js';
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
} from './operators.js';
export { count, countDistinct, sum, sumDistinct, avg, avgDistinct, min, max } from './aggregates.js';
export { getTableColumns, getTableName, type InferSelectModel, type InferInsertModel, Table } from './table.js';
export { Column } from './column.js';
export { MizzleError, MizzleQueryError, TransactionRollbackError } from './errors.js';
export { relations, Relations, One, Many } from './relations.js';
export { DefaultLogger, type Logger } from './driver.js';
export type { FindManyConfig, FindFirstConfig, FindResult, RelationalQueries } from './query/relational-types.js';
export { RelationalQuery, PreparedRelationalQuery } from './query/relational.js';
