//! `interpolate`: a compiled statement's placeholders replaced by literals,
//! for protocols without server-side parameters (PlanetScale). The escaping
//! is mizzle-core's one literal writer; this file only decodes the values.

use mizzle_core::render::{self, Literal};
use mizzle_core::Value;
use wasm_bindgen::prelude::*;

use crate::error;
use crate::wire::{Dialect, ValueTag};

/// One decoded value: a core value, or a number the host wrote as text.
enum Item<'a> {
    Value(Value),
    Number(&'a str),
}

/// Reads the values buffer (README.md, "interpolate"): the `ValueTag`s
/// null, number, text, blob, bigint, bool and decimal.
fn decode(buf: &[u8]) -> Result<Vec<Item<'_>>, &'static str> {
    let mut out = Vec::new();
    let mut i = 0;
    let take = |i: &mut usize, n: usize| -> Result<&[u8], &'static str> {
        let end = i
            .checked_add(n)
            .filter(|&e| e <= buf.len())
            .ok_or("values end early")?;
        let s = &buf[*i..end];
        *i = end;
        Ok(s)
    };
    let eight = |i: &mut usize| -> Result<[u8; 8], &'static str> {
        take(i, 8)?.try_into().map_err(|_| "values end early")
    };
    while i < buf.len() {
        let tag = ValueTag::from_repr(take(&mut i, 1)?[0]).ok_or("unknown value tag")?;
        out.push(match tag {
            ValueTag::Null => Item::Value(Value::Null),
            ValueTag::Number => {
                let v = f64::from_le_bytes(eight(&mut i)?);
                // Only integers a JS number holds exactly; floats travel as decimal text.
                if !(v.fract() == 0.0 && v.abs() <= MAX_SAFE_INTEGER) {
                    return Err("a number value must be a safe integer");
                }
                Item::Value(Value::Int(v as i64))
            }
            ValueTag::BigInt => Item::Value(Value::Int(i64::from_le_bytes(eight(&mut i)?))),
            ValueTag::Bool => Item::Value(Value::Bool(take(&mut i, 1)?[0] != 0)),
            ValueTag::Text | ValueTag::Blob | ValueTag::Decimal => {
                let n =
                    u32::from_le_bytes(take(&mut i, 4)?.try_into().map_err(|_| "length")?) as usize;
                let bytes = take(&mut i, n)?;
                match tag {
                    ValueTag::Text => Item::Value(Value::Text(String::from(
                        core::str::from_utf8(bytes).map_err(|_| "text is not UTF-8")?,
                    ))),
                    ValueTag::Blob => Item::Value(Value::Blob(bytes.to_vec())),
                    _ => Item::Number(
                        core::str::from_utf8(bytes).map_err(|_| "number is not ASCII")?,
                    ),
                }
            }
            ValueTag::Float | ValueTag::Date => {
                return Err("interpolate takes floats and dates as text")
            }
        });
    }
    Ok(out)
}

/// `Number.MAX_SAFE_INTEGER` as a float.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// `sql` with the placeholders at byte `offsets` (from `slots()`) replaced by
/// `values` as literals of `dialect` (0 sqlite, 1 postgres, 2 mysql 8, 3 mariadb: the same literals).
#[wasm_bindgen]
pub fn interpolate(
    dialect: u8,
    sql: &str,
    offsets: &[u32],
    values: &[u8],
) -> Result<String, JsValue> {
    interpolate_with(dialect, sql, offsets, values).map_err(|e| match e {
        InterpolateError::Input(what) => error::engine_input(what),
        InterpolateError::Render(e) => error::from_core(&e),
    })
}

/// Why `interpolate` failed: an unreadable values buffer or dialect, or core's refusal.
#[derive(Debug)]
pub(crate) enum InterpolateError {
    Input(&'static str),
    Render(mizzle_core::Error),
}

/// Pure form of [`interpolate`] (no `JsValue`), for native tests and the fuzz crate.
pub(crate) fn interpolate_with(
    dialect: u8,
    sql: &str,
    offsets: &[u32],
    values: &[u8],
) -> Result<String, InterpolateError> {
    let dialect = Dialect::from_repr(dialect)
        .ok_or(InterpolateError::Input("unknown dialect"))?
        .kind();
    let items = decode(values).map_err(InterpolateError::Input)?;
    let literals: Vec<Literal<'_>> = items
        .iter()
        .map(|it| match it {
            Item::Value(v) => Literal::Value(v),
            Item::Number(s) => Literal::Number(s),
        })
        .collect();
    let offsets: Vec<usize> = offsets.iter().map(|&o| o as usize).collect();
    render::interpolate(sql, &offsets, &literals, dialect).map_err(InterpolateError::Render)
}
