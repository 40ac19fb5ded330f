-- The Durable Object's own table, in wrangler's flat layout (tracked in d1_migrations by file name).
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  owner TEXT NOT NULL UNIQUE,
  balance INTEGER NOT NULL CHECK (balance >= 0)
);
