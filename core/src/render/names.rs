//! Guards for names written without quotes (function and type names), the
//! only SQL text the renderer takes from the AST unquoted.

use crate::error::Error;

/// A function name: `name` or `schema.name`, letters, digits and `_`.
pub(crate) fn check_function_name(name: &str) -> Result<(), Error> {
    let ok = !name.is_empty() && name.split('.').all(is_word) && name.split('.').count() <= 2;
    if ok {
        Ok(())
    } else {
        Err(Error::BadName(name.into()))
    }
}

/// A custom type name: words separated by single spaces (`double precision`),
/// then optionally `(n)` or `(n, m)` and `[]`.
#[cfg_attr(
    not(any(
        feature = "dialect-sqlite",
        feature = "dialect-postgres",
        feature = "dialect-mysql"
    )),
    allow(dead_code)
)]
pub(crate) fn check_type_name(name: &str) -> Result<(), Error> {
    let bad = || Error::BadName(name.into());
    let mut rest = name.strip_suffix("[]").unwrap_or(name);
    if let Some(open) = rest.find('(') {
        let args = rest[open..]
            .strip_prefix('(')
            .and_then(|a| a.strip_suffix(')'))
            .ok_or_else(bad)?;
        let all_numbers = args.split(',').all(|a| {
            let a = a.trim();
            !a.is_empty() && a.bytes().all(|b| b.is_ascii_digit())
        });
        if !all_numbers {
            return Err(bad());
        }
        rest = &rest[..open];
    }
    if !rest.is_empty() && rest.split(' ').all(is_word) {
        Ok(())
    } else {
        Err(bad())
    }
}

fn is_word(w: &str) -> bool {
    let mut chars = w.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names() {
        for ok in [
            "citext",
            "double precision",
            "numeric(10, 2)",
            "int[]",
            "varchar(3)[]",
        ] {
            assert!(check_type_name(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "int) , (select 1",
            "a--",
            "x;y",
            "int(a)",
            "(1)",
            "a  b",
            "t'",
        ] {
            assert!(check_type_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn function_names() {
        assert!(check_function_name("lower").is_ok());
        assert!(check_function_name("pg_catalog.lower").is_ok());
        for bad in ["", "a.b.c", "lower(", "1abc", "x y", "a;b"] {
            assert!(check_function_name(bad).is_err(), "{bad}");
        }
    }
}
