//! Property tests for the renderer.
//!
//! Random ASTs of every kind (expressions, queries, INSERT / UPDATE / DELETE,
//! tables, indexes, enums, views), with names and values drawn from the blog
//! schema mixed with hostile strings (quotes, backticks, backslashes, NUL,
//! unicode, `--`, `;`, `?`, `$1`) and every kind of value (NaN and infinities
//! included):
//!
//! 1. rendering never panics, on any dialect, bound or inline, DML or DDL; when
//!    it succeeds, a dialect-aware scanner finds every quote closed, no comment
//!    opener or `;` outside quotes, and exactly the bound parameters as
//!    placeholders (`$1..$n` in order on PostgreSQL, `n` times `?` elsewhere);
//!    an unusable name (NUL, empty) is `Error::BadName`;
//! 2. sampled SQLite renderings (schema-aware selects and DML over the blog
//!    fixture, hostile statements and DDL) run in rolled-back transactions
//!    and either execute or fail with a typed `rusqlite::Error`; SQLite's own
//!    parameter count matches the bound values (the shares are printed: run
//!    with `--nocapture`); hostile aliases and every value round-trip exactly
//!    through SQLite, bound and inline;
//! 3. expressions, queries and types nested thousands deep are refused with
//!    `Error::TooDeep` without exhausting a 2 MiB stack.
//!
//! Case counts are fixed so the target runs in a few seconds in debug builds.
//!
//! Layout: `vocabulary` (names, values, types), `any_ast` (the generator of
//! every AST variant), `scanner` (the quote-aware scanner and the checks on
//! rendered SQL), `fixture_ast` (the `fx_*` generators over the blog
//! fixture), `sqlite_exec` (running renderings on SQLite), `deep_nesting`
//! (the shapes of property 3). The properties themselves are below.

mod any_ast;
mod deep_nesting;
mod fixture_ast;
mod scanner;
mod sqlite_exec;
mod vocabulary;

use std::fmt::Debug;
use std::sync::Mutex;

use mizzle_core::ast::{
    Cte, CteBody, Expr, FromItem, Query, Select, SelectItem, SetOp, Statement, TableRef, With,
};
use mizzle_core::render::{create_index, create_table, create_view, drop_table};
use mizzle_core::schema::{Check, Column, Index, SqlType, Table, View};
use mizzle_core::{render, render_inline, DialectKind, Error, Param, Rendered, Value};
use mizzle_tests::sqlite_db::to_sqlite;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

use crate::any_ast::{schema_case, statement_strategy};
use crate::deep_nesting::{col, deep_shapes, expect_ok, on_big_stack, on_small_stack, select_expr};
use crate::fixture_ast::{fx_dml, fx_query};
use crate::scanner::{check_schema, check_statement, fail, has_no_literal, scan, Mark};
use crate::sqlite_exec::{sqlite_must_parse, Executor, Tally};
use crate::vocabulary::{name, value};

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        max_shrink_iters: 4096,
        ..Config::default()
    })
}

fn run_prop<S>(cases: u32, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S: Strategy,
    S::Value: Debug,
{
    if let Err(e) = runner(cases).run(&strategy, test) {
        panic!("{e}");
    }
}

// ---------------------------------------------------------------------------
// Property 1: rendering never panics and its output is well formed
// ---------------------------------------------------------------------------

#[test]
fn statements_render_or_fail_cleanly() {
    run_prop(512, statement_strategy(2), |stmt| check_statement(&stmt));
}

#[test]
fn schema_objects_render_or_fail_cleanly() {
    run_prop(256, schema_case(), |case| check_schema(&case));
}

#[test]
fn scanner_sees_through_quotes() {
    use DialectKind::*;
    assert_eq!(
        scan(r#"select "a?b", '?' from t where x = ?"#, Sqlite)
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        scan(
            r#"select "$1" from t where x = $1 and y = E'\'$2' and z = $2"#,
            Postgres
        )
        .unwrap(),
        vec![Mark::Dollar(1), Mark::Dollar(2)]
    );
    assert_eq!(
        scan(r"select 'a\'?' , `x``?` from t", MySql).unwrap().len(),
        0
    );
    assert!(scan("select 1 -- x", Sqlite).is_err());
    assert!(scan("select --1", Postgres).is_err());
    assert!(scan("select 'a", Sqlite).is_err());
    assert!(scan(r"select 'a\'", Sqlite).is_ok());
    assert!(scan(r"select 'a\'", MySql).is_err());
    assert!(scan("select 1; drop table users", MySql).is_err());
    assert!(scan("select \"a\"\"", Postgres).is_err());
}

// ---------------------------------------------------------------------------
// Property 2: sampled SQLite execution on the blog fixture
// ---------------------------------------------------------------------------

#[test]
fn sqlite_executes_or_rejects_with_typed_errors() {
    let exec = Executor::new();
    // A runaway statement (here an endless recursive CTE) is interrupted.
    let endless = Query {
        with: Some(With {
            recursive: true,
            ctes: vec![Cte {
                name: "c".into(),
                columns: vec!["x".into()],
                body: CteBody::Query(Box::new(
                    Query::select(Select {
                        columns: vec![Expr::val(1).into()],
                        ..Default::default()
                    })
                    .set_op(
                        SetOp::Union,
                        true,
                        Query::select(Select {
                            columns: vec![(Expr::col("c", "x") + Expr::val(1)).into()],
                            from: Some(FromItem::Table(TableRef::new("c"))),
                            ..Default::default()
                        }),
                    ),
                )),
            }],
        }),
        ..Query::select(Select {
            columns: vec![Expr::count_star().into()],
            from: Some(FromItem::Table(TableRef::new("c"))),
            ..Default::default()
        })
    };
    let mut runaway = Tally::default();
    exec.run(&endless.into(), &mut runaway).unwrap();
    assert_eq!(runaway.interrupted, 1, "{runaway:?}");
    let tallies: Mutex<[Tally; 4]> = Mutex::default();
    let strategy = (
        vec(fx_query(), 4),
        vec(fx_dml(), 2),
        vec(statement_strategy(1), 2),
        schema_case(),
    );
    run_prop(128, strategy, |(queries, dml, fuzz, schema)| {
        let mut t = tallies.lock().unwrap();
        for q in queries {
            let stmt = Statement::Query(q);
            check_statement(&stmt)?;
            exec.run(&stmt, &mut t[0])?;
        }
        for s in dml {
            check_statement(&s)?;
            exec.run(&s, &mut t[1])?;
        }
        for s in fuzz {
            exec.run(&s, &mut t[2])?;
        }
        let sqlite = DialectKind::Sqlite;
        let must_parse = |x: &dyn Debug| sqlite_must_parse(&format!("{x:?}"));
        for table in &schema.tables {
            let r = create_table(table, sqlite, schema.flag);
            exec.run_rendered(r, must_parse(table), &mut t[3])?;
        }
        for index in &schema.indexes {
            exec.run_rendered(create_index(index, sqlite), must_parse(index), &mut t[3])?;
        }
        let view = create_view(&schema.view, sqlite);
        exec.run_rendered(view, must_parse(&schema.view), &mut t[3])?;
        let drop = drop_table(&schema.dropped, sqlite, schema.flag);
        exec.run_rendered(drop, true, &mut t[3])?;
        Ok(())
    });
    let t = tallies.into_inner().unwrap();
    println!("{}", t[0].report("fixture selects"));
    println!("{}", t[1].report("fixture insert/update/delete"));
    println!("{}", t[2].report("hostile statements"));
    println!("{}", t[3].report("hostile DDL"));
    let [selects, ..] = &t;
    let ran = selects.executed + selects.rejected + selects.interrupted;
    assert!(
        selects.executed * 5 > ran,
        "too few generated fixture selects execute: {}",
        selects.report("fixture selects")
    );
    // The fixture is intact: every statement ran in a rolled-back transaction.
    let n: i64 = exec
        .db
        .conn()
        .query_row("select count(*) from users", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 4);
}

/// Quoting and escaping are exact on SQLite: a hostile alias comes back as
/// the column name, and a value comes back unchanged, bound or inline.
#[test]
fn sqlite_round_trips_names_and_values() {
    let conn = rusqlite::Connection::open_in_memory().unwrap();
    let names = prop_oneof![2 => name(), 1 => any::<String>()];
    run_prop(512, (names, value()), |(name, v)| {
        let q: Statement = Query::select(Select {
            columns: vec![SelectItem::aliased(Expr::Value(v.clone()), &name)],
            ..Default::default()
        })
        .into();
        let d = DialectKind::Sqlite;
        let bound = render(&q, d);
        let inline = render_inline(&q, d);
        if name.is_empty() || name.contains('\0') {
            prop_assert!(matches!(bound, Err(Error::BadName(_))), "{bound:?}");
            // The value comes first: inline, it may have no literal.
            prop_assert!(
                matches!(inline, Err(Error::BadName(_)))
                    || (matches!(inline, Err(Error::Invalid(_)))
                        && has_no_literal(&Param::Value(v.clone()), d)),
                "{inline:?}"
            );
            return Ok(());
        }
        // SQLite stores NaN as NULL.
        let expected = match &v {
            Value::Float(f) if f.is_nan() => rusqlite::types::Value::Null,
            other => to_sqlite(other),
        };
        let bound = bound.map_err(|e| fail(format!("{e:?}")))?;
        let inline = match inline {
            Ok(sql) => Some(sql),
            Err(Error::Invalid(_)) if has_no_literal(&Param::Value(v.clone()), d) => None,
            Err(e) => return Err(fail(format!("inline: {e:?}"))),
        };
        let runs = [(bound.sql.clone(), bound.values().unwrap())]
            .into_iter()
            .chain(inline.map(|sql| (sql, vec![])));
        for (sql, values) in runs {
            let mut stmt = conn
                .prepare(&sql)
                .map_err(|e| fail(format!("{e} in {sql:?}")))?;
            prop_assert_eq!(stmt.column_name(0).unwrap(), name.as_str(), "{}", sql);
            let got: rusqlite::types::Value = stmt
                .query_row(
                    rusqlite::params_from_iter(values.iter().map(to_sqlite)),
                    |row| row.get(0),
                )
                .map_err(|e| fail(format!("{e} in {sql:?}")))?;
            prop_assert_eq!(&got, &expected, "{}", sql);
        }
        Ok(())
    });
}

// ---------------------------------------------------------------------------
// Property 3: deep nesting
// ---------------------------------------------------------------------------

#[test]
fn deep_nesting_is_refused_without_overflow() {
    on_big_stack(|| {
        for (shape, build) in deep_shapes() {
            for depth in [50, 300, 10_000] {
                let stmt = build(depth);
                on_small_stack(|| {
                    for d in DialectKind::ALL {
                        let bound = render(&stmt, d);
                        let inline = render_inline(&stmt, d).map(|sql| Rendered {
                            sql,
                            params: vec![],
                        });
                        for (mode, got) in [("bound", bound), ("inline", inline)] {
                            let ctx = format!("{shape} x{depth}, {mode}, {}", d.name());
                            match (depth, expect_ok(shape, d), &got) {
                                (_, false, Err(Error::Unsupported { .. })) => {}
                                (50, true, Ok(_)) => {}
                                (300 | 10_000, true, Err(Error::TooDeep)) => {}
                                _ => panic!("{ctx}: got {:?}", got.as_ref().map(|r| r.sql.len())),
                            }
                        }
                    }
                });
                drop(stmt);
            }
        }
    });
}

#[test]
fn deep_ddl_is_refused_without_overflow() {
    on_big_stack(|| {
        for depth in [50, 300, 10_000] {
            let mut e = col();
            for _ in 0..depth {
                e = Expr::Not(Box::new(e));
            }
            let table = Table {
                checks: vec![Check {
                    name: "c".into(),
                    expr: e.clone(),
                }],
                ..Table::new("t").column(Column::new("a", SqlType::Integer).default_expr(e.clone()))
            };
            let mut index = Index::new("i", TableRef::new("t"), vec![Expr::bare("a")]);
            index.where_ = Some(e.clone());
            let view = View {
                name: TableRef::new("v"),
                query: Box::new(select_expr(e)),
                materialized: false,
            };
            on_small_stack(|| {
                for d in DialectKind::ALL {
                    let results = [
                        ("create table", create_table(&table, d, false)),
                        ("create index", create_index(&index, d)),
                        ("create view", create_view(&view, d)),
                    ];
                    for (what, got) in results {
                        match (depth, &got) {
                            (_, Err(Error::Unsupported { .. })) if what == "create index" => {}
                            (50, Ok(_)) | (300 | 10_000, Err(Error::TooDeep)) => {}
                            _ => panic!("{what} x{depth} on {}: {got:?}", d.name()),
                        }
                    }
                }
            });
            drop((table, index, view));
        }
    });
}
