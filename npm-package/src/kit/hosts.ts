/**
 * How `migrate` runs each kind of step on a target: the same few lines as `mizzle/neon-http/migrator`
 * and `mizzle/planetscale/migrator`, kept here so the CLI can watch each step (./progress.ts).
 */
import { drizzle as neon } from '../neon-http/index.js';
import { sql } from '../sql.js';
import { drizzle as planetscale } from '../planetscale/index.js';
import type { AsyncHost } from '../migrator/run.js';
import type { HostTraits, MigrationDialect } from '../migrator/steps.js';
import type { Target } from './target.js';

export interface Host {
  dialect: MigrationDialect;
  traits: HostTraits;
  run: AsyncHost;
  /** For the header line: where the migrations go, without credentials. */
  describe: string;
}

export function hostOf(t: Target): Host {
  const u = new URL(t.url);
  const where = `${u.host}${u.pathname.length > 1 ? u.pathname : ''}`;
  if (t.dialect === 'postgresql') {
    const db = neon({ connectionString: t.url, endpoint: t.endpoint });
    return {
      dialect: 'postgresql',
      // Neon's batch error does not say which statement failed: the steps bisect.
      traits: { locatesFailures: false },
      run: {
        rows: async (q) => (await db.execute(sql.raw(q))).rows as Record<string, unknown>[],
        run: (q) => db.execute(sql.raw(q)),
        atomic: (qs) => db.batch(qs.map((q) => db.execute(sql.raw(q))) as [never, ...never[]]),
      },
      describe: `postgresql ${where} over Neon HTTP${t.endpoint ? ` (endpoint ${t.endpoint})` : ''}`,
    };
  }
  const db = planetscale({ url: t.url });
  return {
    dialect: 'mysql',
    traits: { locatesFailures: true },
    run: {
      rows: async (q) => (await db.execute(sql.raw(q))).rows as Record<string, unknown>[],
      run: (q) => db.execute(sql.raw(q)),
      atomic: () => Promise.reject(new Error('MySQL migrations have no atomic unit')),
    },
    describe: `mysql ${where} over PlanetScale HTTP`,
  };
}
