-- Written as for `wrangler d1 migrations apply`: several statements per file, no breakpoints.
-- Double-quoted strings (SQLite's fallback, which D1 keeps) in DDL and DML.
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL DEFAULT "member"
);
CREATE TABLE audit (id INTEGER PRIMARY KEY AUTOINCREMENT, note TEXT NOT NULL);
/* a block comment; with a semicolon */
INSERT INTO users (id, name) VALUES (1, 'ann; the first'), (2, "bob");
