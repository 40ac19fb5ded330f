/**
 * Browser loader of the `differ-sqlite` build (`#wasm/differ-sqlite` under the `browser` and `default`
 * conditions). `initDiffer()` fetches the `.wasm` once (`push()` awaits it).
 */
import init, * as glue from '../../wasm/differ-sqlite/mizzle_differ_sqlite.js';
import { browserLoader } from './instantiate.js';
import type { DifferModule, WasmSource } from './types.js';

const loader = browserLoader<DifferModule>(
  glue,
  init,
  () => new URL('../../wasm/differ-sqlite/mizzle_differ_sqlite_bg.wasm', import.meta.url),
  'the mizzle schema differ is not loaded yet: `await push(...)` loads it in a browser',
);

/** Instantiates the build once; `input` overrides where the `.wasm` comes from. */
export const initDiffer: (input?: WasmSource) => Promise<DifferModule> = loader.init;

/** The module; in a browser only after `await initDiffer()`. */
export const loadDiffer: () => DifferModule = loader.load;
