//! Any renderable data statement.

use super::delete::Delete;
use super::expr::Expr;
use super::insert::Insert;
use super::query::Query;
use super::transaction::Transaction;
use super::update::Update;
use crate::relational::RelationalQuery;

/// A query or a data-changing statement.
///
/// ```
/// use mizzle_core::ast::{Delete, Statement, TableRef};
/// let s: Statement = Delete::new(TableRef::new("t")).into();
/// assert!(matches!(s, Statement::Delete(_)));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Statement {
    Query(Query),
    Insert(Insert),
    Update(Update),
    Delete(Delete),
    /// A raw SQL statement (drizzle's `db.run(sql\`...\`)`), values bound.
    Sql(Expr),
    /// A relational query, planned for the dialect when rendered.
    Relational(RelationalQuery),
    /// BEGIN / COMMIT / ROLLBACK / savepoints.
    Transaction(Transaction),
}

impl From<RelationalQuery> for Statement {
    fn from(q: RelationalQuery) -> Self {
        Statement::Relational(q)
    }
}

impl From<Query> for Statement {
    fn from(q: Query) -> Self {
        Statement::Query(q)
    }
}
impl From<Insert> for Statement {
    fn from(i: Insert) -> Self {
        Statement::Insert(i)
    }
}
impl From<Update> for Statement {
    fn from(u: Update) -> Self {
        Statement::Update(u)
    }
}
impl From<Delete> for Statement {
    fn from(d: Delete) -> Self {
        Statement::Delete(d)
    }
}
