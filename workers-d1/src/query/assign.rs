//! `set column = value` for updates and upserts.

use std::marker::PhantomData;

use mizzle_core::ast::{Assignment, BinaryOp, Expr};

use crate::expr::{Ex, Rhs};
use crate::schema::Col;

/// One `column = value` of a table in scope `S`.
pub struct Assign<S> {
    pub(crate) assignment: Assignment,
    scope: PhantomData<fn() -> S>,
}

impl<S, V> Col<S, V> {
    /// `set column = rhs` (a value of the column's type, or an expression of it).
    pub fn to(self, rhs: impl Rhs<S, V>) -> Assign<S> {
        Assign {
            assignment: Assignment::new(self.info.name, rhs.rhs(self.info.kind)),
            scope: PhantomData,
        }
    }

    /// `column + rhs`.
    pub fn plus(self, rhs: impl Rhs<S, V>) -> Ex<S, V> {
        self.arith(BinaryOp::Add, rhs)
    }

    /// `column - rhs`.
    pub fn minus(self, rhs: impl Rhs<S, V>) -> Ex<S, V> {
        self.arith(BinaryOp::Sub, rhs)
    }

    fn arith(self, op: BinaryOp, rhs: impl Rhs<S, V>) -> Ex<S, V> {
        let kind = self.info.kind;
        let right = rhs.rhs(kind);
        let e = self.ex();
        let name = e.name.clone();
        Ex::from_expr(
            Expr::Binary {
                op,
                left: Box::new(e.expr),
                right: Box::new(right),
            },
            kind,
            name,
        )
    }
}

/// The value an upsert proposed for `column` (`excluded.column`).
pub fn excluded<S, V>(column: Col<S, V>) -> Ex<S, V> {
    Ex::from_expr(
        Expr::Excluded(column.info.name.into()),
        column.info.kind,
        column.info.field,
    )
}

/// One or more assignments: an [`Assign`], a tuple of them (up to six) or a `Vec`.
pub trait Assigns<S> {
    #[doc(hidden)]
    fn assignments(self) -> Vec<Assignment>;
}

impl<S> Assigns<S> for Assign<S> {
    fn assignments(self) -> Vec<Assignment> {
        vec![self.assignment]
    }
}

impl<S> Assigns<S> for Vec<Assign<S>> {
    fn assignments(self) -> Vec<Assignment> {
        self.into_iter().map(|a| a.assignment).collect()
    }
}

macro_rules! tuples {
    ($($name:ident)+) => {
        impl<S> Assigns<S> for ($(tuples!(@ty $name S),)+) {
            #[allow(non_snake_case)]
            fn assignments(self) -> Vec<Assignment> {
                let ($($name,)+) = self;
                vec![$($name.assignment),+]
            }
        }
    };
    (@ty $name:ident $s:ident) => { Assign<$s> };
}
tuples!(A B);
tuples!(A B C);
tuples!(A B C D);
tuples!(A B C D E);
tuples!(A B C D E F);
