//! The "any AST" generator: statements, expressions, queries and schema
//! objects (tables, indexes, enums, views) of every variant, with names and
//! values from `vocabulary`. Most of what it builds is meaningless to a
//! database; it exists to show that rendering never panics and always
//! yields well-formed SQL or a typed error (property 1), and to feed
//! hostile statements and DDL to SQLite (property 2).

use std::fmt::Debug;

use mizzle_core::ast::{
    AggregateFn, Assignment, ColumnRef, Cte, CteBody, Delete, Distinct, Expr, FromItem, IndexHint,
    IndexHintKind, Insert, InsertSource, InsertValue, Join, JoinKind, Lock, LockStrength, LockWait,
    NullsOrder, OnConflict, OnConflictAction, OrderBy, Query, RawPart, Select, SelectItem, SetExpr,
    Statement, TableRef, Update, With,
};
use mizzle_core::schema::{
    Check, Column, ColumnDefault, EnumType, ForeignKey, Identity, Index, PrimaryKey,
    ReferentialAction, Table, Unique, View,
};
use mizzle_core::Value;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

use crate::vocabulary::{
    agg_fn, binary_op, function_name, name, one_of, set_op, sql_type, strs, text, value,
    INDEX_METHODS, RAW_SQL, TABLES,
};

pub(crate) fn column_ref() -> BoxedStrategy<ColumnRef> {
    (option::weighted(0.6, name()), name())
        .prop_map(|(table, name)| ColumnRef { table, name })
        .boxed()
}

pub(crate) fn table_ref() -> BoxedStrategy<TableRef> {
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

pub(crate) fn raw_leaf_part() -> BoxedStrategy<RawPart> {
    prop_oneof![
        3 => strs(RAW_SQL).prop_map(RawPart::Sql),
        2 => value().prop_map(RawPart::Value),
        1 => name().prop_map(RawPart::Ident),
    ]
    .boxed()
}

/// Expressions of every variant; `sub` generates the queries of subquery
/// expressions (none at the innermost level).
pub(crate) fn expr_strategy(sub: Option<BoxedStrategy<Query>>) -> BoxedStrategy<Expr> {
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

pub(crate) fn select_item(e: BoxedStrategy<Expr>) -> BoxedStrategy<SelectItem> {
    prop_oneof![
        6 => (e, option::weighted(0.3, name()))
            .prop_map(|(expr, alias)| SelectItem::Expr { expr, alias }),
        1 => Just(SelectItem::Star(None)),
        1 => name().prop_map(|t| SelectItem::Star(Some(t))),
    ]
    .boxed()
}

/// MySQL index hints of every kind, with names from the vocabulary (hostile
/// ones included) and, now and then, an empty list (valid only for USE).
pub(crate) fn index_hints() -> BoxedStrategy<Vec<IndexHint>> {
    let kind = select(vec![
        IndexHintKind::Use,
        IndexHintKind::Force,
        IndexHintKind::Ignore,
    ]);
    vec(
        (kind, vec(name(), 0..3)).prop_map(|(kind, indexes)| IndexHint { kind, indexes }),
        0..3,
    )
    .boxed()
}

pub(crate) fn from_item(sub: Option<BoxedStrategy<Query>>) -> BoxedStrategy<FromItem> {
    let plain = table_ref().prop_map(FromItem::Table);
    let hinted = (table_ref(), index_hints())
        .prop_map(|(table, hints)| FromItem::IndexHinted { table, hints });
    let table = prop_oneof![6 => plain, 1 => hinted];
    match sub {
        Some(q) => prop_oneof![
            4 => table,
            1 => (q, name()).prop_map(|(q, alias)| FromItem::Subquery { query: Box::new(q), alias }),
        ]
        .boxed(),
        None => table.boxed(),
    }
}

pub(crate) fn join(e: BoxedStrategy<Expr>, target: BoxedStrategy<FromItem>) -> BoxedStrategy<Join> {
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

pub(crate) fn order_by(e: BoxedStrategy<Expr>) -> BoxedStrategy<OrderBy> {
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

pub(crate) fn lock() -> BoxedStrategy<Lock> {
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

pub(crate) fn with_clause(q: BoxedStrategy<Query>) -> BoxedStrategy<With> {
    let cte = (name(), vec(name(), 0..3), q).prop_map(|(name, columns, q)| Cte {
        name,
        columns,
        body: CteBody::Query(Box::new(q)),
    });
    (proptest::bool::weighted(0.2), vec(cte, 0..3))
        .prop_map(|(recursive, ctes)| With { recursive, ctes })
        .boxed()
}

pub(crate) fn select_block(
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

pub(crate) fn limit_expr(e: BoxedStrategy<Expr>) -> BoxedStrategy<Expr> {
    prop_oneof![
        3 => (0i64..5).prop_map(|n| Expr::Value(Value::Int(n))),
        1 => e,
    ]
    .boxed()
}

pub(crate) fn query_strategy(
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
pub(crate) fn ast_strategies(levels: u32) -> (BoxedStrategy<Expr>, BoxedStrategy<Query>) {
    let mut e = expr_strategy(None);
    let mut q = query_strategy(e.clone(), None);
    for _ in 0..levels {
        let sub = Some(q);
        e = expr_strategy(sub.clone());
        q = query_strategy(e.clone(), sub);
    }
    (e, q)
}

pub(crate) fn assignment(e: BoxedStrategy<Expr>) -> BoxedStrategy<Assignment> {
    (name(), e)
        .prop_map(|(column, value)| Assignment { column, value })
        .boxed()
}

pub(crate) fn returning(e: BoxedStrategy<Expr>) -> BoxedStrategy<Vec<SelectItem>> {
    prop_oneof![3 => Just(vec![]), 1 => vec(select_item(e), 1..3)].boxed()
}

pub(crate) fn insert_strategy(
    e: BoxedStrategy<Expr>,
    q: BoxedStrategy<Query>,
) -> BoxedStrategy<Insert> {
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

pub(crate) fn update_strategy(
    e: BoxedStrategy<Expr>,
    q: BoxedStrategy<Query>,
) -> BoxedStrategy<Update> {
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

pub(crate) fn delete_strategy(
    e: BoxedStrategy<Expr>,
    q: BoxedStrategy<Query>,
) -> BoxedStrategy<Delete> {
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

pub(crate) fn statement_strategy(levels: u32) -> BoxedStrategy<Statement> {
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

pub(crate) fn referential_action() -> BoxedStrategy<Option<ReferentialAction>> {
    option::of(select(vec![
        ReferentialAction::NoAction,
        ReferentialAction::Restrict,
        ReferentialAction::Cascade,
        ReferentialAction::SetNull,
        ReferentialAction::SetDefault,
    ]))
    .boxed()
}

pub(crate) fn foreign_key() -> BoxedStrategy<ForeignKey> {
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

pub(crate) fn column(e: BoxedStrategy<Expr>) -> BoxedStrategy<Column> {
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

pub(crate) fn table(e: BoxedStrategy<Expr>) -> BoxedStrategy<Table> {
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

pub(crate) fn index(e: BoxedStrategy<Expr>) -> BoxedStrategy<Index> {
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
pub(crate) struct SchemaCase {
    pub(crate) tables: Vec<Table>,
    pub(crate) indexes: Vec<Index>,
    pub(crate) enum_type: EnumType,
    pub(crate) view: View,
    pub(crate) schema: String,
    pub(crate) dropped: TableRef,
    pub(crate) flag: bool,
}

pub(crate) fn schema_case() -> BoxedStrategy<SchemaCase> {
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
