//! `neon_rows` / `planetscale_rows` (`protocol` feature): a whole HTTP
//! response body parsed by mizzle-core's protocol codecs
//! (`mizzle_core::protocol::{neon, planetscale}`) and handed to JS as one
//! rows buffer (`crate::rows_buffer`, README.md "Rows"). It exists for the
//! benchmark in `tests/bench/lib/http-decode.mjs` (JS path vs this path); no
//! shipped build enables it.
//!
//! Cells map to the buffer's tags: NULL 0; `Int` 1 (5 beyond 2^53); `Float`
//! 2; `Bool` 6; `Bytes` 4; `Text`, `Numeric` and `Temporal` 3 (the server's
//! text); `Json` 3 as compact JSON text (the buffer has no JSON tag: JS
//! parses it); `Array` is an `unsupported` error (no array tag either).

use core::fmt::Write as _;

use mizzle_core::protocol::{neon, planetscale, Cell, ProtocolError};
use wasm_bindgen::prelude::*;

use crate::error::js_error;
use crate::rows_buffer::{RowsWriter, TooLong};

/// Why a body could not become a rows buffer.
#[derive(Debug, PartialEq)]
pub(crate) enum RowsError {
    /// The body is malformed or a value does not parse as its type.
    Protocol(ProtocolError),
    /// The database refused the statement (PlanetScale's `{"error": ...}`
    /// with status 200): its code (SQLSTATE when the message has one).
    Database { code: String, message: String },
    /// A cell the rows buffer has no tag for (a PostgreSQL array).
    Unsupported(&'static str),
    /// A value over 4 GiB (not reachable in wasm32).
    TooLong,
}

impl From<ProtocolError> for RowsError {
    fn from(e: ProtocolError) -> Self {
        match e {
            ProtocolError::PlanetScale(s) => RowsError::Database {
                code: s.sqlstate.clone().unwrap_or_else(|| s.code.clone()),
                message: s.message.clone(),
            },
            ProtocolError::Neon(s) => RowsError::Database {
                code: s.code.clone().unwrap_or_default(),
                message: s.message.clone(),
            },
            e => RowsError::Protocol(e),
        }
    }
}

impl From<TooLong> for RowsError {
    fn from(_: TooLong) -> Self {
        RowsError::TooLong
    }
}

impl RowsError {
    fn into_js(self) -> JsValue {
        match self {
            RowsError::Protocol(e) => js_error("protocol", &e.to_string(), None),
            RowsError::Database { code, message } => {
                js_error("database", &message, (!code.is_empty()).then_some(&*code))
            }
            RowsError::Unsupported(what) => js_error("unsupported", what, None),
            RowsError::TooLong => js_error("protocol", "value too large for the rows buffer", None),
        }
    }
}

/// One decoded cell into the buffer.
fn cell(out: &mut RowsWriter, cell: &Cell, json: &mut String) -> Result<(), RowsError> {
    match cell {
        Cell::Null => out.null(),
        Cell::Bool(b) => out.boolean(*b),
        Cell::Int(v) => out.integer(*v),
        Cell::Float(v) => out.float(*v),
        Cell::Numeric(s) | Cell::Text(s) | Cell::Temporal(_, s) => out.text(s.as_bytes())?,
        Cell::Bytes(b) => out.blob(b)?,
        Cell::Json(j) => {
            json.clear();
            // serde_json's `Display` is its compact form; writing to a String cannot fail.
            let _ = write!(json, "{j}");
            out.text(json.as_bytes())?;
        }
        Cell::Array(_) => {
            return Err(RowsError::Unsupported(
                "array values have no tag in the rows buffer",
            ))
        }
    }
    Ok(())
}

/// A rows buffer with its column `names` written, ready for rows; `capacity` in bytes.
fn start<'a>(
    names: impl ExactSizeIterator<Item = &'a str>,
    capacity: usize,
) -> Result<RowsWriter, RowsError> {
    let n_cols = u32::try_from(names.len()).map_err(|_| TooLong)?;
    let mut out = RowsWriter::with_capacity(n_cols, capacity);
    for name in names {
        out.name(name.as_bytes())?;
    }
    out.begin_rows();
    Ok(out)
}

/// Neon (HTTP 200, `Neon-Array-Mode` + `Neon-Raw-Text-Output`) body -> rows buffer.
pub(crate) fn neon_buffer(body: &str) -> Result<Vec<u8>, RowsError> {
    let r = neon::parse_response(200, body)?;
    let mut out = start(r.fields.iter().map(|f| f.name.as_str()), body.len())?;
    let mut json = String::new();
    // `QueryResult::decode_rows` cell by cell (the same `decode_text`), so
    // no second copy of every row is held.
    for row in &r.rows {
        out.row()?;
        for (text, f) in row.iter().zip(&r.fields) {
            match text {
                None => out.null(),
                Some(t) => cell(&mut out, &neon::decode_text(f.type_oid, t)?, &mut json)?,
            }
        }
    }
    Ok(out.finish())
}

/// PlanetScale `Execute` (HTTP 200) body -> rows buffer.
pub(crate) fn planetscale_buffer(body: &str) -> Result<Vec<u8>, RowsError> {
    let r = planetscale::parse_response(200, body)?;
    let mut out = start(r.fields.iter().map(|f| f.name.as_str()), body.len())?;
    let mut json = String::new();
    // `ExecuteResult::decode_rows` cell by cell (the same `decode_value`).
    for row in &r.rows {
        out.row()?;
        for (bytes, f) in row.iter().zip(&r.fields) {
            match bytes {
                None => out.null(),
                Some(b) => cell(&mut out, &planetscale::decode_value(f, b)?, &mut json)?,
            }
        }
    }
    Ok(out.finish())
}

/// A Neon SQL-over-HTTP response body (HTTP 200, array mode, raw text
/// output) as one rows buffer (README.md "Rows"). Benchmark build only.
#[wasm_bindgen]
pub fn neon_rows(body: &str) -> Result<Vec<u8>, JsValue> {
    neon_buffer(body).map_err(RowsError::into_js)
}

/// A PlanetScale `Execute` response body (HTTP 200) as one rows buffer
/// (README.md "Rows"). Benchmark build only.
#[wasm_bindgen]
pub fn planetscale_rows(body: &str) -> Result<Vec<u8>, JsValue> {
    planetscale_buffer(body).map_err(RowsError::into_js)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rows_buffer::{
        TAG_BIGINT, TAG_BLOB, TAG_BOOL, TAG_FLOAT, TAG_NULL, TAG_NUMBER, TAG_TEXT,
    };

    struct Reader<'a> {
        buf: &'a [u8],
        at: usize,
    }

    impl Reader<'_> {
        fn take(&mut self, n: usize) -> Vec<u8> {
            let s = self.buf[self.at..self.at + n].to_vec();
            self.at += n;
            s
        }

        fn u32(&mut self) -> usize {
            u32::from_le_bytes(self.take(4).try_into().unwrap()) as usize
        }
    }

    /// Reads a rows buffer back: (names, rows of (tag, payload bytes)).
    #[allow(clippy::type_complexity)]
    fn read(buf: &[u8]) -> (Vec<String>, Vec<Vec<(u8, Vec<u8>)>>) {
        let mut r = Reader { buf, at: 0 };
        let n_cols = r.u32();
        let names = (0..n_cols)
            .map(|_| {
                let n = r.u32();
                String::from_utf8(r.take(n)).unwrap()
            })
            .collect();
        let n_rows = r.u32();
        let mut rows = Vec::new();
        for _ in 0..n_rows {
            let mut row = Vec::new();
            for _ in 0..n_cols {
                let tag = r.take(1)[0];
                let payload = match tag {
                    TAG_NULL => vec![],
                    TAG_BOOL => r.take(1),
                    TAG_TEXT | TAG_BLOB => {
                        let n = r.u32();
                        r.take(n)
                    }
                    _ => r.take(8),
                };
                row.push((tag, payload));
            }
            rows.push(row);
        }
        assert_eq!(r.at, buf.len());
        (names, rows)
    }

    fn f64_(v: f64) -> Vec<u8> {
        v.to_le_bytes().to_vec()
    }

    #[test]
    fn neon_result() {
        let body = r#"{"rowAsArray":true,"fields":[
            {"name":"i","dataTypeID":23},{"name":"b","dataTypeID":20},{"name":"t","dataTypeID":25},
            {"name":"ok","dataTypeID":16},{"name":"at","dataTypeID":1184},{"name":"n","dataTypeID":1700},
            {"name":"j","dataTypeID":3802},{"name":"x","dataTypeID":17},{"name":"f","dataTypeID":701}],
            "rows":[["1","9007199254740993","é\"","t","2024-01-02 03:04:05+00","1.50",
                     "{\"a\": [1, \"x\"]}","\\x0aff","0.5"],
                    [null,"-2",null,"f",null,null,null,"\\x",null]],
            "command":"SELECT","rowCount":2}"#;
        let (names, rows) = read(&neon_buffer(body).unwrap());
        assert_eq!(names, ["i", "b", "t", "ok", "at", "n", "j", "x", "f"]);
        assert_eq!(
            rows[0],
            vec![
                (TAG_NUMBER, f64_(1.0)),
                (TAG_BIGINT, 9007199254740993i64.to_le_bytes().to_vec()),
                (TAG_TEXT, "é\"".as_bytes().to_vec()),
                (TAG_BOOL, vec![1]),
                (TAG_TEXT, b"2024-01-02 03:04:05+00".to_vec()),
                (TAG_TEXT, b"1.50".to_vec()),
                (TAG_TEXT, br#"{"a":[1,"x"]}"#.to_vec()),
                (TAG_BLOB, vec![10, 255]),
                (TAG_FLOAT, f64_(0.5)),
            ]
        );
        assert_eq!(
            rows[1],
            vec![
                (TAG_NULL, vec![]),
                (TAG_NUMBER, f64_(-2.0)),
                (TAG_NULL, vec![]),
                (TAG_BOOL, vec![0]),
                (TAG_NULL, vec![]),
                (TAG_NULL, vec![]),
                (TAG_NULL, vec![]),
                (TAG_BLOB, vec![]),
                (TAG_NULL, vec![]),
            ]
        );
    }

    #[test]
    fn neon_errors() {
        assert!(matches!(
            neon_buffer(r#"{"fields":[],"rows":["#),
            Err(RowsError::Protocol(ProtocolError::Json(_)))
        ));
        assert!(matches!(
            neon_buffer(r#"{"fields":[{"name":"i","dataTypeID":23}],"rows":[["x"]]}"#),
            Err(RowsError::Protocol(ProtocolError::BadValue { .. }))
        ));
        assert_eq!(
            neon_buffer(r#"{"fields":[{"name":"a","dataTypeID":1007}],"rows":[["{1}"]]}"#),
            Err(RowsError::Unsupported(
                "array values have no tag in the rows buffer"
            ))
        );
        // No rows, no columns: a valid empty buffer.
        assert_eq!(
            neon_buffer(r#"{"command":"CREATE","fields":[],"rows":[]}"#).unwrap(),
            [0, 0, 0, 0, 0, 0, 0, 0]
        );
    }

    #[test]
    fn planetscale_result() {
        // lengths 1, 2, 3, 1, -1, 4, 8, 2: "7" "-1" "abc" "1" NULL "1.50" {"a": 1} \x00\xff
        let b64 = "Ny0xYWJjMTEuNTB7ImEiOiAxfQD/"; // base64 of b"7-1abc11.50{\"a\": 1}\x00\xff"
        let body = format!(
            r#"{{"session":{{"signature":"s"}},"result":{{"fields":[
                {{"name":"i","type":"INT32","charset":63}},{{"name":"b","type":"INT64","charset":63}},
                {{"name":"t","type":"VARCHAR","charset":255}},{{"name":"ok","type":"INT8","charset":63}},
                {{"name":"at","type":"DATETIME","charset":63}},{{"name":"n","type":"DECIMAL","charset":63}},
                {{"name":"j","type":"JSON","charset":63}},{{"name":"x","type":"BLOB","charset":63}}],
                "rows":[{{"lengths":["1","2","3","1","-1","4","8","2"],"values":"{b64}"}}]}},"timing":0.001}}"#
        );
        let (names, rows) = read(&planetscale_buffer(&body).unwrap());
        assert_eq!(names, ["i", "b", "t", "ok", "at", "n", "j", "x"]);
        assert_eq!(
            rows,
            vec![vec![
                (TAG_NUMBER, f64_(7.0)),
                (TAG_NUMBER, f64_(-1.0)),
                (TAG_TEXT, b"abc".to_vec()),
                (TAG_NUMBER, f64_(1.0)),
                (TAG_NULL, vec![]),
                (TAG_TEXT, b"1.50".to_vec()),
                (TAG_TEXT, br#"{"a":1}"#.to_vec()),
                (TAG_BLOB, vec![0, 255]),
            ]]
        );
    }

    #[test]
    fn planetscale_errors() {
        assert_eq!(
            planetscale_buffer(
                r#"{"session":null,"error":{"code":"unknown","message":"dup (errno 1062) (sqlstate 23000)"}}"#
            ),
            Err(RowsError::Database {
                code: "23000".into(),
                message: "dup (errno 1062) (sqlstate 23000)".into()
            })
        );
        assert!(matches!(
            planetscale_buffer(
                r#"{"result":{"fields":[{"name":"i","type":"INT32"}],"rows":[{"lengths":["3"],"values":"MQ=="}]}}"#
            ),
            Err(RowsError::Protocol(ProtocolError::RowLengths { .. }))
        ));
        assert!(matches!(
            planetscale_buffer(r#"{"result":{"rows":[{"values":"!!"}]}}"#),
            Err(RowsError::Protocol(_))
        ));
    }
}
