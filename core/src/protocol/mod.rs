//! Wire codecs for the HTTP database protocols: Neon's SQL over HTTP and
//! PlanetScale's HTTP API.
//!
//! Everything here is pure: functions build request headers and JSON bodies
//! and parse response bodies, and the caller brings its own `fetch` (a
//! workers-rs Worker, `reqwest`, a test). Nothing is sent from here, so the
//! same code runs in a Worker, a browser and natively.
//!
//! ```
//! use mizzle_core::protocol::{neon, Cell};
//! use mizzle_core::Value;
//!
//! let body = neon::query_body("select $1::int8 as n", &[Value::Int(1)]);
//! assert_eq!(body, r#"{"query":"select $1::int8 as n","params":["1"]}"#);
//! // ... POST it with `neon::headers(..)`, then:
//! let reply = r#"{"command":"SELECT","rowCount":1,"rowAsArray":true,
//!   "fields":[{"name":"n","dataTypeID":20}],"rows":[["1"]]}"#;
//! let result = neon::parse_response(200, reply).unwrap();
//! assert_eq!(result.decode_rows().unwrap(), vec![vec![Cell::Int(1)]]);
//! ```
//!
//! Hostile or broken responses (truncated JSON, wrong types, lengths that do
//! not add up, bad base64, invalid UTF-8) are a [`ProtocolError`], never a
//! panic. The module is only linked into a binary that calls it, so the
//! Workers engine build (`mizzle-wasm`) does not grow.

pub mod base64;
mod cell;
mod error;
pub mod json;
pub mod neon;
mod pg_array;
pub mod planetscale;

pub use cell::{Cell, TemporalKind};
pub use error::ProtocolError;
pub use json::{Json, JsonError, JsonErrorKind};

#[cfg(test)]
mod fuzz;
