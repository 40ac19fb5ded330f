//! Conditions: boolean expressions of one scope, combined with `and` / `or` / `not`.

use std::marker::PhantomData;
use std::ops::{BitAnd, BitOr, Not};

use mizzle_core::ast::Expr;

/// A `where` / `on` / `having` condition over the tables `S`.
pub struct Cond<S> {
    pub(crate) expr: Expr,
    scope: PhantomData<fn() -> S>,
}

impl<S> Cond<S> {
    pub(crate) fn new(expr: Expr) -> Self {
        Cond {
            expr,
            scope: PhantomData,
        }
    }

    /// The engine expression.
    pub fn expr(&self) -> &Expr {
        &self.expr
    }

    /// Both.
    pub fn and(self, other: Cond<S>) -> Cond<S> {
        Cond::new(self.expr.and(other.expr))
    }

    /// Either.
    pub fn or(self, other: Cond<S>) -> Cond<S> {
        Cond::new(self.expr.or(other.expr))
    }
}

impl<S> Clone for Cond<S> {
    fn clone(&self) -> Self {
        Cond::new(self.expr.clone())
    }
}

impl<S> BitAnd for Cond<S> {
    type Output = Cond<S>;
    fn bitand(self, rhs: Cond<S>) -> Cond<S> {
        self.and(rhs)
    }
}

impl<S> BitOr for Cond<S> {
    type Output = Cond<S>;
    fn bitor(self, rhs: Cond<S>) -> Cond<S> {
        self.or(rhs)
    }
}

impl<S> Not for Cond<S> {
    type Output = Cond<S>;
    fn not(self) -> Cond<S> {
        Cond::new(Expr::Not(Box::new(self.expr)))
    }
}

/// Every condition (drizzle's `and(...)`); true when there are none.
pub fn and<S>(conds: impl IntoIterator<Item = Cond<S>>) -> Cond<S> {
    Cond::new(Expr::And(conds.into_iter().map(|c| c.expr).collect()))
}

/// Any condition (drizzle's `or(...)`); false when there are none.
pub fn or<S>(conds: impl IntoIterator<Item = Cond<S>>) -> Cond<S> {
    Cond::new(Expr::Or(conds.into_iter().map(|c| c.expr).collect()))
}
