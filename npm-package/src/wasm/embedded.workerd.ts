/**
 * workerd loader of the `embedded` build (`#wasm/embedded` under the `workerd` condition);
 * the API is documented in ./types.ts. Workers normally use D1 or Durable Object storage;
 * this exists so `mizzle/sqlite-wasm` also runs there (the `.wasm` is a module import).
 */
import wasmModule from '../../wasm/embedded/mizzle_embedded_bg.wasm';
import * as glue from '../../wasm/embedded/mizzle_embedded.js';
import { syncLoader } from './instantiate.js';
import type { EmbeddedModule, WasmSource } from './types.js';

const loader = syncLoader<EmbeddedModule>(glue, () => wasmModule);

/** The module, instantiated on the first call. */
export const loadEmbeddedSync: () => EmbeddedModule = loader.load;

/** Same as `loadEmbeddedSync()`, for code shared with browsers (`_input` is the browser loader's). */
export const loadEmbedded: (_input?: WasmSource) => Promise<EmbeddedModule> = loader.init;
