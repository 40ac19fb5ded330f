//! The golden vectors of `tests/fixtures/protocol/*.json` through the core's
//! codecs (`mizzle_core::protocol`): each response body, exactly as the
//! fixture holds it, must decode to the vector's rows. The TypeScript drivers'
//! decoders read the same files (`npm-package/test/unit/protocol-vectors.test.ts`),
//! so both sides answer to one expectation; the cell vocabulary is in the
//! fixtures' README.md. A cell listed under `differences` for side `rust` must
//! decode to its `got` instead (and the test says so), so fixing a known
//! difference fails here until its mark is removed.

use std::collections::HashMap;
use std::path::PathBuf;

use mizzle_core::protocol::serde_json::{self, value::RawValue, Value as Json};
use mizzle_core::protocol::{neon, planetscale, Cell, TemporalKind};

fn fixtures() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fixtures/protocol");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// Whether `cell` is what the description `want` says (README.md's vocabulary).
fn matches(cell: &Cell, want: &Json) -> bool {
    let tagged = |key: &str| want.as_object().filter(|o| o.len() == 1)?.get(key);
    let text = |key: &str| tagged(key).and_then(Json::as_str);
    let temporal = |kind: TemporalKind, key: &str| match cell {
        Cell::Temporal(k, t) => *k == kind && Some(t.as_str()) == text(key),
        _ => false,
    };
    match want {
        Json::Null => *cell == Cell::Null,
        Json::Bool(b) => *cell == Cell::Bool(*b),
        Json::String(s) => *cell == Cell::Text(s.clone()),
        // An integer literal is an integer cell; one with a point or an exponent a float.
        Json::Number(n) if n.as_str().bytes().all(|b| b == b'-' || b.is_ascii_digit()) => {
            n.as_str().parse().is_ok_and(|i: i64| *cell == Cell::Int(i))
        }
        Json::Number(n) => n.as_f64().is_some_and(|f| *cell == Cell::Float(f)),
        Json::Array(items) => match cell {
            Cell::Array(cells) => {
                cells.len() == items.len() && cells.iter().zip(items).all(|(c, w)| matches(c, w))
            }
            _ => false,
        },
        Json::Object(_) => {
            if let Some(t) = text("int64") {
                // A 64-bit integer: `Int`, or its exact text when over i64 (UINT64).
                return match t.parse::<i64>() {
                    Ok(i) => *cell == Cell::Int(i),
                    Err(_) => *cell == Cell::Numeric(t.into()),
                };
            }
            if let Some(t) = text("float") {
                return match (cell, t) {
                    (Cell::Float(f), "NaN") => f.is_nan(),
                    (Cell::Float(f), "Infinity") => *f == f64::INFINITY,
                    (Cell::Float(f), "-Infinity") => *f == f64::NEG_INFINITY,
                    _ => false,
                };
            }
            if let Some(t) = text("numeric") {
                return *cell == Cell::Numeric(t.into());
            }
            if let Some(hex) = text("bytes") {
                return *cell == Cell::Bytes(unhex(hex));
            }
            if let Some(j) = tagged("json") {
                // Both sides parsed with arbitrary_precision: digits compare exactly.
                return *cell == Cell::Json(j.clone());
            }
            for (key, kind) in [
                ("date", TemporalKind::Date),
                ("time", TemporalKind::Time),
                ("timetz", TemporalKind::TimeTz),
                ("timestamp", TemporalKind::Timestamp),
                ("timestamptz", TemporalKind::TimestampTz),
                ("interval", TemporalKind::Interval),
            ] {
                if text(key).is_some() {
                    return temporal(kind, key);
                }
            }
            panic!("unknown cell description {want}")
        }
    }
}

fn unhex(hex: &str) -> Vec<u8> {
    assert!(hex.len().is_multiple_of(2), "odd hex {hex:?}");
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex"))
        .collect()
}

/// The column names and decoded rows of a body.
fn decode(protocol: &str, body: &str) -> (Vec<String>, Vec<Vec<Cell>>) {
    match protocol {
        "neon" => {
            let r = neon::parse_response(200, body).expect("the body parses");
            let names = r.fields.iter().map(|f| f.name.clone()).collect();
            (names, r.decode_rows().expect("the rows decode"))
        }
        "planetscale" => {
            let r = planetscale::parse_response(200, body).expect("the body parses");
            let names = r.fields.iter().map(|f| f.name.clone()).collect();
            (names, r.decode_rows().expect("the rows decode"))
        }
        other => panic!("unknown protocol {other:?}"),
    }
}

#[test]
fn golden_vectors_decode_to_their_rows() {
    let files = fixtures();
    assert!(
        files.len() >= 4,
        "expected the protocol fixtures, found {}",
        files.len()
    );
    let (mut cells, mut known) = (0, 0);
    for (name, text) in &files {
        // Top-level members as raw text, so `body` reaches the codec exactly as written.
        let members: HashMap<String, &RawValue> =
            serde_json::from_str(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let member = |k: &str| -> Json {
            serde_json::from_str(
                members
                    .get(k)
                    .unwrap_or_else(|| panic!("{name}: no {k}"))
                    .get(),
            )
            .unwrap()
        };
        let protocol = member("protocol");
        let body = members.get("body").expect("a body").get();
        let (names, rows) = decode(protocol.as_str().unwrap(), body);
        let columns: Vec<String> = serde_json::from_value(member("columns")).unwrap();
        assert_eq!(names, columns, "{name}: column names");
        let want_rows = member("rows");
        let want_rows = want_rows.as_array().unwrap();
        assert_eq!(rows.len(), want_rows.len(), "{name}: row count");
        let differences = member("differences");
        for (r, (row, want_row)) in rows.iter().zip(want_rows).enumerate() {
            let want_row = want_row.as_array().unwrap();
            assert_eq!(row.len(), want_row.len(), "{name}: row {r} width");
            for (c, (cell, want)) in row.iter().zip(want_row).enumerate() {
                let column = &columns[c];
                let mark = differences.as_array().unwrap().iter().find(|d| {
                    d["side"] == "rust" && d["row"] == r && d["column"] == column.as_str()
                });
                cells += 1;
                match mark {
                    Some(d) => {
                        known += 1;
                        assert!(
                            matches(cell, &d["got"]),
                            "{name}: row {r} {column}: marked as a known Rust difference decoding to {}, \
                             but decodes to {cell:?} (expected {want}): update or remove the mark",
                            d["got"]
                        );
                        println!(
                            "{name}: row {r} {column}: known difference (Rust): {}",
                            d["why"]
                        );
                    }
                    None => assert!(
                        matches(cell, want),
                        "{name}: row {r} {column}: decoded {cell:?}, expected {want}"
                    ),
                }
            }
        }
    }
    println!(
        "{} vectors, {cells} cells, {known} known Rust differences",
        files.len()
    );
}
