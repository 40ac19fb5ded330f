//! Set operations: UNION [ALL], INTERSECT [ALL], EXCEPT [ALL], ordering and
//! limiting the whole, operands with their own ORDER BY / LIMIT, nesting.

use mizzle_core::ast::{
    Cte, CteBody, Expr, FromItem, NullsOrder, OrderBy, Query, Select, SelectItem, SetExpr, SetOp,
    With,
};
use mizzle_core::{DialectKind, Feature};
use mizzle_tests::fixture::t;
use mizzle_tests::{rows, Cell, Harness};

use DialectKind::{MySql, Postgres, Sqlite};

/// `select table.column as n from table [where cond]`: every operand names its
/// output column `n`, so the whole can be ordered by it.
fn ids(table: &str, column: &str, cond: Option<Expr>) -> Query {
    Query::select(Select {
        columns: vec![SelectItem::aliased(Expr::col(table, column), "n")],
        from: Some(FromItem::Table(t(table))),
        where_: cond,
        ..Default::default()
    })
}

/// posts.author_id: 1, 1, 2, 4.
fn authors() -> Query {
    ids("posts", "author_id", None)
}

/// comments.user_id: 2, 4, 2, 1.
fn commenters() -> Query {
    ids("comments", "user_id", None)
}

/// `... order by n`.
fn by_n(q: Query) -> Query {
    q.order_by(vec![OrderBy::asc(Expr::bare("n"))])
}

fn names(cond: Expr) -> Query {
    Query::select(Select {
        columns: vec![Expr::col("users", "name").into()],
        from: Some(FromItem::Table(t("users"))),
        where_: Some(cond),
        ..Default::default()
    })
}

fn intersect_all() -> Query {
    // author_id {1,1,2,4} ∩ all authors of posts with more than 5 views {1,1,4}.
    by_n(authors().set_op(
        SetOp::Intersect,
        true,
        ids(
            "posts",
            "author_id",
            Some(Expr::col("posts", "views").gt(Expr::val(5))),
        ),
    ))
}

fn except_all() -> Query {
    // {1,1,2,4} minus all {2,4,2,1}: one 1 is left over.
    by_n(authors().set_op(SetOp::Except, true, commenters()))
}

/// users.id of users older than 40: {4}.
fn old() -> Query {
    ids(
        "users",
        "id",
        Some(Expr::col("users", "age").gt(Expr::val(40))),
    )
}

/// comments.user_id with at least 4 stars: {2, 2}.
fn generous() -> Query {
    ids(
        "comments",
        "user_id",
        Some(Expr::col("comments", "stars").ge(Expr::val(4))),
    )
}

pub fn run(h: &mut Harness) {
    h.all("union removes duplicates", |c| {
        c.assert_rows(
            by_n(authors().set_op(SetOp::Union, false, commenters())),
            rows![[1], [2], [4]],
        )
    });

    h.all("union all keeps duplicates", |c| {
        c.assert_rows(
            by_n(authors().set_op(SetOp::Union, true, commenters())),
            rows![[1], [1], [1], [2], [2], [2], [4], [4]],
        )
    });

    h.all("intersect", |c| {
        // {1,1,2,4} ∩ users younger than 40 {1,2}.
        let young = ids(
            "users",
            "id",
            Some(Expr::col("users", "age").lt(Expr::val(40))),
        );
        c.assert_rows(
            by_n(authors().set_op(SetOp::Intersect, false, young)),
            rows![[1], [2]],
        )
    });

    h.all("except", |c| {
        // Users who never wrote a post, then users who never commented.
        c.assert_rows(
            by_n(ids("users", "id", None).set_op(SetOp::Except, false, authors())),
            rows![[3]],
        )?;
        c.assert_rows(
            by_n(ids("users", "id", None).set_op(SetOp::Except, false, commenters())),
            rows![[3]],
        )
    });

    h.all("except removes duplicates", |c| {
        let with_views = ids(
            "posts",
            "author_id",
            Some(Expr::col("posts", "views").gt(Expr::val(0))),
        );
        c.assert_rows(
            by_n(authors().set_op(
                SetOp::Except,
                false,
                ids(
                    "users",
                    "id",
                    Some(Expr::col("users", "id").eq(Expr::val(4))),
                ),
            )),
            rows![[1], [2]],
        )?;
        c.assert_rows(
            by_n(with_views.set_op(SetOp::Except, false, old())),
            rows![[1]],
        )
    });

    h.case("intersect all", &[Postgres, MySql], |c| {
        c.assert_rows(intersect_all(), rows![[1], [1], [4]])
    });
    h.case("except all", &[Postgres, MySql], |c| {
        c.assert_rows(except_all(), rows![[1]])
    });
    h.case("intersect all and except all unsupported", &[Sqlite], |c| {
        c.assert_unsupported(intersect_all(), Feature::IntersectAll)?;
        c.assert_unsupported(except_all(), Feature::ExceptAll)
    });

    h.all("set op ordered and limited as a whole", |c| {
        // {ann, dee} ∪ {cid}, by name descending, first two.
        let q = names(Expr::col("users", "age").gt(Expr::val(30)))
            .set_op(
                SetOp::Union,
                false,
                names(Expr::col("users", "age").is_null()),
            )
            .order_by(vec![OrderBy::desc(Expr::bare("name"))])
            .limit(2);
        c.assert_rows(q.clone(), rows![["dee"], ["cid"]])?;
        c.assert_rows(q.offset(1), rows![["cid"], ["ann"]])
    });

    h.all("set op operands with their own order and limit", |c| {
        // The oldest user (NULL ages last) and the youngest one with an age.
        let oldest = names(Expr::raw("1 = 1"))
            .order_by(vec![OrderBy {
                expr: Expr::col("users", "age"),
                desc: true,
                nulls: Some(NullsOrder::Last),
                bare: false,
            }])
            .limit(1);
        let youngest = names(Expr::col("users", "age").is_not_null())
            .order_by(vec![OrderBy::asc(Expr::col("users", "age"))])
            .limit(1);
        let q = oldest.set_op(SetOp::Union, true, youngest);
        assert!(matches!(&q.body, SetExpr::SetOp { left, right, .. }
            if matches!(**left, SetExpr::Query(_)) && matches!(**right, SetExpr::Query(_))));
        let q = q.order_by(vec![OrderBy::asc(Expr::bare("name"))]);
        if c.dialect() == Sqlite {
            let sql = c.render(&q.clone().into())?.sql;
            c.check(
                sql.starts_with("select * from (") && sql.contains(" union all select * from ("),
                || sql.clone(),
            )?;
        }
        c.assert_rows(q, rows![["bob"], ["dee"]])
    });

    h.all(
        "set op operand that is a limited query built by hand",
        |c| {
            // SetExpr::Query directly on the right: the single most viewed post's author.
            let top = authors()
                .order_by(vec![OrderBy::desc(Expr::col("posts", "views"))])
                .limit(1);
            let body = SetExpr::SetOp {
                op: SetOp::Union,
                all: true,
                left: Box::new(old().into_set_expr()),
                right: Box::new(SetExpr::Query(Box::new(top))),
            };
            c.assert_rows(by_n(Query::from_body(body)), rows![[1], [4]])
        },
    );

    h.all("nested set ops: a union (b intersect c)", |c| {
        // {4} ∪ ({1,1,2,4} ∩ {2,2}) = {2, 4}.
        let q = old().set_op(
            SetOp::Union,
            false,
            authors().set_op(SetOp::Intersect, false, generous()),
        );
        c.assert_rows(by_n(q), rows![[2], [4]])
    });

    h.all("nested set ops: (a union b) intersect c", |c| {
        // ({4} ∪ {1,1,2,4}) ∩ {2,2} = {2}.
        let q = old().set_op(SetOp::Union, false, authors()).set_op(
            SetOp::Intersect,
            false,
            generous(),
        );
        c.assert_rows(by_n(q), rows![[2]])
    });

    h.all("nested set ops: a except (b union c)", |c| {
        // {1,2,3,4} minus ({4} ∪ {2,2}) = {1, 3}; left to right it would be {1, 2, 3}.
        let q = ids("users", "id", None).set_op(
            SetOp::Except,
            false,
            old().set_op(SetOp::Union, false, generous()),
        );
        c.assert_rows(by_n(q), rows![[1], [3]])
    });

    h.all("three operands left to right", |c| {
        // (({4} ∪ {2,2}) ∪ all {1,1,2,4}) ordered: duplicates of the ALL side stay.
        let q = old()
            .set_op(SetOp::Union, false, generous())
            .set_op(SetOp::Union, true, authors());
        c.assert_rows(by_n(q), rows![[1], [1], [2], [2], [4], [4]])
    });

    h.all("set op ordered as a whole with nulls last", |c| {
        // Ages {31, 42} ∪ {NULL}: MySQL's emulated NULLS LAST must work on the compound's output too.
        let ages = |cond: Expr| {
            Query::select(Select {
                columns: vec![Expr::col("users", "age").into()],
                from: Some(FromItem::Table(t("users"))),
                where_: Some(cond),
                ..Default::default()
            })
        };
        let q = ages(Expr::col("users", "age").gt(Expr::val(30))).set_op(
            SetOp::Union,
            false,
            ages(Expr::col("users", "age").is_null()),
        );
        let last = OrderBy {
            expr: Expr::bare("age"),
            desc: false,
            nulls: Some(NullsOrder::Last),
            bare: false,
        };
        c.assert_rows(
            q.clone().order_by(vec![last]),
            rows![[31], [42], [Cell::Null]],
        )?;
        let first = OrderBy {
            expr: Expr::bare("age"),
            desc: true,
            nulls: Some(NullsOrder::First),
            bare: false,
        };
        c.assert_rows(q.order_by(vec![first]), rows![[Cell::Null], [42], [31]])
    });

    h.all("set op operand with its own with clause", |c| {
        // `with x as (users) select x.id where id = 2` as either operand; MariaDB
        // takes a WITH operand only as a derived table.
        let inner = ids("users", "id", None);
        let with_op = Query {
            with: Some(With {
                recursive: false,
                ctes: vec![Cte {
                    name: "x".into(),
                    columns: vec![],
                    body: CteBody::Query(Box::new(inner)),
                }],
            }),
            ..ids("x", "n", Some(Expr::col("x", "n").eq(Expr::val(2))))
        };
        let three = ids(
            "users",
            "id",
            Some(Expr::col("users", "id").eq(Expr::val(3))),
        );
        c.assert_rows(
            by_n(three.clone().set_op(SetOp::Union, true, with_op.clone())),
            rows![[2], [3]],
        )?;
        c.assert_rows(
            by_n(with_op.clone().set_op(SetOp::Except, false, three)),
            rows![[2]],
        )?;
        // A WITH query as the whole body of another query.
        c.assert_rows(
            Query::from_body(SetExpr::Query(Box::new(with_op))),
            rows![[2]],
        )
    });

    h.all("set op in a derived table with limited operands", |c| {
        // Users after the first three ({4}) ∪ all the first post ({1}).
        let skip3 = ids("users", "id", None)
            .order_by(vec![OrderBy::asc(Expr::col("users", "id"))])
            .offset(3);
        let first_post = ids("posts", "id", None)
            .order_by(vec![OrderBy::asc(Expr::col("posts", "id"))])
            .limit(1);
        let s = Select {
            columns: vec![SelectItem::Star(None)],
            from: Some(FromItem::Subquery {
                query: Box::new(skip3.set_op(SetOp::Union, true, first_post)),
                alias: "d".into(),
            }),
            ..Default::default()
        };
        c.assert_rows(
            Query::select(s).order_by(vec![OrderBy::asc(Expr::col("d", "n"))]),
            rows![[1], [4]],
        )
    });

    h.all("set op in a subquery", |c| {
        // Names of users who wrote or commented on something with at least 4 stars.
        let mut s = Select {
            columns: vec![Expr::col("users", "name").into()],
            from: Some(FromItem::Table(t("users"))),
            ..Default::default()
        };
        s.where_ = Some(Expr::InQuery {
            expr: Box::new(Expr::col("users", "id")),
            query: Box::new(old().set_op(SetOp::Union, false, generous())),
            negated: false,
        });
        let q = Query::select(s).order_by(vec![OrderBy::asc(Expr::col("users", "id"))]);
        c.assert_rows(q, rows![["bob"], ["dee"]])
    });
}
