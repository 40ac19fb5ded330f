/**
 * workerd loader of the `migrator` build (`#wasm/migrator` under the `workerd` condition). The
 * `.wasm` is a module import, so instantiation is synchronous: a Durable Object's `migrate()` is.
 */
import wasmModule from '../../wasm/migrator/mizzle_migrator_bg.wasm';
// Named imports, not the namespace: a bundler can then drop the glue's async `init`.
import {
  initSync,
  introspectedSnapshot,
  migrationsPlan,
  migrationsSetup,
  schemaDiff,
  schemaIntrospection,
  schemaSnapshot,
  snapshotInfo,
} from '../../wasm/migrator/mizzle_migrator.js';
import { syncLoader } from './instantiate.js';
import type { DifferModule, MigratorModule, WasmSource } from './types.js';

type Full = MigratorModule & DifferModule;

const loader = syncLoader<Full>(
  {
    initSync,
    introspectedSnapshot,
    migrationsPlan,
    migrationsSetup,
    schemaDiff,
    schemaIntrospection,
    schemaSnapshot,
    snapshotInfo,
  },
  () => wasmModule,
);

/** The module, instantiated on the first call. */
export const loadMigrator: () => Full = loader.load;

/** Same as `loadMigrator()`, for code shared with browsers. */
export const initMigrator: (_input?: WasmSource) => Promise<Full> = loader.init;
