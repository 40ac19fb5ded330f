/**
 * The `sql` template: raw SQL with embedded values, columns, tables and
 * nested fragments. It only records chunks; the Rust engine renders them.
 *
 * @example
 * const q = sql`lower(${users.name}) = ${name}`;
 */

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

/** How a selected SQL expression's value is turned into a JS value. */
export type DriverDecoder<T> = ((value: unknown) => T) | { mapFromDriverValue(value: unknown): T };

/**
 * A fragment of SQL. `T` is the type its value decodes to when selected.
 *
 * @example
 * const total = sql<number>`count(*)`.mapWith(Number).as('total');
 */
export class SQL<T = unknown> {
  declare readonly _type: T;
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
    this.queryChunks.push(...other.queryChunks);
    return this;
  }

  /** The fragment itself (drizzle's `SQLWrapper`). */
  getSQL(): SQL<T> {
    return this;
  }
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace SQL {
  /** A fragment with an output name. */
  export class Aliased<T = unknown> {
    declare readonly _type: T;
    constructor(
      readonly sql: SQL<T>,
      readonly fieldAlias: string,
    ) {}
    getSQL(): SQL<T> {
      return this.sql;
    }
  }
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
      if (i > 0 && separator) out.push(...separator.queryChunks);
      out.push(c);
    });
    return new SQL(out);
  },
  empty: () => new SQL([]),
  identifier: (name: string) => new SQL([new Name(name)]),
  param: <T>(value: T, encoder?: { mapToDriverValue(v: unknown): unknown }) => new Param(value, encoder),
});

/** Whether `x` can be used as SQL (a fragment, a column, an aliased fragment...). */
export function isSQLWrapper(x: unknown): x is SQLWrapper {
  return typeof x === 'object' && x !== null && typeof (x as SQLWrapper).getSQL === 'function';
}
