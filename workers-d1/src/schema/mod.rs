//! Tables declared in Rust: what `#[derive(Table)]` (crate `mizzle-workers-macros`) implements, and the
//! typed column handles queries are written with.
//!
//! A table is a struct; each field is a column whose Rust type picks its [`Kind`] (how it is bound,
//! selected and decoded). Column handles carry the query's scope `S` as a type, so a column of a table
//! the query does not read is a compile-time error, and their value type `V`, so comparing with a value
//! of another type is one too.

mod column;
mod kind;

pub use column::{Col, ColumnInfo};
pub use kind::{default_value, value_of, DefaultValue, Kind, SqlField};

use mizzle_core::Value;

/// A table: its SQL name, its columns in declaration order, and its typed column handles.
///
/// Implemented by `#[derive(Table)]`:
///
/// ```ignore
/// #[derive(Table, serde::Deserialize)]
/// #[mizzle(table = "users")]
/// struct User {
///     #[mizzle(primary_key, auto_increment)]
///     id: i64,
///     name: String,
///     #[mizzle(column = "is_admin", default)]
///     admin: bool,
/// }
/// ```
pub trait Table: Sized + 'static {
    /// The table's SQL name.
    const NAME: &'static str;
    /// Every column, in field order.
    const COLUMNS: &'static [ColumnInfo];
    /// The typed column handles for a query whose tables are `S` (a struct with one [`Col`] per field,
    /// named like the fields).
    type Columns<S>;
    /// The handles, reading the table under `alias` (its name when not aliased).
    #[doc(hidden)]
    fn columns_in<S>(alias: &'static str) -> Self::Columns<S>;
    /// This row's values, one per column of [`Table::COLUMNS`], in that order. `None` is a column left to
    /// its default (an `Option` field that is `None` on a column with a default or auto-increment); an
    /// absent field with `default_fn` takes the function's value (an error if it failed).
    fn values(&self) -> Result<Vec<Option<Value>>, crate::Error>;
}
