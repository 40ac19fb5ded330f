//! The embedded in-memory SQLite database (`sqlite` feature), see README.md
//! "Embedded SQLite". `ffi` holds all the `unsafe`; `params` reads the
//! parameter buffer and `column_codecs` writes values into the rows buffer.

#![deny(unsafe_code)]

use std::cell::RefCell;
use std::collections::BTreeMap;

use sqlite_wasm_rs::{SQLITE_MISUSE, SQLITE_RANGE, SQLITE_TOOBIG};
use wasm_bindgen::prelude::*;

use mizzle_core::Codec;

use crate::error::{js_error, ENGINE_INPUT};

mod codes;
mod column_codecs;
#[allow(unsafe_code)]
mod ffi;
mod params;

use crate::rows_buffer::RowsWriter;
use column_codecs::WriteColumn;
use ffi::{Connection, SqliteError, Statement};

/// How many prepared statements a database keeps (least recently used evicted).
const STATEMENT_CACHE_CAPACITY: usize = 64;

/// A fresh in-memory SQLite database.
#[wasm_bindgen]
pub struct Database {
    inner: Option<Inner>,
}

/// An open database. Field order matters: the statements are finalized
/// before the connection closes.
struct Inner {
    cache: RefCell<StatementCache>,
    conn: Connection,
}

#[wasm_bindgen]
impl Database {
    /// Opens a private in-memory database.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<Database, JsValue> {
        let conn = Connection::open_in_memory().map_err(|e| database_error(&e))?;
        // Foreign keys enforced, as on D1, Durable Objects and better-sqlite3:
        // stock SQLite leaves them off, and ON DELETE CASCADE would silently not run.
        conn.exec("pragma foreign_keys = on")
            .map_err(|e| database_error(&e))?;
        Ok(Database {
            inner: Some(Inner {
                cache: RefCell::new(StatementCache::default()),
                conn,
            }),
        })
    }

    /// Runs raw SQL, several statements allowed; no rows are returned.
    pub fn exec(&self, sql: &str) -> Result<(), JsValue> {
        self.open()?.conn.exec(sql).map_err(|e| database_error(&e))
    }

    /// Runs one statement and returns all its rows in one buffer (README.md).
    /// `codecs` is the decode plan, one codec id per column; missing entries are raw.
    pub fn query(&self, sql: &str, params: &[u8], codecs: &[u8]) -> Result<Vec<u8>, JsValue> {
        if let Some(bad) = codecs.iter().find(|&&c| Codec::from_repr(c).is_none()) {
            return Err(js_error(
                ENGINE_INPUT,
                &format!("unknown codec {bad}"),
                None,
            ));
        }
        let values = params::parse(params).map_err(|e| js_error(ENGINE_INPUT, &e.0, None))?;
        let inner = self.open()?;
        let mut cache = inner.cache()?;
        let stmt = cache.get(&inner.conn, sql)?;
        check_param_count(stmt, values.len())?;
        stmt.execute(&values, |active| {
            // Step first: a statement expired by a schema change is
            // re-prepared inside `step`, and may come back with other columns.
            let mut has_row = active.step()?;
            let n_cols = active.column_count().max(0);
            let too_long =
                |_| SqliteError::new(SQLITE_TOOBIG, "value too large for the rows buffer");
            let mut out = RowsWriter::new(n_cols.unsigned_abs());
            for i in 0..n_cols {
                out.name(active.column_name(i)).map_err(too_long)?;
            }
            out.begin_rows();
            while has_row {
                out.row().map_err(too_long)?;
                for (i, codec) in (0..n_cols).zip(codec_iter(codecs)) {
                    out.value(active.column(i), codec).map_err(too_long)?;
                }
                has_row = active.step()?;
            }
            Ok(out.finish())
        })
        .map_err(|e| database_error(&e))
    }

    /// Runs one statement (stepping through any rows it returns) and returns
    /// `[changes, lastInsertRowid]`. `changes` is 0 when the statement
    /// changed nothing (a SELECT or DDL), as in better-sqlite3.
    pub fn run(&self, sql: &str, params: &[u8]) -> Result<Vec<f64>, JsValue> {
        let values = params::parse(params).map_err(|e| js_error(ENGINE_INPUT, &e.0, None))?;
        let inner = self.open()?;
        let mut cache = inner.cache()?;
        let stmt = cache.get(&inner.conn, sql)?;
        check_param_count(stmt, values.len())?;
        let before = inner.conn.total_changes();
        stmt.execute(&values, |active| {
            while active.step()? {}
            Ok(())
        })
        .map_err(|e| database_error(&e))?;
        let changes = if inner.conn.total_changes() == before {
            0
        } else {
            inner.conn.changes()
        };
        Ok(vec![changes as f64, inner.conn.last_insert_rowid() as f64])
    }

    /// Finalizes the cached statements and closes the database. Later calls
    /// throw; closing twice is a no-op.
    pub fn close(&mut self) {
        // Dropping `Inner` finalizes the statements, then closes the connection.
        self.inner = None;
    }
}

impl Database {
    fn open(&self) -> Result<&Inner, JsValue> {
        self.inner.as_ref().ok_or_else(|| {
            js_error(
                "database",
                "the database is closed",
                Some(codes::name(SQLITE_MISUSE)),
            )
        })
    }
}

impl Inner {
    fn cache(&self) -> Result<std::cell::RefMut<'_, StatementCache>, JsValue> {
        self.cache.try_borrow_mut().map_err(|_| {
            js_error(
                "database",
                "the database is already in use (re-entrant call)",
                Some(codes::name(SQLITE_MISUSE)),
            )
        })
    }
}

/// The codec for each column in order: the plan's, then raw (0) forever.
fn codec_iter(codecs: &[u8]) -> impl Iterator<Item = u8> + '_ {
    codecs.iter().copied().chain(core::iter::repeat(0))
}

fn check_param_count(stmt: &Statement, given: usize) -> Result<(), JsValue> {
    let expected = stmt.param_count();
    if expected == given {
        Ok(())
    } else {
        Err(js_error(
            "database",
            &format!("the statement takes {expected} parameter(s), {given} given"),
            Some(codes::name(SQLITE_RANGE)),
        ))
    }
}

fn database_error(e: &SqliteError) -> JsValue {
    js_error("database", &e.message, Some(codes::name(e.code)))
}

/// Prepared statements by SQL text, least recently used evicted.
#[derive(Default)]
struct StatementCache {
    map: BTreeMap<String, Cached>,
    tick: u64,
}

struct Cached {
    stmt: Statement,
    last_used: u64,
}

impl StatementCache {
    /// The cached statement for `sql`, prepared on a miss. `sql` must hold
    /// exactly one statement.
    fn get(&mut self, conn: &Connection, sql: &str) -> Result<&mut Statement, JsValue> {
        self.tick += 1;
        if !self.map.contains_key(sql) {
            let stmt = prepare_one(conn, sql)?;
            if self.map.len() >= STATEMENT_CACHE_CAPACITY {
                self.evict_oldest();
            }
            self.map
                .insert(sql.to_owned(), Cached { stmt, last_used: 0 });
        }
        match self.map.get_mut(sql) {
            Some(cached) => {
                cached.last_used = self.tick;
                Ok(&mut cached.stmt)
            }
            None => Err(js_error(
                "database",
                "statement cache lost an entry",
                Some(codes::name(SQLITE_MISUSE)),
            )),
        }
    }

    fn evict_oldest(&mut self) {
        let oldest = self
            .map
            .iter()
            .min_by_key(|(_, c)| c.last_used)
            .map(|(sql, _)| sql.clone());
        if let Some(sql) = oldest {
            self.map.remove(&sql);
        }
    }
}

/// Prepares `sql`, which must hold exactly one statement (whitespace,
/// comments and `;` may follow it).
fn prepare_one(conn: &Connection, sql: &str) -> Result<Statement, JsValue> {
    let (stmt, tail) = conn.prepare(sql).map_err(|e| database_error(&e))?;
    let Some(stmt) = stmt else {
        return Err(js_error(
            "database",
            "the SQL text holds no statement",
            Some(codes::name(SQLITE_MISUSE)),
        ));
    };
    let rest = sql.get(tail..).unwrap_or("");
    if !rest.trim_start().is_empty() {
        // Only comments may remain; a second statement (or a syntax error in
        // it) is refused: `exec` is the call for several statements.
        let (second, _) = conn.prepare(rest).map_err(|e| database_error(&e))?;
        if second.is_some() {
            return Err(js_error(
                "database",
                "the SQL text holds more than one statement (use exec)",
                Some(codes::name(SQLITE_MISUSE)),
            ));
        }
    }
    Ok(stmt)
}
