/** `mizzle/logger` (drizzle-orm/logger): the logger classes (`../logger.ts`). */
export * from '../logger.js';
