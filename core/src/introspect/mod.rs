//! Introspection: a live database read back into the snapshot model
//! ([`crate::snapshot`]), so the state a database is really in can be diffed
//! like a drizzle-kit snapshot: SQLite ([`sqlite`]), PostgreSQL
//! ([`postgres`]) and MySQL 8 / MariaDB ([`mysql`]).
//!
//! The engine does no I/O: the host runs [`SQLITE_QUERY`] (one statement,
//! one round trip, which matters on Cloudflare D1 and Durable Objects) and
//! hands the single text cell it returns to [`sqlite`]; on PostgreSQL, the
//! same with [`POSTGRES_QUERY`] and [`postgres`]; on MySQL and MariaDB,
//! [`MYSQL_QUERY`] and [`mysql`].
//!
//! ```
//! use mizzle_core::introspect;
//! let doc = r#"{"version":1,"objects":[]}"#;
//! let snapshot = introspect::sqlite(doc).unwrap();
//! assert!(snapshot.tables.is_empty());
//! ```

mod document;
mod error;
mod js_value;
#[cfg(feature = "dialect-mysql")]
mod mysql;
#[cfg(feature = "dialect-mysql")]
mod mysql_types;
#[cfg(feature = "dialect-postgres")]
mod pg_types;
#[cfg(feature = "dialect-postgres")]
mod postgres;
mod sql_text;
mod sqlite;

pub use error::IntrospectError;
#[cfg(feature = "dialect-mysql")]
pub use mysql::{mysql, MYSQL_QUERY};
#[cfg(feature = "dialect-postgres")]
pub use postgres::{postgres, POSTGRES_QUERY};
pub use sqlite::{sqlite, SQLITE_QUERY};
