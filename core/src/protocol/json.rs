//! A small, strict JSON reader and writer for protocol bodies.
//!
//! Numbers are kept as their source text: a PostgreSQL `int8`, a MySQL
//! `BIGINT UNSIGNED` or a decimal would lose digits in an `f64`, and a
//! PlanetScale session must go back to the server exactly as it came.
//!
//! ```
//! use mizzle_core::protocol::Json;
//! let v = Json::parse(r#"{"n": 18446744073709551615, "s": "a\u00e9"}"#).unwrap();
//! assert_eq!(v.get("n").and_then(Json::as_number), Some("18446744073709551615"));
//! assert_eq!(v.get("s").and_then(Json::as_str), Some("aé"));
//! assert_eq!(v.to_string(), r#"{"n":18446744073709551615,"s":"aé"}"#);
//! ```

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

/// How deep arrays and objects may nest before parsing gives up: enough for
/// any protocol body, and a bound on the parser's recursion (stack) for
/// hostile input.
pub const DEFAULT_MAX_DEPTH: usize = 128;

/// A parsed JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// The number exactly as written (already checked against JSON's grammar).
    Number(String),
    String(String),
    Array(Vec<Json>),
    /// Members in source order; duplicates are kept (see [`Json::get`]).
    Object(Vec<(String, Json)>),
}

/// What was wrong with a JSON text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum JsonErrorKind {
    /// The text ended inside a value: a truncated body.
    UnexpectedEnd,
    /// A character that cannot start or continue the value here.
    UnexpectedChar,
    /// A number outside JSON's grammar (`01`, `1.`, `.5`, `+1`, `NaN`).
    InvalidNumber,
    /// A backslash escape JSON does not have, or a malformed `\u`.
    InvalidEscape,
    /// A `\u` escape naming a lone surrogate, which no Rust string can hold.
    LoneSurrogate,
    /// A raw control character (below U+0020) inside a string.
    ControlCharacter,
    /// Arrays/objects nested deeper than the limit.
    TooDeep,
    /// More text after the value.
    TrailingCharacters,
}

impl JsonErrorKind {
    /// A short description, used in messages.
    pub fn describe(self) -> &'static str {
        match self {
            JsonErrorKind::UnexpectedEnd => "unexpected end of JSON (truncated?)",
            JsonErrorKind::UnexpectedChar => "unexpected character in JSON",
            JsonErrorKind::InvalidNumber => "invalid JSON number",
            JsonErrorKind::InvalidEscape => "invalid escape in JSON string",
            JsonErrorKind::LoneSurrogate => "lone UTF-16 surrogate in JSON string",
            JsonErrorKind::ControlCharacter => "control character in JSON string",
            JsonErrorKind::TooDeep => "JSON nested too deeply",
            JsonErrorKind::TrailingCharacters => "trailing characters after JSON value",
        }
    }
}

/// A JSON syntax error and the byte offset where it was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonError {
    pub kind: JsonErrorKind,
    pub offset: usize,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.kind.describe(), self.offset)
    }
}

impl Json {
    /// Parses one JSON value (surrounding whitespace allowed), nesting at most
    /// [`DEFAULT_MAX_DEPTH`] deep.
    pub fn parse(text: &str) -> Result<Json, JsonError> {
        Json::parse_with_depth(text, DEFAULT_MAX_DEPTH)
    }

    /// [`Json::parse`] with another nesting limit (`0` allows only scalars).
    ///
    /// ```
    /// use mizzle_core::protocol::{Json, JsonErrorKind};
    /// assert_eq!(Json::parse_with_depth("[[1]]", 1).unwrap_err().kind, JsonErrorKind::TooDeep);
    /// ```
    pub fn parse_with_depth(text: &str, max_depth: usize) -> Result<Json, JsonError> {
        let mut p = Parser {
            s: text.as_bytes(),
            src: text,
            i: 0,
            depth_left: max_depth,
        };
        p.ws();
        let v = p.value()?;
        p.ws();
        if p.i != p.s.len() {
            return Err(p.err(JsonErrorKind::TrailingCharacters));
        }
        Ok(v)
    }

    /// The member `key` of an object (the last one when a key repeats, as
    /// JavaScript's `JSON.parse` keeps it); `None` for other values.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Removes and returns the member `key` of an object (the last one, as
    /// [`Json::get`] finds it), so a big array can be moved out rather than
    /// copied.
    pub fn take(&mut self, key: &str) -> Option<Json> {
        match self {
            Json::Object(members) => {
                let i = members.iter().rposition(|(k, _)| k == key)?;
                Some(members.remove(i).1)
            }
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// A number's source text.
    pub fn as_number(&self) -> Option<&str> {
        match self {
            Json::Number(n) => Some(n),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Object(o) => Some(o),
            _ => None,
        }
    }

    /// Appends the value as compact JSON. Numbers are written as they were
    /// read, so parse-then-write keeps every digit.
    pub fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Number(n) => out.push_str(n),
            Json::String(s) => write_string(out, s),
            Json::Array(items) => {
                out.push('[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    v.write(out);
                }
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (i, (k, v)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(out, k);
                    out.push(':');
                    v.write(out);
                }
                out.push('}');
            }
        }
    }
}

/// Compact JSON, as [`Json::write`].
impl fmt::Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::new();
        self.write(&mut s);
        f.write_str(&s)
    }
}

/// Appends `s` as a JSON string literal: `"` and `\` escaped, control
/// characters as `\n`-style or `\u00XX` escapes, everything else as is (the
/// body is UTF-8, so no other character needs escaping).
///
/// ```
/// let mut out = String::new();
/// mizzle_core::protocol::json::write_string(&mut out, "a\"b\\c\n\u{1}");
/// assert_eq!(out, r#""a\"b\\c\n\u0001""#);
/// ```
pub fn write_string(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let esc: &str = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        // Escaped bytes are ASCII, so `i` is always on a char boundary.
        out.push_str(&s[start..i]);
        if esc.is_empty() {
            out.push_str("\\u00");
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 0xf)] as char);
        } else {
            out.push_str(esc);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

struct Parser<'a> {
    s: &'a [u8],
    src: &'a str,
    i: usize,
    depth_left: usize,
}

impl Parser<'_> {
    fn err(&self, kind: JsonErrorKind) -> JsonError {
        JsonError {
            kind,
            offset: self.i,
        }
    }

    /// The error for the byte at the cursor: "ended" when there is none.
    fn unexpected(&self) -> JsonError {
        if self.i >= self.s.len() {
            self.err(JsonErrorKind::UnexpectedEnd)
        } else {
            self.err(JsonErrorKind::UnexpectedChar)
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.i += 1;
        }
    }

    fn value(&mut self) -> Result<Json, JsonError> {
        match self.peek() {
            None => Err(self.err(JsonErrorKind::UnexpectedEnd)),
            Some(b'n') => self.word("null", Json::Null),
            Some(b't') => self.word("true", Json::Bool(true)),
            Some(b'f') => self.word("false", Json::Bool(false)),
            Some(b'"') => self.string().map(Json::String),
            Some(b'[') => self.nested(Parser::array),
            Some(b'{') => self.nested(Parser::object),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.err(JsonErrorKind::UnexpectedChar)),
        }
    }

    fn word(&mut self, w: &str, v: Json) -> Result<Json, JsonError> {
        for &b in w.as_bytes() {
            if self.peek() != Some(b) {
                return Err(self.unexpected());
            }
            self.i += 1;
        }
        Ok(v)
    }

    /// Counts one nesting level around `f`, refusing to go past the limit.
    fn nested(&mut self, f: fn(&mut Self) -> Result<Json, JsonError>) -> Result<Json, JsonError> {
        if self.depth_left == 0 {
            return Err(self.err(JsonErrorKind::TooDeep));
        }
        self.depth_left -= 1;
        let r = f(self);
        self.depth_left += 1;
        r
    }

    fn array(&mut self) -> Result<Json, JsonError> {
        self.i += 1; // '['
        let mut items = Vec::new();
        self.ws();
        if self.peek() == Some(b']') {
            self.i += 1;
            return Ok(Json::Array(items));
        }
        loop {
            self.ws();
            items.push(self.value()?);
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(Json::Array(items));
                }
                _ => return Err(self.unexpected()),
            }
        }
    }

    fn object(&mut self) -> Result<Json, JsonError> {
        self.i += 1; // '{'
        let mut members = Vec::new();
        self.ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(Json::Object(members));
        }
        loop {
            self.ws();
            if self.peek() != Some(b'"') {
                return Err(self.unexpected());
            }
            let k = self.string()?;
            self.ws();
            if self.peek() != Some(b':') {
                return Err(self.unexpected());
            }
            self.i += 1;
            self.ws();
            let v = self.value()?;
            members.push((k, v));
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(Json::Object(members));
                }
                _ => return Err(self.unexpected()),
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while let Some(b'0'..=b'9') = self.peek() {
            self.i += 1;
        }
        self.i - start
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, kept as text.
    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.i;
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.i += 1;
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.err(JsonErrorKind::InvalidNumber));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            None => return Err(self.err(JsonErrorKind::UnexpectedEnd)),
            Some(_) => return Err(self.err(JsonErrorKind::InvalidNumber)),
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if self.digits() == 0 {
                return Err(self.number_end_err());
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.i += 1;
            }
            if self.digits() == 0 {
                return Err(self.number_end_err());
            }
        }
        Ok(Json::Number(self.src[start..self.i].into()))
    }

    fn number_end_err(&self) -> JsonError {
        if self.i >= self.s.len() {
            self.err(JsonErrorKind::UnexpectedEnd)
        } else {
            self.err(JsonErrorKind::InvalidNumber)
        }
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut v = 0u32;
        for _ in 0..4 {
            let d = match self.peek() {
                None => return Err(self.err(JsonErrorKind::UnexpectedEnd)),
                Some(b) => match (b as char).to_digit(16) {
                    Some(d) => d,
                    None => return Err(self.err(JsonErrorKind::InvalidEscape)),
                },
            };
            v = v * 16 + d;
            self.i += 1;
        }
        Ok(v)
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.i += 1; // opening '"'
        let mut out = String::new();
        loop {
            // Copy the run of plain bytes in one go. The run ends only at an
            // ASCII byte, so both ends are char boundaries of the source.
            let start = self.i;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.i += 1;
            }
            out.push_str(&self.src[start..self.i]);
            match self.peek() {
                None => return Err(self.err(JsonErrorKind::UnexpectedEnd)),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = match self.peek() {
                        None => return Err(self.err(JsonErrorKind::UnexpectedEnd)),
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\x08',
                        Some(b'f') => '\x0c',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.i += 1;
                            let c = self.unicode_escape()?;
                            out.push(c);
                            continue;
                        }
                        Some(_) => return Err(self.err(JsonErrorKind::InvalidEscape)),
                    };
                    self.i += 1;
                    out.push(c);
                }
                Some(_) => return Err(self.err(JsonErrorKind::ControlCharacter)),
            }
        }
    }

    /// After `\u`: one code point, joining a surrogate pair written as two escapes.
    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let at = self.i;
        let hi = self.hex4()?;
        let lone = JsonError {
            kind: JsonErrorKind::LoneSurrogate,
            offset: at,
        };
        let cp = match hi {
            0xd800..=0xdbff => {
                if self.s.get(self.i..self.i + 2) != Some(b"\\u") {
                    return Err(lone);
                }
                self.i += 2;
                let lo = self.hex4()?;
                if !(0xdc00..=0xdfff).contains(&lo) {
                    return Err(lone);
                }
                0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00)
            }
            0xdc00..=0xdfff => return Err(lone),
            cp => cp,
        };
        char::from_u32(cp).ok_or(lone)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;
    use alloc::vec;

    fn kind(s: &str) -> JsonErrorKind {
        Json::parse(s).unwrap_err().kind
    }

    #[test]
    fn scalars_and_structure() {
        assert_eq!(Json::parse(" null ").unwrap(), Json::Null);
        assert_eq!(Json::parse("true").unwrap(), Json::Bool(true));
        assert_eq!(
            Json::parse("[1,-0.5e+3,\"x\",{}]").unwrap(),
            Json::Array(vec![
                Json::Number("1".into()),
                Json::Number("-0.5e+3".into()),
                Json::String("x".into()),
                Json::Object(vec![]),
            ])
        );
        let o = Json::parse(r#"{"a":1,"b":[],"a":2}"#).unwrap();
        assert_eq!(o.get("a"), Some(&Json::Number("2".into())));
        assert_eq!(o.as_object().unwrap().len(), 3);
        assert_eq!(o.to_string(), r#"{"a":1,"b":[],"a":2}"#);
        let mut o = o;
        assert_eq!(o.take("a"), Some(Json::Number("2".into())));
        assert_eq!(o.take("a"), Some(Json::Number("1".into())));
        assert_eq!(o.take("a"), None);
        assert_eq!(Json::Null.take("a"), None);
    }

    #[test]
    fn big_numbers_keep_their_digits() {
        let t = "[9223372036854775807123, 0.10000000000000000000001, 1E400]";
        assert_eq!(Json::parse(t).unwrap().to_string(), t.replace(' ', ""));
    }

    #[test]
    fn strings_and_escapes() {
        let v = Json::parse(r#""\"\\\/\b\f\n\r\t\u0041\u00e9\ud83d\ude00é""#).unwrap();
        assert_eq!(v.as_str(), Some("\"\\/\x08\x0c\n\r\tAé😀é"));
        let mut out = String::new();
        write_string(&mut out, v.as_str().unwrap());
        assert_eq!(Json::parse(&out).unwrap(), v);
        assert_eq!(out, "\"\\\"\\\\/\\b\\f\\n\\r\\tAé😀é\"");
    }

    #[test]
    fn errors_are_typed() {
        use JsonErrorKind::*;
        assert_eq!(kind(""), UnexpectedEnd);
        assert_eq!(kind("{\"a\":"), UnexpectedEnd);
        assert_eq!(kind("[1,2"), UnexpectedEnd);
        assert_eq!(kind("\"abc"), UnexpectedEnd);
        assert_eq!(kind("tru"), UnexpectedEnd);
        assert_eq!(kind("-"), UnexpectedEnd);
        assert_eq!(kind("1."), UnexpectedEnd);
        assert_eq!(kind("nul!"), UnexpectedChar);
        assert_eq!(kind("[1,]"), UnexpectedChar);
        assert_eq!(kind("{\"a\" 1}"), UnexpectedChar);
        assert_eq!(kind("{1:2}"), UnexpectedChar);
        assert_eq!(kind("'a'"), UnexpectedChar);
        assert_eq!(kind("01"), InvalidNumber);
        assert_eq!(kind("1.e5"), InvalidNumber);
        assert_eq!(kind("-a"), InvalidNumber);
        assert_eq!(kind("NaN"), UnexpectedChar);
        assert_eq!(kind("\"\\x\""), InvalidEscape);
        assert_eq!(kind("\"\\u12g4\""), InvalidEscape);
        assert_eq!(kind("\"\\ud800\""), LoneSurrogate);
        assert_eq!(kind("\"\\ud800\\u0041\""), LoneSurrogate);
        assert_eq!(kind("\"\\udc00\""), LoneSurrogate);
        assert_eq!(kind("\"a\nb\""), ControlCharacter);
        assert_eq!(kind("1 2"), TrailingCharacters);
        assert_eq!(kind(&"[".repeat(129)), TooDeep);
        assert_eq!(kind(&"{\"a\":".repeat(200)), TooDeep);
        // 128 levels are fine.
        let ok = "[".repeat(128) + &"]".repeat(128);
        assert!(Json::parse(&ok).is_ok());
        assert_eq!(Json::parse("x").unwrap_err().offset, 0);
        assert_eq!(Json::parse("[1,x]").unwrap_err().offset, 3);
    }
}
