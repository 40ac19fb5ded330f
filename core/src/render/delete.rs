//! DELETE.

use crate::ast::Delete;
use crate::error::{Error, Feature};
use crate::render::insert::write_returning;
use crate::render::update::DmlTail;
use crate::render::{SqlWriter, ToSql};

impl ToSql for Delete {
    fn to_sql(&self, w: &mut SqlWriter<'_>) -> Result<(), Error> {
        if let Some(with) = &self.with {
            if !with.ctes.is_empty() {
                w.require(Feature::DmlWith)?;
            }
            with.to_sql(w)?;
        }
        w.sql("delete from ");
        self.table.to_sql(w)?;
        let tail = DmlTail {
            table: &self.table,
            where_: self.where_.as_ref(),
            order_by: &self.order_by,
            limit: self.limit.as_ref(),
        };
        tail.write(w, Feature::DeleteOrderLimit, false)?;
        write_returning(w, &self.returning)
    }
}
