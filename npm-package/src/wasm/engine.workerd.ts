/**
 * workerd (Cloudflare Workers, D1, Durable Objects) loader of the `engine` build
 * (`#wasm/engine` under the `workerd` condition); the API is documented in ./types.ts.
 * The `.wasm` is a module import: wrangler's esbuild keeps it as a `CompiledWasm` module
 * and workerd hands back a `WebAssembly.Module` (it refuses `WebAssembly.compile` at
 * runtime), so instantiation is synchronous.
 */
import wasmModule from '../../wasm/engine/mizzle_engine_bg.wasm';
// Named imports, not the namespace: a bundler can then drop the glue's async `init` (fetch, streaming), unused here.
import { compile, forget_strings, initSync, intern, slots } from '../../wasm/engine/mizzle_engine.js';
import { syncLoader } from './instantiate.js';
import type { EngineModule, WasmSource } from './types.js';

const loader = syncLoader<EngineModule>({ compile, forget_strings, initSync, intern, slots }, () => wasmModule);

/** The module, instantiated on the first call. */
export const loadEngine: () => EngineModule = loader.load;

/** Same as `loadEngine()`, for code shared with browsers (`_input` is the browser loader's). */
export const initEngine: (_input?: WasmSource) => Promise<EngineModule> = loader.init;
