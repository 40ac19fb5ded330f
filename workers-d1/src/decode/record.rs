//! A row, a joined table's part of a row, or a nested JSON row: a record of named, codec-typed values,
//! read as a struct or map (by key) or as a tuple (by position).

use serde::de::{DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserializer;

use super::scalar::Scalar;
use super::shape::{Column, Level, Shape};
use super::value::ValueDe;
use super::DecodeError;
use crate::cell::Cell;

/// Where a record's values are.
#[derive(Clone, Copy)]
enum Source<'a> {
    Cells(&'a [Cell]),
    Json(&'a [serde_json::Value]),
}

/// A record of `columns`.
#[derive(Clone, Copy)]
pub struct RecordDe<'a> {
    src: Source<'a>,
    columns: &'a [Column],
    /// All NULL is `None` (an outer-joined table without a row).
    nullable: bool,
    what: &'a str,
}

impl<'a> RecordDe<'a> {
    fn value(&self, i: usize) -> ValueDe<'a> {
        let scalar = match self.src {
            Source::Cells(c) => c.get(i).map_or(Scalar::Null, Scalar::of_cell),
            Source::Json(v) => v.get(i).map_or(Scalar::Null, Scalar::of_json),
        };
        ValueDe {
            scalar,
            column: &self.columns[i],
        }
    }

    fn check_len(&self) -> Result<(), DecodeError> {
        let have = match self.src {
            Source::Cells(c) => c.len(),
            Source::Json(v) => v.len(),
        };
        if have == self.columns.len() {
            Ok(())
        } else {
            Err(DecodeError(format!(
                "{}: {have} values for {} columns",
                self.what,
                self.columns.len()
            )))
        }
    }

    fn all_null(&self) -> bool {
        (0..self.columns.len()).all(|i| self.value(i).scalar.is_null())
    }

    /// The record's only value, for a target that is not a record (`all::<i64>()` of one column).
    fn single(self) -> Result<ValueDe<'a>, DecodeError> {
        match self.columns.len() {
            1 => Ok(self.value(0)),
            n => Err(DecodeError(format!(
                "{}: {n} columns do not fit a single value: decode into a struct or a tuple",
                self.what
            ))),
        }
    }
}

macro_rules! to_single {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
            self.single()?.$method(visitor)
        }
    )*};
}

impl<'de> Deserializer<'de> for RecordDe<'_> {
    type Error = DecodeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_map(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.check_len()?;
        visitor.visit_map(Fields { rec: self, at: 0 })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.deserialize_map(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.check_len()?;
        visitor.visit_seq(Fields { rec: self, at: 0 })
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        if self.nullable && self.all_null() {
            visitor.visit_none()
        } else if self.columns.len() == 1 && !self.nullable {
            self.value(0).deserialize_option(visitor)
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
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
        self.single()?.deserialize_enum(name, variants, visitor)
    }

    to_single! {
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128 deserialize_f32
        deserialize_f64 deserialize_char deserialize_str deserialize_string deserialize_bytes
        deserialize_byte_buf
    }

    serde::forward_to_deserialize_any! { unit unit_struct identifier ignored_any }
}

fn v_name<'a>(rec: RecordDe<'a>, i: usize) -> &'a str {
    rec.columns[i].name()
}

/// A value's failure, prefixed with its column: nested levels give a path (`posts`: `title`: ...).
fn in_column(name: &str, e: DecodeError) -> DecodeError {
    DecodeError(format!("`{name}`: {}", e.0))
}

/// A record's values, by key or by position.
struct Fields<'a> {
    rec: RecordDe<'a>,
    at: usize,
}

impl<'de> MapAccess<'de> for Fields<'_> {
    type Error = DecodeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DecodeError> {
        match self.rec.columns.get(self.at) {
            Some(c) => seed.deserialize(c.name().into_deserializer()).map(Some),
            None => Ok(None),
        }
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<S::Value, DecodeError> {
        let v = self.rec.value(self.at);
        self.at += 1;
        seed.deserialize(v)
            .map_err(|e| in_column(v_name(self.rec, self.at - 1), e))
    }
}

impl<'de> SeqAccess<'de> for Fields<'_> {
    type Error = DecodeError;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, DecodeError> {
        if self.at >= self.rec.columns.len() {
            return Ok(None);
        }
        let v = self.rec.value(self.at);
        self.at += 1;
        seed.deserialize(v)
            .map(Some)
            .map_err(|e| in_column(v_name(self.rec, self.at - 1), e))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.rec.columns.len() - self.at)
    }
}

/// A nested JSON row of a relational query.
pub struct LevelDe;

impl LevelDe {
    #[allow(clippy::new_ret_no_self)]
    pub fn new<'a>(
        cells: &'a [serde_json::Value],
        level: &'a Level,
        what: &'a str,
    ) -> RecordDe<'a> {
        RecordDe {
            src: Source::Json(cells),
            columns: &level.columns,
            nullable: false,
            what,
        }
    }
}

/// A relation's list of JSON rows.
pub struct RowsDe<'a> {
    rows: std::slice::Iter<'a, serde_json::Value>,
    level: &'a Level,
    what: &'a str,
}

impl<'a> RowsDe<'a> {
    pub fn new(rows: &'a [serde_json::Value], level: &'a Level, what: &'a str) -> Self {
        RowsDe {
            rows: rows.iter(),
            level,
            what,
        }
    }
}

impl<'de> SeqAccess<'de> for RowsDe<'_> {
    type Error = DecodeError;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, DecodeError> {
        let Some(row) = self.rows.next() else {
            return Ok(None);
        };
        let cells = row.as_array().ok_or_else(|| {
            DecodeError(format!("{}: a related row is not a JSON array", self.what))
        })?;
        seed.deserialize(LevelDe::new(cells, self.level, self.what))
            .map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.rows.len())
    }
}

macro_rules! to_single_row {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
            self.record().$method(visitor)
        }
    )*};
}
/// A result row: one record, or one per joined table.
pub struct RowDe<'a> {
    cells: &'a [Cell],
    shape: &'a Shape,
}

impl<'a> RowDe<'a> {
    pub fn new(cells: &'a [Cell], shape: &'a Shape) -> Self {
        RowDe { cells, shape }
    }

    fn record(&self) -> RecordDe<'a> {
        RecordDe {
            src: Source::Cells(self.cells),
            columns: &self.shape.columns,
            nullable: false,
            what: "row",
        }
    }
}

impl<'de> Deserializer<'de> for RowDe<'_> {
    type Error = DecodeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        if self.shape.groups.is_empty() {
            return self.record().deserialize_any(visitor);
        }
        self.record().check_len()?;
        visitor.visit_map(Groups { row: self, at: 0 })
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_any(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        if self.shape.groups.is_empty() {
            return self.record().deserialize_struct(name, fields, visitor);
        }
        self.deserialize_any(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        if self.shape.groups.is_empty() {
            return self.record().deserialize_seq(visitor);
        }
        self.record().check_len()?;
        visitor.visit_seq(Groups { row: self, at: 0 })
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.record().deserialize_option(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.record().deserialize_enum(name, variants, visitor)
    }

    to_single_row! {
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128 deserialize_f32
        deserialize_f64 deserialize_char deserialize_str deserialize_string deserialize_bytes
        deserialize_byte_buf
    }

    serde::forward_to_deserialize_any! { unit unit_struct identifier ignored_any }
}

/// A joined row's tables, by name or by position.
struct Groups<'a> {
    row: RowDe<'a>,
    at: usize,
}

impl<'a> Groups<'a> {
    fn group(&self, i: usize) -> RecordDe<'a> {
        let g = &self.row.shape.groups[i];
        RecordDe {
            src: Source::Cells(&self.row.cells[g.start..g.end]),
            columns: &self.row.shape.columns[g.start..g.end],
            nullable: g.nullable,
            what: &g.name,
        }
    }
}

impl<'de> MapAccess<'de> for Groups<'_> {
    type Error = DecodeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DecodeError> {
        match self.row.shape.groups.get(self.at) {
            Some(g) => seed
                .deserialize(g.name.as_ref().into_deserializer())
                .map(Some),
            None => Ok(None),
        }
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<S::Value, DecodeError> {
        let g = self.group(self.at);
        self.at += 1;
        seed.deserialize(g)
    }
}

impl<'de> SeqAccess<'de> for Groups<'_> {
    type Error = DecodeError;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, DecodeError> {
        if self.at >= self.row.shape.groups.len() {
            return Ok(None);
        }
        let g = self.group(self.at);
        self.at += 1;
        seed.deserialize(g).map(Some)
    }
}
