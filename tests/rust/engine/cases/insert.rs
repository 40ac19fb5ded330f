//! INSERT: single and multi-row VALUES, DEFAULT cells, DEFAULT VALUES,
//! INSERT ... SELECT, RETURNING, invalid ASTs and constraint violations.
//!
//! Mixed DEFAULT cells, as observed on the servers: PostgreSQL and MariaDB
//! write the `DEFAULT` keyword in each default cell, so the column default is
//! applied row by row. SQLite has no `DEFAULT` inside VALUES: a column that is
//! default in every row is left out of the column list (so its default
//! applies), but a default cell beside explicit cells of the same column is
//! written as `NULL` — harmless on a nullable column without a default
//! (`users.bio`), a NULL instead of the default on a nullable column with one,
//! and a NOT NULL violation on `users.active`.

use mizzle_core::ast::{
    BinaryOp, Cte, CteBody, Expr, Insert, InsertSource, InsertValue, OnConflict, OnConflictAction,
    Query, RawPart, Select, SelectItem, With,
};
use mizzle_core::schema::{Column, SqlType, Table};
use mizzle_core::{DialectKind, Feature, Value};
use mizzle_tests::fixture::t;
use mizzle_tests::{rows, Cell, Harness};

use super::dml::{
    assert_rows_any_order, assert_sql, col_eq, count, e, i, is_invalid, read, s, sub, vals,
    with_table,
};

const SQLITE_PG: [DialectKind; 2] = [DialectKind::Sqlite, DialectKind::Postgres];
const NOT_SQLITE: [DialectKind; 2] = [DialectKind::Postgres, DialectKind::MySql];

fn users(cols: &[&str], rows: Vec<Vec<InsertValue>>) -> Insert {
    Insert::values(t("users"), cols, rows)
}

fn eve() -> Insert {
    users(
        &["name", "email", "age"],
        vec![vals(vec![s("eve"), s("eve@example.com"), i(29)])],
    )
}

/// A table whose every column has a default (or numbers itself).
fn all_defaults() -> Table {
    Table::new("ins_all_defaults")
        .column(
            Column::new("id", SqlType::Integer)
                .primary_key()
                .auto_increment(),
        )
        .column(
            Column::new("label", SqlType::Varchar(Some(20)))
                .not_null()
                .default_value("none"),
        )
        .column(Column::new("n", SqlType::Integer).default_value(7))
}

pub fn run(h: &mut Harness) {
    h.all("insert one row", |c| {
        c.assert_changed(eve(), 1)?;
        let q = read(
            "users",
            &["name", "age", "active", "bio"],
            Some(col_eq("users", "email", "eve@example.com")),
            &[],
        );
        // active is left out: its server default (true) applies.
        c.assert_rows(q, rows![["eve", 29, true, Cell::Null]])?;
        c.assert_rows(count("users", None), rows![[5]])
    });

    h.all("insert several rows", |c| {
        let ins = users(
            &["name", "email", "age", "bio"],
            vec![
                vals(vec![s("eve"), s("eve@new.example"), i(20), s("first")]),
                vals(vec![
                    s("fay"),
                    s("fay@new.example"),
                    Value::Null,
                    Value::Null,
                ]),
                vals(vec![s("gus"), s("gus@new.example"), i(40), s("third")]),
            ],
        );
        c.assert_changed(ins, 3)?;
        let q = read(
            "users",
            &["name", "email", "age", "active", "bio"],
            Some(Expr::col("users", "email").like(Expr::val("%@new.example"))),
            &["name"],
        );
        c.assert_rows(
            q,
            rows![
                ["eve", "eve@new.example", 20, true, "first"],
                ["fay", "fay@new.example", Cell::Null, true, Cell::Null],
                ["gus", "gus@new.example", 40, true, "third"],
            ],
        )
    });

    h.all("insert default cell applies the server default", |c| {
        let u = users(
            &["name", "email", "active"],
            vec![vec![
                e(s("eve")),
                e(s("eve@example.com")),
                InsertValue::Default,
            ]],
        );
        c.assert_changed(u, 1)?;
        c.assert_rows(
            read(
                "users",
                &["active"],
                Some(col_eq("users", "email", "eve@example.com")),
                &[],
            ),
            rows![[true]],
        )?;
        let p = Insert::values(
            t("posts"),
            &["author_id", "title", "views", "published"],
            vec![vec![
                e(i(3)),
                e(s("Fresh")),
                InsertValue::Default,
                InsertValue::Default,
            ]],
        );
        c.assert_changed(p, 1)?;
        c.assert_rows(
            read(
                "posts",
                &["author_id", "views", "published"],
                Some(col_eq("posts", "title", "Fresh")),
                &[],
            ),
            rows![[3, 0, false]],
        )
    });

    h.all("insert column default in every row of several", |c| {
        let p = Insert::values(
            t("posts"),
            &["author_id", "title", "views"],
            vec![
                vec![e(i(1)), e(s("A")), InsertValue::Default],
                vec![e(i(2)), e(s("B")), InsertValue::Default],
            ],
        );
        // SQLite leaves the all-default column out; the others write DEFAULT.
        let sqlite = c.dialect() == DialectKind::Sqlite;
        assert_sql(c, p.clone(), "views", !sqlite)?;
        c.assert_changed(p, 2)?;
        let q = read(
            "posts",
            &["title", "author_id", "views"],
            Some(Expr::col("posts", "title").in_list(vec![Expr::val("A"), Expr::val("B")])),
            &["title"],
        );
        c.assert_rows(q, rows![["A", 1, 0], ["B", 2, 0]])
    });

    h.all(
        "insert mixed default and explicit cells in a nullable column",
        |c| {
            let ins = users(
                &["name", "email", "bio"],
                vec![
                    vec![e(s("eve")), e(s("eve@example.com")), e(s("hello"))],
                    vec![e(s("fay")), e(s("fay@example.com")), InsertValue::Default],
                ],
            );
            // PostgreSQL and MariaDB write DEFAULT; SQLite writes NULL for the default cell.
            let needle = if c.dialect() == DialectKind::Sqlite {
                ", null)"
            } else {
                ", default)"
            };
            assert_sql(c, ins.clone(), needle, true)?;
            c.assert_changed(ins, 2)?;
            let q = read(
                "users",
                &["name", "bio", "active"],
                Some(Expr::col("users", "email").in_list(vec![
                    Expr::val("eve@example.com"),
                    Expr::val("fay@example.com"),
                ])),
                &["name"],
            );
            // bio has no default, so DEFAULT and NULL agree on every dialect.
            c.assert_rows(q, rows![["eve", "hello", true], ["fay", Cell::Null, true]])
        },
    );

    h.case(
        "insert mixed default cells in a not-null column with a default",
        &NOT_SQLITE,
        |c| {
            let ins = users(
                &["name", "email", "active"],
                vec![
                    vec![e(s("eve")), e(s("eve@example.com")), e(Value::Bool(false))],
                    vec![e(s("fay")), e(s("fay@example.com")), InsertValue::Default],
                ],
            );
            c.assert_changed(ins, 2)?;
            let q = read(
                "users",
                &["name", "active"],
                Some(Expr::col("users", "email").in_list(vec![
                    Expr::val("eve@example.com"),
                    Expr::val("fay@example.com"),
                ])),
                &["name"],
            );
            c.assert_rows(q, rows![["eve", false], ["fay", true]])
        },
    );

    h.case(
        "insert mixed default cells in a not-null column on sqlite write null",
        &[DialectKind::Sqlite],
        |c| {
            let ins = users(
                &["name", "email", "active"],
                vec![
                    vec![e(s("eve")), e(s("eve@example.com")), e(Value::Bool(false))],
                    vec![e(s("fay")), e(s("fay@example.com")), InsertValue::Default],
                ],
            );
            // The documented SQLite limitation: the default cell becomes NULL, which NOT NULL rejects.
            c.assert_db_error(ins)?;
            c.assert_rows(count("users", None), rows![[4]])
        },
    );

    h.all("insert default values", |c| {
        with_table(c, &all_defaults(), |c| {
            let tbl = || t("ins_all_defaults");
            let mut dv = Insert::values(tbl(), &[], vec![]);
            dv.source = InsertSource::DefaultValues;
            c.assert_changed(dv, 1)?;
            c.assert_rows(
                read("ins_all_defaults", &["label", "n"], None, &[]),
                rows![["none", 7]],
            )?;
            // One row whose every cell is default: DEFAULT VALUES on SQLite, `values (default)` elsewhere.
            c.assert_changed(
                Insert::values(tbl(), &["label"], vec![vec![InsertValue::Default]]),
                1,
            )?;
            c.assert_rows(
                count(
                    "ins_all_defaults",
                    Some(col_eq("ins_all_defaults", "label", "none")),
                ),
                rows![[2]],
            )?;
            let two = Insert::values(
                tbl(),
                &["label", "n"],
                vec![vec![InsertValue::Default; 2], vec![InsertValue::Default; 2]],
            );
            c.assert_changed(two, 2)?;
            // No columns at all (drizzle's `values([{}, {}, {}])`): three rows of defaults.
            c.assert_changed(Insert::values(tbl(), &[], vec![vec![]; 3]), 3)?;
            c.assert_rows(
                read("ins_all_defaults", &["id", "label", "n"], None, &["id"]),
                rows![
                    [1, "none", 7],
                    [2, "none", 7],
                    [3, "none", 7],
                    [4, "none", 7],
                    [5, "none", 7],
                    [6, "none", 7],
                    [7, "none", 7]
                ],
            )
        })
    });

    // A key whose default is a constant: the second row of defaults collides with the first.
    let default_key = || {
        Table::new("ins_default_key")
            .column(
                Column::new("k", SqlType::Varchar(Some(10)))
                    .primary_key()
                    .default_value("only"),
            )
            .column(Column::new("n", SqlType::Integer).default_value(7))
    };
    h.all("insert default values skipping a conflict", |c| {
        with_table(c, &default_key(), |c| {
            let kind = c.dialect();
            let skip = |rows: usize| {
                let mut ins = Insert::values(t("ins_default_key"), &[], vec![vec![]; rows]);
                if kind == DialectKind::MySql {
                    ins.ignore = true;
                } else {
                    ins.on_conflict = Some(OnConflict {
                        target: vec![],
                        target_where: None,
                        action: OnConflictAction::DoNothing,
                    });
                }
                ins
            };
            // SQLite takes no upsert clause after DEFAULT VALUES.
            let needle = match kind {
                DialectKind::Sqlite => r#"("rowid") values (null) on conflict do nothing"#,
                DialectKind::Postgres => "default values on conflict do nothing",
                DialectKind::MySql => "() values ()",
            };
            assert_sql(c, skip(1), needle, true)?;
            c.assert_changed(skip(1), 1)?;
            c.assert_changed(skip(1), 0)?;
            c.assert_changed(skip(2), 0)?;
            c.assert_rows(
                read("ins_default_key", &["k", "n"], None, &[]),
                rows![["only", 7]],
            )
        })
    });

    h.all(
        "insert default values into a table with required columns fails",
        |c| {
            let mut dv = users(&[], vec![]);
            dv.source = InsertSource::DefaultValues;
            c.assert_db_error(dv)?;
            c.assert_rows(count("users", None), rows![[4]])
        },
    );

    h.all("insert select copies rows", |c| {
        let copy_title = Expr::col("posts", "title").concat(Expr::val(" (copy)"));
        let double = Expr::Binary {
            op: BinaryOp::Mul,
            left: Box::new(Expr::col("posts", "views")),
            right: Box::new(Expr::val(2)),
        };
        let src = sub(
            "posts",
            vec![
                Expr::col("posts", "author_id").into(),
                copy_title.into(),
                Expr::col("posts", "body").into(),
                double.into(),
                Expr::col("posts", "published").into(),
            ],
            Some(col_eq("posts", "author_id", 1)),
        );
        let mut ins = Insert::values(
            t("posts"),
            &["author_id", "title", "body", "views", "published"],
            vec![],
        );
        ins.source = InsertSource::Query(Box::new(src));
        c.assert_changed(ins, 2)?;
        let q = read(
            "posts",
            &["author_id", "title", "body", "views", "published"],
            Some(Expr::col("posts", "title").like(Expr::val("%(copy)"))),
            &["title"],
        );
        c.assert_rows(
            q,
            rows![
                [1, "Hello world (copy)", "first", 20, true],
                [1, "Ownership (copy)", "borrowck", 50, true]
            ],
        )?;
        c.assert_rows(count("posts", None), rows![[6]])
    });

    h.case("insert returning id and name", &SQLITE_PG, |c| {
        let mut ins = eve();
        ins.returning = vec![Expr::bare("id").into(), Expr::bare("name").into()];
        let got = c.rows(ins)?;
        let stored = c.rows(read(
            "users",
            &["id"],
            Some(col_eq("users", "email", "eve@example.com")),
            &[],
        ))?;
        let ok = got.len() == 1
            && stored.len() == 1
            && got[0].len() == 2
            && got[0][0] == stored[0][0]
            && got[0][1].matches(&Cell::from("eve"));
        c.check(ok, || {
            format!("returning gave {got:?}, stored id {stored:?}")
        })
    });

    h.case("insert returning expressions", &SQLITE_PG, |c| {
        let mut ins = users(
            &["name", "email", "age"],
            vec![
                vals(vec![s("eve"), s("eve@example.com"), i(29)]),
                vals(vec![s("fay"), s("fay@example.com"), i(50)]),
            ],
        );
        let twice = Expr::Binary {
            op: BinaryOp::Mul,
            left: Box::new(Expr::bare("age")),
            right: Box::new(Expr::val(2)),
        };
        ins.returning = vec![
            SelectItem::aliased(Expr::bare("name").concat(Expr::val("!")), "shout"),
            SelectItem::aliased(twice, "twice"),
            // The server default shows in RETURNING.
            Expr::bare("active").into(),
        ];
        assert_rows_any_order(c, ins, rows![["eve!", 58, true], ["fay!", 100, true]])?;
        c.assert_rows(count("users", None), rows![[6]])
    });

    h.case("insert returning on mysql", &[DialectKind::MySql], |c| {
        let mut ins = eve();
        ins.returning = vec![Expr::bare("id").into()];
        c.assert_unsupported(ins, Feature::Returning)?;
        // Without RETURNING the same insert runs.
        c.assert_changed(eve(), 1)
    });

    h.all("insert invalid asts", |c| {
        let narrow = users(&["name", "email"], vec![vals(vec![s("eve")])]);
        c.assert_render_error(narrow, is_invalid)?;
        let ragged = users(
            &["name", "email"],
            vec![
                vals(vec![s("eve"), s("eve@example.com")]),
                vec![e(s("fay")), e(s("fay@example.com")), InsertValue::Default],
            ],
        );
        c.assert_render_error(ragged, is_invalid)?;
        c.assert_render_error(users(&["name", "email"], vec![]), is_invalid)
    });

    h.all("insert constraint violations", |c| {
        let null_name = users(
            &["name", "email"],
            vec![vals(vec![Value::Null, s("x@example.com")])],
        );
        c.assert_db_error(null_name)?;
        let dup_email = users(
            &["name", "email"],
            vec![vals(vec![s("ann2"), s("ann@example.com")])],
        );
        c.assert_db_error(dup_email)?;
        // A unique violation in the second row rejects the whole statement.
        let dup_later = users(
            &["name", "email"],
            vec![
                vals(vec![s("eve"), s("eve@example.com")]),
                vals(vec![s("bob2"), s("bob@example.com")]),
            ],
        );
        c.assert_db_error(dup_later)?;
        let orphan = Insert::values(
            t("posts"),
            &["author_id", "title"],
            vec![vals(vec![i(99), s("orphan")])],
        );
        c.assert_db_error(orphan)?;
        c.assert_rows(count("users", None), rows![[4]])?;
        c.assert_rows(count("posts", None), rows![[4]])
    });

    h.all("insert from raw sql", |c| {
        // drizzle's insert(t).select(sql`...`): the rows come from SQL text.
        let mut ins = Insert::values(t("posts"), &["author_id", "title", "views"], vec![]);
        ins.source = InsertSource::Sql(Expr::Raw(vec![
            RawPart::Sql("select ".into()),
            RawPart::Value(i(3)),
            RawPart::Sql(", ".into()),
            RawPart::Value(s("Raw")),
            RawPart::Sql(", 2".into()),
        ]));
        c.assert_changed(ins.clone(), 1)?;
        if c.dialect() != DialectKind::MySql {
            // An upsert after raw SQL rows: SQLite needs them wrapped (`where true`).
            ins.on_conflict = Some(OnConflict {
                target: vec![],
                target_where: None,
                action: OnConflictAction::DoNothing,
            });
            c.assert_changed(ins, 1)?;
        }
        let q = read(
            "posts",
            &["title", "views"],
            Some(col_eq("posts", "author_id", 3)),
            &["views"],
        );
        let raw = if c.dialect() == DialectKind::MySql {
            rows![["Raw", 2]]
        } else {
            rows![["Raw", 2], ["Raw", 2]]
        };
        c.assert_rows(q, raw)
    });

    h.all("insert select with cte", |c| {
        let anns = sub(
            "posts",
            vec![
                Expr::col("posts", "title").into(),
                Expr::col("posts", "views").into(),
            ],
            Some(col_eq("posts", "author_id", 1)),
        );
        let src = sub(
            "anns",
            vec![
                Expr::val(4).into(),
                Expr::col("anns", "title").into(),
                Expr::col("anns", "views").into(),
            ],
            None,
        );
        let mut ins = Insert::values(t("posts"), &["author_id", "title", "views"], vec![]);
        ins.source = InsertSource::Query(Box::new(src));
        ins.with = Some(With {
            recursive: false,
            ctes: vec![Cte {
                name: "anns".into(),
                columns: vec![],
                body: CteBody::Query(Box::new(anns)),
            }],
        });
        // MariaDB has no WITH before INSERT: the CTE heads the SELECT instead.
        let needle = if c.dialect() == DialectKind::MySql {
            ") with `anns` as ("
        } else {
            "with \"anns\" as ("
        };
        assert_sql(c, ins.clone(), needle, true)?;
        c.assert_changed(ins, 2)?;
        let q = read(
            "posts",
            &["title", "views"],
            Some(col_eq("posts", "author_id", 4)),
            &["views"],
        );
        c.assert_rows(
            q,
            rows![["Joins", 7], ["Hello world", 10], ["Ownership", 25]],
        )
    });

    h.all("insert values with cte", |c| {
        // Typed: PostgreSQL would resolve a bare parameter in a CTE to text.
        let five = Query::select(Select {
            columns: vec![SelectItem::aliased(
                Expr::val(5).cast(SqlType::Integer),
                "n",
            )],
            ..Default::default()
        });
        let n = sub("five", vec![Expr::col("five", "n").into()], None);
        let mut ins = Insert::values(
            t("posts"),
            &["author_id", "title", "views"],
            vec![vec![
                e(i(2)),
                e(s("From a cte")),
                InsertValue::Expr(Expr::Subquery(Box::new(n))),
            ]],
        );
        ins.with = Some(With {
            recursive: false,
            ctes: vec![Cte {
                name: "five".into(),
                columns: vec![],
                body: CteBody::Query(Box::new(five)),
            }],
        });
        if c.dialect() == DialectKind::MySql {
            // Only INSERT ... SELECT can carry the CTE on MariaDB.
            return c.assert_unsupported(ins, Feature::InsertWith);
        }
        c.assert_changed(ins, 1)?;
        c.assert_rows(
            read(
                "posts",
                &["author_id", "views"],
                Some(col_eq("posts", "title", "From a cte")),
                &[],
            ),
            rows![[2, 5]],
        )
    });

    h.all(
        "insert from a query with a where clause on another table",
        |c| {
            // Every user without a post gets a welcome post.
            let no_post = Expr::Exists {
                query: Box::new(sub(
                    "posts",
                    vec![Expr::col("posts", "id").into()],
                    Some(Expr::col("posts", "author_id").eq(Expr::col("users", "id"))),
                )),
                negated: true,
            };
            let src = sub(
                "users",
                vec![
                    Expr::col("users", "id").into(),
                    Expr::col("users", "name")
                        .concat(Expr::val(" says hi"))
                        .into(),
                ],
                Some(no_post),
            );
            let mut ins = Insert::values(t("posts"), &["author_id", "title"], vec![]);
            ins.source = InsertSource::Query(Box::new(src));
            c.assert_changed(ins, 1)?;
            c.assert_rows(
                read(
                    "posts",
                    &["author_id", "views", "published"],
                    Some(col_eq("posts", "title", "cid says hi")),
                    &[],
                ),
                rows![[3, 0, false]],
            )
        },
    );
}
