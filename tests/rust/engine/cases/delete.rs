//! DELETE: WHERE, all rows, ON DELETE CASCADE, RETURNING, ORDER BY + LIMIT,
//! IN / EXISTS subqueries, WITH.

use mizzle_core::ast::{Cte, CteBody, Delete, Expr, OrderBy, SelectItem, With};
use mizzle_core::{DialectKind, Feature};
use mizzle_tests::fixture::t;
use mizzle_tests::{rows, Cell, Harness};

use super::dml::{assert_rows_any_order, assert_sql, col_eq, count, read, sub};

const SQLITE_PG: [DialectKind; 2] = [DialectKind::Sqlite, DialectKind::Postgres];
const SQLITE_MYSQL: [DialectKind; 2] = [DialectKind::Sqlite, DialectKind::MySql];

fn delete(table: &str, cond: Option<Expr>) -> Delete {
    Delete {
        where_: cond,
        ..Delete::new(t(table))
    }
}

fn comment_bodies() -> mizzle_core::ast::Query {
    read("comments", &["body"], None, &["id"])
}

pub fn run(h: &mut Harness) {
    h.all("delete where", |c| {
        // comment 2 has NULL stars: `stars < 4` is not true for it.
        c.assert_changed(
            delete(
                "comments",
                Some(Expr::col("comments", "stars").lt(Expr::val(4))),
            ),
            1,
        )?;
        c.assert_rows(comment_bodies(), rows![["nice"], ["agreed"], ["great"]])
    });

    h.all("delete every row", |c| {
        c.assert_changed(delete("comments", None), 4)?;
        c.assert_rows(count("comments", None), rows![[0]])?;
        // The parents are untouched.
        c.assert_rows(count("posts", None), rows![[4]])
    });

    h.all("delete where matching nothing", |c| {
        c.assert_changed(delete("users", Some(col_eq("users", "name", "zed"))), 0)?;
        c.assert_rows(count("users", None), rows![[4]])
    });

    h.all("delete cascades to posts and comments", |c| {
        // bob wrote post 3 and comments 1 and 3.
        c.assert_changed(delete("users", Some(col_eq("users", "name", "bob"))), 1)?;
        c.assert_rows(
            read("users", &["name"], None, &["id"]),
            rows![["ann"], ["cid"], ["dee"]],
        )?;
        c.assert_rows(read("posts", &["id"], None, &["id"]), rows![[1], [2], [4]])?;
        c.assert_rows(
            read("comments", &["id", "body"], None, &["id"]),
            rows![[2, "agreed"], [4, "ok"]],
        )
    });

    h.all("delete a post cascades to its comments", |c| {
        c.assert_changed(delete("posts", Some(col_eq("posts", "id", 1))), 1)?;
        c.assert_rows(
            read("comments", &["id", "post_id"], None, &["id"]),
            rows![[3, 2], [4, 4]],
        )
    });

    h.case("delete returning", &SQLITE_PG, |c| {
        let mut del = delete(
            "comments",
            Some(Expr::col("comments", "stars").lt(Expr::val(5))),
        );
        del.returning = vec![Expr::bare("body").into(), Expr::bare("stars").into()];
        assert_rows_any_order(c, del, rows![["great", 4], ["ok", 3]])?;
        c.assert_rows(comment_bodies(), rows![["nice"], ["agreed"]])
    });

    h.case("delete returning an expression", &SQLITE_PG, |c| {
        let mut del = delete("users", Some(col_eq("users", "name", "cid")));
        del.returning = vec![
            SelectItem::aliased(Expr::bare("name").concat(Expr::val(" left")), "bye"),
            SelectItem::aliased(Expr::bare("age").is_null(), "no_age"),
        ];
        c.assert_rows(del, rows![["cid left", true]])?;
        c.assert_rows(count("users", None), rows![[3]])
    });

    h.case("delete returning on mysql", &[DialectKind::MySql], |c| {
        let mut del = delete("comments", None);
        del.returning = vec![Expr::bare("id").into()];
        c.assert_unsupported(del, Feature::Returning)?;
        c.assert_rows(count("comments", None), rows![[4]])
    });

    h.case("delete order by limit", &SQLITE_MYSQL, |c| {
        let mut del = delete(
            "comments",
            Some(Expr::col("comments", "stars").is_not_null()),
        );
        del.order_by = vec![OrderBy::asc(Expr::col("comments", "stars"))];
        del.limit = Some(Expr::val(2));
        if c.dialect() == DialectKind::Sqlite {
            assert_sql(c, del.clone(), "where rowid in (select rowid from", true)?;
        }
        // The two lowest rated comments: ok (3) and great (4).
        c.assert_changed(del, 2)?;
        c.assert_rows(comment_bodies(), rows![["nice"], ["agreed"]])
    });

    h.case(
        "delete order by desc limit without where",
        &SQLITE_MYSQL,
        |c| {
            let mut del = delete("comments", None);
            del.order_by = vec![OrderBy::desc(Expr::col("comments", "id"))];
            del.limit = Some(Expr::val(1));
            c.assert_changed(del, 1)?;
            c.assert_rows(
                read("comments", &["id"], None, &["id"]),
                rows![[1], [2], [3]],
            )
        },
    );

    h.case(
        "delete order by limit on postgresql",
        &[DialectKind::Postgres],
        |c| {
            let mut del = delete("comments", None);
            del.order_by = vec![OrderBy::desc(Expr::col("comments", "id"))];
            del.limit = Some(Expr::val(1));
            c.assert_unsupported(del.clone(), Feature::DeleteOrderLimit)?;
            del.order_by.clear();
            c.assert_unsupported(del, Feature::DeleteOrderLimit)?;
            c.assert_rows(count("comments", None), rows![[4]])
        },
    );

    h.all("delete where in subquery", |c| {
        let anns_posts = sub(
            "posts",
            vec![Expr::col("posts", "id").into()],
            Some(col_eq("posts", "author_id", 1)),
        );
        let cond = Expr::InQuery {
            expr: Box::new(Expr::col("comments", "post_id")),
            query: Box::new(anns_posts),
            negated: false,
        };
        c.assert_changed(delete("comments", Some(cond)), 3)?;
        c.assert_rows(comment_bodies(), rows![["ok"]])
    });

    h.all("delete where not in subquery", |c| {
        let commenters = sub(
            "comments",
            vec![Expr::col("comments", "user_id").into()],
            None,
        );
        let cond = Expr::InQuery {
            expr: Box::new(Expr::col("users", "id")),
            query: Box::new(commenters),
            negated: true,
        };
        // cid never commented.
        c.assert_changed(delete("users", Some(cond)), 1)?;
        c.assert_rows(
            read("users", &["name"], None, &["id"]),
            rows![["ann"], ["bob"], ["dee"]],
        )
    });

    h.all("delete where not exists", |c| {
        let has_post = Expr::Exists {
            query: Box::new(sub(
                "posts",
                vec![Expr::col("posts", "id").into()],
                Some(Expr::col("posts", "author_id").eq(Expr::col("users", "id"))),
            )),
            negated: true,
        };
        c.assert_changed(delete("users", Some(has_post)), 1)?;
        c.assert_rows(
            read("users", &["name"], None, &["id"]),
            rows![["ann"], ["bob"], ["dee"]],
        )
    });

    h.all("delete where exists", |c| {
        let five_stars = Expr::Exists {
            query: Box::new(sub(
                "comments",
                vec![Expr::col("comments", "id").into()],
                Some(
                    Expr::col("comments", "post_id")
                        .eq(Expr::col("posts", "id"))
                        .and(Expr::col("comments", "stars").ge(Expr::val(5))),
                ),
            )),
            negated: false,
        };
        // Post 1 goes, and with it comments 1 and 2.
        c.assert_changed(delete("posts", Some(five_stars)), 1)?;
        c.assert_rows(read("posts", &["id"], None, &["id"]), rows![[2], [3], [4]])?;
        c.assert_rows(read("comments", &["id"], None, &["id"]), rows![[3], [4]])
    });

    h.case("delete with cte", &SQLITE_PG, |c| {
        let unrated = sub(
            "comments",
            vec![Expr::col("comments", "id").into()],
            Some(Expr::col("comments", "stars").is_null()),
        );
        let ids = sub("unrated", vec![Expr::col("unrated", "id").into()], None);
        let mut del = delete(
            "comments",
            Some(Expr::InQuery {
                expr: Box::new(Expr::col("comments", "id")),
                query: Box::new(ids),
                negated: false,
            }),
        );
        del.with = Some(With {
            recursive: false,
            ctes: vec![Cte {
                name: "unrated".into(),
                columns: vec![],
                body: CteBody::Query(Box::new(unrated)),
            }],
        });
        c.assert_changed(del, 1)?;
        c.assert_rows(
            read("comments", &["id", "stars"], None, &["id"]),
            rows![[1, 5], [3, 4], [4, 3]],
        )
    });

    h.case("delete with cte on mysql", &[DialectKind::MySql], |c| {
        // MariaDB has no WITH before DELETE (MySQL 8 has).
        let unrated = sub("comments", vec![Expr::col("comments", "id").into()], None);
        let mut del = delete("comments", None);
        del.with = Some(With {
            recursive: false,
            ctes: vec![Cte {
                name: "unrated".into(),
                columns: vec![],
                body: CteBody::Query(Box::new(unrated)),
            }],
        });
        c.assert_unsupported(del.clone(), Feature::DmlWith)?;
        c.assert_mysql8_prefix(del, "with `unrated` as (select")?;
        c.assert_rows(count("comments", None), rows![[4]])
    });

    h.all("delete leaves null-keyed rows alone", |c| {
        // `age <> 31` is unknown for cid's NULL age.
        c.assert_changed(
            delete("users", Some(Expr::col("users", "age").ne(Expr::val(31)))),
            2,
        )?;
        c.assert_rows(
            read("users", &["name", "age"], None, &["id"]),
            rows![["ann", 31], ["cid", Cell::Null]],
        )
    });
}
