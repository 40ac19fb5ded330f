/**
 * `mizzle/kit`: what a `mizzle.config.ts` / `drizzle.config.ts` imports, so a project that applies its
 * migrations with `mizzle-kit migrate` needs no drizzle-kit. The CLI itself is `bin.ts`.
 *
 * @example
 * import { defineConfig } from 'mizzle/kit';
 * export default defineConfig({
 *   dialect: 'postgresql',
 *   out: './drizzle',
 *   dbCredentials: { url: process.env.DATABASE_URL! },
 * });
 */
export {
  type Config,
  type D1HttpCredentials,
  defineConfig,
  type HostCredentials,
  type KitDialect,
  type KitDriver,
  type UrlCredentials,
} from './config.js';

/** What drizzle-kit cannot read the same way from a mizzle schema (empty: safe to run drizzle-kit on it). */
export { kitUnreadable } from '../kit-render.js';
