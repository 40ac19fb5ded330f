//! Raw SQL fragments (drizzle's `sql\`...\``): text, identifiers and values interleaved, typed by the
//! caller when it becomes an expression.

use std::borrow::Cow;
use std::marker::PhantomData;

use mizzle_core::ast::{Expr, RawPart};
use mizzle_core::schema::SqlType;
use mizzle_core::Value;

use super::{value_expr, Cond, Ex};
use crate::schema::SqlField;

/// A raw SQL fragment over the tables `S`: `sql("lower(").ex(u.name).push(")")`.
pub struct Sql<S> {
    parts: Vec<RawPart>,
    scope: PhantomData<fn() -> S>,
}

/// Starts a fragment with SQL text (written as is: never put values in it, bind them with
/// [`Sql::value`]).
pub fn sql<S>(text: &str) -> Sql<S> {
    Sql {
        parts: vec![RawPart::Sql(text.into())],
        scope: PhantomData,
    }
}

impl<S> Sql<S> {
    /// More SQL text.
    pub fn push(mut self, text: &str) -> Self {
        self.parts.push(RawPart::Sql(text.into()));
        self
    }

    /// A column or expression of the same scope.
    pub fn ex<V>(mut self, e: impl Into<Ex<S, V>>) -> Self {
        self.parts.push(RawPart::Expr(e.into().expr));
        self
    }

    /// A bound value. An integer is written `cast(? as integer)`: D1 and Durable Objects bind every
    /// number as a JS number, which SQLite reads as REAL where no column affinity converts it (`? / 2` would
    /// be 3.5 for 7), and raw SQL is where such arithmetic happens.
    pub fn value(mut self, v: impl Into<Value>) -> Self {
        let e = match value_expr(v.into()) {
            e @ Expr::Value(Value::Int(_)) => e.cast(SqlType::BigInt),
            e => e,
        };
        self.parts.push(RawPart::Expr(e));
        self
    }

    /// A quoted identifier.
    pub fn ident(mut self, name: &str) -> Self {
        self.parts.push(RawPart::Ident(name.into()));
        self
    }

    /// The fragment as an expression whose value decodes as `V`, under `name` in result rows.
    pub fn typed<V: SqlField>(self, name: impl Into<Cow<'static, str>>) -> Ex<S, V> {
        Ex::from_expr(Expr::Raw(self.parts), V::KIND, name)
    }

    /// The fragment as a condition.
    pub fn cond(self) -> Cond<S> {
        Cond::new(Expr::Raw(self.parts))
    }
}
