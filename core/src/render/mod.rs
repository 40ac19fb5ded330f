//! Rendering: every AST node writes itself into one [`SqlWriter`], calling
//! dialect hooks where dialects differ (Diesel's `QueryFragment` walk).

mod ddl;
mod delete;
mod expr;
mod insert;
mod interpolate;
pub(crate) mod literal;
pub(crate) mod names;
pub(crate) mod query;
pub(crate) mod transaction;
mod update;
mod writer;

pub use ddl::{
    create_all, create_index, create_schema, create_table, create_type, create_view, drop_table,
    drop_type, drop_view,
};
pub use interpolate::{interpolate, Literal};
pub use literal::string_literal;
pub use writer::SqlWriter;

use alloc::string::String;

use crate::ast::Statement;
use crate::dialect::DialectKind;
use crate::error::Error;
use crate::params::Rendered;

/// A node that can render itself.
pub trait ToSql {
    /// Writes this node's SQL (and binds its values) into `w`.
    fn to_sql(&self, w: &mut SqlWriter<'_>) -> Result<(), Error>;
}

/// Renders a statement for `dialect` with bound parameters.
///
/// ```
/// use mizzle_core::{render, ast::*, DialectKind, Param, Value};
/// let q = Query::select(Select {
///     columns: vec![Expr::col("users", "name").into()],
///     from: Some(FromItem::Table(TableRef::new("users"))),
///     where_: Some(Expr::col("users", "id").eq(Expr::val(1))),
///     ..Default::default()
/// });
/// let r = render(&q.into(), DialectKind::Postgres).unwrap();
/// assert_eq!(r.sql, r#"select "users"."name" from "users" where "users"."id" = $1"#);
/// assert_eq!(r.params, vec![Param::Value(Value::Int(1))]);
/// ```
pub fn render(stmt: &Statement, dialect: DialectKind) -> Result<Rendered, Error> {
    let mut w = SqlWriter::new(dialect.try_dialect()?);
    stmt.to_sql(&mut w)?;
    Ok(w.finish())
}

/// Renders a statement with every value written as an escaped literal, for
/// protocols without server-side parameters. Placeholders are an error.
///
/// ```
/// use mizzle_core::{render_inline, ast::*, DialectKind};
/// let q = Query::select(Select { columns: vec![Expr::val("it's").into()], ..Default::default() });
/// assert_eq!(render_inline(&q.into(), DialectKind::MySql).unwrap(), "select 'it''s'");
/// ```
pub fn render_inline(stmt: &Statement, dialect: DialectKind) -> Result<String, Error> {
    let mut w = SqlWriter::inline(dialect.try_dialect()?);
    stmt.to_sql(&mut w)?;
    Ok(w.finish().sql)
}

impl ToSql for Statement {
    fn to_sql(&self, w: &mut SqlWriter<'_>) -> Result<(), Error> {
        match self {
            Statement::Query(q) => q.to_sql(w),
            Statement::Insert(i) => i.to_sql(w),
            Statement::Update(u) => u.to_sql(w),
            Statement::Delete(d) => d.to_sql(w),
            Statement::Sql(e) => e.to_sql(w),
            Statement::Transaction(t) => t.to_sql(w),
            Statement::Relational(q) => {
                let d = w.dialect();
                let planned = crate::relational::plan(q, d.kind())?;
                d.write_relational_prefix(w);
                planned.to_sql(w)
            }
        }
    }
}
