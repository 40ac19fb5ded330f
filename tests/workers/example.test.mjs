// The example Rust Worker (workers-d1/examples/rest-api, mizzle-workers on D1 and a SQLite Durable
// Object) in workerd through miniflare: HTTP in, JSON out. Each of the `worker` crate's value traps
// (../shared/reference/workers-rs.md) has a test here on both hosts, and the Rust Worker's rows are
// compared with mizzle's JS API and drizzle-orm reading the same D1 with the same schema.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { drizzle as drizzleOrm } from 'drizzle-orm/d1';
import { drizzle as mizzleD1 } from 'mizzle/d1';
import { migrate as mizzleMigrate } from 'mizzle/d1/migrator';
import { loadSchema } from './lib/schema.mjs';
import { call, miniflare, ok } from './lib/worker.mjs';

const FOLDER = fileURLToPath(new URL('../../workers-d1/examples/rest-api/migrations', import.meta.url));
const BIG = '9007199254740993'; // 2^53 + 1: a JS number would store 2^53
const CREATED = 1_700_000_000_000;

const user = (name, extra = {}) => ({
  name,
  email: `${name}@example.com`,
  created_at: CREATED,
  prefs: { theme: 'dark', tags: ['a', name] },
  avatar: [0, 255, 7],
  ...extra,
});

// The same routes on D1 (`/`) and on a Durable Object (`/do/<name>/`).
for (const [host, base] of [
  ['D1', ''],
  ['Durable Object', '/do/one'],
]) {
  describe(`${host}: the Rust API`, () => {
    let mf;
    before(async () => {
      mf = miniflare();
      const m = await ok(mf, `${base}/migrate`, '');
      assert.ok(m.applied.includes('0000_init'), JSON.stringify(m));
    });
    after(() => mf.dispose());

    test('insert ... returning decodes every codec; an absent optional field is NULL, never undefined', async () => {
      const ann = await ok(mf, `${base}/users`, user('ann', { email: undefined }));
      assert.deepEqual(ann, {
        id: 1,
        name: 'ann',
        email: null,
        admin: false,
        created_at: '2023-11-14T22:13:20.000Z',
        prefs: { theme: 'dark', tags: ['a', 'ann'] },
        avatar: [0, 255, 7],
      });
    });

    test('booleans, timestamps and blobs are stored as drizzle stores them (no JS `true` as text)', async () => {
      await ok(mf, `${base}/users`, user('bo', { admin: true }));
      const [types] = await ok(mf, `${base}/types/bo`);
      // The last: an integer bound in raw SQL stays an integer (`7 / 2` is 3, not 3.5).
      assert.deepEqual(types, ['integer', 'integer', 'blob', 'text', 'integer']);
      const [annTypes] = await ok(mf, `${base}/types/ann`);
      assert.equal(annTypes[3], 'null');
    });

    test('an integer beyond 2^53 is stored and read back exactly', async () => {
      const [, text] = await call(mf, `${base}/users/1/posts`, `{"title":"big","views":${BIG},"author_id":0}`);
      assert.match(text, new RegExp(`"views":${BIG}[,}]`), text);
    });

    test('a missing row is a 404, not a hung request', async () => {
      const [status, , body] = await call(mf, `${base}/users/999`);
      assert.equal(status, 404);
      assert.equal(body.kind, 'not_found');
    });

    test('a constraint violation is one typed error with SQLite code, on both hosts', async () => {
      const [status, , body] = await call(mf, `${base}/users`, user('ann'));
      assert.equal(status, 409, JSON.stringify(body));
      assert.equal(body.kind, 'host');
      assert.match(body.code, /^SQLITE_CONSTRAINT/);
      assert.match(body.error, /UNIQUE constraint failed: users\.name/);
    });

    test('an insert over 100 parameters is split and applied whole', async () => {
      // 4 values a row: 60 rows are 240 parameters, three statements in one atomic unit.
      const r = await ok(mf, `${base}/users/2/posts/bulk?count=60&views=3`, '');
      assert.equal(r.changes, 60);
      const stats = await ok(mf, `${base}/stats`);
      assert.deepEqual(stats, [
        { name: 'ann', posts: 1, views: Number(BIG) },
        { name: 'bo', posts: 60, views: 180 },
      ]);
    });

    test('a relational query nests posts and their author in one statement', async () => {
      const feed = await ok(mf, `${base}/feed`);
      assert.equal(feed.length, 2);
      assert.equal(feed[0].posts[0].title, 'big');
      assert.deepEqual(feed[0].posts[0].author, { name: 'ann', avatar: [0, 255, 7] });
      assert.equal(feed[1].posts.length, 60);
      assert.equal(feed[1].posts[0].title, 'bulk 59', 'newest first');
      assert.equal(feed[1].admin, true);
    });
  });
}

describe('D1: batches, updates, Sessions, and the JS APIs on the same database', () => {
  let mf;
  let schemas;
  before(async () => {
    mf = miniflare();
    schemas = { mizzle: await loadSchema('mizzle'), drizzle: await loadSchema('drizzle-orm') };
  });
  after(() => mf.dispose());

  test('a JS Worker and a Rust Worker share one migrations folder and its tracking table', async () => {
    const d1 = await mf.getD1Database('DB');
    const js = await mizzleMigrate(mizzleD1(d1), { migrationsFolder: FOLDER });
    assert.deepEqual(js.applied, ['0000_init']);
    const rust = await ok(mf, '/migrate', '');
    assert.deepEqual(rust, { applied: [], alreadyApplied: 1 });
  });

  test('a batch is atomic: a failing statement rolls back the ones before it', async () => {
    await ok(mf, '/users', user('ann'));
    const [status, , body] = await call(mf, '/batch', [user('cy'), user('ann')]);
    assert.equal(status, 409, JSON.stringify(body));
    const names = (await ok(mf, '/users')).map((u) => u.name);
    assert.deepEqual(names, ['ann'], 'cy was rolled back');
    const two = await ok(mf, '/batch', [user('cy'), user('dee')]);
    assert.deepEqual(
      two.map((u) => [u.id, u.name]),
      [
        [2, 'cy'],
        [3, 'dee'],
      ],
    );
  });

  test('update and delete ... returning', async () => {
    const renamed = await ok(mf, '/users/3', '"dora"', 'PATCH');
    assert.equal(renamed.name, 'dora');
    const gone = await ok(mf, '/users/3', undefined, 'DELETE');
    assert.deepEqual(
      gone.map((u) => u.name),
      ['dora'],
    );
  });

  test('an upsert updates the row that conflicts', async () => {
    const before = (await ok(mf, '/users')).find((u) => u.name === 'ann');
    const up = await ok(
      mf,
      '/users/upsert',
      user('ann', { email: 'new@example.com', prefs: { theme: 'x', tags: [] } }),
    );
    assert.deepEqual([up.id, up.email, up.prefs], [before.id, 'new@example.com', { theme: 'x', tags: [] }]);
    const fresh = await ok(mf, '/users/upsert', user('eve'));
    assert.equal(fresh.name, 'eve');
  });

  test('a read through a D1 Session returns its bookmark', async () => {
    const s = await ok(mf, '/session');
    assert.equal(s.users, 3);
    assert.equal(typeof s.bookmark, 'string');
  });

  test("the Rust Worker's rows equal mizzle's JS API and drizzle-orm's on the same D1", async () => {
    await ok(mf, '/users/1/posts', { title: 'one', views: 5, author_id: 0 });
    await ok(mf, '/users/2/posts', { title: 'two', views: 7, author_id: 0 });
    await call(mf, '/users/1/posts', `{"title":"big","views":${BIG},"author_id":0}`);
    const d1 = await mf.getD1Database('DB');
    const rust = await ok(mf, '/feed');
    // The same question in drizzle's API: users by id, their posts newest first, each with its author.
    const ask = (db, s, author = true) =>
      db.query.users.findMany({
        orderBy: s.users.id,
        with: { posts: { orderBy: (p, { desc }) => desc(p.id), with: { author } } },
      });
    const normal = (rows) =>
      rows.map((u) => ({
        id: u.id,
        name: u.name,
        admin: u.admin,
        created_at: new Date(u.createdAt ?? u.created_at).toISOString(),
        prefs: u.prefs,
        posts: u.posts.map((p) => ({
          id: p.id,
          title: p.title,
          views: String(p.views),
          author: p.author && {
            name: p.author.name,
            avatar: p.author.avatar == null ? null : [...(p.author.avatar.data ?? p.author.avatar)],
          },
        })),
      }));
    const viaMizzle = await ask(mizzleD1(d1, { schema: schemas.mizzle }), schemas.mizzle);
    // drizzle-orm cannot nest a table with a blob column on SQLite (json_array refuses BLOBs: "JSON cannot
    // hold BLOB values"); mizzle nests blobs as hex. drizzle is asked for the author's name only.
    await assert.rejects(ask(drizzleOrm(d1, { schema: schemas.drizzle }), schemas.drizzle), /Failed query/);
    const viaDrizzle = await ask(drizzleOrm(d1, { schema: schemas.drizzle }), schemas.drizzle, {
      columns: { name: true },
    });
    // sqlite-core's `integer` is a JS number: both JS APIs read 2^53+1 as 2^53, the Rust `i64` reads it
    // exactly (the body's text is checked, as JSON.parse here would round it too).
    const [, feedText] = await call(mf, '/feed');
    assert.match(feedText, new RegExp(`"views":${BIG}[,}]`));
    const rustExact = normal(rust);
    const mizzleRows = normal(viaMizzle);
    const drizzleRows = normal(viaDrizzle);
    for (const rows of [mizzleRows, drizzleRows]) {
      const big = rows[0].posts.find((p) => p.title === 'big');
      assert.equal(big.views, '9007199254740992');
    }
    assert.deepEqual(rustExact, mizzleRows);
    const nameOnly = (rows) =>
      rows.map((u) => ({ ...u, posts: u.posts.map((p) => ({ ...p, author: { name: p.author.name } })) }));
    assert.deepEqual(nameOnly(rustExact), nameOnly(drizzleRows));
    assert.ok(rustExact.some((u) => u.posts.some((p) => p.author.avatar?.length === 3)));
  });

  test('plain selects, a join with aggregates, and a batched join equal the JS APIs', async () => {
    const d1 = await mf.getD1Database('DB');
    const rows = (list) =>
      list.map((u) => ({
        id: u.id,
        name: u.name,
        email: u.email,
        admin: u.admin,
        created: new Date(u.createdAt ?? u.created_at).toISOString(),
        prefs: u.prefs,
        avatar: u.avatar == null ? null : [...(u.avatar.data ?? u.avatar)],
      }));
    const rust = rows(await ok(mf, '/users'));
    for (const [pkg, drizzle] of [
      ['mizzle', mizzleD1],
      ['drizzle', drizzleOrm],
    ]) {
      const s = schemas[pkg];
      const db = drizzle(d1, { schema: s });
      assert.deepEqual(rust, rows(await db.select().from(s.users).orderBy(s.users.id)), pkg);
      const { count, eq, sum } = pkg === 'mizzle' ? await import('mizzle') : await import('drizzle-orm');
      const js = await db
        .select({ name: s.users.name, posts: count(s.posts.id), views: sum(s.posts.views) })
        .from(s.users)
        .leftJoin(s.posts, eq(s.posts.authorId, s.users.id))
        .groupBy(s.users.id)
        .orderBy(s.users.id);
      const stats = await ok(mf, '/stats');
      // drizzle's `sum` is a string (a decimal's text); the Rust field is an `Option<i64>`.
      assert.deepEqual(
        stats,
        js.map((r) => ({ ...r, views: r.views == null ? null : Number(r.views) })),
        pkg,
      );
      const joined = await db
        .select({ u: s.users.id, p: s.posts.id, a: s.posts.authorId })
        .from(s.users)
        .innerJoin(s.posts, eq(s.posts.authorId, s.users.id))
        .orderBy(s.posts.id);
      const batch = await ok(mf, '/batch-join');
      assert.deepEqual(
        batch.pairs,
        joined.map((r) => [r.u, r.p, r.a]),
        pkg,
      );
      assert.deepEqual(batch.total, [joined.length]);
      assert.deepEqual(
        batch.users,
        rust.map((u) => u.name),
      );
      assert.equal(batch.feedPosts, joined.length);
    }
  });
});

describe('Durable Object: transactions through transactionSync', () => {
  let mf;
  before(async () => {
    mf = miniflare();
    const m = await ok(mf, '/do/bank/migrate', '');
    assert.deepEqual(m.applied, ['0000_init', '0001_accounts.sql', '0002_sessions.sql']);
  });
  after(() => mf.dispose());

  test('a transfer commits both updates, a failing one rolls the first back', async () => {
    await ok(mf, '/do/bank/accounts', { id: 1, owner: 'ann', balance: 100 });
    await ok(mf, '/do/bank/accounts', { id: 2, owner: 'bo', balance: 0 });
    const after1 = await ok(mf, '/do/bank/transfer', { from: 1, to: 2, amount: 30 });
    assert.deepEqual(
      after1.map((a) => a.balance),
      [70, 30],
    );
    // 2 holds 30: the credit to 1 runs first, then the debit fails the CHECK.
    const [status, , body] = await call(mf, '/do/bank/transfer', { from: 2, to: 1, amount: 50 });
    assert.equal(status, 409, JSON.stringify(body));
    assert.match(body.code, /^SQLITE_CONSTRAINT/);
    const balances = await ok(mf, '/do/bank/accounts');
    assert.deepEqual(
      balances.map((a) => a.balance),
      [70, 30],
      'the credit was rolled back',
    );
  });

  test('random defaults: a time-ordered UUID per row, made in Rust by getrandom (crypto.getRandomValues)', async () => {
    const a = await ok(mf, '/do/bank/sessions', { account_id: 1 });
    const b = await ok(mf, '/do/bank/sessions', { account_id: 1 });
    for (const s of [a, b]) assert.match(s.id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.notEqual(a.id, b.id);
    assert.ok(a.id.slice(0, 13) <= b.id.slice(0, 13), 'ordered by time');
    assert.match(a.created_at, /^20\d\d-/);
    const given = '00000000-0000-4000-8000-000000000000';
    assert.equal((await ok(mf, '/do/bank/sessions', { id: given, account_id: 2 })).id, given);
  });

  test('a transaction holding an insert over 100 parameters (a transaction itself) rolls back whole', async () => {
    await ok(mf, '/do/bank/users', user('ann'));
    const before = await ok(mf, '/do/bank/stats');
    const r = await ok(mf, '/do/bank/users/1/posts/bulk-in-transaction?count=60&views=1', '');
    assert.equal(r.error, 'refused after the insert');
    assert.deepEqual(r.posts, [before.reduce((n, s) => n + s.posts, 0)]);
  });

  test('another object has its own database', async () => {
    const m = await ok(mf, '/do/other/migrate', '');
    assert.equal(m.applied.length, 3);
    assert.deepEqual(await ok(mf, '/do/other/accounts'), []);
  });
});
