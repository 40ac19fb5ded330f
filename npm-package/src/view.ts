/**
 * drizzle's root `View`: the class of every view `sqliteView`, `pgView`,
 * `pgMaterializedView` and `mysqlView` declare, so `is(v, View)`, `isView(v)`
 * and `v instanceof View` hold for all of them. A view is still a subquery
 * object (its fields as own properties, its identity under `SubqueryKey`,
 * see query/subquery.ts); the dialects' view files give that object the
 * prototype of their view class (`SQLiteView`, `PgView`, ...) rather than
 * constructing one, as the fields point at that object. The classes declare
 * no fields; users never construct them.
 *
 * @example
 * if (is(x, View)) getViewName(x);
 */
import { type SubqueryInfo, SubqueryKey } from './engine/table-ref.js';
import type { SelectResultField } from './query/result-types.js';
import { Entity } from './kit-compat.js';
import type { Simplify } from './type-utils.js';

/**
 * The row a view's fields decode to. A field typed `unknown` (in `View`,
 * `PgView`... without parameters) decodes to `unknown`, so that every view's
 * row fits theirs.
 */
type ViewRow<T> = Simplify<{ [K in keyof T]: T[K] extends {} ? SelectResultField<T[K]> : unknown }>;

/**
 * A view named `TName` selecting `TSelection`; `TExisting` is true for
 * `.existing()` views (as drizzle's generics). A declared view's type is this
 * class and its fields, e.g. `PgView<'v', false, F> & F`.
 */
export abstract class View<
  TName extends string = string,
  TExisting extends boolean = boolean,
  TSelection extends Record<string, unknown> = Record<string, unknown>,
> extends Entity {
  static override readonly drizzleKind: string = 'View';
  // Type only: what the select builders read to type FROM and joins, as for any subquery.
  declare readonly [SubqueryKey]: Omit<SubqueryInfo, 'alias' | 'fields'> & {
    readonly alias: TName;
    readonly fields: TSelection;
  };
  /** Type only: drizzle's type-level facts about a view. */
  declare readonly _: {
    readonly brand: 'View';
    readonly viewBrand: string;
    readonly name: TName;
    readonly existing: TExisting;
    readonly selectedFields: TSelection;
  };
  /** Row type: `type Row = typeof activeUsers.$inferSelect`. Type only. */
  declare readonly $inferSelect: ViewRow<TSelection>;
}

/**
 * Gives the subquery object `view` the prototype of `cls` (a dialect's view
 * class). Done once per declared view; the fields keep pointing at `view`.
 */
export function asViewOf<T extends View>(view: object, cls: abstract new () => T): T {
  return Object.setPrototypeOf(view, cls.prototype) as T;
}

// drizzle-orm's view keys, read by drizzle-kit (see kit-compat.ts): per declared view, its base record and
// the dialect's own, registered by the dialect at declaration.
const kitViews = new WeakMap<object, readonly [object, object | undefined]>();
for (const [key, i] of [
  ['ViewBaseConfig', 0],
  ['PgViewConfig', 1],
  ['PgMaterializedViewConfig', 1],
  ['MySqlViewConfig', 1],
]) {
  Object.defineProperty(View.prototype, Symbol.for(`drizzle:${key}`), {
    get(this: object) {
      return kitViews.get(this)?.[i as 0 | 1];
    },
    configurable: true,
  });
}

/**
 * Registers drizzle-orm's records of `view` (named `name`, declared by `query`, undefined for `.existing()`;
 * `extra` the dialect's record, as `{ with }` for a pgView).
 *
 * @example
 * kitView(view, 'active_users', undefined, sql`select ...`, false);
 */
export function kitView(
  view: object,
  name: string,
  schema: string | undefined,
  query: unknown,
  isExisting: boolean,
  extra?: object,
): void {
  const selectedFields = (view as { [SubqueryKey]: { fields: unknown } })[SubqueryKey].fields;
  const base = { name, originalName: name, schema, selectedFields, query, isExisting, isAlias: false };
  kitViews.set(view, [base, extra]);
}
