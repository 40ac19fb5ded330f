/**
 * drizzle's `relations()`: declares how tables relate, for relational queries
 * (`db.query.users.findMany({ with: { posts: true } })`, planned by the engine).
 * This module only records the declarations.
 *
 * @example
 * export const usersRelations = relations(users, ({ many }) => ({ posts: many(posts) }));
 * export const postsRelations = relations(posts, ({ one }) => ({
 *   author: one(users, { fields: [posts.authorId], references: [users.id] }),
 * }));
 */
import type { Column } from './column.js';
import type { Table } from './table.js';

/**
 * `one(table, { fields, references, relationName })`. `TNullable` is whether
 * the related row may be missing: false only when every field is NOT NULL
 * (drizzle's rule); a `one()` without fields (the inverse side) is nullable.
 */
export class One<TTable extends Table = Table, TNullable extends boolean = boolean> {
  /** Type-level only: tells a One from a Many (which it would otherwise match structurally). */
  declare readonly $relation: 'one';
  declare readonly _nullable: TNullable;
  constructor(
    readonly sourceTable: Table,
    readonly referencedTable: TTable,
    readonly config: { fields: Column[]; references: Column[]; relationName?: string } | undefined,
  ) {}
}

/** `many(table, { relationName })`. */
export class Many<TTable extends Table = Table> {
  /** Type-level only: tells a Many from a One. */
  declare readonly $relation: 'many';
  constructor(
    readonly sourceTable: Table,
    readonly referencedTable: TTable,
    readonly config: { relationName?: string } | undefined,
  ) {}
}

/** The config of a `one()` with `fields`: the join columns of both sides. */
export interface OneConfig<TFields extends readonly [Column, ...Column[]] = [Column, ...Column[]]> {
  fields: TFields;
  references: Column[];
  relationName?: string;
}

/**
 * Whether a `one()` over these fields may find no row: unless every field is
 * NOT NULL (a mix, or `boolean`, counts as nullable, as in drizzle).
 */
export type OneNullable<TFields extends readonly Column[]> = [TFields[number]['_']['notNull']] extends [true]
  ? false
  : true;

/** The helpers handed to a `relations()` callback. */
export interface RelationHelpers {
  /** A relation to one row of `table`; nullable unless given NOT NULL `fields`. */
  one<T extends Table, TFields extends readonly [Column, ...Column[]] = [Column, ...Column[]]>(
    table: T,
    config?: OneConfig<TFields>,
  ): One<T, OneNullable<TFields>>;
  many<T extends Table>(table: T, config?: { relationName?: string }): Many<T>;
}

/** The relations of one table. */
export class Relations<
  TTable extends Table = Table,
  TConfig extends Record<string, One | Many> = Record<string, One | Many>,
> {
  constructor(
    readonly table: TTable,
    readonly config: (helpers: RelationHelpers) => TConfig,
  ) {}
}

/** Declares the relations of `table`. */
export function relations<TTable extends Table, TConfig extends Record<string, One | Many>>(
  table: TTable,
  config: (helpers: RelationHelpers) => TConfig,
): Relations<TTable, TConfig> {
  return new Relations(table, config);
}

/** Evaluates a `relations()` declaration (what the relational planner reads). */
export function relationsOf(r: Relations): Record<string, One | Many> {
  return r.config({
    one: (table, config) => new One(r.table, table, config as OneConfig | undefined) as never,
    many: (table, config) => new Many(r.table, table, config),
  });
}
