//! Scalar expressions.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use super::json::JsonEncoding;
use super::query::{OrderBy, Query};
use crate::schema::SqlType;
use crate::value::Value;

/// A column, optionally qualified by a table name or alias.
///
/// ```
/// use mizzle_core::ast::ColumnRef;
/// let c = ColumnRef::new(Some("users"), "id");
/// assert_eq!(c.name, "id");
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ColumnRef {
    /// Table name or alias that qualifies the column.
    pub table: Option<String>,
    /// Column name.
    pub name: String,
}

impl ColumnRef {
    /// A column reference, qualified when `table` is given.
    pub fn new(table: Option<&str>, name: &str) -> Self {
        ColumnRef {
            table: table.map(String::from),
            name: name.into(),
        }
    }
}

/// Binary operators: comparison, arithmetic and string concatenation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum BinaryOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    /// String concatenation (`||`, or `CONCAT()` on MySQL).
    Concat,
    /// PostgreSQL arrays: the left array holds every element of the right (`@>`).
    ArrayContains,
    /// PostgreSQL arrays: every element of the left is in the right (`<@`).
    ArrayContained,
    /// PostgreSQL arrays: the two share an element (`&&`).
    ArrayOverlaps,
}

/// Aggregate functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum AggregateFn {
    Count,
    Sum,
    Avg,
    Min,
    Max,
}

/// A piece of a raw SQL fragment (drizzle's `sql` template).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum RawPart {
    /// SQL text copied verbatim: the caller vouches for it.
    Sql(String),
    /// A value, bound as a parameter.
    Value(Value),
    /// A nested expression.
    Expr(Expr),
    /// An identifier, quoted by the dialect.
    Ident(String),
}

/// A scalar expression.
///
/// ```
/// use mizzle_core::ast::Expr;
/// let e = Expr::col("users", "age").gt(Expr::val(18)).and(Expr::col("users", "name").is_not_null());
/// assert!(matches!(e, Expr::And(_)));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Expr {
    /// A column.
    Column(ColumnRef),
    /// A bound value.
    Value(Value),
    /// A named placeholder for prepared statements.
    Placeholder(String),
    /// A value the host supplies at execution, by its index in the host's
    /// value list (the wasm boundary keeps values in JS and sends only slots).
    Slot(u32),
    /// Raw SQL with embedded values and expressions.
    Raw(Vec<RawPart>),
    /// `left op right`.
    Binary {
        op: BinaryOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    /// Conjunction; an empty list is TRUE.
    And(Vec<Expr>),
    /// Disjunction; an empty list is FALSE.
    Or(Vec<Expr>),
    /// `NOT expr`.
    Not(Box<Expr>),
    /// Arithmetic negation.
    Neg(Box<Expr>),
    /// `expr [NOT] LIKE pattern`; `case_insensitive` is ILIKE.
    Like {
        expr: Box<Expr>,
        pattern: Box<Expr>,
        negated: bool,
        case_insensitive: bool,
    },
    /// `expr [NOT] IN (list)`; an empty list is FALSE (TRUE when negated).
    InList {
        expr: Box<Expr>,
        list: Vec<Expr>,
        negated: bool,
    },
    /// `expr [NOT] IN (subquery)`.
    InQuery {
        expr: Box<Expr>,
        query: Box<Query>,
        negated: bool,
    },
    /// `expr [NOT] BETWEEN low AND high`.
    Between {
        expr: Box<Expr>,
        low: Box<Expr>,
        high: Box<Expr>,
        negated: bool,
    },
    /// `expr IS [NOT] NULL`.
    IsNull { expr: Box<Expr>, negated: bool },
    /// `[NOT] EXISTS (subquery)`.
    Exists { query: Box<Query>, negated: bool },
    /// A scalar subquery.
    Subquery(Box<Query>),
    /// `CAST(expr AS type)`.
    Cast { expr: Box<Expr>, ty: SqlType },
    /// A function call; the name must be a plain identifier.
    Function { name: String, args: Vec<Expr> },
    /// An aggregate; `arg: None` is `count(*)`.
    Aggregate {
        func: AggregateFn,
        arg: Option<Box<Expr>>,
        distinct: bool,
    },
    /// The proposed row's value in an upsert (`excluded.col`, `VALUES(col)` on MySQL).
    Excluded(String),
    /// `CASE WHEN .. THEN .. ELSE .. END`.
    Case {
        whens: Vec<(Expr, Expr)>,
        otherwise: Option<Box<Expr>>,
    },
    /// A JSON array of the items (`json_array`, `json_build_array`).
    JsonArray(Vec<Expr>),
    /// A value as it is to be written into a JSON document.
    JsonValue { expr: Box<Expr>, enc: JsonEncoding },
    /// The JSON array of `expr` over the rows of the enclosing select, `[]`
    /// when there are none. Only MySQL orders and limits inside the
    /// aggregate; elsewhere the rows come ordered and limited from a derived
    /// table, and `order_by`, `limit` and `offset` must be empty.
    JsonArrayAgg {
        expr: Box<Expr>,
        order_by: Vec<OrderBy>,
        limit: Option<Box<Expr>>,
        offset: Option<Box<Expr>>,
    },
}

impl Expr {
    /// A qualified column.
    pub fn col(table: &str, name: &str) -> Expr {
        Expr::Column(ColumnRef::new(Some(table), name))
    }
    /// An unqualified column.
    pub fn bare(name: &str) -> Expr {
        Expr::Column(ColumnRef::new(None, name))
    }
    /// A bound value.
    pub fn val(v: impl Into<Value>) -> Expr {
        Expr::Value(v.into())
    }
    /// Verbatim SQL.
    pub fn raw(sql: &str) -> Expr {
        Expr::Raw(vec![RawPart::Sql(sql.into())])
    }
    /// `expr` as written into a JSON document with `enc`.
    pub fn json_value(expr: Expr, enc: JsonEncoding) -> Expr {
        Expr::JsonValue {
            expr: Box::new(expr),
            enc,
        }
    }
    /// A function call.
    pub fn func(name: &str, args: Vec<Expr>) -> Expr {
        Expr::Function {
            name: name.into(),
            args,
        }
    }
    fn bin(self, op: BinaryOp, right: Expr) -> Expr {
        Expr::Binary {
            op,
            left: Box::new(self),
            right: Box::new(right),
        }
    }
    /// `self = right`
    pub fn eq(self, right: Expr) -> Expr {
        self.bin(BinaryOp::Eq, right)
    }
    /// `self <> right`
    pub fn ne(self, right: Expr) -> Expr {
        self.bin(BinaryOp::Ne, right)
    }
    /// `self < right`
    pub fn lt(self, right: Expr) -> Expr {
        self.bin(BinaryOp::Lt, right)
    }
    /// `self <= right`
    pub fn le(self, right: Expr) -> Expr {
        self.bin(BinaryOp::Le, right)
    }
    /// `self > right`
    pub fn gt(self, right: Expr) -> Expr {
        self.bin(BinaryOp::Gt, right)
    }
    /// `self >= right`
    pub fn ge(self, right: Expr) -> Expr {
        self.bin(BinaryOp::Ge, right)
    }
    /// String concatenation.
    pub fn concat(self, right: Expr) -> Expr {
        self.bin(BinaryOp::Concat, right)
    }
    /// `self AND right`, flattening nested conjunctions.
    pub fn and(self, right: Expr) -> Expr {
        match self {
            Expr::And(mut list) => {
                list.push(right);
                Expr::And(list)
            }
            left => Expr::And(vec![left, right]),
        }
    }
    /// `self OR right`, flattening nested disjunctions.
    pub fn or(self, right: Expr) -> Expr {
        match self {
            Expr::Or(mut list) => {
                list.push(right);
                Expr::Or(list)
            }
            left => Expr::Or(vec![left, right]),
        }
    }
    /// `self LIKE pattern`
    pub fn like(self, pattern: Expr) -> Expr {
        Expr::Like {
            expr: Box::new(self),
            pattern: Box::new(pattern),
            negated: false,
            case_insensitive: false,
        }
    }
    /// `self ILIKE pattern` (case-insensitive on every dialect).
    pub fn ilike(self, pattern: Expr) -> Expr {
        Expr::Like {
            expr: Box::new(self),
            pattern: Box::new(pattern),
            negated: false,
            case_insensitive: true,
        }
    }
    /// `self IN (list)`
    pub fn in_list(self, list: Vec<Expr>) -> Expr {
        Expr::InList {
            expr: Box::new(self),
            list,
            negated: false,
        }
    }
    /// `self NOT IN (list)`
    pub fn not_in_list(self, list: Vec<Expr>) -> Expr {
        Expr::InList {
            expr: Box::new(self),
            list,
            negated: true,
        }
    }
    /// `self BETWEEN low AND high`
    pub fn between(self, low: Expr, high: Expr) -> Expr {
        Expr::Between {
            expr: Box::new(self),
            low: Box::new(low),
            high: Box::new(high),
            negated: false,
        }
    }
    /// `self IS NULL`
    pub fn is_null(self) -> Expr {
        Expr::IsNull {
            expr: Box::new(self),
            negated: false,
        }
    }
    /// `self IS NOT NULL`
    pub fn is_not_null(self) -> Expr {
        Expr::IsNull {
            expr: Box::new(self),
            negated: true,
        }
    }
    /// `CAST(self AS ty)`
    pub fn cast(self, ty: SqlType) -> Expr {
        Expr::Cast {
            expr: Box::new(self),
            ty,
        }
    }
    /// `count(*)`
    pub fn count_star() -> Expr {
        Expr::Aggregate {
            func: AggregateFn::Count,
            arg: None,
            distinct: false,
        }
    }
    /// An aggregate over `self`.
    pub fn aggregate(self, func: AggregateFn, distinct: bool) -> Expr {
        Expr::Aggregate {
            func,
            arg: Some(Box::new(self)),
            distinct,
        }
    }
}

macro_rules! arithmetic {
    ($($trait:ident $method:ident $op:ident),*) => {$(
        /// Arithmetic on expressions builds the SQL operator node.
        impl core::ops::$trait for Expr {
            type Output = Expr;
            fn $method(self, right: Expr) -> Expr {
                self.bin(BinaryOp::$op, right)
            }
        }
    )*};
}
arithmetic!(Add add Add, Sub sub Sub, Mul mul Mul, Div div Div, Rem rem Mod);

/// `!expr` is SQL `NOT expr`.
impl core::ops::Not for Expr {
    type Output = Expr;
    fn not(self) -> Expr {
        Expr::Not(Box::new(self))
    }
}
