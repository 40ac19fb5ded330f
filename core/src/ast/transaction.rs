//! Transaction control: BEGIN / COMMIT / ROLLBACK and nested savepoints, so
//! drivers run the engine's SQL for transactions too instead of spelling it
//! themselves.

/// A transaction-control statement. Savepoints are named by nesting depth
/// (`mizzle_sp1` for the first nested transaction), so every driver and
/// dialect uses the same names.
///
/// ```
/// use mizzle_core::{ast::{Statement, Transaction}, render, DialectKind};
/// let sql = |t| render(&Statement::Transaction(t), DialectKind::Postgres).unwrap().sql;
/// assert_eq!(sql(Transaction::Begin), "begin");
/// assert_eq!(sql(Transaction::Savepoint(1)), r#"savepoint "mizzle_sp1""#);
/// assert_eq!(sql(Transaction::RollbackTo(2)), r#"rollback to savepoint "mizzle_sp2""#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Transaction {
    /// Starts the outermost transaction.
    Begin,
    /// Commits the outermost transaction.
    Commit,
    /// Rolls the outermost transaction back.
    Rollback,
    /// Starts a nested transaction at this depth (1 = the first nested one).
    Savepoint(u32),
    /// Ends a nested transaction, keeping its work.
    Release(u32),
    /// Undoes a nested transaction's work (the savepoint stays until released).
    RollbackTo(u32),
}
