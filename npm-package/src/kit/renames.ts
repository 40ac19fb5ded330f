/**
 * Which disappearing tables and columns are renames: from `--rename` / `--create-drop`, or asked on a
 * terminal; never guessed (generate and push).
 */
/// <reference types="node" />
import { createInterface } from 'node:readline/promises';
import type { DiffHints, SchemaDiff } from '../wasm/types.js';
import { KitError } from './errors.js';

export type KitHints = DiffHints & {
  renames: NonNullable<DiffHints['renames']>;
  createDrop: NonNullable<DiffHints['createDrop']>;
};

/**
 * `--rename a=b` (a table), `--rename t.a=b` (a column of table t, by its new name), `--create-drop t[.c]`.
 * PostgreSQL tables of another schema than `public` are `s.t`: a column is then `s.t.c` (split at the last
 * dot), a table rename `s.a=s.b` (a dot on the right), and a table's create-drop `s.t.` (a trailing dot).
 */
export function hintsOf(args: { renames: string[]; createDrop: string[] }): KitHints {
  const renames = args.renames.map((r) => {
    const eq = r.indexOf('=');
    if (eq < 1 || eq === r.length - 1) throw new KitError('usage', `--rename ${r}: expected old=new or table.old=new`);
    const [left, to] = [r.slice(0, eq), r.slice(eq + 1)];
    const dot = left.lastIndexOf('.');
    return dot < 0 || to.includes('.')
      ? { from: left, to }
      : { table: left.slice(0, dot), from: left.slice(dot + 1), to };
  });
  const createDrop = args.createDrop.map((t) => {
    const dot = t.lastIndexOf('.');
    if (dot === t.length - 1) return { table: t.slice(0, -1) };
    return dot < 0 ? { table: t } : { table: t.slice(0, dot), column: t.slice(dot + 1) };
  });
  return { renames, createDrop };
}

type Ambiguity = NonNullable<SchemaDiff['ambiguous']>;

/** A table as the flags name it: PostgreSQL's `public.` left out. */
const flagName = (table: string) => table.replace(/^public\./, '');

/** What disappears and appears, and the flags that decide it. */
export function ambiguityMessage(a: Ambiguity): string {
  const where = a.table === null ? 'tables' : `columns of table ${a.table}`;
  const [from, to] = [a.removed[0] ?? '', a.added[0] ?? ''];
  let example: string;
  if (a.table === null) {
    const [f, t] = [flagName(from), flagName(to)];
    example = `--rename ${f}=${t} or --create-drop ${t}${t.includes('.') ? '.' : ''}`;
  } else {
    const t = flagName(a.table);
    example = `--rename ${t}.${from}=${to} or --create-drop ${t}.${to}`;
  }
  return (
    `${where}: ${a.removed.join(', ')} disappear(s) while ${a.added.join(', ')} appear(s); a rename or a new ` +
    `one plus a drop? Say which (e.g. ${example}); mizzle-kit never guesses`
  );
}

/** Asks, for each appearing name, which disappearing one it renames (or none), and adds the answers to `hints`. */
export async function ask(a: Ambiguity, hints: KitHints): Promise<void> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const left = [...a.removed];
    for (const added of a.added) {
      const what = a.table === null ? `table ${added}` : `column ${a.table}.${added}`;
      const choices = left.map((r, i) => `${i + 1}) renamed from ${r}`).join(', ');
      const answer = (await rl.question(`${what} is new: 0) created, ${choices}? [0] `)).trim();
      const n = Number(answer || '0');
      const from = left[n - 1];
      if (n > 0 && from !== undefined) {
        hints.renames.push(a.table === null ? { from, to: added } : { table: a.table, from, to: added });
        left.splice(n - 1, 1);
      } else {
        hints.createDrop.push(a.table === null ? { table: added } : { table: a.table, column: added });
      }
    }
    for (const r of left) hints.createDrop.push(a.table === null ? { table: r } : { table: a.table, column: r });
  } finally {
    rl.close();
  }
}
