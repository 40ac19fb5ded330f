//! Property tests: every parser takes arbitrary (hostile) input without
//! panicking, and every writer's output reads back to what was written.
//! (serde_json and base64 have their own suites; these check how the codecs
//! use them: truncation noticed, strings escaped, sessions echoed, rows split.)

extern crate std;

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use alloc::{format, vec};

use proptest::prelude::*;

use base64::Engine as _;
use serde_json::Value as Json;

use super::planetscale::decode_base64;
use super::{neon, parse_json, pg_array, planetscale, push_json_string, Cell};
use crate::value::Value;

/// A number as the given text (what a server may write, digits beyond f64 included).
fn number(text: String) -> Json {
    Json::Number(
        parse_json(&text)
            .ok()
            .and_then(|v| match v {
                Json::Number(n) => Some(n),
                _ => None,
            })
            .unwrap_or_else(|| 0.into()),
    )
}

/// Arbitrary JSON values, a few levels deep.
fn json_value() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        any::<i64>().prop_map(|n| number(format!("{n}"))),
        any::<u128>().prop_map(|n| number(format!("{n}"))),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| number(format!("{f:e}"))),
        any::<String>().prop_map(Json::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Json::Array),
            prop::collection::vec((any::<String>(), inner), 0..8)
                .prop_map(|members| Json::Object(members.into_iter().collect())),
        ]
    })
}

/// Text biased towards JSON's and the protocols' special characters, so
/// mutations hit the interesting branches more often than random Unicode.
fn jsonish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(vec![
                "{",
                "}",
                "[",
                "]",
                ",",
                ":",
                "\"",
                "\\",
                "\\u",
                "d800",
                "dc00",
                "null",
                "true",
                "-",
                "0",
                "1e",
                ".",
                "\"lengths\"",
                "\"values\"",
                "\"fields\"",
                "\"rows\"",
                "\"result\"",
                " ",
                "\n",
                "\u{0}",
                "é",
                "NULL",
                "=",
                "\\x",
            ])
            .prop_map(String::from),
            any::<char>().prop_map(String::from),
        ],
        0..48,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn json_never_panics(s in jsonish()) {
        let _ = parse_json(&s);
    }

    #[test]
    fn json_round_trips(v in json_value()) {
        let text = v.to_string();
        prop_assert_eq!(parse_json(&text).unwrap(), v);
    }

    #[test]
    fn json_strings_round_trip(s in any::<String>()) {
        let mut out = String::new();
        push_json_string(&mut out, &s);
        prop_assert_eq!(parse_json(&out).unwrap(), Json::String(s));
    }

    /// Every prefix of a valid document is an error (never a panic, never
    /// a different value): a truncated body is always noticed.
    #[test]
    fn truncated_json_is_an_error(v in json_value()) {
        let text = v.to_string();
        for cut in 0..text.len() {
            if !text.is_char_boundary(cut) {
                continue;
            }
            let prefix = &text[..cut];
            // A bare number's prefix can itself be a number ("12" of "123").
            if matches!(v, Json::Number(_)) {
                let _ = parse_json(prefix);
            } else {
                prop_assert!(parse_json(prefix).is_err(), "{:?}", prefix);
            }
        }
    }

    #[test]
    fn base64_round_trips(b in prop::collection::vec(any::<u8>(), 0..64)) {
        let e = base64::engine::general_purpose::STANDARD.encode(&b);
        prop_assert_eq!(decode_base64(&e).unwrap(), b.clone());
        prop_assert_eq!(decode_base64(e.trim_end_matches('=')).unwrap(), b);
    }

    #[test]
    fn base64_never_panics(s in "[A-Za-z0-9+/=!_ -]{0,24}") {
        if let Ok(b) = decode_base64(&s) {
            // Only canonical text decodes: it re-encodes to itself, with its padding
            // complete or absent.
            let again = base64::engine::general_purpose::STANDARD.encode(&b);
            prop_assert!(s == again || s == again.trim_end_matches('='), "{:?} -> {:?}", s, again);
        }
    }

    #[test]
    fn pg_arrays_never_panic(s in jsonish()) {
        let _ = pg_array::parse(&s);
        for oid in [1000, 1001, 1007, 1009, 1022, 3807] {
            let _ = neon::decode_text(oid, &s);
        }
    }

    #[test]
    fn pg_text_arrays_round_trip(items in prop::collection::vec(prop::option::of(any::<String>()), 0..8)) {
        // Quote every element as PostgreSQL's array output does.
        let mut lit = String::from("{");
        for (i, it) in items.iter().enumerate() {
            if i > 0 { lit.push(','); }
            match it {
                None => lit.push_str("NULL"),
                Some(s) => {
                    lit.push('"');
                    for c in s.chars() {
                        if c == '"' || c == '\\' { lit.push('\\'); }
                        lit.push(c);
                    }
                    lit.push('"');
                }
            }
        }
        lit.push('}');
        let want: Vec<Cell> = items.into_iter().map(|i| i.map_or(Cell::Null, Cell::Text)).collect();
        prop_assert_eq!(neon::decode_text(1009, &lit).unwrap(), Cell::Array(want));
    }

    #[test]
    fn neon_decoders_never_panic(oid in prop::sample::select(vec![
        16u32, 17, 20, 21, 23, 25, 26, 114, 700, 701, 1082, 1184, 1700, 3802, 1016, 1001, 0,
    ]), s in jsonish()) {
        let _ = neon::decode_text(oid, &s);
    }

    #[test]
    fn neon_responses_never_panic(s in jsonish(), status in prop::sample::select(vec![200u16, 400, 401, 413, 500, 507])) {
        let _ = neon::parse_response(status, &s);
        let _ = neon::parse_batch_response(status, &s);
    }

    #[test]
    fn neon_params_round_trip(
        sql in any::<String>(),
        ints in prop::collection::vec(any::<i64>(), 0..4),
        floats in prop::collection::vec(any::<f64>(), 0..4),
        texts in prop::collection::vec(any::<String>(), 0..4),
    ) {
        let mut params: Vec<Value> = ints.iter().map(|&i| Value::Int(i)).collect();
        params.extend(floats.iter().map(|&f| Value::Float(f)));
        params.extend(texts.iter().cloned().map(Value::Text));
        let body = parse_json(&neon::query_body(&sql, &params)).unwrap();
        prop_assert_eq!(body.get("query").and_then(Json::as_str), Some(sql.as_str()));
        let sent = body.get("params").and_then(Json::as_array).unwrap();
        prop_assert_eq!(sent.len(), params.len());
        for (p, s) in params.iter().zip(sent) {
            let s = s.as_str().unwrap();
            match p {
                // The text reads back as the same number, as the server would.
                Value::Int(i) => prop_assert_eq!(s.parse::<i64>().unwrap(), *i),
                Value::Float(f) => {
                    let back = neon::decode_text(701, s).unwrap();
                    let Cell::Float(b) = back else { panic!() };
                    prop_assert!(b == *f || (b.is_nan() && f.is_nan()));
                }
                Value::Text(t) => prop_assert_eq!(s, t.as_str()),
                _ => unreachable!(),
            }
        }
    }

    /// Rows built with arbitrary lengths against arbitrary values: either
    /// they add up exactly and split back, or they are an error.
    #[test]
    fn planetscale_rows(
        values in prop::collection::vec(any::<u8>(), 0..32),
        lengths in prop::collection::vec(-3i64..40, 0..5),
    ) {
        let fields: Vec<String> = (0..lengths.len())
            .map(|i| format!(r#"{{"name":"c{i}","type":"VARBINARY"}}"#))
            .collect();
        let lens: Vec<String> = lengths.iter().map(|l| format!("\"{l}\"")).collect();
        let body = format!(
            r#"{{"session":{{}},"result":{{"fields":[{}],"rows":[{{"lengths":[{}],"values":"{}"}}]}}}}"#,
            fields.join(","), lens.join(","), base64::engine::general_purpose::STANDARD.encode(&values)
        );
        let sum: i64 = lengths.iter().filter(|&&l| l >= 0).sum();
        let valid = lengths.iter().all(|&l| l >= -1) && sum == values.len() as i64;
        match planetscale::parse_execute(&body) {
            Ok(r) => {
                prop_assert!(valid);
                let joined: Vec<u8> = r.rows[0].iter().flatten().flatten().copied().collect();
                prop_assert_eq!(joined, values);
                prop_assert_eq!(r.rows[0].iter().filter(|c| c.is_none()).count(),
                    lengths.iter().filter(|&&l| l == -1).count());
            }
            Err(_) => prop_assert!(!valid),
        }
    }

    #[test]
    fn planetscale_responses_never_panic(s in jsonish(), status in prop::sample::select(vec![200u16, 400, 401, 500])) {
        let _ = planetscale::parse_response(status, &s);
        let _ = planetscale::parse_session(status, &s);
    }

    #[test]
    fn planetscale_decoders_never_panic(
        t in prop::sample::select(vec!["INT64", "UINT64", "DECIMAL", "FLOAT64", "JSON", "VARCHAR", "BLOB", "DATETIME", "NULL", "WEIRD"]),
        charset in prop::sample::select(vec![0u32, 63, 255]),
        b in prop::collection::vec(any::<u8>(), 0..16),
    ) {
        let f = planetscale::Field { type_name: t.into(), charset, ..Default::default() };
        let _ = planetscale::decode_value(&f, &b);
    }

    /// The session goes back to the server exactly as received.
    #[test]
    fn planetscale_session_echo(v in json_value(), sql in any::<String>()) {
        let body = parse_json(&planetscale::execute_body(&sql, Some(&v))).unwrap();
        prop_assert_eq!(body.get("session"), Some(&v));
        prop_assert_eq!(body.get("query").and_then(Json::as_str), Some(sql.as_str()));
    }
}
