//! DELETE statements.

use alloc::vec::Vec;

use super::expr::Expr;
use super::query::{OrderBy, SelectItem, TableRef, With};

/// A DELETE.
///
/// ```
/// use mizzle_core::ast::{Delete, Expr, TableRef};
/// let del = Delete::new(TableRef::new("users")).filter(Expr::col("users", "id").eq(Expr::val(1)));
/// assert!(del.where_.is_some());
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Delete {
    pub with: Option<With>,
    pub table: TableRef,
    pub where_: Option<Expr>,
    /// MySQL natively; SQLite through a rowid subquery.
    pub order_by: Vec<OrderBy>,
    pub limit: Option<Expr>,
    pub returning: Vec<SelectItem>,
}

impl Delete {
    /// `DELETE FROM table`.
    pub fn new(table: TableRef) -> Self {
        Delete {
            with: None,
            table,
            where_: None,
            order_by: Vec::new(),
            limit: None,
            returning: Vec::new(),
        }
    }
    /// Sets the WHERE clause.
    pub fn filter(mut self, cond: Expr) -> Self {
        self.where_ = Some(cond);
        self
    }
}
