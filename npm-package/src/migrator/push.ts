/**
 * `push`: the live database brought to the declared schema without a migrations folder, for a Durable
 * Object's own SQLite (no deploy step to run a CLI in) and the embedded database. The database is read
 * back (one introspection query), the engine diffs it against the schema (core/src/differ/), and the
 * statements run as one atomic unit (the differ writes table rebuilds that keep child rows).
 *
 * Nothing is guessed: names that disappear while others appear stop the push (`push_ambiguous`) unless
 * `hints` say which are renames; a change that drops or converts data stops it (`push_destructive`) unless
 * `acceptDataLoss`. Either way nothing ran. One generator for synchronous and asynchronous hosts (run.ts).
 */
import { MizzleError } from '../errors.js';
import type { DifferModule, DiffHints, SchemaDiff } from '../wasm/types.js';
import { type DeclaredCasing, declaredWith } from './declared.js';
import { sqliteDsl } from './dsl-sqlite.js';
import type { Step } from './steps.js';

export interface PushConfig {
  /** The schema module (or any object of its tables and views). */
  schema: Record<string, unknown>;
  /** Which disappearing tables or columns are renames, and which are new (never guessed). */
  hints?: DiffHints;
  /** Run statements that drop tables or columns or convert a column's values (default: refuse). */
  acceptDataLoss?: boolean;
  /** drizzle's `casing` for column keys without a name, as given to `drizzle()`. */
  casing?: DeclaredCasing;
}

export interface PushResult {
  /** The statements that ran (none when the database already matched). */
  statements: string[];
  /** Those that dropped or converted data (only with `acceptDataLoss`). */
  destructive: SchemaDiff['destructive'];
}

export function* pushSteps(engine: DifferModule, config: PushConfig): Generator<Step, PushResult, unknown> {
  const declared = declaredWith(config.schema, sqliteDsl, config.casing);
  const doc = (yield { op: 'rows', sql: engine.schemaIntrospection('sqlite') }) as Record<string, unknown>[];
  const introspected = firstCell(doc);
  // Unused hints are ignored: one set ships to every instance, and one made after a rename never had the old name.
  const hints = { ...config.hints, ignoreUnused: true };
  const diff = engine.schemaDiff({ declared, prev: null, introspected, hints, id: '' });
  if (diff.ambiguous !== null) {
    const a = diff.ambiguous;
    const where = a.table === null ? 'tables' : `columns of table ${a.table}`;
    throw new MizzleError(
      'push_ambiguous',
      `push: ${where} ${a.removed.join(', ')} disappear(s) while ${a.added.join(', ')} appear(s); say which are ` +
        'renames in `hints` ({ renames: [{ table?, from, to }] } or { createDrop: [{ table, column? }] })',
    );
  }
  if (diff.destructive.length > 0 && !config.acceptDataLoss) {
    const lines = diff.destructive.map((d) => `  ${d.message}`).join('\n');
    throw new MizzleError('push_destructive', `push would lose data (pass acceptDataLoss: true to go on):\n${lines}`);
  }
  if (diff.statements.length > 0) yield { op: 'atomic', statements: diff.statements };
  return { statements: diff.statements, destructive: diff.destructive };
}

/** The introspection query's one text cell. */
function firstCell(rows: Record<string, unknown>[]): string {
  const v = rows[0] === undefined ? undefined : Object.values(rows[0])[0];
  if (typeof v !== 'string') throw new MizzleError('introspection', 'the introspection query returned no document');
  return v;
}
