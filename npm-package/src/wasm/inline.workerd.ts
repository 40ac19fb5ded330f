/**
 * workerd (Cloudflare Workers, D1, Durable Objects) loader of the `inline` build
 * (`#wasm/inline` under the `workerd` condition); the API is documented in ./types.ts.
 * The `.wasm` is a module import: wrangler's esbuild keeps it as a `CompiledWasm` module
 * and workerd hands back a `WebAssembly.Module` (it refuses `WebAssembly.compile` at
 * runtime), so instantiation is synchronous.
 */
import wasmModule from '../../wasm/inline/mizzle_inline_bg.wasm';
// Named imports, not the namespace: a bundler can then drop the glue's async `init` (fetch, streaming), unused here.
import { compile, forget_strings, initSync, intern, interpolate, slots } from '../../wasm/inline/mizzle_inline.js';
import { syncLoader } from './instantiate.js';
import type { InlineModule, WasmSource } from './types.js';

const loader = syncLoader<InlineModule>(
  { compile, forget_strings, initSync, intern, interpolate, slots },
  () => wasmModule,
);

/** The module, instantiated on the first call. */
export const loadInline: () => InlineModule = loader.load;

/** Same as `loadInline()`, for code shared with browsers (`_input` is the browser loader's). */
export const initInline: (_input?: WasmSource) => Promise<InlineModule> = loader.init;
