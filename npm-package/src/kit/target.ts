/**
 * The config, checked, as what `migrate` connects to. mizzle reaches PostgreSQL and MySQL from Node
 * over HTTP only for now (Neon's SQL-over-HTTP and PlanetScale's API: the drivers mizzle has), so a
 * URL that names neither is refused here, with what to do instead, rather than failing on a
 * request sent to a host that does not speak it.
 */
/// <reference types="node" />
import { resolve } from 'node:path';
import type { MigrationOptions } from '../migrator/config.js';
import { KitError } from './errors.js';

export type Target =
  | { dialect: 'postgresql'; url: string; endpoint?: string; folder: string; options: MigrationOptions }
  | { dialect: 'mysql'; url: string; folder: string; options: MigrationOptions };

/** Where Neon's and PlanetScale's own hosts live (their URLs need no endpoint). */
const NEON_HOST = /\.neon\.(tech|build)$/i;
const PLANETSCALE_HOST = /\.psdb\.cloud$/i;

export function targetOf(raw: unknown, env: Record<string, string | undefined>, cwd: string): Target {
  const c = raw as Record<string, unknown>;
  const dialect = c.dialect;
  if (typeof dialect !== 'string') {
    throw new KitError('config', "the config has no 'dialect' (postgresql, mysql or sqlite)");
  }
  const out = c.out ?? 'drizzle';
  if (typeof out !== 'string') throw new KitError('config', "'out' must be a folder path");
  const m = (c.migrations ?? {}) as Record<string, unknown>;
  for (const k of ['table', 'schema'] as const) {
    if (m[k] !== undefined && typeof m[k] !== 'string') throw new KitError('config', `'migrations.${k}' must be text`);
  }
  // As drizzle-kit: `out` is relative to the working directory, not to the config file.
  const folder = resolve(cwd, out);
  const options: MigrationOptions = { migrationsTable: m.table as string | undefined };
  const driver = c.driver;
  const creds = c.dbCredentials as Record<string, unknown> | undefined;
  switch (dialect) {
    case 'postgresql': {
      if (driver !== undefined) throw unsupportedDriver(dialect, driver);
      const url = urlOf(creds, 'postgresql');
      const endpoint = (creds?.endpoint as string | undefined) ?? env.MIZZLE_NEON_ENDPOINT;
      if (!endpoint && !NEON_HOST.test(hostOf(url))) {
        throw new KitError(
          'unsupported',
          `${hostOf(url)} is not a Neon host: mizzle-kit reaches PostgreSQL through Neon's SQL-over-HTTP API ` +
            'only for now (plain TCP connections come later). Point dbCredentials.endpoint or MIZZLE_NEON_ENDPOINT ' +
            'at a Neon-compatible endpoint (e.g. a local Neon proxy), or apply this folder with drizzle-kit migrate',
        );
      }
      return { dialect, url, endpoint, folder, options: { ...options, migrationsSchema: m.schema as string } };
    }
    case 'mysql': {
      if (driver !== undefined) throw unsupportedDriver(dialect, driver);
      const url = urlOf(creds, 'mysql');
      const http = /^https?:/i.test(url);
      if (!http && !PLANETSCALE_HOST.test(hostOf(url))) {
        throw new KitError(
          'unsupported',
          `${hostOf(url)} is not a PlanetScale host (*.psdb.cloud): mizzle-kit reaches MySQL through ` +
            "PlanetScale's HTTP API only for now (plain TCP connections come later). An http(s):// url is taken as " +
            'a PlanetScale-compatible endpoint; or apply this folder with drizzle-kit migrate',
        );
      }
      // drizzle-orm ignores migrationsSchema on MySQL (the table lives in the connection's database): so do we.
      return { dialect, url, folder, options };
    }
    case 'sqlite':
      throw sqliteUnsupported(driver, creds);
    case 'turso':
    case 'singlestore':
    case 'gel':
      throw new KitError('unsupported', `mizzle has no ${dialect} driver: mizzle-kit cannot apply migrations to it`);
    default:
      throw new KitError('config', `unknown dialect "${dialect}" (postgresql, mysql or sqlite)`);
  }
}

function sqliteUnsupported(driver: unknown, creds: Record<string, unknown> | undefined): KitError {
  if (driver === 'd1-http') {
    return new KitError(
      'unsupported',
      "D1 over Cloudflare's HTTP API (driver d1-http) is not supported by mizzle-kit yet: apply the folder with " +
        'wrangler d1 migrations apply or drizzle-kit migrate, or call mizzle/d1/migrator from a Worker or from ' +
        "wrangler's getPlatformProxy()",
    );
  }
  if (driver === 'durable-sqlite' || driver === 'expo') {
    return new KitError(
      'unsupported',
      `a ${driver} database is not reachable from Node: bundle the folder (drizzle-kit writes migrations.js) and ` +
        `apply it at startup with mizzle/${driver === 'expo' ? 'sqlite-wasm' : 'durable-sqlite'}/migrator`,
    );
  }
  if (driver !== undefined) return unsupportedDriver('sqlite', driver);
  const where = typeof creds?.url === 'string' ? ` (${creds.url})` : '';
  return new KitError(
    'unsupported',
    `mizzle's embedded SQLite (mizzle/sqlite-wasm) is in-memory only: it cannot open a database file${where}. ` +
      'Apply the folder with drizzle-kit migrate, or with mizzle/sqlite-wasm/migrator on the in-memory database',
  );
}

function unsupportedDriver(dialect: string, driver: unknown): KitError {
  return new KitError('unsupported', `driver "${String(driver)}" (${dialect}) is not supported by mizzle-kit`);
}

/** `dbCredentials.url`, or drizzle-kit's host form written as one. */
function urlOf(creds: Record<string, unknown> | undefined, scheme: 'postgresql' | 'mysql'): string {
  if (!creds || typeof creds !== 'object') throw new KitError('config', "the config has no 'dbCredentials'");
  if (typeof creds.url === 'string') {
    hostOf(creds.url);
    return creds.url;
  }
  if (typeof creds.url !== 'undefined') throw new KitError('config', "'dbCredentials.url' must be text");
  if (typeof creds.host !== 'string') {
    throw new KitError('config', "'dbCredentials' needs a 'url' or drizzle-kit's { host, user, password, database }");
  }
  const enc = (v: unknown) => encodeURIComponent(String(v ?? ''));
  const auth = creds.user === undefined ? '' : `${enc(creds.user)}${creds.password ? `:${enc(creds.password)}` : ''}@`;
  const port = creds.port === undefined ? '' : `:${creds.port}`;
  const db = creds.database === undefined ? '' : `/${enc(creds.database)}`;
  return `${scheme}://${auth}${creds.host}${port}${db}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch (cause) {
    throw new KitError('config', "'dbCredentials.url' is not a URL", { cause });
  }
}
