//! One column's value as a Worker's SQL host gives it back, read without guessing from serde:
//!
//! - D1 and Durable Objects return every INTEGER and REAL as a JS number: an integral one within
//!   ±(2^53-1) is an [`Cell::Integer`], any other a [`Cell::Real`] (a stored 2^53+1 arrives already
//!   rounded: the host's limit, which only a text column avoids);
//! - a blob is a JS Array of numbers on D1 and an `ArrayBuffer` on a Durable Object (serde reads neither
//!   into `Vec<u8>` the same way): both are [`Cell::Bytes`];
//! - `null` and `undefined` are NULL.

use crate::Error;

/// A column value as read.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Integer(i64),
    Real(f64),
    Text(String),
    Bytes(Vec<u8>),
    /// PostgreSQL's `boolean` (SQLite hosts give 0/1).
    Bool(bool),
    /// A JSON document the protocol already parsed (PostgreSQL `json`/`jsonb`, arrays).
    Json(serde_json::Value),
}

const MAX_SAFE: f64 = crate::MAX_SAFE_INTEGER as f64;

impl Cell {
    /// A JS number.
    pub fn from_number(n: f64) -> Cell {
        if n.fract() == 0.0 && n.abs() <= MAX_SAFE {
            Cell::Integer(n as i64)
        } else {
            Cell::Real(n)
        }
    }

    /// D1's blob: an array whose items must each be a byte.
    pub fn from_byte_numbers(items: &[f64], column: usize) -> Result<Cell, Error> {
        items
            .iter()
            .map(|n| {
                let byte = n.fract() == 0.0 && (0.0..=255.0).contains(n);
                byte.then_some(*n as u8).ok_or_else(|| Error::Cell {
                    column,
                    reason: format!("an array holding {n}, not a blob's byte"),
                })
            })
            .collect::<Result<Vec<u8>, Error>>()
            .map(Cell::Bytes)
    }
}

impl Cell {
    /// A value of a D1 batch's row object, as the `worker` crate's serde gives it (a blob is an array
    /// of byte numbers there too).
    pub fn from_json(v: &serde_json::Value, column: usize) -> Result<Cell, Error> {
        use serde_json::Value as J;
        match v {
            J::Null => Ok(Cell::Null),
            J::Bool(b) => Ok(Cell::Integer((*b).into())),
            J::Number(n) => Ok(Cell::from_number(n.as_f64().unwrap_or(f64::NAN))),
            J::String(s) => Ok(Cell::Text(s.clone())),
            J::Array(items) => {
                let nums: Option<Vec<f64>> = items.iter().map(J::as_f64).collect();
                nums.map_or_else(
                    || {
                        Err(Error::Cell {
                            column,
                            reason: "an array of non-numbers".into(),
                        })
                    },
                    |n| Cell::from_byte_numbers(&n, column),
                )
            }
            J::Object(_) => Err(Error::Cell {
                column,
                reason: "an object".into(),
            }),
        }
    }
}

#[cfg(target_arch = "wasm32")]
impl Cell {
    /// The value a host returned for column `column`.
    pub fn from_js(v: &wasm_bindgen::JsValue, column: usize) -> Result<Cell, Error> {
        use wasm_bindgen::JsCast;
        if v.is_null() || v.is_undefined() {
            return Ok(Cell::Null);
        }
        if let Some(n) = v.as_f64() {
            return Ok(Cell::from_number(n));
        }
        if let Some(s) = v.as_string() {
            return Ok(Cell::Text(s));
        }
        if let Some(b) = v.dyn_ref::<js_sys::ArrayBuffer>() {
            return Ok(Cell::Bytes(js_sys::Uint8Array::new(b).to_vec()));
        }
        if let Some(b) = v.dyn_ref::<js_sys::Uint8Array>() {
            return Ok(Cell::Bytes(b.to_vec()));
        }
        if let Some(a) = v.dyn_ref::<js_sys::Array>() {
            let items: Option<Vec<f64>> = a.iter().map(|x| x.as_f64()).collect();
            if let Some(items) = items {
                return Cell::from_byte_numbers(&items, column);
            }
        }
        Err(Error::Cell {
            column,
            reason: format!("a {} value", v.js_typeof().as_string().unwrap_or_default()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_integers_when_exact() {
        assert_eq!(Cell::from_number(3.0), Cell::Integer(3));
        assert_eq!(Cell::from_number(-0.0), Cell::Integer(0));
        assert_eq!(
            Cell::from_number(MAX_SAFE),
            Cell::Integer(9_007_199_254_740_991)
        );
        assert_eq!(Cell::from_number(1.5), Cell::Real(1.5));
        // 2^53: no longer exact, so not claimed as an integer.
        assert_eq!(
            Cell::from_number(MAX_SAFE + 1.0),
            Cell::Real(MAX_SAFE + 1.0)
        );
        assert!(matches!(Cell::from_number(f64::NAN), Cell::Real(_)));
    }

    #[test]
    fn d1_blobs_are_arrays_of_bytes() {
        assert_eq!(
            Cell::from_byte_numbers(&[0.0, 255.0], 0).unwrap(),
            Cell::Bytes(vec![0, 255])
        );
        assert_eq!(
            Cell::from_byte_numbers(&[], 0).unwrap(),
            Cell::Bytes(vec![])
        );
        for bad in [256.0, -1.0, 1.5] {
            let e = Cell::from_byte_numbers(&[1.0, bad], 4).unwrap_err();
            assert!(matches!(e, Error::Cell { column: 4, .. }), "{e:?}");
        }
    }
}
