/**
 * workerd loader of the `differ-sqlite` build (`#wasm/differ-sqlite` under the `workerd` condition). The
 * `.wasm` is a module import, so instantiation is synchronous: a Durable Object's `push()` is.
 */
import wasmModule from '../../wasm/differ-sqlite/mizzle_differ_sqlite_bg.wasm';
// Named imports, not the namespace: a bundler can then drop the glue's async `init`.
import {
  initSync,
  introspectedSnapshot,
  schemaDiff,
  schemaIntrospection,
  schemaSnapshot,
  snapshotInfo,
} from '../../wasm/differ-sqlite/mizzle_differ_sqlite.js';
import { syncLoader } from './instantiate.js';
import type { DifferModule, WasmSource } from './types.js';

const loader = syncLoader<DifferModule>(
  { initSync, introspectedSnapshot, schemaDiff, schemaIntrospection, schemaSnapshot, snapshotInfo },
  () => wasmModule,
);

/** The module, instantiated on the first call. */
export const loadDiffer: () => DifferModule = loader.load;

/** Same as `loadDiffer()`, for code shared with browsers. */
export const initDiffer: (_input?: WasmSource) => Promise<DifferModule> = loader.init;
