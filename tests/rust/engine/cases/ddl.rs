//! DDL proved by behaviour: every schema feature is created by the engine's
//! own DDL on the real servers, then rows are inserted and read back, or a
//! violation is shown to be rejected by the server. Dialects without a
//! feature get the typed error instead.
//!
//! MariaDB commits DDL implicitly, which also ends the case's transaction:
//! [`ddl`] starts a new one after each DDL statement (so `assert_db_error`'s
//! savepoint has a transaction to live in), and [`scoped`] drops everything a
//! case creates, before the body (a failed earlier run cannot break it) and
//! after it (whatever the body returned).

use mizzle_core::ast::{
    Assignment, Delete, Expr, FromItem, Insert, InsertValue, OrderBy, Query, RawPart, Select,
    SelectItem, TableRef, Update,
};
use mizzle_core::render::{
    create_index, create_schema, create_table, create_type, create_view, drop_table, drop_type,
    drop_view, SqlWriter,
};
use mizzle_core::schema::{
    Check, Column, EnumType, ForeignKey, Identity, Index, PrimaryKey, ReferentialAction, SqlType,
    Table, Unique, View,
};
use mizzle_core::{DialectKind, Error, Feature, Rendered, Value};
use mizzle_tests::{rows, Cell, Ctx, Harness};

use DialectKind::{MySql, Postgres, Sqlite};

// ---------------------------------------------------------------------------
// Helpers shared with `hostile.rs`.

/// Something a case creates and must drop again (MariaDB commits DDL).
pub(super) enum Obj {
    Table(TableRef),
    View(TableRef),
    /// PostgreSQL only (dropped with `drop materialized view`).
    MatView(TableRef),
    /// PostgreSQL only.
    Type(EnumType),
}

/// The `drop ... if exists` for `obj`, if the dialect can have it.
fn drop_sql(obj: &Obj, d: DialectKind) -> Result<Option<Rendered>, Error> {
    Ok(Some(match obj {
        Obj::Table(t) => drop_table(t, d, true)?,
        Obj::View(v) => drop_view(v, d, true)?,
        Obj::MatView(_) | Obj::Type(_) if d != Postgres => return Ok(None),
        // The engine has no `drop materialized view`; `drop view` refuses a materialized one.
        Obj::MatView(v) => {
            let mut w = SqlWriter::new(d.dialect());
            w.sql("drop materialized view if exists ");
            w.qualified(v.schema.as_deref(), &v.name)?;
            w.finish()
        }
        Obj::Type(e) => drop_type(e, d, true)?,
    }))
}

/// Drops `objs` in order (if they exist).
pub(super) fn drop_all(c: &mut Ctx<'_>, objs: &[Obj]) -> Result<(), String> {
    for obj in objs {
        if let Some(r) = drop_sql(obj, c.dialect()).map_err(|e| format!("render failed: {e}"))? {
            c.exec_rendered(&r)?;
        }
    }
    if c.dialect() == MySql {
        c.raw("begin")?;
    }
    Ok(())
}

/// Runs `body` between two rounds of dropping `objs` (children before parents).
pub(super) fn scoped(
    c: &mut Ctx<'_>,
    objs: &[Obj],
    body: impl FnOnce(&mut Ctx<'_>) -> Result<(), String>,
) -> Result<(), String> {
    drop_all(c, objs)?;
    let out = body(c);
    let cleanup = drop_all(c, objs);
    out.and(cleanup)
}

/// Runs rendered DDL; on MariaDB, which committed the transaction, starts a new one.
pub(super) fn ddl(c: &mut Ctx<'_>, r: Result<Rendered, Error>) -> Result<(), String> {
    let r = r.map_err(|e| format!("render failed: {e}"))?;
    let out = c.exec_rendered(&r);
    if c.dialect() == MySql {
        c.raw("begin")?;
    }
    out.map(|_| ())
}

/// One assertion: the DDL renders but the server rejects it (the transaction survives).
pub(super) fn assert_ddl_rejected(
    c: &mut Ctx<'_>,
    r: Result<Rendered, Error>,
) -> Result<(), String> {
    let r = r.map_err(|e| format!("render failed: {e}"))?;
    let mysql = c.dialect() == MySql;
    if !mysql {
        c.raw("savepoint mizzle_ddl")?;
    }
    let got = c.exec_rendered(&r);
    if mysql {
        c.raw("begin")?;
    } else {
        if got.is_err() {
            c.raw("rollback to savepoint mizzle_ddl")?;
        }
        c.raw("release savepoint mizzle_ddl")?;
    }
    c.check(got.is_err(), || {
        format!("expected the server to reject: {}", r.sql)
    })
}

/// One assertion: rendering the DDL failed with exactly `expected`.
pub(super) fn assert_ddl_error(
    c: &mut Ctx<'_>,
    r: Result<Rendered, Error>,
    expected: Error,
) -> Result<(), String> {
    c.check(r.as_ref().err() == Some(&expected), || {
        format!("expected {expected:?}, got {r:?}")
    })
}

/// One assertion: rendering the DDL failed with `Unsupported { feature }` for this dialect.
pub(super) fn assert_ddl_unsupported(
    c: &mut Ctx<'_>,
    r: Result<Rendered, Error>,
    feature: Feature,
) -> Result<(), String> {
    let expected = Error::Unsupported {
        feature,
        dialect: c.dialect(),
    };
    assert_ddl_error(c, r, expected)
}

pub(super) fn t(name: &str) -> TableRef {
    TableRef::new(name)
}

pub(super) fn v(x: impl Into<Value>) -> Value {
    x.into()
}

/// `select items from table`.
pub(super) fn from(table: TableRef, columns: Vec<SelectItem>) -> Select {
    Select {
        columns,
        from: Some(FromItem::Table(table)),
        ..Default::default()
    }
}

/// `select "c1", "c2" from table order by "c1"`, unqualified columns.
pub(super) fn sel(table: TableRef, columns: &[&str]) -> Query {
    let items = columns.iter().map(|c| Expr::bare(c).into()).collect();
    Query::select(from(table, items)).order_by(vec![OrderBy::asc(Expr::bare(columns[0]))])
}

/// `select count(*) from table [where cond]`.
pub(super) fn count(table: TableRef, cond: Option<Expr>) -> Query {
    let mut s = from(table, vec![Expr::count_star().into()]);
    s.where_ = cond;
    Query::select(s)
}

/// `insert into table (columns) values rows`, every cell bound.
pub(super) fn insert(table: TableRef, columns: &[&str], rows: Vec<Vec<Value>>) -> Insert {
    let rows = rows
        .into_iter()
        .map(|r| {
            r.into_iter()
                .map(|x| InsertValue::Expr(Expr::Value(x)))
                .collect()
        })
        .collect();
    Insert::values(table, columns, rows)
}

fn id_col() -> Column {
    Column::new("id", SqlType::Integer).primary_key()
}

fn table(name: &str, columns: Vec<Column>) -> Table {
    Table {
        name: name.into(),
        columns,
        ..Default::default()
    }
}

// ---------------------------------------------------------------------------

pub fn run(h: &mut Harness) {
    types(h);
    defaults(h);
    keys(h);
    auto_numbering(h);
    uniques_checks(h);
    foreign_keys(h);
    indexes(h);
    enums(h);
    arrays(h);
    views(h);
    schemas(h);
    create_and_drop(h);
}

/// A type, the value inserted, the value expected back, and whether it is read through `cast(.. as text)`.
type TypeCase = (&'static str, SqlType, Value, Cell, bool);

fn type_cases() -> Vec<TypeCase> {
    let ts = "2024-02-29 13:45:00";
    vec![
        ("c_tinyint", SqlType::TinyInt, v(7), Cell::Int(7), false),
        (
            "c_smallint",
            SqlType::SmallInt,
            v(-300),
            Cell::Int(-300),
            false,
        ),
        (
            "c_bigint",
            SqlType::BigInt,
            v(5_000_000_000_i64),
            Cell::Int(5_000_000_000),
            false,
        ),
        ("c_real", SqlType::Real, v(1.5), Cell::Float(1.5), false),
        (
            "c_double",
            SqlType::Double,
            v(2.25),
            Cell::Float(2.25),
            false,
        ),
        (
            "c_numeric",
            SqlType::Numeric {
                precision: Some(10),
                scale: Some(2),
            },
            v("12.5"),
            Cell::Float(12.5),
            false,
        ),
        ("c_bool", SqlType::Boolean, v(true), Cell::Int(1), false),
        (
            "c_text",
            SqlType::Text,
            v("line1\nit's \"q\" \\ é"),
            "line1\nit's \"q\" \\ é".into(),
            false,
        ),
        (
            "c_varchar",
            SqlType::Varchar(Some(20)),
            v("varchar é"),
            "varchar é".into(),
            false,
        ),
        (
            "c_char",
            SqlType::Char(Some(3)),
            v("abc"),
            "abc".into(),
            false,
        ),
        (
            "c_blob",
            SqlType::Blob,
            v(vec![0_u8, 1, 255, b'\'']),
            Cell::Bytes(vec![0, 1, 255, b'\'']),
            false,
        ),
        (
            "c_binary",
            SqlType::Binary(Some(3)),
            v(vec![1_u8, 2, 3]),
            Cell::Bytes(vec![1, 2, 3]),
            false,
        ),
        (
            "c_varbinary",
            SqlType::Varbinary(Some(8)),
            v(vec![9_u8, 0, 8]),
            Cell::Bytes(vec![9, 0, 8]),
            false,
        ),
        (
            "c_uuid",
            SqlType::Uuid,
            v("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
            "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11".into(),
            false,
        ),
        (
            "c_json",
            SqlType::Json,
            v(r#"{"k": [1, 2]}"#),
            r#"{"k": [1, 2]}"#.into(),
            false,
        ),
        (
            "c_jsonb",
            SqlType::Jsonb,
            v(r#"{"k": [1, 2]}"#),
            r#"{"k": [1, 2]}"#.into(),
            false,
        ),
        (
            "c_timestamp",
            SqlType::Timestamp {
                precision: None,
                with_time_zone: false,
            },
            v(ts),
            ts.into(),
            true,
        ),
        (
            "c_datetime",
            SqlType::DateTime { precision: None },
            v(ts),
            ts.into(),
            true,
        ),
        (
            "c_date",
            SqlType::Date,
            v("2024-02-29"),
            "2024-02-29".into(),
            true,
        ),
        (
            "c_time",
            SqlType::Time {
                precision: None,
                with_time_zone: false,
            },
            v("13:45:00"),
            "13:45:00".into(),
            true,
        ),
        (
            "c_enum",
            SqlType::InlineEnum(vec!["a".into(), "b".into()]),
            v("b"),
            "b".into(),
            false,
        ),
    ]
}

/// The column types the server reports for `table`, comma-separated, in column order.
fn declared_types(table: &str, d: DialectKind) -> Query {
    let sql = match d {
        Sqlite => format!("(select group_concat(type, ',') from (select type from pragma_table_info('{table}') order by cid))"),
        Postgres => format!(
            "(select string_agg(format_type(atttypid, atttypmod), ',' order by attnum) from pg_attribute \
             where attrelid = '{table}'::regclass and attnum > 0 and not attisdropped)"
        ),
        MySql => format!(
            "(select group_concat(column_type order by ordinal_position separator ',') from information_schema.columns \
             where table_schema = database() and table_name = '{table}')"
        ),
    };
    Query::select(Select {
        columns: vec![Expr::raw(&sql).into()],
        ..Default::default()
    })
}

fn types(h: &mut Harness) {
    h.all("ddl column types round trip", |c| {
        let name = "ddl_types";
        let cases = type_cases();
        scoped(c, &[Obj::Table(t(name))], |c| {
            let mut cols = vec![id_col()];
            cols.extend(cases.iter().map(|(n, ty, ..)| Column::new(n, ty.clone())));
            ddl(c, create_table(&table(name, cols), c.dialect(), false))?;

            let mut names = vec!["id"];
            names.extend(cases.iter().map(|(n, ..)| *n));
            let mut values = vec![v(1)];
            values.extend(cases.iter().map(|(_, _, x, ..)| x.clone()));
            c.assert_changed(insert(t(name), &names, vec![values]), 1)?;
            c.assert_changed(insert(t(name), &["id"], vec![vec![v(2)]]), 1)?;

            let mut items: Vec<SelectItem> = vec![Expr::bare("id").into()];
            items.extend(cases.iter().map(|(n, _, _, _, as_text)| {
                if *as_text {
                    Expr::bare(n).cast(SqlType::Text).into()
                } else {
                    Expr::bare(n).into()
                }
            }));
            let q = Query::select(from(t(name), items)).order_by(vec![OrderBy::asc(Expr::bare("id"))]);
            let mut first = vec![Cell::Int(1)];
            first.extend(cases.iter().map(|(_, _, _, e, _)| e.clone()));
            let mut second = vec![Cell::Int(2)];
            second.extend(cases.iter().map(|_| Cell::Null));
            c.assert_rows(q, vec![first, second])?;

            let expected = match c.dialect() {
                // SQLite reports its own keywords upper-cased, other type names as written.
                Sqlite => "INTEGER,INTEGER,INTEGER,INTEGER,REAL,REAL,numeric,INTEGER,TEXT,TEXT,TEXT,BLOB,BLOB,BLOB,\
                           TEXT,TEXT,TEXT,TEXT,TEXT,TEXT,TEXT,TEXT",
                Postgres => "integer,smallint,smallint,bigint,real,double precision,numeric(10,2),boolean,text,\
                             character varying(20),character(3),bytea,bytea,bytea,uuid,json,jsonb,\
                             timestamp without time zone,timestamp without time zone,date,time without time zone,text",
                MySql => "int(11),tinyint(4),smallint(6),bigint(20),float,double,decimal(10,2),tinyint(1),text,\
                          varchar(20),char(3),blob,binary(3),varbinary(8),char(36),longtext,longtext,timestamp,\
                          datetime,date,time,enum('a','b')",
            };
            c.assert_rows(declared_types(name, c.dialect()), rows![[expected]])
        })
    });

    h.case(
        "ddl postgres-only types: interval, time zones, precision",
        &[Postgres],
        |c| {
            let name = "ddl_pg_types";
            scoped(c, &[Obj::Table(t(name))], |c| {
                let cols = vec![
                    id_col(),
                    Column::new("iv", SqlType::Interval),
                    Column::new(
                        "tstz",
                        SqlType::Timestamp {
                            precision: Some(3),
                            with_time_zone: true,
                        },
                    ),
                    Column::new(
                        "ttz",
                        SqlType::Time {
                            precision: None,
                            with_time_zone: true,
                        },
                    ),
                ];
                ddl(c, create_table(&table(name, cols), Postgres, false))?;
                let row = vec![
                    v(1),
                    v("1 day 2 hours"),
                    v("2024-01-01 00:00:00.1234+00"),
                    v("13:45:00+02"),
                ];
                c.assert_changed(insert(t(name), &["id", "iv", "tstz", "ttz"], vec![row]), 1)?;
                let q = Query::select(from(
                    t(name),
                    vec![
                        Expr::bare("iv").cast(SqlType::Text).into(),
                        // precision 3 rounded the fourth fractional digit away
                        Expr::bare("tstz")
                            .eq(Expr::raw("'2024-01-01 00:00:00.123+00'::timestamptz"))
                            .into(),
                        Expr::bare("ttz").cast(SqlType::Text).into(),
                    ],
                ));
                c.assert_rows(q, rows![["1 day 02:00:00", true, "13:45:00+02"]])?;
                c.assert_rows(
                    declared_types(name, Postgres),
                    rows![["integer,interval,timestamp(3) with time zone,time with time zone"]],
                )
            })
        },
    );

    h.case(
        "ddl interval column is unsupported on mysql",
        &[MySql],
        |c| {
            let tbl = table(
                "ddl_no_interval",
                vec![id_col(), Column::new("iv", SqlType::Interval)],
            );
            assert_ddl_unsupported(c, create_table(&tbl, MySql, false), Feature::CastType)
        },
    );

    h.all("ddl custom type names", |c| {
        let name = "ddl_custom";
        let ty = match c.dialect() {
            MySql => "decimal(5, 1)",
            _ => "numeric(5, 1)",
        };
        scoped(c, &[Obj::Table(t(name))], |c| {
            let cols = vec![id_col(), Column::new("n", SqlType::Custom(ty.into()))];
            ddl(c, create_table(&table(name, cols), c.dialect(), false))?;
            c.assert_changed(insert(t(name), &["id", "n"], vec![vec![v(1), v(1.25)]]), 1)?;
            // SQLite's numeric affinity keeps the value; the others round to scale 1.
            let expected = if c.dialect() == Sqlite { 1.25 } else { 1.3 };
            c.assert_rows(sel(t(name), &["n"]), rows![[expected]])
        })
    });
}

fn defaults(h: &mut Harness) {
    h.all("ddl not null rejected", |c| {
        let name = "ddl_not_null";
        scoped(c, &[Obj::Table(t(name))], |c| {
            let cols = vec![
                id_col(),
                Column::new("name", SqlType::Varchar(Some(20))).not_null(),
            ];
            ddl(c, create_table(&table(name, cols), c.dialect(), false))?;
            c.assert_db_error(insert(
                t(name),
                &["id", "name"],
                vec![vec![v(1), Value::Null]],
            ))?;
            // Left out with no default: an error too (MariaDB in strict mode).
            c.assert_db_error(insert(t(name), &["id"], vec![vec![v(2)]]))?;
            c.assert_changed(
                insert(t(name), &["id", "name"], vec![vec![v(3), v("ok")]]),
                1,
            )?;
            c.assert_rows(sel(t(name), &["id", "name"]), rows![[3, "ok"]])
        })
    });

    h.all("ddl literal defaults", |c| {
        let name = "ddl_lit_defaults";
        let text = "it's a \\ \"default\" -- ; é";
        scoped(c, &[Obj::Table(t(name))], |c| {
            let cols = vec![
                id_col(),
                Column::new("t", SqlType::Text).default_value(text),
                Column::new("vc", SqlType::Varchar(Some(10)))
                    .not_null()
                    .default_value(""),
                Column::new("i", SqlType::Integer).default_value(-5),
                Column::new("big", SqlType::BigInt).default_value(i64::MIN),
                Column::new("b", SqlType::Boolean)
                    .not_null()
                    .default_value(true),
                Column::new("f", SqlType::Double).default_value(1.5),
                Column::new("tiny", SqlType::Double).default_value(1e-7),
                Column::new("n", SqlType::Integer).default_value(Value::Null),
                Column::new("bl", SqlType::Blob).default_value(vec![0_u8, b'\'', b'\\', 255]),
            ];
            ddl(c, create_table(&table(name, cols), c.dialect(), false))?;
            c.assert_changed(insert(t(name), &["id"], vec![vec![v(1)]]), 1)?;
            // An explicit value wins over the default.
            c.assert_changed(
                insert(t(name), &["id", "i", "b"], vec![vec![v(2), v(7), v(false)]]),
                1,
            )?;
            let q = sel(
                t(name),
                &["id", "t", "vc", "i", "big", "b", "f", "tiny", "n", "bl"],
            );
            let bl = vec![0_u8, b'\'', b'\\', 255];
            c.assert_rows(
                q,
                rows![
                    [
                        1,
                        text,
                        "",
                        -5,
                        i64::MIN,
                        1,
                        1.5,
                        1e-7,
                        Cell::Null,
                        bl.clone()
                    ],
                    [2, text, "", 7, i64::MIN, 0, 1.5, 1e-7, Cell::Null, bl]
                ],
            )?;
            // `big` is exactly i64::MIN, not a float near it.
            c.assert_rows(
                count(t(name), Some(Expr::bare("big").eq(Expr::val(i64::MIN)))),
                rows![[2]],
            )
        })
    });

    h.all("ddl expression defaults", |c| {
        let name = "ddl_expr_defaults";
        scoped(c, &[Obj::Table(t(name))], |c| {
            let cols = vec![
                id_col(),
                Column::new(
                    "created",
                    SqlType::Timestamp {
                        precision: None,
                        with_time_zone: false,
                    },
                )
                .default_expr(Expr::raw("CURRENT_TIMESTAMP")),
                Column::new("lowered", SqlType::Varchar(Some(20)))
                    .default_expr(Expr::func("lower", vec![Expr::val("X'Y")])),
                Column::new("computed", SqlType::Integer).default_expr(Expr::val(6) * Expr::val(7)),
            ];
            ddl(c, create_table(&table(name, cols), c.dialect(), false))?;
            c.assert_changed(insert(t(name), &["id"], vec![vec![v(1)]]), 1)?;
            let q = Query::select(from(
                t(name),
                vec![
                    Expr::bare("created").is_not_null().into(),
                    Expr::bare("created")
                        .cast(SqlType::Text)
                        .like(Expr::val("2%"))
                        .into(),
                    Expr::bare("lowered").into(),
                    Expr::bare("computed").into(),
                ],
            ));
            c.assert_rows(q, rows![[true, true, "x'y", 42]])
        })
    });
}

fn keys(h: &mut Harness) {
    h.all("ddl single primary key rejects duplicates", |c| {
        let name = "ddl_pk";
        scoped(c, &[Obj::Table(t(name))], |c| {
            let cols = vec![id_col(), Column::new("v", SqlType::Text)];
            ddl(c, create_table(&table(name, cols), c.dialect(), false))?;
            c.assert_changed(insert(t(name), &["id", "v"], vec![vec![v(1), v("a")]]), 1)?;
            c.assert_db_error(insert(t(name), &["id", "v"], vec![vec![v(1), v("b")]]))?;
            c.assert_rows(sel(t(name), &["id", "v"]), rows![[1, "a"]])
        })
    });

    h.all("ddl composite primary key", |c| {
        let name = "ddl_pk2";
        scoped(c, &[Obj::Table(t(name))], |c| {
            let mut tbl = table(
                name,
                vec![
                    Column::new("a", SqlType::Integer),
                    Column::new("b", SqlType::Varchar(Some(10))),
                    Column::new("v", SqlType::Text),
                ],
            );
            tbl.primary_key = Some(PrimaryKey {
                name: Some("ddl_pk2_pkey".into()),
                columns: vec!["a".into(), "b".into()],
            });
            ddl(c, create_table(&tbl, c.dialect(), false))?;
            let cols = ["a", "b", "v"];
            c.assert_changed(
                insert(
                    t(name),
                    &cols,
                    vec![
                        vec![v(1), v("x"), v("1x")],
                        vec![v(1), v("y"), v("1y")],
                        vec![v(2), v("x"), v("2x")],
                    ],
                ),
                3,
            )?;
            c.assert_db_error(insert(t(name), &cols, vec![vec![v(1), v("x"), v("again")]]))?;
            let null_key = insert(t(name), &cols, vec![vec![v(3), Value::Null, v("null b")]]);
            if c.dialect() == Sqlite {
                // SQLite's documented legacy quirk: NULL is allowed in a non-integer primary key.
                c.assert_changed(null_key, 1)?;
            } else {
                c.assert_db_error(null_key)?;
            }
            c.assert_rows(
                count(t(name), None),
                rows![[if c.dialect() == Sqlite { 4 } else { 3 }]],
            )
        })
    });
}

fn auto_numbering(h: &mut Harness) {
    h.all("ddl auto_increment column", |c| {
        let name = "ddl_auto";
        scoped(c, &[Obj::Table(t(name))], |c| {
            let cols = vec![
                id_col().auto_increment(),
                Column::new("name", SqlType::Varchar(Some(10))),
            ];
            ddl(c, create_table(&table(name, cols), c.dialect(), false))?;
            c.assert_changed(
                insert(t(name), &["name"], vec![vec![v("a")], vec![v("b")]]),
                2,
            )?;
            c.assert_rows(sel(t(name), &["id", "name"]), rows![[1, "a"], [2, "b"]])?;
            c.assert_changed(
                insert(t(name), &["id", "name"], vec![vec![v(10), v("c")]]),
                1,
            )?;
            c.assert_changed(insert(t(name), &["name"], vec![vec![v("d")]]), 1)?;
            // SQLite and MySQL continue after the largest id; a PostgreSQL identity
            // sequence does not see the explicit 10.
            let next = if c.dialect() == Postgres { 3 } else { 11 };
            let mut q = from(t(name), vec![Expr::bare("id").into()]);
            q.where_ = Some(Expr::bare("name").eq(Expr::val("d")));
            c.assert_rows(Query::select(q), rows![[next]])
        })
    });

    h.all("ddl serial types number rows", |c| {
        for (i, ty) in [SqlType::SmallSerial, SqlType::Serial, SqlType::BigSerial]
            .into_iter()
            .enumerate()
        {
            let name = format!("ddl_serial_{i}");
            scoped(c, &[Obj::Table(t(&name))], |c| {
                let cols = vec![
                    Column::new("id", ty).primary_key(),
                    Column::new("name", SqlType::Varchar(Some(10))),
                ];
                ddl(c, create_table(&table(&name, cols), c.dialect(), false))?;
                c.assert_changed(
                    insert(t(&name), &["name"], vec![vec![v("a")], vec![v("b")]]),
                    2,
                )?;
                c.assert_rows(sel(t(&name), &["id", "name"]), rows![[1, "a"], [2, "b"]])
            })?;
        }
        Ok(())
    });

    h.all("ddl serial keys take foreign keys of the same width", |c| {
        // PostgreSQL's serial family is smallint / integer / bigint; a portable
        // schema references them from plain columns of those types.
        let pairs = [
            (SqlType::SmallSerial, SqlType::SmallInt),
            (SqlType::Serial, SqlType::Integer),
            (SqlType::BigSerial, SqlType::BigInt),
        ];
        for (i, (serial, plain)) in pairs.into_iter().enumerate() {
            let (parent, child) = (
                format!("ddl_serial_parent_{i}"),
                format!("ddl_serial_child_{i}"),
            );
            scoped(c, &[Obj::Table(t(&child)), Obj::Table(t(&parent))], |c| {
                let d = c.dialect();
                let p = table(
                    &parent,
                    vec![
                        Column::new("id", serial).primary_key(),
                        Column::new("name", SqlType::Text),
                    ],
                );
                let fk =
                    ForeignKey::new(&[], t(&parent), &["id"]).on_delete(ReferentialAction::Cascade);
                let ch = table(
                    &child,
                    vec![
                        id_col(),
                        Column::new("pid", plain).not_null().references(fk),
                    ],
                );
                ddl(c, create_table(&p, d, false))?;
                ddl(c, create_table(&ch, d, false))?;
                c.assert_changed(insert(t(&parent), &["name"], vec![vec![v("a")]]), 1)?;
                c.assert_changed(insert(t(&child), &["id", "pid"], vec![vec![v(1), v(1)]]), 1)?;
                c.assert_db_error(insert(t(&child), &["id", "pid"], vec![vec![v(2), v(2)]]))
            })?;
        }
        Ok(())
    });

    h.case(
        "ddl identity always rejects explicit ids",
        &[Postgres],
        |c| {
            let always = "ddl_ident_always";
            let by_default = "ddl_ident_default";
            scoped(
                c,
                &[Obj::Table(t(always)), Obj::Table(t(by_default))],
                |c| {
                    for (name, identity) in [
                        (always, Identity::Always),
                        (by_default, Identity::ByDefault),
                    ] {
                        let mut id = id_col();
                        id.identity = Some(identity);
                        ddl(
                            c,
                            create_table(
                                &table(name, vec![id, Column::new("name", SqlType::Text)]),
                                Postgres,
                                false,
                            ),
                        )?;
                        c.assert_changed(insert(t(name), &["name"], vec![vec![v("a")]]), 1)?;
                    }
                    c.assert_db_error(insert(
                        t(always),
                        &["id", "name"],
                        vec![vec![v(5), v("b")]],
                    ))?;
                    c.assert_changed(
                        insert(t(by_default), &["id", "name"], vec![vec![v(5), v("b")]]),
                        1,
                    )?;
                    c.assert_rows(sel(t(always), &["id", "name"]), rows![[1, "a"]])?;
                    c.assert_rows(
                        sel(t(by_default), &["id", "name"]),
                        rows![[1, "a"], [5, "b"]],
                    )
                },
            )
        },
    );

    h.case(
        "ddl identity columns are unsupported",
        &[Sqlite, MySql],
        |c| {
            for identity in [Identity::Always, Identity::ByDefault] {
                let mut id = id_col();
                id.identity = Some(identity);
                assert_ddl_unsupported(
                    c,
                    create_table(&table("ddl_ident", vec![id]), c.dialect(), false),
                    Feature::IdentityColumn,
                )?;
            }
            Ok(())
        },
    );

    h.case(
        "ddl sqlite autoincrement needs the primary key",
        &[Sqlite],
        |c| {
            let tbl = table(
                "ddl_bad_auto",
                vec![
                    id_col(),
                    Column::new("n", SqlType::Integer).auto_increment(),
                ],
            );
            let got = create_table(&tbl, Sqlite, false);
            c.check(matches!(got, Err(Error::Invalid(_))), || {
                format!("expected Invalid, got {got:?}")
            })
        },
    );
}

fn uniques_checks(h: &mut Harness) {
    h.all("ddl unique column and named multi-column unique", |c| {
        let name = "ddl_unique";
        scoped(c, &[Obj::Table(t(name))], |c| {
            let mut tbl = table(
                name,
                vec![
                    id_col(),
                    Column::new("email", SqlType::Varchar(Some(100))).unique(),
                    Column::new("a", SqlType::Integer),
                    Column::new("b", SqlType::Integer),
                ],
            );
            tbl.uniques.push(Unique {
                name: Some("ddl_unique_ab".into()),
                columns: vec!["a".into(), "b".into()],
            });
            ddl(c, create_table(&tbl, c.dialect(), false))?;
            let cols = ["id", "email", "a", "b"];
            c.assert_changed(
                insert(t(name), &cols, vec![vec![v(1), v("x"), v(1), v(1)]]),
                1,
            )?;
            c.assert_db_error(insert(t(name), &cols, vec![vec![v(2), v("x"), v(1), v(2)]]))?;
            // NULLs are distinct for UNIQUE on all three.
            c.assert_changed(
                insert(
                    t(name),
                    &cols,
                    vec![
                        vec![v(3), Value::Null, v(1), v(3)],
                        vec![v(4), Value::Null, v(1), v(4)],
                    ],
                ),
                2,
            )?;
            c.assert_db_error(insert(t(name), &cols, vec![vec![v(5), v("y"), v(1), v(1)]]))?;
            c.assert_changed(
                insert(t(name), &cols, vec![vec![v(6), v("z"), v(2), v(1)]]),
                1,
            )?;
            c.assert_rows(sel(t(name), &["id"]), rows![[1], [3], [4], [6]])
        })
    });

    h.all("ddl check constraints", |c| {
        let name = "ddl_check";
        scoped(c, &[Obj::Table(t(name))], |c| {
            let mut tbl = table(
                name,
                vec![
                    id_col(),
                    Column::new("age", SqlType::Integer),
                    Column::new("code", SqlType::Varchar(Some(20))),
                ],
            );
            tbl.checks.push(Check {
                name: "ddl_check_age".into(),
                expr: Expr::bare("age").ge(Expr::val(0)),
            });
            tbl.checks.push(Check {
                name: "ddl_check_code".into(),
                expr: Expr::bare("code").ne(Expr::val("it's \\bad")),
            });
            ddl(c, create_table(&tbl, c.dialect(), false))?;
            let cols = ["id", "age", "code"];
            c.assert_db_error(insert(t(name), &cols, vec![vec![v(1), v(-1), v("ok")]]))?;
            c.assert_db_error(insert(
                t(name),
                &cols,
                vec![vec![v(2), v(5), v("it's \\bad")]],
            ))?;
            c.assert_changed(
                insert(t(name), &cols, vec![vec![v(3), v(0), v("it's \\good")]]),
                1,
            )?;
            c.assert_rows(sel(t(name), &cols), rows![[3, 0, "it's \\good"]])
        })
    });
}

fn foreign_keys(h: &mut Harness) {
    h.all("ddl foreign key actions", |c| {
        let objs = [
            Obj::Table(t("ddl_fk_cascade")),
            Obj::Table(t("ddl_fk_setnull")),
            Obj::Table(t("ddl_fk_restrict")),
            Obj::Table(t("ddl_fk_parent")),
        ];
        scoped(c, &objs, |c| {
            ddl(
                c,
                create_table(&table("ddl_fk_parent", vec![id_col()]), c.dialect(), false),
            )?;
            let child = |name: &str, fk: ForeignKey| {
                table(
                    name,
                    vec![
                        id_col(),
                        Column::new("pid", SqlType::Integer).references(fk),
                    ],
                )
            };
            let fk = || ForeignKey::new(&[], t("ddl_fk_parent"), &["id"]);
            let children = [
                child(
                    "ddl_fk_cascade",
                    fk().on_delete(ReferentialAction::Cascade)
                        .on_update(ReferentialAction::Cascade),
                ),
                child("ddl_fk_setnull", fk().on_delete(ReferentialAction::SetNull)),
                child(
                    "ddl_fk_restrict",
                    fk().on_delete(ReferentialAction::Restrict),
                ),
            ];
            for ch in &children {
                ddl(c, create_table(ch, c.dialect(), false))?;
            }
            c.assert_changed(
                insert(
                    t("ddl_fk_parent"),
                    &["id"],
                    vec![vec![v(1)], vec![v(2)], vec![v(3)]],
                ),
                3,
            )?;
            for (i, ch) in children.iter().enumerate() {
                let pid = i as i64 + 1;
                c.assert_changed(
                    insert(t(&ch.name), &["id", "pid"], vec![vec![v(pid * 10), v(pid)]]),
                    1,
                )?;
            }
            c.assert_db_error(insert(
                t("ddl_fk_cascade"),
                &["id", "pid"],
                vec![vec![v(99), v(99)]],
            ))?;

            // on update cascade: the child follows its parent's new key
            let mut up = Update::new(
                t("ddl_fk_parent"),
                vec![Assignment::new("id", Expr::val(100))],
            );
            up.where_ = Some(Expr::bare("id").eq(Expr::val(1)));
            c.assert_changed(up, 1)?;
            c.assert_rows(sel(t("ddl_fk_cascade"), &["id", "pid"]), rows![[10, 100]])?;

            // on delete cascade / set null / restrict
            let del = |id: i64| {
                Delete::new(t("ddl_fk_parent")).filter(Expr::bare("id").eq(Expr::val(id)))
            };
            c.assert_changed(del(100), 1)?;
            c.assert_rows(count(t("ddl_fk_cascade"), None), rows![[0]])?;
            c.assert_changed(del(2), 1)?;
            c.assert_rows(
                sel(t("ddl_fk_setnull"), &["id", "pid"]),
                rows![[20, Cell::Null]],
            )?;
            c.assert_db_error(del(3))?;
            c.assert_rows(sel(t("ddl_fk_parent"), &["id"]), rows![[3]])
        })
    });

    h.all("ddl composite named foreign key", |c| {
        let objs = [
            Obj::Table(t("ddl_fk2_child")),
            Obj::Table(t("ddl_fk2_parent")),
        ];
        scoped(c, &objs, |c| {
            let mut parent = table(
                "ddl_fk2_parent",
                vec![
                    Column::new("a", SqlType::Integer),
                    Column::new("b", SqlType::Varchar(Some(10))),
                ],
            );
            parent.primary_key = Some(PrimaryKey {
                name: None,
                columns: vec!["a".into(), "b".into()],
            });
            let mut child = table(
                "ddl_fk2_child",
                vec![
                    id_col(),
                    Column::new("pa", SqlType::Integer),
                    Column::new("pb", SqlType::Varchar(Some(10))),
                ],
            );
            let mut fk = ForeignKey::new(&["pa", "pb"], t("ddl_fk2_parent"), &["a", "b"])
                .on_delete(ReferentialAction::Cascade);
            fk.name = Some("ddl_fk2_named".into());
            child.foreign_keys.push(fk);
            ddl(c, create_table(&parent, c.dialect(), false))?;
            ddl(c, create_table(&child, c.dialect(), false))?;
            c.assert_changed(
                insert(
                    t("ddl_fk2_parent"),
                    &["a", "b"],
                    vec![vec![v(1), v("x")], vec![v(2), v("y")]],
                ),
                2,
            )?;
            c.assert_changed(
                insert(
                    t("ddl_fk2_child"),
                    &["id", "pa", "pb"],
                    vec![vec![v(1), v(1), v("x")]],
                ),
                1,
            )?;
            // Both halves exist, but not as a pair.
            c.assert_db_error(insert(
                t("ddl_fk2_child"),
                &["id", "pa", "pb"],
                vec![vec![v(2), v(1), v("y")]],
            ))?;
            c.assert_rows(
                sel(t("ddl_fk2_child"), &["id", "pa", "pb"]),
                rows![[1, 1, "x"]],
            )
        })
    });
}

fn index(name: &str, table: &str, on: Vec<Expr>) -> Index {
    Index::new(name, t(table), on)
}

fn indexes(h: &mut Harness) {
    fn email_table(c: &mut Ctx<'_>, name: &str) -> Result<(), String> {
        let cols = vec![
            id_col(),
            Column::new("email", SqlType::Varchar(Some(100))),
            Column::new("active", SqlType::Boolean)
                .not_null()
                .default_value(true),
        ];
        ddl(c, create_table(&table(name, cols), c.dialect(), false))
    }
    fn ins(name: &str, id: i64, email: &str, active: bool) -> Insert {
        insert(
            t(name),
            &["id", "email", "active"],
            vec![vec![v(id), v(email), v(active)]],
        )
    }

    h.all("ddl plain index exists once", |c| {
        let name = "ddl_idx_plain";
        scoped(c, &[Obj::Table(t(name))], |c| {
            email_table(c, name)?;
            let idx = index(
                "ddl_idx_plain_email",
                name,
                vec![Expr::bare("email"), Expr::bare("active")],
            );
            ddl(c, create_index(&idx, c.dialect()))?;
            // The second creation fails because the first one made it.
            assert_ddl_rejected(c, create_index(&idx, c.dialect()))?;
            c.assert_changed(ins(name, 1, "a@x", true), 1)?;
            c.assert_changed(ins(name, 2, "a@x", true), 1)?;
            c.assert_rows(
                count(t(name), Some(Expr::bare("email").eq(Expr::val("a@x")))),
                rows![[2]],
            )
        })
    });

    h.all("ddl unique index rejects duplicates", |c| {
        let name = "ddl_idx_unique";
        scoped(c, &[Obj::Table(t(name))], |c| {
            email_table(c, name)?;
            let mut idx = index("ddl_idx_unique_email", name, vec![Expr::bare("email")]);
            idx.unique = true;
            ddl(c, create_index(&idx, c.dialect()))?;
            c.assert_changed(ins(name, 1, "a@x", true), 1)?;
            c.assert_db_error(ins(name, 2, "a@x", false))?;
            c.assert_rows(sel(t(name), &["id"]), rows![[1]])
        })
    });

    h.case("ddl partial unique index", &[Sqlite, Postgres], |c| {
        let name = "ddl_idx_partial";
        scoped(c, &[Obj::Table(t(name))], |c| {
            email_table(c, name)?;
            let mut idx = index("ddl_idx_partial_email", name, vec![Expr::bare("email")]);
            idx.unique = true;
            idx.where_ = Some(Expr::bare("active").eq(Expr::val(true)));
            ddl(c, create_index(&idx, c.dialect()))?;
            // Uniqueness holds only among active rows.
            c.assert_changed(ins(name, 1, "a@x", false), 1)?;
            c.assert_changed(ins(name, 2, "a@x", false), 1)?;
            c.assert_changed(ins(name, 3, "a@x", true), 1)?;
            c.assert_db_error(ins(name, 4, "a@x", true))?;
            c.assert_rows(sel(t(name), &["id"]), rows![[1], [2], [3]])
        })
    });

    h.case("ddl partial index is unsupported on mysql", &[MySql], |c| {
        let mut idx = index(
            "ddl_idx_partial_email",
            "ddl_idx_partial",
            vec![Expr::bare("email")],
        );
        idx.where_ = Some(Expr::bare("active").eq(Expr::val(true)));
        assert_ddl_unsupported(c, create_index(&idx, MySql), Feature::PartialIndex)
    });

    h.case("ddl index methods", &[Postgres, MySql], |c| {
        let name = "ddl_idx_method";
        scoped(c, &[Obj::Table(t(name))], |c| {
            email_table(c, name)?;
            for method in ["btree", "hash"] {
                let mut idx = index(&format!("ddl_idx_{method}"), name, vec![Expr::bare("email")]);
                idx.method = Some(method.into());
                ddl(c, create_index(&idx, c.dialect()))?;
            }
            c.assert_changed(ins(name, 1, "a@x", true), 1)?;
            c.assert_rows(count(t(name), Some(Expr::bare("email").eq(Expr::val("a@x")))), rows![[1]])?;
            let catalog = match c.dialect() {
                Postgres => {
                    "(select string_agg(am.amname, ',' order by cl.relname) from pg_class cl join pg_am am on am.oid = cl.relam \
                     where cl.relname in ('ddl_idx_btree', 'ddl_idx_hash') and cl.relnamespace = current_schema()::regnamespace)"
                }
                // InnoDB has no hash indexes and builds a btree for `using hash`.
                _ => {
                    "(select group_concat(index_type order by index_name separator ',') from information_schema.statistics \
                     where table_schema = database() and index_name in ('ddl_idx_btree', 'ddl_idx_hash'))"
                }
            };
            let expected = if c.dialect() == Postgres { "btree,hash" } else { "BTREE,BTREE" };
            c.assert_rows(Query::select(Select { columns: vec![Expr::raw(catalog).into()], ..Default::default() }), rows![[
                expected
            ]])
        })
    });

    h.all("ddl unknown and hostile index methods", |c| {
        let with_method = |m: &str| {
            let mut idx = index("ddl_idx_m", "ddl_idx_method", vec![Expr::bare("email")]);
            idx.method = Some(m.into());
            idx
        };
        let d = c.dialect();
        match d {
            Sqlite => {
                assert_ddl_unsupported(
                    c,
                    create_index(&with_method("btree"), d),
                    Feature::IndexMethod,
                )?;
                assert_ddl_unsupported(
                    c,
                    create_index(&with_method("x; drop table y"), d),
                    Feature::IndexMethod,
                )
            }
            MySql => {
                assert_ddl_unsupported(
                    c,
                    create_index(&with_method("gin"), d),
                    Feature::IndexMethod,
                )?;
                assert_ddl_unsupported(
                    c,
                    create_index(&with_method("btree; drop table y"), d),
                    Feature::IndexMethod,
                )
            }
            Postgres => {
                let bad = "btree (email); drop table y; --";
                assert_ddl_error(
                    c,
                    create_index(&with_method(bad), d),
                    Error::BadName(bad.into()),
                )?;
                // A well-formed but unknown method reaches the server, which refuses it.
                let name = "ddl_idx_method";
                scoped(c, &[Obj::Table(t(name))], |c| {
                    email_table(c, name)?;
                    assert_ddl_rejected(c, create_index(&with_method("no_such_method"), d))
                })
            }
        }
    });

    h.case("ddl unique expression index", &[Sqlite, Postgres], |c| {
        let name = "ddl_idx_expr";
        scoped(c, &[Obj::Table(t(name))], |c| {
            email_table(c, name)?;
            let mut idx = index(
                "ddl_idx_expr_lower",
                name,
                vec![Expr::func("lower", vec![Expr::bare("email")])],
            );
            idx.unique = true;
            ddl(c, create_index(&idx, c.dialect()))?;
            c.assert_changed(ins(name, 1, "Ann@X", true), 1)?;
            c.assert_db_error(ins(name, 2, "aNN@x", true))?;
            c.assert_changed(ins(name, 3, "bob@x", true), 1)?;
            c.assert_rows(
                sel(t(name), &["id", "email"]),
                rows![[1, "Ann@X"], [3, "bob@x"]],
            )
        })
    });

    h.case(
        "ddl expression index is unsupported on mysql",
        &[MySql],
        |c| {
            // MariaDB has no functional key parts (MySQL 8.0.13 has): index a generated column instead.
            let idx = index(
                "ddl_idx_expr_lower",
                "ddl_idx_expr",
                vec![Expr::func("lower", vec![Expr::bare("email")])],
            );
            assert_ddl_unsupported(c, create_index(&idx, MySql), Feature::ExpressionIndex)
        },
    );
}

fn mood() -> EnumType {
    EnumType {
        schema: None,
        name: "ddl_mood".into(),
        values: vec!["sad".into(), "o'k".into(), "happy\\".into()],
    }
}

fn enums(h: &mut Harness) {
    h.case("ddl postgres enum type", &[Postgres], |c| {
        let name = "ddl_enum";
        scoped(c, &[Obj::Table(t(name)), Obj::Type(mood())], |c| {
            ddl(c, create_type(&mood(), Postgres))?;
            let ty = SqlType::NamedEnum {
                schema: None,
                name: "ddl_mood".into(),
            };
            ddl(
                c,
                create_table(
                    &table(name, vec![id_col(), Column::new("m", ty)]),
                    Postgres,
                    false,
                ),
            )?;
            let cols = ["id", "m"];
            c.assert_changed(
                insert(
                    t(name),
                    &cols,
                    vec![
                        vec![v(1), v("happy\\")],
                        vec![v(2), v("sad")],
                        vec![v(3), v("o'k")],
                    ],
                ),
                3,
            )?;
            c.assert_db_error(insert(t(name), &cols, vec![vec![v(4), v("angry")]]))?;
            // Enums sort in declaration order, not alphabetically.
            let q = Query::select(from(t(name), vec![Expr::bare("m").into()]))
                .order_by(vec![OrderBy::asc(Expr::bare("m"))]);
            c.assert_rows(q, rows![["sad"], ["o'k"], ["happy\\"]])
        })
    });

    h.case("ddl enum types are unsupported", &[Sqlite, MySql], |c| {
        let d = c.dialect();
        assert_ddl_unsupported(c, create_type(&mood(), d), Feature::EnumType)?;
        assert_ddl_unsupported(c, drop_type(&mood(), d, true), Feature::EnumType)?;
        let ty = SqlType::NamedEnum {
            schema: None,
            name: "ddl_mood".into(),
        };
        let got = create_table(
            &table("ddl_enum", vec![id_col(), Column::new("m", ty)]),
            d,
            false,
        );
        if d == MySql {
            assert_ddl_unsupported(c, got, Feature::EnumType)
        } else {
            // SQLite stores a named enum as text.
            c.check(
                got.as_ref().is_ok_and(|r| r.sql.contains(r#""m" text"#)),
                || format!("{got:?}"),
            )
        }
    });

    h.all("ddl inline enum", |c| {
        let name = "ddl_inline_enum";
        scoped(c, &[Obj::Table(t(name))], |c| {
            let ty = SqlType::InlineEnum(vec![
                "small".into(),
                "it's big".into(),
                "back\\slash".into(),
            ]);
            ddl(
                c,
                create_table(
                    &table(name, vec![id_col(), Column::new("size", ty)]),
                    c.dialect(),
                    false,
                ),
            )?;
            let cols = ["id", "size"];
            c.assert_changed(
                insert(
                    t(name),
                    &cols,
                    vec![
                        vec![v(1), v("back\\slash")],
                        vec![v(2), v("small")],
                        vec![v(3), v("it's big")],
                    ],
                ),
                3,
            )?;
            let bad = insert(t(name), &cols, vec![vec![v(4), v("huge")]]);
            let q = Query::select(from(t(name), vec![Expr::bare("size").into()]))
                .order_by(vec![OrderBy::asc(Expr::bare("size"))]);
            if c.dialect() == MySql {
                // Strict mode rejects a value outside the list; enums sort by position.
                c.assert_db_error(bad)?;
                c.assert_rows(q, rows![["small"], ["it's big"], ["back\\slash"]])
            } else {
                // Elsewhere an inline enum is plain text.
                c.assert_changed(bad, 1)?;
                c.assert_rows(q, rows![["back\\slash"], ["huge"], ["it's big"], ["small"]])
            }
        })
    });
}

fn arrays(h: &mut Harness) {
    h.case("ddl postgres arrays", &[Postgres], |c| {
        let name = "ddl_arrays";
        scoped(c, &[Obj::Table(t(name))], |c| {
            let cols = vec![
                id_col(),
                Column::new("ints", SqlType::Array(Box::new(SqlType::Integer))),
                Column::new("texts", SqlType::Array(Box::new(SqlType::Text))),
                Column::new(
                    "grid",
                    SqlType::Array(Box::new(SqlType::Array(Box::new(SqlType::Integer)))),
                ),
            ];
            ddl(c, create_table(&table(name, cols), Postgres, false))?;
            // Parameters go in text format: the server parses array literals.
            let row = vec![
                v(1),
                v("{3,1,2}"),
                v(r#"{"a,b","it's",NULL}"#),
                v("{{1,2},{3,4}}"),
            ];
            c.assert_changed(
                insert(t(name), &["id", "ints", "texts", "grid"], vec![row]),
                1,
            )?;
            c.assert_db_error(insert(
                t(name),
                &["id", "ints"],
                vec![vec![v(2), v("{1,x}")]],
            ))?;
            let q = Query::select(from(
                t(name),
                vec![
                    Expr::bare("ints").cast(SqlType::Text).into(),
                    Expr::func("array_length", vec![Expr::bare("ints"), Expr::val(1)]).into(),
                    Expr::raw(r#""texts"[1]"#).into(),
                    Expr::raw(r#""texts"[3] is null"#).into(),
                    Expr::raw(r#""grid"[2][1]"#).into(),
                ],
            ));
            c.assert_rows(q, rows![["{3,1,2}", 3, "a,b", true, 3]])?;
            c.assert_rows(
                declared_types(name, Postgres),
                rows![["integer,integer[],text[],integer[]"]],
            )
        })
    });

    h.case("ddl arrays are unsupported", &[Sqlite, MySql], |c| {
        let tbl = table(
            "ddl_arrays",
            vec![
                id_col(),
                Column::new("ints", SqlType::Array(Box::new(SqlType::Integer))),
            ],
        );
        assert_ddl_unsupported(
            c,
            create_table(&tbl, c.dialect(), false),
            Feature::ArrayType,
        )
    });
}

fn views(h: &mut Harness) {
    fn base(c: &mut Ctx<'_>, name: &str) -> Result<(), String> {
        let cols = vec![
            id_col(),
            Column::new("kind", SqlType::Varchar(Some(30))),
            Column::new("n", SqlType::Integer),
            Column::new("flag", SqlType::Boolean),
        ];
        ddl(c, create_table(&table(name, cols), c.dialect(), false))?;
        let odd = "it's \\ \"odd\"";
        let rows = vec![
            vec![v(1), v(odd), v(5), v(true)],
            vec![v(2), v(odd), v(1), v(true)],
            vec![v(3), v("plain"), v(9), v(true)],
            vec![v(4), v(odd), v(7), v(false)],
            vec![v(5), v(odd), v(200), v(true)],
        ];
        c.assert_changed(insert(t(name), &["id", "kind", "n", "flag"], rows), 5)
    }
    /// `kind = 'it''s \ "odd"' and n > 1 and n < 100.5 and flag = true`, values written as literals.
    fn view_query(base: &str) -> Query {
        let mut s = from(
            t(base),
            vec![
                Expr::bare("id").into(),
                SelectItem::aliased(Expr::bare("n"), "amount"),
            ],
        );
        s.where_ = Some(
            Expr::bare("kind")
                .eq(Expr::val("it's \\ \"odd\""))
                .and(Expr::bare("n").gt(Expr::val(1)))
                .and(Expr::bare("n").lt(Expr::val(100.5)))
                .and(Expr::bare("flag").eq(Expr::val(true)))
                .and(
                    Expr::bare("kind")
                        .is_not_null()
                        .or(Expr::val(Value::Null).is_null()),
                ),
        );
        Query::select(s)
    }

    h.all("ddl view with literal values", |c| {
        let (base_name, view) = ("ddl_view_base", "ddl_view");
        scoped(c, &[Obj::View(t(view)), Obj::Table(t(base_name))], |c| {
            base(c, base_name)?;
            let vw = View {
                name: t(view),
                query: Box::new(view_query(base_name)),
                materialized: false,
            };
            let r = create_view(&vw, c.dialect());
            c.check(r.as_ref().is_ok_and(|r| r.params.is_empty()), || {
                format!("view DDL must have no parameters: {r:?}")
            })?;
            ddl(c, r)?;
            c.assert_rows(sel(t(view), &["id", "amount"]), rows![[1, 5]])?;
            // A plain view sees later rows.
            c.assert_changed(
                insert(
                    t(base_name),
                    &["id", "kind", "n", "flag"],
                    vec![vec![v(6), v("it's \\ \"odd\""), v(3), v(true)]],
                ),
                1,
            )?;
            c.assert_rows(sel(t(view), &["id", "amount"]), rows![[1, 5], [6, 3]])
        })
    });

    h.case("ddl materialized view", &[Postgres], |c| {
        let (base_name, view) = ("ddl_mview_base", "ddl_mview");
        scoped(c, &[Obj::MatView(t(view)), Obj::Table(t(base_name))], |c| {
            base(c, base_name)?;
            let vw = View {
                name: t(view),
                query: Box::new(view_query(base_name)),
                materialized: true,
            };
            ddl(c, create_view(&vw, Postgres))?;
            c.assert_rows(sel(t(view), &["id", "amount"]), rows![[1, 5]])?;
            // A snapshot: later rows appear only after a refresh.
            c.assert_changed(
                insert(
                    t(base_name),
                    &["id", "kind", "n", "flag"],
                    vec![vec![v(6), v("it's \\ \"odd\""), v(3), v(true)]],
                ),
                1,
            )?;
            c.assert_rows(sel(t(view), &["id", "amount"]), rows![[1, 5]])?;
            c.raw("refresh materialized view ddl_mview")?;
            c.assert_rows(sel(t(view), &["id", "amount"]), rows![[1, 5], [6, 3]])
        })
    });

    h.case(
        "ddl materialized views are unsupported",
        &[Sqlite, MySql],
        |c| {
            let vw = View {
                name: t("ddl_mview"),
                query: Box::new(view_query("ddl_mview_base")),
                materialized: true,
            };
            assert_ddl_unsupported(c, create_view(&vw, c.dialect()), Feature::MaterializedView)
        },
    );
}

fn schemas(h: &mut Harness) {
    h.case("ddl postgres schemas", &[Postgres], |c| {
        // Schemas are database-wide, not inside the run's private schema: name it per process.
        let schema = format!("mizzle_ddl_{}", std::process::id());
        let name = "ddl_in_schema";
        let qualified = t(name).in_schema(&schema);
        c.raw(&format!("drop schema if exists \"{schema}\" cascade"))?;
        ddl(c, create_schema(&schema, Postgres))?;
        // `if not exists`: a second run is harmless.
        ddl(c, create_schema(&schema, Postgres))?;
        scoped(
            c,
            &[Obj::Table(qualified.clone()), Obj::Table(t(name))],
            |c| {
                let mut tbl = table(name, vec![id_col(), Column::new("v", SqlType::Text)]);
                tbl.schema = Some(schema.clone());
                ddl(c, create_table(&tbl, Postgres, false))?;
                // A same-named table on the search path holds other rows.
                ddl(
                    c,
                    create_table(
                        &table(name, vec![id_col(), Column::new("v", SqlType::Text)]),
                        Postgres,
                        false,
                    ),
                )?;
                let mut idx = index("ddl_in_schema_v", name, vec![Expr::bare("v")]);
                idx.table = qualified.clone();
                idx.unique = true;
                ddl(c, create_index(&idx, Postgres))?;
                c.assert_changed(
                    insert(
                        qualified.clone(),
                        &["id", "v"],
                        vec![vec![v(1), v("in schema")]],
                    ),
                    1,
                )?;
                c.assert_changed(
                    insert(t(name), &["id", "v"], vec![vec![v(1), v("on path")]]),
                    1,
                )?;
                c.assert_db_error(insert(
                    qualified.clone(),
                    &["id", "v"],
                    vec![vec![v(2), v("in schema")]],
                ))?;
                let mut s = from(
                    qualified.clone().alias("q"),
                    vec![Expr::col("q", "v").into()],
                );
                s.where_ = Some(Expr::col("q", "id").eq(Expr::val(1)));
                c.assert_rows(Query::select(s), rows![["in schema"]])?;
                c.assert_rows(sel(t(name), &["v"]), rows![["on path"]])?;
                c.assert_rows(
                    Query::select(Select {
                        columns: vec![Expr::Raw(vec![
                            RawPart::Sql(
                                "(select count(*) from pg_namespace where nspname = ".into(),
                            ),
                            RawPart::Value(v(schema.as_str())),
                            RawPart::Sql(")".into()),
                        ])
                        .into()],
                        ..Default::default()
                    }),
                    rows![[1]],
                )
            },
        )?;
        c.raw(&format!("drop schema \"{schema}\" cascade"))
    });

    h.case("ddl schemas are unsupported", &[Sqlite, MySql], |c| {
        assert_ddl_unsupported(
            c,
            create_schema("ddl_schema", c.dialect()),
            Feature::Schemas,
        )
    });
}

fn create_and_drop(h: &mut Harness) {
    h.all("ddl create table if not exists twice", |c| {
        let name = "ddl_if_not_exists";
        scoped(c, &[Obj::Table(t(name))], |c| {
            let tbl = table(name, vec![id_col(), Column::new("v", SqlType::Text)]);
            ddl(c, create_table(&tbl, c.dialect(), true))?;
            c.assert_changed(
                insert(t(name), &["id", "v"], vec![vec![v(1), v("kept")]]),
                1,
            )?;
            ddl(c, create_table(&tbl, c.dialect(), true))?;
            // The table was not re-created: the row survives.
            c.assert_rows(sel(t(name), &["id", "v"]), rows![[1, "kept"]])?;
            assert_ddl_rejected(c, create_table(&tbl, c.dialect(), false))
        })
    });

    h.all("ddl drop table view and type", |c| {
        let (name, view) = ("ddl_drop_me", "ddl_drop_view");
        let objs = [Obj::View(t(view)), Obj::Table(t(name))];
        scoped(c, &objs, |c| {
            let d = c.dialect();
            ddl(c, create_table(&table(name, vec![id_col()]), d, false))?;
            let vw = View {
                name: t(view),
                query: Box::new(sel(t(name), &["id"])),
                materialized: false,
            };
            ddl(c, create_view(&vw, d))?;
            c.assert_changed(insert(t(name), &["id"], vec![vec![v(1)]]), 1)?;
            c.assert_rows(sel(t(view), &["id"]), rows![[1]])?;
            ddl(c, drop_view(&t(view), d, false))?;
            c.assert_db_error(sel(t(view), &["id"]))?;
            c.assert_rows(sel(t(name), &["id"]), rows![[1]])?;
            ddl(c, drop_table(&t(name), d, false))?;
            c.assert_db_error(sel(t(name), &["id"]))?;
            // if exists: a missing table is fine; without it, an error.
            ddl(c, drop_table(&t(name), d, true))?;
            assert_ddl_rejected(c, drop_table(&t(name), d, false))?;
            assert_ddl_rejected(c, drop_view(&t(view), d, false))?;
            if d == Postgres {
                ddl(c, create_type(&mood(), d))?;
                ddl(c, drop_type(&mood(), d, false))?;
                ddl(c, drop_type(&mood(), d, true))?;
                assert_ddl_rejected(c, drop_type(&mood(), d, false))?;
            }
            Ok(())
        })
    });
}
