//! Upserts: ON CONFLICT (SQLite, PostgreSQL), ON DUPLICATE KEY UPDATE (MySQL),
//! INSERT IGNORE / INSERT OR IGNORE, and each one's Unsupported elsewhere.

use mizzle_core::ast::{Assignment, Expr, Insert, InsertSource, OnConflict, OnConflictAction};
use mizzle_core::render::create_index;
use mizzle_core::schema::Index;
use mizzle_core::{DialectKind, Feature};
use mizzle_tests::fixture::t;
use mizzle_tests::{rows, Cell, Harness};

use super::dml::{assert_sql, col_eq, count, i, read, s, sub, vals};

const SQLITE_PG: [DialectKind; 2] = [DialectKind::Sqlite, DialectKind::Postgres];
const SQLITE_MYSQL: [DialectKind; 2] = [DialectKind::Sqlite, DialectKind::MySql];
const MYSQL: [DialectKind; 1] = [DialectKind::MySql];

/// `users (name, email[, age])` rows; the first email is ann's (a conflict).
fn users(rows: &[(&str, &str, Option<i64>)]) -> Insert {
    let with_age = rows.iter().any(|r| r.2.is_some());
    let cols: &[&str] = if with_age {
        &["name", "email", "age"]
    } else {
        &["name", "email"]
    };
    let rows = rows
        .iter()
        .map(|(n, m, a)| {
            let mut v = vec![s(n), s(m)];
            if with_age {
                v.push(a.map_or(mizzle_core::Value::Null, i));
            }
            vals(v)
        })
        .collect();
    Insert::values(t("users"), cols, rows)
}

fn on_conflict(target: &[&str], action: OnConflictAction) -> Option<OnConflict> {
    Some(OnConflict {
        target: target.iter().map(|c| c.to_string()).collect(),
        target_where: None,
        action,
    })
}

fn do_update(set: Vec<Assignment>, where_: Option<Expr>) -> OnConflictAction {
    OnConflictAction::DoUpdate { set, where_ }
}

fn by_email(emails: &[&str]) -> Option<Expr> {
    Some(Expr::col("users", "email").in_list(emails.iter().map(|m| Expr::val(*m)).collect()))
}

/// `posts (id, author_id, title, views)` rows 1 and 2 again, adding 5 and 100 views.
fn posts_again() -> Insert {
    Insert::values(
        t("posts"),
        &["id", "author_id", "title", "views"],
        vec![
            vals(vec![i(1), i(1), s("Hello world"), i(5)]),
            vals(vec![i(2), i(1), s("other"), i(100)]),
        ],
    )
}

pub fn run(h: &mut Harness) {
    h.case("upsert on conflict do nothing", &SQLITE_PG, |c| {
        let mut ins = users(&[
            ("ann2", "ann@example.com", None),
            ("eve", "eve@example.com", None),
        ]);
        ins.on_conflict = on_conflict(&["email"], OnConflictAction::DoNothing);
        c.assert_changed(ins, 1)?;
        let q = read(
            "users",
            &["name", "email"],
            by_email(&["ann@example.com", "eve@example.com"]),
            &["email"],
        );
        c.assert_rows(
            q,
            rows![["ann", "ann@example.com"], ["eve", "eve@example.com"]],
        )
    });

    h.case(
        "upsert on conflict without target do nothing",
        &SQLITE_PG,
        |c| {
            let mut ins = posts_again();
            ins.on_conflict = on_conflict(&[], OnConflictAction::DoNothing);
            c.assert_changed(ins, 0)?;
            c.assert_rows(
                read("posts", &["id", "title", "views"], None, &["id"]),
                rows![
                    [1, "Hello world", 10],
                    [2, "Ownership", 25],
                    [3, "Draft", 0],
                    [4, "Joins", 7]
                ],
            )
        },
    );

    h.case(
        "upsert on conflict do update set excluded",
        &SQLITE_PG,
        |c| {
            let mut ins = users(&[
                ("ANN", "ann@example.com", Some(50)),
                ("eve", "eve@example.com", Some(20)),
            ]);
            let set = vec![
                Assignment::new("name", Expr::Excluded("name".into())),
                Assignment::new("age", Expr::Excluded("age".into())),
            ];
            ins.on_conflict = on_conflict(&["email"], do_update(set, None));
            c.assert_changed(ins, 2)?;
            let q = read(
                "users",
                &["name", "age", "bio"],
                by_email(&["ann@example.com", "eve@example.com"]),
                &["email"],
            );
            // The conflicting row keeps its other columns.
            c.assert_rows(q, rows![["ANN", 50, "likes rust"], ["eve", 20, Cell::Null]])?;
            c.assert_rows(count("users", None), rows![[5]])
        },
    );

    h.case("upsert on conflict do update where", &SQLITE_PG, |c| {
        let mut ins = users(&[
            ("ANN", "ann@example.com", None),
            ("BOB", "bob@example.com", None),
        ]);
        let set = vec![Assignment::new("name", Expr::Excluded("name".into()))];
        // Only ann (31) passes; bob (25) is left alone and nothing is inserted for him.
        ins.on_conflict = on_conflict(
            &["email"],
            do_update(set, Some(Expr::col("users", "age").gt(Expr::val(30)))),
        );
        c.assert_changed(ins, 1)?;
        c.assert_rows(
            read("users", &["name"], None, &["id"]),
            rows![["ANN"], ["bob"], ["cid"], ["dee"]],
        )
    });

    h.case("upsert excluded inside an expression", &SQLITE_PG, |c| {
        let mut ins = posts_again();
        let sum = Expr::col("posts", "views") + Expr::Excluded("views".into());
        ins.on_conflict = on_conflict(
            &["id"],
            do_update(vec![Assignment::new("views", sum)], None),
        );
        c.assert_changed(ins, 2)?;
        c.assert_rows(
            read("posts", &["id", "title", "views"], None, &["id"]),
            rows![
                [1, "Hello world", 15],
                [2, "Ownership", 125],
                [3, "Draft", 0],
                [4, "Joins", 7]
            ],
        )
    });

    h.case(
        "upsert conflict target with where on a partial unique index",
        &SQLITE_PG,
        |c| {
            let kind = c.dialect();
            let index = Index {
                unique: true,
                where_: Some(Expr::bare("stars").is_not_null()),
                ..Index::new(
                    "comments_rated_once",
                    t("comments"),
                    vec![Expr::bare("post_id"), Expr::bare("user_id")],
                )
            };
            c.exec_rendered(&create_index(&index, kind).map_err(|e| e.to_string())?)?;
            // (1, 2) clashes with rated comment 1; (1, 4) does not clash: comment 2 has no stars.
            let mut ins = Insert::values(
                t("comments"),
                &["post_id", "user_id", "body", "stars"],
                vec![
                    vals(vec![i(1), i(2), s("again"), i(1)]),
                    vals(vec![i(1), i(4), s("second"), i(2)]),
                ],
            );
            let set = vec![
                Assignment::new("body", Expr::Excluded("body".into())),
                Assignment::new("stars", Expr::Excluded("stars".into())),
            ];
            ins.on_conflict = Some(OnConflict {
                target: vec!["post_id".into(), "user_id".into()],
                target_where: Some(Expr::bare("stars").is_not_null()),
                action: do_update(set, None),
            });
            // Without the target's WHERE neither server can match the partial index.
            let mut no_where = ins.clone();
            if let Some(oc) = no_where.on_conflict.as_mut() {
                oc.target_where = None;
            }
            c.assert_db_error(no_where)?;
            c.assert_changed(ins, 2)?;
            let q = read(
                "comments",
                &["user_id", "body", "stars"],
                Some(col_eq("comments", "post_id", 1)),
                &["body"],
            );
            c.assert_rows(
                q,
                rows![[2, "again", 1], [4, "agreed", Cell::Null], [4, "second", 2]],
            )?;
            c.raw("drop index comments_rated_once")
        },
    );

    h.case("upsert from insert select", &SQLITE_PG, |c| {
        // A SELECT without WHERE: SQLite would read `on conflict` as a join constraint
        // were the query not wrapped by the renderer.
        let upper = Expr::func("upper", vec![Expr::col("users", "name")]);
        let src = sub(
            "users",
            vec![upper.into(), Expr::col("users", "email").into()],
            None,
        );
        let mut ins = Insert::values(t("users"), &["name", "email"], vec![]);
        ins.source = InsertSource::Query(Box::new(src));
        ins.on_conflict = on_conflict(
            &["email"],
            do_update(
                vec![Assignment::new("name", Expr::Excluded("name".into()))],
                None,
            ),
        );
        if c.dialect() == DialectKind::Sqlite {
            assert_sql(c, ins.clone(), ") where true on conflict", true)?;
        }
        c.assert_changed(ins, 4)?;
        c.assert_rows(
            read("users", &["name"], None, &["id"]),
            rows![["ANN"], ["BOB"], ["CID"], ["DEE"]],
        )?;
        c.assert_rows(count("users", None), rows![[4]])
    });

    h.case("upsert from insert select do nothing", &SQLITE_PG, |c| {
        // Copies every user under a new email, but ann's copy clashes with an existing email.
        let email = Expr::Case {
            whens: vec![(col_eq("users", "name", "bob"), Expr::val("ann@example.com"))],
            otherwise: Some(Box::new(
                Expr::col("users", "name").concat(Expr::val("@copy.example")),
            )),
        };
        let name = Expr::col("users", "name").concat(Expr::val("2"));
        let src = sub("users", vec![name.into(), email.into()], None);
        let mut ins = Insert::values(t("users"), &["name", "email"], vec![]);
        ins.source = InsertSource::Query(Box::new(src));
        ins.on_conflict = on_conflict(&["email"], OnConflictAction::DoNothing);
        c.assert_changed(ins, 3)?;
        let q = read(
            "users",
            &["name"],
            Some(Expr::col("users", "email").like(Expr::val("%@copy.example"))),
            &["name"],
        );
        c.assert_rows(q, rows![["ann2"], ["cid2"], ["dee2"]])
    });

    h.case("insert ignore skips a duplicate", &SQLITE_MYSQL, |c| {
        let mut ins = users(&[
            ("ann2", "ann@example.com", None),
            ("eve", "eve@example.com", None),
        ]);
        ins.ignore = true;
        c.assert_changed(ins, 1)?;
        let q = read(
            "users",
            &["name"],
            by_email(&["ann@example.com", "eve@example.com"]),
            &["email"],
        );
        c.assert_rows(q, rows![["ann"], ["eve"]])
    });

    h.case(
        "insert ignore on postgresql",
        &[DialectKind::Postgres],
        |c| {
            let mut ins = users(&[("eve", "eve@example.com", None)]);
            ins.ignore = true;
            c.assert_unsupported(ins, Feature::InsertIgnore)
        },
    );

    h.case(
        "upsert on duplicate key update with values()",
        &MYSQL,
        |c| {
            let mut ins = users(&[
                ("ANN", "ann@example.com", Some(50)),
                ("eve", "eve@example.com", Some(20)),
            ]);
            ins.on_duplicate_key_update = vec![
                Assignment::new("name", Expr::Excluded("name".into())),
                Assignment::new("age", Expr::Excluded("age".into())),
            ];
            assert_sql(c, ins.clone(), "`name` = values(`name`)", true)?;
            // MariaDB counts an updated row twice and an inserted one once.
            c.assert_changed(ins, 3)?;
            let q = read(
                "users",
                &["name", "age", "bio"],
                by_email(&["ann@example.com", "eve@example.com"]),
                &["email"],
            );
            c.assert_rows(q, rows![["ANN", 50, "likes rust"], ["eve", 20, Cell::Null]])
        },
    );

    h.case("upsert on duplicate key update expression", &MYSQL, |c| {
        let mut ins = posts_again();
        ins.on_duplicate_key_update = vec![Assignment::new(
            "views",
            Expr::col("posts", "views") + Expr::Excluded("views".into()),
        )];
        c.assert_changed(ins, 4)?;
        c.assert_rows(
            read("posts", &["id", "title", "views"], None, &["id"]),
            rows![
                [1, "Hello world", 15],
                [2, "Ownership", 125],
                [3, "Draft", 0],
                [4, "Joins", 7]
            ],
        )
    });

    h.case(
        "upsert on duplicate key update leaving the row unchanged",
        &MYSQL,
        |c| {
            let mut ins = users(&[("ann", "ann@example.com", None)]);
            ins.on_duplicate_key_update =
                vec![Assignment::new("name", Expr::Excluded("name".into()))];
            // Same value: MariaDB reports no row affected.
            c.assert_changed(ins, 0)?;
            c.assert_rows(count("users", None), rows![[4]])
        },
    );

    h.case("upsert on conflict on mysql", &MYSQL, |c| {
        let mut ins = users(&[("eve", "eve@example.com", None)]);
        ins.on_conflict = on_conflict(&["email"], OnConflictAction::DoNothing);
        c.assert_unsupported(ins.clone(), Feature::OnConflict)?;
        ins.on_conflict = on_conflict(
            &[],
            do_update(
                vec![Assignment::new("name", Expr::Excluded("name".into()))],
                None,
            ),
        );
        c.assert_unsupported(ins, Feature::OnConflict)
    });

    h.case(
        "upsert on duplicate key update elsewhere",
        &SQLITE_PG,
        |c| {
            let mut ins = users(&[("eve", "eve@example.com", None)]);
            ins.on_duplicate_key_update =
                vec![Assignment::new("name", Expr::Excluded("name".into()))];
            c.assert_unsupported(ins, Feature::OnDuplicateKeyUpdate)
        },
    );
}
