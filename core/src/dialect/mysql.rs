//! MySQL (and MariaDB): backtick identifiers, `?` placeholders, backslash
//! string escapes, `on duplicate key update`, `insert ignore`, no RETURNING,
//! no FULL JOIN; NULLS FIRST/LAST and ILIKE are emulated.

use alloc::string::String;

use super::{sized, write_numeric, Dialect, DialectKind, JsonWrap};
use crate::ast::{Expr, JsonEncoding, Lock, LockStrength, LockWait, NullsOrder, OrderBy, Query};
use crate::error::{Error, Feature};
use crate::render::query::write_order_by;
use crate::render::{literal, SqlWriter, ToSql};
use crate::schema::{Column, SqlType};

/// The MySQL dialect (tested on MariaDB 10.11; MySQL 8 differences are noted).
///
/// ```
/// use mizzle_core::{dialect::{Dialect, MySql}, DialectKind};
/// assert_eq!(MySql.quote_char(), '`');
/// ```
pub struct MySql;

impl Dialect for MySql {
    fn kind(&self) -> DialectKind {
        DialectKind::MySql
    }

    fn lacks(&self) -> &'static [Feature] {
        &[
            Feature::Returning,
            Feature::FullJoin,
            // MySQL 8.0.14 has LATERAL; MariaDB does not.
            Feature::LateralJoin,
            Feature::DistinctOn,
            Feature::OnConflict,
            Feature::UpdateFrom,
            Feature::PartialIndex,
            Feature::MaterializedView,
            Feature::Schemas,
            Feature::EnumType,
            Feature::ArrayType,
            Feature::IdentityColumn,
            // MySQL 8.0.13 has functional key parts; MariaDB does not.
            Feature::ExpressionIndex,
            // MySQL 8 has WITH before UPDATE / DELETE; MariaDB does not.
            Feature::DmlWith,
        ]
    }

    fn quote_char(&self) -> char {
        '`'
    }

    // MySQL spells NUL as `\0`, so every string has a literal.
    fn write_string_literal(&self, out: &mut String, s: &str) -> Result<(), Error> {
        literal::quote_mysql(out, s);
        Ok(())
    }

    fn write_column_type(&self, w: &mut SqlWriter<'_>, ty: &SqlType) -> Result<(), Error> {
        match ty {
            SqlType::TinyInt => w.sql("tinyint"),
            SqlType::SmallInt => w.sql("smallint"),
            SqlType::Integer => w.sql("int"),
            SqlType::BigInt => w.sql("bigint"),
            // The widths of PostgreSQL's serial family (not MySQL's `serial`, a
            // bigint unsigned), so plain smallint / int / bigint columns can
            // reference them: InnoDB foreign keys need the same size and sign.
            SqlType::SmallSerial => w.sql("smallint"),
            SqlType::Serial => w.sql("int"),
            SqlType::BigSerial => w.sql("bigint"),
            SqlType::Real => w.sql("float"),
            SqlType::Double => w.sql("double"),
            SqlType::Numeric { precision, scale } => {
                write_numeric(w, "decimal", *precision, *scale)
            }
            SqlType::Boolean => w.sql("boolean"),
            SqlType::Text => w.sql("text"),
            SqlType::Varchar(n) => sized(w, "varchar", Some(n.unwrap_or(255))),
            SqlType::Char(n) => sized(w, "char", *n),
            SqlType::Blob => w.sql("blob"),
            SqlType::Binary(n) => sized(w, "binary", *n),
            SqlType::Varbinary(n) => sized(w, "varbinary", Some(n.unwrap_or(255))),
            SqlType::Uuid => w.sql("char(36)"),
            SqlType::Json | SqlType::Jsonb => w.sql("json"),
            SqlType::Timestamp { precision, .. } => sized(w, "timestamp", *precision),
            SqlType::DateTime { precision } => sized(w, "datetime", *precision),
            SqlType::Date => w.sql("date"),
            SqlType::Time { precision, .. } => sized(w, "time", *precision),
            SqlType::Interval => {
                return Err(Error::Unsupported {
                    feature: Feature::CastType,
                    dialect: DialectKind::MySql,
                })
            }
            SqlType::NamedEnum { .. } => w.require(Feature::EnumType)?,
            SqlType::InlineEnum(values) => {
                let mut s = String::from("enum(");
                for (i, v) in values.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    literal::quote_mysql(&mut s, v);
                }
                s.push(')');
                w.sql(&s);
            }
            SqlType::Array(_) => w.require(Feature::ArrayType)?,
            SqlType::Custom(name) => {
                crate::render::names::check_type_name(name)?;
                w.sql(name);
            }
        }
        Ok(())
    }

    // MySQL casts to a short list of target types only.
    fn write_cast_type(&self, w: &mut SqlWriter<'_>, ty: &SqlType) -> Result<(), Error> {
        match ty {
            SqlType::TinyInt
            | SqlType::SmallInt
            | SqlType::Integer
            | SqlType::BigInt
            | SqlType::SmallSerial
            | SqlType::Serial
            | SqlType::BigSerial
            | SqlType::Boolean => w.sql("signed"),
            SqlType::Real | SqlType::Double => w.sql("double"),
            SqlType::Numeric { precision, scale } => {
                write_numeric(w, "decimal", *precision, *scale)
            }
            SqlType::Text
            | SqlType::Varchar(_)
            | SqlType::Char(_)
            | SqlType::Uuid
            | SqlType::InlineEnum(_) => w.sql("char"),
            SqlType::Blob | SqlType::Binary(_) | SqlType::Varbinary(_) => w.sql("binary"),
            SqlType::Date => w.sql("date"),
            SqlType::Timestamp { precision, .. } | SqlType::DateTime { precision } => {
                sized(w, "datetime", *precision)
            }
            SqlType::Time { precision, .. } => sized(w, "time", *precision),
            // MySQL 8 has CAST(x AS JSON); MariaDB does not, so JSON stays text here.
            SqlType::Json | SqlType::Jsonb => w.sql("char"),
            _ => {
                return Err(Error::Unsupported {
                    feature: Feature::CastType,
                    dialect: DialectKind::MySql,
                })
            }
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
        if !ci {
            expr.write_operand(w)?;
            w.sql(if negated { " not like " } else { " like " });
            return pattern.write_operand(w);
        }
        // Case-insensitive whatever the column's collation.
        w.sql("lower(");
        expr.to_sql(w)?;
        w.sql(if negated {
            ") not like lower("
        } else {
            ") like lower("
        });
        pattern.to_sql(w)?;
        w.sql(")");
        Ok(())
    }

    fn write_concat(&self, w: &mut SqlWriter<'_>, left: &Expr, right: &Expr) -> Result<(), Error> {
        w.sql("concat(");
        left.to_sql(w)?;
        w.sql(", ");
        right.to_sql(w)?;
        w.sql(")");
        Ok(())
    }

    // `VALUES(col)` works on MariaDB and MySQL 8 (deprecated there since 8.0.20
    // in favour of a row alias, which MariaDB lacks).
    fn write_excluded(&self, w: &mut SqlWriter<'_>, column: &str) -> Result<(), Error> {
        w.sql("values(");
        w.ident(column)?;
        w.sql(")");
        Ok(())
    }

    // No NULLS FIRST/LAST: order by `expr is null` first.
    fn write_order_term(&self, w: &mut SqlWriter<'_>, term: &OrderBy) -> Result<(), Error> {
        if let Some(nulls) = term.nulls {
            w.sql("(");
            term.expr.to_sql(w)?;
            w.sql(if nulls == NullsOrder::First {
                " is null) desc, "
            } else {
                " is null) asc, "
            });
        }
        term.expr.to_sql(w)?;
        w.sql(if term.desc { " desc" } else { " asc" });
        Ok(())
    }

    // JSON columns and subqueries that return JSON embed as JSON already.
    fn json_value_wrap(&self, enc: JsonEncoding) -> JsonWrap {
        match enc {
            JsonEncoding::Plain | JsonEncoding::Json => JsonWrap::Plain,
            JsonEncoding::Text => JsonWrap::Around("cast(", " as char)"),
            JsonEncoding::Hex => JsonWrap::Around("hex(", ")"),
            JsonEncoding::JsonBlob => {
                JsonWrap::Around("json_extract(convert(", " using utf8mb4), '$')")
            }
        }
    }

    // MariaDB orders and limits inside JSON_ARRAYAGG (MySQL 8 cannot, but
    // has correlated derived tables instead); no rows give NULL.
    fn write_json_array_agg(
        &self,
        w: &mut SqlWriter<'_>,
        expr: &Expr,
        order_by: &[OrderBy],
        limit: Option<&Expr>,
        offset: Option<&Expr>,
    ) -> Result<(), Error> {
        w.sql("coalesce(json_arrayagg(");
        expr.to_sql(w)?;
        write_order_by(w, order_by)?;
        match (limit, offset) {
            (None, None) => {}
            (Some(l), None) => {
                w.sql(" limit ");
                l.to_sql(w)?;
            }
            (l, Some(o)) => {
                w.sql(" limit ");
                o.to_sql(w)?;
                w.sql(", ");
                match l {
                    Some(l) => l.to_sql(w)?,
                    None => w.sql("18446744073709551615"),
                }
            }
        }
        w.sql("), json_array())");
        Ok(())
    }

    // MariaDB cuts JSON_ARRAYAGG at group_concat_max_len (1 MiB by default)
    // with only a warning; 1 GiB is the largest max_allowed_packet, which
    // caps it anyway. MySQL 8 has no SET STATEMENT (nor this limit on JSON).
    fn write_relational_prefix(&self, w: &mut SqlWriter<'_>) {
        w.sql("set statement group_concat_max_len = 1073741824 for ");
    }

    fn json_agg_orders_rows(&self) -> bool {
        true
    }

    fn json_agg_limits_rows(&self) -> bool {
        true
    }

    // The documented way to say "no limit" before an OFFSET.
    fn limit_all(&self) -> &'static str {
        " limit 18446744073709551615"
    }

    fn write_lock(&self, w: &mut SqlWriter<'_>, lock: &Lock) -> Result<(), Error> {
        if !lock.of.is_empty() {
            // MySQL 8 has OF; MariaDB does not.
            return Err(Error::Unsupported {
                feature: Feature::LockOfTables,
                dialect: DialectKind::MySql,
            });
        }
        match lock.strength {
            LockStrength::Update => w.sql(" for update"),
            // MariaDB lacks FOR SHARE; both accept LOCK IN SHARE MODE.
            LockStrength::Share if lock.wait == LockWait::Wait => {
                w.sql(" lock in share mode");
                return Ok(());
            }
            LockStrength::Share => {
                return Err(Error::Unsupported {
                    feature: Feature::LockWaitPolicy,
                    dialect: DialectKind::MySql,
                })
            }
            LockStrength::NoKeyUpdate | LockStrength::KeyShare => {
                return Err(Error::Unsupported {
                    feature: Feature::RowLocking,
                    dialect: DialectKind::MySql,
                })
            }
        }
        match lock.wait {
            LockWait::Wait => {}
            LockWait::NoWait => w.sql(" nowait"),
            LockWait::SkipLocked => w.sql(" skip locked"),
        }
        Ok(())
    }

    fn write_insert_keyword(&self, w: &mut SqlWriter<'_>, ignore: bool) -> Result<(), Error> {
        w.sql(if ignore {
            "insert ignore into "
        } else {
            "insert into "
        });
        Ok(())
    }

    fn write_default_values(&self, w: &mut SqlWriter<'_>) {
        w.sql(" () values ()");
    }

    fn write_auto_increment(&self, w: &mut SqlWriter<'_>, col: &Column) -> Result<(), Error> {
        if col.identity.is_some() {
            w.require(Feature::IdentityColumn)?;
        }
        let serial = matches!(
            col.ty,
            SqlType::SmallSerial | SqlType::Serial | SqlType::BigSerial
        );
        if col.auto_increment || serial {
            w.sql(" auto_increment");
        }
        Ok(())
    }

    fn index_method_after_columns(&self) -> bool {
        true
    }

    // MariaDB refuses `(with ... select ...)` as a set operand but takes it
    // as a derived table.
    fn write_query_operand(&self, w: &mut SqlWriter<'_>, query: &Query) -> Result<(), Error> {
        if query.with.is_none() {
            w.sql("(");
            query.to_sql(w)?;
            w.sql(")");
            return Ok(());
        }
        w.sql("select * from (");
        query.to_sql(w)?;
        w.sql(") as ");
        w.ident("mizzle_with")
    }

    fn write_index_method(&self, w: &mut SqlWriter<'_>, method: &str) -> Result<(), Error> {
        // MySQL only knows btree and hash, written after the column list.
        if !method.eq_ignore_ascii_case("btree") && !method.eq_ignore_ascii_case("hash") {
            return Err(Error::Unsupported {
                feature: Feature::IndexMethod,
                dialect: DialectKind::MySql,
            });
        }
        w.sql(" using ");
        w.sql(if method.eq_ignore_ascii_case("btree") {
            "btree"
        } else {
            "hash"
        });
        Ok(())
    }
}
