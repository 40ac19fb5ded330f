/**
 * The config file `mizzle-kit` reads: drizzle-kit's `drizzle.config.ts` shape, so an existing file works
 * unchanged (with drizzle-kit's own `defineConfig`, or this one when the project drops drizzle-kit).
 * Fields `migrate` does not use (`schema`, `tablesFilter`, `breakpoints`...) are accepted and ignored.
 * No Node code here: `mizzle/kit` is imported by config files only, but bundlers may see it too.
 */

/** drizzle-kit's dialects; mizzle-kit applies `postgresql`, `mysql` and (not from Node yet) `sqlite`. */
export type KitDialect = 'postgresql' | 'mysql' | 'sqlite' | 'turso' | 'singlestore' | 'gel';

/** drizzle-kit's drivers, for the hosts a URL does not name. */
export type KitDriver = 'd1-http' | 'durable-sqlite' | 'expo' | 'aws-data-api' | 'pglite';

/** A connection URL: `postgresql://user:password@host/db`, `mysql://user:password@host`. */
export interface UrlCredentials {
  url: string;
  /**
   * mizzle only, PostgreSQL: the SQL-over-HTTP endpoint to send the URL's queries to (default: Neon's,
   * `https://api.<host minus its first label>/sql`). The `MIZZLE_NEON_ENDPOINT` variable does the same.
   */
  endpoint?: string;
}

/** drizzle-kit's host form; mizzle-kit turns it into a URL. */
export interface HostCredentials {
  host: string;
  port?: number;
  user?: string;
  password?: string;
  database: string;
  ssl?: unknown;
  endpoint?: string;
}

/** drizzle-kit's `d1-http` credentials (Cloudflare's HTTP API). */
export interface D1HttpCredentials {
  accountId: string;
  databaseId: string;
  token: string;
}

export interface Config {
  dialect: KitDialect;
  driver?: KitDriver;
  /** The migrations folder, relative to the working directory as in drizzle-kit (default `drizzle`). */
  out?: string;
  dbCredentials?: UrlCredentials | HostCredentials | D1HttpCredentials;
  /**
   * drizzle's tracking table: `table` (default `__drizzle_migrations`), `schema` (PostgreSQL, default `drizzle`).
   * mizzle only, `layout`: the folder layout `mizzle-kit generate` starts a new folder in (`0.31`, the default;
   * `1.0`; `wrangler`); an existing folder keeps its own.
   */
  migrations?: {
    table?: string;
    schema?: string;
    prefix?: 'index' | 'timestamp' | 'supabase' | 'unix' | 'none';
    layout?: '0.31' | '1.0' | 'wrangler';
  };
  schema?: string | string[];
  breakpoints?: boolean;
  tablesFilter?: string | string[];
  schemaFilter?: string | string[];
  extensionsFilters?: 'postgis'[];
  verbose?: boolean;
  strict?: boolean;
  casing?: 'camelCase' | 'snake_case';
  introspect?: { casing: 'camel' | 'preserve' };
  entities?: unknown;
}

/** drizzle-kit's `defineConfig`: the config itself, typed. */
export function defineConfig(config: Config): Config {
  return config;
}
