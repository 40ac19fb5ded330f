//! One value as read, from a host's cell or from a relational query's JSON, before its codec applies.

use crate::cell::Cell;

/// A value before decoding.
#[derive(Debug, Clone, Copy)]
pub enum Scalar<'a> {
    Null,
    Int(i64),
    Real(f64),
    Bool(bool),
    Text(&'a str),
    Bytes(&'a [u8]),
    /// A parsed JSON document: an array or object inside a relational row, or a protocol's JSON cell.
    Json(&'a serde_json::Value),
}

impl<'a> Scalar<'a> {
    pub fn of_cell(c: &'a Cell) -> Scalar<'a> {
        match c {
            Cell::Null => Scalar::Null,
            Cell::Integer(i) => Scalar::Int(*i),
            Cell::Real(f) => Scalar::Real(*f),
            Cell::Text(s) => Scalar::Text(s),
            Cell::Bytes(b) => Scalar::Bytes(b),
            Cell::Bool(b) => Scalar::Bool(*b),
            Cell::Json(v) => Scalar::Json(v),
        }
    }

    pub fn of_json(v: &'a serde_json::Value) -> Scalar<'a> {
        use serde_json::Value as J;
        match v {
            J::Null => Scalar::Null,
            J::Bool(b) => Scalar::Bool(*b),
            J::Number(n) => match n.as_i64() {
                Some(i) => Scalar::Int(i),
                None => Scalar::Real(n.as_f64().unwrap_or(f64::NAN)),
            },
            J::String(s) => Scalar::Text(s),
            J::Array(_) | J::Object(_) => Scalar::Json(v),
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Scalar::Null)
    }
}
