/**
 * The wasm engine as the rest of the package sees it, and how to get one.
 *
 * Four builds of `wasm/` (see ../../../wasm/builds.mjs), each carrying only the SQL dialect
 * its hosts need, each behind one loader per runtime:
 *
 * - `#wasm/engine` (`mizzle/wasm/engine`): build `engine`, SQLite, with `intern`, `compile`,
 *   `slots`; used by D1, Durable Objects and `toSQL()` of SQLite queries.
 * - `#wasm/engine-pg` (`mizzle/wasm/engine-pg`): build `engine-pg`, the same for PostgreSQL;
 *   used by `mizzle/neon-http`.
 * - `#wasm/inline` (`mizzle/wasm/inline`): build `inline`, MySQL, plus `interpolate`; used by
 *   `mizzle/planetscale`.
 * - `#wasm/embedded` (`mizzle/wasm/embedded`): build `embedded`, SQLite, plus `Database`
 *   (in-memory SQLite); used by `mizzle/sqlite-wasm`.
 *
 * Compiling for a dialect a build leaves out throws a `MizzleError` of kind `unsupported`.
 *
 * `package.json` `imports`/`exports` conditions pick the loader file: `workerd` ->
 * `*.workerd.js` (the `.wasm` is a module import: wrangler/esbuild keep it and workerd hands
 * back a compiled `WebAssembly.Module`), `browser` -> `*.browser.js` (`fetch` of
 * `new URL('…_bg.wasm', import.meta.url)`, which Vite and other bundlers rewrite to an
 * emitted asset), `node` -> `*.node.js` (`readFileSync` of that URL), `default` -> browser.
 * Inside the package import the `#wasm/...` specifiers, never a loader file directly, so
 * each host gets its own loader.
 *
 * Every engine loader exports the same two functions:
 * - `loadEngine(): EngineModule`: synchronous. Node and workerd instantiate on the first
 *   call. In a browser it throws a `MizzleError` unless `initEngine()` has resolved
 *   (browsers cannot fetch synchronously).
 * - `initEngine(input?): Promise<EngineModule>`: works everywhere; call it once before
 *   first use in code that may run in a browser. The browser loader accepts where to find
 *   the `.wasm` (URL, Response, bytes or a compiled Module) for hosts that serve it elsewhere.
 * Every embedded loader exports `loadEmbedded(input?): Promise<EmbeddedModule>` and
 * `loadEmbeddedSync(): EmbeddedModule` (same rules).
 *
 * Both calls are idempotent and return the same instance. Interned string ids belong to one
 * instance: keep one `Strings` table (../engine/strings.ts) per `EngineModule` object. A
 * `sqlite-wasm` database should compile with its own `EmbeddedModule` (it contains the
 * engine) rather than also loading the `engine` build.
 */
import type * as EmbeddedGlue from '../../wasm/embedded/mizzle_embedded.js';
import type * as EngineGlue from '../../wasm/engine/mizzle_engine.js';
import type * as InlineGlue from '../../wasm/inline/mizzle_inline.js';
import type * as MigratorGlue from '../../wasm/migrator/mizzle_migrator.js';

/**
 * The engine's wasm-bindgen exports, as the generated glue declares them:
 * `intern(joined)` appends strings (joined by NUL, in id order) to this
 * instance's intern table, `forget_strings()` empties it; `compile(dialect, ops)` compiles one shape to its
 * SQL (throws a `MizzleError`); `slots()` gives the last compiled shape's
 * `[n_params, params..., offsets..., plan...]` (wasm/README.md, "The crossing").
 */
export type EngineModule = Pick<typeof EngineGlue, 'intern' | 'compile' | 'slots' | 'forget_strings'>;

/** The `inline` build: the engine plus `interpolate` (wasm/README.md, "interpolate"), for PlanetScale. */
export type InlineModule = EngineModule & Pick<typeof InlineGlue, 'interpolate'>;

/**
 * The migrations planner (`migrationsSetup`, `migrationsPlan`), loaded only by `migrate()`: the `migrator` build
 * (`#wasm/migrator`, every dialect, with the differ) or `migrator-sqlite` (`#wasm/migrator-sqlite`, the SQLite
 * hosts). `migrationsSetup` gives the tracking table's SQL, `migrationsPlan` what to run (throws a `MizzleError`
 * of kind `migration_folder`, `migration_missing`, `migration_changed` or `migration_squashed`). Its request and
 * plan types are declared once, in wasm/src/migrations.rs.
 */
export type MigratorModule = Pick<typeof MigratorGlue, 'migrationsSetup' | 'migrationsPlan'>;

/** `mizzle-kit squash`'s part of the `migrator` build: the header of a baseline (read back by `migrationsPlan`). */
export type SquashModule = Pick<typeof MigratorGlue, 'squashHeader'>;

/**
 * The schema differ (`schemaDiff`, introspection, `schemaSnapshot`): in the `migrator` build for `mizzle-kit`,
 * and alone in `differ-sqlite` (`#wasm/differ-sqlite`) for `push()`. Types declared in wasm/src/schema_diff.rs.
 */
export type DifferModule = Pick<
  typeof MigratorGlue,
  'schemaDiff' | 'schemaIntrospection' | 'introspectedSnapshot' | 'schemaSnapshot' | 'snapshotInfo'
>;

export type {
  DeclaredColumn,
  DeclaredDefault,
  DeclaredIndexPart,
  DeclaredSchema,
  DeclaredTable,
  DeclaredView,
  DiffHints,
  MigrationFolder,
  MigrationPlan,
  MigrationRequest,
  MigrationSetup,
  PendingMigration,
  SchemaDiff,
  SchemaDiffRequest,
  SnapshotInfo,
} from '../../wasm/migrator/mizzle_migrator.js';

/** The embedded SQLite database class of the `embedded` build (wasm/README.md). */
export type Database = EmbeddedGlue.Database;

/** The `embedded` build: the engine plus `Database`. */
export type EmbeddedModule = EngineModule & Pick<typeof EmbeddedGlue, 'Database'>;

/** Where a browser loader finds the `.wasm` when not next to the glue. */
export type WasmSource = URL | string | Response | BufferSource | WebAssembly.Module;
