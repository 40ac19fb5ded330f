/**
 * What every loader does once it has its build's glue: instantiate exactly
 * once, synchronously (Node, workerd) or by a shared promise (browsers). The
 * per-build loader files only say where their `.wasm` is, because bundlers
 * must see each `new URL('….wasm', import.meta.url)` or `.wasm` import as
 * written.
 */
import { MizzleError } from '../errors.js';
import type { WasmSource } from './types.js';

/** The parts of wasm-bindgen's `--target web` glue a loader calls. */
interface Glue {
  initSync(options: { module: BufferSource | WebAssembly.Module }): unknown;
}

/** A loader that instantiates `glue` from `source()` on first use (Node, workerd). */
export function syncLoader<M>(
  glue: Glue & M,
  source: () => BufferSource | WebAssembly.Module,
): { load(): M; init(_input?: WasmSource): Promise<M> } {
  let ready = false;
  const load = (): M => {
    if (!ready) {
      glue.initSync({ module: source() });
      ready = true;
    }
    return glue;
  };
  return { load, init: async () => load() };
}

/**
 * A browser loader: `init()` instantiates once (from `defaultUrl` unless told
 * otherwise); `load()` is synchronous and only works after that resolved.
 */
export function browserLoader<M>(
  glue: M,
  init: (options: { module_or_path: WasmSource }) => Promise<unknown>,
  defaultUrl: () => URL,
  notReady: string,
): { load(): M; init(input?: WasmSource): Promise<M> } {
  let ready = false;
  let pending: Promise<M> | undefined;
  return {
    init(input?: WasmSource): Promise<M> {
      pending ??= init({ module_or_path: input ?? defaultUrl() }).then(
        () => {
          ready = true;
          return glue;
        },
        (e: unknown) => {
          pending = undefined;
          throw e;
        },
      );
      return pending;
    },
    load(): M {
      if (!ready) throw new MizzleError('invalid', notReady);
      return glue;
    },
  };
}
