/**
 * The `sql` template: raw SQL with embedded values, columns, tables and
 * nested fragments. It only records chunks; the Rust engine renders them.
 *
 * @example
 * const q = sql`lower(${users.name}) = ${name}`;
 */
import { encodeChecked, jsonText } from './column-codec.js';
import { checkDepth, MizzleError } from './errors.js';

/** A value bound as a parameter, optionally mapped by a column's encoder. */
export class Param<T = unknown> {
  constructor(
    readonly value: T,
    readonly encoder?: { mapToDriverValue(v: unknown): unknown },
  ) {}
}

/**
 * A named placeholder filled when a prepared statement executes.
 *
 * @example
 * const byId = db.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare();
 * byId.all({ id: 1 });
 */
export class Placeholder<TName extends string = string> {
  constructor(readonly name: TName) {}
}

/** Raw SQL text written verbatim (`sql.raw`). */
export class StringChunk {
  constructor(readonly value: string) {}
}

/** An identifier, quoted by the engine's dialect (`sql.identifier`). */
export class Name {
  constructor(readonly value: string) {}
}

/**
 * How a selected SQL expression's value is turned into a JS value: a function
 * (typed for the driver's value, as drizzle's `mapWith` accepts, e.g.
 * `(s: string) => new Date(s)`) or a column.
 */
// biome-ignore lint/suspicious/noExplicitAny: decoders are typed for the driver value, which mizzle cannot know
export type DriverDecoder<T> = ((value: any) => T) | { mapFromDriverValue(value: any): T };

/**
 * A fragment of SQL. `T` is the type its value decodes to when selected.
 *
 * @example
 * const total = sql<number>`count(*)`.mapWith(Number).as('total');
 */
export class SQL<T = unknown> {
  declare readonly _type: T;
  /** drizzle's type brand (`C['_']['type']` in type helpers); no run-time value. */
  declare readonly _: { readonly brand: 'SQL'; readonly type: T };
  /** Decodes the value when this fragment is selected. */
  decoder?: DriverDecoder<T>;
  /** Marks aggregates so the decode plan reads them as numbers. */
  codec?: number;

  constructor(readonly queryChunks: unknown[]) {}

  /** Gives the fragment an output name: `expr as "alias"`. */
  as(alias: string): SQL.Aliased<T> {
    return new SQL.Aliased(this, alias);
  }

  /** Decodes the selected value with `decoder` (a function or a column). */
  mapWith<U>(decoder: DriverDecoder<U>): SQL<U> {
    const out = new SQL<U>(this.queryChunks);
    out.decoder = decoder;
    return out;
  }

  /** Appends another fragment. */
  append(other: SQL): this {
    // A loop, not push(...): spreading a fragment of 200,000 chunks overflows the call stack. The length is
    // read once, so `s.append(s)` doubles `s` as drizzle's does.
    const chunks = other.queryChunks;
    for (let i = 0, n = chunks.length; i < n; i++) this.queryChunks.push(chunks[i]);
    return this;
  }

  /** The fragment itself (drizzle's `SQLWrapper`). */
  getSQL(): SQL<T> {
    return this;
  }

  /**
   * Writes this fragment's values into the SQL text as literals instead of
   * binding them (for statements that take no parameters, such as DDL or a
   * view body). As drizzle: numbers and booleans as written, strings quoted
   * with `'` doubled, `null` as `null`, other objects as their string (JSON
   * for plain objects); placeholders stay bound. Values inside nested
   * fragments are inlined too, operands of operator nodes (`eq(...)`) are not.
   * Unlike drizzle, text holding a backslash or NUL is refused (a typed
   * `unsupported` error): MySQL's default mode reads `\'` as a quote, so
   * doubling quotes alone would let such text end the literal. Bind it instead.
   *
   * @example
   * sql`select * from t where kind = ${'a'}`.inlineParams(); // ... where kind = 'a'
   */
  inlineParams(): this {
    return inlineSql(this, 0);
  }
}

/**
 * `s` with its values inlined, in place. Nested fragments and lists count against the engine's depth limit:
 * a 10,000-deep (or cyclic) fragment is `too_deep`, not a stack overflow.
 */
function inlineSql<S extends SQL>(s: S, depth: number): S {
  checkDepth(depth);
  const chunks = s.queryChunks;
  for (let i = 0; i < chunks.length; i++) chunks[i] = inlineChunk(chunks[i], depth);
  return s;
}

/** `chunk` (of a fragment `depth` deep) with its values as literal SQL text (see {@link SQL.inlineParams}). */
function inlineChunk(chunk: unknown, depth: number): unknown {
  if (chunk instanceof SQL) return inlineSql(chunk, depth + 1);
  if (Array.isArray(chunk)) {
    checkDepth(depth + 1);
    return chunk.map((c) => inlineChunk(c, depth + 1));
  }
  if (chunk instanceof Param) {
    if (chunk.value instanceof Placeholder) return chunk;
    const v = chunk.value === null || !chunk.encoder ? chunk.value : encodeChecked(chunk.encoder, chunk.value);
    if (v instanceof SQL) return inlineSql(v, depth + 1);
    return isValue(v) ? new StringChunk(literal(v)) : inlineChunk(v, depth + 1);
  }
  return isValue(chunk) ? new StringChunk(literal(chunk)) : chunk;
}

/** Whether a template chunk is a plain value (bound as a parameter), not SQL, a column, a table or a node. */
function isValue(x: unknown): boolean {
  if (x === null || typeof x !== 'object') return x !== undefined && typeof x !== 'function';
  if (x instanceof Date || ArrayBuffer.isView(x)) return true;
  // A plain object is a JSON value unless it is a subquery or CTE (plain objects with a symbol key).
  const proto = Object.getPrototypeOf(x);
  return (proto === Object.prototype || proto === null) && Object.getOwnPropertySymbols(x).length === 0;
}

/**
 * `v` as a SQL literal (what `inlineParams()` writes); also the migrations' schema reader's, for values in a
 * check or an index's `where`, which DDL cannot bind.
 */
export function literal(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  // JSON for plain objects, tested without String() for a null-prototype one, which has no toString.
  const json = typeof v !== 'string' && (Object.getPrototypeOf(v) === null || String(v) === '[object Object]');
  const text = typeof v === 'string' ? v : json ? jsonText(v) : String(v);
  // Doubling quotes is the whole escape only where backslashes are plain text (not MySQL's default mode);
  // the engine's literal writer (core/src/render/literal.rs) is the one that knows each dialect.
  if (/[\\\0]/.test(text)) {
    throw new MizzleError('unsupported', 'inlineParams(): text with a backslash or NUL is not inlined; bind it');
  }
  return `'${text.replace(/'/g, "''")}'`;
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace SQL {
  /** A fragment with an output name. */
  export class Aliased<T = unknown> {
    declare readonly _type: T;
    /** drizzle's type brand; no run-time value. */
    declare readonly _: { readonly brand: 'SQL.Aliased'; readonly type: T };
    constructor(
      readonly sql: SQL<T>,
      readonly fieldAlias: string,
    ) {}
    getSQL(): SQL<T> {
      return this.sql;
    }
  }
}

/** A rendered statement, as `toSQL()` returns it (drizzle's `Query`). */
export interface Query {
  sql: string;
  params: unknown[];
}

/** Anything that can stand where SQL is expected. */
export interface SQLWrapper {
  getSQL(): SQL;
}

/** The `sql` tag and its helpers. */
export interface SqlTag {
  <T = unknown>(strings: TemplateStringsArray, ...params: unknown[]): SQL<T>;
  /** Verbatim SQL text: the caller vouches for it. */
  raw(text: string): SQL;
  /** A named placeholder for prepared statements. */
  placeholder<TName extends string>(name: TName): Placeholder<TName>;
  /** Joins fragments with an optional separator fragment. */
  join(chunks: unknown[], separator?: SQL): SQL;
  /** An empty fragment. */
  empty(): SQL;
  /** A quoted identifier. */
  identifier(name: string): SQL;
  /** A bound value. */
  param<T>(value: T, encoder?: { mapToDriverValue(v: unknown): unknown }): Param<T>;
}

function template<T>(strings: TemplateStringsArray, ...params: unknown[]): SQL<T> {
  const chunks: unknown[] = [];
  strings.forEach((text, i) => {
    if (text) chunks.push(new StringChunk(text));
    if (i < params.length) chunks.push(params[i]);
  });
  return new SQL<T>(chunks);
}

/**
 * Tagged template for raw SQL; interpolated values become bound parameters.
 *
 * @example
 * db.select().from(users).where(sql`${users.age} > ${18}`);
 */
export const sql: SqlTag = Object.assign(template, {
  raw: (text: string) => new SQL([new StringChunk(text)]),
  placeholder: <TName extends string>(name: TName) => new Placeholder(name),
  join(chunks: unknown[], separator?: SQL): SQL {
    const out: unknown[] = [];
    chunks.forEach((c, i) => {
      if (i > 0 && separator) for (const s of separator.queryChunks) out.push(s);
      out.push(c);
    });
    return new SQL(out);
  },
  empty: () => new SQL([]),
  identifier: (name: string) => new SQL([new Name(name)]),
  param: <T>(value: T, encoder?: { mapToDriverValue(v: unknown): unknown }) => new Param(value, encoder),
});

/**
 * A value bound as a parameter (drizzle's `param`; `sql.param` is the same).
 *
 * @example
 * sql`${users.age} > ${param(18)}`;
 */
export function param<T>(value: T, encoder?: { mapToDriverValue(v: unknown): unknown }): Param<T> {
  return new Param(value, encoder);
}

/**
 * A named placeholder (drizzle's `placeholder`; `sql.placeholder` is the same).
 *
 * @example
 * db.select().from(users).where(eq(users.id, placeholder('id'))).prepare().all({ id: 1 });
 */
export function placeholder<TName extends string>(name: TName): Placeholder<TName> {
  return new Placeholder(name);
}

/** A quoted identifier as a template chunk (drizzle's `name`; `sql.identifier` wraps one in SQL). */
export function name(value: string): Name {
  return new Name(value);
}

/** What drizzle calls a driver value encoder: an object with `mapToDriverValue`. */
export function isDriverValueEncoder(value: unknown): value is { mapToDriverValue(v: unknown): unknown } {
  return typeof (value as { mapToDriverValue?: unknown } | null)?.mapToDriverValue === 'function';
}

/** drizzle's identity decoder, encoder and both. */
export const noopDecoder = { mapFromDriverValue: <T>(value: T): T => value };
export const noopEncoder = { mapToDriverValue: <T>(value: T): T => value };
export const noopMapper = { ...noopDecoder, ...noopEncoder };

/**
 * `params` with each placeholder replaced by its value in `values` (encoded
 * when the placeholder sits in a `Param` with an encoder), as drizzle's.
 */
export function fillPlaceholders(params: unknown[], values: Record<string, unknown>): unknown[] {
  const lookUp = (p: Placeholder) => {
    if (!(p.name in values)) {
      throw new MizzleError('missing_placeholder', `No value for placeholder "${p.name}" was provided`);
    }
    return values[p.name];
  };
  return params.map((p) => {
    if (p instanceof Placeholder) return lookUp(p);
    if (p instanceof Param && p.value instanceof Placeholder) {
      const v = lookUp(p.value);
      return p.encoder ? encodeChecked(p.encoder, v) : v;
    }
    return p;
  });
}

/** Whether `x` can be used as SQL (a fragment, a column, an aliased fragment...). */
export function isSQLWrapper(x: unknown): x is SQLWrapper {
  return typeof x === 'object' && x !== null && typeof (x as SQLWrapper).getSQL === 'function';
}
