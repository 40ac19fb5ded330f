//! MySQL 8 and MariaDB: backtick identifiers, `?` placeholders, backslash
//! string escapes, `on duplicate key update`, `insert ignore`, no RETURNING,
//! no FULL JOIN; NULLS FIRST/LAST and ILIKE are emulated.
//!
//! One dialect kind, two server flavours ([`MySqlFlavour`]): they share all
//! SQL except where [`MARIADB_ONLY`] lists a construct only MariaDB accepts,
//! which the MySQL 8 flavour (PlanetScale, Vitess) never writes. Where both
//! servers accept one spelling (`lock in share mode`, `values(c)`, a WITH
//! query as a derived table), both flavours use it.

use alloc::string::String;
use alloc::vec::Vec;

use super::{sized, write_numeric, Dialect, DialectKind, JsonWrap};
use crate::ast::{
    Expr, IndexHint, IndexHintKind, JoinKind, JsonEncoding, Lock, LockStrength, LockWait,
    NullsOrder, OrderBy, Query,
};
use crate::error::{Error, Feature};
use crate::render::query::write_order_by;
use crate::render::{literal, SqlWriter, ToSql};
use crate::schema::{Column, SqlType};

/// Which server a MySQL statement is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MySqlFlavour {
    /// MySQL 8.0 (and PlanetScale): none of [`MARIADB_ONLY`].
    MySql8,
    /// MariaDB 10.5+ (the engine suite's server).
    MariaDb,
}

/// A construct only MariaDB accepts (MySQL 8 refuses it as a syntax error).
pub struct MariaDbOnly {
    /// Short name, as test failures print it.
    pub name: &'static str,
    /// What MySQL 8 gets instead.
    pub mysql8: &'static str,
    /// Whether `sql` (a MySQL statement) contains it.
    found: fn(&str) -> bool,
}

impl MariaDbOnly {
    /// Whether the construct appears in `sql`.
    pub fn found_in(&self, sql: &str) -> bool {
        (self.found)(&skeleton(sql))
    }
}

/// THE list of MariaDB-only constructs the MySQL dialect can write. The MariaDB
/// flavour may write them, the MySQL 8 flavour never does; the engine suite
/// checks every MySQL statement it builds against this list
/// ([`mariadb_only_constructs`]).
pub const MARIADB_ONLY: &[MariaDbOnly] = &[
    MariaDbOnly {
        name: "set statement ... for",
        mysql8: "no prefix (MySQL 8 does not cut JSON_ARRAYAGG at group_concat_max_len)",
        found: |s| s.starts_with("set statement ") || s.contains(" set statement "),
    },
    MariaDbOnly {
        name: "order by / limit inside json_arrayagg",
        mysql8: "an ordered (and cut) group_concat of the rows, read back as a JSON array",
        found: |s| call_has_clause(s, "json_arrayagg(", &[" order by ", " limit "]),
    },
    MariaDbOnly {
        name: "limit inside group_concat",
        mysql8: "substring_index over the ordered group_concat",
        found: |s| call_has_clause(s, "group_concat(", &[" limit "]),
    },
    MariaDbOnly {
        name: "returning",
        mysql8: "none: RETURNING is Unsupported on both flavours",
        found: |s| s.contains(" returning "),
    },
];

/// The names of the [`MARIADB_ONLY`] constructs `sql` contains.
///
/// ```
/// use mizzle_core::dialect::mariadb_only_constructs;
/// assert_eq!(mariadb_only_constructs("set statement x = 1 for select 1"), ["set statement ... for"]);
/// assert!(mariadb_only_constructs("select `set statement ` from t").is_empty());
/// ```
pub fn mariadb_only_constructs(sql: &str) -> Vec<&'static str> {
    let s = skeleton(sql);
    MARIADB_ONLY
        .iter()
        .filter(|c| (c.found)(&s))
        .map(|c| c.name)
        .collect()
}

/// `sql` lowercased, with quoted strings and identifiers blanked (`_`) and
/// whitespace runs as one space, padded with spaces: keywords are then found
/// by plain substring search and never inside names or values.
fn skeleton(sql: &str) -> String {
    let mut out = String::from(" ");
    let mut chars = sql.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' | '"' | '`' => {
                // MySQL strings take backslash escapes; quotes double inside all three.
                while let Some(d) = chars.next() {
                    if d == '\\' && c != '`' {
                        chars.next();
                    } else if d == c {
                        break;
                    }
                }
                out.push('_');
            }
            c if c.is_whitespace() => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c => out.extend(c.to_lowercase()),
        }
    }
    out.push(' ');
    out
}

/// Whether a call to `func` (`name(`) in skeleton `s` has one of `clauses`
/// at its own parenthesis depth (not inside a nested subquery).
fn call_has_clause(s: &str, func: &str, clauses: &[&str]) -> bool {
    let mut from = 0;
    while let Some(at) = s[from..].find(func) {
        let start = from + at + func.len();
        let mut depth = 0usize;
        let body = &s[start..];
        let mut end = body.len();
        for (i, b) in body.bytes().enumerate() {
            match b {
                b'(' => depth += 1,
                b')' if depth == 0 => {
                    end = i;
                    break;
                }
                b')' => depth -= 1,
                // Bytes, not str slices: `i` may fall inside a multibyte character.
                _ if depth == 0
                    && clauses
                        .iter()
                        .any(|k| body.as_bytes()[i..].starts_with(k.as_bytes())) =>
                {
                    return true;
                }
                _ => {}
            }
        }
        from = start + end.min(body.len());
        if end == body.len() {
            break;
        }
    }
    false
}

/// The MySQL dialect in one of its flavours: [`MySql::MYSQL8`] (what
/// `DialectKind::MySql` renders, PlanetScale's) or [`MySql::MARIADB`].
///
/// ```
/// use mizzle_core::{dialect::{Dialect, MySql, MySqlFlavour}, DialectKind};
/// assert_eq!(MySql::MYSQL8.quote_char(), '`');
/// assert_eq!(MySql::MARIADB.flavour(), MySqlFlavour::MariaDb);
/// assert_eq!(MySql::MARIADB.kind(), DialectKind::MySql);
/// ```
pub struct MySql {
    flavour: MySqlFlavour,
}

impl MySql {
    /// MySQL 8 (and PlanetScale).
    pub const MYSQL8: MySql = MySql {
        flavour: MySqlFlavour::MySql8,
    };
    /// MariaDB.
    pub const MARIADB: MySql = MySql {
        flavour: MySqlFlavour::MariaDb,
    };

    /// The dialect value of `flavour`.
    pub fn of(flavour: MySqlFlavour) -> &'static MySql {
        match flavour {
            MySqlFlavour::MySql8 => &MySql::MYSQL8,
            MySqlFlavour::MariaDb => &MySql::MARIADB,
        }
    }

    /// Which server this writes for.
    pub fn flavour(&self) -> MySqlFlavour {
        self.flavour
    }

    fn mariadb(&self) -> bool {
        self.flavour == MySqlFlavour::MariaDb
    }
}

/// What neither flavour has, then (last, so MySQL 8 can stop before it) what
/// only MariaDB lacks.
const MARIADB_LACKS: &[Feature] = &[
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
    // Both take `insert ... with ... select` only.
    Feature::InsertWith,
    Feature::DmlInCte,
    // MySQL 8 has WITH before UPDATE / DELETE; MariaDB 10 does not.
    Feature::DmlWith,
];

impl Dialect for MySql {
    fn kind(&self) -> DialectKind {
        DialectKind::MySql
    }

    fn lacks(&self) -> &'static [Feature] {
        if self.mariadb() {
            MARIADB_LACKS
        } else {
            &MARIADB_LACKS[..MARIADB_LACKS.len() - 1]
        }
    }

    // An inner join without ON is a cross join there; a left one needs ON.
    fn join_without_on(&self, kind: JoinKind) -> bool {
        kind == JoinKind::Inner
    }

    fn quote_char(&self) -> char {
        '`'
    }

    // Every string has a literal, the same in every sql_mode (a hex string for
    // text with a backslash or NUL: `literal::quote_mysql`).
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
                    literal::quote_mysql_ddl(&mut s, v);
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

    // No rows give NULL, hence the coalesce. MariaDB orders and limits inside
    // JSON_ARRAYAGG (its derived tables cannot see the outer query). MySQL 8
    // can do neither there, and its correlated derived tables (8.0.14+) fail
    // on MariaDB, so it gets what both accept: GROUP_CONCAT, which orders on
    // both, joined into a JSON array, cut by SUBSTRING_INDEX at a separator
    // (U+001E) that JSON text always escapes.
    fn write_json_array_agg(
        &self,
        w: &mut SqlWriter<'_>,
        expr: &Expr,
        order_by: &[OrderBy],
        limit: Option<&Expr>,
        offset: Option<&Expr>,
    ) -> Result<(), Error> {
        if self.mariadb() || (order_by.is_empty() && limit.is_none() && offset.is_none()) {
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
            return Ok(());
        }
        const SEP: &str = "'\u{1e}'";
        let cut = limit.is_some() || offset.is_some();
        w.sql("coalesce(json_extract(concat('[', ");
        if cut {
            w.sql("replace(");
        }
        if limit.is_some() {
            w.sql("substring_index(");
        }
        if offset.is_some() {
            w.sql("substring_index(");
        }
        w.sql("group_concat(");
        expr.to_sql(w)?;
        write_order_by(w, order_by)?;
        w.sql(" separator ");
        w.sql(if cut { SEP } else { "','" });
        w.sql(")");
        if let Some(o) = offset {
            // The last (count - offset) rows; a count of 0 is ''.
            w.sql(", ");
            w.sql(SEP);
            w.sql(", -greatest(count(*) - ");
            o.to_sql(w)?;
            w.sql(", 0))");
        }
        if let Some(l) = limit {
            w.sql(", ");
            w.sql(SEP);
            w.sql(", ");
            l.to_sql(w)?;
            w.sql(")");
        }
        if cut {
            w.sql(", ");
            w.sql(SEP);
            w.sql(", ',')");
        }
        w.sql(", ']'), '$'), json_array())");
        Ok(())
    }

    // MariaDB cuts JSON_ARRAYAGG at group_concat_max_len (1 MiB by default)
    // with only a warning; 1 GiB is the largest max_allowed_packet, which
    // caps it anyway. MySQL 8 has no SET STATEMENT, nor this limit on JSON.
    fn write_relational_prefix(&self, w: &mut SqlWriter<'_>) {
        if self.mariadb() {
            w.sql("set statement group_concat_max_len = 1073741824 for ");
        }
    }

    // MySQL 8's GROUP_CONCAT (ordered lists, above) stops at
    // group_concat_max_len, 1024 bytes by default; SET_VAR raises it for this
    // statement only (it must follow the top SELECT). MariaDB reads it as a
    // comment, so both flavours write it and the planner needs no flavour.
    fn relational_hint(&self) -> Option<&'static str> {
        Some("/*+ SET_VAR(group_concat_max_len = 1073741824) */ ")
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

    fn write_default_values(&self, w: &mut SqlWriter<'_>, rows: usize, _upsert: bool) {
        w.sql(" () values ()");
        for _ in 1..rows {
            w.sql(", ()");
        }
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

    // `use index (...)` and friends, which MySQL 8 and MariaDB both accept:
    // nothing for MARIADB_ONLY. Index names are quoted like any identifier
    // (drizzle writes them raw); an empty list is `use index ()` ("no
    // index"), which only USE accepts.
    fn write_index_hints(&self, w: &mut SqlWriter<'_>, hints: &[IndexHint]) -> Result<(), Error> {
        for hint in hints {
            if hint.indexes.is_empty() && hint.kind != IndexHintKind::Use {
                return Err(Error::Invalid(
                    "force index / ignore index needs at least one index".into(),
                ));
            }
            w.sql(match hint.kind {
                IndexHintKind::Use => " use index (",
                IndexHintKind::Force => " force index (",
                IndexHintKind::Ignore => " ignore index (",
            });
            w.list(&hint.indexes, ", ", |w, name| w.ident(name))?;
            w.sql(")");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::{Statement, TableRef};
    use crate::relational::{RelationKind, RelationalQuery};

    fn render_with(d: &MySql, stmt: &Statement) -> String {
        let mut w = SqlWriter::new(d);
        stmt.to_sql(&mut w).unwrap();
        w.finish().sql
    }

    /// users with their posts ordered, cut by limit and offset.
    fn relational(limit: bool, offset: bool) -> Statement {
        let mut posts = RelationalQuery::new(TableRef::new("posts").alias("p")).field(
            "title",
            Expr::col("p", "title"),
            JsonEncoding::Plain,
        );
        posts.order_by.push(OrderBy::desc(Expr::col("p", "id")));
        posts.limit = limit.then(|| Expr::val(2));
        posts.offset = offset.then(|| Expr::val(1));
        let users = RelationalQuery::new(TableRef::new("users"))
            .field("id", Expr::col("users", "id"), JsonEncoding::Plain)
            .relation("posts", RelationKind::Many, &[("id", "author_id")], posts);
        Statement::Relational(users)
    }

    #[test]
    fn mariadb_flavour_writes_what_the_list_names_and_mysql8_none_of_it() {
        for (limit, offset) in [(false, false), (true, false), (false, true), (true, true)] {
            let q = relational(limit, offset);
            let maria = render_with(&MySql::MARIADB, &q);
            let found = mariadb_only_constructs(&maria);
            assert!(found.contains(&"set statement ... for"), "{maria}");
            assert!(
                found.contains(&"order by / limit inside json_arrayagg"),
                "{maria}"
            );
            let mysql8 = render_with(&MySql::MYSQL8, &q);
            assert_eq!(
                mariadb_only_constructs(&mysql8),
                Vec::<&str>::new(),
                "{mysql8}"
            );
            assert!(mysql8.contains("group_concat("), "{mysql8}");
            assert!(
                mysql8.starts_with(
                    "select /*+ SET_VAR(group_concat_max_len = 1073741824) */ `users`.`id` as `id`, "
                ),
                "{mysql8}"
            );
        }
    }

    #[test]
    fn the_list_looks_past_names_values_and_nested_queries() {
        let none = |s: &str| assert!(mariadb_only_constructs(s).is_empty(), "{s}");
        let one = |s: &str, name: &str| assert_eq!(mariadb_only_constructs(s), [name], "{s}");
        none("select `set statement ` from t where a = 'set statement x for'");
        none("select json_arrayagg(x) from t order by x limit 1");
        none("select json_arrayagg(é) from t where 'é' = é");
        // A one relation inside the aggregated row has its own `limit 1`.
        none("select json_arrayagg(json_array((select 1 from t order by a limit 1))) from u");
        one(
            "select json_arrayagg(x order by x) from t",
            "order by / limit inside json_arrayagg",
        );
        one(
            "select group_concat(x separator ',' limit 2) from t",
            "limit inside group_concat",
        );
        one("delete from t returning `id`", "returning");
        one("SET  STATEMENT a = 1 FOR select 1", "set statement ... for");
        assert!(MARIADB_ONLY.iter().all(|c| !c.mysql8.is_empty()));
    }

    #[test]
    fn the_default_mysql_is_mysql8() {
        assert_eq!(
            DialectKind::MySql.try_dialect().unwrap().kind(),
            DialectKind::MySql
        );
        let q = relational(true, true);
        let r = crate::render(&q, DialectKind::MySql).unwrap().sql;
        assert_eq!(r, render_with(&MySql::MYSQL8, &q));
    }

    use crate::ast::{FromItem, IndexHint};
    use alloc::vec;

    /// `select * from <from> inner join <join> on true`.
    fn hinted(from: FromItem, join: FromItem) -> Statement {
        use crate::ast::{Join, JoinKind, Select, SelectItem};
        Statement::Query(Query::select(Select {
            columns: vec![SelectItem::Star(None)],
            from: Some(from),
            joins: vec![Join {
                kind: JoinKind::Inner,
                lateral: false,
                target: join,
                on: Some(Expr::val(true)),
            }],
            ..Default::default()
        }))
    }

    #[test]
    fn index_hints_follow_the_alias_in_both_flavours() {
        use IndexHintKind::{Force, Ignore, Use};
        let q = hinted(
            FromItem::IndexHinted {
                table: TableRef::new("posts").alias("p"),
                hints: vec![
                    IndexHint::new(Force, &["by_author", "PRIMARY"]),
                    IndexHint::new(Ignore, &["by`odd"]),
                ],
            },
            FromItem::IndexHinted {
                table: TableRef::new("users").in_schema("app"),
                hints: vec![IndexHint::new(Use, &[])],
            },
        );
        let expected = "select * from `posts` as `p` force index (`by_author`, `PRIMARY`) \
            ignore index (`by``odd`) inner join `app`.`users` use index () on ?";
        for flavour in [&MySql::MYSQL8, &MySql::MARIADB] {
            let sql = render_with(flavour, &q);
            assert_eq!(sql, expected);
            assert!(mariadb_only_constructs(&sql).is_empty(), "{sql}");
        }
    }

    #[test]
    fn index_hints_elsewhere_are_refused() {
        let table = |hints| FromItem::IndexHinted {
            table: TableRef::new("t"),
            hints,
        };
        // No hints: the plain table on every dialect.
        let plain = hinted(table(vec![]), table(vec![]));
        for d in DialectKind::ALL {
            assert!(crate::render(&plain, d).is_ok(), "{d:?}");
        }
        let q = hinted(
            table(vec![IndexHint::new(IndexHintKind::Use, &["i"])]),
            FromItem::Table(TableRef::new("u")),
        );
        for d in [DialectKind::Sqlite, DialectKind::Postgres] {
            assert_eq!(
                crate::render(&q, d),
                Err(Error::Unsupported {
                    feature: Feature::IndexHints,
                    dialect: d,
                })
            );
        }
        // FORCE / IGNORE INDEX () are syntax errors; USE INDEX () means "no index".
        for kind in [IndexHintKind::Force, IndexHintKind::Ignore] {
            let empty = hinted(table(vec![IndexHint::new(kind, &[])]), table(vec![]));
            assert!(matches!(
                crate::render(&empty, DialectKind::MySql),
                Err(Error::Invalid(_))
            ));
        }
        let bad = hinted(
            table(vec![IndexHint::new(IndexHintKind::Use, &[""])]),
            table(vec![]),
        );
        assert!(matches!(
            crate::render(&bad, DialectKind::MySql),
            Err(Error::BadName(_))
        ));
    }
}
