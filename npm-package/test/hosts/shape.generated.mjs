// GENERATED from wasm/src/wire/sample.rs by `cargo test -p mizzle-wasm --lib wire`
// (MIZZLE_WRITE_WIRE=1 rewrites it). Do not edit.

/** The interned strings of SELECT_BY_ID, in id order. */
export const STRINGS = ['users', 'id', 'name'];

/** `select "users"."id", "users"."name" from "users" where "users"."id" = ? limit ?` */
export const SELECT_BY_ID = [
  1, 0, 1, 0, 2, 1, 1, 0, 1, -1, 1, 1, 1, 0, 2, -1, 9, 1, -1, 0,
  -1, 0, 1, 5, 1, 1, 0, 1, 2, 0, 0, 0, 0, 1, 2, 1, 0, 0,
];

/** The value tags of the embedded database's params buffer that the host tests write. */
export const VALUE_TAG = { number: 1, text: 3 };
