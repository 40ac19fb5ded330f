/**
 * Node loader of the `differ-sqlite` build (`#wasm/differ-sqlite` under the `node` condition): the
 * SQLite schema differ of mizzle-core (../../../wasm/src/schema_diff.rs). Only `push()` loads it.
 */
/// <reference types="node" />
import { readFileSync } from 'node:fs';
import * as glue from '../../wasm/differ-sqlite/mizzle_differ_sqlite.js';
import { syncLoader } from './instantiate.js';
import type { DifferModule, WasmSource } from './types.js';

const loader = syncLoader<DifferModule>(glue, () =>
  readFileSync(new URL('../../wasm/differ-sqlite/mizzle_differ_sqlite_bg.wasm', import.meta.url)),
);

/** The module, instantiated on the first call. */
export const loadDiffer: () => DifferModule = loader.load;

/** Same as `loadDiffer()`, for code shared with browsers. */
export const initDiffer: (_input?: WasmSource) => Promise<DifferModule> = loader.init;
