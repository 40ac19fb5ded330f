//! A built statement: the engine's AST and the shape of its rows, rendered for a host's dialect.

use mizzle_core::ast;
use mizzle_core::{render, DialectKind, Rendered};

use crate::decode::Shape;
use crate::Error;

/// One statement ready to run: what to render, and how its rows decode.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub ast: ast::Statement,
    /// Empty for a statement without rows.
    pub shape: Shape,
}

impl Statement {
    /// A raw statement (SQL text run as is, no parameters), its rows read by position as `shape` says.
    pub fn raw(sql: &str, shape: Shape) -> Statement {
        Statement {
            ast: ast::Statement::Sql(ast::Expr::raw(sql)),
            shape,
        }
    }

    /// The SQL text and parameters for `dialect`.
    pub fn render(&self, dialect: DialectKind) -> Result<Rendered, Error> {
        render(&self.ast, dialect).map_err(Error::Engine)
    }

    /// Whether the statement returns rows to decode.
    pub fn has_rows(&self) -> bool {
        !self.shape.columns.is_empty()
    }
}

/// A builder that gives a [`Statement`] (every query builder, and a `Statement` itself).
pub trait Build: Sized {
    fn build(self) -> Result<Statement, Error>;

    /// The statement as one or more run in one atomic unit, each within `max_params` bound values
    /// (an insert of many rows on D1 or a Durable Object).
    fn build_all(self, max_params: Option<usize>) -> Result<Vec<Statement>, Error> {
        let _ = max_params;
        Ok(vec![self.build()?])
    }
}

impl Build for Statement {
    fn build(self) -> Result<Statement, Error> {
        Ok(self)
    }
}
