/**
 * Browser loader of the `embedded` build (engine + in-memory SQLite; `#wasm/embedded` under
 * the `browser` and `default` conditions); the API is documented in ./types.ts.
 */
import init, * as glue from '../../wasm/embedded/mizzle_embedded.js';
import { MizzleError } from '../errors.js';
import type { EmbeddedModule, WasmSource } from './types.js';

const embedded: EmbeddedModule = glue;
let ready = false;
let pending: Promise<EmbeddedModule> | undefined;

/** Instantiates the embedded build once; `input` overrides where the `.wasm` comes from. */
export function loadEmbedded(input?: WasmSource): Promise<EmbeddedModule> {
  pending ??= init({
    module_or_path: input ?? new URL('../../wasm/embedded/mizzle_embedded_bg.wasm', import.meta.url),
  }).then(
    () => {
      ready = true;
      return embedded;
    },
    (e: unknown) => {
      pending = undefined;
      throw e;
    },
  );
  return pending;
}

/** The embedded build; in a browser only after `await loadEmbedded()`. */
export function loadEmbeddedSync(): EmbeddedModule {
  if (!ready) {
    throw new MizzleError('invalid', 'mizzle\'s embedded SQLite is not loaded yet: `await loadEmbedded()` first in a browser');
  }
  return embedded;
}
