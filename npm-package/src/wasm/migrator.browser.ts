/**
 * Browser loader of the `migrator` build (`#wasm/migrator` under the `browser` and `default`
 * conditions). `initMigrator()` fetches the `.wasm` once (the browser migrators await it).
 */
import init, * as glue from '../../wasm/migrator/mizzle_migrator.js';
import { browserLoader } from './instantiate.js';
import type { DifferModule, MigratorModule, WasmSource } from './types.js';

type Full = MigratorModule & DifferModule;

const loader = browserLoader<Full>(
  glue,
  init,
  () => new URL('../../wasm/migrator/mizzle_migrator_bg.wasm', import.meta.url),
  'the mizzle migrator is not loaded yet: `await migrate(...)` loads it in a browser',
);

/** Instantiates the build once; `input` overrides where the `.wasm` comes from. */
export const initMigrator: (input?: WasmSource) => Promise<Full> = loader.init;

/** The module; in a browser only after `await initMigrator()`. */
export const loadMigrator: () => Full = loader.load;
