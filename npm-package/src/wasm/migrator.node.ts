/**
 * Node loader of the `migrator` build (`#wasm/migrator` under the `node` condition): the
 * migrations planner of mizzle-core (../../../wasm/src/migrations.rs). Only `migrate()` loads it.
 */
/// <reference types="node" />
import { readFileSync } from 'node:fs';
import * as glue from '../../wasm/migrator/mizzle_migrator.js';
import { syncLoader } from './instantiate.js';
import type { DifferModule, MigratorModule, SquashModule, WasmSource } from './types.js';

type Full = MigratorModule & DifferModule & SquashModule;

const loader = syncLoader<Full>(glue, () =>
  readFileSync(new URL('../../wasm/migrator/mizzle_migrator_bg.wasm', import.meta.url)),
);

/** The module, instantiated on the first call. */
export const loadMigrator: () => Full = loader.load;

/** Same as `loadMigrator()`, for code shared with browsers. */
export const initMigrator: (_input?: WasmSource) => Promise<Full> = loader.init;
