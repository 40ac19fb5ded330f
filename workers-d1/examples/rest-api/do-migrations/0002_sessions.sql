-- Sessions keyed by a time-ordered UUID made in Rust (mizzle_workers::random::uuid_v7, getrandom's wasm_js).
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  created_at INTEGER NOT NULL
);
