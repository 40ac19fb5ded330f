/**
 * Browser loader of the `inline` build (`#wasm/inline` under the `browser` and `default`
 * conditions); the API is documented in ./types.ts. `initInline()` fetches the `.wasm`
 * once; Vite (and other bundlers that understand `new URL('…', import.meta.url)`) emit it
 * as an asset. `loadInline()` is synchronous and only works after that promise resolved.
 */
import init, * as glue from '../../wasm/inline/mizzle_inline.js';
import { MizzleError } from '../errors.js';
import type { InlineModule, WasmSource } from './types.js';

const engine: InlineModule = glue;
let ready = false;
let pending: Promise<InlineModule> | undefined;

/** Instantiates the engine once; `input` overrides where the `.wasm` comes from. */
export function initInline(input?: WasmSource): Promise<InlineModule> {
  pending ??= init({ module_or_path: input ?? new URL('../../wasm/inline/mizzle_inline_bg.wasm', import.meta.url) }).then(
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

/** The engine; in a browser only after `await initInline()`. */
export function loadInline(): InlineModule {
  if (!ready) {
    throw new MizzleError('invalid', 'the mizzle engine is not loaded yet: `await initInline()` (or the driver\'s async setup) before building queries in a browser');
  }
  return engine;
}
