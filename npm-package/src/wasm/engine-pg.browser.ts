/**
 * Browser loader of the `engine-pg` build (`#wasm/engine-pg` under the `browser` and `default`
 * conditions); the API is documented in ./types.ts. `initEngine()` fetches the `.wasm`
 * once; Vite (and other bundlers that understand `new URL('…', import.meta.url)`) emit it
 * as an asset. `loadEngine()` is synchronous and only works after that promise resolved.
 */
import init, * as glue from '../../wasm/engine-pg/mizzle_engine_pg.js';
import { browserLoader } from './instantiate.js';
import type { EngineModule, WasmSource } from './types.js';

const loader = browserLoader<EngineModule>(
  glue,
  init,
  () => new URL('../../wasm/engine-pg/mizzle_engine_pg_bg.wasm', import.meta.url),
  "the mizzle engine is not loaded yet: `await initEngine()` (or the driver's async setup) " +
    'before building queries in a browser',
);

/** Instantiates the build once; `input` overrides where the `.wasm` comes from. */
export const initEngine: (input?: WasmSource) => Promise<EngineModule> = loader.init;

/** The module; in a browser only after `await initEngine()`. */
export const loadEngine: () => EngineModule = loader.load;
