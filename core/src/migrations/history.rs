//! What is pending: the folder's migrations matched against the rows of the
//! tracking table.
//!
//! drizzle-orm 0.45 applies a migration iff its `when` is newer than the one
//! newest row (drizzle #5769: an older, unapplied migration merged from a
//! branch is skipped silently). Here a migration is pending iff no row
//! records it, and every row must record a migration of the folder.
//!
//! A row records a migration when, in this order of preference:
//! 1. its `name` (drizzle 1.0's column) is the migration's name;
//! 2. its `created_at` and `hash` are the migration's;
//! 3. its `created_at` is the migration's and its hash is empty (drizzle's
//!    Durable Object migrator records `''`);
//! 4. its `created_at` is the migration's but the hash differs: the file
//!    changed after it ran ([`MigrationError::Changed`]);
//! 5. its hash is the migration's but `created_at` differs (a journal whose
//!    `when` was restamped, the usual workaround for #5769).
//!
//! Rules 1-3 are tried for every row before 4-5, so an exact match is never
//! taken by a looser one. A row that matches nothing is
//! [`MigrationError::Missing`].

use alloc::string::String;
use alloc::vec::Vec;

use super::error::MigrationError;
use super::folder::{Folder, Migration};
use super::rebuild::{protect_rebuilds, SqliteSchema};

/// One row of the tracking table, as read (NULL hash as "").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AppliedRow {
    pub hash: String,
    pub created_at: Option<i64>,
    /// drizzle 1.0's `name` column, where the table has one.
    pub name: Option<String>,
}

/// The tracking table's rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    pub rows: Vec<AppliedRow>,
}

/// Mismatches to go on with instead of failing (each is then reported in
/// [`Plan::accepted`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Accept {
    /// Rows recording migrations the folder no longer has.
    pub missing: bool,
    /// Applied migrations whose file changed since.
    pub changed: bool,
}

/// What to run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// The migrations no row records, in folder order.
    pub pending: Vec<Migration>,
    /// How many of the folder's migrations are recorded.
    pub applied: usize,
    /// The mismatches [`Accept`] let through.
    pub accepted: Vec<MigrationError>,
}

impl Plan {
    /// SQLite: makes every pending table rebuild safe for the rows that
    /// reference the rebuilt table ([`protect_rebuilds`]), given the
    /// database's foreign keys as read before the run.
    pub fn protect_rebuilds(&mut self, schema: &SqliteSchema) -> Result<(), MigrationError> {
        for m in &mut self.pending {
            let marked = protect_rebuilds(&m.statements, schema)?;
            m.sources = marked
                .iter()
                .map(|(_, at)| at.map_or(0, |i| m.sources[i]))
                .collect();
            m.statements = marked.into_iter().map(|(s, _)| s).collect();
        }
        Ok(())
    }
}

/// The migrations of `folder` that `history` does not record.
pub fn plan(folder: &Folder, history: &History, accept: Accept) -> Result<Plan, MigrationError> {
    let ms = &folder.migrations;
    let mut taken = alloc::vec![false; ms.len()];
    let mut unmatched: Vec<&AppliedRow> = Vec::new();
    let mut accepted = Vec::new();

    let exact = |r: &AppliedRow, m: &Migration| match &r.name {
        Some(n) => *n == m.name,
        None => r.created_at == Some(m.created_at) && (r.hash == m.hash || r.hash.is_empty()),
    };
    for r in &history.rows {
        match (0..ms.len()).find(|&i| !taken[i] && exact(r, &ms[i])) {
            Some(i) => {
                taken[i] = true;
                if r.name.is_some() && !r.hash.is_empty() && r.hash != ms[i].hash {
                    changed(&ms[i], r, accept, &mut accepted)?;
                }
            }
            None => unmatched.push(r),
        }
    }
    for r in unmatched {
        let same_time =
            (0..ms.len()).find(|&i| !taken[i] && r.created_at == Some(ms[i].created_at));
        if let Some(i) = same_time {
            taken[i] = true;
            changed(&ms[i], r, accept, &mut accepted)?;
            continue;
        }
        let same_hash =
            (0..ms.len()).find(|&i| !taken[i] && !r.hash.is_empty() && r.hash == ms[i].hash);
        if let Some(i) = same_hash {
            taken[i] = true;
            continue;
        }
        let e = MigrationError::Missing {
            name: r.name.clone(),
            created_at: r.created_at,
            hash: r.hash.clone(),
        };
        if !accept.missing {
            return Err(e);
        }
        accepted.push(e);
    }
    let pending: Vec<Migration> = ms
        .iter()
        .zip(&taken)
        .filter(|(_, t)| !**t)
        .map(|(m, _)| m.clone())
        .collect();
    Ok(Plan {
        applied: ms.len() - pending.len(),
        pending,
        accepted,
    })
}

fn changed(
    m: &Migration,
    r: &AppliedRow,
    accept: Accept,
    accepted: &mut Vec<MigrationError>,
) -> Result<(), MigrationError> {
    let e = MigrationError::Changed {
        name: m.name.clone(),
        recorded: r.hash.clone(),
        file: m.hash.clone(),
    };
    if accept.changed {
        accepted.push(e);
        Ok(())
    } else {
        Err(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::migrations::sha256_hex;
    use alloc::format;
    use alloc::string::ToString;
    use alloc::vec;

    fn folder(whens: &[i64]) -> Folder {
        let mut j = String::from(r#"{"entries":["#);
        let mut files = Vec::new();
        for (i, w) in whens.iter().enumerate() {
            if i > 0 {
                j.push(',');
            }
            j.push_str(&format!(r#"{{"idx":{i},"when":{w},"tag":"{i:04}_m"}}"#));
            files.push((format!("{i:04}_m"), format!("select {i}")));
        }
        j.push_str("]}");
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        Folder::journal(&j, &refs).unwrap()
    }

    fn row(i: usize, when: i64) -> AppliedRow {
        AppliedRow {
            hash: sha256_hex(&format!("select {i}")),
            created_at: Some(when),
            name: None,
        }
    }

    fn pending(p: &Plan) -> Vec<&str> {
        p.pending.iter().map(|m| m.name.as_str()).collect()
    }

    #[test]
    fn an_older_unapplied_migration_is_pending() {
        // drizzle #5769: 0001 (when 30) merged after 0002 (when 20) was applied.
        let f = folder(&[10, 30, 20]);
        let h = History {
            rows: vec![row(0, 10), row(2, 20)],
        };
        let p = plan(&f, &h, Accept::default()).unwrap();
        assert_eq!(pending(&p), ["0001_m"]);
        assert_eq!(p.applied, 2);
    }

    #[test]
    fn legacy_empty_hashes_and_restamped_whens_match() {
        let f = folder(&[10, 20, 30]);
        let mut legacy = row(0, 10);
        legacy.hash = String::new();
        let restamped = row(1, 25);
        let p = plan(
            &f,
            &History {
                rows: vec![legacy, restamped],
            },
            Accept::default(),
        )
        .unwrap();
        assert_eq!(pending(&p), ["0002_m"]);
    }

    #[test]
    fn a_changed_file_is_an_error_unless_accepted() {
        let f = folder(&[10, 20]);
        let mut r = row(0, 10);
        r.hash = "0".repeat(64);
        let h = History { rows: vec![r] };
        let e = plan(&f, &h, Accept::default()).unwrap_err();
        assert!(
            matches!(&e, MigrationError::Changed { name, .. } if name == "0000_m"),
            "{e}"
        );
        let p = plan(
            &f,
            &h,
            Accept {
                changed: true,
                missing: false,
            },
        )
        .unwrap();
        assert_eq!(pending(&p), ["0001_m"]);
        assert_eq!(p.accepted.len(), 1);
    }

    #[test]
    fn a_row_the_folder_lacks_is_an_error_unless_accepted() {
        let f = folder(&[10]);
        let h = History {
            rows: vec![row(0, 10), row(7, 99)],
        };
        let e = plan(&f, &h, Accept::default()).unwrap_err();
        assert_eq!(e.kind(), "migration_missing");
        assert!(e.to_string().contains("99"), "{e}");
        let p = plan(
            &f,
            &h,
            Accept {
                missing: true,
                changed: false,
            },
        )
        .unwrap();
        assert!(p.pending.is_empty());
    }

    #[test]
    fn names_win_and_identical_files_stay_distinct() {
        // Two fresh `--custom` migrations have the same text, so the same hash.
        let j = r#"{"entries":[{"when":1,"tag":"a"},{"when":2,"tag":"b"}]}"#;
        let f = Folder::journal(j, &[("a", "-- x"), ("b", "-- x")]).unwrap();
        let h = History {
            rows: vec![AppliedRow {
                hash: sha256_hex("-- x"),
                created_at: Some(2),
                name: None,
            }],
        };
        assert_eq!(pending(&plan(&f, &h, Accept::default()).unwrap()), ["a"]);
        let named = History {
            rows: vec![AppliedRow {
                hash: String::new(),
                created_at: Some(0),
                name: Some("b".to_string()),
            }],
        };
        assert_eq!(
            pending(&plan(&f, &named, Accept::default()).unwrap()),
            ["a"]
        );
    }
}
