/**
 * Node loader of the `inline` build (`#wasm/inline` under the `node` condition); the API is
 * documented in ./types.ts. Reads the `.wasm` next to the glue and instantiates it
 * synchronously on first use.
 */
/// <reference types="node" />
import { readFileSync } from 'node:fs';
import * as glue from '../../wasm/inline/mizzle_inline.js';
import { syncLoader } from './instantiate.js';
import type { InlineModule, WasmSource } from './types.js';

const loader = syncLoader<InlineModule>(glue, () =>
  readFileSync(new URL('../../wasm/inline/mizzle_inline_bg.wasm', import.meta.url)),
);

/** The module, instantiated on the first call. */
export const loadInline: () => InlineModule = loader.load;

/** Same as `loadInline()`, for code shared with browsers (`_input` is the browser loader's). */
export const initInline: (_input?: WasmSource) => Promise<InlineModule> = loader.init;
