/**
 * How `migrate` runs each kind of step on a target: the drivers' own migration hosts (what
 * `mizzle/neon-http/migrator` and `mizzle/planetscale/migrator` run), which the CLI wraps to watch each
 * step (./progress.ts).
 */
import { drizzle as neon } from '../neon-http/index.js';
import { NEON_TRAITS, neonHost } from '../neon-http/migration-host.js';
import { drizzle as planetscale } from '../planetscale/index.js';
import { PLANETSCALE_TRAITS, planetscaleHost } from '../planetscale/migration-host.js';
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
      traits: NEON_TRAITS,
      run: neonHost(db),
      describe: `postgresql ${where} over Neon HTTP${t.endpoint ? ` (endpoint ${t.endpoint})` : ''}`,
    };
  }
  const db = planetscale({ url: t.url });
  return {
    dialect: 'mysql',
    traits: PLANETSCALE_TRAITS,
    run: planetscaleHost(db),
    describe: `mysql ${where} over PlanetScale HTTP`,
  };
}
