//! Whether a server's reprint of an expression says what the schema wrote.
//!
//! PostgreSQL and MySQL store a check, an index's `where`, a generated
//! column's expression, a default or a view's query parsed, and print them
//! back their own way: `"users"."age" >= 0` comes back as `(age >= 0)`,
//! `'{"a":1}'::jsonb` as `'{"a": 1}'::jsonb`, `now()` as
//! `current_timestamp()`. Comparing texts would make `push` rewrite them on
//! every run (and drop and re-add a generated column). Two texts are taken
//! as the same when their tokens are, after dropping what only spelling adds:
//! case and quoting of names, parentheses, `::type` casts, table qualifiers,
//! whitespace inside JSON and array literals; and PostgreSQL's rewrites of
//! `like` (`~~`), `between` (two comparisons) and `in` (`= ANY (ARRAY[..])`,
//! or `=` for one value).
//!
//! Loose on purpose, and so one-sided: a real change that differs only in
//! what is dropped here (`(a + b) * c` against `a + b * c`) is not seen. That
//! is the price of never rewriting an unchanged object; such an edit is made
//! with `generate`, which compares the schema with itself.

use alloc::string::String;
use alloc::vec::Vec;

#[derive(Debug, Clone, PartialEq)]
enum Token {
    /// A name or keyword, lowercased, unquoted.
    Word(String),
    /// A string literal's or a number's text.
    Literal(String),
    Symbol(char),
}

/// Whether `a` and `b` are one expression spelled two ways.
pub(super) fn same_expression(a: &str, b: &str) -> bool {
    let (x, y) = (tokens(a), tokens(b));
    x.len() == y.len() && x.iter().zip(&y).all(|(p, q)| same_token(p, q))
}

/// Whether two column types are one: case and spaces aside (`timestamp (6)`
/// and `timestamp(6)`), and a server's name for a type the schema named by
/// a `synonyms` entry (MySQL's `real` is `double`).
pub(super) fn same_type(a: &str, b: &str, synonyms: &[(&str, &str)]) -> bool {
    let squeeze = |s: &str| -> String {
        let t: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        for (from, to) in synonyms {
            if let Some(rest) = t.strip_prefix(from) {
                if !rest.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
                    return alloc::format!("{to}{rest}");
                }
            }
        }
        t
    };
    squeeze(a) == squeeze(b)
}

fn same_token(a: &Token, b: &Token) -> bool {
    match (a, b) {
        (Token::Literal(x), Token::Literal(y)) => x == y || same_literal(x, y),
        _ => a == b,
    }
}

/// JSON compared as values; array literals (`{a,b}`, `{"a","b"}`) without
/// their quotes and spaces.
fn same_literal(x: &str, y: &str) -> bool {
    if let (Ok(p), Ok(q)) = (
        serde_json::from_str::<serde_json::Value>(x),
        serde_json::from_str::<serde_json::Value>(y),
    ) {
        return p == q;
    }
    let bare = |s: &str| -> String { s.chars().filter(|c| *c != '"' && *c != ' ').collect() };
    x.starts_with('{') && y.starts_with('{') && bare(x) == bare(y)
}

/// Words that continue a type name after a cast (`::timestamp with time zone`).
const TYPE_WORDS: &[&str] = &["varying", "precision", "with", "without", "time", "zone"];

/// Synonyms a server prints for what the schema wrote.
const SYNONYMS: &[(&str, &str)] = &[
    ("now", "current_timestamp"),
    ("true", "1"),
    ("false", "0"),
    ("lcase", "lower"),
    ("ucase", "upper"),
];

fn tokens(s: &str) -> Vec<Token> {
    let c: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let ch = c[i];
        if ch.is_whitespace() || ch == '(' || ch == ')' || ch == ';' {
            i += 1;
        } else if ch == '\'' {
            let (text, end) = quoted(&c, i, '\'');
            out.push(Token::Literal(text));
            i = end;
        } else if ch == '"' || ch == '`' {
            let (text, end) = quoted(&c, i, ch);
            out.push(Token::Word(text.to_lowercase()));
            i = end;
        } else if ch == ':' && c.get(i + 1) == Some(&':') {
            i = skip_type(&c, i + 2);
        } else if ch.is_ascii_digit() {
            let start = i;
            while i < c.len() && (c[i].is_ascii_digit() || c[i] == '.') {
                i += 1;
            }
            out.push(Token::Literal(c[start..i].iter().collect()));
        } else if ch.is_alphabetic() || ch == '_' {
            let (w, end) = word(&c, i);
            let w = SYNONYMS
                .iter()
                .find(|(from, _)| *from == w)
                .map_or(w, |(_, to)| String::from(*to));
            // `true` is the number 1 to MySQL, which prints it so.
            out.push(if w.starts_with(|c: char| c.is_ascii_digit()) {
                Token::Literal(w)
            } else {
                Token::Word(w)
            });
            i = end;
        } else if ch == '!' && c.get(i + 1) == Some(&'=') {
            out.extend([Token::Symbol('<'), Token::Symbol('>')]);
            i += 2;
        } else {
            out.push(Token::Symbol(ch));
            i += 1;
        }
    }
    canonical(unqualified(out))
}

/// PostgreSQL's spellings of `like`, `between` and `in` as written.
fn canonical(ts: Vec<Token>) -> Vec<Token> {
    let word = |w: &str| Token::Word(String::from(w));
    let sym = |c: char| Token::Symbol(c);
    let is = |t: Option<&Token>, c: char| t == Some(&Token::Symbol(c));
    let mut out: Vec<Token> = Vec::with_capacity(ts.len());
    let mut i = 0;
    while i < ts.len() {
        // `!~~*`, `~~*`, `!~~`, `~~`
        let not = is(ts.get(i), '!');
        let at = i + usize::from(not);
        if is(ts.get(at), '~') && is(ts.get(at + 1), '~') {
            if not {
                out.push(word("not"));
            }
            let ci = is(ts.get(at + 2), '*');
            out.push(word(if ci { "ilike" } else { "like" }));
            i = at + 2 + usize::from(ci);
            continue;
        }
        // `= ANY (ARRAY[a, b])`
        if is(ts.get(i), '=')
            && ts.get(i + 1) == Some(&word("any"))
            && ts.get(i + 2) == Some(&word("array"))
            && is(ts.get(i + 3), '[')
        {
            if let Some(close) = ts[i + 4..].iter().position(|t| *t == sym(']')) {
                out.push(word("in"));
                out.extend_from_slice(&ts[i + 4..i + 4 + close]);
                i += 5 + close;
                continue;
            }
        }
        // `x between a and b`
        if let (Some(x), Some(Token::Word(b)), Some(lo), Some(Token::Word(and)), Some(hi)) = (
            out.last().cloned(),
            ts.get(i),
            ts.get(i + 1),
            ts.get(i + 2),
            ts.get(i + 3),
        ) {
            if b == "between" && and == "and" {
                out.extend([
                    sym('>'),
                    sym('='),
                    lo.clone(),
                    word("and"),
                    x,
                    sym('<'),
                    sym('='),
                ]);
                out.push(hi.clone());
                i += 4;
                continue;
            }
        }
        out.push(ts[i].clone());
        i += 1;
    }
    // `not x is null` is `x is not null`; `x as x` (a view's column) is `x`.
    let mut j = 0;
    while j + 3 < out.len() {
        if out[j] == word("not") && out[j + 2] == word("is") && out[j + 3] == word("null") {
            out.swap(j, j + 1);
            out.swap(j + 1, j + 2);
        }
        j += 1;
    }
    let mut j = 0;
    while j + 2 < out.len() {
        if out[j + 1] == word("as") && out[j] == out[j + 2] {
            out.drain(j + 1..j + 3);
        }
        j += 1;
    }
    // `x in a` of one value is `x = a`.
    for j in 0..out.len() {
        if out[j] == word("in") && out.get(j + 1).is_some() && !is(out.get(j + 2), ',') {
            out[j] = sym('=');
        }
    }
    out
}

/// A quoted run from `c[at]` (the quote), doubled quotes read as one; the
/// text and the index after the closing quote.
fn quoted(c: &[char], at: usize, q: char) -> (String, usize) {
    let mut text = String::new();
    let mut i = at + 1;
    while i < c.len() {
        if c[i] == q {
            if c.get(i + 1) == Some(&q) {
                text.push(q);
                i += 2;
                continue;
            }
            return (text, i + 1);
        }
        text.push(c[i]);
        i += 1;
    }
    (text, i)
}

fn word(c: &[char], at: usize) -> (String, usize) {
    let mut i = at;
    while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_' || c[i] == '$') {
        i += 1;
    }
    (c[at..i].iter().collect::<String>().to_lowercase(), i)
}

/// The index after a cast's type: a (qualified, quoted) name, the words that
/// continue it, a `(n, m)` modifier and `[]`s.
fn skip_type(c: &[char], mut i: usize) -> usize {
    let skip_ws = |mut i: usize| {
        while i < c.len() && c[i].is_whitespace() {
            i += 1;
        }
        i
    };
    let name = |i: usize| -> usize {
        match c.get(i) {
            Some('"') => quoted(c, i, '"').1,
            Some(ch) if ch.is_alphabetic() || *ch == '_' => word(c, i).1,
            _ => i,
        }
    };
    i = name(skip_ws(i));
    while c.get(i) == Some(&'.') {
        i = name(i + 1);
    }
    loop {
        let j = skip_ws(i);
        let (w, end) = match c.get(j) {
            Some(ch) if ch.is_alphabetic() => word(c, j),
            _ => break,
        };
        if !TYPE_WORDS.contains(&w.as_str()) {
            break;
        }
        i = end;
    }
    let j = skip_ws(i);
    if c.get(j) == Some(&'(') {
        if let Some(close) = c[j..].iter().position(|ch| *ch == ')') {
            let inside = &c[j + 1..j + close];
            if inside
                .iter()
                .all(|ch| ch.is_ascii_digit() || *ch == ',' || *ch == ' ')
            {
                i = j + close + 1;
            }
        }
    }
    while c.get(i) == Some(&'[') && c.get(i + 1) == Some(&']') {
        i += 2;
    }
    i
}

/// Without `name.` qualifiers: `"users"."age"` and `db.users.age` are `age`.
fn unqualified(ts: Vec<Token>) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(ts.len());
    let mut it = ts.into_iter().peekable();
    while let Some(t) = it.next() {
        if matches!(t, Token::Word(_)) && it.peek() == Some(&Token::Symbol('.')) {
            it.next();
            continue;
        }
        out.push(t);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_expression() {
        for (a, b) in [
            (r#""users"."age" >= 0"#, "(age >= 0)"),
            (
                r#"'{"theme":"dark"}'::jsonb"#,
                r#"'{"theme": "dark"}'::jsonb"#,
            ),
            ("'{\"a\",\"b\"}'", "'{a,b}'::character varying[]"),
            ("lower(email)", "lower((email)::text)"),
            ("now()", "current_timestamp()"),
            ("lower(email)", "lcase(`email`)"),
            ("0", "'0'::bigint"),
            ("a != 1", "(a <> 1)"),
            ("x::timestamp with time zone > y", "x > y"),
            ("`db`.`t`.`n` > 1", "n>1"),
            (
                r#""u"."handle" like 'a%' and "u"."small" between 0 and 10 and "u"."code" in ('ab')"#,
                "(((handle)::text ~~ 'a%'::text) AND ((small >= 0) AND (small <= 10)) AND (code = 'ab'::bpchar))",
            ),
            ("c in (1, 2)", "(c = ANY (ARRAY[1, 2]))"),
            ("n not ilike 'x'", "n !~~* 'x'"),
            ("not `t`.`n` is null or a", "n is not null or a"),
            ("select id from u where a = true", "select `u`.`id` AS `id` from `u` where `u`.`a` = 1"),
        ] {
            assert!(same_expression(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn different_expressions() {
        for (a, b) in [
            ("age >= 0", "age > 0"),
            ("'a'", "'b'"),
            (r#"'{"a":1}'"#, r#"'{"a":2}'"#),
            ("lower(email)", "upper(email)"),
            ("x::text and y", "x"),
            ("1.5", "15"),
            ("c in (1, 2)", "c = 1"),
            ("s between 0 and 10", "s >= 0 and s <= 11"),
            ("select a as b from t", "select a from t"),
            ("not a is null", "a is null"),
        ] {
            assert!(!same_expression(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn types() {
        assert!(same_type("timestamp (6)", "timestamp(6)", &[]));
        assert!(same_type("VARCHAR(16)", "varchar(16)", &[]));
        assert!(!same_type("varchar(16)", "varchar(17)", &[]));
        let mysql = [("real", "double")];
        assert!(same_type("real(8, 2)", "double(8,2)", &mysql));
        assert!(!same_type("real(8, 2)", "double(8,2)", &[]));
        assert!(!same_type("realm", "doublem", &mysql));
    }
}
