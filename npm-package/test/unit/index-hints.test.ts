/**
 * MySQL index hints (issue 13, wrong result 6: they were accepted and
 * dropped): drizzle's `from(table, { useIndex, forceIndex, ignoreIndex })` and
 * the same option on the joins, compiled by the MySQL engine, with index
 * names given as strings, `index()` builders or built indexes. The same
 * calls run against drizzle on the real server in
 * tests/scenarios/mysql-index-hints.mjs; here: the exact SQL, what counts as
 * "no hint", and the refusals (hints on a subquery; SQLite and PostgreSQL,
 * which have no index hints).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadInline } from '#wasm/inline';
import { loadEngine as loadPgEngine } from '#wasm/engine-pg';
import type { Session } from '../../src/driver.js';
import { Dialect, Engine } from '../../src/engine/engine.js';
import { eq, MizzleError } from '../../src/index.js';
import * as my from '../../src/mysql-core/index.js';
import * as pg from '../../src/pg-core/index.js';
import { Database } from '../../src/query/database.js';
import { integer, sqliteTable } from '../../src/sqlite-core/index.js';
import { createDatabase, drizzle } from '../../src/sqlite-wasm/index.js';

/** A session that only compiles (toSQL); nothing here runs a statement. `TRun` tells MySQL's types. */
function compileOnly<TRun = unknown>(dialect: Dialect, engine: Engine): Session<'async', TRun> {
  const no = () => {
    throw new Error('not run in this test');
  };
  return { mode: 'async', dialect, engine, all: no, allObjects: no, run: no, atomic: no, transaction: no } as Session<
    'async',
    TRun
  >;
}

const users = my.mysqlTable('users', { id: my.int().primaryKey(), name: my.varchar({ length: 99 }) });
const posts = my.mysqlTable('posts', { id: my.int().primaryKey(), authorId: my.int('author_id') }, (t) => [
  my.index('posts_author_idx').on(t.authorId),
]);
/** A builder kept in a variable, as drizzle's docs pass it to `useIndex`. */
const byName = my.index('users_name_idx').on(users.name);

const mysql = () => new Database(compileOnly<my.MySqlRunResult>(Dialect.mysql, Engine.of(loadInline())));
const invalid = (f: () => unknown, message: RegExp) =>
  assert.throws(f, (e: unknown) => e instanceof MizzleError && e.kind === 'invalid' && message.test(e.message));

describe('MySQL index hints', () => {
  test('from(): use, force and ignore, in that order, after the alias; names, builders and built indexes', () => {
    const db = mysql();
    const built = my.getTableConfig(posts).indexes[0]!;
    assert.equal(
      db
        .select({ id: users.id })
        .from(users, { ignoreIndex: ['PRIMARY'], useIndex: byName, forceIndex: undefined })
        .toSQL().sql,
      'select `users`.`id` from `users` use index (`users_name_idx`) ignore index (`PRIMARY`)',
    );
    const p = my.alias(posts, 'p');
    assert.equal(
      db
        .select({ id: p.id })
        .from(p, { forceIndex: [built, 'PRIMARY'] })
        .toSQL().sql,
      'select `p`.`id` from `posts` as `p` force index (`posts_author_idx`, `PRIMARY`)',
    );
  });

  test('joins: inner, left, right and cross take the option as their last argument', () => {
    const q = mysql()
      .select({ id: users.id })
      .from(users)
      .innerJoin(posts, eq(posts.authorId, users.id), { useIndex: 'posts_author_idx' })
      .leftJoin(my.alias(posts, 'l'), eq(users.id, users.id), { forceIndex: 'PRIMARY' })
      .rightJoin(my.alias(posts, 'r'), eq(users.id, users.id), { ignoreIndex: ['a', 'b'] })
      .crossJoin(my.alias(users, 'c'), { useIndex: byName });
    assert.equal(
      q.toSQL().sql,
      'select `users`.`id` from `users` ' +
        'inner join `posts` use index (`posts_author_idx`) on `posts`.`author_id` = `users`.`id` ' +
        'left join `posts` as `l` force index (`PRIMARY`) on `users`.`id` = `users`.`id` ' +
        'right join `posts` as `r` ignore index (`a`, `b`) on `users`.`id` = `users`.`id` ' +
        'cross join `users` as `c` use index (`users_name_idx`)',
    );
  });

  test('no option, an empty one or empty lists write no hint, as in drizzle', () => {
    const db = mysql();
    const plain = 'select `users`.`id` from `users`';
    assert.equal(db.select({ id: users.id }).from(users).toSQL().sql, plain);
    assert.equal(db.select({ id: users.id }).from(users, {}).toSQL().sql, plain);
    assert.equal(db.select({ id: users.id }).from(users, { useIndex: [], ignoreIndex: [] }).toSQL().sql, plain);
  });

  test('hints on a subquery or a CTE are refused, not dropped; so is an index that is neither name nor index', () => {
    const db = mysql();
    const sq = db.select({ id: users.id }).from(users).as('sq');
    const hints = { useIndex: 'i' } as never;
    invalid(() => db.select().from(sq, hints).toSQL(), /tables .*only/);
    invalid(
      () => db.select({ id: users.id }).from(users).innerJoin(sq, eq(sq.id, users.id), hints).toSQL(),
      /tables .*only/,
    );
    invalid(
      () =>
        db
          .select()
          .from(users, { useIndex: [42 as never] })
          .toSQL(),
      /index names or indexes/,
    );
  });

  // Their types refuse the argument (drizzle's sqlite-core and pg-core have none); plain JS gets the engine's error.
  test('SQLite and PostgreSQL have no index hints: an unsupported error from the engine', async () => {
    const unsupported = (f: () => unknown) =>
      assert.throws(
        f,
        (e: unknown) => e instanceof MizzleError && e.kind === 'unsupported' && /index hints/.test(e.message),
      );
    const t = pg.pgTable('t', { id: pg.integer() });
    const pgDb = new Database(compileOnly(Dialect.postgres, Engine.of(loadPgEngine())));
    unsupported(() =>
      pgDb
        .select()
        .from(t, { forceIndex: 'i' } as never)
        .toSQL(),
    );
    assert.equal(
      pgDb
        .select()
        .from(t, {} as never)
        .toSQL().sql,
      'select "t"."id" from "t"',
    );
    const lite = sqliteTable('t', { id: integer() });
    const liteDb = drizzle(await createDatabase());
    unsupported(() =>
      liteDb
        .select()
        .from(lite)
        .crossJoin(lite, { ignoreIndex: 'i' } as never)
        .toSQL(),
    );
  });
});
