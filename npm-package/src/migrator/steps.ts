/**
 * The one migrate algorithm every host runs, written as a generator of steps so that the Durable
 * Object (synchronous) and the other hosts (asynchronous) share it: the host's runner executes each
 * step and sends the result back in (./run.ts). The SQL comes from the engine (`migrationsSetup`,
 * `migrationsPlan`); this file only orders it into the host's atomic units and names failures.
 *
 * Units: SQLite and PostgreSQL run every pending migration and its record in one atomic unit (or one
 * per migration with `atomic: 'migration'`). PostgreSQL takes an advisory lock first in each unit and
 * guards each migration against a concurrent run. MySQL commits DDL implicitly, so it runs migration
 * by migration, recording each as soon as it ran, under `get_lock`.
 */
import type { MizzleError } from '../errors.js';
import type {
  MigrationFolder,
  MigrationPlan,
  MigrationRequest,
  MigrationSetup,
  MigratorModule,
  PendingMigration,
} from '../wasm/types.js';
import type { MigrationOptions, MigrationResult } from './config.js';
import { MizzleMigrationError } from './errors.js';

export type MigrationDialect = 'sqlite' | 'postgresql' | 'mysql';

/** What a runner is asked to do; `rows` answers with row objects, the others with nothing. */
export type Step =
  | { op: 'rows'; sql: string }
  | { op: 'run'; sql: string }
  /** Every statement or none (a transaction, a D1 batch, `transactionSync`, a Neon batch). */
  | { op: 'atomic'; statements: string[] };

export type Steps = Generator<Step, MigrationResult, unknown>;

/** What each statement of a unit is, to name a failure. */
type Label = { migration: PendingMigration; index: number } | { migration: PendingMigration; record: true } | null;

/** What the host can tell: whether a failed atomic unit's error names its failing statement (`query`). */
export interface HostTraits {
  locatesFailures: boolean;
}

export function* migrationSteps(
  engine: MigratorModule,
  dialect: MigrationDialect,
  folder: MigrationFolder,
  options: MigrationOptions,
  host: HostTraits,
): Steps {
  const table = options.migrationsTable ?? null;
  const schema = options.migrationsSchema ?? null;
  const setup = engine.migrationsSetup(dialect, table, schema, options.layout ?? null);
  if (setup.lock && setup.lockInUnit) {
    // PostgreSQL: two runs creating the table at once can collide in the catalog, even with IF NOT EXISTS.
    yield { op: 'atomic', statements: [setup.lock, ...setup.create] };
  } else {
    for (const s of setup.create) yield { op: 'run', sql: s };
  }
  if (setup.lock && !setup.lockInUnit) {
    // MySQL: held from before the table is read until the last migration is recorded.
    const got = (yield { op: 'rows', sql: setup.lock }) as Record<string, unknown>[];
    if (Number(got[0]?.locked) !== 1) {
      throw new MizzleMigrationError(
        'another run holds the migrations lock (get_lock) and did not release it within 60 s; nothing was applied',
        { applied: [] },
      );
    }
  }
  try {
    // A PostgreSQL run that finds (by a guard) that another run applied part of its plan reads again.
    for (let attempt = 1; ; attempt++) {
      const plan = yield* planSteps(engine, dialect, folder, options, setup);
      const result: MigrationResult = { applied: [], alreadyApplied: plan.applied, accepted: plan.accepted };
      if (plan.pending.length === 0) return result;
      if (dialect === 'mysql') {
        yield* oneByOne(plan, result);
        return result;
      }
      try {
        yield* inUnits(plan, options, setup, host, result);
        return result;
      } catch (e) {
        const concurrent = e instanceof MizzleMigrationError && messageOf(e.cause).includes(setup.concurrent);
        if (!concurrent || attempt === 3) throw e;
      }
    }
  } finally {
    if (setup.unlock) yield { op: 'run', sql: setup.unlock };
  }
}

/** Reads the tracking table (and SQLite's foreign keys) and asks the engine what to run. */
function* planSteps(
  engine: MigratorModule,
  dialect: MigrationDialect,
  folder: MigrationFolder,
  options: MigrationOptions,
  setup: MigrationSetup,
): Generator<Step, MigrationPlan, unknown> {
  const columns = (yield { op: 'rows', sql: setup.columns }) as Record<string, unknown>[];
  const hasName = columns.some((c) => String(c.name).toLowerCase() === 'name');
  const rows = (yield { op: 'rows', sql: hasName ? setup.rowsWithName : setup.rows }) as Record<string, unknown>[];
  let sqlite: MigrationRequest['sqlite'] = null;
  if (setup.sqlite) {
    const fks = (yield { op: 'rows', sql: setup.sqlite.foreignKeys }) as Record<string, unknown>[];
    const cols = (yield { op: 'rows', sql: setup.sqlite.columns }) as Record<string, unknown>[];
    sqlite = {
      foreignKeys: fks.map((f) => [String(f.child), String(f.parent), String(f.col), String(f.on_delete)]),
      columns: cols.map((c) => [String(c.tbl), String(c.col)]),
    };
  }
  return engine.migrationsPlan({
    dialect,
    layout: options.layout ?? null,
    table: options.migrationsTable ?? null,
    schema: options.migrationsSchema ?? null,
    folder,
    rows: rows.map((r) => [
      r.hash == null ? null : String(r.hash),
      r.created_at == null ? null : String(r.created_at),
      r.name == null ? null : String(r.name),
    ]),
    hasName,
    accept: options.accept,
    sqlite,
  });
}

/** SQLite and PostgreSQL: every pending migration and its record in one atomic unit, or one unit each. */
function* inUnits(
  plan: MigrationPlan,
  options: MigrationOptions,
  setup: MigrationSetup,
  host: HostTraits,
  result: MigrationResult,
): Generator<Step, void, unknown> {
  const units = options.atomic === 'migration' ? plan.pending.map((m) => [m]) : [plan.pending];
  for (const unit of units) {
    const statements: string[] = [];
    const labels: Label[] = [];
    const push = (sql: string, label: Label) => {
      statements.push(sql);
      labels.push(label);
    };
    if (setup.lock) push(setup.lock, null);
    for (const m of unit) if (m.guard) push(m.guard, null);
    for (const m of unit) {
      for (const [index, s] of m.statements.entries()) push(s, { migration: m, index });
      push(m.record, { migration: m, record: true });
    }
    try {
      yield { op: 'atomic', statements };
    } catch (e) {
      let at = -1;
      if (host.locatesFailures) {
        // Drivers put the failing statement's SQL in `query` (drizzle's DrizzleQueryError).
        const query = (e as { query?: unknown })?.query;
        at = typeof query === 'string' ? statements.indexOf(query) : -1;
      } else if (!messageOf(e).includes(setup.concurrent)) {
        at = yield* bisect(statements, setup.probe);
      }
      throw unitFailure(e, at >= 0 ? labels[at] : null, unit, result);
    }
    result.applied.push(...unit.map((m) => m.name));
  }
}

/**
 * Which statement of a failed unit fails, for hosts whose errors do not say (D1, Neon): prefixes of the
 * unit are re-run, each ending with the probe (a statement that always fails), so each runs and rolls
 * back; a prefix whose error is the probe's ran cleanly. log2(n) extra round trips, on failure only.
 */
function* bisect(statements: string[], probe: { sql: string; marker: string }): Generator<Step, number, unknown> {
  let lo = 0;
  let hi = statements.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      yield { op: 'atomic', statements: [...statements.slice(0, mid + 1), probe.sql] };
      // The probe cannot succeed; if a host ever reports success, stop guessing.
      return -1;
    } catch (e) {
      if (messageOf(e).includes(probe.marker)) lo = mid + 1;
      else hi = mid;
    }
  }
  return lo;
}

/** MySQL: each statement on its own (DDL commits implicitly), each migration recorded once it ran. */
function* oneByOne(plan: MigrationPlan, result: MigrationResult): Generator<Step, void, unknown> {
  for (const m of plan.pending) {
    for (const [index, s] of m.statements.entries()) {
      try {
        yield { op: 'run', sql: s };
      } catch (e) {
        const done = index === 0 ? 'none of its statements ran' : `its statements 1-${index} ran and stay applied`;
        throw new MizzleMigrationError(
          `migration ${m.name} failed at statement ${index + 1} of ${m.statements.length}: ${messageOf(e)}. ` +
            `MySQL commits DDL implicitly, so ${done}; it is not recorded` +
            appliedBefore(result),
          { migration: m.name, statement: index + 1, applied: result.applied, cause: e },
        );
      }
    }
    try {
      yield { op: 'run', sql: m.record };
    } catch (e) {
      throw new MizzleMigrationError(
        `migration ${m.name} ran but recording it failed: ${messageOf(e)}${appliedBefore(result)}`,
        { migration: m.name, applied: result.applied, cause: e },
      );
    }
    result.applied.push(m.name);
  }
}

function unitFailure(e: unknown, label: Label, unit: PendingMigration[], result: MigrationResult): MizzleError {
  const rolledBack =
    unit.length === 1 ? 'it was rolled back' : `the ${unit.length} migrations of this run were rolled back`;
  if (label && 'index' in label) {
    const m = label.migration;
    const n = m.sources[label.index];
    // 0: a statement the engine added around a table rebuild (copying child rows aside and back).
    const where = n
      ? `statement ${n} of ${Math.max(...m.sources)}`
      : 'a statement mizzle added to keep child rows through a table rebuild';
    return new MizzleMigrationError(
      `migration ${m.name} failed at ${where}: ${messageOf(e)}; ${rolledBack}${appliedBefore(result)}`,
      { migration: m.name, statement: n || undefined, applied: result.applied, cause: e },
    );
  }
  const which = label ? label.migration.name : unit.map((m) => m.name).join(', ');
  return new MizzleMigrationError(`applying ${which} failed: ${messageOf(e)}; ${rolledBack}${appliedBefore(result)}`, {
    migration: label ? label.migration.name : unit.length === 1 ? unit[0].name : undefined,
    applied: result.applied,
    cause: e,
  });
}

function appliedBefore(result: MigrationResult): string {
  return result.applied.length
    ? ` (applied and recorded before it: ${result.applied.join(', ')})`
    : ' (nothing of this run is applied)';
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
