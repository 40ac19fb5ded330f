//! MySQL 8's and MariaDB's `information_schema` text as drizzle-kit 0.31's
//! serializer spells it: column types, defaults, generated expressions and
//! view definitions.
//!
//! The two servers differ in what `COLUMNS` says:
//!
//! | | MariaDB 10.2.7+ | MySQL 8 |
//! |---|---|---|
//! | string default | quoted: `'it''s'` | bare: `it's` |
//! | nullable column without default | the text `NULL` | SQL `NULL` |
//! | expression default | bare: `current_timestamp()` | bare, with `DEFAULT_GENERATED` in `EXTRA`; strings as `_utf8mb4\'hi\'` |
//! | integer types | display widths: `int(11)` | none (8.0.19+), but `tinyint(1)` |
//! | `json` | `longtext` + a column CHECK | `json` |
//! | generated expression | `lcase(\`email\`)` | `lower(\`email\`)`, strings as `_utf8mb4\'x\'` |

use alloc::format;
use alloc::string::{String, ToString};

use serde_json::Value as Json;

use super::js_value::{js_number, looks_numeric};

/// Which server wrote the document (from `version()`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Flavor {
    MySql,
    MariaDb,
}

impl Flavor {
    pub(super) fn of(version: &str) -> Flavor {
        if version.to_ascii_lowercase().contains("mariadb") {
            Flavor::MariaDb
        } else {
            Flavor::MySql
        }
    }
}

const INTEGERS: [&str; 5] = ["tinyint", "smallint", "mediumint", "int", "bigint"];

/// `COLUMN_TYPE` as drizzle-orm's `getSQLType()`: integer display widths
/// dropped (`int(11)` -> `int`, `bigint(20) unsigned` -> `bigint
/// unsigned`), `tinyint(1)` is `boolean`, `year(4)` is `year`,
/// `decimal(10,0)` (a bare `decimal`) is `decimal`, as `drizzle-kit pull`
/// reads them. `serial` and MariaDB's `json` need more than the type
/// (`super::mysql`).
pub(super) fn column_type(raw: &str) -> String {
    let t = raw.trim().to_ascii_lowercase();
    if t == "tinyint(1)" {
        return "boolean".to_string();
    }
    if t == "year(4)" {
        return "year".to_string();
    }
    if t == "decimal(10,0)" {
        return "decimal".to_string();
    }
    if let Some((base, rest)) = t.split_once('(') {
        if INTEGERS.contains(&base) {
            if let Some((width, tail)) = rest.split_once(')') {
                if !width.is_empty() && width.bytes().all(|b| b.is_ascii_digit()) {
                    return format!("{base}{tail}");
                }
            }
        }
    }
    t
}

/// Whether drizzle-kit writes a numeric default of this type as a number
/// (else as a quoted string: `decimal`, `char`, ...).
fn numeric_type(type_: &str) -> bool {
    let base = type_.split([' ', '(']).next().unwrap_or("");
    INTEGERS.contains(&base)
        || matches!(
            base,
            "serial" | "float" | "double" | "real" | "year" | "boolean"
        )
}

/// Types whose literal default drizzle-kit wraps in parentheses (MySQL
/// takes only expression defaults for them).
fn parenthesized_type(type_: &str) -> bool {
    matches!(type_, "text" | "blob" | "json")
}

/// `x` -> `(x)`, for a default read as a string literal before the type
/// turned out to be `json` (MariaDB).
pub(super) fn parenthesized(default: Json) -> Json {
    match default {
        Json::String(s) if s.starts_with('\'') => Json::String(format!("({s})")),
        d => d,
    }
}

/// `'` doubled, as drizzle-kit's `escapeSingleQuotes`.
fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// MySQL 8's expression text with its character set introducers and
/// backslash escapes removed: `_utf8mb4\'hi\'` -> `'hi'`. Quoted text
/// (strings, identifiers) is copied as it is, but for the escapes.
fn unintroduced(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut word_start = true;
    while let Some(c) = rest.chars().next() {
        let quote = if rest.starts_with("\\'") {
            Some("\\'")
        } else if c == '\'' {
            Some("'")
        } else if c == '`' {
            Some("`")
        } else {
            None
        };
        if let Some(q) = quote {
            // The whole quoted run, up to its closing quote (or the end).
            let body = &rest[q.len()..];
            let end = body.find(q).map_or(body.len(), |at| at + q.len());
            out.push_str(&rest[..q.len() + end]);
            rest = &body[end..];
            word_start = true;
            continue;
        }
        if c == '_' && word_start {
            let name_len = rest[1..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len() - 1);
            let after = &rest[1 + name_len..];
            if name_len > 0 && (after.starts_with("\\'") || after.starts_with('\'')) {
                rest = after;
                continue;
            }
        }
        out.push(c);
        word_start = !(c.is_ascii_alphanumeric() || c == '_');
        rest = &rest[c.len_utf8()..];
    }
    out.replace("\\'", "'")
}

/// A generated column's expression: MariaDB's as it is, MySQL 8's
/// without introducers.
pub(super) fn expression(text: &str, flavor: Flavor) -> String {
    match flavor {
        Flavor::MariaDb => text.to_string(),
        Flavor::MySql => unintroduced(text),
    }
}

/// `COLUMN_DEFAULT` as drizzle-kit's serializer writes the default that
/// made it: numbers as JSON numbers (not for `decimal`, written `'0.00'`),
/// booleans as `true`/`false`, strings quoted with `''` (in parentheses for
/// `text`, `blob`, `json`), expressions in parentheses (`(now())`).
/// `CURRENT_TIMESTAMP` / `now()` cannot be told apart (MariaDB writes both
/// `current_timestamp()`): it is read as `defaultNow()`'s `(now())`.
pub(super) fn default_value(raw: &str, type_: &str, extra: &str, flavor: Flavor) -> Option<Json> {
    let expression = match flavor {
        Flavor::MariaDb => {
            if raw == "NULL" {
                return None;
            }
            if raw.len() >= 2 && raw.starts_with('\'') && raw.ends_with('\'') {
                return Some(Json::String(if parenthesized_type(type_) {
                    format!("({raw})")
                } else {
                    raw.to_string()
                }));
            }
            !looks_numeric(raw)
        }
        Flavor::MySql => {
            extra.contains("DEFAULT_GENERATED")
                || (raw.eq_ignore_ascii_case("current_timestamp")
                    && (type_.starts_with("timestamp") || type_.starts_with("datetime")))
        }
    };
    if expression {
        let lower = raw.to_ascii_lowercase();
        if lower == "current_timestamp()" || lower == "current_timestamp" || lower == "now()" {
            return Some(Json::String("(now())".to_string()));
        }
        let text = match flavor {
            Flavor::MariaDb => raw.to_string(),
            Flavor::MySql => unintroduced(raw),
        };
        return Some(Json::String(format!("({text})")));
    }
    if type_ == "boolean" {
        match raw {
            "1" => return Some(Json::Bool(true)),
            "0" => return Some(Json::Bool(false)),
            _ => {}
        }
    }
    if looks_numeric(raw) && numeric_type(type_) {
        return Some(js_number(raw));
    }
    let literal = quoted(raw);
    Some(Json::String(if parenthesized_type(type_) {
        format!("({literal})")
    } else {
        literal
    }))
}

/// `VIEW_DEFINITION` without the database's own name, which both servers
/// write before every table and column (`\`db\`.\`users\`.\`id\``).
pub(super) fn view_definition(text: &str, database: &str) -> String {
    let text = if database.is_empty() {
        text.to_string()
    } else {
        text.replace(&format!("`{}`.", database.replace('`', "``")), "")
    };
    let text = text.trim();
    // drizzle-kit writes `AS (select ...)`; MariaDB keeps those parentheses.
    match text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        Some(inner) if balanced(inner) => inner.trim().to_string(),
        _ => text.to_string(),
    }
}

/// Whether `text`'s parentheses pair up outside quotes (so that `(a) or (b)`
/// is not taken for one parenthesised whole).
fn balanced(text: &str) -> bool {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    for c in text.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"' | '`') => quote = Some(c),
            (None, '(') => depth += 1,
            (None, ')') => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return false,
            },
            _ => {}
        }
    }
    depth == 0 && quote.is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn catalog_text_never_panics(raw in "[ -~\u{e9}\u{4e2d}\\\\'`_]{0,40}", t in "[ -~]{0,20}") {
            let _ = unintroduced(&raw);
            let _ = column_type(&raw);
            let _ = view_definition(&raw, &t);
            for flavor in [Flavor::MySql, Flavor::MariaDb] {
                let _ = default_value(&raw, &t, "DEFAULT_GENERATED", flavor);
                let _ = default_value(&raw, &t, "", flavor);
            }
        }
    }

    #[test]
    fn types() {
        assert_eq!(column_type("int(11)"), "int");
        assert_eq!(column_type("bigint(20) unsigned"), "bigint unsigned");
        assert_eq!(column_type("tinyint(1)"), "boolean");
        assert_eq!(column_type("tinyint(4)"), "tinyint");
        assert_eq!(column_type("smallint unsigned"), "smallint unsigned");
        assert_eq!(column_type("varchar(100)"), "varchar(100)");
        assert_eq!(column_type("decimal(10,2)"), "decimal(10,2)");
        assert_eq!(column_type("year(4)"), "year");
        assert_eq!(column_type("enum('a','b')"), "enum('a','b')");
    }

    #[test]
    fn mariadb_defaults() {
        let d = |raw, t| default_value(raw, t, "", Flavor::MariaDb);
        assert_eq!(d("NULL", "int"), None);
        assert_eq!(d("0", "int"), Some(Json::from(0)));
        assert_eq!(d("0.5", "double"), Some(Json::from(0.5)));
        assert_eq!(d("0.00", "decimal(10,2)"), Some(Json::from("'0.00'")));
        assert_eq!(d("1", "boolean"), Some(Json::Bool(true)));
        assert_eq!(d("'it''s'", "varchar(32)"), Some(Json::from("'it''s'")));
        assert_eq!(d("'hi'", "text"), Some(Json::from("('hi')")));
        assert_eq!(
            d("current_timestamp()", "timestamp"),
            Some(Json::from("(now())"))
        );
        assert_eq!(d("uuid()", "varchar(36)"), Some(Json::from("(uuid())")));
    }

    #[test]
    fn mysql8_defaults() {
        let d = |raw, t, e| default_value(raw, t, e, Flavor::MySql);
        assert_eq!(d("it's", "varchar(32)", ""), Some(Json::from("'it''s'")));
        assert_eq!(d("0", "int", ""), Some(Json::from(0)));
        assert_eq!(d("0.00", "decimal(10,2)", ""), Some(Json::from("'0.00'")));
        assert_eq!(
            d("member", "enum('admin','member')", ""),
            Some(Json::from("'member'"))
        );
        assert_eq!(
            d("now()", "timestamp", "DEFAULT_GENERATED"),
            Some(Json::from("(now())"))
        );
        assert_eq!(
            d(
                "CURRENT_TIMESTAMP",
                "timestamp",
                "DEFAULT_GENERATED on update CURRENT_TIMESTAMP"
            ),
            Some(Json::from("(now())"))
        );
        assert_eq!(
            d("_utf8mb4\\'hi\\'", "text", "DEFAULT_GENERATED"),
            Some(Json::from("('hi')"))
        );
        assert_eq!(
            d("_utf8mb4\\'{\"a\": [1, 2]}\\'", "json", "DEFAULT_GENERATED"),
            Some(Json::from("('{\"a\": [1, 2]}')"))
        );
        assert_eq!(
            expression("lower(`email`)", Flavor::MySql),
            "lower(`email`)"
        );
        assert_eq!(
            expression("concat(`a`,_utf8mb4\\'_x\\')", Flavor::MySql),
            "concat(`a`,'_x')"
        );
        assert_eq!(expression("`my_col` + 1", Flavor::MySql), "`my_col` + 1");
    }
}
