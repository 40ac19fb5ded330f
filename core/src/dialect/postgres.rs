//! PostgreSQL: `$n` placeholders, ILIKE, DISTINCT ON, LATERAL, enum types,
//! arrays, identity columns, full row locking.

use alloc::string::String;
use core::fmt::Write;

use super::{sized, write_numeric, Dialect, DialectKind, JsonWrap};
use crate::ast::{Expr, JsonEncoding, Lock, LockStrength, LockWait, OrderBy};
use crate::error::{Error, Feature};
use crate::render::query::write_order_by;
use crate::render::{literal, SqlWriter, ToSql};
use crate::schema::{Column, EnumType, Identity, SqlType};

/// The PostgreSQL dialect.
///
/// ```
/// use mizzle_core::{dialect::{Dialect, Postgres}, DialectKind};
/// assert_eq!(Postgres.kind(), DialectKind::Postgres);
/// ```
pub struct Postgres;

impl Dialect for Postgres {
    fn kind(&self) -> DialectKind {
        DialectKind::Postgres
    }

    fn lacks(&self) -> &'static [Feature] {
        &[
            Feature::OnDuplicateKeyUpdate,
            Feature::InsertIgnore,
            Feature::UpdateOrderLimit,
            Feature::DeleteOrderLimit,
            Feature::IndexHints,
        ]
    }

    fn write_placeholder(&self, out: &mut String, index: usize) {
        let _ = write!(out, "${index}");
    }

    fn json_array_function(&self) -> &'static str {
        "json_build_array"
    }

    // json and jsonb values (and the lateral joins' rows) embed as JSON already.
    fn json_value_wrap(&self, enc: JsonEncoding) -> JsonWrap {
        match enc {
            JsonEncoding::Plain | JsonEncoding::Json => JsonWrap::Plain,
            JsonEncoding::Text => JsonWrap::Around("cast(", " as text)"),
            JsonEncoding::Hex => JsonWrap::Around("encode(", ", 'hex')"),
            JsonEncoding::JsonBlob => JsonWrap::Around("cast(convert_from(", ", 'UTF8') as json)"),
        }
    }

    // json_agg over no rows is NULL. It orders, but cannot limit.
    fn write_json_array_agg(
        &self,
        w: &mut SqlWriter<'_>,
        expr: &Expr,
        order_by: &[OrderBy],
        limit: Option<&Expr>,
        offset: Option<&Expr>,
    ) -> Result<(), Error> {
        if limit.is_some() || offset.is_some() {
            return Err(Error::Invalid(
                "PostgreSQL limits JSON rows in a derived table".into(),
            ));
        }
        w.sql("coalesce(json_agg(");
        expr.to_sql(w)?;
        write_order_by(w, order_by)?;
        w.sql("), '[]'::json)");
        Ok(())
    }

    fn relations_through_lateral(&self) -> bool {
        true
    }

    fn json_agg_orders_rows(&self) -> bool {
        true
    }

    fn write_string_literal(&self, out: &mut String, s: &str) -> Result<(), Error> {
        literal::refuse_nul(s)?;
        literal::quote_postgres(out, s);
        Ok(())
    }

    // `E'\\x..'` reads the same whatever `standard_conforming_strings` says.
    fn write_blob_literal(&self, out: &mut String, bytes: &[u8]) {
        out.push_str("E'\\\\x");
        for b in bytes {
            let _ = write!(out, "{b:02x}");
        }
        out.push_str("'::bytea");
    }

    fn write_column_type(&self, w: &mut SqlWriter<'_>, ty: &SqlType) -> Result<(), Error> {
        match ty {
            SqlType::TinyInt | SqlType::SmallInt => w.sql("smallint"),
            SqlType::Integer => w.sql("integer"),
            SqlType::BigInt => w.sql("bigint"),
            SqlType::SmallSerial => w.sql("smallserial"),
            SqlType::Serial => w.sql("serial"),
            SqlType::BigSerial => w.sql("bigserial"),
            SqlType::Real => w.sql("real"),
            SqlType::Double => w.sql("double precision"),
            SqlType::Numeric { precision, scale } => {
                write_numeric(w, "numeric", *precision, *scale)
            }
            SqlType::Boolean => w.sql("boolean"),
            SqlType::Text | SqlType::InlineEnum(_) => w.sql("text"),
            SqlType::Varchar(n) => sized(w, "varchar", *n),
            SqlType::Char(n) => sized(w, "char", *n),
            SqlType::Blob | SqlType::Binary(_) | SqlType::Varbinary(_) => w.sql("bytea"),
            SqlType::Uuid => w.sql("uuid"),
            SqlType::Json => w.sql("json"),
            SqlType::Jsonb => w.sql("jsonb"),
            SqlType::Timestamp {
                precision,
                with_time_zone,
            } => {
                sized(w, "timestamp", *precision);
                if *with_time_zone {
                    w.sql(" with time zone");
                }
            }
            SqlType::DateTime { precision } => sized(w, "timestamp", *precision),
            SqlType::Date => w.sql("date"),
            SqlType::Time {
                precision,
                with_time_zone,
            } => {
                sized(w, "time", *precision);
                if *with_time_zone {
                    w.sql(" with time zone");
                }
            }
            SqlType::Interval => w.sql("interval"),
            SqlType::NamedEnum { schema, name } => w.qualified(schema.as_deref(), name)?,
            SqlType::Array(inner) => {
                // Nested arrays recurse: count them against the depth limit.
                w.nested(|w| self.write_column_type(w, inner))?;
                w.sql("[]");
            }
            SqlType::Custom(name) => {
                crate::render::names::check_type_name(name)?;
                w.sql(name);
            }
        }
        Ok(())
    }

    fn write_cast_type(&self, w: &mut SqlWriter<'_>, ty: &SqlType) -> Result<(), Error> {
        // Serial types are column shorthands, not types a value can be cast to.
        match ty {
            SqlType::SmallSerial => w.sql("smallint"),
            SqlType::Serial => w.sql("integer"),
            SqlType::BigSerial => w.sql("bigint"),
            other => return self.write_column_type(w, other),
        }
        Ok(())
    }

    fn write_like(
        &self,
        w: &mut SqlWriter<'_>,
        expr: &Expr,
        pattern: &Expr,
        negated: bool,
        ci: bool,
    ) -> Result<(), Error> {
        expr.write_operand(w)?;
        w.sql(match (negated, ci) {
            (false, false) => " like ",
            (true, false) => " not like ",
            (false, true) => " ilike ",
            (true, true) => " not ilike ",
        });
        pattern.write_operand(w)
    }

    fn write_lock(&self, w: &mut SqlWriter<'_>, lock: &Lock) -> Result<(), Error> {
        w.sql(match lock.strength {
            LockStrength::Update => " for update",
            LockStrength::NoKeyUpdate => " for no key update",
            LockStrength::Share => " for share",
            LockStrength::KeyShare => " for key share",
        });
        if !lock.of.is_empty() {
            w.sql(" of ");
            w.list(&lock.of, ", ", |w, t| w.ident(t))?;
        }
        match lock.wait {
            LockWait::Wait => {}
            LockWait::NoWait => w.sql(" nowait"),
            LockWait::SkipLocked => w.sql(" skip locked"),
        }
        Ok(())
    }

    fn write_auto_increment(&self, w: &mut SqlWriter<'_>, col: &Column) -> Result<(), Error> {
        let serial = matches!(
            col.ty,
            SqlType::SmallSerial | SqlType::Serial | SqlType::BigSerial
        );
        match col.identity {
            Some(Identity::Always) => w.sql(" generated always as identity"),
            Some(Identity::ByDefault) => w.sql(" generated by default as identity"),
            // An auto-numbered plain integer becomes an identity column.
            None if col.auto_increment && !serial => w.sql(" generated by default as identity"),
            None => {}
        }
        Ok(())
    }

    fn write_create_enum(&self, w: &mut SqlWriter<'_>, e: &EnumType) -> Result<(), Error> {
        w.sql("create type ");
        w.qualified(e.schema.as_deref(), &e.name)?;
        w.sql(" as enum (");
        let d = w.dialect();
        let mut values = String::new();
        for (i, v) in e.values.iter().enumerate() {
            if i > 0 {
                values.push_str(", ");
            }
            d.write_string_literal(&mut values, v)?;
        }
        w.sql(&values);
        w.sql(")");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use alloc::boxed::Box;
    use alloc::vec;

    use crate::ast::{Expr, Query, Select};
    use crate::schema::SqlType;
    use crate::{render, DialectKind, Error};

    fn cast_to_nested_array(depth: usize) -> crate::ast::Statement {
        let mut ty = SqlType::Integer;
        for _ in 0..depth {
            ty = SqlType::Array(Box::new(ty));
        }
        Query::select(Select {
            columns: vec![Expr::bare("a").cast(ty).into()],
            ..Default::default()
        })
        .into()
    }

    /// Array types nest through the renderer's depth limit instead of
    /// recursing without bound (a stack overflow for deep enough input).
    #[test]
    fn nested_array_types_count_against_the_depth_limit() {
        let ok = render(&cast_to_nested_array(2), DialectKind::Postgres).unwrap();
        assert_eq!(ok.sql, r#"select cast("a" as integer[][])"#);
        assert_eq!(
            render(&cast_to_nested_array(300), DialectKind::Postgres),
            Err(Error::TooDeep)
        );
    }
}
