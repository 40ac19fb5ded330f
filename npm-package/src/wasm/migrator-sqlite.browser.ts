/**
 * Browser loader of the `migrator-sqlite` build (`#wasm/migrator-sqlite` under the `browser` and `default`
 * conditions). `initMigrator()` fetches the `.wasm` once (the browser migrators await it).
 */
import init, * as glue from '../../wasm/migrator-sqlite/mizzle_migrator_sqlite.js';
import { browserLoader } from './instantiate.js';
import type { MigratorModule, WasmSource } from './types.js';

const loader = browserLoader<MigratorModule>(
  glue,
  init,
  () => new URL('../../wasm/migrator-sqlite/mizzle_migrator_sqlite_bg.wasm', import.meta.url),
  'the mizzle migrator is not loaded yet: `await migrate(...)` loads it in a browser',
);

/** Instantiates the build once; `input` overrides where the `.wasm` comes from. */
export const initMigrator: (input?: WasmSource) => Promise<MigratorModule> = loader.init;

/** The module; in a browser only after `await initMigrator()`. */
export const loadMigrator: () => MigratorModule = loader.load;
