//! A column's description and its typed handle.

use core::marker::PhantomData;

use super::Kind;

/// One column as declared (the derive writes these as constants).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnInfo {
    /// Its SQL name.
    pub name: &'static str,
    /// The struct field it fills (the key rows are decoded by).
    pub field: &'static str,
    pub kind: Kind,
    pub nullable: bool,
    pub primary_key: bool,
    pub auto_increment: bool,
    /// The database gives it a default (`#[mizzle(default)]`): an absent value is left to it.
    pub has_default: bool,
}

/// A column of a table read by a query whose tables are `S`, holding values of type `V`.
///
/// Only the query's own closures are given handles for its scope, so a column of another table does not
/// type-check; comparisons take values convertible to `V` only.
pub struct Col<S, V> {
    /// The name the query reads the table under (its alias, or its name).
    pub(crate) table: &'static str,
    pub(crate) info: &'static ColumnInfo,
    scope: PhantomData<fn() -> (S, V)>,
}

impl<S, V> Col<S, V> {
    #[doc(hidden)]
    pub const fn new(table: &'static str, info: &'static ColumnInfo) -> Self {
        Col {
            table,
            info,
            scope: PhantomData,
        }
    }

    /// The column's declaration.
    pub fn info(&self) -> &'static ColumnInfo {
        self.info
    }
}

// Not derived: a derive would demand `S: Copy` and `V: Copy`.
impl<S, V> Clone for Col<S, V> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<S, V> Copy for Col<S, V> {}

impl<S, V> core::fmt::Debug for Col<S, V> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}.{}", self.table, self.info.name)
    }
}
