//! What can be wrong with an introspection document.

use alloc::string::String;
use core::fmt;

/// An introspection document that cannot be turned into a snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum IntrospectError {
    /// Not JSON at all (serde_json's message, with its line and column).
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// The document's `version` is not the one this build's query writes
    /// (a host running another build's query).
    Version(String),
    /// A value is absent or of the wrong JSON type. `path` is in
    /// JavaScript's notation from the root (`objects[2].columns[0].cid`).
    Shape {
        path: String,
        expected: &'static str,
    },
    /// SQL text from `sqlite_master` this reader cannot follow (unbalanced
    /// quotes or parentheses, or a part the catalog says must be there and
    /// is not, such as a generated column's expression).
    Sql {
        object: String,
        reason: &'static str,
    },
}

impl IntrospectError {
    /// A stable kind for hosts' error classes.
    pub fn kind(&self) -> &'static str {
        match self {
            IntrospectError::Syntax { .. } => "introspect_syntax",
            IntrospectError::Version(_) => "introspect_version",
            IntrospectError::Shape { .. } => "introspect_shape",
            IntrospectError::Sql { .. } => "introspect_sql",
        }
    }
}

impl fmt::Display for IntrospectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IntrospectError::Syntax {
                line,
                column,
                message,
            } => write!(
                f,
                "introspection result is not JSON at line {line} column {column}: {message}"
            ),
            IntrospectError::Version(v) => write!(
                f,
                "introspection result has version {v}, expected 1 (run this build's query)"
            ),
            IntrospectError::Shape { path, expected } => {
                let at = if path.is_empty() { "<root>" } else { path };
                write!(f, "introspection result {at}: expected {expected}")
            }
            IntrospectError::Sql { object, reason } => {
                write!(f, "introspection: SQL of {object:?}: {reason}")
            }
        }
    }
}

#[cfg(feature = "std")]
extern crate std;
#[cfg(feature = "std")]
impl std::error::Error for IntrospectError {}
