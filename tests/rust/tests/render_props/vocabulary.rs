//! The names, values and types every generator draws from: the blog
//! schema's tables and columns, hostile strings (quotes, backticks,
//! backslashes, NUL, unicode, `--`, `;`, `?`, `$1`), plain words, function
//! and type names, and the leaf strategies over them (values with NaN and
//! infinities, operators, SQL types).

use std::fmt::Debug;

use mizzle_core::ast::{AggregateFn, BinaryOp, SetOp};
use mizzle_core::schema::SqlType;
use mizzle_core::Value;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::Union;

pub(crate) const TABLES: &[&str] = &["users", "posts", "comments"];
pub(crate) const COLUMNS: &[&str] = &[
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
pub(crate) const USERS_COLS: &[&str] = &["id", "name", "email", "age", "active", "bio"];
pub(crate) const POSTS_COLS: &[&str] = &["id", "author_id", "title", "body", "views", "published"];
pub(crate) const COMMENTS_COLS: &[&str] = &["id", "post_id", "user_id", "body", "stars"];

/// Strings no name or value may smuggle past its quotes.
pub(crate) const HOSTILE: &[&str] = &[
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
pub(crate) const WORDS: &[&str] = &[
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

pub(crate) const FUNCTIONS: &[&str] = &[
    "lower",
    "upper",
    "length",
    "abs",
    "coalesce",
    "typeof",
    "round",
    "pg_catalog.lower",
];
pub(crate) const BAD_FUNCTIONS: &[&str] =
    &["lower(", "1abc", "a.b.c", "", "x y", "a;b", "--", "f'"];

pub(crate) const CUSTOM_TYPES: &[&str] = &[
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

pub(crate) const INDEX_METHODS: &[&str] =
    &["btree", "hash", "gin", "BTREE", "gist", "x; drop", "", "1a"];

/// Raw SQL fragments: the caller vouches for raw text, so these are
/// self-contained tokens that cannot open a quote or comment by themselves.
pub(crate) const RAW_SQL: &[&str] = &[
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

pub(crate) fn one_of<T: Debug + 'static>(arms: Vec<(u32, BoxedStrategy<T>)>) -> BoxedStrategy<T> {
    Union::new_weighted(arms).boxed()
}

pub(crate) fn function_name() -> BoxedStrategy<String> {
    prop_oneof![16 => strs(FUNCTIONS), 1 => strs(BAD_FUNCTIONS)].boxed()
}

pub(crate) fn strs(list: &'static [&'static str]) -> BoxedStrategy<String> {
    select(list).prop_map(String::from).boxed()
}

pub(crate) fn plain_name() -> BoxedStrategy<String> {
    let all: Vec<&'static str> = TABLES.iter().chain(COLUMNS).copied().collect();
    select(all).prop_map(String::from).boxed()
}

pub(crate) fn hostile_string() -> BoxedStrategy<String> {
    prop_oneof![
        4 => strs(HOSTILE),
        1 => vec(any::<char>(), 1..6).prop_map(|c| c.into_iter().collect::<String>()),
        1 => (select(COLUMNS), select(HOSTILE)).prop_map(|(a, b)| format!("{a}{b}")),
    ]
    .boxed()
}

/// Table, column, alias, CTE, constraint and placeholder names.
pub(crate) fn name() -> BoxedStrategy<String> {
    prop_oneof![5 => plain_name(), 1 => hostile_string()].boxed()
}

pub(crate) fn text() -> BoxedStrategy<String> {
    prop_oneof![2 => strs(WORDS), 1 => hostile_string()].boxed()
}

pub(crate) fn value() -> BoxedStrategy<Value> {
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

pub(crate) fn agg_fn() -> BoxedStrategy<AggregateFn> {
    select(vec![
        AggregateFn::Count,
        AggregateFn::Sum,
        AggregateFn::Avg,
        AggregateFn::Min,
        AggregateFn::Max,
    ])
    .boxed()
}

pub(crate) fn binary_op() -> BoxedStrategy<BinaryOp> {
    use BinaryOp::*;
    select(vec![
        Eq, Ne, Lt, Le, Gt, Ge, Add, Sub, Mul, Div, Mod, Concat,
    ])
    .boxed()
}

pub(crate) fn cmp_op() -> BoxedStrategy<BinaryOp> {
    use BinaryOp::*;
    select(vec![Eq, Ne, Lt, Le, Gt, Ge]).boxed()
}

pub(crate) fn set_op() -> BoxedStrategy<SetOp> {
    select(vec![SetOp::Union, SetOp::Intersect, SetOp::Except]).boxed()
}

pub(crate) fn sql_type() -> BoxedStrategy<SqlType> {
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
