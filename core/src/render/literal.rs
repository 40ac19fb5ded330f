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

/// Writes `v` as a literal of `dialect` in DDL, which the server may store
/// and print back (MySQL: [`quote_mysql_ddl`]).
pub(crate) fn write_ddl_literal(
    dialect: &dyn Dialect,
    out: &mut String,
    v: &Value,
) -> Result<(), Error> {
    #[cfg(feature = "dialect-mysql")]
    if let (Value::Text(s), crate::dialect::DialectKind::MySql) = (v, dialect.kind()) {
        quote_mysql_ddl(out, s);
        return Ok(());
    }
    write_literal(dialect, out, v)
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

/// MySQL / MariaDB: a literal that reads the same in every `sql_mode`.
///
/// Inside `'...'` a doubled `'` is a quote in every mode, and `"`, backticks,
/// comment markers and control characters are plain text; only the backslash
/// differs (an escape by default, a plain character under
/// `NO_BACKSLASH_ESCAPES`). So text without a backslash or NUL is `'...'` with
/// `'` doubled, and text with either is the hex string `_utf8mb4 X'..'` (its
/// UTF-8 bytes, read as utf8mb4 whatever the connection's character set), in
/// which no character is special. `ANSI_QUOTES` only changes `"..."`, which is
/// never written.
#[cfg(feature = "dialect-mysql")]
pub(crate) fn quote_mysql(out: &mut String, s: &str) {
    if mysql_needs_hex(s) {
        out.push_str("_utf8mb4 ");
        return hex_blob(out, s.as_bytes());
    }
    quote_doubled(out, s);
}

/// MySQL / MariaDB in DDL: as [`quote_mysql`], with a bare `X'..'` for text
/// with a backslash or NUL. MariaDB prints a stored expression (a TEXT
/// default, a check) back as SQL and prints `_utf8mb4 X'..'` as
/// `_utf8mb4'...'` without escaping it, so the introducer form would change
/// the value or break the table; `enum(...)` takes no introducer at all. The
/// bare hex string is a binary string: a default or an enum value takes the
/// column's character set.
#[cfg(feature = "dialect-mysql")]
pub(crate) fn quote_mysql_ddl(out: &mut String, s: &str) {
    if mysql_needs_hex(s) {
        return hex_blob(out, s.as_bytes());
    }
    quote_doubled(out, s);
}

/// Text whose meaning in `'...'` would depend on `NO_BACKSLASH_ESCAPES`
/// (a backslash), or that holds a NUL, which goes nowhere raw.
#[cfg(feature = "dialect-mysql")]
fn mysql_needs_hex(s: &str) -> bool {
    s.contains(['\\', '\0'])
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
/// assert_eq!(string_literal(DialectKind::MySql, "it's").unwrap(), "'it''s'");
/// assert_eq!(string_literal(DialectKind::MySql, "a\\b").unwrap(), "_utf8mb4 X'615c62'");
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
    /// statement short at it, and hex on MySQL.
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
            "select _utf8mb4 X'610062'"
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

    /// MySQL literals read the same in every sql_mode: quotes doubled, and
    /// text with a backslash or NUL in hex (bare `X'..'` in DDL, which MariaDB
    /// prints back).
    #[test]
    fn mysql_literals_need_no_backslash() {
        use crate::render::create_table;
        use crate::schema::{Column, SqlType, Table};
        let sel = |s: &str| {
            let q = Query::select(Select {
                columns: vec![Expr::val(s).into()],
                ..Default::default()
            })
            .into();
            render_inline(&q, DialectKind::MySql).unwrap()
        };
        assert_eq!(sel("it's \"x\" `y` -- #"), "select 'it''s \"x\" `y` -- #'");
        assert_eq!(sel("a\\'b"), "select _utf8mb4 X'615c2762'");
        let t = Table::new("t").column(
            Column::new("v", SqlType::InlineEnum(vec!["a\\b".into(), "c'd".into()]))
                .default_value("a\\b"),
        );
        assert_eq!(
            create_table(&t, DialectKind::MySql, false).unwrap().sql,
            "create table `t` (`v` enum(X'615c62', 'c''d') default X'615c62')"
        );
    }
}
