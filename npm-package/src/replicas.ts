/**
 * `withReplicas(primary, replicas, getReplica?)`, as drizzle's sqlite-core,
 * pg-core and mysql-core export it: one `db` whose reads (select builders,
 * `$count`, `with(...)`, `db.query`) start on a replica picked per call, and
 * whose writes, raw statements and transactions run on the primary, so a
 * read right after a write in one transaction never sees a lagging replica.
 * Each dialect routes what its drizzle database has: `selectDistinctOn`,
 * `$with` and `refreshMaterializedView` on PostgreSQL; `run/all/get/values`
 * on SQLite, `execute` on PostgreSQL and MySQL. `db.batch` (which drizzle's
 * replicated object lacks at run time though its type has it) runs on the
 * primary: a batch may write.
 *
 * @example
 * const db = withReplicas(drizzle(primaryUrl), [drizzle(replicaUrl1), drizzle(replicaUrl2)]);
 * await db.select().from(users);          // a replica
 * await db.insert(users).values({ name }); // the primary
 * await db.$primary.select().from(users);  // the primary, explicitly
 */
import { Dialect } from './engine/engine.js';
import type { Database } from './query/database.js';

/** What `withReplicas` returns: the primary's API, plus the databases it routes to. */
export type WithReplicas<Q> = Q & { readonly $primary: Q; readonly $replicas: Q[] };

// biome-ignore lint/suspicious/noExplicitAny: any database of any mode, run result and schema
type AnyDatabase = Database<any, any, any>;

/** The methods whose calls go to a replica, and those that go to the primary, per dialect. */
function routes(dialect: Dialect): { reads: string[]; writes: string[] } {
  const reads = ['select', 'selectDistinct', '$count', 'with'];
  const writes = ['update', 'insert', 'delete', 'transaction', 'batch'];
  if (dialect === Dialect.postgres)
    return {
      reads: [...reads, 'selectDistinctOn', '$with'],
      writes: [...writes, 'execute', 'refreshMaterializedView'],
    };
  if (dialect === Dialect.sqlite) return { reads, writes: [...writes, 'run', 'all', 'get', 'values', '$with'] };
  return { reads, writes: [...writes, 'execute', '$with'] };
}

const randomReplica = <Q>(replicas: Q[]): Q => replicas[Math.floor(Math.random() * replicas.length)] as Q;

/**
 * Routes reads to `getReplica(replicas)` (a random one by default) and
 * everything else to `primary`.
 *
 * @example
 * const db = withReplicas(primary, [replica], (rs) => rs[0]!);
 */
export function withReplicas<Q extends AnyDatabase>(
  primary: Q,
  replicas: [Q, ...Q[]],
  getReplica: (replicas: Q[]) => Q = randomReplica,
): WithReplicas<Q> {
  const { reads, writes } = routes((primary as unknown as { session: { dialect: Dialect } }).session.dialect);
  // The primary's own properties (its session, schema, `_`) as drizzle's spread of it keeps them.
  const db: Record<string, unknown> = { ...(primary as object) };
  const call =
    (target: () => Q, key: string) =>
    (...args: unknown[]) =>
      (target() as unknown as Record<string, (...a: unknown[]) => unknown>)[key]!(...args);
  for (const key of reads) db[key] = call(() => getReplica(replicas), key);
  for (const key of writes) db[key] = call(() => primary, key);
  Object.defineProperty(db, 'query', { get: () => getReplica(replicas).query, enumerable: true });
  // drizzle's `db._` is an own property its spread keeps; mizzle's is a getter on the class, so forward it.
  Object.defineProperty(db, '_', { get: () => primary._, enumerable: true });
  db.$primary = primary;
  db.$replicas = replicas;
  return db as unknown as WithReplicas<Q>;
}
