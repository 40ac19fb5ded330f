/**
 * PostgreSQL's geometric `point` and `line`, in drizzle's modes: a point as `[x, y]` (`mode: 'tuple'`, the
 * default) or `{ x, y }` (`mode: 'xy'`), a line `Ax + By + C = 0` as `[a, b, c]` (`'tuple'`) or `{ a, b, c }`
 * (`'abc'`). They travel as PostgreSQL's text (`(1,2)`, `{1,-1,0}`), written and read by the column's own
 * mapping (`Codec.custom`), as drizzle's `mapToDriverValue` / `mapFromDriverValue` do.
 */
import { initialRuntimeConfig } from '../../column-builder.js';
import { Codec } from '../../column-codec.js';
import { nameAndConfig } from '../../sqlite-core/columns/name-and-config.js';
import { PgColumnBuilder } from './common.js';

/** Type state of `point()` / `line()` in one mode. */
export interface PgGeometricConfig<TDataType extends 'array' | 'json', TColumnType extends string, TData> {
  dataType: TDataType;
  columnType: TColumnType;
  data: TData;
  driverParam: string;
  enumValues: undefined;
}

type PointTuple = PgGeometricConfig<'array', 'PgPointTuple', [number, number]>;
type PointObject = PgGeometricConfig<'json', 'PgPointObject', { x: number; y: number }>;
type LineTuple = PgGeometricConfig<'array', 'PgLine', [number, number, number]>;
type LineAbc = PgGeometricConfig<'json', 'PgLineABC', { a: number; b: number; c: number }>;

/** Builder of `point()` (tuple mode). */
export class PgPointTupleBuilder<T extends PointTuple = PointTuple> extends PgColumnBuilder<T> {}
/** Builder of `point({ mode: 'xy' })`. */
export class PgPointObjectBuilder<T extends PointObject = PointObject> extends PgColumnBuilder<T> {}
/** Builder of `line()` (tuple mode). */
export class PgLineBuilder<T extends LineTuple = LineTuple> extends PgColumnBuilder<T> {}
/** Builder of `line({ mode: 'abc' })`. */
export class PgLineABCBuilder<T extends LineAbc = LineAbc> extends PgColumnBuilder<T> {}

/** `point`'s and `line`'s config. */
export interface PgPointConfig<TMode extends 'tuple' | 'xy' = 'tuple' | 'xy'> {
  mode?: TMode;
}
export interface PgLineTypeConfig<TMode extends 'tuple' | 'abc' = 'tuple' | 'abc'> {
  mode?: TMode;
}

/** The numbers of PostgreSQL's `(x,y)` or `{a,b,c}` text; a value the driver already parsed passes through. */
function numbers(value: unknown): number[] | undefined {
  return typeof value === 'string' ? value.slice(1, -1).split(',').map(Number.parseFloat) : undefined;
}

function geometric(
  name: string,
  dataType: 'array' | 'json',
  columnType: string,
  sqlType: string,
  toDriver: (value: unknown) => string,
  fromDriver: (value: unknown) => unknown,
) {
  const rc = initialRuntimeConfig(name, dataType, columnType, Codec.custom, sqlType);
  rc.toDriver = toDriver;
  rc.fromDriver = fromDriver;
  return rc;
}

/**
 * `point`: `[x, y]`, or `{ x, y }` with `mode: 'xy'`.
 *
 * @example
 * at: point({ mode: 'xy' }).notNull()
 */
export function point(config?: PgPointConfig<'tuple'>): PgPointTupleBuilder;
export function point(config: PgPointConfig<'xy'>): PgPointObjectBuilder;
export function point(name: string, config?: PgPointConfig<'tuple'>): PgPointTupleBuilder;
export function point(name: string, config: PgPointConfig<'xy'>): PgPointObjectBuilder;
export function point(a?: string | PgPointConfig, b?: PgPointConfig): unknown {
  const { name, config } = nameAndConfig(a, b);
  if (config?.mode === 'xy') {
    return new PgPointObjectBuilder(
      geometric(
        name,
        'json',
        'PgPointObject',
        'point',
        (v) => `(${(v as { x: number }).x},${(v as { y: number }).y})`,
        (v) => {
          const n = numbers(v);
          return n ? { x: n[0], y: n[1] } : v;
        },
      ),
    );
  }
  return new PgPointTupleBuilder(
    geometric(
      name,
      'array',
      'PgPointTuple',
      'point',
      (v) => `(${(v as number[])[0]},${(v as number[])[1]})`,
      (v) => {
        const n = numbers(v);
        return n ? [n[0], n[1]] : [(v as { x: number }).x, (v as { y: number }).y];
      },
    ),
  );
}

/**
 * `line` (`Ax + By + C = 0`): `[a, b, c]`, or `{ a, b, c }` with `mode: 'abc'`.
 *
 * @example
 * edge: line({ mode: 'abc' })
 */
export function line(config?: PgLineTypeConfig<'tuple'>): PgLineBuilder;
export function line(config: PgLineTypeConfig<'abc'>): PgLineABCBuilder;
export function line(name: string, config?: PgLineTypeConfig<'tuple'>): PgLineBuilder;
export function line(name: string, config: PgLineTypeConfig<'abc'>): PgLineABCBuilder;
export function line(a?: string | PgLineTypeConfig, b?: PgLineTypeConfig): unknown {
  const { name, config } = nameAndConfig(a, b);
  if (config?.mode === 'abc') {
    return new PgLineABCBuilder(
      geometric(
        name,
        'json',
        'PgLineABC',
        'line',
        (v) => {
          const l = v as { a: number; b: number; c: number };
          return `{${l.a},${l.b},${l.c}}`;
        },
        (v) => {
          const n = numbers(v);
          return n ? { a: n[0], b: n[1], c: n[2] } : v;
        },
      ),
    );
  }
  return new PgLineBuilder(
    geometric(
      name,
      'array',
      'PgLine',
      'line',
      (v) => `{${(v as number[])[0]},${(v as number[])[1]},${(v as number[])[2]}}`,
      (v) => numbers(v) ?? v,
    ),
  );
}
