//! UPDATE: literal and computed SET, several columns, WHERE, FROM, RETURNING,
//! ORDER BY + LIMIT, subqueries, WITH, and the invalid empty SET.
//!
//! Row counts: SQLite and PostgreSQL report the rows a WHERE matched; MariaDB
//! reports only the rows whose values actually changed.

use mizzle_core::ast::{
    AggregateFn, Assignment, Cte, CteBody, Expr, FromItem, OrderBy, Query, Select, SelectItem,
    Update, With,
};
use mizzle_core::{DialectKind, Feature, Value};
use mizzle_tests::fixture::t;
use mizzle_tests::{rows, Cell, Harness};

use super::dml::{assert_rows_any_order, assert_sql, col_eq, count, is_invalid, read, sub};

const SQLITE_PG: [DialectKind; 2] = [DialectKind::Sqlite, DialectKind::Postgres];
const SQLITE_MYSQL: [DialectKind; 2] = [DialectKind::Sqlite, DialectKind::MySql];

fn update(table: &str, set: Vec<Assignment>, cond: Option<Expr>) -> Update {
    Update {
        where_: cond,
        ..Update::new(t(table), set)
    }
}

fn views_plus(n: i64) -> Vec<Assignment> {
    vec![Assignment::new(
        "views",
        Expr::col("posts", "views") + Expr::val(n),
    )]
}

/// `(select post_id, count(*) as n from comments group by post_id) as c`.
fn comment_counts() -> FromItem {
    let select = Select {
        columns: vec![
            Expr::col("comments", "post_id").into(),
            SelectItem::aliased(Expr::count_star(), "n"),
        ],
        from: Some(FromItem::Table(t("comments"))),
        group_by: vec![Expr::col("comments", "post_id")],
        ..Default::default()
    };
    FromItem::Subquery {
        query: Box::new(Query::select(select)),
        alias: "c".into(),
    }
}

fn all_views() -> Query {
    read("posts", &["id", "views"], None, &["id"])
}

pub fn run(h: &mut Harness) {
    h.all("update set literal where", |c| {
        let up = update(
            "users",
            vec![Assignment::new("bio", Expr::val("edited"))],
            Some(col_eq("users", "name", "bob")),
        );
        c.assert_changed(up, 1)?;
        c.assert_rows(
            read("users", &["name", "bio"], None, &["id"]),
            rows![
                ["ann", "likes rust"],
                ["bob", "edited"],
                ["cid", Cell::Null],
                ["dee", "sql fan"]
            ],
        )
    });

    h.all("update set expression on every row", |c| {
        c.assert_changed(update("posts", views_plus(1), None), 4)?;
        c.assert_rows(all_views(), rows![[1, 11], [2, 26], [3, 1], [4, 8]])
    });

    h.all("update several columns", |c| {
        let set = vec![
            Assignment::new("title", Expr::val("Draft v2")),
            Assignment::new("body", Expr::val("now written")),
            Assignment::new("published", Expr::val(true)),
            Assignment::new("views", Expr::col("posts", "views") + Expr::val(3)),
        ];
        c.assert_changed(update("posts", set, Some(col_eq("posts", "id", 3))), 1)?;
        let q = read(
            "posts",
            &["id", "title", "body", "views", "published"],
            None,
            &["id"],
        );
        c.assert_rows(
            q,
            rows![
                [1, "Hello world", "first", 10, true],
                [2, "Ownership", "borrowck", 25, true],
                [3, "Draft v2", "now written", 3, true],
                [4, "Joins", "left and right", 7, true]
            ],
        )
    });

    h.all("update where matching nothing", |c| {
        let up = update(
            "users",
            vec![Assignment::new("bio", Expr::val("x"))],
            Some(col_eq("users", "name", "zed")),
        );
        c.assert_changed(up, 0)?;
        c.assert_rows(
            count("users", Some(col_eq("users", "bio", "x"))),
            rows![[0]],
        )
    });

    h.all("update row counts matched or changed", |c| {
        // Only cid is inactive: three of the four rows already hold the new value.
        let up = update(
            "users",
            vec![Assignment::new("active", Expr::val(true))],
            None,
        );
        let expected = if c.dialect() == DialectKind::MySql {
            1
        } else {
            4
        };
        c.assert_changed(up, expected)?;
        c.assert_rows(
            count("users", Some(col_eq("users", "active", true))),
            rows![[4]],
        )
    });

    h.case("update from a derived table", &SQLITE_PG, |c| {
        let mut up = update(
            "posts",
            vec![Assignment::new(
                "views",
                Expr::col("posts", "views") + Expr::col("c", "n"),
            )],
            Some(Expr::col("posts", "id").eq(Expr::col("c", "post_id"))),
        );
        up.from = vec![comment_counts()];
        c.assert_changed(up, 3)?;
        // Post 3 has no comments and is not joined.
        c.assert_rows(all_views(), rows![[1, 12], [2, 26], [3, 0], [4, 8]])
    });

    h.case("update from another table", &SQLITE_PG, |c| {
        let mut up = update(
            "comments",
            vec![Assignment::new(
                "body",
                Expr::col("comments", "body")
                    .concat(Expr::val(" -"))
                    .concat(Expr::col("users", "name")),
            )],
            Some(
                Expr::col("comments", "user_id")
                    .eq(Expr::col("users", "id"))
                    .and(Expr::col("users", "age").gt(Expr::val(30))),
            ),
        );
        up.from = vec![FromItem::Table(t("users"))];
        c.assert_changed(up, 2)?;
        c.assert_rows(
            read("comments", &["id", "body"], None, &["id"]),
            rows![
                [1, "nice"],
                [2, "agreed -dee"],
                [3, "great"],
                [4, "ok -ann"]
            ],
        )
    });

    h.case("update from on mysql", &[DialectKind::MySql], |c| {
        let mut up = update(
            "posts",
            views_plus(1),
            Some(Expr::col("posts", "id").eq(Expr::col("c", "post_id"))),
        );
        up.from = vec![comment_counts()];
        c.assert_unsupported(up, Feature::UpdateFrom)
    });

    h.case("update returning", &SQLITE_PG, |c| {
        let mut up = update(
            "users",
            vec![Assignment::new(
                "age",
                Expr::col("users", "age") + Expr::val(1),
            )],
            Some(Expr::col("users", "age").is_not_null()),
        );
        up.returning = vec![Expr::bare("name").into(), Expr::bare("age").into()];
        assert_rows_any_order(c, up, rows![["ann", 32], ["bob", 26], ["dee", 43]])?;
        c.assert_rows(
            read("users", &["age"], None, &["id"]),
            rows![[32], [26], [Cell::Null], [43]],
        )
    });

    h.case("update returning an expression", &SQLITE_PG, |c| {
        let mut up = update("posts", views_plus(5), Some(col_eq("posts", "id", 4)));
        let doubled = Expr::bare("views") * Expr::val(2);
        up.returning = vec![
            SelectItem::aliased(doubled, "twice"),
            Expr::bare("title").into(),
        ];
        c.assert_rows(up, rows![[24, "Joins"]])
    });

    h.case("update returning on mysql", &[DialectKind::MySql], |c| {
        let mut up = update("posts", views_plus(5), None);
        up.returning = vec![Expr::bare("id").into()];
        c.assert_unsupported(up, Feature::Returning)
    });

    h.case("update order by limit", &SQLITE_MYSQL, |c| {
        let mut up = update("posts", views_plus(100), None);
        up.order_by = vec![OrderBy::desc(Expr::col("posts", "views"))];
        up.limit = Some(Expr::val(2));
        if c.dialect() == DialectKind::Sqlite {
            assert_sql(c, up.clone(), "where rowid in (select rowid from", true)?;
        }
        c.assert_changed(up, 2)?;
        // Only the two most viewed posts (2 and 1) changed.
        c.assert_rows(all_views(), rows![[1, 110], [2, 125], [3, 0], [4, 7]])
    });

    h.case("update where order by limit", &SQLITE_MYSQL, |c| {
        let mut up = update(
            "users",
            vec![Assignment::new("bio", Expr::val("filled"))],
            Some(Expr::col("users", "bio").is_null()),
        );
        up.order_by = vec![OrderBy::desc(Expr::col("users", "id"))];
        up.limit = Some(Expr::val(1));
        c.assert_changed(up, 1)?;
        c.assert_rows(
            read("users", &["name", "bio"], None, &["id"]),
            rows![
                ["ann", "likes rust"],
                ["bob", Cell::Null],
                ["cid", "filled"],
                ["dee", "sql fan"]
            ],
        )
    });

    h.case(
        "update order by limit on postgresql",
        &[DialectKind::Postgres],
        |c| {
            let mut up = update("posts", views_plus(100), None);
            up.order_by = vec![OrderBy::desc(Expr::col("posts", "views"))];
            c.assert_unsupported(up.clone(), Feature::UpdateOrderLimit)?;
            up.order_by.clear();
            up.limit = Some(Expr::val(1));
            c.assert_unsupported(up, Feature::UpdateOrderLimit)
        },
    );

    h.case(
        "update from with limit on sqlite",
        &[DialectKind::Sqlite],
        |c| {
            // The rowid subquery cannot carry the FROM join.
            let mut up = update(
                "posts",
                views_plus(1),
                Some(Expr::col("posts", "id").eq(Expr::col("c", "post_id"))),
            );
            up.from = vec![comment_counts()];
            up.limit = Some(Expr::val(1));
            c.assert_unsupported(up, Feature::UpdateOrderLimit)
        },
    );

    h.all("update set scalar subquery", |c| {
        let n = Query::select(Select {
            columns: vec![Expr::count_star().into()],
            from: Some(FromItem::Table(t("comments"))),
            where_: Some(Expr::col("comments", "post_id").eq(Expr::col("posts", "id"))),
            ..Default::default()
        });
        // Post 3 keeps 0 views: MariaDB does not count it as changed.
        let changed = if c.dialect() == DialectKind::MySql {
            3
        } else {
            4
        };
        c.assert_changed(
            update(
                "posts",
                vec![Assignment::new("views", Expr::Subquery(Box::new(n)))],
                None,
            ),
            changed,
        )?;
        c.assert_rows(all_views(), rows![[1, 2], [2, 1], [3, 0], [4, 1]])
    });

    h.all("update set aggregate subquery from another table", |c| {
        let best = Query::select(Select {
            columns: vec![Expr::col("comments", "stars")
                .aggregate(AggregateFn::Max, false)
                .into()],
            from: Some(FromItem::Table(t("comments"))),
            where_: Some(Expr::col("comments", "user_id").eq(Expr::col("users", "id"))),
            ..Default::default()
        });
        // dee's only comment has no stars, so her age becomes NULL; cid is left out.
        let cond = Expr::col("users", "id").ne(Expr::val(3));
        c.assert_changed(
            update(
                "users",
                vec![Assignment::new("age", Expr::Subquery(Box::new(best)))],
                Some(cond),
            ),
            3,
        )?;
        c.assert_rows(
            read("users", &["age"], None, &["id"]),
            rows![[3], [5], [Cell::Null], [Cell::Null]],
        )
    });

    h.all("update where in subquery", |c| {
        let unpublished_authors = sub(
            "posts",
            vec![Expr::col("posts", "author_id").into()],
            Some(col_eq("posts", "published", false)),
        );
        let cond = Expr::InQuery {
            expr: Box::new(Expr::col("users", "id")),
            query: Box::new(unpublished_authors),
            negated: false,
        };
        c.assert_changed(
            update(
                "users",
                vec![Assignment::new("active", Expr::val(false))],
                Some(cond),
            ),
            1,
        )?;
        c.assert_rows(
            read("users", &["name", "active"], None, &["id"]),
            rows![["ann", true], ["bob", false], ["cid", false], ["dee", true]],
        )
    });

    h.all("update where exists", |c| {
        let has_comment = Expr::Exists {
            query: Box::new(sub(
                "comments",
                vec![Expr::col("comments", "id").into()],
                Some(Expr::col("comments", "post_id").eq(Expr::col("posts", "id"))),
            )),
            negated: false,
        };
        let up = update(
            "posts",
            vec![Assignment::new("body", Expr::val("discussed"))],
            Some(has_comment),
        );
        c.assert_changed(up, 3)?;
        c.assert_rows(
            read("posts", &["body"], None, &["id"]),
            rows![["discussed"], ["discussed"], [Cell::Null], ["discussed"]],
        )
    });

    h.case("update with cte", &SQLITE_PG, |c| {
        let popular = sub(
            "posts",
            vec![Expr::col("posts", "id").into()],
            Some(Expr::col("posts", "views").gt(Expr::val(9))),
        );
        let ids = sub("popular", vec![Expr::col("popular", "id").into()], None);
        let mut up = update(
            "posts",
            vec![Assignment::new("published", Expr::val(false))],
            Some(Expr::InQuery {
                expr: Box::new(Expr::col("posts", "id")),
                query: Box::new(ids),
                negated: false,
            }),
        );
        up.with = Some(With {
            recursive: false,
            ctes: vec![Cte {
                name: "popular".into(),
                columns: vec![],
                body: CteBody::Query(Box::new(popular)),
            }],
        });
        c.assert_changed(up, 2)?;
        c.assert_rows(
            read("posts", &["id", "published"], None, &["id"]),
            rows![[1, false], [2, false], [3, false], [4, true]],
        )
    });

    h.case("update with cte on mysql", &[DialectKind::MySql], |c| {
        // MariaDB has no WITH before UPDATE (MySQL 8 has).
        let popular = sub("posts", vec![Expr::col("posts", "id").into()], None);
        let mut up = update("posts", views_plus(1), None);
        up.with = Some(With {
            recursive: false,
            ctes: vec![Cte {
                name: "popular".into(),
                columns: vec![],
                body: CteBody::Query(Box::new(popular)),
            }],
        });
        c.assert_unsupported(up.clone(), Feature::DmlWith)?;
        c.assert_mysql8_prefix(up.clone(), "with `popular` as (select")?;
        // An empty WITH is no WITH at all.
        up.with = Some(With::default());
        c.assert_changed(up, 4)
    });

    h.all("update with an empty set is invalid", |c| {
        c.assert_render_error(update("users", vec![], None), is_invalid)?;
        c.assert_render_error(
            update("users", vec![], Some(col_eq("users", "id", 1))),
            is_invalid,
        )
    });

    h.all("update to null", |c| {
        let up = update(
            "users",
            vec![Assignment::new("bio", Expr::Value(Value::Null))],
            Some(Expr::col("users", "age").gt(Expr::val(40))),
        );
        c.assert_changed(up, 1)?;
        c.assert_rows(
            count("users", Some(Expr::col("users", "bio").is_null())),
            rows![[3]],
        )
    });
}
