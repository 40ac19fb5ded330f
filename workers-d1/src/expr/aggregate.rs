//! Aggregates (drizzle's `count()`, `sum()`, `avg()`, `min()`, `max()`).

use mizzle_core::ast::{AggregateFn, Expr};

use super::Ex;
use crate::schema::{Col, Kind};

/// `count(*)`, named `count`.
pub fn count<S>() -> Ex<S, i64> {
    Ex::from_expr(Expr::count_star(), Kind::Integer, "count")
}

/// `count(distinct e)`, named `count`.
pub fn count_distinct<S, V>(e: impl Into<Ex<S, V>>) -> Ex<S, i64> {
    let e = e.into();
    Ex::from_expr(
        e.expr.aggregate(AggregateFn::Count, true),
        Kind::Integer,
        "count",
    )
}

macro_rules! aggregates {
    ($ty:ident) => {
        impl<S, V> $ty<S, V> {
            /// `count(e)`: the rows where it is not null.
            pub fn count(self) -> Ex<S, i64> {
                let e: Ex<S, V> = self.into();
                Ex::from_expr(
                    e.expr.aggregate(AggregateFn::Count, false),
                    Kind::Integer,
                    e.name,
                )
            }
            /// `sum(e)`; null over no rows.
            pub fn sum(self) -> Ex<S, Option<V>> {
                let e: Ex<S, V> = self.into();
                let kind = e.kind;
                Ex::from_expr(e.expr.aggregate(AggregateFn::Sum, false), kind, e.name)
            }
            /// `avg(e)`; null over no rows.
            pub fn avg(self) -> Ex<S, Option<f64>> {
                let e: Ex<S, V> = self.into();
                Ex::from_expr(
                    e.expr.aggregate(AggregateFn::Avg, false),
                    Kind::Real,
                    e.name,
                )
            }
            /// `min(e)`; null over no rows.
            pub fn min(self) -> Ex<S, Option<V>> {
                let e: Ex<S, V> = self.into();
                let kind = e.kind;
                Ex::from_expr(e.expr.aggregate(AggregateFn::Min, false), kind, e.name)
            }
            /// `max(e)`; null over no rows.
            pub fn max(self) -> Ex<S, Option<V>> {
                let e: Ex<S, V> = self.into();
                let kind = e.kind;
                Ex::from_expr(e.expr.aggregate(AggregateFn::Max, false), kind, e.name)
            }
        }
    };
}

aggregates!(Col);
aggregates!(Ex);
