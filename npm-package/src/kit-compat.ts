/**
 * What drizzle-kit reads off a schema, answered by mizzle's objects. drizzle-kit (0.31) finds tables,
 * views and builders with drizzle-orm's `is()` (a static `Symbol.for('drizzle:entityKind')` string on
 * the class chain), reads tables through drizzle-orm's symbol keys (`getTableConfig`), and renders SQL
 * (defaults, checks, index expressions, view bodies) by calling the fragment's own `toQuery(config)`
 * with drizzle's dialect callbacks. Each schema class names its kind in a plain static `drizzleKind`
 * (read through {@link Entity}); tables answer drizzle's keys from getters on `Table.prototype`
 * (table.ts), views from `View.prototype` (view.ts). Here: the kinds' base and the keys. The fragment
 * renderer and `kitUnreadable` are in kit-render.ts, which only the Node build installs (drizzle-kit
 * runs in Node): a Worker or a browser never carries them.
 */

/** drizzle's `entityKind`: the static key `is()` compares up a class chain. */
export const entityKind: unique symbol = Symbol.for('drizzle:entityKind');

/**
 * Base of mizzle's schema classes. drizzle's `is()` reads `cls[entityKind]` up the class chain; one getter
 * here answers it from each class's plain static `drizzleKind`, because a computed static key on every
 * class would keep esbuild from dropping the unused ones from a bundle.
 */
// biome-ignore lint/complexity/noStaticOnlyClass: the base class every schema class extends
export abstract class Entity {
  /** @internal drizzle's kind of this class (undefined on classes drizzle has no kind for). */
  static readonly drizzleKind: string | undefined;
}
Object.defineProperty(Entity, entityKind, {
  get(this: typeof Entity) {
    return this.drizzleKind;
  },
});

/** drizzle-orm's table keys (`Table.Symbol.*` and the dialects' inline foreign keys). */
export const TableName: unique symbol = Symbol.for('drizzle:Name');
export const TableSchema: unique symbol = Symbol.for('drizzle:Schema');
export const TableColumns: unique symbol = Symbol.for('drizzle:Columns');
export const TableIsAlias: unique symbol = Symbol.for('drizzle:IsAlias');
