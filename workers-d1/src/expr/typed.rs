//! `Ex<S, V>`: an expression over the scope `S` with a value of Rust type `V`, named for the result row.

use std::borrow::Cow;
use std::marker::PhantomData;

use mizzle_core::ast::Expr;

use crate::schema::{Col, Kind};

/// An expression reading the tables `S`, whose value decodes as `V` (by `kind`'s codec) under `name`.
pub struct Ex<S, V> {
    pub(crate) expr: Expr,
    pub(crate) kind: Kind,
    pub(crate) name: Cow<'static, str>,
    scope: PhantomData<fn() -> (S, V)>,
}

impl<S, V> Ex<S, V> {
    /// An expression from the engine's AST (the caller vouches for `S` and `V`).
    pub fn from_expr(expr: Expr, kind: Kind, name: impl Into<Cow<'static, str>>) -> Self {
        Ex {
            expr,
            kind,
            name: name.into(),
            scope: PhantomData,
        }
    }

    /// The same expression under another result key (`sql ... as name`).
    pub fn named(mut self, name: impl Into<Cow<'static, str>>) -> Self {
        self.name = name.into();
        self
    }

    /// The engine expression.
    pub fn expr(&self) -> &Expr {
        &self.expr
    }

    /// The same expression with a nullable value (to compare with a nullable column).
    pub fn nullable(self) -> Ex<S, Option<V>> {
        Ex::from_expr(self.expr, self.kind, self.name)
    }
}

impl<S, V> Clone for Ex<S, V> {
    fn clone(&self) -> Self {
        Ex::from_expr(self.expr.clone(), self.kind, self.name.clone())
    }
}

impl<S, V> From<Col<S, V>> for Ex<S, V> {
    fn from(c: Col<S, V>) -> Self {
        Ex::from_expr(Expr::col(c.table, c.info.name), c.info.kind, c.info.field)
    }
}

impl<S, V> Col<S, V> {
    /// The column as an expression (for functions and raw SQL).
    pub fn ex(self) -> Ex<S, V> {
        self.into()
    }

    /// The column as a nullable expression (to compare with a nullable column).
    pub fn nullable(self) -> Ex<S, Option<V>> {
        self.ex().nullable()
    }

    /// The column under another result key.
    pub fn named(self, name: impl Into<Cow<'static, str>>) -> Ex<S, V> {
        self.ex().named(name)
    }
}
