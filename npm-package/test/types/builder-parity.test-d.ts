/**
 * Type tests for the API surface that differs per dialect as in drizzle-orm
 * 0.45 (issue 13): a MySQL database has no `selectDistinctOn` and its selects
 * no `fullJoin`, while SQLite's and PostgreSQL's do; `column.autoIncrement`
 * exists as a boolean only on the column types that can auto-increment.
 * Compiled by `tsc --noEmit -p tsconfig.test.json`, never run; each
 * `@ts-expect-error` fails to compile when its line stops being an error.
 */
import type { DrizzleD1Database } from '../../src/d1/index.js';
import type { NeonHttpDatabase } from '../../src/neon-http/index.js';
import type { PlanetScaleDatabase } from '../../src/planetscale/index.js';
import * as my from '../../src/mysql-core/index.js';
import * as pg from '../../src/pg-core/index.js';
import { integer, sqliteTable } from '../../src/sqlite-core/index.js';

type Equal<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

const myUsers = my.mysqlTable('users', { id: my.int().primaryKey(), cityId: my.int() });
const myCities = my.mysqlTable('cities', { id: my.int().primaryKey() });
declare const mysqlDb: PlanetScaleDatabase;

// MySQL: no DISTINCT ON, no FULL JOIN (drizzle's mysql-core builders have neither).
// @ts-expect-error no selectDistinctOn on a MySQL database
mysqlDb.selectDistinctOn([myUsers.id]);
export type M1 = Expect<Equal<(typeof mysqlDb)['selectDistinctOn'], undefined>>;
const myCte = mysqlDb.$with('c').as(mysqlDb.select().from(myUsers));
// @ts-expect-error nor after with()
mysqlDb.with(myCte).selectDistinctOn([myUsers.id]);
// @ts-expect-error no fullJoin on a MySQL select
mysqlDb
  .select()
  .from(myUsers)
  .fullJoin(myCities, undefined as never);
// @ts-expect-error not after other clauses either
mysqlDb
  .select()
  .from(myUsers)
  .where(undefined)
  .fullJoin(myCities, undefined as never);
// The other joins stay.
mysqlDb
  .select()
  .from(myUsers)
  .leftJoin(myCities, undefined as never);

// PostgreSQL and SQLite keep both.
const pgUsers = pg.pgTable('users', { id: pg.integer().primaryKey(), cityId: pg.integer() });
const pgCities = pg.pgTable('cities', { id: pg.integer().primaryKey() });
declare const pgDb: NeonHttpDatabase;
pgDb.selectDistinctOn([pgUsers.id]).from(pgUsers);
pgDb
  .select()
  .from(pgUsers)
  .fullJoin(pgCities, undefined as never);
const liteUsers = sqliteTable('users', { id: integer().primaryKey() });
declare const d1Db: DrizzleD1Database;
d1Db
  .select()
  .from(liteUsers)
  .fullJoin(liteUsers, undefined as never);

// autoIncrement: a boolean where drizzle has one, possibly undefined everywhere else in mizzle's one Column class.
export type A1 = Expect<Equal<typeof liteUsers.id.autoIncrement, boolean | undefined>>;
