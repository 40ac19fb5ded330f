//! Values spliced into rendered SQL as literals, for protocols without
//! server-side parameters (PlanetScale): the statement is rendered (and
//! cached) once with placeholders, and each execution replaces them with
//! literals written by the one escaping routine (`literal.rs`).

use alloc::string::String;

use crate::dialect::DialectKind;
use crate::error::Error;
use crate::render::literal;
use crate::value::Value;

/// A value to write as a literal.
///
/// ```
/// use mizzle_core::render::Literal;
/// use mizzle_core::Value;
/// let v = Value::Text("it's".into());
/// let parts = [Literal::Value(&v), Literal::Number("1.5e-7")];
/// assert_eq!(parts.len(), 2);
/// ```
#[derive(Debug, Clone, Copy)]
pub enum Literal<'a> {
    /// Any value, escaped for the dialect.
    Value(&'a Value),
    /// A number already written as decimal text (a host's own float
    /// formatting); checked to be a plain numeric literal.
    Number(&'a str),
}

/// Replaces the placeholders of `sql` (at byte `offsets`, as
/// [`SqlWriter::finish_with_offsets`](crate::render::SqlWriter::finish_with_offsets)
/// reports them) with `values` as literals of `dialect`. Offsets that do not
/// point at the dialect's placeholders, in order, are `Error::Invalid`.
///
/// ```
/// use mizzle_core::render::{interpolate, Literal};
/// use mizzle_core::{DialectKind, Value};
/// let name = Value::Text("O'Brien".into());
/// let sql = interpolate("select * from t where a = ? and b = ?", &[26, 36],
///     &[Literal::Value(&name), Literal::Number("2")], DialectKind::MySql).unwrap();
/// assert_eq!(sql, "select * from t where a = 'O''Brien' and b = 2");
/// // A backslash means different things in MySQL's sql_modes: such text is hex.
/// let path = Value::Text("a\\b".into());
/// let sql = interpolate("select ?", &[7], &[Literal::Value(&path)], DialectKind::MySql).unwrap();
/// assert_eq!(sql, "select _utf8mb4 X'615c62'");
/// ```
pub fn interpolate(
    sql: &str,
    offsets: &[usize],
    values: &[Literal<'_>],
    dialect: DialectKind,
) -> Result<String, Error> {
    if offsets.len() != values.len() {
        return Err(Error::Invalid(alloc::format!(
            "{} placeholders but {} values",
            offsets.len(),
            values.len()
        )));
    }
    let d = dialect.try_dialect()?;
    let mut out = String::with_capacity(sql.len() + 16 * values.len());
    let mut placeholder = String::new();
    let mut at = 0;
    for (i, (&offset, value)) in offsets.iter().zip(values).enumerate() {
        placeholder.clear();
        d.write_placeholder(&mut placeholder, i + 1);
        let end = offset.checked_add(placeholder.len());
        let found = match (offset >= at, end) {
            (true, Some(end)) => sql.get(offset..end),
            _ => None,
        };
        if found != Some(placeholder.as_str()) {
            return Err(Error::Invalid(
                "placeholder offsets do not match the SQL".into(),
            ));
        }
        out.push_str(&sql[at..offset]);
        match value {
            Literal::Value(v) => literal::write_literal(d, &mut out, v)?,
            Literal::Number(text) => write_number(&mut out, text)?,
        }
        at = offset + placeholder.len();
    }
    out.push_str(&sql[at..]);
    Ok(out)
}

/// `-?digits[.digits][e[+-]digits]`, and nothing else, written as is.
fn write_number(out: &mut String, text: &str) -> Result<(), Error> {
    let b = text.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let digits = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i > start
    };
    let mut ok = digits(&mut i);
    if ok && b.get(i) == Some(&b'.') {
        i += 1;
        ok = digits(&mut i);
    }
    if ok && matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        ok = digits(&mut i);
    }
    if !ok || i != b.len() {
        return Err(Error::Invalid(
            "a number literal must be decimal digits".into(),
        ));
    }
    out.push_str(text);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    #[test]
    fn numbers_are_checked() {
        for good in ["0", "-1", "1.5", "1e21", "1.5E-7", "-0.25e+3"] {
            let mut s = String::new();
            write_number(&mut s, good).unwrap();
            assert_eq!(s, good);
        }
        for bad in [
            "", "-", "1.", ".5", "1e", "NaN", "Infinity", "1;drop", "1 ", "0x10", "1e+",
        ] {
            assert!(write_number(&mut String::new(), bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn offsets_must_point_at_placeholders() {
        let v = Value::Int(1);
        let one = [Literal::Value(&v)];
        assert!(interpolate("select ?", &[7], &one, DialectKind::MySql).is_ok());
        for offsets in [vec![6], vec![8], vec![usize::MAX], vec![]] {
            assert!(interpolate("select ?", &offsets, &one, DialectKind::MySql).is_err());
        }
        // Out of order, or overlapping.
        let two = [Literal::Value(&v), Literal::Value(&v)];
        assert!(interpolate("select ?, ?", &[10, 7], &two, DialectKind::MySql).is_err());
        assert!(interpolate("select ?, ?", &[7, 7], &two, DialectKind::MySql).is_err());
        // Not on a char boundary.
        assert!(interpolate("select 'é', ?", &[9], &one, DialectKind::MySql).is_err());
        assert_eq!(
            interpolate("select $1, $2", &[7, 11], &two, DialectKind::Postgres).unwrap(),
            "select 1, 1"
        );
    }
}
