//! PlanetScale's HTTP API (Vitess behind `psdb.v1alpha1.Database`).
//!
//! There are no server-side parameters: the SQL must already carry its
//! values as literals. Produce it with [`crate::render_inline`] and
//! [`crate::DialectKind::MySql`], whose `render/literal.rs` is the engine's
//! one escaping routine; this module never escapes SQL itself.
//!
//! ```
//! use mizzle_core::protocol::{planetscale as ps, Cell};
//! use mizzle_core::{ast::*, render_inline, DialectKind};
//!
//! let q = Query::select(Select {
//!     columns: vec![Expr::val("it's").into()],
//!     ..Default::default()
//! });
//! let sql = render_inline(&q.into(), DialectKind::MySql).unwrap();
//! assert_eq!(ps::execute_body(&sql, None), r#"{"query":"select 'it''s'","session":null}"#);
//!
//! let reply = r#"{"session":{"signature":"s"},"result":{"fields":[{"name":"x","type":"VARCHAR","charset":255}],
//!   "rows":[{"lengths":["4"],"values":"aXQncw=="}]}}"#;
//! let r = ps::parse_response(200, reply).unwrap();
//! assert_eq!(r.decode_rows().unwrap(), vec![vec![Cell::Text("it's".into())]]);
//! // The next statement (in a transaction: BEGIN ... COMMIT) carries r.session.
//! assert_eq!(ps::execute_body("commit", Some(&r.session)), r#"{"query":"commit","session":{"signature":"s"}}"#);
//! ```

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::{self, Write as _};

use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD};
use base64::Engine as _;
use serde_json::Value as Json;

use super::cell::{Cell, TemporalKind};
use super::error::{status_error, ProtocolError};
use super::{number_text, parse_json, push_json_string};

/// Path of the statement endpoint, appended to the database URL's origin.
pub const EXECUTE_PATH: &str = "/psdb.v1alpha1.Database/Execute";
/// Path of the endpoint that opens a session.
pub const CREATE_SESSION_PATH: &str = "/psdb.v1alpha1.Database/CreateSession";

/// MySQL's `binary` character set: a string column with it holds bytes.
pub const BINARY_CHARSET: u32 = 63;

/// The body of `Execute`: `{"query": sql, "session": <session or null>}`.
/// The session is echoed as the server sent it: the same members in the
/// same order, every number with its digits.
pub fn execute_body(sql: &str, session: Option<&Json>) -> String {
    let mut out = String::with_capacity(sql.len() + 32);
    out.push_str("{\"query\":");
    push_json_string(&mut out, sql);
    out.push_str(",\"session\":");
    match session {
        // `Display` is serde_json's compact form.
        Some(s) => {
            let _ = write!(out, "{s}");
        }
        None => out.push_str("null"),
    }
    out.push('}');
    out
}

/// The body of `CreateSession`: an empty object.
pub fn create_session_body() -> String {
    "{}".into()
}

/// The `Authorization` header value: `Basic base64(username:password)`.
///
/// ```
/// use mizzle_core::protocol::planetscale::basic_auth;
/// assert_eq!(basic_auth("user", "pass"), "Basic dXNlcjpwYXNz");
/// ```
pub fn basic_auth(username: &str, password: &str) -> String {
    let mut raw = String::with_capacity(username.len() + password.len() + 1);
    raw.push_str(username);
    raw.push(':');
    raw.push_str(password);
    let mut out = String::from("Basic ");
    STANDARD.encode_string(raw.as_bytes(), &mut out);
    out
}

/// The request headers: `Content-Type: application/json` and Basic auth.
/// (Base64 cannot carry a line break, so no value can split the request.)
pub fn headers(username: &str, password: &str) -> Vec<(&'static str, String)> {
    alloc::vec![
        ("Content-Type", "application/json".into()),
        ("Authorization", basic_auth(username, password)),
    ]
}

/// A result column as Vitess describes it. Absent members take protobuf's
/// zero values (the API omits them), except `type_name`, which is `NULL`
/// when absent, as Vitess means by it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Field {
    pub name: String,
    /// The Vitess type: `INT64`, `VARCHAR`, `DECIMAL`, `JSON`, `BLOB`...
    pub type_name: String,
    pub table: String,
    pub org_table: String,
    pub database: String,
    pub org_name: String,
    pub column_length: u32,
    /// MySQL collation id; 63 is binary.
    pub charset: u32,
    pub decimals: u32,
    /// MySQL column flags (`NOT_NULL` 1, `UNSIGNED` 32, `BINARY` 128...).
    pub flags: u32,
    /// The full column type, `int unsigned`, when the server sends it.
    pub column_type: String,
}

/// One `Execute` result.
#[derive(Debug, Clone, PartialEq)]
pub struct ExecuteResult {
    /// The session to send with the next statement of this connection.
    pub session: Json,
    pub fields: Vec<Field>,
    /// Raw MySQL text-protocol bytes per cell, `None` for NULL.
    pub rows: Vec<Vec<Option<Vec<u8>>>>,
    pub rows_affected: u64,
    /// The last insert id as text (64-bit unsigned); `"0"` when none.
    pub insert_id: String,
}

impl ExecuteResult {
    /// Every row decoded by its field ([`decode_value`]).
    pub fn decode_rows(&self) -> Result<Vec<Vec<Cell>>, ProtocolError> {
        self.rows
            .iter()
            .map(|row| {
                row.iter()
                    .zip(&self.fields)
                    .map(|(v, f)| match v {
                        None => Ok(Cell::Null),
                        Some(b) => decode_value(f, b),
                    })
                    .collect()
            })
            .collect()
    }
}

/// A database error: Vitess' `{"error": {"code", "message"}}`, sent with
/// HTTP 200 (or in the body of a non-200 response).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ServerError {
    /// The gRPC-style code: `unknown`, `invalid_argument`, `already_exists`...
    pub code: String,
    pub message: String,
    /// The MySQL error number, from `(errno 1062)` in the message.
    pub errno: Option<u16>,
    /// The SQLSTATE, from `(sqlstate 23000)` in the message.
    pub sqlstate: Option<String>,
    /// The session the server returned with the error (keep using it: an
    /// error inside a transaction does not end the transaction).
    pub session: Option<Json>,
}

impl fmt::Display for ServerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// The text after `marker` up to the next `)`, when it is 1..=max_len bytes
/// matching `ok`.
fn tagged<'a>(
    message: &'a str,
    marker: &str,
    max_len: usize,
    ok: fn(u8) -> bool,
) -> Option<&'a str> {
    let start = message.find(marker)? + marker.len();
    let rest = &message[start..];
    let end = rest.find(')')?;
    let v = &rest[..end];
    (!v.is_empty() && v.len() <= max_len && v.bytes().all(ok)).then_some(v)
}

/// `{"code", "message"}` as [`ProtocolError::PlanetScale`].
fn server_error(e: &Json, session: Option<&Json>) -> ProtocolError {
    let message = e.get("message").and_then(Json::as_str).unwrap_or_default();
    ProtocolError::PlanetScale(Box::new(ServerError {
        code: e
            .get("code")
            .and_then(Json::as_str)
            .unwrap_or_default()
            .into(),
        message: message.into(),
        errno: tagged(message, "(errno ", 5, |b| b.is_ascii_digit()).and_then(|n| n.parse().ok()),
        sqlstate: tagged(message, "(sqlstate ", 5, |b| b.is_ascii_alphanumeric()).map(String::from),
        session: session.filter(|s| !s.is_null()).cloned(),
    }))
}

/// The error for a non-200 response: the body's `{"error": {...}}` as
/// [`ProtocolError::PlanetScale`] where there is one and the status is not
/// 401, else the typed HTTP error (401 [`ProtocolError::Unauthorized`], 5xx...).
pub fn parse_error(status: u16, body: &str) -> ProtocolError {
    if status != 401 && !(500..=599).contains(&status) {
        if let Ok(j) = parse_json(body) {
            if let Some(e) = j
                .get("error")
                .filter(|e| e.get("message").and_then(Json::as_str).is_some())
            {
                return server_error(e, j.get("session"));
            }
        }
    }
    status_error(status, body)
}

/// Parses an `Execute` response: [`parse_execute`] for 200, else [`parse_error`].
pub fn parse_response(status: u16, body: &str) -> Result<ExecuteResult, ProtocolError> {
    if status == 200 {
        parse_execute(body)
    } else {
        Err(parse_error(status, body))
    }
}

/// Parses a `CreateSession` response (`{"session": ...}`) into the session.
pub fn parse_session(status: u16, body: &str) -> Result<Json, ProtocolError> {
    if status != 200 {
        return Err(parse_error(status, body));
    }
    let j = parse_json(body)?;
    if let Some(e) = j.get("error").filter(|e| !e.is_null()) {
        return Err(server_error(e, j.get("session")));
    }
    match j.get("session") {
        Some(s) if !s.is_null() => Ok(s.clone()),
        _ => Err(ProtocolError::shape("session", "a session")),
    }
}

/// A protobuf JSON 64-bit integer: a string (how int64 is written) or a
/// plain number (also accepted by protobuf readers).
fn int_text(v: &Json) -> Option<&str> {
    v.as_str().or_else(|| number_text(v))
}

/// Standard-alphabet base64, padded or not (protobuf's JSON reader takes
/// both) but never half-padded, with no stray bits after the last byte, so
/// every accepted text has one meaning.
pub(crate) fn decode_base64(text: &str) -> Result<Vec<u8>, base64::DecodeError> {
    // A padded text is a whole number of quads; anything else must be unpadded.
    if text.len() % 4 == 0 {
        STANDARD.decode(text)
    } else {
        STANDARD_NO_PAD.decode(text)
    }
}

fn u32_member(j: &Json, key: &str, at: impl Fn() -> String) -> Result<u32, ProtocolError> {
    match j.get(key) {
        None | Some(Json::Null) => Ok(0),
        Some(v) => int_text(v)
            .and_then(|t| t.parse().ok())
            .ok_or_else(|| ProtocolError::shape(at(), "an unsigned 32-bit integer")),
    }
}

fn str_member(j: &Json, key: &str, at: impl Fn() -> String) -> Result<String, ProtocolError> {
    match j.get(key) {
        None | Some(Json::Null) => Ok(String::new()),
        Some(Json::String(s)) => Ok(s.clone()),
        Some(_) => Err(ProtocolError::shape(at(), "a string")),
    }
}

/// Parses the body of an HTTP 200 `Execute` response. An `error` member
/// (Vitess reports statement errors with status 200) is
/// [`ProtocolError::PlanetScale`]. Absent `result`, `fields`, `rows`,
/// `lengths` and `values` are empty, as protobuf's JSON leaves out empty
/// members.
///
/// ```
/// use mizzle_core::protocol::{planetscale as ps, ProtocolError};
/// let e = ps::parse_execute(r#"{"session":null,"error":{"code":"unknown","message":
///   "target: db.-.primary: vttablet: Duplicate entry '1' for key 't.PRIMARY' (errno 1062) (sqlstate 23000) (CallerID: u): Sql: ..."}}"#).unwrap_err();
/// let ProtocolError::PlanetScale(e) = e else { panic!() };
/// assert_eq!((e.errno, e.sqlstate.as_deref()), (Some(1062), Some("23000")));
/// ```
pub fn parse_execute(body: &str) -> Result<ExecuteResult, ProtocolError> {
    let j = parse_json(body)?;
    if j.as_object().is_none() {
        return Err(ProtocolError::shape("response", "an object"));
    }
    let session = j.get("session").cloned().unwrap_or(Json::Null);
    if let Some(e) = j.get("error").filter(|e| !e.is_null()) {
        if e.as_object().is_none() {
            return Err(ProtocolError::shape("error", "an object"));
        }
        return Err(server_error(e, Some(&session)));
    }
    let empty = Json::Object(serde_json::Map::new());
    let result = match j.get("result") {
        None | Some(Json::Null) => &empty,
        Some(r @ Json::Object(_)) => r,
        Some(_) => return Err(ProtocolError::shape("result", "an object")),
    };

    let fields = match result.get("fields") {
        None | Some(Json::Null) => Vec::new(),
        Some(Json::Array(fs)) => fs
            .iter()
            .enumerate()
            .map(|(i, f)| parse_field(i, f))
            .collect::<Result<_, _>>()?,
        Some(_) => return Err(ProtocolError::shape("result.fields", "an array")),
    };

    let rows = match result.get("rows") {
        None | Some(Json::Null) => Vec::new(),
        Some(Json::Array(rs)) => rs
            .iter()
            .enumerate()
            .map(|(i, r)| parse_row(i, r, fields.len()))
            .collect::<Result<_, _>>()?,
        Some(_) => return Err(ProtocolError::shape("result.rows", "an array")),
    };

    let rows_affected = match result.get("rowsAffected") {
        None | Some(Json::Null) => 0,
        Some(v) => int_text(v)
            .and_then(|t| t.parse::<u64>().ok())
            .ok_or_else(|| {
                ProtocolError::shape("result.rowsAffected", "an unsigned 64-bit integer")
            })?,
    };
    let insert_id = match result.get("insertId") {
        None | Some(Json::Null) => "0".into(),
        Some(v) => {
            let t = int_text(v)
                .filter(|t| t.parse::<u64>().is_ok())
                .ok_or_else(|| {
                    ProtocolError::shape("result.insertId", "an unsigned 64-bit integer")
                })?;
            String::from(t)
        }
    };

    Ok(ExecuteResult {
        session,
        fields,
        rows,
        rows_affected,
        insert_id,
    })
}

fn parse_field(i: usize, f: &Json) -> Result<Field, ProtocolError> {
    if f.as_object().is_none() {
        return Err(ProtocolError::shape(
            alloc::format!("result.fields[{i}]"),
            "an object",
        ));
    }
    let at = |k: &'static str| move || alloc::format!("result.fields[{i}].{k}");
    let mut type_name = str_member(f, "type", at("type"))?;
    if type_name.is_empty() {
        type_name = "NULL".into();
    }
    Ok(Field {
        name: str_member(f, "name", at("name"))?,
        type_name,
        table: str_member(f, "table", at("table"))?,
        org_table: str_member(f, "orgTable", at("orgTable"))?,
        database: str_member(f, "database", at("database"))?,
        org_name: str_member(f, "orgName", at("orgName"))?,
        column_length: u32_member(f, "columnLength", at("columnLength"))?,
        charset: u32_member(f, "charset", at("charset"))?,
        decimals: u32_member(f, "decimals", at("decimals"))?,
        flags: u32_member(f, "flags", at("flags"))?,
        column_type: str_member(f, "columnType", at("columnType"))?,
    })
}

/// Splits one row's base64 `values` by its `lengths` (-1 is NULL). Every
/// length is checked against the bytes left, and together they must use
/// them all, so a row that does not add up is an error, not a shifted row.
fn parse_row(r: usize, row: &Json, width: usize) -> Result<Vec<Option<Vec<u8>>>, ProtocolError> {
    if row.as_object().is_none() {
        return Err(ProtocolError::shape(
            alloc::format!("result.rows[{r}]"),
            "an object",
        ));
    }
    let bad = |reason| ProtocolError::RowLengths { row: r, reason };
    let lengths: &[Json] = match row.get("lengths") {
        None | Some(Json::Null) => &[],
        Some(Json::Array(l)) => l,
        Some(_) => {
            return Err(ProtocolError::shape(
                alloc::format!("result.rows[{r}].lengths"),
                "an array",
            ))
        }
    };
    let values = match row.get("values") {
        None | Some(Json::Null) => Vec::new(),
        Some(Json::String(s)) => decode_base64(s)?,
        Some(_) => {
            return Err(ProtocolError::shape(
                alloc::format!("result.rows[{r}].values"),
                "a base64 string",
            ))
        }
    };
    if lengths.len() != width {
        return Err(bad(
            "the number of lengths differs from the number of fields",
        ));
    }
    let mut cells = Vec::with_capacity(width);
    let mut offset = 0usize;
    for l in lengths {
        let n: i64 = int_text(l)
            .and_then(|t| t.parse().ok())
            .ok_or(bad("a length is not an integer"))?;
        if n == -1 {
            cells.push(None);
            continue;
        }
        let n = usize::try_from(n).map_err(|_| bad("a length is negative"))?;
        let end = offset
            .checked_add(n)
            .filter(|&e| e <= values.len())
            .ok_or(bad("the lengths run past the values"))?;
        cells.push(Some(values[offset..end].to_vec()));
        offset = end;
    }
    if offset != values.len() {
        return Err(bad("the lengths leave values unused"));
    }
    Ok(cells)
}

fn utf8<'a>(field: &Field, bytes: &'a [u8]) -> Result<&'a str, ProtocolError> {
    core::str::from_utf8(bytes).map_err(|_| ProtocolError::InvalidUtf8 {
        type_name: field.type_name.clone(),
    })
}

/// Decodes one non-NULL value (MySQL's text form) by its Vitess type.
///
/// | Vitess type | cell |
/// |---|---|
/// | `INT8` `INT16` `INT24` `INT32` `INT64` `UINT8` `UINT16` `UINT24` `UINT32` `YEAR` | `Int` |
/// | `UINT64` | `Int` when it fits `i64`, else `Numeric` (the exact digits as text) |
/// | `DECIMAL` | `Numeric` |
/// | `FLOAT32` `FLOAT64` | `Float` |
/// | `DATE` / `TIME` / `DATETIME`, `TIMESTAMP` | `Temporal(Date / Time / Timestamp)` |
/// | `JSON` | `Json` |
/// | `BINARY` `VARBINARY` `BLOB` `BIT` `GEOMETRY` unless the charset is a text one (not 63) | `Bytes` |
/// | `NULL` | `Null` |
/// | anything else (`VARCHAR`, `CHAR`, `TEXT`, `ENUM`, `SET`, `HEXNUM`...) | `Text`; `Bytes` when its charset is 63 (binary) |
///
/// Text types require valid UTF-8 ([`ProtocolError::InvalidUtf8`]).
///
/// ```
/// use mizzle_core::protocol::{planetscale::{decode_value, Field}, Cell};
/// let f = Field { type_name: "UINT64".into(), ..Default::default() };
/// assert_eq!(decode_value(&f, b"18446744073709551615").unwrap(),
///            Cell::Numeric("18446744073709551615".into()));
/// assert_eq!(decode_value(&f, b"7").unwrap(), Cell::Int(7));
/// ```
pub fn decode_value(field: &Field, bytes: &[u8]) -> Result<Cell, ProtocolError> {
    let t = field.type_name.as_str();
    let int = |s: &str| {
        s.parse::<i64>()
            .map_err(|_| ProtocolError::bad_value(t, "not an integer in range"))
    };
    Ok(match t {
        "NULL" => Cell::Null,
        "INT8" | "INT16" | "INT24" | "INT32" | "INT64" | "UINT8" | "UINT16" | "UINT24"
        | "UINT32" | "YEAR" => Cell::Int(int(utf8(field, bytes)?)?),
        "UINT64" => {
            let s = utf8(field, bytes)?;
            match s.parse::<u64>() {
                Ok(v) => i64::try_from(v).map_or_else(|_| Cell::Numeric(s.into()), Cell::Int),
                Err(_) => {
                    return Err(ProtocolError::bad_value(
                        t,
                        "not an unsigned integer in range",
                    ))
                }
            }
        }
        "DECIMAL" => {
            let s = utf8(field, bytes)?;
            if !s.bytes().any(|b| b.is_ascii_digit())
                || !s
                    .bytes()
                    .all(|b| matches!(b, b'0'..=b'9' | b'.' | b'-' | b'+'))
            {
                return Err(ProtocolError::bad_value(t, "not a decimal"));
            }
            Cell::Numeric(s.into())
        }
        "FLOAT32" | "FLOAT64" => {
            let s = utf8(field, bytes)?;
            // MySQL writes plain decimals or `1e100`; Rust's parser would
            // also accept `inf`/`nan`, which MySQL never sends.
            if !s.bytes().any(|b| b.is_ascii_digit()) {
                return Err(ProtocolError::bad_value(t, "not a number"));
            }
            Cell::Float(
                s.parse()
                    .map_err(|_| ProtocolError::bad_value(t, "not a number"))?,
            )
        }
        "DATE" => Cell::Temporal(TemporalKind::Date, utf8(field, bytes)?.into()),
        "TIME" => Cell::Temporal(TemporalKind::Time, utf8(field, bytes)?.into()),
        "DATETIME" | "TIMESTAMP" => {
            Cell::Temporal(TemporalKind::Timestamp, utf8(field, bytes)?.into())
        }
        "JSON" => Cell::Json(
            parse_json(utf8(field, bytes)?)
                .map_err(|_| ProtocolError::bad_value(t, "not valid JSON"))?,
        ),
        // Vitess names text with a binary collation (`utf8mb4_bin` columns,
        // `json_unquote(...)` on MySQL 8) VARBINARY / BLOB from MySQL's
        // BINARY flag, yet keeps its text charset: as in
        // @planetscale/database, the charset decides. A field without a
        // charset makes no text claim, so a binary type name keeps it bytes.
        "BINARY" | "VARBINARY" | "BLOB" | "BIT" | "GEOMETRY"
            if field.charset == 0 || field.charset == BINARY_CHARSET =>
        {
            Cell::Bytes(bytes.to_vec())
        }
        _ if field.charset == BINARY_CHARSET => Cell::Bytes(bytes.to_vec()),
        _ => Cell::Text(utf8(field, bytes)?.into()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;
    use alloc::vec;

    fn field(t: &str, charset: u32) -> Field {
        Field {
            type_name: t.into(),
            charset,
            ..Default::default()
        }
    }

    #[test]
    fn base64_padded_or_not_but_canonical() {
        // RFC 4648's vectors, with and without their padding.
        for (raw, enc) in [
            (&b""[..], ""),
            (b"f", "Zg=="),
            (b"fo", "Zm8="),
            (b"foo", "Zm9v"),
            (b"foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(decode_base64(enc).unwrap(), raw);
            assert_eq!(decode_base64(enc.trim_end_matches('=')).unwrap(), raw);
        }
        assert_eq!(decode_base64("/+8=").unwrap(), [0xff, 0xef]);
        // Half padding, stray bits, whitespace, the URL-safe alphabet, padding inside.
        for bad in [
            "Z", "Zg=", "Zg===", "Z===", "====", "Zm9v!", "Zm 9v", "Zh==", "Zm9=", "-_8=",
            "Zg==Zg==",
        ] {
            assert!(decode_base64(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn request_bodies() {
        assert_eq!(
            execute_body("select 1", None),
            r#"{"query":"select 1","session":null}"#
        );
        let s = parse_json(
            r#"{"signature":"abc","vitessSession":{"autocommit":true,"n":18446744073709551615}}"#,
        )
        .unwrap();
        assert_eq!(
            execute_body("insert into t values ('a\\'\"')", Some(&s)),
            r#"{"query":"insert into t values ('a\\'\"')","session":{"signature":"abc","vitessSession":{"autocommit":true,"n":18446744073709551615}}}"#
        );
        assert_eq!(create_session_body(), "{}");
        assert_eq!(basic_auth("", ""), "Basic Og==");
        assert_eq!(basic_auth("ü", "p:w"), "Basic w7w6cDp3");
        assert_eq!(headers("u", "p")[1], ("Authorization", "Basic dTpw".into()));
    }

    /// The result shape from the protocol reference.
    const REFERENCE: &str = r#"{"session": {"signature": "x"}, "result": {"fields": [
        {"name": "id", "type": "INT64", "table": "t", "orgTable": "t", "database": "db", "orgName": "id",
         "columnLength": 20, "charset": 63, "flags": 49667, "columnType": "bigint"},
        {"name": "note", "type": "VARCHAR", "table": "t", "orgTable": "t", "database": "db", "orgName": "note",
         "columnLength": 1020, "charset": 255}],
        "rows": [{"lengths": ["2", "-1"], "values": "MTA="}, {"lengths": ["1", "3"], "values": "MmFiYw=="}],
        "rowsAffected": "1", "insertId": "2"}, "timing": 0.001}"#;

    #[test]
    fn parses_reference_result() {
        let r = parse_response(200, REFERENCE).unwrap();
        assert_eq!(r.session, parse_json(r#"{"signature":"x"}"#).unwrap());
        assert_eq!(r.fields.len(), 2);
        assert_eq!(
            r.fields[0],
            Field {
                name: "id".into(),
                type_name: "INT64".into(),
                table: "t".into(),
                org_table: "t".into(),
                database: "db".into(),
                org_name: "id".into(),
                column_length: 20,
                charset: 63,
                decimals: 0,
                flags: 49667,
                column_type: "bigint".into(),
            }
        );
        assert_eq!(
            r.rows,
            vec![
                vec![Some(b"10".to_vec()), None],
                vec![Some(b"2".to_vec()), Some(b"abc".to_vec())]
            ]
        );
        assert_eq!((r.rows_affected, r.insert_id.as_str()), (1, "2"));
        assert_eq!(
            r.decode_rows().unwrap(),
            vec![
                vec![Cell::Int(10), Cell::Null],
                vec![Cell::Int(2), Cell::Text("abc".into())]
            ]
        );
    }

    #[test]
    fn omitted_members_are_empty() {
        // A DML result: no fields, no rows, zero-valued members left out.
        let r = parse_execute(r#"{"session":{"s":1},"result":{"rowsAffected":"3"}}"#).unwrap();
        assert_eq!(
            (
                r.rows_affected,
                r.insert_id.as_str(),
                r.fields.len(),
                r.rows.len()
            ),
            (3, "0", 0, 0)
        );
        let r = parse_execute(r#"{"session":null,"result":null}"#).unwrap();
        assert_eq!((r.session, r.rows_affected), (Json::Null, 0));
        let r = parse_execute(r#"{"session":{}}"#).unwrap();
        assert!(r.rows.is_empty());
        // All cells empty strings: `values` left out. A missing `type` is NULL.
        let r = parse_execute(
            r#"{"session":{},"result":{"fields":[{"name":"a","type":"VARCHAR"},{"name":"n"}],"rows":[{"lengths":["0","-1"]}]}}"#,
        )
        .unwrap();
        assert_eq!(r.fields[1].type_name, "NULL");
        assert_eq!(r.rows, vec![vec![Some(vec![]), None]]);
        assert_eq!(
            r.decode_rows().unwrap(),
            vec![vec![Cell::Text("".into()), Cell::Null]]
        );
        // Numbers accepted where protobuf writes strings.
        let r = parse_execute(r#"{"session":{},"result":{"fields":[{"name":"a","type":"INT32"}],"rows":[{"lengths":[1],"values":"Nw"}],"rowsAffected":0,"insertId":5}}"#).unwrap();
        assert_eq!(
            (r.rows[0][0].as_deref(), r.insert_id.as_str()),
            (Some(&b"7"[..]), "5")
        );
        // A zero-column row (no lengths, no values) in a zero-field result.
        let r = parse_execute(r#"{"session":{},"result":{"rows":[{}]}}"#).unwrap();
        assert_eq!(r.rows, vec![Vec::<Option<Vec<u8>>>::new()]);
    }

    #[test]
    fn errors() {
        let body = r#"{"session":{"signature":"s2"},"error":{"code":"not_found","message":"target: db.-.primary: vttablet: rpc error: code = NotFound desc = Table 'db.nope' doesn't exist (errno 1146) (sqlstate 42S02) (CallerID: u): Sql: \"select * from nope\""}}"#;
        let ProtocolError::PlanetScale(e) = parse_response(200, body).unwrap_err() else {
            panic!()
        };
        assert_eq!(e.code, "not_found");
        assert_eq!(e.errno, Some(1146));
        assert_eq!(e.sqlstate.as_deref(), Some("42S02"));
        assert_eq!(
            e.session,
            Some(parse_json(r#"{"signature":"s2"}"#).unwrap())
        );
        assert!(e.to_string().contains("doesn't exist"));

        // No tags, or malformed ones.
        let ProtocolError::PlanetScale(e) =
            parse_execute(r#"{"error":{"code":"unknown","message":"x (errno ) (errno 99999999) (sqlstate 1234567)"}}"#).unwrap_err()
        else {
            panic!()
        };
        assert_eq!((e.errno, e.sqlstate, e.session), (None, None, None));
        // A tag cut at the end of the message, multi-byte text around it.
        let ProtocolError::PlanetScale(e) =
            parse_execute(r#"{"error":{"code":"unknown","message":"é (errno 10é"}}"#).unwrap_err()
        else {
            panic!()
        };
        assert_eq!(e.errno, None);

        assert!(matches!(
            parse_response(401, r#"{"code":"unauthenticated","message":"invalid password"}"#),
            Err(ProtocolError::Unauthorized { message }) if message == "invalid password"
        ));
        assert!(matches!(
            parse_response(401, ""),
            Err(ProtocolError::Unauthorized { .. })
        ));
        assert!(matches!(
            parse_response(503, "upstream"),
            Err(ProtocolError::ServerFailure { status: 503, .. })
        ));
        assert!(matches!(
            parse_response(
                400,
                r#"{"error":{"code":"invalid_argument","message":"bad (errno 1064) (sqlstate 42000)"}}"#
            ),
            Err(ProtocolError::PlanetScale(e)) if e.errno == Some(1064)
        ));
        assert!(matches!(
            parse_response(404, "not found"),
            Err(ProtocolError::UnexpectedStatus { status: 404, .. })
        ));
        assert!(matches!(
            parse_response(413, "{}"),
            Err(ProtocolError::RequestTooLarge { .. })
        ));
    }

    #[test]
    fn sessions() {
        assert_eq!(
            parse_session(200, r#"{"session":{"a":[1]}}"#).unwrap(),
            parse_json(r#"{"a":[1]}"#).unwrap()
        );
        assert!(matches!(
            parse_session(200, "{}"),
            Err(ProtocolError::Shape { .. })
        ));
        assert!(matches!(
            parse_session(200, r#"{"session":null}"#),
            Err(ProtocolError::Shape { .. })
        ));
        assert!(matches!(
            parse_session(401, "no"),
            Err(ProtocolError::Unauthorized { .. })
        ));
        assert!(matches!(
            parse_session(200, r#"{"error":{"code":"x","message":"m"}}"#),
            Err(ProtocolError::PlanetScale(_))
        ));
    }

    #[test]
    fn hostile_rows_are_typed_errors() {
        let with_row = |fields: &str, row: &str| {
            parse_execute(&alloc::format!(
                r#"{{"session":{{}},"result":{{"fields":{fields},"rows":[{row}]}}}}"#
            ))
        };
        let one = r#"[{"name":"a","type":"VARCHAR"}]"#;
        let two = r#"[{"name":"a","type":"VARCHAR"},{"name":"b","type":"VARCHAR"}]"#;
        let lengths = |r: Result<ExecuteResult, ProtocolError>| {
            matches!(r, Err(ProtocolError::RowLengths { row: 0, .. }))
        };
        // More bytes than lengths, fewer, lengths past the end, a huge or bogus length.
        assert!(lengths(with_row(
            one,
            r#"{"lengths":["1"],"values":"YWI="}"#
        )));
        assert!(lengths(with_row(
            one,
            r#"{"lengths":["3"],"values":"YWI="}"#
        )));
        assert!(lengths(with_row(
            two,
            r#"{"lengths":["1","18446744073709551615"],"values":"YWI="}"#
        )));
        assert!(lengths(with_row(
            two,
            r#"{"lengths":["1","9223372036854775807"],"values":"YWI="}"#
        )));
        assert!(lengths(with_row(
            one,
            r#"{"lengths":["99999999999999999999999"],"values":"YWI="}"#
        )));
        assert!(lengths(with_row(one, r#"{"lengths":["-2"],"values":""}"#)));
        assert!(lengths(with_row(
            one,
            r#"{"lengths":["1.5"],"values":"YWI="}"#
        )));
        assert!(lengths(with_row(
            one,
            r#"{"lengths":[true],"values":"YWI="}"#
        )));
        assert!(lengths(with_row(one, r#"{"values":"YWI="}"#)));
        assert!(lengths(with_row(
            two,
            r#"{"lengths":["2"],"values":"YWI="}"#
        )));
        assert!(lengths(with_row(
            one,
            r#"{"lengths":["-1"],"values":"YWI="}"#
        )));
        // Values that are not base64.
        assert!(matches!(
            with_row(one, r#"{"lengths":["2"],"values":"YW!="}"#),
            Err(ProtocolError::Base64(_))
        ));
        assert!(matches!(
            with_row(one, r#"{"lengths":["2"],"values":"Y"}"#),
            Err(ProtocolError::Base64(_))
        ));
        // Wrong JSON types.
        let shape =
            |r: Result<ExecuteResult, ProtocolError>| matches!(r, Err(ProtocolError::Shape { .. }));
        assert!(shape(with_row(one, r#"{"lengths":"2","values":"YWI="}"#)));
        assert!(shape(with_row(one, r#"{"lengths":["2"],"values":5}"#)));
        assert!(shape(with_row(one, "[]")));
        assert!(shape(with_row(r#"{}"#, "{}")));
        assert!(shape(with_row(r#"[{"name":1}]"#, "{}")));
        assert!(shape(with_row(r#"[{"name":"a","charset":-1}]"#, "{}")));
        assert!(shape(with_row(r#"[{"name":"a","flags":"x"}]"#, "{}")));
        assert!(shape(with_row(r#"[5]"#, "{}")));
        assert!(shape(parse_execute(r#"{"result":{"rowsAffected":"-1"}}"#)));
        assert!(shape(parse_execute(r#"{"result":{"insertId":"abc"}}"#)));
        assert!(shape(parse_execute(r#"{"result":[]}"#)));
        assert!(shape(parse_execute(r#"{"result":{"rows":{}}}"#)));
        assert!(shape(parse_execute(r#"{"error":"boom"}"#)));
        assert!(shape(parse_execute("[]")));
        // Truncated and garbage bodies.
        assert!(matches!(
            parse_execute(&REFERENCE[..100]),
            Err(ProtocolError::Json(_))
        ));
        assert!(matches!(
            parse_execute("upstream connect error"),
            Err(ProtocolError::Json(_))
        ));
    }

    #[test]
    fn decode_table() {
        let ok = |t: &str, cs: u32, b: &[u8], want: Cell| {
            let got = decode_value(&field(t, cs), b).unwrap();
            assert_eq!(
                alloc::format!("{got:?}"),
                alloc::format!("{want:?}"),
                "{t} {b:?}"
            );
        };
        for t in [
            "INT8", "INT16", "INT24", "INT32", "INT64", "UINT8", "UINT16", "UINT24", "UINT32",
        ] {
            ok(t, 63, b"-12", Cell::Int(-12));
        }
        ok("YEAR", 63, b"2024", Cell::Int(2024));
        ok("INT64", 63, b"-9223372036854775808", Cell::Int(i64::MIN));
        ok("UINT64", 63, b"9223372036854775807", Cell::Int(i64::MAX));
        ok(
            "UINT64",
            63,
            b"9223372036854775808",
            Cell::Numeric("9223372036854775808".into()),
        );
        ok(
            "DECIMAL",
            63,
            b"-12345678901234567890.123",
            Cell::Numeric("-12345678901234567890.123".into()),
        );
        ok("FLOAT32", 63, b"1.5", Cell::Float(1.5));
        ok(
            "FLOAT64",
            63,
            b"-1.7976931348623157e308",
            Cell::Float(f64::MIN),
        );
        ok(
            "DATE",
            63,
            b"2024-01-02",
            Cell::Temporal(TemporalKind::Date, "2024-01-02".into()),
        );
        ok(
            "TIME",
            63,
            b"-838:59:59",
            Cell::Temporal(TemporalKind::Time, "-838:59:59".into()),
        );
        ok(
            "DATETIME",
            63,
            b"2024-01-02 03:04:05.123456",
            Cell::Temporal(TemporalKind::Timestamp, "2024-01-02 03:04:05.123456".into()),
        );
        ok(
            "TIMESTAMP",
            63,
            b"0000-00-00 00:00:00",
            Cell::Temporal(TemporalKind::Timestamp, "0000-00-00 00:00:00".into()),
        );
        ok(
            "JSON",
            63,
            br#"{"a": [1, "x"]}"#,
            Cell::Json(parse_json(r#"{"a":[1,"x"]}"#).unwrap()),
        );
        for t in ["BINARY", "VARBINARY", "BIT", "GEOMETRY"] {
            ok(t, 63, &[0, 0xff], Cell::Bytes(vec![0, 0xff]));
        }
        // A binary collation on text: Vitess's type name, the text charset.
        ok("VARBINARY", 45, "é".as_bytes(), Cell::Text("é".into()));
        ok("BINARY", 224, b"ab", Cell::Text("ab".into()));
        ok("BLOB", 63, &[0xc3], Cell::Bytes(vec![0xc3]));
        ok("BLOB", 0, &[0xc3], Cell::Bytes(vec![0xc3]));
        ok("BLOB", 255, "é".as_bytes(), Cell::Text("é".into()));
        ok("VARCHAR", 63, &[0xc3], Cell::Bytes(vec![0xc3]));
        ok("VARCHAR", 255, "é".as_bytes(), Cell::Text("é".into()));
        ok("TEXT", 45, b"", Cell::Text("".into()));
        ok("ENUM", 255, b"small", Cell::Text("small".into()));
        ok("SET", 255, b"a,b", Cell::Text("a,b".into()));
        ok("CHAR", 0, b"x", Cell::Text("x".into()));
        ok("NULL", 63, b"", Cell::Null);
    }

    #[test]
    fn decode_errors_are_typed() {
        let bad = |t: &str, cs: u32, b: &[u8]| decode_value(&field(t, cs), b).unwrap_err();
        for (t, b) in [
            ("INT32", &b"1.0"[..]),
            ("INT64", b"9223372036854775808"),
            ("INT8", b""),
            ("UINT64", b"-1"),
            ("UINT64", b"18446744073709551616"),
            ("DECIMAL", b"1e5"),
            ("DECIMAL", b""),
            ("FLOAT64", b"inf"),
            ("FLOAT64", b"NaN"),
            ("FLOAT64", b"1.2.3"),
            ("JSON", b"{"),
        ] {
            assert!(
                matches!(bad(t, 63, b), ProtocolError::BadValue { .. }),
                "{t} {b:?}"
            );
        }
        for t in [
            "VARCHAR", "TEXT", "JSON", "INT32", "DATETIME", "DECIMAL", "ENUM",
        ] {
            assert!(
                matches!(
                    bad(t, 255, &[0xff, 0xfe]),
                    ProtocolError::InvalidUtf8 { .. }
                ),
                "{t}"
            );
        }
    }
}
