//! `update`.

use std::marker::PhantomData;

use mizzle_core::ast::{self, TableRef};

use super::assign::Assigns;
use super::selection::{and_into, returning_all};
use super::statement::{Build, Statement};
use crate::decode::Shape;
use crate::expr::Cond;
use crate::schema::Table;
use crate::Error;

/// An UPDATE of `T`.
pub struct Update<T> {
    ast: ast::Update,
    shape: Shape,
    table: PhantomData<fn() -> T>,
}

/// `update T set ...`: `update::<User>().set(|u| (u.name.to("ann"), u.karma.to(u.karma.plus(1))))`.
pub fn update<T: Table>() -> Update<T> {
    Update {
        ast: ast::Update::new(TableRef::new(T::NAME), Vec::new()),
        shape: Shape::default(),
        table: PhantomData,
    }
}

impl<T: Table> Update<T> {
    /// Assignments, after earlier ones.
    pub fn set<A: Assigns<T>>(mut self, f: impl FnOnce(T::Columns<T>) -> A) -> Self {
        self.ast.set.extend(f(T::columns_in(T::NAME)).assignments());
        self
    }

    /// `where`, and-ed with an earlier one.
    pub fn filter(mut self, f: impl FnOnce(T::Columns<T>) -> Cond<T>) -> Self {
        and_into(&mut self.ast.where_, f(T::columns_in(T::NAME)).expr);
        self
    }

    /// `returning` every column: the updated rows decode into `T`.
    pub fn returning(mut self) -> Self {
        (self.ast.returning, self.shape) = returning_all::<T>();
        self
    }
}

impl<T: Table> Build for Update<T> {
    fn build(self) -> Result<Statement, Error> {
        if self.ast.set.is_empty() {
            return Err(Error::Invalid(format!(
                "update of {}: nothing to set",
                T::NAME
            )));
        }
        Ok(Statement {
            ast: self.ast.into(),
            shape: self.shape,
        })
    }
}
