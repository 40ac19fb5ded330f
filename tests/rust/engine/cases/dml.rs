//! Helpers shared by the data-changing case groups (insert, upsert, update,
//! delete): reading rows back, building VALUES rows, and scratch tables.

use mizzle_core::ast::{
    Expr, FromItem, InsertValue, OrderBy, Query, Select, SelectItem, Statement,
};
use mizzle_core::render::{create_table, drop_table};
use mizzle_core::schema::Table;
use mizzle_core::{DialectKind, Error, Value};
use mizzle_tests::cell::show;
use mizzle_tests::fixture::t;
use mizzle_tests::{Cell, Ctx};

/// `select table.cols from table [where cond] order by table.order...`.
pub fn read(table: &str, cols: &[&str], cond: Option<Expr>, order: &[&str]) -> Query {
    let select = Select {
        columns: cols
            .iter()
            .map(|c| SelectItem::from(Expr::col(table, c)))
            .collect(),
        from: Some(FromItem::Table(t(table))),
        where_: cond,
        ..Default::default()
    };
    Query::select(select).order_by(
        order
            .iter()
            .map(|c| OrderBy::asc(Expr::col(table, c)))
            .collect(),
    )
}

/// `select count(*) from table [where cond]`.
pub fn count(table: &str, cond: Option<Expr>) -> Query {
    Query::select(Select {
        columns: vec![Expr::count_star().into()],
        from: Some(FromItem::Table(t(table))),
        where_: cond,
        ..Default::default()
    })
}

/// `select cols from table [where cond]` as a subquery body.
pub fn sub(table: &str, cols: Vec<SelectItem>, cond: Option<Expr>) -> Query {
    Query::select(Select {
        columns: cols,
        from: Some(FromItem::Table(t(table))),
        where_: cond,
        ..Default::default()
    })
}

/// A VALUES row of explicit cells.
pub fn vals(cells: Vec<Value>) -> Vec<InsertValue> {
    cells
        .into_iter()
        .map(|v| InsertValue::Expr(Expr::Value(v)))
        .collect()
}

/// A text value.
pub fn s(v: &str) -> Value {
    Value::Text(v.into())
}

/// An integer value.
pub fn i(v: i64) -> Value {
    Value::Int(v)
}

/// An explicit cell (for rows mixing explicit and default cells).
pub fn e(v: Value) -> InsertValue {
    InsertValue::Expr(Expr::Value(v))
}

/// `table.col = value`.
pub fn col_eq(table: &str, col: &str, v: impl Into<Value>) -> Expr {
    Expr::col(table, col).eq(Expr::val(v))
}

/// Whether `err` is `Error::Invalid`.
pub fn is_invalid(err: &Error) -> bool {
    matches!(err, Error::Invalid(_))
}

/// One assertion: the statement returns exactly `expected`, in any order
/// (RETURNING gives no order guarantee).
pub fn assert_rows_any_order(
    c: &mut Ctx<'_>,
    stmt: impl Into<Statement>,
    expected: Vec<Vec<Cell>>,
) -> Result<(), String> {
    let actual = c.rows(stmt)?;
    let mut unused: Vec<&Vec<Cell>> = actual.iter().collect();
    let mut all_found = actual.len() == expected.len();
    for want in &expected {
        let pos = unused.iter().position(|got| {
            got.len() == want.len() && got.iter().zip(want).all(|(g, w)| g.matches(w))
        });
        match pos {
            Some(p) => {
                unused.remove(p);
            }
            None => all_found = false,
        }
    }
    c.check(all_found, || {
        format!(
            "rows differ (any order)\n  expected: {}\n  actual:   {}",
            show(&expected),
            show(&actual)
        )
    })
}

/// One assertion: the rendered SQL for this dialect contains (or lacks) `needle`.
pub fn assert_sql(
    c: &mut Ctx<'_>,
    stmt: impl Into<Statement>,
    needle: &str,
    present: bool,
) -> Result<(), String> {
    let sql = c.render(&stmt.into())?.sql;
    c.check(sql.contains(needle) == present, || {
        format!(
            "expected the SQL {} {needle:?}\n  sql: {sql}",
            if present {
                "to contain"
            } else {
                "not to contain"
            }
        )
    })
}

/// Creates `table`, runs `f`, then drops the table whatever `f` returned.
/// MariaDB commits DDL implicitly, so a new transaction is opened there after
/// the CREATE; the scratch table is all `f` may touch on MariaDB.
pub fn with_table(
    c: &mut Ctx<'_>,
    table: &Table,
    f: impl FnOnce(&mut Ctx<'_>) -> Result<(), String>,
) -> Result<(), String> {
    let kind = c.dialect();
    let create = create_table(table, kind, false).map_err(|e| e.to_string())?;
    c.exec_rendered(&create)?;
    if kind == DialectKind::MySql {
        c.raw("begin")?;
    }
    let result = f(c);
    let drop = drop_table(&table.table_ref(), kind, true).map_err(|e| e.to_string())?;
    let dropped = c.exec_rendered(&drop).map(|_| ());
    result.and(dropped)
}
