//! Columns.

use alloc::string::String;

use super::constraint::ForeignKey;
use super::types::SqlType;
use crate::ast::Expr;
use crate::value::Value;

/// A column default.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum ColumnDefault {
    /// A literal, written escaped into the DDL.
    Literal(Value),
    /// An SQL expression such as `CURRENT_TIMESTAMP` or `(lower('X'))`.
    Expr(Expr),
}

/// PostgreSQL identity columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Identity {
    Always,
    ByDefault,
}

/// A column of a table.
///
/// ```
/// use mizzle_core::schema::{Column, SqlType};
/// let c = Column::new("email", SqlType::Text).not_null().unique();
/// assert!(c.not_null && c.unique);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Column {
    pub name: String,
    pub ty: SqlType,
    pub not_null: bool,
    pub default: Option<ColumnDefault>,
    /// A single-column primary key.
    pub primary_key: bool,
    /// SQLite AUTOINCREMENT / MySQL AUTO_INCREMENT (PostgreSQL uses serial or identity).
    pub auto_increment: bool,
    pub identity: Option<Identity>,
    pub unique: bool,
    /// A single-column foreign key; its `columns` holds this column.
    pub references: Option<ForeignKey>,
}

impl Column {
    /// A nullable column without constraints.
    pub fn new(name: &str, ty: SqlType) -> Self {
        Column {
            name: name.into(),
            ty,
            not_null: false,
            default: None,
            primary_key: false,
            auto_increment: false,
            identity: None,
            unique: false,
            references: None,
        }
    }
    /// NOT NULL.
    pub fn not_null(mut self) -> Self {
        self.not_null = true;
        self
    }
    /// PRIMARY KEY.
    pub fn primary_key(mut self) -> Self {
        self.primary_key = true;
        self
    }
    /// Auto-numbered.
    pub fn auto_increment(mut self) -> Self {
        self.auto_increment = true;
        self
    }
    /// UNIQUE.
    pub fn unique(mut self) -> Self {
        self.unique = true;
        self
    }
    /// A literal default.
    pub fn default_value(mut self, v: impl Into<Value>) -> Self {
        self.default = Some(ColumnDefault::Literal(v.into()));
        self
    }
    /// An expression default.
    pub fn default_expr(mut self, e: Expr) -> Self {
        self.default = Some(ColumnDefault::Expr(e));
        self
    }
    /// A reference to `table(column)`.
    pub fn references(mut self, fk: ForeignKey) -> Self {
        self.references = Some(fk);
        self
    }
}
