//! Relational queries (drizzle's `db.query.users.findMany({ with: { posts: true } })`): a table's rows
//! with related rows nested, planned by the engine's relational planner into ONE statement, decoded into
//! nested structs (`Vec<Post>` for a list, `Option<User>` for one).

use std::borrow::Cow;
use std::cell::Cell;
use std::marker::PhantomData;
use std::rc::Rc;

use mizzle_core::ast::{Expr, SelectItem, TableRef};
use mizzle_core::relational::{RelationKind, RelationalQuery};
use mizzle_core::schema::SqlType;

use super::selection::{and_into, Selection};
use super::statement::{Build, Statement};
use crate::decode::{Column, Level, Shape};
use crate::expr::{Cond, Joinable, Orders};
use crate::schema::{Col, Kind, Table};
use crate::Error;

/// The aliases of nested levels, unique in one query (the planner needs them distinct at every depth).
const ALIASES: [&str; 16] = [
    "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
    "r16",
];

/// One level of a relational query over `T`.
pub struct Find<T> {
    query: RelationalQuery,
    columns: Vec<Column>,
    alias: &'static str,
    next_alias: Rc<Cell<usize>>,
    error: Option<Error>,
    table: PhantomData<fn() -> T>,
}

/// `findMany`: every row of `T`, with the relations asked for.
pub fn find_many<T: Table>() -> Find<T> {
    Find::level(T::NAME, Rc::new(Cell::new(0)), true)
}

/// `findFirst`: [`find_many`] limited to one row (read it with the host's `get`).
pub fn find_first<T: Table>() -> Find<T> {
    find_many::<T>().limit(1)
}

impl<T: Table> Find<T> {
    fn level(alias: &'static str, next_alias: Rc<Cell<usize>>, top: bool) -> Self {
        let mut table = TableRef::new(T::NAME);
        if alias != T::NAME {
            table = table.alias(alias);
        }
        let mut query = RelationalQuery::new(table);
        let mut columns = Vec::new();
        for c in T::COLUMNS {
            let expr = Expr::col(alias, c.name);
            // At the top a 64-bit integer is read as text (nested, its JSON encoding is text already).
            let expr = if top && c.kind == Kind::BigInt {
                expr.cast(SqlType::Text)
            } else {
                expr
            };
            let codec = c.kind.codec();
            query = query.field(c.field, expr, codec.json_encoding());
            columns.push(Column::Plain {
                name: Cow::Borrowed(c.field),
                codec,
            });
        }
        Find {
            query,
            columns,
            alias,
            next_alias,
            error: None,
            table: PhantomData,
        }
    }

    fn handles(&self) -> T::Columns<T> {
        T::columns_in(self.alias)
    }

    /// `where`, and-ed with an earlier one.
    pub fn filter(mut self, f: impl FnOnce(T::Columns<T>) -> Cond<T>) -> Self {
        let c = f(self.handles()).expr;
        and_into(&mut self.query.filter, c);
        self
    }

    /// Only these columns or expressions (drizzle's `columns: { id: true, ... }` and `extras`), in this
    /// order, before the relations; rows then decode into a struct with those fields (or a tuple).
    pub fn columns<X: Selection<T>>(mut self, f: impl FnOnce(T::Columns<T>) -> X) -> Self {
        let mut items = Vec::new();
        f(self.handles()).items(&mut items);
        self.query.fields.clear();
        let relations: Vec<Column> = self
            .columns
            .drain(..)
            .filter(|c| matches!(c, Column::Relation { .. }))
            .collect();
        for (item, column) in items {
            let (SelectItem::Expr { expr, .. }, Column::Plain { name, codec }) = (item, &column)
            else {
                continue;
            };
            self.query = self.query.field(name, expr, codec.json_encoding());
            self.columns.push(column);
        }
        self.columns.extend(relations);
        self
    }

    /// `orderBy`.
    pub fn order_by<O: Orders<T>>(mut self, f: impl FnOnce(T::Columns<T>) -> O) -> Self {
        let terms = f(self.handles()).terms();
        self.query.order_by.extend(terms);
        self
    }

    /// `limit` (of this level's rows; per parent row when nested).
    pub fn limit(mut self, n: i64) -> Self {
        self.query.limit = Some(Expr::val(n));
        self
    }

    /// `offset`.
    pub fn offset(mut self, n: i64) -> Self {
        self.query.offset = Some(Expr::val(n));
        self
    }

    fn relation<U: Table>(
        mut self,
        name: &'static str,
        many: bool,
        on: impl FnOnce(T::Columns<T>, U::Columns<U>) -> On<T, U>,
        nest: impl FnOnce(Find<U>) -> Find<U>,
    ) -> Self {
        let n = self.next_alias.get();
        let Some(alias) = ALIASES.get(n) else {
            self.error = Some(Error::Invalid(format!(
                "a relational query nests at most {} relations",
                ALIASES.len()
            )));
            return self;
        };
        self.next_alias.set(n + 1);
        let child = nest(Find::<U>::level(alias, self.next_alias.clone(), false));
        let On {
            parent: parent_col,
            child: child_col,
            ..
        } = on(self.handles(), U::columns_in(alias));
        if let Some(e) = child.error {
            self.error.get_or_insert(e);
        }
        let kind = if many {
            RelationKind::Many
        } else {
            RelationKind::One
        };
        self.query = self
            .query
            .relation(name, kind, &[(parent_col, child_col)], child.query);
        self.columns.push(Column::Relation {
            name: Cow::Borrowed(name),
            many,
            level: Level {
                columns: child.columns,
            },
        });
        self
    }

    /// A list of related rows under `name` (drizzle's `many`): `on` pairs this table's column with the
    /// related table's (`|u, p| on(u.id, p.author_id)`), `nest` shapes the related level (columns, filter,
    /// order, limit, its own relations). Decodes into a `Vec` field.
    pub fn with_many<U: Table>(
        self,
        name: &'static str,
        on: impl FnOnce(T::Columns<T>, U::Columns<U>) -> On<T, U>,
        nest: impl FnOnce(Find<U>) -> Find<U>,
    ) -> Self {
        self.relation(name, true, on, nest)
    }

    /// One related row or none under `name` (drizzle's `one`); decodes into an `Option` field.
    pub fn with_one<U: Table>(
        self,
        name: &'static str,
        on: impl FnOnce(T::Columns<T>, U::Columns<U>) -> On<T, U>,
        nest: impl FnOnce(Find<U>) -> Find<U>,
    ) -> Self {
        self.relation(name, false, on, nest)
    }
}

/// The columns a relation joins on: this level's and the related table's (drizzle's `fields` and
/// `references`), made by [`on`].
pub struct On<T, U> {
    parent: &'static str,
    child: &'static str,
    tables: PhantomData<fn() -> (T, U)>,
}

/// `on(u.id, p.author_id)`: the parent's column and the related table's, of one type (either may be
/// nullable).
pub fn on<T, U, V1: Joinable<V2>, V2>(parent: Col<T, V1>, child: Col<U, V2>) -> On<T, U> {
    On {
        parent: parent.info.name,
        child: child.info.name,
        tables: PhantomData,
    }
}

impl<T: Table> Build for Find<T> {
    fn build(self) -> Result<Statement, Error> {
        if let Some(e) = self.error {
            return Err(e);
        }
        Ok(Statement {
            ast: self.query.into(),
            shape: Shape {
                columns: self.columns,
                groups: Vec::new(),
            },
        })
    }
}
