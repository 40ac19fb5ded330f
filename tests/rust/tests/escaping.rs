//! Literal escaping under every server mode (issue 14, item 10).
//!
//! Values the engine writes as SQL text (PlanetScale's `interpolate`,
//! `render_inline`, DDL defaults, enum values) must read back byte for byte
//! whatever mode the session is in:
//!
//! - MariaDB: `sql_mode` default, `NO_BACKSLASH_ESCAPES`, `ANSI_QUOTES` and
//!   both, over the text protocol with multi-statements on (as an injected
//!   `; drop table` would run), the connection in utf8mb4;
//! - PostgreSQL: `standard_conforming_strings` off and on.
//!
//! Each hostile value goes through every path that writes literals, is run
//! under each mode, and is compared with what the server returns; a sentinel
//! table must survive. Run with `--nocapture` to see the matrix.

use mizzle_core::ast::{Expr, Query, Select, SelectItem, TableRef};
use mizzle_core::render::{create_table, create_type, create_view, interpolate, Literal};
use mizzle_core::schema::{Check, Column, EnumType, SqlType, Table, View};
use mizzle_core::{render_inline, DialectKind, Value};
use mizzle_tests::db::namespace;
use mysql::prelude::Queryable;

/// The hostile corpus: (class, value).
fn corpus() -> Vec<(&'static str, String)> {
    [
        ("plain", "hello"),
        ("empty", ""),
        ("quote", "it's ''"),
        ("dquote", "say \"hi\" \"\""),
        ("backtick", "`x` ``"),
        ("backslash", "a\\b \\\\ \\n \\0 \\Z \\%"),
        ("trailing-bs", "trail\\"),
        ("bs-quote", "\\'; drop table sentinel; -- "),
        ("bs-dquote", "\\\"; drop table sentinel; -- "),
        ("inject-quote", "'; drop table sentinel; --"),
        ("inject-dquote", "\"; drop table sentinel; --"),
        ("inject-bs-end", "x\\' , (select 1)) -- "),
        ("nul", "a\0b\0"),
        ("controls", "\n\r\t\x08\x1a\x7f"),
        ("multibyte", "é 表 😀 ü"),
        ("mb-then-bs", "縗\\'表\\"),
        ("comments", "-- a /* b */ # c */ /*! 1 */"),
        ("like-chars", "%_ \\% \\_"),
        ("dollar", "$$ $a$ $1 ? :x"),
        ("json-escapes", "{\"a\":\"x\\\"y\\\\z\\n\\u00e9\"}"),
    ]
    .into_iter()
    .map(|(c, v)| (c, v.to_string()))
    .collect()
}

/// The blob corpus: every byte.
fn blob() -> Vec<u8> {
    (0..=255u8).collect()
}

/// One cell of the matrix.
struct Matrix {
    columns: Vec<String>,
    rows: Vec<(String, Vec<String>)>,
    failures: Vec<String>,
}

impl Matrix {
    fn new() -> Self {
        Matrix {
            columns: Vec::new(),
            rows: Vec::new(),
            failures: Vec::new(),
        }
    }

    fn record(&mut self, row: &str, column: &str, outcome: Result<(), String>) {
        let ci = match self.columns.iter().position(|c| c == column) {
            Some(i) => i,
            None => {
                self.columns.push(column.to_string());
                self.columns.len() - 1
            }
        };
        let ri = match self.rows.iter().position(|(r, _)| r == row) {
            Some(i) => i,
            None => {
                self.rows.push((row.to_string(), Vec::new()));
                self.rows.len() - 1
            }
        };
        let cells = &mut self.rows[ri].1;
        if cells.len() <= ci {
            cells.resize(ci + 1, String::from("-"));
        }
        cells[ci] = match outcome {
            Ok(()) => "ok".into(),
            Err(e) => {
                self.failures.push(format!("{row} / {column}: {e}"));
                "FAIL".into()
            }
        };
    }

    fn print(&self, title: &str) {
        println!("\n{title}");
        let w0 = self.rows.iter().map(|(r, _)| r.len()).max().unwrap_or(0);
        print!("{:w0$}", "");
        for c in &self.columns {
            print!(" | {c}");
        }
        println!();
        for (r, cells) in &self.rows {
            print!("{r:w0$}");
            for (i, c) in self.columns.iter().enumerate() {
                let cell = cells.get(i).map_or("-", String::as_str);
                print!(" | {cell:^w$}", w = c.len());
            }
            println!();
        }
    }
}

fn same(got: Option<Vec<u8>>, want: &[u8]) -> Result<(), String> {
    match got {
        Some(g) if g == want => Ok(()),
        Some(g) => Err(format!(
            "read back {:?}, want {:?}",
            String::from_utf8_lossy(&g),
            String::from_utf8_lossy(want)
        )),
        None => Err("read back NULL / no row".into()),
    }
}

/// The first failure, the sentinel's first: an injection is the worse finding.
fn both(outcome: Result<(), String>, sentinel: Result<(), String>) -> Result<(), String> {
    sentinel.and(outcome)
}

/// A table `name` whose column `v` (of `ty`) defaults to `v`, and must equal it.
fn ddl_table(name: &str, ty: SqlType, v: &Value, check: bool) -> Table {
    let mut t = Table::new(name)
        .column(Column::new("id", SqlType::Integer))
        .column(Column::new("v", ty).default_value(v.clone()));
    if check {
        t.checks.push(Check {
            name: format!("{name}_ck"),
            expr: Expr::bare("v").eq(Expr::Value(v.clone())),
        });
    }
    t
}

/// A view `name` selecting `v` as `c`.
fn ddl_view(name: &str, v: &Value) -> View {
    View {
        name: TableRef::new(name),
        query: Box::new(Query::select(Select {
            columns: vec![SelectItem::aliased(Expr::Value(v.clone()), "c")],
            ..Default::default()
        })),
        materialized: false,
    }
}

fn select_inline(v: Value) -> mizzle_core::ast::Statement {
    Query::select(Select {
        columns: vec![Expr::Value(v).into()],
        ..Default::default()
    })
    .into()
}

// ---------------------------------------------------------------- MariaDB

const MY_MODES: [(&str, &str); 4] = [
    ("default", "default"),
    ("NBE", "'NO_BACKSLASH_ESCAPES'"),
    ("ANSI_Q", "'ANSI_QUOTES'"),
    ("NBE+ANSI_Q", "'NO_BACKSLASH_ESCAPES,ANSI_QUOTES'"),
];

struct My {
    conn: mysql::Conn,
    database: String,
}

impl My {
    fn open() -> My {
        let url = std::env::var("MIZZLE_MYSQL_URL")
            .unwrap_or_else(|_| "mysql://root@127.0.0.1:3306/test".into());
        let opts = mysql::Opts::from_url(&url).expect("MySQL url");
        let mut conn = mysql::Conn::new(opts).expect("MariaDB");
        let database = namespace("escaping");
        conn.query_drop(format!(
            "set names utf8mb4; drop database if exists `{database}`; \
             create database `{database}` character set utf8mb4 collate utf8mb4_bin; use `{database}`; \
             create table sentinel (id int); insert into sentinel values (1)"
        ))
        .expect("setup");
        My { conn, database }
    }

    /// The first column of the first row of `sql` (text protocol, as PlanetScale).
    fn one(&mut self, sql: &str) -> Result<Option<Vec<u8>>, String> {
        let mut result = self.conn.query_iter(sql).map_err(|e| e.to_string())?;
        let mut first = None;
        while let Some(set) = result.iter() {
            for row in set {
                let row = row.map_err(|e| e.to_string())?;
                if first.is_none() {
                    first = Some(match row.as_ref(0) {
                        Some(mysql::Value::Bytes(b)) => Some(b.clone()),
                        Some(mysql::Value::NULL) | None => None,
                        Some(other) => Some(other.as_sql(true).into_bytes()),
                    });
                }
            }
        }
        Ok(first.flatten())
    }

    fn run(&mut self, sql: &str) -> Result<(), String> {
        self.conn.query_drop(sql).map_err(|e| e.to_string())
    }

    fn sentinel(&mut self) -> Result<(), String> {
        let saved = self.one("select @@session.sql_mode")?;
        self.run("set session sql_mode = default")?;
        let n = self.one("select count(*) from sentinel");
        let verdict = match n {
            Ok(Some(n)) if n == b"1" => Ok(()),
            other => {
                // Restored so the next cells are judged on their own.
                self.run(
                    "drop table if exists sentinel; create table sentinel (id int); \
                     insert into sentinel values (1)",
                )?;
                Err(format!("INJECTED: sentinel table damaged: {other:?}"))
            }
        };
        let saved = String::from_utf8(saved.unwrap_or_default()).unwrap_or_default();
        self.run(&format!("set session sql_mode = '{saved}'"))?;
        verdict
    }
}

impl Drop for My {
    fn drop(&mut self) {
        let _ = self
            .conn
            .query_drop(format!("drop database if exists `{}`", self.database));
    }
}

fn my_interpolate(sql: &str, v: &Value) -> Result<String, String> {
    let offsets: Vec<usize> = sql.match_indices('?').map(|(i, _)| i).collect();
    let values: Vec<Literal<'_>> = offsets.iter().map(|_| Literal::Value(v)).collect();
    interpolate(sql, &offsets, &values, DialectKind::MySql).map_err(|e| e.to_string())
}

/// Every MySQL literal path for one value under the current mode.
fn my_paths(
    db: &mut My,
    i: usize,
    v: &Value,
    want: &[u8],
) -> Vec<(&'static str, Result<(), String>)> {
    let mut out = Vec::new();
    let is_text = matches!(v, Value::Text(_));
    // interpolate: `select ?`
    out.push((
        "interp-select",
        my_interpolate("select ?", v).and_then(|sql| same(db.one(&sql)?, want)),
    ));
    // render_inline (the writer's inline mode)
    out.push((
        "inline-select",
        render_inline(&select_inline(v.clone()), DialectKind::MySql)
            .map_err(|e| e.to_string())
            .and_then(|sql| same(db.one(&sql)?, want)),
    ));
    // interpolate: insert, then find it again by the same literal
    out.push(("interp-insert", {
        let ty = if is_text { "text" } else { "blob" };
        (|| {
            db.run(&format!(
                "drop table if exists rt; create table rt (id int, v {ty})"
            ))?;
            let ins = my_interpolate("insert into rt (id, v) values (1, ?)", v)?;
            db.run(&ins)?;
            let sel = my_interpolate("select v from rt where v = ?", v)?;
            same(db.one(&sel)?, want)
        })()
    }));
    if is_text {
        // DDL: a column default (a constant on varchar, a stored expression
        // on text), a check constraint (stored and printed back), a view.
        for (path, ty, check) in [
            ("ddl-default", SqlType::Varchar(Some(200)), false),
            ("ddl-text-default", SqlType::Text, false),
            ("ddl-check", SqlType::Varchar(Some(200)), true),
        ] {
            out.push((path, {
                (|| {
                    let name = format!("{path}{i}");
                    let t = ddl_table(&name, ty, v, check);
                    let ddl =
                        create_table(&t, DialectKind::MySql, false).map_err(|e| e.to_string())?;
                    db.run(&format!("drop table if exists `{name}`"))?;
                    db.run(&ddl.sql)?;
                    db.run(&format!("insert into `{name}` (id) values (1)"))?;
                    same(db.one(&format!("select v from `{name}`"))?, want)
                })()
            }));
        }
        out.push(("ddl-view", {
            (|| {
                let name = format!("view{i}");
                let ddl = create_view(&ddl_view(&name, v), DialectKind::MySql)
                    .map_err(|e| e.to_string())?;
                db.run(&format!("drop view if exists `{name}`"))?;
                db.run(&ddl.sql)?;
                same(db.one(&format!("select c from `{name}`"))?, want)
            })()
        }));
        out.push(("ddl-enum", {
            (|| {
                let Value::Text(s) = v else { unreachable!() };
                let name = format!("e{i}");
                let t = Table::new(&name)
                    .column(Column::new("id", SqlType::Integer))
                    .column(
                        Column::new("v", SqlType::InlineEnum(vec![s.clone()]))
                            .default_value(v.clone()),
                    );
                let ddl = create_table(&t, DialectKind::MySql, false).map_err(|e| e.to_string())?;
                db.run(&format!("drop table if exists `{name}`"))?;
                db.run(&ddl.sql)?;
                db.run(&format!("insert into `{name}` (id) values (1)"))?;
                // MariaDB strips trailing spaces from enum values.
                let trimmed = want.trim_ascii_end();
                same(db.one(&format!("select v from `{name}`"))?, trimmed)
            })()
        }));
    }
    out
}

#[test]
fn mariadb_literals_in_every_sql_mode() {
    let mut db = My::open();
    let mut m = Matrix::new();
    let mut values: Vec<(String, Value, Vec<u8>)> = corpus()
        .into_iter()
        .map(|(c, s)| (c.to_string(), Value::Text(s.clone()), s.into_bytes()))
        .collect();
    values.push(("blob-all-bytes".into(), Value::Blob(blob()), blob()));
    for (mode, set) in MY_MODES {
        db.run(&format!("set session sql_mode = {set}"))
            .expect("sql_mode");
        for (i, (class, v, want)) in values.iter().enumerate() {
            for (path, outcome) in my_paths(&mut db, i, v, want) {
                let outcome = both(outcome, db.sentinel());
                m.record(class, &format!("{mode}:{path}"), outcome);
            }
        }
    }
    m.print("MariaDB: sql_mode x path, per value class");
    assert!(
        m.failures.is_empty(),
        "{} failures:\n{}",
        m.failures.len(),
        m.failures.join("\n")
    );
}

// ---------------------------------------------------------------- PostgreSQL

struct Pg {
    client: postgres::Client,
    schema: String,
}

impl Pg {
    fn open() -> Pg {
        let url = std::env::var("MIZZLE_PG_URL")
            .unwrap_or_else(|_| "host=127.0.0.1 port=5432 user=postgres dbname=test".into());
        let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("PostgreSQL");
        let schema = namespace("escaping");
        client
            .batch_execute(&format!(
                "drop schema if exists \"{schema}\" cascade; create schema \"{schema}\"; \
                 set search_path to \"{schema}\"; create table sentinel (id int); insert into sentinel values (1)"
            ))
            .expect("setup");
        Pg { client, schema }
    }

    /// The first column of the first row, through the simple (text) protocol.
    fn one(&mut self, sql: &str) -> Result<Option<Vec<u8>>, String> {
        let msgs = self.client.simple_query(sql).map_err(|e| e.to_string())?;
        for m in msgs {
            if let postgres::SimpleQueryMessage::Row(r) = m {
                return Ok(r.get(0).map(|s| s.as_bytes().to_vec()));
            }
        }
        Ok(None)
    }

    fn run(&mut self, sql: &str) -> Result<(), String> {
        self.client.batch_execute(sql).map_err(|e| e.to_string())
    }

    fn sentinel(&mut self) -> Result<(), String> {
        match self.one("select count(*) from sentinel") {
            Ok(Some(n)) if n == b"1" => Ok(()),
            other => Err(format!("sentinel table damaged: {other:?}")),
        }
    }
}

impl Drop for Pg {
    fn drop(&mut self) {
        let _ = self.client.batch_execute(&format!(
            "drop schema if exists \"{}\" cascade",
            self.schema
        ));
    }
}

fn pg_paths(
    db: &mut Pg,
    i: usize,
    v: &Value,
    want: &[u8],
) -> Vec<(&'static str, Result<(), String>)> {
    let mut out = Vec::new();
    let Value::Text(s) = v else {
        // Blobs: hex out, so the comparison is on bytes.
        let want_hex: String = want.iter().map(|b| format!("{b:02x}")).collect();
        let check = |sql: Result<String, String>, db: &mut Pg| {
            sql.and_then(|sql| {
                same(
                    db.one(&format!("select encode(({sql}), 'hex')"))?,
                    want_hex.as_bytes(),
                )
            })
        };
        let inline = render_inline(&select_inline(v.clone()), DialectKind::Postgres)
            .map_err(|e| e.to_string());
        out.push(("inline-select", check(inline, db)));
        let interp = interpolate(
            "select $1",
            &[7],
            &[Literal::Value(v)],
            DialectKind::Postgres,
        )
        .map_err(|e| e.to_string());
        out.push(("interp-select", check(interp, db)));
        return out;
    };
    if s.contains('\0') {
        // PostgreSQL text cannot hold NUL: the engine refuses it everywhere.
        let refused = render_inline(&select_inline(v.clone()), DialectKind::Postgres).is_err();
        out.push((
            "nul-refused",
            if refused {
                Ok(())
            } else {
                Err("NUL written".into())
            },
        ));
        return out;
    }
    out.push((
        "inline-select",
        render_inline(&select_inline(v.clone()), DialectKind::Postgres)
            .map_err(|e| e.to_string())
            .and_then(|sql| same(db.one(&sql)?, want)),
    ));
    out.push((
        "interp-select",
        interpolate(
            "select $1",
            &[7],
            &[Literal::Value(v)],
            DialectKind::Postgres,
        )
        .map_err(|e| e.to_string())
        .and_then(|sql| same(db.one(&sql)?, want)),
    ));
    for (path, check) in [("ddl-default", false), ("ddl-check", true)] {
        out.push((path, {
            (|| {
                let name = format!("{path}{i}");
                let t = ddl_table(&name, SqlType::Text, v, check);
                let ddl =
                    create_table(&t, DialectKind::Postgres, false).map_err(|e| e.to_string())?;
                db.run(&format!("drop table if exists \"{name}\""))?;
                db.run(&ddl.sql)?;
                db.run(&format!("insert into \"{name}\" (id) values (1)"))?;
                same(db.one(&format!("select v from \"{name}\""))?, want)
            })()
        }));
    }
    out.push(("ddl-view", {
        (|| {
            let name = format!("view{i}");
            let ddl = create_view(&ddl_view(&name, v), DialectKind::Postgres)
                .map_err(|e| e.to_string())?;
            db.run(&format!("drop view if exists \"{name}\""))?;
            db.run(&ddl.sql)?;
            same(db.one(&format!("select c from \"{name}\""))?, want)
        })()
    }));
    out.push(("ddl-enum", {
        (|| {
            let name = format!("ty{i}");
            let e = EnumType {
                schema: None,
                name: name.clone(),
                values: vec![s.clone()],
            };
            let ddl = create_type(&e, DialectKind::Postgres).map_err(|e| e.to_string())?;
            db.run(&format!("drop type if exists \"{name}\""))?;
            db.run(&ddl.sql)?;
            same(
                db.one(&format!("select (enum_range(null::\"{name}\"))[1]::text"))?,
                want,
            )
        })()
    }));
    out
}

#[test]
fn postgres_literals_with_standard_conforming_strings_off_and_on() {
    let mut db = Pg::open();
    let mut m = Matrix::new();
    let mut values: Vec<(String, Value, Vec<u8>)> = corpus()
        .into_iter()
        .map(|(c, s)| (c.to_string(), Value::Text(s.clone()), s.into_bytes()))
        .collect();
    values.push(("blob-all-bytes".into(), Value::Blob(blob()), blob()));
    for scs in ["off", "on"] {
        db.run(&format!("set standard_conforming_strings = {scs}"))
            .expect("standard_conforming_strings");
        for (i, (class, v, want)) in values.iter().enumerate() {
            for (path, outcome) in pg_paths(&mut db, i, v, want) {
                let outcome = both(outcome, db.sentinel());
                m.record(class, &format!("scs={scs}:{path}"), outcome);
            }
        }
    }
    m.print("PostgreSQL: standard_conforming_strings x path, per value class");
    assert!(
        m.failures.is_empty(),
        "{} failures:\n{}",
        m.failures.len(),
        m.failures.join("\n")
    );
}
