//! Which Rust values a column of type `V` takes, checked by the compiler, and how each is bound.

use mizzle_core::ast::Expr;
use mizzle_core::schema::SqlType;
use mizzle_core::Value;

use crate::schema::{Col, Kind, SqlField};
use crate::MAX_SAFE_INTEGER;

/// A value usable where a column of Rust type `V` is expected: `V` itself, `Option<V>`'s inner type, and
/// the borrowed or narrower forms (`&str` for `String`, `i32` for `i64`, `&[u8]` for `Vec<u8>`).
pub trait ValueOf<V> {
    /// The value bound for a column of `kind`.
    fn into_value(self, kind: Kind) -> Value;
}

macro_rules! owned {
    ($($t:ty),*) => {$(
        impl ValueOf<$t> for $t {
            fn into_value(self, kind: Kind) -> Value { self.to_value(kind) }
        }
        impl ValueOf<Option<$t>> for $t {
            fn into_value(self, kind: Kind) -> Value { self.to_value(kind) }
        }
        impl ValueOf<Option<$t>> for Option<$t> {
            fn into_value(self, kind: Kind) -> Value { self.to_value(kind) }
        }
        impl<S> Rhs<S, $t> for $t {
            fn rhs(self, kind: Kind) -> Expr { value_expr(ValueOf::<$t>::into_value(self, kind)) }
        }
        impl<S> Rhs<S, Option<$t>> for $t {
            fn rhs(self, kind: Kind) -> Expr { value_expr(ValueOf::<Option<$t>>::into_value(self, kind)) }
        }
        // A nullable column beside a non-null one of the same type (`posts.author_id = users.id`).
        impl<S> Rhs<S, Option<$t>> for Col<S, $t> {
            fn rhs(self, _: Kind) -> Expr { Expr::col(self.table, self.info.name) }
        }
        impl<S> Rhs<S, $t> for Col<S, Option<$t>> {
            fn rhs(self, _: Kind) -> Expr { Expr::col(self.table, self.info.name) }
        }
        impl Joinable<Option<$t>> for $t {}
        impl Joinable<$t> for Option<$t> {}
    )*};
}
owned!(
    i8,
    i16,
    i32,
    u8,
    u16,
    u32,
    i64,
    f32,
    f64,
    bool,
    String,
    Vec<u8>,
    serde_json::Value
);

macro_rules! borrowed {
    ($($from:ty => $to:ty: $conv:expr),*) => {$(
        impl ValueOf<$to> for $from {
            fn into_value(self, kind: Kind) -> Value { ($conv)(self).to_value(kind) }
        }
        impl ValueOf<Option<$to>> for $from {
            fn into_value(self, kind: Kind) -> Value { ($conv)(self).to_value(kind) }
        }
        impl<S> Rhs<S, $to> for $from {
            fn rhs(self, kind: Kind) -> Expr { value_expr(ValueOf::<$to>::into_value(self, kind)) }
        }
        impl<S> Rhs<S, Option<$to>> for $from {
            fn rhs(self, kind: Kind) -> Expr { value_expr(ValueOf::<Option<$to>>::into_value(self, kind)) }
        }
    )*};
}
borrowed!(
    &str => String: |s: &str| s.to_owned(),
    &String => String: |s: &String| s.clone(),
    &[u8] => Vec<u8>: |b: &[u8]| b.to_vec(),
    i32 => i64: i64::from,
    u32 => i64: i64::from,
    i32 => f64: f64::from
);

/// The right side of a comparison with an expression of type `V` in scope `S`: a value of [`ValueOf`]`<V>`,
/// or a column or expression of the same scope and type.
pub trait Rhs<S, V> {
    /// The operand, a value bound for a column of `kind`.
    fn rhs(self, kind: Kind) -> Expr;
}

/// Column types a relation may join on: the same type, or one of them nullable.
pub trait Joinable<V> {}

impl<V> Joinable<V> for V {}

impl<S, V> Rhs<S, V> for Col<S, V> {
    fn rhs(self, _: Kind) -> Expr {
        Expr::col(self.table, self.info.name)
    }
}

impl<S, V> Rhs<S, V> for super::Ex<S, V> {
    fn rhs(self, _: Kind) -> Expr {
        self.expr
    }
}

/// A bound value as an expression. An integer the hosts' JS numbers cannot hold exactly travels as text
/// cast back to an integer (`cast(? as integer)`), so 2^53+1 is stored as 2^53+1, not rounded.
pub fn value_expr(v: Value) -> Expr {
    match v {
        Value::Int(i) if !(-MAX_SAFE_INTEGER..=MAX_SAFE_INTEGER).contains(&i) => {
            Expr::val(i.to_string()).cast(SqlType::BigInt)
        }
        v => Expr::Value(v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_integers_travel_as_text() {
        assert_eq!(value_expr(Value::Int(7)), Expr::Value(Value::Int(7)));
        let big = (1i64 << 53) + 1;
        assert_eq!(
            value_expr(Value::Int(big)),
            Expr::val("9007199254740993").cast(SqlType::BigInt)
        );
        assert_eq!(
            ValueOf::<Option<String>>::into_value("a", Kind::Text),
            Value::Text("a".into())
        );
        assert_eq!(
            ValueOf::<bool>::into_value(true, Kind::Boolean),
            Value::Bool(true)
        );
    }
}
