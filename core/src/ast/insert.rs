//! INSERT statements and upserts.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use super::expr::Expr;
use super::query::{Query, SelectItem, TableRef, With};
use crate::schema::{ColumnDefault, Table};

/// One cell of a VALUES row.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum InsertValue {
    Expr(Expr),
    /// The column's default. SQLite has no `DEFAULT` in VALUES: a column that is
    /// default in every row is left out, and a default cell beside explicit ones
    /// is written as the column's default from [`Insert::defaults`] (NULL when unknown).
    Default,
}

/// Where inserted rows come from.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum InsertSource {
    /// `VALUES (..), (..)`; each row has one cell per column.
    Values(Vec<Vec<InsertValue>>),
    /// `INSERT ... SELECT`.
    Query(Box<Query>),
    /// `INSERT ... <raw SQL>` (drizzle's ``insert(t).select(sql`...`)``).
    Sql(Expr),
    /// `DEFAULT VALUES` (one row of defaults).
    DefaultValues,
}

/// `column = value`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Assignment {
    pub column: String,
    pub value: Expr,
}

impl Assignment {
    /// `column = value`.
    pub fn new(column: &str, value: Expr) -> Self {
        Assignment {
            column: column.into(),
            value,
        }
    }
}

/// What an ON CONFLICT clause does.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum OnConflictAction {
    DoNothing,
    DoUpdate {
        set: Vec<Assignment>,
        where_: Option<Expr>,
    },
}

/// `ON CONFLICT [(target) [WHERE target_where]] action` (SQLite, PostgreSQL).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct OnConflict {
    pub target: Vec<String>,
    pub target_where: Option<Expr>,
    pub action: OnConflictAction,
}

/// An INSERT.
///
/// ```
/// use mizzle_core::ast::{Insert, InsertValue, Expr, TableRef};
/// let ins = Insert::values(TableRef::new("users"), &["name"], vec![vec![InsertValue::Expr(Expr::val("ann"))]]);
/// assert_eq!(ins.columns, vec!["name".to_string()]);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Insert {
    pub with: Option<With>,
    pub table: TableRef,
    pub columns: Vec<String>,
    pub source: InsertSource,
    pub on_conflict: Option<OnConflict>,
    /// MySQL `ON DUPLICATE KEY UPDATE`.
    pub on_duplicate_key_update: Vec<Assignment>,
    /// `INSERT IGNORE` (MySQL) / `INSERT OR IGNORE` (SQLite).
    pub ignore: bool,
    pub returning: Vec<SelectItem>,
    /// The columns' declared defaults, aligned with `columns`, for dialects
    /// without `DEFAULT` in VALUES (SQLite). Filled by [`Insert::with_schema_defaults`].
    pub defaults: Vec<Option<Expr>>,
}

impl Insert {
    /// Records `table`'s declared defaults for the inserted columns, so SQLite
    /// can write them where a multi-row insert leaves a cell to its default.
    ///
    /// ```
    /// use mizzle_core::ast::{Insert, InsertValue, Expr};
    /// use mizzle_core::schema::{Table, Column, SqlType};
    /// let t = Table::new("t").column(Column::new("n", SqlType::Integer).default_value(0));
    /// let ins = Insert::values(t.table_ref(), &["n"], vec![vec![InsertValue::Default]]).with_schema_defaults(&t);
    /// assert_eq!(ins.defaults, vec![Some(Expr::val(0))]);
    /// ```
    pub fn with_schema_defaults(mut self, table: &Table) -> Self {
        self.defaults = self
            .columns
            .iter()
            .map(|name| {
                let col = table.columns.iter().find(|c| &c.name == name)?;
                match col.default.as_ref()? {
                    ColumnDefault::Literal(v) => Some(Expr::Value(v.clone())),
                    ColumnDefault::Expr(e) => Some(e.clone()),
                }
            })
            .collect();
        self
    }

    /// `INSERT INTO table (columns) VALUES rows`.
    pub fn values(table: TableRef, columns: &[&str], rows: Vec<Vec<InsertValue>>) -> Self {
        Insert {
            with: None,
            table,
            columns: columns.iter().map(|c| String::from(*c)).collect(),
            source: InsertSource::Values(rows),
            on_conflict: None,
            on_duplicate_key_update: Vec::new(),
            ignore: false,
            returning: Vec::new(),
            defaults: Vec::new(),
        }
    }
}

impl Insert {
    /// The insert as statements of at most `max_params` bound values each (D1's and Durable Objects'
    /// limit is 100), splitting its VALUES rows; a host runs them in one atomic unit. One row over the
    /// limit stays whole (the host then refuses it). The rule mizzle's JS package applies too
    /// (`npm-package/src/query/insert.ts`, `chunks`): values per row counted as the inserted columns.
    ///
    /// ```
    /// use mizzle_core::ast::{Expr, Insert, InsertValue, TableRef};
    /// let rows = (0..7).map(|i| vec![InsertValue::Expr(Expr::val(i)), InsertValue::Expr(Expr::val(i))]).collect();
    /// let parts = Insert::values(TableRef::new("t"), &["a", "b"], rows).split_rows(6);
    /// assert_eq!(parts.len(), 3); // 3 + 3 + 1 rows
    /// ```
    pub fn split_rows(self, max_params: usize) -> Vec<Insert> {
        let per_row = self.columns.len().max(1);
        let rows = match &self.source {
            InsertSource::Values(rows) if rows.len() > 1 && rows.len() * per_row > max_params => {
                rows.len()
            }
            _ => return Vec::from([self]),
        };
        let size = (max_params / per_row).max(1);
        let mut this = self;
        let InsertSource::Values(all) =
            core::mem::replace(&mut this.source, InsertSource::DefaultValues)
        else {
            return Vec::from([this]);
        };
        let mut out = Vec::with_capacity(rows.div_ceil(size));
        let mut all = all.into_iter();
        loop {
            let chunk: Vec<_> = all.by_ref().take(size).collect();
            if chunk.is_empty() {
                break;
            }
            let mut part = this.clone();
            part.source = InsertSource::Values(chunk);
            out.push(part);
        }
        out
    }
}
