/**
 * Tables at run time: names, keys, the info record, aliases, the callback
 * form, `sqliteTableCreator` and `getTableConfig`.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from '../../src/sql.js';
import {
  alias,
  check,
  foreignKey,
  getTableConfig,
  index,
  integer,
  primaryKey,
  SQLiteColumn,
  SQLiteTable,
  sqliteTable,
  sqliteTableCreator,
  text,
  unique,
  uniqueIndex,
  type AnySQLiteColumn,
} from '../../src/sqlite-core/index.js';
import {
  getTableColumns,
  getTableInfo,
  getTableName,
  getTableUniqueName,
  isTable,
  Table,
  TableInfoKey,
} from '../../src/table.js';

const users = sqliteTable('users', {
  id: integer().primaryKey(),
  // keys that would collide with table identity if it were stored as string keys
  name: text('full_name').notNull(),
  schema: text(),
  alias: text(),
  invitedBy: integer('invited_by').references((): AnySQLiteColumn => users.id),
});

describe('sqliteTable', () => {
  test('columns are own properties, named by key unless given a SQL name', () => {
    assert.ok(users.id instanceof SQLiteColumn);
    assert.equal(users.id.name, 'id');
    assert.equal(users.id.keyName, 'id');
    assert.equal(users.id.keyAsName, true);
    assert.equal(users.name.name, 'full_name');
    assert.equal(users.name.keyName, 'name');
    assert.equal(users.name.keyAsName, false);
    assert.equal(users.invitedBy.name, 'invited_by');
    assert.deepEqual(Object.keys(users), ['id', 'name', 'schema', 'alias', 'invitedBy']);
  });

  test('identity lives under the info key, so columns named name/schema/alias are safe', () => {
    const info = getTableInfo(users);
    assert.equal(info, users[TableInfoKey]);
    assert.equal(info.name, 'users');
    assert.equal(info.schema, undefined);
    assert.equal(info.alias, undefined);
    assert.equal(info.baseName, 'users');
    assert.equal(info.original, undefined);
    assert.equal(info.dialect, 'sqlite');
    assert.ok(users.schema instanceof SQLiteColumn);
    assert.ok(users.alias instanceof SQLiteColumn);
  });

  test('each column points at its table', () => {
    for (const column of Object.values(getTableColumns(users))) assert.equal(column.table, users);
  });

  test('helpers', () => {
    assert.equal(getTableName(users), 'users');
    assert.equal(getTableUniqueName(users), 'public.users');
    assert.ok(isTable(users));
    assert.ok(users instanceof SQLiteTable && users instanceof Table);
    assert.ok(!isTable(users.id));
    assert.ok(!isTable({}));
    assert.deepEqual(Object.keys(getTableColumns(users)), ['id', 'name', 'schema', 'alias', 'invitedBy']);
    assert.equal(getTableColumns(users).id, users.id);
  });

  test('callback form gets the column builders', () => {
    const t = sqliteTable('cb', (c) => ({
      id: c.integer().primaryKey(),
      title: c.text('title_text').notNull(),
      price: c.real(),
      total: c.numeric({ mode: 'number' }),
      raw: c.blob({ mode: 'buffer' }),
      tags: c.customType<{ data: string }>({ dataType: () => 'text' })(),
    }));
    assert.equal(t.title.name, 'title_text');
    assert.equal(t.title.notNull, true);
    assert.equal(t.price.sqlType, 'real');
    assert.equal(t.total.columnType, 'SQLiteNumericNumber');
    assert.equal(t.raw.columnType, 'SQLiteBlobBuffer');
    assert.equal(t.tags.sqlType, 'text');
    assert.equal(t.tags.name, 'tags');
  });

  test('one builder spread into two tables builds two independent columns', () => {
    const timestamps = { createdAt: integer('created_at', { mode: 'timestamp' }).notNull() };
    const a = sqliteTable('a', { ...timestamps });
    const b = sqliteTable('b', { ...timestamps });
    assert.notEqual(a.createdAt, b.createdAt);
    assert.equal(a.createdAt.table, a);
    assert.equal(b.createdAt.table, b);
    assert.equal(b.createdAt.name, 'created_at');
  });

  test('sqliteTableCreator renames the SQL table, keeps the base name', () => {
    const create = sqliteTableCreator((name) => `app_${name}`);
    const t = create('settings', { key: text().primaryKey() });
    assert.equal(getTableName(t), 'app_settings');
    assert.equal(getTableInfo(t).baseName, 'settings');
  });
});

describe('alias', () => {
  const inviter = alias(users, 'inviter');

  test('is a table whose info keeps the SQL name and adds the alias', () => {
    assert.ok(inviter instanceof SQLiteTable);
    const info = getTableInfo(inviter);
    assert.equal(info.name, 'users');
    assert.equal(info.alias, 'inviter');
    assert.equal(info.original, users);
    assert.equal(getTableName(inviter), 'inviter');
    // the source table is untouched
    assert.equal(getTableInfo(users).alias, undefined);
  });

  test('has copies of the columns that point at the alias', () => {
    assert.notEqual(inviter.id, users.id);
    assert.ok(inviter.id instanceof SQLiteColumn);
    assert.equal(inviter.id.table, inviter);
    assert.equal(inviter.name.name, 'full_name');
    assert.equal(inviter.name.keyName, 'name');
    assert.equal(inviter.name.notNull, true);
    assert.equal(inviter.id.codec, users.id.codec);
    assert.equal(getTableColumns(inviter).id, inviter.id);
    assert.deepEqual(Object.keys(inviter), Object.keys(users));
  });

  test('column conversions work on the copies', () => {
    const t = sqliteTable('d', { at: integer({ mode: 'timestamp' }) });
    const a = alias(t, 'd2');
    assert.equal(a.at.mapToDriverValue(new Date(2000)), 2);
    assert.deepEqual(a.at.mapFromDriverValue(2), new Date(2000));
  });

  test('an alias of an alias refers to the real table', () => {
    const again = alias(inviter, 'again');
    assert.equal(getTableInfo(again).name, 'users');
    assert.equal(getTableInfo(again).alias, 'again');
    assert.equal(getTableInfo(again).original, users);
    assert.equal(again.id.table, again);
  });
});

describe('getTableConfig', () => {
  const authors = sqliteTable('authors', { id: integer().primaryKey(), org: integer(), name: text() });
  let extraCalls = 0;
  const posts = sqliteTable(
    'posts',
    {
      id: integer().primaryKey(),
      authorId: integer('author_id').references(() => authors.id, { onDelete: 'cascade' }),
      orgId: integer('org_id'),
      title: text().notNull(),
      score: integer(),
    },
    (t) => {
      extraCalls++;
      return [
        index('posts_title_idx').on(t.title, t.score),
        uniqueIndex('posts_live_uq').on(t.title).where(sql`${t.score} > 0`),
        check('score_ok', sql`${t.score} >= 0`),
        foreignKey({ columns: [t.orgId, t.authorId], foreignColumns: [authors.org, authors.id] }).onDelete('set null'),
        unique().on(t.authorId, t.title),
        unique('named_uq').on(t.orgId),
      ];
    },
  );
  const members = sqliteTable('members', { groupId: integer('group_id'), userId: integer('user_id') }, (t) => [
    primaryKey({ columns: [t.groupId, t.userId] }),
  ]);
  const legacy = sqliteTable('legacy', { a: integer(), b: integer() }, (t) => ({
    pk: primaryKey(t.a, t.b),
    idx: index('legacy_a').on(t.a),
  }));

  test('is lazy and evaluated once', () => {
    assert.equal(extraCalls, 0);
    const first = getTableConfig(posts);
    assert.equal(getTableConfig(posts), first);
    assert.equal(extraCalls, 1);
  });

  test('name, columns', () => {
    const c = getTableConfig(posts);
    assert.equal(c.name, 'posts');
    assert.equal(c.schema, undefined);
    assert.deepEqual(
      c.columns.map((x) => x.name),
      ['id', 'author_id', 'org_id', 'title', 'score'],
    );
  });

  test('indexes', () => {
    const [plain, partial] = getTableConfig(posts).indexes;
    assert.equal(plain?.config.name, 'posts_title_idx');
    assert.equal(plain?.config.unique, false);
    assert.deepEqual(plain?.config.columns, [posts.title, posts.score]);
    assert.equal(plain?.config.where, undefined);
    assert.equal(plain?.config.table, posts);
    assert.equal(partial?.config.unique, true);
    assert.ok(partial?.config.where);
  });

  test('inline references and table-level foreign keys', () => {
    const [inline, tableLevel] = getTableConfig(posts).foreignKeys;
    assert.deepEqual(inline?.reference().columns, [posts.authorId]);
    assert.deepEqual(inline?.reference().foreignColumns, [authors.id]);
    assert.equal(inline?.onDelete, 'cascade');
    assert.equal(inline?.onUpdate, undefined);
    assert.equal(inline?.getName(), 'posts_author_id_authors_id_fk');
    assert.deepEqual(tableLevel?.reference().columns, [posts.orgId, posts.authorId]);
    assert.equal(tableLevel?.onDelete, 'set null');
    assert.equal(tableLevel?.getName(), 'posts_org_id_author_id_authors_org_id_fk');
  });

  test('checks and unique constraints', () => {
    const c = getTableConfig(posts);
    assert.equal(c.checks[0]?.name, 'score_ok');
    assert.equal(c.uniqueConstraints[0]?.getName(), 'posts_author_id_title_unique');
    assert.deepEqual(c.uniqueConstraints[0]?.columns, [posts.authorId, posts.title]);
    assert.equal(c.uniqueConstraints[1]?.getName(), 'named_uq');
  });

  test('composite primary keys, both forms', () => {
    const [pk] = getTableConfig(members).primaryKeys;
    assert.deepEqual(pk?.columns, [members.groupId, members.userId]);
    assert.equal(pk?.getName(), 'members_group_id_user_id_pk');
    const legacyConfig = getTableConfig(legacy);
    assert.deepEqual(legacyConfig.primaryKeys[0]?.columns, [legacy.a, legacy.b]);
    assert.equal(legacyConfig.indexes[0]?.config.name, 'legacy_a');
  });

  test('a table without extras has empty lists', () => {
    const c = getTableConfig(authors);
    assert.deepEqual(
      [c.indexes, c.foreignKeys, c.checks, c.primaryKeys, c.uniqueConstraints].map((x) => x.length),
      [0, 0, 0, 0, 0],
    );
  });
});
