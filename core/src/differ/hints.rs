//! The caller's answers to what the differ never guesses: which
//! disappearing table or column became which appearing one.

use alloc::string::String;
use alloc::vec::Vec;

use serde::Deserialize;

/// Renames, and names that are a fresh create plus a drop.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Hints {
    #[serde(default)]
    pub renames: Vec<Rename>,
    #[serde(default)]
    pub create_drop: Vec<Target>,
    /// A hint that names nothing that changes is ignored instead of refused
    /// ([`super::DiffError::UnusedHint`]): `push` at a Durable Object's
    /// start ships one set of hints to every instance, and an instance made
    /// after the rename never had the old name.
    #[serde(default)]
    pub ignore_unused: bool,
}

/// A table renamed (`table` None) or a column of `table` (its new name).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Rename {
    #[serde(default)]
    pub table: Option<String>,
    pub from: String,
    pub to: String,
}

/// A table (`column` None) or column that is created or dropped, not renamed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Target {
    pub table: String,
    #[serde(default)]
    pub column: Option<String>,
}

impl Hints {
    /// Reads the wire format from an already parsed JSON value.
    pub fn from_value(json: serde_json::Value) -> Result<Hints, super::DiffError> {
        serde_json::from_value(json)
            .map_err(|e| super::DiffError::Hints(alloc::string::ToString::to_string(&e)))
    }

    /// Reads the wire format (`{"renames":[...],"createDrop":[...]}`).
    pub fn read(json: &str) -> Result<Hints, super::DiffError> {
        serde_json::from_str(json)
            .map_err(|e| super::DiffError::Hints(alloc::string::ToString::to_string(&e)))
    }
}
