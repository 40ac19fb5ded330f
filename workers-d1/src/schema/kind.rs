//! How a Rust field is stored: its [`Kind`] picks the bound value, the selected expression and the decode
//! codec, so each of the hosts' value traps is handled once per kind, not per query.

use mizzle_core::{Codec, Value};

/// A column's storage kind on SQLite (D1, Durable Objects).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An integer that fits a JS number (`i32`, `u32`, `i16`, ...): bound and read as a number.
    Integer,
    /// A 64-bit integer (`i64`): selected as text and bound as text cast to an integer beyond ±(2^53-1),
    /// so no value is rounded by the hosts' JS numbers.
    BigInt,
    /// A float (`f64`, `f32`).
    Real,
    /// A boolean stored as 0/1 (drizzle's `integer({ mode: 'boolean' })`).
    Boolean,
    /// Text.
    Text,
    /// Bytes (`Vec<u8>`).
    Blob,
    /// JSON text (`serde_json::Value`, [`crate::Json`]; drizzle's `text({ mode: 'json' })`).
    Json,
    /// Seconds since the epoch (drizzle's `integer({ mode: 'timestamp' })`).
    Timestamp,
    /// Milliseconds since the epoch (`integer({ mode: 'timestamp_ms' })`).
    TimestampMs,
}

impl Kind {
    /// The engine's codec for this kind: the decode rule shared with the JS package.
    pub fn codec(self) -> Codec {
        match self {
            Kind::Integer | Kind::Real => Codec::Number,
            Kind::BigInt => Codec::Bigint,
            Kind::Boolean => Codec::Boolean,
            Kind::Text => Codec::Text,
            Kind::Blob => Codec::Bytes,
            Kind::Json => Codec::Json,
            Kind::Timestamp => Codec::Timestamp,
            Kind::TimestampMs => Codec::TimestampMs,
        }
    }

    /// Every `mode = "..."` name, in [`Kind::from_mode`]'s order (the derive checks its own copy against
    /// this list: `tests/derive.rs`).
    pub const MODES: [&'static str; 9] = [
        "number",
        "bigint",
        "real",
        "boolean",
        "text",
        "blob",
        "json",
        "timestamp",
        "timestamp_ms",
    ];

    /// The kind a `mode = "..."` attribute names (drizzle's column modes).
    pub fn from_mode(mode: &str) -> Option<Kind> {
        Some(match mode {
            "number" => Kind::Integer,
            "bigint" => Kind::BigInt,
            "real" => Kind::Real,
            "boolean" => Kind::Boolean,
            "text" => Kind::Text,
            "blob" => Kind::Blob,
            "json" => Kind::Json,
            "timestamp" => Kind::Timestamp,
            "timestamp_ms" => Kind::TimestampMs,
            _ => return None,
        })
    }
}

/// A Rust type a column can have: its default [`Kind`] and its value to bind.
pub trait SqlField {
    /// The kind a field of this type has unless `mode = "..."` says otherwise.
    const KIND: Kind;
    /// Whether the column may hold NULL (`Option<T>`).
    const NULLABLE: bool = false;
    /// The value bound for this field in a column of `kind`.
    fn to_value(&self, kind: Kind) -> Value;
    /// `None` of an `Option`: the column is left to its default where it has one.
    fn is_absent(&self) -> bool {
        false
    }
}

macro_rules! integers {
    ($($t:ty),*) => {$(
        impl SqlField for $t {
            const KIND: Kind = Kind::Integer;
            fn to_value(&self, kind: Kind) -> Value {
                match kind {
                    Kind::Real => Value::Float(*self as f64),
                    Kind::Boolean => Value::Bool(*self != 0),
                    Kind::Text => Value::Text(self.to_string()),
                    _ => Value::Int(i64::from(*self)),
                }
            }
        }
    )*};
}
integers!(i8, i16, i32, u8, u16, u32);

impl SqlField for i64 {
    const KIND: Kind = Kind::BigInt;
    fn to_value(&self, kind: Kind) -> Value {
        match kind {
            Kind::Text => Value::Text(self.to_string()),
            Kind::Real => Value::Float(*self as f64),
            _ => Value::Int(*self),
        }
    }
}

impl SqlField for f64 {
    const KIND: Kind = Kind::Real;
    fn to_value(&self, _: Kind) -> Value {
        Value::Float(*self)
    }
}

impl SqlField for f32 {
    const KIND: Kind = Kind::Real;
    fn to_value(&self, _: Kind) -> Value {
        Value::Float(f64::from(*self))
    }
}

impl SqlField for bool {
    const KIND: Kind = Kind::Boolean;
    fn to_value(&self, _: Kind) -> Value {
        Value::Bool(*self)
    }
}

impl SqlField for String {
    const KIND: Kind = Kind::Text;
    fn to_value(&self, _: Kind) -> Value {
        Value::Text(self.clone())
    }
}

impl SqlField for Vec<u8> {
    const KIND: Kind = Kind::Blob;
    fn to_value(&self, _: Kind) -> Value {
        Value::Blob(self.clone())
    }
}

impl SqlField for serde_json::Value {
    const KIND: Kind = Kind::Json;
    fn to_value(&self, _: Kind) -> Value {
        Value::Text(self.to_string())
    }
}

impl<T: SqlField> SqlField for Option<T> {
    const KIND: Kind = T::KIND;
    const NULLABLE: bool = true;
    fn to_value(&self, kind: Kind) -> Value {
        self.as_ref().map_or(Value::Null, |v| v.to_value(kind))
    }
    fn is_absent(&self) -> bool {
        self.is_none()
    }
}

/// A field's value for an insert: `None` when it is absent and the column has a default (the derive's
/// [`crate::Table::values`] calls this per field).
#[doc(hidden)]
pub fn value_of<F: SqlField>(field: &F, info: &super::ColumnInfo) -> Option<Value> {
    if field.is_absent() && (info.has_default || info.auto_increment) {
        None
    } else {
        Some(field.to_value(info.kind))
    }
}

/// What a `default_fn` returns: a field value, or a `Result` of one (a random default can fail).
pub trait DefaultValue {
    #[doc(hidden)]
    fn into_value(self, kind: Kind) -> Result<Value, crate::Error>;
}

impl<T: SqlField> DefaultValue for T {
    fn into_value(self, kind: Kind) -> Result<Value, crate::Error> {
        Ok(self.to_value(kind))
    }
}

impl<T: SqlField> DefaultValue for Result<T, crate::Error> {
    fn into_value(self, kind: Kind) -> Result<Value, crate::Error> {
        self.map(|v| v.to_value(kind))
    }
}

/// A `default_fn`'s value for an insert (the derive calls this for an absent field).
#[doc(hidden)]
pub fn default_value<D: DefaultValue>(
    d: D,
    info: &super::ColumnInfo,
) -> Result<Option<Value>, crate::Error> {
    d.into_value(info.kind).map(Some)
}
