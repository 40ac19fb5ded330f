//! PostgreSQL's catalog spellings (`format_type`, `pg_get_expr`) turned into
//! the ones drizzle-kit 0.31's serializer writes into a snapshot.

use alloc::format;
use alloc::string::{String, ToString};

use serde_json::Value as Json;

pub(super) use super::js_value::{js_number, looks_numeric};

/// `format_type(atttypid, atttypmod)` as drizzle-orm's `getSQLType()`
/// spells it, with `dims` array dimensions (`attndims`, which
/// `format_type` does not show: it writes one `[]` whatever the count).
pub fn column_type(formatted: &str, dims: usize) -> String {
    let mut base = formatted;
    let mut shown = 0;
    while let Some(b) = base.strip_suffix("[]") {
        base = b;
        shown += 1;
    }
    let mut out = scalar_type(base);
    for _ in 0..shown.max(dims) {
        out.push_str("[]");
    }
    out
}

fn scalar_type(t: &str) -> String {
    if let Some(rest) = t.strip_prefix("character varying") {
        return format!("varchar{rest}");
    }
    if let Some(rest) = t.strip_prefix("character") {
        if rest.is_empty() || rest.starts_with('(') {
            return format!("char{rest}");
        }
    }
    if let Some(rest) = t.strip_prefix("numeric(") {
        // drizzle-orm writes `numeric(10, 2)`; the catalog `numeric(10,2)`.
        return format!("numeric({}", rest.replace(',', ", "));
    }
    for (kind, spaced) in [("timestamp", true), ("time", false)] {
        if let Some(rest) = t.strip_prefix(kind) {
            let (precision, zone) = match rest.strip_prefix('(') {
                Some(r) => match r.split_once(')') {
                    Some((p, z)) => (Some(p), z),
                    None => return t.to_string(),
                },
                None => (None, rest),
            };
            let zone = match zone {
                " without time zone" => "",
                " with time zone" => " with time zone",
                _ => continue,
            };
            // `timestamp (3)` (drizzle-orm's default `mode: 'date'`), but
            // `time(3)`.
            let precision = match precision {
                Some(p) if spaced => format!(" ({p})"),
                Some(p) => format!("({p})"),
                None => String::new(),
            };
            return format!("{kind}{precision}{zone}");
        }
    }
    t.to_string()
}

/// A column default (`pg_get_expr(adbin)`) as drizzle-kit's serializer
/// writes the value the schema gave, `type_` being the column's snapshot
/// type (after [`column_type`]):
///
/// - a number is a JSON number (`0`, `0.5`; `'-1'::integer` too);
/// - `true` / `false` are booleans;
/// - a string literal loses its cast (`'anon'::text` is `'anon'`), except
///   for `json` / `jsonb`, which drizzle-kit writes with it
///   (`'{"a":1}'::jsonb`);
/// - `NULL` (any cast) is no default;
/// - anything else is the expression's text (`now()`).
///
/// A `sql` default is written verbatim by drizzle-kit, so it reads back as
/// PostgreSQL normalised it (`sql\`0\`` was `"0"`, reads `0`).
pub fn default_value(text: &str, type_: &str) -> Option<Json> {
    let text = text.trim();
    if text.starts_with("NULL") {
        return None;
    }
    if looks_numeric(text) {
        return Some(js_number(text));
    }
    match text {
        "true" => return Some(Json::Bool(true)),
        "false" => return Some(Json::Bool(false)),
        _ => {}
    }
    if let Some((literal, cast)) = string_literal(text) {
        let cast = cast.trim();
        if cast == "json" || cast == "jsonb" {
            return Some(Json::String(text.to_string()));
        }
        let inner = &literal[1..literal.len() - 1];
        let numeric_type = matches!(
            type_,
            "smallint" | "integer" | "bigint" | "real" | "double precision"
        );
        if numeric_type && looks_numeric(inner) {
            return Some(js_number(inner));
        }
        return Some(Json::String(literal.to_string()));
    }
    Some(Json::String(text.to_string()))
}

/// `'...'::type` (quotes doubled inside): the literal with its quotes, and
/// the type. `None` unless the whole text is one such cast literal.
fn string_literal(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix('\'')?;
    let bytes = rest.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\'' {
            if bytes.get(i + 1) == Some(&b'\'') {
                i += 2;
                continue;
            }
            let end = i + 2; // the opening quote and this one
            let literal = text.get(..end)?;
            let after = text.get(end..)?;
            if after.is_empty() {
                return Some((literal, ""));
            }
            // Only a type name (`character varying(8)[]`, `"app"."level"`),
            // not the start of a longer expression (`'a'::text || ..`).
            let cast = after.strip_prefix("::")?;
            let type_name = cast
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b" _[](),.\"".contains(&b));
            return type_name.then_some((literal, cast));
        }
        i += 1;
    }
    None
}

/// A `reloptions` entry (`fillfactor=70`) as drizzle-kit writes the value
/// the schema gave: numbers and booleans as JSON, anything else a string.
pub fn option_value(text: &str) -> Json {
    match text {
        "true" | "on" => Json::Bool(true),
        "false" | "off" => Json::Bool(false),
        _ if looks_numeric(text) => js_number(text),
        _ => Json::String(text.to_string()),
    }
}

/// `security_barrier` -> `securityBarrier`: drizzle-orm's option names.
pub fn camel_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_are_spelled_as_drizzle_orm_spells_them() {
        let cases = [
            ("character varying(320)", 0, "varchar(320)"),
            ("character varying", 0, "varchar"),
            ("character(4)", 0, "char(4)"),
            ("numeric(10,2)", 0, "numeric(10, 2)"),
            ("timestamp without time zone", 0, "timestamp"),
            ("timestamp(6) without time zone", 0, "timestamp (6)"),
            (
                "timestamp(3) with time zone",
                0,
                "timestamp (3) with time zone",
            ),
            ("time without time zone", 0, "time"),
            ("time(2) with time zone", 0, "time(2) with time zone"),
            ("character varying(16)[]", 1, "varchar(16)[]"),
            ("integer[]", 2, "integer[][]"),
            ("double precision", 0, "double precision"),
        ];
        for (pg, dims, kit) in cases {
            assert_eq!(column_type(pg, dims), kit, "{pg}");
        }
    }

    #[test]
    fn defaults_are_written_as_drizzle_kit_writes_them() {
        let cases = [
            ("0", "integer", Some(Json::from(0))),
            ("'-1'::integer", "integer", Some(Json::from(-1))),
            ("0.5", "double precision", serde_json::from_str("0.5").ok()),
            ("true", "boolean", Some(Json::Bool(true))),
            ("'anon'::text", "text", Some(Json::from("'anon'"))),
            ("'it''s'::text", "text", Some(Json::from("'it''s'"))),
            ("'0'::numeric", "numeric(10, 2)", Some(Json::from("'0'"))),
            (
                "'{\"a\": 1}'::jsonb",
                "jsonb",
                Some(Json::from("'{\"a\": 1}'::jsonb")),
            ),
            ("now()", "timestamp", Some(Json::from("now()"))),
            ("NULL::text", "text", None),
            (
                "'a'::text || 'b'::text",
                "text",
                Some(Json::from("'a'::text || 'b'::text")),
            ),
        ];
        for (pg, t, kit) in cases {
            assert_eq!(default_value(pg, t), kit, "{pg}");
        }
    }
}
