/** `mizzle/column` (drizzle-orm/column): the dialect-neutral `Column` class and its types. */
export { Column, type AnyColumn, type GetColumnData, type ColumnBaseConfig } from '../column.js';
