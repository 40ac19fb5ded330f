// Issue 15 on the SQLite hosts (lib/sqlite-hosts.mjs: the embedded database in Node, D1 and Durable
// Objects in workerd), with drizzle-kit's own folder (fixtures/sqlite/, four versions of a schema whose
// third makes drizzle-kit rebuild `users`, the parent of cascading `posts` and `comments`):
// stepwise upgrades with data in between keep every child row; drizzle-orm's migrator and mizzle's
// continue each other's tracking table; a failing statement leaves the database at the migration
// before it, recorded truthfully; pending is "not recorded", not "newer than the newest row".
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { FIXTURES, folder, nestedFolder, tags } from './lib/folders.mjs';
import { sqliteHosts } from './lib/sqlite-hosts.mjs';

const TAGS = tags('sqlite');
let env;
before(async () => {
  env = await sqliteHosts();
});
after(async () => {
  await env?.mf.dispose();
});

const count = async (h, table) => Number((await h.exec(`select count(*) as n from ${table}`))[0].n);
const ok = (o) => {
  assert.ok(o.ok, `migrate failed: ${JSON.stringify(o.error)}`);
  return o.result;
};

/** Data of version 1, inserted before the rebuild: a user, a post, a comment by that user. */
async function seed(h) {
  await h.exec(`insert into users (id, name) values (1, 'ann'), (2, 'bob')`);
  await h.exec(`insert into posts (id, user_id, title) values (10, 1, 'p1'), (11, 2, 'p2')`);
  await h.exec(`insert into comments (id, post_id, author_id, body) values (100, 10, 2, 'c1'), (101, 11, 1, 'c2')`);
}

for (const name of ['embedded', 'd1', 'do']) {
  const host = () => env.hosts.find((h) => h.name === name);

  describe(`${name}: drizzle-kit's folder`, () => {
    test('applied version by version with data in between: child rows survive the rebuild', async () => {
      const h = await host().open();
      assert.deepEqual(ok(await h.migrate(folder('sqlite', 1))).applied, TAGS.slice(0, 1));
      await seed(h);
      assert.deepEqual(ok(await h.migrate(folder('sqlite', 2))).applied, TAGS.slice(1, 2));
      const v3 = ok(await h.migrate(folder('sqlite', 3)));
      assert.deepEqual(v3.applied, TAGS.slice(2, 3));
      // The rebuild of `users` (0002) deletes posts and comments under drizzle-orm's migrator.
      assert.deepEqual(await h.exec('select id, user_id from posts order by id'), [
        { id: 10, user_id: 1 },
        { id: 11, user_id: 2 },
      ]);
      assert.deepEqual(await h.exec('select id, post_id, author_id from comments order by id'), [
        { id: 100, post_id: 10, author_id: 2 },
        { id: 101, post_id: 11, author_id: 1 },
      ]);
      assert.deepEqual(
        await h.exec(`select "notnull" as nn, dflt_value as d from pragma_table_info('users') where name = 'name'`),
        [{ nn: 1, d: "'anon'" }],
      );
      const v4 = ok(await h.migrate(folder('sqlite', 4)));
      assert.deepEqual([v4.applied, v4.alreadyApplied], [TAGS.slice(3), 3]);
      assert.equal(ok(await h.migrate(folder('sqlite', 4))).applied.length, 0);
      // drizzle's table, rows and values: the file's SHA-256 and the journal's `when`.
      const journal = JSON.parse(readFileSync(join(FIXTURES, 'sqlite/meta/_journal.json'), 'utf8'));
      const rows = await h.exec('select id, hash, created_at from __drizzle_migrations order by created_at');
      assert.deepEqual(
        rows,
        journal.entries.map((e) => ({
          id: null,
          hash: createHash('sha256')
            .update(readFileSync(join(FIXTURES, `sqlite/${e.tag}.sql`), 'utf8'))
            .digest('hex'),
          created_at: e.when,
        })),
      );
      assert.equal(await count(h, "sqlite_master where name like '__mizzle_keep%'"), 0);
    });

    test('a failing statement in the third migration leaves the database at the second, recorded', async () => {
      for (const atomic of ['migration', 'run']) {
        const h = await host().open();
        if (atomic === 'run') ok(await h.migrate(folder('sqlite', 2)));
        const bad = folder('sqlite', 4, { fail: { migration: 2, at: 3 } });
        const o = await h.migrate(bad, { atomic });
        assert.equal(o.ok, false, atomic);
        assert.equal(o.error.name, 'MizzleMigrationError');
        assert.equal(o.error.kind, 'migration');
        assert.equal(o.error.migration, TAGS[2]);
        assert.match(o.error.cause, /no such table: mizzle_no_such_table/);
        assert.match(o.error.message, new RegExp(`${TAGS[2]}.*no such table`));
        // D1 does not say which statement of a batch failed: the migrator finds it with rolled-back probes.
        assert.equal(o.error.statement, 3, JSON.stringify(o.error));
        assert.equal(await count(h, '__drizzle_migrations'), 2, atomic);
        // Nothing of the third: no half-made table, `users.name` still nullable.
        assert.equal(await count(h, "sqlite_master where name = '__new_users'"), 0);
        assert.deepEqual(await h.exec(`select "notnull" as nn from pragma_table_info('users') where name = 'name'`), [
          { nn: 0 },
        ]);
        // Fixed, the same folder goes on from there.
        assert.deepEqual(ok(await h.migrate(folder('sqlite', 4))).applied, TAGS.slice(2));
      }
    });

    test('an older migration merged after a newer one was applied is applied (drizzle #5769)', async () => {
      const h = await host().open();
      const when = [1_000, 3_000, 2_000, 4_000];
      // Deployed: 0000 and 0001 (when 3000). Then 0002 arrives from a branch, dated before 0001.
      const deployed = folder('sqlite', 2, { when });
      ok(await h.migrate(deployed));
      const merged = ok(await h.migrate(folder('sqlite', 4, { when })));
      assert.deepEqual(merged.applied, TAGS.slice(2));
      if (h.drizzle) {
        // drizzle-orm's migrator, on the same history, skips 0002 silently.
        const other = await host().open();
        assert.ok((await other.drizzle(deployed)).ok);
        assert.ok((await other.drizzle(folder('sqlite', 4, { when }))).ok);
        assert.equal(await count(other, '__drizzle_migrations'), 3);
      }
    });

    test('migrationsTable is honoured (drizzle-orm ignores it on Durable Objects)', async () => {
      const h = await host().open();
      assert.deepEqual(
        ok(await h.migrate(folder('sqlite', 2), { migrationsTable: 'ops log' })).applied,
        TAGS.slice(0, 2),
      );
      assert.equal(await count(h, '"ops log"'), 2);
      assert.equal(await count(h, "sqlite_master where name = '__drizzle_migrations'"), 0);
      assert.equal(ok(await h.migrate(folder('sqlite', 2), { migrationsTable: 'ops log' })).applied.length, 0);
    });

    test('a changed file or a recorded migration the folder lacks is a typed error naming it', async () => {
      const h = await host().open();
      ok(await h.migrate(folder('sqlite', 2)));
      const edited = folder('sqlite', 3);
      const file = join(edited, `${TAGS[1]}.sql`);
      const { writeFileSync } = await import('node:fs');
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n-- edited after it ran`);
      const changed = await h.migrate(edited);
      assert.equal(changed.error?.kind, 'migration_changed');
      assert.match(changed.error.message, new RegExp(TAGS[1]));
      assert.equal(await count(h, '__drizzle_migrations'), 2);
      assert.deepEqual(ok(await h.migrate(edited, { accept: { changed: true } })).applied, [TAGS[2]]);
      const missing = await h.migrate(folder('sqlite', 1));
      assert.equal(missing.error?.kind, 'migration_missing');
      assert.equal(ok(await h.migrate(folder('sqlite', 1), { accept: { missing: true } })).applied.length, 0);
    });
  });

  if (name !== 'embedded') {
    describe(`${name}: drizzle-orm's migrator and mizzle's continue each other`, () => {
      test('drizzle first, then mizzle, then drizzle again applies nothing', async () => {
        const h = await host().open();
        assert.ok((await h.drizzle(folder('sqlite', 2))).ok);
        assert.deepEqual(ok(await h.migrate(folder('sqlite', 4))).applied, TAGS.slice(2));
        assert.ok((await h.drizzle(folder('sqlite', 4))).ok);
        assert.equal(await count(h, '__drizzle_migrations'), 4);
      });

      test("drizzle-orm's migrator loses the child rows mizzle's keeps (the contrast)", async () => {
        const h = await host().open();
        assert.ok((await h.drizzle(folder('sqlite', 2))).ok);
        await seed(h);
        assert.ok((await h.drizzle(folder('sqlite', 3))).ok);
        // drizzle #5782 / #4938: the rebuild of `users` cascaded into posts and comments.
        assert.equal(await count(h, 'posts'), 0);
        assert.equal(await count(h, 'comments'), 0);
      });

      test('mizzle first, then drizzle applies nothing it already has', async () => {
        const h = await host().open();
        ok(await h.migrate(folder('sqlite', 2)));
        assert.ok((await h.drizzle(folder('sqlite', 2))).ok);
        assert.equal(await count(h, '__drizzle_migrations'), 2);
      });
    });
  }
}

describe("drizzle-kit 1.0's layout (<timestamp>_<name>/migration.sql)", () => {
  test('applied in name order, recorded at the folder time; a journal history continues in it', async () => {
    const h = await env.hosts.find((x) => x.name === 'embedded').open();
    // A minute apart, with milliseconds, which 1.0's second-resolution names drop.
    const when = [0, 1, 2, 3].map((i) => 1_700_000_000_123 + i * 60_000);
    const { dir, names } = nestedFolder('sqlite', 4, { when });
    assert.deepEqual(ok(await h.migrate(dir)).applied, names);
    const stamps = names.map((n) => {
      const [y, mo, d, hh, mm, ss] = n
        .match(/^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)/)
        .slice(1)
        .map(Number);
      return Date.UTC(y, mo - 1, d, hh, mm, ss);
    });
    assert.deepEqual(
      (await h.exec('select created_at from __drizzle_migrations order by created_at')).map((r) => r.created_at),
      stamps,
    );
    // Upgraded to 1.0's layout after two migrations: matched by hash, the rest applied.
    const upgraded = await env.hosts.find((x) => x.name === 'embedded').open();
    ok(await upgraded.migrate(folder('sqlite', 2, { when })));
    assert.deepEqual(ok(await upgraded.migrate(dir)).applied, names.slice(2));
  });
});

describe('workerd with the bundled migrations.js drizzle-kit wrote', () => {
  test('a Durable Object migrates itself from its constructor in blockConcurrencyWhile', async () => {
    const ns = await env.mf.getDurableObjectNamespace('BOOTED');
    const state = await ns.get(ns.idFromName(randomUUID())).state();
    assert.ok(state.boot.ok, JSON.stringify(state.boot));
    assert.deepEqual(state.boot.result.applied, TAGS);
    assert.equal(state.rows.length, TAGS.length);
    assert.ok(state.rows.every((r) => /^[0-9a-f]{64}$/.test(r.hash)));
  });

  test('D1 from inside a Worker, twice', async () => {
    const first = await (await env.mf.dispatchFetch('http://localhost/d1/bundled')).json();
    assert.ok(first.ok, JSON.stringify(first));
    assert.deepEqual(first.result.applied, TAGS);
    const again = await (await env.mf.dispatchFetch('http://localhost/d1/bundled')).json();
    assert.deepEqual(again.result.applied, []);
  });

  test("drizzle's Durable Object rows (hash '') are continued, not re-applied", async () => {
    const h = await env.hosts.find((x) => x.name === 'do').open();
    assert.ok((await h.drizzle(folder('sqlite', 2))).ok);
    assert.deepEqual(
      (await h.exec('select hash from __drizzle_migrations')).map((r) => r.hash),
      ['', ''],
    );
    assert.deepEqual(ok(await h.migrate(folder('sqlite', 3))).applied, [TAGS[2]]);
    assert.equal(await count(h, '__drizzle_migrations'), 3);
  });
});
