//! The relational query tree.

use alloc::string::String;
use alloc::vec::Vec;

use crate::ast::{Expr, JsonEncoding, OrderBy, TableRef};

/// One level of a relational query: rows of `table`, their `fields`, and
/// their related rows under `relations`.
///
/// ```
/// use mizzle_core::ast::{Expr, JsonEncoding, TableRef};
/// use mizzle_core::relational::{RelationalQuery, RelationKind};
/// let posts = RelationalQuery::new(TableRef::new("posts").alias("users_posts"))
///     .field("title", Expr::col("users_posts", "title"), JsonEncoding::Plain);
/// let users = RelationalQuery::new(TableRef::new("users"))
///     .field("id", Expr::col("users", "id"), JsonEncoding::Plain)
///     .relation("posts", RelationKind::Many, &[("id", "author_id")], posts);
/// assert_eq!(users.relations.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RelationalQuery {
    /// The table; nested levels need an alias unique in the whole query
    /// (their expressions, and their children's join columns, use it).
    pub table: TableRef,
    /// Columns and extras, in result order.
    pub fields: Vec<RelationalField>,
    /// Related rows, after the fields.
    pub relations: Vec<Relation>,
    /// `where`, in terms of this level's alias.
    pub filter: Option<Expr>,
    /// Order of this level's rows.
    pub order_by: Vec<OrderBy>,
    /// Row limit (a one-relation always takes one row).
    pub limit: Option<Expr>,
    /// Rows to skip.
    pub offset: Option<Expr>,
}

/// A column or extra expression of one level.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RelationalField {
    /// Result key (the column alias at the top level).
    pub name: String,
    /// The value.
    pub expr: Expr,
    /// How the value travels inside nested JSON rows.
    pub encoding: JsonEncoding,
}

/// Whether a relation gives one row (or null) or a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum RelationKind {
    /// At most one related row: a JSON array of its fields, or null.
    One,
    /// Any number: a JSON array of rows, `[]` when there are none.
    Many,
}

/// Related rows nested under a parent level.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Relation {
    /// Result key.
    pub name: String,
    /// One row or many.
    pub kind: RelationKind,
    /// Join columns: `(parent column, child column)` pairs, all equal.
    pub on: Vec<(String, String)>,
    /// The related level.
    pub query: RelationalQuery,
}

impl RelationalQuery {
    /// A level reading `table`, with nothing selected yet.
    pub fn new(table: TableRef) -> Self {
        RelationalQuery {
            table,
            fields: Vec::new(),
            relations: Vec::new(),
            filter: None,
            order_by: Vec::new(),
            limit: None,
            offset: None,
        }
    }

    /// Adds a field.
    pub fn field(mut self, name: &str, expr: Expr, encoding: JsonEncoding) -> Self {
        self.fields.push(RelationalField {
            name: name.into(),
            expr,
            encoding,
        });
        self
    }

    /// Adds a relation joined on `(parent column, child column)` pairs.
    pub fn relation(
        mut self,
        name: &str,
        kind: RelationKind,
        on: &[(&str, &str)],
        query: RelationalQuery,
    ) -> Self {
        self.relations.push(Relation {
            name: name.into(),
            kind,
            on: on.iter().map(|(p, c)| ((*p).into(), (*c).into())).collect(),
            query,
        });
        self
    }

    /// The name this level's expressions use for its table.
    pub fn scope(&self) -> &str {
        self.table.alias.as_deref().unwrap_or(&self.table.name)
    }
}
