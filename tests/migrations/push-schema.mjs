// The schema versions push.test.mjs pushes, in Node (embedded SQLite) and in a Durable Object (push-worker.mjs):
// v1 two tables; v2 renames users.name (a hint), adds a NOT NULL column with a default, an index, and changes
// a column's type (a rebuild under a cascading child); v3 drops a column (data loss: refused unless accepted);
// v4 adds a NOT NULL column without a default (its rebuild fails on rows: rolled back).
/** Version `v`, built with `core` (mizzle/sqlite-core: the worker's bundled copy or Node's). */
export function schemaOf(core, v) {
  const { index, integer, real, sqliteTable, text } = core;
  const users = sqliteTable(
    'users',
    {
      id: integer('id').primaryKey(),
      ...(v >= 2 ? { fullName: text('full_name') } : { name: text('name') }),
      score: v >= 2 ? real('score') : integer('score'),
      ...(v >= 2 ? { plan: text('plan').notNull().default('free') } : {}),
      ...(v < 3 ? { note: text('note') } : {}),
      ...(v >= 4 ? { required: text('required').notNull() } : {}),
    },
    (t) => (v >= 2 ? [index('users_score_idx').on(t.score)] : []),
  );
  const posts = sqliteTable('posts', {
    id: integer('id').primaryKey(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
    title: text('title'),
  });
  return { users, posts };
}

export const RENAME = { renames: [{ table: 'users', from: 'name', to: 'full_name' }] };
