//! The deeply nested shapes of property 3 (expressions, queries, types
//! thousands of levels deep) and the threads with a large or an ordinary
//! 2 MiB stack they are built and rendered on.

use std::thread;

use mizzle_core::ast::{
    AggregateFn, Assignment, Cte, CteBody, Expr, FromItem, Query, RawPart, Select, SetExpr, SetOp,
    Statement, TableRef, Update, With,
};
use mizzle_core::schema::SqlType;
use mizzle_core::DialectKind;

/// Runs `f` on a thread with a large stack (building and dropping deep trees
/// recurses once per level).
pub(crate) fn on_big_stack<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    thread::scope(|s| {
        thread::Builder::new()
            .stack_size(512 << 20)
            .spawn_scoped(s, f)
            .unwrap()
            .join()
            .unwrap()
    })
}

/// Runs `f` on a thread with an ordinary 2 MiB stack.
pub(crate) fn on_small_stack<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    thread::scope(|s| {
        thread::Builder::new()
            .stack_size(2 << 20)
            .spawn_scoped(s, f)
            .unwrap()
            .join()
            .unwrap()
    })
}

pub(crate) fn select_expr(e: Expr) -> Query {
    Query::select(Select {
        columns: vec![e.into()],
        from: Some(FromItem::Table(TableRef::new("users"))),
        ..Default::default()
    })
}

pub(crate) fn col() -> Expr {
    Expr::col("users", "id")
}

pub(crate) type Shape = (&'static str, fn(usize) -> Statement);

pub(crate) fn deep_shapes() -> Vec<Shape> {
    vec![
        ("not", |n| {
            let mut e = col();
            for _ in 0..n {
                e = Expr::Not(Box::new(e));
            }
            select_expr(e).into()
        }),
        ("neg", |n| {
            let mut e = Expr::val(1);
            for _ in 0..n {
                e = Expr::Neg(Box::new(e));
            }
            select_expr(e).into()
        }),
        ("single-item and/or", |n| {
            let mut e = col();
            for i in 0..n {
                e = if i % 2 == 0 {
                    Expr::And(vec![e])
                } else {
                    Expr::Or(vec![e])
                };
            }
            select_expr(Expr::Not(Box::new(e))).into()
        }),
        ("mixed operators", |n| {
            let mut e = col();
            for i in 0..n {
                e = match i % 10 {
                    0 => e.eq(Expr::val(1)),
                    1 => e.like(Expr::val("a%")),
                    2 => e.between(Expr::val(1), Expr::val(2)),
                    3 => Expr::func("lower", vec![e]),
                    4 => e.cast(SqlType::Integer),
                    5 => e.in_list(vec![Expr::val(1), Expr::val(2)]),
                    6 => e.is_null(),
                    7 => e.aggregate(AggregateFn::Max, false),
                    8 => Expr::Case {
                        whens: vec![(Expr::val(true), e)],
                        otherwise: None,
                    },
                    _ => Expr::Raw(vec![
                        RawPart::Sql("abs(".into()),
                        RawPart::Expr(e),
                        RawPart::Sql(")".into()),
                    ]),
                };
            }
            select_expr(e).into()
        }),
        ("scalar subqueries", |n| {
            let mut e = col();
            for _ in 0..n {
                e = Expr::Subquery(Box::new(select_expr(e)));
            }
            select_expr(e).into()
        }),
        ("exists", |n| {
            let mut q = select_expr(col());
            for _ in 0..n {
                q = Query::select(Select {
                    where_: Some(Expr::Exists {
                        query: Box::new(q),
                        negated: false,
                    }),
                    ..Default::default()
                });
            }
            q.into()
        }),
        ("set operations", |n| {
            let mut body = select_expr(col()).body;
            for _ in 0..n {
                body = SetExpr::SetOp {
                    op: SetOp::Union,
                    all: true,
                    left: Box::new(body),
                    right: Box::new(select_expr(col()).body),
                };
            }
            Query::from_body(body).into()
        }),
        ("nested queries", |n| {
            let mut q = select_expr(col());
            for _ in 0..n {
                q = Query::from_body(SetExpr::Query(Box::new(q))).limit(5);
            }
            q.into()
        }),
        ("derived tables", |n| {
            let mut q = select_expr(col());
            for _ in 0..n {
                q = Query::select(Select {
                    from: Some(FromItem::Subquery {
                        query: Box::new(q),
                        alias: "d".into(),
                    }),
                    ..Default::default()
                });
            }
            q.into()
        }),
        ("ctes", |n| {
            let mut q = select_expr(col());
            for _ in 0..n {
                q = Query {
                    with: Some(With {
                        recursive: false,
                        ctes: vec![Cte {
                            name: "c".into(),
                            columns: vec![],
                            body: CteBody::Query(Box::new(q)),
                        }],
                    }),
                    ..select_expr(col())
                };
            }
            q.into()
        }),
        ("array cast type", |n| {
            let mut ty = SqlType::Integer;
            for _ in 0..n {
                ty = SqlType::Array(Box::new(ty));
            }
            select_expr(col().cast(ty)).into()
        }),
        ("update set", |n| {
            let mut e = col();
            for _ in 0..n {
                e = e + Expr::val(1);
            }
            Update::new(TableRef::new("users"), vec![Assignment::new("age", e)]).into()
        }),
    ]
}

/// Where a shape is expected to render: everywhere but the dialects that
/// refuse one of its constructs outright.
pub(crate) fn expect_ok(shape: &str, d: DialectKind) -> bool {
    !(shape == "array cast type" && d != DialectKind::Postgres)
}
