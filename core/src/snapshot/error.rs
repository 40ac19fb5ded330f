//! What can be wrong with a snapshot file: each error names the place in the
//! document (`tables["users"].columns["id"].notNull`), so a message points at
//! the line to fix.

use alloc::string::String;
use core::fmt;

/// A snapshot that cannot be read: where, and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotError {
    /// The path of the offending value from the document's root (empty for
    /// the root itself), in JavaScript's notation.
    pub path: String,
    pub kind: SnapshotErrorKind,
}

/// What is wrong at [`SnapshotError::path`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SnapshotErrorKind {
    /// Not JSON at all (serde_json's message, with its line and column).
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// A `dialect` this reader does not know (`turso`, `singlestore`, `gel`…).
    Dialect(String),
    /// The dialect's snapshot `version` is not the one drizzle-kit 0.31
    /// writes (older ones need `drizzle-kit up`, 1.0's are another format).
    Version {
        expected: &'static str,
        found: String,
    },
    /// A field drizzle-kit always writes is absent.
    Missing,
    /// A value of the wrong JSON type.
    Type { expected: &'static str },
    /// A field drizzle-kit's (strict) schema does not have: refused rather
    /// than dropped, so a rewrite never loses data.
    Unknown,
}

impl SnapshotError {
    pub(super) fn new(path: impl Into<String>, kind: SnapshotErrorKind) -> SnapshotError {
        SnapshotError {
            path: path.into(),
            kind,
        }
    }

    /// A stable kind for hosts' error classes.
    pub fn kind(&self) -> &'static str {
        match self.kind {
            SnapshotErrorKind::Syntax { .. } => "snapshot_syntax",
            SnapshotErrorKind::Dialect(_) => "snapshot_dialect",
            SnapshotErrorKind::Version { .. } => "snapshot_version",
            SnapshotErrorKind::Missing => "snapshot_missing",
            SnapshotErrorKind::Type { .. } => "snapshot_type",
            SnapshotErrorKind::Unknown => "snapshot_unknown",
        }
    }
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = if self.path.is_empty() {
            "<root>"
        } else {
            &self.path
        };
        match &self.kind {
            SnapshotErrorKind::Syntax {
                line,
                column,
                message,
            } => write!(f, "snapshot is not JSON at line {line} column {column}: {message}"),
            SnapshotErrorKind::Dialect(d) => {
                write!(f, "snapshot {at}: dialect {d:?} is not sqlite, postgresql or mysql")
            }
            SnapshotErrorKind::Version { expected, found } => write!(
                f,
                "snapshot {at}: version {found:?}, expected {expected:?} (drizzle-kit 0.31; run `drizzle-kit up` for older ones)"
            ),
            SnapshotErrorKind::Missing => write!(f, "snapshot {at}: missing"),
            SnapshotErrorKind::Type { expected } => write!(f, "snapshot {at}: expected {expected}"),
            SnapshotErrorKind::Unknown => write!(f, "snapshot {at}: not a field drizzle-kit writes"),
        }
    }
}

#[cfg(feature = "std")]
extern crate std;
#[cfg(feature = "std")]
impl std::error::Error for SnapshotError {}
