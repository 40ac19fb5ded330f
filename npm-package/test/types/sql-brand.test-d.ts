/**
 * drizzle's `SQL<T>` type shape as application type helpers read it: the
 * `_` brand (`C['_']['type']`), and `mapWith` taking a decoder typed for the
 * driver's value. Checked by `tsc --noEmit -p tsconfig.test.json`, never run.
 */
import { sql, type SQL } from '../../src/index.js';

type Equal<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

/** A helper written against drizzle's brand. */
type ValueOf<C extends { readonly _: { readonly type: unknown } }> = C['_']['type'];

const n = sql<number>`count(*)`;
export type N = Expect<Equal<ValueOf<typeof n>, number>>;
export type Brand = Expect<Equal<(typeof n)['_']['brand'], 'SQL'>>;

const aliased = sql<string>`lower(name)`.as('lower');
export type A = Expect<Equal<ValueOf<typeof aliased>, string>>;

// A decoder typed for the driver's value, as drizzle allows.
const when = sql`now()`.mapWith((s: string) => new Date(s));
export type W = Expect<Equal<typeof when, SQL<Date>>>;
