//! The core's HTTP protocol codecs (`mizzle_core::protocol`) driven from Rust
//! with a blocking HTTP client (`mizzle_tests::http_post` on `ureq`, standing
//! for "any fetch function"), against the same local stand-ins the JS drivers and
//! the official clients are tested with (`tests/standins/serve.mjs`), which
//! sit in front of the real PostgreSQL and MariaDB.
//!
//! - Neon: statements from the core AST rendered for PostgreSQL, sent as
//!   `neon::query_body` / `batch_body`, parsed and decoded; every type family
//!   round-trips to a concrete cell; a failing batch leaves nothing written;
//!   database errors and injected HTTP faults are typed errors.
//! - PlanetScale: statements rendered with `?` placeholders for MySQL and the
//!   values spliced in by `render::interpolate` (the one escaping routine);
//!   hostile strings and bytes come back byte for byte; the session carries
//!   `BEGIN .. ROLLBACK` / `COMMIT`; errors and faults are typed.
//!
//! Needs `node` (or `MIZZLE_NODE`) and `tests/standins/node_modules`
//! (`./x setup`); the servers as for the other suites (`MIZZLE_PG_URL`,
//! `MIZZLE_MYSQL_URL`). Run with `--nocapture` to see the check counts.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use mizzle_core::ast::{
    Expr, FromItem, Insert, InsertValue, OrderBy, Query, Select, SelectItem, Statement, TableRef,
};
use mizzle_core::protocol::neon::{self, BatchOptions, IsolationLevel, QueryResult};
use mizzle_core::protocol::planetscale::{self as ps, ExecuteResult};
use mizzle_core::protocol::serde_json::{self, Value as Json};
use mizzle_core::protocol::{Cell, ProtocolError, TemporalKind};
use mizzle_core::render::{create_table, drop_table, interpolate, Literal, SqlWriter, ToSql};
use mizzle_core::schema::{Column, SqlType, Table};
use mizzle_core::{render, render_inline, DialectKind, Value};
use mizzle_tests::http_post::{self, HttpError, Response};

/// Per connect / read / write.
const TIMEOUT: Duration = Duration::from_secs(10);
/// For `serve.mjs` to print its URLs.
const STARTUP: Duration = Duration::from_secs(15);

// ---------------------------------------------------------------------------
// The stand-in process

/// `node tests/standins/serve.mjs`, ended on drop (stdin closed, then killed
/// if it lingers), also when a test fails.
struct Standins {
    child: Child,
    stdin: Option<ChildStdin>,
    neon: String,
    planetscale: String,
}

fn workspace_root() -> PathBuf {
    // tests/rust/ -> the workspace root.
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("tests/rust/ has two parents")
        .to_path_buf()
}

impl Standins {
    fn start() -> Standins {
        let dir = workspace_root().join("tests/standins");
        let node = std::env::var("MIZZLE_NODE").unwrap_or_else(|_| "node".into());
        match Command::new(&node).arg("--version").output() {
            Ok(o) if o.status.success() => {}
            Ok(o) => panic!(
                "`{node} --version` failed ({}): the protocol stand-in tests need Node.js >= 20 \
                 (set MIZZLE_NODE to its path)",
                o.status
            ),
            Err(e) => panic!(
                "cannot run `{node}` ({e}): the protocol stand-in tests need Node.js >= 20 on PATH \
                 (or MIZZLE_NODE set to its path)"
            ),
        }
        for dep in ["pg", "mysql2"] {
            let p = dir.join("node_modules").join(dep);
            assert!(
                p.is_dir(),
                "{} is missing: run `./x setup` (or `npm install` in {})",
                p.display(),
                dir.display()
            );
        }

        let mut child = Command::new(&node)
            .arg("serve.mjs")
            .current_dir(&dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot spawn `{node} serve.mjs`: {e}"));
        let stdin = child.stdin.take();
        let stdout = child.stdout.take().expect("piped stdout");
        let mut stderr = child.stderr.take().expect("piped stderr");
        let errors = Arc::new(Mutex::new(String::new()));
        {
            let errors = Arc::clone(&errors);
            thread::spawn(move || {
                let mut buf = [0u8; 4096];
                while let Ok(n) = stderr.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    errors
                        .lock()
                        .unwrap()
                        .push_str(&String::from_utf8_lossy(&buf[..n]));
                }
            });
        }
        let (tx, rx) = mpsc::channel();
        thread::spawn(move || {
            let mut line = String::new();
            let r = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(r.map(|_| line));
        });
        let mut guard = Standins {
            child,
            stdin,
            neon: String::new(),
            planetscale: String::new(),
        };
        let line = match rx.recv_timeout(STARTUP) {
            Ok(Ok(l)) if !l.trim().is_empty() => l,
            other => {
                drop(guard); // ends the process, so its stderr is complete
                thread::sleep(Duration::from_millis(100));
                panic!(
                    "`node tests/standins/serve.mjs` printed no URLs within {STARTUP:?} ({other:?}); \
                     are PostgreSQL (127.0.0.1:5432) and MariaDB (127.0.0.1:3306) up? stderr:\n{}",
                    errors.lock().unwrap()
                );
            }
        };
        let urls: Json = serde_json::from_str(line.trim()).expect("serve.mjs prints one JSON line");
        let get = |k: &str| {
            urls.get(k)
                .and_then(Json::as_str)
                .unwrap_or_else(|| panic!("no {k:?} in {line}"))
                .to_string()
        };
        guard.neon = get("neon");
        guard.planetscale = get("planetscale");
        guard
    }
}

impl Drop for Standins {
    fn drop(&mut self) {
        // Closing stdin is serve.mjs's signal to shut down cleanly.
        drop(self.stdin.take());
        let deadline = Instant::now() + Duration::from_secs(3);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A name no other run uses: `proto_<tag>_<pid>_<time>`.
fn unique_name(tag: &str) -> String {
    let t = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("proto_{tag}_{}_{}", std::process::id(), t % 1_000_000_000)
}

/// Queues an injected fault for the next request of the stand-in at `url`.
fn inject(url: &str, kind: &str) {
    let origin = http_post::Url::parse(url).unwrap().origin;
    let body = format!(r#"{{"kind":"{kind}","times":1}}"#);
    let r = http_post::post(
        &format!("{origin}/_standin/fault"),
        &[("Content-Type", "application/json".into())],
        body.as_bytes(),
        TIMEOUT,
    )
    .expect("fault endpoint");
    assert_eq!(r.status, 200, "fault {kind}: {:?}", r.text());
}

/// What a request can end in: the client's error or the codec's.
#[derive(Debug)]
enum Fail {
    Http(HttpError),
    Protocol(ProtocolError),
}

impl From<HttpError> for Fail {
    fn from(e: HttpError) -> Self {
        Fail::Http(e)
    }
}
impl From<ProtocolError> for Fail {
    fn from(e: ProtocolError) -> Self {
        Fail::Protocol(e)
    }
}

fn body_text(r: &Response) -> &str {
    r.text().expect("responses are UTF-8")
}

/// Counts the checks a test makes, printed at its end.
#[derive(Default)]
struct Checks(usize);
impl Checks {
    fn eq<T: PartialEq + std::fmt::Debug>(&mut self, got: T, want: T, what: &str) {
        assert_eq!(got, want, "{what}");
        self.0 += 1;
    }
    fn ok(&mut self, cond: bool, what: &str) {
        assert!(cond, "{what}");
        self.0 += 1;
    }
}

// ---------------------------------------------------------------------------
// Neon

struct Neon {
    url: String,
    conn: String,
}

impl Neon {
    fn new(url: &str) -> Neon {
        // The stand-in uses the user and database of the connection string.
        let conn = std::env::var("MIZZLE_PG_URL")
            .unwrap_or_else(|_| "postgresql://postgres@127.0.0.1:5432/test".into());
        Neon {
            url: url.into(),
            conn,
        }
    }

    fn send(&self, headers: &[neon::Header], body: &str) -> Result<Response, HttpError> {
        http_post::post(&self.url, headers, body.as_bytes(), TIMEOUT)
    }

    fn query(&self, sql: &str, params: &[Value]) -> Result<QueryResult, Fail> {
        let headers = neon::headers(&self.conn, None)?;
        let r = self.send(&headers, &neon::query_body(sql, params))?;
        Ok(neon::parse_response(r.status, body_text(&r))?)
    }

    /// Renders `stmt` for PostgreSQL and runs it with its bound values.
    fn run(&self, stmt: &Statement) -> Result<QueryResult, Fail> {
        let r = render(stmt, DialectKind::Postgres).expect("renders");
        self.query(&r.sql, &r.values().expect("no named placeholders"))
    }

    fn run_ok(&self, stmt: &Statement) -> QueryResult {
        self.run(stmt)
            .unwrap_or_else(|e| panic!("{stmt:?} failed: {e:?}"))
    }

    fn batch(
        &self,
        stmts: &[Statement],
        options: &BatchOptions,
    ) -> (Response, Result<Vec<QueryResult>, ProtocolError>) {
        let rendered: Vec<_> = stmts
            .iter()
            .map(|s| {
                let r = render(s, DialectKind::Postgres).unwrap();
                let v = r.values().unwrap();
                (r.sql, v)
            })
            .collect();
        let queries: Vec<(&str, &[Value])> = rendered
            .iter()
            .map(|(s, v)| (s.as_str(), v.as_slice()))
            .collect();
        let headers = neon::batch_headers(&self.conn, None, options).unwrap();
        let r = self
            .send(&headers, &neon::batch_body(&queries))
            .expect("batch request");
        let parsed = neon::parse_batch_response(r.status, body_text(&r));
        (r, parsed)
    }

    /// `select count(*) from table`.
    fn count(&self, table: &str) -> i64 {
        let rows = self.run_ok(&count_star(table)).decode_rows().unwrap();
        match rows.as_slice() {
            [row] => match row.as_slice() {
                [Cell::Int(n)] => *n,
                other => panic!("count: {other:?}"),
            },
            other => panic!("count: {other:?}"),
        }
    }
}

/// Drops the tables it names when dropped (also after a failed assertion).
struct DropTables<F: Fn(&str)> {
    names: Vec<String>,
    drop_one: F,
}
impl<F: Fn(&str)> Drop for DropTables<F> {
    fn drop(&mut self) {
        for n in &self.names {
            (self.drop_one)(n);
        }
    }
}

fn count_star(table: &str) -> Statement {
    Query::select(Select {
        columns: vec![Expr::count_star().into()],
        from: Some(FromItem::Table(TableRef::new(table))),
        ..Default::default()
    })
    .into()
}

fn select_all_by_id(table: &str) -> Statement {
    let mut q = Query::select(Select {
        columns: vec![SelectItem::Star(None)],
        from: Some(FromItem::Table(TableRef::new(table))),
        ..Default::default()
    });
    q.order_by = vec![OrderBy::asc(Expr::col(table, "id"))];
    q.into()
}

fn insert_row(table: &str, columns: &[&str], values: Vec<Value>) -> Statement {
    Insert::values(
        TableRef::new(table),
        columns,
        vec![values
            .into_iter()
            .map(|v| InsertValue::Expr(Expr::Value(v)))
            .collect()],
    )
    .into()
}

fn ddl_sql(table: &Table, dialect: DialectKind) -> String {
    let r = create_table(table, dialect, false).expect("DDL renders");
    assert!(r.params.is_empty(), "DDL has no parameters");
    r.sql
}

fn text(s: &str) -> Cell {
    Cell::Text(s.into())
}
fn temporal(kind: TemporalKind, s: &str) -> Cell {
    Cell::Temporal(kind, s.into())
}
fn json(s: &str) -> Cell {
    Cell::Json(serde_json::from_str(s).unwrap())
}

/// Text that PostgreSQL stores (no NUL) and that breaks naive quoting.
const PG_HOSTILE: &str =
    "it's \"q\" \\ back\\\\slash\nline\ttab\r '; drop table x; -- %_ é 日本 🎉 \u{2028}\u{1a}$1 ?";

#[test]
fn neon_types_round_trip() {
    let standins = Standins::start();
    let db = Neon::new(&standins.neon);
    let mut c = Checks::default();
    let t = unique_name("neon_types");
    let _cleanup = DropTables {
        names: vec![t.clone()],
        drop_one: |n: &str| {
            let sql = drop_table(&TableRef::new(n), DialectKind::Postgres, true).unwrap();
            let _ = db.query(&sql.sql, &[]);
        },
    };

    let ts = |tz| SqlType::Timestamp {
        precision: None,
        with_time_zone: tz,
    };
    let table = Table::new(&t)
        .column(Column::new("id", SqlType::Integer).primary_key())
        .column(Column::new("i2", SqlType::SmallInt))
        .column(Column::new("i4", SqlType::Integer))
        .column(Column::new("i8", SqlType::BigInt))
        .column(Column::new("f4", SqlType::Real))
        .column(Column::new("f8", SqlType::Double))
        .column(Column::new(
            "num",
            SqlType::Numeric {
                precision: Some(30),
                scale: Some(10),
            },
        ))
        .column(Column::new("b", SqlType::Boolean))
        .column(Column::new("t", SqlType::Text))
        .column(Column::new("j", SqlType::Json))
        .column(Column::new("jb", SqlType::Jsonb))
        .column(Column::new("by", SqlType::Blob))
        .column(Column::new("ts", ts(false)))
        .column(Column::new("tstz", ts(true)))
        .column(Column::new("d", SqlType::Date))
        .column(Column::new(
            "tm",
            SqlType::Time {
                precision: None,
                with_time_zone: false,
            },
        ))
        .column(Column::new("iv", SqlType::Interval))
        .column(Column::new(
            "ai",
            SqlType::Array(Box::new(SqlType::Integer)),
        ))
        .column(Column::new("at", SqlType::Array(Box::new(SqlType::Text))))
        .column(Column::new("u", SqlType::Uuid));
    let created = db
        .query(&ddl_sql(&table, DialectKind::Postgres), &[])
        .unwrap();
    c.eq(
        (created.command.as_str(), created.row_count),
        ("CREATE", None),
        "DDL result",
    );

    let columns: Vec<&str> = table.columns.iter().map(|c| c.name.as_str()).collect();
    let bytes: Vec<u8> = (0..=255u8).rev().collect();
    let full = vec![
        Value::Int(1),
        Value::Int(-32768),
        Value::Int(2147483647),
        Value::Int(i64::MAX),
        Value::Float(1.5),
        Value::Float(f64::NAN),
        Value::Text("12345678901234567890.0123456789".into()),
        Value::Bool(true),
        Value::Text(PG_HOSTILE.into()),
        Value::Text(r#"{"b": [1, 2.50], "a": "x\"y"}"#.into()),
        Value::Text(r#"{"b": [1, 2.50], "a": "x\"y", "ü": null}"#.into()),
        Value::Blob(bytes.clone()),
        Value::Text("2024-02-29 13:14:15.123456".into()),
        Value::Text("2024-02-29 13:14:15.5+02".into()),
        Value::Text("2024-02-29".into()),
        Value::Text("23:59:59.999999".into()),
        Value::Text("1 year 2 mons 3 days 04:05:06".into()),
        Value::Text("{1,NULL,-3}".into()),
        Value::Text(r#"{"a,b","NULL",NULL,"q\"x","back\\slash","é 🎉","",'}"#.into()),
        Value::Text("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11".into()),
    ];
    let mut nulls = vec![Value::Null; full.len()];
    nulls[0] = Value::Int(2);
    for row in [full, nulls] {
        let r = db.run_ok(&insert_row(&t, &columns, row));
        c.eq(
            (r.command.as_str(), r.row_count),
            ("INSERT", Some(1)),
            "insert",
        );
    }

    let result = db.run_ok(&select_all_by_id(&t));
    c.eq(result.row_count, Some(2), "rowCount");
    let oids: Vec<u32> = result.fields.iter().map(|f| f.type_oid).collect();
    c.eq(
        oids,
        vec![
            23, 21, 23, 20, 700, 701, 1700, 16, 25, 114, 3802, 17, 1114, 1184, 1082, 1083, 1186,
            1007, 1009, 2950,
        ],
        "field type OIDs",
    );
    c.ok(
        result.fields.iter().all(|f| f.table_oid != 0),
        "table columns carry their table OID",
    );
    let rows = result.decode_rows().unwrap();
    let want = vec![
        Cell::Int(1),
        Cell::Int(-32768),
        Cell::Int(2147483647),
        Cell::Int(i64::MAX),
        Cell::Float(1.5),
        Cell::Float(f64::NAN),
        Cell::Numeric("12345678901234567890.0123456789".into()),
        Cell::Bool(true),
        text(PG_HOSTILE),
        // json keeps the text; jsonb normalises it (key order, spacing).
        json(r#"{"b": [1, 2.50], "a": "x\"y"}"#),
        json(r#"{"a": "x\"y", "b": [1, 2.50], "ü": null}"#),
        Cell::Bytes(bytes),
        temporal(TemporalKind::Timestamp, "2024-02-29 13:14:15.123456"),
        // The server's TimeZone is UTC (as ./x sets PostgreSQL up).
        temporal(TemporalKind::TimestampTz, "2024-02-29 11:14:15.5+00"),
        temporal(TemporalKind::Date, "2024-02-29"),
        temporal(TemporalKind::Time, "23:59:59.999999"),
        temporal(TemporalKind::Interval, "1 year 2 mons 3 days 04:05:06"),
        Cell::Array(vec![Cell::Int(1), Cell::Null, Cell::Int(-3)]),
        Cell::Array(vec![
            text("a,b"),
            text("NULL"),
            Cell::Null,
            text("q\"x"),
            text("back\\slash"),
            text("é 🎉"),
            text(""),
            text("'"),
        ]),
        text("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
    ];
    c.eq(rows.len(), 2, "two rows");
    for (i, (got, want)) in rows[0].iter().zip(&want).enumerate() {
        // NaN != NaN: compare the debug forms.
        c.eq(
            format!("{got:?}"),
            format!("{want:?}"),
            &format!("row 1 column {} ({})", i, columns[i]),
        );
    }
    c.eq(rows[0].len(), want.len(), "row width");
    c.eq(rows[1][0].clone(), Cell::Int(2), "row 2 id");
    c.ok(
        rows[1][1..].iter().all(|v| *v == Cell::Null),
        "row 2: every NULL decodes to Cell::Null",
    );

    // The hostile text as a bound WHERE value finds its row.
    let mut by_text = Query::select(Select {
        columns: vec![Expr::col(&t, "id").into()],
        from: Some(FromItem::Table(TableRef::new(&t))),
        where_: Some(Expr::col(&t, "t").eq(Expr::val(PG_HOSTILE))),
        ..Default::default()
    });
    by_text.limit = Some(Expr::val(5));
    let r = db.run_ok(&by_text.into());
    c.eq(
        r.decode_rows().unwrap(),
        vec![vec![Cell::Int(1)]],
        "where t = $1",
    );

    // Bound values cast on the server, plus literal arrays and extremes.
    let cast = |v: Value, ty: SqlType| SelectItem::from(Expr::Value(v).cast(ty));
    let q = Query::select(Select {
        columns: vec![
            cast(Value::Int(i64::MIN), SqlType::BigInt),
            cast(Value::Float(f64::INFINITY), SqlType::Double),
            cast(Value::Float(f64::NEG_INFINITY), SqlType::Real),
            cast(Value::Float(0.1), SqlType::Double),
            cast(Value::Float(-1.2345678901234567e-300), SqlType::Double),
            cast(Value::Bool(false), SqlType::Boolean),
            cast(
                Value::Text("NaN".into()),
                SqlType::Numeric {
                    precision: None,
                    scale: None,
                },
            ),
            cast(Value::Blob(vec![]), SqlType::Blob),
            cast(Value::Text("".into()), SqlType::Text),
            Expr::raw("'{{1,2},{3,4}}'::int8[]").into(),
            Expr::raw("array['x\"y', null, E'a\\\\b']::text[]").into(),
            Expr::raw("array['2024-01-02 03:04:05+00'::timestamptz]").into(),
            Expr::raw("'[1, {\"a\": [true, null]}]'::jsonb").into(),
            Expr::raw("array['{\"k\": 1}'::jsonb, null]").into(),
            Expr::raw("array[E'\\\\x00ff'::bytea, null]").into(),
            Expr::raw("'03:04:05+02'::timetz").into(),
            Expr::raw("'-infinity'::date").into(),
            Expr::raw("array[1.5, null, 'NaN']::float8[]").into(),
            Expr::raw("'{}'::int4[]").into(),
            Expr::raw("array[true, false]").into(),
        ],
        ..Default::default()
    });
    let r = db.run_ok(&q.into());
    let got = r.decode_rows().unwrap();
    let want = vec![
        Cell::Int(i64::MIN),
        Cell::Float(f64::INFINITY),
        Cell::Float(f64::NEG_INFINITY),
        Cell::Float(0.1),
        Cell::Float(-1.2345678901234567e-300),
        Cell::Bool(false),
        Cell::Numeric("NaN".into()),
        Cell::Bytes(vec![]),
        text(""),
        Cell::Array(vec![
            Cell::Array(vec![Cell::Int(1), Cell::Int(2)]),
            Cell::Array(vec![Cell::Int(3), Cell::Int(4)]),
        ]),
        Cell::Array(vec![text("x\"y"), Cell::Null, text("a\\b")]),
        Cell::Array(vec![temporal(
            TemporalKind::TimestampTz,
            "2024-01-02 03:04:05+00",
        )]),
        json(r#"[1, {"a": [true, null]}]"#),
        Cell::Array(vec![json(r#"{"k": 1}"#), Cell::Null]),
        Cell::Array(vec![Cell::Bytes(vec![0, 255]), Cell::Null]),
        temporal(TemporalKind::TimeTz, "03:04:05+02"),
        temporal(TemporalKind::Date, "-infinity"),
        Cell::Array(vec![Cell::Float(1.5), Cell::Null, Cell::Float(f64::NAN)]),
        Cell::Array(vec![]),
        Cell::Array(vec![Cell::Bool(true), Cell::Bool(false)]),
    ];
    c.eq(got.len(), 1, "one row of casts");
    for (i, (g, w)) in got[0].iter().zip(&want).enumerate() {
        c.eq(
            format!("{g:?}"),
            format!("{w:?}"),
            &format!("cast column {i}"),
        );
    }
    c.eq(got[0].len(), want.len(), "cast row width");

    println!("neon_types_round_trip: {} checks", c.0);
}

fn neon_error(r: Result<QueryResult, Fail>) -> Box<neon::ServerError> {
    match r {
        Err(Fail::Protocol(ProtocolError::Neon(e))) => e,
        other => panic!("expected a Neon database error, got {other:?}"),
    }
}

#[test]
fn neon_batches_errors_and_faults() {
    let standins = Standins::start();
    let db = Neon::new(&standins.neon);
    let mut c = Checks::default();
    let t = unique_name("neon_batch");
    let u = unique_name("neon_uniq");
    let _cleanup = DropTables {
        names: vec![t.clone(), u.clone()],
        drop_one: |n: &str| {
            let sql = drop_table(&TableRef::new(n), DialectKind::Postgres, true).unwrap();
            let _ = db.query(&sql.sql, &[]);
        },
    };
    let table = Table::new(&t)
        .column(Column::new("id", SqlType::Integer).primary_key())
        .column(Column::new("note", SqlType::Text).not_null());
    db.query(&ddl_sql(&table, DialectKind::Postgres), &[])
        .unwrap();
    let row = |id: i64, note: Option<&str>| {
        insert_row(&t, &["id", "note"], vec![Value::Int(id), Value::from(note)])
    };

    // Third of four fails (NOT NULL): the whole batch is rolled back.
    let (resp, r) = db.batch(
        &[
            row(1, Some("a")),
            row(2, Some("b")),
            row(3, None),
            row(4, Some("d")),
        ],
        &BatchOptions::default(),
    );
    c.eq(resp.status, 400, "failed batch status");
    match r {
        Err(ProtocolError::Neon(e)) => {
            c.eq(e.code.as_deref(), Some("23502"), "not-null SQLSTATE");
            c.eq(e.column.as_deref(), Some("note"), "not-null column");
            c.eq(e.table.as_deref(), Some(t.as_str()), "not-null table");
        }
        other => panic!("expected a Neon error, got {other:?}"),
    }
    c.eq(db.count(&t), 0, "nothing of the failed batch was written");

    // A serializable batch commits, and the options are echoed.
    let opts = BatchOptions {
        isolation: Some(IsolationLevel::Serializable),
        read_only: Some(false),
        deferrable: None,
    };
    let (resp, r) = db.batch(
        &[row(1, Some("a")), row(2, Some("b")), count_star(&t)],
        &opts,
    );
    let results = r.expect("batch commits");
    c.eq(results.len(), 3, "one result per statement");
    c.eq(results[0].command.as_str(), "INSERT", "batch insert");
    c.eq(
        results[2].decode_rows().unwrap(),
        vec![vec![Cell::Int(2)]],
        "count inside the batch",
    );
    c.eq(
        resp.header("neon-batch-isolation-level"),
        Some("Serializable"),
        "isolation echoed",
    );
    c.eq(db.count(&t), 2, "the committed batch is visible");

    // A read-only batch reads, and refuses to write (25006), writing nothing.
    let ro = BatchOptions {
        isolation: Some(IsolationLevel::RepeatableRead),
        read_only: Some(true),
        deferrable: Some(true),
    };
    let (resp, r) = db.batch(&[count_star(&t), count_star(&t)], &ro);
    c.eq(r.map(|v| v.len()), Ok(2), "read-only batch of reads");
    c.eq(
        resp.header("neon-batch-read-only"),
        Some("true"),
        "read-only echoed",
    );
    let (_, r) = db.batch(&[count_star(&t), row(9, Some("z"))], &ro);
    match r {
        Err(ProtocolError::Neon(e)) => c.eq(e.code.as_deref(), Some("25006"), "read-only write"),
        other => panic!("expected 25006, got {other:?}"),
    }
    c.eq(db.count(&t), 2, "the read-only batch wrote nothing");

    // Unique violation: SQLSTATE 23505 with the constraint's name.
    let uniq = Table::new(&u)
        .column(Column::new("id", SqlType::Integer).primary_key())
        .column(Column::new("email", SqlType::Text).unique());
    db.query(&ddl_sql(&uniq, DialectKind::Postgres), &[])
        .unwrap();
    let ins = |id: i64| insert_row(&u, &["id", "email"], vec![Value::Int(id), "a@x".into()]);
    db.run_ok(&ins(1));
    let e = neon_error(db.run(&ins(2)));
    c.eq(e.code.as_deref(), Some("23505"), "unique SQLSTATE");
    c.eq(
        e.constraint.clone(),
        Some(format!("{u}_email_key")),
        "unique constraint name",
    );
    c.eq(e.table.as_deref(), Some(u.as_str()), "unique table");
    c.eq(e.schema.as_deref(), Some("public"), "unique schema");
    c.eq(e.severity.as_deref(), Some("ERROR"), "severity");
    c.eq(
        e.detail.as_deref(),
        Some("Key (email)=(a@x) already exists."),
        "unique detail",
    );
    c.ok(
        e.to_string().ends_with("(SQLSTATE 23505)"),
        "Display names the SQLSTATE",
    );
    // Primary key too.
    let e = neon_error(db.run(&ins(1)));
    c.eq(
        (e.code.as_deref(), e.constraint.clone()),
        (Some("23505"), Some(format!("{u}_pkey"))),
        "primary key violation",
    );

    // A missing table: 42P01 with its position; a syntax error: 42601.
    let missing = unique_name("missing");
    let e = neon_error(db.run(&count_star(&missing)));
    c.eq(e.code.as_deref(), Some("42P01"), "undefined table");
    c.eq(e.position, Some(22), "error position");
    c.ok(e.message.contains(&missing), "message names the table");
    let e = neon_error(db.query("select 1; select 2", &[]));
    c.eq(e.code.as_deref(), Some("42601"), "one statement per query");

    // No connection string: a 400 that is not from PostgreSQL.
    let r = db
        .send(
            &[("Content-Type", "application/json".into())],
            &neon::query_body("select 1", &[]),
        )
        .unwrap();
    match neon::parse_response(r.status, body_text(&r)) {
        Err(ProtocolError::Neon(e)) => {
            c.eq(
                e.message.as_str(),
                "invalid header: neon-connection-string",
                "proxy error message",
            );
            c.eq(e.code.as_deref(), None, "a proxy error has no SQLSTATE");
        }
        other => panic!("expected a proxy error, got {other:?}"),
    }

    // Injected faults.
    let probe = || db.query("select 1", &[]);
    inject(&db.url, "http500");
    match probe() {
        Err(Fail::Protocol(ProtocolError::ServerFailure { status, message })) => {
            c.eq(status, 500, "http500 status");
            c.ok(message.contains("injected"), "http500 message");
        }
        other => panic!("http500: {other:?}"),
    }
    inject(&db.url, "http413");
    c.ok(
        matches!(
            probe(),
            Err(Fail::Protocol(ProtocolError::RequestTooLarge { .. }))
        ),
        "http413 is RequestTooLarge",
    );
    inject(&db.url, "badjson");
    c.ok(
        matches!(probe(), Err(Fail::Protocol(ProtocolError::Json(_)))),
        "badjson is a JSON error",
    );
    inject(&db.url, "cutoff");
    match probe() {
        Err(Fail::Http(HttpError::Truncated {
            status,
            expected,
            received,
        })) => {
            c.eq(status, 200, "cutoff status");
            c.ok(
                expected.is_some_and(|n| n > received.len()),
                "cutoff: fewer bytes than Content-Length",
            );
            // What did arrive is no result either.
            let partial = String::from_utf8_lossy(&received);
            c.ok(
                matches!(
                    neon::parse_response(200, &partial),
                    Err(ProtocolError::Json(_))
                ),
                "cut-off body is a JSON error",
            );
        }
        other => panic!("cutoff: {other:?}"),
    }
    // A real over-limit body (10 MiB) is refused with 413 too.
    let big = Value::Text("x".repeat((10 << 20) + 1));
    c.ok(
        matches!(
            db.query("select $1::text", &[big]),
            Err(Fail::Protocol(ProtocolError::RequestTooLarge { .. }))
        ),
        "an over-limit body is RequestTooLarge",
    );
    // Every fault was consumed: the next request is answered.
    c.eq(
        probe().unwrap().decode_rows().unwrap(),
        vec![vec![Cell::Int(1)]],
        "answers again",
    );

    println!("neon_batches_errors_and_faults: {} checks", c.0);
}

// ---------------------------------------------------------------------------
// PlanetScale

struct PlanetScale {
    origin: String,
    user: String,
    password: String,
}

impl PlanetScale {
    fn new(url: &str) -> PlanetScale {
        let u = http_post::Url::parse(url).expect("stand-in URL");
        PlanetScale {
            origin: u.origin,
            user: u.username.unwrap_or_else(|| "u".into()),
            password: u.password.unwrap_or_else(|| "p".into()),
        }
    }

    fn post(&self, path: &str, password: &str, body: &str) -> Result<Response, HttpError> {
        let headers = [
            ("Content-Type", "application/json".to_string()),
            ("Authorization", ps::basic_auth(&self.user, password)),
        ];
        http_post::post(
            &format!("{}{path}", self.origin),
            &headers,
            body.as_bytes(),
            TIMEOUT,
        )
    }

    fn exec(&self, sql: &str, session: Option<&Json>) -> Result<ExecuteResult, Fail> {
        let r = self.post(
            ps::EXECUTE_PATH,
            &self.password,
            &ps::execute_body(sql, session),
        )?;
        Ok(ps::parse_response(r.status, body_text(&r))?)
    }

    fn exec_ok(&self, sql: &str, session: Option<&Json>) -> ExecuteResult {
        self.exec(sql, session)
            .unwrap_or_else(|e| panic!("{sql:?} failed: {e:?}"))
    }

    fn count(&self, table: &str, session: Option<&Json>) -> i64 {
        let r = self.exec_ok(&splice(&count_star(table)), session);
        match r.decode_rows().unwrap().as_slice() {
            [row] => match row.as_slice() {
                [Cell::Int(n)] => *n,
                other => panic!("count: {other:?}"),
            },
            other => panic!("count: {other:?}"),
        }
    }
}

/// Renders `stmt` for MySQL with `?` placeholders and splices its values in
/// with `interpolate`; checks the result equals the inline rendering.
fn splice(stmt: &Statement) -> String {
    let mut w = SqlWriter::new(DialectKind::MySql.dialect());
    stmt.to_sql(&mut w).expect("renders");
    let (rendered, offsets) = w.finish_with_offsets();
    let values = rendered.values().expect("no named placeholders");
    assert_eq!(offsets.len(), values.len());
    assert!(offsets.iter().all(|&o| rendered.sql.as_bytes()[o] == b'?'));
    let literals: Vec<Literal<'_>> = values.iter().map(Literal::Value).collect();
    let sql =
        interpolate(&rendered.sql, &offsets, &literals, DialectKind::MySql).expect("values splice");
    assert_eq!(
        sql,
        render_inline(stmt, DialectKind::MySql).expect("inline renders"),
        "interpolate and render_inline agree"
    );
    sql
}

fn ps_error(r: Result<ExecuteResult, Fail>) -> Box<ps::ServerError> {
    match r {
        Err(Fail::Protocol(ProtocolError::PlanetScale(e))) => e,
        other => panic!("expected a PlanetScale database error, got {other:?}"),
    }
}

/// Strings that break naive MySQL quoting, NUL and `\x1a` included.
const MY_HOSTILE: &[&str] = &[
    "it's",
    "\"double\" 'single' `back`",
    "back\\slash \\' \\\\' \\n \\0 \\Z",
    "trailing\\",
    "nul\0byte\0",
    "sub\u{1a}stitute",
    "100% _under_ \\% \\_",
    "'; drop table x; --",
    "\"; drop table x; -- /* */ #",
    "é 日本語 🎉 \u{2028} \u{feff}",
    "\r\n\t\u{8} \u{7f}",
    "?? $1 :name",
    "",
    "'",
    "\\",
];

#[test]
fn planetscale_hostile_values_and_transactions() {
    let standins = Standins::start();
    let db = PlanetScale::new(&standins.planetscale);
    let mut c = Checks::default();
    let t = unique_name("ps_vals");
    let _cleanup = DropTables {
        names: vec![t.clone()],
        drop_one: |n: &str| {
            let sql = drop_table(&TableRef::new(n), DialectKind::MySql, true).unwrap();
            let _ = db.exec(&sql.sql, None);
        },
    };

    // CreateSession gives a session; Execute accepts it.
    let r = db
        .post(
            ps::CREATE_SESSION_PATH,
            &db.password,
            &ps::create_session_body(),
        )
        .unwrap();
    let session = ps::parse_session(r.status, body_text(&r)).expect("a session");
    c.ok(
        session.get("signature").is_some(),
        "session has a signature",
    );

    let table = Table::new(&t)
        .column(Column::new("id", SqlType::Integer).primary_key())
        .column(Column::new("s", SqlType::Text))
        .column(Column::new("v", SqlType::Varchar(Some(255))))
        .column(Column::new("bin", SqlType::Blob));
    let r = db.exec_ok(&ddl_sql(&table, DialectKind::MySql), Some(&session));
    c.eq(
        (r.fields.len(), r.rows.len(), r.rows_affected),
        (0, 0, 0),
        "DDL result is empty",
    );

    // Every hostile string (and its bytes) in one session, one insert each.
    let mut session = r.session;
    let mut all_bytes: Vec<u8> = (0..=255u8).collect();
    all_bytes.extend_from_slice(b"\0\\'\"\x1a");
    for (i, s) in MY_HOSTILE.iter().enumerate() {
        let bytes = if i == 0 {
            all_bytes.clone()
        } else {
            s.as_bytes().to_vec()
        };
        let stmt = insert_row(
            &t,
            &["id", "s", "v", "bin"],
            vec![
                Value::Int(i as i64 + 1),
                Value::Text((*s).into()),
                Value::Text((*s).into()),
                Value::Blob(bytes),
            ],
        );
        let r = db.exec_ok(&splice(&stmt), Some(&session));
        c.eq(r.rows_affected, 1, "insert affects one row");
        session = r.session;
    }
    let r = db.exec_ok(&splice(&select_all_by_id(&t)), Some(&session));
    let types: Vec<&str> = r.fields.iter().map(|f| f.type_name.as_str()).collect();
    c.eq(
        types,
        vec!["INT32", "TEXT", "VARCHAR", "BLOB"],
        "field types",
    );
    c.eq(r.rows.len(), MY_HOSTILE.len(), "one row per string");
    let rows = r.decode_rows().unwrap();
    for (i, s) in MY_HOSTILE.iter().enumerate() {
        let bytes = if i == 0 {
            all_bytes.clone()
        } else {
            s.as_bytes().to_vec()
        };
        // Raw bytes first (byte for byte), then the decoded cells.
        c.eq(
            r.rows[i][1].as_deref(),
            Some(s.as_bytes()),
            &format!("raw text bytes of {s:?}"),
        );
        c.eq(
            rows[i].clone(),
            vec![
                Cell::Int(i as i64 + 1),
                text(s),
                text(s),
                Cell::Bytes(bytes),
            ],
            &format!("row of {s:?}"),
        );
        // The spliced literal compares equal on the server.
        let find = Query::select(Select {
            columns: vec![Expr::col(&t, "id").into()],
            from: Some(FromItem::Table(TableRef::new(&t))),
            where_: Some(
                Expr::col(&t, "s")
                    .eq(Expr::val(*s))
                    .and(Expr::col(&t, "v").eq(Expr::val(*s))),
            ),
            ..Default::default()
        });
        let found = db.exec_ok(&splice(&find.into()), None);
        // MariaDB's PAD SPACE collations ignore trailing spaces; none here end with one.
        c.eq(
            found.decode_rows().unwrap(),
            vec![vec![Cell::Int(i as i64 + 1)]],
            &format!("where s = {s:?}"),
        );
    }
    // Selected as literals, without a table: decode_value per field.
    let q = Query::select(Select {
        columns: MY_HOSTILE.iter().map(|s| Expr::val(*s).into()).collect(),
        ..Default::default()
    });
    let r = db.exec_ok(&splice(&q.into()), None);
    for (i, s) in MY_HOSTILE.iter().enumerate() {
        let cell = match &r.rows[0][i] {
            Some(b) => ps::decode_value(&r.fields[i], b).unwrap(),
            None => Cell::Null,
        };
        c.eq(cell, text(s), &format!("select literal {s:?}"));
    }

    // Other MySQL types through decode_value.
    let q = Query::select(Select {
        columns: vec![
            Expr::val(i64::MAX).into(),
            Expr::val(i64::MIN).into(),
            Expr::raw("cast(18446744073709551615 as unsigned)").into(),
            Expr::raw("cast('12.340' as decimal(10,3))").into(),
            Expr::raw("cast(1.5 as double)").into(),
            Expr::raw("date '2024-02-29'").into(),
            Expr::raw("timestamp '2024-02-29 13:14:15.123456'").into(),
            Expr::raw("cast('-838:59:59' as time)").into(),
            Expr::raw("json_object('a', 1, 'b', json_array(true, null))").into(),
            Expr::val(Value::Null).into(),
            Expr::val(Value::Blob(vec![0, 0xff])).into(),
            Expr::val(true).into(),
        ],
        ..Default::default()
    });
    let r = db.exec_ok(&splice(&q.into()), None);
    let got = r.decode_rows().unwrap();
    c.eq(
        got,
        vec![vec![
            Cell::Int(i64::MAX),
            Cell::Int(i64::MIN),
            Cell::Numeric("18446744073709551615".into()),
            Cell::Numeric("12.340".into()),
            Cell::Float(1.5),
            temporal(TemporalKind::Date, "2024-02-29"),
            temporal(TemporalKind::Timestamp, "2024-02-29 13:14:15.123456"),
            temporal(TemporalKind::Time, "-838:59:59"),
            json(r#"{"a": 1, "b": [true, null]}"#),
            Cell::Null,
            Cell::Bytes(vec![0, 0xff]),
            Cell::Int(1),
        ]],
        "MySQL types",
    );

    // BEGIN / insert / ROLLBACK on one session: nothing written.
    let before = db.count(&t, None);
    let tx = db.exec_ok("begin", None).session;
    let r = db.exec_ok(
        &splice(&insert_row(
            &t,
            &["id", "s"],
            vec![Value::Int(1000), "rolled back".into()],
        )),
        Some(&tx),
    );
    let tx = r.session;
    c.eq(
        db.count(&t, Some(&tx)),
        before + 1,
        "visible inside the transaction",
    );
    c.eq(db.count(&t, None), before, "invisible outside it");
    db.exec_ok("rollback", Some(&tx));
    c.eq(db.count(&t, None), before, "nothing written after ROLLBACK");

    // BEGIN / insert / COMMIT: written.
    let tx = db.exec_ok("begin", None).session;
    let r = db.exec_ok(
        &splice(&insert_row(
            &t,
            &["id", "s"],
            vec![Value::Int(1001), "committed".into()],
        )),
        Some(&tx),
    );
    db.exec_ok("commit", Some(&r.session));
    c.eq(db.count(&t, None), before + 1, "written after COMMIT");

    // A session variable stays on its session.
    let s = db.exec_ok("set @proto_v = 'kept'", None).session;
    let r = db.exec_ok("select @proto_v", Some(&s));
    c.eq(
        r.decode_rows().unwrap(),
        vec![vec![text("kept")]],
        "session variable",
    );

    println!(
        "planetscale_hostile_values_and_transactions: {} checks",
        c.0
    );
}

#[test]
fn planetscale_errors_and_faults() {
    let standins = Standins::start();
    let db = PlanetScale::new(&standins.planetscale);
    let mut c = Checks::default();
    let t = unique_name("ps_err");
    let _cleanup = DropTables {
        names: vec![t.clone()],
        drop_one: |n: &str| {
            let sql = drop_table(&TableRef::new(n), DialectKind::MySql, true).unwrap();
            let _ = db.exec(&sql.sql, None);
        },
    };

    // A missing table: errno 1146, sqlstate 42S02, and the session comes back.
    let missing = unique_name("missing");
    let e = ps_error(db.exec(&splice(&count_star(&missing)), None));
    c.eq(e.errno, Some(1146), "missing table errno");
    c.eq(
        e.sqlstate.as_deref(),
        Some("42S02"),
        "missing table sqlstate",
    );
    c.eq(e.code.as_str(), "NOT_FOUND", "vtrpc code");
    c.ok(e.message.contains(&missing), "message names the table");
    c.ok(e.session.is_some(), "the error carries the session");

    // Duplicate key: 1062 / 23000; the transaction survives the error.
    let table = Table::new(&t).column(Column::new("id", SqlType::Integer).primary_key());
    db.exec_ok(&ddl_sql(&table, DialectKind::MySql), None);
    let ins = |id| splice(&insert_row(&t, &["id"], vec![Value::Int(id)]));
    let tx = db.exec_ok("begin", None).session;
    let tx = db.exec_ok(&ins(1), Some(&tx)).session;
    let e = ps_error(db.exec(&ins(1), Some(&tx)));
    c.eq(
        (e.errno, e.sqlstate.as_deref()),
        (Some(1062), Some("23000")),
        "duplicate key",
    );
    c.eq(e.code.as_str(), "ALREADY_EXISTS", "duplicate key code");
    let tx = e.session.clone().expect("session with the error");
    let tx = db.exec_ok(&ins(2), Some(&tx)).session;
    db.exec_ok("commit", Some(&tx));
    c.eq(
        db.count(&t, None),
        2,
        "the transaction went on after the error",
    );

    // Wrong password: 401.
    let r = db
        .post(
            ps::EXECUTE_PATH,
            "wrong",
            &ps::execute_body("select 1", None),
        )
        .unwrap();
    c.eq(r.status, 401, "wrong password status");
    match ps::parse_response(r.status, body_text(&r)) {
        Err(ProtocolError::Unauthorized { message }) => {
            c.eq(message.as_str(), "invalid auth credentials", "401 message")
        }
        other => panic!("expected Unauthorized, got {other:?}"),
    }

    // Injected faults.
    let probe = || db.exec("select 1", None);
    inject(&db.origin, "http500");
    match probe() {
        Err(Fail::Protocol(ProtocolError::ServerFailure { status, message })) => {
            c.eq(status, 500, "http500 status");
            c.ok(message.contains("injected"), "http500 message");
        }
        other => panic!("http500: {other:?}"),
    }
    inject(&db.origin, "http413");
    c.ok(
        matches!(
            probe(),
            Err(Fail::Protocol(ProtocolError::RequestTooLarge { .. }))
        ),
        "http413 is RequestTooLarge",
    );
    inject(&db.origin, "badjson");
    c.ok(
        matches!(probe(), Err(Fail::Protocol(ProtocolError::Json(_)))),
        "badjson is a JSON error",
    );
    inject(&db.origin, "cutoff");
    match probe() {
        Err(Fail::Http(HttpError::Truncated {
            status, received, ..
        })) => {
            c.eq(status, 200, "cutoff status");
            let partial = String::from_utf8_lossy(&received);
            c.ok(
                matches!(
                    ps::parse_response(200, &partial),
                    Err(ProtocolError::Json(_))
                ),
                "cut-off body is a JSON error",
            );
        }
        other => panic!("cutoff: {other:?}"),
    }
    c.eq(
        probe().unwrap().decode_rows().unwrap(),
        vec![vec![Cell::Int(1)]],
        "answers again",
    );

    println!("planetscale_errors_and_faults: {} checks", c.0);
}

// ---------------------------------------------------------------------------
// The HTTP client wrapper itself, against canned bytes (the stand-ins always
// send Content-Length, so chunked and cut-off bodies are checked here).

/// Answers one connection on an ephemeral port with `reply` once the request
/// head has arrived (the requests here have empty bodies), then closes it.
fn canned(reply: &'static [u8]) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    thread::spawn(move || {
        let Ok((mut s, _)) = listener.accept() else {
            return;
        };
        let mut head = Vec::new();
        let mut buf = [0u8; 1024];
        while !head.windows(4).any(|w| w == b"\r\n\r\n") {
            match s.read(&mut buf) {
                Ok(0) | Err(_) => return,
                Ok(n) => head.extend_from_slice(&buf[..n]),
            }
        }
        let _ = s.write_all(reply);
    });
    url
}

#[test]
fn http_client_reports_truncation_and_failures() {
    let post = |url: &str| http_post::post(url, &[], b"", TIMEOUT);
    let r = post(&canned(b"HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\nX-A: 1\r\n\r\n4;ext=1\r\n{\"a\"\r\nA\r\n:[1,2,3]}\n\r\n0\r\n\r\n"))
        .unwrap();
    assert_eq!((r.status, r.header("X-a")), (400, Some("1")));
    assert_eq!(r.body, b"{\"a\":[1,2,3]}\n");

    match post(&canned(
        b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{\"a\"",
    )) {
        Err(HttpError::Truncated {
            status: 200,
            expected: Some(10),
            received,
        }) => assert_eq!(received, b"{\"a\""),
        other => panic!("{other:?}"),
    }
    match post(&canned(
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{\"a\"\r\n8\r\n:[1",
    )) {
        Err(HttpError::Truncated {
            expected: None,
            received,
            ..
        }) => assert!(received.starts_with(b"{\"a\""), "{received:?}"),
        other => panic!("{other:?}"),
    }
    assert!(post(&canned(b"SSH-2.0\r\n\r\n")).is_err());

    let u = http_post::Url::parse("http://u%40x:p%3Aw@127.0.0.1:8080/sql?x=1").unwrap();
    assert_eq!(
        (
            u.origin.as_str(),
            u.username.as_deref(),
            u.password.as_deref()
        ),
        ("http://127.0.0.1:8080", Some("u@x"), Some("p:w"))
    );
    assert!(http_post::Url::parse("http://[::1").is_err());
    // A header value cannot split the request: refused before connecting.
    assert!(matches!(
        http_post::post(
            "http://127.0.0.1:9/",
            &[("X", "a\r\nY: b".into())],
            b"",
            TIMEOUT
        ),
        Err(HttpError::Request(_))
    ));
    // Nothing listening: an error, promptly.
    let started = Instant::now();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    assert!(post(&format!("http://127.0.0.1:{port}/")).is_err());
    // A server that accepts and says nothing: a timeout, not a hang.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let r = http_post::post(
        &format!("http://127.0.0.1:{port}/"),
        &[],
        b"x",
        Duration::from_millis(300),
    );
    assert!(
        matches!(r, Err(HttpError::Request(ureq::Error::Timeout(_)))),
        "{r:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    drop(listener);
}
