//! Running renderings on SQLite (property 2): each statement runs in a
//! rolled-back transaction on the blog fixture, under a watchdog that
//! interrupts runaway statements, and its outcome (executed, rejected with
//! a typed error, interrupted, not rendered) is tallied for the report.

use std::collections::BTreeMap;
use std::fmt::Debug;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use mizzle_core::ast::Statement;
use mizzle_core::{render, DialectKind, Error, Param, Rendered};
use mizzle_tests::sqlite_db::{to_sqlite, SqliteDb};
use proptest::test_runner::TestCaseError;

use crate::scanner::fail;

/// Interrupts the SQLite statement that outlives its deadline (a generated
/// recursive CTE or a large join must not hang the suite).
pub(crate) struct Watchdog {
    deadline: Arc<Mutex<Option<Instant>>>,
    stop: Arc<AtomicBool>,
    thread: Option<thread::JoinHandle<()>>,
}

impl Watchdog {
    fn new(conn: &rusqlite::Connection) -> Watchdog {
        let handle = conn.get_interrupt_handle();
        let deadline: Arc<Mutex<Option<Instant>>> = Arc::default();
        let stop = Arc::new(AtomicBool::new(false));
        let (d, s) = (deadline.clone(), stop.clone());
        let thread = thread::spawn(move || {
            while !s.load(Ordering::Relaxed) {
                thread::sleep(Duration::from_millis(5));
                let mut guard = d.lock().unwrap();
                if guard.is_some_and(|t| Instant::now() > t) {
                    handle.interrupt();
                    *guard = None;
                }
            }
        });
        Watchdog {
            deadline,
            stop,
            thread: Some(thread),
        }
    }

    fn arm(&self, budget: Duration) {
        *self.deadline.lock().unwrap() = Some(Instant::now() + budget);
    }

    fn disarm(&self) {
        *self.deadline.lock().unwrap() = None;
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

#[derive(Default, Debug)]
pub(crate) struct Tally {
    pub(crate) executed: u32,
    pub(crate) rejected: u32,
    pub(crate) interrupted: u32,
    pub(crate) not_rendered: u32,
    pub(crate) reasons: BTreeMap<String, u32>,
}

impl Tally {
    pub(crate) fn report(&self, label: &str) -> String {
        let ran = self.executed + self.rejected + self.interrupted;
        let share = if ran == 0 {
            0.0
        } else {
            100.0 * f64::from(self.executed) / f64::from(ran)
        };
        let mut reasons: Vec<_> = self.reasons.iter().collect();
        reasons.sort_by(|a, b| b.1.cmp(a.1));
        let top: Vec<String> = reasons
            .iter()
            .take(4)
            .map(|(r, n)| format!("{n}x {r}"))
            .collect();
        format!(
            "{label}: {} executed, {} rejected by SQLite, {} interrupted ({share:.0}% of {ran} executed); \
             {} not rendered for SQLite; top rejections: {}",
            self.executed,
            self.rejected,
            self.interrupted,
            self.not_rendered,
            top.join("; ")
        )
    }
}

pub(crate) struct Executor {
    pub(crate) db: SqliteDb,
    pub(crate) watchdog: Watchdog,
}

impl Executor {
    pub(crate) fn new() -> Executor {
        let mut db = SqliteDb::open().expect("open sqlite");
        mizzle_tests::fixture::install(&mut db).expect("install fixture");
        let watchdog = Watchdog::new(db.conn());
        Executor { db, watchdog }
    }

    /// Renders `stmt` for SQLite and runs it (see [`Executor::run_rendered`]).
    pub(crate) fn run(&self, stmt: &Statement, tally: &mut Tally) -> Result<(), TestCaseError> {
        let must_parse = sqlite_must_parse(&format!("{stmt:?}"));
        self.run_rendered(render(stmt, DialectKind::Sqlite), must_parse, tally)
    }

    /// Runs a SQLite rendering in a transaction that is rolled back. A
    /// failure must be a typed SQLite error, and no syntax error when
    /// `must_parse`; a mismatch between the statement's parameters and the
    /// bound values fails the test.
    pub(crate) fn run_rendered(
        &self,
        rendered: Result<Rendered, Error>,
        must_parse: bool,
        tally: &mut Tally,
    ) -> Result<(), TestCaseError> {
        let Ok(r) = rendered else {
            tally.not_rendered += 1;
            return Ok(());
        };
        let conn = self.db.conn();
        let tx = conn
            .unchecked_transaction()
            .map_err(|e| fail(format!("begin: {e}")))?;
        self.watchdog.arm(Duration::from_millis(250));
        let outcome = execute(conn, &r);
        self.watchdog.disarm();
        drop(tx);
        match outcome {
            Ok(Ok(_rows)) => tally.executed += 1,
            Ok(Err(rusqlite::Error::SqliteFailure(e, _)))
                if e.code == rusqlite::ErrorCode::OperationInterrupted =>
            {
                tally.interrupted += 1
            }
            Ok(Err(
                e @ (rusqlite::Error::SqliteFailure(..) | rusqlite::Error::SqlInputError { .. }),
            )) => {
                let msg = e.to_string();
                let syntax = ["syntax error", "unrecognized token", "incomplete input"]
                    .iter()
                    .any(|s| msg.contains(s));
                if must_parse && syntax {
                    return Err(fail(format!("SQLite cannot parse {:?}: {msg}", r.sql)));
                }
                tally.rejected += 1;
                let reason = msg.split(':').next().unwrap_or_default();
                let reason: String = reason.chars().take(48).collect();
                *tally.reasons.entry(reason).or_default() += 1;
            }
            Ok(Err(e)) => {
                return Err(fail(format!(
                    "unexpected rusqlite error {e:?} for {:?} with {:?}",
                    r.sql, r.params
                )))
            }
            Err(msg) => return Err(fail(format!("{msg}: {:?} with {:?}", r.sql, r.params))),
        }
        Ok(())
    }
}

/// Whether SQLite must be able to parse the rendering of the AST with this
/// `Debug` text: no raw SQL, and no names valid only on other servers
/// (schema-qualified functions such as `pg_catalog.lower`, `int[]` types).
pub(crate) fn sqlite_must_parse(debug: &str) -> bool {
    !debug.contains("Raw(") && !debug.contains("pg_catalog") && !debug.contains("[]")
}

/// Runs a rendered statement, reading at most a few thousand rows. The outer
/// error is a test failure, the inner one SQLite's verdict.
pub(crate) fn execute(
    conn: &rusqlite::Connection,
    r: &Rendered,
) -> Result<rusqlite::Result<usize>, String> {
    let mut stmt = match conn.prepare(&r.sql) {
        Ok(s) => s,
        Err(e) => return Ok(Err(e)),
    };
    if stmt.parameter_count() != r.params.len() {
        return Err(format!(
            "SQLite sees {} parameters, the renderer bound {}",
            stmt.parameter_count(),
            r.params.len()
        ));
    }
    let values: Vec<rusqlite::types::Value> = r
        .params
        .iter()
        .map(|p| match p {
            Param::Value(v) => to_sqlite(v),
            Param::Placeholder(_) | Param::Slot(_) => rusqlite::types::Value::Integer(1),
        })
        .collect();
    let mut rows = match stmt.query(rusqlite::params_from_iter(values)) {
        Ok(rows) => rows,
        Err(e) => return Ok(Err(e)),
    };
    let mut n = 0;
    loop {
        match rows.next() {
            Ok(Some(_)) if n < 5_000 => n += 1,
            Ok(_) => return Ok(Ok(n)),
            Err(e) => return Ok(Err(e)),
        }
    }
}
