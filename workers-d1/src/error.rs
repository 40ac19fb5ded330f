//! The crate's one error: what went wrong, never a panic or a hung request.

use std::fmt;

/// A value the host cannot take, or a failure the host reported.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// Parameter `index` (from 0) cannot be bound on this host without changing it.
    Bind { index: usize, reason: String },
    /// A column value of a kind this crate does not know (a host change, or a bug).
    Cell { column: usize, reason: String },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Bind { index, reason } => write!(f, "parameter {}: {reason}", index + 1),
            Error::Cell { column, reason } => write!(f, "column {}: {reason}", column + 1),
        }
    }
}

impl std::error::Error for Error {}
