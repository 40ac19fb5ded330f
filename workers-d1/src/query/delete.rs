//! `delete`.

use std::marker::PhantomData;

use mizzle_core::ast::{self, TableRef};

use super::selection::{and_into, returning_all};
use super::statement::{Build, Statement};
use crate::decode::Shape;
use crate::expr::Cond;
use crate::schema::Table;
use crate::Error;

/// A DELETE from `T`.
pub struct Delete<T> {
    ast: ast::Delete,
    shape: Shape,
    table: PhantomData<fn() -> T>,
}

/// `delete from T` (every row, unless filtered).
pub fn delete<T: Table>() -> Delete<T> {
    Delete {
        ast: ast::Delete::new(TableRef::new(T::NAME)),
        shape: Shape::default(),
        table: PhantomData,
    }
}

impl<T: Table> Delete<T> {
    /// `where`, and-ed with an earlier one.
    pub fn filter(mut self, f: impl FnOnce(T::Columns<T>) -> Cond<T>) -> Self {
        and_into(&mut self.ast.where_, f(T::columns_in(T::NAME)).expr);
        self
    }

    /// `returning` every column: the deleted rows decode into `T`.
    pub fn returning(mut self) -> Self {
        (self.ast.returning, self.shape) = returning_all::<T>();
        self
    }
}

impl<T: Table> Build for Delete<T> {
    fn build(self) -> Result<Statement, Error> {
        Ok(Statement {
            ast: self.ast.into(),
            shape: self.shape,
        })
    }
}
