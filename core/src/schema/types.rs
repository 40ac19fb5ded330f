//! Dialect-neutral column and cast types; each dialect names them.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

/// A column or CAST type. Dialects spell each one their way (or refuse it
/// with a typed error): `Text` is `text` everywhere, `Serial` is `serial` on
/// PostgreSQL, `int` + AUTO_INCREMENT on MySQL and `integer` on SQLite.
///
/// ```
/// use mizzle_core::schema::SqlType;
/// let t = SqlType::Varchar(Some(255));
/// assert_ne!(t, SqlType::Text);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum SqlType {
    TinyInt,
    SmallInt,
    Integer,
    BigInt,
    /// Auto-numbered integers (PostgreSQL serial family; on MySQL the same
    /// widths, signed, with AUTO_INCREMENT).
    SmallSerial,
    Serial,
    BigSerial,
    Real,
    Double,
    /// `numeric(p, s)`.
    Numeric {
        precision: Option<u32>,
        scale: Option<u32>,
    },
    Boolean,
    Text,
    Varchar(Option<u32>),
    Char(Option<u32>),
    Blob,
    Binary(Option<u32>),
    Varbinary(Option<u32>),
    Uuid,
    Json,
    Jsonb,
    /// `timestamp(p) [with time zone]`; MySQL's `timestamp(p)`.
    Timestamp {
        precision: Option<u32>,
        with_time_zone: bool,
    },
    /// MySQL `datetime(fsp)`; `timestamp` on PostgreSQL, `text` on SQLite.
    DateTime {
        precision: Option<u32>,
    },
    Date,
    Time {
        precision: Option<u32>,
        with_time_zone: bool,
    },
    Interval,
    /// A PostgreSQL named enum type (`CREATE TYPE ... AS ENUM`).
    NamedEnum {
        schema: Option<String>,
        name: String,
    },
    /// A MySQL inline `enum('a', 'b')`; `text` elsewhere.
    InlineEnum(Vec<String>),
    /// A PostgreSQL array of the element type.
    Array(Box<SqlType>),
    /// A type name written verbatim (must be a plain name such as `citext` or `point`).
    Custom(String),
}
