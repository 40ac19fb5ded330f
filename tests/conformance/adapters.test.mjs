// Auth libraries that take a drizzle db (issue 13, "libraries that take a drizzle db or schema"): @auth/drizzle-adapter
// and better-auth's drizzle adapter, each through its basic flow on mizzle's embedded SQLite (mizzle/sqlite-wasm), on
// PostgreSQL (mizzle/neon-http) and on MariaDB (mizzle/planetscale), the last two through tests/standins' HTTP
// stand-ins in front of the real servers (127.0.0.1:5432 and :3306). Both import 'drizzle-orm' and
// 'drizzle-orm/<dialect>-core'; an application on mizzle points those at mizzle (a package alias,
// `"drizzle-orm": "npm:mizzle"`). Here a module resolve hook does the same for copies of the adapters loaded with
// `?impl=mizzle` (the tag follows their relative imports), resolving `drizzle-orm/<subpath>` to `mizzle/<subpath>`
// through mizzle's package.json `exports`, as the alias would. The untagged copies run the same flows on drizzle-orm
// (better-sqlite3, neon-http, planetscale-serverless), and the results must be equal (better-auth's ids, tokens and
// times differ per run: there the kind of every value must).
import assert from 'node:assert/strict';
import { createRequire, register } from 'node:module';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { PKG, requireBuiltPackage } from './lib/workers.mjs';

const require = createRequire(import.meta.url);
/** mizzle's subpaths as its package.json `exports` resolves them for Node (what the alias gives a user). */
const mizzleRequire = createRequire(join(PKG, 'package.json'));
const mizzleUrl = (subpath) => pathToFileURL(mizzleRequire.resolve(subpath ? `mizzle/${subpath}` : 'mizzle')).href;

const TAG = '?impl=mizzle';
/** The resolve hook: in a tagged module, drizzle-orm[/x] is mizzle[/x] and relative imports stay tagged. */
const HOOK = `
const PKG_JSON = ${JSON.stringify(pathToFileURL(join(PKG, 'package.json')).href)};
const TAG = ${JSON.stringify(TAG)};
export async function resolve(specifier, context, next) {
  if (!context.parentURL?.endsWith(TAG)) return next(specifier, context);
  if (specifier === 'drizzle-orm' || specifier.startsWith('drizzle-orm/')) {
    return next(specifier.replace('drizzle-orm', 'mizzle'), { ...context, parentURL: PKG_JSON });
  }
  const r = await next(specifier, context);
  return specifier.startsWith('.') ? { ...r, url: r.url + TAG } : r;
}`;

/** The @auth adapter's entry; its dialect files are relative imports, so they follow the tag. */
const AUTH_ENTRY = pathToFileURL(require.resolve('@auth/drizzle-adapter')).href;
/**
 * better-auth's `better-auth/adapters/drizzle` is `export * from '@better-auth/drizzle-adapter'`: the tagged copy
 * is that package's entry (resolved from better-auth, whose dependency it is), the module that imports drizzle-orm.
 */
const BETTER_AUTH_DRIZZLE = pathToFileURL(
  createRequire(require.resolve('better-auth')).resolve('@better-auth/drizzle-adapter'),
).href;

let mz; // mizzle's root, sqlite-core, pg-core, mysql-core and drivers, as the adapters see them
let authOnMizzle;
let authOnDrizzle;

before(async () => {
  requireBuiltPackage();
  register(`data:text/javascript,${encodeURIComponent(HOOK)}`);
  const load = (s) => import(mizzleUrl(s));
  const [root, sqliteCore, pgCore, mysqlCore, sqliteWasm, d1, durable, neon, planetscale] = await Promise.all(
    ['', 'sqlite-core', 'pg-core', 'mysql-core', 'sqlite-wasm', 'd1', 'durable-sqlite', 'neon-http', 'planetscale'].map(
      load,
    ),
  );
  mz = { root, sqliteCore, pgCore, mysqlCore, sqliteWasm, d1, durable, neon, planetscale };
  authOnMizzle = await import(AUTH_ENTRY + TAG);
  authOnDrizzle = await import(AUTH_ENTRY);
});

// ---------------------------------------------------------------------------------------------------------------
// What @auth/drizzle-adapter's DrizzleAdapter reads first: which dialect a db is.

test('is(db, BaseSQLiteDatabase / PgDatabase / MySqlDatabase) tells the drivers apart, as in drizzle', async () => {
  const { is } = mz.root;
  const { BaseSQLiteDatabase } = mz.sqliteCore;
  const { PgDatabase } = mz.pgCore;
  const { MySqlDatabase } = mz.mysqlCore;
  const client = await mz.sqliteWasm.createDatabase();
  try {
    // No query runs: building a db does not reach its binding or server.
    const dbs = {
      sqlite: [mz.sqliteWasm.drizzle(client), mz.d1.drizzle({}), mz.durable.drizzle({})],
      pg: [mz.neon.drizzle('postgresql://u@127.0.0.1:5432/test')],
      mysql: [mz.planetscale.drizzle('mysql://u:p@127.0.0.1/test')],
    };
    const classes = { sqlite: BaseSQLiteDatabase, pg: PgDatabase, mysql: MySqlDatabase };
    for (const [dialect, list] of Object.entries(dbs)) {
      for (const db of list) {
        for (const [other, cls] of Object.entries(classes)) {
          assert.equal(is(db, cls), dialect === other, `${db.constructor.name} vs ${cls.name}`);
        }
      }
    }
    // The drivers' own classes stay what they were.
    assert.ok(dbs.sqlite[1] instanceof mz.d1.DrizzleD1Database);
    assert.ok(dbs.pg[0] instanceof mz.neon.NeonHttpDatabase);
    assert.ok(dbs.mysql[0] instanceof mz.planetscale.PlanetScaleDatabase);
  } finally {
    client.close();
  }
});

test('@auth/drizzle-adapter refuses what is not a drizzle database', async () => {
  assert.throws(() => authOnMizzle.DrizzleAdapter({}), /Unsupported database type/);
  // The `?impl=mizzle` copy reads mizzle's classes, not drizzle-orm's: a drizzle-orm db is foreign to it.
  const { drizzle } = await import('drizzle-orm/better-sqlite3');
  const Sqlite = require('better-sqlite3');
  const native = new Sqlite(':memory:');
  try {
    assert.throws(() => authOnMizzle.DrizzleAdapter(drizzle(native)), /Unsupported database type/);
  } finally {
    native.close();
  }
});

// ---------------------------------------------------------------------------------------------------------------
// @auth/drizzle-adapter on SQLite: its default tables (defineTables in its lib/sqlite.js), created by DDL.

// Foreign keys: enforced by mizzle/sqlite-wasm and better-sqlite3 alike (deleteUser relies on the cascade).
const AUTH_DDL = `
create table "user" (id text primary key not null, name text, email text unique, emailVerified integer, image text);
create table account (
  userId text not null references "user"(id) on delete cascade, type text not null, provider text not null,
  providerAccountId text not null, refresh_token text, access_token text, expires_at integer, token_type text,
  scope text, id_token text, session_state text, primary key (provider, providerAccountId));
create table session (
  sessionToken text primary key not null, userId text not null references "user"(id) on delete cascade,
  expires integer not null);
create table verificationToken (
  identifier text not null, token text not null, expires integer not null, primary key (identifier, token));
create table authenticator (
  credentialID text not null unique, userId text not null references "user"(id) on delete cascade,
  providerAccountId text not null, credentialPublicKey text not null, counter integer not null,
  credentialDeviceType text not null, credentialBackedUp integer not null, transports text,
  primary key (userId, credentialID));
`;

const T0 = 1_700_000_000_123;

/**
 * The adapter's basic flow; returns each step's result by name. The user's id is the table's default
 * (crypto.randomUUID), so the caller gets it back too.
 */
async function authFlow(adapter) {
  const out = {};
  const user = await adapter.createUser({
    id: 'ignored: the table has a default id',
    name: 'Ann',
    email: 'ann@example.com',
    emailVerified: new Date(T0),
    image: null,
  });
  const id = user.id;
  out.createUser = user;
  out.getUser = await adapter.getUser(id);
  out.getUserMissing = await adapter.getUser('nobody');
  out.getUserByEmail = await adapter.getUserByEmail('ann@example.com');
  out.getUserByEmailMissing = await adapter.getUserByEmail('nobody@example.com');
  const account = { provider: 'github', providerAccountId: 'gh-1' };
  out.linkAccount = await adapter.linkAccount({
    userId: id,
    type: 'oauth',
    ...account,
    access_token: 'access',
    expires_at: 1_700_003_600,
    token_type: 'bearer',
    scope: 'read:user',
    refresh_token: null,
    id_token: null,
    session_state: null,
  });
  out.getUserByAccount = await adapter.getUserByAccount(account);
  out.getAccount = await adapter.getAccount('gh-1', 'github');
  const expires = new Date(T0 + 1000);
  out.createSession = await adapter.createSession({ sessionToken: 'tok-1', userId: id, expires });
  out.getSessionAndUser = await adapter.getSessionAndUser('tok-1');
  out.updateSession = await adapter.updateSession({ sessionToken: 'tok-1', expires: new Date(T0 + 2000) });
  out.updateSessionMissing = await adapter.updateSession({ sessionToken: 'nope', expires: new Date(T0) });
  out.updateUser = await adapter.updateUser({ id, name: 'Ann B', emailVerified: null });
  out.createAuthenticator = await adapter.createAuthenticator({
    credentialID: 'cred-1',
    userId: id,
    providerAccountId: 'gh-1',
    credentialPublicKey: 'pk',
    counter: 0,
    credentialDeviceType: 'singleDevice',
    credentialBackedUp: false,
    transports: 'usb',
  });
  out.updateAuthenticatorCounter = await adapter.updateAuthenticatorCounter('cred-1', 5);
  out.getAuthenticator = await adapter.getAuthenticator('cred-1');
  out.listAuthenticatorsByUserId = await adapter.listAuthenticatorsByUserId(id);
  out.createVerificationToken = await adapter.createVerificationToken({
    identifier: 'ann@example.com',
    token: 'vt-1',
    expires: new Date(T0 + 3000),
  });
  out.useVerificationToken = await adapter.useVerificationToken({ identifier: 'ann@example.com', token: 'vt-1' });
  out.useVerificationTokenAgain = await adapter.useVerificationToken({ identifier: 'ann@example.com', token: 'vt-1' });
  out.deleteSession = await adapter.deleteSession('tok-1');
  out.getSessionAndUserDeleted = await adapter.getSessionAndUser('tok-1');
  out.unlinkAccount = await adapter.unlinkAccount(account);
  out.getUserByAccountUnlinked = await adapter.getUserByAccount(account);
  out.deleteUser = await adapter.deleteUser(id);
  out.getUserDeleted = await adapter.getUser(id);
  return { id, out };
}

/** What authFlow returns, for the user `id`: the values the adapter's types promise (Dates as Date...). */
function authFlowExpected(id) {
  const ann = { id, name: 'Ann', email: 'ann@example.com', emailVerified: new Date(T0), image: null };
  const annB = { ...ann, name: 'Ann B', emailVerified: null };
  const session = { sessionToken: 'tok-1', userId: id, expires: new Date(T0 + 1000) };
  const authenticator = {
    credentialID: 'cred-1',
    userId: id,
    providerAccountId: 'gh-1',
    credentialPublicKey: 'pk',
    counter: 0,
    credentialDeviceType: 'singleDevice',
    credentialBackedUp: false,
    transports: 'usb',
  };
  const token = { identifier: 'ann@example.com', token: 'vt-1', expires: new Date(T0 + 3000) };
  return {
    createUser: ann,
    getUser: ann,
    getUserMissing: null,
    getUserByEmail: ann,
    getUserByEmailMissing: null,
    linkAccount: undefined,
    getUserByAccount: ann,
    getAccount: {
      userId: id,
      type: 'oauth',
      provider: 'github',
      providerAccountId: 'gh-1',
      refresh_token: null,
      access_token: 'access',
      expires_at: 1_700_003_600,
      token_type: 'bearer',
      scope: 'read:user',
      id_token: null,
      session_state: null,
    },
    createSession: session,
    getSessionAndUser: { session, user: ann },
    updateSession: { ...session, expires: new Date(T0 + 2000) },
    updateSessionMissing: null,
    updateUser: annB,
    createAuthenticator: authenticator,
    updateAuthenticatorCounter: { ...authenticator, counter: 5 },
    getAuthenticator: { ...authenticator, counter: 5 },
    listAuthenticatorsByUserId: [{ ...authenticator, counter: 5 }],
    createVerificationToken: token,
    useVerificationToken: token,
    useVerificationTokenAgain: null,
    deleteSession: undefined,
    getSessionAndUserDeleted: null,
    unlinkAccount: undefined,
    getUserByAccountUnlinked: null,
    deleteUser: undefined,
    getUserDeleted: null,
  };
}

/** Two authFlow results are equal but for the generated user ids, each put in place of the other. */
function assertSameFlow(mine, theirs) {
  const renamed = JSON.parse(JSON.stringify(theirs.out).replaceAll(theirs.id, mine.id));
  assert.deepEqual(JSON.parse(JSON.stringify(mine.out)), renamed);
  // JSON drops the difference between a Date and its ISO string: compare the kinds of every value too.
  assert.deepEqual(kinds(mine.out), kinds(theirs.out));
}

test('@auth/drizzle-adapter: its flow on mizzle/sqlite-wasm, equal to drizzle-orm on better-sqlite3', async () => {
  const client = await mz.sqliteWasm.createDatabase();
  const Sqlite = require('better-sqlite3');
  const native = new Sqlite(':memory:');
  try {
    client.exec(AUTH_DDL);
    const mine = await authFlow(authOnMizzle.DrizzleAdapter(mz.sqliteWasm.drizzle(client)));
    const { id, out } = mine;
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.deepEqual(out, authFlowExpected(id));
    // The cascade removed the authenticator with its user.
    const left = mz.sqliteWasm.drizzle(client).all(mz.root.sql`select count(*) as n from authenticator`);
    assert.deepEqual(left, [{ n: 0 }]);

    // drizzle-orm itself, same DDL and flow; the generated user ids differ, so each is put in place of the other.
    native.exec(AUTH_DDL);
    const { drizzle } = await import('drizzle-orm/better-sqlite3');
    const theirs = await authFlow(authOnDrizzle.DrizzleAdapter(drizzle(native)));
    assertSameFlow(mine, theirs);
    assert.deepEqual(native.prepare('select count(*) as n from authenticator').all(), [{ n: 0 }]);
  } finally {
    client.close();
    native.close();
  }
});

// The same flow on PostgreSQL: mizzle/neon-http through the Neon SQL-over-HTTP stand-in of tests/standins (its
// `pg` client too) in front of the real PostgreSQL at 127.0.0.1:5432, in a database of this file's own.
const standinsRequire = createRequire(new URL('../standins/package.json', import.meta.url));
const PG = { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' };
/** The database this file uses on PostgreSQL and on MariaDB; its tables are dropped after each test. */
const DATABASE = 'mizzle_adapters';

// The adapter's pg tables (lib/pg.js): timestamp without time zone, boolean.
const AUTH_PG_DDL = `
drop table if exists "authenticator", "verificationToken", "session", "account", "user";
create table "user" (id text primary key, name text, email text unique, "emailVerified" timestamp, image text);
create table account (
  "userId" text not null references "user"(id) on delete cascade, type text not null, provider text not null,
  "providerAccountId" text not null, refresh_token text, access_token text, expires_at integer, token_type text,
  scope text, id_token text, session_state text, primary key (provider, "providerAccountId"));
create table session (
  "sessionToken" text primary key, "userId" text not null references "user"(id) on delete cascade,
  expires timestamp not null);
create table "verificationToken" (
  identifier text not null, token text not null, expires timestamp not null, primary key (identifier, token));
create table authenticator (
  "credentialID" text not null unique, "userId" text not null references "user"(id) on delete cascade,
  "providerAccountId" text not null, "credentialPublicKey" text not null, counter integer not null,
  "credentialDeviceType" text not null, "credentialBackedUp" boolean not null, transports text,
  primary key ("userId", "credentialID"));
`;

/** Creates this file's PostgreSQL database when missing (another run may create it meanwhile). */
async function ensurePgDatabase(pg) {
  const admin = new pg.Client(PG);
  await admin.connect();
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [DATABASE]);
    if (rowCount) return;
    await admin.query(`create database ${DATABASE}`).catch((e) => {
      if (e.code !== '42P04' && e.code !== '23505') throw e;
    });
  } finally {
    await admin.end();
  }
}

/**
 * Runs `fn` with this file's PostgreSQL database (`direct`, a pg client on it), a Neon stand-in in front of it,
 * mizzle's and drizzle-orm's neon-http dbs on that stand-in (drizzle-orm's over neon(): tests/standins' copies of
 * both; drizzle's is() compares class kinds, so an adapter's own drizzle-orm accepts that copy's db), then drops
 * `tables`.
 */
async function withPg(tables, fn) {
  const pg = standinsRequire('pg');
  const { startNeon } = await import('../standins/neon.mjs');
  await ensurePgDatabase(pg);
  const direct = new pg.Client({ ...PG, database: DATABASE });
  await direct.connect();
  const standin = await startNeon({ pg: PG });
  const connectionString = `postgresql://postgres:pw@db.localtest.me/${DATABASE}`;
  try {
    const { neon, neonConfig } = standinsRequire('@neondatabase/serverless');
    const drizzleNeon = standinsRequire('drizzle-orm/neon-http');
    neonConfig.fetchEndpoint = () => standin.url;
    await fn({
      direct,
      mizzle: (config) => mz.neon.drizzle({ connectionString, endpoint: standin.url }, config),
      drizzle: (config) => drizzleNeon.drizzle(neon(connectionString), config),
    });
  } finally {
    // The stand-in first: closing it ends its connections, whose locks would hold up the drop.
    await standin.close();
    await direct.query(`drop table if exists ${tables.map((t) => `"${t}"`).join(', ')}`);
    await direct.end();
  }
}

test('@auth/drizzle-adapter: the same flow on mizzle/neon-http over PostgreSQL, equal to drizzle-orm', async () => {
  const tables = ['authenticator', 'verificationToken', 'session', 'account', 'user'];
  await withPg(tables, async ({ direct, mizzle, drizzle }) => {
    await direct.query(AUTH_PG_DDL);
    const mine = await authFlow(authOnMizzle.DrizzleAdapter(mizzle()));
    // The adapter's pg updateSession returns `rows[0]` where its sqlite one adds `?? null`.
    assert.deepEqual(mine.out, { ...authFlowExpected(mine.id), updateSessionMissing: undefined });
    // The cascade removed the authenticator with its user.
    assert.deepEqual((await direct.query('select count(*)::int as n from authenticator')).rows, [{ n: 0 }]);

    await direct.query(AUTH_PG_DDL);
    assertSameFlow(mine, await authFlow(authOnDrizzle.DrizzleAdapter(drizzle())));
  });
});

// And on MySQL: mizzle/planetscale through tests/standins' PlanetScale HTTP stand-in in front of the real MariaDB at
// 127.0.0.1:3306, in a database of this file's own.
const MY = { host: '127.0.0.1', port: 3306, user: 'root', password: '', database: 'test' };

// The adapter's mysql tables (lib/mysql.js): emailVerified keeps milliseconds (fsp 3), the other timestamps whole
// seconds. Timestamps get explicit defaults so that MariaDB adds no `on update current_timestamp` of its own.
const AUTH_MYSQL_DDL = [
  'drop table if exists authenticator, verificationToken, session, account, user',
  `create table user (id varchar(255) primary key, name varchar(255), email varchar(255) unique,
    emailVerified timestamp(3) null default null, image varchar(255))`,
  `create table account (userId varchar(255) not null,
    type varchar(255) not null, provider varchar(255) not null, providerAccountId varchar(255) not null,
    refresh_token varchar(255), access_token varchar(255), expires_at int, token_type varchar(255),
    scope varchar(255), id_token varchar(2048), session_state varchar(255), primary key (provider, providerAccountId),
    foreign key (userId) references user(id) on delete cascade)`,
  `create table session (sessionToken varchar(255) primary key, userId varchar(255) not null,
    expires timestamp not null default current_timestamp, foreign key (userId) references user(id) on delete cascade)`,
  `create table verificationToken (identifier varchar(255) not null, token varchar(255) not null,
    expires timestamp not null default current_timestamp, primary key (identifier, token))`,
  `create table authenticator (credentialID varchar(255) not null unique, userId varchar(255) not null,
    providerAccountId varchar(255) not null, credentialPublicKey varchar(255) not null, counter int not null,
    credentialDeviceType varchar(255) not null, credentialBackedUp boolean not null, transports varchar(255),
    primary key (userId, credentialID), foreign key (userId) references user(id) on delete cascade)`,
];

/**
 * Runs `fn` with this file's MariaDB database (`reset(ddl)` runs statements on it directly), a PlanetScale stand-in
 * in front of it and mizzle's and drizzle-orm's planetscale dbs on that stand-in (drizzle-orm's over
 * @planetscale/database's Client, tests/standins' copies), then runs `drop`.
 */
async function withMysql(drop, fn) {
  const mysql = standinsRequire('mysql2/promise');
  const { startPlanetScale } = await import('../standins/planetscale.mjs');
  const admin = await mysql.createConnection(MY);
  await admin.query(`create database if not exists ${DATABASE}`).finally(() => admin.end());
  const direct = await mysql.createConnection({ ...MY, database: DATABASE });
  const standin = await startPlanetScale({ mysql: { ...MY, database: DATABASE } });
  try {
    const { Client } = standinsRequire('@planetscale/database');
    const drizzlePs = standinsRequire('drizzle-orm/planetscale-serverless');
    await fn({
      direct,
      reset: async (ddl) => {
        for (const statement of ddl) await direct.query(statement);
      },
      mizzle: (config) => mz.planetscale.drizzle({ url: standin.url }, config),
      drizzle: (config) => drizzlePs.drizzle(new Client({ url: standin.url }), config),
    });
  } finally {
    // The stand-in first: closing it ends its sessions, whose locks would hold up the drop.
    await standin.close();
    await direct.query(drop);
    await direct.end();
  }
}

test('@auth/drizzle-adapter: the same flow on mizzle/planetscale over MariaDB, equal to drizzle-orm', async () => {
  await withMysql(AUTH_MYSQL_DDL[0], async ({ direct, reset, mizzle, drizzle }) => {
    await reset(AUTH_MYSQL_DDL);
    const mine = await authFlow(authOnMizzle.DrizzleAdapter(mizzle()));
    // Whole seconds where the column keeps no fraction; the adapter's mysql updateSession returns `rows[0]`.
    const second = (ms) => new Date(Math.floor(ms / 1000) * 1000);
    const expected = authFlowExpected(mine.id);
    for (const k of ['createSession', 'updateSession']) expected[k] = { ...expected[k] };
    expected.createSession.expires = second(T0 + 1000);
    expected.getSessionAndUser = { ...expected.getSessionAndUser, session: expected.createSession };
    expected.updateSession.expires = second(T0 + 2000);
    expected.updateSessionMissing = undefined;
    const token = { ...expected.createVerificationToken, expires: second(T0 + 3000) };
    Object.assign(expected, { createVerificationToken: token, useVerificationToken: token });
    assert.deepEqual(mine.out, expected);
    assert.deepEqual((await direct.query('select count(*) as n from authenticator'))[0], [{ n: 0 }]);

    await reset(AUTH_MYSQL_DDL);
    assertSameFlow(mine, await authFlow(authOnDrizzle.DrizzleAdapter(drizzle())));
  });
});

/** Each leaf's type (Date, null, number...), by path. */
function kinds(value) {
  if (value === null || typeof value !== 'object' || value instanceof Date) {
    return value instanceof Date ? 'Date' : value === null ? 'null' : typeof value;
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, kinds(v)]));
}

// ---------------------------------------------------------------------------------------------------------------
// better-auth with its drizzle adapter on SQLite: the four tables of its core schema (user, session, account,
// verification) declared with mizzle's sqliteTable as better-auth's schema generator writes them, created by DDL.

const BETTER_AUTH_DDL = `
create table "user" (id text primary key not null, name text not null, email text not null unique,
  emailVerified integer not null default 0, image text, createdAt integer not null, updatedAt integer not null);
create table session (id text primary key not null, expiresAt integer not null, token text not null unique,
  createdAt integer not null, updatedAt integer not null, ipAddress text, userAgent text,
  userId text not null references "user"(id) on delete cascade);
create table account (id text primary key not null, accountId text not null, providerId text not null,
  userId text not null references "user"(id) on delete cascade, accessToken text, refreshToken text, idToken text,
  accessTokenExpiresAt integer, refreshTokenExpiresAt integer, scope text, password text,
  createdAt integer not null, updatedAt integer not null);
create table verification (id text primary key not null, identifier text not null, value text not null,
  expiresAt integer not null, createdAt integer not null, updatedAt integer not null);
`;

/** better-auth's core tables, from a sqlite-core module `c` (its generator's output for SQLite, trimmed). */
function betterAuthSchema(c) {
  const ms = (name) => c.integer(name, { mode: 'timestamp_ms' });
  const user = c.sqliteTable('user', {
    id: c.text('id').primaryKey(),
    name: c.text('name').notNull(),
    email: c.text('email').notNull().unique(),
    emailVerified: c.integer('emailVerified', { mode: 'boolean' }).default(false).notNull(),
    image: c.text('image'),
    createdAt: ms('createdAt').notNull(),
    updatedAt: ms('updatedAt')
      .$onUpdate(() => new Date())
      .notNull(),
  });
  const session = c.sqliteTable('session', {
    id: c.text('id').primaryKey(),
    expiresAt: ms('expiresAt').notNull(),
    token: c.text('token').notNull().unique(),
    createdAt: ms('createdAt').notNull(),
    updatedAt: ms('updatedAt')
      .$onUpdate(() => new Date())
      .notNull(),
    ipAddress: c.text('ipAddress'),
    userAgent: c.text('userAgent'),
    userId: c
      .text('userId')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
  });
  const account = c.sqliteTable('account', {
    id: c.text('id').primaryKey(),
    accountId: c.text('accountId').notNull(),
    providerId: c.text('providerId').notNull(),
    userId: c
      .text('userId')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    accessToken: c.text('accessToken'),
    refreshToken: c.text('refreshToken'),
    idToken: c.text('idToken'),
    accessTokenExpiresAt: ms('accessTokenExpiresAt'),
    refreshTokenExpiresAt: ms('refreshTokenExpiresAt'),
    scope: c.text('scope'),
    password: c.text('password'),
    createdAt: ms('createdAt').notNull(),
    updatedAt: ms('updatedAt')
      .$onUpdate(() => new Date())
      .notNull(),
  });
  const verification = c.sqliteTable('verification', {
    id: c.text('id').primaryKey(),
    identifier: c.text('identifier').notNull(),
    value: c.text('value').notNull(),
    expiresAt: ms('expiresAt').notNull(),
    createdAt: ms('createdAt').notNull(),
    updatedAt: ms('updatedAt')
      .$onUpdate(() => new Date())
      .notNull(),
  });
  return { user, session, account, verification };
}

/** The `cookie` header a browser would send back after a response with these headers. */
const cookieOf = (headers) =>
  headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

const credentials = { email: 'ann@example.com', password: 'correct horse battery' };

/**
 * better-auth's email-and-password flow over `db` (its tables created) through `drizzleAdapter`: sign up, a wrong
 * password, sign in, the session from the sign-in's cookies, sign out; then the tables' rows.
 */
async function betterAuthFlow(drizzleAdapter, db, schema, provider = 'sqlite') {
  const { betterAuth } = await import('better-auth');
  const resetTokens = []; // what the reset e-mail would carry
  const auth = betterAuth({
    database: drizzleAdapter(db, { provider, schema }),
    emailAndPassword: { enabled: true, sendResetPassword: async ({ token }) => void resetTokens.push(token) },
    secret: 'x'.repeat(32),
    baseURL: 'http://localhost',
    telemetry: { enabled: false },
  });
  const out = {};
  out.up = await auth.api.signUpEmail({ body: { name: 'Ann', ...credentials } });
  out.wrongPassword = await auth.api.signInEmail({ body: { ...credentials, password: 'wrong password!' } }).then(
    () => 'signed in',
    (e) => e.status,
  );
  const signIn = await auth.api.signInEmail({ body: credentials, returnHeaders: true });
  out.signIn = signIn.response;
  const headers = new Headers({ cookie: cookieOf(signIn.headers) });
  out.cookie = headers.get('cookie');
  out.session = await auth.api.getSession({ headers });
  out.signOut = await auth.api.signOut({ headers });
  out.sessionAfterSignOut = await auth.api.getSession({ headers });
  // A password reset: a verification row, consumed once (better-auth deletes it through a subquery).
  out.resetRequest = await auth.api.requestPasswordReset({ body: { email: credentials.email } });
  out.verifications = await db.select().from(schema.verification);
  const reset = { newPassword: 'a new password 42', token: resetTokens[0] };
  out.reset = await auth.api.resetPassword({ body: reset });
  out.resetAgain = await auth.api.resetPassword({ body: reset }).then(
    () => 'reset',
    (e) => e.status,
  );
  out.verificationsAfterReset = await db.select().from(schema.verification);
  out.oldPassword = await auth.api.signInEmail({ body: credentials }).then(
    () => 'signed in',
    (e) => e.status,
  );
  out.newPassword = await auth.api.signInEmail({ body: { ...credentials, password: reset.newPassword } });
  out.users = await db.select().from(schema.user);
  out.accounts = await db.select().from(schema.account);
  out.sessions = await db.select().from(schema.session).orderBy(schema.session.createdAt);
  return out;
}

/** The values betterAuthFlow must give on mizzle: the user as signed up, sessions, the reset, the rows. */
function assertBetterAuthFlow(out, start) {
  const { id } = out.up.user;
  assert.equal(typeof out.up.token, 'string');
  assert.equal(typeof id, 'string');
  const ann = {
    id,
    name: 'Ann',
    email: 'ann@example.com',
    emailVerified: false,
    image: null,
    createdAt: out.up.user.createdAt,
    updatedAt: out.up.user.updatedAt,
  };
  assert.deepEqual(out.up.user, ann);
  assert.ok(ann.createdAt instanceof Date && ann.createdAt.getTime() >= start, 'createdAt is a Date of now');
  assert.equal(out.wrongPassword, 'UNAUTHORIZED');
  assert.equal(out.signIn.user.id, id);
  assert.match(out.cookie, /session_token=/);
  assert.deepEqual(out.session.user, ann);
  assert.equal(out.session.session.userId, id);
  assert.equal(out.session.session.token, out.signIn.token);
  assert.ok(out.session.session.expiresAt instanceof Date && out.session.session.expiresAt.getTime() > Date.now());
  assert.equal(out.signOut.success, true);
  assert.equal(out.sessionAfterSignOut, null);
  assert.equal(out.resetRequest.status, true);
  assert.equal(out.verifications.length, 1);
  assert.equal(out.verifications[0].value, id);
  assert.match(out.verifications[0].identifier, /^reset-password:/);
  assert.ok(out.verifications[0].expiresAt instanceof Date && out.verifications[0].expiresAt > new Date());
  assert.deepEqual(out.reset, { status: true });
  assert.equal(out.resetAgain, 'BAD_REQUEST');
  assert.deepEqual(out.verificationsAfterReset, []);
  assert.equal(out.oldPassword, 'UNAUTHORIZED');
  assert.equal(out.newPassword.user.id, id);

  // The rows, read through mizzle: the user, its credential account (a password hash, not the password) and
  // the sessions of the sign-up and of the last sign-in; the signed-out one is gone.
  assert.deepEqual(out.users, [ann]);
  assert.equal(out.accounts.length, 1);
  const [account] = out.accounts;
  assert.equal(account.userId, id);
  assert.equal(account.providerId, 'credential');
  assert.equal(account.accountId, id);
  assert.equal(typeof account.password, 'string');
  assert.ok(!account.password.includes(credentials.password));
  assert.deepEqual(
    out.sessions.map((r) => [r.token, r.userId]),
    [
      [out.up.token, id],
      [out.newPassword.token, id],
    ],
  );
}

test('better-auth: sign up, sign in, session, sign out on mizzle/sqlite-wasm, as on drizzle-orm', async () => {
  const client = await mz.sqliteWasm.createDatabase();
  const Sqlite = require('better-sqlite3');
  const native = new Sqlite(':memory:');
  try {
    client.exec(BETTER_AUTH_DDL);
    const schema = betterAuthSchema(mz.sqliteCore);
    const start = Date.now();
    const { drizzleAdapter } = await import(BETTER_AUTH_DRIZZLE + TAG);
    const out = await betterAuthFlow(drizzleAdapter, mz.sqliteWasm.drizzle(client, { schema }), schema);

    assertBetterAuthFlow(out, start);

    // drizzle-orm on better-sqlite3, same DDL and flow: ids, tokens and times differ, the kind of every value
    // (Date, string, null, boolean...) must not.
    native.exec(BETTER_AUTH_DDL);
    const { drizzle } = await import('drizzle-orm/better-sqlite3');
    const sqliteCore = await import('drizzle-orm/sqlite-core');
    const { drizzleAdapter: onDrizzle } = await import('better-auth/adapters/drizzle');
    const drizzleSchema = betterAuthSchema(sqliteCore);
    const theirs = await betterAuthFlow(onDrizzle, drizzle(native, { schema: drizzleSchema }), drizzleSchema);
    assert.deepEqual(kinds(out), kinds(theirs));
  } finally {
    client.close();
    native.close();
  }
});

// better-auth on PostgreSQL: its pg schema (timestamp and boolean columns), same flow and checks.
const BETTER_AUTH_PG_DDL = `
drop table if exists "verification", "account", "session", "user";
create table "user" (id text primary key, name text not null, email text not null unique,
  "emailVerified" boolean not null default false, image text, "createdAt" timestamp not null default now(),
  "updatedAt" timestamp not null default now());
create table session (id text primary key, "expiresAt" timestamp not null, token text not null unique,
  "createdAt" timestamp not null default now(), "updatedAt" timestamp not null, "ipAddress" text, "userAgent" text,
  "userId" text not null references "user"(id) on delete cascade);
create table account (id text primary key, "accountId" text not null, "providerId" text not null,
  "userId" text not null references "user"(id) on delete cascade, "accessToken" text, "refreshToken" text,
  "idToken" text, "accessTokenExpiresAt" timestamp, "refreshTokenExpiresAt" timestamp, scope text, password text,
  "createdAt" timestamp not null default now(), "updatedAt" timestamp not null);
create table verification (id text primary key, identifier text not null, value text not null,
  "expiresAt" timestamp not null, "createdAt" timestamp not null default now(),
  "updatedAt" timestamp not null default now());
`;

/** better-auth's core tables from a pg-core module `c` (its generator's output for PostgreSQL, trimmed). */
function betterAuthPgSchema(c) {
  const at = (name) => c.timestamp(name);
  const user = c.pgTable('user', {
    id: c.text('id').primaryKey(),
    name: c.text('name').notNull(),
    email: c.text('email').notNull().unique(),
    emailVerified: c.boolean('emailVerified').default(false).notNull(),
    image: c.text('image'),
    createdAt: at('createdAt').defaultNow().notNull(),
    updatedAt: at('updatedAt')
      .defaultNow()
      .$onUpdate(() => new Date())
      .notNull(),
  });
  const session = c.pgTable('session', {
    id: c.text('id').primaryKey(),
    expiresAt: at('expiresAt').notNull(),
    token: c.text('token').notNull().unique(),
    createdAt: at('createdAt').defaultNow().notNull(),
    updatedAt: at('updatedAt')
      .$onUpdate(() => new Date())
      .notNull(),
    ipAddress: c.text('ipAddress'),
    userAgent: c.text('userAgent'),
    userId: c
      .text('userId')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
  });
  const account = c.pgTable('account', {
    id: c.text('id').primaryKey(),
    accountId: c.text('accountId').notNull(),
    providerId: c.text('providerId').notNull(),
    userId: c
      .text('userId')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    accessToken: c.text('accessToken'),
    refreshToken: c.text('refreshToken'),
    idToken: c.text('idToken'),
    accessTokenExpiresAt: at('accessTokenExpiresAt'),
    refreshTokenExpiresAt: at('refreshTokenExpiresAt'),
    scope: c.text('scope'),
    password: c.text('password'),
    createdAt: at('createdAt').defaultNow().notNull(),
    updatedAt: at('updatedAt')
      .$onUpdate(() => new Date())
      .notNull(),
  });
  const verification = c.pgTable('verification', {
    id: c.text('id').primaryKey(),
    identifier: c.text('identifier').notNull(),
    value: c.text('value').notNull(),
    expiresAt: at('expiresAt').notNull(),
    createdAt: at('createdAt').defaultNow().notNull(),
    updatedAt: at('updatedAt')
      .defaultNow()
      .$onUpdate(() => new Date())
      .notNull(),
  });
  return { user, session, account, verification };
}

test('better-auth: the same flow on mizzle/neon-http over PostgreSQL, as on drizzle-orm', async () => {
  const { drizzleAdapter } = await import(BETTER_AUTH_DRIZZLE + TAG);
  const { drizzleAdapter: onDrizzle } = await import('better-auth/adapters/drizzle');
  await withPg(['verification', 'account', 'session', 'user'], async ({ direct, mizzle, drizzle }) => {
    await direct.query(BETTER_AUTH_PG_DDL);
    const schema = betterAuthPgSchema(mz.pgCore);
    const start = Date.now();
    const out = await betterAuthFlow(drizzleAdapter, mizzle({ schema }), schema, 'pg');
    assertBetterAuthFlow(out, start);

    await direct.query(BETTER_AUTH_PG_DDL);
    const drizzleSchema = betterAuthPgSchema(standinsRequire('drizzle-orm/pg-core'));
    const theirs = await betterAuthFlow(onDrizzle, drizzle({ schema: drizzleSchema }), drizzleSchema, 'pg');
    assert.deepEqual(kinds(out), kinds(theirs));
  });
});

// better-auth on MySQL: its mysql schema. MySQL has no RETURNING: the adapter reads inserted and updated rows back
// in a transaction, and claims a verification row with `select ... for update` then a delete.
const BETTER_AUTH_MYSQL_DDL = [
  'drop table if exists verification, account, session, user',
  `create table user (id varchar(36) primary key, name text not null, email varchar(255) not null unique,
    emailVerified boolean not null default false, image text,
    createdAt timestamp(3) not null default current_timestamp(3),
    updatedAt timestamp(3) not null default current_timestamp(3))`,
  `create table session (id varchar(36) primary key, expiresAt timestamp(3) not null default current_timestamp(3),
    token varchar(255) not null unique, createdAt timestamp(3) not null default current_timestamp(3),
    updatedAt timestamp(3) not null default current_timestamp(3), ipAddress text, userAgent text,
    userId varchar(36) not null, foreign key (userId) references user(id) on delete cascade)`,
  `create table account (id varchar(36) primary key, accountId text not null, providerId text not null,
    userId varchar(36) not null, accessToken text, refreshToken text, idToken text,
    accessTokenExpiresAt timestamp(3) null default null, refreshTokenExpiresAt timestamp(3) null default null,
    scope text, password text, createdAt timestamp(3) not null default current_timestamp(3),
    updatedAt timestamp(3) not null default current_timestamp(3),
    foreign key (userId) references user(id) on delete cascade)`,
  `create table verification (id varchar(36) primary key, identifier varchar(255) not null, value text not null,
    expiresAt timestamp(3) not null default current_timestamp(3),
    createdAt timestamp(3) not null default current_timestamp(3),
    updatedAt timestamp(3) not null default current_timestamp(3))`,
];

/** better-auth's core tables from a mysql-core module `c` (its generator's output for MySQL, trimmed). */
function betterAuthMysqlSchema(c) {
  const at = (name) => c.timestamp(name, { fsp: 3 });
  const id = () => c.varchar('id', { length: 36 }).primaryKey();
  const userId = () =>
    c
      .varchar('userId', { length: 36 })
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' });
  const user = c.mysqlTable('user', {
    id: id(),
    name: c.text('name').notNull(),
    email: c.varchar('email', { length: 255 }).notNull().unique(),
    emailVerified: c.boolean('emailVerified').default(false).notNull(),
    image: c.text('image'),
    createdAt: at('createdAt').defaultNow().notNull(),
    updatedAt: at('updatedAt')
      .defaultNow()
      .$onUpdate(() => new Date())
      .notNull(),
  });
  const session = c.mysqlTable('session', {
    id: id(),
    expiresAt: at('expiresAt').notNull(),
    token: c.varchar('token', { length: 255 }).notNull().unique(),
    createdAt: at('createdAt').defaultNow().notNull(),
    updatedAt: at('updatedAt')
      .$onUpdate(() => new Date())
      .notNull(),
    ipAddress: c.text('ipAddress'),
    userAgent: c.text('userAgent'),
    userId: userId(),
  });
  const account = c.mysqlTable('account', {
    id: id(),
    accountId: c.text('accountId').notNull(),
    providerId: c.text('providerId').notNull(),
    userId: userId(),
    accessToken: c.text('accessToken'),
    refreshToken: c.text('refreshToken'),
    idToken: c.text('idToken'),
    accessTokenExpiresAt: at('accessTokenExpiresAt'),
    refreshTokenExpiresAt: at('refreshTokenExpiresAt'),
    scope: c.text('scope'),
    password: c.text('password'),
    createdAt: at('createdAt').defaultNow().notNull(),
    updatedAt: at('updatedAt')
      .$onUpdate(() => new Date())
      .notNull(),
  });
  const verification = c.mysqlTable('verification', {
    id: id(),
    identifier: c.varchar('identifier', { length: 255 }).notNull(),
    value: c.text('value').notNull(),
    expiresAt: at('expiresAt').notNull(),
    createdAt: at('createdAt').defaultNow().notNull(),
    updatedAt: at('updatedAt')
      .defaultNow()
      .$onUpdate(() => new Date())
      .notNull(),
  });
  return { user, session, account, verification };
}

test('better-auth: the same flow on mizzle/planetscale over MariaDB, as on drizzle-orm', async () => {
  const { drizzleAdapter } = await import(BETTER_AUTH_DRIZZLE + TAG);
  const { drizzleAdapter: onDrizzle } = await import('better-auth/adapters/drizzle');
  await withMysql(BETTER_AUTH_MYSQL_DDL[0], async ({ reset, mizzle, drizzle }) => {
    await reset(BETTER_AUTH_MYSQL_DDL);
    const schema = betterAuthMysqlSchema(mz.mysqlCore);
    const start = Date.now();
    const out = await betterAuthFlow(drizzleAdapter, mizzle({ schema }), schema, 'mysql');
    assertBetterAuthFlow(out, start);

    await reset(BETTER_AUTH_MYSQL_DDL);
    const drizzleSchema = betterAuthMysqlSchema(standinsRequire('drizzle-orm/mysql-core'));
    const theirs = await betterAuthFlow(onDrizzle, drizzle({ schema: drizzleSchema }), drizzleSchema, 'mysql');
    assert.deepEqual(kinds(out), kinds(theirs));
  });
});

test("better-auth's drizzle adapter given no schema finds the tables in db._.fullSchema (drizzle's db._)", async () => {
  const { betterAuth } = await import('better-auth');
  const { drizzleAdapter } = await import(BETTER_AUTH_DRIZZLE + TAG);
  const client = await mz.sqliteWasm.createDatabase();
  try {
    client.exec(BETTER_AUTH_DDL);
    const schema = betterAuthSchema(mz.sqliteCore);
    const db = mz.sqliteWasm.drizzle(client, { schema });
    const auth = betterAuth({
      database: drizzleAdapter(db, { provider: 'sqlite' }),
      emailAndPassword: { enabled: true },
      secret: 'x'.repeat(32),
      baseURL: 'http://localhost',
      telemetry: { enabled: false },
    });
    const up = await auth.api.signUpEmail({ body: { name: 'Ann', ...credentials } });
    const signIn = await auth.api.signInEmail({ body: credentials });
    assert.equal(signIn.user.id, up.user.id);
    assert.deepEqual(db.select({ email: schema.user.email }).from(schema.user).all(), [{ email: 'ann@example.com' }]);
  } finally {
    client.close();
  }
});
