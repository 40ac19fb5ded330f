//! ORDER BY terms.

use std::marker::PhantomData;

use mizzle_core::ast::{Expr, OrderBy};

/// One ordering term over the tables `S`.
pub struct Order<S> {
    pub(crate) term: OrderBy,
    scope: PhantomData<fn() -> S>,
}

impl<S> Order<S> {
    pub(crate) fn new(expr: Expr, desc: bool) -> Self {
        Order {
            term: if desc {
                OrderBy::desc(expr)
            } else {
                OrderBy::asc(expr)
            },
            scope: PhantomData,
        }
    }
}

/// Several terms, in order (a tuple or a `Vec` of [`Order`]s, or one).
pub trait Orders<S> {
    fn terms(self) -> Vec<OrderBy>;
}

impl<S> Orders<S> for Order<S> {
    fn terms(self) -> Vec<OrderBy> {
        vec![self.term]
    }
}

impl<S> Orders<S> for Vec<Order<S>> {
    fn terms(self) -> Vec<OrderBy> {
        self.into_iter().map(|o| o.term).collect()
    }
}

impl<S> Orders<S> for (Order<S>, Order<S>) {
    fn terms(self) -> Vec<OrderBy> {
        vec![self.0.term, self.1.term]
    }
}

impl<S> Orders<S> for (Order<S>, Order<S>, Order<S>) {
    fn terms(self) -> Vec<OrderBy> {
        vec![self.0.term, self.1.term, self.2.term]
    }
}
