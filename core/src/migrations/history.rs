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
//!
//! Before them, a baseline written by `mizzle-kit squash` (a migration whose
//! file lists the migrations it replaces, [`Migration::replaces`]) takes the
//! rows that record any of those (by rules 1-3 or 5, against each replaced
//! migration). Every one recorded: the baseline counts as applied and the
//! rows are its own. None: the baseline is pending, as any migration. Some:
//! [`MigrationError::Squashed`], whatever [`Accept`] says, since running the
//! baseline there would re-create what the database already has. A replaced
//! migration that was itself a baseline counts as recorded when every one it
//! replaced is.

use alloc::string::String;
use alloc::vec::Vec;

use super::error::MigrationError;
use super::folder::{Folder, Migration};
use super::rebuild::{protect_rebuilds, SqliteSchema};
use super::squash::Replaced;

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
    let mut used = alloc::vec![false; history.rows.len()];
    for (i, m) in ms.iter().enumerate() {
        taken[i] = squashed(m, &history.rows, &mut used)?;
    }

    let exact = |r: &AppliedRow, m: &Migration| match &r.name {
        Some(n) => *n == m.name,
        None => r.created_at == Some(m.created_at) && (r.hash == m.hash || r.hash.is_empty()),
    };
    for r in history
        .rows
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(r, _)| r)
    {
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

/// Whether the baseline `m` counts as applied: every migration it replaces
/// is recorded by a row not `used` yet (those rows are then marked used).
/// `false` when none is (or `m` is no baseline); an error when only some are.
fn squashed(m: &Migration, rows: &[AppliedRow], used: &mut [bool]) -> Result<bool, MigrationError> {
    let entries = &m.replaces;
    if entries.is_empty() {
        return Ok(false);
    }
    let own = |r: &AppliedRow| match &r.name {
        Some(n) => *n == m.name,
        None => r.created_at == Some(m.created_at) && r.hash == m.hash,
    };
    let records = |r: &AppliedRow, e: &Replaced| {
        r.name.as_deref() == Some(e.name.as_str())
            || (r.name.is_none()
                && r.created_at == Some(e.created_at)
                && (r.hash == e.hash || r.hash.is_empty()))
            || (!r.hash.is_empty() && r.hash == e.hash)
    };
    let mut recorded = alloc::vec![false; entries.len()];
    let mut matched = Vec::new();
    for (j, r) in rows.iter().enumerate() {
        if used[j] || own(r) {
            continue;
        }
        // Two replaced migrations can share a hash (two fresh `--custom` files): one row each.
        let k = (0..entries.len())
            .find(|&k| !recorded[k] && records(r, &entries[k]))
            .or_else(|| (0..entries.len()).find(|&k| records(r, &entries[k])));
        if let Some(k) = k {
            recorded[k] = true;
            matched.push(j);
        }
    }
    if matched.is_empty() {
        return Ok(false);
    }
    // An earlier baseline is covered by its own row or by all it replaced (a fixed point: no recursion).
    let mut covered = recorded;
    loop {
        let mut grew = false;
        for k in 0..entries.len() {
            let mut children = entries
                .iter()
                .enumerate()
                .filter(|(_, c)| c.within.as_deref() == Some(entries[k].hash.as_str()))
                .peekable();
            if !covered[k] && children.peek().is_some() && children.all(|(c, _)| covered[c]) {
                covered[k] = true;
                grew = true;
            }
        }
        if !grew {
            break;
        }
    }
    let missing: Vec<String> = entries
        .iter()
        .zip(&covered)
        .filter(|(e, c)| e.within.is_none() && !**c)
        .map(|(e, _)| e.name.clone())
        .collect();
    if missing.is_empty() {
        for j in matched {
            used[j] = true;
        }
        return Ok(true);
    }
    // drizzle's Durable Object migrator records no hash: a lone such row at the baseline's `when` is the
    // baseline's own (rule 3), not the last migration it replaced.
    let lone_own = matched.iter().all(|&j| {
        let r = &rows[j];
        r.name.is_none() && r.hash.is_empty() && r.created_at == Some(m.created_at)
    });
    if lone_own {
        return Ok(false);
    }
    Err(MigrationError::Squashed {
        baseline: m.name.clone(),
        missing,
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
    use crate::migrations::{sha256_hex, squash_header};
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
        journal_folder(&j, &files)
    }

    /// The folder of journal text `j` and its `(tag, text)` files.
    fn journal_folder(j: &str, files: &[(String, String)]) -> Folder {
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        Folder::journal(j, &refs).unwrap()
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

    /// A squashed folder: a baseline replacing `folder(whens)`'s migrations
    /// (created at the last `when`), then `after` more.
    fn squashed_folder(whens: &[i64], after: &[i64]) -> Folder {
        let history: Vec<(String, i64, String)> = whens
            .iter()
            .enumerate()
            .map(|(i, w)| (format!("{i:04}_m"), *w, format!("select {i}")))
            .collect();
        let refs: Vec<(&str, i64, &str)> = history
            .iter()
            .map(|(t, w, x)| (t.as_str(), *w, x.as_str()))
            .collect();
        let base = format!(
            "{}create table t (id integer)",
            squash_header(&refs).unwrap()
        );
        let last = *whens.last().unwrap();
        let mut j = format!(r#"{{"entries":[{{"when":{last},"tag":"0000_base"}}"#);
        let mut files = vec![("0000_base".to_string(), base)];
        for (i, w) in after.iter().enumerate() {
            j.push_str(&format!(r#",{{"when":{w},"tag":"{:04}_n"}}"#, i + 1));
            files.push((format!("{:04}_n", i + 1), format!("select 'n{i}'")));
        }
        j.push_str("]}");
        journal_folder(&j, &files)
    }

    #[test]
    fn a_baseline_counts_as_applied_where_its_whole_history_is() {
        let f = squashed_folder(&[10, 20, 30], &[40]);
        assert_eq!(f.migrations[0].replaces.len(), 3);
        let all = History {
            rows: vec![row(0, 10), row(1, 20), row(2, 30)],
        };
        let p = plan(&f, &all, Accept::default()).unwrap();
        assert_eq!(pending(&p), ["0001_n"]);
        assert_eq!(p.applied, 1);
        assert!(p.accepted.is_empty());
        // Restamped `when`s (rule 5) and the Durable Object's empty hashes (rule 3) count too.
        let mut legacy = row(1, 20);
        legacy.hash = String::new();
        let loose = History {
            rows: vec![row(0, 11), legacy, row(2, 30)],
        };
        assert_eq!(
            pending(&plan(&f, &loose, Accept::default()).unwrap()),
            ["0001_n"]
        );
    }

    #[test]
    fn a_baseline_is_pending_where_none_of_its_history_is() {
        let f = squashed_folder(&[10, 20, 30], &[40]);
        let p = plan(&f, &History::default(), Accept::default()).unwrap();
        assert_eq!(pending(&p), ["0000_base", "0001_n"]);
        // Once applied, its own row records it (the Durable Object's too, without a hash).
        let own = AppliedRow {
            hash: f.migrations[0].hash.clone(),
            created_at: Some(30),
            name: None,
        };
        let p = plan(&f, &History { rows: vec![own] }, Accept::default()).unwrap();
        assert_eq!(pending(&p), ["0001_n"]);
        let lone = AppliedRow {
            hash: String::new(),
            created_at: Some(30),
            name: None,
        };
        let p = plan(&f, &History { rows: vec![lone] }, Accept::default()).unwrap();
        assert_eq!(pending(&p), ["0001_n"]);
    }

    #[test]
    fn a_database_behind_the_squash_point_is_an_error_even_when_accepting() {
        let f = squashed_folder(&[10, 20, 30], &[]);
        let h = History {
            rows: vec![row(0, 10), row(1, 20)],
        };
        let all = Accept {
            missing: true,
            changed: true,
        };
        for accept in [Accept::default(), all] {
            let e = plan(&f, &h, accept).unwrap_err();
            assert_eq!(
                e,
                MigrationError::Squashed {
                    baseline: "0000_base".to_string(),
                    missing: vec!["0002_m".to_string()]
                }
            );
            assert_eq!(e.kind(), "migration_squashed");
            assert!(e.to_string().contains("commit before the squash"), "{e}");
        }
    }

    #[test]
    fn a_second_squash_counts_either_history() {
        let first = squashed_folder(&[10, 20], &[30]);
        let texts = [
            format!(
                "{}create table t (id integer)",
                squash_header(&[("0000_m", 10, "select 0"), ("0001_m", 20, "select 1")]).unwrap()
            ),
            "select 'n0'".to_string(),
        ];
        assert_eq!(sha256_hex(&texts[0]), first.migrations[0].hash);
        let header =
            squash_header(&[("0000_base", 20, &texts[0]), ("0001_n", 30, &texts[1])]).unwrap();
        let j = r#"{"entries":[{"when":30,"tag":"0000_again"}]}"#;
        let f = Folder::journal(j, &[("0000_again", &format!("{header}select 2"))]).unwrap();
        let n0 = AppliedRow {
            hash: sha256_hex(&texts[1]),
            created_at: Some(30),
            name: None,
        };
        let oldest = History {
            rows: vec![row(0, 10), row(1, 20), n0.clone()],
        };
        assert!(plan(&f, &oldest, Accept::default())
            .unwrap()
            .pending
            .is_empty());
        let base = AppliedRow {
            hash: first.migrations[0].hash.clone(),
            created_at: Some(20),
            name: None,
        };
        let via_first = History {
            rows: vec![base.clone(), n0],
        };
        assert!(plan(&f, &via_first, Accept::default())
            .unwrap()
            .pending
            .is_empty());
        let behind = History { rows: vec![base] };
        let e = plan(&f, &behind, Accept::default()).unwrap_err();
        assert!(
            matches!(&e, MigrationError::Squashed { missing, .. } if missing == &["0001_n"]),
            "{e}"
        );
        let half = History {
            rows: vec![row(0, 10)],
        };
        let e = plan(&f, &half, Accept::default()).unwrap_err();
        assert!(
            matches!(&e, MigrationError::Squashed { missing, .. } if missing == &["0000_base", "0001_n"]),
            "{e}"
        );
    }
}
