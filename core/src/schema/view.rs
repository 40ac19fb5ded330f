//! Views.

use alloc::boxed::Box;

use crate::ast::{Query, TableRef};

/// `CREATE [MATERIALIZED] VIEW name AS query`; values in the query are
/// written as escaped literals since DDL takes no parameters.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct View {
    pub name: TableRef,
    pub query: Box<Query>,
    /// PostgreSQL only.
    pub materialized: bool,
}
