//! The migrate algorithm of the JS migrators (`npm-package/src/migrator/steps.ts`): the same steps, in the
//! same order, with the SQL from the same engine calls, so either side continues the other's history.
//! SQLite (D1, Durable Objects) and PostgreSQL (Neon) run every pending migration and its record in one
//! atomic unit, PostgreSQL under an advisory lock with a guard per migration (a concurrent run is retried);
//! MySQL (PlanetScale) commits DDL implicitly, so it runs migration by migration under `get_lock`. One
//! async algorithm for every host: a Durable Object's host answers synchronously, and its `migrate`
//! polls the future once.

use mizzle_core::migrations::{
    plan, Accept, AppliedRow, ForeignKey, History, Migration, Plan, SqliteSchema, Tracking,
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

/// Where the tracking table is: its dialect, and drizzle's `migrationsTable` / `migrationsSchema`.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    pub dialect: DialectKind,
    pub table: Option<&'a str>,
    /// PostgreSQL only (`drizzle` by default).
    pub schema: Option<&'a str>,
}

impl<'a> Target<'a> {
    /// drizzle's tracking table of `dialect`, default name and schema.
    pub fn of(dialect: DialectKind) -> Target<'static> {
        Target {
            dialect,
            table: None,
            schema: None,
        }
    }

    /// The same target with the tracking table named `table`.
    pub fn in_table<'b>(self, table: &'b str) -> Target<'b>
    where
        'a: 'b,
    {
        Target {
            table: Some(table),
            dialect: self.dialect,
            schema: self.schema,
        }
    }
}

/// Applies what `migrations` has and the database's tracking table does not record (the hosts'
/// `migrate` calls this with their dialect; call it directly for another tracking table).
pub async fn migrate<H: MigrationHost>(
    host: &H,
    migrations: &Migrations,
    target: Target<'_>,
) -> Result<MigrationResult, Error> {
    let folder = migrations.folder()?;
    let tracking = match (migrations.is_wrangler(), target.dialect) {
        (true, DialectKind::Sqlite) => Tracking::wrangler(target.table),
        (true, _) => {
            return Err(Error::Invalid(
                "a wrangler folder (flat .sql files) is D1's: SQLite hosts only".into(),
            ))
        }
        (false, d) => Tracking::new(d, target.table, target.schema),
    };
    let lock = tracking.lock()?;
    let lock_in_unit = target.dialect == DialectKind::Postgres;
    match &lock {
        // PostgreSQL: two runs creating the table at once can collide in the catalog, even with IF NOT EXISTS.
        Some(l) if lock_in_unit => {
            let mut unit = vec![l.clone()];
            unit.extend(tracking.create()?);
            host.atomic(&unit).await.map_err(|(_, e)| e)?;
        }
        _ => {
            for s in tracking.create()? {
                host.run(&s).await?;
            }
        }
    }
    if let (Some(l), false) = (&lock, lock_in_unit) {
        // MySQL: held from before the table is read until the last migration is recorded.
        let got = host.rows(l).await?;
        if records(&got).next().and_then(|r| r("locked")).as_deref() != Some("1") {
            return Err(Error::Migration {
                kind: "migration_failed",
                message: "another run holds the migrations lock (get_lock) and did not release it within 60 s; \
                          nothing was applied"
                    .into(),
            });
        }
    }
    let result = apply(
        host,
        &folder,
        &tracking,
        target.dialect,
        lock.as_deref().filter(|_| lock_in_unit),
    )
    .await;
    if let Some(u) = tracking.unlock()? {
        let released = host.run(&u).await;
        // The run's own error wins over a failed release.
        if result.is_ok() {
            released?;
        }
    }
    result
}

/// Reads, plans and applies (re-reading when a concurrent PostgreSQL run applied part of the plan).
async fn apply<H: MigrationHost>(
    host: &H,
    folder: &mizzle_core::migrations::Folder,
    tracking: &Tracking,
    dialect: DialectKind,
    lock: Option<&str>,
) -> Result<MigrationResult, Error> {
    let mut attempt = 1;
    loop {
        let (p, has_name) = read_plan(host, folder, tracking, dialect).await?;
        let mut result = MigrationResult {
            applied: Vec::new(),
            already_applied: p.applied,
        };
        if p.pending.is_empty() {
            return Ok(result);
        }
        if dialect == DialectKind::MySql {
            one_by_one(host, &p, tracking, has_name, &mut result).await?;
            return Ok(result);
        }
        match in_one_unit(host, &p, tracking, has_name, lock).await {
            Ok(()) => {
                result.applied = p.pending.iter().map(|m| m.name.clone()).collect();
                return Ok(result);
            }
            Err(e) if attempt < 3 && e.to_string().contains(Tracking::CONCURRENT) => attempt += 1,
            Err(e) => return Err(e),
        }
    }
}

/// The tracking table's rows (and SQLite's foreign keys), planned by the engine.
async fn read_plan<H: MigrationHost>(
    host: &H,
    folder: &mizzle_core::migrations::Folder,
    tracking: &Tracking,
    dialect: DialectKind,
) -> Result<(Plan, bool), Error> {
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
    let mut p = plan(folder, &history, Accept::default())?;
    if dialect == DialectKind::Sqlite {
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
        p.protect_rebuilds(&schema)?;
    }
    Ok((p, has_name))
}

/// SQLite and PostgreSQL: every pending migration and its record in ONE atomic unit (nothing applied if
/// one fails); PostgreSQL's lock first, then each migration's guard.
async fn in_one_unit<H: MigrationHost>(
    host: &H,
    p: &Plan,
    tracking: &Tracking,
    has_name: bool,
    lock: Option<&str>,
) -> Result<(), Error> {
    // Each statement with what it is, to name a failure as the JS migrators do.
    let mut statements = Vec::new();
    let mut labels: Vec<Option<(&Migration, Option<usize>)>> = Vec::new();
    if let Some(l) = lock {
        statements.push(l.to_owned());
        labels.push(None);
    }
    for m in &p.pending {
        if let Some(g) = tracking.guard(m)? {
            statements.push(g);
            labels.push(None);
        }
    }
    for m in &p.pending {
        for (i, s) in m.statements.iter().enumerate() {
            statements.push(s.clone());
            labels.push(Some((m, Some(i))));
        }
        statements.push(tracking.record(m, has_name)?);
        labels.push(Some((m, None)));
    }
    if let Err((at, e)) = host.atomic(&statements).await {
        if e.to_string().contains(Tracking::CONCURRENT) {
            return Err(e);
        }
        let at = match at {
            Some(i) => Some(i),
            None => bisect(host, &statements, tracking.probe()).await,
        };
        let label = at.and_then(|i| labels.get(i).copied().flatten());
        return Err(failure(e, label, p.pending.len()));
    }
    Ok(())
}

/// MySQL: each statement on its own (DDL commits implicitly), each migration recorded once it ran.
async fn one_by_one<H: MigrationHost>(
    host: &H,
    p: &Plan,
    tracking: &Tracking,
    has_name: bool,
    result: &mut MigrationResult,
) -> Result<(), Error> {
    for m in &p.pending {
        for (i, s) in m.statements.iter().enumerate() {
            if let Err(e) = host.run(s).await {
                let done = if i == 0 {
                    "none of its statements ran".to_string()
                } else {
                    format!("its statements 1-{i} ran and stay applied")
                };
                return Err(Error::Migration {
                    kind: "migration_failed",
                    message: format!(
                        "migration {} failed at statement {} of {}: {e}. MySQL commits DDL implicitly, so {done}; \
                         it is not recorded{}",
                        m.name,
                        i + 1,
                        m.statements.len(),
                        applied_before(result)
                    ),
                });
            }
        }
        if let Err(e) = host.run(&tracking.record(m, has_name)?).await {
            return Err(Error::Migration {
                kind: "migration_failed",
                message: format!(
                    "migration {} ran but recording it failed: {e}{}",
                    m.name,
                    applied_before(result)
                ),
            });
        }
        result.applied.push(m.name.clone());
    }
    Ok(())
}

fn applied_before(result: &MigrationResult) -> String {
    if result.applied.is_empty() {
        " (nothing of this run is applied)".into()
    } else {
        format!(
            " (applied and recorded before it: {})",
            result.applied.join(", ")
        )
    }
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

fn failure(e: Error, label: Option<(&Migration, Option<usize>)>, units: usize) -> Error {
    let rolled_back = if units == 1 {
        "it was rolled back".to_string()
    } else {
        format!("the {units} migrations of this run were rolled back")
    };
    let message = match label {
        Some((m, Some(i))) => {
            let n = m.sources.get(i).copied().unwrap_or(0);
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
