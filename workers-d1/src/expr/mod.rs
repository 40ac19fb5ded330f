//! Typed expressions over a query's scope: what the closures of [`crate::query`] build, each holding a
//! plain engine [`Expr`](mizzle_core::ast::Expr) plus, as types, the tables it reads (`S`) and the Rust
//! type of its value (`V`).

mod aggregate;
mod cond;
mod ops;
mod order;
mod raw;
mod typed;
mod value;

pub use aggregate::{count, count_distinct};
pub use cond::{and, or, Cond};
pub use order::{Order, Orders};
pub use raw::{sql, Sql};
pub use typed::Ex;
pub use value::{value_expr, Joinable, Rhs, ValueOf};
