//! Hostile identifiers: table, column, constraint, index, view, alias and type
//! names full of quotes, backticks, comment and statement separators,
//! keywords, unicode and mixed case go through the engine's DDL and DML on all
//! three servers and come back intact. Names no server could take (empty,
//! NUL) and unquoted names (functions, custom types, index methods) that are
//! not plain words are refused at render time with `Error::BadName`.
//!
//! MariaDB limits, tested as server rejections rather than round trips:
//! identifiers are at most 64 characters, table and column names may not end
//! in a space, and identifiers are stored as utf8mb3, so characters outside
//! the Basic Multilingual Plane (emoji) are refused. Every other character
//! used here, including `/`, `\`, `.` and quotes, is fine in MariaDB table
//! names because it encodes them in the file names (`@0022` ...).

use mizzle_core::ast::{
    AggregateFn, Assignment, Cte, CteBody, Delete, Expr, FromItem, Join, JoinKind, OrderBy, Query,
    Select, SelectItem, Update, With,
};
use mizzle_core::render::{create_index, create_table, create_type, create_view};
use mizzle_core::schema::{
    Check, Column, EnumType, ForeignKey, Index, PrimaryKey, ReferentialAction, SqlType, Table,
    Unique, View,
};
use mizzle_core::{render_inline, DialectKind, Error, Value};
use mizzle_tests::{rows, Cell, Harness};

use super::ddl::{
    assert_ddl_error, assert_ddl_rejected, count, ddl, from, insert, scoped, sel, t, v, Obj,
};
use DialectKind::{MySql, Postgres, Sqlite};

const PARENT: &str = "pa\"rent `tbl` 'x'; --";
const P_ID: &str = "select";
const P_NAME: &str = "na\"me`'; drop table x; --";
const P_ORDER: &str = "order";
const CHILD: &str = "chïld é 表 \"group\"";
const C_ID: &str = "table";
const C_FK: &str = "pa'rent; id -- ref";
const C_VAL: &str = "MixedCase";
const C_TRAIL: &str = "trail\\";
const C_GROUP: &str = "group";
const IDX: &str = "idx \"q\" `b` 'c';--\\";
const FK_NAME: &str = "fk ' \"x\" `y`; --";
const PK_NAME: &str = "pk `z` \"w\" é";
const UQ_NAME: &str = "uq 'u' \"v\" `w`";
const CK_NAME: &str = "ck \\ 'c' \"d\"";
const VIEW: &str = "vi`e\"w 'x' ; --";
const T_ALIAS: &str = "t\"a`l'i as";
const P_ALIAS: &str = "p \"select\" `from`";
const COL_ALIAS: &str = "\"alias\"; drop table x; --";
const COL_ALIAS2: &str = "åłïäš `2` 中";
const SUB_ALIAS: &str = "sub \"q\" `x` 'y'";
const CTE_NAME: &str = "cte `with` \"as\" '('";

fn parent_table() -> Table {
    Table::new(PARENT)
        .column(Column::new(P_ID, SqlType::Integer).primary_key())
        .column(
            Column::new(P_NAME, SqlType::Varchar(Some(60)))
                .not_null()
                .unique(),
        )
        .column(
            Column::new(P_ORDER, SqlType::Integer)
                .not_null()
                .default_value(0),
        )
}

fn child_table() -> Table {
    let mut fk = ForeignKey::new(&[C_FK], t(PARENT), &[P_ID]).on_delete(ReferentialAction::Cascade);
    fk.name = Some(FK_NAME.into());
    Table {
        primary_key: Some(PrimaryKey {
            name: Some(PK_NAME.into()),
            columns: vec![C_ID.into()],
        }),
        foreign_keys: vec![fk],
        uniques: vec![Unique {
            name: Some(UQ_NAME.into()),
            columns: vec![C_VAL.into(), C_GROUP.into()],
        }],
        checks: vec![Check {
            name: CK_NAME.into(),
            expr: Expr::bare(C_TRAIL).ge(Expr::val(0)),
        }],
        ..Table::new(CHILD)
    }
    .column(Column::new(C_ID, SqlType::Integer))
    .column(Column::new(C_FK, SqlType::Integer).not_null())
    .column(Column::new(C_VAL, SqlType::Varchar(Some(40))))
    .column(Column::new(C_TRAIL, SqlType::Integer).not_null())
    .column(Column::new(C_GROUP, SqlType::Varchar(Some(20))))
}

const CHILD_COLS: [&str; 5] = [C_ID, C_FK, C_VAL, C_TRAIL, C_GROUP];

fn child_row(id: i64, fk: i64, val: &str, trail: i64, group: &str) -> Vec<Value> {
    vec![v(id), v(fk), v(val), v(trail), v(group)]
}

fn one_column(expr: Expr) -> Query {
    Query::select(Select {
        columns: vec![expr.into()],
        ..Default::default()
    })
}

pub fn run(h: &mut Harness) {
    h.all("hostile names round trip through ddl and dml", |c| {
        let objs = [
            Obj::View(t(VIEW)),
            Obj::Table(t(CHILD)),
            Obj::Table(t(PARENT)),
        ];
        scoped(c, &objs, |c| {
            let d = c.dialect();
            ddl(c, create_table(&parent_table(), d, false))?;
            ddl(c, create_table(&child_table(), d, false))?;
            ddl(
                c,
                create_index(
                    &Index::new(IDX, t(CHILD), vec![Expr::bare(C_FK), Expr::bare(C_GROUP)]),
                    d,
                ),
            )?;

            let (ann, bob) = ("ann'; --", "b\"o`b\\");
            c.assert_changed(
                insert(
                    t(PARENT),
                    &[P_ID, P_NAME, P_ORDER],
                    vec![vec![v(1), v(ann), v(2)], vec![v(2), v(bob), v(1)]],
                ),
                2,
            )?;
            let children = vec![
                child_row(10, 1, "x", 5, "g1"),
                child_row(11, 1, "y", 3, "g2"),
                child_row(12, 2, "z", 1, "g1"),
            ];
            c.assert_changed(insert(t(CHILD), &CHILD_COLS, children), 3)?;

            // Every constraint with a hostile name is in force.
            c.assert_db_error(insert(
                t(CHILD),
                &CHILD_COLS,
                vec![child_row(13, 99, "n", 0, "g3")],
            ))?; // foreign key
            c.assert_db_error(insert(
                t(CHILD),
                &CHILD_COLS,
                vec![child_row(14, 1, "x", 0, "g1")],
            ))?; // unique pair
            c.assert_db_error(insert(
                t(CHILD),
                &CHILD_COLS,
                vec![child_row(15, 1, "q", -1, "g3")],
            ))?; // check
            c.assert_db_error(insert(
                t(CHILD),
                &CHILD_COLS,
                vec![child_row(10, 1, "n", 0, "g9")],
            ))?; // primary key
            c.assert_db_error(insert(t(PARENT), &[P_ID, P_NAME], vec![vec![v(3), v(ann)]]))?; // unique column

            // A keyword column orders; its default applied.
            c.assert_changed(
                insert(t(PARENT), &[P_ID, P_NAME], vec![vec![v(3), v("cid")]]),
                1,
            )?;
            let q = Query::select(from(
                t(PARENT),
                vec![Expr::bare(P_ID).into(), Expr::bare(P_NAME).into()],
            ))
            .order_by(vec![
                OrderBy::asc(Expr::bare(P_ORDER)),
                OrderBy::asc(Expr::bare(P_ID)),
            ]);
            c.assert_rows(q, rows![[3, "cid"], [2, bob], [1, ann]])?;

            // Join under hostile table aliases, hostile column aliases, WHERE and ORDER BY on them.
            let mut s = from(
                t(CHILD).alias(T_ALIAS),
                vec![
                    SelectItem::aliased(Expr::col(P_ALIAS, P_NAME), COL_ALIAS),
                    SelectItem::aliased(Expr::col(T_ALIAS, C_VAL), COL_ALIAS2),
                    Expr::col(T_ALIAS, C_TRAIL).into(),
                ],
            );
            s.joins.push(Join {
                kind: JoinKind::Inner,
                lateral: false,
                target: FromItem::Table(t(PARENT).alias(P_ALIAS)),
                on: Some(Expr::col(T_ALIAS, C_FK).eq(Expr::col(P_ALIAS, P_ID))),
            });
            s.where_ = Some(Expr::col(T_ALIAS, C_TRAIL).gt(Expr::val(1)));
            let q = Query::select(s).order_by(vec![
                OrderBy::desc(Expr::bare(COL_ALIAS)),
                OrderBy::asc(Expr::bare(COL_ALIAS2)),
            ]);
            c.assert_rows(q, rows![[ann, "x", 5], [ann, "y", 3]])?;

            // GROUP BY / HAVING on a keyword column, a hostile aggregate alias.
            let mut s = from(
                t(CHILD),
                vec![
                    Expr::bare(C_GROUP).into(),
                    SelectItem::aliased(Expr::count_star(), "count(*) `n`"),
                ],
            );
            s.group_by = vec![Expr::bare(C_GROUP)];
            s.having = Some(Expr::count_star().gt(Expr::val(1)));
            c.assert_rows(Query::select(s), rows![["g1", 2]])?;

            // A derived table and a CTE under hostile names.
            let inner = Query::select(from(
                t(CHILD),
                vec![SelectItem::aliased(Expr::bare(C_ID), COL_ALIAS)],
            ));
            let mut s = Select {
                columns: vec![Expr::aggregate(
                    Expr::col(SUB_ALIAS, COL_ALIAS),
                    AggregateFn::Max,
                    false,
                )
                .into()],
                from: Some(FromItem::Subquery {
                    query: Box::new(inner.clone()),
                    alias: SUB_ALIAS.into(),
                }),
                ..Default::default()
            };
            c.assert_rows(Query::select(s.clone()), rows![[12]])?;
            s.from = Some(FromItem::Table(t(CTE_NAME)));
            s.columns =
                vec![
                    Expr::aggregate(Expr::col(CTE_NAME, COL_ALIAS), AggregateFn::Min, false).into(),
                ];
            let mut q = Query::select(s);
            q.with = Some(With {
                recursive: false,
                ctes: vec![Cte {
                    name: CTE_NAME.into(),
                    columns: vec![],
                    body: CteBody::Query(Box::new(inner)),
                }],
            });
            c.assert_rows(q, rows![[10]])?;

            // A view with a hostile name over the hostile table, its WHERE value inlined.
            let mut vq = from(
                t(CHILD),
                vec![Expr::bare(C_ID).into(), Expr::bare(C_VAL).into()],
            );
            vq.where_ = Some(Expr::bare(C_GROUP).eq(Expr::val("g1")));
            ddl(
                c,
                create_view(
                    &View {
                        name: t(VIEW),
                        query: Box::new(Query::select(vq)),
                        materialized: false,
                    },
                    d,
                ),
            )?;
            c.assert_rows(sel(t(VIEW), &[C_ID, C_VAL]), rows![[10, "x"], [12, "z"]])?;

            // UPDATE and DELETE through hostile names; the delete cascades.
            let odd = "w'\"`\\ --";
            let mut up = Update::new(t(CHILD), vec![Assignment::new(C_VAL, Expr::val(odd))]);
            up.where_ = Some(Expr::bare(C_FK).eq(Expr::val(2)));
            c.assert_changed(up, 1)?;
            c.assert_changed(
                Delete::new(t(PARENT)).filter(Expr::bare(P_ID).eq(Expr::val(1))),
                1,
            )?;
            c.assert_rows(sel(t(CHILD), &CHILD_COLS), rows![[12, 2, odd, 1, "g1"]])?;
            c.assert_rows(sel(t(VIEW), &[C_ID, C_VAL]), rows![[12, odd]])
        })
    });

    h.all("hostile quote-only and keyword names", |c| {
        let names = ["`", "\"", "'", "\\"];
        let objs: Vec<Obj> = names.iter().map(|n| Obj::Table(t(n))).collect();
        scoped(c, &objs, |c| {
            for (i, name) in names.iter().enumerate() {
                // Every table is named by one quote character; its columns by the others and keywords.
                let cols: Vec<&str> = names
                    .iter()
                    .filter(|n| *n != name)
                    .copied()
                    .chain(["from", "where"])
                    .collect();
                let mut tbl =
                    Table::new(name).column(Column::new(name, SqlType::Integer).primary_key());
                for col in &cols {
                    tbl = tbl.column(Column::new(col, SqlType::Varchar(Some(10))));
                }
                ddl(c, create_table(&tbl, c.dialect(), false))?;
                let mut all = vec![*name];
                all.extend(&cols);
                let row: Vec<Value> = std::iter::once(v(i as i64))
                    .chain(cols.iter().map(|c| v(*c)))
                    .collect();
                c.assert_changed(insert(t(name), &all, vec![row]), 1)?;
                let mut expected = vec![Cell::Int(i as i64)];
                expected.extend(cols.iter().map(|c| Cell::from(*c)));
                c.assert_rows(sel(t(name), &all), vec![expected])?;
            }
            Ok(())
        })
    });

    h.all("hostile mixed case names", |c| {
        let objs = [Obj::Table(t("MixedCase")), Obj::Table(t("mixedcase"))];
        scoped(c, &objs, |c| {
            let d = c.dialect();
            let upper = Table::new("MixedCase")
                .column(Column::new("id", SqlType::Integer).primary_key())
                .column(Column::new("MixedCase", SqlType::Varchar(Some(10))));
            let lower = Table::new("mixedcase")
                .column(Column::new("id", SqlType::Integer).primary_key())
                .column(Column::new("v", SqlType::Varchar(Some(10))));
            match d {
                Postgres => {
                    // Quoted names keep their case: two tables, and two columns differing in case.
                    let upper = upper.column(Column::new("mixedcase", SqlType::Varchar(Some(10))));
                    ddl(c, create_table(&upper, d, false))?;
                    ddl(c, create_table(&lower, d, false))?;
                    c.assert_changed(
                        insert(
                            t("MixedCase"),
                            &["id", "MixedCase", "mixedcase"],
                            vec![vec![v(1), v("Upper"), v("lower")]],
                        ),
                        1,
                    )?;
                    c.assert_changed(
                        insert(t("mixedcase"), &["id", "v"], vec![vec![v(1), v("folded")]]),
                        1,
                    )?;
                    c.assert_rows(
                        sel(t("MixedCase"), &["MixedCase", "mixedcase"]),
                        rows![["Upper", "lower"]],
                    )?;
                    // Unquoted SQL folds to lower case and finds the other table.
                    c.assert_rows(
                        one_column(Expr::raw("(select v from MixedCase)")),
                        rows![["folded"]],
                    )?;
                    c.assert_db_error(one_column(Expr::raw(
                        "(select \"MixedCase\" from MixedCase)",
                    )))
                }
                MySql => {
                    // Table names are case-sensitive (lower_case_table_names = 0), column names never are.
                    ddl(c, create_table(&upper, d, false))?;
                    ddl(c, create_table(&lower, d, false))?;
                    c.assert_changed(
                        insert(
                            t("MixedCase"),
                            &["id", "MixedCase"],
                            vec![vec![v(1), v("Upper")]],
                        ),
                        1,
                    )?;
                    c.assert_changed(
                        insert(t("mixedcase"), &["id", "v"], vec![vec![v(1), v("other")]]),
                        1,
                    )?;
                    c.assert_rows(sel(t("MixedCase"), &["mixedcase"]), rows![["Upper"]])?;
                    c.assert_rows(sel(t("mixedcase"), &["v"]), rows![["other"]])?;
                    c.assert_db_error(sel(t("MIXEDCASE"), &["id"]))
                }
                Sqlite => {
                    // SQLite folds ASCII case even in quoted names: one table.
                    ddl(c, create_table(&upper, d, false))?;
                    assert_ddl_rejected(c, create_table(&lower, d, false))?;
                    c.assert_changed(
                        insert(
                            t("MixedCase"),
                            &["id", "MixedCase"],
                            vec![vec![v(1), v("Upper")]],
                        ),
                        1,
                    )?;
                    c.assert_rows(sel(t("MIXEDCASE"), &["mixedcase"]), rows![["Upper"]])
                }
            }
        })
    });

    h.all("hostile emoji and trailing-space names", |c| {
        let (emoji, crab, spaced, spaced_col) = ("emoji 😀 🎉", "🦀 crab", "trailing ", "c ");
        // MariaDB cannot even name these tables in a `drop table if exists`.
        let objs = if c.dialect() == MySql {
            vec![]
        } else {
            vec![Obj::Table(t(emoji)), Obj::Table(t(spaced))]
        };
        scoped(c, &objs, |c| {
            let d = c.dialect();
            let emoji_table = Table::new(emoji)
                .column(Column::new("id", SqlType::Integer).primary_key())
                .column(Column::new(crab, SqlType::Varchar(Some(10))));
            let spaced_table = Table::new(spaced)
                .column(Column::new("id", SqlType::Integer).primary_key())
                .column(Column::new(spaced_col, SqlType::Varchar(Some(10))));
            if d == MySql {
                // Identifiers are utf8mb3 and may not end in a space: the server refuses both.
                assert_ddl_rejected(c, create_table(&emoji_table, d, false))?;
                assert_ddl_rejected(c, create_table(&spaced_table, d, false))?;
                let spaced_column_only = Table::new("trailing_col")
                    .column(Column::new("id", SqlType::Integer).primary_key())
                    .column(Column::new(spaced_col, SqlType::Integer));
                return assert_ddl_rejected(c, create_table(&spaced_column_only, d, false));
            }
            ddl(c, create_table(&emoji_table, d, false))?;
            ddl(c, create_table(&spaced_table, d, false))?;
            c.assert_changed(
                insert(t(emoji), &["id", crab], vec![vec![v(1), v("🦀")]]),
                1,
            )?;
            c.assert_changed(
                insert(t(spaced), &["id", spaced_col], vec![vec![v(1), v("sp")]]),
                1,
            )?;
            let mut s = from(
                t(emoji).alias("😀"),
                vec![SelectItem::aliased(Expr::col("😀", crab), "🎉 ")],
            );
            s.where_ = Some(Expr::col("😀", crab).eq(Expr::val("🦀")));
            c.assert_rows(Query::select(s), rows![["🦀"]])?;
            c.assert_rows(sel(t(spaced), &[spaced_col]), rows![["sp"]])?;
            // The space is part of the name.
            c.assert_db_error(sel(t("trailing"), &["id"]))
        })
    });

    h.all("hostile identifier length limits", |c| {
        let base = "l".repeat(63);
        let (n63, n64a, n64b, n65) = (
            "m".repeat(63),
            format!("{base}a"),
            format!("{base}b"),
            format!("{base}ab"),
        );
        let names = if c.dialect() == MySql {
            vec![&n63, &n64a]
        } else {
            vec![&n63, &n64a, &n64b, &n65]
        };
        let objs: Vec<Obj> = names.iter().map(|n| Obj::Table(t(n))).collect();
        scoped(c, &objs, |c| {
            let d = c.dialect();
            let tbl = |name: &str| {
                Table::new(name).column(Column::new(name, SqlType::Integer).primary_key())
            };
            for name in [&n63, &n64a] {
                if d != Postgres || name.len() <= 63 {
                    ddl(c, create_table(&tbl(name), d, false))?;
                    c.assert_changed(
                        insert(t(name), &[name], vec![vec![v(name.len() as i64)]]),
                        1,
                    )?;
                    c.assert_rows(sel(t(name), &[name]), rows![[name.len() as i64]])?;
                }
            }
            match d {
                // 64 characters is MariaDB's limit.
                MySql => assert_ddl_rejected(c, create_table(&tbl(&n65), d, false)),
                // PostgreSQL silently truncates names to 63 bytes: two 64-character
                // names that share 63 characters are the same table.
                Postgres => {
                    ddl(c, create_table(&tbl(&n64a), d, false))?;
                    assert_ddl_rejected(c, create_table(&tbl(&n64b), d, false))?;
                    c.assert_changed(insert(t(&n64a), &[&n64a], vec![vec![v(7)]]), 1)?;
                    c.assert_rows(sel(t(&n64b), &[&n64b]), rows![[7]])
                }
                // SQLite has no limit.
                Sqlite => {
                    let long = "ł".repeat(300);
                    let objs = [Obj::Table(t(&long))];
                    scoped(c, &objs, |c| {
                        ddl(c, create_table(&tbl(&long), d, false))?;
                        c.assert_changed(insert(t(&long), &[&long], vec![vec![v(300)]]), 1)?;
                        c.assert_rows(sel(t(&long), &[&long]), rows![[300]])
                    })
                }
            }
        })
    });

    h.case(
        "hostile postgres enum type name and labels",
        &[Postgres],
        |c| {
            let ty = EnumType {
                schema: None,
                name: "mo\"od 'é' ; --".into(),
                values: vec![
                    "it's".into(),
                    "back\\slash".into(),
                    "\"q\"".into(),
                    "".into(),
                ],
            };
            let name = "hostile enum \"tbl\"";
            scoped(c, &[Obj::Table(t(name)), Obj::Type(ty.clone())], |c| {
                ddl(c, create_type(&ty, Postgres))?;
                let col = SqlType::NamedEnum {
                    schema: None,
                    name: ty.name.clone(),
                };
                let tbl = Table::new(name)
                    .column(Column::new("id", SqlType::Integer).primary_key())
                    .column(Column::new("m 'x'", col.clone()));
                ddl(c, create_table(&tbl, Postgres, false))?;
                let vals = [v("back\\slash"), v("\"q\""), v("it's"), v("")];
                let rows_in = vals
                    .iter()
                    .enumerate()
                    .map(|(i, x)| vec![v(i as i64), x.clone()])
                    .collect();
                c.assert_changed(insert(t(name), &["id", "m 'x'"], rows_in), 4)?;
                c.assert_db_error(insert(
                    t(name),
                    &["id", "m 'x'"],
                    vec![vec![v(9), v("it''s")]],
                ))?;
                let q = Query::select(from(t(name), vec![Expr::bare("m 'x'").into()]))
                    .order_by(vec![OrderBy::asc(Expr::bare("m 'x'"))]);
                c.assert_rows(q, rows![["it's"], ["back\\slash"], ["\"q\""], [""]])?;
                // The hostile type name also works as a cast target.
                let cast = Expr::val("it's").cast(col).eq(Expr::raw("'it''s'"));
                c.assert_rows(
                    count(
                        t(name),
                        Some(Expr::bare("m 'x'").eq(Expr::val("it's")).and(cast)),
                    ),
                    rows![[1]],
                )
            })
        },
    );

    h.all("hostile names refused at render time", |c| {
        let d = c.dialect();
        let bad = |name: &str| Error::BadName(name.into());
        let is_bad = |e: &Error| matches!(e, Error::BadName(_));
        // Empty and NUL identifiers, wherever an identifier goes.
        for name in ["", "a\0b", "\0"] {
            c.assert_render_error(sel(t(name), &["id"]), is_bad)?;
            c.assert_render_error(sel(t("users"), &[name]), is_bad)?;
            c.assert_render_error(sel(t("users").alias(name), &["id"]), is_bad)?;
            c.assert_render_error(sel(t("users").in_schema(name), &["id"]), is_bad)?;
            let aliased = Query::select(from(
                t("users"),
                vec![SelectItem::aliased(Expr::bare("id"), name)],
            ));
            c.assert_render_error(aliased, is_bad)?;
            c.assert_render_error(insert(t("users"), &[name], vec![vec![v(1)]]), is_bad)?;
            let up = Update::new(t("users"), vec![Assignment::new(name, Expr::val(1))]);
            c.assert_render_error(up, is_bad)?;
            let ok_col = || Column::new("id", SqlType::Integer);
            assert_ddl_error(
                c,
                create_table(&Table::new(name).column(ok_col()), d, false),
                bad(name),
            )?;
            assert_ddl_error(
                c,
                create_table(
                    &Table::new("t").column(Column::new(name, SqlType::Integer)),
                    d,
                    false,
                ),
                bad(name),
            )?;
            let fk_table =
                Table::new("t").column(ok_col().references(ForeignKey::new(&[], t(name), &["id"])));
            assert_ddl_error(c, create_table(&fk_table, d, false), bad(name))?;
            let idx = Index::new(name, t("users"), vec![Expr::bare("id")]);
            assert_ddl_error(c, create_index(&idx, d), bad(name))?;
        }
        // Unquoted names: functions, custom types and index methods must be plain words.
        let evil_fn = "lower(1);drop table x;--";
        c.assert_render_error(one_column(Expr::func(evil_fn, vec![Expr::val("a")])), |e| {
            e == &bad(evil_fn)
        })?;
        c.assert_render_error(one_column(Expr::func("", vec![])), |e| e == &bad(""))?;
        c.assert_render_error(one_column(Expr::func("a.b.c", vec![])), |e| {
            e == &bad("a.b.c")
        })?;
        let evil_ty = "int); drop table users; --";
        let tbl = Table::new("t").column(Column::new("c", SqlType::Custom(evil_ty.into())));
        assert_ddl_error(c, create_table(&tbl, d, false), bad(evil_ty))?;
        let cast = one_column(Expr::val(1).cast(SqlType::Custom(evil_ty.into())));
        if d == MySql {
            // MySQL casts only to its short list of types: refused before the name is looked at.
            c.assert_unsupported(cast, mizzle_core::Feature::CastType)?;
        } else {
            c.assert_render_error(cast, |e| e == &bad(evil_ty))?;
        }
        // Rendered inline (no parameters), the same input is refused too.
        let inline = render_inline(&one_column(Expr::func(evil_fn, vec![])).into(), d);
        c.check(inline.as_ref().err() == Some(&bad(evil_fn)), || {
            format!("{inline:?}")
        })
    });
}
