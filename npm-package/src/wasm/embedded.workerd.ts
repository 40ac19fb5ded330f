/**
 * workerd loader of the `embedded` build (`#wasm/embedded` under the `workerd` condition);
 * the API is documented in ./types.ts. Workers normally use D1 or Durable Object storage;
 * this exists so `mizzle/sqlite-wasm` also runs there (the `.wasm` is a module import).
 */
import wasmModule from '../../wasm/embedded/mizzle_embedded_bg.wasm';
import * as glue from '../../wasm/embedded/mizzle_embedded.js';
import type { EmbeddedModule, WasmSource } from './types.js';

const embedded: EmbeddedModule = glue;
let ready = false;

/** The embedded build, instantiated on the first call. */
export function loadEmbeddedSync(): EmbeddedModule {
  if (!ready) {
    glue.initSync({ module: wasmModule });
    ready = true;
  }
  return embedded;
}

/** Same as `loadEmbeddedSync()`, for code shared with browsers (`_input` is the browser loader's). */
export async function loadEmbedded(_input?: WasmSource): Promise<EmbeddedModule> {
  return loadEmbeddedSync();
}
