//! The schema differ: two snapshots (the previous state, from a migrations
//! folder or an introspected database, and the next, from the declared
//! schema) in, the ordered DDL that takes a database from one to the other
//! out. Pure: no I/O, never a panic; what it cannot decide alone is a typed
//! [`DiffError`] (a rename it would have to guess), what loses data is
//! flagged in [`Diff::destructive`] so a CLI can ask or refuse.
//!
//! Renames are never guessed: when a table (or a table's column) disappears
//! while another appears, the caller's [`Hints`] say which is a rename and
//! which is a create plus a drop; without one, [`DiffError::Ambiguous`].
//!
//! ```
//! use mizzle_core::differ::{diff, Hints};
//! use mizzle_core::declared;
//! let a = declared::to_snapshot(&declared::read(r#"{"dialect":"sqlite","tables":[
//!   {"name":"t","columns":[{"name":"id","sqlType":"integer","primaryKey":true}]}]}"#).unwrap()).unwrap();
//! let b = declared::to_snapshot(&declared::read(r#"{"dialect":"sqlite","tables":[
//!   {"name":"t","columns":[{"name":"id","sqlType":"integer","primaryKey":true},
//!                          {"name":"note","sqlType":"text"}]}]}"#).unwrap()).unwrap();
//! let d = diff(&a, &b, &Hints::default()).unwrap();
//! assert_eq!(d.statements, ["ALTER TABLE \"t\" ADD \"note\" text"]);
//! assert!(d.destructive.is_empty());
//! ```

#[cfg(any(feature = "dialect-postgres", feature = "dialect-mysql"))]
mod equivalent;
mod error;
mod filter;
mod hints;
mod live_spelling;
mod matching;
#[cfg(feature = "dialect-mysql")]
mod mysql;
#[cfg(feature = "dialect-mysql")]
mod mysql_ddl;
mod out;
#[cfg(feature = "dialect-postgres")]
mod postgres;
#[cfg(feature = "dialect-postgres")]
mod postgres_ddl;
mod sqlite;
mod sqlite_ddl;
mod sqlite_protect;
mod words;

use alloc::string::String;
use alloc::vec::Vec;

pub use error::DiffError;
pub use filter::{keep_managed, Filter};
pub use hints::{Hints, Rename, Target};
pub use live_spelling::adopt_declared_spelling;

use crate::snapshot::Snapshot;

/// The DDL from one snapshot to another.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diff {
    /// In the order they must run; each is one statement.
    pub statements: Vec<String>,
    /// The statements that lose data, by index into `statements`.
    pub destructive: Vec<Destructive>,
    /// The renames applied, for the next snapshot's `_meta`.
    pub renames: Vec<Rename>,
}

/// A statement that loses data (or may change it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Destructive {
    pub statement: usize,
    pub kind: DestructiveKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DestructiveKind {
    /// A table and its rows go.
    DropTable { table: String },
    /// A column and its values go.
    DropColumn { table: String, column: String },
    /// A column's type changes: values the new type cannot hold are
    /// converted (SQLite affinity) or refused (PostgreSQL, MySQL strict).
    ChangeType {
        table: String,
        column: String,
        from: String,
        to: String,
    },
}

impl DestructiveKind {
    /// A stable name for hosts.
    pub fn code(&self) -> &'static str {
        match self {
            DestructiveKind::DropTable { .. } => "drop_table",
            DestructiveKind::DropColumn { .. } => "drop_column",
            DestructiveKind::ChangeType { .. } => "change_type",
        }
    }

    /// A short line for a prompt or a refusal.
    pub fn describe(&self) -> String {
        match self {
            DestructiveKind::DropTable { table } => {
                alloc::format!("drops table {table:?} and its rows")
            }
            DestructiveKind::DropColumn { table, column } => {
                alloc::format!("drops column {table:?}.{column:?} and its values")
            }
            DestructiveKind::ChangeType {
                table,
                column,
                from,
                to,
            } => {
                alloc::format!("changes the type of {table:?}.{column:?} from {from} to {to}")
            }
        }
    }
}

/// The DDL that takes a database in state `prev` to state `next`.
pub fn diff(prev: &Snapshot, next: &Snapshot, hints: &Hints) -> Result<Diff, DiffError> {
    match (prev, next) {
        (Snapshot::Sqlite(a), Snapshot::Sqlite(b)) => sqlite::diff(a, b, hints),
        #[cfg(feature = "dialect-postgres")]
        (Snapshot::Postgres(a), Snapshot::Postgres(b)) => postgres::diff(a, b, hints),
        #[cfg(feature = "dialect-mysql")]
        (Snapshot::MySql(a), Snapshot::MySql(b)) => mysql::diff(a, b, hints),
        _ => Err(DiffError::Dialect),
    }
}
