//! The layouts drizzle-kit writes, read into one ordered list of migrations:
//! 0.31's journal (`meta/_journal.json` + `<tag>.sql`), the bundled
//! `migrations.js` of durable-sqlite / expo (the journal + `m0000`-keyed
//! texts), and 1.0's folders (`<YYYYMMDDHHmmss>_<name>/migration.sql`).

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde_json::Value as Json;
use sha2::{Digest, Sha256};

use super::error::MigrationError;
use super::squash::{replaced_by, Replaced};
use super::statements::split_breakpoints;

/// One migration of a folder, in the order the folder gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migration {
    /// The journal's `tag` (`0003_brave_hulk`) or the 1.0 folder's name.
    pub name: String,
    /// What the tracking table's `created_at` records: the journal's `when`
    /// (ms), or the 1.0 folder's timestamp prefix as UTC ms (drizzle's values).
    pub created_at: i64,
    /// SHA-256 (hex) of the whole file as read, as drizzle-orm records it.
    pub hash: String,
    /// The statements to run, in order (`split_breakpoints`).
    pub statements: Vec<String>,
    /// For each of `statements`, its number in the file (from 1), or 0 for
    /// one the engine added ([`crate::migrations::protect_rebuilds`]): errors
    /// name the file's statement.
    pub sources: Vec<usize>,
    /// A baseline written by `mizzle-kit squash`: the migrations it replaces
    /// (its file's header, [`super::squash`]); empty for any other migration.
    pub replaces: Vec<Replaced>,
}

impl Migration {
    fn new(name: &str, created_at: i64, sql: &str) -> Result<Migration, MigrationError> {
        Migration::with_statements(name, created_at, sql, split_breakpoints(sql))
    }

    /// A migration whose file `sql` was split into `statements` by its layout's rule.
    pub(super) fn with_statements(
        name: &str,
        created_at: i64,
        sql: &str,
        statements: Vec<String>,
    ) -> Result<Migration, MigrationError> {
        let replaces = replaced_by(sql).map_err(|e| match e {
            MigrationError::Folder(m) => MigrationError::Folder(format!("{name}: {m}")),
            e => e,
        })?;
        Ok(Migration {
            name: name.into(),
            created_at,
            hash: sha256_hex(sql),
            sources: (1..=statements.len()).collect(),
            statements,
            replaces,
        })
    }
}

/// The migrations of one folder (or bundle), in the order they apply.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folder {
    pub migrations: Vec<Migration>,
}

impl Folder {
    /// drizzle-kit 0.31's layout: the text of `meta/_journal.json` and the
    /// `.sql` files of the folder as `(file name without .sql, text)`.
    /// Only the journal's entries apply, in its order (as drizzle-orm reads it);
    /// other files are ignored.
    pub fn journal(journal: &str, files: &[(&str, &str)]) -> Result<Folder, MigrationError> {
        Self::from_journal(journal, |entry| {
            let found = files.iter().find(|(stem, _)| *stem == entry.tag);
            found.map(|(_, sql)| *sql).ok_or_else(|| {
                MigrationError::Folder(format!(
                    "the journal names {tag} but {tag}.sql is not in the folder",
                    tag = entry.tag
                ))
            })
        })
    }

    /// The bundled form drizzle-kit writes as `migrations.js` (durable-sqlite,
    /// expo): the journal (as JSON text) and the texts keyed `m` + the entry's
    /// `idx` padded to four digits, as drizzle-orm looks them up.
    pub fn bundle(journal: &str, texts: &[(&str, &str)]) -> Result<Folder, MigrationError> {
        Self::from_journal(journal, |entry| {
            let key = format!("m{:04}", entry.idx);
            let found = texts.iter().find(|(k, _)| *k == key);
            found.map(|(_, sql)| *sql).ok_or_else(|| {
                MigrationError::Folder(format!(
                    "the bundle has no {key} for journal entry {}",
                    entry.tag
                ))
            })
        })
    }

    /// drizzle-kit 1.0's layout: `(folder name, migration.sql text)` for every
    /// sub-folder holding a `migration.sql`, applied in name order.
    pub fn nested(folders: &[(&str, &str)]) -> Result<Folder, MigrationError> {
        let mut sorted: Vec<&(&str, &str)> = folders.iter().collect();
        sorted.sort_by(|a, b| a.0.cmp(b.0));
        // A bundle can name one twice (a folder cannot): the history would be ambiguous.
        if let Some(w) = sorted.windows(2).find(|w| w[0].0 == w[1].0) {
            return Err(MigrationError::Folder(format!(
                "two migrations are named {}",
                w[0].0
            )));
        }
        let mut migrations = Vec::with_capacity(sorted.len());
        for (name, sql) in sorted {
            let at = folder_millis(name).ok_or_else(|| {
                MigrationError::Folder(format!(
                    "folder {name} does not start with a YYYYMMDDHHmmss timestamp"
                ))
            })?;
            migrations.push(Migration::new(name, at, sql)?);
        }
        Ok(Folder { migrations })
    }

    fn from_journal<'a>(
        journal: &str,
        mut text_of: impl FnMut(&Entry) -> Result<&'a str, MigrationError>,
    ) -> Result<Folder, MigrationError> {
        let entries = read_journal(journal)?;
        let mut migrations: Vec<Migration> = Vec::with_capacity(entries.len());
        for entry in &entries {
            if migrations.iter().any(|m| m.name == entry.tag) {
                return Err(MigrationError::Folder(format!(
                    "the journal lists {} twice",
                    entry.tag
                )));
            }
            let sql = text_of(entry)?;
            migrations.push(Migration::new(&entry.tag, entry.when, sql)?);
        }
        Ok(Folder { migrations })
    }
}

/// The fields of a journal entry drizzle-orm reads (`idx` for bundles).
struct Entry {
    idx: u64,
    when: i64,
    tag: String,
}

fn read_journal(text: &str) -> Result<Vec<Entry>, MigrationError> {
    let bad = |what: &str| MigrationError::Folder(format!("meta/_journal.json: {what}"));
    let json: Json = serde_json::from_str(text).map_err(|e| bad(&e.to_string()))?;
    let entries = json
        .get("entries")
        .and_then(Json::as_array)
        .ok_or_else(|| bad("no \"entries\" array"))?;
    let mut out = Vec::with_capacity(entries.len());
    for (i, e) in entries.iter().enumerate() {
        let tag = e.get("tag").and_then(Json::as_str);
        let tag = tag.ok_or_else(|| bad(&format!("entry {i} has no \"tag\"")))?;
        if tag.is_empty() || tag.contains(['/', '\\', '\0']) {
            return Err(bad(&format!("entry {i} has the tag {tag:?}")));
        }
        let when = e.get("when").and_then(Json::as_i64);
        let when = when.ok_or_else(|| bad(&format!("entry {tag} has no integer \"when\"")))?;
        // Bundles are keyed by idx; a folder's journal works without one.
        let idx = e.get("idx").and_then(Json::as_u64).unwrap_or(i as u64);
        out.push(Entry {
            idx,
            when,
            tag: tag.to_string(),
        });
    }
    Ok(out)
}

/// `Date.UTC` of a 1.0 folder's `YYYYMMDDHHmmss` prefix, in ms (drizzle 1.0's
/// `created_at`); `None` when the name does not start with one.
fn folder_millis(name: &str) -> Option<i64> {
    let digits = name.get(..14)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |from: usize, to: usize| digits[from..to].parse::<i64>().ok();
    let (y, mo, d) = (n(0, 4)?, n(4, 6)?, n(6, 8)?);
    let (h, mi, s) = (n(8, 10)?, n(10, 12)?, n(12, 14)?);
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || s > 59 {
        return None;
    }
    Some(((days_from_civil(y, mo, d) * 24 + h) * 60 + mi) * 60_000 + s * 1000)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// `days_from_civil`), so no date library is pulled into the engine.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// SHA-256 of `text`'s UTF-8 bytes, lowercase hex: drizzle-orm's migration hash.
pub fn sha256_hex(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(text.as_bytes());
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push(HEX[usize::from(b >> 4)] as char);
        out.push(HEX[usize::from(b & 15)] as char);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const JOURNAL: &str = r#"{"version":"7","dialect":"sqlite","entries":[
        {"idx":0,"version":"6","when":1700000000000,"tag":"0000_a","breakpoints":true},
        {"idx":1,"version":"6","when":1700000000001,"tag":"0001_b","breakpoints":true}]}"#;

    #[test]
    fn journal_order_hash_and_missing_files() {
        let f = Folder::journal(
            JOURNAL,
            &[("0001_b", "select 2"), ("0000_a", "select 1"), ("x", "")],
        )
        .unwrap();
        let names: Vec<&str> = f.migrations.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["0000_a", "0001_b"]);
        assert_eq!(f.migrations[1].created_at, 1_700_000_000_001);
        // sha256("select 1"), as `printf 'select 1' | sha256sum` prints it.
        assert_eq!(
            f.migrations[0].hash,
            "822ae07d4783158bc1912bb623e5107cc9002d519e1143a9c200ed6ee18b6d0f"
        );
        let e = Folder::journal(JOURNAL, &[("0000_a", "select 1")]).unwrap_err();
        assert_eq!(e.kind(), "migration_folder");
        assert!(e.to_string().contains("0001_b.sql"), "{e}");
    }

    #[test]
    fn known_digest() {
        assert_eq!(
            sha256_hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn bundle_keys_by_idx() {
        let f = Folder::bundle(JOURNAL, &[("m0000", "a"), ("m0001", "b")]).unwrap();
        assert_eq!(f.migrations[1].statements, ["b"]);
        assert!(Folder::bundle(JOURNAL, &[("m0000", "a")]).is_err());
    }

    #[test]
    fn bad_journals_are_folder_errors() {
        for j in [
            "",
            "[]",
            r#"{"entries":[{"when":1}]}"#,
            r#"{"entries":[{"tag":"a","when":"x"}]}"#,
            r#"{"entries":[{"tag":"../a","when":1}]}"#,
            r#"{"entries":[{"tag":"a","when":1},{"tag":"a","when":2}]}"#,
        ] {
            let e = Folder::journal(j, &[("a", "")]).unwrap_err();
            assert_eq!(e.kind(), "migration_folder", "{j}");
        }
    }

    #[test]
    fn nested_folders_sort_by_name_and_take_utc_millis() {
        let f = Folder::nested(&[("20250102030405_b", "x"), ("20241231235959_a", "y")]).unwrap();
        assert_eq!(f.migrations[0].name, "20241231235959_a");
        // Date.UTC(2024, 11, 31, 23, 59, 59) and Date.UTC(2025, 0, 2, 3, 4, 5)
        assert_eq!(f.migrations[0].created_at, 1_735_689_599_000);
        assert_eq!(f.migrations[1].created_at, 1_735_787_045_000);
        assert!(Folder::nested(&[("init", "x")]).is_err());
        let twice =
            Folder::nested(&[("20250101000000_a", "x"), ("20250101000000_a", "y")]).unwrap_err();
        assert!(
            twice
                .to_string()
                .contains("two migrations are named 20250101000000_a"),
            "{twice}"
        );
        assert!(Folder::nested(&[("20251340000000_x", "x")]).is_err());
    }
}
