// Runs every scenario (or the named ones) on a fresh database each; plain ESM with no
// imports but the scenarios, so Node and the workerd workers share it verbatim.
import { makeSchema, normalize, scenarios } from '../scenarios.mjs';

/**
 * @param {{ core: object, ops: object, fresh: (schema: object) => Promise<object>, only?: string[] }} opts
 *   core/ops: the implementation's sqlite-core and root modules; fresh(schema): a `db` made
 *   with `drizzle(client, { schema })` (schema: makeSchema's tables and relations, for
 *   `db.query`) over a database just reset by `setupStatements`; sync: a synchronous host
 *   (scenarios marked `asyncOnly`, e.g. lazy `db.run()` inside `db.batch`, are skipped
 *   there; those marked `syncOnly`, e.g. `db.transaction()`, which D1 has not, are skipped
 *   on the async hosts).
 * @returns {Promise<Record<string, { ok: true, value: unknown } | { ok: false, error: string }>>}
 */
export async function runAll({ core, ops, fresh, only, sync = false }) {
  const t = makeSchema(core, ops);
  const out = {};
  for (const s of scenarios) {
    if (only && !only.includes(s.name)) continue;
    if (sync && s.asyncOnly) {
      out[s.name] = { ok: true, skipped: 'async hosts only (drizzle has no batch on sync drivers)' };
      continue;
    }
    if (!sync && s.syncOnly) {
      out[s.name] = { ok: true, skipped: 'sync hosts only (D1 has no transactions)' };
      continue;
    }
    try {
      const db = await fresh(t.schema);
      out[s.name] = { ok: true, value: normalize(await s.run(db, t, ops)) };
    } catch (e) {
      out[s.name] = { ok: false, error: `${e?.name ?? 'Error'}: ${e?.message ?? e}`.split('\n')[0] };
    }
  }
  return out;
}
