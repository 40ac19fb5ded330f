/**
 * Browser loader of the `inline` build (`#wasm/inline` under the `browser` and `default`
 * conditions); the API is documented in ./types.ts. `initInline()` fetches the `.wasm`
 * once; Vite (and other bundlers that understand `new URL('…', import.meta.url)`) emit it
 * as an asset. `loadInline()` is synchronous and only works after that promise resolved.
 */
import init, * as glue from '../../wasm/inline/mizzle_inline.js';
import { browserLoader } from './instantiate.js';
import type { InlineModule, WasmSource } from './types.js';

const loader = browserLoader<InlineModule>(
  glue,
  init,
  () => new URL('../../wasm/inline/mizzle_inline_bg.wasm', import.meta.url),
  "the mizzle engine is not loaded yet: `await initInline()` (or the driver's async setup) " +
    'before building queries in a browser',
);

/** Instantiates the build once; `input` overrides where the `.wasm` comes from. */
export const initInline: (input?: WasmSource) => Promise<InlineModule> = loader.init;

/** The module; in a browser only after `await initInline()`. */
export const loadInline: () => InlineModule = loader.load;
