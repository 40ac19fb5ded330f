/**
 * `mizzle/batch` (drizzle-orm/batch): the types of `db.batch([...])` as
 * drizzle names them. Types only, as drizzle's subpath.
 *
 * @example
 * const queries: BatchItem<'sqlite'>[] = [db.insert(users).values(a), db.delete(posts)];
 * const results: BatchResponse<typeof queries> = await db.batch(queries as [BatchItem, ...BatchItem[]]);
 */
import type { BatchResults } from '../query/database.js';
import type { Runnable } from '../query/statement.js';

/** One statement `db.batch` takes (the dialect is drizzle's parameter; every mizzle query runs on its own db). */
export type BatchItem<_TDialect extends 'sqlite' | 'pg' | 'mysql' | 'singlestore' | 'gel' = 'sqlite'> = Runnable;

/** What `db.batch(items)` resolves to: each item's result, in order. */
export type BatchResponse<T extends readonly BatchItem[]> = BatchResults<T>;
