//! INSERT, including multi-row VALUES with defaults, INSERT ... SELECT and upserts.

use alloc::vec::Vec;

use crate::ast::{Insert, InsertSource, InsertValue};
use crate::error::{Error, Feature};
use crate::render::{SqlWriter, ToSql};

impl ToSql for Insert {
    fn to_sql(&self, w: &mut SqlWriter<'_>) -> Result<(), Error> {
        let d = w.dialect();
        let with = self.with.as_ref().filter(|with| !with.ctes.is_empty());
        // Without WITH before INSERT (MySQL), the CTEs head the INSERT's SELECT.
        let with_in_select = with.is_some() && d.lacks().contains(&Feature::InsertWith);
        if with_in_select && !matches!(&self.source, InsertSource::Query(q) if q.with.is_none()) {
            w.require(Feature::InsertWith)?;
        }
        if let Some(with) = with.filter(|_| !with_in_select) {
            with.to_sql(w)?;
        }
        d.write_insert_keyword(w, self.ignore)?;
        self.table.to_sql(w)?;
        match &self.source {
            InsertSource::DefaultValues => d.write_default_values(w, 1, self.on_conflict.is_some()),
            InsertSource::Query(q) => {
                // No column list means every column in order: `()` is a syntax error.
                if !self.columns.is_empty() {
                    write_columns(w, self.columns.iter().map(|c| c.as_str()))?;
                }
                w.sql(" ");
                if let Some(with) = with.filter(|_| with_in_select) {
                    with.to_sql(w)?;
                }
                d.write_insert_select(w, &**q, self.on_conflict.is_some())?;
            }
            InsertSource::Sql(e) => {
                if !self.columns.is_empty() {
                    write_columns(w, self.columns.iter().map(|c| c.as_str()))?;
                }
                w.sql(" ");
                d.write_insert_select(w, e, self.on_conflict.is_some())?;
            }
            InsertSource::Values(rows) => self.write_values(w, rows)?,
        }
        if let Some(oc) = &self.on_conflict {
            d.write_on_conflict(w, oc)?;
        }
        if !self.on_duplicate_key_update.is_empty() {
            d.write_on_duplicate_key_update(w, &self.on_duplicate_key_update)?;
        }
        write_returning(w, &self.returning)
    }
}

impl Insert {
    fn write_values(&self, w: &mut SqlWriter<'_>, rows: &[Vec<InsertValue>]) -> Result<(), Error> {
        if rows.is_empty() {
            return Err(Error::Invalid("an INSERT needs at least one row".into()));
        }
        if rows.iter().any(|r| r.len() != self.columns.len()) {
            return Err(Error::Invalid(
                "every INSERT row needs one value per column".into(),
            ));
        }
        let d = w.dialect();
        // Without DEFAULT in VALUES, a column that is default in every row is left out.
        let keep: Vec<usize> = (0..self.columns.len())
            .filter(|&i| {
                d.default_in_values()
                    || rows
                        .iter()
                        .any(|r| matches!(r.get(i), Some(InsertValue::Expr(_))))
            })
            .collect();
        if keep.is_empty() {
            d.write_default_values(w, rows.len(), self.on_conflict.is_some());
            return Ok(());
        }
        write_columns(
            w,
            keep.iter()
                .filter_map(|&i| self.columns.get(i).map(|c| c.as_str())),
        )?;
        w.sql(" values ");
        w.list(rows, ", ", |w, row| {
            w.sql("(");
            w.list(&keep, ", ", |w, &i| match row.get(i) {
                Some(InsertValue::Expr(e)) => e.to_sql(w),
                _ if d.default_in_values() => {
                    w.sql("default");
                    Ok(())
                }
                // SQLite, beside explicit values in the same column: the declared default.
                _ => match self.defaults.get(i).and_then(Option::as_ref) {
                    Some(default) => default.to_sql(w),
                    None => {
                        w.sql("null");
                        Ok(())
                    }
                },
            })?;
            w.sql(")");
            Ok(())
        })
    }
}

/// ` ("a", "b")`.
fn write_columns<'a>(
    w: &mut SqlWriter<'_>,
    columns: impl Iterator<Item = &'a str>,
) -> Result<(), Error> {
    w.sql(" (");
    for (i, c) in columns.enumerate() {
        if i > 0 {
            w.sql(", ");
        }
        w.ident(c)?;
    }
    w.sql(")");
    Ok(())
}

/// ` returning items` (SQLite, PostgreSQL).
pub(crate) fn write_returning(
    w: &mut SqlWriter<'_>,
    items: &[crate::ast::SelectItem],
) -> Result<(), Error> {
    if items.is_empty() {
        return Ok(());
    }
    w.require(Feature::Returning)?;
    w.sql(" returning ");
    w.list(items, ", ", |w, i| i.to_sql(w))
}

#[cfg(test)]
mod tests {
    use alloc::boxed::Box;
    use alloc::vec;

    use crate::ast::{Expr, FromItem, Insert, InsertSource, Query, Select, TableRef};
    use crate::{render, DialectKind};

    /// `INSERT ... SELECT` without columns has no column list, not `()`.
    #[test]
    fn insert_select_without_columns() {
        let q = Query::select(Select {
            columns: vec![Expr::bare("id").into()],
            from: Some(FromItem::Table(TableRef::new("b"))),
            ..Default::default()
        });
        let ins = Insert {
            source: InsertSource::Query(Box::new(q)),
            ..Insert::values(TableRef::new("a"), &[], vec![])
        };
        let sql = render(&ins.into(), DialectKind::Sqlite).unwrap().sql;
        assert_eq!(sql, r#"insert into "a" select "id" from "b""#);
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch("create table a (id integer); create table b (id integer)")
            .unwrap();
        conn.execute_batch(&sql).unwrap();
    }
}
