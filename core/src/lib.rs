//! # mizzle-core
//!
//! The mizzle SQL engine: a schema model, a plain-data query AST and one
//! renderer with per-dialect hooks for SQLite, PostgreSQL and MySQL. It does
//! no I/O and runs anywhere `alloc` does (Workers, browsers, native).
//!
//! ```
//! use mizzle_core::{ast::*, render, DialectKind};
//! let q = Query::select(Select {
//!     columns: vec![Expr::count_star().into()],
//!     from: Some(FromItem::Table(TableRef::new("users"))),
//!     where_: Some(Expr::col("users", "id").in_list(vec![])),
//!     ..Default::default()
//! });
//! let r = render(&q.into(), DialectKind::MySql).unwrap();
//! assert_eq!(r.sql, "select count(*) from `users` where false");
//! ```
#![no_std]
#![forbid(unsafe_code)]

extern crate alloc;

mod tag_enum;

pub mod ast;
pub mod codec;
#[cfg(feature = "differ")]
pub mod declared;
pub mod dialect;
#[cfg(feature = "differ")]
pub mod differ;
mod error;
#[cfg(feature = "differ")]
pub mod introspect;
#[cfg(feature = "migrations")]
pub mod migrations;
mod params;
#[cfg(feature = "protocol")]
pub mod protocol;
pub mod relational;
pub mod render;
pub mod schema;
#[cfg(feature = "differ")]
pub mod snapshot;
mod value;

pub use codec::Codec;
pub use dialect::{Dialect, DialectKind};
pub use error::{Error, Feature};
pub use params::{Param, Rendered};
pub use render::{render, render_inline};
pub use value::Value;
