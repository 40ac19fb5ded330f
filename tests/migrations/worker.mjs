// The workerd side of sqlite.test.mjs: D1 and Durable Objects migrated by mizzle's migrators (and by
// drizzle-orm's, to check that each continues the other's table). `Booted` migrates itself from its
// constructor with drizzle-kit's own bundled migrations.js (fixtures/sqlite/, `.sql` imported as text);
// `Store` is driven over RPC. Answers are plain objects: error classes do not survive RPC.
import { DurableObject } from 'cloudflare:workers';
import { drizzle as drizzleDOd } from 'drizzle-orm/durable-sqlite';
import { migrate as migrateDOd } from 'drizzle-orm/durable-sqlite/migrator';
import { drizzle as drizzleD1 } from 'mizzle/d1';
import { migrate as migrateD1 } from 'mizzle/d1/migrator';
import { drizzle as drizzleDO } from 'mizzle/durable-sqlite';
import { migrate as migrateDO } from 'mizzle/durable-sqlite/migrator';
import fixtures from './fixtures/sqlite/migrations.js';
import { attempt, outcome } from './lib/outcome.mjs';

export class Store extends DurableObject {
  mizzle(config) {
    return outcome(() => migrateDO(drizzleDO(this.ctx.storage), config));
  }
  /** drizzle's form: the bundle itself as the config. */
  mizzleBundle(bundle) {
    return outcome(() => migrateDO(drizzleDO(this.ctx.storage), bundle));
  }
  drizzle(bundle) {
    return attempt(() => migrateDOd(drizzleDOd(this.ctx.storage), bundle));
  }
  exec(sql) {
    return this.ctx.storage.sql.exec(sql).toArray();
  }
}

export class Booted extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    this.db = drizzleDO(ctx.storage);
    ctx.blockConcurrencyWhile(async () => {
      this.boot = outcome(() => migrateDO(this.db, fixtures));
    });
  }
  state() {
    return {
      boot: this.boot,
      rows: this.ctx.storage.sql
        .exec('select hash, created_at from __drizzle_migrations order by created_at')
        .toArray(),
    };
  }
}

export default {
  async fetch(req, env) {
    const url = new URL(req.url);
    if (url.pathname === '/d1/bundled') {
      return Response.json(await attempt(() => migrateD1(drizzleD1(env.DB), { migrations: fixtures })));
    }
    return new Response('not found', { status: 404 });
  },
};
