//! Values written as SQL literals: the one escaping routine for DDL and for
//! protocols without server-side parameters (PlanetScale).

use alloc::string::String;
use core::fmt::Write;

use crate::dialect::Dialect;
use crate::error::Error;
use crate::value::Value;

/// Writes `v` as a literal of `dialect`.
pub(crate) fn write_literal(
    dialect: &dyn Dialect,
    out: &mut String,
    v: &Value,
) -> Result<(), Error> {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Value::Float(f) => {
            if !f.is_finite() {
                return Err(Error::Invalid(
                    "a non-finite float has no SQL literal".into(),
                ));
            }
            write_float(out, *f)?;
        }
        Value::Text(s) => dialect.write_string_literal(out, s)?,
        Value::Blob(b) => dialect.write_blob_literal(out, b),
    }
    Ok(())
}

/// Refuses text with NUL for dialects that cannot spell it in a literal.
pub(crate) fn refuse_nul(s: &str) -> Result<(), Error> {
    if s.contains('\0') {
        return Err(Error::Invalid(
            "a NUL character has no string literal on this dialect".into(),
        ));
    }
    Ok(())
}

/// `'...'` with quotes doubled: SQLite, and PostgreSQL for text without backslashes.
pub(crate) fn quote_doubled(out: &mut String, s: &str) {
    out.push('\'');
    for ch in s.chars() {
        if ch == '\'' {
            out.push('\'');
        }
        out.push(ch);
    }
    out.push('\'');
}

/// PostgreSQL: text with a backslash goes in `E'...'` with backslashes doubled,
/// which reads the same whatever `standard_conforming_strings` says.
#[cfg(feature = "dialect-postgres")]
pub(crate) fn quote_postgres(out: &mut String, s: &str) {
    if !s.contains('\\') {
        return quote_doubled(out, s);
    }
    out.push_str("E'");
    for ch in s.chars() {
        match ch {
            '\'' => out.push_str("''"),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('\'');
}

/// MySQL: backslash escapes for every character the server treats specially
/// (as `mysql_real_escape_string` does). Assumes the default sql_mode (no
/// NO_BACKSLASH_ESCAPES) and a utf8mb4 connection.
#[cfg(feature = "dialect-mysql")]
pub(crate) fn quote_mysql(out: &mut String, s: &str) {
    out.push('\'');
    for ch in s.chars() {
        match ch {
            '\0' => out.push_str("\\0"),
            '\'' => out.push_str("\\'"),
            '"' => out.push_str("\\\""),
            '\x08' => out.push_str("\\b"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\x1a' => out.push_str("\\Z"),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('\'');
}

/// `X'0a0b'`: hex blob literal (SQLite, MySQL).
pub(crate) fn hex_blob(out: &mut String, bytes: &[u8]) {
    out.push_str("X'");
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out.push('\'');
}

/// Escapes `s` as a string literal of `dialect` into a new string.
///
/// ```
/// use mizzle_core::{render::string_literal, DialectKind};
/// assert_eq!(string_literal(DialectKind::MySql, "it's").unwrap(), "'it\\'s'");
/// assert_eq!(string_literal(DialectKind::Sqlite, "it's").unwrap(), "'it''s'");
/// ```
pub fn string_literal(dialect: crate::dialect::DialectKind, s: &str) -> Result<String, Error> {
    let mut out = String::new();
    dialect.try_dialect()?.write_string_literal(&mut out, s)?;
    Ok(out)
}

/// A finite float as a literal; `{:?}` keeps a decimal point or exponent so
/// the literal stays a float.
#[cfg(feature = "float-literals")]
fn write_float(out: &mut String, f: f64) -> Result<(), Error> {
    let _ = write!(out, "{f:?}");
    Ok(())
}

/// Built without float formatting (see the `float-literals` feature).
#[cfg(not(feature = "float-literals"))]
fn write_float(_out: &mut String, _f: f64) -> Result<(), Error> {
    Err(Error::Invalid(
        "this build writes no float literals (feature float-literals)".into(),
    ))
}

#[cfg(test)]
mod tests {
    use alloc::vec;

    use crate::ast::{Expr, Query, Select};
    use crate::schema::EnumType;
    use crate::{render::create_type, render_inline, DialectKind, Error, Value};

    /// Inline text with a NUL is refused where the server would cut the
    /// statement short at it, and escaped on MySQL.
    #[test]
    fn nul_in_inline_text() {
        let q = Query::select(Select {
            columns: vec![Expr::val("a\0b").into()],
            ..Default::default()
        })
        .into();
        for d in [DialectKind::Sqlite, DialectKind::Postgres] {
            assert!(
                matches!(render_inline(&q, d), Err(Error::Invalid(_))),
                "{d:?}"
            );
        }
        assert_eq!(
            render_inline(&q, DialectKind::MySql).unwrap(),
            r"select 'a\0b'"
        );
        let e = EnumType {
            schema: None,
            name: "e".into(),
            values: vec!["x\0".into()],
        };
        assert!(matches!(
            create_type(&e, DialectKind::Postgres),
            Err(Error::Invalid(_))
        ));
        // Bound, the value travels as a parameter and is fine.
        let bound = crate::render(&q, DialectKind::Sqlite).unwrap();
        assert_eq!(bound.values().unwrap(), vec![Value::Text("a\0b".into())]);
    }
}
