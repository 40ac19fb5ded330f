//! UPDATE, and the ORDER BY / LIMIT tail shared with DELETE.

use crate::ast::{Expr, OrderBy, TableRef, Update};
use crate::dialect::write_assignments;
use crate::error::{Error, Feature};
use crate::render::insert::write_returning;
use crate::render::{SqlWriter, ToSql};

impl ToSql for Update {
    fn to_sql(&self, w: &mut SqlWriter<'_>) -> Result<(), Error> {
        if let Some(with) = &self.with {
            if !with.ctes.is_empty() {
                w.require(Feature::DmlWith)?;
            }
            with.to_sql(w)?;
        }
        w.sql("update ");
        self.table.to_sql(w)?;
        w.sql(" set ");
        write_assignments(w, &self.set)?;
        if !self.from.is_empty() {
            w.require(Feature::UpdateFrom)?;
            w.sql(" from ");
            w.list(&self.from, ", ", |w, f| f.to_sql(w))?;
        }
        let tail = DmlTail {
            table: &self.table,
            where_: self.where_.as_ref(),
            order_by: &self.order_by,
            limit: self.limit.as_ref(),
        };
        tail.write(w, Feature::UpdateOrderLimit, !self.from.is_empty())?;
        write_returning(w, &self.returning)
    }
}

/// WHERE, ORDER BY and LIMIT of an UPDATE or DELETE.
pub(crate) struct DmlTail<'a> {
    pub table: &'a TableRef,
    pub where_: Option<&'a Expr>,
    pub order_by: &'a [OrderBy],
    pub limit: Option<&'a Expr>,
}

impl DmlTail<'_> {
    pub(crate) fn write(
        &self,
        w: &mut SqlWriter<'_>,
        feature: Feature,
        has_from: bool,
    ) -> Result<(), Error> {
        let d = w.dialect();
        if self.order_by.is_empty() && self.limit.is_none() {
            if let Some(cond) = self.where_ {
                w.sql(" where ");
                cond.to_sql(w)?;
            }
            return Ok(());
        }
        w.require(feature)?;
        d.write_dml_order_limit(w, self.table, has_from, &mut |w| self.write_native(w))
    }

    fn write_native(&self, w: &mut SqlWriter<'_>) -> Result<(), Error> {
        if let Some(cond) = self.where_ {
            w.sql(" where ");
            cond.to_sql(w)?;
        }
        crate::render::query::write_order_by(w, self.order_by)?;
        if let Some(l) = self.limit {
            w.sql(" limit ");
            l.to_sql(w)?;
        }
        Ok(())
    }
}
