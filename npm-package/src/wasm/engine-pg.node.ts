/**
 * Node loader of the `engine-pg` build (`#wasm/engine-pg` under the `node` condition); the API is
 * documented in ./types.ts. Reads the `.wasm` next to the glue and instantiates it
 * synchronously on first use.
 */
/// <reference types="node" />
import { readFileSync } from 'node:fs';
import * as glue from '../../wasm/engine-pg/mizzle_engine_pg.js';
import { syncLoader } from './instantiate.js';
import type { EngineModule, WasmSource } from './types.js';

const loader = syncLoader<EngineModule>(glue, () =>
  readFileSync(new URL('../../wasm/engine-pg/mizzle_engine_pg_bg.wasm', import.meta.url)),
);

/** The module, instantiated on the first call. */
export const loadEngine: () => EngineModule = loader.load;

/** Same as `loadEngine()`, for code shared with browsers (`_input` is the browser loader's). */
export const initEngine: (_input?: WasmSource) => Promise<EngineModule> = loader.init;
