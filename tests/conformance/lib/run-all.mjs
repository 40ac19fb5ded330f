// Runs the SQLite scenarios of the shared set (tests/scenarios/), or the named ones, on a fresh database
// each; its only imports are that set's files, so Node and the workerd workers share it verbatim.
import { makeSchema, normalize, scenariosFor } from '../../scenarios/index.mjs';

/**
 * @param {{ core: object, ops: object, fresh: (schema: object) => Promise<object>, only?: string[],
 *   sync?: boolean }} opts
 *   core/ops: the implementation's sqlite-core and root modules; fresh(schema): a `db` made with
 *   `drizzle(client, { schema })` (schema: makeSchema's tables and relations, for `db.query`) over a
 *   database just reset by `setupStatements.sqlite`; sync: a synchronous driver (scenarios marked
 *   `asyncOnly`, e.g. lazy `db.run()` inside `db.batch`, are skipped there; those marked `syncOnly`,
 *   e.g. `db.transaction()`, which D1 has not, are skipped on the async ones).
 * @returns {Promise<Record<string, { ok: true, value: unknown } | { ok: true, skipped: string }
 *   | { ok: false, error: string }>>}
 */
export async function runAll({ core, ops, fresh, only, sync = false }) {
  const t = makeSchema(core, ops, 'sqlite');
  const out = {};
  for (const s of scenariosFor('sqlite')) {
    if (only && !only.includes(s.name)) continue;
    if (sync && s.asyncOnly) {
      out[s.name] = { ok: true, skipped: 'async drivers only (drizzle has no batch on sync drivers)' };
      continue;
    }
    if (!sync && s.syncOnly) {
      out[s.name] = { ok: true, skipped: 'sync drivers only (D1 has no transactions)' };
      continue;
    }
    try {
      const db = await fresh(t.schema);
      out[s.name] = { ok: true, value: normalize(await s.run(db, t, ops, 'sqlite')) };
    } catch (e) {
      out[s.name] = { ok: false, error: `${e?.name ?? 'Error'}: ${e?.message ?? e}`.split('\n')[0] };
    }
  }
  return out;
}
