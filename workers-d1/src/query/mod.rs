//! The statement builders: drizzle's `select / insert / update / delete` and `query.<table>.findMany`,
//! each giving an engine AST plus the [`Shape`](crate::decode::Shape) its rows decode by.
//!
//! Closures receive the typed column handles of the query's tables (a tuple of them after a join), so
//! only columns of those tables can appear, compared with values of their own type:
//!
//! ```
//! use mizzle_workers::prelude::*;
//! # #[derive(Table)] #[mizzle(table = "users")] struct User { #[mizzle(primary_key)] id: i64, name: String }
//! # #[derive(Table)] #[mizzle(table = "posts")] struct Post { #[mizzle(primary_key)] id: i64, author_id: i64 }
//! let q = select::<User>()
//!     .inner_join::<Post>(|(u, p)| p.author_id.eq(u.id))
//!     .filter(|(u, _)| u.name.eq("ann") & u.id.gt(3));
//! assert!(q.build().is_ok());
//! ```
//!
//! A column of a table the query does not read does not compile:
//!
//! ```compile_fail
//! use mizzle_workers::prelude::*;
//! # #[derive(Table)] #[mizzle(table = "users")] struct User { #[mizzle(primary_key)] id: i64, name: String }
//! # #[derive(Table)] #[mizzle(table = "posts")] struct Post { #[mizzle(primary_key)] id: i64, author_id: i64 }
//! let posts = Post::columns_in::<Post>("posts");
//! let q = select::<User>().filter(|u| u.id.eq(posts.author_id));
//! ```
//!
//! Nor does a value of another type:
//!
//! ```compile_fail
//! use mizzle_workers::prelude::*;
//! # #[derive(Table)] #[mizzle(table = "users")] struct User { #[mizzle(primary_key)] id: i64, name: String }
//! let q = select::<User>().filter(|u| u.name.eq(42));
//! ```

mod assign;
mod delete;
mod insert;
mod relational;
mod scope;
mod select;
mod selection;
mod statement;
mod update;

pub use assign::{excluded, Assign, Assigns};
pub use delete::{delete, Delete};
pub use insert::{insert, insert_many, Insert};
pub use relational::{find_first, find_many, on, Find, On};
pub use scope::Scope;
pub use select::{select, select_from, Select};
pub use selection::Selection;
pub use statement::{Build, Statement};
pub use update::{update, Update};
