//! One decoded result value, the same shape for every protocol.

use alloc::string::String;
use alloc::vec::Vec;

use serde_json::Value as Json;

/// A decoded result cell.
///
/// Dates and times stay text (tagged with their kind): the core has no
/// calendar types, the server's text is exact, and the host turns it into
/// whatever date type it has. Decimals and integers that do not fit `i64`
/// stay text too, so no digit is lost.
///
/// ```
/// use mizzle_core::protocol::{neon, Cell, TemporalKind};
/// assert_eq!(neon::decode_text(1082, "2024-01-02").unwrap(),
///            Cell::Temporal(TemporalKind::Date, "2024-01-02".into()));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    /// An exact decimal (or an integer too big for `i64`) as the server wrote it.
    Numeric(String),
    Text(String),
    Bytes(Vec<u8>),
    /// A parsed JSON document (numbers keep their text, objects their order).
    Json(Json),
    /// A date/time value in the server's text form.
    Temporal(TemporalKind, String),
    /// An array (PostgreSQL); a multi-dimensional one nests.
    Array(Vec<Cell>),
}

/// Which date/time type a [`Cell::Temporal`] holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemporalKind {
    /// `2024-01-02`
    Date,
    /// `03:04:05.123` (MySQL `TIME` may also be a duration like `-838:59:59`)
    Time,
    /// `03:04:05+02` (PostgreSQL `timetz`)
    TimeTz,
    /// `2024-01-02 03:04:05` without a zone (PostgreSQL `timestamp`, MySQL
    /// `DATETIME` and `TIMESTAMP`, the latter in the session's time zone)
    Timestamp,
    /// `2024-01-02 03:04:05+00` (PostgreSQL `timestamptz`)
    TimestampTz,
    /// `1 day 02:00:00` (PostgreSQL `interval`)
    Interval,
}
