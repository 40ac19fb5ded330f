//! The mizzle demo on an embedded in-memory SQLite: declares a small blog
//! schema, creates it with the engine's DDL, and runs representative queries
//! (joins, aggregates, upsert, RETURNING, CTE, subquery), printing each
//! statement's SQL, its parameters and the rows that came back.
//!
//! Run: `cargo run -p mizzle-core --example blog`

use mizzle_core::ast::*;
use mizzle_core::render::{create_index, create_table};
use mizzle_core::schema::{Column, ForeignKey, Index, ReferentialAction, SqlType, Table};
use mizzle_core::{render, DialectKind, Param, Rendered, Value};
use rusqlite::types::{Value as SqlValue, ValueRef};

fn schema() -> (Vec<Table>, Vec<Index>) {
    let id = || {
        Column::new("id", SqlType::Integer)
            .primary_key()
            .auto_increment()
    };
    let owner = |table: &str| {
        ForeignKey::new(&[], TableRef::new(table), &["id"]).on_delete(ReferentialAction::Cascade)
    };
    let tables = vec![
        Table::new("users")
            .column(id())
            .column(Column::new("name", SqlType::Text).not_null())
            .column(Column::new("email", SqlType::Text).not_null().unique())
            .column(
                Column::new("karma", SqlType::Integer)
                    .not_null()
                    .default_value(0),
            ),
        Table::new("posts")
            .column(id())
            .column(
                Column::new("author_id", SqlType::Integer)
                    .not_null()
                    .references(owner("users")),
            )
            .column(Column::new("title", SqlType::Text).not_null())
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
                    .references(owner("posts")),
            )
            .column(
                Column::new("author_id", SqlType::Integer)
                    .not_null()
                    .references(owner("users")),
            )
            .column(Column::new("body", SqlType::Text).not_null()),
    ];
    let indexes = vec![Index::new(
        "posts_by_author",
        TableRef::new("posts"),
        vec![Expr::bare("author_id")],
    )];
    (tables, indexes)
}

struct Demo {
    conn: rusqlite::Connection,
}

impl Demo {
    /// Prints and runs one rendered statement, printing the rows it returns.
    fn run(&self, title: &str, r: &Rendered) -> Result<(), Box<dyn std::error::Error>> {
        println!("-- {title}");
        println!("   sql:    {}", r.sql);
        let values = r.values()?;
        if !r.params.is_empty() {
            let shown: Vec<String> = r
                .params
                .iter()
                .map(|p| match p {
                    Param::Value(v) => format!("{v:?}"),
                    Param::Placeholder(n) => format!(":{n}"),
                    Param::Slot(n) => format!("${n}"),
                })
                .collect();
            println!("   params: [{}]", shown.join(", "));
        }
        let mut stmt = self.conn.prepare(&r.sql)?;
        let names: Vec<String> = stmt.column_names().map(|s| s.to_string()).collect();
        let binds = values.iter().map(|v| match v {
            Value::Null => SqlValue::Null,
            Value::Bool(b) => SqlValue::Integer((*b).into()),
            Value::Int(i) => SqlValue::Integer(*i),
            Value::Float(f) => SqlValue::Real(*f),
            Value::Text(s) => SqlValue::Text(s.clone()),
            Value::Blob(b) => SqlValue::Blob(b.clone()),
        });
        let mut rows = stmt.query(rusqlite::params_from_iter(binds))?;
        let mut printed_header = false;
        while let Some(row) = rows.next()? {
            if !printed_header {
                println!("   rows:   {}", names.join(" | "));
                printed_header = true;
            }
            let cells: Vec<String> = (0..names.len())
                .map(|i| match row.get_ref(i) {
                    Ok(ValueRef::Null) => "NULL".into(),
                    Ok(ValueRef::Integer(n)) => n.to_string(),
                    Ok(ValueRef::Real(f)) => f.to_string(),
                    Ok(ValueRef::Text(t)) => String::from_utf8_lossy(t).into_owned(),
                    Ok(ValueRef::Blob(b)) => format!("<{} bytes>", b.len()),
                    Err(e) => format!("<{e}>"),
                })
                .collect();
            println!("           {}", cells.join(" | "));
        }
        println!();
        Ok(())
    }

    fn statement(
        &self,
        title: &str,
        stmt: impl Into<Statement>,
    ) -> Result<(), Box<dyn std::error::Error>> {
        self.run(title, &render(&stmt.into(), DialectKind::Sqlite)?)
    }
}

fn val(v: impl Into<Value>) -> InsertValue {
    InsertValue::Expr(Expr::val(v))
}

fn table(name: &str) -> Option<FromItem> {
    Some(FromItem::Table(TableRef::new(name)))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let demo = Demo {
        conn: rusqlite::Connection::open_in_memory()?,
    };
    demo.conn.execute_batch("pragma foreign_keys = on")?;
    println!(
        "mizzle demo: blog schema on an embedded in-memory SQLite {}\n",
        rusqlite::version()
    );

    let (tables, indexes) = schema();
    for t in &tables {
        demo.run(
            &format!("create table {}", t.name),
            &create_table(t, DialectKind::Sqlite, false)?,
        )?;
    }
    for i in &indexes {
        demo.run(
            &format!("create index {}", i.name),
            &create_index(i, DialectKind::Sqlite)?,
        )?;
    }

    let mut users = Insert::values(
        TableRef::new("users"),
        &["name", "email", "karma"],
        vec![
            vec![val("Ada"), val("ada@example.com"), val(10)],
            vec![
                val("Brendan"),
                val("brendan@example.com"),
                InsertValue::Default,
            ],
            vec![val("Grace"), val("grace@example.com"), val(7)],
        ],
    )
    .with_schema_defaults(&tables[0]);
    users.returning = vec![Expr::bare("id").into(), Expr::bare("name").into()];
    demo.statement("insert users ... returning", users)?;

    demo.statement(
        "insert posts (published left to its default where not given)",
        Insert::values(
            TableRef::new("posts"),
            &["author_id", "title", "published"],
            vec![
                vec![val(1), val("Notes on the Analytical Engine"), val(true)],
                vec![val(1), val("Bernoulli numbers"), val(true)],
                vec![val(3), val("Compilers"), val(true)],
                vec![val(2), val("A draft"), InsertValue::Default],
            ],
        )
        .with_schema_defaults(&tables[1]),
    )?;
    demo.statement(
        "insert comments",
        Insert::values(
            TableRef::new("comments"),
            &["post_id", "author_id", "body"],
            vec![
                vec![val(1), val(3), val("Brilliant")],
                vec![val(1), val(2), val("It's a loom for numbers")],
                vec![val(3), val(1), val("Agreed")],
            ],
        ),
    )?;

    // Join: published posts with their authors.
    let join = Query::select(Select {
        columns: vec![
            SelectItem::aliased(Expr::col("p", "title"), "title"),
            SelectItem::aliased(Expr::col("u", "name"), "author"),
        ],
        from: Some(FromItem::Table(TableRef::new("posts").alias("p"))),
        joins: vec![Join {
            kind: JoinKind::Inner,
            lateral: false,
            target: FromItem::Table(TableRef::new("users").alias("u")),
            on: Some(Expr::col("u", "id").eq(Expr::col("p", "author_id"))),
        }],
        where_: Some(
            Expr::col("p", "published")
                .eq(Expr::val(true))
                .and(Expr::col("u", "name").like(Expr::val("%a%"))),
        ),
        ..Default::default()
    })
    .order_by(vec![OrderBy::asc(Expr::col("p", "id"))]);
    demo.statement(
        "join: published posts by authors whose name contains 'a'",
        join,
    )?;

    // Aggregate: comments per post, left join keeps posts without comments.
    let per_post = Query::select(Select {
        columns: vec![
            Expr::col("posts", "title").into(),
            SelectItem::aliased(
                Expr::col("comments", "id").aggregate(AggregateFn::Count, false),
                "comments",
            ),
        ],
        from: table("posts"),
        joins: vec![Join {
            kind: JoinKind::Left,
            lateral: false,
            target: FromItem::Table(TableRef::new("comments")),
            on: Some(Expr::col("comments", "post_id").eq(Expr::col("posts", "id"))),
        }],
        group_by: vec![Expr::col("posts", "id"), Expr::col("posts", "title")],
        having: Some(
            Expr::col("comments", "id")
                .aggregate(AggregateFn::Count, false)
                .ge(Expr::val(0)),
        ),
        ..Default::default()
    })
    .order_by(vec![
        OrderBy::desc(Expr::bare("comments")),
        OrderBy::asc(Expr::col("posts", "title")),
    ]);
    demo.statement("aggregate: comments per post", per_post)?;

    // Upsert: a duplicate email adds karma instead of failing.
    let mut upsert = Insert::values(
        TableRef::new("users"),
        &["name", "email", "karma"],
        vec![vec![val("Ada L."), val("ada@example.com"), val(5)]],
    );
    upsert.on_conflict = Some(OnConflict {
        target: vec!["email".into()],
        target_where: None,
        action: OnConflictAction::DoUpdate {
            set: vec![
                Assignment::new("name", Expr::Excluded("name".into())),
                Assignment::new(
                    "karma",
                    Expr::col("users", "karma") + Expr::Excluded("karma".into()),
                ),
            ],
            where_: None,
        },
    });
    upsert.returning = vec![
        Expr::bare("id").into(),
        Expr::bare("name").into(),
        Expr::bare("karma").into(),
    ];
    demo.statement(
        "upsert: on conflict (email) do update ... returning",
        upsert,
    )?;

    // Update with RETURNING.
    let mut publish = Update::new(
        TableRef::new("posts"),
        vec![Assignment::new("published", Expr::val(true))],
    );
    publish.where_ = Some(Expr::col("posts", "published").eq(Expr::val(false)));
    publish.returning = vec![Expr::bare("id").into(), Expr::bare("title").into()];
    demo.statement("update ... returning", publish)?;

    // CTE: authors ranked by the number of posts they wrote.
    let counts = Query::select(Select {
        columns: vec![
            Expr::col("posts", "author_id").into(),
            SelectItem::aliased(Expr::count_star(), "n"),
        ],
        from: table("posts"),
        group_by: vec![Expr::col("posts", "author_id")],
        ..Default::default()
    });
    let mut with_cte = Query::select(Select {
        columns: vec![
            Expr::col("users", "name").into(),
            Expr::col("post_counts", "n").into(),
        ],
        from: table("post_counts"),
        joins: vec![Join {
            kind: JoinKind::Inner,
            lateral: false,
            target: FromItem::Table(TableRef::new("users")),
            on: Some(Expr::col("users", "id").eq(Expr::col("post_counts", "author_id"))),
        }],
        ..Default::default()
    })
    .order_by(vec![
        OrderBy::desc(Expr::col("post_counts", "n")),
        OrderBy::asc(Expr::col("users", "name")),
    ]);
    with_cte.with = Some(With {
        recursive: false,
        ctes: vec![Cte::query("post_counts", counts)],
    });
    demo.statement("CTE: posts per author", with_cte)?;

    // Subquery: users who commented on someone else's post, and an empty IN list.
    let commenters = Query::select(Select {
        columns: vec![Expr::col("users", "name").into()],
        from: table("users"),
        where_: Some(Expr::col("users", "id").in_list(vec![]).or(Expr::Exists {
            query: Box::new(Query::select(Select {
                columns: vec![Expr::val(1).into()],
                from: table("comments"),
                where_: Some(Expr::col("comments", "author_id").eq(Expr::col("users", "id"))),
                ..Default::default()
            })),
            negated: false,
        })),
        ..Default::default()
    })
    .order_by(vec![OrderBy::asc(Expr::col("users", "name"))]);
    demo.statement(
        "subquery: users with at least one comment (EXISTS, empty IN list is false)",
        commenters,
    )?;

    // Delete cascades through the foreign keys.
    let mut delete = Delete::new(TableRef::new("users"))
        .filter(Expr::col("users", "email").eq(Expr::val("grace@example.com")));
    delete.returning = vec![Expr::bare("name").into()];
    demo.statement("delete ... returning (posts and comments cascade)", delete)?;
    demo.statement(
        "remaining posts",
        Query::select(Select {
            columns: vec![Expr::bare("title").into()],
            from: table("posts"),
            ..Default::default()
        })
        .order_by(vec![OrderBy::asc(Expr::bare("id"))]),
    )?;

    println!("The same AST renders for every dialect, e.g. an ILIKE with an OFFSET and no LIMIT:");
    for d in [DialectKind::Postgres, DialectKind::MySql] {
        let q = Query::select(Select {
            columns: vec![Expr::col("users", "name").into()],
            from: table("users"),
            where_: Some(Expr::col("users", "name").ilike(Expr::val("ada%"))),
            ..Default::default()
        })
        .offset(1);
        println!("   {:<10} {}", d.name(), render(&q.into(), d)?.sql);
    }
    Ok(())
}
