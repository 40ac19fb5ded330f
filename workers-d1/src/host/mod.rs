//! The executors: D1 (async, atomic batches, Sessions) and a Durable Object's SQLite (synchronous,
//! `transactionSync`), both running the engine's SQLite statements with the binding rules of
//! [`crate::bind`] and decoding by [`crate::decode`]. Only in a Worker (`wasm32`).

mod d1;
mod durable;
#[cfg(any(feature = "neon", feature = "planetscale"))]
mod http;
mod js;

pub use d1::D1;
pub use durable::DurableSql;
#[cfg(any(feature = "neon", feature = "planetscale"))]
pub use http::{Neon, PlanetScale};

use serde::de::DeserializeOwned;

use crate::cell::Cell;
use crate::decode::{self, Shape};
use crate::Error;

/// What a statement changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Meta {
    /// Rows written.
    pub changes: u64,
    /// The rowid of the last inserted row, where the host reports it.
    pub last_row_id: Option<i64>,
}

/// One statement's rows from a batch, with the shape they decode by.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    pub rows: Vec<Vec<Cell>>,
    pub shape: Shape,
}

impl Results {
    /// The rows decoded as `T`.
    pub fn decode<T: DeserializeOwned>(&self) -> Result<Vec<T>, Error> {
        self.rows
            .iter()
            .map(|r| decode::row(r, &self.shape).map_err(Error::from))
            .collect()
    }
}

/// Statements run as one atomic unit (`db.batch([...])`).
pub type Batch = Vec<crate::query::Statement>;
