/**
 * The wasm engine as the rest of the package sees it, and how to get one.
 *
 * Two builds of `wasm/` (see ../../../wasm-pack.toml), each behind one loader per runtime:
 *
 * | import                          | build      | has                          | used by                          |
 * |---------------------------------|------------|------------------------------|----------------------------------|
 * | `#wasm/engine` (`mizzle/wasm/engine`)     | `engine`   | `intern`, `compile`, `slots` | D1, Durable Objects, HTTP drivers, `toSQL()` |
 * | `#wasm/inline` (`mizzle/wasm/inline`)     | `inline`   | the same plus `interpolate`  | `mizzle/planetscale`             |
 * | `#wasm/embedded` (`mizzle/wasm/embedded`) | `embedded` | the same plus `Database` (in-memory SQLite) | `mizzle/sqlite-wasm` |
 *
 * `package.json` `imports`/`exports` conditions pick the loader file: `workerd` ->
 * `*.workerd.js` (the `.wasm` is a module import: wrangler/esbuild keep it and workerd hands
 * back a compiled `WebAssembly.Module`), `browser` -> `*.browser.js` (`fetch` of
 * `new URL('…_bg.wasm', import.meta.url)`, which Vite and other bundlers rewrite to an
 * emitted asset), `node` -> `*.node.js` (`readFileSync` of that URL), `default` -> browser.
 * Inside the package import the `#wasm/...` specifiers, never a loader file directly, so
 * each host gets its own loader.
 *
 * Every engine loader exports the same two functions:
 * - `loadEngine(): EngineModule`: synchronous. Node and workerd instantiate on the first
 *   call. In a browser it throws a `MizzleError` unless `initEngine()` has resolved
 *   (browsers cannot fetch synchronously).
 * - `initEngine(input?): Promise<EngineModule>`: works everywhere; call it once before
 *   first use in code that may run in a browser. The browser loader accepts where to find
 *   the `.wasm` (URL, Response, bytes or a compiled Module) for hosts that serve it elsewhere.
 * Every embedded loader exports `loadEmbedded(input?): Promise<EmbeddedModule>` and
 * `loadEmbeddedSync(): EmbeddedModule` (same rules).
 *
 * Both calls are idempotent and return the same instance. Interned string ids belong to one
 * instance: keep one `Strings` table (../engine/strings.ts) per `EngineModule` object. A
 * `sqlite-wasm` database should compile with its own `EmbeddedModule` (it contains the
 * engine) rather than also loading the `engine` build.
 */
import type * as EmbeddedGlue from '../../wasm/embedded/mizzle_embedded.js';

/** The engine's wasm-bindgen exports. */
export interface EngineModule {
  /** Appends strings (joined by NUL, in id order) to this instance's intern table. */
  intern(joined: string): void;
  /** Compiles one shape for `dialect` (0 sqlite, 1 postgres, 2 mysql) to its SQL; throws a `MizzleError`. */
  compile(dialect: number, ops: Int32Array | number[]): string;
  /** The last compiled shape's `[n_params, params..., offsets..., plan...]` (wasm/README.md, "The crossing"). */
  slots(): Int32Array;
}

/** The `inline` build: the engine plus `interpolate` (wasm/README.md, "interpolate"), for PlanetScale. */
export interface InlineModule extends EngineModule {
  interpolate(dialect: number, sql: string, offsets: Uint32Array, values: Uint8Array): string;
}

/** The embedded SQLite database class of the `embedded` build (wasm/README.md). */
export type Database = EmbeddedGlue.Database;

/** The `embedded` build: the engine plus `Database`. */
export interface EmbeddedModule extends EngineModule {
  Database: typeof EmbeddedGlue.Database;
}

/** Where a browser loader finds the `.wasm` when not next to the glue. */
export type WasmSource = URL | string | Response | BufferSource | WebAssembly.Module;
