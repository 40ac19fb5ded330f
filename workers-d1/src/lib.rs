//! `mizzle-workers`: mizzle's engine for Rust Workers (issue 17, in progress).
//!
//! The engine (`mizzle-core`) renders the SQL; this crate binds its values and reads the rows back on
//! the hosts a Worker reaches, handling each trap of the `worker` crate's bindings
//! (`../shared/reference/workers-rs.md`) in one place:
//!
//! - [`bind`]: a [`mizzle_core::Value`] as the host must receive it ([`Bound`]), decided in plain Rust so
//!   the rules are tested natively; the `wasm32` build turns a [`Bound`] into the `JsValue` it names.
//! - [`cell`]: what a host gives back for one column ([`Cell`]), from the `JsValue` it returned.
//!
//! Still to come (issue 17): the executors (D1, Durable Object SQLite with `transactionSync`, Neon and
//! PlanetScale over `worker::Fetch`), the typed table macro, relational queries, migrations from Rust.

pub mod bind;
pub mod cell;
mod error;

pub use bind::{bind, Bound, Host};
pub use cell::Cell;
pub use error::Error;

/// The largest integer a JS number holds exactly (2^53 - 1): the hosts' limit both ways.
pub const MAX_SAFE_INTEGER: i64 = (1 << 53) - 1;
