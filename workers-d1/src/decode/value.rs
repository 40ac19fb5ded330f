//! One value deserialized by its column's codec.

use serde::de::{self, IntoDeserializer, Visitor};
use serde::Deserializer;

use mizzle_core::Codec;

use super::record::{LevelDe, RowsDe};
use super::scalar::Scalar;
use super::shape::Column;
use super::DecodeError;

/// A value of `column`.
pub struct ValueDe<'a> {
    pub scalar: Scalar<'a>,
    pub column: &'a Column,
}

/// A failure of this value (the record around it adds the column's name).
fn fail(_column: &Column, what: impl std::fmt::Display) -> DecodeError {
    DecodeError(what.to_string())
}

/// Milliseconds since the epoch as RFC 3339 UTC text (what JS's `Date.toJSON` writes).
pub fn iso_millis(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Howard Hinnant's civil-from-days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        ms.rem_euclid(1000)
    )
}

impl<'a> ValueDe<'a> {
    fn codec(&self) -> Option<Codec> {
        match self.column {
            Column::Plain { codec, .. } => Some(*codec),
            Column::Relation { .. } => None,
        }
    }

    /// A JSON document in this value (a `Json` column, or a relation's rows), parsed.
    fn json(&self) -> Result<Option<serde_json::Value>, DecodeError> {
        let json_codec = matches!(
            self.codec(),
            None | Some(Codec::Json | Codec::JsonBlob | Codec::JsonValue)
        );
        if !json_codec {
            return Ok(None);
        }
        match self.scalar {
            Scalar::Text(s) => serde_json::from_str(s)
                .map(Some)
                .map_err(|e| fail(self.column, format_args!("invalid JSON: {e}"))),
            Scalar::Bytes(b) => serde_json::from_slice(b)
                .map(Some)
                .map_err(|e| fail(self.column, format_args!("invalid JSON: {e}"))),
            Scalar::Json(v) => Ok(Some(v.clone())),
            Scalar::Null => Ok(None),
            // A JSON scalar inside a relational row.
            Scalar::Int(i) => Ok(Some(i.into())),
            Scalar::Real(f) => Ok(Some(f.into())),
            Scalar::Bool(b) => Ok(Some(b.into())),
        }
    }

    /// Milliseconds, for a timestamp codec.
    fn millis(&self) -> Option<i64> {
        let n = match self.scalar {
            Scalar::Int(i) => i,
            Scalar::Real(f) => f as i64,
            _ => return None,
        };
        match self.codec()? {
            Codec::Timestamp => n.checked_mul(1000),
            Codec::TimestampMs => Some(n),
            _ => None,
        }
    }

    fn relation<'de, V: Visitor<'de>>(
        &self,
        json: serde_json::Value,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        let Column::Relation { many, level, name } = self.column else {
            unreachable!("relation() is called for relation columns only")
        };
        match (&json, *many) {
            (serde_json::Value::Null, false) => visitor.visit_none(),
            (serde_json::Value::Array(rows), true) => {
                visitor.visit_seq(RowsDe::new(rows, level, name))
            }
            (serde_json::Value::Array(cells), false) => {
                visitor.visit_some(LevelDe::new(cells, level, name))
            }
            _ => Err(fail(self.column, "the related rows are not a JSON array")),
        }
    }
}

impl<'de> Deserializer<'de> for ValueDe<'_> {
    type Error = DecodeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        if let Some(json) = self.json()? {
            if matches!(self.column, Column::Relation { .. }) {
                return self.relation(json, visitor);
            }
            return json
                .deserialize_any(visitor)
                .map_err(|e| fail(self.column, e));
        }
        if let Some(ms) = self.millis() {
            return visitor.visit_i64(ms);
        }
        let codec = self.codec().unwrap_or(Codec::Raw);
        match (self.scalar, codec) {
            (Scalar::Null, _) => visitor.visit_unit(),
            (Scalar::Int(i), Codec::Boolean) => visitor.visit_bool(i != 0),
            (Scalar::Real(f), Codec::Boolean) => visitor.visit_bool(f != 0.0),
            (Scalar::Text(s), Codec::Boolean) => {
                visitor.visit_bool(matches!(s, "1" | "t" | "true"))
            }
            (Scalar::Text(s), Codec::Bigint | Codec::Number | Codec::Count) => {
                if let Ok(i) = s.parse::<i64>() {
                    visitor.visit_i64(i)
                } else if let Ok(u) = s.parse::<u64>() {
                    visitor.visit_u64(u)
                } else if let (Codec::Number | Codec::Count, Ok(f)) = (codec, s.parse::<f64>()) {
                    visitor.visit_f64(f)
                } else {
                    Err(fail(self.column, format_args!("{s:?} is not an integer")))
                }
            }
            (Scalar::Int(i), Codec::Text) => visitor.visit_string(i.to_string()),
            (Scalar::Real(f), Codec::Text) => visitor.visit_string(f.to_string()),
            (Scalar::Text(s), Codec::Bytes) => {
                visitor.visit_byte_buf(hex(s).ok_or_else(|| {
                    fail(self.column, "a blob in a relational row is not hex text")
                })?)
            }
            (Scalar::Int(i), _) => visitor.visit_i64(i),
            (Scalar::Real(f), _) => visitor.visit_f64(f),
            (Scalar::Bool(b), _) => visitor.visit_bool(b),
            (Scalar::Text(s), _) => visitor.visit_str(s),
            (Scalar::Bytes(b), _) => visitor.visit_bytes(b),
            (Scalar::Json(v), _) => v
                .clone()
                .deserialize_any(visitor)
                .map_err(|e| fail(self.column, e)),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        if self.scalar.is_null() {
            visitor.visit_none()
        } else if let (Some(json), Column::Relation { .. }) = (self.json()?, self.column) {
            self.relation(json, visitor)
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        // `Vec<u8>` asks for a sequence: a blob is one of bytes.
        match (self.scalar, self.codec()) {
            (Scalar::Bytes(b), Some(Codec::Bytes | Codec::Raw)) => {
                visitor.visit_seq(de::value::SeqDeserializer::new(b.iter().copied()))
            }
            (Scalar::Text(s), Some(Codec::Bytes)) => {
                let bytes = hex(s).ok_or_else(|| {
                    fail(self.column, "a blob in a relational row is not hex text")
                })?;
                visitor.visit_seq(de::value::SeqDeserializer::new(bytes.into_iter()))
            }
            _ => match self.json()? {
                Some(json) if matches!(self.column, Column::Relation { .. }) => {
                    self.relation(json, visitor)
                }
                Some(json) => json
                    .deserialize_seq(visitor)
                    .map_err(|e| fail(self.column, e)),
                None => self.deserialize_any(visitor),
            },
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self.millis() {
            Some(ms) => visitor.visit_string(iso_millis(ms)),
            None => self.deserialize_any(visitor),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        if let Some(json) = self.json()? {
            return json
                .deserialize_enum(name, variants, visitor)
                .map_err(|e| fail(self.column, e));
        }
        match self.scalar {
            // A text enum column (drizzle's `text({ enum: [...] })`).
            Scalar::Text(s) => visitor.visit_enum(s.into_deserializer()),
            _ => Err(fail(
                self.column,
                format_args!("not a variant name of {name}"),
            )),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        match self.json()? {
            Some(json) if matches!(self.column, Column::Relation { .. }) => {
                self.relation(json, visitor)
            }
            Some(json) => json
                .deserialize_struct(name, fields, visitor)
                .map_err(|e| fail(self.column, e)),
            None => self.deserialize_any(visitor),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf unit unit_struct
        tuple tuple_struct map identifier ignored_any
    }
}

/// Hex text (SQLite's `hex()` of a blob inside relational JSON) as bytes.
fn hex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_text_of_millis() {
        assert_eq!(iso_millis(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso_millis(1_700_000_000_123), "2023-11-14T22:13:20.123Z");
        assert_eq!(iso_millis(-1), "1969-12-31T23:59:59.999Z");
        assert_eq!(iso_millis(951_782_400_000), "2000-02-29T00:00:00.000Z");
    }

    #[test]
    fn hex_bytes() {
        assert_eq!(hex("00FF10"), Some(vec![0, 255, 16]));
        assert_eq!(hex("0"), None);
        assert_eq!(hex("zz"), None);
    }
}
