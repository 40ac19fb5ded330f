//! Neon's SQL over HTTP: `POST https://<endpoint>/sql` with the statement and
//! its parameters as JSON, one transaction per request.
//!
//! ```
//! use mizzle_core::protocol::{neon, Cell};
//! use mizzle_core::Value;
//!
//! let headers = neon::headers("postgresql://u:p@db.localtest.me/db", None).unwrap();
//! assert_eq!(headers[0], ("Neon-Connection-String", "postgresql://u:p@db.localtest.me/db".into()));
//! let body = neon::query_body("select $1::text", &[Value::Text("a\"b".into())]);
//! assert_eq!(body, r#"{"query":"select $1::text","params":["a\"b"]}"#);
//!
//! let r = neon::parse_response(200, r#"{"command":"SELECT","rowCount":1,"fields":[
//!   {"name":"t","dataTypeID":25}],"rows":[["a\"b"]]}"#).unwrap();
//! assert_eq!(r.rows, vec![vec![Some("a\"b".to_string())]]);
//! assert_eq!(r.decode_rows().unwrap(), vec![vec![Cell::Text("a\"b".into())]]);
//! ```
//!
//! Parameters travel as PostgreSQL text (see [`param_text`]) because that is
//! what the official client sends and what the server parses by the
//! parameter's inferred type; results come back as text too
//! (`Neon-Raw-Text-Output`), decoded here by type OID ([`decode_text`]).

use alloc::boxed::Box;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt::{self, Write as _};

use super::cell::{Cell, TemporalKind};
use super::error::{status_error, ProtocolError};
use super::pg_array::{self, Elem};
use super::{number_text, parse_json, push_json_string};
use crate::value::Value;
use serde_json::Value as Json;

/// A request header: name and value.
pub type Header = (&'static str, String);

/// Transaction isolation for a batch (`Neon-Batch-Isolation-Level`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IsolationLevel {
    ReadUncommitted,
    ReadCommitted,
    RepeatableRead,
    Serializable,
}

impl IsolationLevel {
    /// The header value the server expects.
    pub fn as_str(self) -> &'static str {
        match self {
            IsolationLevel::ReadUncommitted => "ReadUncommitted",
            IsolationLevel::ReadCommitted => "ReadCommitted",
            IsolationLevel::RepeatableRead => "RepeatableRead",
            IsolationLevel::Serializable => "Serializable",
        }
    }
}

/// How the server runs a batch's transaction; `None` leaves the server's
/// default (read committed, read-write, not deferrable).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BatchOptions {
    pub isolation: Option<IsolationLevel>,
    pub read_only: Option<bool>,
    pub deferrable: Option<bool>,
}

/// Refuses values that would break the HTTP request (CR/LF split headers;
/// NUL is refused by every HTTP stack).
fn header_value(name: &'static str, v: &str) -> Result<Header, ProtocolError> {
    if v.bytes().any(|b| matches!(b, b'\r' | b'\n' | 0)) {
        return Err(ProtocolError::InvalidArgument(
            "a header value contains CR, LF or NUL",
        ));
    }
    Ok((name, v.into()))
}

/// The headers of a single-query request. `auth_token` is a JWT for
/// Neon's `Authorization: Bearer` (RLS) mode.
///
/// ```
/// let h = mizzle_core::protocol::neon::headers("postgresql://u:p@h/db", Some("jwt")).unwrap();
/// let names: Vec<_> = h.iter().map(|(n, _)| *n).collect();
/// assert_eq!(names, ["Neon-Connection-String", "Neon-Raw-Text-Output",
///     "Neon-Array-Mode", "Content-Type", "Authorization"]);
/// assert_eq!(h[4].1, "Bearer jwt");
/// ```
pub fn headers(
    connection_string: &str,
    auth_token: Option<&str>,
) -> Result<Vec<Header>, ProtocolError> {
    let mut h = Vec::with_capacity(8);
    h.push(header_value("Neon-Connection-String", connection_string)?);
    // Every value as PostgreSQL text, every row as an array: the decoders
    // here expect exactly that shape.
    h.push(("Neon-Raw-Text-Output", "true".into()));
    h.push(("Neon-Array-Mode", "true".into()));
    h.push(("Content-Type", "application/json".into()));
    if let Some(t) = auth_token {
        h.push(header_value(
            "Authorization",
            &alloc::format!("Bearer {t}"),
        )?);
    }
    Ok(h)
}

/// [`headers`] plus the `Neon-Batch-*` headers of `options`.
///
/// ```
/// use mizzle_core::protocol::neon::{batch_headers, BatchOptions, IsolationLevel};
/// let o = BatchOptions { isolation: Some(IsolationLevel::Serializable), read_only: Some(true), deferrable: None };
/// let h = batch_headers("postgresql://u:p@h/db", None, &o).unwrap();
/// assert!(h.contains(&("Neon-Batch-Isolation-Level", "Serializable".into())));
/// assert!(h.contains(&("Neon-Batch-Read-Only", "true".into())));
/// ```
pub fn batch_headers(
    connection_string: &str,
    auth_token: Option<&str>,
    options: &BatchOptions,
) -> Result<Vec<Header>, ProtocolError> {
    let mut h = headers(connection_string, auth_token)?;
    if let Some(i) = options.isolation {
        h.push(("Neon-Batch-Isolation-Level", i.as_str().into()));
    }
    if let Some(r) = options.read_only {
        h.push(("Neon-Batch-Read-Only", bool_text(r).into()));
    }
    if let Some(d) = options.deferrable {
        h.push(("Neon-Batch-Deferrable", bool_text(d).into()));
    }
    Ok(h)
}

fn bool_text(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

/// A value's PostgreSQL text form, as sent in `params` (`None` is JSON null).
///
/// | value | text |
/// |---|---|
/// | `Null` | `null` (JSON) |
/// | `Bool` | `true` / `false` |
/// | `Int` | decimal digits |
/// | `Float` | shortest round-trip decimal (`0.1`, `1`, `1e-7` as `0.0000001`); `NaN`, `Infinity`, `-Infinity` |
/// | `Text` | as is |
/// | `Blob` | `\x` + lowercase hex (bytea's hex input form) |
///
/// This is what the official client's `pg`-style value preparation sends;
/// the server reads each by the parameter's inferred type.
///
/// ```
/// use mizzle_core::{protocol::neon::param_text, Value};
/// assert_eq!(param_text(&Value::Float(f64::NAN)).as_deref(), Some("NaN"));
/// assert_eq!(param_text(&Value::Blob(vec![1, 0xab])).as_deref(), Some("\\x01ab"));
/// assert_eq!(param_text(&Value::Null), None);
/// ```
pub fn param_text(v: &Value) -> Option<String> {
    Some(match v {
        Value::Null => return None,
        Value::Bool(b) => bool_text(*b).into(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) if f.is_nan() => "NaN".into(),
        Value::Float(f) if f.is_infinite() => {
            if *f > 0.0 { "Infinity" } else { "-Infinity" }.into()
        }
        // `Display` is the shortest text that reads back to the same f64 and
        // writes integral values without `.0`, so `1.0` also fits an int
        // parameter (as JavaScript's `String(1)` does).
        Value::Float(f) => f.to_string(),
        Value::Text(s) => s.clone(),
        Value::Blob(b) => {
            let mut s = String::with_capacity(2 + b.len() * 2);
            s.push_str("\\x");
            for byte in b {
                let _ = write!(s, "{byte:02x}");
            }
            s
        }
    })
}

fn write_query(out: &mut String, sql: &str, params: &[Value]) {
    out.push_str("{\"query\":");
    push_json_string(out, sql);
    out.push_str(",\"params\":[");
    for (i, p) in params.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match param_text(p) {
            Some(t) => push_json_string(out, &t),
            None => out.push_str("null"),
        }
    }
    out.push_str("]}");
}

/// The body of a single query: `{"query": sql, "params": [...]}`. Bind
/// placeholders first ([`crate::Rendered::bind`]); `sql` uses `$1..$n`.
pub fn query_body(sql: &str, params: &[Value]) -> String {
    let mut out = String::with_capacity(sql.len() + 32);
    write_query(&mut out, sql, params);
    out
}

/// The body of a batch, run by the server in one transaction:
/// `{"queries": [{"query": ..., "params": [...]}, ...]}`.
///
/// ```
/// use mizzle_core::{protocol::neon::batch_body, Value};
/// let b = batch_body(&[("select 1", &[][..]), ("select $1", &[Value::Bool(true)][..])]);
/// assert_eq!(b, r#"{"queries":[{"query":"select 1","params":[]},{"query":"select $1","params":["true"]}]}"#);
/// ```
pub fn batch_body(queries: &[(&str, &[Value])]) -> String {
    let mut out = String::from("{\"queries\":[");
    for (i, (sql, params)) in queries.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_query(&mut out, sql, params);
    }
    out.push_str("]}");
    out
}

/// A result column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub name: String,
    /// The type OID (`dataTypeID`), which picks the decoder.
    pub type_oid: u32,
    /// `tableID` / `columnID`: the source column, 0 for computed values.
    pub table_oid: u32,
    pub column_id: i32,
    /// `dataTypeSize` (-1 variable, -2 C string) and `dataTypeModifier` (-1 none).
    pub type_size: i32,
    pub type_modifier: i32,
}

/// One statement's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryResult {
    /// The command tag's verb: `SELECT`, `INSERT`, `CREATE`...
    pub command: String,
    /// Rows returned or affected; `None` for commands without a count (DDL).
    pub row_count: Option<u64>,
    pub fields: Vec<Field>,
    /// Each row has one cell per field: PostgreSQL's text form, `None` for NULL.
    pub rows: Vec<Vec<Option<String>>>,
}

impl QueryResult {
    /// Every row decoded by its field's type ([`decode_text`]).
    pub fn decode_rows(&self) -> Result<Vec<Vec<Cell>>, ProtocolError> {
        self.rows
            .iter()
            .map(|row| {
                row.iter()
                    .zip(&self.fields)
                    .map(|(cell, f)| match cell {
                        None => Ok(Cell::Null),
                        Some(t) => decode_text(f.type_oid, t),
                    })
                    .collect()
            })
            .collect()
    }
}

/// A PostgreSQL error as Neon reports it (HTTP 400). Fields the server left
/// out are `None`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ServerError {
    pub message: String,
    /// The SQLSTATE (`23505` unique violation, `42P01` undefined table...);
    /// `None` for an error of the proxy itself (which sends an empty code).
    pub code: Option<String>,
    pub severity: Option<String>,
    pub detail: Option<String>,
    pub hint: Option<String>,
    /// 1-based character position in the statement.
    pub position: Option<u32>,
    pub schema: Option<String>,
    pub table: Option<String>,
    pub column: Option<String>,
    pub data_type: Option<String>,
    pub constraint: Option<String>,
    pub where_: Option<String>,
    pub routine: Option<String>,
}

impl fmt::Display for ServerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(c) = &self.code {
            write!(f, " (SQLSTATE {c})")?;
        }
        Ok(())
    }
}

/// The error for a non-200 response: [`ProtocolError::Neon`] for a
/// database error (HTTP 400 with a JSON `message`), otherwise the typed HTTP
/// error (401, 413, 507, 5xx...). A 400 whose body is not such JSON is
/// [`ProtocolError::UnexpectedStatus`] with the body as its message.
///
/// ```
/// use mizzle_core::protocol::{neon, ProtocolError};
/// let e = neon::parse_error(400, r#"{"message":"duplicate key value violates unique constraint \"u_pkey\"",
///   "code":"23505","severity":"ERROR","detail":"Key (id)=(1) already exists.",
///   "schema":"public","table":"u","constraint":"u_pkey"}"#);
/// let ProtocolError::Neon(e) = e else { panic!() };
/// assert_eq!(e.code.as_deref(), Some("23505"));
/// assert_eq!(e.constraint.as_deref(), Some("u_pkey"));
/// assert!(matches!(neon::parse_error(507, "too big"), ProtocolError::ResponseTooLarge { .. }));
/// ```
pub fn parse_error(status: u16, body: &str) -> ProtocolError {
    if status == 400 {
        if let Ok(j) = parse_json(body) {
            if let Some(message) = j.get("message").and_then(Json::as_str) {
                return ProtocolError::Neon(Box::new(server_error(&j, message)));
            }
        }
        return ProtocolError::UnexpectedStatus {
            status,
            message: super::error::status_message(body),
        };
    }
    status_error(status, body)
}

fn server_error(j: &Json, message: &str) -> ServerError {
    // The proxy sends absent fields as null or leaves them out; it writes
    // `position` as a string (as PostgreSQL's protocol does), so take both.
    let s = |k: &str| j.get(k).and_then(Json::as_str).map(String::from);
    let position = j.get("position").and_then(|p| {
        p.as_str()
            .or_else(|| number_text(p))
            .and_then(|t| t.parse::<u32>().ok())
    });
    ServerError {
        message: message.into(),
        // Neon sends `"code": ""` for errors that are not PostgreSQL's
        // (a bad header, a refused connection): no SQLSTATE, not an empty one.
        code: s("code").filter(|c| !c.is_empty()),
        severity: s("severity"),
        detail: s("detail"),
        hint: s("hint"),
        position,
        schema: s("schema"),
        table: s("table"),
        column: s("column"),
        data_type: s("dataType"),
        constraint: s("constraint"),
        where_: s("where"),
        routine: s("routine"),
    }
}

/// Parses a single-query response: [`parse_result`] for 200, else [`parse_error`].
pub fn parse_response(status: u16, body: &str) -> Result<QueryResult, ProtocolError> {
    if status == 200 {
        parse_result(body)
    } else {
        Err(parse_error(status, body))
    }
}

/// Parses a batch response: [`parse_batch`] for 200, else [`parse_error`].
pub fn parse_batch_response(status: u16, body: &str) -> Result<Vec<QueryResult>, ProtocolError> {
    if status == 200 {
        parse_batch(body)
    } else {
        Err(parse_error(status, body))
    }
}

/// Parses the body of a successful (HTTP 200) single-query response.
pub fn parse_result(body: &str) -> Result<QueryResult, ProtocolError> {
    result_from(parse_json(body)?, "")
}

/// Parses the body of a successful batch response, `{"results": [...]}`.
pub fn parse_batch(body: &str) -> Result<Vec<QueryResult>, ProtocolError> {
    let mut j = parse_json(body)?;
    let Some(Json::Array(results)) = j.get_mut("results").map(Json::take) else {
        return Err(ProtocolError::shape("results", "an array"));
    };
    results
        .into_iter()
        .enumerate()
        .map(|(i, r)| result_from(r, &alloc::format!("results[{i}].")))
        .collect()
}

fn int_field<T: core::str::FromStr>(
    obj: &Json,
    key: &str,
    at: impl Fn() -> String,
) -> Result<Option<T>, ProtocolError> {
    match obj.get(key) {
        None | Some(Json::Null) => Ok(None),
        Some(Json::Number(n)) => n
            .as_str()
            .parse::<T>()
            .map(Some)
            .map_err(|_| ProtocolError::shape(at(), "an integer in range")),
        Some(_) => Err(ProtocolError::shape(at(), "an integer")),
    }
}

/// Takes the result apart rather than copying it: a response can be 10 MiB
/// of cells, and a Worker has 128 MB.
fn result_from(mut j: Json, prefix: &str) -> Result<QueryResult, ProtocolError> {
    let at = |k: &str| alloc::format!("{prefix}{k}");
    if j.as_object().is_none() {
        return Err(ProtocolError::shape(
            prefix.trim_end_matches('.').to_string(),
            "an object",
        ));
    }
    let command = match j.get("command") {
        Some(Json::String(s)) => s.clone(),
        // Absent for an empty statement; nothing to report then.
        None | Some(Json::Null) => String::new(),
        Some(_) => return Err(ProtocolError::shape(at("command"), "a string")),
    };
    let row_count = int_field::<u64>(&j, "rowCount", || at("rowCount"))?;
    let fields_json = j
        .get("fields")
        .and_then(Json::as_array)
        .ok_or_else(|| ProtocolError::shape(at("fields"), "an array"))?;
    let mut fields = Vec::with_capacity(fields_json.len());
    for (i, f) in fields_json.iter().enumerate() {
        let fat = |k: &str| alloc::format!("{prefix}fields[{i}].{k}");
        let name = f
            .get("name")
            .and_then(Json::as_str)
            .ok_or_else(|| ProtocolError::shape(fat("name"), "a string"))?;
        let type_oid = int_field::<u32>(f, "dataTypeID", || fat("dataTypeID"))?
            .ok_or_else(|| ProtocolError::shape(fat("dataTypeID"), "a type OID"))?;
        fields.push(Field {
            name: name.into(),
            type_oid,
            table_oid: int_field(f, "tableID", || fat("tableID"))?.unwrap_or(0),
            column_id: int_field(f, "columnID", || fat("columnID"))?.unwrap_or(0),
            type_size: int_field(f, "dataTypeSize", || fat("dataTypeSize"))?.unwrap_or(-1),
            type_modifier: int_field(f, "dataTypeModifier", || fat("dataTypeModifier"))?
                .unwrap_or(-1),
        });
    }
    let Some(Json::Array(rows_json)) = j.get_mut("rows").map(Json::take) else {
        return Err(ProtocolError::shape(at("rows"), "an array"));
    };
    let mut rows = Vec::with_capacity(rows_json.len());
    for (r, row) in rows_json.into_iter().enumerate() {
        let Json::Array(cells) = row else {
            return Err(ProtocolError::shape(
                alloc::format!("{prefix}rows[{r}]"),
                "an array (Neon-Array-Mode)",
            ));
        };
        if cells.len() != fields.len() {
            return Err(ProtocolError::shape(
                alloc::format!("{prefix}rows[{r}]"),
                "one cell per field",
            ));
        }
        let mut out = Vec::with_capacity(cells.len());
        for (c, cell) in cells.into_iter().enumerate() {
            out.push(match cell {
                Json::Null => None,
                Json::String(s) => Some(s),
                _ => {
                    return Err(ProtocolError::shape(
                        alloc::format!("{prefix}rows[{r}][{c}]"),
                        "a string or null (Neon-Raw-Text-Output)",
                    ))
                }
            });
        }
        rows.push(out);
    }
    Ok(QueryResult {
        command,
        row_count,
        fields,
        rows,
    })
}

/// Well-known type OIDs (`pg_type.oid`, fixed in every PostgreSQL).
pub mod oid {
    pub const BOOL: u32 = 16;
    pub const BYTEA: u32 = 17;
    pub const CHAR: u32 = 18;
    pub const NAME: u32 = 19;
    pub const INT8: u32 = 20;
    pub const INT2: u32 = 21;
    pub const INT4: u32 = 23;
    pub const TEXT: u32 = 25;
    pub const OID: u32 = 26;
    pub const JSON: u32 = 114;
    pub const FLOAT4: u32 = 700;
    pub const FLOAT8: u32 = 701;
    pub const BPCHAR: u32 = 1042;
    pub const VARCHAR: u32 = 1043;
    pub const DATE: u32 = 1082;
    pub const TIME: u32 = 1083;
    pub const TIMESTAMP: u32 = 1114;
    pub const TIMESTAMPTZ: u32 = 1184;
    pub const INTERVAL: u32 = 1186;
    pub const TIMETZ: u32 = 1266;
    pub const NUMERIC: u32 = 1700;
    pub const UUID: u32 = 2950;
    pub const JSONB: u32 = 3802;
}

/// The element type of a one-dimensional array type OID (`_int4` -> `int4`).
pub fn array_element(array_oid: u32) -> Option<u32> {
    Some(match array_oid {
        1000 => oid::BOOL,
        1001 => oid::BYTEA,
        1002 => oid::CHAR,
        1003 => oid::NAME,
        1005 => oid::INT2,
        1007 => oid::INT4,
        1009 => oid::TEXT,
        1014 => oid::BPCHAR,
        1015 => oid::VARCHAR,
        1016 => oid::INT8,
        1021 => oid::FLOAT4,
        1022 => oid::FLOAT8,
        1028 => oid::OID,
        199 => oid::JSON,
        1115 => oid::TIMESTAMP,
        1182 => oid::DATE,
        1183 => oid::TIME,
        1185 => oid::TIMESTAMPTZ,
        1187 => oid::INTERVAL,
        1231 => oid::NUMERIC,
        1270 => oid::TIMETZ,
        2951 => oid::UUID,
        3807 => oid::JSONB,
        _ => return None,
    })
}

/// Decodes PostgreSQL's text form of a value of type `oid`.
///
/// | type (OID) | cell |
/// |---|---|
/// | bool (16) | `Bool` from `t`/`f` |
/// | int2 (21), int4 (23), int8 (20), oid (26) | `Int` |
/// | float4 (700), float8 (701) | `Float` (`NaN`, `Infinity`, `-Infinity` too) |
/// | numeric (1700) | `Numeric` (text kept, `NaN`/`Infinity` included) |
/// | text (25), varchar (1043), bpchar (1042), char (18), name (19), uuid (2950) | `Text` |
/// | json (114), jsonb (3802) | `Json` (parsed; nesting over 128 is an error) |
/// | bytea (17) | `Bytes` from hex `\x0a0b` (or the legacy escape format) |
/// | date, time, timetz, timestamp, timestamptz, interval | `Temporal(kind, text)` |
/// | arrays of all of the above | `Array` (nested when multi-dimensional) |
/// | any other OID | `Text` |
///
/// ```
/// use mizzle_core::protocol::{neon::decode_text, Cell};
/// assert_eq!(decode_text(16, "t").unwrap(), Cell::Bool(true));
/// assert_eq!(decode_text(1016, "{1,NULL}").unwrap(),
///            Cell::Array(vec![Cell::Int(1), Cell::Null]));
/// assert_eq!(decode_text(17, "\\x0aff").unwrap(), Cell::Bytes(vec![10, 255]));
/// ```
pub fn decode_text(oid: u32, text: &str) -> Result<Cell, ProtocolError> {
    if let Some(elem) = array_element(oid) {
        let items = pg_array::parse(text).map_err(|why| ProtocolError::bad_value("array", why))?;
        return array_cells(elem, items);
    }
    Ok(match oid {
        oid::BOOL => match text {
            "t" | "true" => Cell::Bool(true),
            "f" | "false" => Cell::Bool(false),
            _ => return Err(ProtocolError::bad_value("bool", "not t or f")),
        },
        oid::INT2 | oid::INT4 | oid::INT8 | oid::OID => Cell::Int(
            text.parse()
                .map_err(|_| ProtocolError::bad_value("integer", "not an integer in range"))?,
        ),
        oid::FLOAT4 | oid::FLOAT8 => Cell::Float(
            parse_float(text).ok_or_else(|| ProtocolError::bad_value("float", "not a number"))?,
        ),
        oid::NUMERIC => Cell::Numeric(text.into()),
        oid::JSON | oid::JSONB => Cell::Json(
            parse_json(text).map_err(|_| ProtocolError::bad_value("json", "not valid JSON"))?,
        ),
        oid::BYTEA => Cell::Bytes(decode_bytea(text)?),
        oid::DATE => Cell::Temporal(TemporalKind::Date, text.into()),
        oid::TIME => Cell::Temporal(TemporalKind::Time, text.into()),
        oid::TIMETZ => Cell::Temporal(TemporalKind::TimeTz, text.into()),
        oid::TIMESTAMP => Cell::Temporal(TemporalKind::Timestamp, text.into()),
        oid::TIMESTAMPTZ => Cell::Temporal(TemporalKind::TimestampTz, text.into()),
        oid::INTERVAL => Cell::Temporal(TemporalKind::Interval, text.into()),
        _ => Cell::Text(text.into()),
    })
}

fn array_cells(elem: u32, items: Vec<Elem>) -> Result<Cell, ProtocolError> {
    items
        .into_iter()
        .map(|e| match e {
            Elem::Null => Ok(Cell::Null),
            Elem::Text(t) => decode_text(elem, &t),
            Elem::Sub(sub) => array_cells(elem, sub),
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Cell::Array)
}

/// PostgreSQL's float output: digits, `NaN`, `Infinity`, `-Infinity`. Only
/// those spellings: Rust's parser would also take `inf` and `nan`.
fn parse_float(text: &str) -> Option<f64> {
    match text {
        "NaN" => Some(f64::NAN),
        "Infinity" => Some(f64::INFINITY),
        "-Infinity" => Some(f64::NEG_INFINITY),
        _ if text.bytes().any(|b| b.is_ascii_digit())
            && text
                .bytes()
                .all(|b| matches!(b, b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-')) =>
        {
            text.parse().ok()
        }
        _ => None,
    }
}

/// bytea text: hex (`\x0a0b`, the default `bytea_output`) or escape
/// (`a\000\\`, the legacy format: printable bytes as is, `\\`, `\ooo`).
fn decode_bytea(text: &str) -> Result<Vec<u8>, ProtocolError> {
    let bad = |why| ProtocolError::bad_value("bytea", why);
    if let Some(hex) = text.strip_prefix("\\x") {
        let h = hex.as_bytes();
        if h.len() % 2 != 0 {
            return Err(bad("odd number of hex digits"));
        }
        return h
            .chunks(2)
            .map(|p| {
                let d = |b: u8| (b as char).to_digit(16).ok_or(bad("not a hex digit"));
                Ok((d(p[0])? * 16 + d(p[1])?) as u8)
            })
            .collect();
    }
    let s = text.as_bytes();
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s[i] != b'\\' {
            out.push(s[i]);
            i += 1;
        } else if s.get(i + 1) == Some(&b'\\') {
            out.push(b'\\');
            i += 2;
        } else {
            let oct = s.get(i + 1..i + 4).ok_or(bad("short octal escape"))?;
            let mut v: u32 = 0;
            for &b in oct {
                if !(b'0'..=b'7').contains(&b) {
                    return Err(bad("not an octal escape"));
                }
                v = v * 8 + u32::from(b - b'0');
            }
            out.push(u8::try_from(v).map_err(|_| bad("octal escape over 255"))?);
            i += 4;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    #[test]
    fn query_and_batch_bodies() {
        let params = [
            Value::Null,
            Value::Bool(false),
            Value::Int(i64::MIN),
            Value::Float(0.1),
            Value::Float(1.0),
            Value::Float(f64::NEG_INFINITY),
            Value::Text("é\n\"\\".into()),
            Value::Blob(vec![0, 255]),
        ];
        assert_eq!(
            query_body("select $1", &params),
            r#"{"query":"select $1","params":[null,"false","-9223372036854775808","0.1","1","-Infinity","é\n\"\\","\\x00ff"]}"#
        );
        assert_eq!(
            query_body("select 1", &[]),
            r#"{"query":"select 1","params":[]}"#
        );
        assert_eq!(batch_body(&[]), r#"{"queries":[]}"#);
        // The body is valid JSON whatever the SQL holds.
        let sql = "select '\u{0}\u{1f}\u{2028}'";
        let j = parse_json(&query_body(sql, &[])).unwrap();
        assert_eq!(j.get("query").and_then(Json::as_str), Some(sql));
    }

    #[test]
    fn header_injection_is_refused() {
        assert!(matches!(
            headers("postgresql://h/db\r\nX-Evil: 1", None),
            Err(ProtocolError::InvalidArgument(_))
        ));
        assert!(headers("postgresql://h/db", Some("a\nb")).is_err());
        let h = batch_headers(
            "postgresql://h/db",
            None,
            &BatchOptions {
                isolation: Some(IsolationLevel::RepeatableRead),
                read_only: Some(false),
                deferrable: Some(true),
            },
        )
        .unwrap();
        assert_eq!(
            &h[4..],
            &[
                ("Neon-Batch-Isolation-Level", "RepeatableRead".into()),
                ("Neon-Batch-Read-Only", "false".into()),
                ("Neon-Batch-Deferrable", "true".into()),
            ]
        );
    }

    /// The result shape from the protocol reference, byte for byte.
    const SELECT_ONE: &str = r#"{"command": "SELECT", "rowCount": 1, "rowAsArray": true, "fields": [{"name": "n",
  "dataTypeID": 20, "tableID": 0, "columnID": 0, "dataTypeSize": 8, "dataTypeModifier": -1,
  "format": "text"}], "rows": [["1"]]}"#;

    #[test]
    fn parses_reference_result() {
        let r = parse_result(SELECT_ONE).unwrap();
        assert_eq!(r.command, "SELECT");
        assert_eq!(r.row_count, Some(1));
        assert_eq!(
            r.fields,
            vec![Field {
                name: "n".into(),
                type_oid: 20,
                table_oid: 0,
                column_id: 0,
                type_size: 8,
                type_modifier: -1
            }]
        );
        assert_eq!(r.rows, vec![vec![Some("1".into())]]);
        assert_eq!(r.decode_rows().unwrap(), vec![vec![Cell::Int(1)]]);

        let ddl = parse_result(
            r#"{"command":"CREATE","rowCount":null,"rowAsArray":true,"fields":[],"rows":[]}"#,
        )
        .unwrap();
        assert_eq!((ddl.command.as_str(), ddl.row_count), ("CREATE", None));
    }

    #[test]
    fn parses_mixed_types_and_nulls() {
        let body = r#"{"command":"SELECT","rowCount":2,"rowAsArray":true,"fields":[
            {"name":"b","dataTypeID":16},{"name":"ts","dataTypeID":1184},{"name":"a","dataTypeID":1007},
            {"name":"j","dataTypeID":3802},{"name":"d","dataTypeID":1700},{"name":"x","dataTypeID":17},
            {"name":"u","dataTypeID":2950},{"name":"e","dataTypeID":16385}],
            "rows":[["t","2024-01-02 03:04:05+00","{1,2}","{\"a\": [1, 2.50]}","12345678901234567890.12","\\x0102","a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11","happy"],
                    [null,null,null,null,null,null,null,null]]}"#;
        let r = parse_result(body).unwrap();
        let rows = r.decode_rows().unwrap();
        assert_eq!(
            rows[0],
            vec![
                Cell::Bool(true),
                Cell::Temporal(TemporalKind::TimestampTz, "2024-01-02 03:04:05+00".into()),
                Cell::Array(vec![Cell::Int(1), Cell::Int(2)]),
                Cell::Json(parse_json(r#"{"a":[1,2.50]}"#).unwrap()),
                Cell::Numeric("12345678901234567890.12".into()),
                Cell::Bytes(vec![1, 2]),
                Cell::Text("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11".into()),
                Cell::Text("happy".into()),
            ]
        );
        assert!(rows[1].iter().all(|c| *c == Cell::Null));
    }

    #[test]
    fn parses_batches() {
        let body = alloc::format!(r#"{{"results":[{SELECT_ONE},{SELECT_ONE}]}}"#);
        let rs = parse_batch(&body).unwrap();
        assert_eq!(rs.len(), 2);
        assert_eq!(rs[1].rows, vec![vec![Some("1".into())]]);
        assert_eq!(parse_batch(r#"{"results":[]}"#).unwrap(), vec![]);
        assert!(matches!(
            parse_batch(r#"{"results":[1]}"#),
            Err(ProtocolError::Shape { at, .. }) if at == "results[0]"
        ));
        assert!(matches!(
            parse_batch(r#"{"results":[{"command":"SELECT","fields":[],"rows":[["x"]]}]}"#),
            Err(ProtocolError::Shape { at, .. }) if at == "results[0].rows[0]"
        ));
        assert!(matches!(
            parse_batch_response(413, ""),
            Err(ProtocolError::RequestTooLarge { .. })
        ));
    }

    #[test]
    fn decode_table() {
        let cases: &[(u32, &str, Cell)] = &[
            (16, "f", Cell::Bool(false)),
            (21, "-32768", Cell::Int(-32768)),
            (23, "2147483647", Cell::Int(2147483647)),
            (20, "-9223372036854775808", Cell::Int(i64::MIN)),
            (26, "4294967295", Cell::Int(4294967295)),
            (700, "1.5", Cell::Float(1.5)),
            (
                701,
                "-1.2345678901234567e-300",
                Cell::Float(-1.2345678901234567e-300),
            ),
            (701, "Infinity", Cell::Float(f64::INFINITY)),
            (701, "-Infinity", Cell::Float(f64::NEG_INFINITY)),
            (1700, "NaN", Cell::Numeric("NaN".into())),
            (25, "", Cell::Text("".into())),
            (1043, "a,b", Cell::Text("a,b".into())),
            (1042, "ab  ", Cell::Text("ab  ".into())),
            (19, "pg_class", Cell::Text("pg_class".into())),
            (114, "[]", Cell::Json(Json::Array(vec![]))),
            (17, "\\x", Cell::Bytes(vec![])),
            (
                17,
                "a\\000\\\\\\377",
                Cell::Bytes(vec![b'a', 0, b'\\', 255]),
            ),
            (
                1082,
                "infinity",
                Cell::Temporal(TemporalKind::Date, "infinity".into()),
            ),
            (
                1083,
                "03:04:05",
                Cell::Temporal(TemporalKind::Time, "03:04:05".into()),
            ),
            (
                1266,
                "03:04:05+02",
                Cell::Temporal(TemporalKind::TimeTz, "03:04:05+02".into()),
            ),
            (
                1114,
                "2024-01-02 03:04:05.5",
                Cell::Temporal(TemporalKind::Timestamp, "2024-01-02 03:04:05.5".into()),
            ),
            (
                1186,
                "1 day 02:00:00",
                Cell::Temporal(TemporalKind::Interval, "1 day 02:00:00".into()),
            ),
            (
                1000,
                "{t,f,NULL}",
                Cell::Array(vec![Cell::Bool(true), Cell::Bool(false), Cell::Null]),
            ),
            (
                1009,
                r#"{"a,b","NULL",NULL,"q\"x"}"#,
                Cell::Array(vec![
                    Cell::Text("a,b".into()),
                    Cell::Text("NULL".into()),
                    Cell::Null,
                    Cell::Text("q\"x".into()),
                ]),
            ),
            (
                1001,
                r#"{"\\x01ff",NULL}"#,
                Cell::Array(vec![Cell::Bytes(vec![1, 255]), Cell::Null]),
            ),
            (
                3807,
                r#"{"{\"a\": 1}",null}"#,
                Cell::Array(vec![
                    Cell::Json(parse_json(r#"{"a":1}"#).unwrap()),
                    Cell::Null,
                ]),
            ),
            (
                1185,
                r#"{"2024-01-02 03:04:05+00"}"#,
                Cell::Array(vec![Cell::Temporal(
                    TemporalKind::TimestampTz,
                    "2024-01-02 03:04:05+00".into(),
                )]),
            ),
            (
                1022,
                "{NaN,-Infinity,1e+300}",
                Cell::Array(vec![
                    Cell::Float(f64::NAN),
                    Cell::Float(f64::NEG_INFINITY),
                    Cell::Float(1e300),
                ]),
            ),
            (
                1007,
                "{{1,2},{3,4}}",
                Cell::Array(vec![
                    Cell::Array(vec![Cell::Int(1), Cell::Int(2)]),
                    Cell::Array(vec![Cell::Int(3), Cell::Int(4)]),
                ]),
            ),
            (1231, "{}", Cell::Array(vec![])),
            (99999, "{1,2}", Cell::Text("{1,2}".into())),
        ];
        for (oid, text, want) in cases {
            let got = decode_text(*oid, text).unwrap();
            // NaN != NaN: compare the debug form.
            assert_eq!(
                alloc::format!("{got:?}"),
                alloc::format!("{want:?}"),
                "oid {oid} {text:?}"
            );
        }
        match decode_text(701, "NaN").unwrap() {
            Cell::Float(f) => assert!(f.is_nan()),
            c => panic!("{c:?}"),
        }
    }

    #[test]
    fn decode_errors_are_typed() {
        for (oid, text) in [
            (16, "yes"),
            (21, ""),
            (23, "1.0"),
            (20, "9223372036854775808"),
            (701, "inf"),
            (701, "nan"),
            (700, "1,5"),
            (114, "{"),
            (3802, &*"[".repeat(200)),
            (17, "\\x0"),
            (17, "\\xzz"),
            (17, "\\1"),
            (17, "\\400"),
            (1007, "{1,x}"),
            (1007, "{1"),
            (1007, "1,2"),
            (1009, "{\"a}"),
        ] {
            assert!(
                matches!(decode_text(oid, text), Err(ProtocolError::BadValue { .. })),
                "oid {oid} {text:?}"
            );
        }
    }

    #[test]
    fn hostile_results_are_typed_errors() {
        let shape = |b: &str| matches!(parse_result(b), Err(ProtocolError::Shape { .. }));
        let json = |b: &str| matches!(parse_result(b), Err(ProtocolError::Json(_)));
        assert!(json(""));
        assert!(json(&SELECT_ONE[..SELECT_ONE.len() - 3]));
        assert!(json("<html>502 Bad Gateway</html>"));
        assert!(shape("[]"));
        assert!(shape("{}"));
        assert!(shape(r#"{"command":1,"fields":[],"rows":[]}"#));
        assert!(shape(
            r#"{"command":"SELECT","rowCount":-1,"fields":[],"rows":[]}"#
        ));
        assert!(shape(
            r#"{"command":"SELECT","rowCount":1e3,"fields":[],"rows":[]}"#
        ));
        assert!(shape(
            r#"{"command":"SELECT","rowCount":99999999999999999999999,"fields":[],"rows":[]}"#
        ));
        assert!(shape(r#"{"command":"SELECT","fields":{},"rows":[]}"#));
        assert!(shape(
            r#"{"command":"SELECT","fields":[{"name":"a"}],"rows":[]}"#
        ));
        assert!(shape(
            r#"{"command":"SELECT","fields":[{"name":"a","dataTypeID":-5}],"rows":[]}"#
        ));
        assert!(shape(
            r#"{"command":"SELECT","fields":[{"name":"a","dataTypeID":"25"}],"rows":[]}"#
        ));
        assert!(shape(
            r#"{"command":"SELECT","fields":[{"name":"a","dataTypeID":25}],"rows":[{"a":"x"}]}"#
        ));
        assert!(shape(
            r#"{"command":"SELECT","fields":[{"name":"a","dataTypeID":25}],"rows":[[1]]}"#
        ));
        assert!(shape(
            r#"{"command":"SELECT","fields":[{"name":"a","dataTypeID":25}],"rows":[["a","b"]]}"#
        ));
        assert!(shape(
            r#"{"command":"SELECT","fields":[{"name":"a","dataTypeID":25}],"rows":[[]]}"#
        ));
    }

    #[test]
    fn errors_by_status() {
        let body = r#"{"message":"relation \"nope\" does not exist","code":"42P01","severity":"ERROR",
            "position":"15","detail":null,"hint":null,"table":null,"file":"parse_relation.c","line":"1449","routine":"parserOpenTable"}"#;
        let ProtocolError::Neon(e) = parse_error(400, body) else {
            panic!()
        };
        assert_eq!(e.message, "relation \"nope\" does not exist");
        assert_eq!(e.code.as_deref(), Some("42P01"));
        assert_eq!(e.severity.as_deref(), Some("ERROR"));
        assert_eq!(e.position, Some(15));
        assert_eq!(e.detail, None);
        assert_eq!(e.routine.as_deref(), Some("parserOpenTable"));
        assert_eq!(
            alloc::format!("{e}"),
            "relation \"nope\" does not exist (SQLSTATE 42P01)"
        );
        let ProtocolError::Neon(e) = parse_error(
            400,
            r#"{"message":"x","position":7,"column":"c","schema":"s","constraint":"k","hint":"h","dataType":"int4"}"#,
        ) else {
            panic!()
        };
        assert_eq!(
            (e.position, e.column.as_deref(), e.schema.as_deref()),
            (Some(7), Some("c"), Some("s"))
        );
        assert_eq!(
            (
                e.constraint.as_deref(),
                e.hint.as_deref(),
                e.data_type.as_deref()
            ),
            (Some("k"), Some("h"), Some("int4"))
        );

        assert!(matches!(
            parse_error(400, "{\"message\":"),
            ProtocolError::UnexpectedStatus { status: 400, .. }
        ));
        assert!(matches!(
            parse_error(400, "{}"),
            ProtocolError::UnexpectedStatus { status: 400, .. }
        ));
        assert!(
            matches!(parse_error(413, "request too large"), ProtocolError::RequestTooLarge { message } if message == "request too large")
        );
        assert!(
            matches!(parse_error(507, r#"{"message":"response is too large (max is 10485760 bytes)"}"#),
            ProtocolError::ResponseTooLarge { message } if message.starts_with("response is too large"))
        );
        assert!(matches!(
            parse_error(500, ""),
            ProtocolError::ServerFailure { status: 500, .. }
        ));
        assert!(matches!(
            parse_error(503, "x"),
            ProtocolError::ServerFailure { status: 503, .. }
        ));
        assert!(
            matches!(parse_error(401, "{\"message\":\"bad jwt\"}"), ProtocolError::Unauthorized { message } if message == "bad jwt")
        );
        assert!(matches!(
            parse_error(404, "nope"),
            ProtocolError::UnexpectedStatus { status: 404, .. }
        ));
        // A long non-JSON body is cut, on a char boundary.
        let long = "é".repeat(2000);
        let ProtocolError::ServerFailure { message, .. } = parse_error(502, &long) else {
            panic!()
        };
        assert!(message.len() <= 1000 && message.chars().all(|c| c == 'é'));
    }
}
