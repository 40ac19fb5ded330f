//! The `Dialect` trait: common SQL in default methods, and one file per
//! dialect that overrides only what differs.

#[cfg(feature = "dialect-mysql")]
mod mysql;
#[cfg(feature = "dialect-postgres")]
mod postgres;
#[cfg(feature = "dialect-sqlite")]
mod sqlite;

#[cfg(feature = "dialect-mysql")]
pub use mysql::{mariadb_only_constructs, MariaDbOnly, MySql, MySqlFlavour, MARIADB_ONLY};
#[cfg(feature = "dialect-postgres")]
pub use postgres::Postgres;
#[cfg(feature = "dialect-sqlite")]
pub use sqlite::Sqlite;

use alloc::string::String;
#[cfg(any(feature = "dialect-postgres", feature = "dialect-mysql"))]
use core::fmt::Write;

use crate::ast::{
    Assignment, Expr, IndexHint, JoinKind, JsonEncoding, Lock, NullsOrder, OnConflict,
    OnConflictAction, OrderBy, Query, TableRef, Transaction,
};
use crate::error::{Error, Feature};
use crate::render::{literal, SqlWriter, ToSql};
use crate::schema::SqlType;

/// The three SQL dialects. `MySql` renders for MySQL 8 (PlanetScale); the
/// MariaDB flavour is the dialect value [`MySql::MARIADB`](crate::dialect::MySql),
/// given to a [`SqlWriter`] directly.
///
/// ```
/// use mizzle_core::DialectKind;
/// assert_eq!(DialectKind::Postgres.name(), "postgresql");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum DialectKind {
    Sqlite,
    Postgres,
    MySql,
}

impl DialectKind {
    /// Every dialect.
    pub const ALL: [DialectKind; 3] = [
        DialectKind::Sqlite,
        DialectKind::Postgres,
        DialectKind::MySql,
    ];

    /// Lowercase name.
    pub fn name(self) -> &'static str {
        match self {
            DialectKind::Sqlite => "sqlite",
            DialectKind::Postgres => "postgresql",
            DialectKind::MySql => "mysql",
        }
    }

    /// The renderer for this dialect (MySQL 8 for `MySql`), or
    /// [`Error::NotBuilt`] when this build leaves it out (the `dialect-*` features).
    pub fn try_dialect(self) -> Result<&'static dyn Dialect, Error> {
        match self {
            #[cfg(feature = "dialect-sqlite")]
            DialectKind::Sqlite => Ok(&Sqlite),
            #[cfg(feature = "dialect-postgres")]
            DialectKind::Postgres => Ok(&Postgres),
            #[cfg(feature = "dialect-mysql")]
            DialectKind::MySql => Ok(&MySql::MYSQL8),
            #[allow(unreachable_patterns)]
            other => Err(Error::NotBuilt(other)),
        }
    }

    /// The renderer for this dialect (with every dialect built, the default).
    #[cfg(all(
        feature = "dialect-sqlite",
        feature = "dialect-postgres",
        feature = "dialect-mysql"
    ))]
    pub fn dialect(self) -> &'static dyn Dialect {
        match self {
            DialectKind::Sqlite => &Sqlite,
            DialectKind::Postgres => &Postgres,
            DialectKind::MySql => &MySql::MYSQL8,
        }
    }
}

/// How a dialect writes a value into JSON: as is, or inside a function call
/// (`before`, the value, `after`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonWrap {
    /// The value as the database writes it.
    Plain,
    /// `before` value `after`.
    Around(&'static str, &'static str),
    /// `before` value `after`, but NULL stays NULL (for functions that map NULL to a value).
    NullSafe(&'static str, &'static str),
}

/// How one SQL dialect spells what differs. Defaults are the common
/// (SQLite/PostgreSQL-style) SQL.
pub trait Dialect: Sync {
    /// Which dialect this is.
    fn kind(&self) -> DialectKind;

    /// Features this dialect cannot express.
    fn lacks(&self) -> &'static [Feature];

    /// Identifier quote character; doubled inside names.
    fn quote_char(&self) -> char {
        '"'
    }

    /// Writes the placeholder for parameter number `index` (1-based).
    fn write_placeholder(&self, out: &mut String, _index: usize) {
        out.push('?');
    }

    /// Writes a string literal. SQLite and PostgreSQL read statement text
    /// only up to a NUL (and PostgreSQL text cannot hold one), so text with
    /// NUL has no literal there: `Error::Invalid`.
    fn write_string_literal(&self, out: &mut String, s: &str) -> Result<(), Error> {
        literal::refuse_nul(s)?;
        literal::quote_doubled(out, s);
        Ok(())
    }

    /// Writes a blob literal.
    fn write_blob_literal(&self, out: &mut String, bytes: &[u8]) {
        literal::hex_blob(out, bytes);
    }

    /// The type name for a column of type `ty`.
    fn write_column_type(&self, w: &mut SqlWriter<'_>, ty: &SqlType) -> Result<(), Error>;

    /// The type name in `CAST(x AS type)`; by default the column type.
    fn write_cast_type(&self, w: &mut SqlWriter<'_>, ty: &SqlType) -> Result<(), Error> {
        self.write_column_type(w, ty)
    }

    /// `a LIKE b`; `ILIKE` is native only on PostgreSQL.
    fn write_like(
        &self,
        w: &mut SqlWriter<'_>,
        expr: &Expr,
        pattern: &Expr,
        negated: bool,
        ci: bool,
    ) -> Result<(), Error> {
        let _ = ci; // SQLite's LIKE is already case-insensitive for ASCII.
        expr.write_operand(w)?;
        w.sql(if negated { " not like " } else { " like " });
        pattern.write_operand(w)
    }

    /// String concatenation.
    fn write_concat(&self, w: &mut SqlWriter<'_>, left: &Expr, right: &Expr) -> Result<(), Error> {
        w.sql("(");
        left.write_operand(w)?;
        w.sql(" || ");
        right.write_operand(w)?;
        w.sql(")");
        Ok(())
    }

    /// The proposed row's column in an upsert.
    fn write_excluded(&self, w: &mut SqlWriter<'_>, column: &str) -> Result<(), Error> {
        w.sql("excluded.");
        w.ident(column)
    }

    /// One ORDER BY term.
    fn write_order_term(&self, w: &mut SqlWriter<'_>, term: &OrderBy) -> Result<(), Error> {
        term.expr.to_sql(w)?;
        w.sql(if term.desc { " desc" } else { " asc" });
        match term.nulls {
            Some(NullsOrder::First) => w.sql(" nulls first"),
            Some(NullsOrder::Last) => w.sql(" nulls last"),
            None => {}
        }
        Ok(())
    }

    /// `limit ? offset ?`; OFFSET alone is written as the dialect needs.
    fn write_limit_offset(
        &self,
        w: &mut SqlWriter<'_>,
        limit: Option<&Expr>,
        offset: Option<&Expr>,
    ) -> Result<(), Error> {
        if let Some(l) = limit {
            w.sql(" limit ");
            l.to_sql(w)?;
        } else if offset.is_some() {
            w.sql(self.limit_all());
        }
        if let Some(o) = offset {
            w.sql(" offset ");
            o.to_sql(w)?;
        }
        Ok(())
    }

    /// The function that builds a JSON array from its arguments.
    fn json_array_function(&self) -> &'static str {
        "json_array"
    }

    /// How `enc` wraps a value written into a JSON document (SQLite's way).
    fn json_value_wrap(&self, enc: JsonEncoding) -> JsonWrap {
        match enc {
            JsonEncoding::Plain => JsonWrap::Plain,
            JsonEncoding::Text => JsonWrap::Around("cast(", " as text)"),
            // SQLite's hex(NULL) is '' (not NULL): keep NULL a JSON null.
            JsonEncoding::Hex => JsonWrap::NullSafe("hex(", ")"),
            // Subtypes do not survive a subquery: json() marks text as JSON again.
            JsonEncoding::Json => JsonWrap::Around("json(", ")"),
            JsonEncoding::JsonBlob => JsonWrap::Around("json(cast(", " as text))"),
        }
    }

    /// `expr` as it is to be written into a JSON document, per [`json_value_wrap`](Self::json_value_wrap).
    fn write_json_value(
        &self,
        w: &mut SqlWriter<'_>,
        expr: &Expr,
        enc: JsonEncoding,
    ) -> Result<(), Error> {
        let (before, after, null_safe) = match self.json_value_wrap(enc) {
            JsonWrap::Plain => return expr.write_operand(w),
            JsonWrap::Around(b, a) => (b, a, false),
            JsonWrap::NullSafe(b, a) => (b, a, true),
        };
        if null_safe {
            w.sql("case when ");
            expr.write_operand(w)?;
            w.sql(" is null then null else ");
        }
        w.sql(before);
        expr.to_sql(w)?;
        w.sql(after);
        if null_safe {
            w.sql(" end");
        }
        Ok(())
    }

    /// The JSON array of `expr` over the enclosing select's rows, `[]` for
    /// none. SQLite's `json_group_array` is not asked to order or limit: the
    /// planner orders and limits in a derived table instead.
    fn write_json_array_agg(
        &self,
        w: &mut SqlWriter<'_>,
        expr: &Expr,
        order_by: &[OrderBy],
        limit: Option<&Expr>,
        offset: Option<&Expr>,
    ) -> Result<(), Error> {
        if !order_by.is_empty() || limit.is_some() || offset.is_some() {
            return Err(Error::Invalid(
                "this dialect orders and limits JSON rows in a derived table".into(),
            ));
        }
        w.sql("json_group_array(");
        expr.to_sql(w)?;
        w.sql(")");
        Ok(())
    }

    /// A transaction-control statement; the common spelling works on all
    /// three dialects, so none overrides it today.
    fn write_transaction(&self, t: Transaction, w: &mut SqlWriter<'_>) -> Result<(), Error> {
        crate::render::transaction::write_common(t, w)
    }

    /// Written before a relational query (session settings it needs).
    fn write_relational_prefix(&self, w: &mut SqlWriter<'_>) {
        let _ = w;
    }

    /// An optimizer hint the planner writes right after a relational query's
    /// top-level SELECT keyword (where statement-level hints must stand).
    fn relational_hint(&self) -> Option<&'static str> {
        None
    }

    /// Whether relational queries attach nested rows through LATERAL joins
    /// (PostgreSQL) rather than correlated scalar subqueries.
    fn relations_through_lateral(&self) -> bool {
        false
    }

    /// Whether the JSON aggregate can order its rows itself (PostgreSQL,
    /// MySQL; SQLite only from 3.44, older than some hosts' SQLite).
    fn json_agg_orders_rows(&self) -> bool {
        false
    }

    /// Whether the JSON aggregate can limit its rows itself (MySQL, whose
    /// derived tables cannot see the outer query in MariaDB).
    fn json_agg_limits_rows(&self) -> bool {
        false
    }

    /// What to write before OFFSET when there is no LIMIT.
    fn limit_all(&self) -> &'static str {
        ""
    }

    /// `FOR UPDATE ...`.
    fn write_lock(&self, w: &mut SqlWriter<'_>, lock: &Lock) -> Result<(), Error>;

    /// `insert into` / `insert or ignore into` / `insert ignore into`.
    fn write_insert_keyword(&self, w: &mut SqlWriter<'_>, ignore: bool) -> Result<(), Error> {
        if ignore {
            w.require(Feature::InsertIgnore)?;
        }
        w.sql("insert into ");
        Ok(())
    }

    /// Whether VALUES rows accept the `DEFAULT` keyword.
    fn default_in_values(&self) -> bool {
        true
    }

    /// `rows` rows of defaults after `insert into t`; `upsert` when an ON
    /// CONFLICT clause follows.
    fn write_default_values(&self, w: &mut SqlWriter<'_>, rows: usize, _upsert: bool) {
        if rows == 1 {
            w.sql(" default values");
            return;
        }
        // DEFAULT VALUES is one row; without a column list `(default)` is the first column's.
        w.sql(" values (default)");
        for _ in 1..rows {
            w.sql(", (default)");
        }
    }

    /// `on conflict (target) do ...`.
    fn write_on_conflict(&self, w: &mut SqlWriter<'_>, oc: &OnConflict) -> Result<(), Error> {
        w.require(Feature::OnConflict)?;
        w.sql(" on conflict");
        if !oc.target.is_empty() {
            w.sql(" (");
            w.list(&oc.target, ", ", |w, c| w.ident(c))?;
            w.sql(")");
            if let Some(cond) = &oc.target_where {
                w.sql(" where ");
                cond.to_sql(w)?;
            }
        }
        match &oc.action {
            OnConflictAction::DoNothing => w.sql(" do nothing"),
            OnConflictAction::DoUpdate { set, where_ } => {
                w.sql(" do update set ");
                write_assignments(w, set)?;
                if let Some(cond) = where_ {
                    w.sql(" where ");
                    cond.to_sql(w)?;
                }
            }
        }
        Ok(())
    }

    /// `on duplicate key update ...` (MySQL).
    fn write_on_duplicate_key_update(
        &self,
        w: &mut SqlWriter<'_>,
        set: &[Assignment],
    ) -> Result<(), Error> {
        w.require(Feature::OnDuplicateKeyUpdate)?;
        w.sql(" on duplicate key update ");
        write_assignments(w, set)
    }

    /// Whether a `kind` join may go without ON (drizzle's `on: undefined`,
    /// every row paired); where not, the renderer writes `on true`.
    fn join_without_on(&self, kind: JoinKind) -> bool {
        let _ = kind;
        false
    }

    /// The source of an `INSERT ... SELECT` (a query, or raw SQL).
    fn write_insert_select(
        &self,
        w: &mut SqlWriter<'_>,
        query: &dyn ToSql,
        upsert: bool,
    ) -> Result<(), Error> {
        let _ = upsert;
        query.to_sql(w)
    }

    /// The WHERE / ORDER BY / LIMIT tail of an UPDATE or DELETE of `table`
    /// that has an ORDER BY or LIMIT; `native` writes it as the dialect's own
    /// clauses (SQLite overrides this: it picks the rows by rowid).
    fn write_dml_order_limit(
        &self,
        w: &mut SqlWriter<'_>,
        table: &TableRef,
        has_from: bool,
        native: &mut dyn FnMut(&mut SqlWriter<'_>) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let _ = (table, has_from);
        native(w)
    }

    /// A set-operation operand that is not a plain SELECT: `(...)` (SQLite,
    /// which forbids parenthesised compound members, overrides it).
    fn write_set_operand(
        &self,
        w: &mut SqlWriter<'_>,
        inner: &mut dyn FnMut(&mut SqlWriter<'_>) -> Result<(), Error>,
    ) -> Result<(), Error> {
        w.sql("(");
        inner(w)?;
        w.sql(")");
        Ok(())
    }

    /// A whole query in a set-operation body (MariaDB overrides it for a
    /// query starting with WITH, which it refuses in parentheses).
    fn write_query_operand(&self, w: &mut SqlWriter<'_>, query: &Query) -> Result<(), Error> {
        self.write_set_operand(w, &mut |w| query.to_sql(w))
    }

    /// The auto-numbering words after a column's type, if any.
    fn write_auto_increment(
        &self,
        w: &mut SqlWriter<'_>,
        col: &crate::schema::Column,
    ) -> Result<(), Error>;

    /// A `CREATE TYPE ... AS ENUM` statement.
    fn write_create_enum(
        &self,
        w: &mut SqlWriter<'_>,
        e: &crate::schema::EnumType,
    ) -> Result<(), Error> {
        let _ = e;
        Err(Error::Unsupported {
            feature: Feature::EnumType,
            dialect: w.dialect().kind(),
        })
    }

    /// `create index "name" on "schema"."table"`: the name and target of an index.
    fn write_index_target(
        &self,
        w: &mut SqlWriter<'_>,
        name: &str,
        table: &crate::ast::TableRef,
    ) -> Result<(), Error> {
        w.ident(name)?;
        w.sql(" on ");
        w.qualified(table.schema.as_deref(), &table.name)
    }

    /// Whether `using method` follows the column list (MySQL) rather than the table name.
    fn index_method_after_columns(&self) -> bool {
        false
    }

    /// `using method` in CREATE INDEX.
    fn write_index_method(&self, w: &mut SqlWriter<'_>, method: &str) -> Result<(), Error> {
        w.require(Feature::IndexMethod)?;
        crate::render::names::check_function_name(method)?;
        w.sql(" using ");
        w.sql(method);
        Ok(())
    }

    /// The index hints after a FROM or JOIN table and its alias (never
    /// empty). Only MySQL has them; the others list `Feature::IndexHints`
    /// in `lacks()`, and this default refuses them for any dialect that
    /// does not write them.
    fn write_index_hints(&self, w: &mut SqlWriter<'_>, hints: &[IndexHint]) -> Result<(), Error> {
        let _ = hints;
        Err(Error::Unsupported {
            feature: Feature::IndexHints,
            dialect: w.dialect().kind(),
        })
    }
}

/// `"a" = expr, "b" = expr`.
pub(crate) fn write_assignments(w: &mut SqlWriter<'_>, set: &[Assignment]) -> Result<(), Error> {
    if set.is_empty() {
        return Err(Error::Invalid("SET needs at least one column".into()));
    }
    w.list(set, ", ", |w, a| {
        w.ident(&a.column)?;
        w.sql(" = ");
        a.value.to_sql(w)
    })
}

/// `name` or `name(n)`.
#[cfg(any(feature = "dialect-postgres", feature = "dialect-mysql"))]
pub(crate) fn sized(w: &mut SqlWriter<'_>, name: &str, n: Option<u32>) {
    w.sql(name);
    if let Some(n) = n {
        let mut s = String::new();
        let _ = write!(s, "({n})");
        w.sql(&s);
    }
}

/// `numeric(p, s)` / `decimal(p, s)`.
#[cfg(any(feature = "dialect-postgres", feature = "dialect-mysql"))]
pub(crate) fn write_numeric(
    w: &mut SqlWriter<'_>,
    name: &str,
    precision: Option<u32>,
    scale: Option<u32>,
) {
    w.sql(name);
    let mut s = String::new();
    match (precision, scale) {
        (Some(p), Some(sc)) => {
            let _ = write!(s, "({p}, {sc})");
        }
        (Some(p), None) => {
            let _ = write!(s, "({p})");
        }
        _ => {}
    }
    w.sql(&s);
}
