/**
 * Node loader of the `inline` build (`#wasm/inline` under the `node` condition); the API is
 * documented in ./types.ts. Reads the `.wasm` next to the glue and instantiates it
 * synchronously on first use.
 */
/// <reference types="node" />
import { readFileSync } from 'node:fs';
import * as glue from '../../wasm/inline/mizzle_inline.js';
import type { InlineModule, WasmSource } from './types.js';

const wasmUrl = new URL('../../wasm/inline/mizzle_inline_bg.wasm', import.meta.url);
const engine: InlineModule = glue;
let ready = false;

/** The inline engine, instantiated on the first call. */
export function loadInline(): InlineModule {
  if (!ready) {
    glue.initSync({ module: readFileSync(wasmUrl) });
    ready = true;
  }
  return engine;
}

/** Same as `loadInline()`, for code shared with browsers (`_input` is the browser loader's). */
export async function initInline(_input?: WasmSource): Promise<InlineModule> {
  return loadInline();
}
