/**
 * Browser loader of the `embedded` build (engine + in-memory SQLite; `#wasm/embedded` under
 * the `browser` and `default` conditions); the API is documented in ./types.ts.
 */
import init, * as glue from '../../wasm/embedded/mizzle_embedded.js';
import { browserLoader } from './instantiate.js';
import type { EmbeddedModule, WasmSource } from './types.js';

const loader = browserLoader<EmbeddedModule>(
  glue,
  init,
  () => new URL('../../wasm/embedded/mizzle_embedded_bg.wasm', import.meta.url),
  "mizzle's embedded SQLite is not loaded yet: `await loadEmbedded()` first in a browser",
);

/** Instantiates the build once; `input` overrides where the `.wasm` comes from. */
export const loadEmbedded: (input?: WasmSource) => Promise<EmbeddedModule> = loader.init;

/** The module; in a browser only after `await loadEmbedded()`. */
export const loadEmbeddedSync: () => EmbeddedModule = loader.load;
