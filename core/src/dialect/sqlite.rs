//! SQLite: `?` placeholders, affinity type names, no row locks, `insert or
//! ignore`, no DEFAULT inside VALUES, bare compound-select operands.

use super::{Dialect, DialectKind};
use crate::ast::{JoinKind, Lock, TableRef};
use crate::error::{Error, Feature};
use crate::render::{SqlWriter, ToSql};
use crate::schema::{Column, SqlType};

/// The SQLite dialect.
///
/// ```
/// use mizzle_core::{dialect::{Dialect, Sqlite}, DialectKind};
/// assert_eq!(Sqlite.kind(), DialectKind::Sqlite);
/// ```
pub struct Sqlite;

impl Dialect for Sqlite {
    fn kind(&self) -> DialectKind {
        DialectKind::Sqlite
    }

    fn lacks(&self) -> &'static [Feature] {
        &[
            Feature::LateralJoin,
            Feature::DistinctOn,
            Feature::IntersectAll,
            Feature::ExceptAll,
            Feature::RowLocking,
            Feature::OnDuplicateKeyUpdate,
            Feature::IndexMethod,
            Feature::MaterializedView,
            Feature::Schemas,
            Feature::EnumType,
            Feature::ArrayType,
            Feature::IdentityColumn,
            Feature::IndexHints,
            Feature::DmlInCte,
        ]
    }

    fn write_column_type(&self, w: &mut SqlWriter<'_>, ty: &SqlType) -> Result<(), Error> {
        let name = match ty {
            SqlType::TinyInt
            | SqlType::SmallInt
            | SqlType::Integer
            | SqlType::BigInt
            | SqlType::SmallSerial
            | SqlType::Serial
            | SqlType::BigSerial
            | SqlType::Boolean => "integer",
            SqlType::Real | SqlType::Double => "real",
            SqlType::Numeric { .. } => "numeric",
            SqlType::Blob | SqlType::Binary(_) | SqlType::Varbinary(_) => "blob",
            SqlType::Text
            | SqlType::Varchar(_)
            | SqlType::Char(_)
            | SqlType::Uuid
            | SqlType::Json
            | SqlType::Jsonb
            | SqlType::Timestamp { .. }
            | SqlType::DateTime { .. }
            | SqlType::Date
            | SqlType::Time { .. }
            | SqlType::Interval
            | SqlType::NamedEnum { .. }
            | SqlType::InlineEnum(_) => "text",
            SqlType::Array(_) => return w.require(Feature::ArrayType),
            SqlType::Custom(name) => {
                crate::render::names::check_type_name(name)?;
                name
            }
        };
        w.sql(name);
        Ok(())
    }

    // SQLite puts the schema on the index name; the table stays unqualified.
    fn write_index_target(
        &self,
        w: &mut SqlWriter<'_>,
        name: &str,
        table: &crate::ast::TableRef,
    ) -> Result<(), Error> {
        w.qualified(table.schema.as_deref(), name)?;
        w.sql(" on ");
        w.ident(&table.name)
    }

    fn write_lock(&self, w: &mut SqlWriter<'_>, _lock: &Lock) -> Result<(), Error> {
        w.require(Feature::RowLocking)
    }

    fn write_insert_keyword(&self, w: &mut SqlWriter<'_>, ignore: bool) -> Result<(), Error> {
        w.sql(if ignore {
            "insert or ignore into "
        } else {
            "insert into "
        });
        Ok(())
    }

    fn default_in_values(&self) -> bool {
        false
    }

    // DEFAULT VALUES is one row and takes no upsert clause. A NULL rowid is
    // the next one (an INTEGER PRIMARY KEY is that rowid) and every other
    // column keeps its DDL default: the same rows, in a form that takes both.
    fn write_default_values(&self, w: &mut SqlWriter<'_>, rows: usize, upsert: bool) {
        if rows == 1 && !upsert {
            w.sql(" default values");
            return;
        }
        w.sql(" (\"rowid\") values (null)");
        for _ in 1..rows {
            w.sql(", (null)");
        }
    }

    // SQLite requires LIMIT before OFFSET; -1 means no limit.
    fn limit_all(&self) -> &'static str {
        " limit -1"
    }

    // With an upsert, SQLite reads `ON` after a bare SELECT as a join
    // constraint; a WHERE clause ends the SELECT unambiguously.
    // SQLite takes any join without ON.
    fn join_without_on(&self, _kind: JoinKind) -> bool {
        true
    }

    fn write_insert_select(
        &self,
        w: &mut SqlWriter<'_>,
        query: &dyn ToSql,
        upsert: bool,
    ) -> Result<(), Error> {
        if upsert {
            w.sql("select * from (");
            query.to_sql(w)?;
            w.sql(") where true");
            return Ok(());
        }
        query.to_sql(w)
    }

    // Builds without SQLITE_ENABLE_UPDATE_DELETE_LIMIT (the usual ones, D1's
    // too) have no ORDER BY / LIMIT on UPDATE and DELETE: pick the rows by rowid.
    fn write_dml_order_limit(
        &self,
        w: &mut SqlWriter<'_>,
        table: &TableRef,
        has_from: bool,
        native: &mut dyn FnMut(&mut SqlWriter<'_>) -> Result<(), Error>,
    ) -> Result<(), Error> {
        if has_from {
            return Err(Error::Unsupported {
                feature: Feature::UpdateOrderLimit,
                dialect: DialectKind::Sqlite,
            });
        }
        w.sql(" where rowid in (select rowid from ");
        table.to_sql(w)?;
        native(w)?;
        w.sql(")");
        Ok(())
    }

    // SQLite forbids parenthesised compound members: a derived table instead.
    fn write_set_operand(
        &self,
        w: &mut SqlWriter<'_>,
        inner: &mut dyn FnMut(&mut SqlWriter<'_>) -> Result<(), Error>,
    ) -> Result<(), Error> {
        w.sql("select * from (");
        inner(w)?;
        w.sql(")");
        Ok(())
    }

    fn write_auto_increment(&self, w: &mut SqlWriter<'_>, col: &Column) -> Result<(), Error> {
        if col.identity.is_some() {
            w.require(Feature::IdentityColumn)?;
        }
        if col.auto_increment {
            // Only `integer primary key` may autoincrement; the rowid alias does the work.
            if !col.primary_key {
                return Err(Error::Invalid(
                    "SQLite autoincrement needs a single-column integer primary key".into(),
                ));
            }
            w.sql(" autoincrement");
        }
        Ok(())
    }
}
