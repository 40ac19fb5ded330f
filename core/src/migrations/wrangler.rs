//! The layout `wrangler d1 migrations apply` reads: flat `.sql` files in one
//! folder (`migrations/0001_name.sql`, written by hand, by `wrangler d1
//! migrations create` or by drizzle-kit with `out: 'migrations'`), tracked by
//! file name in wrangler's table `d1_migrations` ([`super::Tracking::wrangler`]).
//!
//! What wrangler 4.86 does (`src/d1/migrations/{helpers,apply}.ts` of the
//! `wrangler` npm package, read in its `wrangler-dist/cli.js`): it lists the
//! folder's entries whose name ends in `.sql`, sorts them as JS strings,
//! keeps those whose name no row of the table has, and sorts those by
//! `parseInt` of the name's part before the first `_` (a stable sort); each
//! file then runs as one unit with the row that records it. Locally it drops
//! a `BEGIN TRANSACTION;` and a `COMMIT;` first (D1 runs the unit in its own
//! transaction) and refuses a file with a second transaction.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::cmp::Ordering;

use super::error::MigrationError;
use super::folder::{Folder, Migration};
use super::sqlite_split::split_sqlite;

/// wrangler's default `migrations_table`.
pub const DEFAULT_TABLE: &str = "d1_migrations";

impl Folder {
    /// wrangler's layout: `(file name, text)` for every `.sql` file of the
    /// folder (names as wrangler records them, `.sql` included), in the order
    /// wrangler applies them. Each file is split into statements by SQLite's
    /// rule ([`super::split_sqlite`]); `created_at` is 0 (wrangler's table
    /// records the time of applying instead).
    pub fn wrangler(files: &[(&str, &str)]) -> Result<Folder, MigrationError> {
        let mut sorted: Vec<(&str, &str, f64)> = Vec::with_capacity(files.len());
        for &(name, sql) in files {
            if !name.ends_with(".sql") || name.contains(['/', '\\', '\0']) {
                return Err(MigrationError::Folder(format!(
                    "{name:?} is not the name of a .sql file in the folder"
                )));
            }
            let number = js_parse_int(name.split('_').next().unwrap_or(""));
            sorted.push((name, sql, number.unwrap_or(f64::NAN)));
        }
        if sorted.len() > 1 {
            if let Some(n) = sorted.iter().find(|f| f.2.is_nan()) {
                return Err(MigrationError::Folder(format!(
                    "{} does not start with a number: wrangler orders migrations by the number before \
                     the first `_`, and its order for this file is not defined",
                    n.0
                )));
            }
        }
        sorted.sort_by(|a, b| js_string_cmp(a.0, b.0));
        if let Some(w) = sorted.windows(2).find(|w| w[0].0 == w[1].0) {
            return Err(MigrationError::Folder(format!(
                "two migrations are named {}",
                w[0].0
            )));
        }
        sorted.sort_by(|a, b| a.2.partial_cmp(&b.2).unwrap_or(Ordering::Equal));
        let mut migrations = Vec::with_capacity(sorted.len());
        for (name, sql, _) in sorted {
            let (statements, sources) = without_transaction(name, split_sqlite(sql))?;
            let mut m = Migration::with_statements(name, 0, sql, statements)?;
            // Errors name a statement by its place in the file, the dropped BEGIN counted.
            m.sources = sources;
            migrations.push(m);
        }
        Ok(Folder { migrations })
    }
}

/// JS's default sort order (UTF-16 code units), which differs from Rust's
/// (code points) only above U+FFFF.
fn js_string_cmp(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// JS `parseInt(text)` without a radix: leading whitespace, a sign, `0x` hex
/// or decimal digits up to the first other character; `None` for NaN.
fn js_parse_int(text: &str) -> Option<f64> {
    let t = text.trim_start();
    let (negative, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let (radix, t) = match t.get(..2) {
        Some("0x" | "0X") => (16, &t[2..]),
        _ => (10, t),
    };
    let digits = t
        .bytes()
        .take_while(|b| (*b as char).is_digit(radix))
        .count();
    if digits == 0 {
        return None;
    }
    let mut value = 0f64;
    for b in t[..digits].bytes() {
        value = value * f64::from(radix) + f64::from((b as char).to_digit(radix)?);
    }
    Some(if negative { -value } else { value })
}

/// The statements without the one `BEGIN TRANSACTION` / `COMMIT` pair a
/// SQLite dump wraps itself in (mizzle runs the file in its own transaction,
/// where a nested BEGIN fails); a second transaction is refused, as wrangler
/// refuses it. Each kept statement comes with its number in the file (from 1).
fn without_transaction(
    name: &str,
    statements: Vec<String>,
) -> Result<(Vec<String>, Vec<usize>), MigrationError> {
    let is = |s: &str, words: &[&str]| {
        let mut it = s.split_ascii_whitespace();
        words
            .iter()
            .all(|w| it.next().is_some_and(|x| x.eq_ignore_ascii_case(w)))
            && it.next().is_none()
    };
    let begins = statements
        .iter()
        .filter(|s| is(s, &["begin", "transaction"]))
        .count();
    if begins > 1 {
        return Err(MigrationError::Folder(format!(
            "{name} contains several transactions; each migration runs in one transaction already"
        )));
    }
    let (mut out, mut sources) = (Vec::new(), Vec::new());
    // Without a BEGIN TRANSACTION, a COMMIT stays (SQLite reports it), as wrangler leaves it.
    let (mut begin, mut commit) = (begins == 0, begins == 0);
    for (i, s) in statements.into_iter().enumerate() {
        if !begin && is(&s, &["begin", "transaction"]) {
            begin = true;
        } else if !commit && is(&s, &["commit"]) {
            commit = true;
        } else {
            out.push(s);
            sources.push(i + 1);
        }
    }
    Ok((out, sources))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::migrations::sha256_hex;
    use alloc::string::ToString;

    fn names(f: &Folder) -> Vec<&str> {
        f.migrations.iter().map(|m| m.name.as_str()).collect()
    }

    #[test]
    fn orders_by_number_then_name_as_wrangler() {
        let f = Folder::wrangler(&[
            ("10_last.sql", "select 10"),
            ("0002_b.sql", "select 2"),
            ("2_a.sql", "select 2"),
            (
                "0001_init.sql",
                "create table a (x); insert into a values (1);",
            ),
        ])
        .unwrap();
        assert_eq!(
            names(&f),
            ["0001_init.sql", "0002_b.sql", "2_a.sql", "10_last.sql"]
        );
        assert_eq!(
            f.migrations[0].statements,
            ["create table a (x)", "insert into a values (1)"]
        );
        assert_eq!(f.migrations[0].sources, [1, 2]);
        assert_eq!(
            f.migrations[0].hash,
            sha256_hex("create table a (x); insert into a values (1);")
        );
        assert_eq!(f.migrations[0].created_at, 0);
    }

    #[test]
    fn refuses_what_wrangler_cannot_order_or_name() {
        assert!(Folder::wrangler(&[("init.sql", "select 1")]).is_ok());
        let e = Folder::wrangler(&[("0001_a.sql", ""), ("init.sql", "")]).unwrap_err();
        assert!(
            e.to_string()
                .contains("init.sql does not start with a number"),
            "{e}"
        );
        for bad in ["0001_a.txt", "a/0001_b.sql"] {
            assert_eq!(
                Folder::wrangler(&[(bad, "")]).unwrap_err().kind(),
                "migration_folder"
            );
        }
        let twice = Folder::wrangler(&[("1_a.sql", ""), ("1_a.sql", "")]).unwrap_err();
        assert!(
            twice
                .to_string()
                .contains("two migrations are named 1_a.sql"),
            "{twice}"
        );
    }

    #[test]
    fn parse_int_as_js() {
        assert_eq!(js_parse_int("0001"), Some(1.0));
        assert_eq!(js_parse_int(" -12abc"), Some(-12.0));
        assert_eq!(js_parse_int("0x1f"), Some(31.0));
        assert_eq!(js_parse_int("3.sql"), Some(3.0));
        assert_eq!(js_parse_int("x1"), None);
        assert_eq!(js_parse_int("0x"), None);
        assert_eq!(js_string_cmp("\u{ffff}", "\u{10000}"), Ordering::Greater);
    }

    #[test]
    fn a_dumps_transaction_is_dropped_a_second_refused() {
        let dump = "PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\nCREATE TABLE a(x);\nCOMMIT;";
        let f = Folder::wrangler(&[("0001_dump.sql", dump)]).unwrap();
        assert_eq!(
            f.migrations[0].statements,
            ["PRAGMA foreign_keys=OFF", "CREATE TABLE a(x)"]
        );
        assert_eq!(f.migrations[0].sources, [1, 3]);
        let two = "begin transaction; select 1; commit; BEGIN  TRANSACTION; select 2; COMMIT;";
        let e = Folder::wrangler(&[("0001_two.sql", two)]).unwrap_err();
        assert!(e.to_string().contains("several transactions"), "{e}");
        // A COMMIT without a BEGIN TRANSACTION stays (SQLite reports it).
        let f = Folder::wrangler(&[("0001_c.sql", "select 1; commit;")]).unwrap();
        assert_eq!(f.migrations[0].statements, ["select 1", "commit"]);
    }
}
