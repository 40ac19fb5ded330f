/**
 * `mizzle/table` (drizzle-orm/table): the dialect-neutral `Table` class, its
 * name helpers and the row types; the same objects as the root export.
 */
export {
  Table,
  getTableName,
  getTableUniqueName,
  getTableColumns,
  isTable,
  type InferSelectModel,
  type InferInsertModel,
  type TableConfig,
} from '../table.js';
