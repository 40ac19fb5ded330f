/**
 * drizzle-orm 0.45's names that code ported to mizzle keeps calling (issue 13): its error classes with
 * the driver's own error as `cause` on every driver, `is`, `getTableName` on aliases, `getViewName`,
 * `placeholder` / `param` / `sql.param`, `.inlineParams()`, the logger classes, the casing helpers and
 * the small SQL utilities. Expected values are drizzle 0.45's behaviour for the same calls.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { toCamelCase, toSnakeCase } from '../../src/casing.js';
import { type D1Database, DrizzleD1Database, drizzle as d1Drizzle } from '../../src/d1/index.js';
import {
  type DurableObjectStorage,
  DrizzleSqliteDODatabase,
  drizzle as doDrizzle,
} from '../../src/durable-sqlite/index.js';
import {
  aliasedTable,
  Column,
  ConsoleLogWriter,
  DefaultLogger,
  DrizzleError,
  DrizzleQueryError,
  eq,
  fillPlaceholders,
  getTableName,
  getViewName,
  is,
  isDriverValueEncoder,
  MizzleError,
  MizzleQueryError,
  Name,
  name,
  NoopLogger,
  noopDecoder,
  noopEncoder,
  noopMapper,
  Param,
  Placeholder,
  param,
  placeholder,
  SQL,
  sql,
  Table,
  TransactionRollbackError,
} from '../../src/index.js';
import { drizzle as neonDrizzle } from '../../src/neon-http/index.js';
import { PgTable } from '../../src/pg-core/index.js';
import { drizzle as psDrizzle } from '../../src/planetscale/index.js';
import { alias, integer, SQLiteTable, sqliteTable, sqliteView, text } from '../../src/sqlite-core/index.js';
import {
  createDatabase,
  drizzle,
  type SQLiteWasmClient,
  type SQLiteWasmDatabase,
} from '../../src/sqlite-wasm/index.js';

const users = sqliteTable('users', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
});

let db: SQLiteWasmDatabase;
let client: SQLiteWasmClient;
before(async () => {
  client = await createDatabase();
  client.exec('create table users (id integer primary key, name text not null unique)');
  db = drizzle(client);
  db.insert(users).values({ id: 1, name: 'ann' }).run();
});

/** A `fetch` answering every request with `status` and the JSON `body`. */
function answer(status: number, body: unknown): typeof fetch {
  return async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe("drizzle's error classes", () => {
  test('a database failure is a DrizzleQueryError with query, params and the driver error as cause', () => {
    let caught: unknown;
    try {
      db.insert(users).values({ id: 2, name: 'ann' }).run();
    } catch (e) {
      caught = e;
    }
    assert.ok(caught instanceof DrizzleQueryError && caught instanceof MizzleQueryError);
    assert.ok(caught instanceof DrizzleError && caught instanceof MizzleError);
    assert.match(caught.query, /^insert into "users"/);
    assert.equal(caught.query, caught.sql);
    assert.deepEqual(caught.params, [2, 'ann']);
    assert.equal(caught.cause?.code, 'SQLITE_CONSTRAINT_UNIQUE');
  });

  test("DrizzleQueryError built by hand has drizzle's message", () => {
    const cause = new Error('boom');
    const e = new DrizzleQueryError('select 1', [1], cause);
    assert.equal(e.message, 'Failed query: select 1\nparams: 1');
    assert.equal(e.cause, cause);
    assert.deepEqual([e.query, e.params], ['select 1', [1]]);
    assert.equal(new DrizzleError({ message: 'm' }).message, 'm');
  });

  test('tx.rollback() throws TransactionRollbackError, a DrizzleError', () => {
    assert.throws(
      () =>
        db.transaction((tx) => {
          tx.insert(users).values({ id: 3, name: 'bo' }).run();
          tx.rollback();
        }),
      (e: unknown) => e instanceof TransactionRollbackError && e instanceof DrizzleError && e.message === 'Rollback',
    );
    assert.equal(db.select().from(users).where(eq(users.id, 3)).all().length, 0);
  });

  test('D1: cause is the error D1 threw; drizzle() returns a DrizzleD1Database', async () => {
    const thrown = new Error('D1_ERROR: UNIQUE constraint failed: users.name: SQLITE_CONSTRAINT');
    const stmt = {
      bind: () => stmt,
      raw: () => Promise.reject(thrown),
      all: () => Promise.reject(thrown),
      run: () => Promise.reject(thrown),
      first: () => Promise.reject(thrown),
    };
    const d1 = d1Drizzle({ prepare: () => stmt, batch: () => Promise.reject(thrown) } as unknown as D1Database);
    assert.ok(d1 instanceof DrizzleD1Database);
    await assert.rejects(
      async () => await d1.insert(users).values({ id: 1, name: 'x' }),
      (e: unknown) => e instanceof MizzleQueryError && e.cause === thrown && e.code === 'SQLITE_CONSTRAINT',
    );
  });

  test('Durable Objects: cause is the error storage.sql.exec threw', () => {
    const thrown = new Error('UNIQUE constraint failed: users.name: SQLITE_CONSTRAINT');
    const storage = {
      sql: {
        exec: () => {
          throw thrown;
        },
      },
      transactionSync: <T>(fn: () => T) => fn(),
    } as unknown as DurableObjectStorage;
    const durable = doDrizzle(storage);
    assert.ok(durable instanceof DrizzleSqliteDODatabase);
    assert.throws(
      () => durable.insert(users).values({ id: 1, name: 'x' }).run(),
      (e: unknown) => e instanceof DrizzleQueryError && e.cause === thrown,
    );
  });

  test("Neon: cause is a NeonDbError with PostgreSQL's fields, as @neondatabase/serverless raises", async () => {
    const neon = neonDrizzle({
      connectionString: 'postgresql://u:p@ep-x.neon.tech/db',
      fetch: answer(400, {
        message: 'duplicate key value violates unique constraint "users_name_key"',
        code: '23505',
        severity: 'ERROR',
        detail: 'Key (name)=(ann) already exists.',
        constraint: 'users_name_key',
        table: 'users',
        hint: '',
      }),
    });
    await assert.rejects(
      async () => await neon.execute(sql`insert into users (name) values (${'ann'})`),
      (e) => {
        assert.ok(e instanceof DrizzleQueryError);
        assert.equal(e.cause?.name, 'NeonDbError');
        assert.equal(e.cause?.code, '23505');
        assert.deepEqual(
          [(e.cause as { constraint?: string }).constraint, (e.cause as { hint?: string }).hint],
          ['users_name_key', undefined],
        );
        return true;
      },
    );
  });

  test("PlanetScale: cause carries MySQL's errno and the SQLSTATE as code", async () => {
    const ps = psDrizzle({
      url: 'mysql://u:p@aws.connect.psdb.cloud',
      fetch: answer(200, {
        error: {
          code: 'ALREADY_EXISTS',
          message: "Duplicate entry 'ann' for key 'name' (errno 1062) (sqlstate 23000)",
        },
      }),
    });
    await assert.rejects(
      async () => await ps.execute(sql`insert into users (name) values (${'ann'})`),
      (e) => {
        assert.ok(e instanceof DrizzleQueryError);
        assert.equal(e.cause?.code, '23000');
        assert.equal(e.cause?.errno, 1062);
        return true;
      },
    );
  });
});

describe('entity helpers', () => {
  test('is() over mizzle classes', () => {
    assert.ok(is(users, SQLiteTable) && is(users, Table));
    assert.ok(is(users.id, Column));
    assert.ok(is(sql`1`, SQL));
    assert.ok(!is(users, PgTable));
    assert.ok(!is(null, Table) && !is('users', Table) && !is(users, Column));
  });

  test('getTableName on an alias is the alias; aliasedTable is the same copy', () => {
    assert.equal(getTableName(users), 'users');
    assert.equal(getTableName(alias(users, 'u')), 'u');
    const a = aliasedTable(users, 'a');
    assert.equal(getTableName(a), 'a');
    assert.equal(a.id.table, a);
    assert.match(db.select({ id: a.id }).from(a).toSQL().sql, /from "users" as "a"/);
  });

  test('getViewName', () => {
    const v = sqliteView('active_users').as((qb) => qb.select().from(users));
    assert.equal(getViewName(v), 'active_users');
  });
});

describe('sql helpers', () => {
  test('placeholder() and param() are sql.placeholder and sql.param', () => {
    const byId = db
      .select()
      .from(users)
      .where(eq(users.id, placeholder('id')))
      .prepare();
    assert.deepEqual(byId.all({ id: 1 }), [{ id: 1, name: 'ann' }]);
    const p = param(5);
    assert.ok(p instanceof Param && p.value === 5);
    assert.ok(sql.param(5) instanceof Param);
    const q = db.select({ n: sql<number>`${param(2)} + ${sql.param(3)}` }).from(users);
    assert.deepEqual(q.toSQL().params, [2, 3]);
    assert.deepEqual(q.all(), [{ n: 5 }]);
  });

  test('inlineParams() writes the values as literals', () => {
    const frag = sql`${"o'hara"} || ${1} || ${null} || ${true} || ${sql`${2.5}`}`.inlineParams();
    const q = db.select({ v: frag }).from(users);
    const { sql: text, params } = q.toSQL();
    assert.deepEqual(params, []);
    assert.match(text, /'o''hara' \|\| 1 \|\| null \|\| true \|\| 2\.5/);
    assert.deepEqual(q.all(), [{ v: null }]);
    const json = sql`${{ a: "b'" }}`.inlineParams();
    assert.match(db.select({ v: json }).from(users).toSQL().sql, /'\{"a":"b''"\}'/);
    const kept = sql`${users.id} = ${placeholder('id')}`.inlineParams();
    assert.deepEqual(db.select({ v: kept }).from(users).prepare().all({ id: 1 }), [{ v: 1 }]);
    // A backslash would end a MySQL literal in its default mode: refused, never written.
    for (const bad of ["a\\' or 1=1 -- ", 'nul\0']) {
      assert.throws(
        () => sql`${bad}`.inlineParams(),
        (e: unknown) => e instanceof MizzleError && e.kind === 'unsupported',
      );
    }
  });

  test('name, fillPlaceholders, the noop mappers, isDriverValueEncoder', () => {
    assert.ok(name('x') instanceof Name);
    const enc = { mapToDriverValue: (v: unknown) => `<${v}>` };
    assert.deepEqual(
      fillPlaceholders([1, new Placeholder('a'), new Param(new Placeholder('b'), enc)], { a: 2, b: 3 }),
      [1, 2, '<3>'],
    );
    assert.throws(() => fillPlaceholders([new Placeholder('c')], {}), /No value for placeholder "c" was provided/);
    assert.equal(noopDecoder.mapFromDriverValue(7), 7);
    assert.equal(noopEncoder.mapToDriverValue(7), 7);
    assert.equal(noopMapper.mapToDriverValue(noopMapper.mapFromDriverValue(8)), 8);
    assert.ok(isDriverValueEncoder(enc) && !isDriverValueEncoder({}) && !isDriverValueEncoder(null));
  });
});

describe('logger and casing', () => {
  test("DefaultLogger writes drizzle's line to its writer; NoopLogger nothing", () => {
    const lines: string[] = [];
    const logged = drizzle(client, { logger: new DefaultLogger({ writer: { write: (m) => lines.push(m) } }) });
    logged.select({ id: users.id }).from(users).where(eq(users.id, 1)).all();
    assert.deepEqual(lines, ['Query: select "users"."id" from "users" where "users"."id" = ? -- params: [1]']);
    assert.ok(new DefaultLogger().writer instanceof ConsoleLogWriter);
    assert.equal(new NoopLogger().logQuery(), undefined);
  });

  test("toSnakeCase and toCamelCase split words as drizzle's", () => {
    const cases = ['createdAt', 'HTTPServer', 'user_id', "it's ok", 'a1B2'];
    assert.deepEqual(cases.map(toSnakeCase), ['created_at', 'http_server', 'user_id', 'its_ok', 'a1_b_2']);
    assert.deepEqual(cases.map(toCamelCase), ['createdAt', 'httpServer', 'userId', 'itsOk', 'a1B2']);
  });
});
