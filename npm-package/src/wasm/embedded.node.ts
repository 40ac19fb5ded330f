/**
 * Node loader of the `embedded` build (engine + in-memory SQLite; `#wasm/embedded` under
 * the `node` condition); the API is documented in ./types.ts.
 */
/// <reference types="node" />
import { readFileSync } from 'node:fs';
import * as glue from '../../wasm/embedded/mizzle_embedded.js';
import type { EmbeddedModule, WasmSource } from './types.js';

const wasmUrl = new URL('../../wasm/embedded/mizzle_embedded_bg.wasm', import.meta.url);
const embedded: EmbeddedModule = glue;
let ready = false;

/** The embedded build, instantiated on the first call. */
export function loadEmbeddedSync(): EmbeddedModule {
  if (!ready) {
    glue.initSync({ module: readFileSync(wasmUrl) });
    ready = true;
  }
  return embedded;
}

/** Same as `loadEmbeddedSync()`, for code shared with browsers (`_input` is the browser loader's). */
export async function loadEmbedded(_input?: WasmSource): Promise<EmbeddedModule> {
  return loadEmbeddedSync();
}
