// Opens the in-memory SQLite (mizzle/sqlite-wasm) and records every statement
// the engine rendered: its SQL, its params and how long it ran.
import { createDatabase, drizzle } from 'mizzle/sqlite-wasm';
import { DDL, schema } from './schema.js';

/**
 * The SQL log. mizzle's logger is called right before a statement runs, and the
 * embedded database runs synchronously, so a statement's time is measured from
 * its logQuery call to the next one, or to the end of the `track()` call
 * around it, whichever comes first.
 */
export function createSqlLog({ keep = 150 } = {}) {
  const entries = [];
  const listeners = new Set();
  let total = 0;
  let open = null;
  let tx = null;
  let txCount = 0;

  const close = (error) => {
    if (!open) return;
    open.ms = performance.now() - open.start;
    if (error) open.error = error;
    open = null;
  };

  return {
    entries,
    get total() {
      return total;
    },
    /** The `logger` option of `drizzle()`. */
    logger: {
      logQuery(sql, params) {
        close();
        open = { n: ++total, sql, params, start: performance.now(), ms: null, tx: tx?.id ?? null, error: null };
        entries.push(open);
        if (entries.length > keep) entries.shift();
      },
    },
    /** Runs synchronous database work, closing the last statement's timer; a thrown error marks it. */
    track(fn) {
      try {
        const result = fn();
        close();
        return result;
      } catch (e) {
        close(e?.code ?? e?.kind ?? e?.name ?? 'error');
        throw e;
      } finally {
        for (const l of listeners) l();
      }
    },
    /** Runs `fn(tx)` in `db.transaction`; its statements are tagged, and marked rolled back if it throws. */
    transaction(db, fn) {
      const mine = { id: ++txCount };
      tx = mine;
      try {
        return this.track(() => db.transaction(fn));
      } catch (e) {
        for (const entry of entries) if (entry.tx === mine.id) entry.rolledBack = true;
        throw e;
      } finally {
        tx = null;
      }
    },
    onChange(listener) {
      listeners.add(listener);
    },
    clear() {
      entries.length = 0;
      for (const l of listeners) l();
    },
  };
}

/** Loads the wasm, creates the schema, and wraps the client in mizzle's drizzle API. */
export async function openDatabase(log) {
  const started = performance.now();
  const client = await createDatabase();
  const loaded = performance.now();
  client.exec(DDL);
  const db = drizzle(client, { schema, logger: log.logger });
  return { client, db, loadMs: loaded - started, schemaMs: performance.now() - loaded };
}
