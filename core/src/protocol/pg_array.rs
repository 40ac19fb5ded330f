//! PostgreSQL's array text form (`{1,NULL,"a \"b\""}`), split into element
//! texts; the caller decodes each element by the element type.

use alloc::string::String;
use alloc::vec::Vec;

/// PostgreSQL's own limit on array dimensions (MAXDIM), which also bounds
/// the recursion here.
const MAX_DIMS: usize = 6;

/// One element of an array literal.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Elem {
    /// Unquoted `NULL` (any case).
    Null,
    /// The element's text, quotes and backslash escapes removed.
    Text(String),
    /// A sub-array of a multi-dimensional array.
    Sub(Vec<Elem>),
}

/// Parses an array literal with `,` as the delimiter (every type the
/// decoders handle uses it; only `box` uses `;`). An optional dimension
/// prefix (`[0:1]={1,2}`, written when the lower bound is not 1) is skipped.
pub(crate) fn parse(text: &str) -> Result<Vec<Elem>, &'static str> {
    let mut s = text;
    if s.starts_with('[') {
        match s.find('=') {
            Some(eq) => s = &s[eq + 1..],
            None => return Err("dimension prefix without '='"),
        }
    }
    let mut p = Parser {
        s: s.as_bytes(),
        src: s,
        i: 0,
    };
    p.ws();
    let v = p.array(MAX_DIMS)?;
    p.ws();
    if p.i != p.s.len() {
        return Err("text after the closing '}'");
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    src: &'a str,
    i: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) = self.peek() {
            self.i += 1;
        }
    }

    fn array(&mut self, dims_left: usize) -> Result<Vec<Elem>, &'static str> {
        if self.peek() != Some(b'{') {
            return Err("expected '{'");
        }
        if dims_left == 0 {
            return Err("more than 6 dimensions");
        }
        self.i += 1;
        let mut items = Vec::new();
        self.ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(items);
        }
        loop {
            self.ws();
            let item = match self.peek() {
                None => return Err("unterminated array"),
                Some(b'{') => Elem::Sub(self.array(dims_left - 1)?),
                Some(b'"') => Elem::Text(self.quoted()?),
                Some(_) => self.unquoted()?,
            };
            items.push(item);
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(items);
                }
                None => return Err("unterminated array"),
                Some(_) => return Err("expected ',' or '}'"),
            }
        }
    }

    /// `"..."` with `\x` meaning `x`. Runs between escapes end at ASCII
    /// bytes, so slicing stays on char boundaries.
    fn quoted(&mut self) -> Result<String, &'static str> {
        self.i += 1;
        let mut out = String::new();
        loop {
            let start = self.i;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' {
                    break;
                }
                self.i += 1;
            }
            out.push_str(&self.src[start..self.i]);
            match self.peek() {
                None => return Err("unterminated quoted element"),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(_) => {
                    self.i += 1;
                    self.escaped_char(&mut out)?;
                }
            }
        }
    }

    /// The character after a backslash, taken literally.
    fn escaped_char(&mut self, out: &mut String) -> Result<(), &'static str> {
        let rest = &self.src[self.i..];
        let c = rest.chars().next().ok_or("backslash at the end")?;
        out.push(c);
        self.i += c.len_utf8();
        Ok(())
    }

    /// An unquoted element: up to `,` or `}`, trailing whitespace dropped;
    /// `NULL` in any case is SQL NULL.
    fn unquoted(&mut self) -> Result<Elem, &'static str> {
        let mut out = String::new();
        let mut had_escape = false;
        // Length of `out` up to its last escaped char: whitespace before it is kept.
        let mut keep = 0;
        loop {
            let start = self.i;
            while let Some(b) = self.peek() {
                if matches!(b, b',' | b'}' | b'\\' | b'"' | b'{') {
                    break;
                }
                self.i += 1;
            }
            out.push_str(&self.src[start..self.i]);
            match self.peek() {
                Some(b'\\') => {
                    self.i += 1;
                    self.escaped_char(&mut out)?;
                    had_escape = true;
                    keep = out.len();
                }
                Some(b'"' | b'{') => return Err("unexpected quote or brace in an element"),
                _ => break,
            }
        }
        let trimmed = out[keep..].trim_end_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
        out.truncate(keep + trimmed.len());
        if !had_escape && out.eq_ignore_ascii_case("NULL") {
            return Ok(Elem::Null);
        }
        if out.is_empty() {
            return Err("empty unquoted element");
        }
        Ok(Elem::Text(out))
    }
}

#[cfg(test)]
mod tests {
    use super::Elem::{Null, Sub, Text};
    use super::*;
    use alloc::vec;

    fn t(s: &str) -> Elem {
        Text(s.into())
    }

    #[test]
    fn literals() {
        assert_eq!(parse("{}").unwrap(), vec![]);
        assert_eq!(parse("{1,2,NULL}").unwrap(), vec![t("1"), t("2"), Null]);
        assert_eq!(
            parse(r#"{"a b","NULL","x\"y\\z",null,"",é}"#).unwrap(),
            vec![t("a b"), t("NULL"), t("x\"y\\z"), Null, t(""), t("é")]
        );
        assert_eq!(
            parse("{{1,2},{3,NULL}}").unwrap(),
            vec![Sub(vec![t("1"), t("2")]), Sub(vec![t("3"), Null])]
        );
        assert_eq!(parse("[0:1]={7,8}").unwrap(), vec![t("7"), t("8")]);
        assert_eq!(
            parse("{ a , b\\ ,N\\ULL}").unwrap(),
            vec![t("a"), t("b "), t("NULL")]
        );
    }

    #[test]
    fn malformed() {
        for bad in [
            "",
            "1,2",
            "{",
            "{1",
            "{1,",
            "{\"a",
            "{\"a\\",
            "{1}}",
            "{1,,2}",
            "{a\"b}",
            "{{{{{{{1}}}}}}}",
            "[1:2",
            "{1}x",
            "{,}",
            "{\\",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }
}
