//! Table constraints.

use alloc::string::String;
use alloc::vec::Vec;

use crate::ast::{Expr, TableRef};

/// ON DELETE / ON UPDATE actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum ReferentialAction {
    NoAction,
    Restrict,
    Cascade,
    SetNull,
    SetDefault,
}

impl ReferentialAction {
    /// The SQL words for the action.
    pub fn sql(self) -> &'static str {
        match self {
            ReferentialAction::NoAction => "no action",
            ReferentialAction::Restrict => "restrict",
            ReferentialAction::Cascade => "cascade",
            ReferentialAction::SetNull => "set null",
            ReferentialAction::SetDefault => "set default",
        }
    }
}

/// A foreign key.
///
/// ```
/// use mizzle_core::schema::{ForeignKey, ReferentialAction};
/// use mizzle_core::ast::TableRef;
/// let fk = ForeignKey::new(&["author_id"], TableRef::new("users"), &["id"]).on_delete(ReferentialAction::Cascade);
/// assert_eq!(fk.on_delete, Some(ReferentialAction::Cascade));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ForeignKey {
    pub name: Option<String>,
    pub columns: Vec<String>,
    pub foreign_table: TableRef,
    pub foreign_columns: Vec<String>,
    pub on_delete: Option<ReferentialAction>,
    pub on_update: Option<ReferentialAction>,
}

impl ForeignKey {
    /// `FOREIGN KEY (columns) REFERENCES table (foreign_columns)`.
    pub fn new(columns: &[&str], table: TableRef, foreign_columns: &[&str]) -> Self {
        ForeignKey {
            name: None,
            columns: columns.iter().map(|c| String::from(*c)).collect(),
            foreign_table: table,
            foreign_columns: foreign_columns.iter().map(|c| String::from(*c)).collect(),
            on_delete: None,
            on_update: None,
        }
    }
    /// ON DELETE action.
    pub fn on_delete(mut self, a: ReferentialAction) -> Self {
        self.on_delete = Some(a);
        self
    }
    /// ON UPDATE action.
    pub fn on_update(mut self, a: ReferentialAction) -> Self {
        self.on_update = Some(a);
        self
    }
}

/// A (possibly composite) primary key.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PrimaryKey {
    pub name: Option<String>,
    pub columns: Vec<String>,
}

/// A UNIQUE constraint over several columns.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Unique {
    pub name: Option<String>,
    pub columns: Vec<String>,
}

/// A CHECK constraint; values in `expr` are written as escaped literals.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Check {
    pub name: String,
    pub expr: Expr,
}
