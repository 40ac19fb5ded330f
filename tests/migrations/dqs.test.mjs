// Issue 15 item 7: SQLite's double-quoted-string fallback (`"x"` is the string 'x' where no column x
// exists), which real drizzle-kit and wrangler histories rely on (`DEFAULT "x"`, `WHERE a = "b"`). D1 and
// Durable Objects keep it in DDL and DML (measured here in workerd); the embedded SQLite sets it at open
// (SQLITE_DBCONFIG_DQS_DDL / _DML, wasm/src/embedded/ffi.rs), so the same migrations pass on all three.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sqliteHosts } from './lib/sqlite-hosts.mjs';

let env;
before(async () => {
  env = await sqliteHosts();
});
after(async () => {
  await env?.mf.dispose();
});

for (const name of ['embedded', 'd1', 'do']) {
  describe(`${name}: double-quoted strings`, () => {
    test('accepted as strings in DDL and DML where no column has the name; a column wins', async () => {
      const h = await env.hosts.find((x) => x.name === name).open();
      await h.exec('create table t (id integer primary key, a text default "x", b text)');
      // DDL: a partial index and a CHECK whose "lit" / "no" are strings.
      await h.exec('create index t_lit on t (b) where b = "lit"');
      await h.exec('create table c (v text check (v <> "no"))');
      // DML: values, comparisons, SET.
      await h.exec('insert into t (id, b) values (1, "lit"), (2, "other")');
      await h.exec('update t set a = "y" where b = "other"');
      assert.deepEqual(await h.exec('select id, a, b from t where b = "lit" or a = "y" order by id'), [
        { id: 1, a: 'x', b: 'lit' },
        { id: 2, a: 'y', b: 'other' },
      ]);
      // Where a column of that name exists, "b" is the column (the fallback only applies otherwise).
      assert.deepEqual(await h.exec('select "b" as v from t where id = 1'), [{ v: 'lit' }]);
      // The CHECK compares with the string 'no' (miniflare's RPC proxy loses the DO's message, so only
      // the refusal and its effect are checked).
      await assert.rejects(async () => h.exec(`insert into c (v) values ("no")`));
      await h.exec(`insert into c (v) values ("yes")`);
      assert.deepEqual(await h.exec('select v from c'), [{ v: 'yes' }]);
    });
  });
}
