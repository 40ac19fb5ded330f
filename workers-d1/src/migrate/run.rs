//! The migrate algorithm for SQLite hosts (D1, Durable Objects): the same steps, in the same order, as
//! the JS migrators' (`npm-package/src/migrator/steps.ts`, SQLite branch), with the SQL from the same
//! engine calls, so either side continues the other's history. One async algorithm for both hosts: a
//! Durable Object's host answers synchronously, and its `migrate` polls the future once.

use mizzle_core::migrations::{
    plan, Accept, AppliedRow, ForeignKey, History, Migration, SqliteSchema, Tracking,
};
use mizzle_core::DialectKind;

use super::Migrations;
use crate::cell::Cell;
use crate::Error;

/// What the algorithm needs from a host.
// The futures are the host's own (JS promises on a Worker's single thread): no `Send` bound to offer.
#[allow(async_fn_in_trait)]
pub trait MigrationHost {
    /// A query's rows, with its column names.
    async fn rows(&self, sql: &str) -> Result<(Vec<String>, Vec<Vec<Cell>>), Error>;
    /// One statement.
    async fn run(&self, sql: &str) -> Result<(), Error>;
    /// Every statement or none. On failure, the failing statement's index when the host can tell.
    async fn atomic(&self, statements: &[String]) -> Result<(), (Option<usize>, Error)>;
}

/// What a run did.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MigrationResult {
    /// The migrations applied now, in order.
    pub applied: Vec<String>,
    /// How many were already recorded.
    pub already_applied: usize,
}

/// Applies what `migrations` has and the database's tracking table does not record: every pending
/// migration and its record in ONE atomic unit (nothing applied if one fails). `table` overrides the
/// tracking table's name (drizzle's `migrationsTable`, wrangler's `migrations_table`).
pub async fn migrate<H: MigrationHost>(
    host: &H,
    migrations: &Migrations,
    table: Option<&str>,
) -> Result<MigrationResult, Error> {
    let folder = migrations.folder()?;
    let tracking = if migrations.is_wrangler() {
        Tracking::wrangler(table)
    } else {
        Tracking::new(DialectKind::Sqlite, table, None)
    };
    for s in tracking.create()? {
        host.run(&s).await?;
    }
    let (_, columns) = host.rows(&tracking.columns_query()?).await?;
    let has_name = columns
        .iter()
        .any(|c| matches!(c.first(), Some(Cell::Text(n)) if n.eq_ignore_ascii_case("name")));
    let rows = host.rows(&tracking.rows_query(has_name)?).await?;
    let mut history = History::default();
    for row in records(&rows) {
        history.rows.push(AppliedRow {
            hash: row("hash").unwrap_or_default(),
            created_at: row("created_at").and_then(|t| t.trim().parse().ok()),
            name: row("name"),
        });
    }
    let mut schema = SqliteSchema::default();
    for f in records(&host.rows(SqliteSchema::FOREIGN_KEYS_QUERY).await?) {
        schema.foreign_keys.push(ForeignKey {
            child: f("child").unwrap_or_default(),
            parent: f("parent").unwrap_or_default(),
            column: f("col").unwrap_or_default(),
            on_delete: f("on_delete").unwrap_or_default(),
        });
    }
    for c in records(&host.rows(SqliteSchema::COLUMNS_QUERY).await?) {
        schema
            .columns
            .push((c("tbl").unwrap_or_default(), c("col").unwrap_or_default()));
    }
    let mut p = plan(&folder, &history, Accept::default())?;
    p.protect_rebuilds(&schema)?;
    let mut result = MigrationResult {
        applied: Vec::new(),
        already_applied: p.applied,
    };
    if p.pending.is_empty() {
        return Ok(result);
    }
    // Each statement with what it is, to name a failure as the JS migrators do.
    let mut statements = Vec::new();
    let mut labels: Vec<(&Migration, Option<usize>)> = Vec::new();
    for m in &p.pending {
        for (i, s) in m.statements.iter().enumerate() {
            statements.push(s.clone());
            labels.push((m, Some(i)));
        }
        statements.push(tracking.record(m, has_name)?);
        labels.push((m, None));
    }
    if let Err((at, e)) = host.atomic(&statements).await {
        let at = match at {
            Some(i) => Some(i),
            None => bisect(host, &statements, tracking.probe()).await,
        };
        return Err(failure(e, at.and_then(|i| labels.get(i)), p.pending.len()));
    }
    result.applied = p.pending.iter().map(|m| m.name.clone()).collect();
    Ok(result)
}

/// A query's rows as lookups by column name (text of any cell; NULL is `None`).
fn records(
    (names, rows): &(Vec<String>, Vec<Vec<Cell>>),
) -> impl Iterator<Item = impl Fn(&str) -> Option<String> + '_> + '_ {
    rows.iter().map(move |row| {
        move |name: &str| {
            let i = names.iter().position(|n| n == name)?;
            match row.get(i)? {
                Cell::Null => None,
                Cell::Integer(n) => Some(n.to_string()),
                Cell::Real(f) => Some(format!("{f:.0}")),
                Cell::Text(s) => Some(s.clone()),
                Cell::Bytes(b) => Some(String::from_utf8_lossy(b).into_owned()),
                Cell::Bool(b) => Some(b.to_string()),
                Cell::Json(j) => Some(j.to_string()),
            }
        }
    })
}

/// Which statement of a failed unit fails, for a host whose error does not say (D1's batch): prefixes
/// re-run, each ending with the probe (a statement that always fails), so each rolls back.
async fn bisect<H: MigrationHost>(
    host: &H,
    statements: &[String],
    probe: (&str, &str),
) -> Option<usize> {
    let (mut lo, mut hi) = (0, statements.len().checked_sub(1)?);
    while lo < hi {
        let mid = (lo + hi) / 2;
        let mut prefix = statements[..=mid].to_vec();
        prefix.push(probe.0.into());
        match host.atomic(&prefix).await {
            // The probe cannot succeed; if a host ever reports success, stop guessing.
            Ok(()) => return None,
            Err((_, e)) if e.to_string().contains(probe.1) => lo = mid + 1,
            Err(_) => hi = mid,
        }
    }
    Some(lo)
}

fn failure(e: Error, label: Option<&(&Migration, Option<usize>)>, units: usize) -> Error {
    let rolled_back = if units == 1 {
        "it was rolled back".to_string()
    } else {
        format!("the {units} migrations of this run were rolled back")
    };
    let message = match label {
        Some((m, Some(i))) => {
            let n = m.sources.get(*i).copied().unwrap_or(0);
            let of = m.sources.iter().copied().max().unwrap_or(0);
            let at = if n > 0 {
                format!("statement {n} of {of}")
            } else {
                "a statement mizzle added to keep child rows through a table rebuild".into()
            };
            format!(
                "migration {} failed at {at}: {e}; {rolled_back} (nothing of this run is applied)",
                m.name
            )
        }
        Some((m, None)) => format!(
            "applying {} failed: {e}; {rolled_back} (nothing of this run is applied)",
            m.name
        ),
        None => format!(
            "applying the migrations failed: {e}; {rolled_back} (nothing of this run is applied)"
        ),
    };
    Error::Migration {
        kind: "migration_failed",
        message,
    }
}
