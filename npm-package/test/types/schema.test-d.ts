/**
 * Type tests for the schema layer: compiled by `tsc --noEmit -p
 * tsconfig.test.json`, never run. Each `Expect<Equal<A, B>>` fails to compile
 * when the types differ; each `@ts-expect-error` line fails to compile when
 * the misuse it marks stops being an error.
 */
import type { AnyColumn, GetColumnData } from '../../src/column.js';
import {
  alias,
  blob,
  check,
  customType,
  foreignKey,
  index,
  int,
  integer,
  numeric,
  primaryKey,
  real,
  sqliteTable,
  sqliteTableCreator,
  text,
  unique,
  uniqueIndex,
  type AnySQLiteColumn,
  type SQLiteColumn,
  type SQLiteTable,
} from '../../src/sqlite-core/index.js';
import { sql } from '../../src/sql.js';
import { getTableColumns, getTableName, type InferInsertModel, type InferSelectModel } from '../../src/table.js';

type Equal<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

// ---------------------------------------------------------------- integer modes
const ints = sqliteTable('ints', {
  id: integer().primaryKey({ autoIncrement: true }),
  plain: integer('plain'),
  count: int().notNull(),
  flag: integer({ mode: 'boolean' }).notNull(),
  maybeFlag: integer('maybe_flag', { mode: 'boolean' }),
  at: integer('at', { mode: 'timestamp' }).notNull(),
  atMs: integer({ mode: 'timestamp_ms' }),
  explicitNumber: integer({ mode: 'number' }).notNull(),
});

type IntsSelect = typeof ints.$inferSelect;
export type T1 = Expect<
  Equal<
    IntsSelect,
    {
      id: number;
      plain: number | null;
      count: number;
      flag: boolean;
      maybeFlag: boolean | null;
      at: Date;
      atMs: Date | null;
      explicitNumber: number;
    }
  >
>;
export type T2 = Expect<
  Equal<
    typeof ints.$inferInsert,
    {
      count: number;
      flag: boolean;
      at: Date;
      explicitNumber: number;
      id?: number | undefined;
      plain?: number | null | undefined;
      maybeFlag?: boolean | null | undefined;
      atMs?: Date | null | undefined;
    }
  >
>;
export type T3 = Expect<Equal<InferSelectModel<typeof ints>, IntsSelect>>;
export type T4 = Expect<Equal<InferInsertModel<typeof ints>, typeof ints.$inferInsert>>;

// ---------------------------------------------------------------- text modes
const texts = sqliteTable('texts', {
  name: text('name').notNull(),
  bio: text(),
  role: text('role', { enum: ['admin', 'user'] }).notNull(),
  maybeRole: text({ enum: ['a', 'b', 'c'] }),
  sized: text({ length: 256 }).notNull(),
  doc: text('doc', { mode: 'json' }),
  typedDoc: text({ mode: 'json' }).$type<{ tags: string[] }>().notNull(),
});

export type T5 = Expect<
  Equal<
    typeof texts.$inferSelect,
    {
      name: string;
      bio: string | null;
      role: 'admin' | 'user';
      maybeRole: 'a' | 'b' | 'c' | null;
      sized: string;
      doc: unknown;
      typedDoc: { tags: string[] };
    }
  >
>;
export type T6 = Expect<
  Equal<
    typeof texts.$inferInsert,
    {
      name: string;
      role: 'admin' | 'user';
      sized: string;
      typedDoc: { tags: string[] };
      bio?: string | null | undefined;
      maybeRole?: 'a' | 'b' | 'c' | null | undefined;
      doc?: unknown;
    }
  >
>;
// enumValues keeps the literal members.
export type T7 = Expect<Equal<(typeof texts.role)['_']['enumValues'], ['admin', 'user']>>;
export type T7b = Expect<Equal<(typeof texts.bio)['_']['enumValues'], [string, ...string[]]>>;

const roles = ['owner', 'guest'] as const;
const withConstEnum = sqliteTable('e', { r: text({ enum: roles }).notNull() });
export type T8 = Expect<Equal<(typeof withConstEnum.$inferSelect)['r'], 'owner' | 'guest'>>;

// ---------------------------------------------------------------- real, numeric
const nums = sqliteTable('nums', {
  price: real().notNull(),
  ratio: real('ratio'),
  exact: numeric().notNull(),
  exactNamed: numeric('exact_named', { mode: 'string' }),
  asNumber: numeric({ mode: 'number' }).notNull(),
  asBig: numeric('as_big', { mode: 'bigint' }).notNull(),
});
export type T9 = Expect<
  Equal<
    typeof nums.$inferSelect,
    {
      price: number;
      ratio: number | null;
      exact: string;
      exactNamed: string | null;
      asNumber: number;
      asBig: bigint;
    }
  >
>;

// ---------------------------------------------------------------- blob modes
const blobs = sqliteTable('blobs', {
  bytes: blob({ mode: 'buffer' }).notNull(),
  json: blob('json', { mode: 'json' }),
  typed: blob({ mode: 'json' }).$type<{ v: number }>().notNull(),
  big: blob({ mode: 'bigint' }).notNull(),
  // drizzle 0.45: no mode is typed as json
  untyped: blob(),
});
export type T10 = Expect<
  Equal<
    typeof blobs.$inferSelect,
    { bytes: Uint8Array; json: unknown; typed: { v: number }; big: bigint; untyped: unknown }
  >
>;

// ---------------------------------------------------------------- defaults
const defaults = sqliteTable('defaults', {
  id: text('id').primaryKey(),
  withDefault: integer().notNull().default(0),
  withSqlDefault: integer({ mode: 'timestamp' }).notNull().default(sql`(unixepoch())`),
  withFn: text()
    .notNull()
    .$defaultFn(() => 'x'),
  withAlias: text()
    .notNull()
    .$default(() => 'y'),
  onUpdate: integer({ mode: 'timestamp_ms' })
    .notNull()
    .$onUpdate(() => new Date()),
  onUpdateFn: integer()
    .notNull()
    .$onUpdateFn(() => 1),
  legacyNow: integer({ mode: 'timestamp_ms' }).notNull().defaultNow(),
  required: text().notNull(),
  generated: text().generatedAlwaysAs(sql`upper(required)`),
});
export type T11 = Expect<
  Equal<
    typeof defaults.$inferInsert,
    {
      id: string;
      required: string;
      withDefault?: number | undefined;
      withSqlDefault?: Date | undefined;
      withFn?: string | undefined;
      withAlias?: string | undefined;
      onUpdate?: Date | undefined;
      onUpdateFn?: number | undefined;
      legacyNow?: Date | undefined;
    }
  >
>;
// A generated column is selectable but never insertable.
export type T12 = Expect<Equal<(typeof defaults.$inferSelect)['generated'], string | null>>;
// Text primary keys are required on insert; integer ones are not (rowid).
export type T13 = Expect<Equal<(typeof defaults.id)['_']['isPrimaryKey'], true>>;
export type T14 = Expect<Equal<(typeof ints.id)['_']['hasDefault'], true>>;
export type T15 = Expect<Equal<(typeof defaults.withFn)['_']['hasRuntimeDefault'], true>>;

// ---------------------------------------------------------------- $type branding
type UserId = number & { readonly __brand: 'UserId' };
const branded = sqliteTable('branded', {
  id: integer().$type<UserId>().primaryKey(),
  owner: integer().$type<UserId>().notNull(),
});
export type T16 = Expect<Equal<typeof branded.$inferSelect, { id: UserId; owner: UserId }>>;

// ---------------------------------------------------------------- customType
const csv = customType<{ data: string[]; driverData: string }>({
  dataType: () => 'text',
  toDriver: (v) => v.join(','),
  fromDriver: (v) => v.split(','),
});
const sized = customType<{ data: string; config: { size: number }; configRequired: true }>({
  dataType: (config) => `varchar(${config.size})`,
});
const alwaysSet = customType<{ data: number; notNull: true; default: true }>({ dataType: () => 'integer' });
const customs = sqliteTable('customs', {
  tags: csv('tags').notNull(),
  maybeTags: csv(),
  code: sized('code', { size: 3 }),
  auto: alwaysSet(),
});
export type T17 = Expect<
  Equal<typeof customs.$inferSelect, { tags: string[]; maybeTags: string[] | null; code: string | null; auto: number }>
>;
export type T18 = Expect<
  Equal<
    typeof customs.$inferInsert,
    {
      tags: string[];
      maybeTags?: string[] | null | undefined;
      code?: string | null | undefined;
      auto?: number | undefined;
    }
  >
>;

// ---------------------------------------------------------------- callback form, extra config
const posts = sqliteTable(
  'posts',
  (t) => ({
    id: t.integer().primaryKey(),
    authorId: t
      .integer('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: t.text().notNull(),
    score: t.real(),
  }),
  (t) => [
    index('posts_author_idx').on(t.authorId),
    uniqueIndex('posts_title_uq').on(t.title).where(sql`${t.score} > 0`),
    check('score_ok', sql`${t.score} >= 0`),
    foreignKey({ columns: [t.authorId], foreignColumns: [users.id] })
      .onDelete('cascade')
      .onUpdate('no action'),
    unique('posts_author_title').on(t.authorId, t.title),
  ],
);
const users = sqliteTable('users', {
  id: integer().primaryKey(),
  email: text().notNull().unique(),
  // self-reference needs the annotation, as in drizzle
  invitedBy: integer().references((): AnySQLiteColumn => users.id),
});
export type T19 = Expect<
  Equal<typeof posts.$inferSelect, { id: number; authorId: number; title: string; score: number | null }>
>;

const members = sqliteTable('members', { groupId: integer().notNull(), userId: integer().notNull() }, (t) => [
  primaryKey({ columns: [t.groupId, t.userId], name: 'members_pk' }),
]);
// Deprecated object form of the third argument still type-checks.
const legacy = sqliteTable('legacy', { a: integer(), b: integer() }, (t) => ({
  pk: primaryKey(t.a, t.b),
  idx: index('legacy_a').on(t.a),
}));

// ---------------------------------------------------------------- table helpers
export type T20 = Expect<Equal<ReturnType<typeof getTableName<typeof users>>, 'users'>>;
const userColumns = getTableColumns(users);
export type T21 = Expect<Equal<typeof userColumns.email, typeof users.email>>;
export type T22 = Expect<Equal<(typeof users)['_']['name'], 'users'>>;
export type T23 = Expect<Equal<(typeof users.email)['_']['tableName'], 'users'>>;
export type T24 = Expect<Equal<GetColumnData<typeof users.email>, string>>;
export type T25 = Expect<Equal<GetColumnData<typeof users.invitedBy>, number | null>>;
export type T26 = Expect<Equal<GetColumnData<typeof users.invitedBy, 'raw'>, number>>;

// Tables and columns fit the broad drizzle type names users write.
const asTable: SQLiteTable = users;
const asColumn: SQLiteColumn = users.email;
const asAnyString: AnySQLiteColumn<{ data: string }> = users.email;
const asAnyColumn: AnyColumn = posts.score;
function takesTable<T extends SQLiteTable>(table: T): T['_']['name'] {
  return getTableName(table);
}
export type T27 = Expect<Equal<ReturnType<typeof takesTable<typeof posts>>, 'posts'>>;

// ---------------------------------------------------------------- alias
const inviter = alias(users, 'inviter');
export type T28 = Expect<Equal<(typeof inviter)['_']['name'], 'inviter'>>;
export type T29 = Expect<Equal<(typeof inviter.email)['_']['tableName'], 'inviter'>>;
export type T30 = Expect<Equal<typeof inviter.$inferSelect, typeof users.$inferSelect>>;
const inviterAsTable: SQLiteTable = inviter;

// ---------------------------------------------------------------- sqliteTableCreator
const prefixed = sqliteTableCreator((name) => `app_${name}`);
const settings = prefixed('settings', { key: text().primaryKey(), value: text({ mode: 'json' }) });
export type T31 = Expect<Equal<typeof settings.$inferInsert, { key: string; value?: unknown }>>;

// ---------------------------------------------------------------- misuse
// @ts-expect-error integer's data is number
integer().default('zero');
// @ts-expect-error boolean mode takes booleans
integer({ mode: 'boolean' }).default(1);
// @ts-expect-error timestamp mode takes Dates
integer({ mode: 'timestamp' }).$defaultFn(() => 123);
// @ts-expect-error enum text only takes its members
text({ enum: ['a', 'b'] }).default('c');
// @ts-expect-error unknown integer mode
integer({ mode: 'date' });
// @ts-expect-error unknown blob mode
blob({ mode: 'text' });
// @ts-expect-error autoIncrement is an integer primary key option only
text().primaryKey({ autoIncrement: true });
// @ts-expect-error numeric bigint mode takes bigint
numeric({ mode: 'bigint' }).default(1);
// @ts-expect-error $type overrides the data type used by default()
text({ mode: 'json' }).$type<{ a: number }>().default({ a: 'x' });
// @ts-expect-error a configRequired custom type needs its config
sized('code');
// @ts-expect-error references() takes a thunk, not a column
integer().references(users.id);
// @ts-expect-error index().on() needs at least one column
index('empty').on();

const missingRequired: typeof users.$inferInsert = {
  // @ts-expect-error email is NOT NULL without default: required, and must be a string
  email: 1,
};
// @ts-expect-error email is required on insert
const noEmail: typeof users.$inferInsert = { id: 1 };
// @ts-expect-error generated columns cannot be inserted
const withGenerated: typeof defaults.$inferInsert = { id: 'a', required: 'b', generated: 'c' };
// @ts-expect-error select rows of NOT NULL columns are never null
const nullFlag: typeof ints.$inferSelect = { ...({} as IntsSelect), flag: null };
// @ts-expect-error there is no such column
users.nope;
// @ts-expect-error alias columns keep their keys only
inviter.nope;

export {
  asAnyColumn,
  asAnyString,
  asColumn,
  asTable,
  blobs,
  customs,
  defaults,
  inviterAsTable,
  legacy,
  members,
  missingRequired,
  noEmail,
  nullFlag,
  nums,
  settings,
  withGenerated,
};
