// Folders made from the committed drizzle-kit fixtures (fixtures/<dialect>/), in a temp directory:
// the first n migrations (the journal cut there), optionally with a statement that fails inserted
// into one migration, or with `when` values rewritten; and the same as drizzle-kit's bundled form.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const BREAK = '--> statement-breakpoint';

/** A statement no dialect accepts: the table does not exist. */
export const FAILING = 'insert into mizzle_no_such_table values (1)';

/**
 * A copy of fixtures/<dialect> with its first `n` migrations. `fail: { migration, at }` inserts FAILING
 * as statement `at` (from 1) of that migration (index from 0); `when: [..]` replaces the entries' `when`.
 */
export function folder(dialect, n, { fail, when } = {}) {
  const dir = mkdtempSync(join(tmpdir(), `mizzle-mig-${dialect}-`));
  cpSync(join(FIXTURES, dialect), dir, { recursive: true });
  const journal = JSON.parse(readFileSync(join(dir, 'meta/_journal.json'), 'utf8'));
  journal.entries = journal.entries.slice(0, n);
  if (when) {
    for (const [i, e] of journal.entries.entries()) e.when = when[i];
  }
  writeFileSync(join(dir, 'meta/_journal.json'), JSON.stringify(journal, null, 2));
  if (fail) {
    const file = join(dir, `${journal.entries[fail.migration].tag}.sql`);
    const pieces = readFileSync(file, 'utf8').split(BREAK);
    pieces.splice(fail.at - 1, 0, `\n${FAILING};`);
    writeFileSync(file, pieces.join(BREAK));
  }
  return dir;
}

/** drizzle-kit's bundled form of `folder(...)`'s output: `{ journal, migrations: { m0000: text } }`. */
export function bundle(dir) {
  const journal = JSON.parse(readFileSync(join(dir, 'meta/_journal.json'), 'utf8'));
  const migrations = {};
  for (const e of journal.entries) {
    migrations[`m${String(e.idx).padStart(4, '0')}`] = readFileSync(join(dir, `${e.tag}.sql`), 'utf8');
  }
  return { journal, migrations };
}

/**
 * The same migrations in drizzle-kit 1.0's layout, as `drizzle-kit up` converts a journal folder:
 * `<YYYYMMDDHHmmss of when, UTC>_<tag without its number>/migration.sql`. Returns the directory and the
 * folder names. (drizzle-kit wrote the fixtures within one second: pass `when` a second or more apart, or
 * the folders sort by name within the second, as drizzle 1.0 would apply them.)
 */
export function nestedFolder(dialect, n, options) {
  const from = folder(dialect, n, options);
  const journal = JSON.parse(readFileSync(join(from, 'meta/_journal.json'), 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), `mizzle-mig-${dialect}-nested-`));
  const names = journal.entries.map((e) => {
    const stamp = new Date(e.when).toISOString().replace(/\D/g, '').slice(0, 14);
    const name = `${stamp}_${e.tag.replace(/^\d+_/, '')}`;
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'migration.sql'), readFileSync(join(from, `${e.tag}.sql`), 'utf8'));
    return name;
  });
  return { dir, names };
}

/** The tags of fixtures/<dialect>, in journal order. */
export function tags(dialect) {
  return JSON.parse(readFileSync(join(FIXTURES, dialect, 'meta/_journal.json'), 'utf8')).entries.map((e) => e.tag);
}
