//! What a select or `returning` yields: columns and expressions, each with its decode codec.

use std::borrow::Cow;

use mizzle_core::ast::{Expr, SelectItem};
use mizzle_core::schema::SqlType;

use crate::decode::Column;
use crate::expr::Ex;
use crate::schema::{Col, ColumnInfo, Kind};

/// A selected value: its expression as selected and its decode column.
pub(crate) fn item(expr: Expr, kind: Kind, name: Cow<'static, str>) -> (SelectItem, Column) {
    // A 64-bit integer is read as text: the hosts' JS numbers would round it beyond 2^53.
    let expr = if kind == Kind::BigInt {
        expr.cast(SqlType::Text)
    } else {
        expr
    };
    (
        SelectItem::from(expr),
        Column::Plain {
            name,
            codec: kind.codec(),
        },
    )
}

/// Every column of a table read under `table` (a name or alias).
pub(crate) fn all_columns(
    table: &str,
    columns: &'static [ColumnInfo],
) -> Vec<(SelectItem, Column)> {
    columns
        .iter()
        .map(|c| item(Expr::col(table, c.name), c.kind, Cow::Borrowed(c.field)))
        .collect()
}

/// `returning` every column of `T`: the items and the shape its rows decode by.
pub(crate) fn returning_all<T: crate::schema::Table>() -> (Vec<SelectItem>, crate::decode::Shape) {
    let (items, columns) = all_columns(T::NAME, T::COLUMNS).into_iter().unzip();
    (
        items,
        crate::decode::Shape {
            columns,
            groups: Vec::new(),
        },
    )
}

/// `slot` and-ed with `cond` (a second `filter` narrows the first, as drizzle's `where` does not: it
/// replaces; here both hold).
pub(crate) fn and_into(slot: &mut Option<Expr>, cond: Expr) {
    *slot = Some(match slot.take() {
        Some(prev) => prev.and(cond),
        None => cond,
    });
}

/// One or more selected values over the tables `S`: a column, an expression, or a tuple of them (up to
/// eight), decoded by position into a tuple or by name into a struct.
pub trait Selection<S> {
    #[doc(hidden)]
    fn items(self, out: &mut Vec<(SelectItem, Column)>);
}

impl<S, V> Selection<S> for Col<S, V> {
    fn items(self, out: &mut Vec<(SelectItem, Column)>) {
        out.push(item(
            Expr::col(self.table, self.info.name),
            self.info.kind,
            Cow::Borrowed(self.info.field),
        ));
    }
}

impl<S, V> Selection<S> for Ex<S, V> {
    fn items(self, out: &mut Vec<(SelectItem, Column)>) {
        out.push(item(self.expr, self.kind, self.name));
    }
}

impl<S, X: Selection<S>> Selection<S> for Vec<X> {
    fn items(self, out: &mut Vec<(SelectItem, Column)>) {
        for x in self {
            x.items(out);
        }
    }
}

macro_rules! tuples {
    ($($name:ident)+) => {
        impl<S, $($name: Selection<S>),+> Selection<S> for ($($name,)+) {
            #[allow(non_snake_case)]
            fn items(self, out: &mut Vec<(SelectItem, Column)>) {
                let ($($name,)+) = self;
                $($name.items(out);)+
            }
        }
    };
}
tuples!(A);
tuples!(A B);
tuples!(A B C);
tuples!(A B C D);
tuples!(A B C D E);
tuples!(A B C D E F);
tuples!(A B C D E F G);
tuples!(A B C D E F G H);
