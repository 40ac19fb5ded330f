// Issue 15 on PostgreSQL (mizzle/neon-http through the Neon stand-in) and MySQL (mizzle/planetscale
// through the PlanetScale stand-in on MariaDB), with drizzle-kit's own folders (fixtures/pg, fixtures/mysql):
// stepwise upgrades with data in between; drizzle-orm's migrators and mizzle's continue each other;
// failures leave the database at the migration before, recorded truthfully (MySQL: what ran of the failing
// migration is said); an older merged migration is applied; two runs at once apply each migration once.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { FIXTURES, folder, tags } from './lib/folders.mjs';
import { serverHosts } from './lib/server-hosts.mjs';

let env;
before(async () => {
  env = await serverHosts();
});
after(async () => {
  await env?.close();
});

const ok = (o) => {
  assert.ok(o.ok, `migrate failed: ${JSON.stringify(o.error)}`);
  return o.result;
};
const count = async (h, table) => Number((await h.exec(`select count(*) as n from ${table}`))[0].n);

for (const name of ['pg', 'mysql']) {
  const TAGS = tags(name);
  const host = () => env.hosts.find((h) => h.name === name).open();

  describe(`${name}: drizzle-kit's folder`, () => {
    test('applied version by version with data in between, recorded as drizzle-orm records it', async () => {
      const h = await host();
      assert.deepEqual(ok(await h.migrate(folder(name, 1))).applied, TAGS.slice(0, 1));
      await h.exec(`insert into users (id, name) values (1, 'ann'), (2, 'bob')`);
      await h.exec(`insert into posts (id, user_id, title) values (10, 1, 'p1')`);
      assert.deepEqual(ok(await h.migrate(folder(name, 3))).applied, TAGS.slice(1, 3));
      assert.deepEqual(ok(await h.migrate(folder(name, 4))).applied, TAGS.slice(3));
      assert.equal(ok(await h.migrate(folder(name, 4))).applied.length, 0);
      assert.equal(await count(h, 'posts'), 1);
      const journal = JSON.parse(readFileSync(join(FIXTURES, name, 'meta/_journal.json'), 'utf8'));
      const rows = await h.exec(`select hash, created_at from ${h.tracking} order by created_at`);
      assert.deepEqual(
        rows.map((r) => [r.hash, Number(r.created_at)]),
        journal.entries.map((e) => [
          createHash('sha256')
            .update(readFileSync(join(FIXTURES, name, `${e.tag}.sql`), 'utf8'))
            .digest('hex'),
          e.when,
        ]),
      );
    });

    test('a failing statement in the third migration leaves the database at the second, recorded', async () => {
      const modes = name === 'pg' ? ['migration', 'run'] : ['migration'];
      for (const atomic of modes) {
        const h = await host();
        if (atomic === 'run') ok(await h.migrate(folder(name, 2)));
        const o = await h.migrate(folder(name, 4, { fail: { migration: 2, at: 1 } }), { atomic });
        assert.equal(o.ok, false);
        assert.equal(o.error.name, 'MizzleMigrationError');
        assert.equal(o.error.migration, TAGS[2]);
        assert.equal(o.error.statement, 1, JSON.stringify(o.error));
        assert.match(o.error.cause, /mizzle_no_such_table/);
        assert.equal(await count(h, h.tracking), 2, atomic);
        assert.deepEqual(ok(await h.migrate(folder(name, 4))).applied, TAGS.slice(2));
      }
    });

    if (name === 'mysql') {
      test('MySQL: a failure after DDL ran says what stays applied, and the record stays true', async () => {
        const h = await host();
        const o = await h.migrate(folder(name, 4, { fail: { migration: 2, at: 2 } }));
        assert.equal(o.ok, false);
        assert.equal(o.error.statement, 2);
        assert.match(
          o.error.message,
          /commits DDL implicitly, so its statements 1-1 ran and stay applied; it is not recorded/,
        );
        assert.deepEqual(o.error.applied, TAGS.slice(0, 2));
        assert.equal(await count(h, h.tracking), 2);
      });
    }

    test('an older migration merged after a newer one was applied is applied (drizzle #5769)', async () => {
      const when = [1_000, 3_000, 2_000, 4_000];
      const h = await host();
      ok(await h.migrate(folder(name, 2, { when })));
      assert.deepEqual(ok(await h.migrate(folder(name, 4, { when }))).applied, TAGS.slice(2));
      const d = await host();
      assert.ok((await d.drizzle(folder(name, 2, { when }))).ok);
      assert.ok((await d.drizzle(folder(name, 4, { when }))).ok);
      assert.equal(await count(d, d.tracking), 3, "drizzle-orm's migrator skips the merged migration");
    });

    test("drizzle-orm's migrator and mizzle's continue each other's table", async () => {
      const h = await host();
      assert.ok((await h.drizzle(folder(name, 2))).ok);
      assert.deepEqual(ok(await h.migrate(folder(name, 4))).applied, TAGS.slice(2));
      assert.ok((await h.drizzle(folder(name, 4))).ok);
      assert.equal(await count(h, h.tracking), 4);
    });

    test('migrationsTable (and migrationsSchema on PostgreSQL) are honoured', async () => {
      const h = await host();
      const options = { migrationsTable: 'ops_log', migrationsSchema: 'ops' };
      assert.deepEqual(ok(await h.migrate(folder(name, 2), options)).applied, TAGS.slice(0, 2));
      // drizzle-orm ignores migrationsSchema on MySQL, and so does mizzle.
      assert.equal(await count(h, name === 'pg' ? 'ops.ops_log' : 'ops_log'), 2);
      assert.equal(ok(await h.migrate(folder(name, 3), options)).applied.length, 1);
      if (name === 'pg') await h.exec('drop schema ops cascade');
    });

    test('two runs at once apply each migration once', async () => {
      const h = await host();
      const dir = folder(name, 4);
      const [a, b] = await Promise.all([h.migrateWith(h.fresh(), dir), h.migrateWith(h.fresh(), dir)]);
      assert.ok(a.ok && b.ok, JSON.stringify([a, b]));
      assert.deepEqual([...a.result.applied, ...b.result.applied].sort(), [...TAGS].sort());
      assert.equal(await count(h, h.tracking), 4);
    });
  });
}
