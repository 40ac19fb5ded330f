//! What a declared schema can get wrong: each a name the user can find.

use alloc::string::String;
use core::fmt;

/// A declared schema the engine cannot turn into a snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DeclaredError {
    /// Not the wire format (serde_json's message).
    Syntax(String),
    /// Two tables or views of one name.
    DuplicateTable(String),
    /// Two indexes, unique constraints, foreign keys or checks of one name in
    /// a table (drizzle-kit stops with the same complaint).
    DuplicateConstraint { table: String, name: String },
    /// A column named twice in a table.
    DuplicateColumn { table: String, column: String },
    /// A primary key, index or constraint names a column the table lacks.
    UnknownColumn { table: String, column: String },
    /// A dialect this build of the engine leaves out (a SQLite-only migrator).
    NotBuilt(&'static str),
}

impl DeclaredError {
    /// A stable kind for hosts' error classes.
    pub fn kind(&self) -> &'static str {
        match self {
            DeclaredError::Syntax(_) => "schema_syntax",
            DeclaredError::DuplicateTable(_) => "schema_duplicate_table",
            DeclaredError::DuplicateConstraint { .. } => "schema_duplicate_constraint",
            DeclaredError::DuplicateColumn { .. } => "schema_duplicate_column",
            DeclaredError::UnknownColumn { .. } => "schema_unknown_column",
            DeclaredError::NotBuilt(_) => "schema_not_built",
        }
    }
}

impl fmt::Display for DeclaredError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DeclaredError::Syntax(m) => write!(f, "not a declared schema: {m}"),
            DeclaredError::DuplicateTable(t) => write!(f, "two tables or views are named {t:?}"),
            DeclaredError::DuplicateConstraint { table, name } => {
                write!(
                    f,
                    "table {table:?} has two constraints or indexes named {name:?}"
                )
            }
            DeclaredError::DuplicateColumn { table, column } => {
                write!(f, "table {table:?} has two columns named {column:?}")
            }
            DeclaredError::UnknownColumn { table, column } => {
                write!(f, "table {table:?} has no column {column:?}")
            }
            DeclaredError::NotBuilt(d) => write!(f, "this build of the engine has no {d} dialect"),
        }
    }
}

#[cfg(feature = "std")]
extern crate std;
#[cfg(feature = "std")]
impl std::error::Error for DeclaredError {}
