//! Joins (inner, left, right, full, cross, self, derived, LATERAL, invalid
//! shapes) and the rest of a SELECT's shape: ORDER BY with NULLS FIRST/LAST,
//! LIMIT/OFFSET, DISTINCT ON, SELECT without FROM, `*` and `t.*`.

use mizzle_core::ast::{
    Distinct, Expr, FromItem, Join, JoinKind, NullsOrder, OrderBy, Query, Select, SelectItem,
    TableRef,
};
use mizzle_core::schema::SqlType;
use mizzle_core::{DialectKind, Error, Feature, Param, Value};
use mizzle_tests::fixture::t;
use mizzle_tests::{rows, Cell, Harness};

use DialectKind::{MySql, Postgres, Sqlite};

fn col(table: &str, name: &str) -> SelectItem {
    Expr::col(table, name).into()
}

fn select(from: TableRef, columns: Vec<SelectItem>) -> Select {
    Select {
        columns,
        from: Some(FromItem::Table(from)),
        ..Default::default()
    }
}

fn join(kind: JoinKind, target: TableRef, on: Option<Expr>) -> Join {
    Join {
        kind,
        lateral: false,
        target: FromItem::Table(target),
        on,
    }
}

/// `users.name, posts.title from users <kind> join posts on posts.author_id = users.id`.
fn users_posts(kind: JoinKind) -> Select {
    let mut s = select(
        t("users"),
        vec![col("users", "name"), col("posts", "title")],
    );
    s.joins.push(join(
        kind,
        t("posts"),
        Some(Expr::col("posts", "author_id").eq(Expr::col("users", "id"))),
    ));
    s
}

fn asc(table: &str, name: &str) -> OrderBy {
    OrderBy::asc(Expr::col(table, name))
}

fn nulls(mut term: OrderBy, n: NullsOrder) -> OrderBy {
    term.nulls = Some(n);
    term
}

/// `users.name, users.age` ordered by age with the given direction and NULL placement.
fn users_by_age(desc: bool, n: NullsOrder) -> Query {
    let term = if desc {
        OrderBy::desc(Expr::col("users", "age"))
    } else {
        asc("users", "age")
    };
    Query::select(select(
        t("users"),
        vec![col("users", "name"), col("users", "age")],
    ))
    .order_by(vec![nulls(term, n)])
}

fn lateral_top_post(kind: JoinKind, on: Option<Expr>) -> Query {
    let mut inner = select(t("posts"), vec![col("posts", "title")]);
    inner.where_ = Some(Expr::col("posts", "author_id").eq(Expr::col("users", "id")));
    let inner = Query::select(inner)
        .order_by(vec![OrderBy::desc(Expr::col("posts", "views"))])
        .limit(1);
    let mut s = select(t("users"), vec![col("users", "name"), col("lp", "title")]);
    s.joins.push(Join {
        kind,
        lateral: true,
        target: FromItem::Subquery {
            query: Box::new(inner),
            alias: "lp".into(),
        },
        on,
    });
    Query::select(s).order_by(vec![asc("users", "id")])
}

fn distinct_on_first_post() -> Query {
    let mut s = select(
        t("posts"),
        vec![col("posts", "author_id"), col("posts", "title")],
    );
    s.distinct = Distinct::On(vec![Expr::col("posts", "author_id")]);
    Query::select(s).order_by(vec![
        asc("posts", "author_id"),
        OrderBy::desc(Expr::col("posts", "views")),
    ])
}

pub fn run(h: &mut Harness) {
    joins(h);
    ordering(h);
    shapes(h);
}

fn joins(h: &mut Harness) {
    h.all("join inner", |c| {
        let q = Query::select(users_posts(JoinKind::Inner)).order_by(vec![asc("posts", "id")]);
        c.assert_rows(
            q,
            rows![
                ["ann", "Hello world"],
                ["ann", "Ownership"],
                ["bob", "Draft"],
                ["dee", "Joins"]
            ],
        )
    });

    h.all("join left keeps unmatched rows with nulls", |c| {
        let q = Query::select(users_posts(JoinKind::Left))
            .order_by(vec![asc("users", "id"), asc("posts", "id")]);
        c.assert_rows(
            q,
            rows![
                ["ann", "Hello world"],
                ["ann", "Ownership"],
                ["bob", "Draft"],
                ["cid", Cell::Null],
                ["dee", "Joins"]
            ],
        )
    });

    h.all("join right keeps unmatched right rows", |c| {
        // comments right join users: cid wrote no comment.
        let mut s = select(
            t("comments"),
            vec![col("users", "name"), col("comments", "body")],
        );
        s.joins.push(join(
            JoinKind::Right,
            t("users"),
            Some(Expr::col("comments", "user_id").eq(Expr::col("users", "id"))),
        ));
        let q = Query::select(s).order_by(vec![asc("users", "id"), asc("comments", "id")]);
        c.assert_rows(
            q,
            rows![
                ["ann", "ok"],
                ["bob", "nice"],
                ["bob", "great"],
                ["cid", Cell::Null],
                ["dee", "agreed"]
            ],
        )
    });

    let full_join = || {
        // Only posts with more than 8 views match: Draft (0) and Joins (7) do
        // not, so bob, cid and dee stay unmatched on the left and Draft, Joins
        // on the right.
        let mut s = select(
            t("users"),
            vec![col("users", "name"), col("posts", "title")],
        );
        s.joins.push(join(
            JoinKind::Full,
            t("posts"),
            Some(
                Expr::col("posts", "author_id")
                    .eq(Expr::col("users", "id"))
                    .and(Expr::col("posts", "views").gt(Expr::val(8))),
            ),
        ));
        Query::select(s).order_by(vec![
            nulls(asc("users", "id"), NullsOrder::Last),
            asc("posts", "id"),
        ])
    };
    h.case("join full", &[Sqlite, Postgres], |c| {
        c.assert_rows(
            full_join(),
            rows![
                ["ann", "Hello world"],
                ["ann", "Ownership"],
                ["bob", Cell::Null],
                ["cid", Cell::Null],
                ["dee", Cell::Null],
                [Cell::Null, "Draft"],
                [Cell::Null, "Joins"],
            ],
        )
    });
    h.case("join full unsupported", &[MySql], |c| {
        c.assert_unsupported(full_join(), Feature::FullJoin)
    });

    h.all("join cross", |c| {
        let mut s = select(t("users"), vec![Expr::count_star().into()]);
        s.joins.push(join(JoinKind::Cross, t("posts"), None));
        c.assert_rows(Query::select(s), rows![[16]])?;
        let mut s = select(
            t("users"),
            vec![col("users", "name"), col("posts", "title")],
        );
        s.joins.push(join(JoinKind::Cross, t("posts"), None));
        s.where_ = Some(
            Expr::col("users", "age")
                .is_null()
                .and(Expr::col("posts", "views").ge(Expr::val(10))),
        );
        let q = Query::select(s).order_by(vec![asc("posts", "id")]);
        c.assert_rows(q, rows![["cid", "Hello world"], ["cid", "Ownership"]])
    });

    h.all("join without on pairs every row", |c| {
        // drizzle's `on: undefined` (an `and()` of no conditions): every pairing.
        for kind in [JoinKind::Inner, JoinKind::Left] {
            let mut s = select(t("users"), vec![Expr::count_star().into()]);
            s.joins.push(join(kind, t("posts"), None));
            c.assert_rows(Query::select(s), rows![[16]])?;
        }
        // A left join still keeps a row that nothing joins (a cross join would drop it).
        let none = Query::select(Select {
            where_: Some(Expr::raw("1 = 0")),
            ..select(t("posts"), vec![col("posts", "title")])
        });
        let mut s = select(t("users"), vec![col("users", "name"), col("p", "title")]);
        s.joins.push(Join {
            kind: JoinKind::Left,
            lateral: false,
            target: FromItem::Subquery {
                query: Box::new(none),
                alias: "p".into(),
            },
            on: None,
        });
        // A later join's ON still binds to its own join.
        s.joins.push(join(
            JoinKind::Inner,
            t("posts"),
            Some(Expr::col("posts", "author_id").eq(Expr::col("users", "id"))),
        ));
        let q = Query::select(s).order_by(vec![asc("users", "id"), asc("posts", "id")]);
        c.assert_rows(
            q,
            rows![
                ["ann", Cell::Null],
                ["ann", Cell::Null],
                ["bob", Cell::Null],
                ["dee", Cell::Null]
            ],
        )
    });

    h.all("join self with table aliases", |c| {
        // Each user paired with every older user.
        let mut s = select(
            t("users").alias("a"),
            vec![col("a", "name"), col("b", "name")],
        );
        s.joins.push(join(
            JoinKind::Inner,
            t("users").alias("b"),
            Some(Expr::col("b", "age").gt(Expr::col("a", "age"))),
        ));
        let q = Query::select(s).order_by(vec![asc("a", "id"), asc("b", "id")]);
        c.assert_rows(q, rows![["ann", "dee"], ["bob", "ann"], ["bob", "dee"]])
    });

    h.all("join on a derived table", |c| {
        let mut counts = select(
            t("posts"),
            vec![
                col("posts", "author_id"),
                SelectItem::aliased(Expr::count_star(), "n"),
            ],
        );
        counts.group_by = vec![Expr::col("posts", "author_id")];
        let mut s = select(t("users"), vec![col("users", "name"), col("pc", "n")]);
        s.joins.push(Join {
            kind: JoinKind::Left,
            lateral: false,
            target: FromItem::Subquery {
                query: Box::new(Query::select(counts)),
                alias: "pc".into(),
            },
            on: Some(Expr::col("pc", "author_id").eq(Expr::col("users", "id"))),
        });
        let q = Query::select(s).order_by(vec![asc("users", "id")]);
        c.assert_rows(
            q,
            rows![["ann", 2], ["bob", 1], ["cid", Cell::Null], ["dee", 1]],
        )
    });

    h.case("join lateral", &[Postgres], |c| {
        // Each author's most viewed post.
        c.assert_rows(
            lateral_top_post(JoinKind::Cross, None),
            rows![["ann", "Ownership"], ["bob", "Draft"], ["dee", "Joins"]],
        )?;
        c.assert_rows(
            lateral_top_post(JoinKind::Left, Some(Expr::raw("true"))),
            rows![
                ["ann", "Ownership"],
                ["bob", "Draft"],
                ["cid", Cell::Null],
                ["dee", "Joins"]
            ],
        )
    });
    h.case(
        "join lateral on a plain table is invalid",
        &[Postgres],
        |c| {
            let mut s = select(t("users"), vec![col("users", "name")]);
            s.joins.push(Join {
                kind: JoinKind::Cross,
                lateral: true,
                target: FromItem::Table(t("posts")),
                on: None,
            });
            c.assert_render_error(Query::select(s), |e| matches!(e, Error::Invalid(_)))
        },
    );
    h.case("join lateral unsupported", &[Sqlite, MySql], |c| {
        c.assert_unsupported(
            lateral_top_post(JoinKind::Cross, None),
            Feature::LateralJoin,
        )?;
        c.assert_unsupported(
            lateral_top_post(JoinKind::Left, Some(Expr::raw("true"))),
            Feature::LateralJoin,
        )
    });

    h.all("join three tables with compound on and where", |c| {
        // Comment 4 (on Joins, 7 views) fails the ON; comment 1..3 pass the WHERE.
        let mut s = select(
            t("comments"),
            vec![
                col("users", "name"),
                col("posts", "title"),
                col("comments", "body"),
            ],
        );
        s.joins.push(join(
            JoinKind::Inner,
            t("posts"),
            Some(
                Expr::col("posts", "id")
                    .eq(Expr::col("comments", "post_id"))
                    .and(Expr::col("posts", "views").gt(Expr::val(8))),
            ),
        ));
        s.joins.push(join(
            JoinKind::Inner,
            t("users"),
            Some(Expr::col("users", "id").eq(Expr::col("comments", "user_id"))),
        ));
        s.where_ = Some(
            Expr::col("comments", "stars")
                .ge(Expr::val(3))
                .or(Expr::col("comments", "stars").is_null()),
        );
        let q = Query::select(s).order_by(vec![asc("comments", "id")]);
        c.assert_rows(
            q,
            rows![
                ["bob", "Hello world", "nice"],
                ["dee", "Hello world", "agreed"],
                ["bob", "Ownership", "great"]
            ],
        )
    });

    h.all("join invalid shapes", |c| {
        let invalid = |e: &Error| matches!(e, Error::Invalid(_));
        let mut s = select(t("users"), vec![col("users", "name")]);
        s.joins.push(join(
            JoinKind::Cross,
            t("posts"),
            Some(Expr::col("posts", "author_id").eq(Expr::col("users", "id"))),
        ));
        c.assert_render_error(Query::select(s), invalid)?;
        let mut s = Select {
            columns: vec![col("users", "name")],
            ..Default::default()
        };
        s.joins.push(join(JoinKind::Cross, t("posts"), None));
        c.assert_render_error(Query::select(s), invalid)
    });
}

fn ordering(h: &mut Harness) {
    h.all("order by asc nulls first", |c| {
        c.assert_rows(
            users_by_age(false, NullsOrder::First),
            rows![["cid", Cell::Null], ["bob", 25], ["ann", 31], ["dee", 42]],
        )
    });
    h.all("order by asc nulls last", |c| {
        c.assert_rows(
            users_by_age(false, NullsOrder::Last),
            rows![["bob", 25], ["ann", 31], ["dee", 42], ["cid", Cell::Null]],
        )
    });
    h.all("order by desc nulls first", |c| {
        c.assert_rows(
            users_by_age(true, NullsOrder::First),
            rows![["cid", Cell::Null], ["dee", 42], ["ann", 31], ["bob", 25]],
        )
    });
    h.all("order by desc nulls last", |c| {
        c.assert_rows(
            users_by_age(true, NullsOrder::Last),
            rows![["dee", 42], ["ann", 31], ["bob", 25], ["cid", Cell::Null]],
        )
    });

    h.all("order by nulls on a joined nullable column", |c| {
        // comments.stars: 5, NULL, 4, 3; NULLs first under DESC.
        let q = Query::select(select(t("comments"), vec![col("comments", "body")])).order_by(vec![
            nulls(
                OrderBy::desc(Expr::col("comments", "stars")),
                NullsOrder::First,
            ),
        ]);
        c.assert_rows(q, rows![["agreed"], ["nice"], ["great"], ["ok"]])
    });

    h.all("order by several columns", |c| {
        let q = Query::select(select(t("posts"), vec![col("posts", "title")])).order_by(vec![
            OrderBy::desc(Expr::col("posts", "author_id")),
            OrderBy::desc(Expr::col("posts", "views")),
        ]);
        c.assert_rows(
            q,
            rows![["Joins"], ["Draft"], ["Ownership"], ["Hello world"]],
        )
    });

    h.all("order by limit with offset", |c| {
        let q = Query::select(select(t("posts"), vec![col("posts", "title")]))
            .order_by(vec![OrderBy::desc(Expr::col("posts", "views"))])
            .limit(2)
            .offset(1);
        c.assert_rows(q, rows![["Hello world"], ["Joins"]])
    });

    h.all("limit is a bound value", |c| {
        let q = Query::select(select(t("users"), vec![col("users", "name")]))
            .order_by(vec![asc("users", "id")])
            .limit(3);
        let r = c.render(&q.clone().into())?;
        let bound = r.params == vec![Param::Value(Value::Int(3))] && !r.sql.contains('3');
        c.check(bound, || {
            format!("limit not bound: {} {:?}", r.sql, r.params)
        })?;
        c.assert_rows(q, rows![["ann"], ["bob"], ["cid"]])
    });

    h.case("distinct on", &[Postgres], |c| {
        c.assert_rows(
            distinct_on_first_post(),
            rows![[1, "Ownership"], [2, "Draft"], [4, "Joins"]],
        )
    });
    h.case("distinct on unsupported", &[Sqlite, MySql], |c| {
        c.assert_unsupported(distinct_on_first_post(), Feature::DistinctOn)
    });
    h.case("distinct on empty is invalid", &[Postgres], |c| {
        let mut s = select(t("posts"), vec![col("posts", "title")]);
        s.distinct = Distinct::On(vec![]);
        c.assert_render_error(Query::select(s), |e| matches!(e, Error::Invalid(_)))
    });
}

fn shapes(h: &mut Harness) {
    h.all("select without from", |c| {
        let s = Select {
            columns: vec![
                SelectItem::aliased(Expr::val(2).cast(SqlType::Integer) * Expr::val(3), "six"),
                SelectItem::aliased(Expr::val("hi"), "greeting"),
            ],
            ..Default::default()
        };
        c.assert_rows(Query::select(s), rows![[6, "hi"]])
    });

    h.all("select without from with where", |c| {
        let s = |cond: Expr| Select {
            columns: vec![Expr::val("yes").into()],
            where_: Some(cond),
            ..Default::default()
        };
        c.assert_rows(
            Query::select(s(Expr::val(1).lt(Expr::val(2)))),
            rows![["yes"]],
        )?;
        c.assert_rows(Query::select(s(Expr::val(2).lt(Expr::val(1)))), rows![])
    });

    h.all("select star", |c| {
        let mut s = select(t("users"), vec![SelectItem::Star(None)]);
        s.where_ = Some(Expr::col("users", "name").eq(Expr::val("bob")));
        c.assert_rows(
            Query::select(s),
            rows![[2, "bob", "bob@example.com", 25, true, Cell::Null]],
        )
    });

    h.all("select table star from a join", |c| {
        let mut s = users_posts(JoinKind::Inner);
        s.columns = vec![col("users", "name"), SelectItem::Star(Some("posts".into()))];
        s.where_ = Some(Expr::col("users", "name").eq(Expr::val("dee")));
        c.assert_rows(
            Query::select(s),
            rows![["dee", 4, 4, "Joins", "left and right", 7, true]],
        )
    });

    h.all("select aliased table star", |c| {
        let mut s = select(
            t("users").alias("u"),
            vec![SelectItem::Star(Some("u".into()))],
        );
        s.where_ = Some(Expr::col("u", "age").is_null());
        c.assert_rows(
            Query::select(s),
            rows![[3, "cid", "cid@example.com", Cell::Null, false, Cell::Null]],
        )
    });
}
