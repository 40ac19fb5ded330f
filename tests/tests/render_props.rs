//! Property tests for the renderer.
//!
//! Random ASTs of every kind (expressions, queries, INSERT / UPDATE / DELETE,
//! tables, indexes, enums, views), with names and values drawn from the blog
//! schema mixed with hostile strings (quotes, backticks, backslashes, NUL,
//! unicode, `--`, `;`, `?`, `$1`) and every kind of value (NaN and infinities
//! included):
//!
//! 1. rendering never panics, on any dialect, bound or inline, DML or DDL; when
//!    it succeeds, a dialect-aware scanner finds every quote closed, no comment
//!    opener or `;` outside quotes, and exactly the bound parameters as
//!    placeholders (`$1..$n` in order on PostgreSQL, `n` times `?` elsewhere);
//!    an unusable name (NUL, empty) is `Error::BadName`;
//! 2. sampled SQLite renderings (schema-aware selects and DML over the blog
//!    fixture, hostile statements and DDL) run in rolled-back transactions
//!    and either execute or fail with a typed `rusqlite::Error`; SQLite's own
//!    parameter count matches the bound values (the shares are printed: run
//!    with `--nocapture`); hostile aliases and every value round-trip exactly
//!    through SQLite, bound and inline;
//! 3. expressions, queries and types nested thousands deep are refused with
//!    `Error::TooDeep` without exhausting a 2 MiB stack.
//!
//! Case counts are fixed so the file runs in a few seconds in debug builds.

use std::collections::BTreeMap;
use std::fmt::Debug;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use mizzle_core::ast::{
    AggregateFn, Assignment, BinaryOp, ColumnRef, Cte, Delete, Distinct, Expr, FromItem, Insert,
    InsertSource, InsertValue, Join, JoinKind, Lock, LockStrength, LockWait, NullsOrder,
    OnConflict, OnConflictAction, OrderBy, Query, RawPart, Select, SelectItem, SetExpr, SetOp,
    Statement, TableRef, Update, With,
};
use mizzle_core::render::{
    create_all, create_index, create_schema, create_table, create_type, create_view, drop_table,
    drop_type, drop_view,
};
use mizzle_core::schema::{
    Check, Column, ColumnDefault, EnumType, ForeignKey, Identity, Index, PrimaryKey,
    ReferentialAction, SqlType, Table, Unique, View,
};
use mizzle_core::{render, render_inline, DialectKind, Error, Param, Rendered, Value};
use mizzle_tests::sqlite_db::{to_sqlite, SqliteDb};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::Union;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

// ---------------------------------------------------------------------------
// Names and values
// ---------------------------------------------------------------------------

const TABLES: &[&str] = &["users", "posts", "comments"];
const COLUMNS: &[&str] = &[
    "id",
    "name",
    "email",
    "age",
    "active",
    "bio",
    "author_id",
    "title",
    "body",
    "views",
    "published",
    "post_id",
    "user_id",
    "stars",
];
const USERS_COLS: &[&str] = &["id", "name", "email", "age", "active", "bio"];
const POSTS_COLS: &[&str] = &["id", "author_id", "title", "body", "views", "published"];
const COMMENTS_COLS: &[&str] = &["id", "post_id", "user_id", "body", "stars"];

/// Strings no name or value may smuggle past its quotes.
const HOSTILE: &[&str] = &[
    "",
    "\"",
    "a\"b",
    "\"\"",
    "`",
    "a`b",
    "'",
    "it's",
    "''",
    "\\",
    "a\\",
    "\\'",
    "\\\"",
    "nul\0byte",
    "\0",
    "ünïcødé",
    "表",
    "🦀",
    "e\u{301}",
    "\u{202e}rtl",
    "\u{feff}",
    "--",
    "x -- y",
    "/*",
    "*/",
    ";",
    "a; drop table users",
    "?",
    "a?b",
    "$1",
    "$$",
    ":name",
    "@p",
    "#",
    " ",
    "trailing ",
    "\n",
    "\t",
    "\r\n",
    "\x1a",
    "\x08",
    "E'x'",
    "x'00'",
];

/// Plain text values (some are LIKE patterns, some match fixture rows).
const WORDS: &[&str] = &[
    "ann",
    "bob",
    "cid",
    "dee",
    "ann@example.com",
    "Hello world",
    "%a%",
    "_o%",
    "",
    "x",
];

const FUNCTIONS: &[&str] = &[
    "lower",
    "upper",
    "length",
    "abs",
    "coalesce",
    "typeof",
    "round",
    "pg_catalog.lower",
];
const BAD_FUNCTIONS: &[&str] = &["lower(", "1abc", "a.b.c", "", "x y", "a;b", "--", "f'"];

const CUSTOM_TYPES: &[&str] = &[
    "citext",
    "double precision",
    "numeric(10, 2)",
    "int[]",
    "varchar(3)[]",
    "int) , (select 1",
    "a--",
    "x;y",
    "t'",
    "(1)",
    "",
    "int(a)",
];

const INDEX_METHODS: &[&str] = &["btree", "hash", "gin", "BTREE", "gist", "x; drop", "", "1a"];

/// Raw SQL fragments: the caller vouches for raw text, so these are
/// self-contained tokens that cannot open a quote or comment by themselves.
const RAW_SQL: &[&str] = &[
    " 1 ",
    " + ",
    " and ",
    " or ",
    " current_timestamp ",
    " lower(",
    ") ",
    " (",
    " null ",
    ", ",
    " 'lit''s' ",
    " = ",
    " * ",
];

fn one_of<T: Debug + 'static>(arms: Vec<(u32, BoxedStrategy<T>)>) -> BoxedStrategy<T> {
    Union::new_weighted(arms).boxed()
}

fn function_name() -> BoxedStrategy<String> {
    prop_oneof![16 => strs(FUNCTIONS), 1 => strs(BAD_FUNCTIONS)].boxed()
}

fn strs(list: &'static [&'static str]) -> BoxedStrategy<String> {
    select(list).prop_map(String::from).boxed()
}

fn plain_name() -> BoxedStrategy<String> {
    let all: Vec<&'static str> = TABLES.iter().chain(COLUMNS).copied().collect();
    select(all).prop_map(String::from).boxed()
}

fn hostile_string() -> BoxedStrategy<String> {
    prop_oneof![
        4 => strs(HOSTILE),
        1 => vec(any::<char>(), 1..6).prop_map(|c| c.into_iter().collect::<String>()),
        1 => (select(COLUMNS), select(HOSTILE)).prop_map(|(a, b)| format!("{a}{b}")),
    ]
    .boxed()
}

/// Table, column, alias, CTE, constraint and placeholder names.
fn name() -> BoxedStrategy<String> {
    prop_oneof![5 => plain_name(), 1 => hostile_string()].boxed()
}

fn text() -> BoxedStrategy<String> {
    prop_oneof![2 => strs(WORDS), 1 => hostile_string()].boxed()
}

fn value() -> BoxedStrategy<Value> {
    let int = prop_oneof![
        -5i64..100,
        any::<i64>(),
        select(vec![i64::MIN, i64::MAX, -1, 0]),
    ];
    let float = prop_oneof![
        -10.0f64..10.0,
        any::<f64>(),
        select(vec![
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            -0.0,
            f64::MIN_POSITIVE,
            1e300,
            -1.5,
        ]),
    ];
    prop_oneof![
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::Bool),
        3 => int.prop_map(Value::Int),
        2 => float.prop_map(Value::Float),
        3 => text().prop_map(Value::Text),
        1 => vec(any::<u8>(), 0..6).prop_map(Value::Blob),
    ]
    .boxed()
}

fn agg_fn() -> BoxedStrategy<AggregateFn> {
    select(vec![
        AggregateFn::Count,
        AggregateFn::Sum,
        AggregateFn::Avg,
        AggregateFn::Min,
        AggregateFn::Max,
    ])
    .boxed()
}

fn binary_op() -> BoxedStrategy<BinaryOp> {
    use BinaryOp::*;
    select(vec![
        Eq, Ne, Lt, Le, Gt, Ge, Add, Sub, Mul, Div, Mod, Concat,
    ])
    .boxed()
}

fn cmp_op() -> BoxedStrategy<BinaryOp> {
    use BinaryOp::*;
    select(vec![Eq, Ne, Lt, Le, Gt, Ge]).boxed()
}

fn set_op() -> BoxedStrategy<SetOp> {
    select(vec![SetOp::Union, SetOp::Intersect, SetOp::Except]).boxed()
}

fn sql_type() -> BoxedStrategy<SqlType> {
    let size = || option::of(prop_oneof![0u32..20, any::<u32>()]);
    let leaf = one_of(vec![
        (
            6,
            select(vec![
                SqlType::TinyInt,
                SqlType::SmallInt,
                SqlType::Integer,
                SqlType::BigInt,
                SqlType::SmallSerial,
                SqlType::Serial,
                SqlType::BigSerial,
                SqlType::Real,
                SqlType::Double,
                SqlType::Boolean,
                SqlType::Text,
                SqlType::Blob,
                SqlType::Uuid,
                SqlType::Json,
                SqlType::Jsonb,
                SqlType::Date,
                SqlType::Interval,
            ])
            .boxed(),
        ),
        (
            1,
            (size(), size())
                .prop_map(|(precision, scale)| SqlType::Numeric { precision, scale })
                .boxed(),
        ),
        (1, size().prop_map(SqlType::Varchar).boxed()),
        (1, size().prop_map(SqlType::Char).boxed()),
        (1, size().prop_map(SqlType::Binary).boxed()),
        (1, size().prop_map(SqlType::Varbinary).boxed()),
        (
            1,
            (size(), any::<bool>())
                .prop_map(|(precision, with_time_zone)| SqlType::Timestamp {
                    precision,
                    with_time_zone,
                })
                .boxed(),
        ),
        (
            1,
            size()
                .prop_map(|precision| SqlType::DateTime { precision })
                .boxed(),
        ),
        (
            1,
            (size(), any::<bool>())
                .prop_map(|(precision, with_time_zone)| SqlType::Time {
                    precision,
                    with_time_zone,
                })
                .boxed(),
        ),
        (
            1,
            (option::weighted(0.3, name()), name())
                .prop_map(|(schema, name)| SqlType::NamedEnum { schema, name })
                .boxed(),
        ),
        (1, vec(text(), 0..3).prop_map(SqlType::InlineEnum).boxed()),
        (2, strs(CUSTOM_TYPES).prop_map(SqlType::Custom).boxed()),
    ]);
    let arrays = leaf.clone().prop_recursive(3, 4, 1, |inner| {
        inner.prop_map(|t| SqlType::Array(Box::new(t)))
    });
    prop_oneof![6 => leaf, 1 => arrays].boxed()
}

// ---------------------------------------------------------------------------
// The hostile AST generator
// ---------------------------------------------------------------------------

fn column_ref() -> BoxedStrategy<ColumnRef> {
    (option::weighted(0.6, name()), name())
        .prop_map(|(table, name)| ColumnRef { table, name })
        .boxed()
}

fn table_ref() -> BoxedStrategy<TableRef> {
    (
        option::weighted(0.1, name()),
        prop_oneof![1 => strs(TABLES), 1 => name()],
        option::weighted(0.3, name()),
    )
        .prop_map(|(schema, name, alias)| TableRef {
            schema,
            name,
            alias,
        })
        .boxed()
}

fn raw_leaf_part() -> BoxedStrategy<RawPart> {
    prop_oneof![
        3 => strs(RAW_SQL).prop_map(RawPart::Sql),
        2 => value().prop_map(RawPart::Value),
        1 => name().prop_map(RawPart::Ident),
    ]
    .boxed()
}

/// Expressions of every variant; `sub` generates the queries of subquery
/// expressions (none at the innermost level).
fn expr_strategy(sub: Option<BoxedStrategy<Query>>) -> BoxedStrategy<Expr> {
    let leaf = one_of(vec![
        (4, column_ref().prop_map(Expr::Column).boxed()),
        (4, value().prop_map(Expr::Value).boxed()),
        (1, name().prop_map(Expr::Placeholder).boxed()),
        (1, (0u32..8).prop_map(Expr::Slot).boxed()),
        (1, name().prop_map(Expr::Excluded).boxed()),
        (
            1,
            prop_oneof![
                12 => Just((AggregateFn::Count, false)),
                1 => (agg_fn(), any::<bool>()),
            ]
            .prop_map(|(func, distinct)| Expr::Aggregate {
                func,
                arg: None,
                distinct,
            })
            .boxed(),
        ),
        (
            1,
            function_name()
                .prop_map(|name| Expr::Function { name, args: vec![] })
                .boxed(),
        ),
        (1, vec(raw_leaf_part(), 0..4).prop_map(Expr::Raw).boxed()),
    ]);
    leaf.prop_recursive(3, 16, 3, move |inner| {
        let b = || inner.clone().prop_map(Box::new);
        let mut arms = vec![
            (
                4,
                (binary_op(), b(), b())
                    .prop_map(|(op, left, right)| Expr::Binary { op, left, right })
                    .boxed(),
            ),
            (1, vec(inner.clone(), 0..4).prop_map(Expr::And).boxed()),
            (1, vec(inner.clone(), 0..4).prop_map(Expr::Or).boxed()),
            (1, b().prop_map(Expr::Not).boxed()),
            (2, b().prop_map(Expr::Neg).boxed()),
            (
                1,
                (b(), b(), any::<bool>(), any::<bool>())
                    .prop_map(|(expr, pattern, negated, case_insensitive)| Expr::Like {
                        expr,
                        pattern,
                        negated,
                        case_insensitive,
                    })
                    .boxed(),
            ),
            (
                1,
                (b(), vec(inner.clone(), 0..4), any::<bool>())
                    .prop_map(|(expr, list, negated)| Expr::InList {
                        expr,
                        list,
                        negated,
                    })
                    .boxed(),
            ),
            (
                1,
                (b(), b(), b(), any::<bool>())
                    .prop_map(|(expr, low, high, negated)| Expr::Between {
                        expr,
                        low,
                        high,
                        negated,
                    })
                    .boxed(),
            ),
            (
                1,
                (b(), any::<bool>())
                    .prop_map(|(expr, negated)| Expr::IsNull { expr, negated })
                    .boxed(),
            ),
            (
                1,
                (b(), sql_type())
                    .prop_map(|(expr, ty)| Expr::Cast { expr, ty })
                    .boxed(),
            ),
            (
                2,
                (function_name(), vec(inner.clone(), 0..4))
                    .prop_map(|(name, args)| Expr::Function { name, args })
                    .boxed(),
            ),
            (
                1,
                (agg_fn(), b(), any::<bool>())
                    .prop_map(|(func, arg, distinct)| Expr::Aggregate {
                        func,
                        arg: Some(arg),
                        distinct,
                    })
                    .boxed(),
            ),
            (
                1,
                (
                    prop_oneof![
                        20 => vec((inner.clone(), inner.clone()), 1..3),
                        1 => Just(vec![]),
                    ],
                    option::of(b()),
                )
                    .prop_map(|(whens, otherwise)| Expr::Case { whens, otherwise })
                    .boxed(),
            ),
            (
                1,
                vec(
                    prop_oneof![
                        3 => raw_leaf_part(),
                        1 => inner.clone().prop_map(RawPart::Expr),
                    ],
                    0..4,
                )
                .prop_map(Expr::Raw)
                .boxed(),
            ),
        ];
        if let Some(q) = &sub {
            let bq = || q.clone().prop_map(Box::new);
            arms.push((
                1,
                (b(), bq(), any::<bool>())
                    .prop_map(|(expr, query, negated)| Expr::InQuery {
                        expr,
                        query,
                        negated,
                    })
                    .boxed(),
            ));
            arms.push((
                1,
                (bq(), any::<bool>())
                    .prop_map(|(query, negated)| Expr::Exists { query, negated })
                    .boxed(),
            ));
            arms.push((1, bq().prop_map(Expr::Subquery).boxed()));
        }
        one_of(arms)
    })
    .boxed()
}

fn select_item(e: BoxedStrategy<Expr>) -> BoxedStrategy<SelectItem> {
    prop_oneof![
        6 => (e, option::weighted(0.3, name()))
            .prop_map(|(expr, alias)| SelectItem::Expr { expr, alias }),
        1 => Just(SelectItem::Star(None)),
        1 => name().prop_map(|t| SelectItem::Star(Some(t))),
    ]
    .boxed()
}

fn from_item(sub: Option<BoxedStrategy<Query>>) -> BoxedStrategy<FromItem> {
    let table = table_ref().prop_map(FromItem::Table);
    match sub {
        Some(q) => prop_oneof![
            4 => table,
            1 => (q, name()).prop_map(|(q, alias)| FromItem::Subquery { query: Box::new(q), alias }),
        ]
        .boxed(),
        None => table.boxed(),
    }
}

fn join(e: BoxedStrategy<Expr>, target: BoxedStrategy<FromItem>) -> BoxedStrategy<Join> {
    let kind = select(vec![
        JoinKind::Inner,
        JoinKind::Left,
        JoinKind::Right,
        JoinKind::Full,
        JoinKind::Cross,
    ]);
    (
        kind,
        proptest::bool::weighted(0.03),
        target,
        option::of(e),
        proptest::bool::weighted(0.9),
    )
        .prop_map(|(kind, lateral, target, on, well_formed)| {
            let on = match (well_formed, kind, on) {
                (true, JoinKind::Cross, _) => None,
                (true, _, None) => Some(Expr::Value(Value::Bool(true))),
                (_, _, on) => on,
            };
            Join {
                kind,
                lateral,
                target,
                on,
            }
        })
        .boxed()
}

fn order_by(e: BoxedStrategy<Expr>) -> BoxedStrategy<OrderBy> {
    (
        e,
        any::<bool>(),
        option::of(select(vec![NullsOrder::First, NullsOrder::Last])),
    )
        .prop_map(|(expr, desc, nulls)| OrderBy {
            expr,
            desc,
            nulls,
            bare: false,
        })
        .boxed()
}

fn lock() -> BoxedStrategy<Lock> {
    (
        select(vec![
            LockStrength::Update,
            LockStrength::NoKeyUpdate,
            LockStrength::Share,
            LockStrength::KeyShare,
        ]),
        vec(name(), 0..2),
        select(vec![LockWait::Wait, LockWait::NoWait, LockWait::SkipLocked]),
    )
        .prop_map(|(strength, of, wait)| Lock { strength, of, wait })
        .boxed()
}

fn with_clause(q: BoxedStrategy<Query>) -> BoxedStrategy<With> {
    let cte = (name(), vec(name(), 0..3), q).prop_map(|(name, columns, q)| Cte {
        name,
        columns,
        query: Box::new(q),
    });
    (proptest::bool::weighted(0.2), vec(cte, 0..3))
        .prop_map(|(recursive, ctes)| With { recursive, ctes })
        .boxed()
}

fn select_block(
    e: BoxedStrategy<Expr>,
    sub: Option<BoxedStrategy<Query>>,
) -> BoxedStrategy<Select> {
    let from = from_item(sub);
    let distinct = prop_oneof![
        28 => Just(Distinct::All),
        10 => Just(Distinct::Distinct),
        1 => vec(e.clone(), 0..3).prop_map(Distinct::On),
    ];
    (
        distinct,
        vec(select_item(e.clone()), 0..4),
        option::weighted(0.9, from.clone()),
        prop_oneof![3 => Just(vec![]), 1 => vec(join(e.clone(), from), 1..3)],
        option::weighted(0.5, e.clone()),
        vec(e.clone(), 0..3),
        option::weighted(0.2, e),
    )
        .prop_map(
            |(distinct, columns, from, joins, where_, group_by, having)| Select {
                distinct,
                columns,
                from,
                joins,
                where_,
                group_by,
                having,
            },
        )
        .boxed()
}

fn limit_expr(e: BoxedStrategy<Expr>) -> BoxedStrategy<Expr> {
    prop_oneof![
        3 => (0i64..5).prop_map(|n| Expr::Value(Value::Int(n))),
        1 => e,
    ]
    .boxed()
}

fn query_strategy(
    e: BoxedStrategy<Expr>,
    sub: Option<BoxedStrategy<Query>>,
) -> BoxedStrategy<Query> {
    let sel = select_block(e.clone(), sub.clone())
        .prop_map(|s| SetExpr::Select(Box::new(s)))
        .boxed();
    let set_op_of = |l: BoxedStrategy<SetExpr>, r: BoxedStrategy<SetExpr>| {
        (set_op(), proptest::bool::weighted(0.3), l, r)
            .prop_map(|(op, all, l, r)| SetExpr::SetOp {
                op,
                all,
                left: Box::new(l),
                right: Box::new(r),
            })
            .boxed()
    };
    let mut bodies = vec![(6, sel.clone()), (2, set_op_of(sel.clone(), sel.clone()))];
    if let Some(q) = &sub {
        let nested = q.clone().prop_map(Query::into_set_expr).boxed();
        bodies.push((
            1,
            q.clone().prop_map(|q| SetExpr::Query(Box::new(q))).boxed(),
        ));
        bodies.push((1, set_op_of(nested, sel)));
    }
    let with = match &sub {
        Some(q) => option::weighted(0.15, with_clause(q.clone())).boxed(),
        None => Just(None).boxed(),
    };
    (
        with,
        one_of(bodies),
        vec(order_by(e.clone()), 0..3),
        option::weighted(0.3, limit_expr(e.clone())),
        option::weighted(0.2, limit_expr(e)),
        option::weighted(0.05, lock()),
    )
        .prop_map(|(with, body, order_by, limit, offset, lock)| Query {
            with,
            body,
            order_by,
            limit,
            offset,
            lock,
        })
        .boxed()
}

/// Expression and query strategies nesting subqueries `levels` deep.
fn ast_strategies(levels: u32) -> (BoxedStrategy<Expr>, BoxedStrategy<Query>) {
    let mut e = expr_strategy(None);
    let mut q = query_strategy(e.clone(), None);
    for _ in 0..levels {
        let sub = Some(q);
        e = expr_strategy(sub.clone());
        q = query_strategy(e.clone(), sub);
    }
    (e, q)
}

fn assignment(e: BoxedStrategy<Expr>) -> BoxedStrategy<Assignment> {
    (name(), e)
        .prop_map(|(column, value)| Assignment { column, value })
        .boxed()
}

fn returning(e: BoxedStrategy<Expr>) -> BoxedStrategy<Vec<SelectItem>> {
    prop_oneof![3 => Just(vec![]), 1 => vec(select_item(e), 1..3)].boxed()
}

fn insert_strategy(e: BoxedStrategy<Expr>, q: BoxedStrategy<Query>) -> BoxedStrategy<Insert> {
    let (e2, q2) = (e.clone(), q.clone());
    let columns_and_source = vec(name(), 0..4).prop_flat_map(move |columns| {
        let n = columns.len();
        let cell = prop_oneof![
            4 => e2.clone().prop_map(InsertValue::Expr),
            1 => Just(InsertValue::Default),
        ];
        let rows = prop_oneof![
            8 => vec(vec(cell.clone(), n..=n), 1..4),
            1 => vec(vec(cell, 0..4), 0..3),
        ];
        let source = prop_oneof![
            6 => rows.prop_map(InsertSource::Values),
            2 => q2.clone().prop_map(|q| InsertSource::Query(Box::new(q))),
            1 => Just(InsertSource::DefaultValues),
        ];
        (Just(columns), source)
    });
    let action = prop_oneof![
        1 => Just(OnConflictAction::DoNothing),
        2 => (vec(assignment(e.clone()), 0..3), option::weighted(0.3, e.clone()))
            .prop_map(|(set, where_)| OnConflictAction::DoUpdate { set, where_ }),
    ];
    let on_conflict = (vec(name(), 0..3), option::weighted(0.2, e.clone()), action).prop_map(
        |(target, target_where, action)| OnConflict {
            target,
            target_where,
            action,
        },
    );
    (
        option::weighted(0.1, with_clause(q)),
        table_ref(),
        columns_and_source,
        option::weighted(0.3, on_conflict),
        prop_oneof![3 => Just(vec![]), 1 => vec(assignment(e.clone()), 1..3)],
        proptest::bool::weighted(0.2),
        returning(e.clone()),
        prop_oneof![2 => Just(vec![]), 1 => vec(option::of(e), 0..4)],
    )
        .prop_map(
            |(with, table, (columns, source), on_conflict, odku, ignore, returning, defaults)| {
                Insert {
                    with,
                    columns,
                    source,
                    on_conflict,
                    on_duplicate_key_update: odku,
                    ignore,
                    returning,
                    defaults,
                    ..Insert::values(table, &[], vec![])
                }
            },
        )
        .boxed()
}

fn update_strategy(e: BoxedStrategy<Expr>, q: BoxedStrategy<Query>) -> BoxedStrategy<Update> {
    (
        option::weighted(0.1, with_clause(q.clone())),
        table_ref(),
        prop_oneof![9 => vec(assignment(e.clone()), 1..3), 1 => Just(vec![])],
        prop_oneof![4 => Just(vec![]), 1 => vec(from_item(Some(q)), 1..3)],
        option::weighted(0.6, e.clone()),
        prop_oneof![3 => Just(vec![]), 1 => vec(order_by(e.clone()), 1..3)],
        option::weighted(0.25, limit_expr(e.clone())),
        returning(e),
    )
        .prop_map(
            |(with, table, set, from, where_, order_by, limit, returning)| Update {
                with,
                table,
                set,
                from,
                where_,
                order_by,
                limit,
                returning,
            },
        )
        .boxed()
}

fn delete_strategy(e: BoxedStrategy<Expr>, q: BoxedStrategy<Query>) -> BoxedStrategy<Delete> {
    (
        option::weighted(0.1, with_clause(q)),
        table_ref(),
        option::weighted(0.6, e.clone()),
        prop_oneof![3 => Just(vec![]), 1 => vec(order_by(e.clone()), 1..3)],
        option::weighted(0.25, limit_expr(e.clone())),
        returning(e),
    )
        .prop_map(|(with, table, where_, order_by, limit, returning)| Delete {
            with,
            table,
            where_,
            order_by,
            limit,
            returning,
        })
        .boxed()
}

fn statement_strategy(levels: u32) -> BoxedStrategy<Statement> {
    let (e, q) = ast_strategies(levels);
    prop_oneof![
        4 => q.clone().prop_map(Statement::Query),
        2 => insert_strategy(e.clone(), q.clone()).prop_map(Statement::Insert),
        2 => update_strategy(e.clone(), q.clone()).prop_map(Statement::Update),
        2 => delete_strategy(e, q).prop_map(Statement::Delete),
    ]
    .boxed()
}

// --- schema objects ---

fn referential_action() -> BoxedStrategy<Option<ReferentialAction>> {
    option::of(select(vec![
        ReferentialAction::NoAction,
        ReferentialAction::Restrict,
        ReferentialAction::Cascade,
        ReferentialAction::SetNull,
        ReferentialAction::SetDefault,
    ]))
    .boxed()
}

fn foreign_key() -> BoxedStrategy<ForeignKey> {
    (
        option::weighted(0.3, name()),
        vec(name(), 0..3),
        table_ref(),
        vec(name(), 0..3),
        referential_action(),
        referential_action(),
    )
        .prop_map(
            |(name, columns, foreign_table, foreign_columns, on_delete, on_update)| ForeignKey {
                name,
                columns,
                foreign_table,
                foreign_columns,
                on_delete,
                on_update,
            },
        )
        .boxed()
}

fn column(e: BoxedStrategy<Expr>) -> BoxedStrategy<Column> {
    let default = prop_oneof![
        2 => value().prop_map(ColumnDefault::Literal),
        1 => e.prop_map(ColumnDefault::Expr),
    ];
    (
        name(),
        sql_type(),
        any::<bool>(),
        option::weighted(0.4, default),
        proptest::bool::weighted(0.2),
        proptest::bool::weighted(0.2),
        option::weighted(0.1, select(vec![Identity::Always, Identity::ByDefault])),
        proptest::bool::weighted(0.2),
        option::weighted(0.2, foreign_key()),
    )
        .prop_map(
            |(
                name,
                ty,
                not_null,
                default,
                primary_key,
                auto_increment,
                identity,
                unique,
                references,
            )| {
                Column {
                    name,
                    ty,
                    not_null,
                    default,
                    primary_key,
                    auto_increment,
                    identity,
                    unique,
                    references,
                }
            },
        )
        .boxed()
}

fn table(e: BoxedStrategy<Expr>) -> BoxedStrategy<Table> {
    let pk = (option::weighted(0.3, name()), vec(name(), 0..3))
        .prop_map(|(name, columns)| PrimaryKey { name, columns });
    let unique = (option::weighted(0.3, name()), vec(name(), 0..3))
        .prop_map(|(name, columns)| Unique { name, columns });
    let check = (name(), e.clone()).prop_map(|(name, expr)| Check { name, expr });
    (
        option::weighted(0.1, name()),
        name(),
        vec(column(e), 0..5),
        option::weighted(0.3, pk),
        vec(foreign_key(), 0..2),
        vec(unique, 0..2),
        vec(check, 0..2),
    )
        .prop_map(
            |(schema, name, columns, primary_key, foreign_keys, uniques, checks)| Table {
                schema,
                name,
                columns,
                primary_key,
                foreign_keys,
                uniques,
                checks,
            },
        )
        .boxed()
}

fn index(e: BoxedStrategy<Expr>) -> BoxedStrategy<Index> {
    let key = prop_oneof![
        3 => name().prop_map(|c| Expr::Column(ColumnRef { table: None, name: c })),
        1 => e.clone(),
    ];
    (
        name(),
        table_ref(),
        vec(key, 0..3),
        any::<bool>(),
        option::weighted(0.3, e),
        option::weighted(0.3, strs(INDEX_METHODS)),
    )
        .prop_map(|(name, table, on, unique, where_, method)| Index {
            name,
            table,
            on,
            unique,
            where_,
            method,
        })
        .boxed()
}

#[derive(Debug, Clone)]
struct SchemaCase {
    tables: Vec<Table>,
    indexes: Vec<Index>,
    enum_type: EnumType,
    view: View,
    schema: String,
    dropped: TableRef,
    flag: bool,
}

fn schema_case() -> BoxedStrategy<SchemaCase> {
    let (e, q) = ast_strategies(1);
    let enum_type = (option::weighted(0.2, name()), name(), vec(text(), 0..4)).prop_map(
        |(schema, name, values)| EnumType {
            schema,
            name,
            values,
        },
    );
    let view = (table_ref(), q, any::<bool>()).prop_map(|(name, q, materialized)| View {
        name,
        query: Box::new(q),
        materialized,
    });
    (
        vec(table(e.clone()), 1..3),
        vec(index(e), 0..3),
        enum_type,
        view,
        name(),
        table_ref(),
        any::<bool>(),
    )
        .prop_map(
            |(tables, indexes, enum_type, view, schema, dropped, flag)| SchemaCase {
                tables,
                indexes,
                enum_type,
                view,
                schema,
                dropped,
                flag,
            },
        )
        .boxed()
}

// ---------------------------------------------------------------------------
// Checking rendered SQL
// ---------------------------------------------------------------------------

/// A placeholder found outside quotes.
#[derive(Debug, PartialEq)]
enum Mark {
    Question,
    Dollar(usize),
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$'
}

/// The index just past the quoted run that opens at `start`, if it closes.
fn skip_quoted(cs: &[char], start: usize, quote: char, backslash: bool) -> Option<usize> {
    let mut i = start + 1;
    loop {
        let c = *cs.get(i)?;
        if backslash && c == '\\' {
            i += 2;
        } else if c == quote {
            if cs.get(i + 1) == Some(&quote) {
                i += 2;
            } else {
                return Some(i + 1);
            }
        } else {
            i += 1;
        }
    }
}

/// Scans rendered SQL the way `d`'s lexer would: every string literal and
/// quoted identifier must close, nothing outside them may start a comment or
/// a second statement, and the placeholders outside them are returned.
fn scan(sql: &str, d: DialectKind) -> Result<Vec<Mark>, String> {
    let cs: Vec<char> = sql.chars().collect();
    let ident_quote = if d == DialectKind::MySql { '`' } else { '"' };
    let mut marks = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        let next = cs.get(i + 1).copied();
        if c == '\'' {
            let backslash = match d {
                DialectKind::MySql => true,
                // E'...' (and not the tail of a longer word such as `xE`).
                DialectKind::Postgres => {
                    i > 0 && matches!(cs[i - 1], 'E' | 'e') && !(i > 1 && is_word_char(cs[i - 2]))
                }
                DialectKind::Sqlite => false,
            };
            i = skip_quoted(&cs, i, '\'', backslash)
                .ok_or_else(|| format!("unterminated string literal at char {i}"))?;
            continue;
        }
        if c == ident_quote {
            i = skip_quoted(&cs, i, ident_quote, false)
                .ok_or_else(|| format!("unterminated quoted identifier at char {i}"))?;
            continue;
        }
        match (c, next) {
            ('"' | '`', _) => return Err(format!("stray {c:?} at char {i}")),
            ('?', _) => marks.push(Mark::Question),
            ('$', _) => {
                let digits: String = cs[i + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .collect();
                let n = digits
                    .parse()
                    .map_err(|_| format!("bare `$` at char {i}"))?;
                marks.push(Mark::Dollar(n));
                i += digits.len();
            }
            ('-', Some('-')) | ('/', Some('*')) => {
                return Err(format!("comment opener outside quotes at char {i}"))
            }
            ('#', _) if d == DialectKind::MySql => {
                return Err(format!("`#` comment outside quotes at char {i}"))
            }
            (';', _) => return Err(format!("`;` outside quotes at char {i}")),
            ('\0', _) => return Err(format!("NUL outside quotes at char {i}")),
            _ => {}
        }
        i += 1;
    }
    Ok(marks)
}

fn fail(msg: String) -> TestCaseError {
    TestCaseError::fail(msg)
}

/// Bound rendering: the placeholders are exactly the parameters.
fn check_bound(r: &Rendered, d: DialectKind) -> Result<(), TestCaseError> {
    let ctx = || format!("{}: {:?}", d.name(), r.sql);
    if r.sql.contains('\0') {
        return Err(fail(format!("NUL byte in bound SQL ({})", ctx())));
    }
    let marks = scan(&r.sql, d).map_err(|e| fail(format!("{e} ({})", ctx())))?;
    let expected: Vec<Mark> = match d {
        DialectKind::Postgres => (1..=r.params.len()).map(Mark::Dollar).collect(),
        _ => r.params.iter().map(|_| Mark::Question).collect(),
    };
    if marks != expected {
        return Err(fail(format!(
            "placeholders {marks:?} do not match {} params ({})",
            r.params.len(),
            ctx()
        )));
    }
    Ok(())
}

/// Inline rendering: no placeholders, quotes closed, no NUL byte.
fn check_inline(sql: &str, d: DialectKind) -> Result<(), TestCaseError> {
    let ctx = || format!("{}: {sql:?}", d.name());
    if sql.contains('\0') {
        return Err(fail(format!("NUL byte in inline SQL ({})", ctx())));
    }
    let marks = scan(sql, d).map_err(|e| fail(format!("{e} ({})", ctx())))?;
    if !marks.is_empty() {
        return Err(fail(format!(
            "placeholders {marks:?} in inline SQL ({})",
            ctx()
        )));
    }
    Ok(())
}

/// A parameter that has no inline literal (a named placeholder, a non-finite
/// float, text with a NUL byte outside MySQL).
fn has_no_literal(p: &Param, d: DialectKind) -> bool {
    match p {
        Param::Placeholder(_) | Param::Slot(_) => true,
        Param::Value(Value::Float(f)) => !f.is_finite(),
        Param::Value(Value::Text(s)) => s.contains('\0') && d != DialectKind::MySql,
        _ => false,
    }
}

/// The statement with its main table renamed to `bad`, if it has one that is
/// always written.
fn with_bad_table_name(stmt: &Statement, bad: &str) -> Option<Statement> {
    let mut s = stmt.clone();
    let t = match &mut s {
        Statement::Query(q) => match &mut q.body {
            SetExpr::Select(sel) => match &mut sel.from {
                Some(FromItem::Table(t)) => t,
                _ => return None,
            },
            _ => return None,
        },
        Statement::Insert(i) => &mut i.table,
        Statement::Update(u) => &mut u.table,
        Statement::Delete(d) => &mut d.table,
        Statement::Relational(r) => &mut r.table,
        Statement::Sql(_) => return None,
    };
    t.name = bad.into();
    Some(s)
}

fn check_statement(stmt: &Statement) -> Result<(), TestCaseError> {
    for d in DialectKind::ALL {
        let bound = render(stmt, d);
        let inline = render_inline(stmt, d);
        match &bound {
            Ok(r) => {
                check_bound(r, d)?;
                // Inline fails exactly when some value has no literal.
                let literal_less = r.params.iter().any(|p| has_no_literal(p, d));
                match (&inline, literal_less) {
                    (Ok(sql), false) => check_inline(sql, d)?,
                    (Err(Error::Invalid(_)), true) => {}
                    (other, _) => {
                        return Err(fail(format!(
                            "{}: bound rendering {r:?} but inline {other:?}",
                            d.name()
                        )))
                    }
                }
                // The renderer refuses unusable names wherever they are written.
                for bad in ["nul\0name", ""] {
                    if let Some(poisoned) = with_bad_table_name(stmt, bad) {
                        let got = render(&poisoned, d);
                        if !matches!(got, Err(Error::BadName(_))) {
                            return Err(fail(format!(
                                "{}: table named {bad:?} rendered as {got:?}",
                                d.name()
                            )));
                        }
                    }
                }
            }
            Err(_) => {
                if inline.is_ok() {
                    return Err(fail(format!(
                        "{}: inline rendering succeeded where bound failed with {bound:?}",
                        d.name()
                    )));
                }
            }
        }
    }
    Ok(())
}

fn check_ddl_result(
    what: &str,
    r: &Result<Rendered, Error>,
    d: DialectKind,
) -> Result<(), TestCaseError> {
    if let Ok(r) = r {
        if !r.params.is_empty() {
            return Err(fail(format!(
                "{}: {what} has parameters {:?}",
                d.name(),
                r.params
            )));
        }
        check_inline(&r.sql, d).map_err(|e| fail(format!("{what}: {e}")))?;
    }
    Ok(())
}

fn expect_bad_name(
    what: &str,
    r: Result<Rendered, Error>,
    d: DialectKind,
) -> Result<(), TestCaseError> {
    if matches!(r, Err(Error::BadName(_))) {
        Ok(())
    } else {
        Err(fail(format!(
            "{}: {what} with a NUL name gave {r:?}",
            d.name()
        )))
    }
}

fn check_schema(case: &SchemaCase) -> Result<(), TestCaseError> {
    for d in DialectKind::ALL {
        let mut each = Vec::new();
        for t in &case.tables {
            let r = create_table(t, d, case.flag);
            check_ddl_result("create table", &r, d)?;
            if r.is_ok() {
                let mut bad = t.clone();
                bad.name = "t\0".into();
                expect_bad_name("create table", create_table(&bad, d, case.flag), d)?;
            }
            each.push(create_table(t, d, false));
        }
        for i in &case.indexes {
            let r = create_index(i, d);
            check_ddl_result("create index", &r, d)?;
            if r.is_ok() {
                let mut bad = i.clone();
                bad.name = "i\0".into();
                expect_bad_name("create index", create_index(&bad, d), d)?;
            }
            each.push(r);
        }
        // create_all is the concatenation, failing with the first error.
        let all = create_all(&case.tables, &case.indexes, d);
        let expected: Result<Vec<Rendered>, Error> = each.into_iter().collect();
        if all != expected {
            return Err(fail(format!(
                "{}: create_all gave {all:?}, one by one {expected:?}",
                d.name()
            )));
        }
        check_ddl_result("create type", &create_type(&case.enum_type, d), d)?;
        check_ddl_result("drop type", &drop_type(&case.enum_type, d, case.flag), d)?;
        let view = create_view(&case.view, d);
        check_ddl_result("create view", &view, d)?;
        if view.is_ok() {
            let mut bad = case.view.clone();
            bad.name.name = "v\0".into();
            expect_bad_name("create view", create_view(&bad, d), d)?;
        }
        check_ddl_result("create schema", &create_schema(&case.schema, d), d)?;
        check_ddl_result("drop table", &drop_table(&case.dropped, d, case.flag), d)?;
        check_ddl_result("drop view", &drop_view(&case.dropped, d, case.flag), d)?;
        for r in [
            drop_table(&case.dropped, d, case.flag),
            drop_view(&case.dropped, d, case.flag),
        ] {
            let bad_name = case.dropped.name.is_empty()
                || case.dropped.name.contains('\0')
                || case
                    .dropped
                    .schema
                    .as_deref()
                    .is_some_and(|s| s.is_empty() || s.contains('\0'));
            if bad_name != matches!(r, Err(Error::BadName(_))) {
                return Err(fail(format!(
                    "{}: drop of {:?} gave {r:?}",
                    d.name(),
                    case.dropped
                )));
            }
        }
    }
    Ok(())
}

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        max_shrink_iters: 4096,
        ..Config::default()
    })
}

fn run_prop<S>(cases: u32, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S: Strategy,
    S::Value: Debug,
{
    if let Err(e) = runner(cases).run(&strategy, test) {
        panic!("{e}");
    }
}

// ---------------------------------------------------------------------------
// Property 1: rendering never panics and its output is well formed
// ---------------------------------------------------------------------------

#[test]
fn statements_render_or_fail_cleanly() {
    run_prop(512, statement_strategy(2), |stmt| check_statement(&stmt));
}

#[test]
fn schema_objects_render_or_fail_cleanly() {
    run_prop(256, schema_case(), |case| check_schema(&case));
}

#[test]
fn scanner_sees_through_quotes() {
    use DialectKind::*;
    assert_eq!(
        scan(r#"select "a?b", '?' from t where x = ?"#, Sqlite)
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        scan(
            r#"select "$1" from t where x = $1 and y = E'\'$2' and z = $2"#,
            Postgres
        )
        .unwrap(),
        vec![Mark::Dollar(1), Mark::Dollar(2)]
    );
    assert_eq!(
        scan(r"select 'a\'?' , `x``?` from t", MySql).unwrap().len(),
        0
    );
    assert!(scan("select 1 -- x", Sqlite).is_err());
    assert!(scan("select --1", Postgres).is_err());
    assert!(scan("select 'a", Sqlite).is_err());
    assert!(scan(r"select 'a\'", Sqlite).is_ok());
    assert!(scan(r"select 'a\'", MySql).is_err());
    assert!(scan("select 1; drop table users", MySql).is_err());
    assert!(scan("select \"a\"\"", Postgres).is_err());
}

// ---------------------------------------------------------------------------
// Property 2: sampled SQLite execution on the blog fixture
// ---------------------------------------------------------------------------

/// Reference names visible in a query, with their columns.
#[derive(Debug, Clone)]
struct Scope(Vec<(String, Vec<&'static str>)>);

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

fn cols_of(table: usize) -> &'static [&'static str] {
    [USERS_COLS, POSTS_COLS, COMMENTS_COLS][table]
}

fn fx_value() -> BoxedStrategy<Value> {
    prop_oneof![
        4 => (-2i64..40).prop_map(Value::Int),
        2 => select(WORDS).prop_map(|w| Value::Text(w.into())),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => Just(Value::Null),
        1 => (-5.0f64..5.0).prop_map(Value::Float),
    ]
    .boxed()
}

fn fx_val_expr() -> BoxedStrategy<Expr> {
    fx_value().prop_map(Expr::Value).boxed()
}

fn fx_cmp(s: BoxedStrategy<Expr>, r: BoxedStrategy<Expr>) -> BoxedStrategy<Expr> {
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
fn fx_subquery(outer: &Scope) -> BoxedStrategy<Query> {
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

fn fx_function(inner: BoxedStrategy<Expr>) -> BoxedStrategy<Expr> {
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
fn fx_scalar(scope: &Scope, sub: Option<BoxedStrategy<Query>>) -> BoxedStrategy<Expr> {
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
fn fx_pred(
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

fn fx_order(scalar: BoxedStrategy<Expr>) -> BoxedStrategy<Vec<OrderBy>> {
    prop_oneof![
        2 => Just(vec![]),
        1 => vec(order_by(scalar), 1..3),
    ]
    .boxed()
}

fn fx_limit() -> BoxedStrategy<Option<Expr>> {
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
struct SelectParts {
    distinct: Distinct,
    columns: Vec<SelectItem>,
    where_: Option<Expr>,
    group_by: Vec<Expr>,
    having: Option<Expr>,
    order_by: Vec<OrderBy>,
    limit: Option<Expr>,
    offset: Option<Expr>,
}

type PartsTuple = (
    Distinct,
    Vec<SelectItem>,
    Option<Expr>,
    Vec<Expr>,
    Option<Expr>,
    Vec<OrderBy>,
    Option<Expr>,
    Option<Expr>,
);

fn fx_parts(scope: &Scope) -> impl Strategy<Value = PartsTuple> {
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

fn parts(t: PartsTuple) -> SelectParts {
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

fn build_select(p: SelectParts, from: FromItem, joins: Vec<Join>) -> Query {
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
fn fx_select() -> BoxedStrategy<Query> {
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
fn fx_set_op() -> BoxedStrategy<Query> {
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
fn fx_cte() -> BoxedStrategy<Query> {
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
                    query: Box::new(inner),
                }],
            });
            q
        })
        .boxed()
}

fn fx_query() -> BoxedStrategy<Query> {
    prop_oneof![7 => fx_select(), 2 => fx_set_op(), 2 => fx_cte()].boxed()
}

fn ie(v: Value) -> InsertValue {
    InsertValue::Expr(Expr::Value(v))
}

fn text_cell() -> BoxedStrategy<InsertValue> {
    prop_oneof![
        8 => select(WORDS).prop_map(|w| ie(Value::Text(w.into()))),
        1 => Just(ie(Value::Null)),
        1 => Just(InsertValue::Default),
    ]
    .boxed()
}

fn fx_insert() -> BoxedStrategy<Insert> {
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

fn fx_update() -> BoxedStrategy<Update> {
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

fn fx_delete() -> BoxedStrategy<Delete> {
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

fn fx_dml() -> BoxedStrategy<Statement> {
    prop_oneof![
        2 => fx_insert().prop_map(Statement::Insert),
        1 => fx_update().prop_map(Statement::Update),
        1 => fx_delete().prop_map(Statement::Delete),
    ]
    .boxed()
}

/// Interrupts the SQLite statement that outlives its deadline (a generated
/// recursive CTE or a large join must not hang the suite).
struct Watchdog {
    deadline: Arc<Mutex<Option<Instant>>>,
    stop: Arc<AtomicBool>,
    thread: Option<thread::JoinHandle<()>>,
}

impl Watchdog {
    fn new(conn: &rusqlite::Connection) -> Watchdog {
        let handle = conn.get_interrupt_handle();
        let deadline: Arc<Mutex<Option<Instant>>> = Arc::default();
        let stop = Arc::new(AtomicBool::new(false));
        let (d, s) = (deadline.clone(), stop.clone());
        let thread = thread::spawn(move || {
            while !s.load(Ordering::Relaxed) {
                thread::sleep(Duration::from_millis(5));
                let mut guard = d.lock().unwrap();
                if guard.is_some_and(|t| Instant::now() > t) {
                    handle.interrupt();
                    *guard = None;
                }
            }
        });
        Watchdog {
            deadline,
            stop,
            thread: Some(thread),
        }
    }

    fn arm(&self, budget: Duration) {
        *self.deadline.lock().unwrap() = Some(Instant::now() + budget);
    }

    fn disarm(&self) {
        *self.deadline.lock().unwrap() = None;
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

#[derive(Default, Debug)]
struct Tally {
    executed: u32,
    rejected: u32,
    interrupted: u32,
    not_rendered: u32,
    reasons: BTreeMap<String, u32>,
}

impl Tally {
    fn report(&self, label: &str) -> String {
        let ran = self.executed + self.rejected + self.interrupted;
        let share = if ran == 0 {
            0.0
        } else {
            100.0 * f64::from(self.executed) / f64::from(ran)
        };
        let mut reasons: Vec<_> = self.reasons.iter().collect();
        reasons.sort_by(|a, b| b.1.cmp(a.1));
        let top: Vec<String> = reasons
            .iter()
            .take(4)
            .map(|(r, n)| format!("{n}x {r}"))
            .collect();
        format!(
            "{label}: {} executed, {} rejected by SQLite, {} interrupted ({share:.0}% of {ran} executed); \
             {} not rendered for SQLite; top rejections: {}",
            self.executed,
            self.rejected,
            self.interrupted,
            self.not_rendered,
            top.join("; ")
        )
    }
}

struct Executor {
    db: SqliteDb,
    watchdog: Watchdog,
}

impl Executor {
    fn new() -> Executor {
        let mut db = SqliteDb::open().expect("open sqlite");
        mizzle_tests::fixture::install(&mut db).expect("install fixture");
        let watchdog = Watchdog::new(db.conn());
        Executor { db, watchdog }
    }

    /// Renders `stmt` for SQLite and runs it (see [`Executor::run_rendered`]).
    fn run(&self, stmt: &Statement, tally: &mut Tally) -> Result<(), TestCaseError> {
        let must_parse = sqlite_must_parse(&format!("{stmt:?}"));
        self.run_rendered(render(stmt, DialectKind::Sqlite), must_parse, tally)
    }

    /// Runs a SQLite rendering in a transaction that is rolled back. A
    /// failure must be a typed SQLite error, and no syntax error when
    /// `must_parse`; a mismatch between the statement's parameters and the
    /// bound values fails the test.
    fn run_rendered(
        &self,
        rendered: Result<Rendered, Error>,
        must_parse: bool,
        tally: &mut Tally,
    ) -> Result<(), TestCaseError> {
        let Ok(r) = rendered else {
            tally.not_rendered += 1;
            return Ok(());
        };
        let conn = self.db.conn();
        let tx = conn
            .unchecked_transaction()
            .map_err(|e| fail(format!("begin: {e}")))?;
        self.watchdog.arm(Duration::from_millis(250));
        let outcome = execute(conn, &r);
        self.watchdog.disarm();
        drop(tx);
        match outcome {
            Ok(Ok(_rows)) => tally.executed += 1,
            Ok(Err(rusqlite::Error::SqliteFailure(e, _)))
                if e.code == rusqlite::ErrorCode::OperationInterrupted =>
            {
                tally.interrupted += 1
            }
            Ok(Err(
                e @ (rusqlite::Error::SqliteFailure(..) | rusqlite::Error::SqlInputError { .. }),
            )) => {
                let msg = e.to_string();
                let syntax = ["syntax error", "unrecognized token", "incomplete input"]
                    .iter()
                    .any(|s| msg.contains(s));
                if must_parse && syntax {
                    return Err(fail(format!("SQLite cannot parse {:?}: {msg}", r.sql)));
                }
                tally.rejected += 1;
                let reason = msg.split(':').next().unwrap_or_default();
                let reason: String = reason.chars().take(48).collect();
                *tally.reasons.entry(reason).or_default() += 1;
            }
            Ok(Err(e)) => {
                return Err(fail(format!(
                    "unexpected rusqlite error {e:?} for {:?} with {:?}",
                    r.sql, r.params
                )))
            }
            Err(msg) => return Err(fail(format!("{msg}: {:?} with {:?}", r.sql, r.params))),
        }
        Ok(())
    }
}

/// Whether SQLite must be able to parse the rendering of the AST with this
/// `Debug` text: no raw SQL, and no names valid only on other servers
/// (schema-qualified functions such as `pg_catalog.lower`, `int[]` types).
fn sqlite_must_parse(debug: &str) -> bool {
    !debug.contains("Raw(") && !debug.contains("pg_catalog") && !debug.contains("[]")
}

/// Runs a rendered statement, reading at most a few thousand rows. The outer
/// error is a test failure, the inner one SQLite's verdict.
fn execute(conn: &rusqlite::Connection, r: &Rendered) -> Result<rusqlite::Result<usize>, String> {
    let mut stmt = match conn.prepare(&r.sql) {
        Ok(s) => s,
        Err(e) => return Ok(Err(e)),
    };
    if stmt.parameter_count() != r.params.len() {
        return Err(format!(
            "SQLite sees {} parameters, the renderer bound {}",
            stmt.parameter_count(),
            r.params.len()
        ));
    }
    let values: Vec<rusqlite::types::Value> = r
        .params
        .iter()
        .map(|p| match p {
            Param::Value(v) => to_sqlite(v),
            Param::Placeholder(_) | Param::Slot(_) => rusqlite::types::Value::Integer(1),
        })
        .collect();
    let mut rows = match stmt.query(rusqlite::params_from_iter(values)) {
        Ok(rows) => rows,
        Err(e) => return Ok(Err(e)),
    };
    let mut n = 0;
    loop {
        match rows.next() {
            Ok(Some(_)) if n < 5_000 => n += 1,
            Ok(_) => return Ok(Ok(n)),
            Err(e) => return Ok(Err(e)),
        }
    }
}

#[test]
fn sqlite_executes_or_rejects_with_typed_errors() {
    let exec = Executor::new();
    // A runaway statement (here an endless recursive CTE) is interrupted.
    let endless = Query {
        with: Some(With {
            recursive: true,
            ctes: vec![Cte {
                name: "c".into(),
                columns: vec!["x".into()],
                query: Box::new(
                    Query::select(Select {
                        columns: vec![Expr::val(1).into()],
                        ..Default::default()
                    })
                    .set_op(
                        SetOp::Union,
                        true,
                        Query::select(Select {
                            columns: vec![(Expr::col("c", "x") + Expr::val(1)).into()],
                            from: Some(FromItem::Table(TableRef::new("c"))),
                            ..Default::default()
                        }),
                    ),
                ),
            }],
        }),
        ..Query::select(Select {
            columns: vec![Expr::count_star().into()],
            from: Some(FromItem::Table(TableRef::new("c"))),
            ..Default::default()
        })
    };
    let mut runaway = Tally::default();
    exec.run(&endless.into(), &mut runaway).unwrap();
    assert_eq!(runaway.interrupted, 1, "{runaway:?}");
    let tallies: Mutex<[Tally; 4]> = Mutex::default();
    let strategy = (
        vec(fx_query(), 4),
        vec(fx_dml(), 2),
        vec(statement_strategy(1), 2),
        schema_case(),
    );
    run_prop(128, strategy, |(queries, dml, fuzz, schema)| {
        let mut t = tallies.lock().unwrap();
        for q in queries {
            let stmt = Statement::Query(q);
            check_statement(&stmt)?;
            exec.run(&stmt, &mut t[0])?;
        }
        for s in dml {
            check_statement(&s)?;
            exec.run(&s, &mut t[1])?;
        }
        for s in fuzz {
            exec.run(&s, &mut t[2])?;
        }
        let sqlite = DialectKind::Sqlite;
        let must_parse = |x: &dyn Debug| sqlite_must_parse(&format!("{x:?}"));
        for table in &schema.tables {
            let r = create_table(table, sqlite, schema.flag);
            exec.run_rendered(r, must_parse(table), &mut t[3])?;
        }
        for index in &schema.indexes {
            exec.run_rendered(create_index(index, sqlite), must_parse(index), &mut t[3])?;
        }
        let view = create_view(&schema.view, sqlite);
        exec.run_rendered(view, must_parse(&schema.view), &mut t[3])?;
        let drop = drop_table(&schema.dropped, sqlite, schema.flag);
        exec.run_rendered(drop, true, &mut t[3])?;
        Ok(())
    });
    let t = tallies.into_inner().unwrap();
    println!("{}", t[0].report("fixture selects"));
    println!("{}", t[1].report("fixture insert/update/delete"));
    println!("{}", t[2].report("hostile statements"));
    println!("{}", t[3].report("hostile DDL"));
    let [selects, ..] = &t;
    let ran = selects.executed + selects.rejected + selects.interrupted;
    assert!(
        selects.executed * 5 > ran,
        "too few generated fixture selects execute: {}",
        selects.report("fixture selects")
    );
    // The fixture is intact: every statement ran in a rolled-back transaction.
    let n: i64 = exec
        .db
        .conn()
        .query_row("select count(*) from users", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 4);
}

/// Quoting and escaping are exact on SQLite: a hostile alias comes back as
/// the column name, and a value comes back unchanged, bound or inline.
#[test]
fn sqlite_round_trips_names_and_values() {
    let conn = rusqlite::Connection::open_in_memory().unwrap();
    let names = prop_oneof![2 => name(), 1 => any::<String>()];
    run_prop(512, (names, value()), |(name, v)| {
        let q: Statement = Query::select(Select {
            columns: vec![SelectItem::aliased(Expr::Value(v.clone()), &name)],
            ..Default::default()
        })
        .into();
        let d = DialectKind::Sqlite;
        let bound = render(&q, d);
        let inline = render_inline(&q, d);
        if name.is_empty() || name.contains('\0') {
            prop_assert!(matches!(bound, Err(Error::BadName(_))), "{bound:?}");
            // The value comes first: inline, it may have no literal.
            prop_assert!(
                matches!(inline, Err(Error::BadName(_)))
                    || (matches!(inline, Err(Error::Invalid(_)))
                        && has_no_literal(&Param::Value(v.clone()), d)),
                "{inline:?}"
            );
            return Ok(());
        }
        // SQLite stores NaN as NULL.
        let expected = match &v {
            Value::Float(f) if f.is_nan() => rusqlite::types::Value::Null,
            other => to_sqlite(other),
        };
        let bound = bound.map_err(|e| fail(format!("{e:?}")))?;
        let inline = match inline {
            Ok(sql) => Some(sql),
            Err(Error::Invalid(_)) if has_no_literal(&Param::Value(v.clone()), d) => None,
            Err(e) => return Err(fail(format!("inline: {e:?}"))),
        };
        let runs = [(bound.sql.clone(), bound.values().unwrap())]
            .into_iter()
            .chain(inline.map(|sql| (sql, vec![])));
        for (sql, values) in runs {
            let mut stmt = conn
                .prepare(&sql)
                .map_err(|e| fail(format!("{e} in {sql:?}")))?;
            prop_assert_eq!(stmt.column_name(0).unwrap(), name.as_str(), "{}", sql);
            let got: rusqlite::types::Value = stmt
                .query_row(
                    rusqlite::params_from_iter(values.iter().map(to_sqlite)),
                    |row| row.get(0),
                )
                .map_err(|e| fail(format!("{e} in {sql:?}")))?;
            prop_assert_eq!(&got, &expected, "{}", sql);
        }
        Ok(())
    });
}

// ---------------------------------------------------------------------------
// Property 3: deep nesting
// ---------------------------------------------------------------------------

/// Runs `f` on a thread with a large stack (building and dropping deep trees
/// recurses once per level).
fn on_big_stack<T: Send>(f: impl FnOnce() -> T + Send) -> T {
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
fn on_small_stack<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    thread::scope(|s| {
        thread::Builder::new()
            .stack_size(2 << 20)
            .spawn_scoped(s, f)
            .unwrap()
            .join()
            .unwrap()
    })
}

fn select_expr(e: Expr) -> Query {
    Query::select(Select {
        columns: vec![e.into()],
        from: Some(FromItem::Table(TableRef::new("users"))),
        ..Default::default()
    })
}

fn col() -> Expr {
    Expr::col("users", "id")
}

type Shape = (&'static str, fn(usize) -> Statement);

fn deep_shapes() -> Vec<Shape> {
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
                            query: Box::new(q),
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
fn expect_ok(shape: &str, d: DialectKind) -> bool {
    !(shape == "array cast type" && d != DialectKind::Postgres)
}

#[test]
fn deep_nesting_is_refused_without_overflow() {
    on_big_stack(|| {
        for (shape, build) in deep_shapes() {
            for depth in [50, 300, 10_000] {
                let stmt = build(depth);
                on_small_stack(|| {
                    for d in DialectKind::ALL {
                        let bound = render(&stmt, d);
                        let inline = render_inline(&stmt, d).map(|sql| Rendered {
                            sql,
                            params: vec![],
                        });
                        for (mode, got) in [("bound", bound), ("inline", inline)] {
                            let ctx = format!("{shape} x{depth}, {mode}, {}", d.name());
                            match (depth, expect_ok(shape, d), &got) {
                                (_, false, Err(Error::Unsupported { .. })) => {}
                                (50, true, Ok(_)) => {}
                                (300 | 10_000, true, Err(Error::TooDeep)) => {}
                                _ => panic!("{ctx}: got {:?}", got.as_ref().map(|r| r.sql.len())),
                            }
                        }
                    }
                });
                drop(stmt);
            }
        }
    });
}

#[test]
fn deep_ddl_is_refused_without_overflow() {
    on_big_stack(|| {
        for depth in [50, 300, 10_000] {
            let mut e = col();
            for _ in 0..depth {
                e = Expr::Not(Box::new(e));
            }
            let table = Table {
                checks: vec![Check {
                    name: "c".into(),
                    expr: e.clone(),
                }],
                ..Table::new("t").column(Column::new("a", SqlType::Integer).default_expr(e.clone()))
            };
            let mut index = Index::new("i", TableRef::new("t"), vec![Expr::bare("a")]);
            index.where_ = Some(e.clone());
            let view = View {
                name: TableRef::new("v"),
                query: Box::new(select_expr(e)),
                materialized: false,
            };
            on_small_stack(|| {
                for d in DialectKind::ALL {
                    let results = [
                        ("create table", create_table(&table, d, false)),
                        ("create index", create_index(&index, d)),
                        ("create view", create_view(&view, d)),
                    ];
                    for (what, got) in results {
                        match (depth, &got) {
                            (_, Err(Error::Unsupported { .. })) if what == "create index" => {}
                            (50, Ok(_)) | (300 | 10_000, Err(Error::TooDeep)) => {}
                            _ => panic!("{what} x{depth} on {}: {got:?}", d.name()),
                        }
                    }
                }
            });
            drop((table, index, view));
        }
    });
}
