/**
 * Node loader of the `migrator-sqlite` build (`#wasm/migrator-sqlite` under the `node` condition): the SQLite
 * migrations planner of mizzle-core (../../../wasm/src/migrations.rs). Only `migrate()` loads it.
 */
/// <reference types="node" />
import { readFileSync } from 'node:fs';
import * as glue from '../../wasm/migrator-sqlite/mizzle_migrator_sqlite.js';
import { syncLoader } from './instantiate.js';
import type { MigratorModule, WasmSource } from './types.js';

const loader = syncLoader<MigratorModule>(glue, () =>
  readFileSync(new URL('../../wasm/migrator-sqlite/mizzle_migrator_sqlite_bg.wasm', import.meta.url)),
);

/** The module, instantiated on the first call. */
export const loadMigrator: () => MigratorModule = loader.load;

/** Same as `loadMigrator()`, for code shared with browsers. */
export const initMigrator: (_input?: WasmSource) => Promise<MigratorModule> = loader.init;
