//! Field types for drizzle's column modes that Rust lacks: a JSON document of a typed value, and a
//! point in time.

use serde::de::{self, DeserializeOwned, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::decode::iso_millis;
use crate::schema::{Kind, SqlField};
use mizzle_core::Value;

/// A JSON column holding a `T` (drizzle's `text({ mode: 'json' }).$type<T>()`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Json<T>(pub T);

impl<T: Serialize> SqlField for Json<T> {
    const KIND: Kind = Kind::Json;
    fn to_value(&self, _: Kind) -> Value {
        // A `Serialize` that fails (a map with non-string keys) is stored as JSON null, not a panic.
        Value::Text(serde_json::to_string(&self.0).unwrap_or_else(|_| "null".into()))
    }
}

impl<T: Serialize> Serialize for Json<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Json<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::deserialize(d).map(Json)
    }
}

impl<T: Serialize> crate::expr::ValueOf<Json<T>> for Json<T> {
    fn into_value(self, kind: Kind) -> Value {
        self.to_value(kind)
    }
}

impl<S, T: Serialize> crate::expr::Rhs<S, Json<T>> for Json<T> {
    fn rhs(self, kind: Kind) -> mizzle_core::ast::Expr {
        mizzle_core::ast::Expr::Value(self.to_value(kind))
    }
}

/// A point in time, in milliseconds since the epoch (drizzle's `integer({ mode: 'timestamp' })` stores
/// seconds, `timestamp_ms` milliseconds: the column's mode decides). Serialises as RFC 3339 text, as a
/// JS `Date` does in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub i64);

impl Timestamp {
    /// Now, by the host's clock (`Date.now()` in a Worker, whose clock only moves on I/O).
    #[cfg(target_arch = "wasm32")]
    pub fn now() -> Timestamp {
        Timestamp(js_sys::Date::now() as i64)
    }

    /// Now, by the system clock.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn now() -> Timestamp {
        let d = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        Timestamp(d.as_millis() as i64)
    }

    /// RFC 3339 text (`2026-12-08T01:02:03.000Z`).
    pub fn to_rfc3339(self) -> String {
        iso_millis(self.0)
    }
}

impl SqlField for Timestamp {
    const KIND: Kind = Kind::Timestamp;
    fn to_value(&self, kind: Kind) -> Value {
        match kind {
            Kind::TimestampMs => Value::Int(self.0),
            Kind::Text => Value::Text(self.to_rfc3339()),
            _ => Value::Int(self.0.div_euclid(1000)),
        }
    }
}

impl crate::expr::ValueOf<Timestamp> for Timestamp {
    fn into_value(self, kind: Kind) -> Value {
        self.to_value(kind)
    }
}
impl crate::expr::ValueOf<Option<Timestamp>> for Timestamp {
    fn into_value(self, kind: Kind) -> Value {
        self.to_value(kind)
    }
}
impl<S> crate::expr::Rhs<S, Timestamp> for Timestamp {
    fn rhs(self, kind: Kind) -> mizzle_core::ast::Expr {
        mizzle_core::ast::Expr::Value(self.to_value(kind))
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_rfc3339())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Millis;
        impl Visitor<'_> for Millis {
            type Value = Timestamp;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("milliseconds since the epoch")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Timestamp, E> {
                Ok(Timestamp(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Timestamp, E> {
                i64::try_from(v).map(Timestamp).map_err(E::custom)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Timestamp, E> {
                Ok(Timestamp(v as i64))
            }
        }
        d.deserialize_i64(Millis)
    }
}
