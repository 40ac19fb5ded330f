/**
 * A progress line per migration without a hook in the shared migrator: the engine's plan says which
 * statement records which migration (`record`), so a step that ran a record, alone (MySQL) or inside
 * a committed atomic unit (a transaction, a Neon batch), tells that those migrations are applied.
 * Failed units (and the bisecting probes after one) report nothing: the error says what happened.
 */
import type { AsyncHost } from '../migrator/run.js';
import type { MigratorModule, PendingMigration } from '../wasm/types.js';

/** `names` were applied and recorded by one unit that took `ms` (MySQL: one migration, statement by statement). */
export type OnApplied = (names: string[], ms: number) => void;

export function watched(
  engine: MigratorModule,
  host: AsyncHost,
  onApplied: OnApplied,
): { engine: MigratorModule; host: AsyncHost; statementOf(migration: string, n: number): string | undefined } {
  const records = new Map<string, string>();
  let pending: PendingMigration[] = [];
  let mark = performance.now();
  const since = () => Math.round(performance.now() - mark);
  return {
    engine: {
      migrationsSetup: (...a) => engine.migrationsSetup(...a),
      migrationsPlan: (request) => {
        const plan = engine.migrationsPlan(request);
        pending = plan.pending;
        for (const m of plan.pending) records.set(m.record, m.name);
        mark = performance.now();
        return plan;
      },
    },
    /** Statement `n` (from 1, as errors count) of a planned migration. */
    statementOf: (migration, n) => {
      const m = pending.find((p) => p.name === migration);
      return m?.statements[m.sources.indexOf(n)];
    },
    host: {
      rows: (q) => host.rows(q),
      run: async (q) => {
        const r = await host.run(q);
        const name = records.get(q);
        // MySQL: a migration's statements ran one by one since the previous record (or the plan).
        if (name !== undefined) {
          onApplied([name], since());
          mark = performance.now();
        }
        return r;
      },
      atomic: async (qs) => {
        mark = performance.now();
        const r = await host.atomic(qs);
        const names = qs.flatMap((q) => records.get(q) ?? []);
        if (names.length) onApplied(names, since());
        mark = performance.now();
        return r;
      },
    },
  };
}
