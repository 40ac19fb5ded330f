/**
 * Node loader of the `engine` build (`#wasm/engine` under the `node` condition); the API is
 * documented in ./types.ts. Reads the `.wasm` next to the glue and instantiates it
 * synchronously on first use.
 */
/// <reference types="node" />
import { readFileSync } from 'node:fs';
import * as glue from '../../wasm/engine/mizzle_engine.js';
import type { EngineModule, WasmSource } from './types.js';

const wasmUrl = new URL('../../wasm/engine/mizzle_engine_bg.wasm', import.meta.url);
const engine: EngineModule = glue;
let ready = false;

/** The engine, instantiated on the first call. */
export function loadEngine(): EngineModule {
  if (!ready) {
    glue.initSync({ module: readFileSync(wasmUrl) });
    ready = true;
  }
  return engine;
}

/** Same as `loadEngine()`, for code shared with browsers (`_input` is the browser loader's). */
export async function initEngine(_input?: WasmSource): Promise<EngineModule> {
  return loadEngine();
}
