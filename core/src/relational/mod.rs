//! Relational queries (drizzle's `db.query.users.findMany({ with: ... })`):
//! a table's rows with their related rows nested as JSON, planned into ONE
//! statement per dialect.
//!
//! The query tree is plain data: each level names its table (with the alias
//! its expressions use), its fields, its nested relations and how each joins
//! to its parent. [`plan`] turns it into an ordinary [`Query`](crate::ast::Query).

mod plan;
mod query;

pub use plan::{plan, plan_owned};
pub use query::{Relation, RelationKind, RelationalField, RelationalQuery};
