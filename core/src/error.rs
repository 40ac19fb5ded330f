//! The engine's typed errors: everything that can go wrong while rendering.

use alloc::string::String;
use core::fmt::{self, Write as _};

use crate::dialect::DialectKind;

/// A SQL construct that some dialect lacks; carried by [`Error::Unsupported`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum Feature {
    Returning,
    FullJoin,
    LateralJoin,
    DistinctOn,
    IntersectAll,
    ExceptAll,
    RowLocking,
    LockOfTables,
    LockWaitPolicy,
    OnConflict,
    OnConflictTarget,
    OnDuplicateKeyUpdate,
    InsertIgnore,
    UpdateFrom,
    UpdateOrderLimit,
    DeleteOrderLimit,
    IndexMethod,
    PartialIndex,
    MaterializedView,
    Schemas,
    EnumType,
    ArrayType,
    IdentityColumn,
    CastType,
    /// An index key that is an expression rather than a column.
    ExpressionIndex,
    /// `WITH` before UPDATE / DELETE (MySQL 8 has it, MariaDB does not).
    DmlWith,
    /// `WITH` before INSERT (MySQL puts the CTEs of INSERT ... SELECT in its SELECT).
    InsertWith,
    /// An INSERT / UPDATE / DELETE as a CTE's body (PostgreSQL only).
    DmlInCte,
    /// `use index` / `force index` / `ignore index` on a table (MySQL).
    IndexHints,
}

impl Feature {
    /// A short human name, used in error messages.
    pub fn name(self) -> &'static str {
        match self {
            Feature::Returning => "RETURNING",
            Feature::FullJoin => "FULL JOIN",
            Feature::LateralJoin => "LATERAL join",
            Feature::DistinctOn => "DISTINCT ON",
            Feature::IntersectAll => "INTERSECT ALL",
            Feature::ExceptAll => "EXCEPT ALL",
            Feature::RowLocking => "row locking (FOR UPDATE / FOR SHARE)",
            Feature::LockOfTables => "FOR UPDATE OF <tables>",
            Feature::LockWaitPolicy => "NOWAIT / SKIP LOCKED with FOR SHARE",
            Feature::OnConflict => "ON CONFLICT",
            Feature::OnConflictTarget => "an ON CONFLICT target",
            Feature::OnDuplicateKeyUpdate => "ON DUPLICATE KEY UPDATE",
            Feature::InsertIgnore => "INSERT IGNORE",
            Feature::UpdateFrom => "UPDATE ... FROM",
            Feature::UpdateOrderLimit => "UPDATE ... ORDER BY / LIMIT",
            Feature::DeleteOrderLimit => "DELETE ... ORDER BY / LIMIT",
            Feature::IndexMethod => "index methods (USING ...)",
            Feature::PartialIndex => "partial indexes (WHERE ...)",
            Feature::MaterializedView => "materialized views",
            Feature::Schemas => "CREATE SCHEMA",
            Feature::EnumType => "named enum types",
            Feature::ArrayType => "array columns",
            Feature::IdentityColumn => "identity columns",
            Feature::CastType => "this CAST target type",
            Feature::ExpressionIndex => "expression (functional) index keys",
            Feature::DmlWith => "WITH before UPDATE / DELETE (MariaDB; MySQL 8 has it)",
            Feature::InsertWith => "WITH before INSERT (other than INSERT ... WITH ... SELECT)",
            Feature::DmlInCte => "INSERT / UPDATE / DELETE inside WITH",
            Feature::IndexHints => "index hints (USE / FORCE / IGNORE INDEX)",
        }
    }
}

/// Why a statement could not be rendered. Rendering never panics: every
/// problem with the input is one of these.
///
/// ```
/// use mizzle_core::{Error, Feature, DialectKind};
/// let e = Error::Unsupported { feature: Feature::FullJoin, dialect: DialectKind::MySql };
/// assert_eq!(e.to_string(), "FULL JOIN is not supported by mysql");
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum Error {
    /// The dialect has no way to express this construct.
    Unsupported {
        feature: Feature,
        dialect: DialectKind,
    },
    /// The AST is malformed (for example an INSERT row of the wrong width).
    Invalid(String),
    /// A function or type name that is not a plain identifier (a guard against injection).
    BadName(String),
    /// The AST nests deeper than the renderer allows.
    TooDeep,
    /// A named placeholder had no value at execution time.
    MissingPlaceholder(String),
    /// This build of the engine leaves the dialect out (cargo features `dialect-*`).
    NotBuilt(DialectKind),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Unsupported { feature, dialect } => {
                write!(
                    f,
                    "{} is not supported by {}",
                    feature.name(),
                    dialect.name()
                )
            }
            Error::Invalid(msg) => write!(f, "invalid query: {msg}"),
            Error::BadName(name) => {
                f.write_str("not a valid SQL name: ")?;
                quoted(f, name)
            }
            Error::TooDeep => f.write_str("query nests too deeply"),
            Error::NotBuilt(d) => write!(
                f,
                "this build of the mizzle engine does not include the {} dialect",
                d.name()
            ),
            Error::MissingPlaceholder(name) => {
                f.write_str("no value for placeholder ")?;
                quoted(f, name)
            }
        }
    }
}

/// `"name"`, with quotes, backslashes and control characters escaped: what
/// `{:?}` shows, without pulling core's Unicode tables into the wasm.
fn quoted(f: &mut fmt::Formatter<'_>, s: &str) -> fmt::Result {
    f.write_str("\"")?;
    for c in s.chars() {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            c if c.is_control() => write!(f, "\\u{{{:x}}}", c as u32)?,
            c => f.write_char(c)?,
        }
    }
    f.write_str("\"")
}

#[cfg(feature = "std")]
extern crate std;
#[cfg(feature = "std")]
impl std::error::Error for Error {}
