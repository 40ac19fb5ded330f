//! Basic SELECT: projections, aliases, WHERE, ORDER BY, LIMIT/OFFSET, DISTINCT.

use mizzle_core::ast::{
    Distinct, Expr, FromItem, OrderBy, Query, RawPart, Select, SelectItem, Statement,
};
use mizzle_core::Value;
use mizzle_tests::fixture::t;
use mizzle_tests::{rows, Harness};

fn from(table: &str, columns: Vec<SelectItem>) -> Select {
    Select {
        columns,
        from: Some(FromItem::Table(t(table))),
        ..Default::default()
    }
}

pub fn run(h: &mut Harness) {
    h.all("select columns ordered", |c| {
        let q = Query::select(from(
            "users",
            vec![
                Expr::col("users", "id").into(),
                Expr::col("users", "name").into(),
            ],
        ))
        .order_by(vec![OrderBy::asc(Expr::col("users", "id"))]);
        c.assert_rows(q, rows![[1, "ann"], [2, "bob"], [3, "cid"], [4, "dee"]])
    });

    h.all("select where eq with alias", |c| {
        let mut s = from(
            "users",
            vec![SelectItem::aliased(Expr::col("users", "email"), "mail")],
        );
        s.where_ = Some(Expr::col("users", "name").eq(Expr::val("bob")));
        c.assert_rows(Query::select(s), rows![["bob@example.com"]])
    });

    h.all("select distinct", |c| {
        let mut s = from("posts", vec![Expr::col("posts", "author_id").into()]);
        s.distinct = Distinct::Distinct;
        c.assert_rows(
            Query::select(s).order_by(vec![OrderBy::asc(Expr::col("posts", "author_id"))]),
            rows![[1], [2], [4]],
        )
    });

    h.all("limit and offset", |c| {
        let q = Query::select(from("users", vec![Expr::col("users", "name").into()]))
            .order_by(vec![OrderBy::asc(Expr::col("users", "id"))])
            .limit(2)
            .offset(1);
        c.assert_rows(q, rows![["bob"], ["cid"]])
    });

    h.all("offset without limit", |c| {
        let q = Query::select(from("users", vec![Expr::col("users", "name").into()]))
            .order_by(vec![OrderBy::asc(Expr::col("users", "id"))])
            .offset(2);
        c.assert_rows(q, rows![["cid"], ["dee"]])
    });

    h.all("order by a bare raw term keeps its own direction", |c| {
        let term = Expr::Raw(vec![
            RawPart::Ident("id".into()),
            RawPart::Sql(" desc".into()),
        ]);
        let q = Query::select(from("users", vec![Expr::col("users", "name").into()]))
            .order_by(vec![OrderBy::bare(term)])
            .limit(2);
        c.assert_rows(q, rows![["dee"], ["cid"]])
    });

    h.all("a raw SQL statement binds its values", |c| {
        let stmt = Statement::Sql(Expr::Raw(vec![
            RawPart::Sql("select count(*) from ".into()),
            RawPart::Ident("posts".into()),
            RawPart::Sql(" where ".into()),
            RawPart::Ident("views".into()),
            RawPart::Sql(" > ".into()),
            RawPart::Value(Value::Int(8)),
        ]));
        c.assert_rows(stmt, rows![[2]])
    });
}
