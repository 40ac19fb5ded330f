//! UPDATE statements.

use alloc::vec::Vec;

use super::expr::Expr;
use super::insert::Assignment;
use super::query::{FromItem, OrderBy, SelectItem, TableRef, With};

/// An UPDATE.
///
/// ```
/// use mizzle_core::ast::{Update, Assignment, Expr, TableRef};
/// let up = Update::new(TableRef::new("users"), vec![Assignment::new("name", Expr::val("bo"))]);
/// assert!(up.where_.is_none());
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Update {
    pub with: Option<With>,
    pub table: TableRef,
    pub set: Vec<Assignment>,
    /// `UPDATE ... FROM` (SQLite, PostgreSQL).
    pub from: Vec<FromItem>,
    pub where_: Option<Expr>,
    /// MySQL natively; SQLite through a rowid subquery.
    pub order_by: Vec<OrderBy>,
    pub limit: Option<Expr>,
    pub returning: Vec<SelectItem>,
}

impl Update {
    /// `UPDATE table SET set`.
    pub fn new(table: TableRef, set: Vec<Assignment>) -> Self {
        Update {
            with: None,
            table,
            set,
            from: Vec::new(),
            where_: None,
            order_by: Vec::new(),
            limit: None,
            returning: Vec::new(),
        }
    }
}
