//! The crate's one error: what went wrong, never a panic or a hung request.

use std::fmt;

use crate::decode::DecodeError;

/// A value the host cannot take, a statement the engine refused, a failure the host reported, or a row
/// that does not fit its type.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// Parameter `index` (from 0) cannot be bound on this host without changing it.
    Bind { index: usize, reason: String },
    /// A column value of a kind this crate does not know (a host change, or a bug).
    Cell { column: usize, reason: String },
    /// The engine refused the statement (`mizzle_core::Error`).
    Engine(mizzle_core::Error),
    /// A statement the builders cannot make (an insert without rows, an update without `set`).
    Invalid(String),
    /// A row that does not decode into the asked type.
    Decode(DecodeError),
    /// The host's failure: its message (SQLite's text, `D1_ERROR: ...`) and code where it gave one.
    Host {
        message: String,
        code: Option<String>,
    },
    /// A migration run failed (`kind` as the JS migrators' `MizzleError`: `migration_failed`, ...).
    Migration { kind: &'static str, message: String },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Bind { index, reason } => write!(f, "parameter {}: {reason}", index + 1),
            Error::Cell { column, reason } => write!(f, "column {}: {reason}", column + 1),
            Error::Engine(e) => write!(f, "{e}"),
            Error::Invalid(m) => f.write_str(m),
            Error::Decode(e) => write!(f, "decoding a row: {e}"),
            Error::Host { message, .. } => f.write_str(message),
            Error::Migration { message, .. } => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {}

impl From<DecodeError> for Error {
    fn from(e: DecodeError) -> Self {
        Error::Decode(e)
    }
}

impl From<mizzle_core::migrations::MigrationError> for Error {
    fn from(e: mizzle_core::migrations::MigrationError) -> Self {
        Error::Migration {
            kind: e.kind(),
            message: e.to_string(),
        }
    }
}

/// `?` in a `worker` handler: the error as the `worker` crate's, with its message.
#[cfg(target_arch = "wasm32")]
impl From<Error> for worker::Error {
    fn from(e: Error) -> Self {
        worker::Error::RustError(e.to_string())
    }
}
