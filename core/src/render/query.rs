//! SELECT, set operations and CTEs.

use crate::ast::{
    Cte, CteBody, Distinct, FromItem, Join, JoinKind, OrderBy, Query, Select, SelectItem, SetExpr,
    SetOp, TableRef, With,
};
use crate::error::{Error, Feature};
use crate::render::{SqlWriter, ToSql};

impl ToSql for Query {
    fn to_sql(&self, w: &mut SqlWriter<'_>) -> Result<(), Error> {
        w.nested(|w| {
            if let Some(with) = &self.with {
                with.to_sql(w)?;
            }
            self.body.to_sql(w)?;
            write_order_by(w, &self.order_by)?;
            w.dialect()
                .write_limit_offset(w, self.limit.as_ref(), self.offset.as_ref())?;
            if let Some(lock) = &self.lock {
                w.require(Feature::RowLocking)?;
                w.dialect().write_lock(w, lock)?;
            }
            Ok(())
        })
    }
}

/// ` order by t1, t2`: bare terms as written, others through the dialect.
pub(crate) fn write_order_by(w: &mut SqlWriter<'_>, terms: &[OrderBy]) -> Result<(), Error> {
    if terms.is_empty() {
        return Ok(());
    }
    w.sql(" order by ");
    let d = w.dialect();
    w.list(terms, ", ", |w, t| {
        if t.bare {
            t.expr.to_sql(w)
        } else {
            d.write_order_term(w, t)
        }
    })
}

impl ToSql for With {
    fn to_sql(&self, w: &mut SqlWriter<'_>) -> Result<(), Error> {
        if self.ctes.is_empty() {
            return Ok(());
        }
        w.sql(if self.recursive {
            "with recursive "
        } else {
            "with "
        });
        w.list(&self.ctes, ", ", |w, cte| cte.to_sql(w))?;
        w.sql(" ");
        Ok(())
    }
}

impl ToSql for Cte {
    fn to_sql(&self, w: &mut SqlWriter<'_>) -> Result<(), Error> {
        w.ident(&self.name)?;
        if !self.columns.is_empty() {
            w.sql("(");
            w.list(&self.columns, ", ", |w, c| w.ident(c))?;
            w.sql(")");
        }
        w.sql(" as (");
        match &self.body {
            CteBody::Query(q) => q.to_sql(w)?,
            CteBody::Sql(e) => e.to_sql(w)?,
            CteBody::Insert(s) => write_dml_body(w, &**s)?,
            CteBody::Update(s) => write_dml_body(w, &**s)?,
            CteBody::Delete(s) => write_dml_body(w, &**s)?,
        }
        w.sql(")");
        Ok(())
    }
}

/// A data-changing statement as a CTE's body (PostgreSQL).
fn write_dml_body(w: &mut SqlWriter<'_>, s: &dyn ToSql) -> Result<(), Error> {
    w.require(Feature::DmlInCte)?;
    s.to_sql(w)
}

impl ToSql for SetExpr {
    fn to_sql(&self, w: &mut SqlWriter<'_>) -> Result<(), Error> {
        match self {
            SetExpr::Select(s) => s.to_sql(w),
            SetExpr::Query(q) => w.dialect().write_query_operand(w, q),
            SetExpr::SetOp {
                op,
                all,
                left,
                right,
            } => w.nested(|w| {
                match (op, all) {
                    (SetOp::Intersect, true) => w.require(Feature::IntersectAll)?,
                    (SetOp::Except, true) => w.require(Feature::ExceptAll)?,
                    _ => {}
                }
                write_operand(w, left)?;
                w.sql(match op {
                    SetOp::Union => " union ",
                    SetOp::Intersect => " intersect ",
                    SetOp::Except => " except ",
                });
                if *all {
                    w.sql("all ");
                }
                write_operand(w, right)
            }),
        }
    }
}

/// A set-operation operand: a plain SELECT as is, anything else wrapped.
fn write_operand(w: &mut SqlWriter<'_>, operand: &SetExpr) -> Result<(), Error> {
    match operand {
        SetExpr::Select(s) => s.to_sql(w),
        other => other.to_sql_wrapped(w),
    }
}

impl SetExpr {
    fn to_sql_wrapped(&self, w: &mut SqlWriter<'_>) -> Result<(), Error> {
        match self {
            SetExpr::Query(_) => self.to_sql(w),
            other => w.dialect().write_set_operand(w, &mut |w| other.to_sql(w)),
        }
    }
}

impl ToSql for Select {
    fn to_sql(&self, w: &mut SqlWriter<'_>) -> Result<(), Error> {
        w.sql("select ");
        match &self.distinct {
            Distinct::All => {}
            Distinct::Distinct => w.sql("distinct "),
            Distinct::On(exprs) => {
                w.require(Feature::DistinctOn)?;
                if exprs.is_empty() {
                    return Err(Error::Invalid(
                        "DISTINCT ON needs at least one expression".into(),
                    ));
                }
                w.sql("distinct on (");
                w.list(exprs, ", ", |w, e| e.to_sql(w))?;
                w.sql(") ");
            }
        }
        if self.columns.is_empty() {
            w.sql("*");
        } else {
            w.list(&self.columns, ", ", |w, c| c.to_sql(w))?;
        }
        if let Some(from) = &self.from {
            w.sql(" from ");
            from.to_sql(w)?;
        } else if !self.joins.is_empty() {
            return Err(Error::Invalid("joins need a FROM".into()));
        }
        for join in &self.joins {
            join.to_sql(w)?;
        }
        if let Some(cond) = &self.where_ {
            w.sql(" where ");
            cond.to_sql(w)?;
        }
        if !self.group_by.is_empty() {
            w.sql(" group by ");
            w.list(&self.group_by, ", ", |w, e| e.to_sql(w))?;
        }
        if let Some(cond) = &self.having {
            w.sql(" having ");
            cond.to_sql(w)?;
        }
        Ok(())
    }
}

impl ToSql for SelectItem {
    fn to_sql(&self, w: &mut SqlWriter<'_>) -> Result<(), Error> {
        match self {
            SelectItem::Star(None) => {
                w.sql("*");
                Ok(())
            }
            SelectItem::Star(Some(table)) => {
                w.ident(table)?;
                w.sql(".*");
                Ok(())
            }
            SelectItem::Expr { expr, alias } => {
                expr.to_sql(w)?;
                if let Some(a) = alias {
                    w.sql(" as ");
                    w.ident(a)?;
                }
                Ok(())
            }
        }
    }
}

impl ToSql for TableRef {
    fn to_sql(&self, w: &mut SqlWriter<'_>) -> Result<(), Error> {
        w.qualified(self.schema.as_deref(), &self.name)?;
        if let Some(a) = &self.alias {
            w.sql(" as ");
            w.ident(a)?;
        }
        Ok(())
    }
}

impl ToSql for FromItem {
    fn to_sql(&self, w: &mut SqlWriter<'_>) -> Result<(), Error> {
        match self {
            FromItem::Table(t) => t.to_sql(w),
            FromItem::Subquery { query, alias } => {
                w.sql("(");
                query.to_sql(w)?;
                w.sql(") as ");
                w.ident(alias)
            }
            FromItem::IndexHinted { table, hints } => {
                table.to_sql(w)?;
                if hints.is_empty() {
                    return Ok(());
                }
                w.require(Feature::IndexHints)?;
                w.dialect().write_index_hints(w, hints)
            }
        }
    }
}

impl ToSql for Join {
    fn to_sql(&self, w: &mut SqlWriter<'_>) -> Result<(), Error> {
        w.sql(match self.kind {
            JoinKind::Inner => " inner join ",
            JoinKind::Left => " left join ",
            JoinKind::Right => " right join ",
            JoinKind::Full => {
                w.require(Feature::FullJoin)?;
                " full join "
            }
            JoinKind::Cross => " cross join ",
        });
        if self.lateral {
            w.require(Feature::LateralJoin)?;
            if !matches!(self.target, FromItem::Subquery { .. }) {
                return Err(Error::Invalid("LATERAL needs a subquery".into()));
            }
            w.sql("lateral ");
        }
        self.target.to_sql(w)?;
        match (&self.on, self.kind) {
            (Some(_), JoinKind::Cross) => Err(Error::Invalid("a cross join takes no ON".into())),
            (None, JoinKind::Cross) => Ok(()),
            // No condition (drizzle's `on: undefined`) joins every row: drizzle writes no ON,
            // where the dialect takes that (`Dialect::join_without_on`); ON TRUE elsewhere.
            (None, kind) => {
                if !w.dialect().join_without_on(kind) {
                    w.sql(" on true");
                }
                Ok(())
            }
            (Some(on), _) => {
                w.sql(" on ");
                on.to_sql(w)
            }
        }
    }
}
