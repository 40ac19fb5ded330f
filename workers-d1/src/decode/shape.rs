//! What a statement's result rows hold: per column its key and codec, nested levels for relations, and
//! table groups for joins. Built by the query builders beside the SQL, from the same declarations.

use std::borrow::Cow;

use mizzle_core::Codec;

/// One result column (or one field of a nested JSON row).
#[derive(Debug, Clone, PartialEq)]
pub enum Column {
    /// A value decoded by `codec`.
    Plain {
        name: Cow<'static, str>,
        codec: Codec,
    },
    /// A relational query's related rows: JSON (text at the top level), one row or a list of rows,
    /// each row a JSON array ordered as `level`.
    Relation {
        name: Cow<'static, str>,
        many: bool,
        level: Level,
    },
}

impl Column {
    /// The key the column fills.
    pub fn name(&self) -> &str {
        match self {
            Column::Plain { name, .. } | Column::Relation { name, .. } => name,
        }
    }
}

/// The fields of a nested JSON row, in array order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Level {
    pub columns: Vec<Column>,
}

/// A joined table's columns `start..end` under its name; `nullable` when outer-joined (all NULL is then
/// no row: `None`, as drizzle gives `null`).
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub name: Cow<'static, str>,
    pub start: usize,
    pub end: usize,
    pub nullable: bool,
}

/// A statement's result rows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Shape {
    pub columns: Vec<Column>,
    /// Empty unless the rows join tables: then the row is one record per group.
    pub groups: Vec<Group>,
}
