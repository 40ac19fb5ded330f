//! Comparisons and predicates on columns and expressions: each gives a [`Cond`] of the same scope, and
//! takes only operands of the same value type ([`Rhs`]).

use mizzle_core::ast::Expr;

use super::{Cond, Ex, Order, Rhs};
use crate::schema::Col;

macro_rules! predicates {
    ($ty:ident) => {
        impl<S, V> $ty<S, V> {
            /// `= rhs`.
            pub fn eq(self, rhs: impl Rhs<S, V>) -> Cond<S> {
                let (e, k) = self.parts();
                Cond::new(e.eq(rhs.rhs(k)))
            }
            /// `<> rhs`.
            pub fn ne(self, rhs: impl Rhs<S, V>) -> Cond<S> {
                let (e, k) = self.parts();
                Cond::new(e.ne(rhs.rhs(k)))
            }
            /// `< rhs`.
            pub fn lt(self, rhs: impl Rhs<S, V>) -> Cond<S> {
                let (e, k) = self.parts();
                Cond::new(e.lt(rhs.rhs(k)))
            }
            /// `<= rhs`.
            pub fn le(self, rhs: impl Rhs<S, V>) -> Cond<S> {
                let (e, k) = self.parts();
                Cond::new(e.le(rhs.rhs(k)))
            }
            /// `> rhs`.
            pub fn gt(self, rhs: impl Rhs<S, V>) -> Cond<S> {
                let (e, k) = self.parts();
                Cond::new(e.gt(rhs.rhs(k)))
            }
            /// `>= rhs`.
            pub fn ge(self, rhs: impl Rhs<S, V>) -> Cond<S> {
                let (e, k) = self.parts();
                Cond::new(e.ge(rhs.rhs(k)))
            }
            /// `between low and high`.
            pub fn between(self, low: impl Rhs<S, V>, high: impl Rhs<S, V>) -> Cond<S> {
                let (e, k) = self.parts();
                Cond::new(e.between(low.rhs(k), high.rhs(k)))
            }
            /// `in (list)`; false for an empty list (as drizzle).
            pub fn in_list<R: Rhs<S, V>>(self, list: impl IntoIterator<Item = R>) -> Cond<S> {
                let (e, k) = self.parts();
                Cond::new(e.in_list(list.into_iter().map(|r| r.rhs(k)).collect()))
            }
            /// `not in (list)`; true for an empty list.
            pub fn not_in_list<R: Rhs<S, V>>(self, list: impl IntoIterator<Item = R>) -> Cond<S> {
                let (e, k) = self.parts();
                Cond::new(e.not_in_list(list.into_iter().map(|r| r.rhs(k)).collect()))
            }
            /// `is null`.
            pub fn is_null(self) -> Cond<S> {
                Cond::new(self.parts().0.is_null())
            }
            /// `is not null`.
            pub fn is_not_null(self) -> Cond<S> {
                Cond::new(self.parts().0.is_not_null())
            }
            /// Ascending order.
            pub fn asc(self) -> Order<S> {
                Order::new(self.parts().0, false)
            }
            /// Descending order.
            pub fn desc(self) -> Order<S> {
                Order::new(self.parts().0, true)
            }
        }

        impl<S> $ty<S, String> {
            /// `like pattern`.
            pub fn like(self, pattern: &str) -> Cond<S> {
                Cond::new(self.parts().0.like(Expr::val(pattern)))
            }
        }

        impl<S> $ty<S, Option<String>> {
            /// `like pattern`.
            pub fn like(self, pattern: &str) -> Cond<S> {
                Cond::new(self.parts().0.like(Expr::val(pattern)))
            }
        }
    };
}

predicates!(Col);
predicates!(Ex);

impl<S, V> Col<S, V> {
    fn parts(self) -> (Expr, crate::schema::Kind) {
        (Expr::col(self.table, self.info.name), self.info.kind)
    }
}

impl<S, V> Ex<S, V> {
    fn parts(self) -> (Expr, crate::schema::Kind) {
        (self.expr, self.kind)
    }
}

impl<S> From<Ex<S, bool>> for Cond<S> {
    fn from(e: Ex<S, bool>) -> Self {
        Cond::new(e.expr)
    }
}
