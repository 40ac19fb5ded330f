//! The blog schema every engine case reads: users, posts and comments, created
//! by the engine's own DDL and seeded by its own INSERTs.
//!
//! Seeded rows (ids are assigned 1.. in this order):
//!
//! users:    1 ann ann@example.com 31 active 'likes rust' | 2 bob 25 active NULL |
//!           3 cid NULL-age inactive NULL | 4 dee 42 active 'sql fan'
//! posts:    1 (ann) 'Hello world' 'first' 10 views published | 2 (ann) 'Ownership' 'borrowck' 25 published |
//!           3 (bob) 'Draft' NULL 0 unpublished | 4 (dee) 'Joins' 'left and right' 7 published
//! comments: 1 post1 by bob 'nice' 5 | 2 post1 by dee 'agreed' NULL | 3 post2 by bob 'great' 4 | 4 post4 by ann 'ok' 3

use mizzle_core::ast::{Expr, Insert, InsertValue, TableRef};
use mizzle_core::render::{create_index, create_table};
use mizzle_core::schema::{Column, ForeignKey, Index, ReferentialAction, SqlType, Table};
use mizzle_core::{render, Value};

use crate::db::Db;

/// A table reference by name.
pub fn t(name: &str) -> TableRef {
    TableRef::new(name)
}

/// `users`, `posts`, `comments`.
pub fn tables() -> Vec<Table> {
    let id = || {
        Column::new("id", SqlType::Integer)
            .primary_key()
            .auto_increment()
    };
    let fk =
        |table: &str| ForeignKey::new(&[], t(table), &["id"]).on_delete(ReferentialAction::Cascade);
    vec![
        Table::new("users")
            .column(id())
            .column(Column::new("name", SqlType::Text).not_null())
            .column(
                Column::new("email", SqlType::Varchar(Some(255)))
                    .not_null()
                    .unique(),
            )
            .column(Column::new("age", SqlType::Integer))
            .column(
                Column::new("active", SqlType::Boolean)
                    .not_null()
                    .default_value(true),
            )
            .column(Column::new("bio", SqlType::Text)),
        Table::new("posts")
            .column(id())
            .column(
                Column::new("author_id", SqlType::Integer)
                    .not_null()
                    .references(fk("users")),
            )
            .column(Column::new("title", SqlType::Varchar(Some(200))).not_null())
            .column(Column::new("body", SqlType::Text))
            .column(
                Column::new("views", SqlType::Integer)
                    .not_null()
                    .default_value(0),
            )
            .column(
                Column::new("published", SqlType::Boolean)
                    .not_null()
                    .default_value(false),
            ),
        Table::new("comments")
            .column(id())
            .column(
                Column::new("post_id", SqlType::Integer)
                    .not_null()
                    .references(fk("posts")),
            )
            .column(
                Column::new("user_id", SqlType::Integer)
                    .not_null()
                    .references(fk("users")),
            )
            .column(Column::new("body", SqlType::Text).not_null())
            .column(Column::new("stars", SqlType::Integer)),
    ]
}

/// Indexes on the blog tables.
pub fn indexes() -> Vec<Index> {
    vec![Index::new(
        "posts_author_idx",
        t("posts"),
        vec![Expr::bare("author_id")],
    )]
}

fn row(values: Vec<Value>) -> Vec<InsertValue> {
    values
        .into_iter()
        .map(|v| InsertValue::Expr(Expr::Value(v)))
        .collect()
}

/// The seed INSERTs, one per table.
pub fn seed() -> Vec<Insert> {
    use Value::{Bool, Int, Null};
    let text = |s: &str| Value::Text(s.into());
    vec![
        Insert::values(
            t("users"),
            &["name", "email", "age", "active", "bio"],
            vec![
                row(vec![
                    text("ann"),
                    text("ann@example.com"),
                    Int(31),
                    Bool(true),
                    text("likes rust"),
                ]),
                row(vec![
                    text("bob"),
                    text("bob@example.com"),
                    Int(25),
                    Bool(true),
                    Null,
                ]),
                row(vec![
                    text("cid"),
                    text("cid@example.com"),
                    Null,
                    Bool(false),
                    Null,
                ]),
                row(vec![
                    text("dee"),
                    text("dee@example.com"),
                    Int(42),
                    Bool(true),
                    text("sql fan"),
                ]),
            ],
        ),
        Insert::values(
            t("posts"),
            &["author_id", "title", "body", "views", "published"],
            vec![
                row(vec![
                    Int(1),
                    text("Hello world"),
                    text("first"),
                    Int(10),
                    Bool(true),
                ]),
                row(vec![
                    Int(1),
                    text("Ownership"),
                    text("borrowck"),
                    Int(25),
                    Bool(true),
                ]),
                row(vec![Int(2), text("Draft"), Null, Int(0), Bool(false)]),
                row(vec![
                    Int(4),
                    text("Joins"),
                    text("left and right"),
                    Int(7),
                    Bool(true),
                ]),
            ],
        ),
        Insert::values(
            t("comments"),
            &["post_id", "user_id", "body", "stars"],
            vec![
                row(vec![Int(1), Int(2), text("nice"), Int(5)]),
                row(vec![Int(1), Int(4), text("agreed"), Null]),
                row(vec![Int(2), Int(2), text("great"), Int(4)]),
                row(vec![Int(4), Int(1), text("ok"), Int(3)]),
            ],
        ),
    ]
}

/// Creates and seeds the blog schema on `db`.
pub fn install(db: &mut dyn Db) -> Result<(), String> {
    let kind = db.kind();
    for table in tables() {
        let r = create_table(&table, kind, false).map_err(|e| e.to_string())?;
        db.exec(&r).map_err(|e| format!("{e}\n  sql: {}", r.sql))?;
    }
    for index in indexes() {
        let r = create_index(&index, kind).map_err(|e| e.to_string())?;
        db.exec(&r).map_err(|e| format!("{e}\n  sql: {}", r.sql))?;
    }
    for insert in seed() {
        let r = render(&insert.into(), kind).map_err(|e| e.to_string())?;
        db.exec(&r).map_err(|e| format!("{e}\n  sql: {}", r.sql))?;
    }
    Ok(())
}
