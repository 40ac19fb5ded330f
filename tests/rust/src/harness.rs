//! The engine suite's runner: each case runs once per dialect inside a
//! transaction that is rolled back, counts its assertions per database, and
//! the run ends with `N passed, M failed`.
//!
//! Rules for cases: every case must assert something (a case with no
//! assertion fails); MariaDB commits DDL implicitly, so a case that creates
//! tables drops them itself; auto-generated ids of rows inserted by a case
//! are not stable across servers (sequences survive rollbacks), so read new
//! rows back by another column.
//!
//! MySQL statements run in the MariaDB flavour (the server here), and every
//! one of them is also rendered for MySQL 8 (`DialectKind::MySql`'s own
//! flavour, PlanetScale's), where a construct from the dialect's
//! `MARIADB_ONLY` list fails the case: no MySQL 8 server runs here, so this
//! proves by construction that MySQL 8 never gets MariaDB-only SQL.

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicU32, Ordering};

use mizzle_core::ast::Statement;
use mizzle_core::dialect::{mariadb_only_constructs, MySql};
use mizzle_core::render::{SqlWriter, ToSql};
use mizzle_core::{render, DialectKind, Error, Feature, Param, Rendered, Value};

/// MySQL statements of this run checked in their MySQL 8 rendering.
static MYSQL8_CHECKED: AtomicU32 = AtomicU32::new(0);

/// Renders `stmt` for the server the suite runs `kind` on: MySQL in its
/// MariaDB flavour, the others as `render` does.
pub fn render_for_server(stmt: &Statement, kind: DialectKind) -> Result<Rendered, Error> {
    if kind != DialectKind::MySql {
        return render(stmt, kind);
    }
    let mut w = SqlWriter::new(&MySql::MARIADB);
    stmt.to_sql(&mut w)?;
    Ok(w.finish())
}

/// `stmt` rendered for MySQL 8, failing when it holds a MariaDB-only construct
/// (a render error is the MariaDB rendering's business, checked by the case).
pub fn check_mysql8(stmt: &Statement) -> Result<(), String> {
    let Ok(r) = render(stmt, DialectKind::MySql) else {
        return Ok(());
    };
    MYSQL8_CHECKED.fetch_add(1, Ordering::Relaxed);
    let found = mariadb_only_constructs(&r.sql);
    if found.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "MySQL 8 rendering holds MariaDB-only {found:?}\n  sql: {}",
            r.sql
        ))
    }
}

use crate::cell::{show, Cell};
use crate::db::Db;

/// Runs cases against connected databases and keeps the score.
pub struct Harness {
    dbs: Vec<Box<dyn Db>>,
    asserts: BTreeMap<&'static str, u32>,
    passed: u32,
    failed: Vec<String>,
    filter: Option<String>,
}

impl Harness {
    /// A harness over `dbs`; `MIZZLE_CASE=substring` runs only matching cases.
    pub fn new(dbs: Vec<Box<dyn Db>>) -> Self {
        let asserts = dbs.iter().map(|d| (d.name(), 0)).collect();
        Harness {
            dbs,
            asserts,
            passed: 0,
            failed: Vec::new(),
            filter: std::env::var("MIZZLE_CASE").ok(),
        }
    }

    /// Runs `f` once for each connected database whose dialect is in `dialects`.
    pub fn case(
        &mut self,
        name: &str,
        dialects: &[DialectKind],
        f: impl Fn(&mut Ctx<'_>) -> Result<(), String>,
    ) {
        if self
            .filter
            .as_deref()
            .is_some_and(|flt| !name.contains(flt))
        {
            return;
        }
        for db in self.dbs.iter_mut().filter(|d| dialects.contains(&d.kind())) {
            let db_name = db.name();
            let outcome = match db.raw("begin") {
                Err(e) => Err(format!("begin failed: {e}")),
                Ok(()) => {
                    let mut ctx = Ctx {
                        db: db.as_mut(),
                        asserts: 0,
                    };
                    let result = catch_unwind(AssertUnwindSafe(|| f(&mut ctx)))
                        .unwrap_or_else(|p| Err(format!("panicked: {}", panic_text(&p))));
                    let asserts = ctx.asserts;
                    let _ = db.raw("rollback");
                    *self.asserts.entry(db_name).or_default() += asserts;
                    match result {
                        Ok(()) if asserts == 0 => Err("the case asserted nothing".into()),
                        other => other,
                    }
                }
            };
            match outcome {
                Ok(()) => self.passed += 1,
                Err(e) => {
                    println!("FAIL {name} [{db_name}]: {e}");
                    self.failed.push(format!("{name} [{db_name}]"));
                }
            }
        }
    }

    /// Runs `f` on every database.
    pub fn all(&mut self, name: &str, f: impl Fn(&mut Ctx<'_>) -> Result<(), String>) {
        self.case(name, &DialectKind::ALL, f);
    }

    /// Runs `f` on each database once, outside any transaction (fixture setup).
    pub fn setup(&mut self, f: impl Fn(&mut dyn Db) -> Result<(), String>) -> Result<(), String> {
        for db in &mut self.dbs {
            f(db.as_mut()).map_err(|e| format!("setup on {}: {e}", db.name()))?;
        }
        Ok(())
    }

    /// Prints the per-database assertion counts and the closing line; true when all passed.
    pub fn finish(self) -> bool {
        let total: u32 = self.asserts.values().sum();
        let per_db: Vec<String> = self
            .asserts
            .iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect();
        println!(
            "assertions against real databases: {} (total {total})",
            per_db.join(", ")
        );
        println!(
            "MySQL statements also rendered for MySQL 8 without MariaDB-only SQL: {}",
            MYSQL8_CHECKED.load(Ordering::Relaxed)
        );
        if !self.failed.is_empty() {
            println!("failed: {}", self.failed.join("; "));
        }
        println!("{} passed, {} failed", self.passed, self.failed.len());
        self.failed.is_empty()
    }
}

fn panic_text(p: &Box<dyn std::any::Any + Send>) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

/// One database inside one case.
pub struct Ctx<'a> {
    db: &'a mut dyn Db,
    asserts: u32,
}

impl Ctx<'_> {
    /// The dialect under test.
    pub fn dialect(&self) -> DialectKind {
        self.db.kind()
    }

    /// Renders for this dialect (MySQL: the MariaDB flavour, after checking
    /// the MySQL 8 rendering), as a test failure message on error.
    pub fn render(&self, stmt: &Statement) -> Result<Rendered, String> {
        if self.dialect() == DialectKind::MySql {
            check_mysql8(stmt)?;
        }
        render_for_server(stmt, self.dialect()).map_err(|e| format!("render failed: {e}"))
    }

    /// Renders and runs a statement, returning its rows.
    pub fn rows(&mut self, stmt: impl Into<Statement>) -> Result<Vec<Vec<Cell>>, String> {
        let r = self.render(&stmt.into())?;
        self.db
            .query(&r)
            .map_err(|e| format!("{e}\n  sql: {}\n  params: {:?}", r.sql, r.params))
    }

    /// Renders a statement with named placeholders, binds them from `named` and
    /// runs it, returning its rows.
    pub fn rows_with(
        &mut self,
        stmt: impl Into<Statement>,
        named: &BTreeMap<String, Value>,
    ) -> Result<Vec<Vec<Cell>>, String> {
        let r = self.render(&stmt.into())?;
        let values = r
            .bind(named)
            .map_err(|e| format!("bind failed: {e}\n  sql: {}", r.sql))?;
        self.rows_rendered(&Rendered {
            sql: r.sql,
            params: values.into_iter().map(Param::Value).collect(),
        })
    }

    /// Runs already rendered SQL (for example `render_inline` output) and returns its rows.
    pub fn rows_rendered(&mut self, r: &Rendered) -> Result<Vec<Vec<Cell>>, String> {
        self.db
            .query(r)
            .map_err(|e| format!("{e}\n  sql: {}\n  params: {:?}", r.sql, r.params))
    }

    /// Renders and runs a statement, returning the number of rows changed.
    pub fn exec(&mut self, stmt: impl Into<Statement>) -> Result<u64, String> {
        let r = self.render(&stmt.into())?;
        self.db
            .exec(&r)
            .map_err(|e| format!("{e}\n  sql: {}\n  params: {:?}", r.sql, r.params))
    }

    /// Runs already rendered SQL (DDL from `mizzle_core::render::create_*`).
    pub fn exec_rendered(&mut self, r: &Rendered) -> Result<u64, String> {
        self.db
            .exec(r)
            .map_err(|e| format!("{e}\n  sql: {}", r.sql))
    }

    /// Runs raw SQL (only for setup the engine does not cover).
    pub fn raw(&mut self, sql: &str) -> Result<(), String> {
        self.db.raw(sql)
    }

    /// One assertion: `cond` must hold.
    pub fn check(&mut self, cond: bool, what: impl FnOnce() -> String) -> Result<(), String> {
        self.asserts += 1;
        if cond {
            Ok(())
        } else {
            Err(what())
        }
    }

    /// One assertion: the statement returns exactly `expected`, in order.
    pub fn assert_rows(
        &mut self,
        stmt: impl Into<Statement>,
        expected: Vec<Vec<Cell>>,
    ) -> Result<(), String> {
        let stmt = stmt.into();
        let actual = self.rows(stmt.clone())?;
        let same = actual.len() == expected.len()
            && actual
                .iter()
                .zip(&expected)
                .all(|(a, e)| a.len() == e.len() && a.iter().zip(e).all(|(a, e)| a.matches(e)));
        let sql = self.render(&stmt).map(|r| r.sql).unwrap_or_default();
        self.check(same, || {
            format!(
                "rows differ\n  sql: {sql}\n  expected: {}\n  actual:   {}",
                show(&expected),
                show(&actual)
            )
        })
    }

    /// One assertion: the statement changes exactly `n` rows.
    pub fn assert_changed(&mut self, stmt: impl Into<Statement>, n: u64) -> Result<(), String> {
        let changed = self.exec(stmt)?;
        self.check(changed == n, || {
            format!("expected {n} rows changed, got {changed}")
        })
    }

    /// One assertion: rendering fails with `Unsupported { feature }` for this dialect.
    pub fn assert_unsupported(
        &mut self,
        stmt: impl Into<Statement>,
        feature: Feature,
    ) -> Result<(), String> {
        let dialect = self.dialect();
        let stmt = stmt.into();
        if dialect == DialectKind::MySql {
            check_mysql8(&stmt)?;
        }
        let got = render_for_server(&stmt, dialect);
        let expected = Error::Unsupported { feature, dialect };
        self.check(got.as_ref().err() == Some(&expected), || {
            format!("expected {expected:?}, got {got:?}")
        })
    }

    /// One assertion: the MySQL 8 flavour (no server here to run it) renders
    /// `stmt` to SQL that starts with `prefix`.
    pub fn assert_mysql8_prefix(
        &mut self,
        stmt: impl Into<Statement>,
        prefix: &str,
    ) -> Result<(), String> {
        let stmt = stmt.into();
        check_mysql8(&stmt)?;
        let got = render(&stmt, DialectKind::MySql);
        self.check(
            got.as_ref().is_ok_and(|r| r.sql.starts_with(prefix)),
            || format!("expected MySQL 8 SQL starting with {prefix:?}, got {got:?}"),
        )
    }

    /// One assertion: rendering fails with an error satisfying `pred`.
    pub fn assert_render_error(
        &mut self,
        stmt: impl Into<Statement>,
        pred: impl Fn(&Error) -> bool,
    ) -> Result<(), String> {
        let got = render_for_server(&stmt.into(), self.dialect());
        self.check(got.as_ref().err().is_some_and(&pred), || {
            format!("expected a render error, got {got:?}")
        })
    }

    /// One assertion: the server rejects the statement; the transaction survives
    /// (the statement runs inside a savepoint).
    pub fn assert_db_error(&mut self, stmt: impl Into<Statement>) -> Result<(), String> {
        let r = self.render(&stmt.into())?;
        self.db.raw("savepoint mizzle_expect_error")?;
        let got = self.db.query(&r);
        if got.is_err() {
            self.db.raw("rollback to savepoint mizzle_expect_error")?;
        }
        self.db.raw("release savepoint mizzle_expect_error")?;
        self.check(got.is_err(), || {
            format!(
                "expected a database error, got rows {got:?}\n  sql: {}",
                r.sql
            )
        })
    }
}
