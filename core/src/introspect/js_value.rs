//! What drizzle-kit's JavaScript makes of a catalog's text: whether it reads
//! a default as a number, and the number `JSON.stringify` then writes.
//! Shared by the SQLite and PostgreSQL readers.

use alloc::format;
use alloc::string::ToString;

use serde_json::{Number, Value as Json};

/// drizzle-kit's test `/^-?[\d.]+(?:e-?\d+)?$/`.
pub(super) fn looks_numeric(text: &str) -> bool {
    let s = text.strip_prefix('-').unwrap_or(text);
    let (mantissa, exponent) = match s.split_once('e') {
        Some((m, e)) => (m, Some(e.strip_prefix('-').unwrap_or(e))),
        None => (s, None),
    };
    let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
    !mantissa.is_empty()
        && mantissa.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && match exponent {
            Some(e) => digits(e),
            None => true,
        }
}

/// JavaScript's `Number(text)` as `JSON.stringify` writes it (NaN `null`).
pub(super) fn js_number(text: &str) -> Json {
    if let Ok(i) = text.parse::<i64>() {
        if i.unsigned_abs() < (1 << 53) {
            return Json::Number(Number::from(i));
        }
    }
    let Ok(f) = text.parse::<f64>() else {
        return Json::Null;
    };
    if !f.is_finite() {
        return Json::Null;
    }
    let a = f.abs();
    let s = if a != 0.0 && !(1e-6..1e21).contains(&a) {
        let e = format!("{f:e}");
        match e.split_once('e') {
            Some((m, x)) if !x.starts_with('-') => format!("{m}e+{x}"),
            _ => e,
        }
    } else if f == 0.0 {
        "0".to_string()
    } else {
        format!("{f}")
    };
    serde_json::from_str::<Number>(&s)
        .map(Json::Number)
        .unwrap_or(Json::Null)
}
