//! Checking rendered SQL: a quote-aware scanner that reads SQL the way each
//! dialect's lexer would (every quote closed, no comment opener or `;`
//! outside quotes, the placeholders outside quotes returned), and the
//! checks built on it for statements (bound vs inline rendering, bad names)
//! and for schema objects (DDL has no parameters, `create_all` is the
//! concatenation, NUL names are `Error::BadName`).

use std::fmt::Debug;

use mizzle_core::ast::{FromItem, SetExpr, Statement};
use mizzle_core::render::{
    create_all, create_index, create_schema, create_table, create_type, create_view, drop_table,
    drop_type, drop_view,
};
use mizzle_core::{render, render_inline, DialectKind, Error, Param, Rendered, Value};
use proptest::test_runner::TestCaseError;

use crate::any_ast::SchemaCase;

/// A placeholder found outside quotes.
#[derive(Debug, PartialEq)]
pub(crate) enum Mark {
    Question,
    Dollar(usize),
}

pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$'
}

/// The index just past the quoted run that opens at `start`, if it closes.
pub(crate) fn skip_quoted(
    cs: &[char],
    start: usize,
    quote: char,
    backslash: bool,
) -> Option<usize> {
    let mut i = start + 1;
    loop {
        let c = *cs.get(i)?;
        if backslash && c == '\\' {
            i += 2;
        } else if c == quote {
            if cs.get(i + 1) == Some(&quote) {
                i += 2;
            } else {
                return Some(i + 1);
            }
        } else {
            i += 1;
        }
    }
}

/// Scans rendered SQL the way `d`'s lexer would: every string literal and
/// quoted identifier must close, nothing outside them may start a comment or
/// a second statement, and the placeholders outside them are returned.
pub(crate) fn scan(sql: &str, d: DialectKind) -> Result<Vec<Mark>, String> {
    let cs: Vec<char> = sql.chars().collect();
    let ident_quote = if d == DialectKind::MySql { '`' } else { '"' };
    let mut marks = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        let next = cs.get(i + 1).copied();
        if c == '\'' {
            let backslash = match d {
                DialectKind::MySql => true,
                // E'...' (and not the tail of a longer word such as `xE`).
                DialectKind::Postgres => {
                    i > 0 && matches!(cs[i - 1], 'E' | 'e') && !(i > 1 && is_word_char(cs[i - 2]))
                }
                DialectKind::Sqlite => false,
            };
            i = skip_quoted(&cs, i, '\'', backslash)
                .ok_or_else(|| format!("unterminated string literal at char {i}"))?;
            continue;
        }
        if c == ident_quote {
            i = skip_quoted(&cs, i, ident_quote, false)
                .ok_or_else(|| format!("unterminated quoted identifier at char {i}"))?;
            continue;
        }
        match (c, next) {
            ('"' | '`', _) => return Err(format!("stray {c:?} at char {i}")),
            ('?', _) => marks.push(Mark::Question),
            ('$', _) => {
                let digits: String = cs[i + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .collect();
                let n = digits
                    .parse()
                    .map_err(|_| format!("bare `$` at char {i}"))?;
                marks.push(Mark::Dollar(n));
                i += digits.len();
            }
            ('-', Some('-')) | ('/', Some('*')) => {
                return Err(format!("comment opener outside quotes at char {i}"))
            }
            ('#', _) if d == DialectKind::MySql => {
                return Err(format!("`#` comment outside quotes at char {i}"))
            }
            (';', _) => return Err(format!("`;` outside quotes at char {i}")),
            ('\0', _) => return Err(format!("NUL outside quotes at char {i}")),
            _ => {}
        }
        i += 1;
    }
    Ok(marks)
}

pub(crate) fn fail(msg: String) -> TestCaseError {
    TestCaseError::fail(msg)
}

/// Bound rendering: the placeholders are exactly the parameters.
pub(crate) fn check_bound(r: &Rendered, d: DialectKind) -> Result<(), TestCaseError> {
    let ctx = || format!("{}: {:?}", d.name(), r.sql);
    if r.sql.contains('\0') {
        return Err(fail(format!("NUL byte in bound SQL ({})", ctx())));
    }
    let marks = scan(&r.sql, d).map_err(|e| fail(format!("{e} ({})", ctx())))?;
    let expected: Vec<Mark> = match d {
        DialectKind::Postgres => (1..=r.params.len()).map(Mark::Dollar).collect(),
        _ => r.params.iter().map(|_| Mark::Question).collect(),
    };
    if marks != expected {
        return Err(fail(format!(
            "placeholders {marks:?} do not match {} params ({})",
            r.params.len(),
            ctx()
        )));
    }
    Ok(())
}

/// Inline rendering: no placeholders, quotes closed, no NUL byte.
pub(crate) fn check_inline(sql: &str, d: DialectKind) -> Result<(), TestCaseError> {
    let ctx = || format!("{}: {sql:?}", d.name());
    if sql.contains('\0') {
        return Err(fail(format!("NUL byte in inline SQL ({})", ctx())));
    }
    let marks = scan(sql, d).map_err(|e| fail(format!("{e} ({})", ctx())))?;
    if !marks.is_empty() {
        return Err(fail(format!(
            "placeholders {marks:?} in inline SQL ({})",
            ctx()
        )));
    }
    Ok(())
}

/// A parameter that has no inline literal (a named placeholder, a non-finite
/// float, text with a NUL byte outside MySQL).
pub(crate) fn has_no_literal(p: &Param, d: DialectKind) -> bool {
    match p {
        Param::Placeholder(_) | Param::Slot(_) => true,
        Param::Value(Value::Float(f)) => !f.is_finite(),
        Param::Value(Value::Text(s)) => s.contains('\0') && d != DialectKind::MySql,
        _ => false,
    }
}

/// The statement with its main table renamed to `bad`, if it has one that is
/// always written.
pub(crate) fn with_bad_table_name(stmt: &Statement, bad: &str) -> Option<Statement> {
    let mut s = stmt.clone();
    let t = match &mut s {
        Statement::Query(q) => match &mut q.body {
            SetExpr::Select(sel) => match &mut sel.from {
                Some(FromItem::Table(t) | FromItem::IndexHinted { table: t, .. }) => t,
                _ => return None,
            },
            _ => return None,
        },
        Statement::Insert(i) => &mut i.table,
        Statement::Update(u) => &mut u.table,
        Statement::Delete(d) => &mut d.table,
        Statement::Relational(r) => &mut r.table,
        Statement::Sql(_) | Statement::Transaction(_) => return None,
    };
    t.name = bad.into();
    Some(s)
}

pub(crate) fn check_statement(stmt: &Statement) -> Result<(), TestCaseError> {
    for d in DialectKind::ALL {
        let bound = render(stmt, d);
        let inline = render_inline(stmt, d);
        match &bound {
            Ok(r) => {
                check_bound(r, d)?;
                // Inline fails exactly when some value has no literal.
                let literal_less = r.params.iter().any(|p| has_no_literal(p, d));
                match (&inline, literal_less) {
                    (Ok(sql), false) => check_inline(sql, d)?,
                    (Err(Error::Invalid(_)), true) => {}
                    (other, _) => {
                        return Err(fail(format!(
                            "{}: bound rendering {r:?} but inline {other:?}",
                            d.name()
                        )))
                    }
                }
                // The renderer refuses unusable names wherever they are written.
                for bad in ["nul\0name", ""] {
                    if let Some(poisoned) = with_bad_table_name(stmt, bad) {
                        let got = render(&poisoned, d);
                        if !matches!(got, Err(Error::BadName(_))) {
                            return Err(fail(format!(
                                "{}: table named {bad:?} rendered as {got:?}",
                                d.name()
                            )));
                        }
                    }
                }
            }
            Err(_) => {
                if inline.is_ok() {
                    return Err(fail(format!(
                        "{}: inline rendering succeeded where bound failed with {bound:?}",
                        d.name()
                    )));
                }
            }
        }
    }
    Ok(())
}

pub(crate) fn check_ddl_result(
    what: &str,
    r: &Result<Rendered, Error>,
    d: DialectKind,
) -> Result<(), TestCaseError> {
    if let Ok(r) = r {
        if !r.params.is_empty() {
            return Err(fail(format!(
                "{}: {what} has parameters {:?}",
                d.name(),
                r.params
            )));
        }
        check_inline(&r.sql, d).map_err(|e| fail(format!("{what}: {e}")))?;
    }
    Ok(())
}

pub(crate) fn expect_bad_name(
    what: &str,
    r: Result<Rendered, Error>,
    d: DialectKind,
) -> Result<(), TestCaseError> {
    if matches!(r, Err(Error::BadName(_))) {
        Ok(())
    } else {
        Err(fail(format!(
            "{}: {what} with a NUL name gave {r:?}",
            d.name()
        )))
    }
}

pub(crate) fn check_schema(case: &SchemaCase) -> Result<(), TestCaseError> {
    for d in DialectKind::ALL {
        let mut each = Vec::new();
        for t in &case.tables {
            let r = create_table(t, d, case.flag);
            check_ddl_result("create table", &r, d)?;
            if r.is_ok() {
                let mut bad = t.clone();
                bad.name = "t\0".into();
                expect_bad_name("create table", create_table(&bad, d, case.flag), d)?;
            }
            each.push(create_table(t, d, false));
        }
        for i in &case.indexes {
            let r = create_index(i, d);
            check_ddl_result("create index", &r, d)?;
            if r.is_ok() {
                let mut bad = i.clone();
                bad.name = "i\0".into();
                expect_bad_name("create index", create_index(&bad, d), d)?;
            }
            each.push(r);
        }
        // create_all is the concatenation, failing with the first error.
        let all = create_all(&case.tables, &case.indexes, d);
        let expected: Result<Vec<Rendered>, Error> = each.into_iter().collect();
        if all != expected {
            return Err(fail(format!(
                "{}: create_all gave {all:?}, one by one {expected:?}",
                d.name()
            )));
        }
        check_ddl_result("create type", &create_type(&case.enum_type, d), d)?;
        check_ddl_result("drop type", &drop_type(&case.enum_type, d, case.flag), d)?;
        let view = create_view(&case.view, d);
        check_ddl_result("create view", &view, d)?;
        if view.is_ok() {
            let mut bad = case.view.clone();
            bad.name.name = "v\0".into();
            expect_bad_name("create view", create_view(&bad, d), d)?;
        }
        check_ddl_result("create schema", &create_schema(&case.schema, d), d)?;
        check_ddl_result("drop table", &drop_table(&case.dropped, d, case.flag), d)?;
        check_ddl_result("drop view", &drop_view(&case.dropped, d, case.flag), d)?;
        for r in [
            drop_table(&case.dropped, d, case.flag),
            drop_view(&case.dropped, d, case.flag),
        ] {
            let bad_name = case.dropped.name.is_empty()
                || case.dropped.name.contains('\0')
                || case
                    .dropped
                    .schema
                    .as_deref()
                    .is_some_and(|s| s.is_empty() || s.contains('\0'));
            if bad_name != matches!(r, Err(Error::BadName(_))) {
                return Err(fail(format!(
                    "{}: drop of {:?} gave {r:?}",
                    d.name(),
                    case.dropped
                )));
            }
        }
    }
    Ok(())
}
