/**
 * Type tests for `mizzle/pg-core`: compiled by `tsc --noEmit -p
 * tsconfig.test.json`, never run. Each `Expect<Equal<A, B>>` fails to compile
 * when the types differ; each `@ts-expect-error` line fails to compile when
 * the misuse it marks stops being an error.
 */
import {
  alias,
  bigint,
  bigserial,
  boolean,
  char,
  check,
  cidr,
  customType,
  date,
  decimal,
  doublePrecision,
  foreignKey,
  getTableConfig,
  index,
  inet,
  integer,
  interval,
  json,
  jsonb,
  line,
  macaddr,
  macaddr8,
  numeric,
  point,
  pgEnum,
  pgMaterializedView,
  pgSchema,
  pgTable,
  pgTableCreator,
  pgView,
  PgDatabase,
  primaryKey,
  real,
  serial,
  smallint,
  smallserial,
  text,
  time,
  timestamp,
  union,
  intersectAll,
  exceptAll,
  unique,
  uniqueIndex,
  uuid,
  varchar,
  type AnyPgColumn,
  type PgColumn,
  type PgTable,
} from '../../src/pg-core/index.js';
import { eq, sql } from '../../src/index.js';
import type { Session } from '../../src/driver.js';
import type { InferInsertModel, InferSelectModel } from '../../src/table.js';

type Equal<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

// ------------------------------------------------------------------ integers
const ints = pgTable('ints', {
  id: serial().primaryKey(),
  small: smallint(),
  int: integer().notNull(),
  big53: bigint({ mode: 'number' }),
  big64: bigint('big64', { mode: 'bigint' }).notNull(),
  ss: smallserial(),
  bs53: bigserial({ mode: 'number' }),
  bs64: bigserial('bs64', { mode: 'bigint' }),
  always: integer().generatedAlwaysAsIdentity(),
  byDefault: integer().generatedByDefaultAsIdentity({ startWith: 10 }),
  bigAlways: bigint({ mode: 'bigint' }).generatedAlwaysAsIdentity(),
  withDefault: integer().notNull().default(5),
});

export type I1 = Expect<
  Equal<
    typeof ints.$inferSelect,
    {
      id: number;
      small: number | null;
      int: number;
      big53: number | null;
      big64: bigint;
      ss: number;
      bs53: number;
      bs64: bigint;
      always: number;
      byDefault: number;
      bigAlways: bigint;
      withDefault: number;
    }
  >
>;
export type I2 = Expect<
  Equal<
    typeof ints.$inferInsert,
    {
      int: number;
      big64: bigint;
      id?: number | undefined;
      small?: number | null | undefined;
      big53?: number | null | undefined;
      ss?: number | undefined;
      bs53?: number | undefined;
      bs64?: bigint | undefined;
      byDefault?: number | undefined;
      withDefault?: number | undefined;
    }
  >
>;
// @ts-expect-error bigint needs a mode
bigint();
// @ts-expect-error identity is for integer types only
text().generatedAlwaysAsIdentity();

// ------------------------------------------------------------------- strings and enums
const mood = pgEnum('mood', ['sad', 'ok', 'happy']);
const roleObj = pgEnum('role', { Admin: 'admin', User: 'user' });
export type E0 = Expect<Equal<typeof mood.enumValues, ['sad', 'ok', 'happy']>>;

const strings = pgTable('strings', {
  t: text().notNull(),
  tEnum: text({ enum: ['a', 'b'] }),
  v: varchar({ length: 10 }),
  vEnum: varchar('v_enum', { enum: ['x', 'y'], length: 1 }).notNull(),
  c: char({ length: 2 }),
  id: uuid().primaryKey().defaultRandom(),
  u: uuid(),
  mood: mood().notNull(),
  maybeMood: mood('maybe_mood').default('ok'),
  role: roleObj(),
});
export type S1 = Expect<
  Equal<
    typeof strings.$inferSelect,
    {
      t: string;
      tEnum: 'a' | 'b' | null;
      v: string | null;
      vEnum: 'x' | 'y';
      c: string | null;
      id: string;
      u: string | null;
      mood: 'sad' | 'ok' | 'happy';
      maybeMood: 'sad' | 'ok' | 'happy' | null;
      role: 'admin' | 'user' | null;
    }
  >
>;
export type S2 = Expect<
  Equal<
    typeof strings.$inferInsert,
    {
      t: string;
      vEnum: 'x' | 'y';
      mood: 'sad' | 'ok' | 'happy';
      tEnum?: 'a' | 'b' | null | undefined;
      v?: string | null | undefined;
      c?: string | null | undefined;
      id?: string | undefined;
      u?: string | null | undefined;
      maybeMood?: 'sad' | 'ok' | 'happy' | null | undefined;
      role?: 'admin' | 'user' | null | undefined;
    }
  >
>;
// @ts-expect-error not a member of the enum
mood().default('angry');
export type S3 = Expect<Equal<(typeof strings.mood)['_']['enumValues'], ['sad', 'ok', 'happy']>>;

const nets = pgTable('nets', { ip: inet().notNull(), net: cidr(), mac: macaddr(), mac8: macaddr8('mac_8') });
export type N1 = Expect<
  Equal<typeof nets.$inferSelect, { ip: string; net: string | null; mac: string | null; mac8: string | null }>
>;
export type N2 = Expect<Equal<(typeof nets.ip)['_']['columnType'], 'PgInet'>>;
// @ts-expect-error an address is text
export const badIp: typeof nets.$inferInsert = { ip: 42 };

const shapes = pgTable('shapes', {
  at: point().notNull(),
  atXy: point({ mode: 'xy' }),
  edge: line('edge'),
  edgeAbc: line('edge_abc', { mode: 'abc' }),
});
export type G1 = Expect<
  Equal<
    typeof shapes.$inferSelect,
    {
      at: [number, number];
      atXy: { x: number; y: number } | null;
      edge: [number, number, number] | null;
      edgeAbc: { a: number; b: number; c: number } | null;
    }
  >
>;
// @ts-expect-error an xy point is an object
export const badPoint: typeof shapes.$inferInsert = { at: [1, 2], atXy: [1, 2] };

// ----------------------------------------------------------- numbers, booleans, json
type Prefs = { theme: 'dark' | 'light' };
const misc = pgTable('misc', {
  num: numeric({ precision: 10, scale: 2 }),
  numNumber: numeric({ mode: 'number' }).notNull(),
  numBig: decimal('num_big', { mode: 'bigint', precision: 30 }),
  r: real(),
  d: doublePrecision().notNull(),
  b: boolean().notNull().default(false),
  j: json(),
  jb: jsonb().$type<Prefs>().notNull(),
  jt: json('jt').$type<string[]>(),
});
export type M1 = Expect<
  Equal<
    typeof misc.$inferSelect,
    {
      num: string | null;
      numNumber: number;
      numBig: bigint | null;
      r: number | null;
      d: number;
      b: boolean;
      j: unknown;
      jb: Prefs;
      jt: string[] | null;
    }
  >
>;
export type M2 = Expect<
  Equal<
    typeof misc.$inferInsert,
    {
      numNumber: number;
      d: number;
      jb: Prefs;
      num?: string | null | undefined;
      numBig?: bigint | null | undefined;
      r?: number | null | undefined;
      b?: boolean | undefined;
      j?: unknown;
      jt?: string[] | null | undefined;
    }
  >
>;

// ------------------------------------------------------------------- date/time
const times = pgTable('times', {
  ts: timestamp().notNull(),
  tsTz: timestamp('ts_tz', { withTimezone: true, precision: 3 }).defaultNow(),
  tsDate: timestamp({ mode: 'date' }),
  tsStr: timestamp({ mode: 'string', withTimezone: true }).notNull(),
  d: date(),
  dDate: date({ mode: 'date' }).notNull(),
  dStr: date('d_str', { mode: 'string' }).defaultNow(),
  t: time({ withTimezone: true }),
  iv: interval({ fields: 'day to second', precision: 3 }),
});
export type D1 = Expect<
  Equal<
    typeof times.$inferSelect,
    {
      ts: Date;
      tsTz: Date | null;
      tsDate: Date | null;
      tsStr: string;
      d: string | null;
      dDate: Date;
      dStr: string | null;
      t: string | null;
      iv: string | null;
    }
  >
>;
export type D2 = Expect<Equal<InferInsertModel<typeof times>['ts'], Date>>;
export type D3 = Expect<Equal<InferInsertModel<typeof times>['tsStr'], string>>;
// @ts-expect-error interval has no defaultNow
interval().defaultNow();
// @ts-expect-error precision is 0..6
timestamp({ precision: 7 });

// ------------------------------------------------------------------- arrays
const arrays = pgTable('arrays', {
  tags: text().array().notNull(),
  grid: integer().array().array(),
  moods: mood().array(),
  stamps: timestamp({ withTimezone: true }).array(3),
  docs: jsonb().$type<Prefs>().array().default([]),
  nums: numeric({ mode: 'number' }).array().notNull().default(sql`'{}'`),
  bigs: bigint({ mode: 'bigint' }).array(),
});
export type A1 = Expect<
  Equal<
    typeof arrays.$inferSelect,
    {
      tags: string[];
      grid: number[][] | null;
      moods: ('sad' | 'ok' | 'happy')[] | null;
      stamps: Date[] | null;
      docs: Prefs[] | null;
      nums: number[];
      bigs: bigint[] | null;
    }
  >
>;
export type A2 = Expect<
  Equal<
    typeof arrays.$inferInsert,
    {
      tags: string[];
      grid?: number[][] | null | undefined;
      moods?: ('sad' | 'ok' | 'happy')[] | null | undefined;
      stamps?: Date[] | null | undefined;
      docs?: Prefs[] | null | undefined;
      nums?: number[] | undefined;
      bigs?: bigint[] | null | undefined;
    }
  >
>;
// @ts-expect-error array default must be an array of the element type
text().array().default(['a', 1]);

// ------------------------------------------------- generated, custom, references
const citext = customType<{ data: string; driverData: string }>({ dataType: () => 'citext' });
const people = pgTable(
  'people',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    first: text().notNull(),
    full: text().generatedAlwaysAs(sql`first || '!'`),
    email: citext('email').notNull().unique('people_email_key', { nulls: 'not distinct' }),
    parentId: integer().references((): AnyPgColumn => people.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('people_first_idx').on(t.first.desc().nullsFirst()),
    uniqueIndex().using('btree', t.email.op('text_pattern_ops')).where(sql`${t.parentId} is null`).concurrently(),
    unique().on(t.first, t.email).nullsNotDistinct(),
    check('first_not_empty', sql`${t.first} <> ''`),
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id] }).onDelete('cascade'),
    primaryKey({ columns: [t.id, t.first] }),
  ],
);
export type P1 = Expect<
  Equal<typeof people.$inferInsert, { first: string; email: string; parentId?: number | null | undefined }>
>;
export type P2 = Expect<
  Equal<
    InferSelectModel<typeof people>,
    { id: number; first: string; full: string | null; email: string; parentId: number | null }
  >
>;
export const peopleConfig = getTableConfig(people).indexes.length;

// ----------------------------------------------- schemas, creators, aliases, views
const auth = pgSchema('auth');
const authRole = auth.enum('auth_role', ['admin', 'member']);
const accounts = auth.table('accounts', {
  id: uuid().primaryKey(),
  role: authRole().notNull(),
  userId: integer('user_id'),
});
export type SC1 = Expect<Equal<(typeof accounts)['_']['schema'], 'auth'>>;
export type SC2 = Expect<
  Equal<typeof accounts.$inferSelect, { id: string; role: 'admin' | 'member'; userId: number | null }>
>;

const prefixed = pgTableCreator((n) => `app_${n}`);
const things = prefixed('things', { id: serial().primaryKey() });
export type TC1 = Expect<Equal<(typeof things)['_']['name'], 'things'>>;

const parent = alias(people, 'parent');
export type AL1 = Expect<Equal<(typeof parent)['_']['name'], 'parent'>>;
export type AL2 = Expect<Equal<(typeof parent.id)['_']['tableName'], 'parent'>>;

export function takesTable<T extends PgTable>(t: T): T {
  return t;
}
takesTable(people);
export function takesColumn(c: PgColumn): string {
  return c.name;
}
takesColumn(people.id);

const db = new PgDatabase<'async', unknown>(undefined as unknown as Session<'async', unknown>);

const firstNames = pgView('first_names').as((qb) => qb.select({ first: people.first }).from(people));
const legacy = pgView('legacy', { id: integer().notNull(), label: text() }).existing();
const stats = pgMaterializedView('stats')
  .withNoData()
  .as((qb) => qb.select({ id: people.id }).from(people));

// ------------------------------------------------------------------- queries
async function queries() {
  const rows = await db.select().from(strings).where(eq(strings.mood, 'happy'));
  type R0 = Expect<Equal<(typeof rows)[number]['mood'], 'sad' | 'ok' | 'happy'>>;

  const distinctOn = await db
    .selectDistinctOn([people.first], { first: people.first, id: people.id })
    .from(people)
    .orderBy(people.first);
  type R1 = Expect<Equal<typeof distinctOn, { first: string; id: number }[]>>;

  const sq = db.select({ id: accounts.id }).from(accounts).where(eq(accounts.userId, people.id)).limit(1).as('acc');
  const lateral = await db.select({ name: people.first, acc: sq.id }).from(people).leftJoinLateral(sq, sql`true`);
  type R2 = Expect<Equal<typeof lateral, { name: string; acc: string | null }[]>>;
  const inner = await db.select().from(people).innerJoinLateral(sq, sql`true`);
  type R3 = Expect<Equal<(typeof inner)[number]['acc'], { id: string }>>;
  const cross = await db.select().from(people).crossJoinLateral(sq);
  type R4 = Expect<Equal<(typeof cross)[number]['acc'], { id: string }>>;
  // @ts-expect-error lateral joins take subqueries, not tables
  db.select().from(people).leftJoinLateral(accounts, sql`true`);

  const locked = await db.select().from(people).for('update', { of: people, skipLocked: true });
  type R5 = Expect<Equal<typeof locked, (typeof people.$inferSelect)[]>>;
  db.select().from(people).for('no key update', { noWait: true });
  // @ts-expect-error one wait policy at most
  db.select().from(people).for('share', { noWait: true, skipLocked: true });
  // @ts-expect-error not a lock strength
  db.select().from(people).for('exclusive');

  const both = await intersectAll(db.select({ id: people.id }).from(people), db.select({ id: ints.int }).from(ints));
  type R6 = Expect<Equal<typeof both, { id: number }[]>>;
  await exceptAll(db.select({ id: people.id }).from(people), db.select({ id: ints.int }).from(ints));
  await union(db.select({ id: people.id }).from(people), db.select({ id: ints.int }).from(ints));
  await db
    .select({ id: people.id })
    .from(people)
    .intersectAll(db.select({ id: ints.int }).from(ints));

  const fromView = await db.select().from(firstNames);
  type R7 = Expect<Equal<typeof fromView, { first: string }[]>>;
  const fromLegacy = await db.select().from(legacy);
  type R8 = Expect<Equal<typeof fromLegacy, { id: number; label: string | null }[]>>;
  const fromStats = await db.select().from(stats);
  type R9 = Expect<Equal<typeof fromStats, { id: number }[]>>;

  const arr = await db.select({ tags: arrays.tags, stamps: arrays.stamps }).from(arrays);
  type R10 = Expect<Equal<typeof arr, { tags: string[]; stamps: Date[] | null }[]>>;

  await db.insert(people).values({ first: 'a', email: 'a@b' });
  await db.insert(arrays).values({ tags: ['a'], stamps: [new Date()] });
  await db.update(times).set({ ts: new Date(), tsStr: '2024-01-01 00:00:00+00' });
  // The checks above are local types; naming them here uses them, as mysql-core.test-d.ts does.
  return null as unknown as [R0, R1, R2, R3, R4, R5, R6, R7, R8, R9, R10];
}
export { queries };
