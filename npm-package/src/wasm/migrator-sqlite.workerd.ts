/**
 * workerd loader of the `migrator-sqlite` build (`#wasm/migrator-sqlite` under the `workerd` condition). The
 * `.wasm` is a module import, so instantiation is synchronous: a Durable Object's `migrate()` is.
 */
import wasmModule from '../../wasm/migrator-sqlite/mizzle_migrator_sqlite_bg.wasm';
// Named imports, not the namespace: a bundler can then drop the glue's async `init`.
import { initSync, migrationsPlan, migrationsSetup } from '../../wasm/migrator-sqlite/mizzle_migrator_sqlite.js';
import { syncLoader } from './instantiate.js';
import type { MigratorModule, WasmSource } from './types.js';

const loader = syncLoader<MigratorModule>({ initSync, migrationsPlan, migrationsSetup }, () => wasmModule);

/** The module, instantiated on the first call. */
export const loadMigrator: () => MigratorModule = loader.load;

/** Same as `loadMigrator()`, for code shared with browsers. */
export const initMigrator: (_input?: WasmSource) => Promise<MigratorModule> = loader.init;
