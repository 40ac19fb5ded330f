/**
 * Browser loader of the `engine` build (`#wasm/engine` under the `browser` and `default`
 * conditions); the API is documented in ./types.ts. `initEngine()` fetches the `.wasm`
 * once; Vite (and other bundlers that understand `new URL('…', import.meta.url)`) emit it
 * as an asset. `loadEngine()` is synchronous and only works after that promise resolved.
 */
import init, * as glue from '../../wasm/engine/mizzle_engine.js';
import { MizzleError } from '../errors.js';
import type { EngineModule, WasmSource } from './types.js';

const engine: EngineModule = glue;
let ready = false;
let pending: Promise<EngineModule> | undefined;

/** Instantiates the engine once; `input` overrides where the `.wasm` comes from. */
export function initEngine(input?: WasmSource): Promise<EngineModule> {
  pending ??= init({ module_or_path: input ?? new URL('../../wasm/engine/mizzle_engine_bg.wasm', import.meta.url) }).then(
    () => {
      ready = true;
      return engine;
    },
    (e: unknown) => {
      pending = undefined;
      throw e;
    },
  );
  return pending;
}

/** The engine; in a browser only after `await initEngine()`. */
export function loadEngine(): EngineModule {
  if (!ready) {
    throw new MizzleError('invalid', 'the mizzle engine is not loaded yet: `await initEngine()` (or the driver\'s async setup) before building queries in a browser');
  }
  return engine;
}
