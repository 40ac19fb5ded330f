//! Wire codecs for the HTTP database protocols: Neon's SQL over HTTP and
//! PlanetScale's HTTP API (cargo feature `protocol`, off by default: nothing
//! shipped calls them until a Rust Workers driver does).
//!
//! Everything here is pure: functions build request headers and JSON bodies
//! and parse response bodies, and the caller brings its own `fetch` (a
//! workers-rs Worker, `reqwest`, a test). Nothing is sent from here, so the
//! same code runs in a Worker, a browser and natively.
//!
//! ```
//! use mizzle_core::protocol::{neon, Cell};
//! use mizzle_core::Value;
//!
//! let body = neon::query_body("select $1::int8 as n", &[Value::Int(1)]);
//! assert_eq!(body, r#"{"query":"select $1::int8 as n","params":["1"]}"#);
//! // ... POST it with `neon::headers(..)`, then:
//! let reply = r#"{"command":"SELECT","rowCount":1,"rowAsArray":true,
//!   "fields":[{"name":"n","dataTypeID":20}],"rows":[["1"]]}"#;
//! let result = neon::parse_response(200, reply).unwrap();
//! assert_eq!(result.decode_rows().unwrap(), vec![vec![Cell::Int(1)]]);
//! ```
//!
//! JSON is `serde_json` (no_std + alloc) with `arbitrary_precision`, so a
//! number keeps its digits (int8, `BIGINT UNSIGNED`, decimals, the
//! PlanetScale session echoed back; only an exponent is respelled, `1E5` as
//! `1e+5`), and `preserve_order`, so objects keep
//! the server's key order; base64 is the `base64` crate. The crate is
//! re-exported as [`serde_json`] so callers name the same `Value`.
//!
//! Hostile or broken responses (truncated JSON, wrong types, lengths that do
//! not add up, bad base64, invalid UTF-8) are a [`ProtocolError`], never a
//! panic.

mod cell;
mod error;
pub mod neon;
mod pg_array;
pub mod planetscale;

pub use cell::{Cell, TemporalKind};
pub use error::ProtocolError;
pub use serde_json;

use alloc::string::String;
use serde_json::Value as Json;

/// Parses a JSON text (nesting bounded by serde_json's limit of 128, which
/// also bounds its recursion on hostile input).
pub(crate) fn parse_json(text: &str) -> Result<Json, serde_json::Error> {
    serde_json::from_str(text)
}

/// Appends `s` as a JSON string literal: `"` and `\` escaped, control
/// characters as `\n` or `\u00XX`, everything else as is.
pub(crate) fn push_json_string(out: &mut String, s: &str) {
    // Serialising a `str` has no failure case (no I/O, no map keys).
    if let Ok(lit) = serde_json::to_string(s) {
        out.push_str(&lit);
    }
}

/// A number's exact text (`arbitrary_precision` keeps it as written).
pub(crate) fn number_text(v: &Json) -> Option<&str> {
    match v {
        Json::Number(n) => Some(n.as_str()),
        _ => None,
    }
}

#[cfg(test)]
mod fuzz;

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn strings_are_escaped_as_json() {
        let mut out = String::new();
        push_json_string(&mut out, "a\"b\\c\n\u{1}\u{2028}é/");
        assert_eq!(out, "\"a\\\"b\\\\c\\n\\u0001\u{2028}é/\"");
    }

    #[test]
    fn numbers_keep_their_digits_and_objects_their_order() {
        let t = r#"{"z":[9223372036854775807123,0.10000000000000000000001,2.50,1E400],"a":null}"#;
        let v = parse_json(t).unwrap();
        // Digits are kept; only an exponent's spelling is normalised (`1E400` -> `1e+400`).
        assert_eq!(v.to_string(), t.replace("1E400", "1e+400"));
        assert_eq!(number_text(&v["z"][2]), Some("2.50"));
        // Truncated, nested too deeply, lone surrogates: errors, not panics.
        for bad in ["{\"a\":", "\"\\ud800\"", "\"a\nb\"", "1 2", "01"] {
            assert!(parse_json(bad).is_err(), "{bad:?}");
        }
        assert!(parse_json(&"[".repeat(129)).is_err());
        let ok = "[".repeat(127) + &"]".repeat(127);
        assert!(parse_json(&ok).is_ok());
    }
}
