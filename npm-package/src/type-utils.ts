/**
 * Small type-level helpers shared by the schema layer. Nothing here exists at
 * run time.
 */

/**
 * Flattens an intersection into one object type so hovers and `Equal` checks
 * see `{ a: 1; b: 2 }` rather than `{ a: 1 } & { b: 2 }`.
 *
 * @example
 * type T = Simplify<{ a: 1 } & { b: 2 }>; // { a: 1; b: 2 }
 */
export type Simplify<T> = { [K in keyof T]: T[K] } & {};

/**
 * `T` with the keys of `U` replaced by `U`'s types.
 *
 * @example
 * type T = Update<{ a: 1; b: 2 }, { b: 3 }>; // { a: 1; b: 3 }
 */
export type Update<T, U> = Simplify<Omit<T, keyof U> & U>;

/**
 * Exact type equality (distinguishes `any`, `unknown` and unions), used to
 * pick a builder from a mode type parameter.
 *
 * @example
 * type T = Equal<'a', 'a' | 'b'>; // false
 */
export type Equal<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;
