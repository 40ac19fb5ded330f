//! Common table expressions: WITH, several CTEs, column lists, WITH
//! RECURSIVE, CTEs joined to tables, and derived tables in FROM.

use mizzle_core::ast::{
    AggregateFn, Cte, CteBody, Delete, Expr, FromItem, Join, JoinKind, OrderBy, Query, Select,
    SelectItem, SetOp, TableRef, With,
};
use mizzle_core::schema::SqlType;
use mizzle_core::{DialectKind, Feature};
use mizzle_tests::fixture::t;
use mizzle_tests::{rows, Cell, Harness};

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

fn inner_join(target: &str, on: Expr) -> Join {
    Join {
        kind: JoinKind::Inner,
        lateral: false,
        target: FromItem::Table(t(target)),
        on: Some(on),
    }
}

fn cte(name: &str, columns: &[&str], query: Query) -> Cte {
    Cte {
        name: name.into(),
        columns: columns.iter().map(|c| c.to_string()).collect(),
        body: CteBody::Query(Box::new(query)),
    }
}

fn with(recursive: bool, ctes: Vec<Cte>, q: Query) -> Query {
    Query {
        with: Some(With { recursive, ctes }),
        ..q
    }
}

/// An integer bound value typed for every server (PostgreSQL would read a
/// bare parameter in a recursive CTE's anchor as text).
fn int(n: i64) -> Expr {
    Expr::val(n).cast(SqlType::Integer)
}

/// `with recursive cnt(n) as (select 1 union all select n + 1 from cnt where n < 5)`.
fn counter() -> Cte {
    let anchor = Select {
        columns: vec![int(1).into()],
        ..Default::default()
    };
    let mut step = select(
        t("cnt"),
        vec![(Expr::col("cnt", "n") + Expr::val(1)).into()],
    );
    step.where_ = Some(Expr::col("cnt", "n").lt(Expr::val(5)));
    cte(
        "cnt",
        &["n"],
        Query::select(anchor).set_op(SetOp::Union, true, Query::select(step)),
    )
}

pub fn run(h: &mut Harness) {
    h.all("cte holding a delete returning", |c| {
        // PostgreSQL's data-modifying CTE: the outer query reads the deleted rows.
        let mut gone = Delete::new(t("comments"));
        gone.where_ = Some(Expr::col("comments", "id").le(Expr::val(2)));
        gone.returning = vec![col("comments", "id")];
        let q = with(
            false,
            vec![Cte {
                name: "gone".into(),
                columns: vec![],
                body: CteBody::Delete(Box::new(gone)),
            }],
            Query::select(select(t("gone"), vec![Expr::count_star().into()])),
        );
        if c.dialect() != DialectKind::Postgres {
            return c.assert_unsupported(q, Feature::DmlInCte);
        }
        c.assert_rows(q, rows![[2]])?;
        let left = Query::select(select(t("comments"), vec![Expr::count_star().into()]));
        c.assert_rows(left, rows![[2]])
    });

    h.all("cte single", |c| {
        let mut inner = select(t("users"), vec![col("users", "id"), col("users", "name")]);
        inner.where_ = Some(Expr::col("users", "age").gt(Expr::val(30)));
        let q = Query::select(select(t("older"), vec![col("older", "name")]))
            .order_by(vec![OrderBy::desc(Expr::col("older", "name"))]);
        c.assert_rows(
            with(false, vec![cte("older", &[], Query::select(inner))], q),
            rows![["dee"], ["ann"]],
        )
    });

    h.all("cte second reads the first and joins a table", |c| {
        // Total views per author (ann 35, bob 0, dee 7), then authors above 5.
        let mut totals = select(
            t("posts"),
            vec![
                col("posts", "author_id"),
                SelectItem::aliased(
                    Expr::col("posts", "views").aggregate(AggregateFn::Sum, false),
                    "total",
                ),
            ],
        );
        totals.group_by = vec![Expr::col("posts", "author_id")];
        let mut popular = select(
            t("totals"),
            vec![col("totals", "author_id"), col("totals", "total")],
        );
        popular.where_ = Some(Expr::col("totals", "total").gt(Expr::val(5)));
        let mut main = select(
            t("users"),
            vec![col("users", "name"), col("popular", "total")],
        );
        main.joins.push(inner_join(
            "popular",
            Expr::col("popular", "author_id").eq(Expr::col("users", "id")),
        ));
        let q = with(
            false,
            vec![
                cte("totals", &[], Query::select(totals)),
                cte("popular", &[], Query::select(popular)),
            ],
            Query::select(main).order_by(vec![OrderBy::asc(Expr::col("users", "id"))]),
        );
        c.assert_rows(q, rows![["ann", 35], ["dee", 7]])
    });

    h.all("cte column list renames columns", |c| {
        let mut counts = select(
            t("comments"),
            vec![col("comments", "user_id"), Expr::count_star().into()],
        );
        counts.group_by = vec![Expr::col("comments", "user_id")];
        let mut main = select(t("users"), vec![col("users", "name"), col("pc", "n")]);
        main.joins.push(Join {
            kind: JoinKind::Left,
            lateral: false,
            target: FromItem::Table(t("pc")),
            on: Some(Expr::col("pc", "who").eq(Expr::col("users", "id"))),
        });
        let q = with(
            false,
            vec![cte("pc", &["who", "n"], Query::select(counts))],
            Query::select(main).order_by(vec![OrderBy::asc(Expr::col("users", "id"))]),
        );
        c.assert_rows(
            q,
            rows![["ann", 1], ["bob", 2], ["cid", Cell::Null], ["dee", 1]],
        )
    });

    h.all("cte recursive counts to five", |c| {
        let q = with(
            true,
            vec![counter()],
            Query::select(select(t("cnt"), vec![col("cnt", "n")]))
                .order_by(vec![OrderBy::asc(Expr::col("cnt", "n"))]),
        );
        c.assert_rows(q, rows![[1], [2], [3], [4], [5]])
    });

    h.all("cte recursive aggregated", |c| {
        let q = with(
            true,
            vec![counter()],
            Query::select(select(
                t("cnt"),
                vec![
                    Expr::col("cnt", "n")
                        .aggregate(AggregateFn::Sum, false)
                        .into(),
                    Expr::count_star().into(),
                ],
            )),
        );
        c.assert_rows(q, rows![[15, 5]])
    });

    h.all("cte recursive walks a chain of ids", |c| {
        // From bob, follow id + 1 while such a user exists.
        let mut anchor = select(
            t("users"),
            vec![col("users", "id"), col("users", "name"), int(1).into()],
        );
        anchor.where_ = Some(Expr::col("users", "name").eq(Expr::val("bob")));
        let mut step = select(
            t("chain"),
            vec![
                col("users", "id"),
                col("users", "name"),
                (Expr::col("chain", "depth") + Expr::val(1)).into(),
            ],
        );
        step.joins.push(inner_join(
            "users",
            Expr::col("users", "id").eq(Expr::col("chain", "id") + Expr::val(1)),
        ));
        let body = Query::select(anchor).set_op(SetOp::Union, true, Query::select(step));
        let q = with(
            true,
            vec![cte("chain", &["id", "name", "depth"], body)],
            Query::select(select(
                t("chain"),
                vec![col("chain", "name"), col("chain", "depth")],
            ))
            .order_by(vec![OrderBy::asc(Expr::col("chain", "depth"))]),
        );
        c.assert_rows(q, rows![["bob", 1], ["cid", 2], ["dee", 3]])
    });

    h.all("cte recursive walks the commenter graph", |c| {
        // Everyone reachable from dee via "commented on a post by": dee <- ann
        // (on Joins), ann <- bob and dee (on ann's posts); UNION stops at the cycle.
        let mut anchor = select(t("users"), vec![col("users", "id")]);
        anchor.where_ = Some(Expr::col("users", "name").eq(Expr::val("dee")));
        let mut step = select(t("reach"), vec![col("comments", "user_id")]);
        step.joins.push(inner_join(
            "posts",
            Expr::col("posts", "author_id").eq(Expr::col("reach", "id")),
        ));
        step.joins.push(inner_join(
            "comments",
            Expr::col("comments", "post_id").eq(Expr::col("posts", "id")),
        ));
        let body = Query::select(anchor).set_op(SetOp::Union, false, Query::select(step));
        let mut main = select(t("users"), vec![col("users", "name")]);
        main.joins.push(inner_join(
            "reach",
            Expr::col("reach", "id").eq(Expr::col("users", "id")),
        ));
        let q = with(
            true,
            vec![cte("reach", &["id"], body)],
            Query::select(main).order_by(vec![OrderBy::asc(Expr::col("users", "id"))]),
        );
        c.assert_rows(q, rows![["ann"], ["bob"], ["dee"]])
    });

    h.all("cte recursive from bob reaches only bob", |c| {
        // Nobody commented on bob's only post, so the walk stops at once.
        let mut anchor = select(t("users"), vec![col("users", "id")]);
        anchor.where_ = Some(Expr::col("users", "name").eq(Expr::val("bob")));
        let mut step = select(t("reach"), vec![col("comments", "user_id")]);
        step.joins.push(inner_join(
            "posts",
            Expr::col("posts", "author_id").eq(Expr::col("reach", "id")),
        ));
        step.joins.push(inner_join(
            "comments",
            Expr::col("comments", "post_id").eq(Expr::col("posts", "id")),
        ));
        let body = Query::select(anchor).set_op(SetOp::Union, false, Query::select(step));
        let q = with(
            true,
            vec![cte("reach", &["id"], body)],
            Query::select(select(t("reach"), vec![col("reach", "id")])),
        );
        c.assert_rows(q, rows![[2]])
    });

    h.all("cte referenced twice", |c| {
        // Pairs of published posts by the same author.
        let mut published = select(
            t("posts"),
            vec![
                col("posts", "id"),
                col("posts", "author_id"),
                col("posts", "title"),
            ],
        );
        published.where_ = Some(Expr::col("posts", "views").gt(Expr::val(0)));
        let mut main = select(
            t("pub").alias("a"),
            vec![col("a", "title"), col("b", "title")],
        );
        main.joins.push(Join {
            kind: JoinKind::Inner,
            lateral: false,
            target: FromItem::Table(t("pub").alias("b")),
            on: Some(
                Expr::col("a", "author_id")
                    .eq(Expr::col("b", "author_id"))
                    .and(Expr::col("a", "id").lt(Expr::col("b", "id"))),
            ),
        });
        let q = with(
            false,
            vec![cte("pub", &[], Query::select(published))],
            Query::select(main),
        );
        c.assert_rows(q, rows![["Hello world", "Ownership"]])
    });

    h.all("subquery in from with alias", |c| {
        // The two oldest users, re-sorted by name outside.
        let mut inner = select(t("users"), vec![col("users", "name"), col("users", "age")]);
        inner.where_ = Some(Expr::col("users", "age").is_not_null());
        let inner = Query::select(inner)
            .order_by(vec![OrderBy::desc(Expr::col("users", "age"))])
            .limit(2);
        let outer = Select {
            columns: vec![col("oldest", "name"), col("oldest", "age")],
            from: Some(FromItem::Subquery {
                query: Box::new(inner),
                alias: "oldest".into(),
            }),
            ..Default::default()
        };
        c.assert_rows(
            Query::select(outer).order_by(vec![OrderBy::asc(Expr::col("oldest", "name"))]),
            rows![["ann", 31], ["dee", 42]],
        )
    });

    h.all("subquery in from with its own cte", |c| {
        // A WITH inside a derived table.
        let mut inner_cte = select(
            t("posts"),
            vec![col("posts", "title"), col("posts", "views")],
        );
        inner_cte.where_ = Some(Expr::col("posts", "author_id").eq(Expr::val(1)));
        let inner = with(
            false,
            vec![cte("mine", &[], Query::select(inner_cte))],
            Query::select(select(
                t("mine"),
                vec![Expr::col("mine", "views")
                    .aggregate(AggregateFn::Sum, false)
                    .into()],
            )),
        );
        let outer = Select {
            columns: vec![SelectItem::Star(None)],
            from: Some(FromItem::Subquery {
                query: Box::new(inner),
                alias: "s".into(),
            }),
            ..Default::default()
        };
        c.assert_rows(Query::select(outer), rows![[35]])
    });
}
