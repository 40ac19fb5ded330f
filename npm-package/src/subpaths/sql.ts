/**
 * `mizzle/sql` (drizzle-orm/sql): the `sql` template with its chunk classes
 * and helpers, the operators, the aggregates and `getViewName`; the same
 * objects as the root export.
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
} from '../sql.js';
export * from '../operators.js';
export * from '../aggregates.js';
export { getViewName, isView, getViewSelectedFields } from '../entity.js';
export { View } from '../view.js';
