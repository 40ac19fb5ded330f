// GENERATED from wasm/src/wire/mod.rs and core/src/codec.rs by
// `cargo test -p mizzle-wasm --lib wire` (MIZZLE_WRITE_WIRE=1 rewrites it). Do not edit.
// Only the encoder (./encoder.ts) and the value-buffer codecs may use these numbers;
// the grammar that strings them together is wasm/README.md, "Opcodes".

/** "Absent" wherever an optional string id or size is expected. */
export const NONE = -1;
/** How deep a shape's expressions and nested queries may go (the reader's guard). */
export const MAX_DEPTH = 200;

/** `statement :=`: what a whole opcode stream describes. */
export const enum Stmt {
  query = 1,
  insert = 2,
  update = 3,
  delete = 4,
  /** A raw SQL statement (one expression). */
  sql = 5,
  /** Planned by mizzle_core::relational, then rendered. */
  relational = 6,
  /** `txn depth`: transaction control (see `Txn`). */
  transaction = 7,
}

/** Transaction-control statements; savepoints are named by `depth`. */
export const enum Txn {
  begin = 1,
  commit = 2,
  rollback = 3,
  savepoint = 4,
  release = 5,
  rollbackTo = 6,
}

/** `setexpr :=`: the body of a query. */
export const enum SetExpr {
  select = 1,
  /** `op all:flag setexpr setexpr` */
  setOp = 2,
  /** A parenthesised query. */
  query = 3,
}

/** Set operators. */
export const enum SetOp {
  union = 1,
  intersect = 2,
  except = 3,
}

/** `distinct(...)` of a select. */
export const enum Distinct {
  all = 0,
  /** Plain `distinct`. */
  rows = 1,
  /** `n expr*` follow. */
  on = 2,
}

/** `item :=`: one select or RETURNING item. */
export const enum Item {
  /** `expr alias:s|-1 codec` */
  expr = 1,
  /** `table:s|-1`: `*` or `t.*`. */
  star = 2,
}

/** `from :=` / `fromitem :=`. */
export const enum From {
  /** No FROM (only where a select's FROM is optional). */
  none = 0,
  /** `schema:s|-1 name:s alias:s|-1` */
  table = 1,
  /** `query alias:s` */
  subquery = 2,
  /**
   * `schema:s|-1 name:s alias:s|-1 n_use index:s* n_force index:s* n_ignore index:s*`:
   * a table with MySQL index hints, written use, force, ignore; an empty list writes no hint.
   */
  indexHinted = 3,
}

/** Join kinds. */
export const enum Join {
  inner = 1,
  left = 2,
  right = 3,
  full = 4,
  cross = 5,
}

/** Direction of an ORDER BY term. */
export const enum Order {
  asc = 0,
  desc = 1,
  /** As written: a raw term carrying its own direction. */
  asWritten = 2,
}

/** NULLS FIRST / LAST of an ORDER BY term. */
export const enum Nulls {
  default = 0,
  first = 1,
  last = 2,
}

/** `lock :=`: the strength of a row lock, or none. */
export const enum Lock {
  none = 0,
  update = 1,
  noKeyUpdate = 2,
  share = 3,
  keyShare = 4,
}

/** What a row lock does when a row is taken. */
export const enum LockWait {
  wait = 0,
  noWait = 1,
  skipLocked = 2,
}

/** `expr :=`: expression nodes. */
export const enum Expr {
  /** `table:s|-1 name:s` */
  column = 1,
  /** `slot`: a value kept in JS. */
  slot = 2,
  /** `name:s`: a named placeholder. */
  placeholder = 3,
  /** `n_part part*` (see `RawPart`). */
  raw = 4,
  /** `op expr expr` (see `BinaryOp`). */
  binary = 5,
  /** `n expr*` */
  and = 6,
  /** `n expr*` */
  or = 7,
  /** `expr` */
  not = 8,
  /** `expr` */
  neg = 9,
  /** `negated:flag ci:flag expr expr`: like / ilike. */
  like = 10,
  /** `negated:flag expr n expr*` */
  inList = 11,
  /** `negated:flag expr query` */
  inQuery = 12,
  /** `negated:flag expr expr expr` */
  between = 13,
  /** `negated:flag expr` */
  isNull = 14,
  /** `negated:flag query` */
  exists = 15,
  /** `query`: a scalar subquery. */
  subquery = 16,
  /** `type expr` */
  cast = 17,
  /** `name:s n expr*` */
  function = 18,
  /** `fn distinct:flag [flag expr]` (see `Aggregate`). */
  aggregate = 19,
  /** `column:s`: `excluded.column` in an upsert. */
  excluded = 20,
  /** `n (expr expr)* [flag expr(else)]` */
  case = 21,
}

/** `part :=` of a raw SQL fragment. */
export const enum RawPart {
  /** `sql:s`: SQL text. */
  sql = 1,
  /** `slot`: a value. */
  slot = 2,
  /** `expr` */
  expr = 3,
  /** `ident:s`: a quoted identifier. */
  ident = 4,
}

/** Binary operators. */
export const enum BinaryOp {
  eq = 1,
  ne = 2,
  lt = 3,
  le = 4,
  gt = 5,
  ge = 6,
  add = 7,
  sub = 8,
  mul = 9,
  div = 10,
  mod = 11,
  concat = 12,
  /** `@>` (PostgreSQL arrays) */
  arrayContains = 13,
  /** `<@` */
  arrayContained = 14,
  /** `&&` */
  arrayOverlaps = 15,
}

/** Aggregate functions. */
export const enum Aggregate {
  count = 1,
  sum = 2,
  avg = 3,
  min = 4,
  max = 5,
}

/** `type :=` of a cast. */
export const enum Type {
  tinyInt = 1,
  smallInt = 2,
  integer = 3,
  bigInt = 4,
  real = 5,
  double = 6,
  /** `precision|-1 scale|-1` */
  numeric = 7,
  boolean = 8,
  text = 9,
  /** `length|-1` */
  varchar = 10,
  /** `length|-1` */
  char = 11,
  blob = 12,
  json = 13,
  jsonb = 14,
  date = 15,
  /** `precision|-1 tz:flag` */
  timestamp = 16,
  /** `name:s` */
  custom = 17,
}

/** `source :=` of an insert. */
export const enum InsertSource {
  /** `n_row (cell*n_col)*` */
  values = 1,
  /** `query` */
  query = 2,
  /** `default values` */
  defaultValues = 3,
  /** `expr`: raw SQL rows (``insert(t).select(sql`...`)``) */
  sql = 4,
}

/** `cell :=` of an inserted row. */
export const enum InsertCell {
  /** The column's default. */
  default = 0,
  /** `expr` */
  expr = 1,
}

/** `onconflict :=` of an insert. */
export const enum Conflict {
  none = 0,
  /** `n_target col:s* [flag expr(target where)] action` */
  on = 1,
}

/** `action :=` of an ON CONFLICT clause. */
export const enum ConflictAction {
  doNothing = 1,
  /** `n_set (col:s expr)* [flag expr(where)]` */
  doUpdate = 2,
}

/** How many rows a relation of a relational query holds. */
export const enum Relation {
  one = 1,
  many = 2,
}

/**
 * Dialect ids of `compile` and `interpolate`: `mysql` is MySQL 8
 * (PlanetScale), `mariadb` the same dialect in its MariaDB flavour.
 */
export const enum Dialect {
  sqlite = 0,
  postgres = 1,
  mysql = 2,
  mariadb = 3,
}

/**
 * Value tags of the three value buffers: the rows buffer (wasm -> JS),
 * the embedded database's params and `interpolate`'s values (JS ->
 * wasm). A tag means one thing with one payload everywhere; each buffer
 * accepts the subset its README section lists.
 */
export const enum ValueTag {
  /** No payload. */
  null = 0,
  /** f64 holding an integer that a JS number holds exactly. */
  number = 1,
  /** f64. */
  float = 2,
  /** u32 byte length + UTF-8. */
  text = 3,
  /** u32 length + bytes. */
  blob = 4,
  /** i64: an integer beyond 2^53, or a JS bigint. */
  bigInt = 5,
  /** One byte, 0 or 1. */
  bool = 6,
  /** f64 milliseconds since the epoch. */
  date = 7,
  /** u32 length + ASCII `-?digits[.digits][e[+-]digits]`: a number the host wrote as text. */
  decimal = 8,
}

/** A decode-plan codec. */
export const enum Codec {
  /** The value as the driver gave it. */
  raw = 0,
  /** An integer or real as a JS number. */
  number = 1,
  /** 0/1 -> false/true. */
  boolean = 2,
  /** Integer seconds -> Date. */
  timestamp = 3,
  /** Integer milliseconds -> Date. */
  timestampMs = 4,
  /** Text -> JSON.parse. */
  json = 5,
  /** Text or blob holding decimal digits -> BigInt. */
  bigint = 6,
  /** Blob -> Uint8Array. */
  bytes = 7,
  /** Blob holding JSON text -> JSON.parse. */
  jsonBlob = 8,
  /** -> string. */
  text = 9,
  /** The column's own `mapFromDriverValue` (JS). */
  custom = 10,
  /** A number (aggregates: `count()` and friends). */
  count = 11,
  /** Numeric text kept as a string. */
  stringNumber = 12,
  /** PostgreSQL/MySQL timestamp text (no offset = UTC) -> Date. */
  dateText = 13,
  /** A JSON document the driver already parsed -> as is. */
  jsonValue = 14,
  /** `YYYY-MM-DD` -> Date at UTC midnight. */
  dateOnly = 15,
  /** A date, time or interval kept as the database's text (string modes). */
  temporalText = 16,
}
