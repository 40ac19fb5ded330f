//! A squashed baseline (`mizzle-kit squash`): one migration that replaces a
//! folder's history, its file starting with one comment line per migration it
//! replaces, so the planner ([`super::plan`]) knows a database that applied
//! that history has it already.
//!
//! The lines, at the top of the file (before its first statement):
//!
//! ```text
//! -- mizzle squash: replaces <created_at> <sha256> <tag>
//! -- mizzle squash: <baseline sha256> replaced <created_at> <sha256> <tag>
//! ```
//!
//! The first form is a migration of the squashed history: its journal `when`
//! (what drizzle's table records as `created_at`), the SHA-256 of its file as
//! it was, its tag. The second is a migration that an earlier baseline of the
//! history (the one whose file hashes to `<baseline sha256>`) replaced: a
//! squash of a folder that was squashed before keeps that baseline's own
//! lines, so a database that applied the oldest history still counts.
//!
//! [`squash_header`] writes them (the only writer: `mizzle-kit squash` calls
//! it through the wasm build) and [`Migration`](super::Migration) reads them
//! back with [`replaced_by`]; the tests below hold the two to each other.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::error::MigrationError;
use super::folder::sha256_hex;

/// What starts every line of the header.
pub const SQUASH_PREFIX: &str = "-- mizzle squash: ";

/// One migration a baseline replaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replaced {
    /// The migration's tag (`0003_brave_hulk`).
    pub name: String,
    /// Its journal `when`: the `created_at` drizzle's table recorded for it.
    pub created_at: i64,
    /// SHA-256 (hex) of its file, as drizzle's table recorded it.
    pub hash: String,
    /// `None`: a migration of the history this baseline squashed. `Some(h)`:
    /// one that the earlier baseline hashing to `h` (also listed) replaced.
    pub within: Option<String>,
}

/// The header of a baseline replacing `history`, as `(tag, created_at, file
/// text)` in folder order: one line per migration, then the lines of any
/// earlier baseline among them, each ending with `\n`.
pub fn squash_header(history: &[(&str, i64, &str)]) -> Result<String, MigrationError> {
    let mut out = String::new();
    let mut earlier = String::new();
    for &(tag, created_at, text) in history {
        if tag.is_empty() || tag.contains(['\n', '\r']) {
            return Err(MigrationError::Folder(format!(
                "the tag {tag:?} cannot be recorded in a squash header"
            )));
        }
        let hash = sha256_hex(text);
        out.push_str(&format!(
            "{SQUASH_PREFIX}replaces {created_at} {hash} {tag}\n"
        ));
        for r in replaced_by(text)? {
            let parent = r.within.as_deref().unwrap_or(&hash);
            earlier.push_str(&format!(
                "{SQUASH_PREFIX}{parent} replaced {} {} {}\n",
                r.created_at, r.hash, r.name
            ));
        }
    }
    out.push_str(&earlier);
    Ok(out)
}

/// The migrations the file `sql` declares it replaces (none for a file that
/// is not a baseline). Only the comment lines before its first statement are
/// read; a header line that does not parse is an error, never skipped (the
/// baseline would then run on a database that has its tables).
pub fn replaced_by(sql: &str) -> Result<Vec<Replaced>, MigrationError> {
    let mut out = Vec::new();
    for line in sql.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        if !line.starts_with("--") || line.starts_with("--> statement-breakpoint") {
            break;
        }
        let Some(rest) = line.strip_prefix(SQUASH_PREFIX) else {
            continue;
        };
        let bad = || {
            MigrationError::Folder(format!(
                "the squash header line {line:?} does not read as `{SQUASH_PREFIX}replaces <created_at> \
                 <sha256> <tag>` or `{SQUASH_PREFIX}<sha256> replaced <created_at> <sha256> <tag>`"
            ))
        };
        let (within, fields) = match rest.strip_prefix("replaces ") {
            Some(fields) => (None, fields),
            None => {
                let (parent, fields) = rest.split_once(" replaced ").ok_or_else(bad)?;
                (Some(hex(parent).ok_or_else(bad)?), fields)
            }
        };
        let mut parts = fields.splitn(3, ' ');
        let created_at = parts.next().and_then(|c| c.parse::<i64>().ok());
        let hash = parts.next().and_then(hex);
        let name = parts.next().filter(|n| !n.is_empty());
        match (created_at, hash, name) {
            (Some(created_at), Some(hash), Some(name)) => out.push(Replaced {
                name: name.to_string(),
                created_at,
                hash,
                within,
            }),
            _ => return Err(bad()),
        }
    }
    Ok(out)
}

/// `text` when it is a SHA-256 in lowercase hex.
fn hex(text: &str) -> Option<String> {
    let ok = text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    ok.then(|| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    #[test]
    fn the_header_reads_back_as_written() {
        let header =
            squash_header(&[("0000_a", 10, "select 1"), ("0001_b c", 20, "select 2")]).unwrap();
        assert_eq!(
            header,
            format!(
                "{SQUASH_PREFIX}replaces 10 {} 0000_a\n{SQUASH_PREFIX}replaces 20 {} 0001_b c\n",
                sha256_hex("select 1"),
                sha256_hex("select 2")
            )
        );
        let file = format!("{header}-- a note\nCREATE TABLE t (id integer);");
        let read = replaced_by(&file).unwrap();
        assert_eq!(read.len(), 2);
        assert_eq!(read[1].name, "0001_b c");
        assert_eq!(read[1].created_at, 20);
        assert_eq!(read[1].hash, sha256_hex("select 2"));
        assert_eq!(read[0].within, None);
    }

    #[test]
    fn a_second_squash_keeps_the_first_ones_history() {
        let first = format!(
            "{}CREATE TABLE t (id integer);",
            squash_header(&[("0000_a", 10, "x"), ("0001_b", 20, "y")]).unwrap()
        );
        let second = squash_header(&[("0000_base", 20, &first), ("0001_c", 30, "z")]).unwrap();
        let read = replaced_by(&second).unwrap();
        let names: Vec<(&str, Option<&str>)> = read
            .iter()
            .map(|r| (r.name.as_str(), r.within.as_deref()))
            .collect();
        let base = sha256_hex(&first);
        assert_eq!(
            names,
            vec![
                ("0000_base", None),
                ("0001_c", None),
                ("0000_a", Some(base.as_str())),
                ("0001_b", Some(base.as_str()))
            ]
        );
        // A third keeps the nesting as it was: 0000_a stays within the first baseline.
        let text = format!("{second}select 1");
        let third = replaced_by(&squash_header(&[("0000_again", 30, &text)]).unwrap()).unwrap();
        assert_eq!(third.len(), 5);
        assert_eq!(third[3].name, "0000_a");
        assert_eq!(third[3].within.as_deref(), Some(base.as_str()));
        assert_eq!(third[1].within.as_deref(), Some(sha256_hex(&text).as_str()));
    }

    #[test]
    fn only_the_leading_comments_count_and_bad_lines_are_errors() {
        let later = format!("select 1;\n{SQUASH_PREFIX}replaces 1 {} x", "a".repeat(64));
        assert!(replaced_by(&later).unwrap().is_empty());
        assert!(
            replaced_by("-- Custom SQL migration file, put your code below! --")
                .unwrap()
                .is_empty()
        );
        for bad in [
            "replaces x y z",
            "replaces 1 ABC t",
            "replaces 1 2",
            "what 1 2 3",
        ] {
            let e = replaced_by(&format!("{SQUASH_PREFIX}{bad}\nselect 1")).unwrap_err();
            assert_eq!(e.kind(), "migration_folder", "{bad}");
        }
        assert!(squash_header(&[("a\nb", 1, "")]).is_err());
    }
}
