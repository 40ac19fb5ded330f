//! Rows decoded into any `serde::Deserialize` type by the engine's codecs (one per column), never by
//! guessing from the host's JS values: a 0/1 column of [`Codec::Boolean`](mizzle_core::Codec) is a
//! `bool`, a `BigInt` column arrives as text and is parsed exactly, a blob from D1 (an array) and from a
//! Durable Object (an `ArrayBuffer`) are the same bytes, a JSON column is parsed into the field's type,
//! and a relational query's nested JSON is decoded level by level with its own codecs.
//!
//! Hand-written rather than through `serde_json::Value`: the row's cells are decoded in place (no
//! intermediate document per row) and the codec, which JSON does not carry, picks each visit.

mod error;
mod record;
mod scalar;
mod shape;
mod value;

pub use error::DecodeError;
pub use shape::{Column, Group, Level, Shape};
pub use value::iso_millis;

use serde::de::DeserializeOwned;

use crate::cell::Cell;

/// One row decoded as `T` by `shape`.
pub fn row<T: DeserializeOwned>(cells: &[Cell], shape: &Shape) -> Result<T, DecodeError> {
    T::deserialize(record::RowDe::new(cells, shape))
}
