// MySQL-only scenarios on what PlanetScale (Vitess, MySQL 8) reports differently from a plain MySQL client:
// text whose collation is binary (utf8mb4_bin), which Vitess names VARBINARY / BLOB while keeping its text
// charset, must still read as text (only charset 63 is binary, as @planetscale/database decides).
// The scenario format is described in index.mjs.

export const scenarios = [
  {
    name: 'mysql binary-collation text reads as text',
    only: ['mysql'],
    run: async (db, t, { sql }) =>
      db
        .select({
          id: t.users.id,
          // VARCHAR with the BINARY flag: Vitess says VARBINARY, charset utf8mb4.
          bin: sql`cast(${t.users.name} as char(20)) collate utf8mb4_bin`,
          // The expression the issue reported: a JSON string unquoted (binary collation on MySQL 8).
          unquoted: sql`json_unquote(json_extract(json_object('n', ${t.users.name}), '$.n'))`,
        })
        .from(t.users)
        .orderBy(t.users.id)
        .limit(2),
    check: (r, a) =>
      a.deepEqual(r, [
        { id: 1, bin: 'ann', unquoted: 'ann' },
        { id: 2, bin: 'bob', unquoted: 'bob' },
      ]),
  },
  {
    name: 'mysql binary-collation long text reads as text',
    only: ['mysql'],
    // group_concat is a TEXT-family result: with a binary collation Vitess says BLOB, charset utf8mb4.
    run: async (db, t, { sql }) =>
      db
        .select({ names: sql`group_concat(${t.users.name} order by ${t.users.id} separator ',') collate utf8mb4_bin` })
        .from(t.users),
    check: (r, a) => a.deepEqual(r, [{ names: 'ann,bob,cid,dan,eve' }]),
  },
];
