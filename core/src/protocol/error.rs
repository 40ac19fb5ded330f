//! Everything that can go wrong between an HTTP response and decoded cells.

use alloc::boxed::Box;
use alloc::string::String;
use core::fmt;

use super::{neon, parse_json, planetscale};

/// A failed request or an unreadable response. Parsing never panics: every
/// problem with a body is one of these.
///
/// ```
/// use mizzle_core::protocol::{neon, ProtocolError};
/// let e = neon::parse_result(r#"{"command":"SELECT","fields":[],"rows":["#).unwrap_err();
/// assert!(matches!(e, ProtocolError::Json(_)));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ProtocolError {
    /// The body is not JSON (truncated, garbage, nested too deeply): the
    /// parser's message, with the line and column.
    Json(String),
    /// The body is JSON but not the expected shape: `at` names the place
    /// (`rows[3][1]`), `expected` what should be there.
    Shape { at: String, expected: &'static str },
    /// The database refused the statement (Neon HTTP 400). Boxed, as both
    /// server errors are large and the `Ok` path should not pay for them.
    Neon(Box<neon::ServerError>),
    /// The database refused the statement (PlanetScale `{"error": ...}`).
    PlanetScale(Box<planetscale::ServerError>),
    /// HTTP 401: bad credentials.
    Unauthorized { message: String },
    /// HTTP 413: the request body is over the server's limit.
    RequestTooLarge { message: String },
    /// HTTP 507: the response would be over the server's limit (Neon: 10 MiB by default).
    ResponseTooLarge { message: String },
    /// HTTP 5xx: the service failed.
    ServerFailure { status: u16, message: String },
    /// Any other status the protocol does not define.
    UnexpectedStatus { status: u16, message: String },
    /// A base64 field (PlanetScale row values) is malformed: the decoder's
    /// message (which byte, or a bad length or padding).
    Base64(String),
    /// A PlanetScale row's `lengths` do not fit its decoded `values`.
    RowLengths { row: usize, reason: &'static str },
    /// A value is not valid UTF-8 where its type is text.
    InvalidUtf8 { type_name: String },
    /// A value's text does not parse as its type (`int8` "x1").
    BadValue {
        type_name: String,
        reason: &'static str,
    },
    /// A request argument that cannot go on the wire (a header value with a
    /// line break would split the HTTP request).
    InvalidArgument(&'static str),
}

impl ProtocolError {
    pub(crate) fn shape(at: impl Into<String>, expected: &'static str) -> Self {
        ProtocolError::Shape {
            at: at.into(),
            expected,
        }
    }

    pub(crate) fn bad_value(type_name: &str, reason: &'static str) -> Self {
        ProtocolError::BadValue {
            type_name: type_name.into(),
            reason,
        }
    }
}

impl From<serde_json::Error> for ProtocolError {
    fn from(e: serde_json::Error) -> Self {
        ProtocolError::Json(alloc::string::ToString::to_string(&e))
    }
}

impl From<base64::DecodeError> for ProtocolError {
    fn from(e: base64::DecodeError) -> Self {
        ProtocolError::Base64(alloc::string::ToString::to_string(&e))
    }
}

impl fmt::Display for ProtocolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProtocolError::Json(e) => write!(f, "invalid response body: {e}"),
            ProtocolError::Shape { at, expected } => {
                write!(f, "unexpected response: {at} should be {expected}")
            }
            ProtocolError::Neon(e) => write!(f, "{e}"),
            ProtocolError::PlanetScale(e) => write!(f, "{e}"),
            ProtocolError::Unauthorized { message } => {
                write!(f, "unauthorized (HTTP 401): {message}")
            }
            ProtocolError::RequestTooLarge { message } => {
                write!(f, "request too large (HTTP 413): {message}")
            }
            ProtocolError::ResponseTooLarge { message } => {
                write!(f, "response too large (HTTP 507): {message}")
            }
            ProtocolError::ServerFailure { status, message } => {
                write!(f, "server error (HTTP {status}): {message}")
            }
            ProtocolError::UnexpectedStatus { status, message } => {
                write!(f, "unexpected HTTP status {status}: {message}")
            }
            ProtocolError::Base64(e) => write!(f, "invalid base64: {e}"),
            ProtocolError::RowLengths { row, reason } => write!(f, "row {row}: {reason}"),
            ProtocolError::InvalidUtf8 { type_name } => {
                write!(f, "a {type_name} value is not valid UTF-8")
            }
            ProtocolError::BadValue { type_name, reason } => {
                write!(f, "bad {type_name} value: {reason}")
            }
            ProtocolError::InvalidArgument(why) => write!(f, "invalid argument: {why}"),
        }
    }
}

#[cfg(feature = "std")]
extern crate std;
#[cfg(feature = "std")]
impl std::error::Error for ProtocolError {}

/// The message of a non-success HTTP body: its JSON `message` (top level or
/// under `error`), else the body text itself, cut to a readable length.
pub(crate) fn status_message(body: &str) -> String {
    if let Ok(j) = parse_json(body) {
        let m = j
            .get("message")
            .or_else(|| j.get("error").and_then(|e| e.get("message")))
            .and_then(|m| m.as_str());
        if let Some(m) = m {
            return m.into();
        }
    }
    let mut end = body.len().min(1000);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    body[..end].into()
}

/// The typed error for a status outside the protocol's success and
/// database-error statuses.
pub(crate) fn status_error(status: u16, body: &str) -> ProtocolError {
    let message = status_message(body);
    match status {
        401 => ProtocolError::Unauthorized { message },
        413 => ProtocolError::RequestTooLarge { message },
        507 => ProtocolError::ResponseTooLarge { message },
        500..=599 => ProtocolError::ServerFailure { status, message },
        _ => ProtocolError::UnexpectedStatus { status, message },
    }
}
