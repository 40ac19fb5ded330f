//! What stops a diff: each names what the caller must decide or fix.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DiffError {
    /// The two snapshots are of different dialects, or of one the differ
    /// does not handle yet.
    Dialect,
    /// Tables (`table` = None) or a table's columns disappear while others
    /// appear: a rename or a create plus a drop, which only hints decide.
    Ambiguous {
        table: Option<String>,
        removed: Vec<String>,
        added: Vec<String>,
    },
    /// A hint names nothing that disappears or appears (a typo would
    /// otherwise be ignored and the rename lost).
    UnusedHint(String),
    /// A name the DDL cannot hold (a NUL character).
    Name(String),
    /// Hints that are not the wire format (serde_json's message).
    Hints(String),
    /// A change the dialect cannot make in place and the differ does not
    /// write around (yet): what and why.
    Unsupported(String),
}

impl DiffError {
    /// A stable kind for hosts' error classes.
    pub fn kind(&self) -> &'static str {
        match self {
            DiffError::Dialect => "diff_dialect",
            DiffError::Ambiguous { .. } => "diff_ambiguous",
            DiffError::UnusedHint(_) => "diff_unused_hint",
            DiffError::Name(_) => "diff_name",
            DiffError::Hints(_) => "diff_hints",
            DiffError::Unsupported(_) => "diff_unsupported",
        }
    }
}

impl fmt::Display for DiffError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DiffError::Dialect => {
                f.write_str("the snapshots are of different dialects, or of one not diffed yet")
            }
            DiffError::Ambiguous {
                table,
                removed,
                added,
            } => {
                match table {
                    None => write!(f, "tables {removed:?} disappear while {added:?} appear")?,
                    Some(t) => write!(
                        f,
                        "in table {t:?}, columns {removed:?} disappear while {added:?} appear"
                    )?,
                }
                f.write_str(
                    ": say which are renames (rename hint) and which are new (create+drop hint)",
                )
            }
            DiffError::UnusedHint(h) => {
                write!(f, "hint {h} names nothing that disappears or appears")
            }
            DiffError::Name(n) => write!(f, "name {n:?} cannot be written in DDL"),
            DiffError::Hints(m) => write!(f, "not rename hints: {m}"),
            DiffError::Unsupported(m) => write!(f, "not supported: {m}"),
        }
    }
}

#[cfg(feature = "std")]
extern crate std;
#[cfg(feature = "std")]
impl std::error::Error for DiffError {}
