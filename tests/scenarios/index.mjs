// The one conformance scenario set, for SQLite, PostgreSQL and MySQL, written against drizzle-orm 0.45's
// documented API. Two runners import it and compare mizzle with drizzle-orm on each scenario:
//   tests/conformance  SQLite: mizzle on the embedded database, mizzle/d1 and drizzle-orm/d1 in workerd,
//                      drizzle-orm/better-sqlite3 for the scenarios D1 cannot run (synchronous transactions);
//   tests/standins     PostgreSQL and MySQL: mizzle's and drizzle-orm's neon-http and planetscale drivers
//                      through the stand-ins in front of the real servers.
// Plain ESM whose only imports are these files, so Node runs it and esbuild bundles it into workerd workers.
//
// A scenario is { name, run, check, only?, skip?, asyncOnly?, syncOnly? }:
//   run(db, t, ops, d)   the scenario; must `await` everything (some drivers are synchronous, some not),
//     db   the driver's `db` (mizzle or drizzle-orm), made with `drizzle(client, { schema: t.schema })`,
//     t    makeSchema(core, ops, d): the tables from that implementation's sqlite-core, pg-core or mysql-core,
//          and t.core (alias and the set-operation functions),
//     ops  that implementation's root module (eq, and, sql, count, relations, ...),
//     d    'sqlite' | 'pg' | 'mysql';
//   check(result, assert, d)  the scenario's own invariants on the NORMALISED result (normalize()), so a
//          scenario fails on its own too, not only by disagreeing with drizzle-orm;
//   only: ['pg', ...]    the dialects it is about (default: all three);
//   skip: { mysql: 'why' }  dialects it does not apply to, with the reason;
//   asyncOnly / syncOnly  which of SQLite's driver kinds it needs: asyncOnly an async one (a lazy `db.run()`
//          inside `db.batch`; drizzle has no batch on its sync drivers), syncOnly a synchronous one
//          (`db.transaction()` with a synchronous callback, which D1 has not). They say nothing about the
//          other dialects, whose drivers here are all async HTTP ones.
// Where a scenario's SQL or expectation differs per dialect, `run`/`check` branch on `d` or use byDialect().
// Every scenario starts from fresh tables: setupStatements[d] drops, creates and seeds them.
import { scenarios as batchPreparedRaw } from './batch-prepared-raw.mjs';
import { scenarios as builderParity } from './builder-parity.mjs';
import { scenarios as mysqlIndexHints } from './mysql-index-hints.mjs';
import { scenarios as mysqlParity } from './mysql-parity.mjs';
import { scenarios as query } from './query.mjs';
import { scenarios as queryApis } from './query-apis.mjs';
import { scenarios as queryBuilder } from './query-builder.mjs';
import { scenarios as relational } from './relational.mjs';
import { scenarios as relationalTyped } from './relational-typed.mjs';
import { scenarios as select } from './select.mjs';
import { scenarios as types } from './types.mjs';
import { scenarios as viewsReplicas } from './views-replicas.mjs';
import { scenarios as write } from './write.mjs';

export { makeSchema, setupStatements, sqliteSetupSql, teardownStatements } from './schema.mjs';
export { normalize } from './util.mjs';

export const DIALECTS = ['sqlite', 'pg', 'mysql'];

/** Every scenario, in topic order. */
export const scenarios = [
  ...select,
  ...query,
  ...write,
  ...batchPreparedRaw,
  ...types,
  ...relational,
  ...relationalTyped,
  ...builderParity,
  ...mysqlParity,
  ...mysqlIndexHints,
  ...queryApis,
  ...viewsReplicas,
  ...queryBuilder,
];

/** Whether `s` runs on dialect `d` (its `only` includes `d`, its `skip` does not name it). */
export function appliesTo(s, d) {
  return (!s.only || s.only.includes(d)) && !(s.skip && d in s.skip);
}

/** The scenarios of one dialect, in order. */
export function scenariosFor(d) {
  if (!DIALECTS.includes(d)) throw new Error(`unknown dialect ${d}`);
  return scenarios.filter((s) => appliesTo(s, d));
}

/**
 * Checks the set's shape (throws on the first problem): unique names, a run and a check each, known dialects
 * in only/skip, asyncOnly/syncOnly only on scenarios that run on SQLite and never both.
 */
export function validate() {
  const names = new Set();
  for (const s of scenarios) {
    if (names.has(s.name)) throw new Error(`duplicate scenario name "${s.name}"`);
    names.add(s.name);
    if (typeof s.run !== 'function' || typeof s.check !== 'function') throw new Error(`${s.name}: run/check`);
    for (const d of [...(s.only ?? []), ...Object.keys(s.skip ?? {})])
      if (!DIALECTS.includes(d)) throw new Error(`${s.name}: unknown dialect ${d}`);
    if (!DIALECTS.some((d) => appliesTo(s, d))) throw new Error(`${s.name}: runs on no dialect`);
    if (s.asyncOnly && s.syncOnly) throw new Error(`${s.name}: both asyncOnly and syncOnly`);
    if ((s.asyncOnly || s.syncOnly) && !appliesTo(s, 'sqlite'))
      throw new Error(`${s.name}: asyncOnly/syncOnly are SQLite driver kinds, but it does not run on SQLite`);
  }
}
