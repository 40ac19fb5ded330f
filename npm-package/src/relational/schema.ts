/**
 * Reads the `schema` object given to `drizzle(..., { schema })`: its tables
 * (by export name) and their `relations()`, and resolves each relation into
 * the join column pairs the engine's relational planner takes.
 */
import type { Column } from '../column.js';
import { MizzleError } from '../errors.js';
import { Many, One, Relations, relationsOf } from '../relations.js';
import { getTableInfo, Table } from '../table.js';

/** A resolved relation: what the planner needs to nest it. */
export interface ResolvedRelation {
  readonly key: string;
  readonly many: boolean;
  readonly target: TableEntry;
  /** `[parent column, child column]` SQL names, all equal. */
  readonly on: readonly (readonly [string, string])[];
}

/** One table of the schema. */
export interface TableEntry {
  /** Export name in the schema (`db.query.<key>`). */
  readonly key: string;
  readonly table: Table;
  /** The declared relations, resolved on first use. */
  relation(key: string): ResolvedRelation;
}

/** The schema's tables by export name. */
export type RelationalSchema = ReadonlyMap<string, TableEntry>;

/** Tables and relations of a `schema` object. */
export function relationalSchema(schema: Record<string, unknown>): RelationalSchema {
  const byTable = new Map<Table, Entry>();
  const byKey = new Map<string, TableEntry>();
  for (const [key, value] of Object.entries(schema)) {
    if (value instanceof Table && !getTableInfo(value).alias) {
      const entry = new Entry(key, value, byTable);
      byTable.set(value, entry);
      byKey.set(key, entry);
    }
  }
  for (const value of Object.values(schema)) {
    if (!(value instanceof Relations)) continue;
    const entry = byTable.get(value.table);
    if (!entry) {
      throw new MizzleError(
        'invalid',
        `relations() of table "${getTableInfo(value.table).name}", which is not in the schema`,
      );
    }
    entry.declared.push(value);
  }
  return byKey;
}

class Entry implements TableEntry {
  readonly declared: Relations[] = [];
  private evaluated: Record<string, One | Many> | undefined;
  private readonly resolved = new Map<string, ResolvedRelation>();

  constructor(
    readonly key: string,
    readonly table: Table,
    private readonly byTable: ReadonlyMap<Table, Entry>,
  ) {}

  /** Every relation declared for this table, evaluated once. */
  declarations(): Record<string, One | Many> {
    if (!this.evaluated) {
      this.evaluated = {};
      for (const r of this.declared) Object.assign(this.evaluated, relationsOf(r));
    }
    return this.evaluated;
  }

  relation(key: string): ResolvedRelation {
    let r = this.resolved.get(key);
    if (!r) {
      r = this.resolve(key);
      this.resolved.set(key, r);
    }
    return r;
  }

  private resolve(key: string): ResolvedRelation {
    const rel = Object.hasOwn(this.declarations(), key) ? this.declarations()[key] : undefined;
    if (!rel) throw new MizzleError('invalid', `table "${this.key}" has no relation "${key}"`);
    const target = this.byTable.get(rel.referencedTable);
    if (!target) {
      throw new MizzleError('invalid', `relation "${this.key}.${key}" points to a table that is not in the schema`);
    }
    const many = rel instanceof Many;
    if (rel instanceof One && rel.config) {
      return { key, many, target, on: pairs(rel.config.fields, rel.config.references, `${this.key}.${key}`) };
    }
    // A many (or a one without fields) is the other side of a one declared on the target.
    const inverse = target.inverseOf(this.table, rel.config?.relationName, `${this.key}.${key}`);
    return { key, many, target, on: pairs(inverse.references, inverse.fields, `${this.key}.${key}`) };
  }

  /** The `one(...)` with fields on this table that points back to `source`. */
  inverseOf(source: Table, relationName: string | undefined, what: string): { fields: Column[]; references: Column[] } {
    const candidates = Object.values(this.declarations()).filter(
      (r): r is One =>
        r instanceof One &&
        r.config !== undefined &&
        r.referencedTable === source &&
        (relationName === undefined || r.config.relationName === relationName),
    );
    if (candidates.length === 1) return candidates[0]!.config!;
    const hint = relationName === undefined ? ' (give both sides the same relationName)' : '';
    throw new MizzleError(
      'invalid',
      candidates.length === 0
        ? `relation "${what}" has no matching one(...) with fields and references on table "${this.key}"${hint}`
        : `relation "${what}" is ambiguous: table "${this.key}" has ` +
            `${candidates.length} one(...) relations back${hint}`,
    );
  }
}

function pairs(fields: readonly Column[], references: readonly Column[], what: string): [string, string][] {
  if (fields.length === 0 || fields.length !== references.length) {
    throw new MizzleError('invalid', `relation "${what}" needs as many fields as references (at least one)`);
  }
  return fields.map((f, i) => [f.name, references[i]!.name]);
}
