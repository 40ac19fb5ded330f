//! The tables a query reads, as a type: one table `T`, or a tuple after joins. A scope hands out the
//! column handles of its tables, all typed for that scope.

use crate::schema::Table;

/// The tables of a query.
pub trait Scope: 'static {
    /// The column handles: `T::Columns<Self>`, or a tuple of them.
    type Handles;
    /// The handles, each table read under `aliases[i]`.
    fn handles(aliases: &[&'static str]) -> Self::Handles;
}

impl<T: Table> Scope for T {
    type Handles = T::Columns<T>;
    fn handles(aliases: &[&'static str]) -> Self::Handles {
        T::columns_in(aliases[0])
    }
}

impl<A: Table, B: Table> Scope for (A, B) {
    type Handles = (A::Columns<(A, B)>, B::Columns<(A, B)>);
    fn handles(aliases: &[&'static str]) -> Self::Handles {
        (A::columns_in(aliases[0]), B::columns_in(aliases[1]))
    }
}

impl<A: Table, B: Table, C: Table> Scope for (A, B, C) {
    type Handles = (
        A::Columns<(A, B, C)>,
        B::Columns<(A, B, C)>,
        C::Columns<(A, B, C)>,
    );
    fn handles(aliases: &[&'static str]) -> Self::Handles {
        (
            A::columns_in(aliases[0]),
            B::columns_in(aliases[1]),
            C::columns_in(aliases[2]),
        )
    }
}
