//! Indexes.

use alloc::string::String;
use alloc::vec::Vec;

use crate::ast::{Expr, TableRef};

/// `CREATE [UNIQUE] INDEX name ON table [USING method] (exprs) [WHERE ...]`.
///
/// ```
/// use mizzle_core::schema::Index;
/// use mizzle_core::ast::{Expr, TableRef};
/// let i = Index::new("posts_author_idx", TableRef::new("posts"), vec![Expr::bare("author_id")]);
/// assert!(!i.unique);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Index {
    pub name: String,
    pub table: TableRef,
    /// Indexed columns (unqualified column refs) or expressions.
    pub on: Vec<Expr>,
    pub unique: bool,
    /// Partial index condition (SQLite, PostgreSQL).
    pub where_: Option<Expr>,
    /// Index method such as `btree`, `hash`, `gin` (PostgreSQL; btree/hash on MySQL).
    pub method: Option<String>,
}

impl Index {
    /// A plain index.
    pub fn new(name: &str, table: TableRef, on: Vec<Expr>) -> Self {
        Index {
            name: name.into(),
            table,
            on,
            unique: false,
            where_: None,
            method: None,
        }
    }
}
