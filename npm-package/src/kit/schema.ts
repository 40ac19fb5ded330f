/**
 * `mizzle/kit/schema`: a schema module read into the engine's declared-schema format, what `mizzle-kit generate`
 * diffs. Its own entry (not `mizzle/kit`): it carries every dialect's DSL, which a config file or an app's
 * `mizzle` import must not load. The CLI imports it from the same Node bundle as the schema (bin.ts).
 */
import { type DeclaredCasing, type DeclaredDialect, declaredWith } from '../migrator/declared.js';
import { mysqlDsl } from '../migrator/dsl-mysql.js';
import { pgDsl } from '../migrator/dsl-pg.js';
import { sqliteDsl } from '../migrator/dsl-sqlite.js';
import type { DeclaredSchema } from '../wasm/types.js';

export type { DeclaredCasing, DeclaredDialect } from '../migrator/declared.js';

const DSLS = { sqlite: sqliteDsl, postgresql: pgDsl, mysql: mysqlDsl };

/**
 * The declared schema of `schema` (a module's exports) for `dialect`.
 *
 * @example
 * const declared = declaredSchema(await import('./schema.ts'), 'postgresql');
 */
export function declaredSchema(
  schema: Record<string, unknown>,
  dialect: DeclaredDialect,
  casing?: DeclaredCasing,
): DeclaredSchema {
  return declaredWith(schema, DSLS[dialect], casing);
}
