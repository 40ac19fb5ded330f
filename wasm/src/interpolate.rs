//! `interpolate`: a compiled statement's placeholders replaced by literals,
//! for protocols without server-side parameters (PlanetScale). The escaping
//! is mizzle-core's one literal writer; this file only decodes the values.

use mizzle_core::render::{self, Literal};
use mizzle_core::{DialectKind, Value};
use wasm_bindgen::prelude::*;

use crate::error;

/// One decoded value: a core value, or a number the host wrote as text.
enum Item<'a> {
    Value(Value),
    Number(&'a str),
}

/// Reads the values buffer (README.md, "interpolate").
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
    while i < buf.len() {
        let tag = take(&mut i, 1)?[0];
        out.push(match tag {
            0 => Item::Value(Value::Null),
            1 => Item::Value(Value::Int(i64::from_le_bytes(
                take(&mut i, 8)?.try_into().map_err(|_| "int")?,
            ))),
            3..=5 => {
                let n =
                    u32::from_le_bytes(take(&mut i, 4)?.try_into().map_err(|_| "length")?) as usize;
                let bytes = take(&mut i, n)?;
                match tag {
                    3 => Item::Value(Value::Text(String::from(
                        core::str::from_utf8(bytes).map_err(|_| "text is not UTF-8")?,
                    ))),
                    4 => Item::Value(Value::Blob(bytes.to_vec())),
                    _ => Item::Number(
                        core::str::from_utf8(bytes).map_err(|_| "number is not ASCII")?,
                    ),
                }
            }
            6 => Item::Value(Value::Bool(take(&mut i, 1)?[0] != 0)),
            _ => return Err("unknown value tag"),
        });
    }
    Ok(out)
}

/// `sql` with the placeholders at byte `offsets` (from `slots()`) replaced by
/// `values` as literals of `dialect` (0 sqlite, 1 postgres, 2 mysql).
#[wasm_bindgen]
pub fn interpolate(
    dialect: u8,
    sql: &str,
    offsets: &[u32],
    values: &[u8],
) -> Result<String, JsValue> {
    let dialect = match dialect {
        0 => DialectKind::Sqlite,
        1 => DialectKind::Postgres,
        2 => DialectKind::MySql,
        _ => return Err(error::protocol("unknown dialect")),
    };
    let items = decode(values).map_err(error::protocol)?;
    let literals: Vec<Literal<'_>> = items
        .iter()
        .map(|it| match it {
            Item::Value(v) => Literal::Value(v),
            Item::Number(s) => Literal::Number(s),
        })
        .collect();
    let offsets: Vec<usize> = offsets.iter().map(|&o| o as usize).collect();
    render::interpolate(sql, &offsets, &literals, dialect).map_err(|e| error::from_core(&e))
}
