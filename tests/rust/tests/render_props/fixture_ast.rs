//! The fixture-aware generators (`fx_*`): selects (joins, subqueries, set
//! operations, CTEs) and INSERT / UPDATE / DELETE over the blog fixture's
//! real tables and columns, so that SQLite executes most of them instead of
//! rejecting them (property 2).

use std::fmt::Debug;

use mizzle_core::ast::{
    Assignment, BinaryOp, Cte, CteBody, Delete, Distinct, Expr, FromItem, Insert, InsertSource,
    InsertValue, Join, JoinKind, OnConflict, OnConflictAction, OrderBy, Query, Select, SelectItem,
    SetExpr, Statement, TableRef, Update, With,
};
use mizzle_core::schema::SqlType;
use mizzle_core::Value;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

use crate::any_ast::order_by;
use crate::vocabulary::{
    agg_fn, cmp_op, one_of, set_op, COMMENTS_COLS, POSTS_COLS, TABLES, USERS_COLS, WORDS,
};

/// Reference names visible in a query, with their columns.
#[derive(Debug, Clone)]
pub(crate) struct Scope(Vec<(String, Vec<&'static str>)>);

impl Scope {
    fn one(name: &str, cols: &[&'static str]) -> Scope {
        Scope(vec![(name.into(), cols.to_vec())])
    }
    fn columns(&self) -> Vec<Expr> {
        self.0
            .iter()
            .flat_map(|(r, cols)| cols.iter().map(move |c| Expr::col(r, c)))
            .collect()
    }
    fn col(&self) -> BoxedStrategy<Expr> {
        select(self.columns()).boxed()
    }
    fn refs(&self) -> Vec<String> {
        self.0.iter().map(|(r, _)| r.clone()).collect()
    }
}

pub(crate) fn cols_of(table: usize) -> &'static [&'static str] {
    [USERS_COLS, POSTS_COLS, COMMENTS_COLS][table]
}

pub(crate) fn fx_value() -> BoxedStrategy<Value> {
    prop_oneof![
        4 => (-2i64..40).prop_map(Value::Int),
        2 => select(WORDS).prop_map(|w| Value::Text(w.into())),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => Just(Value::Null),
        1 => (-5.0f64..5.0).prop_map(Value::Float),
    ]
    .boxed()
}

pub(crate) fn fx_val_expr() -> BoxedStrategy<Expr> {
    fx_value().prop_map(Expr::Value).boxed()
}

pub(crate) fn fx_cmp(s: BoxedStrategy<Expr>, r: BoxedStrategy<Expr>) -> BoxedStrategy<Expr> {
    (s, cmp_op(), r)
        .prop_map(|(l, op, r)| Expr::Binary {
            op,
            left: Box::new(l),
            right: Box::new(r),
        })
        .boxed()
}

/// A one-column subquery over a fixture table aliased `sq`, possibly
/// correlated with `outer`.
pub(crate) fn fx_subquery(outer: &Scope) -> BoxedStrategy<Query> {
    let outer = outer.clone();
    (0..3usize)
        .prop_flat_map(move |t| {
            let inner = Scope::one("sq", cols_of(t));
            let mut both = outer.clone();
            both.0.extend(inner.0.clone());
            let cond = fx_cmp(
                inner.col(),
                prop_oneof![2 => both.col(), 1 => fx_val_expr()].boxed(),
            );
            (
                Just(t),
                inner.col(),
                option::weighted(0.7, cond),
                option::weighted(0.3, 0i64..3),
            )
        })
        .prop_map(|(t, col, where_, limit)| Query {
            limit: limit.map(Expr::val),
            ..Query::select(Select {
                columns: vec![col.into()],
                from: Some(FromItem::Table(TableRef::new(TABLES[t]).alias("sq"))),
                where_,
                ..Default::default()
            })
        })
        .boxed()
}

pub(crate) fn fx_function(inner: BoxedStrategy<Expr>) -> BoxedStrategy<Expr> {
    prop_oneof![
        3 => (select(vec!["lower", "upper", "length", "abs", "typeof", "hex", "quote", "trim"]), inner.clone())
            .prop_map(|(f, a)| Expr::func(f, vec![a])),
        2 => (select(vec!["coalesce", "ifnull", "nullif", "max", "min", "instr"]), inner.clone(), inner.clone())
            .prop_map(|(f, a, b)| Expr::func(f, vec![a, b])),
        1 => (inner.clone(), 0i64..4, 0i64..4)
            .prop_map(|(a, x, y)| Expr::func("substr", vec![a, Expr::val(x), Expr::val(y)])),
        1 => inner.prop_map(|a| Expr::func("round", vec![a])),
    ]
    .boxed()
}

/// Scalar expressions over `scope` that SQLite accepts (no aggregates).
pub(crate) fn fx_scalar(scope: &Scope, sub: Option<BoxedStrategy<Query>>) -> BoxedStrategy<Expr> {
    let col = scope.col();
    let leaf = prop_oneof![
        5 => col.clone(),
        3 => fx_val_expr(),
        1 => Just(Expr::Placeholder("p".into())),
    ];
    leaf.prop_recursive(2, 8, 2, move |inner| {
        use BinaryOp::*;
        let b = || inner.clone().prop_map(Box::new);
        let mut arms = vec![
            (
                3,
                (select(vec![Add, Sub, Mul, Div, Mod, Concat]), b(), b())
                    .prop_map(|(op, left, right)| Expr::Binary { op, left, right })
                    .boxed(),
            ),
            (1, b().prop_map(Expr::Neg).boxed()),
            (3, fx_function(inner.clone())),
            (
                1,
                (
                    b(),
                    select(vec![
                        SqlType::Integer,
                        SqlType::Text,
                        SqlType::Real,
                        SqlType::Blob,
                        SqlType::Boolean,
                        SqlType::Varchar(Some(3)),
                        SqlType::Numeric {
                            precision: Some(5),
                            scale: Some(2),
                        },
                    ]),
                )
                    .prop_map(|(expr, ty)| Expr::Cast { expr, ty })
                    .boxed(),
            ),
            (
                1,
                (
                    vec((fx_cmp(col.clone(), inner.clone()), inner.clone()), 1..3),
                    option::of(b()),
                )
                    .prop_map(|(whens, otherwise)| Expr::Case { whens, otherwise })
                    .boxed(),
            ),
        ];
        if let Some(q) = &sub {
            arms.push((
                1,
                q.clone().prop_map(|q| Expr::Subquery(Box::new(q))).boxed(),
            ));
        }
        one_of(arms)
    })
    .boxed()
}

/// Conditions over `scope`.
pub(crate) fn fx_pred(
    scope: &Scope,
    scalar: BoxedStrategy<Expr>,
    sub: Option<BoxedStrategy<Query>>,
) -> BoxedStrategy<Expr> {
    let col = scope.col();
    let bc = || col.clone().prop_map(Box::new);
    let bv = || fx_val_expr().prop_map(Box::new);
    let mut arms = vec![
        (
            5,
            fx_cmp(
                col.clone(),
                prop_oneof![2 => fx_val_expr(), 1 => scalar].boxed(),
            ),
        ),
        (
            1,
            (bc(), any::<bool>())
                .prop_map(|(expr, negated)| Expr::IsNull { expr, negated })
                .boxed(),
        ),
        (
            1,
            (bc(), select(WORDS), any::<bool>(), any::<bool>())
                .prop_map(|(expr, p, negated, case_insensitive)| Expr::Like {
                    expr,
                    pattern: Box::new(Expr::val(p)),
                    negated,
                    case_insensitive,
                })
                .boxed(),
        ),
        (
            1,
            (bc(), vec(fx_val_expr(), 0..4), any::<bool>())
                .prop_map(|(expr, list, negated)| Expr::InList {
                    expr,
                    list,
                    negated,
                })
                .boxed(),
        ),
        (
            1,
            (bc(), bv(), bv(), any::<bool>())
                .prop_map(|(expr, low, high, negated)| Expr::Between {
                    expr,
                    low,
                    high,
                    negated,
                })
                .boxed(),
        ),
        (1, col.clone()),
    ];
    if let Some(q) = sub {
        let bq = || q.clone().prop_map(Box::new);
        arms.push((
            1,
            (bq(), any::<bool>())
                .prop_map(|(query, negated)| Expr::Exists { query, negated })
                .boxed(),
        ));
        arms.push((
            1,
            (bc(), bq(), any::<bool>())
                .prop_map(|(expr, query, negated)| Expr::InQuery {
                    expr,
                    query,
                    negated,
                })
                .boxed(),
        ));
    }
    one_of(arms)
        .prop_recursive(2, 6, 3, |inner| {
            prop_oneof![
                2 => vec(inner.clone(), 2..4).prop_map(Expr::And),
                2 => vec(inner.clone(), 2..4).prop_map(Expr::Or),
                1 => inner.prop_map(|e| Expr::Not(Box::new(e))),
            ]
        })
        .boxed()
}

pub(crate) fn fx_order(scalar: BoxedStrategy<Expr>) -> BoxedStrategy<Vec<OrderBy>> {
    prop_oneof![
        2 => Just(vec![]),
        1 => vec(order_by(scalar), 1..3),
    ]
    .boxed()
}

pub(crate) fn fx_limit() -> BoxedStrategy<Option<Expr>> {
    option::weighted(
        0.3,
        prop_oneof![
            4 => (0i64..5).prop_map(Expr::val),
            1 => Just(Expr::Placeholder("n".into())),
        ],
    )
    .boxed()
}

/// The parts of a SELECT over `scope`, built into a query by the caller.
pub(crate) struct SelectParts {
    distinct: Distinct,
    columns: Vec<SelectItem>,
    where_: Option<Expr>,
    group_by: Vec<Expr>,
    having: Option<Expr>,
    order_by: Vec<OrderBy>,
    limit: Option<Expr>,
    offset: Option<Expr>,
}

pub(crate) type PartsTuple = (
    Distinct,
    Vec<SelectItem>,
    Option<Expr>,
    Vec<Expr>,
    Option<Expr>,
    Vec<OrderBy>,
    Option<Expr>,
    Option<Expr>,
);

pub(crate) fn fx_parts(scope: &Scope) -> impl Strategy<Value = PartsTuple> {
    let sub = fx_subquery(scope);
    let scalar = fx_scalar(scope, Some(sub.clone()));
    let pred = fx_pred(scope, scalar.clone(), Some(sub));
    let item = prop_oneof![
        6 => (scalar.clone(), option::weighted(0.3, select(vec!["a", "b", "c"])))
            .prop_map(|(expr, alias)| SelectItem::Expr { expr, alias: alias.map(String::from) }),
        2 => (agg_fn(), scalar.clone(), proptest::bool::weighted(0.2))
            .prop_map(|(func, arg, distinct)| Expr::Aggregate { func, arg: Some(Box::new(arg)), distinct }.into()),
        1 => Just(Expr::count_star().into()),
        1 => Just(SelectItem::Star(None)),
        1 => select(scope.refs()).prop_map(|r| SelectItem::Star(Some(r))),
    ];
    let having = fx_cmp(
        (agg_fn(), scope.col())
            .prop_map(|(f, c)| c.aggregate(f, false))
            .boxed(),
        fx_val_expr(),
    );
    (
        prop_oneof![4 => Just(Distinct::All), 1 => Just(Distinct::Distinct)],
        vec(item, 1..4),
        option::weighted(0.6, pred),
        prop_oneof![3 => Just(vec![]), 1 => vec(scope.col(), 1..3)],
        option::weighted(0.5, having),
        fx_order(scalar),
        fx_limit(),
        fx_limit(),
    )
}

pub(crate) fn parts(t: PartsTuple) -> SelectParts {
    let (distinct, columns, where_, group_by, having, order_by, limit, offset) = t;
    SelectParts {
        having: having.filter(|_| !group_by.is_empty()),
        distinct,
        columns,
        where_,
        group_by,
        order_by,
        limit,
        offset,
    }
}

pub(crate) fn build_select(p: SelectParts, from: FromItem, joins: Vec<Join>) -> Query {
    Query {
        order_by: p.order_by,
        limit: p.limit,
        offset: p.offset,
        ..Query::select(Select {
            distinct: p.distinct,
            columns: p.columns,
            from: Some(from),
            joins,
            where_: p.where_,
            group_by: p.group_by,
            having: p.having,
        })
    }
}

/// A SELECT over a fixture table with up to two joined tables.
pub(crate) fn fx_select() -> BoxedStrategy<Query> {
    let kind = prop_oneof![
        4 => Just(JoinKind::Inner),
        3 => Just(JoinKind::Left),
        1 => Just(JoinKind::Right),
        1 => Just(JoinKind::Full),
        1 => Just(JoinKind::Cross),
    ];
    (0..3usize, any::<bool>(), vec((0..3usize, kind), 0..3))
        .prop_flat_map(|(base, aliased, joined)| {
            let mut from = TableRef::new(TABLES[base]);
            if aliased {
                from.alias = Some("t0".into());
            }
            let mut scope = Scope::one(if aliased { "t0" } else { TABLES[base] }, cols_of(base));
            let mut joins = Vec::new();
            for (i, (t, kind)) in joined.into_iter().enumerate() {
                let alias = format!("j{}", i + 1);
                let mine = Scope::one(&alias, cols_of(t));
                let target = FromItem::Table(TableRef::new(TABLES[t]).alias(&alias));
                let on = match kind {
                    JoinKind::Cross => Just(None).boxed(),
                    _ => prop_oneof![
                        4 => (mine.col(), scope.col()).prop_map(|(a, b)| Some(a.eq(b))),
                        1 => fx_cmp(mine.col(), fx_val_expr()).prop_map(Some),
                    ]
                    .boxed(),
                };
                joins.push(
                    on.prop_map(move |on| Join {
                        kind,
                        lateral: false,
                        target: target.clone(),
                        on,
                    })
                    .boxed(),
                );
                scope.0.extend(mine.0);
            }
            (Just(FromItem::Table(from)), joins, fx_parts(&scope))
        })
        .prop_map(|(from, joins, p)| build_select(parts(p), from, joins))
        .boxed()
}

/// One-column SELECT blocks combined by a set operator.
pub(crate) fn fx_set_op() -> BoxedStrategy<Query> {
    let operand = (0..3usize)
        .prop_flat_map(|t| {
            let scope = Scope::one(TABLES[t], cols_of(t));
            let scalar = fx_scalar(&scope, None);
            (
                Just(t),
                scalar.clone(),
                option::weighted(0.5, fx_pred(&scope, scalar, None)),
                option::weighted(0.2, 1i64..4),
            )
        })
        .prop_map(|(t, col, where_, limit)| {
            let q = Query::select(Select {
                columns: vec![col.into()],
                from: Some(FromItem::Table(TableRef::new(TABLES[t]))),
                where_,
                ..Default::default()
            });
            match limit {
                Some(n) => SetExpr::Query(Box::new(q.limit(n))),
                None => q.body,
            }
        });
    (
        set_op(),
        proptest::bool::weighted(0.3),
        operand.clone(),
        operand,
        fx_limit(),
    )
        .prop_map(|(op, all, l, r, limit)| Query {
            limit,
            ..Query::from_body(SetExpr::SetOp {
                op,
                all,
                left: Box::new(l),
                right: Box::new(r),
            })
        })
        .boxed()
}

/// `with c(x, y) as (select .. from t) select .. from c [join users]`.
pub(crate) fn fx_cte() -> BoxedStrategy<Query> {
    (0..3usize, any::<bool>())
        .prop_flat_map(|(t, join_users)| {
            let inner = Scope::one(TABLES[t], cols_of(t));
            let inner_q = (
                inner.col(),
                inner.col(),
                option::weighted(0.5, fx_pred(&inner, inner.col(), None)),
            )
                .prop_map(move |(a, b, where_)| {
                    Query::select(Select {
                        columns: vec![a.into(), b.into()],
                        from: Some(FromItem::Table(TableRef::new(TABLES[t]))),
                        where_,
                        ..Default::default()
                    })
                });
            let mut scope = Scope::one("c", &["x", "y"]);
            let mut joins = vec![];
            if join_users {
                scope.0.push(("j1".into(), USERS_COLS.to_vec()));
                joins.push(Join {
                    kind: JoinKind::Left,
                    lateral: false,
                    target: FromItem::Table(TableRef::new("users").alias("j1")),
                    on: Some(Expr::col("j1", "id").eq(Expr::col("c", "x"))),
                });
            }
            (inner_q, Just(joins), fx_parts(&scope))
        })
        .prop_map(|(inner, joins, p)| {
            let mut q = build_select(parts(p), FromItem::Table(TableRef::new("c")), joins);
            q.with = Some(With {
                recursive: false,
                ctes: vec![Cte {
                    name: "c".into(),
                    columns: vec!["x".into(), "y".into()],
                    body: CteBody::Query(Box::new(inner)),
                }],
            });
            q
        })
        .boxed()
}

pub(crate) fn fx_query() -> BoxedStrategy<Query> {
    prop_oneof![7 => fx_select(), 2 => fx_set_op(), 2 => fx_cte()].boxed()
}

pub(crate) fn ie(v: Value) -> InsertValue {
    InsertValue::Expr(Expr::Value(v))
}

pub(crate) fn text_cell() -> BoxedStrategy<InsertValue> {
    prop_oneof![
        8 => select(WORDS).prop_map(|w| ie(Value::Text(w.into()))),
        1 => Just(ie(Value::Null)),
        1 => Just(InsertValue::Default),
    ]
    .boxed()
}

pub(crate) fn fx_insert() -> BoxedStrategy<Insert> {
    let email = prop_oneof![
        4 => (0u32..100_000).prop_map(|n| ie(Value::Text(format!("u{n}@x")))),
        1 => Just(ie(Value::Text("ann@example.com".into()))),
    ];
    let int_cell = |lo: i64, hi: i64| {
        prop_oneof![
            8 => (lo..hi).prop_map(|n| ie(Value::Int(n))),
            1 => Just(ie(Value::Null)),
            1 => Just(InsertValue::Default),
        ]
    };
    let user_row = (
        text_cell(),
        email,
        int_cell(0, 90),
        prop_oneof![4 => any::<bool>().prop_map(|b| ie(Value::Bool(b))), 1 => Just(InsertValue::Default)],
        text_cell(),
    )
        .prop_map(|(a, b, c, d, e)| vec![a, b, c, d, e]);
    let upsert = prop_oneof![
        3 => Just(None),
        1 => Just(Some(OnConflict {
            target: vec!["email".into()],
            target_where: None,
            action: OnConflictAction::DoNothing,
        })),
        1 => Just(Some(OnConflict {
            target: vec!["email".into()],
            target_where: None,
            action: OnConflictAction::DoUpdate {
                set: vec![
                    Assignment::new("name", Expr::Excluded("name".into())),
                    Assignment::new("age", Expr::Excluded("age".into()) + Expr::val(1)),
                ],
                where_: Some(Expr::col("users", "active").eq(Expr::val(true))),
            },
        })),
        1 => Just(Some(OnConflict {
            target: vec![],
            target_where: None,
            action: OnConflictAction::DoNothing,
        })),
    ];
    let fx_returning = prop_oneof![
        3 => Just(vec![]),
        1 => Just(vec![SelectItem::Star(None)]),
        1 => Just(vec![Expr::bare("id").into(), SelectItem::aliased(Expr::bare("name"), "n")]),
    ];
    let users = (
        vec(user_row, 1..3),
        upsert,
        proptest::bool::weighted(0.1),
        fx_returning.clone(),
        any::<bool>(),
    )
        .prop_map(|(rows, on_conflict, ignore, returning, schema_defaults)| {
            let insert = Insert {
                on_conflict,
                ignore,
                returning,
                ..Insert::values(
                    TableRef::new("users"),
                    &["name", "email", "age", "active", "bio"],
                    rows,
                )
            };
            // With the declared defaults, SQLite writes them for DEFAULT cells.
            if schema_defaults {
                insert.with_schema_defaults(&mizzle_tests::fixture::tables()[0])
            } else {
                insert
            }
        });
    let user_scope = Scope::one("users", USERS_COLS);
    let posts = (
        option::weighted(0.7, fx_pred(&user_scope, user_scope.col(), None)),
        fx_returning.clone(),
    )
        .prop_map(|(where_, returning)| Insert {
            columns: vec!["author_id".into(), "title".into()],
            source: InsertSource::Query(Box::new(Query::select(Select {
                columns: vec![
                    Expr::col("users", "id").into(),
                    Expr::col("users", "name").into(),
                ],
                from: Some(FromItem::Table(TableRef::new("users"))),
                where_,
                ..Default::default()
            }))),
            returning,
            ..Insert::values(TableRef::new("posts"), &[], vec![])
        });
    let comment_row = (int_cell(1, 7), int_cell(1, 7), text_cell(), int_cell(0, 6))
        .prop_map(|(a, b, c, d)| vec![a, b, c, d]);
    let comments = (vec(comment_row, 1..3), fx_returning).prop_map(|(rows, returning)| Insert {
        returning,
        ..Insert::values(
            TableRef::new("comments"),
            &["post_id", "user_id", "body", "stars"],
            rows,
        )
    });
    prop_oneof![3 => users, 1 => posts, 2 => comments].boxed()
}

pub(crate) fn fx_update() -> BoxedStrategy<Update> {
    (0..3usize)
        .prop_flat_map(|t| {
            let scope = Scope::one(TABLES[t], cols_of(t));
            let scalar = fx_scalar(&scope, None);
            let set = vec(
                (select(&cols_of(t)[1..]), scalar.clone()).prop_map(|(c, v)| Assignment::new(c, v)),
                1..3,
            );
            (
                Just(t),
                set,
                proptest::bool::weighted(0.15),
                option::weighted(0.6, fx_pred(&scope, scalar.clone(), None)),
                fx_order(scalar.clone()),
                fx_limit(),
                prop_oneof![3 => Just(vec![]), 1 => vec(scalar.prop_map(SelectItem::from), 1..3)],
            )
        })
        .prop_map(
            |(t, set, from_users, where_, order_by, limit, returning)| Update {
                from: if from_users {
                    vec![FromItem::Table(TableRef::new("users").alias("f"))]
                } else {
                    vec![]
                },
                where_,
                order_by,
                limit,
                returning,
                ..Update::new(TableRef::new(TABLES[t]), set)
            },
        )
        .boxed()
}

pub(crate) fn fx_delete() -> BoxedStrategy<Delete> {
    (0..3usize)
        .prop_flat_map(|t| {
            let scope = Scope::one(TABLES[t], cols_of(t));
            let scalar = fx_scalar(&scope, None);
            (
                Just(t),
                option::weighted(0.8, fx_pred(&scope, scalar.clone(), None)),
                fx_order(scalar.clone()),
                fx_limit(),
                prop_oneof![3 => Just(vec![]), 1 => vec(scalar.prop_map(SelectItem::from), 1..3)],
            )
        })
        .prop_map(|(t, where_, order_by, limit, returning)| Delete {
            where_,
            order_by,
            limit,
            returning,
            ..Delete::new(TableRef::new(TABLES[t]))
        })
        .boxed()
}

pub(crate) fn fx_dml() -> BoxedStrategy<Statement> {
    prop_oneof![
        2 => fx_insert().prop_map(Statement::Insert),
        1 => fx_update().prop_map(Statement::Update),
        1 => fx_delete().prop_map(Statement::Delete),
    ]
    .boxed()
}
