//! Planning a relational query into one statement.
//!
//! Every nested level becomes a query that yields its JSON in one column `r`:
//! - SQLite: a correlated scalar subquery; a list aggregates (with
//!   `json_group_array`) a derived table that orders and limits the rows.
//! - PostgreSQL: a LEFT JOIN LATERAL of the same query (`json_agg`), read as
//!   `alias.r`.
//! - MySQL: a correlated scalar subquery whose aggregate orders and limits
//!   itself, since MariaDB's derived tables cannot see the outer query
//!   (MariaDB: `json_arrayagg(... order by ... limit ...)`; MySQL 8, which
//!   cannot order there: an ordered `group_concat`, see `dialect/mysql.rs`).
//!
//! The level's alias names both the derived table and the table inside it:
//! each is visible only at its own depth, so no new names are invented.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use super::query::{Relation, RelationKind, RelationalQuery};
use crate::ast::{
    Expr, FromItem, Join, JoinKind, JsonEncoding, Query, RawPart, Select, SelectItem,
};
use crate::dialect::{Dialect, DialectKind};
use crate::error::Error;

/// The column each nested level's query yields its JSON in.
const ROW: &str = "r";

/// Plans `q` for `dialect` into one query: the top level's fields and one
/// JSON column per relation, named by the field and relation names.
///
/// ```
/// use mizzle_core::ast::{Expr, JsonEncoding, TableRef};
/// use mizzle_core::relational::{plan, RelationalQuery, RelationKind};
/// use mizzle_core::{render, DialectKind};
/// let posts = RelationalQuery::new(TableRef::new("posts").alias("p"))
///     .field("title", Expr::col("p", "title"), JsonEncoding::Plain);
/// let users = RelationalQuery::new(TableRef::new("users"))
///     .field("id", Expr::col("users", "id"), JsonEncoding::Plain)
///     .relation("posts", RelationKind::Many, &[("id", "author_id")], posts);
/// let sql = render(&plan(&users, DialectKind::Sqlite).unwrap().into(), DialectKind::Sqlite).unwrap().sql;
/// assert!(sql.contains("json_group_array"));
/// ```
pub fn plan(q: &RelationalQuery, dialect: DialectKind) -> Result<Query, Error> {
    plan_owned(q.clone(), dialect)
}

/// [`plan`], consuming the tree (no copies of its expressions).
pub fn plan_owned(q: RelationalQuery, dialect: DialectKind) -> Result<Query, Error> {
    let d = dialect.try_dialect()?;
    if q.fields.is_empty() && q.relations.is_empty() {
        return Err(Error::Invalid(
            "a relational query must select at least one column".into(),
        ));
    }
    let scope = String::from(q.scope());
    let mut select = Select {
        from: Some(FromItem::Table(q.table)),
        where_: q.filter,
        ..Default::default()
    };
    for f in q.fields {
        select.columns.push(SelectItem::Expr {
            expr: f.expr,
            alias: Some(f.name),
        });
    }
    for r in q.relations {
        let name = r.name.clone();
        let value = attach(d, &mut select, &scope, r)?;
        select.columns.push(SelectItem::Expr {
            expr: value,
            alias: Some(name),
        });
    }
    // The select list comes right after SELECT: the hint leads its first item.
    if let (Some(hint), Some(SelectItem::Expr { expr, .. })) =
        (d.relational_hint(), select.columns.first_mut())
    {
        let first = core::mem::replace(expr, Expr::Raw(Vec::new()));
        *expr = Expr::Raw(Vec::from([
            RawPart::Sql(String::from(hint)),
            RawPart::Expr(first),
        ]));
    }
    Ok(Query {
        order_by: q.order_by,
        limit: q.limit,
        offset: q.offset,
        ..Query::select(select)
    })
}

/// Adds what `rel` needs to its parent's `select` (a lateral join on
/// PostgreSQL) and returns the expression of its JSON value.
fn attach(
    d: &dyn Dialect,
    select: &mut Select,
    parent: &str,
    rel: Relation,
) -> Result<Expr, Error> {
    let alias = String::from(rel.query.scope());
    let rows = relation_query(d, parent, rel)?;
    if d.relations_through_lateral() {
        let value = Expr::col(&alias, ROW);
        select.joins.push(Join {
            kind: JoinKind::Left,
            lateral: true,
            target: FromItem::Subquery {
                query: Box::new(rows),
                alias,
            },
            on: Some(Expr::And(Vec::new())),
        });
        Ok(value)
    } else {
        Ok(Expr::Subquery(Box::new(rows)))
    }
}

/// The query yielding `rel`'s JSON (a row array, a list of them, or NULL)
/// in column `r`, correlated to `parent`.
fn relation_query(d: &dyn Dialect, parent: &str, rel: Relation) -> Result<Query, Error> {
    let q = rel.query;
    let scope = String::from(q.scope());
    if rel.on.is_empty() {
        return Err(Error::Invalid(
            "a relation needs at least one join column pair".into(),
        ));
    }
    let mut select = Select {
        from: Some(FromItem::Table(q.table)),
        ..Default::default()
    };
    let mut items = Vec::with_capacity(q.fields.len() + q.relations.len());
    for f in q.fields {
        items.push(Expr::json_value(f.expr, f.encoding));
    }
    for r in q.relations {
        let value = attach(d, &mut select, &scope, r)?;
        items.push(Expr::json_value(value, JsonEncoding::Json));
    }
    let row = Expr::JsonArray(items);
    let mut conditions: Vec<Expr> = rel
        .on
        .iter()
        .map(|(p, c)| Expr::col(&scope, c).eq(Expr::col(parent, p)))
        .collect();
    conditions.extend(q.filter);
    select.where_ = Some(Expr::And(conditions));

    match rel.kind {
        RelationKind::One => {
            select.columns.push(SelectItem::aliased(row, ROW));
            Ok(Query {
                order_by: q.order_by,
                // A literal, not a parameter: the shape stays value-free.
                limit: Some(Expr::raw("1")),
                ..Query::select(select)
            })
        }
        // Aggregated in place when the aggregate itself can order and limit
        // as asked: no derived table, and no re-parsing of each row's JSON.
        RelationKind::Many
            if (q.order_by.is_empty() || d.json_agg_orders_rows())
                && ((q.limit.is_none() && q.offset.is_none()) || d.json_agg_limits_rows()) =>
        {
            let agg = Expr::JsonArrayAgg {
                expr: Box::new(row),
                order_by: q.order_by,
                limit: q.limit.map(Box::new),
                offset: q.offset.map(Box::new),
            };
            select.columns.push(SelectItem::aliased(agg, ROW));
            Ok(Query::select(select))
        }
        RelationKind::Many => {
            select.columns.push(SelectItem::aliased(row, ROW));
            let rows = Query {
                order_by: q.order_by,
                limit: q.limit,
                offset: q.offset,
                ..Query::select(select)
            };
            let agg = Expr::JsonArrayAgg {
                expr: Box::new(Expr::json_value(Expr::col(&scope, ROW), JsonEncoding::Json)),
                order_by: Vec::new(),
                limit: None,
                offset: None,
            };
            Ok(Query::select(Select {
                columns: Vec::from([SelectItem::aliased(agg, ROW)]),
                from: Some(FromItem::Subquery {
                    query: Box::new(rows),
                    alias: scope,
                }),
                ..Default::default()
            }))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::{OrderBy, TableRef};
    use crate::render;

    fn blog() -> RelationalQuery {
        let comments = RelationalQuery::new(TableRef::new("comments").alias("c")).field(
            "body",
            Expr::col("c", "body"),
            JsonEncoding::Plain,
        );
        let mut posts = RelationalQuery::new(TableRef::new("posts").alias("p"))
            .field("id", Expr::col("p", "id"), JsonEncoding::Plain)
            .field("big", Expr::col("p", "big"), JsonEncoding::Text)
            .relation(
                "comments",
                RelationKind::Many,
                &[("id", "post_id")],
                comments,
            );
        posts.order_by.push(OrderBy::desc(Expr::col("p", "id")));
        posts.limit = Some(Expr::Slot(0));
        let author = RelationalQuery::new(TableRef::new("users").alias("a")).field(
            "name",
            Expr::col("a", "name"),
            JsonEncoding::Plain,
        );
        RelationalQuery::new(TableRef::new("users"))
            .field("id", Expr::col("users", "id"), JsonEncoding::Plain)
            .relation("posts", RelationKind::Many, &[("id", "author_id")], posts)
            .relation(
                "invitedBy",
                RelationKind::One,
                &[("invited_by", "id")],
                author,
            )
    }

    fn sql(q: &RelationalQuery, d: DialectKind) -> String {
        render(&plan(q, d).unwrap().into(), d).unwrap().sql
    }

    #[test]
    fn sqlite_nests_scalar_subqueries() {
        assert_eq!(
            sql(&blog(), DialectKind::Sqlite),
            concat!(
                r#"select "users"."id" as "id", "#,
                r#"(select json_group_array(json("p"."r")) as "r" from (select json_array("p"."id", cast("p"."big" as text), "#,
                r#"json((select json_group_array(json_array("c"."body")) as "r" from "comments" as "c" where "c"."post_id" = "p"."id"))) as "r" "#,
                r#"from "posts" as "p" where "p"."author_id" = "users"."id" order by "p"."id" desc limit ?) as "p") as "posts", "#,
                r#"(select json_array("a"."name") as "r" from "users" as "a" where "a"."id" = "users"."invited_by" limit 1) as "invitedBy" "#,
                r#"from "users""#
            )
        );
    }

    #[test]
    fn postgres_uses_lateral_joins() {
        let s = sql(&blog(), DialectKind::Postgres);
        assert!(s.starts_with(r#"select "users"."id" as "id", "p"."r" as "posts", "a"."r" as "invitedBy" from "users" left join lateral (select coalesce(json_agg("p"."r"), '[]'::json) as "r" from (select json_build_array("p"."id", cast("p"."big" as text), "c"."r") as "r" from "posts" as "p" left join lateral"#), "{s}");
        assert!(s.ends_with(r#"limit 1) as "a" on true"#), "{s}");
    }

    #[test]
    fn mariadb_orders_inside_the_aggregate_mysql8_in_group_concat() {
        let planned: crate::ast::Statement = plan(&blog(), DialectKind::MySql).unwrap().into();
        let mut w = crate::render::SqlWriter::new(&crate::dialect::MySql::MARIADB);
        crate::render::ToSql::to_sql(&planned, &mut w).unwrap();
        let s = w.finish().sql;
        assert!(s.contains("coalesce(json_arrayagg(json_array(`p`.`id`, cast(`p`.`big` as char), (select coalesce(json_arrayagg(json_array(`c`.`body`)), json_array()) as `r` from `comments` as `c` where `c`.`post_id` = `p`.`id`)) order by `p`.`id` desc limit ?), json_array())"), "{s}");
        // MySQL 8 (the kind's own flavour): ordered by GROUP_CONCAT, cut by SUBSTRING_INDEX.
        let s = sql(&blog(), DialectKind::MySql);
        assert!(s.contains("coalesce(json_extract(concat('[', replace(substring_index(group_concat(json_array(`p`.`id`, cast(`p`.`big` as char), (select coalesce(json_arrayagg(json_array(`c`.`body`)), json_array()) as `r` from `comments` as `c` where `c`.`post_id` = `p`.`id`)) order by `p`.`id` desc separator '\u{1e}'), '\u{1e}', ?), '\u{1e}', ','), ']'), '$'), json_array())"), "{s}");
    }

    /// SQLite's `hex(NULL)` is `''`: a NULL blob must stay a JSON null.
    #[test]
    fn sqlite_hex_keeps_null() {
        let blob = RelationalQuery::new(TableRef::new("t").alias("x")).field(
            "b",
            Expr::col("x", "b"),
            JsonEncoding::Hex,
        );
        let q = RelationalQuery::new(TableRef::new("t")).relation(
            "b",
            RelationKind::One,
            &[("id", "id")],
            blob,
        );
        let s = sql(&q, DialectKind::Sqlite);
        assert!(
            s.contains(r#"json_array(case when "x"."b" is null then null else hex("x"."b") end)"#),
            "{s}"
        );
    }

    #[test]
    fn bad_trees_are_errors() {
        let empty = RelationalQuery::new(TableRef::new("users"));
        assert!(matches!(
            plan(&empty, DialectKind::Sqlite),
            Err(Error::Invalid(_))
        ));
        let mut q = blog();
        q.relations[0].on.clear();
        assert!(matches!(
            plan(&q, DialectKind::Sqlite),
            Err(Error::Invalid(_))
        ));
    }
}
