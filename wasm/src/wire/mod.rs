//! The wire spec: every number that crosses between the JS package and this
//! crate, declared once. The reader (`crate::read`) matches on these enums,
//! the buffers use [`ValueTag`], and `typescript.rs` generates
//! `npm-package/src/engine/wire.generated.ts` from the same tables (a test
//! fails when the committed file differs). The grammar that strings these
//! tags together is in README.md ("Opcodes"); to add a node, see README.md
//! ("Adding an expression").

use mizzle_core::tag_enum;
use mizzle_core::DialectKind;

#[cfg(test)]
pub(crate) mod sample;
#[cfg(test)]
mod typescript;

/// "Absent" wherever an optional string id or size is expected.
pub(crate) const NONE: i32 = -1;

/// How deep a shape's expressions and nested queries may go: the reader's
/// nesting guard, and the JS encoder's, which refuses the same shapes before
/// its own recursion could overflow the JS stack.
pub(crate) const MAX_DEPTH: u32 = 200;

tag_enum! {
    /// `statement :=`: what a whole opcode stream describes.
    pub enum Stmt: i32 {
        Query = 1,
        Insert = 2,
        Update = 3,
        Delete = 4,
        /// A raw SQL statement (one expression).
        Sql = 5,
        /// Planned by mizzle_core::relational, then rendered.
        Relational = 6,
        /// `txn depth`: transaction control (see `Txn`).
        Transaction = 7,
    }
}

tag_enum! {
    /// Transaction-control statements; savepoints are named by `depth`.
    pub enum Txn: i32 {
        Begin = 1,
        Commit = 2,
        Rollback = 3,
        Savepoint = 4,
        Release = 5,
        RollbackTo = 6,
    }
}

tag_enum! {
    /// `setexpr :=`: the body of a query.
    pub enum SetExpr: i32 {
        Select = 1,
        /// `op all:flag setexpr setexpr`
        SetOp = 2,
        /// A parenthesised query.
        Query = 3,
    }
}

tag_enum! {
    /// Set operators.
    pub enum SetOp: i32 {
        Union = 1,
        Intersect = 2,
        Except = 3,
    }
}

tag_enum! {
    /// `distinct(...)` of a select.
    pub enum Distinct: i32 {
        All = 0,
        /// Plain `distinct`.
        Rows = 1,
        /// `n expr*` follow.
        On = 2,
    }
}

tag_enum! {
    /// `item :=`: one select or RETURNING item.
    pub enum Item: i32 {
        /// `expr alias:s|-1 codec`
        Expr = 1,
        /// `table:s|-1`: `*` or `t.*`.
        Star = 2,
    }
}

tag_enum! {
    /// `from :=` / `fromitem :=`.
    pub enum From: i32 {
        /// No FROM (only where a select's FROM is optional).
        None = 0,
        /// `schema:s|-1 name:s alias:s|-1`
        Table = 1,
        /// `query alias:s`
        Subquery = 2,
        /// `schema:s|-1 name:s alias:s|-1 n_use index:s* n_force index:s* n_ignore index:s*`:
        /// a table with MySQL index hints, written use, force, ignore; an empty list writes no hint.
        IndexHinted = 3,
    }
}

tag_enum! {
    /// Join kinds.
    pub enum Join: i32 {
        Inner = 1,
        Left = 2,
        Right = 3,
        Full = 4,
        Cross = 5,
    }
}

tag_enum! {
    /// Direction of an ORDER BY term.
    pub enum Order: i32 {
        Asc = 0,
        Desc = 1,
        /// As written: a raw term carrying its own direction.
        AsWritten = 2,
    }
}

tag_enum! {
    /// NULLS FIRST / LAST of an ORDER BY term.
    pub enum Nulls: i32 {
        Default = 0,
        First = 1,
        Last = 2,
    }
}

tag_enum! {
    /// `lock :=`: the strength of a row lock, or none.
    pub enum Lock: i32 {
        None = 0,
        Update = 1,
        NoKeyUpdate = 2,
        Share = 3,
        KeyShare = 4,
    }
}

tag_enum! {
    /// What a row lock does when a row is taken.
    pub enum LockWait: i32 {
        Wait = 0,
        NoWait = 1,
        SkipLocked = 2,
    }
}

tag_enum! {
    /// `expr :=`: expression nodes.
    pub enum Expr: i32 {
        /// `table:s|-1 name:s`
        Column = 1,
        /// `slot`: a value kept in JS.
        Slot = 2,
        /// `name:s`: a named placeholder.
        Placeholder = 3,
        /// `n_part part*` (see `RawPart`).
        Raw = 4,
        /// `op expr expr` (see `BinaryOp`).
        Binary = 5,
        /// `n expr*`
        And = 6,
        /// `n expr*`
        Or = 7,
        /// `expr`
        Not = 8,
        /// `expr`
        Neg = 9,
        /// `negated:flag ci:flag expr expr`: like / ilike.
        Like = 10,
        /// `negated:flag expr n expr*`
        InList = 11,
        /// `negated:flag expr query`
        InQuery = 12,
        /// `negated:flag expr expr expr`
        Between = 13,
        /// `negated:flag expr`
        IsNull = 14,
        /// `negated:flag query`
        Exists = 15,
        /// `query`: a scalar subquery.
        Subquery = 16,
        /// `type expr`
        Cast = 17,
        /// `name:s n expr*`
        Function = 18,
        /// `fn distinct:flag [flag expr]` (see `Aggregate`).
        Aggregate = 19,
        /// `column:s`: `excluded.column` in an upsert.
        Excluded = 20,
        /// `n (expr expr)* [flag expr(else)]`
        Case = 21,
    }
}

tag_enum! {
    /// `part :=` of a raw SQL fragment.
    pub enum RawPart: i32 {
        /// `sql:s`: SQL text.
        Sql = 1,
        /// `slot`: a value.
        Slot = 2,
        /// `expr`
        Expr = 3,
        /// `ident:s`: a quoted identifier.
        Ident = 4,
    }
}

tag_enum! {
    /// Binary operators.
    pub enum BinaryOp: i32 {
        Eq = 1,
        Ne = 2,
        Lt = 3,
        Le = 4,
        Gt = 5,
        Ge = 6,
        Add = 7,
        Sub = 8,
        Mul = 9,
        Div = 10,
        Mod = 11,
        Concat = 12,
        /// `@>` (PostgreSQL arrays)
        ArrayContains = 13,
        /// `<@`
        ArrayContained = 14,
        /// `&&`
        ArrayOverlaps = 15,
    }
}

tag_enum! {
    /// Aggregate functions.
    pub enum Aggregate: i32 {
        Count = 1,
        Sum = 2,
        Avg = 3,
        Min = 4,
        Max = 5,
    }
}

tag_enum! {
    /// `type :=` of a cast.
    pub enum Type: i32 {
        TinyInt = 1,
        SmallInt = 2,
        Integer = 3,
        BigInt = 4,
        Real = 5,
        Double = 6,
        /// `precision|-1 scale|-1`
        Numeric = 7,
        Boolean = 8,
        Text = 9,
        /// `length|-1`
        Varchar = 10,
        /// `length|-1`
        Char = 11,
        Blob = 12,
        Json = 13,
        Jsonb = 14,
        Date = 15,
        /// `precision|-1 tz:flag`
        Timestamp = 16,
        /// `name:s`
        Custom = 17,
    }
}

tag_enum! {
    /// `source :=` of an insert.
    pub enum InsertSource: i32 {
        /// `n_row (cell*n_col)*`
        Values = 1,
        /// `query`
        Query = 2,
        /// `default values`
        DefaultValues = 3,
        /// `expr`: raw SQL rows (``insert(t).select(sql`...`)``)
        Sql = 4,
    }
}

tag_enum! {
    /// `cell :=` of an inserted row.
    pub enum InsertCell: i32 {
        /// The column's default.
        Default = 0,
        /// `expr`
        Expr = 1,
    }
}

tag_enum! {
    /// `onconflict :=` of an insert.
    pub enum Conflict: i32 {
        None = 0,
        /// `n_target col:s* [flag expr(target where)] action`
        On = 1,
    }
}

tag_enum! {
    /// `action :=` of an ON CONFLICT clause.
    pub enum ConflictAction: i32 {
        DoNothing = 1,
        /// `n_set (col:s expr)* [flag expr(where)]`
        DoUpdate = 2,
    }
}

tag_enum! {
    /// How many rows a relation of a relational query holds.
    pub enum Relation: i32 {
        One = 1,
        Many = 2,
    }
}

tag_enum! {
    /// Dialect ids of `compile` and `interpolate`: `mysql` is MySQL 8
    /// (PlanetScale), `mariadb` the same dialect in its MariaDB flavour.
    pub enum Dialect: u8 {
        Sqlite = 0,
        Postgres = 1,
        Mysql = 2,
        Mariadb = 3,
    }
}

impl Dialect {
    /// The core dialect kind this id names (both MySQL flavours are `MySql`).
    pub(crate) fn kind(self) -> DialectKind {
        match self {
            Dialect::Sqlite => DialectKind::Sqlite,
            Dialect::Postgres => DialectKind::Postgres,
            Dialect::Mysql | Dialect::Mariadb => DialectKind::MySql,
        }
    }

    /// The renderer this id names: the kind's, or MariaDB's flavour of MySQL.
    pub(crate) fn renderer(
        self,
    ) -> Result<&'static dyn mizzle_core::dialect::Dialect, mizzle_core::Error> {
        match self {
            #[cfg(feature = "dialect-mysql")]
            Dialect::Mariadb => Ok(&mizzle_core::dialect::MySql::MARIADB),
            other => other.kind().try_dialect(),
        }
    }
}

tag_enum! {
    /// Value tags of the three value buffers: the rows buffer (wasm -> JS),
    /// the embedded database's params and `interpolate`'s values (JS ->
    /// wasm). A tag means one thing with one payload everywhere; each buffer
    /// accepts the subset its README section lists.
    pub enum ValueTag: u8 {
        /// No payload.
        Null = 0,
        /// f64 holding an integer that a JS number holds exactly.
        Number = 1,
        /// f64.
        Float = 2,
        /// u32 byte length + UTF-8.
        Text = 3,
        /// u32 length + bytes.
        Blob = 4,
        /// i64: an integer beyond 2^53, or a JS bigint.
        BigInt = 5,
        /// One byte, 0 or 1.
        Bool = 6,
        /// f64 milliseconds since the epoch.
        Date = 7,
        /// u32 length + ASCII `-?digits[.digits][e[+-]digits]`: a number the host wrote as text.
        Decimal = 8,
    }
}
