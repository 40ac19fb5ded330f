//! SQLite through rusqlite (bundled SQLite).

use mizzle_core::{DialectKind, Rendered, Value};
use rusqlite::types::{Value as SqlValue, ValueRef};

use crate::cell::Cell;
use crate::db::Db;

/// An in-memory SQLite database with foreign keys on.
pub struct SqliteDb {
    conn: rusqlite::Connection,
}

impl SqliteDb {
    /// Opens a fresh in-memory database.
    pub fn open() -> Result<Self, String> {
        let conn = rusqlite::Connection::open_in_memory().map_err(|e| e.to_string())?;
        conn.execute_batch("pragma foreign_keys = on")
            .map_err(|e| e.to_string())?;
        Ok(SqliteDb { conn })
    }

    /// The underlying connection (for the property test's raw checks).
    pub fn conn(&self) -> &rusqlite::Connection {
        &self.conn
    }
}

/// A core value as a rusqlite value.
pub fn to_sqlite(v: &Value) -> SqlValue {
    match v {
        Value::Null => SqlValue::Null,
        Value::Bool(b) => SqlValue::Integer((*b).into()),
        Value::Int(i) => SqlValue::Integer(*i),
        Value::Float(f) => SqlValue::Real(*f),
        Value::Text(s) => SqlValue::Text(s.clone()),
        Value::Blob(b) => SqlValue::Blob(b.clone()),
    }
}

fn cell(v: ValueRef<'_>) -> Cell {
    match v {
        ValueRef::Null => Cell::Null,
        ValueRef::Integer(i) => Cell::Int(i),
        ValueRef::Real(f) => Cell::Float(f),
        ValueRef::Text(t) => Cell::Text(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Cell::Bytes(b.to_vec()),
    }
}

fn params(r: &Rendered) -> Result<Vec<SqlValue>, String> {
    Ok(r.values()
        .map_err(|e| e.to_string())?
        .iter()
        .map(to_sqlite)
        .collect())
}

impl Db for SqliteDb {
    fn kind(&self) -> DialectKind {
        DialectKind::Sqlite
    }
    fn name(&self) -> &'static str {
        "sqlite"
    }
    fn query(&mut self, r: &Rendered) -> Result<Vec<Vec<Cell>>, String> {
        let mut stmt = self.conn.prepare(&r.sql).map_err(|e| e.to_string())?;
        let n = stmt.column_count();
        let mut rows = stmt
            .query(rusqlite::params_from_iter(params(r)?))
            .map_err(|e| e.to_string())?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().map_err(|e| e.to_string())? {
            out.push(
                (0..n)
                    .map(|i| row.get_ref(i).map(cell).unwrap_or(Cell::Null))
                    .collect(),
            );
        }
        Ok(out)
    }
    fn exec(&mut self, r: &Rendered) -> Result<u64, String> {
        let mut stmt = self.conn.prepare(&r.sql).map_err(|e| e.to_string())?;
        stmt.execute(rusqlite::params_from_iter(params(r)?))
            .map(|n| n as u64)
            .map_err(|e| e.to_string())
    }
    fn raw(&mut self, sql: &str) -> Result<(), String> {
        self.conn.execute_batch(sql).map_err(|e| e.to_string())
    }
}
