/**
 * Node loader of the `embedded` build (engine + in-memory SQLite; `#wasm/embedded` under
 * the `node` condition); the API is documented in ./types.ts.
 */
/// <reference types="node" />
import { readFileSync } from 'node:fs';
import * as glue from '../../wasm/embedded/mizzle_embedded.js';
import { syncLoader } from './instantiate.js';
import type { EmbeddedModule, WasmSource } from './types.js';

const loader = syncLoader<EmbeddedModule>(glue, () =>
  readFileSync(new URL('../../wasm/embedded/mizzle_embedded_bg.wasm', import.meta.url)),
);

/** The module, instantiated on the first call. */
export const loadEmbeddedSync: () => EmbeddedModule = loader.load;

/** Same as `loadEmbeddedSync()`, for code shared with browsers (`_input` is the browser loader's). */
export const loadEmbedded: (_input?: WasmSource) => Promise<EmbeddedModule> = loader.init;
