//! Tables.

use alloc::string::String;
use alloc::vec::Vec;

use super::column::Column;
use super::constraint::{Check, ForeignKey, PrimaryKey, Unique};
use crate::ast::TableRef;

/// A table: columns plus table-level constraints.
///
/// ```
/// use mizzle_core::schema::{Table, Column, SqlType};
/// let users = Table::new("users").column(Column::new("id", SqlType::Integer).primary_key());
/// assert_eq!(users.columns.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Table {
    /// PostgreSQL schema (MySQL database, SQLite attached database).
    pub schema: Option<String>,
    pub name: String,
    pub columns: Vec<Column>,
    pub primary_key: Option<PrimaryKey>,
    pub foreign_keys: Vec<ForeignKey>,
    pub uniques: Vec<Unique>,
    pub checks: Vec<Check>,
}

impl Table {
    /// An empty table.
    pub fn new(name: &str) -> Self {
        Table {
            name: name.into(),
            ..Default::default()
        }
    }
    /// Adds a column.
    pub fn column(mut self, c: Column) -> Self {
        self.columns.push(c);
        self
    }
    /// A reference to this table for queries.
    pub fn table_ref(&self) -> TableRef {
        TableRef {
            schema: self.schema.clone(),
            name: self.name.clone(),
            alias: None,
        }
    }
}
