//! The query AST: plain data, no dialect inside. Dialects differ only in the
//! renderer (`crate::render`).

mod delete;
mod expr;
mod insert;
mod json;
mod query;
mod statement;
mod transaction;
mod update;

pub use delete::Delete;
pub use expr::{AggregateFn, BinaryOp, ColumnRef, Expr, RawPart};
pub use insert::{Assignment, Insert, InsertSource, InsertValue, OnConflict, OnConflictAction};
pub use json::JsonEncoding;
pub use query::{
    Cte, CteBody, Distinct, FromItem, IndexHint, IndexHintKind, Join, JoinKind, Lock, LockStrength,
    LockWait, NullsOrder, OrderBy, Query, Select, SelectItem, SetExpr, SetOp, TableRef, With,
};
pub use statement::Statement;
pub use transaction::Transaction;
pub use update::Update;
