//! SELECT queries, set operations, CTEs and their parts.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use super::delete::Delete;
use super::expr::Expr;
use super::insert::Insert;
use super::update::Update;

/// A table, optionally schema-qualified and aliased.
///
/// ```
/// use mizzle_core::ast::TableRef;
/// let t = TableRef::new("users").alias("u");
/// assert_eq!(t.alias.as_deref(), Some("u"));
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TableRef {
    /// Schema (PostgreSQL schema, MySQL database, SQLite attached database).
    pub schema: Option<String>,
    /// Table, view or CTE name.
    pub name: String,
    /// Alias in this query.
    pub alias: Option<String>,
}

impl TableRef {
    /// An unqualified, unaliased table.
    pub fn new(name: &str) -> Self {
        TableRef {
            schema: None,
            name: name.into(),
            alias: None,
        }
    }
    /// The same table under `alias`.
    pub fn alias(mut self, alias: &str) -> Self {
        self.alias = Some(alias.into());
        self
    }
    /// The same table in `schema`.
    pub fn in_schema(mut self, schema: &str) -> Self {
        self.schema = Some(schema.into());
        self
    }
}

/// What a query reads from.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum FromItem {
    /// A table, view or CTE.
    Table(TableRef),
    /// A derived table `(query) AS alias`.
    Subquery { query: Box<Query>, alias: String },
    /// A table with index hints (`t as a use index (i)`, MySQL only: other
    /// dialects are `Unsupported` when `hints` is not empty). A variant of
    /// its own rather than a field of [`TableRef`], which also names INSERT,
    /// UPDATE, DELETE and DDL targets, where hints have no place.
    IndexHinted {
        table: TableRef,
        hints: Vec<IndexHint>,
    },
}

/// Which index hint: `use index`, `force index` or `ignore index`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum IndexHintKind {
    /// The optimizer may use only these indexes (none, when the list is empty).
    Use,
    /// As `Use`, and a table scan counts as very expensive.
    Force,
    /// The optimizer must not use these indexes.
    Ignore,
}

/// One index hint of a FROM or JOIN table, written in order after the
/// table's alias.
///
/// ```
/// use mizzle_core::ast::{FromItem, IndexHint, IndexHintKind, TableRef};
/// let from = FromItem::IndexHinted {
///     table: TableRef::new("posts"),
///     hints: vec![IndexHint::new(IndexHintKind::Force, &["posts_author_idx"])],
/// };
/// # let _ = from;
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct IndexHint {
    pub kind: IndexHintKind,
    /// Index names; only `Use` may have none.
    pub indexes: Vec<String>,
}

impl IndexHint {
    /// A hint of `kind` naming `indexes`.
    pub fn new(kind: IndexHintKind, indexes: &[&str]) -> Self {
        IndexHint {
            kind,
            indexes: indexes.iter().map(|&i| i.into()).collect(),
        }
    }
}

/// Join kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum JoinKind {
    Inner,
    Left,
    Right,
    Full,
    Cross,
}

/// One join: `kind [LATERAL] target [ON on]`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Join {
    pub kind: JoinKind,
    /// A LATERAL subquery (PostgreSQL).
    pub lateral: bool,
    pub target: FromItem,
    /// Required for inner/left/right/full joins; must be absent for cross joins.
    pub on: Option<Expr>,
}

/// A projected expression with an optional alias, or `*` / `t.*`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum SelectItem {
    Expr {
        expr: Expr,
        alias: Option<String>,
    },
    /// `*`, or `table.*` when qualified.
    Star(Option<String>),
}

impl SelectItem {
    /// `expr AS alias`.
    pub fn aliased(expr: Expr, alias: &str) -> Self {
        SelectItem::Expr {
            expr,
            alias: Some(alias.into()),
        }
    }
}

impl From<Expr> for SelectItem {
    fn from(expr: Expr) -> Self {
        SelectItem::Expr { expr, alias: None }
    }
}

/// DISTINCT handling.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Distinct {
    #[default]
    All,
    Distinct,
    /// `DISTINCT ON (exprs)` (PostgreSQL).
    On(Vec<Expr>),
}

/// One SELECT block, without ORDER BY / LIMIT (those live on [`Query`]).
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Select {
    pub distinct: Distinct,
    pub columns: Vec<SelectItem>,
    pub from: Option<FromItem>,
    pub joins: Vec<Join>,
    pub where_: Option<Expr>,
    pub group_by: Vec<Expr>,
    pub having: Option<Expr>,
}

/// Placement of NULLs in an ordering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum NullsOrder {
    First,
    Last,
}

/// One ORDER BY term.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct OrderBy {
    pub expr: Expr,
    pub desc: bool,
    pub nulls: Option<NullsOrder>,
    /// Write the term without ASC/DESC: a raw SQL term that carries its own.
    pub bare: bool,
}

impl OrderBy {
    /// Ascending.
    pub fn asc(expr: Expr) -> Self {
        OrderBy {
            expr,
            desc: false,
            nulls: None,
            bare: false,
        }
    }
    /// A term written as is, direction included (raw SQL such as `x desc nulls last`).
    pub fn bare(expr: Expr) -> Self {
        OrderBy {
            expr,
            desc: false,
            nulls: None,
            bare: true,
        }
    }
    /// Descending.
    pub fn desc(expr: Expr) -> Self {
        OrderBy {
            expr,
            desc: true,
            nulls: None,
            bare: false,
        }
    }
}

/// Set operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum SetOp {
    Union,
    Intersect,
    Except,
}

/// The body of a query: a SELECT, a set operation, or a nested query that
/// carries its own ORDER BY / LIMIT.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum SetExpr {
    Select(Box<Select>),
    SetOp {
        op: SetOp,
        all: bool,
        left: Box<SetExpr>,
        right: Box<SetExpr>,
    },
    Query(Box<Query>),
}

/// A common table expression.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Cte {
    pub name: String,
    /// Optional column names `name(a, b)`.
    pub columns: Vec<String>,
    pub body: CteBody,
}

impl Cte {
    /// `name as (query)`.
    pub fn query(name: &str, query: Query) -> Self {
        Cte {
            name: name.into(),
            columns: Vec::new(),
            body: CteBody::Query(Box::new(query)),
        }
    }
}

/// What a CTE holds. A data-changing statement there (PostgreSQL's
/// data-modifying CTEs, read through its RETURNING) is `Feature::DmlInCte`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum CteBody {
    Query(Box<Query>),
    Insert(Box<Insert>),
    Update(Box<Update>),
    Delete(Box<Delete>),
    /// Raw SQL (drizzle's `$with(name, fields).as(sql\`...\`)`).
    Sql(Expr),
}

/// `WITH [RECURSIVE] ctes`.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct With {
    pub recursive: bool,
    pub ctes: Vec<Cte>,
}

/// Row-lock strength.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum LockStrength {
    Update,
    NoKeyUpdate,
    Share,
    KeyShare,
}

/// What a locking read does when a row is locked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum LockWait {
    #[default]
    Wait,
    NoWait,
    SkipLocked,
}

/// `FOR UPDATE | FOR SHARE ... [OF tables] [NOWAIT | SKIP LOCKED]`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Lock {
    pub strength: LockStrength,
    pub of: Vec<String>,
    pub wait: LockWait,
}

/// A complete query.
///
/// ```
/// use mizzle_core::ast::{Expr, Query, Select, SelectItem, FromItem, TableRef};
/// let q = Query::select(Select {
///     columns: vec![SelectItem::from(Expr::col("users", "id"))],
///     from: Some(FromItem::Table(TableRef::new("users"))),
///     ..Default::default()
/// })
/// .limit(10);
/// assert!(q.limit.is_some());
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Query {
    pub with: Option<With>,
    pub body: SetExpr,
    pub order_by: Vec<OrderBy>,
    pub limit: Option<Expr>,
    pub offset: Option<Expr>,
    pub lock: Option<Lock>,
}

impl Query {
    /// A query of one SELECT block.
    pub fn select(select: Select) -> Self {
        Query::from_body(SetExpr::Select(Box::new(select)))
    }
    /// A query of any body.
    pub fn from_body(body: SetExpr) -> Self {
        Query {
            with: None,
            body,
            order_by: Vec::new(),
            limit: None,
            offset: None,
            lock: None,
        }
    }
    /// Sets the LIMIT to a bound value.
    pub fn limit(mut self, n: i64) -> Self {
        self.limit = Some(Expr::val(n));
        self
    }
    /// Sets the OFFSET to a bound value.
    pub fn offset(mut self, n: i64) -> Self {
        self.offset = Some(Expr::val(n));
        self
    }
    /// Appends ORDER BY terms.
    pub fn order_by(mut self, terms: Vec<OrderBy>) -> Self {
        self.order_by.extend(terms);
        self
    }
    /// Combines `self op right` (`all` keeps duplicates).
    pub fn set_op(self, op: SetOp, all: bool, right: Query) -> Self {
        Query::from_body(SetExpr::SetOp {
            op,
            all,
            left: Box::new(self.into_set_expr()),
            right: Box::new(right.into_set_expr()),
        })
    }
    /// The query as a set-operation operand: bare when it has no clauses of its own.
    pub fn into_set_expr(self) -> SetExpr {
        if self.with.is_none()
            && self.order_by.is_empty()
            && self.limit.is_none()
            && self.offset.is_none()
            && self.lock.is_none()
        {
            self.body
        } else {
            SetExpr::Query(Box::new(self))
        }
    }
}
