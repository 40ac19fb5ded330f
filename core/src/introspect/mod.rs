//! Introspection: a live database read back into the snapshot model
//! ([`crate::snapshot`]), so the state a database is really in can be diffed
//! like a drizzle-kit snapshot. SQLite only for now ([`sqlite`]).
//!
//! The engine does no I/O: the host runs [`SQLITE_QUERY`] (one statement,
//! one round trip, which matters on Cloudflare D1 and Durable Objects) and
//! hands the single text cell it returns to [`sqlite`].
//!
//! ```
//! use mizzle_core::introspect;
//! let doc = r#"{"version":1,"objects":[]}"#;
//! let snapshot = introspect::sqlite(doc).unwrap();
//! assert!(snapshot.tables.is_empty());
//! ```

mod error;
mod sql_text;
mod sqlite;

pub use error::IntrospectError;
pub use sqlite::{sqlite, SQLITE_QUERY};
