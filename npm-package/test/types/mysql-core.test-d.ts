/**
 * Type tests for `mizzle/mysql-core`: compiled by `tsc --noEmit -p
 * tsconfig.test.json`, never run. Each `Expect<Equal<A, B>>` fails to compile
 * when the types differ (the expected types are drizzle-orm 0.45's); each
 * `@ts-expect-error` line fails to compile when the misuse it marks stops
 * being an error.
 */
import type { Database } from '../../src/query/database.js';
import { sql } from '../../src/sql.js';
import type { InferInsertModel, InferSelectModel } from '../../src/table.js';
import {
  alias,
  bigint,
  binary,
  boolean,
  char,
  customType,
  date,
  datetime,
  decimal,
  double,
  float,
  index,
  int,
  json,
  longtext,
  mediumint,
  mediumtext,
  mysqlEnum,
  mysqlSchema,
  mysqlTable,
  mysqlTableCreator,
  primaryKey,
  real,
  serial,
  smallint,
  text,
  time,
  timestamp,
  tinyint,
  tinytext,
  union,
  varbinary,
  varchar,
  year,
  type AnyMySqlColumn,
  type IndexConfig,
  type IndexForHint,
  type MySqlRunResult,
  type MySqlTable,
  type ReturningIdRow,
} from '../../src/mysql-core/index.js';

type Equal<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

// ---------------------------------------------------------------- numbers
const numbers = mysqlTable('numbers', {
  id: int().primaryKey().autoincrement(),
  plain: int('plain'),
  unsignedInt: int({ unsigned: true }).notNull(),
  tiny: tinyint(),
  small: smallint('small', { unsigned: true }),
  medium: mediumint().notNull().default(0),
  big53: bigint({ mode: 'number' }),
  big64: bigint('big64', { mode: 'bigint', unsigned: true }).notNull(),
  ser: serial(),
  dec: decimal(),
  decPS: decimal({ precision: 10, scale: 2 }).notNull(),
  decNum: decimal({ mode: 'number' }),
  decBig: decimal('dec_big', { precision: 30, mode: 'bigint' }),
  decStr: decimal({ mode: 'string' }),
  dbl: double(),
  flt: float({ precision: 5, unsigned: true }),
  rl: real('rl', { precision: 8, scale: 2 }),
  yr: year(),
});

export type N1 = Expect<
  Equal<
    typeof numbers.$inferSelect,
    {
      id: number;
      plain: number | null;
      unsignedInt: number;
      tiny: number | null;
      small: number | null;
      medium: number;
      big53: number | null;
      big64: bigint;
      ser: number;
      dec: string | null;
      decPS: string;
      decNum: number | null;
      decBig: bigint | null;
      decStr: string | null;
      dbl: number | null;
      flt: number | null;
      rl: number | null;
      yr: number | null;
    }
  >
>;

export type N2 = Expect<
  Equal<
    typeof numbers.$inferInsert,
    {
      unsignedInt: number;
      big64: bigint;
      decPS: string;
      id?: number | undefined;
      plain?: number | null | undefined;
      tiny?: number | null | undefined;
      small?: number | null | undefined;
      medium?: number | undefined;
      big53?: number | null | undefined;
      ser?: number | undefined;
      dec?: string | null | undefined;
      decNum?: number | null | undefined;
      decBig?: bigint | null | undefined;
      decStr?: string | null | undefined;
      dbl?: number | null | undefined;
      flt?: number | null | undefined;
      rl?: number | null | undefined;
      yr?: number | null | undefined;
    }
  >
>;

export type N3 = Expect<Equal<(typeof numbers.id)['_']['isAutoincrement'], true>>;
export type N4 = Expect<Equal<(typeof numbers.ser)['_']['isPrimaryKey'], true>>;
export type N5 = Expect<Equal<(typeof numbers.big64)['_']['columnType'], 'MySqlBigInt64'>>;

// @ts-expect-error bigint needs its mode, as in drizzle
bigint();
// @ts-expect-error bigint needs its mode, as in drizzle
bigint('b', { unsigned: true });
// @ts-expect-error int has no mode
int({ mode: 'bigint' });

// ---------------------------------------------------------------- strings and enums
enum Role {
  Admin = 'admin',
  User = 'user',
}

const strings = mysqlTable('strings', {
  vc: varchar({ length: 255 }).notNull(),
  vcNamed: varchar('vc_named', { length: 10 }),
  vcEnum: varchar({ length: 8, enum: ['a', 'b'] }).notNull(),
  ch: char({ length: 2 }),
  chEnum: char({ enum: ['x', 'y'] }),
  chBare: char(),
  txt: text(),
  txtEnum: text({ enum: ['draft', 'published'] }).default('draft'),
  tinyT: tinytext(),
  mediumT: mediumtext('m').notNull(),
  longT: longtext(),
  mood: mysqlEnum(['sad', 'ok', 'happy']).notNull(),
  moodNamed: mysqlEnum('mood_named', ['lo', 'hi']),
  role: mysqlEnum('role', Role).notNull(),
  bin: binary({ length: 4 }),
  vbin: varbinary('vbin', { length: 16 }).notNull(),
});

export type S1 = Expect<
  Equal<
    typeof strings.$inferSelect,
    {
      vc: string;
      vcNamed: string | null;
      vcEnum: 'a' | 'b';
      ch: string | null;
      chEnum: 'x' | 'y' | null;
      chBare: string | null;
      txt: string | null;
      txtEnum: 'draft' | 'published' | null;
      tinyT: string | null;
      mediumT: string;
      longT: string | null;
      mood: 'sad' | 'ok' | 'happy';
      moodNamed: 'lo' | 'hi' | null;
      role: Role.Admin | Role.User;
      bin: string | null;
      vbin: string;
    }
  >
>;

export type S2 = Expect<
  Equal<
    typeof strings.$inferInsert,
    {
      vc: string;
      vcEnum: 'a' | 'b';
      mediumT: string;
      mood: 'sad' | 'ok' | 'happy';
      role: Role.Admin | Role.User;
      vbin: string;
      vcNamed?: string | null | undefined;
      ch?: string | null | undefined;
      chEnum?: 'x' | 'y' | null | undefined;
      chBare?: string | null | undefined;
      txt?: string | null | undefined;
      txtEnum?: 'draft' | 'published' | null | undefined;
      tinyT?: string | null | undefined;
      longT?: string | null | undefined;
      moodNamed?: 'lo' | 'hi' | null | undefined;
      bin?: string | null | undefined;
    }
  >
>;

export type S3 = Expect<Equal<(typeof strings.mood)['_']['enumValues'], ['sad', 'ok', 'happy']>>;
export type S4 = Expect<Equal<(typeof strings.vcEnum)['_']['enumValues'], ['a', 'b']>>;

// @ts-expect-error varchar needs a length
varchar();
// @ts-expect-error varbinary needs a length
varbinary({});
// @ts-expect-error a value outside the enum
mysqlTable('e', { m: mysqlEnum(['a', 'b']).default('c') });

// ---------------------------------------------------------------- booleans, dates, json
const misc = mysqlTable('misc', {
  flag: boolean().notNull().default(false),
  maybe: boolean('maybe'),
  dt: datetime().notNull(),
  dtFsp: datetime('dt_fsp', { fsp: 3 }),
  dtDate: datetime({ mode: 'date', fsp: 6 }),
  dtStr: datetime({ mode: 'string' }),
  ts: timestamp().notNull().defaultNow(),
  tsUpd: timestamp('ts_upd', { fsp: 3 }).notNull().onUpdateNow(),
  tsStr: timestamp({ mode: 'string' }).defaultNow(),
  d: date(),
  dStr: date('d_str', { mode: 'string' }).notNull(),
  tm: time({ fsp: 2 }),
  doc: json(),
  typed: json('typed').$type<{ tags: string[] }>().notNull(),
});

export type M1 = Expect<
  Equal<
    typeof misc.$inferSelect,
    {
      flag: boolean;
      maybe: boolean | null;
      dt: Date;
      dtFsp: Date | null;
      dtDate: Date | null;
      dtStr: string | null;
      ts: Date;
      tsUpd: Date;
      tsStr: string | null;
      d: Date | null;
      dStr: string;
      tm: string | null;
      doc: unknown;
      typed: { tags: string[] };
    }
  >
>;

export type M2 = Expect<
  Equal<
    typeof misc.$inferInsert,
    {
      dt: Date;
      dStr: string;
      typed: { tags: string[] };
      flag?: boolean | undefined;
      maybe?: boolean | null | undefined;
      dtFsp?: Date | null | undefined;
      dtDate?: Date | null | undefined;
      dtStr?: string | null | undefined;
      ts?: Date | undefined;
      tsUpd?: Date | undefined;
      tsStr?: string | null | undefined;
      d?: Date | null | undefined;
      tm?: string | null | undefined;
      doc?: unknown;
    }
  >
>;

// @ts-expect-error fsp is 0..6
datetime({ fsp: 7 });
// @ts-expect-error datetime has no defaultNow in drizzle 0.45 (timestamp has)
datetime().defaultNow();

// ---------------------------------------------------------------- defaults, generated, custom
const point = customType<{ data: { x: number; y: number }; driverData: string }>({
  dataType: () => 'point',
  toDriver: (v) => `POINT(${v.x} ${v.y})`,
});

const defaults = mysqlTable('defaults', {
  id: varchar({ length: 36 })
    .primaryKey()
    .$defaultFn(() => 'x'),
  n: int().notNull().default(1),
  at: timestamp()
    .notNull()
    .$onUpdate(() => new Date()),
  lower: varchar({ length: 9 }).generatedAlwaysAs(sql`lower(x)`),
  pos: point('pos').notNull(),
});

export type D1 = Expect<
  Equal<
    typeof defaults.$inferInsert,
    { pos: { x: number; y: number }; id?: string | undefined; n?: number | undefined; at?: Date | undefined }
  >
>;
export type D2 = Expect<
  Equal<
    typeof defaults.$inferSelect,
    { id: string; n: number; at: Date; lower: string | null; pos: { x: number; y: number } }
  >
>;

// ---------------------------------------------------------------- tables, aliases, schemas
const users = mysqlTable(
  'users',
  {
    id: serial().primaryKey(),
    name: varchar({ length: 255 }).notNull(),
    parentId: int('parent_id').references((): AnyMySqlColumn => users.id),
  },
  (t) => [index('users_name_idx').on(t.name), primaryKey({ columns: [t.id] })],
);

export type T1 = Expect<Equal<InferSelectModel<typeof users>, typeof users.$inferSelect>>;
export type T2 = Expect<Equal<InferInsertModel<typeof users>, typeof users.$inferInsert>>;
export type T3 = Expect<Equal<(typeof users)['_']['name'], 'users'>>;

const parent = alias(users, 'parent');
export type T4 = Expect<Equal<(typeof parent.id)['_']['tableName'], 'parent'>>;
export type T5 = Expect<Equal<typeof parent.$inferSelect, typeof users.$inferSelect>>;

const app = mysqlSchema('app');
const appUsers = app.table('users', { id: int() });
export type T6 = Expect<Equal<(typeof appUsers)['_']['schema'], 'app'>>;
const prefixed = mysqlTableCreator((n) => `p_${n}`)('things', { id: int() });
export type T7 = Expect<Equal<(typeof prefixed)['_']['name'], 'things'>>;
export const asTable: MySqlTable = users;

const viaCallback = mysqlTable('cb', (t) => ({ id: t.serial().primaryKey(), amount: t.decimal({ mode: 'number' }) }));
export type T8 = Expect<Equal<typeof viaCallback.$inferSelect, { id: number; amount: number | null }>>;

// ---------------------------------------------------------------- queries: $returningId, onDuplicateKeyUpdate, ignore
declare const db: Database<'async', MySqlRunResult>;
/** A database of another dialect (its run result is not MySQL's). */
declare const otherDb: Database<'async', { rowCount: number }>;

export async function queries() {
  const ids = await db.insert(users).values({ name: 'a' }).$returningId();
  type Q1 = Expect<Equal<typeof ids, { id: number }[]>>;

  const docIds = await db
    .insert(defaults)
    .values({ pos: { x: 1, y: 2 } })
    .$returningId();
  type Q2 = Expect<Equal<typeof docIds, { id: string }[]>>;

  // int().primaryKey() without autoincrement or $defaultFn is not reported (drizzle's rule).
  const plain = mysqlTable('plain', {
    id: int().primaryKey(),
    k: bigint({ mode: 'bigint' }).primaryKey().autoincrement(),
  });
  const plainIds = await db.insert(plain).values({ id: 1 }).$returningId();
  type Q3 = Expect<Equal<typeof plainIds, { k: bigint }[]>>;
  type Q4 = Expect<Equal<ReturningIdRow<typeof numbers>, { id: number; ser: number }>>;

  const result = await db
    .insert(users)
    .ignore()
    .values({ name: 'a' })
    .onDuplicateKeyUpdate({ set: { name: sql`values(${users.name})` } });
  type Q5 = Expect<Equal<typeof result, MySqlRunResult>>;

  // biome-ignore format: @ts-expect-error must sit right above the line with the error
  // @ts-expect-error a wrong value type in the set
  db.insert(users).values({ name: 'a' }).onDuplicateKeyUpdate({ set: { name: 1 } });

  const rows = await union(db.select({ n: users.name }).from(users), db.select({ n: parent.name }).from(parent));
  type Q6 = Expect<Equal<typeof rows, { n: string }[]>>;

  const sel = await db.select().from(misc);
  type Q7 = Expect<Equal<typeof sel, (typeof misc.$inferSelect)[]>>;
  return [ids, docIds, plainIds, result, rows, sel] as unknown as [Q1, Q2, Q3, Q4, Q5, Q6, Q7];
}

/** drizzle's index hints: tables and their aliases take them, by name or index; a subquery only drizzle's refusal. */
export function indexHints(hint: IndexForHint, config: IndexConfig) {
  const byName = index('users_name_idx').on(users.name);
  const sq = db.select({ id: users.id }).from(users).as('sq');
  db.select()
    .from(users, { useIndex: byName, ignoreIndex: [hint, 'PRIMARY'] })
    .innerJoin(parent, sql`true`, config)
    .leftJoin(sq, sql`true`)
    .crossJoin(alias(users, 'c'), { forceIndex: ['users_name_idx'] });
  // @ts-expect-error a subquery takes no index hints, as in drizzle
  db.select().from(sq, { useIndex: 'x' });
  // @ts-expect-error an index is named by a string or an index
  db.select().from(users, { useIndex: 1 });
  // @ts-expect-error SQLite and PostgreSQL selects take no index hints (drizzle's have no such argument)
  otherDb.select().from(users, { useIndex: 'x' });
  // @ts-expect-error nor do their joins
  otherDb.select().from(users).crossJoin(parent, { useIndex: 'x' });
}
