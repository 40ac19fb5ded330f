//! MySQL index hints (`use` / `force` / `ignore index`) on FROM and JOIN
//! tables, proved on the server rather than by the SQL text alone: EXPLAIN
//! shows the forced or ignored index, and a hint naming an index the table
//! lacks is the server's error, so a hint the renderer dropped would fail.
//! SQLite and PostgreSQL have no index hints: `Unsupported`.

use mizzle_core::ast::{
    Expr, FromItem, IndexHint, IndexHintKind, Join, JoinKind, OrderBy, Query, Select, SelectItem,
    TableRef,
};
use mizzle_core::{DialectKind, Feature, Rendered};
use mizzle_tests::fixture::t;
use mizzle_tests::{rows, Cell, Ctx, Harness};

use DialectKind::{MySql, Postgres, Sqlite};
use IndexHintKind::{Force, Ignore, Use};

/// The fixture's index on `posts.author_id`.
const IDX: &str = "posts_author_idx";

fn hinted(table: TableRef, hints: Vec<IndexHint>) -> FromItem {
    FromItem::IndexHinted { table, hints }
}

/// `select posts.title from posts <hints> where posts.author_id = 1`.
fn titles_of_ann(hints: Vec<IndexHint>) -> Query {
    Query::select(Select {
        columns: vec![Expr::col("posts", "title").into()],
        from: Some(hinted(t("posts"), hints)),
        where_: Some(Expr::col("posts", "author_id").eq(Expr::val(1))),
        ..Default::default()
    })
}

/// The `key` column of EXPLAIN for `q`: the index MariaDB picked, or NULL.
fn explained_key(c: &mut Ctx<'_>, q: Query) -> Result<Cell, String> {
    let r = c.render(&q.into())?;
    let explain = Rendered {
        sql: format!("explain {}", r.sql),
        params: r.params,
    };
    let rows = c.rows_rendered(&explain)?;
    // id, select_type, table, type, possible_keys, key, ...
    Ok(rows
        .first()
        .and_then(|row| row.get(5))
        .cloned()
        .unwrap_or(Cell::Null))
}

pub fn run(h: &mut Harness) {
    h.case(
        "index hints force and ignore reach the server",
        &[MySql],
        |c| {
            let force = titles_of_ann(vec![IndexHint::new(Force, &[IDX])]);
            let sql = c.render(&force.clone().into())?.sql;
            c.check(
                sql.contains("from `posts` force index (`posts_author_idx`) where "),
                || sql.clone(),
            )?;
            let key = explained_key(c, force.clone())?;
            c.check(key.matches(&Cell::from(IDX)), || {
                format!("force index: EXPLAIN key {key}")
            })?;
            let ignore = titles_of_ann(vec![IndexHint::new(Ignore, &[IDX, "PRIMARY"])]);
            let key = explained_key(c, ignore.clone())?;
            c.check(key == Cell::Null, || {
                format!("ignore index: EXPLAIN key {key}")
            })?;
            let ordered = |q: Query| q.order_by(vec![OrderBy::asc(Expr::col("posts", "id"))]);
            c.assert_rows(ordered(force), rows![["Hello world"], ["Ownership"]])?;
            c.assert_rows(ordered(ignore), rows![["Hello world"], ["Ownership"]])?;
            // USE with IGNORE is allowed (USE with FORCE is not, the server's call).
            c.assert_rows(
                ordered(titles_of_ann(vec![
                    IndexHint::new(Use, &[IDX]),
                    IndexHint::new(Ignore, &["PRIMARY"]),
                ])),
                rows![["Hello world"], ["Ownership"]],
            )
        },
    );

    h.case(
        "index hints on an aliased join and use index ()",
        &[MySql],
        |c| {
            let q = Query::select(Select {
                columns: vec![
                    SelectItem::from(Expr::col("u", "name")),
                    Expr::col("p", "title").into(),
                ],
                // USE INDEX () lets the optimizer use no index at all.
                from: Some(hinted(
                    TableRef::new("users").alias("u"),
                    vec![IndexHint::new(Use, &[])],
                )),
                joins: vec![Join {
                    kind: JoinKind::Inner,
                    lateral: false,
                    target: hinted(
                        TableRef::new("posts").alias("p"),
                        vec![IndexHint::new(Force, &[IDX])],
                    ),
                    on: Some(Expr::col("p", "author_id").eq(Expr::col("u", "id"))),
                }],
                where_: Some(Expr::col("u", "id").eq(Expr::val(1))),
                ..Default::default()
            })
            .order_by(vec![OrderBy::asc(Expr::col("p", "id"))]);
            let sql = c.render(&q.clone().into())?.sql;
            c.check(
                sql.contains(
                    "from `users` as `u` use index () inner join `posts` as `p` \
                 force index (`posts_author_idx`) on ",
                ),
                || sql.clone(),
            )?;
            c.assert_rows(q, rows![["ann", "Hello world"], ["ann", "Ownership"]])
        },
    );

    h.case(
        "index hint naming a missing index is the server's error",
        &[MySql],
        |c| {
            c.assert_db_error(titles_of_ann(vec![IndexHint::new(Use, &["no_such_idx"])]))?;
            c.assert_db_error(titles_of_ann(vec![IndexHint::new(
                Ignore,
                &["no_such_idx"],
            )]))
        },
    );

    h.case("index hints unsupported", &[Sqlite, Postgres], |c| {
        for kind in [Use, Force, Ignore] {
            c.assert_unsupported(
                titles_of_ann(vec![IndexHint::new(kind, &[IDX])]),
                Feature::IndexHints,
            )?;
        }
        // Without hints the item is the plain table on every dialect.
        c.assert_rows(
            titles_of_ann(vec![]).order_by(vec![OrderBy::asc(Expr::col("posts", "id"))]),
            rows![["Hello world"], ["Ownership"]],
        )
    });
}
