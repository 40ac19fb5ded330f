//! What can go wrong while reading a folder or planning: each names the
//! migration it concerns, so a deploy log says which file to look at.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

/// A typed migrations error.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum MigrationError {
    /// The folder cannot be read as drizzle-kit writes it (a bad journal, a
    /// file it names missing, two layouts at once).
    Folder(String),
    /// A migration recorded as applied is not in the folder (a deleted or
    /// renamed file, a branch not merged here). `name` is its tag when the row
    /// has one, else `created_at` / `hash` identify it.
    Missing {
        name: Option<String>,
        created_at: Option<i64>,
        hash: String,
    },
    /// A migration's file changed after it was applied: the hash recorded when
    /// it ran differs from the file's.
    Changed {
        name: String,
        recorded: String,
        file: String,
    },
    /// The database applied only some of the migrations that the baseline
    /// `baseline` (`mizzle-kit squash`) replaces: it is behind the squash
    /// point, and the baseline would re-create what it has. `missing` are the
    /// replaced migrations it lacks. Never accepted: the history must be
    /// applied first, from the commit before the squash.
    Squashed {
        baseline: String,
        missing: Vec<String>,
    },
    /// A name or value the tracking table's SQL cannot carry (a NUL in the
    /// table name, an unbuilt dialect).
    Invalid(String),
}

impl fmt::Display for MigrationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MigrationError::Folder(m) => write!(f, "migrations folder: {m}"),
            MigrationError::Missing { name: Some(n), .. } => write!(
                f,
                "migration {n} is recorded as applied but is not in the migrations folder \
                 (pass accept: {{ missing: true }} to go on without it)"
            ),
            MigrationError::Missing {
                name: None,
                created_at,
                hash,
            } => {
                write!(f, "a migration recorded as applied")?;
                if let Some(c) = created_at {
                    write!(f, " at {c}")?;
                }
                if !hash.is_empty() {
                    write!(f, " with hash {hash}")?;
                }
                write!(
                    f,
                    " is not in the migrations folder (pass accept: {{ missing: true }} to go on without it)"
                )
            }
            MigrationError::Changed {
                name,
                recorded,
                file,
            } => write!(
                f,
                "migration {name} changed after it was applied: its file hashes to {file}, \
                 the database recorded {recorded} (pass accept: {{ changed: true }} to go on)"
            ),
            MigrationError::Squashed { baseline, missing } => write!(
                f,
                "migration {baseline} squashes a history this database applied only in part \
                 (it lacks {}): apply that history first (check out the commit before the squash \
                 and migrate), then this folder; the baseline is never run on such a database",
                missing.join(", ")
            ),
            MigrationError::Invalid(m) => write!(f, "{m}"),
        }
    }
}

impl MigrationError {
    /// A stable kind for hosts' error classes.
    pub fn kind(&self) -> &'static str {
        match self {
            MigrationError::Folder(_) => "migration_folder",
            MigrationError::Missing { .. } => "migration_missing",
            MigrationError::Changed { .. } => "migration_changed",
            MigrationError::Squashed { .. } => "migration_squashed",
            MigrationError::Invalid(_) => "invalid",
        }
    }
}

#[cfg(feature = "std")]
extern crate std;
#[cfg(feature = "std")]
impl std::error::Error for MigrationError {}
