// The workerd side of push.test.mjs: a Durable Object that pushes its schema from its constructor inside
// blockConcurrencyWhile (the README's pattern), and one driven over RPC. Answers are plain objects.
import { DurableObject } from 'cloudflare:workers';
import { drizzle } from 'mizzle/durable-sqlite';
import { push } from 'mizzle/durable-sqlite/migrator';
import * as core from 'mizzle/sqlite-core';
import { outcome } from './lib/outcome.mjs';
import { RENAME, schemaOf } from './push-schema.mjs';

export class Pushed extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    this.db = drizzle(ctx.storage);
    ctx.blockConcurrencyWhile(async () => {
      this.boot = outcome(() => push(this.db, { schema: schemaOf(core, 2), hints: RENAME, acceptDataLoss: true }));
    });
  }
  state() {
    return {
      boot: this.boot,
      tables: this.ctx.storage.sql.exec("select name from sqlite_master where type = 'table' order by name").toArray(),
    };
  }
}

export class Pusher extends DurableObject {
  push(version, options = {}) {
    return outcome(() => push(drizzle(this.ctx.storage), { schema: schemaOf(core, version), ...options }));
  }
  exec(sql) {
    return this.ctx.storage.sql.exec(sql).toArray();
  }
}

export default {
  fetch() {
    return new Response('not found', { status: 404 });
  },
};
