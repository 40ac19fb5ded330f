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

/** `one(table, { fields, references, relationName })`. */
export class One<TTable extends Table = Table, TNullable extends boolean = boolean> {
  declare readonly _nullable: TNullable;
  constructor(
    readonly sourceTable: Table,
    readonly referencedTable: TTable,
    readonly config: { fields: Column[]; references: Column[]; relationName?: string } | undefined,
  ) {}
}

/** `many(table, { relationName })`. */
export class Many<TTable extends Table = Table> {
  constructor(
    readonly sourceTable: Table,
    readonly referencedTable: TTable,
    readonly config: { relationName?: string } | undefined,
  ) {}
}

/** The helpers handed to a `relations()` callback. */
export interface RelationHelpers {
  one<T extends Table>(table: T, config?: { fields: Column[]; references: Column[]; relationName?: string }): One<T>;
  many<T extends Table>(table: T, config?: { relationName?: string }): Many<T>;
}

/** The relations of one table. */
export class Relations<TTable extends Table = Table, TConfig extends Record<string, One | Many> = Record<string, One | Many>> {
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
    one: (table, config) => new One(r.table, table, config),
    many: (table, config) => new Many(r.table, table, config),
  });
}
