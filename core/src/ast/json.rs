//! How a value is written into a JSON document, for relational queries that
//! return nested rows as JSON.

/// How a value is embedded in a JSON array so it comes back intact.
///
/// JSON has no blobs, and JS reads JSON numbers as doubles, so some types
/// travel as text. Nested JSON documents are embedded as JSON, not as strings.
///
/// ```
/// use mizzle_core::ast::{Expr, JsonEncoding};
/// let e = Expr::json_value(Expr::col("t", "big"), JsonEncoding::Text);
/// assert!(matches!(e, Expr::JsonValue { enc: JsonEncoding::Text, .. }));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum JsonEncoding {
    /// The value as the database writes it into JSON (numbers, text, booleans).
    Plain,
    /// As text: 64-bit integers and decimals, which a JSON number would round.
    Text,
    /// As hexadecimal text: blobs.
    Hex,
    /// A JSON document held as text (or a JSON type), embedded as JSON.
    Json,
    /// A JSON document held in a blob (SQLite's blob JSON mode), embedded as JSON.
    JsonBlob,
}
