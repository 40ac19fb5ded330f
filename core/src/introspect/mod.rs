//! Introspection: a live database read back into the snapshot model
//! ([`crate::snapshot`]), so the state a database is really in can be diffed
//! like a drizzle-kit snapshot: SQLite ([`sqlite`]) and PostgreSQL
//! ([`postgres`]).
//!
//! The engine does no I/O: the host runs [`SQLITE_QUERY`] (one statement,
//! one round trip, which matters on Cloudflare D1 and Durable Objects) and
//! hands the single text cell it returns to [`sqlite`]; on PostgreSQL, the
//! same with [`POSTGRES_QUERY`] and [`postgres`].
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
mod pg_types;
mod postgres;
mod sql_text;
mod sqlite;

pub use error::IntrospectError;
pub use postgres::{postgres, POSTGRES_QUERY};
pub use sqlite::{sqlite, SQLITE_QUERY};
