//! The driver interface the suites use, and connections to all three servers.

use mizzle_core::{DialectKind, Rendered};

use crate::cell::Cell;

/// A real database connection that executes rendered statements.
pub trait Db {
    /// The dialect this server speaks.
    fn kind(&self) -> DialectKind;
    /// A display name for reports ("sqlite", "postgresql", "mariadb").
    fn name(&self) -> &'static str;
    /// Runs a statement and returns its rows (none for statements without a result set).
    fn query(&mut self, r: &Rendered) -> Result<Vec<Vec<Cell>>, String>;
    /// Runs a statement and returns the number of rows it changed.
    fn exec(&mut self, r: &Rendered) -> Result<u64, String>;
    /// Runs raw SQL without parameters (transaction control, fixture setup).
    fn raw(&mut self, sql: &str) -> Result<(), String>;
}

/// Connects to SQLite (in memory), PostgreSQL and MariaDB, each in a fresh
/// private namespace (schema / database) named after `tag`.
pub fn connect_all(tag: &str) -> Result<Vec<Box<dyn Db>>, String> {
    Ok(vec![
        Box::new(crate::sqlite_db::SqliteDb::open()?),
        Box::new(crate::postgres_db::PgDb::open(tag)?),
        Box::new(crate::mysql_db::MyDb::open(tag)?),
    ])
}

/// A namespace name unique to this process and `tag`.
pub fn namespace(tag: &str) -> String {
    format!("mizzle_{}_{}", tag, std::process::id())
}
