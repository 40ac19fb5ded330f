//! Scalar expressions: comparisons, boolean logic, arithmetic, concatenation,
//! LIKE / ILIKE, IN, BETWEEN, NULL tests, EXISTS, subqueries, casts, function
//! calls, CASE, raw fragments, named placeholders, and hostile string values
//! round-tripped both as bound parameters and as inline literals.
//!
//! Expected rows follow the seed data documented in `mizzle_tests::fixture`.

use std::collections::BTreeMap;

use mizzle_core::ast::{
    AggregateFn, Expr, FromItem, Insert, InsertValue, OrderBy, Query, RawPart, Select, SelectItem,
};
use mizzle_core::schema::SqlType;
use mizzle_core::{render_inline, DialectKind, Error, Feature, Param, Rendered, Value};
use mizzle_tests::cell::show;
use mizzle_tests::fixture::t;
use mizzle_tests::{rows, Cell, Ctx, Harness};

use DialectKind::{MySql, Postgres, Sqlite};

fn u(column: &str) -> Expr {
    Expr::col("users", column)
}

fn p(column: &str) -> Expr {
    Expr::col("posts", column)
}

fn from(table: &str, columns: Vec<SelectItem>) -> Select {
    Select {
        columns,
        from: Some(FromItem::Table(t(table))),
        ..Default::default()
    }
}

/// `select users.name from users where cond order by users.id`.
fn user_names(cond: Expr) -> Query {
    let mut s = from("users", vec![u("name").into()]);
    s.where_ = Some(cond);
    Query::select(s).order_by(vec![OrderBy::asc(u("id"))])
}

/// `select posts.id from posts where cond order by posts.id`.
fn post_ids(cond: Expr) -> Query {
    let mut s = from("posts", vec![p("id").into()]);
    s.where_ = Some(cond);
    Query::select(s).order_by(vec![OrderBy::asc(p("id"))])
}

/// `select exprs` (no FROM).
fn project(exprs: Vec<Expr>) -> Query {
    Query::select(Select {
        columns: exprs.into_iter().map(SelectItem::from).collect(),
        ..Default::default()
    })
}

/// `select exprs from users order by users.id`.
fn per_user(exprs: Vec<Expr>) -> Query {
    Query::select(from(
        "users",
        exprs.into_iter().map(SelectItem::from).collect(),
    ))
    .order_by(vec![OrderBy::asc(u("id"))])
}

/// `select exprs from posts order by posts.id`.
fn per_post(exprs: Vec<Expr>) -> Query {
    Query::select(from(
        "posts",
        exprs.into_iter().map(SelectItem::from).collect(),
    ))
    .order_by(vec![OrderBy::asc(p("id"))])
}

fn names(list: &[&str]) -> Vec<Vec<Cell>> {
    list.iter().map(|n| vec![Cell::from(*n)]).collect()
}

fn ids(list: &[i64]) -> Vec<Vec<Cell>> {
    list.iter().map(|n| vec![Cell::Int(*n)]).collect()
}

fn text(s: &str) -> Expr {
    Expr::val(s)
}

/// One assertion over rows obtained some other way than `assert_rows`.
fn check_rows(
    c: &mut Ctx<'_>,
    what: &str,
    actual: Vec<Vec<Cell>>,
    expected: Vec<Vec<Cell>>,
) -> Result<(), String> {
    let same = actual.len() == expected.len()
        && actual
            .iter()
            .zip(&expected)
            .all(|(a, e)| a.len() == e.len() && a.iter().zip(e).all(|(a, e)| a.matches(e)));
    c.check(same, || {
        format!(
            "{what}: rows differ\n  expected: {}\n  actual:   {}",
            show(&expected),
            show(&actual)
        )
    })
}

/// One assertion: the single value the query returns is exactly `expected`,
/// wire type included (no loose number/text matching).
fn assert_exact(c: &mut Ctx<'_>, q: Query, expected: Cell) -> Result<(), String> {
    let sql = c.render(&q.clone().into())?.sql;
    let actual = c.rows(q)?;
    let ok = actual == vec![vec![expected.clone()]];
    c.check(ok, || {
        format!("expected exactly [[{expected:?}]], got {actual:?}\n  sql: {sql}")
    })
}

/// Renders with values inlined as literals and runs the SQL without parameters.
fn inline_rows(
    c: &mut Ctx<'_>,
    stmt: impl Into<mizzle_core::ast::Statement>,
) -> Result<Vec<Vec<Cell>>, String> {
    let sql = render_inline(&stmt.into(), c.dialect())
        .map_err(|e| format!("render_inline failed: {e}"))?;
    c.rows_rendered(&Rendered {
        sql,
        params: vec![],
    })
}

fn neg(e: Expr) -> Expr {
    Expr::Neg(Box::new(e))
}

fn exists(q: Query, negated: bool) -> Expr {
    Expr::Exists {
        query: Box::new(q),
        negated,
    }
}

/// Strings that break naive escaping, one per line of attack.
fn hostile_strings() -> Vec<(&'static str, String)> {
    let big: String = "ab'c\\d\"e`f%_g;--h/*i*/j\n🦀"
        .chars()
        .cycle()
        .take(10_240)
        .collect();
    vec![
        ("single quote", "'".into()),
        ("two quotes", "''".into()),
        ("quoted word", "it's a 'test'".into()),
        ("backslash", "\\".into()),
        ("backslash quote", "\\'".into()),
        ("trailing backslash", "abc\\".into()),
        ("double backslash quote", "\\\\'".into()),
        ("double quote", "\"".into()),
        ("backtick", "`".into()),
        ("line comment", "x' -- y".into()),
        ("block comment", "/* */".into()),
        ("statement break", "'; drop table users; --".into()),
        ("like wildcards", "%_".into()),
        ("mysql escape lookalikes", "\\n\\0\\Z\\%\\_\\b".into()),
        ("whitespace", "a\nb\tc\r\nd".into()),
        ("control characters", "\u{8}\u{1a}\u{7f}".into()),
        ("emoji", "🦀 👩‍👩‍👧".into()),
        ("right to left", "\u{202e}مرحبا שלום".into()),
        ("combining", "e\u{301}a\u{308}".into()),
        ("placeholder lookalikes", "? $1 :x @y".into()),
        ("postgres escape lookalikes", "E'\\x41' $$ $t$".into()),
        ("empty", String::new()),
        ("10 kB mix", big),
    ]
}

pub fn run(h: &mut Harness) {
    comparisons_and_logic(h);
    arithmetic_and_concat(h);
    predicates(h);
    subqueries(h);
    casts(h);
    functions_case_raw(h);
    placeholders(h);
    hostile_values(h);
}

fn comparisons_and_logic(h: &mut Harness) {
    h.all("expr comparison operators", |c| {
        // Ages: ann 31, bob 25, cid NULL, dee 42; NULL never compares true.
        c.assert_rows(user_names(u("age").eq(Expr::val(31))), names(&["ann"]))?;
        c.assert_rows(
            user_names(u("age").ne(Expr::val(31))),
            names(&["bob", "dee"]),
        )?;
        c.assert_rows(user_names(u("age").lt(Expr::val(31))), names(&["bob"]))?;
        c.assert_rows(
            user_names(u("age").le(Expr::val(31))),
            names(&["ann", "bob"]),
        )?;
        c.assert_rows(user_names(u("age").gt(Expr::val(31))), names(&["dee"]))?;
        c.assert_rows(
            user_names(u("age").ge(Expr::val(31))),
            names(&["ann", "dee"]),
        )
    });

    h.all("expr comparison between columns and text", |c| {
        c.assert_rows(post_ids(p("author_id").eq(p("id"))), ids(&[1, 4]))?;
        c.assert_rows(post_ids(p("title").lt(text("Hello world"))), ids(&[3]))?;
        c.assert_rows(
            user_names(u("name").ge(text("cid"))),
            names(&["cid", "dee"]),
        )
    });

    h.all("expr and / or / not", |c| {
        let c1 = u("age").ge(Expr::val(30)).and(u("bio").is_not_null());
        c.assert_rows(user_names(c1), names(&["ann", "dee"]))?;
        let c2 = u("name").eq(text("bob")).or(u("name").eq(text("cid")));
        c.assert_rows(user_names(c2), names(&["bob", "cid"]))?;
        // NOT of an unknown (cid's NULL age) stays unknown.
        c.assert_rows(user_names(!u("age").gt(Expr::val(30))), names(&["bob"]))?;
        // An OR nested inside an AND must stay grouped.
        let grouped = u("name")
            .eq(text("ann"))
            .or(u("name").eq(text("dee")))
            .and(u("age").gt(Expr::val(35)));
        c.assert_rows(user_names(grouped), names(&["dee"]))?;
        // And an AND nested inside an OR.
        let nested = Expr::Or(vec![
            Expr::And(vec![u("active"), u("age").lt(Expr::val(30))]),
            Expr::And(vec![!u("active"), u("age").is_null()]),
        ]);
        c.assert_rows(user_names(nested), names(&["bob", "cid"]))?;
        // NOT applied to a conjunction, not to its first term.
        c.assert_rows(
            user_names(!Expr::And(vec![u("active"), u("age").gt(Expr::val(30))])),
            names(&["bob", "cid"]),
        )
    });

    h.all("expr empty and is true, empty or is false", |c| {
        c.assert_rows(
            user_names(Expr::And(vec![])),
            names(&["ann", "bob", "cid", "dee"]),
        )?;
        c.assert_rows(user_names(Expr::Or(vec![])), vec![])?;
        c.assert_rows(user_names(!Expr::And(vec![])), vec![])?;
        c.assert_rows(
            user_names(!Expr::Or(vec![])),
            names(&["ann", "bob", "cid", "dee"]),
        )?;
        c.assert_rows(
            user_names(Expr::Or(vec![Expr::Or(vec![]), u("name").eq(text("bob"))])),
            names(&["bob"]),
        )?;
        c.assert_rows(
            user_names(Expr::And(vec![
                Expr::And(vec![]),
                u("name").eq(text("bob")),
            ])),
            names(&["bob"]),
        )?;
        c.assert_rows(
            project(vec![Expr::And(vec![]), Expr::Or(vec![])]),
            rows![[1, 0]],
        )
    });

    h.all("expr single-element and / or", |c| {
        c.assert_rows(
            user_names(Expr::And(vec![u("name").eq(text("dee"))])),
            names(&["dee"]),
        )?;
        c.assert_rows(user_names(!Expr::Or(vec![u("active")])), names(&["cid"]))
    });
}

fn arithmetic_and_concat(h: &mut Harness) {
    h.all("expr arithmetic operators", |c| {
        // views: 10, 25, 0, 7.
        let q = per_post(vec![
            p("views") + Expr::val(1),
            p("views") - Expr::val(1),
            p("views") * Expr::val(2),
            p("views") % Expr::val(4),
            neg(p("views")),
        ]);
        c.assert_rows(
            q,
            rows![
                [11, 9, 20, 2, -10],
                [26, 24, 50, 1, -25],
                [1, -1, 0, 0, 0],
                [8, 6, 14, 3, -7]
            ],
        )?;
        // Exact division gives the same on every dialect.
        let mut s = from("posts", vec![(p("views") / Expr::val(5)).into()]);
        s.where_ = Some(p("id").in_list(vec![Expr::val(1), Expr::val(2), Expr::val(3)]));
        c.assert_rows(
            Query::select(s).order_by(vec![OrderBy::asc(p("id"))]),
            rows![[2], [5], [0]],
        )
    });

    h.all("expr arithmetic keeps grouping", |c| {
        // views = 10 for post 1.
        let v = || p("views");
        let mut s = from(
            "posts",
            vec![
                (v() + v() * v()).into(),
                ((v() + v()) * v()).into(),
                (v() - (v() - Expr::val(1))).into(),
                ((v() - v()) - Expr::val(1)).into(),
                neg(v() - Expr::val(3)).into(),
                neg(neg(v())).into(),
                (v() - neg(v())).into(),
            ],
        );
        s.where_ = Some(p("id").eq(Expr::val(1)));
        c.assert_rows(Query::select(s), rows![[110, 200, 1, -1, -7, 10, 20]])
    });

    h.all("expr negation in where and of a negative value", |c| {
        c.assert_rows(post_ids(neg(p("views")).lt(Expr::val(-9))), ids(&[1, 2]))?;
        let minus_five = || Expr::val(-5).cast(SqlType::Integer);
        c.assert_rows(
            project(vec![
                neg(minus_five()),
                Expr::val(3) - minus_five(),
                neg(neg(minus_five())),
            ]),
            rows![[5, 8, -5]],
        )
    });

    // PostgreSQL cannot type a bare negated parameter (`-$1`: operator is not
    // unique), so there it needs the cast above.
    h.case(
        "expr negation of a bare bound value",
        &[Sqlite, MySql],
        |c| {
            c.assert_rows(
                project(vec![neg(Expr::val(-5)), neg(Expr::val(2.5))]),
                rows![[5, -2.5]],
            )
        },
    );

    h.all("expr integer division", |c| {
        // 7 / 2: SQLite and PostgreSQL divide integers exactly; MySQL's `/` always
        // yields a decimal.
        let expected = if c.dialect() == MySql {
            rows![[3.5]]
        } else {
            rows![[3]]
        };
        let mut s = from("posts", vec![(p("views") / Expr::val(2)).into()]);
        s.where_ = Some(p("id").eq(Expr::val(4)));
        c.assert_rows(Query::select(s), expected)
    });

    h.all("expr concat", |c| {
        let label = u("name")
            .concat(text(" <"))
            .concat(u("email"))
            .concat(text(">"));
        let mut s = from("users", vec![label.into()]);
        s.where_ = Some(u("id").eq(Expr::val(1)));
        c.assert_rows(Query::select(s), rows![["ann <ann@example.com>"]])?;
        // NULL propagates (bob has no bio), numbers are converted.
        let q = per_user(vec![u("name").concat(u("bio")), u("name").concat(u("age"))]);
        c.assert_rows(
            q,
            rows![
                ["annlikes rust", "ann31"],
                [Cell::Null, "bob25"],
                [Cell::Null, Cell::Null],
                ["deesql fan", "dee42"]
            ],
        )?;
        // Concatenation as an operand of a comparison.
        c.assert_rows(
            user_names(u("name").concat(text("@example.com")).eq(u("email"))),
            names(&["ann", "bob", "cid", "dee"]),
        )
    });
}

fn predicates(h: &mut Harness) {
    h.all("expr like and not like", |c| {
        // Titles: Hello world, Ownership, Draft, Joins.
        c.assert_rows(post_ids(p("title").like(text("%r%"))), ids(&[1, 2, 3]))?;
        c.assert_rows(post_ids(p("title").like(text("H%"))), ids(&[1]))?;
        c.assert_rows(post_ids(p("title").like(text("_raft"))), ids(&[3]))?;
        let not_like = Expr::Like {
            expr: Box::new(p("title")),
            pattern: Box::new(text("%r%")),
            negated: true,
            case_insensitive: false,
        };
        c.assert_rows(post_ids(not_like), ids(&[4]))?;
        // Pattern from a column expression.
        c.assert_rows(
            user_names(u("email").like(u("name").concat(text("@%")))),
            names(&["ann", "bob", "cid", "dee"]),
        )
    });

    h.all("expr like case sensitivity per dialect", |c| {
        // SQLite's LIKE folds ASCII case; PostgreSQL's is case-sensitive, and so
        // is MariaDB's under the suite's utf8mb4_bin collation.
        let expected = if c.dialect() == Sqlite {
            ids(&[1])
        } else {
            ids(&[])
        };
        c.assert_rows(post_ids(p("title").like(text("hello%"))), expected)
    });

    h.all("expr ilike and not ilike", |c| {
        c.assert_rows(post_ids(p("title").ilike(text("hello%"))), ids(&[1]))?;
        c.assert_rows(post_ids(p("title").ilike(text("%OWNER%"))), ids(&[2]))?;
        c.assert_rows(post_ids(text("JOINS").ilike(p("title"))), ids(&[4]))?;
        let not_ilike = Expr::Like {
            expr: Box::new(p("title")),
            pattern: Box::new(text("%O%")),
            negated: true,
            case_insensitive: true,
        };
        c.assert_rows(post_ids(not_ilike), ids(&[3]))?;
        let not_ilike_lower = Expr::Like {
            expr: Box::new(p("title")),
            pattern: Box::new(text("d%")),
            negated: true,
            case_insensitive: true,
        };
        c.assert_rows(post_ids(not_ilike_lower), ids(&[1, 2, 4]))
    });

    h.all("expr ilike beyond ascii", |c| {
        // PostgreSQL and MariaDB fold accented letters; SQLite (without ICU)
        // folds ASCII only, in LIKE and in lower() alike: a known limitation.
        // Nobody folds ß to SS.
        let folds = if c.dialect() == Sqlite { 0 } else { 1 };
        let q = project(vec![
            text("ÉCOLE Ünï").ilike(text("école ünÏ")),
            text("ÉCOLE").ilike(text("_cole")),
            text("straße").ilike(text("STRASSE")),
        ]);
        c.assert_rows(q, rows![[folds, 1, 0]])
    });

    h.all("expr in list and not in list", |c| {
        c.assert_rows(
            user_names(u("id").in_list(vec![Expr::val(1), Expr::val(3)])),
            names(&["ann", "cid"]),
        )?;
        c.assert_rows(
            user_names(u("id").not_in_list(vec![Expr::val(1), Expr::val(3)])),
            names(&["bob", "dee"]),
        )?;
        c.assert_rows(
            user_names(u("name").in_list(vec![text("dee"), text("bob"), text("zed")])),
            names(&["bob", "dee"]),
        )?;
        // cid's NULL age is neither in nor not in a non-empty list.
        c.assert_rows(
            user_names(u("age").not_in_list(vec![Expr::val(31)])),
            names(&["bob", "dee"]),
        )?;
        // List items are expressions.
        c.assert_rows(
            user_names(
                (u("id") + Expr::val(1)).in_list(vec![u("age") - Expr::val(28), Expr::val(5)]),
            ),
            names(&["dee"]),
        )
    });

    h.all(
        "expr empty in list selects nothing, empty not in list everything",
        |c| {
            c.assert_rows(user_names(u("id").in_list(vec![])), vec![])?;
            // Even cid, whose age is NULL: the empty NOT IN is simply true.
            c.assert_rows(
                user_names(u("age").not_in_list(vec![])),
                names(&["ann", "bob", "cid", "dee"]),
            )?;
            c.assert_rows(
                user_names(!u("id").in_list(vec![])),
                names(&["ann", "bob", "cid", "dee"]),
            )?;
            c.assert_rows(
                user_names(u("id").in_list(vec![]).or(u("name").eq(text("cid")))),
                names(&["cid"]),
            )?;
            c.assert_rows(
                project(vec![
                    Expr::val(1).in_list(vec![]),
                    Expr::val(1).not_in_list(vec![]),
                ]),
                rows![[0, 1]],
            )
        },
    );

    h.all("expr between and not between", |c| {
        c.assert_rows(
            user_names(u("age").between(Expr::val(25), Expr::val(31))),
            names(&["ann", "bob"]),
        )?;
        let not_between = Expr::Between {
            expr: Box::new(u("age")),
            low: Box::new(Expr::val(25)),
            high: Box::new(Expr::val(31)),
            negated: true,
        };
        c.assert_rows(user_names(not_between), names(&["dee"]))?;
        c.assert_rows(
            post_ids(p("views").between(Expr::val(7), Expr::val(10))),
            ids(&[1, 4]),
        )?;
        // Bounds that are expressions, and BETWEEN inside AND.
        let b = p("views")
            .between(
                p("author_id") * Expr::val(5),
                p("author_id") * Expr::val(10),
            )
            .and(p("published"));
        c.assert_rows(post_ids(b), ids(&[1]))
    });

    h.all("expr is null and is not null", |c| {
        c.assert_rows(user_names(u("bio").is_null()), names(&["bob", "cid"]))?;
        c.assert_rows(user_names(u("bio").is_not_null()), names(&["ann", "dee"]))?;
        c.assert_rows(
            user_names((u("age") + Expr::val(1)).is_null()),
            names(&["cid"]),
        )?;
        c.assert_rows(
            user_names(u("age").gt(Expr::val(30)).is_null()),
            names(&["cid"]),
        )?;
        c.assert_rows(
            per_user(vec![u("bio").is_null()]),
            rows![[0], [1], [1], [0]],
        )
    });
}

fn subqueries(h: &mut Harness) {
    h.all("expr in subquery and not in subquery", |c| {
        let mut authors = from("posts", vec![p("author_id").into()]);
        authors.where_ = Some(p("published"));
        let in_q = Expr::InQuery {
            expr: Box::new(u("id")),
            query: Box::new(Query::select(authors.clone())),
            negated: false,
        };
        c.assert_rows(user_names(in_q), names(&["ann", "dee"]))?;
        let not_in_q = Expr::InQuery {
            expr: Box::new(u("id")),
            query: Box::new(Query::select(authors)),
            negated: true,
        };
        c.assert_rows(user_names(not_in_q), names(&["bob", "cid"]))
    });

    h.all("expr exists and not exists correlated", |c| {
        // Users with a comment of 4+ stars: only bob (comments 1 and 3).
        let mut good = from("comments", vec![Expr::val(1).into()]);
        good.where_ = Some(
            Expr::col("comments", "user_id")
                .eq(u("id"))
                .and(Expr::col("comments", "stars").ge(Expr::val(4))),
        );
        let good = Query::select(good);
        c.assert_rows(user_names(exists(good.clone(), false)), names(&["bob"]))?;
        c.assert_rows(
            user_names(exists(good.clone(), true)),
            names(&["ann", "cid", "dee"]),
        )?;
        c.assert_rows(
            user_names(!exists(good, false)),
            names(&["ann", "cid", "dee"]),
        )?;
        // Users with no posts at all.
        let mut posts = from("posts", vec![Expr::val(1).into()]);
        posts.where_ = Some(p("author_id").eq(u("id")));
        c.assert_rows(
            user_names(exists(Query::select(posts), true)),
            names(&["cid"]),
        )
    });

    h.all("expr scalar subquery in projection and where", |c| {
        let mut count = from("posts", vec![Expr::count_star().into()]);
        count.where_ = Some(p("author_id").eq(u("id")));
        let q = per_user(vec![
            u("name"),
            Expr::Subquery(Box::new(Query::select(count.clone()))),
        ]);
        c.assert_rows(q, rows![["ann", 2], ["bob", 1], ["cid", 0], ["dee", 1]])?;
        // As an operand of arithmetic.
        let q = per_user(vec![
            Expr::Subquery(Box::new(Query::select(count))) * Expr::val(10),
        ]);
        c.assert_rows(q, rows![[20], [10], [0], [10]])?;
        // Average views are 10.5: only post 2 (25 views) is above.
        let avg = from(
            "posts",
            vec![p("views").aggregate(AggregateFn::Avg, false).into()],
        );
        c.assert_rows(
            post_ids(p("views").gt(Expr::Subquery(Box::new(Query::select(avg))))),
            ids(&[2]),
        )
    });
}

fn casts(h: &mut Harness) {
    h.all("expr cast to integer, text and real", |c| {
        assert_exact(
            c,
            project(vec![text("42").cast(SqlType::Integer)]),
            Cell::Int(42),
        )?;
        assert_exact(
            c,
            project(vec![text("-7").cast(SqlType::BigInt)]),
            Cell::Int(-7),
        )?;
        assert_exact(
            c,
            project(vec![text("9000000000").cast(SqlType::BigInt)]),
            Cell::Int(9_000_000_000),
        )?;
        assert_exact(
            c,
            project(vec![text("7").cast(SqlType::Serial)]),
            Cell::Int(7),
        )?;
        let mut s = from("users", vec![u("age").cast(SqlType::Text).into()]);
        s.where_ = Some(u("id").eq(Expr::val(1)));
        assert_exact(c, Query::select(s), Cell::Text("31".into()))?;
        c.assert_rows(
            project(vec![
                text("2.5").cast(SqlType::Real),
                text("-3.75").cast(SqlType::Double),
            ]),
            rows![[2.5, -3.75]],
        )?;
        c.assert_rows(
            project(vec![Expr::Value(Value::Null).cast(SqlType::Integer)]),
            rows![[Cell::Null]],
        )
    });

    h.all("expr cast integer result is numeric", |c| {
        // CAST(x AS integer) compares as a number, not as text ('10' < '9').
        let mut s = from("posts", vec![p("id").into()]);
        s.where_ = Some(
            p("views")
                .cast(SqlType::Text)
                .cast(SqlType::Integer)
                .gt(Expr::val(9)),
        );
        c.assert_rows(
            Query::select(s).order_by(vec![OrderBy::asc(p("id"))]),
            ids(&[1, 2]),
        )
    });

    h.all("expr cast to numeric", |c| {
        let two_dp = SqlType::Numeric {
            precision: Some(10),
            scale: Some(2),
        };
        c.assert_rows(
            project(vec![text("2.50").cast(two_dp.clone())]),
            rows![[2.5]],
        )?;
        // SQLite has no fixed-point type: numeric affinity keeps every digit.
        let expected = if c.dialect() == Sqlite {
            rows![[7.12345]]
        } else {
            rows![[7.12]]
        };
        c.assert_rows(project(vec![text("7.12345").cast(two_dp)]), expected)?;
        c.assert_rows(
            project(vec![text("12").cast(SqlType::Numeric {
                precision: None,
                scale: None,
            })]),
            rows![[12]],
        )
    });

    h.all("expr cast to boolean, blob and textual types", |c| {
        c.assert_rows(
            project(vec![
                Expr::val(1).cast(SqlType::Boolean),
                Expr::val(0).cast(SqlType::Boolean),
            ]),
            rows![[1, 0]],
        )?;
        assert_exact(
            c,
            project(vec![text("abc").cast(SqlType::Blob)]),
            Cell::Bytes(b"abc".to_vec()),
        )?;
        assert_exact(
            c,
            project(vec![Expr::val(12).cast(SqlType::Varchar(Some(10)))]),
            Cell::Text("12".into()),
        )?;
        let uuid = "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";
        assert_exact(
            c,
            project(vec![text(uuid).cast(SqlType::Uuid).cast(SqlType::Text)]),
            Cell::Text(uuid.into()),
        )?;
        let json = r#"{"a": [1, "x"]}"#;
        assert_exact(
            c,
            project(vec![text(json).cast(SqlType::Json).cast(SqlType::Text)]),
            Cell::Text(json.into()),
        )
    });

    h.all("expr cast to date and time types", |c| {
        let ts = SqlType::Timestamp {
            precision: None,
            with_time_zone: false,
        };
        let time = SqlType::Time {
            precision: None,
            with_time_zone: false,
        };
        let q = project(vec![
            text("2024-02-29").cast(SqlType::Date).cast(SqlType::Text),
            text("2024-01-02 03:04:05").cast(ts).cast(SqlType::Text),
            text("2024-01-02 03:04:05")
                .cast(SqlType::DateTime { precision: None })
                .cast(SqlType::Text),
            text("13:14:15").cast(time).cast(SqlType::Text),
        ]);
        c.assert_rows(
            q,
            rows![[
                "2024-02-29",
                "2024-01-02 03:04:05",
                "2024-01-02 03:04:05",
                "13:14:15"
            ]],
        )
    });

    h.case("expr cast to interval", &[Sqlite, Postgres], |c| {
        c.assert_rows(
            project(vec![text("1 day")
                .cast(SqlType::Interval)
                .cast(SqlType::Text)]),
            rows![["1 day"]],
        )
    });

    h.case("expr cast to array and custom types", &[Postgres], |c| {
        let arr = SqlType::Array(Box::new(SqlType::Integer));
        c.assert_rows(
            project(vec![text("{3,1,2}").cast(arr).cast(SqlType::Text)]),
            rows![["{3,1,2}"]],
        )?;
        assert_exact(
            c,
            project(vec![text("5").cast(SqlType::Custom("int8".into()))]),
            Cell::Int(5),
        )?;
        c.assert_rows(
            project(vec![
                text("0.5").cast(SqlType::Custom("double precision".into()))
            ]),
            rows![[0.5]],
        )?;
        c.assert_rows(
            project(vec![text("abcdef").cast(SqlType::Char(Some(3)))]),
            rows![["abc"]],
        )
    });

    h.case("expr cast types mysql refuses", &[MySql], |c| {
        for ty in [
            SqlType::Interval,
            SqlType::Array(Box::new(SqlType::Integer)),
            SqlType::Custom("unsigned".into()),
            SqlType::NamedEnum {
                schema: None,
                name: "mood".into(),
            },
        ] {
            c.assert_unsupported(project(vec![text("1").cast(ty)]), Feature::CastType)?;
        }
        Ok(())
    });

    h.case("expr array operators @> <@ &&", &[Postgres], |c| {
        let arr = |s: &str| text(s).cast(SqlType::Array(Box::new(SqlType::Integer)));
        let op = |op, l: &str, r: &str| Expr::Binary {
            op,
            left: Box::new(arr(l)),
            right: Box::new(arr(r)),
        };
        use mizzle_core::ast::BinaryOp::{ArrayContained, ArrayContains, ArrayOverlaps};
        c.assert_rows(
            project(vec![
                op(ArrayContains, "{1,2,3}", "{3,1}"),
                op(ArrayContains, "{1,2}", "{4}"),
                op(ArrayContained, "{2}", "{1,2}"),
                op(ArrayContained, "{2,5}", "{1,2}"),
                op(ArrayOverlaps, "{1,2}", "{2,9}"),
                op(ArrayOverlaps, "{1,2}", "{8,9}"),
            ]),
            rows![[true, false, true, false, true, false]],
        )
    });

    h.case(
        "expr array operators refused without arrays",
        &[Sqlite, MySql],
        |c| {
            let q = project(vec![Expr::Binary {
                op: mizzle_core::ast::BinaryOp::ArrayOverlaps,
                left: Box::new(text("{1}")),
                right: Box::new(text("{1}")),
            }]);
            c.assert_unsupported(q, Feature::ArrayType)
        },
    );

    h.case("expr cast to array refused by sqlite", &[Sqlite], |c| {
        c.assert_unsupported(
            project(vec![
                text("1").cast(SqlType::Array(Box::new(SqlType::Integer)))
            ]),
            Feature::ArrayType,
        )
    });

    h.all("expr cast to a malformed custom type name", |c| {
        let bad = project(vec![
            text("1").cast(SqlType::Custom("int); drop table users; --".into()))
        ]);
        // MySQL refuses every custom cast target before looking at the name.
        if c.dialect() == MySql {
            c.assert_unsupported(bad, Feature::CastType)
        } else {
            c.assert_render_error(bad, |e| matches!(e, Error::BadName(_)))
        }
    });
}

fn functions_case_raw(h: &mut Harness) {
    h.all("expr function calls", |c| {
        let f = Expr::func;
        let q = per_user(vec![
            f("upper", vec![u("name")]),
            f("lower", vec![text("MiXeD")]),
            f(
                "coalesce",
                vec![u("bio"), u("age").cast(SqlType::Text), text("none")],
            ),
            f("length", vec![u("email")]),
            f("abs", vec![Expr::val(20) - u("age")]),
        ]);
        c.assert_rows(
            q,
            rows![
                ["ANN", "mixed", "likes rust", 15, 11],
                ["BOB", "mixed", "25", 15, 5],
                ["CID", "mixed", "none", 15, Cell::Null],
                ["DEE", "mixed", "sql fan", 15, 22]
            ],
        )?;
        // Nested calls and a call as a comparison operand.
        c.assert_rows(
            post_ids(f("length", vec![f("lower", vec![p("title")])]).gt(Expr::val(5))),
            ids(&[1, 2]),
        )?;
        c.assert_rows(
            post_ids(f("upper", vec![p("title")]).eq(text("JOINS"))),
            ids(&[4]),
        )
    });

    h.case(
        "expr char_length counts characters",
        &[Postgres, MySql],
        |c| {
            // 'héllo 🦀' is 7 characters in 11 bytes; MySQL's length() counts bytes.
            let word = "héllo 🦀";
            let len = if c.dialect() == MySql { 11 } else { 7 };
            c.assert_rows(
                project(vec![
                    Expr::func("char_length", vec![text(word)]),
                    Expr::func("length", vec![text(word)]),
                ]),
                rows![[7, len]],
            )
        },
    );

    h.case("expr length counts characters on sqlite", &[Sqlite], |c| {
        c.assert_rows(
            project(vec![Expr::func("length", vec![text("héllo 🦀")])]),
            rows![[7]],
        )
    });

    h.case("expr schema-qualified function", &[Postgres], |c| {
        c.assert_rows(
            project(vec![Expr::func("pg_catalog.upper", vec![text("abc")])]),
            rows![["ABC"]],
        )
    });

    h.all("expr function name guard", |c| {
        for name in [
            "lower(x); drop table users; --",
            "",
            "a.b.c",
            "1abc",
            "up per",
        ] {
            c.assert_render_error(project(vec![Expr::func(name, vec![])]), |e| {
                matches!(e, Error::BadName(_))
            })?;
        }
        Ok(())
    });

    h.all("expr case when", |c| {
        let age_group = || Expr::Case {
            whens: vec![
                (u("age").lt(Expr::val(30)), text("young")),
                (u("age").ge(Expr::val(30)), text("older")),
            ],
            otherwise: Some(Box::new(text("unknown"))),
        };
        c.assert_rows(
            per_user(vec![u("name"), age_group()]),
            rows![
                ["ann", "older"],
                ["bob", "young"],
                ["cid", "unknown"],
                ["dee", "older"]
            ],
        )?;
        // Without ELSE, no match is NULL; the first matching WHEN wins.
        let first_wins = Expr::Case {
            whens: vec![
                (u("age").gt(Expr::val(40)), text("over 40")),
                (u("age").gt(Expr::val(30)), text("over 30")),
            ],
            otherwise: None,
        };
        c.assert_rows(
            per_user(vec![first_wins]),
            rows![["over 30"], [Cell::Null], [Cell::Null], ["over 40"]],
        )?;
        // CASE as an arithmetic operand and in WHERE.
        let bonus = Expr::Case {
            whens: vec![(p("published"), p("views"))],
            otherwise: Some(Box::new(Expr::val(100))),
        };
        c.assert_rows(
            per_post(vec![bonus.clone() + Expr::val(1)]),
            rows![[11], [26], [101], [8]],
        )?;
        c.assert_rows(post_ids(bonus.gt(Expr::val(20))), ids(&[2, 3]))?;
        c.assert_render_error(
            per_user(vec![Expr::Case {
                whens: vec![],
                otherwise: None,
            }]),
            |e| matches!(e, Error::Invalid(_)),
        )
    });

    h.all("expr raw fragments", |c| {
        let raw_sum = Expr::Raw(vec![
            RawPart::Ident("users".into()),
            RawPart::Sql(".".into()),
            RawPart::Ident("age".into()),
            RawPart::Sql(" + ".into()),
            RawPart::Value(Value::Int(100)),
        ]);
        let raw_coalesce = Expr::Raw(vec![
            RawPart::Sql("coalesce(".into()),
            RawPart::Expr(u("bio")),
            RawPart::Sql(", ".into()),
            RawPart::Value(Value::Text("it's none".into())),
            RawPart::Sql(")".into()),
        ]);
        c.assert_rows(
            per_user(vec![raw_sum, raw_coalesce]),
            rows![
                [131, "likes rust"],
                [125, "it's none"],
                [Cell::Null, "it's none"],
                [142, "sql fan"]
            ],
        )?;
        let cond = Expr::Raw(vec![
            RawPart::Expr(u("name")),
            RawPart::Sql(" = ".into()),
            RawPart::Value(Value::Text("dee".into())),
        ]);
        c.assert_rows(user_names(cond.clone()), names(&["dee"]))?;
        // A raw fragment as an operand keeps its own grouping.
        c.assert_rows(
            user_names(!cond.or(u("name").eq(text("ann")))),
            names(&["bob", "cid"]),
        )?;
        c.assert_rows(project(vec![Expr::raw("1 + 2") * Expr::val(3)]), rows![[9]])
    });

    h.all("expr raw identifiers with quote characters", |c| {
        // An alias holding every dialect's quote character must be escaped, not end the name.
        let alias = "u\"s`r";
        let name = Expr::Raw(vec![
            RawPart::Ident(alias.into()),
            RawPart::Sql(".".into()),
            RawPart::Ident("name".into()),
        ]);
        let mut s = Select {
            columns: vec![name.into()],
            from: Some(FromItem::Table(t("users").alias(alias))),
            ..Default::default()
        };
        s.where_ = Some(Expr::col(alias, "id").eq(Expr::val(2)));
        c.assert_rows(Query::select(s), names(&["bob"]))
    });

    h.all("expr raw fragment rendered inline", |c| {
        let frag = Expr::Raw(vec![
            RawPart::Sql("upper(".into()),
            RawPart::Value(Value::Text("o'neil\\".into())),
            RawPart::Sql(")".into()),
        ]);
        let got = inline_rows(c, project(vec![frag]))?;
        check_rows(c, "inline raw value", got, rows![["O'NEIL\\"]])
    });
}

fn placeholders(h: &mut Harness) {
    h.all("expr named placeholder binds by name", |c| {
        let q = user_names(u("id").eq(Expr::Placeholder("id".into())));
        let r = c.render(&q.clone().into())?;
        c.check(r.params == vec![Param::Placeholder("id".into())], || {
            format!("params: {:?}", r.params)
        })?;
        let mut named = BTreeMap::new();
        named.insert("id".to_string(), Value::Int(2));
        c.check(r.bind(&named) == Ok(vec![Value::Int(2)]), || {
            format!("bind gave {:?}", r.bind(&named))
        })?;
        let got = c.rows_with(q.clone(), &named)?;
        check_rows(c, "placeholder id = 2", got, names(&["bob"]))?;
        named.insert("id".to_string(), Value::Int(4));
        let got = c.rows_with(q, &named)?;
        check_rows(c, "placeholder id = 4", got, names(&["dee"]))
    });

    h.all("expr missing placeholder is an error", |c| {
        let q = user_names(u("id").eq(Expr::Placeholder("id".into())));
        let r = c.render(&q.clone().into())?;
        let missing = Err(Error::MissingPlaceholder("id".into()));
        c.check(r.values() == missing, || {
            format!("values() gave {:?}", r.values())
        })?;
        let mut other = BTreeMap::new();
        other.insert("ID".to_string(), Value::Int(1));
        c.check(r.bind(&other) == missing, || {
            format!("bind gave {:?}", r.bind(&other))
        })?;
        let inline = render_inline(&q.into(), c.dialect());
        c.check(matches!(inline, Err(Error::Invalid(_))), || {
            format!("render_inline gave {inline:?}")
        })
    });

    h.all(
        "expr placeholders mixed with values keep their order",
        |c| {
            let cond = u("age")
                .between(
                    Expr::Placeholder("lo".into()),
                    Expr::Placeholder("hi".into()),
                )
                .and(u("name").ne(text("cid")))
                .and(u("id").ne(Expr::Placeholder("skip".into())));
            let q = user_names(cond);
            let r = c.render(&q.clone().into())?;
            let expected_params = vec![
                Param::Placeholder("lo".into()),
                Param::Placeholder("hi".into()),
                Param::Value(Value::Text("cid".into())),
                Param::Placeholder("skip".into()),
            ];
            c.check(r.params == expected_params, || {
                format!("params: {:?}", r.params)
            })?;
            if c.dialect() == Postgres {
                c.check(
                    r.sql.contains("$1") && r.sql.contains("$4") && !r.sql.contains('?'),
                    || format!("sql: {}", r.sql),
                )?;
            }
            let named: BTreeMap<String, Value> = [
                ("lo", Value::Int(20)),
                ("hi", Value::Int(45)),
                ("skip", Value::Int(4)),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
            let got = c.rows_with(q, &named)?;
            check_rows(c, "between :lo and :hi", got, names(&["ann", "bob"]))
        },
    );

    h.all("expr placeholder used twice and in limit", |c| {
        let q = post_ids(
            p("author_id")
                .eq(Expr::Placeholder("uid".into()))
                .or(p("id").eq(Expr::Placeholder("uid".into()))),
        );
        let named: BTreeMap<String, Value> =
            [("uid".to_string(), Value::Int(2))].into_iter().collect();
        let got = c.rows_with(q, &named)?;
        check_rows(c, "same placeholder twice", got, ids(&[2, 3]))?;
        let mut q = user_names(Expr::And(vec![]));
        q.limit = Some(Expr::Placeholder("n".into()));
        let named: BTreeMap<String, Value> =
            [("n".to_string(), Value::Int(2))].into_iter().collect();
        let got = c.rows_with(q, &named)?;
        check_rows(c, "limit :n", got, names(&["ann", "bob"]))
    });
}

fn hostile_values(h: &mut Harness) {
    h.all("expr hostile strings as bound parameters", |c| {
        for (what, s) in hostile_strings() {
            let got = c.rows(project(vec![Expr::val(s.as_str())]))?;
            check_rows(
                c,
                &format!("select bound {what}"),
                got,
                vec![vec![Cell::Text(s.clone())]],
            )?;
        }
        Ok(())
    });

    h.all(
        "expr hostile strings stored and compared as bound parameters",
        |c| {
            for (i, (what, s)) in hostile_strings().into_iter().enumerate() {
                let email = format!("bound{i}@example.com");
                let row = vec![
                    InsertValue::Expr(Expr::val(s.as_str())),
                    InsertValue::Expr(Expr::val(email.as_str())),
                ];
                c.exec(Insert::values(t("users"), &["name", "email"], vec![row]))?;
                let mut s_q = from(
                    "users",
                    vec![
                        u("name").into(),
                        Expr::func("length", vec![u("name")]).into(),
                    ],
                );
                s_q.where_ = Some(
                    u("name")
                        .eq(Expr::val(s.as_str()))
                        .and(u("email").eq(Expr::val(email.as_str()))),
                );
                let got = c.rows(Query::select(s_q))?;
                let len = if c.dialect() == MySql {
                    s.len()
                } else {
                    s.chars().count()
                };
                check_rows(
                    c,
                    &format!("stored bound {what}"),
                    got,
                    vec![vec![Cell::Text(s.clone()), Cell::Int(len as i64)]],
                )?;
            }
            Ok(())
        },
    );

    h.all("expr hostile strings as inline literals", |c| {
        for (what, s) in hostile_strings() {
            let got = inline_rows(c, project(vec![Expr::val(s.as_str())]))?;
            check_rows(
                c,
                &format!("select inline {what}"),
                got,
                vec![vec![Cell::Text(s.clone())]],
            )?;
        }
        Ok(())
    });

    h.all(
        "expr hostile strings stored and compared as inline literals",
        |c| {
            for (i, (what, s)) in hostile_strings().into_iter().enumerate() {
                let email = format!("inline{i}@example.com");
                let row = vec![
                    InsertValue::Expr(Expr::val(s.as_str())),
                    InsertValue::Expr(Expr::val(email.as_str())),
                ];
                let sql = render_inline(
                    &Insert::values(t("users"), &["name", "email"], vec![row]).into(),
                    c.dialect(),
                )
                .map_err(|e| e.to_string())?;
                c.exec_rendered(&Rendered {
                    sql,
                    params: vec![],
                })?;
                // Read back inline, then compare against a bound copy of the same string.
                let mut q = from("users", vec![u("name").into()]);
                q.where_ = Some(
                    u("name")
                        .eq(Expr::val(s.as_str()))
                        .and(u("email").eq(Expr::val(email.as_str()))),
                );
                let got = inline_rows(c, Query::select(q.clone()))?;
                check_rows(
                    c,
                    &format!("stored inline {what}, read inline"),
                    got,
                    vec![vec![Cell::Text(s.clone())]],
                )?;
                let got = c.rows(Query::select(q))?;
                check_rows(
                    c,
                    &format!("stored inline {what}, read bound"),
                    got,
                    vec![vec![Cell::Text(s.clone())]],
                )?;
            }
            Ok(())
        },
    );

    h.all(
        "expr hostile strings inside case, in and concat inline",
        |c| {
            // The literal escaping holds wherever a value appears, not just in projections.
            let s = "o'k\\\"`;--";
            let q = project(vec![
                Expr::Case {
                    whens: vec![(text(s).eq(text(s)), text(s))],
                    otherwise: Some(Box::new(text("no"))),
                },
                text(s).in_list(vec![text("x"), text(s)]),
                text(s).concat(text(s)),
            ]);
            let got = inline_rows(c, q)?;
            let twice = format!("{s}{s}");
            check_rows(
                c,
                "inline case / in / concat",
                got,
                vec![vec![Cell::Text(s.into()), Cell::Int(1), Cell::Text(twice)]],
            )
        },
    );

    h.all("expr other values as inline literals", |c| {
        let q = project(vec![
            Expr::val(i64::MAX),
            Expr::val(i64::MIN + 1),
            Expr::val(-0.5),
            Expr::val(1e-7),
            Expr::val(true),
            Expr::val(false),
            Expr::Value(Value::Null),
        ]);
        let got = inline_rows(c, q)?;
        let expected = vec![vec![
            Cell::Int(i64::MAX),
            Cell::Int(i64::MIN + 1),
            Cell::Float(-0.5),
            Cell::Float(1e-7),
            Cell::Int(1),
            Cell::Int(0),
            Cell::Null,
        ]];
        check_rows(c, "inline numbers, booleans and NULL", got, expected)?;
        let blob = vec![0u8, b'\'', b'\\', b'"', 0xff, b'\n'];
        let got = inline_rows(c, project(vec![Expr::val(blob.clone())]))?;
        check_rows(c, "inline blob", got, vec![vec![Cell::Bytes(blob)]])?;
        let nan = render_inline(&project(vec![Expr::val(f64::NAN)]).into(), c.dialect());
        c.check(matches!(nan, Err(Error::Invalid(_))), || {
            format!("NaN rendered as {nan:?}")
        })
    });

    h.all("expr negative values inline", |c| {
        // `-` before a negative literal must not become a `--` comment.
        let q = project(vec![
            neg(Expr::val(-5)),
            Expr::val(3) - Expr::val(-5),
            neg(Expr::val(-2.5)),
        ]);
        let got = inline_rows(c, q)?;
        check_rows(c, "inline negation of negatives", got, rows![[5, 8, 2.5]])
    });

    h.case(
        "expr inline literals without standard conforming strings",
        &[Postgres],
        |c| {
            // The PostgreSQL literal must read the same whatever this setting says.
            c.raw("set local standard_conforming_strings = off")?;
            c.raw("set local escape_string_warning = off")?;
            for (what, s) in hostile_strings() {
                let got = inline_rows(c, project(vec![Expr::val(s.as_str())]))?;
                check_rows(
                    c,
                    &format!("inline {what} with standard_conforming_strings off"),
                    got,
                    vec![vec![Cell::Text(s.clone())]],
                )?;
            }
            let blob = vec![0u8, b'\'', b'\\', 0x78, 0xff];
            let got = inline_rows(c, project(vec![Expr::val(blob.clone())]))?;
            check_rows(
                c,
                "inline blob with standard_conforming_strings off",
                got,
                vec![vec![Cell::Bytes(blob)]],
            )
        },
    );

    h.case("expr inline literals under ansi sql modes", &[MySql], |c| {
        // The MySQL literal uses single quotes only, so ANSI_QUOTES (double
        // quotes delimit identifiers) cannot change its meaning. (It does assume
        // backslash escapes: NO_BACKSLASH_ESCAPES is not supported.)
        c.raw("set @mizzle_saved_mode = @@session.sql_mode")?;
        c.raw("set session sql_mode = 'ANSI_QUOTES,PIPES_AS_CONCAT,STRICT_ALL_TABLES'")?;
        let outcome = (|| {
            for (what, s) in hostile_strings() {
                let got = inline_rows(c, project(vec![Expr::val(s.as_str())]))?;
                check_rows(
                    c,
                    &format!("inline {what} under ANSI_QUOTES"),
                    got,
                    vec![vec![Cell::Text(s.clone())]],
                )?;
            }
            Ok(())
        })();
        c.raw("set session sql_mode = @mizzle_saved_mode")?;
        outcome
    });

    h.case("expr strings with NUL characters", &[Sqlite, MySql], |c| {
        // PostgreSQL text cannot hold NUL at all.
        let s = "a\0b'\0";
        let got = c.rows(project(vec![Expr::val(s)]))?;
        check_rows(c, "bound NUL", got, vec![vec![Cell::Text(s.into())]])?;
        // Inline, only MySQL can spell NUL inside a literal (`\0`); SQLite's
        // tokenizer would stop at it, so the engine refuses before sending.
        if c.dialect() == MySql {
            let got = inline_rows(c, project(vec![Expr::val(s)]))?;
            check_rows(c, "inline NUL", got, vec![vec![Cell::Text(s.into())]])
        } else {
            let got = render_inline(&project(vec![Expr::val(s)]).into(), c.dialect());
            c.check(matches!(got, Err(mizzle_core::Error::Invalid(_))), || {
                format!("inline NUL on SQLite should be Error::Invalid, got {got:?}")
            })
        }
    });
}
