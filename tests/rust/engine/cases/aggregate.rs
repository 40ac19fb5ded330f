//! Aggregates: count(*), count(col), count/sum/avg distinct, sum, avg, min,
//! max, GROUP BY, HAVING, aggregates over joins and over empty input.
//!
//! Expected values follow the seed data documented in `mizzle_tests::fixture`:
//! ages 31, 25, NULL, 42; views 10, 25, 0, 7 (authors 1, 1, 2, 4); comment
//! stars 5, NULL, 4, 3 (commenters 2, 4, 2, 1 on posts 1, 1, 2, 4).
//! Averages are chosen to be exact in decimal, since MariaDB rounds AVG to
//! four places.

use mizzle_core::ast::{
    AggregateFn, Expr, FromItem, Join, JoinKind, OrderBy, Query, Select, SelectItem,
};
use mizzle_core::schema::SqlType;
use mizzle_core::{DialectKind, Error};
use mizzle_tests::fixture::t;
use mizzle_tests::{rows, Cell, Harness};

use AggregateFn::{Avg, Count, Max, Min, Sum};

fn u(column: &str) -> Expr {
    Expr::col("users", column)
}

fn p(column: &str) -> Expr {
    Expr::col("posts", column)
}

fn cm(column: &str) -> Expr {
    Expr::col("comments", column)
}

fn agg(func: AggregateFn, e: Expr) -> Expr {
    e.aggregate(func, false)
}

fn distinct(func: AggregateFn, e: Expr) -> Expr {
    e.aggregate(func, true)
}

/// `select exprs from table [where cond]`.
fn over(table: &str, exprs: Vec<Expr>, cond: Option<Expr>) -> Query {
    Query::select(Select {
        columns: exprs.into_iter().map(SelectItem::from).collect(),
        from: Some(FromItem::Table(t(table))),
        where_: cond,
        ..Default::default()
    })
}

/// `select exprs from table group by keys [having cond] order by keys`.
fn grouped(table: &str, exprs: Vec<Expr>, keys: Vec<Expr>, having: Option<Expr>) -> Query {
    let order = keys.iter().cloned().map(OrderBy::asc).collect();
    Query::select(Select {
        columns: exprs.into_iter().map(SelectItem::from).collect(),
        from: Some(FromItem::Table(t(table))),
        group_by: keys,
        having,
        ..Default::default()
    })
    .order_by(order)
}

fn join(kind: JoinKind, table: &str, on: Expr) -> Join {
    Join {
        kind,
        lateral: false,
        target: FromItem::Table(t(table)),
        on: Some(on),
    }
}

/// `users` joined to `posts` by author, grouped by user and ordered by user id.
fn per_author(kind: JoinKind, exprs: Vec<Expr>) -> Query {
    Query::select(Select {
        columns: exprs.into_iter().map(SelectItem::from).collect(),
        from: Some(FromItem::Table(t("users"))),
        joins: vec![join(kind, "posts", p("author_id").eq(u("id")))],
        group_by: vec![u("id"), u("name")],
        ..Default::default()
    })
    .order_by(vec![OrderBy::asc(u("id"))])
}

pub fn run(h: &mut Harness) {
    counts(h);
    sums_and_averages(h);
    min_max(h);
    group_by_having(h);
    joins(h);
    empty_input(h);
    composed(h);
}

fn counts(h: &mut Harness) {
    h.all("aggregate count star", |c| {
        c.assert_rows(over("users", vec![Expr::count_star()], None), rows![[4]])?;
        c.assert_rows(
            over("posts", vec![Expr::count_star()], Some(p("published"))),
            rows![[3]],
        )?;
        c.assert_rows(
            over(
                "comments",
                vec![Expr::count_star()],
                Some(cm("post_id").eq(Expr::val(1))),
            ),
            rows![[2]],
        )
    });

    h.all("aggregate count column skips nulls", |c| {
        c.assert_rows(
            over(
                "users",
                vec![
                    Expr::count_star(),
                    agg(Count, u("age")),
                    agg(Count, u("bio")),
                ],
                None,
            ),
            rows![[4, 3, 2]],
        )?;
        c.assert_rows(
            over(
                "comments",
                vec![Expr::count_star(), agg(Count, cm("stars"))],
                None,
            ),
            rows![[4, 3]],
        )?;
        c.assert_rows(over("posts", vec![agg(Count, p("body"))], None), rows![[3]])
    });

    h.all("aggregate count distinct", |c| {
        c.assert_rows(
            over(
                "posts",
                vec![agg(Count, p("author_id")), distinct(Count, p("author_id"))],
                None,
            ),
            rows![[4, 3]],
        )?;
        c.assert_rows(
            over(
                "comments",
                vec![
                    distinct(Count, cm("user_id")),
                    distinct(Count, cm("post_id")),
                    distinct(Count, cm("stars")),
                ],
                None,
            ),
            rows![[3, 3, 3]],
        )?;
        c.assert_rows(
            over("users", vec![distinct(Count, u("active"))], None),
            rows![[2]],
        )
    });
}

fn sums_and_averages(h: &mut Harness) {
    h.all("aggregate sum", |c| {
        c.assert_rows(over("posts", vec![agg(Sum, p("views"))], None), rows![[42]])?;
        c.assert_rows(over("users", vec![agg(Sum, u("age"))], None), rows![[98]])?;
        c.assert_rows(
            over(
                "comments",
                vec![agg(Sum, cm("stars")), agg(Sum, cm("user_id"))],
                None,
            ),
            rows![[12, 9]],
        )
    });

    h.all("aggregate sum distinct", |c| {
        c.assert_rows(
            over("comments", vec![distinct(Sum, cm("user_id"))], None),
            rows![[7]],
        )?;
        c.assert_rows(
            over(
                "posts",
                vec![agg(Sum, p("author_id")), distinct(Sum, p("author_id"))],
                None,
            ),
            rows![[8, 7]],
        )
    });

    h.all("aggregate avg", |c| {
        c.assert_rows(
            over("posts", vec![agg(Avg, p("views"))], None),
            rows![[10.5]],
        )?;
        // 12 / 3: the NULL star rating is not counted.
        c.assert_rows(
            over(
                "comments",
                vec![agg(Avg, cm("stars")), agg(Avg, cm("user_id"))],
                None,
            ),
            rows![[4.0, 2.25]],
        )
    });

    h.all("aggregate avg distinct", |c| {
        // active: 1, 1, 0, 1.
        let active = || u("active").cast(SqlType::Integer);
        c.assert_rows(
            over(
                "users",
                vec![agg(Avg, active()), distinct(Avg, active())],
                None,
            ),
            rows![[0.75, 0.5]],
        )?;
        // Authors 1, 1, 2 (post 4 excluded): distinct average of 1 and 2.
        c.assert_rows(
            over(
                "posts",
                vec![distinct(Avg, p("author_id"))],
                Some(p("author_id").lt(Expr::val(4))),
            ),
            rows![[1.5]],
        )
    });
}

fn min_max(h: &mut Harness) {
    h.all("aggregate min and max", |c| {
        c.assert_rows(
            over("users", vec![agg(Min, u("age")), agg(Max, u("age"))], None),
            rows![[25, 42]],
        )?;
        c.assert_rows(
            over(
                "users",
                vec![agg(Min, u("name")), agg(Max, u("name"))],
                None,
            ),
            rows![["ann", "dee"]],
        )?;
        // NULL bios are skipped.
        c.assert_rows(
            over("users", vec![agg(Min, u("bio")), agg(Max, u("bio"))], None),
            rows![["likes rust", "sql fan"]],
        )?;
        c.assert_rows(
            over(
                "posts",
                vec![agg(Min, p("title")), agg(Max, p("title"))],
                None,
            ),
            rows![["Draft", "Ownership"]],
        )?;
        c.assert_rows(
            over(
                "comments",
                vec![agg(Min, cm("stars")), agg(Max, cm("stars"))],
                None,
            ),
            rows![[3, 5]],
        )
    });
}

fn group_by_having(h: &mut Harness) {
    h.all("aggregate group by", |c| {
        let q = grouped(
            "posts",
            vec![
                p("author_id"),
                Expr::count_star(),
                agg(Sum, p("views")),
                agg(Max, p("views")),
            ],
            vec![p("author_id")],
            None,
        );
        c.assert_rows(q, rows![[1, 2, 35, 25], [2, 1, 0, 0], [4, 1, 7, 7]])?;
        let q = grouped(
            "posts",
            vec![p("published"), Expr::count_star(), agg(Sum, p("views"))],
            vec![p("published")],
            None,
        );
        c.assert_rows(q, rows![[0, 1, 0], [1, 3, 42]])?;
        let q = grouped(
            "comments",
            vec![
                cm("post_id"),
                Expr::count_star(),
                agg(Count, cm("stars")),
                agg(Sum, cm("stars")),
            ],
            vec![cm("post_id")],
            None,
        );
        c.assert_rows(q, rows![[1, 2, 1, 5], [2, 1, 1, 4], [4, 1, 1, 3]])
    });

    h.all("aggregate group by an expression", |c| {
        // views > author_id: posts 1, 2, 4 (42 views in all); post 3 alone not.
        let key = p("views").gt(p("author_id"));
        let q = grouped(
            "posts",
            vec![key.clone(), Expr::count_star(), agg(Sum, p("views"))],
            vec![key],
            None,
        );
        c.assert_rows(q, rows![[0, 1, 0], [1, 3, 42]])
    });

    h.all(
        "aggregate group by an expression with an inline value",
        |c| {
            // With bound values PostgreSQL cannot tell that `views > $1` in the
            // projection is the grouped `views > $2`; inline literals match.
            let key = p("views").gt(Expr::val(5));
            let q = grouped(
                "posts",
                vec![key.clone(), Expr::count_star(), agg(Sum, p("views"))],
                vec![key],
                None,
            );
            let sql =
                mizzle_core::render_inline(&q.into(), c.dialect()).map_err(|e| e.to_string())?;
            let got = c.rows_rendered(&mizzle_core::Rendered {
                sql,
                params: vec![],
            })?;
            let expected = rows![[0, 1, 0], [1, 3, 42]];
            let same = got.len() == expected.len()
                && got
                    .iter()
                    .zip(&expected)
                    .all(|(a, e)| a.len() == e.len() && a.iter().zip(e).all(|(a, e)| a.matches(e)));
            c.check(same, || format!("rows differ: {got:?}"))
        },
    );

    h.all("aggregate avg per group", |c| {
        let q = grouped(
            "posts",
            vec![p("author_id"), agg(Avg, p("views"))],
            vec![p("author_id")],
            None,
        );
        c.assert_rows(q, rows![[1, 17.5], [2, 0.0], [4, 7.0]])
    });

    h.all("aggregate having", |c| {
        let authors = |having: Expr| {
            grouped(
                "posts",
                vec![p("author_id")],
                vec![p("author_id")],
                Some(having),
            )
        };
        c.assert_rows(authors(Expr::count_star().gt(Expr::val(1))), rows![[1]])?;
        c.assert_rows(
            authors(agg(Sum, p("views")).ge(Expr::val(7))),
            rows![[1], [4]],
        )?;
        // HAVING on an aggregate that is not projected.
        c.assert_rows(
            authors(agg(Max, p("views")).lt(Expr::val(10))),
            rows![[2], [4]],
        )?;
        c.assert_rows(
            authors(
                agg(Min, p("views"))
                    .gt(Expr::val(0))
                    .and(Expr::count_star().eq(Expr::val(1))),
            ),
            rows![[4]],
        )
    });

    h.all("aggregate where then having", |c| {
        // WHERE drops the unpublished post before grouping: bob's group disappears.
        let q = Query::select(Select {
            columns: vec![p("author_id").into(), Expr::count_star().into()],
            from: Some(FromItem::Table(t("posts"))),
            where_: Some(p("published")),
            group_by: vec![p("author_id")],
            having: Some(Expr::count_star().ge(Expr::val(1))),
            ..Default::default()
        })
        .order_by(vec![OrderBy::asc(p("author_id"))]);
        c.assert_rows(q, rows![[1, 2], [4, 1]])
    });

    h.all("aggregate having without group by", |c| {
        let q = |n: i64| {
            Query::select(Select {
                columns: vec![Expr::count_star().into()],
                from: Some(FromItem::Table(t("users"))),
                having: Some(Expr::count_star().gt(Expr::val(n))),
                ..Default::default()
            })
        };
        c.assert_rows(q(3), rows![[4]])?;
        c.assert_rows(q(4), rows![])
    });

    h.all("aggregate order by an aggregate", |c| {
        let q = Query::select(Select {
            columns: vec![p("author_id").into(), agg(Sum, p("views")).into()],
            from: Some(FromItem::Table(t("posts"))),
            group_by: vec![p("author_id")],
            ..Default::default()
        })
        .order_by(vec![OrderBy::desc(agg(Sum, p("views")))]);
        c.assert_rows(q, rows![[1, 35], [4, 7], [2, 0]])
    });
}

fn joins(h: &mut Harness) {
    h.all("aggregate over inner join", |c| {
        let q = per_author(
            JoinKind::Inner,
            vec![u("name"), agg(Count, p("id")), agg(Sum, p("views"))],
        );
        c.assert_rows(q, rows![["ann", 2, 35], ["bob", 1, 0], ["dee", 1, 7]])
    });

    h.all("aggregate over left join", |c| {
        // cid has no posts: one all-NULL joined row, so count(*) is 1 but
        // count(posts.id) is 0 and the sum is NULL.
        let q = per_author(
            JoinKind::Left,
            vec![
                u("name"),
                Expr::count_star(),
                agg(Count, p("id")),
                agg(Sum, p("views")),
            ],
        );
        c.assert_rows(
            q,
            rows![
                ["ann", 2, 2, 35],
                ["bob", 1, 1, 0],
                ["cid", 1, 0, Cell::Null],
                ["dee", 1, 1, 7]
            ],
        )
    });

    h.all("aggregate over three tables", |c| {
        // Stars received per post author: ann's posts 1 and 2 have comments
        // rated 5, NULL and 4; dee's post 4 one rated 3.
        let q = Query::select(Select {
            columns: vec![
                u("name").into(),
                Expr::count_star().into(),
                agg(Count, cm("stars")).into(),
                agg(Sum, cm("stars")).into(),
                agg(Max, cm("stars")).into(),
            ],
            from: Some(FromItem::Table(t("users"))),
            joins: vec![
                join(JoinKind::Inner, "posts", p("author_id").eq(u("id"))),
                join(JoinKind::Inner, "comments", cm("post_id").eq(p("id"))),
            ],
            group_by: vec![u("id"), u("name")],
            ..Default::default()
        })
        .order_by(vec![OrderBy::asc(u("id"))]);
        c.assert_rows(q, rows![["ann", 3, 2, 9, 5], ["dee", 1, 1, 3, 3]])
    });

    h.all("aggregate per commenter with distinct and having", |c| {
        // Commenters: ann once (post 4), bob twice (posts 1, 2), dee once (post 1).
        let q = |having: Option<Expr>| {
            Query::select(Select {
                columns: vec![
                    u("name").into(),
                    Expr::count_star().into(),
                    distinct(Count, cm("post_id")).into(),
                ],
                from: Some(FromItem::Table(t("comments"))),
                joins: vec![join(JoinKind::Inner, "users", u("id").eq(cm("user_id")))],
                group_by: vec![u("id"), u("name")],
                having,
                ..Default::default()
            })
            .order_by(vec![OrderBy::asc(u("id"))])
        };
        c.assert_rows(q(None), rows![["ann", 1, 1], ["bob", 2, 2], ["dee", 1, 1]])?;
        c.assert_rows(
            q(Some(distinct(Count, cm("post_id")).gt(Expr::val(1)))),
            rows![["bob", 2, 2]],
        )
    });
}

fn empty_input(h: &mut Harness) {
    h.all("aggregate over empty input", |c| {
        let all = || {
            vec![
                Expr::count_star(),
                agg(Count, u("age")),
                distinct(Count, u("age")),
                agg(Sum, u("age")),
                agg(Avg, u("age")),
                agg(Min, u("age")),
                agg(Max, u("name")),
            ]
        };
        let expected = || rows![[0, 0, 0, Cell::Null, Cell::Null, Cell::Null, Cell::Null]];
        c.assert_rows(
            over("users", all(), Some(u("id").gt(Expr::val(100)))),
            expected(),
        )?;
        c.assert_rows(over("users", all(), Some(Expr::Or(vec![]))), expected())?;
        c.assert_rows(
            over("users", all(), Some(u("id").in_list(vec![]))),
            expected(),
        )
    });

    h.all("aggregate over only nulls", |c| {
        // cid's age is the only one in the input, and it is NULL.
        let q = over(
            "users",
            vec![
                Expr::count_star(),
                agg(Count, u("age")),
                agg(Sum, u("age")),
                agg(Avg, u("age")),
            ],
            Some(u("name").eq(Expr::val("cid"))),
        );
        c.assert_rows(q, rows![[1, 0, Cell::Null, Cell::Null]])
    });

    h.all("aggregate group by over empty input has no groups", |c| {
        let mut q = grouped(
            "posts",
            vec![p("author_id"), Expr::count_star()],
            vec![p("author_id")],
            None,
        );
        if let mizzle_core::ast::SetExpr::Select(s) = &mut q.body {
            s.where_ = Some(p("views").gt(Expr::val(1000)));
        }
        c.assert_rows(q, rows![])
    });
}

fn composed(h: &mut Harness) {
    h.all("aggregate of expressions", |c| {
        c.assert_rows(
            over("posts", vec![agg(Sum, p("views") * Expr::val(2))], None),
            rows![[84]],
        )?;
        c.assert_rows(
            over(
                "posts",
                vec![agg(Max, Expr::func("length", vec![p("title")]))],
                None,
            ),
            rows![["Hello world".len() as i64]],
        )?;
        // Published posts counted through CASE without ELSE (NULL is not counted).
        let when_published = Expr::Case {
            whens: vec![(p("published"), p("id"))],
            otherwise: None,
        };
        c.assert_rows(
            over("posts", vec![agg(Count, when_published)], None),
            rows![[3]],
        )?;
        // Published posts' views (10 + 25 + 7) plus 1000 for the one draft.
        let views_or_1000 = Expr::Case {
            whens: vec![(p("published"), p("views"))],
            otherwise: Some(Box::new(Expr::val(1000))),
        };
        c.assert_rows(
            over("posts", vec![agg(Sum, views_or_1000)], None),
            rows![[1042]],
        )
    });

    h.all("aggregates combined arithmetically", |c| {
        c.assert_rows(
            over(
                "posts",
                vec![agg(Max, p("views")) - agg(Min, p("views"))],
                None,
            ),
            rows![[25]],
        )?;
        // 42 / 4: integer division except on MySQL, whose `/` is always exact.
        let ratio = agg(Sum, p("views")) / Expr::count_star();
        let expected = match c.dialect() {
            DialectKind::MySql => rows![[10.5]],
            // PostgreSQL's sum(integer) is bigint, so the division stays integral.
            _ => rows![[10]],
        };
        c.assert_rows(over("posts", vec![ratio], None), expected)
    });

    h.all("aggregate over a derived table", |c| {
        let per_author = Query::select(Select {
            columns: vec![
                p("author_id").into(),
                SelectItem::aliased(Expr::count_star(), "n"),
            ],
            from: Some(FromItem::Table(t("posts"))),
            group_by: vec![p("author_id")],
            ..Default::default()
        });
        let q = Query::select(Select {
            columns: vec![
                agg(Max, Expr::col("t", "n")).into(),
                agg(Sum, Expr::col("t", "n")).into(),
            ],
            from: Some(FromItem::Subquery {
                query: Box::new(per_author),
                alias: "t".into(),
            }),
            ..Default::default()
        });
        c.assert_rows(q, rows![[2, 4]])
    });

    h.all("aggregate without an argument is refused", |c| {
        for (func, is_distinct) in [(Sum, false), (Avg, false), (Min, false), (Count, true)] {
            let bad = Expr::Aggregate {
                func,
                arg: None,
                distinct: is_distinct,
            };
            c.assert_render_error(over("users", vec![bad], None), |e| {
                matches!(e, Error::Invalid(_))
            })?;
        }
        Ok(())
    });
}
